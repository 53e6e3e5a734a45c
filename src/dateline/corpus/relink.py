"""Linking the whole stored corpus and writing the linked events back, in one transaction."""

from __future__ import annotations

import json
from dataclasses import fields
from datetime import date
from typing import Any

import duckdb

from ..options import Options
from ..store.read import article_count, figures_for_linking, mentions_for_linking
from ..store.write import replace_linked
from .events import LinkedEvent, MentionDetail, linked_event
from .linking import MentionFacts, link, name_key
from .reconcile import FigureReport, Reconciled

ACTOR_ROLES_FOR_LINKING = ("perpetrator", "victim", "target")
LINK_SETTINGS = ("link_", "best_", "dispute_")  # the Options that shape linked events


def relink(connection: duckdb.DuckDBPyConnection, options: Options) -> list[LinkedEvent]:
    """Link every stored mention anew and replace the stored linked events."""
    mention_rows = mentions_for_linking(connection)
    figure_rows = figures_for_linking(connection)
    reports: dict[str, list[FigureReport]] = {}
    for row in figure_rows:
        reports.setdefault(row["mention_id"], []).append(_report(row))
    facts = [_facts(row, reports.get(row["id"], [])) for row in mention_rows]
    details = {row["id"]: _detail(row) for row in mention_rows}
    events = [
        linked_event(
            cluster,
            details,
            [r for m in cluster.members for r in reports.get(m.id, [])],
            options,
        )
        for cluster in link(facts, options)
    ]
    replace_linked(
        connection,
        [_event_row(e) for e in events],
        [[e.id, m.mention_id, ",".join(m.reasons)] for e in events for m in e.members],
        [_figure_row(e.id, f) for e in events for f in e.figures],
        article_count(connection),
        link_settings(options),
    )
    return events


def link_settings(options: Options) -> str:
    """The settings that shape linking and reconciliation, as the store records them."""
    names = sorted(f.name for f in fields(options) if f.name.startswith(LINK_SETTINGS))
    return json.dumps({name: getattr(options, name) for name in names})


def _facts(row: dict[str, Any], reports: list[FigureReport]) -> MentionFacts:
    actors = json.loads(row["actors"] or "[]")
    return MentionFacts(
        id=row["id"],
        article_id=row["article_id"],
        outlet=row["outlet"],
        reported=row["reported"],
        type=row["type"],
        sub_type=row["sub_type"],
        start=_date(row["date_start"]),
        end=_date(row["date_end"]),
        precision=row["date_precision"] or "unknown",
        basis=row["date_basis"] or "unknown",
        country=row["country"],
        lat=row["lat"],
        lon=row["lon"],
        geonames_id=row["geonames_id"],
        place_precision=row["place_precision"],
        actors=frozenset(
            key
            for actor in actors
            if actor["role"] in ACTOR_ROLES_FOR_LINKING and (key := name_key(actor["name"]))
        ),
        figures=tuple((r.category, r.value) for r in reports if r.value is not None),
    )


def _detail(row: dict[str, Any]) -> MentionDetail:
    return MentionDetail(
        sub_type=row["sub_type"],
        summary=row["summary"] or "",
        date_start=row["date_start"],
        date_end=row["date_end"],
        historical=bool(row["historical"]),
        place=row["place"],
        admin1=row["admin1"],
        actors=tuple((a["role"], a["name"]) for a in json.loads(row["actors"] or "[]")),
    )


def _report(row: dict[str, Any]) -> FigureReport:
    return FigureReport(
        category=row["category"],
        value=row["value"],
        low=row["low"],
        high=row["high"],
        qualifier=row["qualifier"],
        source=row["claimed_by"],
        claim_kind=row["claim_kind"],
        outlet=row["outlet"],
        article_id=row["article_id"],
        mention_id=row["mention_id"],
        reported=row["reported"],
        text=row["text"],
        start=row["span_start"],
        end=row["span_end"],
    )


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _event_row(event: LinkedEvent) -> list[object]:
    detail = {"members": [_flat(m) for m in event.members]}
    return [
        event.id, event.type, event.sub_type, event.date_start, event.date_end,
        event.date_precision, event.historical, event.place, event.country, event.admin1,
        event.lat, event.lon, event.actor1, event.actor2, event.mention_count,
        len(event.sources), "; ".join(event.sources), event.single_source, event.first_report,
        event.last_report, ",".join(event.reasons), event.notes, json.dumps(detail),
    ]  # fmt: skip


def _figure_row(event_id: str, figure: Reconciled) -> list[object]:
    detail = {
        "by_source": [_flat(r) for r in figure.by_source],
        "history": [_flat(r) for r in figure.history],
    }
    return [
        event_id, figure.category, figure.low, figure.best, figure.high, figure.rule,
        figure.disputed, json.dumps(detail, ensure_ascii=False),
    ]  # fmt: skip


def _flat(record: Any) -> dict[str, Any]:
    """A flat dataclass as a dict (dataclasses.asdict deep-copies, five times slower)."""
    return {f.name: getattr(record, f.name) for f in fields(record)}
