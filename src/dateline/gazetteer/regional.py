"""Readings of regions, waters and coasts that the article's other places decide.

Scoring by size and country (`resolve`) suits towns; three kinds of names need the article's
geography instead, once every name has its likeliest reading:

- A region that the text names exactly ("Middle East") beats a small town of that exact name
  (a hamlet in Maryland) unless the article names a division the town lies in: news names the
  region far more often, and the town's country being the article's is no evidence when the
  region is abroad.
- A bare "Gulf" (or "Bay", "Sea") is the water of that kind nearest the article's places ("a
  US ally in the Gulf, Qatar" is the Persian Gulf), not a province elsewhere that merely bears
  the word as its name ("Gulf", Papua New Guinea), unless that reading lies among them.
- A coast named by its side ("the West Coast", "the East Coast") in an article whose places
  lie mostly in one country is that country's coast: a division abroad called "West Coast"
  (in New Zealand) or known so (Western Australia) is another.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, MutableMapping, Sequence
from functools import lru_cache

from .index import Entry, Gazetteer, distance_km, fold

Key = tuple[str, str | None]  # a name as the text spells it, and its qualifier
Choice = tuple[Entry | None, float]

REGION_OVER_TOWN_POPULATION = 100_000  # a town this large is named as often as a region
# The head words of waters' names that news uses alone for the water it means ("the Gulf").
WATER_WORDS = {"gulf", "bay", "sea"}
WATER_NEAR_KM = 1000.0  # a water this near one of the article's places may be the one it means
COAST_WORDS = {"coast", "seaboard"}
SIDE_WORDS = {"west", "east", "north", "south", "gulf", "pacific", "atlantic"}
HOME_SHARE = 0.5  # an article with this share of its places in one country is set there
COAST_CONFIDENCE = 0.25  # the country is known, not the stretch of its coast


def regional_choices(
    gazetteer: Gazetteer,
    texts: Mapping[Key, str],
    chosen: MutableMapping[Key, Choice],
    pools: Mapping[Key, Sequence[Entry]],
    local: Callable[[Key, Entry], bool],
) -> None:
    """Revise `chosen` (name key -> (entry, confidence)) for regions, waters and coasts;
    `texts` gives each key's name as looked up (a place inside a longer name: "Gulf" in "Gulf
    Security Forum"), `pools` its candidates, and `local(key, entry)` whether the article
    names a division holding that reading or qualifies it."""
    for key, (entry, confidence) in list(chosen.items()):
        region = _named_region(texts[key], pools[key])
        if entry is not None and region is not None and _hamlet(entry, region):
            chosen[key] = (entry, confidence) if local(key, entry) else (region, confidence)
    places = [e for e, _ in chosen.values() if e is not None and e.feature != "region"]
    for key, choice in list(chosen.items()):
        text = texts[key]
        if fold(text) in WATER_WORDS:
            chosen[key] = _nearest_water(gazetteer, fold(text), choice, places)
        elif _side_coast(key[0]):  # as spelled: "East Coast" is no "Coast" inside it
            chosen[key] = _home_coast(gazetteer, choice, places)


def _named_region(text: str, pool: Sequence[Entry]) -> Entry | None:
    key = fold(text)
    return next((e for e in pool if e.feature == "region" and fold(e.name) == key), None)


def _hamlet(entry: Entry, region: Entry) -> bool:
    return (
        entry.feature in ("city", "admin2")
        and fold(entry.name) == fold(region.name)
        and entry.population < REGION_OVER_TOWN_POPULATION
    )


def _nearest_water(
    gazetteer: Gazetteer, word: str, choice: Choice, places: Sequence[Entry]
) -> Choice:
    """The best-known water called "... <word> ..." within WATER_NEAR_KM of the article's
    places, unless the reading chosen already lies among them (Gulf County in a Florida
    story). GeoNames lists more names for better-known waters: of the gulfs near Dubai, the
    Persian Gulf (27 names), not the Gulf of Oman (8), is "the Gulf". With no such water
    (the gazetteer lacks the Gulf of Mexico), a division far from all the article's places
    is no answer either: nothing."""
    entry, confidence = choice
    others = [p for p in places if p != entry]
    placed = entry if entry is not None and entry.feature != "region" else None
    if not others or (placed is not None and _near_any(placed, others)):
        return choice
    near = [(w, n) for w, n in _waters(gazetteer, word) if _near_any(w, others)]
    if not near:
        return (None, 0.0) if placed is not None else choice
    water, _ = max(near, key=lambda pair: pair[1])
    return water, confidence


def _near_any(entry: Entry, places: Iterable[Entry]) -> bool:
    return any(distance_km(entry.lat, entry.lon, p.lat, p.lon) <= WATER_NEAR_KM for p in places)


def _waters(gazetteer: Gazetteer, word: str) -> list[tuple[Entry, int]]:
    """The regions whose name has `word` as a word, with how many names each has."""
    found = []
    for geonameid, count in _region_names(word):
        entry = gazetteer.get(geonameid)
        if entry is not None and entry.feature == "region":
            found.append((entry, count))
    return found


@lru_cache(maxsize=8)
def _region_names(word: str) -> tuple[tuple[int, int], ...]:
    """(geonameid, number of names) of the shipped regions whose own name has `word` in it."""
    from .build import region_entries  # the data file, read once per word

    return tuple(
        (entry.geonameid, len(names))
        for entry, names in region_entries(set())
        if word in fold(entry.name).split()
    )


def _side_coast(text: str) -> bool:
    words = fold(text).split()
    return len(words) == 2 and words[0] in SIDE_WORDS and words[1] in COAST_WORDS


def _home_coast(gazetteer: Gazetteer, choice: Choice, places: Sequence[Entry]) -> Choice:
    """The article's home country for a side's coast read abroad or not at all."""
    entry, _ = choice
    counts = Counter(p.country for p in places if p.country and p != entry)
    if not counts:
        return choice
    home, count = counts.most_common(1)[0]
    if count < HOME_SHARE * sum(counts.values()) or (entry is not None and entry.country == home):
        return choice
    country = gazetteer.country(home)
    return (country, COAST_CONFIDENCE) if country is not None else choice
