"""Opening a store: refuse what is not ours, migrate what is, and share the file politely.

DuckDB lets one process write a file, or several processes read it, not both at once.
So a writer holds its connection only while it writes one batch (`open_store(...,
write=True)` as a short context), and readers wait for the lock (`wait` seconds)
instead of failing: `dateline events` can run while `dateline ingest` is filling the
same file, and sees the batches committed so far.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from ..errors import DatelineError
from .migrations import MIGRATIONS, SCHEMA_VERSION, Migration

DUCKDB_MAGIC = b"DUCK"  # bytes 8..12 of every DuckDB database file
LOCK_POLL_SECONDS = 0.05


class StoreError(DatelineError):
    """The store cannot be used as asked; the message names the file and the fix."""


@contextmanager
def open_store(
    path: str | os.PathLike[str], *, write: bool, wait: float = 30.0
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection to the store at `path`, migrated to this version when writing.

    Never creates or touches anything but a DuckDB file that dateline made: a foreign
    or corrupt file, or a store from a newer dateline, raises StoreError untouched.
    """
    path = Path(path)
    _check_file(path, write=write)
    connection = _connect(path, write=write, wait=wait)
    try:
        _check_schema(connection, path, write=write)
        yield connection
    except duckdb.Error as err:
        raise StoreError("store_write" if write else "store_read", _use_failure(path, err)) from err
    finally:
        connection.close()


def _check_file(path: Path, *, write: bool) -> None:
    if path.is_dir():
        raise StoreError(
            "store_path", f"{path} is a directory; give a file name such as corpus.duckdb"
        )
    if not path.exists():
        if not write:
            raise StoreError(
                "store_missing",
                f"{path}: no store there; create it with `dateline ingest PATH --db {path}`",
            )
        return
    try:
        with open(path, "rb") as handle:
            head = handle.read(16)
    except OSError as err:
        raise StoreError(
            "store_unreadable",
            f"{path}: cannot read it ({err.strerror}); check the file's permissions",
        ) from err
    if head and head[8:12] != DUCKDB_MAGIC:
        raise StoreError(
            "store_foreign",
            f"{path} is not a DuckDB database (it was left untouched); "
            "give a new file name or a dateline store",
        )


def _connect(path: Path, *, write: bool, wait: float) -> duckdb.DuckDBPyConnection:
    deadline = time.monotonic() + wait
    while True:
        try:
            return duckdb.connect(str(path), read_only=not write)
        except duckdb.IOException as err:
            message = str(err)
            if "lock" in message.lower() and time.monotonic() < deadline:
                time.sleep(LOCK_POLL_SECONDS)
                continue
            raise StoreError("store_open", _open_failure(path, message)) from err
        except duckdb.Error as err:
            raise StoreError("store_open", _open_failure(path, str(err))) from err


def _open_failure(path: Path, message: str) -> str:
    first_line = message.splitlines()[0] if message else "unknown error"
    if "lock" in first_line.lower():
        return f"{path} is busy (another process holds it: {first_line}); try again when it is done"
    if "permission" in first_line.lower():
        return (
            f"{path}: permission denied ({first_line}); check the file's and folder's permissions"
        )
    return f"{path} could not be opened as a DuckDB store ({first_line}); it was left untouched"


def _use_failure(path: Path, err: duckdb.Error) -> str:
    first_line = (str(err).splitlines() or ["unknown error"])[0]
    return (
        f"{path}: {first_line}; the store keeps every batch committed before this one "
        "(free disk space or fix the file's permissions, then run the same command again)"
    )


def _check_schema(connection: duckdb.DuckDBPyConnection, path: Path, *, write: bool) -> None:
    tables = {
        row[0]
        for row in connection.execute("SELECT table_name FROM information_schema.tables").fetchall()
    }
    if "dateline_migrations" not in tables:
        if tables:
            raise StoreError(
                "store_foreign",
                f"{path} is a DuckDB database that dateline did not make "
                f"(tables: {', '.join(sorted(tables)[:5])}); it was left untouched; "
                "give a new file name",
            )
        if not write:
            raise StoreError(
                "store_missing", f"{path} is empty; fill it with `dateline ingest PATH --db {path}`"
            )
        connection.execute(
            "CREATE TABLE dateline_migrations "
            "(version INTEGER PRIMARY KEY, note VARCHAR, applied VARCHAR)"
        )
    applied = {
        row[0] for row in connection.execute("SELECT version FROM dateline_migrations").fetchall()
    }
    newest = max(applied, default=0)
    if newest > SCHEMA_VERSION:
        raise StoreError(
            "store_newer",
            f"{path} has store schema version {newest}, "
            f"newer than this dateline's {SCHEMA_VERSION}; upgrade dateline to read it "
            "(the file was left untouched)",
        )
    missing = [m for m in MIGRATIONS if m.version not in applied]
    if missing and not write:
        raise StoreError(
            "store_older",
            f"{path} has store schema version {newest}, older than {SCHEMA_VERSION}; "
            f"run `dateline ingest --db {path}` once to upgrade it",
        )
    for migration in missing:
        _apply(connection, migration)


def _apply(connection: duckdb.DuckDBPyConnection, migration: Migration) -> None:
    from .write import transaction

    with transaction(connection):
        connection.execute(migration.sql)
        connection.execute(
            "INSERT INTO dateline_migrations VALUES (?, ?, ?)",
            [migration.version, migration.note, datetime.now(UTC).isoformat(timespec="seconds")],
        )
