"""`dateline diff`: linked events added, changed and removed between two runs (two stores)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# what a user of the dataset would call a change to an event
COMPARED = (
    "event_date", "event_date_end", "date_precision", "event_type", "sub_event_type",
    "location", "country", "actor1", "actor2", "killed_low", "killed_best", "killed_high",
    "injured_low", "injured_best", "injured_high", "source_count", "mention_count", "disputed",
)  # fmt: skip


@dataclass(slots=True)
class EventDiff:
    added: list[dict[str, Any]] = field(default_factory=list)
    removed: list[dict[str, Any]] = field(default_factory=list)
    changed: list[tuple[str, dict[str, tuple[Any, Any]]]] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [
            f"+ {e['event_id']}  {e['event_date']}  {e['event_type']}  {e['location']}"
            for e in self.added
        ]
        out += [
            f"- {e['event_id']}  {e['event_date']}  {e['event_type']}  {e['location']}"
            for e in self.removed
        ]
        for event_id, fields in self.changed:
            what = "; ".join(f"{name}: {old} -> {new}" for name, (old, new) in fields.items())
            out.append(f"~ {event_id}  {what}")
        out.append(
            f"{len(self.added)} added, {len(self.changed)} changed, {len(self.removed)} removed"
        )
        return out


def diff_events(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> EventDiff:
    """Events compared by id (ids are deterministic, so an unchanged event keeps its id)."""
    before = {e["event_id"]: e for e in old}
    after = {e["event_id"]: e for e in new}
    result = EventDiff(
        added=[after[i] for i in sorted(after.keys() - before.keys())],
        removed=[before[i] for i in sorted(before.keys() - after.keys())],
    )
    for event_id in sorted(before.keys() & after.keys()):
        fields = {
            name: (before[event_id].get(name), after[event_id].get(name))
            for name in COMPARED
            if before[event_id].get(name) != after[event_id].get(name)
        }
        if fields:
            result.changed.append((event_id, fields))
    return result
