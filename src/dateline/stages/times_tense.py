"""The tense of a time expression's clause ("will hold talks on Friday" -> the next Friday).

The tensed word nearest to the expression in its sentence decides: a future marker ('will',
'scheduled'), a modal ('would', 'must') or a past form; with none, the tense is unknown ('').
With a parse, a modal on the expression's own verb wins; with a tagger past-tense verbs are read
from the tags; on a blank pipeline a short list of common past forms stands in for them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Token

from ..docext import doc_text

FUTURE_WORDS = {
    "will",
    "shall",
    "'ll",
    "’ll",
    "wo",
    "upcoming",
    "scheduled",
    "planned",
    "plans",
    "plan",
    "intends",
    "expected",
    "due",
    "tomorrow",
}
# Modals and deadlines lean ahead ('must be returned by Jan. 14'), more weakly than 'will'.
MODAL_WORDS = {"would", "must", "should", "deadline", "payable", "effective"}
PAST_WORDS = {
    "said",
    "was",
    "were",
    "had",
    "did",
    "told",
    "announced",
    "reported",
    "ago",
    "yesterday",
    "took",
    "killed",
    "died",
    "attacked",
    "occurred",
    "happened",
    "began",
    "ended",
}
SENTENCE_END = re.compile(r"[.!?]\s|\n\s*\n")


def tense_reader(doc: Doc) -> Callable[[int, int], str]:
    """A function (start, end) -> 'future', 'modal' or 'past' (the tense of the tensed word
    nearest to that span in its sentence), or '' when the sentence has none."""
    tagged = doc.has_annotation("TAG")

    parsed = doc.has_annotation("DEP") and tagged

    def tense(start: int, end: int) -> str:
        clause = _clause_tense(doc, start, end) if parsed else ""
        if clause:
            return clause
        tokens = _sentence_tokens(doc, start, end)
        marks = [
            (_distance(token, start, end), mark)
            for token in tokens
            if (mark := _tense(token, tagged))
        ]
        return min(marks)[1] if marks else ""

    return tense


def _clause_tense(doc: Doc, start: int, end: int) -> str:
    """'future' or 'modal' when the verb the expression hangs from has such a modal ('will hold
    talks on Friday'), else '' (past forms are read by nearness, which measured better)."""
    words = doc.char_span(start, end, alignment_mode="expand")
    if words is None:
        return ""
    verb = words.root
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    for aux in auxiliaries:
        if aux.tag_ == "MD" or aux.lower_ == "going":
            return _tense(aux, True) or ""
    return ""


def _sentence_tokens(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return []
    if doc.has_annotation("SENT_START"):
        sentence = span.sent
        return [t for t in sentence if not start <= t.idx < end]
    text = doc_text(doc)
    left = max((m.end() for m in SENTENCE_END.finditer(text, 0, start)), default=0)
    right_match = SENTENCE_END.search(text, end)
    right = right_match.start() + 1 if right_match else len(text)
    return [t for t in doc if left <= t.idx < right and not start <= t.idx < end]


def _tense(token: Token, tagged: bool) -> str | None:
    word = token.lower_
    if word in FUTURE_WORDS or (
        word == "going" and token.i + 1 < len(token.doc) and token.nbor().lower_ == "to"
    ):
        return "future"
    if word in MODAL_WORDS:
        return "modal"
    if tagged and token.tag_ == "TO" and token.i + 1 < len(token.doc) and token.nbor().tag_ == "VB":
        # 'to repatriate the child by Jan. 14': an infinitive looks ahead; after a word of plans
        # or a present 'be' it says what will happen ('is scheduled to close', 'is to resume').
        before = token.nbor(-1).lower_ if token.i > 0 else ""
        return "future" if before in FUTURE_WORDS or before in ("is", "are") else "modal"
    if word in PAST_WORDS or (tagged and token.tag_ == "VBD"):
        return "past"
    return None


def _distance(token: Token, start: int, end: int) -> int:
    return start - (token.idx + len(token)) if token.idx < start else token.idx - end
