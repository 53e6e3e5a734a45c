"""One reader per format. Each takes an open stream and yields `Ingested` items.

Whole-document formats (text, HTML, feeds) read at most `max_bytes`; record
formats (JSON Lines, WARC) stream, so a corpus file of any size runs in
constant memory and its limit applies to each record.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import partial
from typing import Any, BinaryIO

from ..errors import InputError, problem
from ..options import Options
from ..record import Problem
from .article import Ingested, Meta, build_article
from .dates import normalise_datetime
from .html import CONFIDENCE, extract_html, find_published
from .sources import check_not_binary, decode, read_limited


def read_text(
    stream: BinaryIO, source: str, options: Options, scraped: bool | None
) -> Iterator[Ingested]:
    text, guessed = decode(read_limited(stream, options.max_bytes))
    item = build_article(text, source, Meta(), options, scraped=scraped)
    if guessed:
        detail = f"not valid UTF-8; read as {guessed}"
        item.problems.insert(0, problem("encoding_guessed", source, detail))
    yield item


def read_html_file(stream: BinaryIO, source: str, options: Options) -> Iterator[Ingested]:
    data = read_limited(stream, options.max_bytes)
    check_not_binary(data)
    yield ingest_html(data, source, Meta(), options)


def ingest_html(data: bytes | str, source: str, given: Meta, options: Options) -> Ingested:
    """An article from a page; `given` values win over what the page says."""
    page = extract_html(data, given.url)
    meta = Meta(
        id=given.id, url=given.url or page["url"], title=given.title or page["title"],
        byline=given.byline if given.byline is not None else page["byline"],
        publisher=given.publisher or page["publisher"],
        publisher_via=(
            given.publisher_via if given.publisher else "meta" if page["publisher"] else "none"
        ),
    )  # fmt: skip
    if given.published:
        meta.published, meta.published_via = given.published, given.published_via
        meta.published_confidence = given.published_confidence
    else:
        published, via = find_published(data, meta.url)
        if published:
            meta.published, meta.published_via = published, via
            meta.published_confidence = CONFIDENCE[via]
    return build_article(page["text"], source, meta, options, scraped=False)


def read_jsonl(stream: BinaryIO, source: str, options: Options) -> Iterator[Ingested]:
    for number, raw in enumerate(_limited_lines(stream, options.max_bytes), start=1):
        line_source = f"{source}:{number}"
        if isinstance(raw, InputError):
            yield Ingested(line_source, None, [problem(raw.code, line_source, raw.detail)])
            continue
        if not raw.strip():
            continue
        yield _guarded(line_source, partial(_jsonl_record, raw, line_source, options))


def _limited_lines(stream: BinaryIO, max_bytes: int) -> Iterator[bytes | InputError]:
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            yield InputError("oversize", f"line longer than the {max_bytes:,}-byte limit")
            while line and not line.endswith(b"\n"):  # skip the rest of the long line
                line = stream.readline(max_bytes + 1)
            continue
        yield line


def _jsonl_record(raw: bytes, source: str, options: Options) -> Ingested:
    try:
        record = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise InputError("broken_json", f"not valid JSON ({err})") from err
    if not isinstance(record, dict):
        raise InputError("broken_json", f"a JSON {type(record).__name__}, not an object")
    return ingest_record(record, source, options)


def ingest_record(record: dict[str, Any], source: str, options: Options) -> Ingested:
    """An article from a JSON Lines-shaped record: 'text' (kept exactly) or 'html', and what
    else it gives."""
    given, warnings = _given_meta(record, source)
    if isinstance(record.get("text"), str):
        item = build_article(record["text"], source, given, options)
    elif isinstance(record.get("html"), str):
        item = ingest_html(record["html"], source, given, options)
    else:
        raise InputError("no_text", "the record has neither a 'text' nor an 'html' string")
    item.problems[:0] = warnings
    return item


def _given_meta(record: dict[str, Any], source: str) -> tuple[Meta, list[Problem]]:
    byline = record.get("byline")
    meta = Meta(
        id=_str_or_none(record.get("id")), url=_str_or_none(record.get("url")),
        title=_str_or_none(record.get("title")),
        byline=_names([byline] if isinstance(byline, str) else byline)
        if isinstance(byline, str | list) else None,
        publisher=_str_or_none(record.get("publisher")),
    )  # fmt: skip
    if meta.publisher:
        meta.publisher_via = "given"
    given_published = record.get("published")
    if given_published in (None, ""):
        return meta, []
    published = normalise_datetime(str(given_published))
    if published is None:
        detail = f"the given 'published' {given_published!r} is not a date; looked for in the text"
        return meta, [problem("bad_published", source, detail)]
    meta.published, meta.published_via, meta.published_confidence = published, "given", 1.0
    return meta, []


def _names(values: list[Any]) -> list[str]:
    return [str(v) for v in values if v not in (None, "")]


def _str_or_none(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None


def read_warc(stream: BinaryIO, source: str, options: Options) -> Iterator[Ingested]:
    records = pages = 0
    try:
        for record in _warc_records(stream):
            records += 1
            if not _is_html_response(record):
                continue
            pages += 1
            url = record.rec_headers.get_header("WARC-Target-URI")
            page_source = f"{source}#{url}"
            yield _guarded(page_source, partial(_warc_page, record, url, page_source, options))
    except InputError as err:
        detail = f"damaged WARC after {pages} page(s) ({err.detail})"
        yield Ingested(source, None, [problem("broken_warc", source, detail)])
        return
    if records == 0:
        yield Ingested(source, None, [problem("empty", source, "no WARC records in the input")])
    elif pages == 0:
        detail = "no HTML response records in the WARC"
        yield Ingested(source, None, [problem("no_text", source, detail)])


def _warc_records(stream: BinaryIO) -> Iterator[Any]:
    """warcio's records; whatever its parser raises on damaged data becomes one InputError."""
    from warcio.archiveiterator import ArchiveIterator

    records = iter(ArchiveIterator(_ShortReads(stream)))
    while True:
        try:
            record = next(records)
        except StopIteration:
            return
        except Exception as err:  # warcio raises AttributeError, IndexError, ... on damaged headers
            raise InputError("broken_warc", str(err).strip() or type(err).__name__) from err
        yield record


class _ShortReads:
    """A stream whose reads return what one read of the source gives: warcio then gets the
    records before gzip damage, where a full-block read would drop the block with the error."""

    def __init__(self, stream: BinaryIO) -> None:
        self.read = getattr(stream, "read1", stream.read)


def _is_html_response(record: Any) -> bool:
    if record.rec_type not in ("response", "resource"):
        return False
    headers = record.http_headers
    if headers is not None:
        status = headers.get_statuscode()
        content_type = headers.get_header("Content-Type") or ""
        return bool(status and status.startswith("2") and "html" in content_type.lower())
    return "html" in (record.rec_headers.get_header("Content-Type") or "").lower()


def _warc_page(record: Any, url: str | None, source: str, options: Options) -> Ingested:
    try:
        data = read_limited(record.content_stream(), options.max_bytes)
        while record.raw_stream.read(65536):  # the rest of the record, to see that it is all there
            pass
    except InputError:
        raise
    except Exception as err:  # a damaged chunked or compressed body
        raise InputError("broken_warc", f"the record cannot be read ({err})") from err
    if getattr(record.raw_stream, "limit", 0) > 0:
        raise InputError("broken_warc", "the record ends early: the WARC is cut short")
    return ingest_html(data, source, Meta(url=url), options)


def read_feed(stream: BinaryIO, source: str, options: Options) -> Iterator[Ingested]:
    import feedparser

    parsed = feedparser.parse(read_limited(stream, options.max_bytes))
    if not parsed.entries:
        reason = parsed.get("bozo_exception") or "no entries"
        raise InputError("broken_feed", f"not a readable RSS/Atom feed ({reason})")
    warning = []
    if parsed.get("bozo"):
        detail = (
            f"the feed is malformed ({parsed.bozo_exception}); "
            f"its {len(parsed.entries)} entries were read"
        )
        warning = [problem("broken_feed", source, detail, fatal=False)]
    publisher = parsed.feed.get("title") or None
    for number, entry in enumerate(parsed.entries, start=1):
        entry_source = f"{source}#{entry.get('id') or entry.get('link') or number}"
        item = _guarded(entry_source, partial(_feed_entry, entry, entry_source, publisher, options))
        item.problems[:0] = warning
        yield item


def _feed_entry(entry: Any, source: str, publisher: str | None, options: Options) -> Ingested:
    content = entry.get("content") or []
    body = content[0].get("value") if content else entry.get("summary", "")
    published = normalise_datetime(entry.get("published") or entry.get("updated") or "")
    authors = [a.get("name") for a in entry.get("authors", []) if a.get("name")]
    meta = Meta(
        url=entry.get("link"), title=entry.get("title"), byline=authors or None,
        publisher=publisher, publisher_via="meta" if publisher else "none",
        published=published, published_via="meta" if published else "none",
        published_confidence=CONFIDENCE["meta"] if published else 0.0,
    )  # fmt: skip
    return build_article(html_fragment_text(body or ""), source, meta, options, scraped=False)


BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr"}


def html_fragment_text(fragment: str) -> str:
    """Text of a feed's HTML fragment, one paragraph a line; plain text passes through."""
    if "<" not in fragment:
        return fragment.strip()
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return fragment.strip()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag in BLOCKS:
            element.tail = "\n" + (element.tail or "")
    lines = (line.strip() for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def _guarded(source: str, read: Any) -> Ingested:
    """Run one record's reader; its InputError becomes that record's problem, not the batch's."""
    try:
        return read()  # type: ignore[no-any-return]
    except InputError as err:
        return Ingested(source, None, [problem(err.code, source, err.detail)])
