"""Linking: which event mentions, from different articles, report the same incident.

The rule (thresholds are `Options` settings, named in brackets):

1. Hard conditions; any one failing keeps two mentions apart:
   - they come from different articles (an article's own events are separate incidents:
     the events stage already merged what one article says twice);
   - their types are compatible: the same ACLED type, or both political violence
     (battles, explosions/remote violence, violence against civilians: outlets type one
     bombing differently), or both demonstrations (protests, riots);
   - their dates overlap once each is widened by [link_date_slack_days] (day precision
     only: "Tuesday night" and "early Wednesday" are one incident). A mention the text
     does not date stands for [link_undated_days] before its report, since news reports
     the recent past. A month or year overlaps every day inside it;
   - their places are compatible: not two different countries, and two points resolved
     finer than a country lie within [link_place_km] of each other.
2. Evidence, which must add up to [link_min_evidence]:
   - place: +2 within [link_place_km] (or the same GeoNames feature), +1 when one is only
     the country the other lies in;
   - date: +1 both dated to the day and within the slack;
   - actors: +2 a named actor in common (perpetrator, victim or target);
   - figures: +1 the same figure for a category; -1 figures for a category that
     disagree beyond a rising toll (a later report lower than half an earlier one).
   Different actor names are no evidence against: outlets name one perpetrator as
   "gunmen", "guerrillas" or "some 30 men".
3. Mentions are taken in order of report time; each joins the linked event with the best
   evidence among those it has no hard conflict with (with every member), else starts
   its own. A toll rising from 12 to 40 over three days links (figures compatible,
   place and date agree), while two attacks in one city a week apart do not (dates).
The reasons (date, place, type, actors, figures) of each merge are kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..gazetteer import distance_km
from ..options import Options

VIOLENCE = frozenset(
    {"battles", "explosions_remote_violence", "violence_against_civilians", "generic"}
)
DEMONSTRATIONS = frozenset({"protests", "riots"})
FINE_PLACES = frozenset({"exact", "near", "district", "province"})
NAME_STOPWORDS = frozenset({"the", "of", "a", "an", "and", "de", "del", "la", "el", "los", "las"})


@dataclass(frozen=True, slots=True)
class MentionFacts:
    """What linking needs to know of one event mention (built from the store's rows)."""

    id: str
    article_id: str
    outlet: str
    reported: str  # the article's publication time, ISO 8601 ("" when unknown)
    type: str
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
    """The linked events: every mention in exactly one cluster, clusters in report order."""
    clusters: list[Cluster] = []
    by_month: dict[tuple[int, int], set[int]] = {}
    ordered = sorted(mentions, key=lambda m: (m.reported, m.article_id, m.id))
    for mention in ordered:
        window = _window(mention, options)
        if window is None:  # undated and unreported: nothing to link it by
            clusters.append(Cluster([mention], {mention.id: []}))
            continue
        candidates = sorted({i for month in _months(*window) for i in by_month.get(month, ())})
        best, best_verdict = None, None
        for index in candidates:
            verdict = _join_verdict(clusters[index], mention, options)
            if not verdict.conflict and (
                best_verdict is None or verdict.evidence > best_verdict.evidence
            ):
                best, best_verdict = index, verdict
        if best is not None and best_verdict and best_verdict.evidence >= options.link_min_evidence:
            clusters[best].members.append(mention)
            clusters[best].reasons[mention.id] = best_verdict.reasons
            target = best
        else:
            clusters.append(Cluster([mention], {mention.id: []}))
            target = len(clusters) - 1
        for month in _months(*window):
            by_month.setdefault(month, set()).add(target)
    return clusters


def compare(a: MentionFacts, b: MentionFacts, options: Options) -> Verdict:
    """Whether two mentions may be one incident, and the evidence that they are."""
    if a.article_id == b.article_id or not _types_compatible(a.type, b.type):
        return Verdict(conflict=True)
    window_a, window_b = _window(a, options), _window(b, options)
    if window_a is None or window_b is None or not _overlap(window_a, window_b):
        return Verdict(conflict=True)
    verdict = Verdict(conflict=False)
    if a.type == b.type:
        verdict.reasons.append("type")
    if a.precision == b.precision == "day" and "publication" not in (a.basis, b.basis):
        verdict.evidence += 1
        verdict.reasons.append("date")
    if not _judge_place(a, b, options, verdict):
        return Verdict(conflict=True)
    _judge_actors(a, b, verdict)
    _judge_figures(a, b, verdict)
    return verdict


def _join_verdict(cluster: Cluster, mention: MentionFacts, options: Options) -> Verdict:
    """The best evidence with any member, unless some member conflicts with the mention."""
    verdicts = [compare(member, mention, options) for member in cluster.members]
    conflicts = [v for v in verdicts if v.conflict]
    return conflicts[0] if conflicts else max(verdicts, key=lambda v: v.evidence)


def _types_compatible(a: str, b: str) -> bool:
    return a == b or {a, b} <= VIOLENCE or {a, b} <= DEMONSTRATIONS


def _window(mention: MentionFacts, options: Options) -> tuple[date, date] | None:
    if mention.basis == "publication" or mention.start is None:
        reported = _day(mention.reported)
        if reported is None:
            return None
        return reported - timedelta(days=options.link_undated_days), reported
    end = mention.end or mention.start
    if mention.precision == "day":
        slack = timedelta(days=options.link_date_slack_days)
        return mention.start - slack, end + slack
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
    if a.geonames_id is not None and a.geonames_id == b.geonames_id:
        verdict.evidence += 2
        verdict.reasons.append("place")
        return True
    fine_a, fine_b = _fine(a), _fine(b)
    if fine_a and fine_b:
        near = distance_km(a.lat, a.lon, b.lat, b.lon) <= options.link_place_km  # type: ignore[arg-type]
        if near:
            verdict.evidence += 2
            verdict.reasons.append("place")
        return near
    if a.country and b.country:  # one of them is only the country the other lies in
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
    """ "ignacio ellacuria" and "ellacuria" are one name; "army" and "the army" too."""
    if not a or not b:
        return False
    shorter, longer = sorted((a.split(), b.split()), key=len)
    return " ".join(shorter) in " ".join(longer) and len(" ".join(shorter)) >= 3


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
