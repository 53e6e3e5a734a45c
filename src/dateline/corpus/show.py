"""`dateline show`: one linked event in words, every source, figure and quote with its dates."""

from __future__ import annotations

import json
from typing import Any


def describe_event(event: dict[str, Any]) -> str:
    """Plain text: the event, its reconciled figures with each source's, then each report."""
    lines = [
        f"{event['id']}  {event['sub_type'] or event['type']}",
        f"  date      {_dates(event)} ({event['date_precision']})"
        + ("  historical" if event["historical"] else ""),
        f"  place     {_place(event)}",
        f"  actors    {event['actor1'] or '-'}  ->  {event['actor2'] or '-'}",
        f"  reported  {event['mention_count']} mention(s) by {event['source_count']} outlet(s): "
        f"{event['sources']}; first {event['first_report'] or '?'}, "
        f"last {event['last_report'] or '?'}"
        + ("  [single source]" if event["single_source"] else ""),
        f"  merged on {event['reasons'] or '-'}",
        "",
        "figures",
    ]
    for figure in event["figures"]:
        lines += _figure_lines(figure)
    if not event["figures"]:
        lines.append("  none reported")
    lines += ["", "reports"]
    for mention in event["mentions"]:
        lines += _mention_lines(mention)
    return "\n".join(lines)


def _dates(event: dict[str, Any]) -> str:
    start, end = event["date_start"], event["date_end"]
    return str(start or "?") if start == end else f"{start}..{end}"


def _place(event: dict[str, Any]) -> str:
    parts = [event["place"], event["admin1"], event["country"]]
    where = ", ".join(p for p in parts if p) or "?"
    if event["lat"] is not None:
        where += f" ({event['lat']:.3f}, {event['lon']:.3f})"
    return where


def _figure_lines(figure: dict[str, Any]) -> list[str]:
    detail = json.loads(figure["detail"])
    best = "-" if figure["best"] is None else figure["best"]
    lines = [
        f"  {figure['category']}: low {_n(figure['low'])}, best {best} ({figure['rule']}), "
        f"high {_n(figure['high'])}" + ("  DISPUTED" if figure["disputed"] else "")
    ]
    for report in detail["history"]:
        lines.append(
            f"    {report['reported'] or '?'}  {report['source']} (in {report['outlet']}): "
            f"\u201c{report['text']}\u201d [{report['qualifier']}] "
            f"article {report['article_id']} chars {report['start']}-{report['end']}"
        )
    return lines


def _n(value: int | None) -> str:
    return "-" if value is None else str(value)


def _mention_lines(mention: dict[str, Any]) -> list[str]:
    record = json.loads(mention["record"])
    text = record["article"]["text"]
    lines = [
        f"  {mention['published'] or '?'}  {mention['outlet']}  {mention['source']}"
        + (f"  merged on {mention['merged_on']}" if mention["merged_on"] else ""),
        f"    says: {mention['summary']}",
        f"    date {mention['date_start']}..{mention['date_end']} ({mention['date_basis']}), "
        f"place {mention['place'] or '?'}, claimed by {mention['claimed_by']}",
    ]
    start, end = mention["evidence_start"], mention["evidence_end"]
    for quote in record["quotes"]:
        if start is not None and quote["start"] < end and start < quote["end"]:
            speaker = (quote.get("speaker") or {}).get("name") or "?"
            words = text[quote["start"] : quote["end"]]
            lines.append(f"    quote ({quote['kind']}, {speaker}): \u201c{words}\u201d")
    return lines
