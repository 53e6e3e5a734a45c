"""Reading the parse around a quotation (issue 6): cues, their subjects, and mention spans."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from ..docext import ARTICLE
from ..record import Cue
from .quote_lexicon import CUE_VERBS, LEMMA_FIXES, SOURCE_LABELS


def lemma(token: Token) -> str:
    """The token's lemma, mended where the lemmatizer is known to slip ('hoped' -> 'hop')."""
    return LEMMA_FIXES.get(token.lower_) or token.lemma_.lower()


def is_cue(token: Token) -> bool:
    """A reporting verb, or the 'according' of 'according to'."""
    if token.lower_ == "according":
        return token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to"
    return token.pos_ in ("VERB", "AUX") and lemma(token) in CUE_VERBS


def cue_of(token: Token) -> Cue:
    """The cue's words: the verb with its particle ('pointed out'), or 'according to'."""
    doc = token.doc
    end = token.i + 1
    if token.lower_ == "according" or any(c.dep_ == "prt" and c.i == end for c in token.children):
        end += 1
    return Cue(doc[token.i].idx, doc[end - 1].idx + len(doc[end - 1]), doc[token.i : end].text)


def subject_of(verb: Token) -> Token | None:
    """The verb's subject, climbing through 'went on to say' and 'according to'."""
    if verb.lower_ == "according":
        to = next((c for c in verb.children if c.lower_ == "to"), None)
        return next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) or _agent(verb)
        if subject is not None:
            return subject
        if verb.dep_ == "acl" and verb.head.pos_ in ("PROPN", "NOUN", "PRON"):
            return verb.head  # 'footage of Clinton saying, "..."'
        if verb.dep_ not in ("xcomp", "conj", "advcl", "acomp") or verb.head is verb:
            return None
        verb = verb.head
    return None


def _agent(verb: Token) -> Token | None:
    """'was announced by the ministry': the passive's agent (its subject is the words or the
    listener, never the speaker)."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return (
        next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    )


def mention_span(head: Token) -> Span:
    """The noun phrase headed by `head`: its left modifiers and 'of'/'in' phrases, no clauses."""
    doc = head.doc
    start = _left_edge(head)
    end = head.i + 1
    for child in head.rights:
        if child.i != end or child.dep_ not in ("prep", "compound", "flat", "nummod", "appos"):
            break
        if child.dep_ == "appos" and doc[child.i - 1].text == ",":
            break
        end = _right_edge(child)
    while start < head.i and not doc[start].is_alpha and not doc[start].like_num:
        start += 1
    return doc[start:end]


def _left_edge(head: Token) -> int:
    """Left edge of the phrase, not past a comma, a bracket, a clause or a paragraph break."""
    left = head.left_edge.i
    for token in head.doc[left : head.i]:
        if token.text in (",", "(") or token.dep_ in ("relcl", "acl") or "\n" in token.text_with_ws:
            left = token.i + 1
    return left


def _right_edge(child: Token) -> int:
    end = child.right_edge.i + 1
    for token in child.doc[child.i : end]:
        if "\n" in token.text_with_ws and token.i + 1 < end:
            return token.i + 1
    return end


def fallback_speaker(tokens: Iterable[Token]) -> Token | None:
    """When the parse gives the cue no subject: the first name or pronoun next to it."""
    for token in tokens:
        if token.pos_ in ("PROPN", "PRON") or token.ent_type_ in SOURCE_LABELS:
            return token
        if token.is_punct and token.text not in ",":
            return None
    return None


def mention(token: Token | None) -> Span | None:
    return mention_span(token) if token is not None else None


def text_of(doc: Doc) -> str:
    """The article's text (== doc.text, which spaCy rebuilds from the tokens on every access)."""
    article = doc._.get(ARTICLE) if Doc.has_extension(ARTICLE) else None
    length = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    return article.text if article is not None and len(article.text) == length else doc.text


def tokens_between(doc: Doc, start: int, end: int) -> Span:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span if span is not None else doc[0:0]


def det_start(token: Token) -> int:
    return min(
        (c.i for c in token.lefts if c.dep_ in ("det", "poss", "amod", "compound")), default=token.i
    )


def subtree(first: Token, last: Token) -> Span:
    return first.doc[first.left_edge.i : last.right_edge.i + 1]


def trimmed(span: Span) -> Span:
    start, end = span.start, span.end
    while start < end and (span.doc[start].is_punct or span.doc[start].is_space):
        start += 1
    while end > start and (span.doc[end - 1].is_punct or span.doc[end - 1].is_space):
        end -= 1
    return span.doc[start:end]


def entities_in(span: Span) -> list[Span]:
    """The named entities wholly inside `span`, as `span.ents` gives them, read off the tokens:
    `span.ents` rebuilds every entity of the document on each call."""
    doc, found, i = span.doc, [], span.start
    while i < span.end:
        if doc[i].ent_iob_ != "B":
            i += 1
            continue
        end = i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        if end <= span.end:
            found.append(Span(doc, i, end, label=doc[i].ent_type_))
        i = end
    return found
