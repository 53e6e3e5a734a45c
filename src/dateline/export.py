"""Writing records: JSON Lines, a JSON array, or a table for people. All stream."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import IO, Any

from .record import ArticleResult, Event, Figure

FORMATS = ("jsonl", "json", "table")
SUMMARY_CELL = 90  # characters of the evidence sentence shown in a table cell


def write(results: Iterable[ArticleResult], out: IO[str], fmt: str) -> Iterator[ArticleResult]:
    """Write each result as it comes and pass it on (so the caller can count and warn)."""
    writer = {"jsonl": _jsonl, "json": _json_array, "table": _table}[fmt]
    yield from writer(results, out)


def _jsonl(results: Iterable[ArticleResult], out: IO[str]) -> Iterator[ArticleResult]:
    for result in results:
        out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        yield result


def _json_array(results: Iterable[ArticleResult], out: IO[str]) -> Iterator[ArticleResult]:
    out.write("[")
    for index, result in enumerate(results):
        out.write(
            ("," if index else "")
            + "\n"
            + json.dumps(result.to_dict(), ensure_ascii=False, indent=1)
        )
        yield result
    out.write("\n]\n")


def _table(results: Iterable[ArticleResult], out: IO[str]) -> Iterator[ArticleResult]:
    from rich.console import Console

    console = Console(file=out, width=max(100, Console(file=out).width), soft_wrap=False)
    for result in results:
        console.print(article_table(result))
        yield result


def article_table(result: ArticleResult) -> Any:
    """One article: its metadata as the title, one row per event, problems as the caption."""
    from rich.table import Table

    table = Table(title=_article_title(result), title_justify="left", expand=True, show_lines=False)
    for column in ("event", "date", "place", "figures", "claimed by"):
        table.add_column(column, overflow="fold")
    for event in result.events:
        table.add_row(*_event_cells(event))
    if not result.events:
        table.add_row("[dim]no events found[/dim]", "", "", "", "")
    if result.errors:
        table.caption = "\n".join(f"[red]{p.code}[/red]: {p.message}" for p in result.errors)
        table.caption_justify = "left"
    return table


def _article_title(result: ArticleResult) -> str:
    article = result.article
    parts = [
        f"[bold]{article.source}[/bold]",
        f"published {article.published or '?'} ({article.published_via})",
        f"by {', '.join(article.byline)}" if article.byline else "",
        article.publisher or "",
        f"\u201c{article.title}\u201d" if article.title else "",
    ]
    return " \u00b7 ".join(p for p in parts if p)


def _event_cells(event: Event) -> tuple[str, ...]:
    date = event.date
    when = date.start or "?" if date.start == date.end else f"{date.start}..{date.end}"
    when += f" ({date.precision}, {date.basis})" + (" historical" if event.historical else "")
    where = f"{event.location.name or '?'} ({event.location.precision})" if event.location else "?"
    figures = ", ".join(_figure_cell(f) for f in event.figures if f.part_of is None)
    claim = event.claimed_by.name or event.claimed_by.kind
    summary = (
        event.summary
        if len(event.summary) <= SUMMARY_CELL
        else event.summary[:SUMMARY_CELL] + "\u2026"
    )
    return (f"{event.sub_type or event.type}: {summary}", when, where, figures or "-", claim)


def _figure_cell(figure: Figure) -> str:
    amount = figure.value if figure.value is not None else f"{figure.low}-{figure.high}"
    if figure.value is None and figure.low is None:
        amount = figure.qualifier
    return f"{figure.category} {amount}" + (f" {figure.group}" if figure.group else "")


# --- linked events from a store (`dateline events`) -------------------------------------

EVENT_FORMATS = ("table", "csv", "jsonl", "parquet")
EVENT_TABLE_COLUMNS = (  # (heading, row key, never wrapped)
    ("event", "event_id", True), ("date", "event_date", True), ("type", "sub_event_type", False),
    ("place", "location", False), ("killed", "killed_best", True),
    ("injured", "injured_best", True), ("sources", "sources", False),
    ("reports", "mention_count", True), ("evidence (first report)", "notes", False),
)  # fmt: skip
EVENT_NOTES_CELL = 70


def write_events(
    rows: list[dict[str, Any]], out: IO[str] | None, fmt: str, path: str | None
) -> None:
    """Write linked-event rows as a table, CSV, JSON Lines, or Parquet (`path` required)."""
    if fmt == "parquet":
        if not path:
            raise ValueError("Parquet is binary: give --out FILE.parquet")
        _parquet(rows, path)
        return
    assert out is not None
    if fmt == "csv":
        _csv(rows, out)
    elif fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
    else:
        _events_table(rows, out)


def _csv(rows: list[dict[str, Any]], out: IO[str]) -> None:
    import csv

    if not rows:
        return
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)


def _parquet(rows: list[dict[str, Any]], path: str) -> None:
    """Through an in-memory DuckDB, which writes Parquet without pyarrow."""
    import duckdb

    if not rows:
        raise ValueError("no events match: nothing to write")
    columns = list(rows[0])
    connection = duckdb.connect()
    try:
        types = [_duckdb_type(rows, name) for name in columns]
        connection.execute(
            "CREATE TABLE out ("
            + ", ".join(f'"{c}" {t}' for c, t in zip(columns, types, strict=True))
            + ")"
        )
        marks = ", ".join("?" * len(columns))
        connection.executemany(
            f"INSERT INTO out VALUES ({marks})", [list(r.values()) for r in rows]
        )
        connection.execute(f"COPY out TO '{_sql_string(path)}' (FORMAT parquet)")
    finally:
        connection.close()


def _duckdb_type(rows: list[dict[str, Any]], name: str) -> str:
    kinds = {type(row[name]) for row in rows if row[name] is not None}
    if kinds <= {bool} and kinds:
        return "BOOLEAN"
    if kinds <= {int} and kinds:
        return "BIGINT"
    if kinds <= {int, float} and kinds:
        return "DOUBLE"
    return "VARCHAR"


def _sql_string(text: str) -> str:
    return text.replace("'", "''")


def _events_table(rows: list[dict[str, Any]], out: IO[str]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(expand=True, title=f"{len(rows)} linked events", title_justify="left")
    for heading, _, no_wrap in EVENT_TABLE_COLUMNS:
        table.add_column(heading, no_wrap=no_wrap, overflow="fold")
    for row in rows:
        cells = ["" if row.get(key) is None else str(row[key]) for _, key, _ in EVENT_TABLE_COLUMNS]
        notes = cells[-1]
        cells[-1] = notes if len(notes) <= EVENT_NOTES_CELL else notes[:EVENT_NOTES_CELL] + "\u2026"
        table.add_row(*cells)
    Console(file=out, width=max(150, Console(file=out).width), soft_wrap=False).print(table)
