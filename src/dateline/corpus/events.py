"""Linked events: one record per incident, built from its mentions and reconciled figures.

Ids are deterministic: a linked event is named after its first report (the earliest
mention by report time, then article id, then mention id), so the same corpus always
gives the same ids, and growing a corpus with later reports keeps every id. Only a new
report published before an event's first one renames that event (`dateline diff`
then lists it as removed and added).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..options import Options
from .linking import Cluster, MentionFacts, name_key
from .reconcile import FigureReport, Reconciled, reconcile

PLACE_RANK = ("exact", "near", "district", "province", "country", "region", "unknown", None)
DATE_RANK = ("day", "month", "year", "unknown")
PERPETRATOR_ROLES = ("perpetrator",)
VICTIM_ROLES = ("victim", "target")


@dataclass(frozen=True, slots=True)
class MentionDetail:
    """The rest of a stored mention that a linked event reports (beyond MentionFacts)."""

    sub_type: str | None
    summary: str
    date_start: str | None
    date_end: str | None
    historical: bool
    place: str | None
    admin1: str | None
    actors: tuple[tuple[str, str], ...]  # (role, name)


@dataclass(slots=True)
class Member:
    mention_id: str
    article_id: str
    outlet: str
    reported: str
    reasons: list[str]


@dataclass(slots=True)
class LinkedEvent:
    id: str
    type: str
    sub_type: str | None
    date_start: str | None
    date_end: str | None
    date_precision: str
    historical: bool
    place: str | None
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    actor1: str | None
    actor2: str | None
    first_report: str
    last_report: str
    notes: str
    members: list[Member] = field(default_factory=list)
    figures: list[Reconciled] = field(default_factory=list)

    @property
    def sources(self) -> list[str]:
        return sorted({m.outlet for m in self.members})

    @property
    def mention_count(self) -> int:
        return len(self.members)

    @property
    def single_source(self) -> bool:
        return len(self.sources) == 1

    @property
    def reasons(self) -> list[str]:
        return sorted({reason for m in self.members for reason in m.reasons})


def event_id(first_mention_id: str) -> str:
    return "ev-" + hashlib.sha256(first_mention_id.encode()).hexdigest()[:16]


def linked_event(
    cluster: Cluster,
    details: dict[str, MentionDetail],
    reports: Iterable[FigureReport],
    options: Options,
) -> LinkedEvent:
    """The linked event of `cluster` (members in report order), with reconciled figures."""
    members = cluster.members
    first = members[0]
    dated = min(members, key=lambda m: (_date_rank(m), m.reported))
    placed = _best_place(members)
    detail_of_dated, detail_of_placed = details[dated.id], details[placed.id]
    types = Counter(m.type for m in members)
    kind = max(types, key=lambda t: (types[t], t != "generic", -members.index(_first(members, t))))
    return LinkedEvent(
        id=event_id(first.id),
        type=kind,
        sub_type=_most_common(details[m.id].sub_type for m in members if m.type == kind),
        date_start=detail_of_dated.date_start,
        date_end=detail_of_dated.date_end,
        date_precision=dated.precision,
        historical=all(details[m.id].historical for m in members),
        place=detail_of_placed.place,
        country=placed.country or _most_common(m.country for m in members),
        admin1=detail_of_placed.admin1,
        lat=placed.lat,
        lon=placed.lon,
        actor1=_main_actor(members, details, PERPETRATOR_ROLES),
        actor2=_main_actor(members, details, VICTIM_ROLES),
        first_report=first.reported,
        last_report=max(m.reported for m in members),
        notes=details[first.id].summary,
        members=[
            Member(m.id, m.article_id, m.outlet, m.reported, cluster.reasons.get(m.id, []))
            for m in members
        ],
        figures=reconcile(reports, options),
    )


def _first(members: list[MentionFacts], kind: str) -> MentionFacts:
    return next(m for m in members if m.type == kind)


def _date_rank(mention: MentionFacts) -> int:
    undated = mention.basis == "publication" or mention.start is None
    precision = DATE_RANK.index(mention.precision) if mention.precision in DATE_RANK else 3
    return precision + (10 if undated else 0)


def _best_place(members: list[MentionFacts]) -> MentionFacts:
    """The most precise place; among equals, the one most mentions name, then the first."""
    counts = Counter(m.geonames_id for m in members if m.geonames_id is not None)

    def rank(m: MentionFacts) -> tuple[int, int, int]:
        known = m.place_precision in PLACE_RANK
        precision = PLACE_RANK.index(m.place_precision) if known else len(PLACE_RANK)
        shared = counts.get(m.geonames_id, 0) if m.geonames_id is not None else 0
        return precision, -shared, members.index(m)

    return min(members, key=rank)


def _main_actor(
    members: list[MentionFacts], details: dict[str, MentionDetail], roles: tuple[str, ...]
) -> str | None:
    """The actor in these roles that most mentions name (in the words of the first to)."""
    first_words: dict[str, str] = {}
    counts: Counter[str] = Counter()
    for mention in members:
        keys = set()
        for role, name in details[mention.id].actors:
            if role in roles and (key := name_key(name)):
                first_words.setdefault(key, name)
                keys.add(key)
        counts.update(keys)
    if not counts:
        return None
    top = max(counts, key=lambda k: (counts[k], -list(first_words).index(k)))
    return first_words[top]


def _most_common(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    return counts.most_common(1)[0][0] if counts else None
