"""Casualty figures from the dependency parse: `doc._.dateline_figures`, a list of `Figure`.

A figure is a trigger (a word of harm: "killed", "wounded", "hostage", "death toll") joined
through the parse to the people it happened to ("613 residents", "a soldier", "Ellacuria",
"two peasants and a child"), counted by `numbers`. Rules look at lower-cased words and
lemmas only, so they work on all-caps, truecased and lower-case text alike.

Not figures: negated, threatened, denied, planned or hypothetical harm ("could kill hundreds",
"denied killing", "threatened to kill", "went there to kill"), running totals ("the war has
killed 70,000 people", "300 have been murdered since 1985"), and numbers that are years, ages,
times, money, ... ; nor words the parser took for a victim that stand outside the sentence
(a speaker's "[Ojeda]", a place heading "Cali --"); nor none of all time ("no priest has ever
been murdered"). "No one was hurt" is a figure of 0. Breakdowns ("including 63 children",
"4 of them seriously", a bracket that restates a count) point at their total with `part_of`
and are never added to it. A count without a noun ("and two others were wounded") counts the
kind of people named before it; the wounded who then died are counted dead only. Every
figure keeps its raw span; conflicting figures are all kept (reconciling them is the events
stage's work).

The stage in modules: `figures_lexicon` (words and word tests), `figures_triggers` (words of
harm, their victims, and whether the harm is asserted), `figures_counts` (how many each victim
phrase names, breakdowns), `figures_groups` (which group they belong to), `figures_statistics`
(running totals, which are not an incident's) and `figures_checks` (subtotals and disagreeing
totals).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..record import Figure
from .figures_checks import subtotal_checks, total_checks
from .figures_counts import Found, count_victims, resolve_references, stranded_conjuncts
from .figures_statistics import running_total
from .figures_triggers import (
    asserted,
    died_later,
    either_or,
    harm_trigger,
    severity_only,
    trigger_candidates,
)

__all__ = ["FIGURES", "FiguresComponent", "find_figures", "subtotal_checks", "total_checks"]

FIGURES = "dateline_figures"
MAX_SPAN_TOKENS = 25
HEADING_DASHES = frozenset({"--", "—", "–"})


# --- the component ------------------------------------------------------------------------


class FiguresComponent:
    """Writes `doc._.dateline_figures`: every casualty figure in the Doc, in the order of their
    harm words, each breakdown part right after its total."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.set(FIGURES, find_figures(doc))
        return doc


@Language.factory(
    "dateline_figures",
    assigns=[f"doc._.{FIGURES}"],
    requires=["token.dep", "token.head", "token.lemma", "token.pos"],
)
def make_figures_component(nlp: Language, name: str) -> FiguresComponent:
    if not Doc.has_extension(FIGURES):
        Doc.set_extension(FIGURES, default=None)
    return FiguresComponent()


def find_figures(doc: Doc) -> list[Figure]:
    """All figures of a parsed Doc; breakdown parts follow their total and point at it."""
    found: list[Found] = []
    seen: set[tuple[int, str, bool]] = set()
    for token in trigger_candidates(doc):
        for figure in _figures_at(token):
            key = (figure.victim, figure.category, figure.summed)
            if key not in seen:  # one victim phrase reached from two triggers is one figure
                seen.add(key)
                found.append(figure)
    resolve_references(doc, found)
    where = {id(item): index for index, item in enumerate(found)}
    return [_to_figure(doc, item, where.get(id(item.parent))) for item in found]


def _to_figure(doc: Doc, item: Found, part_of: int | None) -> Figure:
    start_token, end_token = _span_tokens(item.tokens)
    span = doc[start_token : end_token + 1]
    q = item.quantity
    return Figure(
        category=item.category, value=q.value, low=q.low, high=q.high, qualifier=q.qualifier,
        group=item.group, part_of=part_of,
        start=span.start_char, end=span.end_char, text=span.text,
    )  # fmt: skip


def _span_tokens(tokens: list[int]) -> tuple[int, int]:
    # Number through trigger, unless the parse joined them across half a paragraph.
    low, high = min(tokens), max(tokens)
    if high - low > MAX_SPAN_TOKENS:
        low, high = min(tokens[:2]), max(tokens[:2])
    return low, high


def _figures_at(token: Token) -> Iterator[Found]:
    """The figures a trigger at `token` reports, with their breakdowns."""
    trigger = harm_trigger(token)
    if trigger is None or not asserted(token):
        return
    if running_total(token):  # a statistic; a victim it names is still one incident's
        yield from _named_parts(token.doc, _victim_figures(token, trigger))
        return
    yield from _victim_figures(token, trigger)


def _victim_figures(token: Token, trigger: tuple[str, list[Token], list[int]]) -> list[Found]:
    category, victims, extra = trigger
    if category == "injured" and died_later(token):
        return []  # "he was wounded and died in hospital": he is counted among the dead
    if either_or(token):
        category = "other"
    found: list[Found] = []
    victims = [v for v in victims if not _heading(v, victims)]
    subjects = [v for v in victims if v.dep_ in ("nsubj", "nsubjpass")]
    if subjects:  # "a judge, a colonel, and a senator were": one list, split
        more = (*subjects[1:], *stranded_conjuncts(subjects[0], token))
        found += count_victims(category, subjects[0], [token.i, *extra], more)
        victims = [v for v in victims if v not in subjects]
    for victim in victims:
        found += count_victims(category, victim, [token.i, *extra])
    # "no one was seriously hurt": none of the worst, not none at all; "no priest has ever
    # been murdered": none of all time, not of an incident
    none_said = severity_only(token) or _ever(token)
    return [f for f in found if f.quantity.value != 0 or not none_said]


def _ever(trigger: Token) -> bool:
    # a conjunct shares the "ever" of its verb when it shares its subject: "has ever been
    # jailed or murdered"
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in trigger.children)
    shared = trigger.dep_ == "conj" and not own_subject
    verbs = [trigger, trigger.head] if shared else [trigger]
    return any(c.dep_ == "advmod" and c.lower_ == "ever" for v in verbs for c in v.children)


def _named_parts(doc: Doc, found: list[Found]) -> Iterator[Found]:
    """The people a running total names one by one ('the bombings of the past 12 days have
    wounded 20, including journalist Ana Ruiz'): each is a victim of one incident."""
    for item in found:
        named = doc[item.victim].pos_ == "PROPN"
        if item.parent is not None and item.quantity.value == 1 and named:
            item.parent = None
            yield item


def _heading(victim: Token, victims: list[Token]) -> bool:
    """Words before the sentence proper that the parser took for a subject: a speaker's name
    in square brackets ('[Ojeda] among the injured are ...', an editor's note of who speaks)
    or a place heading set off by a dash ('Cali -- two persons were wounded')."""
    doc, left, right = victim.doc, victim.left_edge.i, victim.right_edge.i
    inside = left > 0 and right + 1 < len(doc)
    if inside and (doc[left - 1].text, doc[right + 1].text) == ("[", "]"):
        return True
    after = next((t for t in doc[right + 1 : right + 3] if not t.is_space), None)
    if after is None or after.text not in HEADING_DASHES:
        return False
    return any(other.i > after.i for other in victims if other is not victim)
