"""Direct quotes (issue 6): the cue and speaker each pair of quote marks hangs on.

A signature after the marks ('" ― Jane Doe'), then the words after them
('"...," said the minister'), then those before them ('She said: "..."', an
introducing paragraph ending in ':'); speaker labels ('WALLACE: ...') are
quotes of their own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..record import Cue, Quote
from .quote_grammar import (
    cue_of,
    det_start,
    fallback_speaker,
    is_cue,
    mention,
    subject_of,
    text_of,
    tokens_between,
    trimmed,
)
from .quote_lexicon import DOCUMENT_NOUNS, LABEL_WORDS
from .quote_marks import MARK, WORD, Quoted

MIN_QUOTE_WORDS = 4  # fewer words in marks with no cue: a scare quote or a title, not speech
NEAR_AFTER = (
    10  # a cue this close after the marks is theirs; further on, only if it reports no clause
)
WINDOW_AFTER = (
    40  # tokens after a closing mark searched for "said X" (a long titled name may come first)
)
WINDOW_BEFORE = 30  # tokens before an opening mark searched for "X said:"
# '"..." ― Jane Doe' (letters, vox pops, epigraphs): the dash and a name of up to five words.
NAME_WORD = r"[A-Z][\w.'’-]*"
DASH_SIGNATURE = re.compile(
    rf"[^\S\n]*(―|—|–|--)[^\S\n]*({NAME_WORD}(?:[^\S\n]+{NAME_WORD}){{0,4}})"
)


@dataclass(slots=True)
class Draft:
    """A quote before its speaker's name is resolved."""

    quote: Quote
    mention: Span | None = None
    covers: list[Quoted] = field(default_factory=list)
    tight: bool = False  # a direct quote cued right next to its marks


def after_window(doc: Doc, quoted: Quoted) -> list[Token]:
    """Tokens after the closing mark up to the sentence's end ('..., said the minister.')."""
    tail = tokens_between(
        doc, quoted.close_at, min(len(text_of(doc)), quoted.close_at + 8 * WINDOW_AFTER)
    )
    window: list[Token] = []
    for token in tail[:WINDOW_AFTER]:
        if token.text in (".", "!", "?", ";") or "\n" in token.text or MARK.fullmatch(token.text):
            break
        window.append(token)
    return window


def before_window(doc: Doc, quoted: Quoted, para_start: int) -> list[Token]:
    """Tokens before the opening mark back to the sentence start, or the paragraph ending in ':'."""
    start = para_start
    if text_of(doc)[para_start : quoted.open_at].strip() == "":
        start = _intro_start(text_of(doc), para_start)
    head = tokens_between(doc, start, quoted.open_at)
    window: list[Token] = []
    for token in reversed(head[-WINDOW_BEFORE:]):
        if token.text in (".", "!", "?") or MARK.fullmatch(token.text):
            break
        if not token.is_space:
            window.insert(0, token)
    return window


def _intro_start(text: str, para_start: int) -> int:
    """Start of the previous paragraph when it ends with ':', introducing the quote."""
    previous = text.rstrip()[:para_start].rstrip()
    if not previous.endswith(":"):
        return para_start
    return previous.rfind("\n") + 1


@dataclass(slots=True)
class Attachment:
    """What a direct quote hangs on: the speaker mention, the cue, and how tight the link is."""

    mention: Span | None = None
    cue: Cue | None = None
    tight: bool = False  # "..., said X" or "X said: ..." rather than a cue somewhere before
    embedded: bool = False  # the marks sit inside a sentence ('called it "a disgrace"')


def attach(doc: Doc, quoted: Quoted, para_start: int) -> Attachment:
    """The cue and speaker of a direct quote: a signature, the words after it, then those before."""
    for link in (_signature(doc, quoted), _after_cue(doc, quoted)):
        if link.cue is not None:
            return link
    return _before_cue(doc, quoted, para_start)


def _after_cue(doc: Doc, quoted: Quoted) -> Attachment:
    """'"...," said the minister.' / '"...," she added.'"""
    after = after_window(doc, quoted) if _hands_on(text_of(doc), quoted) else []
    for token in after:
        cue = is_cue(token) or _inverted(token, after)
        if (
            not cue
            and token.pos_ in ("VERB", "AUX")
            and token.dep_ not in ("aux", "auxpass", "neg")
        ):
            break  # another clause starts: a cue further on is not this quote's
        if cue and token.i - after[0].i >= NEAR_AFTER and _reports_what_follows(token):
            break  # 'On "Fox News Sunday," Pence said his ...': the quote is not what was said
        if cue:
            subject = subject_of(token) or fallback_speaker(t for t in after if t.i > token.i)
            subject = subject or fallback_speaker(reversed([t for t in after if t.i < token.i]))
            return Attachment(mention(subject), cue_of(token), tight=True)
    return Attachment()


def _reports_what_follows(cue: Token) -> bool:
    return any(c.dep_ == "ccomp" and c.i > cue.i for c in cue.children)


def _before_cue(doc: Doc, quoted: Quoted, para_start: int) -> Attachment:
    """'She said: "..."' / 'He told reporters, "..."' / an intro paragraph ending in ':'."""
    before = before_window(doc, quoted, para_start)
    last = before[-1] if before else None
    if last is not None and (last.is_alpha or last.like_num) and not _introduces(last, before):
        return Attachment(
            embedded=True
        )  # 'went on about "..."': part of a sentence, not a statement
    for token in reversed(before):
        if is_cue(token) or _introduces(token, before):
            tight = _introduces(token, before) and before[-1].text in (",", ":")
            return Attachment(mention(subject_of(token)), cue_of(token), tight)
    return _colon_intro(doc, before)


def _signature(doc: Doc, quoted: Quoted) -> Attachment:
    """'"..." ― Jane Doe': a dash after the closing mark, then a name, signs the quote."""
    match = DASH_SIGNATURE.match(text_of(doc), quoted.close_at)
    if match is None:
        return Attachment()
    end = match.end() - (1 if re.search(r"\w{3}\.$", match.group()) else 0)  # not 'Sanchez.'
    name = tokens_between(doc, match.end(1), end)
    if not name or not any(t.pos_ == "PROPN" or t.ent_type_ == "PERSON" for t in name):
        return Attachment()
    return Attachment(name, Cue(match.start(1), match.end(1), match.group(1)), tight=True)


def _hands_on(text: str, quoted: Quoted) -> bool:
    """A quote ends on ',', '?', '!' or a dash (inside or just outside the mark) when the
    attribution follows it; one that ends its sentence with '.' has none after it."""
    last = text[quoted.start : quoted.end].rstrip()[-1:]
    following = text[quoted.close_at : quoted.close_at + 1]
    return last in ",?!—–-…" or following == ","


def _inverted(token: Token, after: list[Token]) -> bool:
    """A verb used without object right after a quote, with its subject, is its cue ('...,
    Smith quipped'); one with an object starts a sentence of its own ('"No," the ad shows...')."""
    if token.pos_ != "VERB" or token.i - after[0].i > 3 or subject_of(token) is None:
        return False
    return not any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp") for c in token.children)


def _introduces(token: Token, before: list[Token]) -> bool:
    """Any verb just before the opening mark or its colon introduces it ('Trump tweeted: "..."')."""
    return (
        token.pos_ == "VERB"
        and bool(before)
        and before[-1].i - token.i <= (1 if before[-1].is_punct else 0)
    )


def _colon_intro(doc: Doc, before: list[Token]) -> Attachment:
    """'... the full text of the statement:' — the document speaks, the colon is the cue."""
    if not before or before[-1].text != ":":
        return Attachment()
    colon = before[-1]
    cue = Cue(colon.idx, colon.idx + 1, ":")
    document = next((t for t in reversed(before) if t.lemma_.lower() in DOCUMENT_NOUNS), None)
    if document is not None:
        return Attachment(document.doc[det_start(document) : document.i + 1], cue, tight=True)
    verb = next((t for t in reversed(before) if t.pos_ == "VERB"), None)
    speaker = mention(subject_of(verb)) if verb is not None else label(doc, before[:-1])
    return Attachment(speaker, cue, tight=True)


def label(doc: Doc, tokens: list[Token]) -> Span | None:
    """A speaker label before a colon: transcripts ('WALLACE:') and headlines ('Putin: ...')."""
    words = [t for t in tokens if not t.is_space]
    if not words or len(words) > 6 or not words[0].text[:1].isupper():
        return None
    if any(t.pos_ in ("VERB", "AUX") or t.lower_ in LABEL_WORDS for t in words):
        return None
    if not all(t.text[:1].isupper() or not t.is_alpha for t in words):
        return None  # a label is a name or a title-cased heading, not a clause
    return doc[words[0].i : words[-1].i + 1]


def _lines(text: str, paras: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    for p_start, p_end in paras:
        at = p_start
        for line in text[p_start:p_end].split("\n"):
            yield at, at + len(line)
            at += len(line) + 1


def label_quotes(doc: Doc, paras: list[tuple[int, int]]) -> Iterator[Draft]:
    """Paragraphs opening 'Speaker: words': a transcript line is direct, a headline indirect.
    A transcript typed inside quote marks ('"WALLACE: ...') is read the same way."""
    text = text_of(doc)
    for line_start, p_end in _lines(text, paras):
        mark = MARK.match(text, line_start)
        p_start = mark.end() if mark is not None else line_start
        colon = text.find(":", p_start, min(p_end, p_start + 80))
        if colon < 0 or MARK.match(text[colon + 1 : p_end].lstrip()):
            continue
        speaker = label(doc, list(tokens_between(doc, p_start, colon)))
        content = trimmed(tokens_between(doc, colon + 1, p_end))
        if speaker is None or len(WORD.findall(content.text)) < 3:
            continue
        kind = "direct" if speaker.text.isupper() else "indirect"
        quote = Quote(content.start_char, content.end_char, kind, cue=Cue(colon, colon + 1, ":"))
        yield Draft(quote, speaker)


def looks_like_speech(text: str, link: Attachment) -> bool:
    """A few words in marks are speech only when tightly cued; else a scare quote or a title."""
    words = len(WORD.findall(text))
    if link.tight:
        return words >= 1
    if link.embedded:
        return False
    if words >= MIN_QUOTE_WORDS and link.cue is not None:
        return True
    sentence_like = text.lstrip()[:1].isupper() and text.rstrip()[-1:] in ".,!?…—-"
    return words >= MIN_QUOTE_WORDS and (sentence_like or words >= 2 * MIN_QUOTE_WORDS)
