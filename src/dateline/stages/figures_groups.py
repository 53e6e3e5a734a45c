"""Which group the victims of a figure belong to (`Figure.group`): children, women, soldiers,
police, militants, ... named by the victim noun, an adjective, a membership or rank, a title
before a name, or the force whose own losses a clause counts."""

from __future__ import annotations

from spacy.tokens import Token

from .figures_lexicon import (
    FORCE_GROUPS,
    GROUP_ADJECTIVES,
    GROUP_OF,
    LOSS_VERBS,
    MEMBERS,
    PERSON_NOUNS,
    harm_noun,
    is_number,
    is_word,
    lemma,
    of_object,
)

OFFICERS = frozenset({"officer", "officers"})


def victim_group(victim: Token) -> str | None:
    """The group a victim phrase names: its noun ('soldiers'), an adjective ('civilian'),
    membership or rank ('a guerrilla member', 'Army Lieutenant X') or the force whose losses
    are counted ('the army sustained 9 dead')."""
    noun = victim
    if is_number(victim) and (of := of_object(victim)) is not None:
        noun = of  # "dozens of civilians", "many of the residents"
    for child in noun.children:
        if child.dep_ == "amod" and child.lower_ in GROUP_ADJECTIVES and not _an_age(child):
            return GROUP_ADJECTIVES[child.lower_]
    named = _officers_among_soldiers(noun) or GROUP_OF.get(noun.lower_) or GROUP_OF.get(lemma(noun))
    return named or _membership(noun) or _title_group(noun) or _force_of(victim)


def _officers_among_soldiers(noun: Token) -> str | None:
    """'1 officer and 14 soldiers were wounded': an officer (police by default) listed with
    soldiers is one of theirs, an army officer."""
    if noun.lower_ not in OFFICERS:
        return None
    listed = [noun.head] if noun.dep_ == "conj" else []
    listed += [c for c in noun.children if c.dep_ == "conj"]
    soldiers = any(GROUP_OF.get(t.lower_) == "soldiers" for t in listed)
    return "soldiers" if soldiers else None


def _title_group(name: Token) -> str | None:
    """'Soldier Raul Durango', 'Army Lieutenant Roberto Reed': the titles before a person's
    name say their group; a plural one says it of every name it heads ('policemen Gabriel
    Garay and Henry Moreno')."""
    if name.pos_ != "PROPN":
        return None
    group = _titled(name, plural_only=False)
    head = name
    while group is None and head.dep_ == "conj" and head.head.pos_ == "PROPN":
        head = head.head
        group = _titled(head, plural_only=True)
    return group


def _titled(name: Token, *, plural_only: bool) -> str | None:
    titles = [c for c in name.children if c.dep_ == "compound" and c.i < name.i]
    if plural_only:
        titles = [t for t in titles if t.lower_.endswith(("s", "men"))]
    groups = {GROUP_OF.get(t.lower_) or FORCE_GROUPS.get(t.lower_) for t in titles} - {None}
    return groups.pop() if len(groups) == 1 else None


def _an_age(old: Token) -> bool:
    # "a 12-year-old youth", "the 30 years old victims": "old" after a span says an age.
    before = old.doc[old.i - 1] if old.i > 0 else None
    return before is not None and before.lower_ in ("-", "year", "years", "month", "months")


def _membership(noun: Token) -> str | None:
    """'a guerrilla member', 'three police members', 'members of the army battalion', 'an army
    lieutenant', 'six rebel deaths': members, ranks and losses belong to the group their
    body names ('military and rebel deaths' name two: no group)."""
    if not (noun.lower_ in MEMBERS or noun.lower_ in PERSON_NOUNS or harm_noun(noun)):
        return None
    bodies = [c for c in noun.children if c.dep_ in ("compound", "amod")]
    bodies += [c for b in bodies for c in b.children if c.dep_ == "conj"]
    if (of := of_object(noun)) is not None and noun.lower_ in MEMBERS:
        bodies += [of, *(c for c in of.children if c.dep_ == "compound")]
    groups = {FORCE_GROUPS.get(b.lower_) or GROUP_OF.get(b.lower_) for b in bodies} - {None}
    return groups.pop() if len(groups) == 1 else None


def _force_of(victim: Token) -> str | None:
    """The group of a force whose own losses are counted: 'the army sustained 9 dead', 'cost
    the police 4 dead', '26 dead among the army ranks'."""
    owners: list[Token] = []
    while victim.dep_ == "conj":  # "177 dead and 251 wounded": the list's first item
        victim = victim.head
    verb = victim.head
    if victim.dep_ == "appos" and verb.dep_ == "dobj":  # "sustained the following: 177 dead"
        verb = verb.head
    if victim.dep_ in ("dobj", "appos") and is_word(verb, LOSS_VERBS):
        owners += [c for c in verb.children if c.dep_ in ("nsubj", "dative")]
    # "26 dead among the army ranks", "among the terrorists there are 655 dead"
    holders = [victim, verb] if victim.dep_ in ("attr", "nsubj") else [victim]
    preps = [c for h in holders for c in h.children if c.dep_ == "prep"]
    for among in (c for c in preps if c.lower_ == "among"):
        ranks = [c for c in among.children if c.dep_ == "pobj"]
        owners += ranks + [c for r in ranks for c in r.children if c.dep_ == "compound"]
        owners += [o for r in ranks if (o := of_object(r)) is not None]
    groups = (FORCE_GROUPS.get(o.lower_) or GROUP_OF.get(o.lower_) for o in owners)
    return next((g for g in groups if g is not None), None)
