"""The figures stage's words (lower case) and the word tests its rules share.

Rules look at lower-cased words and lemmas only, so they work on all-caps, truecased and
lower-case text alike; `lemma` falls back on the lexicon's own inflections where the
lemmatizer fails on capitals ("KILLED" -> "killed").
"""

from __future__ import annotations

from spacy.tokens import Token

from . import numbers
from .numbers import SCALES, TENS, UNITS, VAGUE_VALUES, VAGUE_WORDS, parse_cardinal, wordset

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
    for base in lemmas.split():
        stem = base[:-1] if base.endswith("e") else base
        inflected = {base + "s", stem + "ed", stem + "ing", *IRREGULAR.get(base, "").split()}
        LEMMA_OF.update(dict.fromkeys(inflected - {base}, base))
        forms |= inflected | {base}
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
# Every word (or lemma) a trigger can be: the stage reads no other token as one, except the
# verb of "beaten to death", which any verb can be.
TRIGGER_WORDS = frozenset().union(
    *VERBS.values(), *NOUNS.values(), *EVENT_NOUNS.values(), INTRANSITIVE_FORMS,
    TAKE_HOSTAGE[0], LIFE, LIFE_VERBS, SUFFER, OUTCOME_VERBS, TOLL, {"unknown"},
)  # fmt: skip
# Verbs whose object is the harm they bring: "could cause hundreds of deaths".
CAUSATIVE = verb_forms("cause leave claim take cost result produce inflict")
INJURIES = wordset("injury injuries wound wounds burn burns")
TOTALS = wordset("total number toll group tally")  # "a total of 487 people"
# Households counted instead of people ("eight families were wiped out") are `other`.
HOUSEHOLDS = wordset("family families household households home homes house houses")
# Nouns for what happened, never for whom: "an attack that left four injured" counts no attack.
OCCURRENCES = wordset(
    "attack attacks bombing bombings explosion explosions blast blasts incident incidents "
    "ambush ambushes raid raids operation operations action actions clash clashes"
)
LOSSES = wordset("loss losses damage damages dollars pesos property")  # "millions in losses"
COLLECTIVES = wordset(
    "population crowd group community village town city army force forces unit battalion "
    "government people crew team squad patrol delegation commission"
)
# Nouns that stand for people of the kind named before: "one rebel died and two others ...".
ELLIPTICAL_NOUNS = wordset("others more")
# Pronouns of a partitive that picks from people just counted: "4 of them", "two of whom".
BACK_REFERENCES = wordset("them whom these those")
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
    "terrorist terrorists subversive subversives extremist extremists kidnapper kidnappers "
    "gunman gunmen assassin assassins hitman hitmen attacker attackers assailant assailants "
    "fighter fighters "
    "paramilitary paramilitaries",
    "workers": "worker workers employee employees labourer labourers laborer laborers",
    "passengers": "passenger passengers",
}
GROUP_OF = {word: group for group, words in GROUP_NOUNS.items() for word in words.split()}
GROUP_ADJECTIVES = {"elderly": "elderly", "old": "elderly", "civilian": "civilians"}
# Forces whose own losses a clause reports: "the army sustained 9 dead", "cost the police 4
# dead", "26 dead among the army ranks" -> the dead are soldiers, policemen.
FORCE_GROUPS = {
    "army": "soldiers", "military": "soldiers", "navy": "soldiers", "battalion": "soldiers",
    "brigade": "soldiers", "regiment": "soldiers", "police": "police", "guerrilla": "militants",
    "forces": "soldiers",
}  # fmt: skip
MEMBERS = wordset("member members")
LOSS_VERBS = verb_forms("suffer sustain cost lose")

# Harm inside these is not reported as done: "threatened to kill", "denied killing".
BLOCKERS = verb_forms(
    "threaten deny plan try attempt intend vow want seek warn fear refuse aim hope prepare "
    "plot promise fail threat risk prevent avoid foil thwart swear mission"
)
# Verb + preposition that ask for harm not yet done: "called for the assassination of".
AIM_PHRASES = {("call", "for"), ("appeal", "for"), ("push", "for"), ("plead", "for")}
# Verbs after which an infinitive of harm did happen: "began to kill", "managed to wound".
IMPLICATIVE = verb_forms("begin start continue manage proceed")
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

# --- word tests ---------------------------------------------------------------------------


def lemma(token: Token) -> str:
    word = token.lemma_.lower()
    return LEMMA_OF.get(word, word)  # "killed" when the lemmatizer gave up on "KILLED"


def is_word(token: Token, words: frozenset[str]) -> bool:
    return token.lower_ in words or lemma(token) in words


def is_number(token: Token) -> bool:
    if token.like_num or token.lower_ in NUMBER_WORDS:
        return True
    # "Thirtythree": number words the tokenizer does not know as numbers.
    return token.is_alpha and token.lower_ not in UNITS and parse_cardinal(token.lower_) is not None


def of_object(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def harm_noun(token: Token) -> str | None:
    """The category a noun or adjective of harm names ("dead" -> killed), if it is one."""
    return next((c for c, words in NOUNS.items() if token.lower_ in words), None)
