"""Casualty figures (issue 4): words the parser takes for victims that are none (speaker tags,
place headings), running totals the parser splits from their period, the wounded who died
later, and the MUC key conventions `evaluate muc_figures` reads (descriptions that name the
effect, an unbalanced quote)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from dateline.evaluate.muc import parse_keys
from dateline.evaluate.muc_figures import Tally, message_keys, score_message
from dateline.record import Figure
from dateline.stages.figures import FIGURES, find_figures
from hand_parses import parsed

pytestmark = pytest.mark.issue(4)


def values(doc: Doc) -> list[tuple]:
    return [(f.category, f.value, f.part_of) for f in find_figures(doc)]


# --- headings the parser takes for subjects (hand-built parses, as the parser gave them) ----

# "[Mendez] among the injured are Pedro Gomez and Ana Ruiz": the speaker's name in brackets
# hung on the verb as a second subject.
SPEAKER_TAG = """
[ X XX dep 4
Mendez PROPN NNP nsubj 4
] X XX dep 4
among ADP IN prep 4
are AUX VBP ROOT 4 be
the DET DT det 6
injured VERB VBN pobj 3 injure
Pedro PROPN NNP compound 8
Gomez PROPN NNP nsubj 4
and CCONJ CC cc 8
Ana PROPN NNP compound 11
Ruiz PROPN NNP conj 8
"""

# "Cali -- two persons were wounded": a place heading set off by a dash, parsed as a subject.
PLACE_HEADING = """
Cali PROPN NNP nsubjpass 6
-- PUNCT : punct 6
two NUM CD nummod 3
persons NOUN NNS nsubjpass 6
were AUX VBD auxpass 6 be
badly ADV RB advmod 6
wounded VERB VBN ROOT 6 wound
"""

# "Gomez and Ruiz were also badly wounded": a list of names, no heading, keeps both.
LISTED_NAMES = """
Gomez PROPN NNP nsubjpass 6
and CCONJ CC cc 0
Ruiz PROPN NNP conj 0
were AUX VBD auxpass 6 be
also ADV RB advmod 6
badly ADV RB advmod 6
wounded VERB VBN ROOT 6 wound
"""


def test_a_speaker_tag_in_brackets_is_no_victim():
    doc = parsed(SPEAKER_TAG)
    assert values(doc) == [("injured", 2, None), ("injured", 1, 0), ("injured", 1, 0)]
    assert "Mendez" not in [f.text for f in find_figures(doc)]


def test_a_place_heading_before_a_dash_is_no_victim():
    assert values(parsed(PLACE_HEADING)) == [("injured", 2, None)]
    both = [("injured", 2, None), ("injured", 1, 0), ("injured", 1, 0)]
    assert values(parsed(LISTED_NAMES)) == both


# "Perez, rector of the college; Gomez and Ruiz were killed": the post after a name, miscased
# as a name and parsed as an apposition in a list that goes on.
POST_IN_A_LIST = """
Perez PROPN NNP nsubjpass 11
, PUNCT , punct 0
Rector PROPN NNP appos 0
of ADP IN prep 2
the DET DT det 5
college NOUN NN pobj 3
; PUNCT : punct 0
Gomez PROPN NNP conj 0
and CCONJ CC cc 7
Ruiz PROPN NNP conj 7
were AUX VBD auxpass 11 be
killed VERB VBN ROOT 11 kill
"""


def test_a_post_after_a_name_is_no_other_victim():
    totals = [value for _, value, part_of in values(parsed(POST_IN_A_LIST)) if part_of is None]
    assert totals == [3]  # a determined noun can be one ("Jose Ramirez, the two guards and
    # a driver", in test_figures)


# --- real parses (the installed model) ----------------------------------------------------


@pytest.fixture(scope="module")
def nlp(figures_nlp):
    return figures_nlp  # the model with the figures stage alone (conftest)


def found(nlp, text: str) -> list[tuple]:
    return [(f.category, f.value, f.group) for f in nlp(text)._.get(FIGURES)]


@pytest.mark.model
def test_a_bomb_of_one_day_is_no_prolonged_cause(nlp):
    text = "The car bomb planted on Monday, which has left 3 dead and 5 wounded, was the cartel's."
    assert found(nlp, text) == [("killed", 3, None), ("injured", 5, None)]


@pytest.mark.model
def test_a_person_a_running_total_names_is_a_victim(nlp):
    text = (
        "The bombings carried out in Cali over the past 9 days have killed 3 people and "
        "wounded at least 14 others, including reporter Ana Ruiz."
    )
    assert found(nlp, text) == [("injured", 1, "journalists")]


@pytest.mark.model
def test_the_wounded_who_died_later_however_after_is_parsed(nlp):
    # the parser hangs "after" on "spoke", not on "died"
    text = (
        "Ruiz spoke at the funeral of the judge who died on Sunday, 12 days after an attack in "
        "which he was seriously wounded."
    )
    assert [(c, v) for c, v, _ in found(nlp, text)] == [("killed", 1)]
    # many dead are not the "he" wounded later
    text = "The mayor died on Monday, and after the funeral his driver was wounded in an attack."
    assert [(c, v) for c, v, _ in found(nlp, text)] == [("killed", 1), ("injured", 1)]


# --- MUC key conventions for `dateline evaluate muc_figures` -------------------------------

DESCRIBED_KEY = """\
0.  MESSAGE: ID                     DEV-MUC3-9996 (TEST)
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  03 JAN 90
4.  INCIDENT: TYPE                  BOMBING
19. HUM TGT: DESCRIPTION            "PEOPLE"
                                    "INJURED"
21. HUM TGT: NUMBER                 5: "PEOPLE"
                                    9: "INJURED"
23. HUM TGT: EFFECT OF INCIDENT     DEATH: "PEOPLE"
"""

UNBALANCED_KEY = """\
0.  MESSAGE: ID                     DEV-MUC3-9995 (TEST)
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  03 JAN 90
4.  INCIDENT: TYPE                  ATTACK
19. HUM TGT: DESCRIPTION            "3 FARMERS" / "FARMERS"
21. HUM TGT: NUMBER                 3: "3 FARMERS" / "FARMERS"
23. HUM TGT: EFFECT OF INCIDENT     INJURY: "3 FARMERS / "FARMERS"
"""


def scored(key: str, figures: list[Figure]) -> Tally:
    tally = Tally()
    score_message(tally, "DEV-MUC3-9990", message_keys(parse_keys(key)), figures)
    return tally


def injured(value: int) -> Figure:
    return Figure("injured", value, None, None, "exact", None, None, 0, 1, str(value))


def test_a_description_that_names_the_effect_gives_its_category():
    keys = message_keys(parse_keys(DESCRIBED_KEY))
    assert keys.required["injured"] == [(9, 9)] and keys.required["killed"] == [(5, 5)]
    tally = scored(DESCRIBED_KEY, [injured(9)])
    assert (tally.found["injured"], tally.correct["injured"]) == (1, 1)


def test_an_unbalanced_quote_in_an_effect_still_joins_its_number():
    keys = message_keys(parse_keys(UNBALANCED_KEY))
    assert keys.required["injured"] == [(3, 3)]
    assert scored(UNBALANCED_KEY, [injured(3)]).correct["injured"] == 1


@pytest.mark.model
def test_one_more_description_after_an_age_names_no_one_else(nlp):
    text = (
        "Police confirmed that Ana Gomez,\nage 34 and the mother of two, died from head injuries."
    )
    assert [(c, v) for c, v, _ in found(nlp, text)] == [("killed", 1)]


@pytest.mark.model
def test_an_officer_listed_with_soldiers_is_a_soldier(nlp):
    text = "In the attack 5 soldiers were killed, while 1 officer and 14 soldiers were wounded."
    assert found(nlp, text)[:2] == [("killed", 5, "soldiers"), ("injured", 15, "soldiers")]
    assert found(nlp, "Two officers and a civilian were wounded.")[1] == ("injured", 2, "police")


@pytest.mark.model
def test_none_of_all_time_is_no_incident_figure(nlp):
    assert found(nlp, "No priest has ever been jailed or murdered in this country.") == []
    text = "Nobody has ever been killed by such a bomb, and no one was hurt on Monday."
    assert found(nlp, text) == [("injured", 0, None)]


@pytest.mark.model
def test_a_description_between_two_names_is_the_first_ones(nlp):
    text = "The attack resulted in the death of nuns Ana Ruiz, a Spanish citizen, and Maria Vega."
    assert [v for c, v, g in found(nlp, text)] == [2, 1, 1]
    # between a name and a noun it may be one more: "Galan, a colonel, and a judge"
    assert found(nlp, "Gunmen killed Galan, a colonel, and a judge.")[0] == ("killed", 3, None)
