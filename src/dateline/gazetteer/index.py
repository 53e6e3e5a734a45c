"""The in-memory gazetteer: compact rows, a folded-name index, country and demonym tables."""

from __future__ import annotations

import dataclasses
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

# Feature levels, coarse to fine; `Place.feature` takes these values.
FEATURES = ("continent", "country", "admin1", "admin2", "city")

# Longer than any real place name (GeoNames' longest common names are under 100 characters);
# anything longer is not looked up at all, so absurd input costs nothing.
MAX_NAME_CHARS = 120

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
    country: str  # ISO 3166-1 alpha-2, "" for continents
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


_ENTRY_FIELDS = tuple(f.name for f in dataclasses.fields(Entry))


@dataclass(slots=True)
class Gazetteer:
    """Folded names -> entries. Built by `gazetteer.build`, usually loaded via `load_gazetteer`."""

    rows: list[tuple] = field(default_factory=list)  # Entry fields, in order
    names: dict[str, tuple[int, ...]] = field(default_factory=dict)  # folded name -> row numbers
    codes: dict[str, int] = field(default_factory=dict)  # folded country codes (us, usa, uk) -> row
    by_id: dict[int, int] = field(default_factory=dict)  # geonameid -> row
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
            row = gazetteer._add(entry)
            for key in {v for name in entry_names for v in variants(fold(name)) if v}:
                index.setdefault(key, []).append(row)
        gazetteer.names = {key: tuple(rows) for key, rows in index.items()}
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

    def _add(self, entry: Entry) -> int:
        row = len(self.rows)
        # The fields by name: dataclasses.astuple deep-copies each one, a tenth of the build.
        self.rows.append(tuple(getattr(entry, name) for name in _ENTRY_FIELDS))
        self.by_id.setdefault(entry.geonameid, row)
        if entry.feature == "country":
            self.countries[entry.country] = row
        return row

    def entry(self, row: int) -> Entry:
        return Entry(*self.rows[row])

    def lookup(self, name: str, *, codes: bool = False) -> list[Entry]:
        """Every entry called `name` (any spelling GeoNames knows); with `codes`, also country
        abbreviations such as "U.S." or "UK" (ask for those only for a recognised entity)."""
        key = fold(name)
        rows = list(self.names.get(key, ()))
        if codes and key in self.codes and self.codes[key] not in rows:
            rows.append(self.codes[key])
        return [self.entry(row) for row in rows]

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
        return any(fold(self.rows[row][1]) == key for row in self.names.get(key, ()))

    def get(self, geonameid: int) -> Entry | None:
        row = self.by_id.get(geonameid)
        return None if row is None else self.entry(row)

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
