"""How far beyond its own region a place is named: capitals and much larger namesakes.

News names a national capital for its government ("Washington and Moscow", "left for
Washington"), wherever the story is set, and a large city far more often than a village
that shares its name. The article's context (which country and division its places lie
in) is built for local readings; these two rules keep it from handing a famous name to a
small namesake on evidence that says nothing about the small place itself.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .index import Entry, fold

# A capital gains this much (in units of log10 population) when the article names places in
# its country: enough to pass its country's first-level division of the same name
# ("Washington" the state) and a village abroad backed by the article's other country
# ("Washington" in Tyne and Wear), not a qualifier ("Tacoma, Washington") nor a town that
# nearby places and its county support.
CAPITAL_HOME = 2.0
CERTAIN_COUNTRY = 0.5  # a name whose readings lie this likely in a country names the country
NAMESAKE_RATIO = 10  # a namesake abroad this many times larger outweighs country-only support
WORLD_CITY_POPULATION = 1_000_000  # a city this large is known across the world by its name


def country_presence(
    countries: Mapping[str, Mapping[str, float]], weights: Mapping[str, float], name: str
) -> dict[str, float]:
    """For each country, the summed weight of the article's other names that likely lie in it
    (`countries`: each name's probability mass by country). Unlike a share, this does not
    shrink as the article names more places elsewhere: a story set in London that mentions
    the United States twice still names the United States."""
    presence: dict[str, float] = {}
    for other, weight in weights.items():
        if other == name:
            continue
        for country, mass in countries.get(other, {}).items():
            if mass >= CERTAIN_COUNTRY:
                presence[country] = presence.get(country, 0.0) + weight
    return presence


def capital_support(entry: Entry, presence: Mapping[str, float]) -> float:
    """A national capital is named for its country's government: once the article names its
    country at all, it is likelier than its namesakes, however few of the article's places
    lie in that country (a Russia-Britain story that mentions the United States means the
    American capital by "Washington")."""
    if not entry.capital:
        return 0.0
    return CAPITAL_HOME * min(1.0, presence.get(entry.country, 0.0))


def unless_overshadowed(
    choice: tuple[Entry | None, float],
    scored: Sequence[tuple[Entry, float]],
    probabilities: Sequence[float],
    supported: bool,
) -> tuple[Entry | None, float]:
    """The choice, or a namesake abroad ten times larger when nothing but its country's share
    of the article supports the chosen town (not `supported`): that share says the story is
    set in the country, not that it concerns one of the country's villages, and a town is
    named in news far more often the larger it is ("Toronto" in a baseball story that names
    Texas is not the Ohio village). `scored` and `probabilities` are the name's readings."""
    entry, _ = choice
    if entry is None or supported:
        return choice
    readings = [(e, p) for (e, _), p in zip(scored, probabilities, strict=True)]
    larger = larger_namesake_abroad(entry, readings)
    return choice if larger is None else (larger[0], round(larger[1], 3))


def larger_namesake_abroad(
    entry: Entry, readings: Sequence[tuple[Entry, float]]
) -> tuple[Entry, float] | None:
    """The largest town abroad that bears the same name as `entry` and is NAMESAKE_RATIO times
    larger, with its probability (`readings`: (entry, probability) pairs)."""
    if entry.feature not in ("city", "admin2"):
        return None
    key = fold(entry.name)
    larger = [
        (other, p)
        for other, p in readings
        if other.feature == "city"
        and other.country != entry.country
        and other.population >= NAMESAKE_RATIO * max(entry.population, 1)
        and fold(other.name) == key
    ]
    return max(larger, key=lambda pair: pair[0].population) if larger else None


def widely_known(entry: Entry) -> bool:
    """A national capital or a city of a million: news names it without saying where it lies,
    and a writer who follows it with another place's name is listing, not qualifying."""
    return entry.feature == "city" and (entry.capital or entry.population >= WORLD_CITY_POPULATION)
