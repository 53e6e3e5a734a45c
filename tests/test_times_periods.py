"""Years said in words, months with a relative year, reporting periods ('the year', halves,
'the 1988 period'), and days counted from the narrative (no trained model)."""

from __future__ import annotations

import pytest

from dateline.stages.times import find_times
from dateline.stages.times_lexicon import spoken_year_value

FILED = "1997-11-04"  # a Tuesday in the fourth quarter


def found(text: str, published: str | None = FILED) -> list[tuple[str, str, str | None]]:
    return [(t.text, t.type, t.value) for t in find_times(text, published)]


@pytest.mark.parametrize(
    ("words", "year"),
    [
        ("nineteen eighty-four", 1984),
        ("nineteen oh seven", 1907),
        ("nineteen twelve", 1912),
        ("nineteen hundred", 1900),
        ("two thousand", 2000),
        ("two thousand and three", 2003),
        ("the year two thousand", 2000),
        ("twenty twenty-two", 2022),
    ],
)
def test_spoken_year_value(words, year):
    assert spoken_year_value(words) == year


def test_years_said_in_words_as_transcripts_write_them():
    assert found("The plant closed in nineteen eighty-four and reopened in nineteen ninety.") == [
        ("nineteen eighty-four", "DATE", "1984"),
        ("nineteen ninety", "DATE", "1990"),
    ]
    assert found("Rates rose in March nineteen ninety-three.") == [
        ("March nineteen ninety-three", "DATE", "1993-03")
    ]
    assert found("They hoped to finish by the year two thousand.") == [
        ("the year two thousand", "DATE", "2000")
    ]
    assert found("Snow fell all through the winter of nineteen eighty-two.") == [
        ("the winter of nineteen eighty-two", "DATE", "1982-WI")
    ]


def test_two_thousand_alone_is_a_count():
    assert found("Some two thousand people marched.") == []


def test_a_month_with_a_relative_year_is_one_expression():
    assert found("The plant opened in May last year and closed in March this year.") == [
        ("May last year", "DATE", "1996-05"),
        ("March this year", "DATE", "1997-03"),
    ]
    assert found("Elections are due in April next year.") == [
        ("April next year", "DATE", "1998-04")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Profit fell for the year ended Aug. 31.", ("the year", "DURATION", "P1Y")),
        (
            "Sales rose in the fiscal year ending June 30, 1998.",
            ("the fiscal year", "DURATION", "P1Y"),
        ),
        ("It forecast a gain for the full year.", ("the full year", "DATE", "1997")),
        (
            "Sales in the current fiscal year will rise.",
            ("the current fiscal year", "DATE", "1997"),
        ),
    ],
)
def test_the_year_of_a_report(text, expected):
    assert found(text)[0] == expected


def test_the_year_before_and_the_year_1990_are_not_the_reports_year():
    assert found("Sales were up from 40 million the year before.") == []
    assert found("In the year 1990, sales fell.") == [("1990", "DATE", "1990")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Earnings will be weak in the last half of 1996.", ("the last half of 1996", "1996-H2")),
        (
            "Growth slowed in the first two quarters of 1995.",
            ("the first two quarters of 1995", "1995-H1"),
        ),
        ("Output peaked in the last quarter of 1994.", ("the last quarter of 1994", "1994-Q4")),
    ],
)
def test_halves_and_quarters(text, expected):
    assert [(t, v) for t, _, v in found(text)][:1] == [expected]


def test_the_year_period_is_the_quarter_the_story_is_about_in_that_year():
    text = "Third-quarter profit rose. In the 1996 quarter, the company lost money."
    assert found(text)[-1] == ("the 1996 quarter", "DATE", "1996-Q3")
    assert found("Costs were lower in the 1996 period.") == [("the 1996 period", "DATE", "1996")]


def test_days_counted_from_the_narrative():
    assert found("The siege began on 3 May 1992. The next day, the town fell.") == [
        ("3 May 1992", "DATE", "1992-05-03"),
        ("The next day", "DATE", "1992-05-04"),
    ]
    assert found("He left in October 1996 and was arrested that very day.")[-1] == (
        "that very day",
        "DATE",
        "1996-10-XX",
    )
    assert found("He left in 1992. The next day, rebels came.")[-1][2] == "1992-XX-XX"


def test_since_keeps_the_narrative_where_it_was():
    text = "A curfew has been in force since 30 August. At 0845 gunmen fired at a car."
    assert found(text, "1989-09-11")[-1] == ("0845", "TIME", "1989-09-11T08:45")


def test_a_full_month_name_does_not_take_the_full_stop():
    assert found("He left on 3 May. Others left on Sept. 5.") == [
        ("3 May", "DATE", "1997-05-03"),
        ("Sept. 5", "DATE", "1997-09-05"),
    ]
