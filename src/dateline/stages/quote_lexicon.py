"""Word lists for quotations (issue 6): reporting, belief and stance verbs, documents, pronouns."""

from __future__ import annotations


def lexicon(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Verbs that report speech or writing: their subject is a source, their clause its words.
SAY_VERBS = lexicon(
    "say tell state add note claim warn announce declare explain insist argue assert report "
    "write tweet post confirm deny acknowledge admit reply respond answer ask suggest mention "
    "recall predict promise pledge vow urge stress emphasize emphasise point observe comment "
    "remark contend maintain testify allege concede conclude continue reveal disclose "
    "estimate find show cite boast complain joke quip caution counter reiterate repeat "
    "recount agree inform assure hint imply indicate charge demand propose contend whisper "
    "shout yell scream chant describe accuse blame praise criticize criticise call"
)
# Verbs of belief and intention: PolNeAR counts them as attributions when they take a clause.
BELIEF_VERBS = lexicon(
    "believe think feel hope fear expect know worry doubt suspect understand consider assume "
    "recognize realize want plan"
)
CUE_VERBS = SAY_VERBS | BELIEF_VERBS
# Verbs whose object or infinitive is what a source says, wants or stands for ("cited the report",
# "called for a moratorium", "plans to run"): PolNeAR annotates these as attributions too.
TOPIC_VERBS = lexicon(
    "cite mention criticize criticise blast slam attack question discuss defend promote tout "
    "praise reject deny announce propose demand welcome condemn dismiss highlight back "
    "endorse oppose support accuse blame compare call note report show find suggest echo "
    "identify acknowledge pledge promise vow plan want decline urge implore agree "
    "describe warn insist recall predict estimate recommend label dub express liken "
    "denounce mock invoke reference detail decide encourage view rate"
)
# Left out as verbs of doing rather than of saying or holding a view ('refused to drop the gun',
# 'seeking employment', 'addressed the crowd', 'offered a loan'): refuse seek address offer.
# Verbs whose topic follows a preposition: 'spoke about the war', 'commented on the vote'.
TALK_VERBS = lexicon("speak talk comment complain testify write boast joke brag rail campaign")
TOPIC_PREPOSITIONS = lexicon("for on of about against")
# Verbs of telling and asking: what they report is the listener with what is asked of them ('told
# aides to wait') or what is asked about ('asked the minister about the funds', 'asked for help').
ASK_VERBS = lexicon("tell ask")
ASK_PREPOSITIONS = lexicon("about for")
# Prepositions that complete a stance verb's object: 'X as Y', 'X for Y', 'X of Y', 'X to Y'.
OBJECT_PREPOSITIONS = lexicon("as for of to with over")
# en_core_web_sm lemmatizes these forms to other verbs ('hop', 'rat').
LEMMA_FIXES = {
    **dict.fromkeys(["hoped", "hopes", "hoping"], "hope"),
    **dict.fromkeys(["rated", "rates", "rating"], "rate"),
}
# Words before a colon that label a section, not a speaker ('Editor's note:', 'Related:').
LABEL_WORDS = lexicon(
    "note update related read watch photo video source sources correction see also"
)
RECIPIENT_VERBS = lexicon("tell ask inform urge implore assure warn")  # their object is a listener
# Nouns that name a text someone issued: "the statement" speaks for whoever issued it.
DOCUMENT_NOUNS = lexicon(
    "statement text letter message declaration communique communiqué release remarks speech "
    "post tweet report memo note address transcript announcement document video ad "
    "advertisement study survey poll analysis"
)
PERSON_PRONOUNS = lexicon("he she him her his hers")
GROUP_PRONOUNS = lexicon("it its they them their we our")
SOURCE_LABELS = {"PERSON": "person", "ORG": "org", "NORP": "org", "GPE": "org", "FAC": "org"}
# Nouns of speech and thought that carry what was said in a 'that' clause ('her claim that ...').
SPEECH_NOUNS = lexicon(
    "claim charge allegation accusation assertion argument statement announcement warning "
    "promise pledge vow threat report suggestion insistence contention belief view hope fear "
    "worry concern recognition acknowledgment acknowledgement admission conclusion finding "
    "message assurance prediction estimate complaint denial declaration pronouncement "
    "testimony confession reminder prediction"
)
# Nouns of resolve that carry what is resolved in an infinitive ('his decision to resign'); plain
# undertakings ('an effort to', 'a plan to') are more often the outlet's account than a stance.
INTENT_NOUNS = lexicon(
    "decision promise pledge vow threat call demand determination commitment "
    "intention desire eagerness willingness reluctance agreement"
)
# Verbs whose subject issues the noun they take ('issued a warning that', 'made the claim that').
ISSUING_VERBS = lexicon(
    "make issue repeat voice express deliver announce renew reiterate offer send post publish "
    "file lodge"
)
# Nouns that, in 'in X' or 'by X' opening a clause, name who holds it ('In his view', 'In a poll').
SOURCE_PHRASE_NOUNS = lexicon(
    "view opinion eye words estimate estimation poll survey study judgment assessment "
    "account reckoning mind analysis"
)
# Verbs whose 'that' clause is a condition or a consequence, not a view ('ensure that', 'mean
# that', 'make sure that').
NOT_REPORTING_VERBS = lexicon("ensure mean make require prove guarantee insure ask demand order")
# Adjectives of attitude: said of a subject, their object or infinitive is the subject's stance
# ('critical of the plan', 'worried about the cost', 'eager to talk').
STANCE_ADJECTIVES = lexicon(
    "critical supportive skeptical sceptical wary worried concerned confident proud angry "
    "furious upset optimistic pessimistic hopeful doubtful sure certain convinced opposed eager "
    "keen reluctant unwilling willing fond afraid fearful bullish bearish passionate "
    "enthusiastic dismissive suspicious adamant insistent"
)
STANCE_PREPOSITIONS = lexicon("of about over toward towards on with")
