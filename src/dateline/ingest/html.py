"""HTML pages: trafilatura for body, title, author and site name; publication date with its time.

The date is looked for where publishers state it, most reliable first:
JSON-LD `datePublished`, meta tags, a `<time>` element, the URL, then htmldate's
search of the whole page (least sure). Time and UTC offset are kept when given.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from ..errors import InputError
from .dates import normalise_datetime

META_DATE_NAMES = {
    "article:published_time", "og:published_time", "og:article:published_time",
    "article.published", "datepublished", "pubdate", "publishdate", "publish-date",
    "publish_date", "publication_date", "date", "dc.date", "dc.date.issued", "dc.date.created",
    "dcterms.issued", "dcterms.created", "sailthru.date", "parsely-pub-date",
    "citation_publication_date",
}  # fmt: skip
URL_DATE = re.compile(
    r"/(?P<y>(?:19|20)\d{2})[/\-_]?(?P<m>0[1-9]|1[0-2])[/\-_]?(?P<d>0[1-9]|[12]\d|3[01])(?:[/\-_.]|$)"
)
CONFIDENCE = {"jsonld": 0.95, "meta": 0.9, "url": 0.8, "text": 0.5}
# Dates a CMS prints when the real one is unset (.NET's DateTime.MinValue 0001-01-01, SQL and
# spreadsheet zero days, the Unix epoch): taken at face value they would date the news to year 1.
PLACEHOLDER_DAYS = ("1900-01-01", "1970-01-01")
EARLIEST_YEAR = 1800  # no earlier date is a web page's publication date
# How trafilatura is asked for the body. Comments are not the article: a reader's comment
# taken for the outlet's words would be misattributed. (On the article-extraction benchmark
# this is also what beats trafilatura's defaults; see dateline.evaluate.aeb.)
TRAFILATURA_SETTINGS: dict[str, Any] = {"include_comments": False}


def extract_html(data: bytes | str, url: str | None) -> dict[str, Any]:
    """Body text and metadata of a page; raises InputError('broken_html') when there is no body."""
    import trafilatura

    try:
        result = trafilatura.bare_extraction(
            data, url=url, with_metadata=True, **TRAFILATURA_SETTINGS
        )
    except (ValueError, TypeError) as err:  # trafilatura's parser on badly broken markup
        raise InputError("broken_html", f"the HTML could not be parsed ({err})") from err
    text = (getattr(result, "text", None) or "").strip() if result is not None else ""
    if not text:
        raise InputError("broken_html", "no article body found in the HTML")
    author = getattr(result, "author", None)
    return {
        "text": text,
        "title": getattr(result, "title", None) or None,
        "byline": [a.strip() for a in author.split(";") if a.strip()] if author else None,
        "publisher": getattr(result, "sitename", None) or None,
        "url": url or getattr(result, "url", None) or None,
    }


def find_published(data: bytes | str, url: str | None) -> tuple[str | None, str]:
    """(ISO 8601 publication date, how it was found: jsonld|meta|url|text|none)."""
    tree = _parse(data)
    if tree is not None:
        for via, finder in (("jsonld", _from_jsonld), ("meta", _from_meta)):
            value = finder(tree)
            if value:
                return value, via
    if url and (match := URL_DATE.search(url)):
        value = normalise_datetime(f"{match['y']}-{match['m']}-{match['d']}")
        if value:
            return value, "url"
    return _from_htmldate(data, url), "text"


def _parse(data: bytes | str) -> Any:
    import lxml.html

    try:
        return lxml.html.fromstring(data)
    except (ValueError, lxml.etree.ParserError):
        return None


def _from_jsonld(tree: Any) -> str | None:
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            found = list(_walk_for(json.loads(script), "datePublished"))
        except (json.JSONDecodeError, RecursionError):  # broken or absurdly nested JSON-LD
            continue
        for raw in found:
            if isinstance(raw, str) and (value := _publication_date(raw)):
                return value
    return None


def _walk_for(node: Any, key: str) -> Iterator[Any]:
    if isinstance(node, dict):
        if key in node:
            yield node[key]
        for child in node.values():
            yield from _walk_for(child, key)
    elif isinstance(node, list):
        for child in node:
            yield from _walk_for(child, key)


def _from_meta(tree: Any) -> str | None:
    for meta in tree.xpath("//meta[@content]"):
        name = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if name in META_DATE_NAMES and (value := _publication_date(meta.get("content"))):
            return value
    for stamp in tree.xpath("//time[@datetime][@pubdate or @itemprop='datePublished']"):
        if value := _publication_date(stamp.get("datetime")):
            return value
    return None


def _publication_date(raw: str) -> str | None:
    """A page's stated date, normalised; None for a placeholder, so the next source is tried."""
    value = normalise_datetime(raw)
    if value is None or value.startswith(PLACEHOLDER_DAYS) or int(value[:4]) < EARLIEST_YEAR:
        return None
    return value


def _from_htmldate(data: bytes | str, url: str | None) -> str | None:
    from htmldate import find_date

    try:
        found = find_date(data, extensive_search=True, original_date=True, url=url)
    except (ValueError, TypeError):
        return None
    return normalise_datetime(found) if found else None
