"""`dateline ingest` against a real DuckDB file: idempotence, kill -9, readers, full disks.

The articles are written here (wire-style reports of invented bombings), several
outlets reporting the same incidents, so linking has something to link.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dateline.corpus import ingest
from dateline.options import Options
from dateline.store import StoreError, open_store
from dateline.store.read import article_count, events, linking_current

pytestmark = [pytest.mark.issue(7), pytest.mark.model]

CITIES = ("Mosul", "Kirkuk", "Basra", "Tikrit", "Ramadi")
OUTLETS = ("Reuters", "AFP", "AP")


def wire_report(city: int, outlet: int, day: int, killed: int) -> str:
    name = CITIES[city]
    return (
        f"{name.upper()}, March {day + 1}, 2024 ({OUTLETS[outlet]}) - A car bomb exploded at a "
        f"market in {name} on March {day}, killing {killed} people, police said. "
        "No group said it had carried out the bombing."
    )


def write_corpus(folder: Path, incidents: int) -> int:
    """Each incident (a city on a day) reported by every outlet, the toll rising by outlet."""
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    for index in range(incidents):
        city, day = index % len(CITIES), 1 + 8 * (index // len(CITIES)) % 27
        for outlet in range(len(OUTLETS)):
            text = wire_report(city, outlet, day, killed=10 + 5 * outlet + index)
            (folder / f"{index:03d}-{OUTLETS[outlet]}.txt").write_text(text, encoding="utf-8")
            count += 1
    return count


def run_cli(*args: str, **popen: object) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "dateline", *args]
    return subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **popen
    )  # type: ignore[call-overload]


def snapshot(db: Path) -> dict[str, object]:
    with open_store(db, write=False) as connection:
        return {
            "articles": sorted(
                r[0] for r in connection.execute("SELECT id FROM articles").fetchall()
            ),
            "mentions": sorted(
                r[0] for r in connection.execute("SELECT id FROM mentions").fetchall()
            ),
            "figures": connection.execute("SELECT count(*) FROM figures").fetchone(),
            "events": sorted(e["event_id"] for e in events(connection)),
            "linked": linking_current(connection),
        }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    folder = tmp_path_factory.mktemp("wire")
    return folder, write_corpus(folder, incidents=40)


@pytest.fixture(scope="module")
def reference(corpus: tuple[Path, int], tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("ref") / "ref.duckdb"
    ingest([corpus[0]], db, Options(batch_size=8))
    return db


def test_ingest_stores_links_and_is_idempotent(corpus, reference):
    folder, count = corpus
    stored = snapshot(reference)
    assert len(stored["articles"]) == count and stored["linked"]
    assert len(stored["events"]) < len(stored["mentions"])  # outlets' reports were linked
    again = ingest([folder], reference, Options(batch_size=8))
    assert (again.articles, again.skipped, again.failed) == (0, count, 0)
    assert snapshot(reference) == stored


def test_other_link_settings_relink_without_new_articles(reference, tmp_path):
    db = tmp_path / "copy.duckdb"
    db.write_bytes(reference.read_bytes())
    summary = ingest([], db, Options(best_rule="conservative"))
    assert summary.articles == 0 and summary.linked_events > 0
    with open_store(db, write=False) as connection:
        rows = events(connection, min_killed=1)
    assert rows and all(row["killed_best"] == row["killed_low"] for row in rows)
    assert ingest([], db, Options(best_rule="conservative")).linked_events == 0  # current


def test_linked_events_carry_every_outlet_and_their_disagreement(reference):
    with open_store(reference, write=False) as connection:
        rows = events(connection, country="IQ", min_killed=1)
    three = [row for row in rows if row["source_count"] == 3]
    assert three, "no incident was linked across its three outlets"
    row = three[0]
    # the outlets' police figures differ on the same day: a range, and a dispute
    assert row["killed_low"] < row["killed_high"] and row["disputed"]
    assert set(row["sources"].split("; ")) == set(OUTLETS)


def test_a_killed_ingest_resumes_without_loss_or_duplicates(corpus, reference, tmp_path):
    folder, count = corpus
    db = tmp_path / "crash.duckdb"
    writer = run_cli("ingest", str(folder), "--db", str(db), "--batch-size", "4", "-q")
    seen = wait_for_articles(db, at_least=8, writer=writer)
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    partial = snapshot(db)
    assert seen <= len(partial["articles"]) < count, "the kill came too late to test a resume"
    resumed = run_cli("ingest", str(folder), "--db", str(db), "--batch-size", "4", "-q")
    assert resumed.wait(timeout=600) == 0, resumed.stderr.read() if resumed.stderr else ""
    assert snapshot(db) == snapshot(reference)


def wait_for_articles(db: Path, *, at_least: int, writer: subprocess.Popen[str]) -> int:
    """Poll the store as a reader while the writer runs; the counts it sees only grow."""
    counts: list[int] = []
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and writer.poll() is None:
        if db.exists():
            try:
                with open_store(db, write=False, wait=5) as connection:
                    counts.append(article_count(connection))
            except StoreError:
                pass  # not yet created, or migrating
        if counts and counts[-1] >= at_least:
            break
        time.sleep(0.05)
    assert counts and counts[-1] >= at_least, f"writer ended or stalled: {writer.poll()}"
    assert counts == sorted(counts)
    return counts[-1]


def test_readers_query_while_one_writer_ingests(corpus, tmp_path):
    folder, count = corpus
    db = tmp_path / "busy.duckdb"
    writer = run_cli("ingest", str(folder), "--db", str(db), "--batch-size", "4", "-q")
    seen = wait_for_articles(db, at_least=4, writer=writer)
    reader = run_cli("events", "--db", str(db), "--to", "jsonl")
    out, err = reader.communicate(timeout=300)
    assert reader.returncode == 0, err
    assert writer.wait(timeout=600) == 0
    assert seen < count
    assert all(json.loads(line)["event_id"].startswith("ev-") for line in out.splitlines())


def _limit_file_size(limit: int):
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a too-large write fails with EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_a_full_disk_leaves_the_store_as_it_was(corpus, reference, tmp_path):
    folder, _ = corpus
    db = tmp_path / "full.duckdb"
    db.write_bytes(reference.read_bytes())
    before = snapshot(db)
    more = tmp_path / "more"
    more.mkdir()
    for day in (19, 20):  # short texts: the language check (which reads its model) stays off
        text = f"MOSUL, March {day}, 2024 (AP) - A bomb killed {day} people in Mosul, police said."
        (more / f"{day}.txt").write_text(text, encoding="utf-8")
    # no file may grow past 4 KiB: the first commit's write-ahead log hits the limit
    # (and no byte code is written under that limit: a truncated .pyc would outlive the test)
    run = run_cli(
        "ingest", str(more), "--db", str(db), "-q", preexec_fn=_limit_file_size(4096),
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )  # fmt: skip
    _, err = run.communicate(timeout=600)
    assert run.returncode == 5 and "run the same command again" in err, err
    assert snapshot(db) == before


def test_the_cli_lists_shows_exports_and_diffs(reference, tmp_path):
    listing = run_cli("events", "--db", str(reference), "--to", "csv", "--min-killed", "20")
    out, err = listing.communicate(timeout=300)
    assert listing.returncode == 0, err
    header, *lines = out.splitlines()
    for column in (
        "event_date",
        "sub_event_type",
        "admin1",
        "killed_best",
        "injured_high",
        "notes",
    ):
        assert column in header.split(",")
    assert lines
    event_id = lines[0].split(",")[0]
    shown = run_cli("show", event_id, "--db", str(reference))
    out, err = shown.communicate(timeout=300)
    assert shown.returncode == 0, err
    assert "killed: low" in out and "police (in " in out, out
    parquet = tmp_path / "events.parquet"
    exported = run_cli("events", "--db", str(reference), "--to", "parquet", "--out", str(parquet))
    assert exported.wait(timeout=300) == 0 and parquet.read_bytes()[:4] == b"PAR1"
    same = run_cli("diff", str(reference), str(reference))
    out, _ = same.communicate(timeout=300)
    assert out.strip().endswith("0 added, 0 changed, 0 removed")
