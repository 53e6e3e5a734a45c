"""Linking on MUC-3/4 dev: do reports of one incident in different messages become one event?

How the test set is built (from the answer keys only, never from dateline's output):
two key templates of *different* messages describe the same incident when
  - both dates are bounded (not "- 08 JAN 90", which only says "on or before") and overlap,
  - their locations agree: the same key string ("EL SALVADOR: SAN SALVADOR (CITY)"), or
    one is the other's country ("EL SALVADOR"), and
  - they share a target: a named human target (HUM TGT: NAME) or a physical target
    (PHYS TGT: ID) with a word of four letters or more in common ("HECTOR OQUELI" and
    "HECTOR OQUELI COLINDRES").
They describe different incidents when their bounded dates lie more than a week apart,
or their countries differ, or both name targets, none in common, in two different
towns (a murder in one town and a bombing in another on the same day). Every other
pair is left out: the keys cannot tell (same date and place but no shared target, since
MUC fills a target only when the text names one; or dates days apart, which MUC keys as
separate incidents even for one story: a kidnapping on the 12th and the victim found
dead on the 13th).

A key's *report* is the event of dateline's record of its message that best matches
it: dated inside the key's dates rather than only overlapping them, then in the key's
country, then the most precisely dated (first in the text among equals). The whole
pipeline runs (`dateline.corpus.ingest` into a temporary DuckDB store); two keys are
*linked* when their reports belong to the same linked event. Then, over the pairs the
keys can judge:
  - recall: of the same-incident pairs whose keys both have reports, the share linked;
  - precision: of the linked pairs, the share the keys call the same incident;
  - coverage: the share of same-incident pairs whose keys both have reports (a key
    without a report cannot be linked, whatever linking does).
What it cannot tell: links among unnamed victims ("peasants"), reports of one incident
that the keys place or date differently, and anything the keys do not record (MUC keys
only terrorist incidents).
"""

from __future__ import annotations

import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations
from pathlib import Path
from typing import Any

from ..options import Options
from .muc import MucTemplate, iter_muc_keys, muc_articles
from .muc_events import FAR_PAST, DateRange, country_codes, key_range

TARGET_SLOTS = ("HUM TGT: NAME", "PHYS TGT: ID")
APART_DAYS = 7  # keys further apart than this are surely different incidents


@dataclass(frozen=True, slots=True)
class KeyIncident:
    message_id: str
    number: int
    dates: tuple[DateRange, ...]
    location: str
    country: str | None
    targets: frozenset[str]


@dataclass(slots=True)
class Pairs:
    same: int = 0
    same_matched: int = 0
    same_linked: int = 0
    linked_judged: int = 0
    linked_right: int = 0
    examples: list[str] = field(default_factory=list)


def key_incidents(
    templates: list[MucTemplate], published: dict[str, date], countries: dict[str, str]
) -> list[KeyIncident]:
    incidents = []
    for key in templates:
        if (
            key.number is None
            or key.optional
            or not key.location
            or key.message_id not in published
        ):
            continue
        dates = tuple(r for d in key.dates if (r := key_range(d, published[key.message_id])))
        targets = frozenset(
            target
            for slot in TARGET_SLOTS
            for line in key.slots.get(slot, ())
            for alternative in line.split(" / ")
            if (target := _target(alternative))
        )
        country = countries.get(key.location.split(":")[0].strip().upper())
        incidents.append(
            KeyIncident(key.message_id, key.number, dates, key.location.upper(), country, targets)
        )
    return incidents


def _target(line: str) -> str:
    text = line.split(":")[-1] if line.count('"') < 2 else line[line.index('"') :]
    text = text.strip().strip('"').strip().upper()
    return "" if text in ("", "-", "*") else text


def same_incident(a: KeyIncident, b: KeyIncident) -> bool | None:
    """True / False when the keys tell; None when they cannot."""
    if a.message_id == b.message_id:
        return None
    bounded = all(r[0] != FAR_PAST for r in a.dates + b.dates) and a.dates and b.dates
    if bounded and all(_gap_days(x, y) > APART_DAYS for x in a.dates for y in b.dates):
        return False
    if a.country and b.country and a.country != b.country:
        return False
    shared = _shared_target(a.targets, b.targets)
    towns = ":" in a.location and ":" in b.location
    if a.targets and b.targets and not shared and towns and a.location != b.location:
        return False
    overlap = any(_gap_days(x, y) < 0 for x in a.dates for y in b.dates)
    if bounded and overlap and shared and _places_agree(a.location, b.location):
        return True
    return None


def _shared_target(these: frozenset[str], those: frozenset[str]) -> set[str]:
    """The words of four letters or more that a target of each shares."""
    words = {w for t in these for w in t.split() if len(w) >= 4}
    return {w for t in those for w in t.split() if len(w) >= 4 and w in words}


def _places_agree(a: str, b: str) -> bool:
    return a == b or a.startswith(b + ":") or b.startswith(a + ":")


def _gap_days(a: DateRange, b: DateRange) -> int:
    """Days between two ranges; negative when they overlap."""
    return max(a[0], b[0]).toordinal() - min(a[1], b[1]).toordinal() - 1


def evaluate(data: Path, options: Options, limit: int | None = None) -> dict[str, Any]:
    from ..corpus import ingest
    from ..store import open_store

    articles = list(muc_articles(data, options))[:limit]
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "muc.duckdb"
        ingest(articles, db, options)
        with open_store(db, write=False) as connection:
            return score_store(connection, data, options)


def score_store(connection: Any, data: Path, options: Options) -> dict[str, Any]:
    """Score the linked events of a store holding MUC messages (ids DEV-MUC3-nnnn)."""
    from ..store.read import rows

    published = {
        row["id"]: date.fromisoformat(row["published"][:10])
        for row in rows(
            connection, "SELECT id, published FROM articles WHERE published IS NOT NULL"
        )
    }
    incidents = key_incidents(list(iter_muc_keys(data)), published, country_codes())
    mentions = rows(
        connection,
        """SELECT m.id, m.article_id, m.date_start, m.date_end, m.date_precision, m.country,
                  em.event_id
           FROM mentions m JOIN event_members em ON em.mention_id = m.id
           ORDER BY m.article_id, m.evidence_start, m.id""",
    )
    by_message: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for mention in mentions:
        by_message[mention["article_id"]].append(mention)
    matched = {(k.message_id, k.number): _reports(k, by_message[k.message_id]) for k in incidents}
    pairs = _score(incidents, matched)
    return {
        "messages": len(published),
        "key_incidents": len(incidents),
        "same_incident_pairs": pairs.same,
        "coverage": _ratio(pairs.same_matched, pairs.same),
        "recall": _ratio(pairs.same_linked, pairs.same_matched),
        "recall_end_to_end": _ratio(pairs.same_linked, pairs.same),
        "precision": _ratio(pairs.linked_right, pairs.linked_judged),
        "linked_pairs_judged": pairs.linked_judged,
        "examples": pairs.examples[:10],
    }


def _reports(key: KeyIncident, mentions: list[dict[str, Any]]) -> frozenset[str]:
    """The linked event of the mention that best reports this key incident (see the top)."""
    dated = [m for m in mentions if _overlaps_key(key, m)]
    if not dated:
        return frozenset()

    def rank(mention: dict[str, Any]) -> tuple[bool, bool, int]:
        start = date.fromisoformat(mention["date_start"])
        end = date.fromisoformat(mention["date_end"])
        return not _inside_key(key, mention), mention["country"] != key.country, (end - start).days

    return frozenset({str(min(dated, key=rank)["event_id"])})


def _inside_key(key: KeyIncident, mention: dict[str, Any]) -> bool:
    start, end = date.fromisoformat(mention["date_start"]), date.fromisoformat(mention["date_end"])
    return any(r[0] <= start and end <= r[1] for r in key.dates)


def _overlaps_key(key: KeyIncident, mention: dict[str, Any]) -> bool:
    if not mention["date_start"] or not mention["date_end"]:
        return False
    start, end = date.fromisoformat(mention["date_start"]), date.fromisoformat(mention["date_end"])
    return any(r[0] <= end and start <= r[1] for r in key.dates)


def _score(incidents: list[KeyIncident], matched: dict[tuple[str, int], frozenset[str]]) -> Pairs:
    pairs = Pairs()
    for a, b in combinations(incidents, 2):
        verdict = same_incident(a, b)
        if verdict is None:
            continue
        event_a, event_b = matched[a.message_id, a.number], matched[b.message_id, b.number]
        linked = bool(event_a & event_b)
        if verdict:
            pairs.same += 1
            pairs.same_matched += bool(event_a and event_b)
            pairs.same_linked += linked
            if not linked and event_a and event_b and len(pairs.examples) < 10:
                shared = sorted(_shared_target(a.targets, b.targets))
                pairs.examples.append(f"not linked: {_pair(a, b)} (targets share {shared})")
        if linked:
            pairs.linked_judged += 1
            pairs.linked_right += verdict
            if not verdict and len(pairs.examples) < 10:
                pairs.examples.append(f"wrongly linked: {_pair(a, b)}")
    return pairs


def _pair(a: KeyIncident, b: KeyIncident) -> str:
    return f"{a.message_id}#{a.number} / {b.message_id}#{b.number}"


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def format_report(report: dict[str, Any]) -> str:
    r = report
    lines = [
        f"MUC-3/4 linking: {r['messages']} messages, {r['key_incidents']} keyed incidents, "
        f"{r['same_incident_pairs']} pairs the keys call one incident across messages",
        f"  precision   {r['precision']} of {r['linked_pairs_judged']} linked pairs "
        "the keys can judge",
        f"  recall      {r['recall']} of same-incident pairs whose keys both matched an event "
        f"(end to end {r['recall_end_to_end']}; both matched: {r['coverage']})",
    ]
    lines += [f"  {example}" for example in r["examples"]]
    return "\n".join(lines)
