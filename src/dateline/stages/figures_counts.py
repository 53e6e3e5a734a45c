"""Counting the victims of the figures stage: how many people a victim phrase names.

Numbers in digits or words with their qualifiers ("at least 5", "between 10 and 12"),
implicit ones ("a soldier", "the mayor", a person's name -> 1; "no one" -> 0), coordinated
parts summed ("two peasants and a child" -> 3), and breakdowns ("including 63 children")
that point at their total.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..docext import doc_text
from .figures_groups import victim_group
from .figures_lexicon import (
    BACK_REFERENCES,
    BREAKDOWN,
    COLLECTIVES,
    ELLIPTICAL_NOUNS,
    GROUP_OF,
    HOUSEHOLDS,
    LOSSES,
    NOBODY,
    NOT_PERSONS,
    NOUNS,
    OCCURRENCES,
    ORGANISATION_WORDS,
    PERSON_NOUNS,
    PERSON_SUFFIXES,
    PRONOUNS_ONE,
    QUALIFIER_WORDS,
    RELATIVES,
    TOTALS,
    harm_noun,
    is_number,
    is_word,
    of_object,
)  # fmt: skip
from .numbers import VAGUE_WORDS, Quantity, non_count_reason, parse_quantity


@dataclass(slots=True)
class Found:
    """A figure while it is being built: tokens to span, and the victim token it counts."""

    category: str
    quantity: Quantity
    group: str | None
    victim: int
    tokens: list[int]
    parent: Found | None = None  # the total this is a part of
    summed: bool = False  # a total of coordinated parts ("two peasants and a child")


# --- counting the victims -----------------------------------------------------------------


def count_victims(
    category: str, victim: Token, trigger: list[int], more: tuple[Token, ...] = ()
) -> Iterator[Found]:
    """The figure for one victim phrase (summing coordinated parts, and `more` items of the
    same list the parser hung elsewhere) and its breakdown."""
    victim = _through_totals(_antecedent(victim))
    if _some_of_the_victims(victim, victim.doc[trigger[0]]):
        return
    if _neither(victim):  # "neither Trushin nor his wife were injured"
        yield Found(category, Quantity(0), None, victim.i, [victim.left_edge.i, *trigger])
        return
    listed = [c for item in (victim, *more) for c in _conjuncts(item)]
    parts = [p for p in (_one(category, c, []) for c in listed) if p is not None]
    if _restated(victim, parts):  # "three civilians, two women and a man, died": 3, not 6
        yield from _with_parts(_first(category, victim, parts, trigger), parts[1:])
        return
    # "two servants (a mother and her daughter)": the bracket restates, it adds no one
    bracketed = _bracketed(victim.doc, parts) or _restating_tail(victim.doc, parts)
    counted = [p for p in parts if p not in bracketed]
    if len(counted) == 1:
        total = _first(category, victim, counted, trigger)
        yield from _with_parts(total, bracketed)
    elif counted:
        total = _sum(category, counted, trigger)
        yield from _with_parts(total, counted + bracketed)
    else:
        return
    yield from _breakdown(total, victim, trigger)


def _bracketed(doc: Doc, parts: list[Found]) -> list[Found]:
    """The parts in brackets that add up to the part right before the bracket."""
    for start in range(1, len(parts)):
        first = min(parts[start].tokens)
        if first == 0 or doc[first - 1].lower_ not in ("(", "["):
            continue
        inside = parts[start:]
        closing = (k for k, p in enumerate(inside) if _closes(doc, max(p.tokens)))
        close = next(closing, None)
        if close is None:
            continue
        inside = inside[: close + 1]
        values = [p.quantity.value for p in inside]
        if None not in values and sum(v or 0 for v in values) == parts[start - 1].quantity.value:
            return inside
    return []


def _restating_tail(doc: Doc, parts: list[Found]) -> list[Found]:
    """'A, B, C and D, the first three Spaniards and the last a Peruvian': after a list closed
    with 'and', a comma and fewer parts, a group among them, that add up to the list restate
    it; they add no one."""
    values = [p.quantity.value for p in parts]
    if None in values:
        return []
    for start in range(2, len(parts)):
        head, tail = values[:start], values[start:]
        summary = len(tail) < len(head) and max(v or 0 for v in tail) > 1
        if not summary or sum(v or 0 for v in head) != sum(v or 0 for v in tail):
            continue
        closed = _word_before(doc, parts[start - 1]) in ("and", "or")
        if closed and _word_before(doc, parts[start]) == ",":
            return parts[start:]
    return []


def _word_before(doc: Doc, part: Found) -> str:
    i = doc[part.victim].left_edge.i - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return doc[i].lower_ if i >= 0 else ""


def _closes(doc: Doc, end: int) -> bool:
    return end + 1 < len(doc) and doc[end + 1].lower_ in (")", "]")


def stranded_conjuncts(subject: Token, verb: Token) -> tuple[Token, ...]:
    """'Two policemen who were guarding her and a passer-by were wounded': the parser hangs
    the last item of the subject on the relative clause; it is the one that ends right
    where the verb's own words begin."""
    clauses = [c for c in subject.children if c.dep_ == "relcl"]
    if not clauses:
        return ()
    starts = [verb.i, *(c.i for c in verb.children if c.dep_ in ("aux", "auxpass"))]
    verb_start = min(starts)
    return tuple(
        t for clause in clauses for t in clause.subtree
        if t.dep_ == "conj" and t.pos_ in ("NOUN", "PROPN") and t.right_edge.i + 1 == verb_start
    )  # fmt: skip


def _some_of_the_victims(victim: Token, trigger: Token) -> bool:
    """'five of the murdered Jesuits had received ...': a harm word that only describes the
    victims, counted through 'of', picks some of victims known already; it reports nothing."""
    return trigger.dep_ == "amod" and trigger.head.i == victim.i and _partitive(victim) is not None


def _first(category: str, victim: Token, parts: list[Found], trigger: list[int]) -> Found:
    """The first part again, now spanning through the trigger: the figure it stands for."""
    total = _one(category, victim.doc[parts[0].victim], trigger)
    assert total is not None
    return total


def _with_parts(total: Found, parts: list[Found]) -> Iterator[Found]:
    yield total
    for part in parts:
        part.parent = total
        yield part


def _restated(victim: Token, parts: list[Found]) -> bool:
    """'Three civilians, two women and a man, died': the parser joins an apposition to its noun
    as more conjuncts. It is one when the later parts add up to the first and close with a
    comma or dash, as an aside does (a list runs on to its verb: 'A, B and C died')."""
    if len(parts) < 3 or any(p.quantity.value is None for p in parts):
        return False
    first, rest = parts[0], parts[1:]
    if sum(p.quantity.value or 0 for p in rest) != first.quantity.value:
        return False
    doc, end = victim.doc, victim.doc[rest[-1].victim].right_edge.i
    return end + 1 < len(doc) and doc[end + 1].lower_ in (",", "-", "--", "—")


def _antecedent(victim: Token) -> Token:
    # "the newsmen who died": the relative pronoun stands for the noun its clause modifies.
    clause = victim.head
    if victim.lower_ in RELATIVES and clause.dep_ == "relcl" and clause.head.i != clause.i:
        return clause.head
    return victim


def _neither(victim: Token) -> bool:
    # Parsed as preconj, det or a "nor" coordination, depending on the sentence.
    children = list(victim.children)
    return any(c.lower_ == "neither" for c in children) or any(
        c.dep_ == "cc" and c.lower_ == "nor" for c in children
    )


def _through_totals(victim: Token) -> Token:
    # "a total of 487 people", "the number of dead": count what the total is of.
    if is_word(victim, TOTALS) and not any(c.dep_ == "nummod" for c in victim.children):
        of = of_object(victim)
        if of is not None:
            return of
    return victim


def _conjuncts(token: Token) -> list[Token]:
    found = [token]
    for child in token.children:
        # "between 10 and 12" is one number phrase, not two conjuncts; in "8 deaths and 16
        # injuries" the second is a harm of its own, counted by its own trigger.
        listed = child.dep_ == "conj" or _list_item(token, child)
        nominal = child.pos_ in ("NOUN", "PROPN", "PRON", "ADJ")
        same_harm = harm_noun(child) in (None, harm_noun(token))
        if listed and nominal and same_harm and not _continues_aside(token, child):
            found.extend(_conjuncts(child))
    return found


def _continues_aside(name: Token, conjunct: Token) -> bool:
    """'Ana Gomez, age 34 and the mother of two, died': after a name's apposition, 'and' with
    one more description closed by a comma goes on describing her; it names no one else."""
    if conjunct.dep_ != "conj" or not _a_name(name) or conjunct.tag_ != "NN":
        return False
    asides = [c for c in name.children if c.dep_ == "appos" and c.i < conjunct.i]
    if not asides or any(_another_person(a) for a in asides):
        return False
    described = any(c.dep_ == "det" and c.lower_ in ("the", "a", "an") for c in conjunct.children)
    after = next((t for t in name.doc[conjunct.right_edge.i + 1 :] if not t.is_space), None)
    return described and after is not None and after.text in (",", "--")


def _list_item(token: Token, child: Token) -> bool:
    """'a colonel, a judge, and a senator': the parser often takes the middle item of a list
    for an apposition; it is an item when the list goes on after it with 'and' or 'or'. After
    a person's name, the 'and' must be the list's ('Galan, a colonel, and a judge'), not the
    apposition's own ('Galan, senator and candidate' is one man), or it names another."""
    if child.dep_ != "appos":
        return False
    list_goes_on = any(c.dep_ in ("conj", "cc") and c.i > child.i for c in token.children)
    if _a_name(token):  # "Galan, senator and candidate, died" is one man
        if _bare_role(child):  # "Ellacuria, rector of the university; Montes, ...": his post
            return False
        if _between_names(token, child):  # "Ruiz, a Spanish citizen, and Maria Vega": hers
            return False
        return list_goes_on or _another_person(child)
    return list_goes_on or any(c.dep_ in ("conj", "cc") for c in child.children)


def _bare_role(appos: Token) -> bool:
    """A singular word for a person with no determiner, count or possessor ('rector of the
    university', 'mayor of Achi', even miscased as a name) cannot stand alone as a list item
    in English: after a name it is the name's post, not another person ('a colonel', 'his
    wife' can be)."""
    determined = any(c.dep_ in ("det", "nummod", "poss", "compound") for c in appos.children)
    singular = appos.tag_ in ("NN", "NNP")
    return singular and _personal_word(appos.lower_) and not determined


def _between_names(name: Token, appos: Token) -> bool:
    """'Ana Ruiz, a Spanish citizen, and Maria Vega': one indefinite noun set off between two
    names describes the first; between a name and a noun ('Galan, a colonel, and a judge')
    it may be another person."""
    indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in appos.children)
    if not indefinite or _another_person(appos):
        return False
    following = [c for c in name.children if c.dep_ == "conj" and c.i > appos.i]
    return bool(following) and _a_name(following[0])


def _another_person(appos: Token) -> bool:
    # After a name, a full name ("Segundo Montes") or a counted or possessed noun ("his wife",
    # "two other people") is the next item; "an official", "Senator" describe the first.
    if appos.lower_ in AGES:  # "Febe Velazquez, age 27": her age, no one else
        return False
    full_name = _a_name(appos) and any(c.dep_ == "compound" for c in appos.children)
    return full_name or any(c.dep_ in ("nummod", "poss") for c in appos.children)


def _a_name(token: Token) -> bool:
    # A person's name takes appositions that describe them; "a colonel" or "four soldiers"
    # (a determiner or a count) heads a list.
    counted = any(c.dep_ in ("det", "nummod", "poss") for c in token.children)
    return token.pos_ == "PROPN" and not counted


def _sum(category: str, parts: list[Found], trigger: list[int]) -> Found:
    values = [p.quantity.value for p in parts]
    qualifiers = [p.quantity.qualifier for p in parts]
    # "Romero and thousands" has no total; vague and ranged parts leave it open.
    known = sum(v for v in values if v is not None)
    open_ended = None in values or "vague" in qualifiers or "range" in qualifiers
    total = None if open_ended else known
    qualifier = next((q for q in qualifiers if q != "exact"), "exact")
    groups = {p.group for p in parts}
    tokens = [t for p in parts for t in p.tokens] + trigger
    quantity = Quantity(total, qualifier=qualifier if total is not None else "vague")
    group = groups.pop() if len(groups) == 1 else None
    return Found(category, quantity, group, parts[0].victim, tokens, summed=True)


def _one(category: str, victim: Token, trigger: list[int]) -> Found | None:
    if _amount(victim):
        return None
    counted = _count(victim)
    if counted is None:
        return None
    quantity, number_tokens = counted
    if _household(victim):
        category = "other"
    tokens = [*number_tokens, victim.i, *trigger]
    return Found(category, quantity, victim_group(victim), victim.i, tokens)


def _amount(victim: Token) -> bool:
    """'millions in losses', 'thousands in damage': a sum of money, not people."""
    # Read off the words, not the parse: the parser hangs "in losses" on any noun near by.
    doc, i = victim.doc, victim.i
    after = doc[i + 1 : i + 3]
    in_losses = len(after) == 2 and after[0].lower_ == "in" and is_word(after[1], LOSSES)
    return is_number(victim) and in_losses


def _household(victim: Token) -> bool:
    noun = of_object(victim) if is_number(victim) else victim
    return noun is not None and noun.lower_ in HOUSEHOLDS


def _breakdown(total: Found, victim: Token, trigger: list[int]) -> Iterator[Found]:
    """'613 killed, including 63 children, 106 women and 70 elderly people', '12 injured, 3 of
    them seriously' -> parts of the total."""
    heads = [victim, *(victim.doc[i] for i in trigger)]
    preps = [c for h in heads for c in h.children if c.dep_ in ("prep", "advcl")]
    preps = [prep for prep in preps if is_word(prep, BREAKDOWN)]
    objects = [c for prep in preps for c in prep.children if c.dep_ in ("pobj", "dobj")]
    parts = [c for obj in objects for c in _conjuncts(obj)]
    parts += [c for c in victim.children if c.dep_ == "appos" and _of_them(c)]  # "3 of them"
    for token in parts:
        part = _one(total.category, token, [])
        if part is not None:
            part.parent = total
            part.group = total.group if _of_them(token) else part.group
            yield part


def resolve_references(doc: Doc, found: list[Found]) -> None:
    """Counts that lean on the figure before them in the sentence.

    'three rebels were killed and seven others were wounded', 'a soldier died and two were
    wounded': a count with no noun of its own ('seven others', 'two', 'another five') counts
    people of the kind the figure before it named. '15 soldiers were injured, 4 of them
    seriously': a count of 'them' of the same harm is a part of that figure."""
    previous: Found | None = None
    for item in found:
        if item.parent is not None:
            continue
        victim = doc[item.victim]
        part = _of_them(victim) and previous is not None and item.category == previous.category
        kind = item.group is None and _elliptical(victim)
        if previous is not None and (part or kind) and _same_sentence(doc[previous.victim], victim):
            if part:
                item.parent, item.group = previous, previous.group
                continue
            item.group = previous.group
        previous = item


def _same_sentence(first: Token, second: Token) -> bool:
    return first.sent.start == second.sent.start


def _of_them(victim: Token) -> bool:
    of = of_object(victim) if is_number(victim) else None
    return of is not None and of.lower_ in BACK_REFERENCES


def _elliptical(victim: Token) -> bool:
    if victim.lower_ in ELLIPTICAL_NOUNS:
        return True
    return is_number(victim) and victim.pos_ == "NUM" and of_object(victim) is None


# --- counts of one phrase -----------------------------------------------------------------


def _count(victim: Token) -> tuple[Quantity, list[int]] | None:
    """How many people `victim` names, and the tokens that say so."""
    if nobody := _nobody(victim):
        return Quantity(0), nobody
    if is_number(victim):
        return _number_at(victim)
    # Nearest number first: in "on 23 September 28 bodies" the 23 is a date, the 28 a count.
    for child in reversed(list(victim.lefts)):
        # On capitals the parser often calls the number a compound: "TWELVE PEOPLE".
        loose = child.dep_ in ("amod", "compound") and is_number(child)
        if (child.dep_ in ("nummod", "quantmod") or loose) and (counted := _number_at(child)):
            return counted
    if (partitive := _partitive(victim)) is not None:
        return _number_at(partitive)
    if (before := _number_before(victim)) is not None:
        return _number_at(before)
    return _implicit(victim)


def _number_before(victim: Token) -> Token | None:
    # "on 23 September 28 bodies": the parser may hang the 28 on the month; right before the
    # noun, it is still the noun's count.
    if victim.i == 0 or victim.tag_ not in ("NNS", "NNPS"):
        return None
    before = victim.doc[victim.i - 1]
    return before if is_number(before) and before.lower_ not in VAGUE_WORDS else None


def _partitive(victim: Token) -> Token | None:
    # "five of the murdered Jesuits": the count governs the victims through "of".
    head = victim.head
    if victim.dep_ == "pobj" and head.lower_ == "of" and is_number(head.head):
        return head.head
    return None


def _implicit(victim: Token) -> tuple[Quantity, list[int]] | None:
    """'no one', 'a soldier', 'the mayor', 'Ellacuria', 'he' -> 0 or 1; plural nouns -> None."""
    dets = [c for c in victim.children if c.dep_ in ("det", "poss", "nummod")]
    if victim.lower_ in PRONOUNS_ONE:
        return Quantity(1), []
    if victim.tag_ in ("NNS", "NNPS") or is_word(victim, NOT_ONE_PERSON):
        return None
    # Names take no article: "the Confiscation" (a miscased noun) is not a person's name.
    named = victim.pos_ == "PROPN" and not any(d.lower_ == "the" for d in dets)
    if named and _person_name(victim):
        return Quantity(1), [victim.left_edge.i]  # the whole name: "Father Ignacio Ellacuria"
    if victim.pos_ in ("NOUN", "PROPN") and dets and _personal(victim):
        return Quantity(1), [dets[0].i]
    # "an American who was injured": "a"/"an" with a singular noun is one, whatever the noun.
    if any(d.lower_ in ("a", "an", "another") for d in dets) and victim.pos_ in ("NOUN", "PROPN"):
        return Quantity(1), [dets[0].i]
    return None


AGES = frozenset({"age", "aged"})
# Singular nouns that are no one person: "a crowd", "an unspecified number", "an attack".
NOT_ONE_PERSON = COLLECTIVES | HOUSEHOLDS | OCCURRENCES | TOTALS


def _person_name(name: Token) -> bool:
    # The small model often calls a person's name an ORG ("the murder of Orlando Letelier"):
    # a name is a person's unless it is a place, or has an organisation's word in it.
    if name.ent_type_ in ("GPE", "LOC", "NORP", "FAC"):
        return False
    words = [c.lower_ for c in name.children if c.dep_ == "compound"] + [name.lower_]
    # "University Rector Ignacio Ellacuria": the words before a title name the title's body
    titles = [i for i, word in enumerate(words[:-1]) if _personal_word(word)]
    named = words[titles[-1] + 1 :] if titles else words
    return not any(word in ORGANISATION_WORDS for word in named)


def _personal(noun: Token) -> bool:
    """A noun for a person ('the mayor', 'a soldier'), not a thing ('the seizure')."""
    return _personal_word(noun.lower_)


def _personal_word(word: str) -> bool:
    if word in GROUP_OF or word in PERSON_NOUNS or word in NOUNS["other"]:
        return True
    return word.endswith(PERSON_SUFFIXES) and word not in NOT_PERSONS


def _nobody(victim: Token) -> list[int] | None:
    """'no one', 'nobody', 'none', 'no casualties', 'not a single person', 'not one soldier':
    the tokens saying there were none."""
    if victim.lower_ in NOBODY:
        return [victim.i]
    if (split := _no_before(victim)) is not None:  # "no\none": a line break between
        return [split.i, victim.i]
    no = [c.i for c in victim.children if c.dep_ == "det" and c.lower_ == "no"]
    counts = [victim, *(c for c in victim.children if c.dep_ == "nummod")]
    negated = [n.i for c in counts for n in c.children if n.dep_ == "neg"]
    return no or negated or None


def _no_before(victim: Token) -> Token | None:
    """The 'no' of 'no one' when the parser did not join them (a line break between)."""
    if victim.lower_ != "one":
        return None
    before = victim.doc[: victim.i]
    word = next((t for t in reversed(before) if not t.is_space), None)
    return word if word is not None and word.lower_ == "no" else None


def _number_at(token: Token) -> tuple[Quantity, list[int]] | None:
    """The number phrase around `token`: 'at least 5', 'between 10 and 12', 'a hundred'."""
    doc = token.doc
    start, end = _number_bounds(token)
    # The longest phrase that parses and still holds `token`.
    spans = (doc[a : b + 1] for a in range(start, token.i + 1) for b in range(end, token.i - 1, -1))
    for span in spans:
        quantity = parse_quantity(span.text)
        if quantity is not None:
            return None if _not_a_count(span) else (quantity, list(range(span.start, span.end)))
    return None


def _number_bounds(token: Token) -> tuple[int, int]:
    doc, start, end = token.doc, token.i, token.i
    while end + 1 < len(doc) and _number_continues(doc, end + 1):
        end += 1
    # Line breaks are tokens of their own in wire copy: "more than\n600" is one phrase.
    while start > 0 and (_in_number(doc[start - 1]) or doc[start - 1].is_space):
        start -= 1
    while doc[start].is_space:
        start += 1
    while end > token.i and not is_number(doc[end]):
        end -= 1
    return start, end


def _in_number(token: Token) -> bool:
    return is_number(token) or token.lower_ in QUALIFIER_WORDS


def _number_continues(doc: Doc, i: int) -> bool:
    token = doc[i]
    if is_number(token) and token.lower_ not in VAGUE_WORDS:
        return True
    linker = token.lower_ in ("and", "to", "or", "-", "–", "of") or token.is_space
    return linker and i + 1 < len(doc) and (is_number(doc[i + 1]) or doc[i + 1].is_space)


def _not_a_count(span: SpacySpan) -> bool:
    text, start, end = doc_text(span.doc), span.start_char, span.end_char
    before, after = text[max(0, start - 40) : start], text[end : end + 40]
    return non_count_reason(span.text, before, after) is not None
