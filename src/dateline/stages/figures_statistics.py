"""Running totals are not an incident's figures: 'the war has killed 70,000 people'.

A count of harm summed over a period ("since 1980", "during 12 years of civil war", "over the
past 10 days", "so far this year") or run up by a prolonged conflict ("the insurgency has
killed ...", "a conflict which has claimed 40,000 lives") is a statistic about many
incidents, not the toll of the one being reported; the figures stage leaves it out. Dates of
one day ("since Monday") and single spans ("for two days") do not make a statistic: a hostage
held since Monday is still one incident's figure.
"""

from __future__ import annotations

from spacy.tokens import Token

from .figures_lexicon import (
    CAUSATIVE,
    INTRANSITIVE_FORMS,
    OCCURRENCES,
    RELATIVES,
    VERBS,
    is_word,
    lemma,
    of_object,
)
from .numbers import parse_cardinal, wordset

# The noun a "since" phrase or clause starts a long period from: "since the start of the war".
PERIOD_STARTS = wordset("beginning start founding foundation creation outbreak war conflict")
PERIOD_UNITS = wordset("year years decade decades month months")
HISTORIES = wordset("history existence lifetime")
RECENT_UNITS = wordset("week weeks day days")  # a span only with "past", "last", "recent"
LOOKING_BACK = wordset("past last recent previous first")
SPAN_PREPOSITIONS = wordset("in over during throughout")
THIS_PERIOD = wordset("year month")
MONTHS = wordset(
    "january february march april may june july august september october november december"
)
# Causes that run up tolls over years: their perfect tense says "so far, in all".
PROLONGED = wordset(
    "war wars conflict conflicts insurgency violence repression struggle offensive campaign"
)
WARS = wordset("war wars conflict conflicts insurgency")
ONE_PERIOD = wordset("year month week day decade")
OFFSET_WORDS = wordset("after before ago later earlier")
# Verbs a cause runs up a toll with: "the war killed", "the offensive has left 600 dead".
HARM_VERBS = CAUSATIVE | INTRANSITIVE_FORMS | frozenset().union(*VERBS.values())
# Incidents that, counted, make a harm a sum over them: "in 386 clashes".
REPEATED = OCCURRENCES | wordset("massacres killings murders")
CLAUSE_STEPS = 4
ANTECEDENT_STEPS = 4  # noun <- pobj <- prep <- acl <- noun


def running_total(trigger: Token) -> bool:
    """Whether the harm at `trigger` is counted over a period or a prolonged conflict."""
    return any(_period(node) or _prolonged_cause(node) for node in _clause(trigger))


def _clause(trigger: Token) -> list[Token]:
    """The trigger, the words above it up to its verb, and the verb a conjunct shares."""
    nodes, node = [trigger], trigger
    for _ in range(CLAUSE_STEPS):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            break
        node = node.head
        nodes.append(node)
    verbs = [node]
    # "80 have disappeared over 6 years and 30 have been killed"; the whole chain of them:
    # "the raids carried out over the past 10 days have killed 2 and wounded 20", parsed
    # with "killed" a conjunct of "carried" and "wounded" one of "killed"
    while verbs[-1].dep_ == "conj" and verbs[-1].head.pos_ in ("VERB", "AUX"):
        verbs.append(verbs[-1].head)
    # "90 have been killed and 150 wounded since the uprising began"
    verbs += [c for c in node.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    nodes.extend(verbs[1:])
    for verb in verbs:  # "the raids carried out over the past 10 days have killed ..."
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        nodes += [c for s in subjects for c in s.children if c.dep_ in ("acl", "relcl")]
    # "in the mountains over the last 6 years": a span inside the verb's place phrase
    places = [c for v in verbs for c in v.children if c.dep_ == "prep"]
    nodes += [c for p in places for c in p.children if c.dep_ == "pobj"]
    return nodes


def _period(node: Token) -> bool:
    return any(_period_phrase(node, child) for child in node.children)


def _period_phrase(node: Token, child: Token) -> bool:
    """Whether `child` of the clause word `node` counts the harm over a period."""
    if child.dep_ == "advcl":  # "since the party was founded, 300 members have been murdered"
        return any(m.lower_ == "since" for m in child.children)
    if child.dep_ == "npadvmod":  # "four have been killed so far this year", "deaths this year"
        if _every_period(child):  # "3,000 die every year", "12 deaths a day"
            return True
        return _this_period(child) and (_perfect(node) or node.pos_ == "NOUN")
    if child.dep_ != "prep":
        return False
    if child.lower_ == "per":  # "500 deaths per year"
        return any(_is_period_unit(c) for c in child.children if c.dep_ == "pobj")
    if child.lower_ == "since":
        return _since_long_ago(child)
    if child.lower_ in ("in", "during") and _many_occurrences(_object(child)):
        return True  # "145 guerrillas were killed in 386 clashes": a sum over incidents
    if child.lower_ == "in" and _perfect(node) and _prolonged(_object(child)):
        return True  # "a civil war in which 70,000 people have died"
    return child.lower_ in SPAN_PREPOSITIONS and _span(child)


def _object(preposition: Token) -> Token | None:
    """The preposition's object; for a relative ('in which'), the noun it stands for."""
    unit = next((c for c in preposition.children if c.dep_ == "pobj"), None)
    clause = preposition.head
    if unit is not None and unit.lower_ in RELATIVES and clause.dep_ == "relcl":
        return clause.head
    return unit


def _prolonged(noun: Token | None) -> bool:
    return noun is not None and noun.lower_ in PROLONGED


def _since_long_ago(since: Token) -> bool:
    start = next((c for c in since.children if c.dep_ == "pobj"), None)
    if start is None:
        return False
    # "since 1980", "since May 1980", "since the start of the war"
    year = any(_a_year(t) for t in (start, *start.children))
    return year or is_word(start, PERIOD_STARTS)


def _a_year(token: Token) -> bool:
    return token.like_num and len(token.text) == 4


def _is_period_unit(unit: Token) -> bool:
    return unit.lower_ in PERIOD_UNITS or unit.lower_ in RECENT_UNITS


def _every_period(unit: Token) -> bool:
    # "every year", "a day"; not "a few days after the murder", nor "a year after they massacred":
    # a period before or after something is a distance in time, not a rate
    dets = [c.lower_ for c in unit.children if c.dep_ == "det"]
    every = any(d in ("every", "each", "a", "per") for d in dets)
    following = unit.doc[unit.i + 1 : unit.i + 2]
    offset = any(c.dep_ == "amod" for c in unit.children) or any(
        word.lower_ in OFFSET_WORDS for word in [*unit.children, *following]
    )
    return every and unit.lower_ in ONE_PERIOD and not offset


def _many_occurrences(noun: Token | None) -> bool:
    """'in 386 clashes', 'in more than 40 massacres': many incidents, counted."""
    if noun is None or not is_word(noun, REPEATED):
        return False
    counts = [c for c in noun.children if c.dep_ == "nummod"]
    return any((value := parse_cardinal(c.lower_)) and value > 1 for c in counts)


def _span(preposition: Token) -> bool:
    """'during 12 years', 'in 8 years', 'over the past 10 days', 'in the past month',
    'over its history', 'during the recent years',
    'during March' (a month with no day in it), 'during the war', 'during 1990'."""
    unit = _object(preposition)
    if unit is None:
        return False
    whole = preposition.lower_ in ("during", "throughout")
    if whole and unit.lower_ in MONTHS:
        return not any(c.like_num for c in unit.children)
    if whole and (_prolonged(unit) or _a_year(unit) or unit.lower_ in PERIOD_UNITS):
        return True  # "during this 10-year war", "during 1990", "during the month of May"
    if unit.lower_ in HISTORIES:  # "over its 10-year history", "in the group's history"
        return True
    looking_back = any(c.lower_ in LOOKING_BACK for c in unit.children)
    if unit.tag_ not in ("NNS", "NNPS"):  # "in the past month", "over the last year"
        return looking_back and unit.lower_ in PERIOD_UNITS
    counted = any(c.dep_ == "nummod" for c in unit.children)
    if unit.lower_ in PERIOD_UNITS:
        return looking_back or counted
    return unit.lower_ in RECENT_UNITS and looking_back


def _this_period(word: Token) -> bool:
    return word.lower_ in THIS_PERIOD and any(c.lower_ == "this" for c in word.children)


def _perfect(verb: Token) -> bool:
    # "a war that has lasted 10 years and killed 70,000": the conjunct shares the "has".
    verbs = [verb, verb.head] if verb.dep_ == "conj" else [verb]
    return any(c.dep_ == "aux" and lemma(c) == "have" for v in verbs for c in v.children)


def _subject(verb: Token) -> Token | None:
    """The verb's subject, or the one it shares with the verb it is coordinated with: 'a war
    that began in 1980 and has claimed 70,000 lives'."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    return subject


def _prolonged_cause(verb: Token) -> bool:
    """'the insurgency has killed', 'a conflict which has claimed', 'a war that has left'."""
    if not is_word(verb, HARM_VERBS):  # "the war became dirty with the murder of" is no toll
        return False
    subject = _subject(verb)
    clause = verb.head if verb.dep_ == "conj" and subject is not None else verb
    if subject is None:
        return False
    relative = subject.lower_ in RELATIVES and clause.dep_ == "relcl"
    subjects = _antecedents(clause.head) if relative else [subject]
    # "a wave of violence"
    causes = [of_object(s) if s.lower_ == "wave" else s for s in subjects]
    # A war's toll is a sum in any tense ("the war killed 1,000"); other causes say "so far"
    # with the perfect ("the offensive has left 600 dead").
    return any(
        cause.lower_ in WARS or (cause.lower_ in PROLONGED and _perfect(verb))
        for cause in causes
        if cause is not None
    )


def _antecedents(noun: Token) -> list[Token]:
    """The nouns a relative clause hung on `noun` may stand for: the parser hangs 'which' on
    the nearest noun, so in 'the offensive launched on Saturday, which has left 600 dead' it
    is the day's; the nouns the day's phrase hangs from ('offensive') are candidates too."""
    found, node = [noun], noun
    for _ in range(ANTECEDENT_STEPS):
        if node.dep_ not in ("pobj", "prep", "acl", "npadvmod") or node.head.i == node.i:
            break
        node = node.head
        if node.pos_ in ("NOUN", "PROPN"):
            found.append(node)
    return found
