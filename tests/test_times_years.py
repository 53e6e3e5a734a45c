"""Numbers that look like years and are not: a count after a day and month, a 24-hour clock
after 'since', a house number after 'No'; and the years that must stay years."""

from __future__ import annotations

import pytest

from dateline.stages.times import find_times

FILED = "1990-03-14"


def found(text: str, published: str | None = FILED) -> list[tuple[str, str, str | None]]:
    return [(t.text, t.type, t.value) for t in find_times(text, published)]


# A count after a day and month -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ON 9 MARCH 31 CORPSES WERE DUG UP NEAR THE RIVER.",
        "On 9 March 31 corpses were dug up near the river.",
        "ON 9 MARCH 17 PEOPLE FLED THE VILLAGE.",
        "ON 9 MARCH 14 UNIDENTIFIED BODIES TURNED UP.",
        "On 9 March 22 Honduran soldiers crossed the border.",
        "ON 9 MARCH 40 GUNMEN ENTERED THE TOWN.",
        "ON 8 AND 9 MARCH 31 HOUSES BURNED.",
    ],
)
def test_a_counted_noun_makes_the_number_after_a_date_a_count(text):
    date = found(text)[-1]
    assert date[1:] == ("DATE", "1990-03-09")
    assert date[0].upper().endswith("MARCH")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("LIMA, 9 MAR 88 (RADIO) -- THE ARMY SAID.", ("9 MAR 88", "DATE", "1988-03-09")),
        ("THE BLAST OF 9 MARCH 88, WHICH KILLED TWO.", ("9 MARCH 88", "DATE", "1988-03-09")),
        ("IT HAPPENED ON 9 MARCH 88.", ("9 MARCH 88", "DATE", "1988-03-09")),
        ("ON 9 MARCH 88 THE SOLDIERS LEFT.", ("9 MARCH 88", "DATE", "1988-03-09")),
        # A reporting verb ending in -s is no counted noun: a paper 'of [date] says that ...'.
        ("THE PAPER OF 9 MARCH 88 SAYS THAT TWO DIED.", ("9 MARCH 88", "DATE", "1988-03-09")),
        ("THE PAPER OF 9 MARCH 88 CHARGES THAT TWO DIED.", ("9 MARCH 88", "DATE", "1988-03-09")),
    ],
)
def test_a_two_digit_year_after_a_date_stays_a_year(text, expected):
    assert found(text)[0] == expected


# A 24-hour clock after 'since' -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SHOOTING HAS GONE ON SINCE 1615.", ("1615", "TIME", "1990-03-14T16:15")),
        ("THE ROAD WAS CLOSED UNTIL 1130, POLICE SAID.", ("1130", "TIME", "1990-03-14T11:30")),
        ("SHOOTING HAS GONE ON SINCE 1615 HOURS.", ("1615 HOURS", "TIME", "1990-03-14T16:15")),
        ("SHOOTING HAS GONE ON SINCE 1615 GMT.", ("1615 GMT", "TIME", "1990-03-14T16:15Z")),
        (
            "SHOOTING HAS GONE ON SINCE 1615 LOCAL TIME.",
            ("1615 LOCAL TIME", "TIME", "1990-03-14T16:15"),
        ),
    ],
)
def test_a_year_before_the_modern_era_after_since_is_a_clock_in_the_news(text, expected):
    assert found(text) == [expected]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The abbey has stood there since 1615, a historian said.", "1615"),
        ("The town was a colonial port from 1530 on.", "1530"),
        ("Shooting has gone on since 1945, the mayor said.", "1945"),
        ("Prices have risen since 1985.", "1985"),
    ],
)
def test_a_year_stays_a_year_in_history_or_in_the_modern_era(text, value):
    assert found(text)[0][1:] == ("DATE", value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "FIRING HAS GONE ON SINCE 1930 YESTERDAY.",
            ("1930 YESTERDAY", "TIME", "1990-03-13T19:30"),
        ),
        ("THE STRIKE RUNS FROM 1845 TODAY.", ("1845 TODAY", "TIME", "1990-03-14T18:45")),
    ],
)
def test_a_day_word_after_since_and_a_number_makes_it_a_clock(text, expected):
    assert found(text) == [expected]


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("The ban was extended until 2005 today.", "2005"),
        ("He has lived there since 1930, yesterday's paper said.", "1930"),
    ],
)
def test_a_day_word_leaves_a_year_after_until_or_a_comma(text, year):
    assert found(text)[0] == (year, "DATE", year)


def test_without_a_dateline_since_and_a_number_is_left_a_year():
    assert found("Shooting has gone on since 1615.", None)[0][1:] == ("DATE", "1615")


# A number that numbers a thing -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "A BOMB WENT OFF AT THE HOUSE ON AVENIDA LOS ANDES NO 1985.",
        "The office at Calle 7 No. 1992 was searched.",
        "The shop at Calle 7, No 1992 was searched.",
        "They raided house number 1987 on the hill.",
        "The shop at Calle 7 Nº 1992 was searched.",
    ],
)
def test_a_number_after_no_or_number_is_no_year(text):
    assert [t for t in found(text) if t[1] == "DATE"] == []


@pytest.mark.parametrize(
    "text", ["There is no 1990 model of the car.", "No 1990 figures were given."]
)
def test_the_negation_no_leaves_the_year(text):
    assert ("1990", "DATE", "1990") in found(text)
