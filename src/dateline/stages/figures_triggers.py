"""Triggers of the figures stage: words of harm and the victims the parse joins them to.

`harm_trigger` reads a token as a word of harm ("killed", "wounded", "hostage", "death toll",
"claimed the lives of") and returns its category and victim tokens; `asserted` says whether
the harm is reported as done, not negated, threatened, denied, planned or hypothetical.
"""

from __future__ import annotations

from spacy.attrs import LEMMA, LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from .figures_lexicon import (
    AIM_PHRASES,
    BLOCKERS,
    CAUSATIVE,
    COMPLEMENTS,
    EVENT_NOUNS,
    HIS,
    HYPOTHETICAL_MARKS,
    IMPLICATIVE,
    INJURIES,
    INTRANSITIVE,
    INTRANSITIVE_FORMS,
    LIFE,
    LIFE_VERBS,
    LOSS_OBJECTS,
    MODALS,
    NOUNS,
    OCCURRENCES,
    ORGANISATION_WORDS,
    OUTCOME_VERBS,
    PHRASAL,
    SENTENCED,
    SUFFER,
    TAKE_HOSTAGE,
    TOLL,
    TRIGGER_WORDS,
    VERBS,
    is_number,
    is_word,
    lemma,
    of_object,
)  # fmt: skip
from .numbers import wordset

# Verbs whose subject in the active is who suffered: "12 died", "the journalist disappeared".
# Harm verbs also said of institutions and feelings, and the institutions that mark the use.
FIGURATIVE_HARMS = frozenset({"hurt", "wound", "injure", "kill"})
INSTITUTIONS = ORGANISATION_WORDS | wordset(
    "economy country nation image interests process peace talks dialogue chances reputation "
    "institution institutions"
)
PRONOUNS = wordset("he she they")
SEVERITY = wordset(
    "seriously badly critically gravely severely fatally mortally serious severe critical grave "
    "major"
)
SUBJECT_SUFFERS = INTRANSITIVE_FORMS | VERBS["missing"]
TRIGGER_IDS = frozenset(get_string_id(word) for word in TRIGGER_WORDS)
DEATH_ID = get_string_id("death")

# --- triggers -----------------------------------------------------------------------------


def trigger_candidates(doc: Doc) -> list[Token]:
    """The tokens worth reading as triggers, in text order: a word test on the Doc's arrays
    (no Token objects) first, so the finders run on a few words per sentence, not on all."""
    lowers, lemmas = doc.to_array(LOWER).tolist(), doc.to_array(LEMMA).tolist()
    lemma_is_trigger: dict[int, bool] = {}
    found: set[int] = set()
    for i, (lower, lemma_id) in enumerate(zip(lowers, lemmas, strict=True)):
        if lower in TRIGGER_IDS:
            found.add(i)
            continue
        if lemma_id not in lemma_is_trigger:  # lemmas may keep capitals: "KILLED"
            lemma_is_trigger[lemma_id] = doc.vocab.strings[lemma_id].lower() in TRIGGER_WORDS
        if lemma_is_trigger[lemma_id]:
            found.add(i)
    found |= {
        doc[i].head.head.i for i, lower in enumerate(lowers) if lower == DEATH_ID and _to(doc[i])
    }
    return [doc[i] for i in sorted(found)]


def _to(death: Token) -> bool:
    # "beaten to death": any verb can be the trigger, found through "death".
    return death.head.lower_ == "to"


def either_or(token: Token) -> bool:
    """'100 dead or wounded', 'killed or injured', 'killing and wounding 40': a count that
    joins two harms with 'or', or that two harms share, is of casualties, not of either (it is
    `other`)."""
    coordinated = token.dep_ == "conj"
    head = token.head if coordinated else token
    partners = [c for c in head.children if c.dep_ == "conj"] + ([head] if coordinated else [])
    conjunctions = {c.lower_ for c in head.children if c.dep_ == "cc"}
    if "or" in conjunctions:
        others = [p for p in partners if p.i != token.i]
    elif "and" in conjunctions and _verbal(head):
        pairs = [(head, token)] if coordinated else [(token, p) for p in partners]
        others = [p if p.i != token.i else h for h, p in pairs if _one_victim_phrase(h, p)]
    else:
        return False
    mine = _word_category(token)
    return any(_word_category(p) not in (None, mine) for p in others)


def _one_victim_phrase(head: Token, conjunct: Token) -> bool:
    """'killing and wounding 40 people', '12 were killed and wounded': two verbs of harm with
    one victim phrase between them count the same people, who were killed or wounded."""
    if not _verbal(conjunct) or conjunct.i != head.i + 2:  # the two verbs side by side
        return False
    return _own_victims(head) != _own_victims(conjunct)


def _own_victims(verb: Token) -> bool:
    # A subject is the victim of a passive, a bare participle ("and 12 wounded") or a verb
    # like "die"; the subject of "killed" in the active is who killed.
    subject_suffers = verb.tag_ == "VBN" or is_word(verb, SUBJECT_SUFFERS)
    own = ("nsubjpass", "dobj", "nsubj") if subject_suffers else ("nsubjpass", "dobj")
    return any(c.dep_ in own for c in _with_auxiliaries(verb))


def _with_auxiliaries(verb: Token) -> list[Token]:
    return [c for h in (verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass")))
            for c in h.children]  # fmt: skip


def died_later(token: Token) -> bool:
    """'two guards were wounded and later died', 'he suffered head injuries and died': the
    wounded of a clause that goes on to their death are no longer wounded."""
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    # the later verb shares the subject: it has none of its own ...
    later = [c for c in verb.children if c.dep_ == "conj" and not _subjects(c)]
    if verb.dep_ == "conj" and not _subjects(verb):
        later.append(verb.head)
    # ... or takes it up with a pronoun: "was taken to a clinic, where he died"
    later += [t for t in verb.subtree if any(s.lower_ in PRONOUNS for s in _subjects(t))]
    # ... or is one that died after the harm: "X, who died 17 days after an attack in which
    # he was wounded"
    if any(s.lower_ in PRONOUNS for s in _subjects(verb)):
        later += [a for a in verb.ancestors if a.pos_ in ("VERB", "AUX")]
        later += _death_before(verb)
    return any(INTRANSITIVE.get(lemma(c)) == "killed" for c in later)


def _death_before(verb: Token) -> list[Token]:
    """A death told earlier in the sentence and followed by 'after' before this harm ('X, who
    died yesterday, 17 days after an attack in which he was wounded'), however the parser
    hung the 'after' phrase: the pronoun's wounds are the ones that person died of."""
    sentence = verb.doc[verb.sent.start : verb.i]
    deaths = [t for t in sentence if INTRANSITIVE.get(lemma(t)) == "killed" and _one_dies(t)]
    return [d for d in deaths if any(t.lower_ == "after" for t in verb.doc[d.i : verb.i])]


def _one_dies(death: Token) -> bool:
    # the one person the pronoun can stand for: "who died", "he died", "Lopez died"
    subjects = _subjects(death)
    return len(subjects) == 1 and subjects[0].tag_ in ("WP", "PRP", "NNP", "NN")


def severity_only(trigger: Token) -> bool:
    """'seriously hurt', 'no serious injuries': the harm of the worst degree only, so a count
    of none says nothing of the others."""
    return any(c.dep_ in ("advmod", "amod") and c.lower_ in SEVERITY for c in trigger.children)


def _shared_subjects(verb: Token) -> list[Token]:
    # "two guards were wounded and later died": the second verb's subject is the first's.
    return _subjects(verb.head) if verb.dep_ == "conj" else []


def _word_category(token: Token) -> str | None:
    if lemma(token) in INTRANSITIVE:
        return INTRANSITIVE[lemma(token)]  # "died" in the table of nouns is "dead"
    for table in (VERBS, NOUNS):
        category = next((c for c, words in table.items() if is_word(token, words)), None)
        if category is not None:
            return category
    return None


def harm_trigger(token: Token) -> tuple[str, list[Token], list[int]] | None:
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
    category = next((c for c, words in VERBS.items() if is_word(token, words)), None)
    if category is not None and _verbal(token) and not _figurative(token):
        return category, _patients(token), particles
    category = INTRANSITIVE.get(lemma(token))
    if category is not None and (lemma(token) != "pass" or _particle(token) == "away"):
        return category, _subjects(token) or _shared_subjects(token) or _modified(token), particles
    category = _phrasal(token)
    if category is not None and _verbal(token):
        return category, _patients(token), particles
    return None


def _figurative(verb: Token) -> bool:
    """'hurting the army and the president', 'wounded the government': harm done to a body
    or an institution is a figure of speech, not an injury."""
    if lemma(verb) not in FIGURATIVE_HARMS:
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    listed = objects + [c for o in objects for c in o.children if c.dep_ == "conj"]
    return any(is_word(o, INSTITUTIONS) for o in listed)


def _particle(token: Token) -> str | None:
    return next((c.lower_ for c in token.children if c.dep_ == "prt"), None)


def _phrasal(token: Token) -> str | None:
    particles = [c.lower_ for c in token.children if c.dep_ == "prt"]
    return next(
        (PHRASAL[(lemma(token), p)] for p in particles if (lemma(token), p) in PHRASAL), None
    )


def _event_noun(token: Token) -> tuple[str, list[Token], list[int]] | None:
    """'the murder of six Jesuits', 'Oqueli's assassination': the act, its victims after 'of'."""
    category = next((c for c, words in EVENT_NOUNS.items() if token.lower_ in words), None)
    if category is None or token.pos_ not in ("NOUN", "PROPN"):
        return None
    victims = [of] if (of := of_object(token)) is not None else []
    return category, victims or _possessor(token), []


def _possessor(token: Token) -> list[Token]:
    # "Rodriguez Porth's death", "his assassination": the possessor is the victim.
    return [
        c for c in token.children if c.dep_ == "poss" and (c.pos_ == "PROPN" or is_word(c, HIS))
    ]


def _verbal(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB") or token.dep_ == "acomp"


def _patients(verb: Token) -> list[Token]:
    """Who a harm verb happened to: passive subject, object, modified noun, or shared subject."""
    found = [c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")]
    if found:
        return found
    if counted := _listed_count(verb):
        return counted
    if verb.tag_ == "VBN" and not any(lemma(c) == "have" for c in verb.children):
        found = [c for c in verb.children if c.dep_ == "nsubj"]  # "and 35 wounded"
        if found:
            return found
    if verb.dep_ == "conj" and verb.tag_ == "VBN" and _shares_patients(verb.head):
        return _patients(verb.head)
    if verb.dep_ in ("acomp", "oprd", "xcomp"):  # "left him wounded", "was found dead"
        return _small_clause_subject(verb)
    return _modified(verb)


def _shares_patients(verb: Token) -> bool:
    """'12 were killed and wounded': a participle joined to a harm verb or to a passive shares
    its victims; joined to an active verb of something else ('have provided no figures on the
    dead and injured') it shares nothing: that verb's object is no victim."""
    if _word_category(verb) is not None or is_word(verb, OUTCOME_VERBS):
        return True
    return any(c.dep_ == "nsubjpass" for c in _with_auxiliaries(verb))


def _listed_count(participle: Token) -> list[Token]:
    """'left 31 dead and more than 1,000 injured': the number right before the participle,
    joined to an earlier harm word of the list, is its count, whatever the parser made of the
    participle."""
    before = participle.doc[participle.i - 1] if participle.i > 0 else None
    if before is None or not is_number(before) or before.dep_ != "conj":
        return []
    return [before] if _word_category(before.head) is not None else []


def _may_be_subject(before: Token, result: Token) -> bool:
    if before.pos_ not in ("NUM", "NOUN", "PROPN", "PRON"):
        return False
    heads = (result.i, result.head.i)
    return before.head.i in heads or before.head.head.i == result.head.i or is_number(before)


def _small_clause_subject(result: Token) -> list[Token]:
    """Who 'dead' or 'injured' is said of: 'left 31 dead and more than 1,000 injured'.

    The word right before the result is its subject when it can be one (the parser often hangs
    a second pair on the first); else the verb's object, else its subject."""
    before = result.doc[result.i - 1] if result.i > 0 else None
    if before is not None and _may_be_subject(before, result):
        return [before]
    verb = result.head
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if objects:
        return objects
    if is_word(verb, CAUSATIVE):  # "an attack that left four injured": the cause is no victim
        return [c for c in _subjects(verb) if c.dep_ == "nsubjpass"]
    return _subjects(verb)


def _subjects(token: Token) -> list[Token]:
    # The small model sometimes hangs the subject on the auxiliary ("two [are] missing").
    heads = [token, *(c for c in token.children if c.dep_ in ("aux", "auxpass"))]
    return [c for h in heads for c in h.children if c.dep_ in ("nsubj", "nsubjpass")]


def _modified(token: Token) -> list[Token]:
    # "12 people killed in the attack", "the wounded soldiers": the participle modifies its victim.
    if token.dep_ not in ("acl", "amod") or token.head.i == token.i:
        return []
    before = token.doc[token.i - 1]
    if token.dep_ == "acl" and before.i != token.head.i and _counted_noun(before):
        return [before]  # "an attack that left four children injured", parsed as "attack injured"
    if token.dep_ == "acl" and before.i != token.head.i and before.like_num:
        return [before]  # "26 dead and 65 wounded", parsed as "26 wounded"
    return [token.head]


def _counted_noun(token: Token) -> bool:
    return token.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "nummod" for c in token.children)


def _noun(token: Token) -> tuple[str, list[Token], list[int]] | None:
    category = next((c for c, words in NOUNS.items() if token.lower_ in words), None)
    if category is None or token.pos_ in ("VERB", "AUX") and _patients(token):
        return None
    return category, _noun_victims(token), []


def _noun_victims(token: Token) -> list[Token]:
    """'3 dead', 'no deaths', 'the bodies of two peasants', 'among the dead were', 'left 3 dead'."""
    if any(c.dep_ in ("nummod", "quantmod") or _is_nobody_det(c) for c in token.children):
        return [token]
    if of := of_object(token):
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


def _toll(token: Token) -> tuple[str, list[Token], list[int]] | None:
    """'the death toll rose to 40', 'a toll of 40', 'the toll is 40'."""
    if not is_word(token, TOLL):
        return None
    compound = [c.lower_ for c in token.children if c.dep_ in ("compound", "amod")]
    category = "other" if any(w.startswith("casualt") for w in compound) else "killed"
    of = of_object(token)
    if of is not None and not is_word(of, OCCURRENCES):  # "the toll of the attack rose to 40"
        # "a toll of 1 person wounded": the harm word on the victims says what the toll counts
        return None if _harm_of_its_own(of) else (category, [of], [])
    head = token.head
    values = [c for c in head.children if c.dep_ in ("attr", "dobj") and c.i != token.i]
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ("to", "at")):
        values += [c for c in prep.children if c.dep_ == "pobj"]
    return category, values, [head.i]


def _harm_of_its_own(victim: Token) -> bool:
    return any(c.dep_ in ("acl", "amod") and _word_category(c) for c in victim.children)


def _life(token: Token) -> tuple[str, list[Token], list[int]] | None:
    """'claimed the lives of 15 soldiers', 'cost 12 lives', 'three people lost their lives'."""
    if not (is_word(token, LIFE) and token.dep_ in ("dobj", "nsubjpass")):
        return None
    if not is_word(token.head, LIFE_VERBS):
        return None
    if any(c.dep_ == "nummod" for c in token.children):
        return "killed", [token], [token.head.i]
    if of := of_object(token):
        return "killed", [of], [token.head.i]
    return "killed", _subjects(token.head) if lemma(token.head) == "lose" else [], [token.head.i]


def _hostage(token: Token) -> tuple[str, list[Token], list[int]] | None:
    """'1,275 civilians were taken hostage', 'took five people hostage'."""
    verbs, nouns = TAKE_HOSTAGE
    if not is_word(token, verbs):
        return None
    marker = next((c for c in token.children if c.lower_ in nouns), None)
    if marker is None:
        return None
    victims = [c for c in token.children if c.dep_ in ("nsubjpass", "dobj") and c is not marker]
    return "abducted", victims or _subjects(token), [marker.i]


def _suffered(token: Token) -> tuple[str, list[Token], list[int]] | None:
    """'one person suffered minor injuries', 'two soldiers sustained wounds', 'four people
    have bullet wounds' -> injured."""
    if is_word(token, INJURIES) and token.dep_ == "dobj" and lemma(token.head) == "have":
        return "injured", _subjects(token.head), [token.i]
    if not is_word(token, SUFFER):
        return None
    harm = next((c for c in token.children if c.dep_ == "dobj" and is_word(c, INJURIES)), None)
    return ("injured", _subjects(token), [harm.i]) if harm is not None else None


def _loss(token: Token) -> tuple[str, list[Token], list[int]] | None:
    """'130 children lost one parent': a harm outside the categories, counted as `other`."""
    if lemma(token) != "lose":
        return None
    loss = next((c for c in token.children if c.dep_ == "dobj" and is_word(c, LOSS_OBJECTS)), None)
    if loss is None:
        return None
    return "other", _subjects(token), [loss.i]


def _outcome(token: Token) -> tuple[str, list[Token], list[int]] | None:
    """'shot dead', 'beaten to death', 'gunned down' -> killed; 'shot but survived' -> injured."""
    if not (is_word(token, OUTCOME_VERBS) or _to_death(token)):
        return None
    children = list(token.children)
    if _to_death(token) or any(c.lower_ == "dead" for c in children) or _gunned_down(token):
        outcome = [t.i for c in children for t in c.subtree if t.lower_ in ("dead", "death")]
        return "killed", _patients(token), outcome
    survived = [c for c in children if c.dep_ == "conj" and lemma(c) == "survive"]
    if survived:
        return "injured", _patients(token), [survived[0].i]
    if wounds := _wounds_caused(token):  # "stabbed the two women, causing deep wounds"
        return "injured", _patients(token), [wounds.i]
    return None


def _wounds_caused(verb: Token) -> Token | None:
    for clause in (c for c in verb.children if c.dep_ in ("advcl", "xcomp", "conj")):
        if is_word(clause, CAUSATIVE):
            harm = [c for c in clause.children if c.dep_ == "dobj" and is_word(c, INJURIES)]
            if harm:
                return harm[0]
    return None


def _to_death(token: Token) -> bool:
    if is_word(token, SENTENCED):  # "sentenced to death" is a verdict, not a killing
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
    of = of_object(subject) if subject is not None else None
    if of is None or subject is None:
        return None
    return "missing", [of], [subject.left_edge.i, subject.i]


# --- negation, threats, hypotheticals -----------------------------------------------------


def asserted(trigger: Token) -> bool:
    """False when the harm is negated, hypothetical, or inside a threat, denial or plan.

    Negation and modals count in the harm's own clause only: "could kill", "could leave
    hundreds dead" are hypothetical, "we must condemn the murder" is not. Blocking verbs
    count all the way up the complements ("denied that the army had killed ...")."""
    if _aim(trigger):
        return False
    node, steps, own_clause = trigger, 0, True
    while steps < 8:
        if own_clause and _negated_or_modal(node):
            return False
        if node is not trigger and is_word(node, BLOCKERS):
            return False
        if node.dep_ == "prep" and (lemma(node.head), node.lower_) in AIM_PHRASES:
            return False
        if node.dep_ == "amod" and node.head.dep_ == "attr":  # "there could be 300 wounded"
            node, steps = node.head, steps + 1
            continue
        if node.dep_ == "relcl" or node.head.i == node.i:
            return True
        # Only a complement (not a coordinated clause) is governed by the verb above it.
        if node.dep_ not in COMPLEMENTS and node.dep_ != "conj":
            return True
        if node.dep_ == "conj" and is_word(node.head, BLOCKERS):
            return True
        own_clause = own_clause and _same_clause(node)
        node, steps = node.head, steps + 1
    return True


def _same_clause(node: Token) -> bool:
    """Whether the word above `node` still states the harm itself, not a reaction to it."""
    if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("xcomp", "conj"):
        return False  # a clause of its own: "said that ... were killed"
    if node.dep_ in ("dobj", "pobj", "prep"):
        return is_word(node.head, CAUSATIVE) or node.head.pos_ not in ("VERB", "AUX")
    return True


def _aim(trigger: Token) -> bool:
    """'went there to kill two farmers', 'the threat to kill ten judges': an infinitive of harm
    says what someone meant to do, unless the verb above says it was done ('began to kill')."""
    infinitive = trigger.tag_ == "VB" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children
    )
    return infinitive and not is_word(trigger.head, IMPLICATIVE)


def _negated_or_modal(node: Token) -> bool:
    for child in node.children:
        if child.dep_ == "neg":
            return True
        if child.tag_ == "MD" or (child.dep_ in ("aux", "auxpass") and child.lower_ in MODALS):
            return True
        if child.dep_ == "mark" and child.lower_ in HYPOTHETICAL_MARKS:
            return True
    return False
