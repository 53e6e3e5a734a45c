"""Case repair for all-capitals text: same length always, English casing where the statistics allow.

Most tests use a small hand-written lexicon, so they need neither the trained spaCy weights nor
the `truecase` package; the few that read the package's statistics say so in their name.
"""

from __future__ import annotations

import importlib.util

import pytest
from hypothesis import given
from hypothesis import strategies as st
from spacy.vocab import Vocab

from dateline import casing
from dateline.casing import needs_truecasing, truecase

# The written forms a small news corpus would prefer (lowercase key -> form).
LEXICON = {
    "the": "the", "a": "a", "of": "of", "in": "in", "and": "and", "by": "by", "on": "on",
    "were": "were", "was": "was", "killed": "killed", "wounded": "wounded", "said": "said",
    "attack": "attack", "near": "near", "police": "police", "two": "two", "soldiers": "soldiers",
    "guerrillas": "guerrillas", "army": "army", "today": "today", "may": "may",
    "national": "national", "liberation": "liberation", "front": "front",
    "department": "department",
    "gen.": "Gen.", "u.s.": "U.S.", "a.m.": "a.m.", "nato": "NATO", "january": "January",
    "i": "I", "an": "an", "so": "so", "country": "country", "troops": "troops",
    "embassy": "embassy", "at": "at", "ditch": "ditch", "united": "United", "states": "States",
}  # fmt: skip

needs_package = pytest.mark.skipif(
    importlib.util.find_spec("truecase") is None, reason="the truecase package is not installed"
)


# "states" after "United" is a name, after a number it is not (counts as a corpus might give).
CONTEXT = casing.ContextCounts(
    alternatives={"states": ("States", "states")},
    unigram={"States": 300, "states": 200},
    backward={"United_States": 280, "20_states": 3},
    forward={},
    trigram={},
)


def recased(text: str) -> str:
    return truecase(text, lexicon=LEXICON, context=CONTEXT)


# The invariant every record offset relies on -----------------------------------------------------


@given(st.text())
def test_same_length_and_same_letters_for_any_text(text):
    shouted = casing.uppercase(text)
    for repaired in (recased(text), recased(shouted), casing.lowercase(text), shouted):
        assert len(repaired) == len(text)
        assert repaired.casefold() == text.casefold()


@given(st.text(alphabet="ßİﬁŉǰΐ ΣSTRASSE.İSTANBUL ﬁNAL", min_size=1))
def test_characters_whose_case_changes_length_are_left_alone(text):
    repaired = recased(text)
    assert len(repaired) == len(text)
    for before, after in zip(text, repaired, strict=True):
        if before in "ßİﬁŉǰΐ":
            assert after == before


def test_length_changing_characters_in_words_keep_their_place():
    assert recased("STRAßE İSTANBUL ﬁNAL") == "Straße İstanbul ﬁnal"


# When to repair --------------------------------------------------------------------------------


def test_all_capitals_text_needs_truecasing():
    assert needs_truecasing("SAN SALVADOR, 3 JAN 90 -- TWO SOLDIERS WERE KILLED TODAY.")


@pytest.mark.parametrize(
    "text",
    [
        "Two soldiers were killed today in San Miguel, the army said.",
        "The FMLN and the ARENA party met in San Salvador on Monday.",  # acronyms in cased text
        "OK",  # too few letters to judge
        "1990 -- 12, 13.",
        "",
    ],
)
def test_cased_or_letterless_text_is_left_alone(text):
    assert not needs_truecasing(text)


def test_mixed_case_words_keep_their_own_casing():
    assert recased("McDONALD SAID the iPhone WAS NEAR") == "McDONALD said the iPhone was near"


# What the repair does ----------------------------------------------------------------------------


def test_sentence_starts_are_capitalised():
    text = "TWO SOLDIERS WERE KILLED. THE ARMY SAID SO!  GUERRILLAS ATTACK.\n\nPOLICE WERE NEAR"
    expected = "Two soldiers were killed. The army said so!  Guerrillas attack.\n\nPolice were near"
    assert recased(text) == expected


def test_abbreviations_do_not_end_sentences():
    text = "THE U.S. TROOPS AND GEN. OCHOA WERE NEAR."
    assert recased(text) == "The U.S. troops and Gen. Ochoa were near."


def test_acronyms_without_vowels_stay_in_capitals():
    assert recased("THE FMLN [FMLN] AND THE PCN") == "The FMLN [FMLN] and the PCN"


def test_acronyms_the_statistics_know_stay_in_capitals():
    assert recased("THE NATO TROOPS") == "The NATO troops"


def test_unknown_words_are_taken_for_names():
    text = "THE ARMY SAID VILLAMARIONA WAS IN USULUTAN"
    assert recased(text) == "The army said Villamariona was in Usulutan"


def test_unknown_words_made_of_a_common_word_and_an_ending_are_common():
    text = "THE POLICE DITCHED THE ATTACKERS NEAR"
    assert recased(text) == "The police ditched the attackers near"


def test_initials_dotted_abbreviations_and_clitics():
    # After a one-letter abbreviation a new sentence is not assumed: "U.S. TROOPS" is commoner.
    text = "JOHN F. KENNEDY AND O'BRIEN WERE AT THE U.S. EMBASSY AT 3 A.M. THE COUNTRY'S ARMY"
    assert recased(text) == (
        "John F. Kennedy and O'Brien were at the U.S. embassy at 3 a.m. the country's army"
    )


def test_codes_and_ordinals_next_to_digits():
    text = "AN M-16 AND THE 3D BRIGADE AND 1ST ARMY"
    assert recased(text) == "An M-16 and the 3d Brigade and 1st army"


def test_a_muc_like_report():
    # Written for this test in the style of the MUC-3 wire reports (not taken from the corpus).
    text = (
        "SAN MIGUEL, 12 JAN 90 -- [TEXT] TWO SOLDIERS WERE KILLED AND A POLICEMAN WAS WOUNDED\n"
        "TODAY IN AN ATTACK BY THE FARABUNDO MARTI NATIONAL LIBERATION FRONT [FMLN] NEAR\n"
        "USULUTAN DEPARTMENT, THE ARMY SAID."
    )
    assert recased(text) == (
        "San Miguel, 12 Jan 90 -- [Text] two soldiers were killed and a Policeman was wounded\n"
        "today in an attack by the Farabundo Marti national liberation front [FMLN] near\n"
        "Usulutan department, the army said."
    )


def test_a_word_seen_in_several_forms_is_decided_by_its_neighbours():
    text = "THE UNITED STATES AND 20 STATES"
    assert recased(text) == "The United States and 20 states"
    assert truecase(text, lexicon=LEXICON) == "The United States and 20 States"  # no context


# The statistics --------------------------------------------------------------------------------


def test_build_lexicon_prefers_the_commonest_form_and_discounts_capitals():
    counts = {"may": 3521, "May": 1076, "MAY": 147, "JAN": 131, "Jan": 129, "NATO": 9}
    lexicon = casing.build_lexicon(counts)
    assert lexicon == {"may": "may", "jan": "Jan", "nato": "NATO"}


def test_vocab_words_seen_only_in_lower_case_and_abbreviations():
    strings = ["extremist", "bush", "Bush", "fmln", "FMLN", "Gen.", "Calif.", "3.5", "said.", "A."]
    expected = {"extremist": "extremist", "gen.": "Gen.", "calif.": "Calif."}
    assert casing.vocab_lexicon(strings) == expected


@needs_package
def test_a_vocab_completes_the_package_statistics_without_overriding_them():
    lexicon = casing.casing_lexicon.__wrapped__(Vocab(strings=["extremist", "the", "The"]))
    assert lexicon["extremist"] == "extremist" and lexicon["the"] == "the"


@needs_package
def test_package_statistics_on_a_sentence():
    text = "PRESIDENT BUSH SAID IN WASHINGTON ON MONDAY THAT THE TROOPS MAY LEAVE PANAMA IN JANUARY"
    assert truecase(text) == (
        "President Bush said in Washington on Monday that the troops may leave Panama in January"
    )


def test_missing_package_says_what_to_install(monkeypatch):
    monkeypatch.setattr(casing.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(casing.DatelineError, match="pip install truecase"):
        casing._truecase_model_path()
