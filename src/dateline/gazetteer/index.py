"""The in-memory gazetteer: compact rows, a folded-name index, country and demonym tables."""

from __future__ import annotations

import math
import re
import sys
import unicodedata
from array import array
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

# Feature levels, coarse to fine; `Place.feature` takes these values. A "region" spans
# several countries or none: a multi-country region, an ocean, sea, gulf, bay or strait.
FEATURES = ("continent", "region", "country", "admin1", "admin2", "city")

# Longer than any real place name (GeoNames' longest common names are under 100 characters);
# anything longer is not looked up at all, so absurd input costs nothing.
MAX_NAME_CHARS = 120

# Two spellings of one name at least this similar (difflib's ratio) are variants of each other:
# "Kiev" and "Kyiv" (0.75), "Cookville" and "Cookeville"; "Maryville" and "Beeville" (0.71),
# which share only a common ending, are different names.
VARIANT_SIMILARITY = 0.75

# Letters that Unicode does not decompose to an ASCII base but transliterations write plainly
# (Şırnak -> Sirnak, Łódź -> Lodz), so that one folded key covers the common spellings.
_LETTERS = str.maketrans(
    {
        "ı": "i",
        "ə": "a",
        "ł": "l",
        "ø": "o",
        "đ": "d",
        "ħ": "h",
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "þ": "th",
        "ð": "d",
    }
)
_JOINERS = re.compile(r"[.'’`ʼ‘]")  # U.S. -> us, O'Fallon -> ofallon
_SEPARATORS = re.compile(r"[\W_]+")
# Abbreviated and full generic first words: both spellings are indexed.
_PREFIXES = {"saint": "st", "st": "saint", "mount": "mt", "mt": "mount", "fort": "ft", "ft": "fort"}


@lru_cache(maxsize=1 << 16)  # the same names recur across an article and a corpus
def fold(name: str) -> str:
    """The lookup key of a name: case, accents and punctuation removed, words single-spaced."""
    if not name or len(name) > MAX_NAME_CHARS:
        return ""
    text = name.casefold().translate(_LETTERS)
    if not text.isascii():  # ASCII has nothing to decompose (most names: skip the slow part)
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(_SEPARATORS.sub(" ", _JOINERS.sub("", text)).split())


def variants(key: str) -> list[str]:
    """The key and its spelling with the generic first word (Saint/St, Mount/Mt) swapped."""
    first, _, rest = key.partition(" ")
    if rest and first in _PREFIXES:
        return [key, f"{_PREFIXES[first]} {rest}"]
    return [key]


@dataclass(frozen=True, slots=True)
class Entry:
    """One GeoNames feature; `admin1`/`admin2`: geonameids of the divisions it lies in (0: none)."""

    geonameid: int
    name: str
    country: str  # ISO 3166-1 alpha-2, "" for continents and regions
    lat: float
    lon: float
    feature: str  # one of FEATURES
    population: int
    admin1: int = 0
    admin2: int = 0
    capital: bool = False  # its country's capital (countryinfo)

    @property
    def level(self) -> int:
        return FEATURES.index(self.feature)


def country_parts(name: str) -> list[str]:
    """The parts a country named after several islands or lands is called by: news writes
    "Trinidad" or "Bosnia" for the country (or the part of it) named "Trinidad and Tobago" or
    "Bosnia and Herzegovina", and GeoNames lists few of these parts under it. Only names
    joined by "and" are lists: the comma of "Virgin Islands, U.S." or "Korea, Republic of"
    inverts a name."""
    if not re.search(r"\s+and\s+", name):
        return []
    parts = re.split(r",\s*|\s+and\s+", name)
    return [re.sub(r"^the\s+", "", part) for part in parts if part]


def names_a_part(entry: Entry, text: str) -> bool:
    """The text names one of the lands a country is named after ("Trinidad"), not all of it."""
    return entry.feature == "country" and fold(text) in map(fold, country_parts(entry.name))


def own_name(entry: Entry, text: str) -> bool:
    """The text spells the entry's own name, its generic first word abbreviated or not: "St.
    Petersburg" is the own name of Saint Petersburg, not an alternate one."""
    key, name = fold(text), fold(entry.name)
    return key == name or name.partition(" ")[0] in _PREFIXES and key in variants(name)


def unrelated_alternate(entry: Entry, text: str) -> bool:
    """The text reaches the entry only through an alternate name that shares no word with its
    own name and is no close spelling of it: a former name or one in another language
    (Beeville's "Maryville", Augsburg's "Augusta"), not a variant ("Kiev" for Kyiv,
    "Hillsboro" for Hillsborough) nor a short form ("Boulder" for Boulder City)."""
    return not own_name(entry, text) and _unrelated(fold(text), fold(entry.name))


@lru_cache(maxsize=1 << 14)  # an article's names meet the same candidates every round
def _unrelated(key: str, name: str) -> bool:
    if set(key.split()) & set(name.split()):
        return False
    matcher = SequenceMatcher(None, key, name)
    return matcher.quick_ratio() < VARIANT_SIMILARITY or matcher.ratio() < VARIANT_SIMILARITY


@dataclass(slots=True)
class Rows:
    """The entries' fields column by column, numbers in typed arrays: a third of the memory of
    one tuple of Python objects per entry, and quicker to unpickle. Row n is the n-th entry."""

    ids: array = field(default_factory=lambda: array("i"))  # GeoNames ids stay below 2**31
    labels: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)  # interned: a few hundred distinct
    lats: array = field(default_factory=lambda: array("d"))
    lons: array = field(default_factory=lambda: array("d"))
    features: array = field(default_factory=lambda: array("b"))  # index into FEATURES
    populations: array = field(default_factory=lambda: array("q"))  # continents pass 2**31
    admin1: array = field(default_factory=lambda: array("i"))
    admin2: array = field(default_factory=lambda: array("i"))
    capitals: array = field(default_factory=lambda: array("b"))

    def append(self, entry: Entry) -> int:
        self.ids.append(entry.geonameid)
        self.labels.append(entry.name)
        self.countries.append(sys.intern(entry.country))
        self.lats.append(entry.lat)
        self.lons.append(entry.lon)
        self.features.append(FEATURES.index(entry.feature))
        self.populations.append(entry.population)
        self.admin1.append(entry.admin1)
        self.admin2.append(entry.admin2)
        self.capitals.append(entry.capital)
        return len(self.labels) - 1

    def __getitem__(self, row: int) -> Entry:
        return Entry(
            self.ids[row],
            self.labels[row],
            self.countries[row],
            self.lats[row],
            self.lons[row],
            FEATURES[self.features[row]],
            self.populations[row],
            self.admin1[row],
            self.admin2[row],
            bool(self.capitals[row]),
        )

    def __len__(self) -> int:
        return len(self.labels)


RowNumbers = int | tuple[int, ...]  # one row as a bare int: most names name a single place


@dataclass(slots=True)
class Gazetteer:
    """Folded names -> entries. Built by `gazetteer.build`, usually loaded via `load_gazetteer`."""

    rows: Rows = field(default_factory=Rows)
    names: dict[str, RowNumbers] = field(default_factory=dict)  # folded name -> row numbers
    codes: dict[str, int] = field(default_factory=dict)  # folded country codes (us, usa, uk) -> row
    # geonameid -> row, as the ids in ascending order and their rows (a dict: 25 MB more)
    sorted_ids: array = field(default_factory=lambda: array("i"))
    sorted_rows: array = field(default_factory=lambda: array("i"))
    demonyms: dict[str, str] = field(default_factory=dict)  # folded demonym -> ISO alpha-2
    countries: dict[str, int] = field(default_factory=dict)  # ISO alpha-2 -> row
    # folded key -> the exact spellings of the divisions' abbreviations under it ("la": "La.")
    abbreviations: dict[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def from_entries(
        cls,
        named: Iterable[tuple[Entry, Iterable[str]]],
        *,
        demonyms: dict[str, str] | None = None,
        codes: dict[str, str] | None = None,
        abbreviations: Iterable[str] = (),
    ) -> Gazetteer:
        """A gazetteer from (entry, its names) pairs; `codes` maps abbreviations to ISO codes;
        `abbreviations` are the divisions' abbreviated names among the names ("La.", "N.Y.")."""
        gazetteer = cls()
        index: dict[str, list[int]] = {}
        for entry, entry_names in named:
            row = gazetteer.rows.append(entry)
            if entry.feature == "country":
                gazetteer.countries[entry.country] = row
            for key in {v for name in entry_names for v in variants(fold(name)) if v}:
                index.setdefault(key, []).append(row)
        gazetteer.names = {
            key: rows[0] if len(rows) == 1 else tuple(rows) for key, rows in index.items()
        }
        order = sorted(range(len(gazetteer.rows)), key=lambda row: gazetteer.rows.ids[row])
        gazetteer.sorted_ids = array("i", (gazetteer.rows.ids[row] for row in order))
        gazetteer.sorted_rows = array("i", order)
        spellings: dict[str, set[str]] = {}
        for abbreviation in abbreviations:
            spellings.setdefault(fold(abbreviation), set()).add(abbreviation)
        gazetteer.abbreviations = {key: frozenset(found) for key, found in spellings.items()}
        gazetteer.demonyms = {fold(word): code for word, code in (demonyms or {}).items()}
        gazetteer.codes = {
            fold(abbr): gazetteer.countries[code]
            for abbr, code in (codes or {}).items()
            if code in gazetteer.countries
        }
        return gazetteer

    def entry(self, row: int) -> Entry:
        return self.rows[row]

    def _rows_named(self, key: str) -> tuple[int, ...]:
        found = self.names.get(key, ())
        return (found,) if isinstance(found, int) else found

    def lookup(self, name: str, *, codes: bool = False) -> list[Entry]:
        """Every entry called `name` (any spelling GeoNames knows); with `codes`, also country
        abbreviations such as "U.S." or "UK" (ask for those only for a recognised entity)."""
        key = fold(name)
        rows = list(self._rows_named(key))
        if codes and key in self.codes and self.codes[key] not in rows:
            rows.append(self.codes[key])
        return [self.rows[row] for row in rows]

    def misspelled_abbreviation(self, text: str) -> bool:
        """The text has the letters of a division's abbreviation but not its spelling: "L.A."
        (Los Angeles) is not "La." (Louisiana); "LA" in capitals is left to the caller."""
        spellings = self.abbreviations.get(fold(text))
        if not spellings or "." not in text:
            return False
        return all(text.rstrip(".") != spelling.rstrip(".") for spelling in spellings)

    def has_name(self, name: str) -> bool:
        return fold(name) in self.names

    def is_main_name(self, name: str) -> bool:
        """Some place has exactly this as its own name (not only among its alternate names)."""
        key = fold(name)
        return any(fold(self.rows.labels[row]) == key for row in self._rows_named(key))

    def get(self, geonameid: int) -> Entry | None:
        """The entry with this GeoNames id (the first added, if several share it)."""
        at = bisect_left(self.sorted_ids, geonameid)
        if at == len(self.sorted_ids) or self.sorted_ids[at] != geonameid:
            return None
        return self.rows[self.sorted_rows[at]]

    def country(self, code: str) -> Entry | None:
        row = self.countries.get(code.upper())
        return None if row is None else self.entry(row)

    def demonym_country(self, word: str) -> str | None:
        """The ISO code of the country a demonym names ("Armenian", "Azerbaijanis" -> AM, AZ)."""
        key = fold(word)
        if key in self.demonyms:
            return self.demonyms[key]
        if key.endswith("s") and key[:-1] in self.demonyms:  # plural: Azerbaijanis, Afghans
            return self.demonyms[key[:-1]]
        return None

    def __len__(self) -> int:
        return len(self.rows)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance; nonsense coordinates give NaN, never an exception."""
    try:
        p1, p2 = math.radians(lat1), math.radians(lat2)
        dp, dl = p2 - p1, math.radians(lon2 - lon1)
        h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
        return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))
    except (TypeError, ValueError):
        return math.nan


def valid_coordinates(lat: float | None, lon: float | None) -> bool:
    """True for a point that exists on Earth (finite, |lat| <= 90, |lon| <= 180)."""
    if lat is None or lon is None:
        return False
    try:
        return math.isfinite(lat) and math.isfinite(lon) and abs(lat) <= 90 and abs(lon) <= 180
    except TypeError:
        return False
