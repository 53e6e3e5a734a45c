"""Casualty figures from the dependency parse: `doc._.dateline_figures`, a list of `Figure`.

A figure is a trigger (a word of harm: "killed", "wounded", "hostage", "death toll") joined
through the parse to the people it happened to ("613 residents", "a soldier", "Ellacuria",
"two peasants and a child"), counted by `numbers`. Rules look at lower-cased words and
lemmas only, so they work on all-caps, truecased and lower-case text alike.

Not figures: negated, threatened, denied, planned or hypothetical harm ("could kill hundreds",
"denied killing", "threatened to kill"), and numbers that are years, ages, times, money, ... .
"No one was hurt" is a figure of 0. Breakdowns ("including 63 children") point at their total
with `part_of` and are never added to it. Every figure keeps its raw span; conflicting figures
are all kept (reconciling them is the events stage's work).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..docext import doc_text
from ..record import Check, Figure, Span
from . import numbers
from .numbers import (
    SCALES,
    TENS,
    UNITS,
    VAGUE_VALUES,
    VAGUE_WORDS,
    Quantity,
    non_count_reason,
    parse_cardinal,
    parse_quantity,
    wordset,
)

FIGURES = "dateline_figures"

# --- lexicon (lower case) -----------------------------------------------------------------

IRREGULAR = {
    "slay": "slain slew", "hurt": "hurt", "take": "took taken", "hold": "held",
    "shoot": "shot", "lose": "lost", "beat": "beaten", "burn": "burnt", "keep": "kept",
    "cost": "cost", "die": "died dying", "kidnap": "kidnapped kidnapping kidnapper",
}  # fmt: skip


LEMMA_OF: dict[str, str] = {}  # inflected form -> lemma, for the verbs of the lexicon


def verb_forms(lemmas: str) -> frozenset[str]:
    """The lemmas and their inflections: on all-caps text the lemmatizer often fails
    ("KILLED" -> "killed"), so the rules match the inflected word itself too."""
    forms: set[str] = set()
    for lemma in lemmas.split():
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        inflected = {lemma + "s", stem + "ed", stem + "ing", *IRREGULAR.get(lemma, "").split()}
        LEMMA_OF.update(dict.fromkeys(inflected - {lemma}, lemma))
        forms |= inflected | {lemma}
    return frozenset(forms)


# Verbs whose object (active) or subject (passive) is the victim: "killing 12", "12 were killed".
VERBS = {
    "killed": verb_forms("kill murder assassinate execute slay massacre slaughter behead lynch"),
    "injured": verb_forms("injure wound hurt maim"),
    "abducted": verb_forms("kidnap abduct"),
    "missing": verb_forms("disappear"),
    "displaced": verb_forms("displace evacuate uproot"),
    "arrested": verb_forms("arrest detain capture jail imprison apprehend"),
}
# Phrasal verbs of killing: "eight families were wiped out", "gunned down".
PHRASAL = {
    ("wipe", "out"): "killed",
    ("gun", "down"): "killed",
    ("mow", "down"): "killed",
}
# Verbs whose subject is the victim: "12 died".
INTRANSITIVE = {"die": "killed", "perish": "killed", "succumb": "killed", "pass": "killed"}
INTRANSITIVE_FORMS = verb_forms(" ".join(INTRANSITIVE)) | verb_forms("wipe gun mow")
# Nouns and adjectives that name the victims or the harm: "3 dead", "40 deaths", "12 hostages".
NOUNS = {
    "killed": wordset("dead death deaths fatality fatalities body bodies corpse corpses killed"),
    "injured": wordset("wounded injured injury injuries hurt"),
    "abducted": wordset("hostage hostages captive captives abductee abductees kidnapped"),
    "missing": wordset("missing disappeared"),
    "displaced": wordset("refugee refugees displaced evacuee evacuees homeless"),
    "arrested": wordset("detainee detainees arrest arrests arrested"),
    "other": wordset("casualty casualties victim victims"),
}
# Nouns naming the act, whose victims follow "of": "the assassination of Hector Oqueli".
EVENT_NOUNS = {
    "killed": wordset(
        "murder murders killing killings assassination assassinations massacre slaying "
        "slayings execution executions"
    ),
    "injured": wordset("wounding woundings"),
    "abducted": wordset("kidnapping kidnappings abduction abductions"),
    "missing": wordset("disappearance disappearances"),
    "arrested": wordset("arrest arrests detention capture"),
}
# Verb + object idioms: "taken hostage", "claimed the lives of", "lost their lives".
TAKE_HOSTAGE = (verb_forms("take hold keep"), wordset("hostage hostages captive captives"))
LIFE_VERBS = verb_forms("claim take cost lose")
LIFE = wordset("life lives")
# "lost one parent", "lost their homes": harm that is not one of the categories.
LOSS_OBJECTS = wordset("parent parents father mother family families relative relatives home homes")
# Verbs of violence whose outcome is said by what follows: "shot dead", "shot but survived".
OUTCOME_VERBS = verb_forms("shoot stab beat hack burn stone gun machinegun strangle")
TOLL = wordset("toll tally")
SENTENCED = verb_forms("sentence condemn threaten")
SUFFER = verb_forms("suffer sustain receive")
# Verbs whose object is the harm they bring: "could cause hundreds of deaths".
CAUSATIVE = verb_forms("cause leave claim take cost result produce inflict")
INJURIES = wordset("injury injuries wound wounds burn burns")
TOTALS = wordset("total number toll group tally")  # "a total of 487 people"
# Households counted instead of people ("eight families were wiped out") are `other`.
HOUSEHOLDS = wordset("family families household households home homes house houses")
COLLECTIVES = wordset(
    "population crowd group community village town city army force forces unit battalion "
    "government people"
)
# A victim noun -> its group.
GROUP_NOUNS = {
    "children": "child children kid kids minor minors boy boys girl girls infant infants baby "
    "babies toddler toddlers schoolchildren",
    "women": "woman women mother mothers",
    "elderly": "elderly pensioner pensioners",
    "civilians": "civilian civilians noncombatant noncombatants",
    "soldiers": "soldier soldiers troop troops serviceman servicemen marine marines "
    "paratrooper paratroopers guardsman guardsmen conscript conscripts",
    "police": "police policeman policemen policewoman officer officers agent agents cop cops "
    "patrolman patrolmen gendarme gendarmes",
    "residents": "resident residents villager villagers inhabitant inhabitants",
    "peasants": "peasant peasants farmer farmers",
    "students": "student students",
    "journalists": "journalist journalists reporter reporters",
    "clergy": "priest priests nun nuns clergyman clergymen",
    "militants": "guerrilla guerrillas rebel rebels insurgent insurgents militant militants "
    "terrorist terrorists subversive subversives extremist extremists",
    "workers": "worker workers employee employees labourer labourers laborer laborers",
    "passengers": "passenger passengers",
}
GROUP_OF = {word: group for group, words in GROUP_NOUNS.items() for word in words.split()}
GROUP_ADJECTIVES = {"elderly": "elderly", "old": "elderly", "civilian": "civilians"}

# Harm inside these is not reported as done: "threatened to kill", "denied killing".
BLOCKERS = verb_forms(
    "threaten deny plan try attempt intend vow want seek warn fear refuse aim hope prepare "
    "plot promise fail threat risk prevent avoid foil thwart"
)
MODALS = wordset("could would might may will shall should can must 'd 'll")
HYPOTHETICAL_MARKS = wordset("if unless lest whether")
COMPLEMENTS = wordset("xcomp ccomp pcomp dobj prep acl advcl oprd pobj nsubj nsubjpass attr")
BREAKDOWN = wordset("including include includes among incl.")
PRONOUNS_ONE = wordset("he she him her his")
HIS = wordset("his her")
RELATIVES = wordset("who whom that which")
ORGANISATION_WORDS = wordset(
    "front army party movement union group ministry government company bank embassy church "
    "university council committee forces force police guard command brigade battalion "
    "regiment division department office agency association federation"
)
# Singular nouns that name one person; with PERSON_SUFFIXES this decides "the mayor" -> 1.
PERSON_NOUNS = wordset(
    "man woman person child boy girl baby son daughter wife husband father mother brother "
    "sister uncle nephew niece cousin priest bishop archbishop monsignor nun judge chief mayor "
    "governor president minister senator deputy congressman candidate official guard "
    "bodyguard captain colonel general lieutenant major sergeant corporal private commander "
    "director owner businessman teacher doctor nurse lawyer attorney student peasant farmer "
    "policeman soldier civilian resident villager citizen journalist victim individual "
    "youth leader activist unionist diplomat ambassador consul councilman councilwoman "
    "magistrate prosecutor hostage prisoner detainee"
)
PERSON_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "ee", "ier", "eur")
NOT_PERSONS = wordset(
    "center centre order corner border number power water paper letter matter river "
    "quarter tower shelter headquarter government department movement agreement event "
    "incident statement parliament ammunition equipment settlement document monument"
)
NOBODY = wordset("nobody none no-one noone")
# Words that can be (part of) a count; "no", "some", "various" are determiners first.
NUMBER_WORDS = frozenset(
    {*UNITS, *TENS, *SCALES, *numbers.GROUPS, *VAGUE_VALUES, *VAGUE_WORDS}
) - wordset("no some various")
QUALIFIER_WORDS = wordset(
    "at least more than over upwards of in excess no fewer less not a minimum up to as many "
    "most maximum under about around approximately some nearly almost roughly an estimated "
    "close circa perhaps between from and or to - –"
)
MAX_SPAN_TOKENS = 25


@dataclass(slots=True)
class _Found:
    """A figure while it is being built: tokens to span, and the victim token it counts."""

    category: str
    quantity: Quantity
    group: str | None
    victim: int
    tokens: list[int]
    parent: _Found | None = None  # the total this is a part of
    summed: bool = False  # a total of coordinated parts ("two peasants and a child")


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
    found: list[_Found] = []
    seen: set[tuple[int, str, bool]] = set()
    for token in doc:
        for figure in _figures_at(token):
            key = (figure.victim, figure.category, figure.summed)
            if key not in seen:  # one victim phrase reached from two triggers is one figure
                seen.add(key)
                found.append(figure)
    where = {id(item): index for index, item in enumerate(found)}
    return [_to_figure(doc, item, where.get(id(item.parent))) for item in found]


def _to_figure(doc: Doc, item: _Found, part_of: int | None) -> Figure:
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


# --- triggers -----------------------------------------------------------------------------


def _lemma(token: Token) -> str:
    lemma = token.lemma_.lower()
    return LEMMA_OF.get(lemma, lemma)  # "killed" when the lemmatizer gave up on "KILLED"


def _is(token: Token, words: frozenset[str]) -> bool:
    return token.lower_ in words or _lemma(token) in words


def _figures_at(token: Token) -> Iterator[_Found]:
    """The figures a trigger at `token` reports, with their breakdowns."""
    trigger = _trigger(token)
    if trigger is None or not _asserted(token):
        return
    category, victims, extra = trigger
    for victim in victims:
        yield from _counted(category, victim, [token.i, *extra])


def _trigger(token: Token) -> tuple[str, list[Token], list[int]] | None:
    """(category, victim tokens, other trigger tokens) when `token` is a word of harm.

    The first reading that finds victims wins: "injured" in "among the injured are ..." is
    tagged a verb but has no patient; as a noun it points at the clause's subject."""
    finders = (_toll, _life, _hostage, _suffered, _loss, _outcome, _verb, _noun, _event_noun, _fate)
    for finder in finders:
        found = finder(token)
        if found is not None and found[1]:
            return found
    return None


def _verb(token: Token) -> tuple[str, list[Token], list[int]] | None:
    particles = [c.i for c in token.children if c.dep_ == "prt"]
    category = next((c for c, words in VERBS.items() if _is(token, words)), None)
    if category is not None and _verbal(token):
        return category, _patients(token), particles
    category = INTRANSITIVE.get(_lemma(token))
    if category is not None and (_lemma(token) != "pass" or _particle(token) == "away"):
        return category, _subjects(token) or _modified(token), particles
    category = _phrasal(token)
    if category is not None and _verbal(token):
        return category, _patients(token), particles
    return None


def _particle(token: Token) -> str | None:
    return next((c.lower_ for c in token.children if c.dep_ == "prt"), None)


def _phrasal(token: Token) -> str | None:
    particles = [c.lower_ for c in token.children if c.dep_ == "prt"]
    return next(
        (PHRASAL[(_lemma(token), p)] for p in particles if (_lemma(token), p) in PHRASAL), None
    )


def _event_noun(token: Token) -> tuple[str, list[Token], list[int]] | None:
    """'the murder of six Jesuits', 'Oqueli's assassination': the act, its victims after 'of'."""
    category = next((c for c, words in EVENT_NOUNS.items() if token.lower_ in words), None)
    if category is None or token.pos_ not in ("NOUN", "PROPN"):
        return None
    victims = [of] if (of := _of_object(token)) is not None else []
    return category, victims or _possessor(token), []


def _possessor(token: Token) -> list[Token]:
    # "Rodriguez Porth's death", "his assassination": the possessor is the victim.
    return [c for c in token.children if c.dep_ == "poss" and (c.pos_ == "PROPN" or _is(c, HIS))]


def _verbal(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB") or token.dep_ == "acomp"


def _patients(verb: Token) -> list[Token]:
    """Who a harm verb happened to: passive subject, object, modified noun, or shared subject."""
    found = [c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")]
    if found:
        return found
    if verb.tag_ == "VBN" and not any(_lemma(c) == "have" for c in verb.children):
        found = [c for c in verb.children if c.dep_ == "nsubj"]  # "and 35 wounded"
        if found:
            return found
    if verb.dep_ == "conj" and verb.tag_ == "VBN":
        return _patients(verb.head)
    if verb.dep_ in ("acomp", "oprd", "xcomp"):  # "left him wounded", "was found dead"
        return _small_clause_subject(verb)
    return _modified(verb)


def _may_be_subject(before: Token, result: Token) -> bool:
    if before.pos_ not in ("NUM", "NOUN", "PROPN", "PRON"):
        return False
    return before.head is result.head or before.head.head is result.head or _is_number(before)


def _small_clause_subject(result: Token) -> list[Token]:
    """Who 'dead' or 'injured' is said of: 'left 31 dead and more than 1,000 injured'.

    The word right before the result is its subject when it can be one (the parser often hangs
    a second pair on the first); else the verb's object, else its subject."""
    before = result.doc[result.i - 1] if result.i > 0 else None
    if before is not None and _may_be_subject(before, result):
        return [before]
    return [c for c in result.head.children if c.dep_ == "dobj"] or _subjects(result.head)


def _subjects(token: Token) -> list[Token]:
    # The small model sometimes hangs the subject on the auxiliary ("two [are] missing").
    heads = [token, *(c for c in token.children if c.dep_ in ("aux", "auxpass"))]
    return [c for h in heads for c in h.children if c.dep_ in ("nsubj", "nsubjpass")]


def _modified(token: Token) -> list[Token]:
    # "12 people killed in the attack", "the wounded soldiers": the participle modifies its victim.
    return [token.head] if token.dep_ in ("acl", "amod") and token.head is not token else []


def _noun(token: Token) -> tuple[str, list[Token], list[int]] | None:
    category = next((c for c, words in NOUNS.items() if token.lower_ in words), None)
    if category is None or token.pos_ in ("VERB", "AUX") and _patients(token):
        return None
    return category, _noun_victims(token), []


def _noun_victims(token: Token) -> list[Token]:
    """'3 dead', 'no deaths', 'the bodies of two peasants', 'among the dead were', 'left 3 dead'."""
    if any(c.dep_ in ("nummod", "quantmod") or _is_nobody_det(c) for c in token.children):
        return [token]
    if of := _of_object(token):
        return [of]
    if token.lower_ in ("death", "deaths") and (possessor := _possessor(token)):
        return possessor
    if subjects := _subjects(token):  # "two are missing", parsed as a verb with a subject
        return subjects
    if token.dep_ == "pobj" and token.head.lower_ == "among":
        clause = token.head.head
        return [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "attr")]
    if token.dep_ in ("oprd", "acomp", "xcomp", "ccomp"):
        return _small_clause_subject(token)
    return _modified(token) if token.dep_ == "amod" else []


def _is_nobody_det(token: Token) -> bool:
    return token.dep_ == "det" and token.lower_ == "no"


def _of_object(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _toll(token: Token) -> tuple[str, list[Token], list[int]] | None:
    """'the death toll rose to 40', 'a toll of 40', 'the toll is 40'."""
    if not _is(token, TOLL):
        return None
    compound = [c.lower_ for c in token.children if c.dep_ in ("compound", "amod")]
    category = "other" if any(w.startswith("casualt") for w in compound) else "killed"
    if of := _of_object(token):
        return category, [of], []
    head = token.head
    values = [c for c in head.children if c.dep_ in ("attr", "dobj") and c is not token]
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ("to", "at")):
        values += [c for c in prep.children if c.dep_ == "pobj"]
    return category, values, [head.i]


def _life(token: Token) -> tuple[str, list[Token], list[int]] | None:
    """'claimed the lives of 15 soldiers', 'cost 12 lives', 'three people lost their lives'."""
    if not (_is(token, LIFE) and token.dep_ in ("dobj", "nsubjpass")):
        return None
    if not _is(token.head, LIFE_VERBS):
        return None
    if any(c.dep_ == "nummod" for c in token.children):
        return "killed", [token], [token.head.i]
    if of := _of_object(token):
        return "killed", [of], [token.head.i]
    return "killed", _subjects(token.head) if _lemma(token.head) == "lose" else [], [token.head.i]


def _hostage(token: Token) -> tuple[str, list[Token], list[int]] | None:
    """'1,275 civilians were taken hostage', 'took five people hostage'."""
    verbs, nouns = TAKE_HOSTAGE
    if not _is(token, verbs):
        return None
    marker = next((c for c in token.children if c.lower_ in nouns), None)
    if marker is None:
        return None
    victims = [c for c in token.children if c.dep_ in ("nsubjpass", "dobj") and c is not marker]
    return "abducted", victims or _subjects(token), [marker.i]


def _suffered(token: Token) -> tuple[str, list[Token], list[int]] | None:
    """'one person suffered minor injuries', 'two soldiers sustained wounds' -> injured."""
    if not _is(token, SUFFER):
        return None
    harm = next((c for c in token.children if c.dep_ == "dobj" and _is(c, INJURIES)), None)
    return ("injured", _subjects(token), [harm.i]) if harm is not None else None


def _loss(token: Token) -> tuple[str, list[Token], list[int]] | None:
    """'130 children lost one parent': a harm outside the categories, counted as `other`."""
    if _lemma(token) != "lose":
        return None
    loss = next((c for c in token.children if c.dep_ == "dobj" and _is(c, LOSS_OBJECTS)), None)
    if loss is None:
        return None
    return "other", _subjects(token), [loss.i]


def _outcome(token: Token) -> tuple[str, list[Token], list[int]] | None:
    """'shot dead', 'beaten to death', 'gunned down' -> killed; 'shot but survived' -> injured."""
    if not (_is(token, OUTCOME_VERBS) or _to_death(token)):
        return None
    children = list(token.children)
    if _to_death(token) or any(c.lower_ == "dead" for c in children) or _gunned_down(token):
        outcome = [t.i for c in children for t in c.subtree if t.lower_ in ("dead", "death")]
        return "killed", _patients(token), outcome
    survived = [c for c in children if c.dep_ == "conj" and _lemma(c) == "survive"]
    if survived:
        return "injured", _patients(token), [survived[0].i]
    return None


def _to_death(token: Token) -> bool:
    if _is(token, SENTENCED):  # "sentenced to death" is a verdict, not a killing
        return False
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "to"):
        if any(c.lower_ == "death" for c in prep.children):
            return True
    return False


def _gunned_down(token: Token) -> bool:
    return token.lower_.startswith("gun") and any(c.lower_ == "down" for c in token.children)


def _fate(token: Token) -> tuple[str, list[Token], list[int]] | None:
    """'the fate of many remains unknown', 'their whereabouts are unknown' -> missing."""
    if token.lower_ != "unknown" or token.dep_ not in ("acomp", "attr", "oprd"):
        return None
    subject = next((c for c in _subjects(token.head) if c.lower_ in ("fate", "whereabouts")), None)
    of = _of_object(subject) if subject is not None else None
    if of is None or subject is None:
        return None
    return "missing", [of], [subject.left_edge.i, subject.i]


# --- negation, threats, hypotheticals -----------------------------------------------------


def _asserted(trigger: Token) -> bool:
    """False when the harm is negated, hypothetical, or inside a threat, denial or plan.

    Negation and modals count in the harm's own clause only: "could kill", "could leave
    hundreds dead" are hypothetical, "we must condemn the murder" is not. Blocking verbs
    count all the way up the complements ("denied that the army had killed ...")."""
    node, steps, own_clause = trigger, 0, True
    while steps < 8:
        if own_clause and _negated_or_modal(node):
            return False
        if node is not trigger and _is(node, BLOCKERS):
            return False
        if node.dep_ == "relcl" or node.head is node:
            return True
        # Only a complement (not a coordinated clause) is governed by the verb above it.
        if node.dep_ not in COMPLEMENTS and node.dep_ != "conj":
            return True
        if node.dep_ == "conj" and _is(node.head, BLOCKERS):
            return True
        own_clause = own_clause and _same_clause(node)
        node, steps = node.head, steps + 1
    return True


def _same_clause(node: Token) -> bool:
    """Whether the word above `node` still states the harm itself, not a reaction to it."""
    if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("xcomp", "conj"):
        return False  # a clause of its own: "said that ... were killed"
    if node.dep_ in ("dobj", "pobj", "prep"):
        return _is(node.head, CAUSATIVE) or node.head.pos_ not in ("VERB", "AUX")
    return True


def _negated_or_modal(node: Token) -> bool:
    for child in node.children:
        if child.dep_ == "neg":
            return True
        if child.tag_ == "MD" or (child.dep_ in ("aux", "auxpass") and child.lower_ in MODALS):
            return True
        if child.dep_ == "mark" and child.lower_ in HYPOTHETICAL_MARKS:
            return True
    return False


# --- counting the victims -----------------------------------------------------------------


def _counted(category: str, victim: Token, trigger: list[int]) -> Iterator[_Found]:
    """The figure for one victim phrase (summing coordinated parts) and its breakdown."""
    victim = _through_totals(_antecedent(victim))
    if _neither(victim):  # "neither Trushin nor his wife were injured"
        yield _Found(category, Quantity(0), None, victim.i, [victim.left_edge.i, *trigger])
        return
    parts = [p for p in (_one(category, c, []) for c in _conjuncts(victim)) if p is not None]
    if len(parts) == 1:
        total = _one(category, victim.doc[parts[0].victim], trigger)
        assert total is not None
        yield total
    elif parts:
        total = _sum(category, parts, trigger)
        yield total
        for part in parts:
            part.parent = total
            yield part
    else:
        return
    yield from _breakdown(total, victim, trigger)


def _antecedent(victim: Token) -> Token:
    # "the newsmen who died": the relative pronoun stands for the noun its clause modifies.
    clause = victim.head
    if victim.lower_ in RELATIVES and clause.dep_ == "relcl" and clause.head is not clause:
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
    if _is(victim, TOTALS) and not any(c.dep_ == "nummod" for c in victim.children):
        of = _of_object(victim)
        if of is not None:
            return of
    return victim


def _conjuncts(token: Token) -> list[Token]:
    found = [token]
    for child in token.children:
        # "between 10 and 12" is one number phrase, not two conjuncts.
        if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN", "PRON", "ADJ"):
            found.extend(_conjuncts(child))
    return found


def _sum(category: str, parts: list[_Found], trigger: list[int]) -> _Found:
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
    return _Found(category, quantity, group, parts[0].victim, tokens, summed=True)


def _one(category: str, victim: Token, trigger: list[int]) -> _Found | None:
    counted = _count(victim)
    if counted is None:
        return None
    quantity, number_tokens = counted
    if _household(victim):
        category = "other"
    tokens = [*number_tokens, victim.i, *trigger]
    return _Found(category, quantity, _group(victim), victim.i, tokens)


def _household(victim: Token) -> bool:
    noun = _of_object(victim) if _is_number(victim) else victim
    return noun is not None and noun.lower_ in HOUSEHOLDS


def _breakdown(total: _Found, victim: Token, trigger: list[int]) -> Iterator[_Found]:
    """'613 killed, including 63 children, 106 women and 70 elderly people' -> parts of 613."""
    heads = [victim, *(victim.doc[i] for i in trigger)]
    preps = [c for h in heads for c in h.children if c.dep_ in ("prep", "advcl")]
    preps = [prep for prep in preps if _is(prep, BREAKDOWN)]
    for prep in preps:
        for obj in (c for c in prep.children if c.dep_ in ("pobj", "dobj")):
            for part in (_one(total.category, c, []) for c in _conjuncts(obj)):
                if part is not None:
                    part.parent = total
                    yield part


# --- counts of one phrase -----------------------------------------------------------------


def _count(victim: Token) -> tuple[Quantity, list[int]] | None:
    """How many people `victim` names, and the tokens that say so."""
    if nobody := _nobody(victim):
        return Quantity(0), nobody
    if _is_number(victim):
        return _number_at(victim)
    # Nearest number first: in "on 23 September 28 bodies" the 23 is a date, the 28 a count.
    for child in reversed(list(victim.lefts)):
        # On capitals the parser often calls the number a compound: "TWELVE PEOPLE".
        loose = child.dep_ in ("amod", "compound") and _is_number(child)
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
    return before if _is_number(before) and before.lower_ not in VAGUE_WORDS else None


def _partitive(victim: Token) -> Token | None:
    # "five of the murdered Jesuits": the count governs the victims through "of".
    head = victim.head
    if victim.dep_ == "pobj" and head.lower_ == "of" and _is_number(head.head):
        return head.head
    return None


def _is_number(token: Token) -> bool:
    if token.like_num or token.lower_ in NUMBER_WORDS:
        return True
    # "Thirtythree": number words the tokenizer does not know as numbers.
    return token.is_alpha and token.lower_ not in UNITS and parse_cardinal(token.lower_) is not None


def _implicit(victim: Token) -> tuple[Quantity, list[int]] | None:
    """'no one', 'a soldier', 'the mayor', 'Ellacuria', 'he' -> 0 or 1; plural nouns -> None."""
    dets = [c for c in victim.children if c.dep_ in ("det", "poss", "nummod")]
    if victim.lower_ in PRONOUNS_ONE:
        return Quantity(1), []
    if victim.tag_ in ("NNS", "NNPS") or _is(victim, COLLECTIVES | HOUSEHOLDS):
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


def _person_name(name: Token) -> bool:
    # The small model often calls a person's name an ORG ("the murder of Orlando Letelier"):
    # a name is a person's unless it is a place, or has an organisation's word in it.
    if name.ent_type_ in ("GPE", "LOC", "NORP", "FAC"):
        return False
    words = [c.lower_ for c in name.children if c.dep_ == "compound"] + [name.lower_]
    return not any(word in ORGANISATION_WORDS for word in words)


def _personal(noun: Token) -> bool:
    """A noun for a person ('the mayor', 'a soldier'), not a thing ('the seizure')."""
    word = noun.lower_
    if word in GROUP_OF or word in PERSON_NOUNS or word in NOUNS["other"]:
        return True
    return word.endswith(PERSON_SUFFIXES) and word not in NOT_PERSONS


def _nobody(victim: Token) -> list[int] | None:
    """'no one', 'nobody', 'none', 'no casualties': the tokens saying there were none."""
    if victim.lower_ in NOBODY:
        return [victim.i]
    no = [c.i for c in victim.children if c.dep_ == "det" and c.lower_ == "no"]
    return no or None


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
    while end > token.i and not _is_number(doc[end]):
        end -= 1
    return start, end


def _in_number(token: Token) -> bool:
    return _is_number(token) or token.lower_ in QUALIFIER_WORDS


def _number_continues(doc: Doc, i: int) -> bool:
    token = doc[i]
    if _is_number(token) and token.lower_ not in VAGUE_WORDS:
        return True
    linker = token.lower_ in ("and", "to", "or", "-", "–", "of") or token.is_space
    return linker and i + 1 < len(doc) and (_is_number(doc[i + 1]) or doc[i + 1].is_space)


def _not_a_count(span: SpacySpan) -> bool:
    text, start, end = doc_text(span.doc), span.start_char, span.end_char
    before, after = text[max(0, start - 40) : start], text[end : end + 40]
    return non_count_reason(span.text, before, after) is not None


def _group(victim: Token) -> str | None:
    noun = victim
    if _is_number(victim) and (of := _of_object(victim)) is not None:
        noun = of  # "dozens of civilians", "many of the residents"
    for child in noun.children:
        if child.dep_ == "amod" and child.lower_ in GROUP_ADJECTIVES:
            return GROUP_ADJECTIVES[child.lower_]
    return GROUP_OF.get(noun.lower_) or GROUP_OF.get(_lemma(noun))


# --- checks -------------------------------------------------------------------------------


def subtotal_checks(figures: list[Figure]) -> list[Check]:
    """For each total with a breakdown: do the parts add up to no more than the total?

    '63 + 106 + 70 = 239, not more than 613 killed' is consistent; parts above the total are not.
    """
    checks = []
    for index, total in enumerate(figures):
        parts = [f for f in figures if f.part_of == index and f.value is not None]
        if parts and _bound(total) is not None:
            checks.append(_subtotal_check(total, parts))
    return checks


def _bound(figure: Figure) -> int | None:
    # The most the total can be: its value, or its upper bound; open-ended totals have none.
    if figure.qualifier == "at_least":
        return None
    return figure.high if figure.value is None else figure.value


def _subtotal_check(total: Figure, parts: list[Figure]) -> Check:
    values = [p.value or 0 for p in parts]
    bound = _bound(total) or 0
    added = f"{' + '.join(map(str, values))} = {sum(values)}"
    ok = sum(values) <= bound
    relation = "not more than" if ok else "more than"
    return Check(
        kind="subtotal",
        status="consistent" if ok else "inconsistent",
        detail=f"{added}, {relation} {bound} {total.category}",
        evidence=[Span(f.start, f.end) for f in (total, *parts)],
    )


def total_checks(figures: Iterable[Figure]) -> list[Check]:
    """Totals of one category and group that disagree; call it per event (one incident)."""
    by_key: dict[tuple[str, str | None], list[Figure]] = {}
    for figure in figures:
        if figure.part_of is None and figure.value is not None:
            by_key.setdefault((figure.category, figure.group), []).append(figure)
    checks = []
    for (category, group), totals in by_key.items():
        values = sorted({f.value for f in totals if f.value is not None})
        if len(totals) > 1:
            checks.append(_totals_check(category, group, values, totals))
    return checks


def _totals_check(
    category: str, group: str | None, values: list[int], totals: list[Figure]
) -> Check:
    who = f" {group}" if group else ""
    agree = len(values) == 1
    detail = (
        f"{len(totals)} mentions of{who} {category} all say {values[0]}"
        if agree
        else f"{category}{who} reported as " + ", ".join(map(str, values))
    )
    return Check(
        kind="totals",
        status="consistent" if agree else "inconsistent",
        detail=detail,
        evidence=[Span(f.start, f.end) for f in totals],
    )
