"""The article's context for resolution: where the readings of an article's other place names
lie, and how much that supports each reading of a name.

Each other name spreads its vote over its readings by their probabilities: by country
(`COUNTRY_CONTEXT`), by first-level division (`ADMIN_CONTEXT`, `ADMIN_SHARE`, and
`NAMED_DIVISION` for a division named outright), by nearness of its likeliest points
(`PROXIMITY_CONTEXT`), through counties it names or lies in (`CountyLinks`), and, for the
items of one list, by kind of place (`like_list_mates`). `resolve` refines this context over a
few rounds, so that names that support each other settle together.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence, Set
from dataclasses import dataclass, field
from typing import NamedTuple

from .index import Entry, distance_km, fold
from .mention import Mention
from .prominence import capital_support, likely_country

COUNTRY_CONTEXT = 3.0  # times the share of the article's other places in the same country
ADMIN_CONTEXT = 2.5  # times the other names' probability mass in the same admin1 (capped at 1)
# A county named with its designator ("Madison County") in a story that names a state outright
# lies in that state: local news names its own state, while the towns of the same name that
# the story's other homonyms may be scatter over several. When it names several states, the
# one it names most often is its own ("the Indiana agency said ... Indiana's rate ... above
# Kentucky's"). Only for the designated name: a bare "Washington" or "Houston" is the city
# far more often than a county in that state.
NAMED_DIVISION = 2.0  # times the mass naming this county's admin1 (capped at 1) times its share
ADMIN_SHARE = 1.0  # times the share of the other names' admin1 mass lying in this admin1
PROXIMITY_CONTEXT = 2.0  # times the other names' probability mass lying near this place (capped)
NEAR_KM, FAR_KM = 50.0, 300.0  # nearness falls from 1 at NEAR_KM to 0 at FAR_KM
POINTS_PER_NAME = 3  # each other name's likeliest readings that count for nearness
QUALIFIER_BONUS = 6.0  # "X, Y" where Y is the division or country that holds X
COUNTY_CONTEXT = 2.5  # a town in a county the article names, or a county holding a town it names
LIST_LEVEL = 4.0  # times the share of a list's other items at a reading's level

Point = tuple[float, float, float]  # lat, lon, probability of that reading


class Shares(NamedTuple):
    """What the other names of an article say about one name's readings."""

    countries: dict[str, float]  # country -> share of the other names' mass
    admins: dict[int, float]  # admin1 geonameid -> the other names' mass inside it
    points: list[list[Point]]  # each other name's likeliest points
    admin_total: float  # the total mass of the admin1s
    divisions: dict[int, float]  # admin1 geonameid -> the other names' mentions naming it
    presence: dict[str, float]  # country -> weight of the other names likely in it


Scored = list[tuple[Entry, float]]
Candidate = tuple[Entry, bool]  # (entry, reached only through a country code)


@dataclass(slots=True)
class Context:
    """Where each distinct name's readings lie: probability mass per country and per admin1."""

    countries: dict[str, dict[str, float]] = field(default_factory=dict)
    admins: dict[str, dict[int, float]] = field(default_factory=dict)
    points: dict[str, list[Point]] = field(default_factory=dict)
    weights: dict[str, float] = field(default_factory=dict)
    levels: dict[str, dict[str, float]] = field(default_factory=dict)  # mass by feature
    divisions: dict[str, dict[int, float]] = field(default_factory=dict)  # mass naming an admin1
    likely_country: dict[str, str] = field(default_factory=dict)  # see prominence.likely_country

    def shares(self, name: str) -> Shares:
        """The other names' mass: as shares by country, summed by admin1 (a first-level division
        named anywhere in the article is evidence however many other places it names), and
        their likeliest points (a name does not vote for itself), and the countries they name."""
        total = sum(w for other, w in self.weights.items() if other != name)
        countries: dict[str, float] = defaultdict(float)
        admins: dict[int, float] = defaultdict(float)
        divisions: dict[int, float] = defaultdict(float)
        presence: dict[str, float] = defaultdict(float)
        if total <= 0:
            return Shares(countries, admins, [], 0.0, divisions, presence)
        for other, weight in self.weights.items():
            if other != name:
                for country, mass in self.countries[other].items():
                    countries[country] += weight * mass / total
                for admin, mass in self.admins[other].items():
                    admins[admin] += weight * mass  # presence, not share: capped where used
                for admin, mass in self.divisions[other].items():
                    divisions[admin] += weight * mass
                if self.likely_country.get(other):
                    presence[self.likely_country[other]] += weight
        points = [pts for other, pts in self.points.items() if other != name and pts]
        return Shares(countries, admins, points, sum(admins.values()), divisions, presence)


class CountyLinks(NamedTuple):
    """The counties (second-level divisions) the other names of an article may be (`named`),
    those their towns may lie in (`holding`), and the divisions of both levels they may be
    (`divisions`)."""

    named: Set[int] = frozenset()
    holding: Set[int] = frozenset()
    divisions: Set[int] = frozenset()

    def holds(self, entry: Entry) -> bool:
        """The entry lies in a division that another name of the article may be."""
        return bool({entry.admin1, entry.admin2} & self.divisions)

    def link(self, entry: Entry) -> bool:
        """A town in a county named elsewhere, or a county holding a town named elsewhere."""
        if entry.feature == "city":
            return entry.admin2 in self.named
        return entry.feature == "admin2" and entry.geonameid in self.holding


NO_COUNTIES = CountyLinks()


def contextual(
    entry: Entry,
    shares: Shares,
    qualifiers: Sequence[Entry],
    counties: CountyLinks = NO_COUNTIES,
    county: bool = False,
) -> float:
    """Score from the article's other places: their countries, admin1s, how near they are,
    a qualifier, and the second-level divisions that any reading of them names or lies in
    (`counties`)."""
    countries, admins, points, admin_total, divisions, presence = shares
    score = COUNTRY_CONTEXT * countries.get(entry.country, 0.0) + capital_support(entry, presence)
    if entry.feature in ("city", "admin2"):
        score += _admin_support(admins.get(entry.admin1, 0.0), admin_total)
        if county and entry.feature == "admin2":
            score += _named_division_support(divisions, entry.admin1)
        score += PROXIMITY_CONTEXT * min(1.0, nearness(entry, points))
        if (counties.named or counties.holding) and counties.link(entry):
            score += COUNTY_CONTEXT
    elif entry.feature == "admin1":  # the article's other places lie inside it
        score += _admin_support(admins.get(entry.geonameid, 0.0), admin_total)
    if any(contains(q, entry) for q in qualifiers):
        score += QUALIFIER_BONUS
    return score


def _named_division_support(divisions: dict[int, float], admin1: int) -> float:
    """`NAMED_DIVISION` for a county in a state named outright, by that state's share of
    the mentions of states (each mention counts: `build_context`'s `repeats`)."""
    named = divisions.get(admin1, 0.0)
    if named <= 0:
        return 0.0
    return NAMED_DIVISION * min(1.0, named) * named / sum(divisions.values())


def _admin_support(mass: float, total: float) -> float:
    """A first-level division the other names may lie in counts once it is named at all
    (capped presence), and more the larger its share of them: a story with six Indiana places
    and one Kentucky place means Boone County, Indiana."""
    if mass <= 0:
        return 0.0
    return ADMIN_CONTEXT * min(1.0, mass) + ADMIN_SHARE * mass / total


def nearness(entry: Entry, points: Sequence[Sequence[Point]]) -> float:
    """Sum over the other names of their likeliest nearby reading's probability, weighted by
    how near it is: towns named together tend to lie together."""
    total = 0.0
    reach = FAR_KM / 111.0  # degrees of latitude: a cheap test before the distance
    here_lat, here_lon = entry.lat, entry.lon
    for readings in points:
        best = 0.0
        for lat, lon, p in readings:
            if p <= best or abs(lat - here_lat) > reach:
                continue
            km = distance_km(here_lat, here_lon, lat, lon)
            closeness = 1.0 if km <= NEAR_KM else max(0.0, (FAR_KM - km) / (FAR_KM - NEAR_KM))
            best = max(best, p * closeness)
        total += best
    return total


def admin1_of(entry: Entry) -> int:
    return entry.geonameid if entry.feature == "admin1" else entry.admin1


def contains(outer: Entry, inner: Entry) -> bool:
    if outer.feature == "country":
        return inner.country == outer.country and inner.feature != "country"
    return outer.feature == "admin1" and inner.admin1 == outer.geonameid


def probabilities(scored: Scored) -> list[float]:
    if not scored:
        return []
    top = max(score for _, score in scored)
    weights = [math.exp(score - top) for _, score in scored]
    total = sum(weights)
    return [w / total for w in weights]


def list_mates(
    mentions: Sequence[Mention | None],
    keys: Sequence[tuple[str, str | None]],
    names: dict[tuple[str, str | None], str],
) -> dict[tuple[str, str | None], set[str]]:
    """For each name that is an item of a list, the names of the other items: "Washington,
    New York and Boston" are towns, "Missouri, New York and Virginia" states. Names known
    only by a place inside them (None) take no part: "King Street" is not a town."""
    groups: dict[int, set[str]] = defaultdict(set)
    for mention, key in zip(mentions, keys, strict=True):
        if mention is not None and mention.group is not None:
            groups[mention.group].add(names[key])
    mates: dict[tuple[str, str | None], set[str]] = defaultdict(set)
    for mention, key in zip(mentions, keys, strict=True):
        if mention is not None and mention.group is not None:
            mates[key] |= groups[mention.group] - {names[key]}
    return {key: found for key, found in mates.items() if found}


def like_list_mates(scored: Scored, mates: set[str] | None, context: Context) -> Scored:
    """Items of one list are places of one kind: each reading gains by the share of the other
    items' readings at its level (town, county, division, country)."""
    levels = [context.levels[mate] for mate in mates or () if mate in context.levels]
    if not levels:
        return scored
    return [
        (
            entry,
            score
            + LIST_LEVEL * sum(level.get(entry.feature, 0.0) for level in levels) / len(levels),
        )
        for entry, score in scored
    ]


def score_pool(
    pool: Sequence[Candidate],
    own: Sequence[float],
    shares: Shares,
    qualifiers: Sequence[Entry],
    counties: CountyLinks = NO_COUNTIES,
    county: bool = False,
) -> Scored:
    return [
        (e, p + contextual(e, shares, qualifiers, counties, county))
        for (e, _), p in zip(pool, own, strict=True)
    ]


def county_links(pools: dict[str, Sequence[Candidate]]) -> dict[str, CountyLinks]:
    """Each name's `CountyLinks` from the other names' readings: "Paris" and "Henry County" in
    one story are the Paris in Henry County, however many Parises and Henry Counties there
    are. Only readings that bear the name as their own count (Houston County is not
    "Houston"), and two towns in one county do not link: common town names share counties
    too often."""
    counties: dict[str, set[int]] = {}
    towns_in: dict[str, set[int]] = {}
    divisions: dict[str, set[int]] = {}
    for name, pool in pools.items():
        own = [e for e, _ in pool if fold(e.name) == name]
        counties[name] = {e.geonameid for e in own if e.feature == "admin2"}
        towns_in[name] = {e.admin2 for e in own if e.feature == "city" and e.admin2}
        divisions[name] = counties[name] | {e.geonameid for e in own if e.feature == "admin1"}

    def others(ids: dict[str, set[int]], name: str) -> set[int]:
        return set().union(*(values for other, values in ids.items() if other != name))

    return {
        name: CountyLinks(others(counties, name), others(towns_in, name), others(divisions, name))
        for name in pools
    }


def likeliest_points(scored: Scored) -> list[Point]:
    """The likeliest readings of a name that are towns or districts (a country's point says
    nothing about which of its towns is meant)."""
    ranked = sorted(zip(scored, probabilities(scored), strict=True), key=lambda pair: -pair[1])
    return [
        (entry.lat, entry.lon, p)
        for (entry, _), p in ranked[:POINTS_PER_NAME]
        if entry.feature in ("city", "admin2")
    ]


def build_context(
    named: Sequence[tuple[str, float, Scored]], repeats: dict[str, int] | None = None
) -> Context:
    """Each distinct name's reading probabilities, summed by country and admin1 (continents
    name no country, so their mass is left out); `named` holds (folded name, weight, scored)
    and a name's first scoring stands for it, at its highest weight. A division's own name
    counts once per mention (`repeats`: folded name -> mentions): how often an article names
    a state says whether it is the article's own."""
    context = Context()
    for name, weight, candidates_scored in named:
        if not candidates_scored:
            continue
        if name in context.weights:
            context.weights[name] = max(context.weights[name], weight)
            continue
        countries: dict[str, float] = defaultdict(float)
        admins: dict[int, float] = defaultdict(float)
        divisions: dict[int, float] = defaultdict(float)
        for (entry, _), p in zip(candidates_scored, probabilities(candidates_scored), strict=True):
            if entry.country:
                countries[entry.country] += p
            if admin1_of(entry):
                admins[admin1_of(entry)] += p
            if entry.feature == "admin1":
                divisions[entry.geonameid] += p * (repeats or {}).get(name, 1)
        context.divisions[name] = divisions
        context.countries[name], context.admins[name], context.weights[name] = (
            countries,
            admins,
            weight,
        )
        context.points[name] = likeliest_points(candidates_scored)
        context.likely_country[name] = likely_country(countries)
        levels: dict[str, float] = defaultdict(float)
        for (entry, _), p in zip(candidates_scored, probabilities(candidates_scored), strict=True):
            levels[entry.feature] += p
        context.levels[name] = levels
    return context
