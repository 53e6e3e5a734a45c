"""Casualty figures (issue 4): the component on hand-built parses, subtotal checks, the MUC
key reading of `evaluate muc_figures`, and (marked `model`) the same rules on real parses."""

from __future__ import annotations

import json

import pytest
import spacy

from dateline.evaluate.muc import parse_keys
from dateline.evaluate.muc_figures import (
    KeyCounts,
    Tally,
    joined,
    key_interval,
    message_keys,
    score_message,
)
from dateline.record import Figure
from dateline.stages.figures import FIGURES, find_figures, subtotal_checks, total_checks
from hand_parses import parsed

pytestmark = pytest.mark.issue(4)


def facts(figures: list[Figure]) -> list[tuple]:
    return [(f.category, f.value, f.qualifier, f.group, f.part_of) for f in figures]


# --- hand-built parses (no trained model) -------------------------------------------------

PASSIVE = """
12 NUM CD nummod 1
people NOUN NNS nsubjpass 3
were AUX VBD auxpass 3 be
killed VERB VBN ROOT 3 kill
"""


def test_passive_count_with_its_raw_span():
    doc = parsed(PASSIVE)
    [figure] = find_figures(doc)
    assert facts([figure]) == [("killed", 12, "exact", None, None)]
    assert (figure.start, figure.end, figure.text) == (0, 21, "12 people were killed")
    assert doc.text[figure.start : figure.end] == figure.text


def test_active_form_in_capitals_with_a_failed_lemma():
    doc = parsed("""
THE DET DT det 1
BOMB NOUN NN nsubj 2
EXPLODED VERB VBD ROOT 2
, PUNCT , punct 2
KILLING VERB VBG advcl 2 killing
THREE NUM CD nummod 6
SOLDIERS NOUN NNS dobj 4
""")
    assert facts(find_figures(doc)) == [("killed", 3, "exact", "soldiers", None)]


def test_no_one_was_hurt_is_a_figure_of_zero():
    doc = parsed("""
No DET DT det 1
one NOUN NN nsubjpass 3
was AUX VBD auxpass 3 be
hurt VERB VBN ROOT 3 hurt
""")
    [figure] = find_figures(doc)
    assert (figure.category, figure.value, figure.text) == ("injured", 0, "No one was hurt")


def test_a_named_victim_is_one_killed():
    doc = parsed("""
Father PROPN NNP compound 2
Ignacio PROPN NNP compound 2
Ellacuria PROPN NNP nsubjpass 4
was AUX VBD auxpass 4 be
murdered VERB VBN ROOT 4 murder
""")
    [figure] = find_figures(doc)
    assert (figure.category, figure.value) == ("killed", 1)
    assert figure.text == "Father Ignacio Ellacuria was murdered"


def test_a_soldier_is_one():
    doc = parsed("""
A DET DT det 1
soldier NOUN NN nsubjpass 3
was AUX VBD auxpass 3 be
wounded VERB VBN ROOT 3 wound
""")
    assert facts(find_figures(doc)) == [("injured", 1, "exact", "soldiers", None)]


BREAKDOWN = """
613 NUM CD nummod 1
residents NOUN NNS nsubjpass 3 resident
were AUX VBD auxpass 3 be
killed VERB VBN ROOT 3 kill
, PUNCT , punct 3
including VERB VBG prep 3 include
63 NUM CD nummod 7
children NOUN NNS pobj 5 child
and CCONJ CC cc 7
106 NUM CD nummod 10
women NOUN NNS conj 7 woman
"""


def test_breakdown_points_at_its_total_and_is_not_added():
    figures = find_figures(parsed(BREAKDOWN))
    assert facts(figures) == [
        ("killed", 613, "exact", "residents", None),
        ("killed", 63, "exact", "children", 0),
        ("killed", 106, "exact", "women", 0),
    ]
    assert [f.text for f in figures[1:]] == ["63 children", "106 women"]


def test_coordinated_victims_are_summed_with_their_parts():
    doc = parsed("""
two NUM CD nummod 1
peasants NOUN NNS nsubjpass 6 peasant
and CCONJ CC cc 1
a DET DT det 4
child NOUN NN conj 1
were AUX VBD auxpass 6 be
killed VERB VBN ROOT 6 kill
""")
    assert facts(find_figures(doc)) == [
        ("killed", 3, "exact", None, None),
        ("killed", 2, "exact", "peasants", 0),
        ("killed", 1, "exact", "children", 0),
    ]


THREAT = """
The DET DT det 1
rebels NOUN NNS nsubj 2 rebel
threatened VERB VBD ROOT 2 threaten
to PART TO aux 4
kill VERB VB xcomp 2 kill
20 NUM CD nummod 6
people NOUN NNS dobj 4
"""
DENIAL = """
The DET DT det 1
army NOUN NN nsubj 2
denied VERB VBD ROOT 2 deny
killing VERB VBG xcomp 2 kill
12 NUM CD nummod 5
civilians NOUN NNS dobj 3 civilian
"""
HYPOTHETICAL = """
The DET DT det 1
bomb NOUN NN nsubj 4
could AUX MD aux 4
have AUX VB aux 4
killed VERB VBN ROOT 4 kill
hundreds NOUN NNS dobj 4 hundred
"""
NEGATED = """
The DET DT det 1
soldiers NOUN NNS nsubj 4 soldier
did AUX VBD aux 4 do
not PART RB neg 4
kill VERB VB ROOT 4 kill
5 NUM CD nummod 6
peasants NOUN NNS dobj 4 peasant
"""


@pytest.mark.parametrize("rows", [THREAT, DENIAL, HYPOTHETICAL, NEGATED])
def test_threats_denials_hypotheticals_and_negations_are_not_figures(rows):
    assert find_figures(parsed(rows)) == []


@pytest.mark.parametrize(
    ("number", "tag"),
    [("1992", "CD"), ("366th", "JJ"), ("1st", "JJ"), ("10:30", "CD"), ("40%", "CD")],
)
def test_years_times_ordinals_and_percentages_are_never_counts(number, tag):
    doc = parsed(f"""
killed VERB VBN ROOT 0 kill
{number} NUM {tag} dobj 0
""")
    assert find_figures(doc) == []


def test_conflicting_figures_are_all_kept():
    doc = parsed("""
12 NUM CD nummod 1
people NOUN NNS nsubjpass 3
were AUX VBD auxpass 3 be
killed VERB VBN ROOT 3 kill
; PUNCT : punct 3
15 NUM CD nummod 6
people NOUN NNS nsubjpass 8
were AUX VBD auxpass 8 be
killed VERB VBN conj 3 kill
""")
    figures = find_figures(doc)
    assert [(f.value, f.text) for f in figures] == [
        (12, "12 people were killed"),
        (15, "15 people were killed"),
    ]
    [check] = total_checks(figures)
    assert check.status == "inconsistent" and check.detail == "killed reported as 12, 15"


def test_component_declares_its_extension_and_what_it_needs():
    nlp = spacy.blank("en")
    nlp.add_pipe("dateline_figures")
    meta = nlp.get_pipe_meta("dateline_figures")
    assert meta.assigns == [f"doc._.{FIGURES}"]
    assert "token.dep" in meta.requires
    doc = nlp(parsed(PASSIVE))
    assert facts(doc._.get(FIGURES)) == [("killed", 12, "exact", None, None)]


# --- checks -------------------------------------------------------------------------------


def figure(value, part_of=None, qualifier="exact", high=None):
    return Figure("killed", value, None, high, qualifier, None, part_of, 0, 1, "x")


def test_subtotal_within_its_total_is_consistent():
    figures = [figure(613), figure(63, 0), figure(106, 0), figure(70, 0)]
    [check] = subtotal_checks(figures)
    assert check.kind == "subtotal" and check.status == "consistent"
    assert check.detail == "63 + 106 + 70 = 239, not more than 613 killed"
    assert len(check.evidence) == 4


def test_subtotal_above_its_total_is_inconsistent():
    [check] = subtotal_checks([figure(10), figure(8, 0), figure(5, 0)])
    assert check.status == "inconsistent" and check.detail == "8 + 5 = 13, more than 10 killed"


def test_an_open_ended_total_has_no_subtotal_check():
    assert subtotal_checks([figure(10, qualifier="at_least"), figure(12, 0)]) == []


def test_agreeing_totals_are_consistent():
    [check] = total_checks([figure(40), figure(40)])
    assert check.status == "consistent"


# --- MUC keys for `dateline evaluate muc_figures` -----------------------------------------

KEY = """\
0.  MESSAGE: ID                     DEV-MUC3-9999 (TEST)
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  03 JAN 90
4.  INCIDENT: TYPE                  ATTACK
19. HUM TGT: DESCRIPTION            "PEASANTS"
                                    "SOLDIER"
                                    "MAYOR"
21. HUM TGT: NUMBER                 6-8: "PEASANTS"
                                    1: "SOLDIER"
                                    ? 1: "MAYOR"
23. HUM TGT: EFFECT OF INCIDENT     DEATH: "PEASANTS"
                                    INJURY: "SOLDIER"
                                    DEATH: "MAYOR"
                                    NO INJURY: "-"
"""


@pytest.mark.parametrize(
    ("fill", "interval"),
    [("6", (6, 6)), ("6-8", (6, 8)), ("6-", (6, 6)), ("~100", (100, 100)), ("-26", (1, 26)),
     ("7 (5-10)", (7, 7)), ("PLURAL", None)],
)  # fmt: skip
def test_key_number_fills(fill, interval):
    assert key_interval(fill) == interval


def test_key_counts_join_number_and_effect_and_skip_optional_fills():
    keys = message_keys(parse_keys(KEY))
    assert keys.relevant
    assert keys.required["killed"] == [(6, 8)]
    assert keys.required["injured"] == [(1, 1)]
    assert (1, 1) in keys.accepted["killed"] and (0, 0) in keys.accepted["injured"]


def test_message_scoring_counts_recall_and_precision():
    keys = message_keys(parse_keys(KEY))
    predicted = [
        Figure("killed", 7, None, None, "exact", None, None, 0, 1, "7 peasants killed"),
        Figure("injured", 3, None, None, "exact", None, None, 0, 1, "3 hurt"),
    ]
    tally = Tally()
    score_message(tally, "DEV-MUC3-9999", keys, predicted)
    assert (tally.keys["killed"], tally.found["killed"]) == (1, 1)
    assert (tally.keys["injured"], tally.found["injured"]) == (1, 0)
    assert (tally.predicted["injured"], tally.correct["injured"]) == (1, 0)
    score_message(tally, "DEV-MUC3-0000", KeyCounts(), [])
    assert tally.messages == 2


def test_a_vague_figure_is_plural_and_not_scored():
    hundreds = Figure("killed", 100, None, None, "vague", None, None, 0, 8, "hundreds")
    tally = Tally()
    score_message(tally, "DEV-MUC3-9999", message_keys(parse_keys(KEY)), [hundreds])
    assert tally.predicted["killed"] == 0


LUMPED_KEY = """\
0.  MESSAGE: ID                     DEV-MUC3-9998 (TEST)
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  03 JAN 90
4.  INCIDENT: TYPE                  BOMBING
19. HUM TGT: DESCRIPTION            "VILLAGERS"
                                    "TOURISTS"
                                    "TOURISTS"
21. HUM TGT: NUMBER                 9: "VILLAGERS"
                                    2: "TOURISTS"
                                    4: "TOURISTS"
23. HUM TGT: EFFECT OF INCIDENT     DEATH: "VILLAGERS"
                                    INJURY: "VILLAGERS"
                                    DEATH: "TOURISTS"
                                    INJURY: "TOURISTS"
24. HUM TGT: TOTAL NUMBER           15
"""


def casualty(category: str, value: int) -> Figure:
    return Figure(category, value, None, None, "exact", None, None, 0, 1, str(value))


def test_repeated_descriptions_pair_with_their_effects_in_order():
    keys = message_keys(parse_keys(LUMPED_KEY))
    assert (2, 2) in keys.required["killed"] and (2, 2) not in keys.accepted["injured"]
    assert (4, 4) in keys.required["injured"] and (4, 4) not in keys.accepted["killed"]


def test_one_number_with_both_effects_counts_killed_and_injured_together():
    keys = message_keys(parse_keys(LUMPED_KEY))
    assert keys.lumped == [(9, 9), (15, 15)]  # the total too: the template has both effects
    assert (9, 9) in keys.required["killed"] and (9, 9) in keys.required["injured"]
    tally = Tally()
    score_message(tally, "DEV-MUC3-9998", keys, [casualty("killed", 6), casualty("injured", 3)])
    assert (tally.correct["killed"], tally.correct["injured"]) == (1, 1)  # 6 + 3 = 9
    assert tally.found["killed"] == 1 and tally.found["injured"] == 1


def test_a_split_must_add_up():
    tally = Tally()
    keys = message_keys(parse_keys(LUMPED_KEY))
    score_message(tally, "DEV-MUC3-9998", keys, [casualty("killed", 5), casualty("injured", 3)])
    assert (tally.correct["killed"], tally.correct["injured"]) == (0, 0)


def test_the_total_number_is_accepted_but_never_required():
    # of a template of one category, the total counts in it
    keys = message_keys(parse_keys(BREAKDOWN_KEY + "24. HUM TGT: TOTAL NUMBER           9\n"))
    assert (9, 9) in keys.accepted["killed"] and (9, 9) not in keys.required["killed"]
    # of killed and injured, it counts them together
    keys = message_keys(parse_keys(LUMPED_KEY))
    assert (15, 15) in keys.lumped and (15, 15) not in keys.accepted["killed"]


# --- real parses (the installed model) ----------------------------------------------------


@pytest.fixture(scope="module")
def nlp(figures_nlp):
    return figures_nlp  # the model with the figures stage alone (conftest)


def found(nlp, text: str) -> list[tuple]:
    return [(f.category, f.value, f.low, f.high, f.qualifier) for f in nlp(text)._.get(FIGURES)]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The bomb exploded, killing 12 people.", [("killed", 12, None, None, "exact")]),
        ("THE BOMB EXPLODED, KILLING TWELVE PEOPLE.", [("killed", 12, None, None, "exact")]),
        ("Five people were wounded.", [("injured", 5, None, None, "exact")]),
        ("The blast left 3 dead.", [("killed", 3, None, None, "exact")]),
        ("The death toll rose to 40.", [("killed", 40, None, None, "exact")]),
        ("Among the dead were two peasants and a child.", [("killed", 3, None, None, "exact"),
         ("killed", 2, None, None, "exact"), ("killed", 1, None, None, "exact")]),
        ("The explosion claimed the lives of 15 soldiers.", [("killed", 15, None, None, "exact")]),
        ("One logger was shot but survived.", [("injured", 1, None, None, "exact")]),
        ("Father Ignacio Ellacuria was murdered.", [("killed", 1, None, None, "exact")]),
        ("No one was hurt in the blast.", [("injured", 0, None, None, "exact")]),
        ("Not a single person was killed in the city.", [("killed", 0, None, None, "exact")]),
        ("Not one soldier was hurt.", [("injured", 0, None, None, "exact")]),
        ("At least 5 people were killed.", [("killed", 5, 5, None, "at_least")]),
        ("Up to 30 people were injured.", [("injured", 30, None, 30, "at_most")]),
        ("About 50 peasants were kidnapped.", [("abducted", 50, None, None, "about")]),
        ("The attack left 10 to 15 people dead.", [("killed", None, 10, 15, "range")]),
        ("Dozens of civilians were killed.", [("killed", 12, None, None, "vague")]),
        ("Twenty-three soldiers were taken hostage.", [("abducted", 23, None, None, "exact")]),
        ("Police arrested 25 demonstrators.", [("arrested", 25, None, None, "exact")]),
        ("Neither the driver nor his wife was hurt.", [("injured", 0, None, None, "exact")]),
        ("Two reporters who were killed yesterday were buried.",
         [("killed", 2, None, None, "exact")]),
        ("Following Rodriguez Porth's death, groups met.", [("killed", 1, None, None, "exact")]),
        ("Five of the kidnapped priests were killed.", [("killed", 5, None, None, "exact")]),
        # a harm word describing victims known already, counted through "of", reports nothing
        ("Five of the murdered priests were Spanish.", []),
        ("On 23 September 28 bodies were found.", [("killed", 28, None, None, "exact")]),
        ("They said that on 23 September 28 bodies of peasants were found.",
         [("killed", 28, None, None, "exact")]),
        ("Thirtythree seamen have been injured.", [("injured", 33, None, None, "exact")]),
        ("Four people were killed and 35 wounded.", [("killed", 4, None, None, "exact"),
         ("injured", 35, None, None, "exact")]),
        ("They condemned the murder of six Jesuits.", [("killed", 6, None, None, "exact")]),
        ("He was beaten to death.", [("killed", 1, None, None, "exact")]),
        ("Eight families were wiped out.", [("other", 8, None, None, "exact")]),
        ("One person suffered minor injuries.", [("injured", 1, None, None, "exact")]),
        ("The bombing left 31 dead and more than 1,000 injured.",
         [("killed", 31, None, None, "exact"), ("injured", 1000, 1000, None, "at_least")]),
        ("We must condemn the murder of a member of the police.",
         [("killed", 1, None, None, "exact")]),
        ("An American who was injured in the blast died.", [("injured", 1, None, None, "exact"),
         ("killed", 1, None, None, "exact")]),
        ("Among the injured are two girls.", [("injured", 2, None, None, "exact")]),
        ("The court sentenced him to death.", []),
        ("The bomb could leave hundreds dead.", []),
        ("The storm could cause hundreds of deaths.", []),
        ("The rebels plan to kill the judge.", []),
        ("If the dam breaks, it will kill thousands.", []),
        ("The rebels threatened to kill hundreds.", []),
        ("The army denied killing the mayor.", []),
        ("The bomb could kill hundreds of people.", []),
        ("The 366th Motor Rifle Regiment attacked the town in 1992.", []),
        ("Soldiers of the 1st Battalion patrolled the area at 10:30.", []),
        ("A 25-year-old man paid $500, a 40% rise; call 555-1234.", []),
    ],
)  # fmt: skip
def test_forms_on_real_parses(nlp, text, expected):
    assert found(nlp, text) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "About 9,000 people have been killed in the province since 1992.",
        "Since the party was founded, nearly 300 of its members have been murdered.",
        "More than 2,000 people have died in the region during 12 years of civil war.",
        "Four teachers have been killed by the militia so far this year.",
        "The insurgency has killed more than 20,000 people.",
        "During March more than 200 people were killed in the country.",
        "During the long civil war, 40,000 people have died.",
        "Of the victims, 500 have died during 2003.",
        "The country has endured a civil war in which more than 30,000 people have died.",
        "The rebels are responsible for the deaths of at least 400 people this year.",
        "Officials said 90 people have been killed and 150 wounded since the uprising began.",
        "The rebel offensive, which has left more than 300 dead, entered its second week.",
        "The conflict, which has claimed almost 40,000 lives, continues.",
        "A civil war that has left over 50,000 dead in 8 years ended.",
        "The raids carried out in the city over the past 10 days have killed 3 people and "
        "wounded 25 others.",
        "In the mountains over the last 6 years, more than 80 people have disappeared and "
        "about 30 have been killed.",
        # a line break makes "killed" a conjunct of "carried" and "wounded" one of "killed"
        "According to the police report, the bombings carried\nout in Cali over the past 9 "
        "days have killed 3 people and wounded\nat least 14 others.",
        # "which" hung on the day the offensive began
        "Smoke rose over the suburb because of the rebel offensive begun on Monday, which has "
        "left more than 300 dead and 500 wounded.",
    ],
)
def test_running_totals_are_no_incident_figures(nlp, text):
    assert found(nlp, text) == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Three hostages have been held since Monday.", [("abducted", 3)]),
        ("Five people were killed in the attack on the village over the weekend.",
         [("killed", 5)]),
        ("Two soldiers died in the ambush in 1989.", [("killed", 2)]),
        ("The bomb killed 4 people in the market during the morning rush.", [("killed", 4)]),
    ],
)  # fmt: skip
def test_one_incident_dated_or_timed_is_not_a_running_total(nlp, text, expected):
    assert [(category, value) for category, value, *_ in found(nlp, text)] == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The gang has sworn to kill 5 officials for every arrest.", []),
        ("They went to the village to kill two farmers.", []),
        ("The group had the mission of assassinating three judges.", []),
        ("The gunmen began to kill the passengers, and 6 people were killed.", [("killed", 6)]),
    ],
)
def test_harm_meant_is_not_harm_done(nlp, text, expected):
    assert [(category, value) for category, value, *_ in found(nlp, text)] == expected


@pytest.mark.model
def test_the_cause_a_small_clause_names_is_no_victim(nlp):
    doc = nlp("A grenade attack that left three children injured was reported.")
    figures = doc._.get(FIGURES)
    assert [(f.category, f.value, f.group) for f in figures] == [("injured", 3, "children")]


@pytest.mark.model
def test_an_apposition_restating_a_count_is_its_breakdown_not_more_victims(nlp):
    doc = nlp("Three other civilians, two women and a man, also died.")
    figures = doc._.get(FIGURES)
    assert [(f.value, f.part_of) for f in figures] == [(3, None), (2, 0), (1, 0)]
    listed = nlp("One police captain, three soldiers, and two farmers were killed in the attack.")
    assert [f.value for f in listed._.get(FIGURES)] == [6, 1, 3, 2]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He was calling for the assassination of the president.", []),
        ("The bombing resulted in the injury of five people and millions in losses.",
         [("injured", 5)]),
        ("Gunmen fired on the bus, an attack that left six passengers wounded near the border.",
         [("injured", 6)]),
    ],
)  # fmt: skip
def test_no_victims_in_calls_sums_of_money_or_attacks(nlp, text, expected):
    assert [(category, value) for category, value, *_ in found(nlp, text)] == expected


@pytest.mark.model
def test_the_losses_a_force_sustained_are_its_members(nlp):
    doc = nlp("The army sustained 9 dead and 12 wounded in the attack on the garrison.")
    assert [(f.category, f.value, f.group) for f in doc._.get(FIGURES)][:1] == [
        ("killed", 9, "soldiers")
    ]


@pytest.mark.model
def test_a_second_count_is_not_read_onto_the_first(nlp):
    doc = nlp("There are 26 dead and 65 wounded among the army ranks.")
    assert [(f.category, f.value) for f in doc._.get(FIGURES)] == [("killed", 26), ("injured", 65)]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("There are already more than 100 dead or wounded because of the attacks.",
         [("other", 100)]),
        ("Officials said 300 people have been killed or injured in the blast.", [("other", 300)]),
        ("Five people were killed and 12 wounded.", [("killed", 5), ("injured", 12)]),
    ],
)  # fmt: skip
def test_dead_or_wounded_is_a_count_of_casualties(nlp, text, expected):
    assert [(category, value) for category, value, *_ in found(nlp, text)] == expected


@pytest.mark.model
def test_perpetrators_killed_are_counted_as_militants(nlp):
    doc = nlp("Police killed four kidnappers during the rescue.")
    assert [(f.value, f.group) for f in doc._.get(FIGURES)] == [(4, "militants")]


@pytest.mark.model
def test_conflicting_figures_in_one_article_are_all_kept(nlp):
    doc = nlp("Officials said 40 people were killed. Rebels said 55 people were killed.")
    assert [f.value for f in doc._.get(FIGURES)] == [40, 55]


@pytest.mark.model
def test_example_article_figures_match_gold(nlp, shared_dir):
    name = "000_9687f610f3c770fd"
    record = json.loads((shared_dir / "gold" / f"{name}.json").read_text())
    gold = record["events"][0]
    doc = nlp((shared_dir / "corpus" / f"{name}.txt").read_text())
    figures = doc._.get(FIGURES)
    main = [f for f in figures if f.category != "other"]
    other = [f for f in figures if f.category == "other"]
    assert [(f.category, f.value, f.group) for f in main] == [
        (g["category"], g["value"], g.get("group")) for g in gold["figures"]
    ]
    killed = next(i for i, f in enumerate(main) if f.category == "killed" and f.part_of is None)
    expected_parts = [killed if "part_of" in g else None for g in gold["figures"]]
    assert [f.part_of for f in main] == expected_parts
    assert [f.value for f in other] == [g["value"] for g in gold["other_figures"]]
    assert [(f.text, f.qualifier) for f in main if f.category == "missing"] == [
        ("the fate of many remains unknown", "vague")
    ]
    [check] = subtotal_checks(figures)
    assert check.status == "consistent"
    assert check.detail == next(c["detail"] for c in record["checks"] if c["kind"] == "subtotal")
    text = doc.text
    assert all(text[f.start : f.end] == f.text for f in figures)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a participle joined to an active verb of something else shares no victims with it
        ("The army has given no figures on the dead and injured.", []),
        ("The rebels claimed the attack but provided no details on the dead and wounded.", []),
        ("Two men were shot and wounded.", [("injured", 2, None)]),
        # none of the worst harm is not none at all
        ("Nobody was seriously injured in the blast.", []),
        ("No one was hurt in the blast.", [("injured", 0, None)]),
        # what there could be has not happened
        ("Officials said there could be more than 200 wounded civilians.", []),
        # a title's body is no organisation's name
        ("A bomb killed University Rector Juan Perez.", [("killed", 1, None)]),
        ("Three guerrilla fighters died in the clash.", [("killed", 3, "militants")]),
    ],
)
def test_no_figure_from_other_verbs_severity_or_possibility(nlp, text, expected):
    figures = nlp(text)._.get(FIGURES)
    assert [(f.category, f.value, f.group) for f in figures] == expected


BREAKDOWN_KEY = """\
0.  MESSAGE: ID                     DEV-MUC3-9997 (TEST)
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  03 JAN 90
4.  INCIDENT: TYPE                  ATTACK
19. HUM TGT: DESCRIPTION            "MONKS"
                                    "COOKS"
                                    "DRIVER"
21. HUM TGT: NUMBER                 4: "MONKS"
                                    3: "COOKS"
                                    1: "DRIVER"
23. HUM TGT: EFFECT OF INCIDENT     DEATH: "MONKS"
                                    DEATH: "COOKS"
                                    DEATH: "DRIVER"
"""


def part(value: int, total: int | None) -> Figure:
    return Figure("killed", value, None, None, "exact", None, total, 0, 1, str(value))


def correct_killed(figures: list[Figure]) -> int:
    tally = Tally()
    score_message(tally, "DEV-MUC3-9997", message_keys(parse_keys(BREAKDOWN_KEY)), figures)
    return tally.correct["killed"]


def test_a_part_of_a_right_total_is_right():
    assert correct_killed([part(8, None), part(2, 0)]) == 2  # "8 killed, 2 of them monks"
    assert correct_killed([part(9, None), part(2, 0)]) == 0  # the total is wrong: so is it


def test_a_total_of_groups_keyed_one_by_one_is_right():
    assert correct_killed([part(7, None), part(4, 0), part(3, 0)]) == 3  # "4 monks and 3 cooks"
    assert correct_killed([part(5, None), part(4, 0), part(1, 0)]) == 3  # each keyed
    # a list of single people is left to the keys' sums: any "1" matches some victim
    assert correct_killed([part(2, None), part(1, 0), part(1, 0)]) == 2
    # parts must each have a key count of their own
    assert correct_killed([part(6, None), part(3, 0), part(3, 0)]) == 2


def test_joined_event_figures_point_at_their_totals():
    first = [part(8, None), part(2, 0)]
    second = [part(5, None), part(4, 0), part(1, 0)]
    flat = joined([(first, first), (second, second[1:])])  # the second total is not scored
    assert [f.part_of for f in flat] == [None, 0, None, None]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Soldier Raul Durango was wounded.", [("injured", 1, "soldiers")]),
        ("Gunmen killed Army Lieutenant Roberto Reed.", [("killed", 1, "soldiers")]),
        # a plural title heads every name of its list; a singular one its own name only
        ("Policemen Gabriel Garay and Henry Moreno were injured.",
         [("injured", 2, "police"), ("injured", 1, "police"), ("injured", 1, "police")]),
        ("Gunmen killed Juan Perez and policeman Henry Moreno.",
         [("killed", 2, None), ("killed", 1, None), ("killed", 1, "police")]),
        # the force whose losses a clause lists
        ("Among the terrorists there are 655 dead and 491 wounded.",
         [("killed", 655, "militants"), ("injured", 491, "militants")]),
        ("The armed forces have sustained the following: 177 dead and 251 wounded.",
         [("killed", 177, "soldiers"), ("injured", 251, "soldiers")]),
    ],
)  # fmt: skip
def test_titles_and_forces_name_the_victims_group(nlp, text, expected):
    figures = nlp(text)._.get(FIGURES)
    assert [(f.category, f.value, f.group) for f in figures] == expected


@pytest.mark.model
def test_an_age_after_a_name_is_no_other_victim(nlp):
    doc = nlp("Police said Ana Gomez, age 34 and the mother of two, died in the blast.")
    assert [(f.category, f.value) for f in doc._.get(FIGURES)] == [("killed", 1)]
    listed = nlp("The rebels killed Jose Ramirez, the two guards and a driver.")
    assert [f.value for f in listed._.get(FIGURES)] == [4, 1, 2, 1]


@pytest.mark.model
def test_the_wounded_who_died_after_the_attack_are_counted_dead(nlp):
    doc = nlp("Perez died on Friday, a week after an ambush in which he was seriously wounded.")
    assert [(f.category, f.value) for f in doc._.get(FIGURES)] == [("killed", 1)]


@pytest.mark.model
def test_a_tail_that_adds_up_to_the_list_before_it_restates_it(nlp):
    doc = nlp(
        "Priests Juan Perez, Luis Gomez, Pedro Ruiz, and Jose Diaz, the first three Spaniards "
        "and the last a Peruvian, were killed on Monday."
    )
    figures = doc._.get(FIGURES)
    assert [f.value for f in figures if f.part_of is None] == [4]
    listed = nlp("A colonel and a judge, a soldier and a driver were killed.")
    assert [f.value for f in listed._.get(FIGURES) if f.part_of is None] == [4]
