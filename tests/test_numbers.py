"""Counts in text and the numbers that are not counts: pure functions on strings (issue 4)."""

from __future__ import annotations

import pytest

from dateline.stages.numbers import (
    Quantity,
    count_phrase,
    non_count_reason,
    parse_cardinal,
    parse_quantity,
)

pytestmark = pytest.mark.issue(4)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("613", 613),
        ("1,275", 1275),
        ("10,000", 10000),
        ("Eight", 8),
        ("THREE", 3),
        ("twenty-three", 23),
        ("TWENTY-THREE", 23),
        ("twenty three", 23),
        ("a dozen", 12),
        ("half a dozen", 6),
        ("two hundred and fifty", 250),
        ("a hundred", 100),
        ("one thousand two hundred seventy-five", 1275),
        ("3 dozen", 36),
        ("1.5 million", 1_500_000),
    ],
)
def test_cardinals_in_digits_and_words(text, value):
    assert parse_cardinal(text) == value
    assert parse_quantity(text) == Quantity(value)


@pytest.mark.parametrize("text", ["", "the", "people", "first", "twenty people", "a"])
def test_what_is_not_a_cardinal(text):
    assert parse_cardinal(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10 to 15", Quantity(None, 10, 15, "range")),
        ("10-15", Quantity(None, 10, 15, "range")),
        ("between 10 and 12", Quantity(None, 10, 12, "range")),
        ("BETWEEN TEN AND TWELVE", Quantity(None, 10, 12, "range")),
        ("from 20 to 30", Quantity(None, 20, 30, "range")),
        ("forty or fifty", Quantity(None, 40, 50, "range")),
        ("at least 5", Quantity(5, low=5, qualifier="at_least")),
        ("more than 20", Quantity(20, low=20, qualifier="at_least")),
        ("over 7,000", Quantity(7000, low=7000, qualifier="at_least")),
        ("20 or more", Quantity(20, low=20, qualifier="at_least")),
        ("up to 30", Quantity(30, high=30, qualifier="at_most")),
        ("as many as 40", Quantity(40, high=40, qualifier="at_most")),
        ("about 50", Quantity(50, qualifier="about")),
        ("some 40", Quantity(40, qualifier="about")),
        ("nearly two hundred", Quantity(200, qualifier="about")),
        ("approximately 12", Quantity(12, qualifier="about")),
    ],
)
def test_ranges_and_qualifiers(text, expected):
    assert parse_quantity(text) == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("dozens", 12),
        ("Dozens of", 12),
        ("HUNDREDS", 100),
        ("tens", 10),
        ("thousands", 1000),
        ("tens of thousands", 10_000),
        ("many", None),
        ("several", None),
        ("a few", None),
        ("numerous", None),
    ],
)
def test_vague_numbers_follow_acled_and_keep_the_qualifier(text, value):
    assert parse_quantity(text) == Quantity(value, qualifier="vague")


def test_a_backwards_range_is_not_a_range():
    assert parse_quantity("15 to 10") is None


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("a soldier", 1),
        ("an officer", 1),
        ("one logger", 1),
        ("two peasants and a child", 3),
        ("three soldiers, two policemen and a civilian", 6),
        ("SEVEN OTHERS", 7),
        ("peasants", None),
        ("the mayor and some guards", None),
    ],
)
def test_implicit_and_coordinated_counts(text, count):
    assert count_phrase(text) == count


@pytest.mark.parametrize(
    ("number", "before", "after"),
    [
        ("1992", "killed in ", "."),
        ("1992", "since ", " the"),
        ("1980s", "in the ", ""),
        ("25", "aged ", ","),
        ("25", "a ", "-year-old worker"),
        ("45", "", " years old"),
        ("10:30", "at ", " this morning"),
        ("0945", "at ", " hours"),
        ("7", "at ", " p.m."),
        ("$5", "", " million"),
        ("5", "$", " million"),
        ("5", "", " million dollars"),
        ("300", "", " pesos"),
        ("40", "", " percent"),
        ("40%", "", ""),
        ("555-1234", "call ", ""),
        ("(202) 555-0100", "", ""),
        ("+1 202 555 0100", "", ""),
        ("366th", "the ", " Motor Rifle Regiment"),
        ("1st", "the ", " Battalion"),
        ("3D", "THE ", " INFANTRY BRIGADE"),
        ("third", "the ", " attack"),
        ("4", "DETACHMENT NO.", ""),
        ("3", "Battalion ", ""),
        ("3", "", " JAN 90"),
        ("90", "3 JAN ", " --"),
        ("25-26", "February ", ", 1992"),
        ("220", "", " km north"),
    ],
)
def test_numbers_that_are_not_counts(number, before, after):
    assert non_count_reason(number, before, after) is not None, (number, before, after)


@pytest.mark.parametrize(
    ("number", "before", "after"),
    [
        ("1992", "in ", " the"),
        ("25", "aged ", ""),
        ("10:30", "", ""),
        ("5", "", " dollars"),
        ("40", "", " percent"),
        ("555-1234", "", ""),
        ("366th", "the ", " Motor Rifle Regiment"),
        ("4", "No. ", ""),
        ("3", "", " JAN"),
    ],
)
def test_each_non_count_says_why(number, before, after):
    expected = {
        "1992": "year", "25": "age", "10:30": "time", "5": "money", "40": "percent",
        "555-1234": "phone", "366th": "ordinal", "4": "unit", "3": "date",
    }  # fmt: skip
    assert non_count_reason(number, before, after) == expected[number]


@pytest.mark.parametrize(
    ("number", "before", "after"),
    [
        ("613", "As a result, ", " residents of Khojaly"),
        ("12", "killing ", " people"),
        ("1992", "", " people were displaced"),
        ("28", "on 23 September ", " bodies were found"),
        ("1,275", "", " civilians"),
        ("Eight", "", " families"),
        ("10-15", "", " people"),
    ],
)
def test_counts_are_not_mistaken_for_other_numbers(number, before, after):
    assert non_count_reason(number, before, after) is None
