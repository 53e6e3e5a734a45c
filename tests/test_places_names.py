"""Recognition rules of place_names on sentences written for the tests, Docs built by hand (no
trained model) and a hand-made gazetteer with real GeoNames ids."""

from __future__ import annotations

import pytest
import spacy

from dateline.docext import ensure_extensions
from dateline.gazetteer import Entry, Gazetteer
from dateline.stages.place_names import looks_like_name, recognise
from dateline.stages.places import mentions
from test_places import doc_with, found

WINONA, NATO_PH, BA_FJ = 5043193, 1698030, 2202064


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    named = [
        (Entry(WINONA, "Winona", "US", 44.04996, -91.63932, "city", 27_592), ["Winona"]),
        (Entry(NATO_PH, "Nato", "PH", 13.6, 123.5, "city", 5_583), ["Nato"]),
        (Entry(BA_FJ, "Ba", "FJ", -17.53, 177.67, "admin2", 65_690), ["Ba"]),
        (Entry(290557, "United Arab Emirates", "AE", 24.0, 54.0, "country", 9_630_959),
         ["United Arab Emirates"]),
    ]  # fmt: skip
    return Gazetteer.from_entries(named, codes={"UAE": "AE"})


@pytest.fixture(scope="module")
def nlp():
    ensure_extensions()
    return spacy.blank("en")


def test_an_acronym_does_not_name_a_place_spelled_otherwise(gazetteer):
    assert not looks_like_name("BA", gazetteer)  # British Airways, not Ba in Fiji
    assert looks_like_name("UAE", gazetteer)  # a country's code


def test_an_acronym_after_a_locative_is_not_a_town_of_that_name(nlp, gazetteer):
    doc = doc_with(nlp, "The minister spoke to NATO about the grant.", {"NATO": "ORG"})
    assert found(doc, gazetteer) == []


def proper_nouns(doc, *words: str):
    for token in doc:
        token.pos_ = "PROPN" if token.text in words else "NOUN"
    return doc


def test_a_town_before_a_noun_for_people_is_a_place(nlp, gazetteer):
    doc = proper_nouns(doc_with(nlp, "Winona man charged after the crash."), "Winona")
    assert found(doc, gazetteer) == [("Winona", WINONA)]


def test_a_capitalised_word_that_is_no_proper_noun_is_not_a_town_before_man(nlp, gazetteer):
    doc = proper_nouns(doc_with(nlp, "Winona man charged after the crash."))
    assert found(doc, gazetteer) == []
    doc = proper_nouns(doc_with(nlp, "Jo Winona man the desk.", {"Jo": "PERSON"}), "Jo", "Winona")
    assert found(doc, gazetteer) == []  # after another capitalised word: part of a name


@pytest.fixture(scope="module")
def counties() -> Gazetteer:
    named = [
        (Entry(4196972, "Jackson County", "US", 34.13, -83.56, "admin2", 72_907),
         ["Jackson County"]),
        (Entry(4185657, "Barrow County", "US", 33.99, -83.71, "admin2", 83_240),
         ["Barrow County"]),
        (Entry(4431410, "Jackson", "US", 32.29876, -90.18481, "city", 160_628), ["Jackson"]),
        (Entry(4921868, "Indiana", "US", 40.00032, -86.25027, "admin1", 6_732_219),
         ["Indiana"]),
        (Entry(5193309, "Indiana County", "US", 40.65, -79.09, "admin2", 84_073),
         ["Indiana County"]),
        (Entry(5330582, "Pleasanton", "US", 37.66243, -121.87468, "city", 79_341),
         ["Pleasanton"]),
        (Entry(5690763, "North Dakota", "US", 47.5, -100.5, "admin1", 762_062),
         ["North Dakota", "N.D."]),
        (Entry(4560349, "Philadelphia", "US", 39.95233, -75.16379, "city", 1_567_442),
         ["Philadelphia"]),
        (Entry(6251999, "Canada", "CA", 60.0, -96.0, "country", 37_000_000), ["Canada"]),
        (Entry(1835841, "South Korea", "KR", 36.5, 127.75, "country", 51_000_000),
         ["Republic of Korea", "South Korea"]),
        (Entry(1873107, "North Korea", "KP", 40.0, 127.0, "country", 25_000_000),
         ["North Korea", "Korea"]),
    ]  # fmt: skip
    return Gazetteer.from_entries(named)


def test_names_listed_before_counties_are_the_counties(nlp, counties):
    doc = doc_with(nlp, "Rain fell in Jackson and Barrow counties.", {"Jackson": "GPE"})
    assert found(doc, counties) == [("Jackson", 4196972), ("Barrow", 4185657)]
    doc = doc_with(nlp, "Rain fell in Jackson on Sunday.", {"Jackson": "GPE"})
    assert found(doc, counties) == [("Jackson", 4431410)]  # the city, without the cue
    doc = doc_with(nlp, "Rain fell in Ohio and Indiana counties.", {"Indiana": "GPE"})
    assert found(doc, counties) == [("Indiana", 4921868)]  # a state says where, not which


def test_a_lone_name_before_counties_says_which_counties_not_their_name(nlp, counties):
    doc = doc_with(nlp, "Jobs fell in the metro Jackson counties.", {"Jackson": "GPE"})
    assert found(doc, counties) == [("Jackson", 4431410)]  # the counties around the city
    doc = doc_with(nlp, "Roads closed from Jackson to Barrow counties.", {"Jackson": "GPE"})
    assert found(doc, counties) == [("Jackson", 4196972), ("Barrow", 4185657)]  # a range


def test_a_legislators_home_after_the_party_letter_is_a_place(nlp, counties):
    doc = doc_with(nlp, "Rep. Ann Lee, D-Pleasanton, and Sen. Jo Moe (R-N.D.) voted no.")
    assert [name for name, _ in found(doc, counties)] == ["Pleasanton", "N.D."]
    doc = doc_with(nlp, "The grade was B-Pleasanton said nothing.")
    assert found(doc, counties) == []
    # The model takes the party letter into the place entity: the name is the home alone.
    doc = doc_with(nlp, "Rep. Ann Lee, D-North Dakota, voted no.", {"D-North Dakota": "GPE"})
    assert found(doc, counties) == [("North Dakota", 5690763)]


def test_a_well_known_place_the_model_took_for_a_nationality_is_a_place(nlp, counties):
    doc = doc_with(nlp, "Officials in Philadelphia denied it.", {"Philadelphia": "NORP"})
    assert found(doc, counties) == [("Philadelphia", 4560349)]
    # A demonym stays a nationality, even when a big town bears it (made-up town).
    named = [
        (Entry(6251999, "Canada", "CA", 60.0, -96.0, "country", 37_000_000), ["Canada"]),
        (Entry(9_300_001, "Canadian", "US", 35.9, -100.4, "city", 200_000), ["Canadian"]),
    ]  # fmt: skip
    places = Gazetteer.from_entries(named, demonyms={"canadian": "CA"})
    doc = doc_with(nlp, "Canadian officials denied it.", {"Canadian": "NORP"})
    assert found(doc, places) == []


def test_one_entity_joining_two_places_is_two_places(nlp, counties):
    doc = doc_with(nlp, "He rode from Jackson to Philadelphia.", {"Jackson to Philadelphia": "GPE"})
    assert found(doc, counties) == [("Jackson", 4431410), ("Philadelphia", 4560349)]
    # Before a common noun the parts are of its kind: two streets, not two towns.
    doc = doc_with(nlp, "Shots at Jackson and Philadelphia streets.",
                   {"Jackson and Philadelphia": "GPE"})  # fmt: skip
    assert [name for name, _ in found(doc, counties)] == ["Jackson and Philadelphia"]
    # A part that is no known place keeps the entity whole.
    doc = doc_with(nlp, "He rode from Jackson to Elmwood.", {"Jackson to Elmwood": "GPE"})
    assert [name for name, _ in found(doc, counties)] == ["Jackson to Elmwood"]


def test_a_direction_before_a_town_is_not_part_of_its_name(nlp, counties):
    doc = doc_with(nlp, "A fire in South Philadelphia spread.", {"South Philadelphia": "GPE"})
    assert [name for name, _ in found(doc, counties)] == ["Philadelphia"]
    doc = doc_with(nlp, "Trade with South Korea and Northern Canada grew.",
                   {"South Korea": "GPE", "Northern Canada": "LOC"})  # fmt: skip
    assert [name for name, _ in found(doc, counties)] == ["South Korea", "Northern Canada"]


def test_a_town_after_in_is_a_place_though_the_model_saw_a_person(nlp, gazetteer):
    doc = doc_with(nlp, "The fair opened in Winona on Friday.", {"Winona": "PERSON"})
    assert found(doc, gazetteer) == [("Winona", WINONA)]
    doc = doc_with(nlp, "A call from Winona came.", {"Winona": "PERSON"})
    assert found(doc, gazetteer) == []  # "from" also takes people
    doc = doc_with(nlp, "Nothing in Winona's letter was new.", {"Winona": "PERSON"})
    assert found(doc, gazetteer) == []


def test_one_unknown_word_tagged_a_place_needs_a_locative_somewhere(nlp, gazetteer):
    doc = doc_with(nlp, "Zorbex said the deal was done.", {"Zorbex": "GPE"})
    assert found(doc, gazetteer) == []  # a name no gazetteer knows, with nothing placing it
    text = "Zorbex lies north. Troops camped in Zorbex overnight."
    doc = doc_with(nlp, text, {"Zorbex": "GPE"})
    assert [name for name, _ in found(doc, gazetteer)] == ["Zorbex"]
    text = "Troops camped in Zorbex overnight. Zorbex said it was cold."
    doc = doc_with(nlp, text, {"Zorbex": "GPE"})
    assert found(doc, gazetteer) == []  # a word that speaks is a person's name
    doc = doc_with(nlp, "Upper Zorbex Creek flooded.", {"Upper Zorbex Creek": "LOC"})
    assert [name for name, _ in found(doc, gazetteer)] == ["Upper Zorbex Creek"]


def test_a_name_the_model_cut_after_its_first_word_is_made_whole(nlp):
    named = [
        (Entry(5164390, "New Concord", "US", 39.99368, -81.73402, "city", 2_343), ["New Concord"]),
        (Entry(5092268, "Concord", "US", 43.20814, -71.53757, "city", 43_976), ["Concord"]),
    ]  # fmt: skip
    towns = Gazetteer.from_entries(named)
    doc = doc_with(nlp, "The fair in New Concord opened.", {"Concord": "GPE"})
    assert found(doc, towns) == [("New Concord", 5164390)]
    doc = doc_with(nlp, "Mayor Ann Concord spoke.", {"Ann": "PERSON", "Concord": "GPE"})
    assert [name for name, _ in found(doc, towns)] != ["Ann Concord"]


def test_a_name_the_model_cut_before_its_last_word_or_inside_an_organisation_is_made_whole(nlp):
    named = [
        (Entry(2643743, "London", "GB", 51.50853, -0.12574, "city", 8_961_989), ["London"]),
        (Entry(4839416, "New London", "US", 41.35565, -72.09952, "city", 27_179), ["New London"]),
        (Entry(5024719, "Belle Plaine", "US", 44.62274, -93.76857, "city", 6_918),
         ["Belle Plaine"]),
        (Entry(5113727, "North London", "US", 40.0, -80.0, "city", 600), ["North London"]),
        (Entry(3573591, "Trinidad and Tobago", "TT", 11.0, -61.0, "country", 1_328_019),
         ["Trinidad and Tobago", "Trinidad"]),
    ]  # fmt: skip
    towns = Gazetteer.from_entries(named)
    doc = doc_with(nlp, "The game in Belle Plaine ended late.", {"Belle": "GPE"})
    assert found(doc, towns) == [("Belle Plaine", 5024719)]
    doc = doc_with(nlp, "The New London Police Department said so.",
                   {"New London Police Department": "ORG"})  # fmt: skip
    assert found(doc, towns) == [("New London", 4839416)]
    doc = doc_with(nlp, "The North London Neighbours group met.",
                   {"North London Neighbours": "ORG"})  # fmt: skip
    assert found(doc, towns) == [("London", 2643743)]  # the north of London, not a town
    doc = doc_with(nlp, "A team from Trinidad and Tobago won.",
                   {"Trinidad": "GPE", "Tobago": "PERSON"})  # fmt: skip
    assert found(doc, towns) == [("Trinidad and Tobago", 3573591)]


def test_a_big_city_the_model_took_for_a_person_is_a_place_unless_titled_or_speaking(nlp):
    named = [(Entry(2352778, "Abuja", "NG", 9.05785, 7.49508, "city", 590_400), ["Abuja"])]
    cities = Gazetteer.from_entries(named)
    doc = doc_with(nlp, "Officials flew to Abuja on Monday.", {"Abuja": "PERSON"})
    assert found(doc, cities) == [("Abuja", 2352778)]
    doc = doc_with(nlp, "Officials met Mayor Abuja on Monday.", {"Abuja": "PERSON"})
    assert found(doc, cities) == []
    doc = doc_with(nlp, "The report was late, Abuja said.", {"Abuja": "PERSON"})
    assert found(doc, cities) == []


def test_a_dateline_in_capitals_opening_a_sentence_is_a_place(nlp, gazetteer):
    doc = doc_with(nlp, "Council backs plan. WINONA — The council met on Monday.")
    assert found(doc, gazetteer) == [("WINONA", WINONA)]
    doc = doc_with(nlp, "WINONA, as friends call him, met the council.")
    assert found(doc, gazetteer) == []  # a comma before a small word: a nickname, no dateline
    doc = doc_with(nlp, "Talks ended. NATO (the alliance) met again.")
    assert found(doc, gazetteer) == []  # an acronym names no town spelled otherwise


def test_a_dateline_after_a_headline_weighs_as_the_dateline(nlp, gazetteer):
    doc = doc_with(nlp, "Council backs plan. WINONA — The council met on Monday.")
    spans = recognise(doc, gazetteer, doc._.dateline_article.body)
    assert [m.dateline for m in mentions(doc, spans, doc._.dateline_article.body)] == [True]


def test_a_bracketed_dateline_opening_the_body_is_the_dateline(nlp, gazetteer):
    doc = doc_with(nlp, "(WINONA) — Police said two men were held.", {"WINONA": "GPE"})
    spans = recognise(doc, gazetteer, doc._.dateline_article.body)
    assert [m.dateline for m in mentions(doc, spans, doc._.dateline_article.body)] == [True]
    doc = doc_with(nlp, "(WINONA) and its police said two men were held.", {"WINONA": "GPE"})
    spans = recognise(doc, gazetteer, doc._.dateline_article.body)
    assert [m.dateline for m in mentions(doc, spans, doc._.dateline_article.body)] == [False]


def test_a_public_body_named_after_a_place_gives_the_place(nlp, counties):
    text = "Deputies of the Jackson County Sheriff's Office searched the field."
    doc = doc_with(nlp, text, {"Jackson County Sheriff's Office": "GPE"})
    assert found(doc, counties) == [("Jackson County", 4196972)]
    doc = doc_with(nlp, "The Jackson County Fairgrounds opened.",
                   {"Jackson County Fairgrounds": "FAC"})  # fmt: skip
    assert [name for name, _ in found(doc, counties)] == ["Jackson County Fairgrounds"]


def test_a_name_ends_in_a_capitalised_word(nlp, gazetteer):
    doc = doc_with(nlp, "Troops left Winona village at dawn.", {"Winona village": "GPE"})
    assert [name for name, _ in found(doc, gazetteer)] == ["Winona"]


def test_a_city_council_gives_its_city(nlp, gazetteer):
    text = "The Winona City Council voted on Monday."
    doc = doc_with(nlp, text, {"Winona City Council": "GPE"})
    assert [name for name, _ in found(doc, gazetteer)] == ["Winona"]


def test_the_surname_of_a_person_named_in_full_beats_a_small_division(nlp):
    named = [(Entry(3442584, "Flores", "UY", -33.57, -56.83, "admin1", 25_050), ["Flores"])]
    divisions = Gazetteer.from_entries(named)
    text = "Officer Dana Flores arrived. Flores said the road was closed."
    doc = doc_with(nlp, text, {"Dana Flores": "PERSON"})
    start = text.rindex("Flores")
    doc.ents = [*doc.ents, doc.char_span(start, start + 6, label="GPE")]
    assert found(doc, divisions) == []


def test_a_possessive_inside_a_persons_entity_does_not_hide_the_surname(nlp, gazetteer):
    text = "Actress Jo Winona ’s son was hurt. Winona said he is well."
    doc = doc_with(nlp, text, {"Jo Winona ’s": "PERSON"})
    start = text.rindex("Winona")
    doc.ents = [*doc.ents, doc.char_span(start, start + 6, label="GPE")]
    assert found(doc, gazetteer) == []


def test_the_town_a_person_named_in_the_news_is_of_is_a_place(nlp, gazetteer):
    text = "Police arrested Jo Lee, 45, of Winona on Friday."
    doc = doc_with(nlp, text, {"Jo Lee": "PERSON", "Winona": "ORG"})
    assert found(doc, gazetteer) == [("Winona", WINONA)]
    doc = doc_with(nlp, "The Queen of Winona parade passed.", {"Winona": "ORG"})
    assert found(doc, gazetteer) == []  # "of" after no person nor age


def tagged(doc, **tags: str):
    for token in doc:
        token.pos_ = tags.get(token.text, "NOUN" if token.is_alpha else "PUNCT")
    return doc


def test_a_small_towns_name_after_the_is_a_building_not_the_town(nlp, gazetteer):
    named = [
        (Entry(4662168, "White House", "US", 36.47, -86.65, "city", 11_226), ["White House"]),
        (Entry(290557, "United Arab Emirates", "AE", 24.0, 54.0, "country", 9_630_959),
         ["United Arab Emirates"]),
    ]  # fmt: skip
    places = Gazetteer.from_entries(named, codes={"UAE": "AE"})
    text = "Aides at the White House said no."
    doc = tagged(doc_with(nlp, text, {"White House": "FAC"}), said="VERB", at="ADP", the="DET")
    assert found(doc, places) == []
    # The article belongs to the noun after the name: the town's church.
    text = "Aides at the White House church said no."
    doc = tagged(doc_with(nlp, text, {"White House": "GPE"}), said="VERB", at="ADP", the="DET")
    assert found(doc, places) == [("White House", 4662168)]
    # Without "the" it is the town; a country takes "the".
    doc = tagged(
        doc_with(nlp, "Aides in White House said no.", {"White House": "GPE"}), said="VERB"
    )
    assert found(doc, places) == [("White House", 4662168)]
    text = "Aides said the United Arab Emirates said no."
    doc = tagged(doc_with(nlp, text, {"United Arab Emirates": "GPE"}), said="VERB", the="DET")
    assert found(doc, places) == [("United Arab Emirates", 290557)]
