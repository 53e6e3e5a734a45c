"""Readers for the formats news arrives in, detected from the input or forced by `Options.reader`.

`read_inputs(paths, options)` streams one `Ingested` per article (or per input
that failed); a bad input becomes an item with problems and the stream goes on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import PurePath

from ..errors import InputError, problem
from ..options import Options
from .article import Ingested, Meta, build_article
from .readers import read_feed, read_html_file, read_jsonl, read_text, read_warc
from .sources import STREAM_ERRORS, as_input_error, display_name, iter_input_paths, open_input, peek

__all__ = ["Ingested", "Meta", "build_article", "detect_format", "read_inputs"]

EXTENSIONS = {
    ".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".warc": "warc", ".rss": "feed", ".atom": "feed",
}  # fmt: skip


def read_inputs(paths: Iterable[str], options: Options) -> Iterator[Ingested]:
    for path in iter_input_paths(list(paths)):
        yield from read_path(path, options)


def read_path(path: str, options: Options) -> Iterator[Ingested]:
    source = display_name(path)
    try:
        stream = open_input(path)
    except InputError as err:
        yield Ingested(source, None, [problem(err.code, source, err.detail)])
        return
    try:
        fmt = options.reader if options.reader != "auto" else detect_format(path, peek(stream))
        read_any = False
        for item in _read_format(fmt, stream, source, options):
            read_any = True
            yield item
        if not read_any:  # every input is reported, even one that holds nothing to read
            detail = f"no {fmt} records in the input"
            yield Ingested(source, None, [problem("empty", source, detail)])
    except InputError as err:
        yield Ingested(source, None, [problem(err.code, source, err.detail)])
    except STREAM_ERRORS as err:  # gzip damage met while streaming records
        failure = as_input_error(err)
        yield Ingested(source, None, [problem(failure.code, source, failure.detail)])
    finally:
        if path != "-":
            stream.close()


def _read_format(fmt: str, stream, source: str, options: Options) -> Iterator[Ingested]:  # type: ignore[no-untyped-def]
    if fmt in ("text", "scraped"):
        return read_text(stream, source, options, scraped=True if fmt == "scraped" else None)
    readers = {"html": read_html_file, "jsonl": read_jsonl, "warc": read_warc, "feed": read_feed}
    return readers[fmt](stream, source, options)


def detect_format(path: str, head: bytes) -> str:
    """The reader for an input: from its extension (ignoring .gz), else from its first bytes."""
    name = PurePath(path.lower())
    if name.suffix == ".gz":
        name = name.with_suffix("")
    if name.suffix in EXTENSIONS:
        return EXTENSIONS[name.suffix]
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1024].lower()
    if start.startswith(b"warc/"):
        return "warc"
    if start.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")) and any(
        tag in start for tag in (b"<rss", b"<feed", b"<rdf:rdf")
    ):
        return "feed"
    if start.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<?xml")):
        return "html"
    if start.startswith(b"{"):
        return "jsonl"
    return "text"
