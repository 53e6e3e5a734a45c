"""Who stands behind a stretch of text (issue 6): the outlet's own voice, or a source it credits.

The events stage calls `claim_for(doc, start, end)` for every figure and event.
A span inside a quotation (direct, indirect or mixed: the content of "X said
that ..." and of "according to X, ...") belongs to that quotation's speaker;
anything else is the outlet's: the publisher, or the byline when no publisher
is known. A source quoted elsewhere in the article never claims a figure it
did not state.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..docext import ARTICLE, stage_attr
from ..record import Article, Claim, Quote
from .quotes import find_quotes


def claim_for(doc: Doc, start: int, end: int) -> Claim:
    """The claim on text[start:end]: the innermost quotation holding it, else the outlet."""
    quote = holding_quote(quotes_of(doc), start, end)
    if quote is not None and quote.speaker is not None:
        return Claim("source", quote.speaker.name, quote.speaker.start, quote.speaker.end)
    if quote is not None:
        return Claim(
            "source", None, None, None
        )  # quoted, speaker unknown: still not the outlet's word
    return outlet_claim(doc._.get(ARTICLE))


def quotes_of(doc: Doc) -> list[Quote]:
    """The quotes the dateline_quotes stage found, or found now when the stage has not run."""
    found = doc._.get(stage_attr("quotes"))
    if found is not None:
        return list(found)
    article = doc._.get(ARTICLE)
    body = article.body if article is not None else None
    return (
        find_quotes(doc, body.start, body.end).quotes
        if body is not None
        else find_quotes(doc).quotes
    )


def holding_quote(quotes: list[Quote], start: int, end: int) -> Quote | None:
    """The shortest quotation whose content holds the whole span (nested quotes: the inner one)."""
    holding = [q for q in quotes if q.start <= start and end <= q.end]
    return min(holding, key=lambda q: q.end - q.start, default=None)


def outlet_claim(article: Article | None) -> Claim:
    """The outlet's own voice: the publisher, else the first byline, else unnamed."""
    if article is None:
        return Claim("outlet", None, None, None)
    name = article.publisher or (article.byline[0] if article.byline else None)
    return Claim("outlet", name, None, None)
