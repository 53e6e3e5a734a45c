"""Oceans and seas named by their bare adjective (stages.place_waters), on Docs built by hand
and a small gazetteer of real GeoNames entries."""

from __future__ import annotations

import pytest
import spacy

from dateline.gazetteer import Entry, Gazetteer
from dateline.stages.places import body_span, mentions
from test_places import doc_with

ATLANTIC, NORTH_ATLANTIC, PACIFIC = 3373405, 3411923, 2363254
MEDITERRANEAN, WEST_MEDITERRANEAN, ARCTIC, ARCTIC_OCEAN = 363196, 6947193, 10941926, 2960860
INDIAN_OCEAN, SOUTHERN_OCEAN = 1545739, 4036776
ATLANTIC_IOWA, PACIFIC_MISSOURI, ATLANTIC_CITY, IOWA = 4846960, 4402300, 4500546, 4862182


def water_gazetteer() -> Gazetteer:
    named = [
        (Entry(ATLANTIC, "Atlantic Ocean", "", 10.0, -25.0, "region", 0), ["Atlantic Ocean"]),
        (Entry(NORTH_ATLANTIC, "North Atlantic Ocean", "", 40.0, -40.0, "region", 0),
         ["North Atlantic Ocean"]),
        (Entry(PACIFIC, "Pacific Ocean", "", 3.51, -132.19, "region", 0), ["Pacific Ocean"]),
        (Entry(MEDITERRANEAN, "Mediterranean Sea", "", 35.0, 20.0, "region", 0),
         ["Mediterranean Sea"]),
        (Entry(WEST_MEDITERRANEAN, "Western Mediterranean", "", 40.25, 5.98, "region", 0),
         ["Western Mediterranean"]),
        (Entry(ARCTIC, "Arctic", "", 75.58, -43.95, "region", 0), ["Arctic"]),
        (Entry(ARCTIC_OCEAN, "Arctic Ocean", "", 85.0, 0.0, "region", 0), ["Arctic Ocean"]),
        (Entry(INDIAN_OCEAN, "Indian Ocean", "", -10.0, 70.0, "region", 0), ["Indian Ocean"]),
        (Entry(SOUTHERN_OCEAN, "Southern Ocean", "", -60.0, 90.0, "region", 0),
         ["Southern Ocean"]),
        (Entry(IOWA, "Iowa", "US", 42.01, -93.41, "admin1", 2_399_911), ["Iowa"]),
        (Entry(ATLANTIC_IOWA, "Atlantic", "US", 41.4, -95.01, "city", 6_833, IOWA),
         ["Atlantic"]),
        (Entry(PACIFIC_MISSOURI, "Pacific", "US", 38.48, -90.74, "city", 7_161), ["Pacific"]),
        (Entry(ATLANTIC_CITY, "Atlantic City", "US", 39.36, -74.42, "city", 39_260),
         ["Atlantic City"]),
    ]  # fmt: skip
    return Gazetteer.from_entries(named, demonyms={"Indian": "IN"})


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return water_gazetteer()


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("en")


def names(nlp, gazetteer, text: str, *places: str) -> list[str | None]:
    """The name each place is looked up by (None: its own words)."""
    doc = doc_with(nlp, text, dict.fromkeys(places, "LOC"))
    return [m.name for m in mentions(doc, doc.ents, body_span(doc), gazetteer)]


@pytest.mark.parametrize(
    ("text", "place", "name"),
    [
        ("Forecasters expect a busy season in the tropical Atlantic this year.", "Atlantic",
         "Atlantic Ocean"),
        ("Cold water welled up in the eastern Pacific last winter.", "Pacific", "Pacific Ocean"),
        ("The trawler sank in the north Atlantic on Friday.", "Atlantic", "North Atlantic Ocean"),
        ("The ferry crossed the Mediterranean overnight.", "Mediterranean", "Mediterranean Sea"),
        ("Storms battered the western Mediterranean coast.", "Mediterranean",
         "Western Mediterranean"),
        ("A yacht club trip to the Mediterranean and back.", "Mediterranean", "Mediterranean Sea"),
        ("The cruise line added routes in Mediterranean ports.", "Mediterranean",
         "Mediterranean Sea"),
    ],
)  # fmt: skip
def test_a_bare_adjective_after_a_determiner_names_the_water(nlp, gazetteer, text, place, name):
    assert names(nlp, gazetteer, text, place) == [name]


def test_a_water_named_in_two_words_is_looked_up_in_full(nlp, gazetteer):
    text = "The plane went down in the North Atlantic last week."
    assert names(nlp, gazetteer, text, "North Atlantic") == ["North Atlantic Ocean"]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Police in Atlantic arrested two men on Monday.", "Atlantic"),  # a town, no determiner
        ("They drove to the Atlantic City casinos.", "Atlantic"),  # part of a longer name
        ("The Indian said the talks had failed.", "Indian"),  # a demonym
        ("Sea ice shrank across the Arctic this summer.", "Arctic"),  # a region of its own
        ("Winds howled over the Southern in winter.", "Southern"),  # a direction
    ],
)
def test_a_town_a_longer_name_a_demonym_or_a_region_keeps_its_words(nlp, gazetteer, text, place):
    assert names(nlp, gazetteer, text, place) == [None]


def atlantic_twice(nlp, gazetteer, text: str, second_label: str, labels=None):
    """The mentions of a text naming "Atlantic" twice, first as a LOC, then with
    `second_label`, beside the entities `labels` gives."""
    doc = doc_with(nlp, text, labels or {})
    first = text.index("Atlantic")
    second = text.index("Atlantic", first + 1)
    doc.ents = [
        doc.char_span(first, first + 8, label="LOC"),
        doc.char_span(second, second + 8, label=second_label),
        *doc.ents,
    ]
    return mentions(doc, doc.ents, body_span(doc), gazetteer)


def test_an_article_that_names_the_ocean_means_it_where_it_repeats_the_word(nlp, gazetteer):
    text = "Storms form early in the Atlantic. Forecasters said Atlantic storms grow stronger."
    found = atlantic_twice(nlp, gazetteer, text, "LOC")
    assert [m.name for m in found] == ["Atlantic Ocean", "Atlantic Ocean"]


def test_lower_case_modifiers_inside_the_span_are_modifiers(nlp, gazetteer):
    text = "Cold water spread across the eastern Pacific in May."
    assert names(nlp, gazetteer, text, "eastern Pacific") == ["Pacific Ocean"]


def test_a_qualified_repeat_of_the_word_stays_a_town(nlp, gazetteer):
    text = "Storms form early in the Atlantic. Farmers in Atlantic, Iowa, watched the sky."
    found = atlantic_twice(nlp, gazetteer, text, "GPE", {"Iowa": "GPE"})
    assert [(m.text, m.name) for m in found] == [
        ("Atlantic", "Atlantic Ocean"),
        ("Atlantic", None),
        ("Iowa", None),
    ]
