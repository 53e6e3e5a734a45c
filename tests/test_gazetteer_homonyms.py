"""Cues around a name that choose among its homonyms (gazetteer.homonyms), on sentences
written for the tests and hand-made gazetteers with real GeoNames ids and points."""

from __future__ import annotations

import pytest
import spacy

from dateline.gazetteer import Entry, Gazetteer
from dateline.gazetteer.homonyms import names_county, people_noun_after, town_cue
from dateline.gazetteer.resolve import Mention, resolve
from test_places import doc_with, found

JORDAN_JO, JORDAN_MN, AMMAN, MINNESOTA = 248816, 5031175, 250441, 5037779
US = 6252001


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    named = [
        (Entry(JORDAN_JO, "Jordan", "JO", 31.0, 36.0, "country", 9_956_011), ["Jordan"]),
        (Entry(JORDAN_MN, "Jordan", "US", 44.66691, -93.62690, "city", 6_076, MINNESOTA),
         ["Jordan"]),
        (Entry(AMMAN, "Amman", "JO", 31.95522, 35.94503, "city", 1_275_857, capital=True),
         ["Amman"]),
        (Entry(US, "United States", "US", 39.76, -98.5, "country", 327_167_434),
         ["United States"]),
    ]  # fmt: skip
    return Gazetteer.from_entries(named, codes={"U.S.": "US"})


def test_a_noun_for_people_after_a_name_is_found_as_a_whole_word():
    text = "A Jordan man was hurt; Jordan mandated masks; the Jordan couple said; Jordan said"
    ends = [text.index("Jordan", start) + 6 for start in (0, 20, 45, 70)]
    assert [people_noun_after(text, end) for end in ends] == [True, False, True, False]


def test_a_country_name_before_a_noun_for_people_is_the_town_of_that_name(gazetteer):
    # "A Jordan man was hurt when his motorcycle left the road." English says "a Jordanian
    # man" of the country's people; the country's name used so is a town's.
    man = Mention(2, 8, "Jordan", town_cue="people")
    assert resolve(gazetteer, [man])[0].entry.geonameid == JORDAN_MN
    # "Jordan signed the treaty." - bare, the country.
    assert resolve(gazetteer, [Mention(0, 6, "Jordan")])[0].entry.geonameid == JORDAN_JO
    # One sense per article: "The Jordan couple ... police in Jordan said" is the town.
    later = Mention(40, 46, "Jordan")
    ids = [r.entry.geonameid for r in resolve(gazetteer, [man, later])]
    assert ids == [JORDAN_MN, JORDAN_MN]


def test_an_abbreviated_country_before_a_noun_for_people_stays_the_country(gazetteer):
    # "A U.S. man was detained." - the code names the country only.
    result = resolve(gazetteer, [Mention(2, 6, "U.S.", town_cue="people")])
    assert result[0].entry.geonameid == US


def test_the_places_stage_marks_a_name_before_a_noun_for_people(gazetteer):
    nlp = spacy.blank("en")
    doc = doc_with(nlp, "A Jordan woman was hurt on Sunday.", {"Jordan": "GPE"})
    assert found(doc, gazetteer) == [("Jordan", JORDAN_MN)]
    doc = doc_with(nlp, "Jordan closed its border with Syria.", {"Jordan": "GPE"})
    assert found(doc, gazetteer) == [("Jordan", JORDAN_JO)]


def cue_of(text: str, name: str) -> str:
    start = text.index(name)
    return town_cue(text, start, start + len(name))


def test_a_municipal_institution_after_a_name_is_a_town_cue():
    assert cue_of("She teaches at Jordan High School.", "Jordan") == "institution"
    assert cue_of("the Lebanon city council met", "Lebanon") == "institution"
    assert cue_of("the Jordan girls varsity team won", "Jordan") == "institution"
    assert cue_of("Malta Independent School District", "Malta") == "institution"
    # A national body or a bare "police" is no cue: "Jordan Police said".
    assert cue_of("Jordan Police said the road was closed.", "Jordan") == ""
    assert cue_of("Jordan highlighted the risks.", "Jordan") == ""


def test_a_street_address_or_the_word_city_before_a_name_is_a_town_cue():
    assert cue_of("services at 12 N. Elm St., Malta, on Friday", "Malta") == "address"
    assert cue_of("a crash on Hill Road in Malta", "Malta") == "address"
    assert cue_of("fighting in the northern port city of Saida", "Saida") == "town"
    assert cue_of("The City of Lebanon will pave it.", "Lebanon") == "town"
    # A lower-case road or a court is no address; a village "of" a district lies in it.
    assert cue_of("a road in Jordan was closed", "Jordan") == ""
    assert cue_of("the Supreme Court in Jordan ruled", "Jordan") == ""
    assert cue_of("from Kuru village of Saida district", "Saida") == ""
    assert cue_of("Dr. Jordan examined him", "Jordan") == ""


@pytest.fixture(scope="module")
def homonyms() -> Gazetteer:
    malta, malta_mt, saida_dz, saida_city = 2562770, 5664486, 2482557, 2482572
    named = [
        (Entry(malta, "Malta", "MT", 35.91667, 14.43333, "country", 483_530), ["Malta"]),
        (Entry(malta_mt, "Malta", "US", 48.35972, -107.87428, "city", 1_963), ["Malta"]),
        (Entry(saida_dz, "Saïda", "DZ", 34.79439, 0.14849, "admin1", 155_493), ["Saida"]),
        (Entry(saida_city, "Saïda", "DZ", 34.83033, 0.15171, "city", 142_497, saida_dz),
         ["Saida"]),
    ]  # fmt: skip
    return Gazetteer.from_entries(named)


def test_an_address_takes_a_name_from_its_country_and_the_city_of_from_its_province(homonyms):
    # "The funeral is at 12 Elm St., Malta." - a street address names a town.
    [address] = resolve(homonyms, [Mention(20, 25, "Malta", town_cue="address")])
    assert address.entry.geonameid == 5664486
    assert resolve(homonyms, [Mention(0, 5, "Malta")])[0].entry.geonameid == 2562770
    # "in the city of Saida" - the city, not the province of the name.
    [city] = resolve(homonyms, [Mention(16, 21, "Saida", town_cue="town")])
    assert city.entry.geonameid == 2482572
    # An institution or a person's home leaves the province alone (it has these too).
    [school] = resolve(homonyms, [Mention(0, 5, "Saida", town_cue="institution")])
    assert school.entry.geonameid == 2482557


def test_the_places_stage_marks_a_persons_home_but_not_a_title_holders_realm(gazetteer):
    nlp = spacy.blank("en")
    text = "The driver, Ann Roe of Jordan, was hurt."
    doc = doc_with(nlp, text, {"Ann Roe": "PERSON", "Jordan": "GPE"})
    assert found(doc, gazetteer) == [("Jordan", JORDAN_MN)]
    text = "Roe, 34, of Jordan, was hurt."
    doc = doc_with(nlp, text, {"Roe": "PERSON", "Jordan": "GPE"})
    assert found(doc, gazetteer) == [("Jordan", JORDAN_MN)]
    for text, person in (
        ("He met King Abdullah of Jordan in Amman.", "Abdullah"),
        ("He met Foreign Minister Nasser Judeh of Jordan.", "Nasser Judeh"),
        ("The treaty of Ferdinand of Jordan was signed.", "Ferdinand"),
    ):
        doc = doc_with(nlp, text, {person: "PERSON", "Jordan": "GPE"})
        assert ("Jordan", JORDAN_JO) in found(doc, gazetteer), text


def test_a_county_is_named_by_its_designator():
    assert names_county("Boone County") and names_county("Rapides Parish")
    assert not names_county("Boone") and not names_county("County Road")


def test_a_large_city_before_a_division_it_is_not_in_is_a_list_item_not_a_qualified_name():
    # "The band was to play in Copenhagen, Hamburg, Vessa and Mannheim." - the recogniser
    # missed "Vessa", so "Hamburg" looks like Copenhagen's qualifier; but a city this large
    # is not qualified by a division that does not hold it.
    copenhagen, hamburg_state, hamburg = 2618425, 2911297, 2911298
    named = [
        (Entry(copenhagen, "Copenhagen", "DK", 55.67594, 12.56553, "city", 1_153_615,
               capital=True), ["Copenhagen"]),
        (Entry(hamburg_state, "Hamburg", "DE", 53.58, 10.0, "admin1", 1_845_229), ["Hamburg"]),
        (Entry(hamburg, "Hamburg", "DE", 53.57532, 10.01534, "city", 1_739_117, hamburg_state),
         ["Hamburg"]),
        (Entry(9_000_050, "Villa Sur", "MX", 19.0, -99.0, "city", 900), ["Villa Sur"]),
    ]  # fmt: skip
    places = Gazetteer.from_entries(named)
    listed = Mention(0, 10, "Copenhagen", qualifier="Hamburg")
    assert resolve(places, [listed])[0].entry.geonameid == copenhagen
    # A village the division does not hold is still no answer: the gazetteer lacks this one.
    village = Mention(0, 9, "Villa Sur", qualifier="Hamburg")
    assert resolve(places, [village])[0].entry is None


@pytest.fixture(scope="module")
def ridges() -> Gazetteer:
    """A town and a far larger county of the same name in another state (made-up ids)."""
    named = [
        (Entry(9_000_060, "Ridgefield", "US", 46.0, -112.5, "city", 34_000, 9_100_010),
         ["Ridgefield"]),
        (Entry(9_000_061, "Ridgefield County", "US", 39.7, -121.6, "admin2", 1_500_000,
               9_100_011), ["Ridgefield County", "Ridgefield"]),
    ]  # fmt: skip
    return Gazetteer.from_entries(named)


def test_a_bare_name_is_the_town_rather_than_a_larger_county_so_designated(ridges):
    # "The plane was rerouted to Ridgefield." News names a county with its designator.
    assert resolve(ridges, [Mention(0, 10, "Ridgefield")])[0].entry.geonameid == 9_000_060
    # "Ridgefield County deputies searched the canyon."
    assert resolve(ridges, [Mention(0, 17, "Ridgefield County")])[0].entry.geonameid == 9_000_061


def test_a_bare_name_is_the_county_the_article_names_in_full(ridges):
    # "Ridgefield County supervisors met; Ridgefield officials said ..." - the short form.
    mentions = [Mention(0, 17, "Ridgefield County"), Mention(30, 40, "Ridgefield")]
    assert [r.entry.geonameid for r in resolve(ridges, mentions)] == [9_000_061, 9_000_061]


def test_a_county_named_in_full_is_no_stray_beside_a_foreign_country():
    # "The pickup's driver, of Jordan, was hurt in Friday's Ridgefield County crash." The
    # article names the county with its designator: it is no small place abroad that
    # nothing supports, even though the only other place read is a country elsewhere.
    named = [
        (Entry(JORDAN_JO, "Jordan", "JO", 31.0, 36.0, "country", 9_956_011), ["Jordan"]),
        (Entry(9_000_070, "Ridgefield County", "US", 40.1, -84.6, "admin2", 22_000, 5165418),
         ["Ridgefield County"]),
        (Entry(9_000_071, "Ridgefield", "US", 40.2, -84.7, "city", 2_000, 5165418),
         ["Ridgefield"]),
    ]  # fmt: skip
    places = Gazetteer.from_entries(named)
    mentions = [Mention(0, 6, "Jordan"), Mention(20, 37, "Ridgefield County")]
    assert resolve(places, mentions)[1].entry.geonameid == 9_000_070
    # A bare small town there is still a stray: the gazetteer may lack the Jordanian one.
    mentions = [Mention(0, 6, "Jordan"), Mention(20, 30, "Ridgefield")]
    assert resolve(places, mentions)[1].entry is None
