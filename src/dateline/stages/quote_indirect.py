"""Indirect quotes (issue 6): the clauses and objects that reporting, belief and stance words take.

"X said (that) ...", "X believes ...", "according to X, ...", clauses
interrupted by "police said", "X is confident that ...", and the objects of
verbs that report a stance ("called for a ban", "cited the report", "plans to run").
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from .quote_grammar import is_cue, lemma, subject_of, subtree, trimmed
from .quote_lexicon import RECIPIENT_VERBS, SAY_VERBS, TALK_VERBS, TOPIC_PREPOSITIONS, TOPIC_VERBS
from .quote_marks import WORD


def indirect_candidates(doc: Doc, start: int, end: int) -> Iterator[tuple[Token, Span]]:
    """(cue, content) pairs: reporting verbs with a clause, and 'according to' with its clause."""
    for token in doc:
        if not (start <= token.idx < end):
            continue
        if _is_stance_adjective(token):  # 'X is confident that ...'
            clause = next(c for c in token.children if c.dep_ == "ccomp")
            yield token, trimmed(subtree(clause, clause))
            continue
        if not (is_cue(token) or _is_topic_verb(token)):
            continue
        content = (
            _according_content(token) if token.lower_ == "according" else _clause_content(token)
        )
        if content is not None and WORD.search(content.text):
            yield token, content


def _is_stance_adjective(token: Token) -> bool:
    """'confident that', 'sure that', 'worried that': an adjective taking a clause, said of a
    subject ('The mayor is confident that ...')."""
    if token.pos_ != "ADJ" or token.dep_ != "acomp" or subject_of(token.head) is None:
        return False
    return any(c.dep_ == "ccomp" for c in token.children)


def _is_topic_verb(token: Token) -> bool:
    # Any verb taking a clause with a named subject was tried too: on PolNeAR dev it found more
    # attributions but lost more precision than it gained (F1 -0.01), so the lexicons stay.
    return token.pos_ == "VERB" and lemma(token) in TOPIC_VERBS | TALK_VERBS


def _clause_content(verb: Token) -> Span | None:
    doc = verb.doc
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    clause = next((c for c in clauses if c.i > verb.i), clauses[0] if clauses else None)
    if clause is not None:  # "X said (that) ..." or "..., X said."
        return trimmed(doc[clause.left_edge.i : clause.right_edge.i + 1])
    interrupts = verb.dep_ in ("parataxis", "advcl") and verb.head.i < verb.i
    if interrupts and lemma(verb) in SAY_VERBS:
        return _around(verb)
    if lemma(verb) in TOPIC_VERBS | TALK_VERBS and subject_of(verb) is not None:
        topic = _topic(verb)
        return trimmed(topic) if topic is not None else None
    return None


def _around(verb: Token) -> Span:
    """'40 died, police said.' / 'The attack, police said, killed 40.': the clause the verb
    interrupts; an interruption mid-clause stays inside the span (a span has one start and end)."""
    doc, head = verb.doc, verb.head
    if verb.right_edge.i >= head.right_edge.i:
        return trimmed(doc[head.left_edge.i : verb.left_edge.i])
    return trimmed(doc[head.left_edge.i : head.right_edge.i + 1])


def _topic(verb: Token) -> Span | None:
    """The infinitive ('plans to run'), the 'for' object ('called for a ban'), the object with
    its complement ('called the plan "a disgrace"') or the object ('cited the report')."""
    rights, verb_lemma = list(verb.rights), lemma(verb)
    xcomp = next((c for c in rights if c.dep_ == "xcomp"), None)
    dobj = next((c for c in rights if c.dep_ == "dobj"), None)
    complement = next((c for c in rights if c.dep_ in ("oprd", "ccomp", "xcomp")), None)
    if dobj is not None and complement is not None and dobj.i < complement.i:
        return subtree(dobj, complement)
    if xcomp is not None:
        return subtree(xcomp, xcomp)
    prep = next((c for c in rights if c.dep_ == "prep" and c.lower_ in TOPIC_PREPOSITIONS), None)
    if prep is not None and (verb_lemma in TALK_VERBS or verb_lemma in ("call", "warn", "insist")):
        target = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
        return subtree(target, target) if target is not None else None
    if dobj is None or verb_lemma in RECIPIENT_VERBS or verb_lemma in ("say", "call"):
        return None  # "told reporters", "said it", "called him": no topic in the object
    as_phrase = next(
        (c for c in rights if c.dep_ == "prep" and c.lower_ == "as" and c.i > dobj.i), None
    )
    return subtree(dobj, as_phrase or dobj)  # 'described the plan as a disgrace'


def _according_content(according: Token) -> Span | None:
    """The clause 'according to X' is attached to, without the phrase itself."""
    doc, head = according.doc, according.head
    if head is according:
        return None
    sentence = head.sent
    phrase = doc[according.i : according.right_edge.i + 1]
    if phrase.start - sentence.start > sentence.end - phrase.end:
        return trimmed(doc[sentence.start : phrase.start])
    return trimmed(doc[phrase.end : sentence.end])
