"""The store file: what is not ours is refused untouched; schema versions are recorded."""

from __future__ import annotations

import duckdb
import pytest

from dateline.record import Article, ArticleResult, Event, EventDate
from dateline.record import Claim as RecordClaim
from dateline.store import SCHEMA_VERSION, StoreError, open_store
from dateline.store.read import article_count, linking_current
from dateline.store.write import start_run, write_batch

pytestmark = pytest.mark.issue(7)


def result(text: str, *, events: int = 1) -> ArticleResult:
    article = Article(text=text, source=f"{text[:8]}.txt", published="2024-03-05T09:00:00+00:00")
    found = [
        Event(
            id=f"{article.id}-e{n}",
            type="protests",
            summary=text,
            historical=False,
            date=EventDate("2024-03-04", "2024-03-04", "day", "explicit"),
            location=None,
            actors=[],
            figures=[],
            claimed_by=RecordClaim("outlet", None, None, None),
            evidence=[],
        )  # fmt: skip
        for n in range(events)
    ]
    return ArticleResult(article=article, events=found)


def test_a_new_store_records_its_migrations(tmp_path):
    path = tmp_path / "corpus.duckdb"
    with open_store(path, write=True):
        pass
    with duckdb.connect(str(path), read_only=True) as connection:
        versions = connection.execute("SELECT version FROM dateline_migrations").fetchall()
    assert versions == [(v,) for v in range(1, SCHEMA_VERSION + 1)]


def test_a_text_file_given_as_the_store_is_refused_and_kept(tmp_path):
    path = tmp_path / "notes.duckdb"
    path.write_text("my notes, not a database\n" * 10)
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not a DuckDB database"), open_store(path, write=True):
        pass
    assert path.read_bytes() == before


def test_a_foreign_duckdb_database_is_refused_and_kept(tmp_path):
    path = tmp_path / "other.duckdb"
    with duckdb.connect(str(path)) as connection:
        connection.execute("CREATE TABLE sales (amount INTEGER)")
        connection.execute("INSERT INTO sales VALUES (3)")
    with pytest.raises(StoreError, match="did not make"), open_store(path, write=True):
        pass
    with duckdb.connect(str(path), read_only=True) as connection:
        assert connection.execute("SELECT * FROM sales").fetchall() == [(3,)]
        tables = connection.execute("SELECT table_name FROM information_schema.tables").fetchall()
    assert tables == [("sales",)]


def test_a_store_from_a_newer_dateline_is_refused(tmp_path):
    path = tmp_path / "newer.duckdb"
    with open_store(path, write=True) as connection:
        connection.execute(
            "INSERT INTO dateline_migrations VALUES (?, 'future', '2030-01-01')",
            [SCHEMA_VERSION + 1],
        )
    for write in (True, False):
        with (
            pytest.raises(StoreError, match="newer than this dateline"),
            open_store(path, write=write),
        ):
            pass


def test_reading_a_missing_store_says_how_to_make_one(tmp_path):
    path = tmp_path / "absent.duckdb"
    with pytest.raises(StoreError, match="dateline ingest"), open_store(path, write=False):
        pass
    assert not path.exists()


def test_a_directory_is_not_a_store(tmp_path):
    with pytest.raises(StoreError, match="directory"), open_store(tmp_path, write=True):
        pass


def test_a_batch_is_written_whole_or_not_at_all(tmp_path):
    path = tmp_path / "corpus.duckdb"
    with open_store(path, write=True) as connection:
        run = start_run(connection, ["x"])
        write_batch(connection, [result("first article")], run)
    duplicate = result("first article")  # same content id: the primary key refuses it
    with open_store(path, write=True) as connection:
        with pytest.raises(duckdb.ConstraintException):
            write_batch(connection, [result("second article", events=3), duplicate], run)
        assert article_count(connection) == 1
        assert connection.execute("SELECT count(*) FROM mentions").fetchone() == (1,)
        assert not linking_current(connection)


HOLD_THE_LOCK = (
    "import duckdb, time; c = duckdb.connect({path!r}); print('held', flush=True); time.sleep(30)"
)


def test_a_busy_store_is_reported_after_waiting(tmp_path):
    path = tmp_path / "corpus.duckdb"
    with open_store(path, write=True):
        pass
    import subprocess
    import sys

    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_THE_LOCK.format(path=str(path))],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(StoreError, match="busy"), open_store(path, write=False, wait=0.3):
            pass
    finally:
        holder.kill()
        holder.wait()
