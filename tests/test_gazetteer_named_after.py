"""Organisations and facilities named after their town ("the Dayton Dragons"), on a small
hand-made gazetteer (real GeoNames points; ids marked made-up where they are)."""

from __future__ import annotations

import pytest

from dateline.gazetteer import Entry, Gazetteer
from dateline.gazetteer.named_after import named_after_parts
from dateline.gazetteer.resolve import INNER_NAME_CONFIDENCE, Mention, resolve

DAYTON, FRESNO, RICHMOND, BATTLE, CLEVELAND = 4509884, 5350937, 4781708, 2656397, 5150529
WOODSTOCK, COMMERCE, KELSO = 4917592, 4683317, 2645298


def named_after_gazetteer() -> Gazetteer:
    named = [
        (Entry(DAYTON, "Dayton", "US", 39.76, -84.19, "city", 137_644), ["Dayton"]),
        (Entry(FRESNO, "Fresno", "US", 36.75, -119.77, "city", 530_093), ["Fresno"]),
        (Entry(RICHMOND, "Richmond", "US", 37.55, -77.46, "city", 226_610), ["Richmond"]),
        (Entry(BATTLE, "Battle", "GB", 50.92, 0.48, "city", 6_000), ["Battle"]),
        (Entry(CLEVELAND, "Cleveland", "US", 41.5, -81.69, "city", 372_624), ["Cleveland"]),
        (Entry(WOODSTOCK, "Woodstock", "US", 42.31, -88.45, "city", 25_000), ["Woodstock"]),
        (Entry(COMMERCE, "Commerce", "US", 33.25, -95.9, "city", 9_000), ["Commerce"]),
        (Entry(KELSO, "Kelso", "GB", 55.6, -2.43, "city", 5_600), ["Kelso"]),
    ]  # fmt: skip
    return Gazetteer.from_entries(named)


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return named_after_gazetteer()


def resolved(gazetteer: Gazetteer, text: str, label: str) -> tuple[int | None, float]:
    [result] = resolve(gazetteer, [Mention(0, len(text), text, label=label)])
    return (result.entry.geonameid if result.entry else None), result.confidence


@pytest.mark.parametrize(
    ("text", "label", "town"),
    [
        ("Dayton Dragons", "ORG", DAYTON),  # a team
        ("Fresno Live Bait", "FAC", FRESNO),  # a shop
        ("Bank of Fresno", "ORG", FRESNO),  # after a preposition
        ("Battle of Richmond", "EVENT", RICHMOND),  # the better-known of two
        ("Woodstock Chamber of Commerce", "ORG", WOODSTOCK),
        ("Richmond-Battle Rowing Club", "ORG", RICHMOND),  # hyphens join names
    ],
)
def test_a_thing_named_after_its_town_lies_in_it_with_a_lower_confidence(
    gazetteer, text, label, town
):
    entry, confidence = resolved(gazetteer, text, label)
    assert entry == town
    assert confidence <= INNER_NAME_CONFIDENCE


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Kelso Heights", "GPE"),  # a place of its own, not a part of Kelso
        ("Cleveland Drive", "FAC"),  # a street is named after a far town
        ("Dragons Dayton", "LOC"),  # a town's name last is no town the thing is named after
    ],
)
def test_a_place_or_a_street_is_not_placed_in_the_town_it_names(gazetteer, text, label):
    assert resolved(gazetteer, text, label) == (None, 0.0)


def test_the_phrase_after_a_preposition_comes_first_then_the_leading_words():
    assert named_after_parts("St. Mary's Church in Lake Ozark") == [
        ["Lake Ozark", "Lake"],
        ["St. Mary's Church", "St. Mary's", "St."],
    ]
    assert named_after_parts("Glen Oaks Mall") == [["Glen Oaks", "Glen"]]
    assert named_after_parts("Tarn Street") == []


def test_the_historic_part_of_a_town_lies_in_the_town(gazetteer):
    assert resolved(gazetteer, "Historic Dayton", "GPE")[0] == DAYTON


def test_a_place_of_y_that_the_gazetteer_lacks_lies_by_y(gazetteer):
    assert resolved(gazetteer, "Vale of Kelso", "LOC")[0] == KELSO


MASSACHUSETTS, COLUMBIA, NEWTON = 6254926, 4138106, 4945283
NORTH_REGION = 9_000_101  # made-up id: a province named "North Region" somewhere


def short_form_gazetteer() -> Gazetteer:
    named = [
        (Entry(MASSACHUSETTS, "Massachusetts", "US", 42.37, -71.11, "admin1", 6_547_629),
         ["Massachusetts", "Mass."]),
        (Entry(COLUMBIA, "District of Columbia", "US", 38.91, -77.0, "admin1", 601_723),
         ["District of Columbia", "D.C."]),
        (Entry(NEWTON, "Newton", "US", 42.34, -71.21, "city", 85_146), ["Newton", "New."]),
        (Entry(NORTH_REGION, "North Region", "CM", 8.5, 13.9, "admin1", 2_050_229),
         ["North Region", "North"]),
    ]  # fmt: skip
    return Gazetteer.from_entries(named)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Western Mass.", MASSACHUSETTS),  # a part of the state, written short
        ("Northwest D.C.", COLUMBIA),
        ("North Lake", None),  # "North" is a word, not a short form of North Region
        ("Newton Lake", NEWTON),  # the town's own name, as before
    ],
)
def test_a_short_form_after_a_direction_names_the_place_it_shortens(text, place):
    [result] = resolve(short_form_gazetteer(), [Mention(0, len(text), text, label="GPE")])
    assert (result.entry.geonameid if result.entry else None) == place
