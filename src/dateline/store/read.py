"""Reading the store: rows for linking, and the queries behind `events`, `show` and `coverage`."""

from __future__ import annotations

from typing import Any

import duckdb


def rows(
    connection: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None
) -> list[dict[str, Any]]:
    """The result of `sql` as dicts keyed by column name."""
    cursor = connection.execute(sql, params or [])
    names = [column[0] for column in cursor.description or []]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def mentions_for_linking(connection: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    return rows(
        connection,
        """SELECT m.*, a.outlet, coalesce(a.published, '') AS reported
           FROM mentions m JOIN articles a ON a.id = m.article_id""",
    )


def figures_for_linking(connection: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    return rows(
        connection,
        """SELECT f.*, a.outlet, coalesce(a.published, '') AS reported
           FROM figures f JOIN articles a ON a.id = f.article_id
           WHERE f.part_of IS NULL""",
    )


def article_count(connection: duckdb.DuckDBPyConnection) -> int:
    return int(connection.execute("SELECT count(*) FROM articles").fetchone()[0])  # type: ignore[index]


def linking_current(connection: duckdb.DuckDBPyConnection, settings: str | None = None) -> bool:
    """Whether the linked events cover every stored article (an ingest may have stopped
    early) and, given `settings`, were made with them."""
    state = dict(connection.execute("SELECT key, value FROM dateline_state").fetchall())
    if state.get("linked") != str(article_count(connection)):
        return False
    return settings is None or state.get("link_settings") == settings


EVENT_COLUMNS = """
    e.id AS event_id, e.date_start AS event_date, e.date_end AS event_date_end,
    e.date_precision, e.type AS event_type, e.sub_type AS sub_event_type, e.actor1, e.actor2,
    e.country, e.admin1, e.place AS location, e.lat AS latitude, e.lon AS longitude,
    k.low AS killed_low, k.best AS killed_best, k.high AS killed_high,
    i.low AS injured_low, i.best AS injured_best, i.high AS injured_high,
    e.sources, e.source_count, e.mention_count, e.single_source, e.first_report,
    e.last_report, e.historical, e.reasons AS merged_on,
    coalesce(k.disputed, false) OR coalesce(i.disputed, false) AS disputed, e.notes
"""


def events(
    connection: duckdb.DuckDBPyConnection,
    *,
    since: str | None = None,
    until: str | None = None,
    country: str | None = None,
    event_type: str | None = None,
    min_killed: int | None = None,
    text: str | None = None,
) -> list[dict[str, Any]]:
    """Linked events with their killed and injured figures, ACLED/UCDP-like columns."""
    where: list[str] = ["TRUE"]
    params: list[object] = []
    if since:
        where.append("coalesce(e.date_end, e.date_start) >= ?")
        params.append(since)
    if until:
        where.append("e.date_start <= ?")
        params.append(until)
    if country:
        where.append("(upper(e.country) = upper(?) OR lower(e.place) = lower(?))")
        params += [country, country]
    if event_type:
        where.append("(e.type = ? OR e.sub_type = ?)")
        params += [event_type, event_type]
    if min_killed is not None:
        where.append("coalesce(k.best, k.high, k.low) >= ?")
        params.append(min_killed)
    if text:
        where.append("(e.notes ILIKE ? OR e.place ILIKE ? OR e.actor1 ILIKE ? OR e.actor2 ILIKE ?)")
        params += [f"%{text}%"] * 4
    sql = f"""SELECT {EVENT_COLUMNS}
        FROM events e
        LEFT JOIN event_figures k ON k.event_id = e.id AND k.category = 'killed'
        LEFT JOIN event_figures i ON i.event_id = e.id AND i.category = 'injured'
        WHERE {" AND ".join(where)}
        ORDER BY e.date_start NULLS LAST, e.id"""
    return rows(connection, sql, params)


def event(connection: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    """One linked event: its row, its figures by category, and its mentions with articles."""
    found = rows(connection, "SELECT * FROM events WHERE id = ?", [event_id])
    if not found:
        return None
    result = found[0]
    result["figures"] = rows(
        connection, "SELECT * FROM event_figures WHERE event_id = ? ORDER BY category", [event_id]
    )
    result["mentions"] = rows(
        connection,
        """SELECT em.reasons AS merged_on, m.*, a.outlet, a.published, a.source, a.url,
                  a.title, a.record
           FROM event_members em
           JOIN mentions m ON m.id = em.mention_id
           JOIN articles a ON a.id = m.article_id
           WHERE em.event_id = ?
           ORDER BY a.published NULLS LAST, m.id""",
        [event_id],
    )
    return result


def coverage(connection: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Who reports what: articles, event mentions, linked events and figures per outlet and day."""
    return rows(
        connection,
        """SELECT a.outlet, a.published_day AS day,
                  count(DISTINCT a.id) AS articles,
                  count(DISTINCT m.id) AS mentions,
                  count(DISTINCT em.event_id) AS events,
                  (SELECT count(*) FROM figures f JOIN articles b ON b.id = f.article_id
                   WHERE b.outlet = a.outlet
                     AND b.published_day IS NOT DISTINCT FROM a.published_day) AS figures
           FROM articles a
           LEFT JOIN mentions m ON m.article_id = a.id
           LEFT JOIN event_members em ON em.mention_id = m.id
           GROUP BY a.outlet, a.published_day
           ORDER BY a.published_day NULLS LAST, a.outlet""",
    )


def run_summaries(connection: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    return rows(connection, "SELECT * FROM runs ORDER BY id")
