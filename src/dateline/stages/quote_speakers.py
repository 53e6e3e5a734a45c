"""Who a speaker mention names (issue 6): the nearest compatible named source earlier in the text.

A name stands for itself; 'he'/'she' is the person quoted lately, else the last
person named (the record has no gender, so this is salience, not agreement);
'it'/'they' the last organisation; "the statement" whoever issued it.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .quote_grammar import entities_in, mention_span, subject_of
from .quote_lexicon import DOCUMENT_NOUNS, GROUP_PRONOUNS, PERSON_PRONOUNS, SOURCE_LABELS

SALIENCE_CHARS = 1500  # a person quoted this close before a 'she' is taken as her


@dataclass(slots=True)
class Source:
    """A named candidate for resolving later mentions: where it is, its name, person or org."""

    at: int
    name: str
    kind: str
    speaker: bool = False  # a quote's speaker, more salient for a later pronoun than any name


def clean_name(span: Span) -> str:
    """The mention as a name: a person's name if one is in it, no leading article or possessive."""
    person = next((e for e in entities_in(span) if e.label_ == "PERSON"), None)
    words = list(person if person is not None else span)
    while words and words[0].lower_ in ("the", "a", "an", "this", "that"):
        words = words[1:]
    while words and words[-1].tag_ == "POS" or words and words[-1].text in ("'s", "’s", ","):
        words = words[:-1]
    return "".join(t.text_with_ws for t in words).strip() or span.text


def source_kind(span: Span) -> str:
    if any(e.label_ == "PERSON" for e in entities_in(span)):
        return "person"
    return "person" if span.root.lower_ in PERSON_PRONOUNS else "org"


def named_sources(doc: Doc, start: int, end: int) -> list[Source]:
    """Named candidates in the body: entities, and proper-noun subjects the NER missed."""
    sources = [
        Source(e.start_char, clean_name(e), SOURCE_LABELS[e.label_])
        for e in doc.ents
        if e.label_ in SOURCE_LABELS
    ]
    for token in doc:
        if token.dep_ in ("nsubj", "nsubjpass") and token.pos_ == "PROPN" and not token.ent_type_:
            span = mention_span(token)
            sources.append(Source(span.start_char, clean_name(span), source_kind(span)))
    return sorted((s for s in sources if start <= s.at < end), key=lambda s: s.at)


def resolve(span: Span, sources: list[Source]) -> str:
    """The name behind a mention: itself if named, else the nearest compatible earlier source."""
    root = span.root
    if any(t.pos_ == "PROPN" for t in span) or entities_in(span):
        return clean_name(span)
    earlier = [s for s in sources if s.at < span.start_char]
    if root.lower_ in PERSON_PRONOUNS:
        return _salient_person(earlier, span.start_char) or span.text
    if root.lower_ in GROUP_PRONOUNS:
        return _nearest(earlier, kind="org") or _nearest(earlier) or span.text
    if root.lemma_.lower() in DOCUMENT_NOUNS:
        return issuer(root, sources) or _nearest(earlier) or clean_name(span)
    head_word = root.lower_
    named = [s for s in earlier if head_word in s.name.lower()]
    return named[-1].name if named else clean_name(span)


def _salient_person(earlier: list[Source], at: int) -> str | None:
    """'he'/'she': the last person quoted when quoted lately (the story's current voice), else the
    last person named. The record gives no gender, so this is salience, not agreement."""
    speakers = [
        s
        for s in earlier
        if s.kind == "person" and s.speaker and s.name.lower() not in PERSON_PRONOUNS
    ]
    if speakers and at - speakers[-1].at <= SALIENCE_CHARS:
        return speakers[-1].name
    return _nearest(earlier, kind="person")


def _nearest(sources: list[Source], kind: str | None = None) -> str | None:
    fitting = [s for s in sources if kind is None or s.kind == kind]
    return fitting[-1].name if fitting else None


def issuer(document: Token, sources: list[Source]) -> str | None:
    """Who issued 'the statement': the subject of the last earlier verb with that noun as object."""
    noun = document.lemma_.lower()
    for token in reversed(document.doc[: document.i]):
        if token.lemma_.lower() == noun and token.dep_ in ("dobj", "pobj", "nsubjpass"):
            subject = subject_of(token.head)
            if subject is not None and subject.lemma_.lower() != noun:
                return resolve(mention_span(subject), sources)
    return None
