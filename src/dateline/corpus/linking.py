"""Linking: which event mentions, from different articles, report the same incident.

The rule (thresholds are `Options` settings, named in brackets):

1. Hard conditions; any one failing keeps two mentions apart:
   - their types are compatible: the same ACLED type, or both political violence
     (battles, explosions/remote violence, violence against civilians: outlets type one
     bombing differently), or both demonstrations (protests, riots);
   - their dates overlap once one of them is widened by [link_date_slack_days] (day
     precision only: "Tuesday night" and "early Wednesday" are one incident, but a chain
     of day-apart reports cannot stretch an incident over three days). A mention the text
     does not date stands for [link_undated_days] before its report, since news reports
     the recent past. A month or year overlaps every day inside it;
   - their places are compatible: not two different countries, and two points resolved
     finer than a country lie within [link_place_km] of each other.
2. Evidence, which must add up to [link_min_evidence]:
   - place: +2 both resolved finer than a country and within [link_place_km] (or the
     same GeoNames feature), +1 the same country when one of them names only the country
     (in a war, "El Salvador" on the same day is weak evidence of one incident);
   - date: +1 both dated to the day and within the slack;
   - type: +1 the same type and sub-type (a bombing and a bombing, not a bombing and
     a shooting);
   - actors: +2 a named actor in common (perpetrator, victim or target);
   - figures: +1 the same figure for a category; -1 figures for a category that
     disagree beyond a rising toll (a later report lower than half an earlier one).
   Different actor names are no evidence against: outlets name one perpetrator as
   "gunmen", "guerrillas" or "some 30 men".
3. Pairs with enough evidence are merged strongest first (ties in report order), a merge
   of two linked events only when no member of one has a hard conflict with a member of
   the other: a chain of weak links cannot join two incidents. Two mentions of one
   article give no evidence for or against each other: the events stage already merged
   what it could tell is one incident, so they never link directly, but when it split
   one incident in two, reports from other articles that link to both bring them
   together. A toll rising from 12 to 40 over three days links (figures compatible,
   place and date agree), while two attacks in one city a week apart do not (dates).
The reasons (date, place, type, actors, figures) of each merge are kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import combinations

from ..gazetteer import distance_km
from ..options import Options

VIOLENCE = frozenset(
    {"battles", "explosions_remote_violence", "violence_against_civilians", "generic"}
)
DEMONSTRATIONS = frozenset({"protests", "riots"})
FINE_PLACES = frozenset({"exact", "near", "district", "province"})
NAME_STOPWORDS = frozenset({"the", "of", "a", "an", "and", "de", "del", "la", "el", "los", "las"})
# Words that describe actors without naming them: "20 people", "the group", "armed men",
# "a car bomb" are said of every incident, so sharing them is no evidence of one incident.
GENERIC_ACTOR_WORDS = frozenset(
    {
        "people", "person", "persons", "man", "men", "woman", "women", "child", "children",
        "group", "groups", "member", "members", "civilian", "civilians", "resident", "residents",
        "individual", "individuals", "unknown", "several", "some", "many", "armed", "heavily",
        "gunman", "gunmen", "guerrilla", "guerrillas", "rebel", "rebels", "insurgent",
        "insurgents", "terrorist", "terrorists", "soldier", "soldiers", "troop", "troops", "army",
        "police", "policeman", "policemen", "force", "forces", "unit", "units", "security",
        "official", "officials", "passenger", "passengers", "citizen", "citizens", "peasant",
        "peasants", "worker", "workers", "victim", "victims", "attacker", "attackers",
        "assailant", "assailants", "commando", "commandos", "squad", "squads", "bomb", "bombs",
        "other", "others", "two", "three", "four", "five", "six",
        # the means, which the events stage may name as a perpetrator ("a car bomb")
        "car", "truck", "vehicle", "explosive", "explosives", "device", "devices", "grenade",
        "grenades", "mine", "mines", "rocket", "rockets", "shell", "shells", "dynamite",
        "weapon", "weapons",
    }
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class MentionFacts:
    """What linking needs to know of one event mention (built from the store's rows)."""

    id: str
    article_id: str
    outlet: str
    reported: str  # the article's publication time, ISO 8601 ("" when unknown)
    type: str
    sub_type: str | None
    start: date | None
    end: date | None
    precision: str  # day | month | year | unknown
    basis: str  # explicit | relative | publication | unknown
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    place_precision: str | None = None
    actors: frozenset[str] = frozenset()  # name keys, see `name_key`
    figures: tuple[tuple[str, int], ...] = ()  # (category, value) of whole figures


@dataclass(slots=True)
class Verdict:
    conflict: bool
    evidence: int = 0
    reasons: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Cluster:
    """A linked event under construction: members in report order, and why each joined."""

    members: list[MentionFacts] = field(default_factory=list)
    reasons: dict[str, list[str]] = field(default_factory=dict)  # mention id -> reasons


def name_key(name: str) -> str:
    """A name folded for comparison: lower case, letters and digits, no articles."""
    words = re.findall(r"[^\W_]+", name.lower())
    return " ".join(w for w in words if w not in NAME_STOPWORDS)


def link(mentions: Iterable[MentionFacts], options: Options) -> list[Cluster]:
    """The linked events: every mention in exactly one cluster, clusters in report order.

    Constrained agglomeration: candidate pairs (mentions whose dates share a month) with
    enough evidence are merged strongest first, each merge only when no member of one
    cluster conflicts with a member of the other. The result does not depend on the
    order the mentions come in.
    """
    ordered = sorted(mentions, key=lambda m: (m.reported, m.article_id, m.id))
    judge = _Judge(ordered, options)
    groups = _Groups(len(ordered))
    for _, first, second, reasons in sorted(judge.candidate_pairs()):
        if groups.find(first) != groups.find(second) and not judge.any_conflict(
            groups.members(first), groups.members(second)
        ):
            groups.union(first, second)
            for index in (first, second):
                judge.reasons.setdefault(index, reasons)
    clusters = []
    for members in groups.all():
        clusters.append(
            Cluster(
                [ordered[i] for i in members],
                {ordered[i].id: judge.reasons.get(i, []) for i in members},
            )
        )
    return clusters


class _Judge:
    """Verdicts between mentions (by index into report order), computed once each."""

    def __init__(self, ordered: list[MentionFacts], options: Options):
        self.ordered, self.options = ordered, options
        self.verdicts: dict[tuple[int, int], Verdict] = {}
        self.reasons: dict[int, list[str]] = {}

    def verdict(self, first: int, second: int) -> Verdict:
        key = (min(first, second), max(first, second))
        if key not in self.verdicts:
            self.verdicts[key] = compare(self.ordered[key[0]], self.ordered[key[1]], self.options)
        return self.verdicts[key]

    def candidate_pairs(self) -> list[tuple[int, int, int, list[str]]]:
        """(-evidence, first, second, reasons) for pairs with enough evidence to link."""
        by_month: dict[tuple[int, int], list[int]] = {}
        for index, mention in enumerate(self.ordered):
            window = _window(mention, self.options)
            for month in _months(*window) if window else ():
                by_month.setdefault(month, []).append(index)
        pairs: set[tuple[int, int]] = set()
        for indices in by_month.values():
            pairs.update(combinations(indices, 2))
        quick = [self._quick_facts(mention) for mention in self.ordered]
        found = []
        for first, second in sorted(pairs):
            if not _may_link(quick[first], quick[second]):
                continue
            verdict = self.verdict(first, second)
            if not verdict.conflict and verdict.evidence >= self.options.link_min_evidence:
                found.append((-verdict.evidence, first, second, verdict.reasons))
        return found

    def _quick_facts(self, mention: MentionFacts) -> tuple[int, int, str | None, str]:
        """What rules most pairs out cheaply: the days (as ordinals), country, type family."""
        window = _window(mention, self.options)
        start, end = (window[0].toordinal(), window[1].toordinal()) if window else (0, -1)
        return start, end, mention.country, _family(mention.type)

    def any_conflict(self, these: list[int], those: list[int]) -> bool:
        return any(self.verdict(a, b).conflict for a in these for b in those)


class _Groups:
    """Union-find over mention indices, keeping each group's members in report order."""

    def __init__(self, size: int):
        self.parent = list(range(size))
        self.groups: dict[int, list[int]] = {i: [i] for i in range(size)}

    def find(self, index: int) -> int:
        while self.parent[index] != index:
            self.parent[index] = self.parent[self.parent[index]]
            index = self.parent[index]
        return index

    def members(self, index: int) -> list[int]:
        return self.groups[self.find(index)]

    def union(self, first: int, second: int) -> None:
        keep, gone = sorted((self.find(first), self.find(second)))
        self.parent[gone] = keep
        self.groups[keep] = sorted(self.groups[keep] + self.groups.pop(gone))

    def all(self) -> list[list[int]]:
        return [self.groups[root] for root in sorted(self.groups)]


def compare(a: MentionFacts, b: MentionFacts, options: Options) -> Verdict:
    """Whether two mentions may be one incident, and the evidence that they are."""
    if a.article_id == b.article_id:  # no evidence either way: see the rule above
        return Verdict(conflict=False)
    if not _types_compatible(a.type, b.type):
        return Verdict(conflict=True)
    window_a, window_b = _window(a, options), _window(b, options, slack=False)
    if window_a is None or window_b is None or not _overlap(window_a, window_b):
        return Verdict(conflict=True)
    verdict = Verdict(conflict=False)
    if (a.type, a.sub_type) == (b.type, b.sub_type):
        verdict.evidence += 1
        verdict.reasons.append("type")
    if a.precision == b.precision == "day" and "publication" not in (a.basis, b.basis):
        verdict.evidence += 1
        verdict.reasons.append("date")
    if not _judge_place(a, b, options, verdict):
        return Verdict(conflict=True)
    _judge_actors(a, b, verdict)
    _judge_figures(a, b, verdict)
    return verdict


def _types_compatible(a: str, b: str) -> bool:
    return _family(a) == _family(b)


def _family(kind: str) -> str:
    if kind in VIOLENCE:
        return "violence"
    return "demonstrations" if kind in DEMONSTRATIONS else kind


def _may_link(a: tuple[int, int, str | None, str], b: tuple[int, int, str | None, str]) -> bool:
    """False when `compare` would surely find a conflict (a cheap test on many pairs)."""
    overlap = a[0] <= b[1] and b[0] <= a[1]
    return overlap and a[3] == b[3] and not (a[2] and b[2] and a[2] != b[2])


def _window(
    mention: MentionFacts, options: Options, *, slack: bool = True
) -> tuple[date, date] | None:
    """The days the mention may lie in; with `slack`, a day-precise date widened by the
    slack (applied to one side of a comparison only, so the slack is the largest gap)."""
    if mention.basis == "publication" or mention.start is None:
        reported = _day(mention.reported)
        if reported is None:
            return None
        return reported - timedelta(days=options.link_undated_days), reported
    end = mention.end or mention.start
    if mention.precision == "day" and slack:
        days = timedelta(days=options.link_date_slack_days)
        return mention.start - days, end + days
    return mention.start, end


def _overlap(a: tuple[date, date], b: tuple[date, date]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _months(start: date, end: date) -> list[tuple[int, int]]:
    months: list[tuple[int, int]] = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month) and len(months) < 36:
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _day(iso: str) -> date | None:
    try:
        return date.fromisoformat(iso[:10])
    except ValueError:
        return None


def _judge_place(a: MentionFacts, b: MentionFacts, options: Options, verdict: Verdict) -> bool:
    """Add the place evidence; False when the places cannot be one."""
    if a.country and b.country and a.country != b.country:
        return False
    if _fine(a) and _fine(b):
        near = a.geonames_id == b.geonames_id or (
            distance_km(a.lat, a.lon, b.lat, b.lon) <= options.link_place_km  # type: ignore[arg-type]
        )
        if near:
            verdict.evidence += 2
            verdict.reasons.append("place")
        return near
    if a.country and b.country:  # one of them, or both, only the country
        verdict.evidence += 1
        verdict.reasons.append("country")
    return True


def _fine(mention: MentionFacts) -> bool:
    return (
        mention.place_precision in FINE_PLACES
        and mention.lat is not None
        and mention.lon is not None
    )


def _judge_actors(a: MentionFacts, b: MentionFacts, verdict: Verdict) -> None:
    if not a.actors or not b.actors:
        return
    if any(_same_name(x, y) for x in a.actors for y in b.actors):
        verdict.evidence += 2
        verdict.reasons.append("actors")


def _same_name(a: str, b: str) -> bool:
    """ "ignacio ellacuria" and "ellacuria" are one name (one's words run inside the
    other's); "20 people" and "the group" name no one."""
    if not (_specific(a) and _specific(b)):
        return False
    shorter, longer = sorted((a.split(), b.split()), key=len)
    width = len(shorter)
    return any(longer[i : i + width] == shorter for i in range(len(longer) - width + 1))


def _specific(key: str) -> bool:
    words = key.split()
    return (
        bool(words)
        and not any(w.isdigit() for w in words)
        and not all(w in GENERIC_ACTOR_WORDS for w in words)
    )


def _judge_figures(a: MentionFacts, b: MentionFacts, verdict: Verdict) -> None:
    """Same figure: evidence. A later report far below an earlier one: evidence against.

    Tolls rise as bodies are found, so a later figure above an earlier one is expected,
    and disagreement only counts when the later report halves the earlier one.
    """
    earlier, later = (a, b) if (a.reported, a.id) <= (b.reported, b.id) else (b, a)
    later_values = dict(later.figures)
    agreed = disagreed = False
    for category, value in earlier.figures:
        if category not in later_values:
            continue
        agreed |= later_values[category] == value
        disagreed |= later_values[category] * 2 < value
    if agreed:
        verdict.evidence += 1
        verdict.reasons.append("figures")
    elif disagreed:
        verdict.evidence -= 1
