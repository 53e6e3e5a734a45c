"""Attributions carried by nouns and prepositions (issue 6), not by a reporting verb.

- A noun of speech or thought with a 'that' clause: "her claim that the bridge was safe",
  "the senator's warning that the dam could fail"; a noun of intention with an infinitive:
  "the governor's decision to close the schools". The possessor is the source; with none,
  the subject of a verb that issues the noun ("the union issued a warning that ...").
- A phrase naming where a view is held: "In his view, the tax is unfair", "In a new poll,
  the governor leads", "By one estimate, 300 homes burned": the clause around the phrase is
  the content, the possessor (his) or the poll itself the source.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from .quote_grammar import lemma, subject_of, subtree, trimmed
from .quote_lexicon import (
    CUE_VERBS,
    INTENT_NOUNS,
    ISSUING_VERBS,
    SOURCE_PHRASE_NOUNS,
    SPEECH_NOUNS,
    TALK_VERBS,
    TOPIC_VERBS,
)

Candidate = tuple[Token, Span, Token | None]  # cue, content, speaker


def noun_candidates(token: Token) -> Iterator[Candidate]:
    """The attributions a noun or a preposition carries, if it is one that does."""
    if token.pos_ == "NOUN":
        yield from _noun_clause(token)
    elif token.dep_ == "prep" and token.lower_ in ("in", "by"):
        yield from _source_phrase(token)


def _noun_clause(noun: Token) -> Iterator[Candidate]:
    word = noun.lemma_.lower()
    if word not in SPEECH_NOUNS and word not in INTENT_NOUNS:
        return  # only these nouns carry an attribution
    for clause in noun.children:
        if clause.dep_ not in ("acl", "ccomp") or clause.i < noun.i:
            continue
        that = any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
        to = any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
        holder = _holder(noun)
        intent = to and word in INTENT_NOUNS and holder is not None  # 'his refusal to ...'
        if (that and word in SPEECH_NOUNS) or intent:
            yield noun, trimmed(subtree(clause, clause)), holder
            return


def _holder(noun: Token) -> Token | None:
    """Whose claim: the possessor ('the senator's warning'), else the subject of a verb that
    issues it ('the union issued a warning'); 'officials rejected the charge' names no one."""
    possessor = next((c for c in noun.children if c.dep_ == "poss"), None)
    if possessor is not None:
        return possessor
    if noun.dep_ == "dobj" and lemma(noun.head) in ISSUING_VERBS:
        return subject_of(noun.head)
    return None


def _source_phrase(prep: Token) -> Iterator[Candidate]:
    """'In his view, ...' / 'In a new poll, ...': a phrase opening a clause whose verb is not a
    cue of its own ('In a statement, the ministry said ...' is the verb's)."""
    head = prep.head
    noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if noun is None or noun.lemma_.lower() not in SOURCE_PHRASE_NOUNS:
        return
    if head.pos_ not in ("VERB", "AUX") or lemma(head) in CUE_VERBS | TOPIC_VERBS | TALK_VERBS:
        return
    if prep.i > head.i or head.dep_ not in ("ROOT", "ccomp", "conj"):
        return  # 'in his view' opens the clause; a phrase after the verb is one of its details
    phrase = range(prep.left_edge.i, prep.right_edge.i + 1)
    rest = [t for t in head.subtree if t.i not in phrase and t.i > prep.right_edge.i]
    if not rest:
        return
    content = trimmed(prep.doc[rest[0].i : rest[-1].i + 1])
    possessor = next((c for c in noun.children if c.dep_ == "poss"), None)
    yield prep, content, possessor or noun
