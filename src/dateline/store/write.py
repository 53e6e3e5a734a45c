"""Writing extraction results into the store, one batch per transaction.

A batch is written whole or not at all: a crash, a full disk or a permission error in
the middle rolls it back, so the store holds exactly the batches committed before. An
article already stored (same content id) is never written twice.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from urllib.parse import urlsplit

import duckdb

from ..gazetteer import load_gazetteer
from ..record import Article, ArticleResult, Claim, Event, Figure, Location

ARTICLE_COLUMNS = 12
MENTION_COLUMNS = 21
FIGURE_COLUMNS = 15
EVENT_COLUMNS = 23


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def outlet_of(article: Article) -> str:
    """Who published the article: its publisher, else its web site, else its source."""
    if article.publisher:
        return article.publisher
    if article.url and (host := urlsplit(article.url).hostname):
        return host.removeprefix("www.")
    return article.source


def stored_ids(connection: duckdb.DuckDBPyConnection) -> set[str]:
    return {row[0] for row in connection.execute("SELECT id FROM articles").fetchall()}


def start_run(connection: duckdb.DuckDBPyConnection, inputs: list[str]) -> int:
    run_id = connection.execute("SELECT coalesce(max(id), 0) + 1 FROM runs").fetchone()[0]  # type: ignore[index]
    connection.execute(
        "INSERT INTO runs (id, started, inputs) VALUES (?, ?, ?)",
        [run_id, now(), json.dumps(inputs)],
    )
    return int(run_id)


def finish_run(
    connection: duckdb.DuckDBPyConnection, run_id: int, *, articles: int, skipped: int, failed: int
) -> None:
    connection.execute(
        "UPDATE runs SET finished = ?, articles = ?, skipped = ?, failed = ? WHERE id = ?",
        [now(), articles, skipped, failed, run_id],
    )


@contextmanager
def transaction(connection: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """All of the block's writes, or none: a failure (even of COMMIT) rolls back and re-raises."""
    connection.execute("BEGIN TRANSACTION")
    try:
        yield
        connection.execute("COMMIT")
    except BaseException:
        with suppress(duckdb.Error):  # a failed COMMIT has already ended the transaction
            connection.execute("ROLLBACK")
        raise


def write_batch(
    connection: duckdb.DuckDBPyConnection, results: Iterable[ArticleResult], run_id: int
) -> None:
    """Store the articles of `results` (failures as failures) in one transaction."""
    articles: list[list[object]] = []
    mentions: list[list[object]] = []
    figures: list[list[object]] = []
    failures: list[list[object]] = []
    for result in results:
        if result.failed:
            failures += [
                [run_id, result.article.source, p.code, p.message] for p in result.errors if p.fatal
            ]
            continue
        articles.append(_article_row(result, run_id))
        for event in result.events:
            mentions.append(_mention_row(result.article, event))
            figures += [
                _figure_row(result.article, event, i, f) for i, f in enumerate(event.figures)
            ]
    with transaction(connection):
        _insert(connection, "articles", ARTICLE_COLUMNS, articles)
        _insert(connection, "mentions", MENTION_COLUMNS, mentions)
        _insert(connection, "figures", FIGURE_COLUMNS, figures)
        _insert(connection, "failures", 4, failures)
        if articles:
            connection.execute("INSERT OR REPLACE INTO dateline_state VALUES ('linked', 'no')")


INSERT_ROWS = 256  # rows per INSERT: DuckDB's executemany runs one statement a row, 20x slower


def _insert(
    connection: duckdb.DuckDBPyConnection, table: str, width: int, rows: list[list[object]]
) -> None:
    row_marks = "(" + ", ".join("?" * width) + ")"
    for start in range(0, len(rows), INSERT_ROWS):
        chunk = rows[start : start + INSERT_ROWS]
        marks = ", ".join([row_marks] * len(chunk))
        connection.execute(f"INSERT INTO {table} VALUES {marks}", [v for row in chunk for v in row])


def _article_row(result: ArticleResult, run_id: int) -> list[object]:
    article = result.article
    day = article.published[:10] if article.published and len(article.published) >= 10 else None
    return [
        article.id, article.source, article.url, article.title, article.publisher,
        outlet_of(article), article.published, day, article.published_via, article.language, run_id,
        json.dumps(result.to_dict(), ensure_ascii=False),
    ]  # fmt: skip


def _mention_row(article: Article, event: Event) -> list[object]:
    where = event.location
    evidence = event.evidence[0] if event.evidence else None
    actors = [{"role": a.role, "name": a.name} for a in event.actors]
    return [
        event.id, article.id, event.type, event.sub_type, event.summary,
        event.date.start, event.date.end, event.date.precision, event.date.basis, event.historical,
        where.name if where else None, where.country if where else None, admin1_of(where),
        where.lat if where else None, where.lon if where else None,
        where.geonames_id if where else None, where.precision if where else None,
        json.dumps(actors, ensure_ascii=False), _claimant(article, event.claimed_by),
        evidence.start if evidence else None, evidence.end if evidence else None,
    ]  # fmt: skip


def _figure_row(article: Article, event: Event, position: int, figure: Figure) -> list[object]:
    claim = figure.claimed_by or event.claimed_by
    return [
        event.id, article.id, position, figure.category, figure.value, figure.low, figure.high,
        figure.qualifier, figure.group, figure.part_of, figure.text, figure.start, figure.end,
        claim.kind, _claimant(article, claim),
    ]  # fmt: skip


def admin1_of(where: Location | None) -> str | None:
    """The first-level division (state, province) a resolved place lies in, by name."""
    if where is None or where.geonames_id is None:
        return None
    gazetteer = load_gazetteer()
    entry = gazetteer.get(where.geonames_id)
    if entry is None:
        return None
    if entry.feature == "admin1":
        return entry.name
    division = gazetteer.get(entry.admin1) if entry.admin1 else None
    return division.name if division else None


def _claimant(article: Article, claim: Claim) -> str:
    """The name of who states it: the named source, or the outlet speaking in its own voice."""
    return claim.name if claim.kind == "source" and claim.name else outlet_of(article)


def replace_linked(
    connection: duckdb.DuckDBPyConnection,
    events: list[list[object]],
    members: list[list[object]],
    figures: list[list[object]],
    linked_articles: int,
    settings: str,
) -> None:
    """Swap in a new linking of the whole corpus, in one transaction."""
    with transaction(connection):
        for table in ("events", "event_members", "event_figures"):
            connection.execute(f"DELETE FROM {table}")
        _insert(connection, "events", EVENT_COLUMNS, events)
        _insert(connection, "event_members", 3, members)
        _insert(connection, "event_figures", 8, figures)
        connection.execute(
            "INSERT OR REPLACE INTO dateline_state VALUES ('linked', ?), ('link_settings', ?)",
            [str(linked_articles), settings],
        )
