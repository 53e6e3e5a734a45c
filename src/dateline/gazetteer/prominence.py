"""How far beyond its own region a place is named: capitals and much larger namesakes.

News names a national capital for its government ("Washington and Moscow", "left for
Washington"), wherever the story is set, and a large city far more often than a village
that shares its name: a village is named in the news of its own area. The article's
context (which country and division its places lie in) is built for local readings; these
rules keep it from handing a famous name to a small namesake on evidence that says nothing
about the small place itself.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import NamedTuple

from .index import Entry, fold

# A capital gains this much (in units of log10 population) when the article names places in
# its country: enough to pass its country's first-level division of the same name
# ("Washington" the state) and a village abroad backed by the article's other country
# ("Washington" in Tyne and Wear), not a qualifier ("Tacoma, Washington") nor a town that
# nearby places and its county support.
CAPITAL_HOME = 2.0
# A name whose readings lie this likely in a country names the country: the capital's support
# counts such names (their weights), a presence that, unlike a share, does not shrink as the
# article names more places elsewhere (a London story that mentions the United States twice
# still names the United States).
CERTAIN_COUNTRY = 0.5
NAMESAKE_RATIO = 10  # a namesake this many times larger outweighs weak support for a town
VILLAGE_POPULATION = 30_000  # a town smaller than this is named in the news of its own area


def likely_country(countries: Mapping[str, float]) -> str:
    """The country a name's readings likely lie in (`countries`: their mass by country), or
    "" when none holds CERTAIN_COUNTRY of it."""
    if not countries:
        return ""
    country = max(countries, key=countries.__getitem__)
    return country if countries[country] >= CERTAIN_COUNTRY else ""


def capital_support(entry: Entry, presence: Mapping[str, float]) -> float:
    """A national capital is named for its country's government: once the article names its
    country at all, it is likelier than its namesakes, however few of the article's places
    lie in that country (a Russia-Britain story that mentions the United States means the
    American capital by "Washington")."""
    if not entry.capital:
        return 0.0
    return CAPITAL_HOME * min(1.0, presence.get(entry.country, 0.0))


class Support(NamedTuple):
    """What in the article backs the town chosen for a name, beyond its size."""

    beyond_country: bool  # anything but its country's share of the article's places
    own_area: bool  # its dateline, a qualifier, its county, places near it, its division alone


Scored = list[tuple[Entry, float]]


def unless_overshadowed(
    choice: tuple[Entry | None, float],
    scored: Scored,
    support: Callable[[Entry], Support],
    probabilities: Callable[[Scored], Sequence[float]],
) -> tuple[Entry | None, float]:
    """The choice, or a same-named town NAMESAKE_RATIO times larger among the name's `scored`
    readings, the largest such, with its probability, when the article backs the chosen town
    too little (`support`, asked only when there is such a namesake): a town is named in news
    far more often the larger it is.

    - Abroad, when nothing but its country's share supports it: that share says the story
      is set in the country, not that it concerns one of the country's villages ("Toronto" in
      a baseball story that names Texas is not the Ohio village).
    - In its own country, for a village that nothing of its own area backs: its state named
      among others, or a big city two hundred kilometres off, is how national news reads
      too ("Louisville" in a basketball story datelined Columbus, Ohio, is Kentucky's city;
      "Boston" beside "New York" is not the village near Buffalo). A local story names the
      village's neighbours, its county, or its state alone, or opens with its dateline."""
    entry, _ = choice
    if entry is None or entry.feature not in ("city", "admin2"):
        return choice
    abroad = _larger_namesake(entry, scored, abroad=True)
    home = _larger_namesake(entry, scored, abroad=False)
    if home is not None and entry.population >= VILLAGE_POPULATION:
        home = None
    if abroad is None and home is None:
        return choice
    backing = support(entry)
    larger = abroad if abroad is not None and not backing.beyond_country else None
    if larger is None and not backing.own_area:
        larger = home
    if larger is None:
        return choice
    index = [e for e, _ in scored].index(larger)
    return larger, round(probabilities(scored)[index], 3)


def _larger_namesake(entry: Entry, scored: Scored, *, abroad: bool) -> Entry | None:
    key = fold(entry.name)
    larger = [
        other
        for other, _ in scored
        if other.feature == "city"
        and (other.country != entry.country) == abroad
        and other.population >= NAMESAKE_RATIO * max(entry.population, 1)
        and fold(other.name) == key
    ]
    return max(larger, key=lambda other: other.population) if larger else None
