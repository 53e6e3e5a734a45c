"""From a text and what its container said about it to an `Article`, filling gaps from the text.

Precedence, highest first: values the caller gave, the container's metadata
(HTML meta tags, JSON-LD, feed fields), the URL, then the text itself
(a scraped header, a wire dateline, an outlet naming itself).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import problem
from ..options import Options
from ..record import Article, Problem, Span
from .metadata import detect_language, find_publisher, find_wire_dateline, read_scraped_header


@dataclass(slots=True)
class Meta:
    """Metadata a reader found outside the text; None means 'not known, look in the text'."""

    id: str | None = None
    url: str | None = None
    title: str | None = None
    byline: list[str] | None = None
    publisher: str | None = None
    publisher_via: str = "none"
    published: str | None = None
    published_via: str = "none"
    published_confidence: float = 0.0


@dataclass(slots=True)
class Ingested:
    """One input's outcome: an article (possibly with warnings), or only problems."""

    source: str
    article: Article | None
    problems: list[Problem] = field(default_factory=list)


def build_article(
    text: str, source: str, meta: Meta, options: Options, *, scraped: bool | None = None
) -> Ingested:
    """An Article from `text` (kept exactly) and `meta`, completed from the text.

    scraped: True forces reading a scraped-dump header, False forbids it, None detects it.
    """
    if not text.strip():
        return Ingested(source, None, [problem("empty", source, "no text in the input")])
    if (bad := _lone_surrogate(text)) is not None:  # JSON's "\ud800" escapes can make them
        detail = f"the text is not valid Unicode (a lone surrogate at character {bad})"
        return Ingested(source, None, [problem("encoding", source, detail)])
    article = Article(
        text=text, source=source, id=meta.id or "", url=meta.url, title=meta.title,
        byline=list(meta.byline or []), publisher=meta.publisher, publisher_via=meta.publisher_via,
        published=meta.published, published_via=meta.published_via,
        published_confidence=meta.published_confidence,
    )  # fmt: skip
    problems: list[Problem] = []
    if scraped is not False:
        _apply_scraped_header(article, meta, source, problems, required=bool(scraped))
    _apply_wire_dateline(article, source, problems)
    _apply_publisher(article)
    problems.extend(_check_language(article, source, options))
    return Ingested(source, article, problems)


def _lone_surrogate(text: str) -> int | None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as err:
        return err.start
    return None


def _apply_scraped_header(
    article: Article, meta: Meta, source: str, problems: list[Problem], *, required: bool
) -> None:
    header = read_scraped_header(article.text)
    if header is None:
        if required:
            detail = "no ' date YYYY-MM-DD ...' first line in this scraped dump"
            problems.append(problem("bad_published", source, detail))
        return
    article.body = Span(header.body_start, len(article.text))
    if meta.byline is None:
        article.byline = header.byline
    if article.published is None and header.published is not None:
        _set_published(article, header.published.value, "text", header.published.confidence)
        article.published_span = header.published.span


def _apply_wire_dateline(article: Article, source: str, problems: list[Problem]) -> None:
    assert article.body is not None
    found, yearless, agency = find_wire_dateline(article.text, article.body)
    if agency and article.publisher is None:
        article.publisher, article.publisher_via = agency.value, "text"
    if article.published is not None:
        return
    if found:
        _set_published(article, found.value, "text", found.confidence)
        article.published_span = found.span
    elif yearless:
        problems.append(
            problem("published_incomplete", source, f"the dateline {yearless!r} gives no year")
        )


def _apply_publisher(article: Article) -> None:
    if article.publisher is not None:
        return
    assert article.body is not None
    found = find_publisher(article.text, article.body)
    if found:
        article.publisher, article.publisher_via = found.value, "text"


def _set_published(article: Article, value: str, via: str, confidence: float) -> None:
    article.published, article.published_via, article.published_confidence = value, via, confidence


def _check_language(article: Article, source: str, options: Options) -> list[Problem]:
    assert article.body is not None
    body = article.text[article.body.start : article.body.end]
    language, confidence = detect_language(body)
    article.language = language if confidence >= 0.5 else None
    long_enough = len(body.strip()) >= options.language_min_chars
    if language != "en" and long_enough and confidence >= options.language_min_confidence:
        detail = f"the text is in language '{language}' (confidence {confidence:.2f}), not English"
        return [problem("unsupported_language", source, detail)]
    return []
