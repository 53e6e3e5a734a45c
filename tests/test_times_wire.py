"""Wire-copy time forms: 24-hour clocks, coordinated days, day words restated by their date,
clock units counted from the dateline, and which words write a year (no trained model)."""

from __future__ import annotations

import pytest

from dateline.record import Time
from dateline.stages.times import find_times
from dateline.stages.times_events import writes_year

FILED = "1990-03-14"  # a Wednesday


def found(text: str, published: str | None = FILED) -> list[tuple[str, str, str | None]]:
    return [(t.text, t.type, t.value) for t in find_times(text, published)]


# 24-hour clocks --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("THE BOMB WENT OFF AT 2215 HOURS.", ("2215 HOURS", "TIME", "1990-03-14T22:15")),
        ("THE GUNFIRE STOPPED AFTER 0945.", ("0945", "TIME", "1990-03-14T09:45")),
        ("A CURFEW RUNS BETWEEN 1900 AND 0500.", ("1900 AND 0500", "TIME", "1990-03-14T19:00")),
        ("THE POST WAS SHELLED FROM 1620 TO 2340.", ("1620 TO 2340", "TIME", "1990-03-14T16:20")),
        ("THE TALKS BEGAN AT 1130 GMT.", ("1130 GMT", "TIME", "1990-03-14T11:30Z")),
        ("GUNMEN STRUCK AROUND 2045.", ("2045", "TIME", "1990-03-14T20:45")),
        (
            "THE BODY WAS FOUND AFTER 1500 THIS AFTERNOON.",
            ("1500 THIS AFTERNOON", "TIME", "1990-03-14T15:00"),
        ),
        (
            "THE SHELLING BEGAN BEFORE 2300 LAST NIGHT.",
            ("2300 LAST NIGHT", "TIME", "1990-03-13T23:00"),
        ),
    ],
)
def test_a_four_digit_clock_with_a_sign_that_it_is_no_year(text, expected):
    assert found(text) == [expected]


def test_a_year_before_a_part_of_the_day_is_still_a_year():
    assert found("IN 1950 THE TOWN WAS FOUNDED; THIS MORNING IT VOTED.")[0] == (
        "1950",
        "DATE",
        "1950",
    )


def test_a_clock_before_its_gmt_equivalent():
    assert found("FIRING WAS HEARD UNTIL 1000 (1600 GMT).")[0] == (
        "1000",
        "TIME",
        "1990-03-14T10:00",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SHOTS WERE FIRED AT 1950 (0050 GMT 18 MARCH).", ("1950", "TIME", "1990-03-14T19:50")),
        ("AT 1930, A GROUP OF MEN FIRED.", ("1930", "TIME", "1990-03-14T19:30")),
        ("A BOMB WENT OFF AT APPROXIMATELY 2045 [0145 GMT].", ("2045", "TIME", "1990-03-14T20:45")),
    ],
)
def test_a_clock_that_could_be_a_year(text, expected):
    assert found(text)[0] == expected


@pytest.mark.parametrize(
    "text", ["The house was built in 1930, they said.", "Approximately 1940, the plant opened."]
)
def test_a_year_that_could_be_a_clock(text):
    assert [kind for _, kind, _ in found(text)] == ["DATE"]


def test_a_clock_takes_the_day_written_after_it():
    assert found("REBELS AMBUSHED A TRUCK AT 1830 GMT ON 12 MARCH NEAR THE BORDER.") == [
        ("1830 GMT ON 12 MARCH", "TIME", "1990-03-12T18:30Z")
    ]


def test_a_clock_without_a_day_is_on_the_narratives_day():
    assert found("ON 9 MARCH THE BASE WAS ATTACKED AT 0315 HOURS.") == [
        ("9 MARCH", "DATE", "1990-03-09"),
        ("0315 HOURS", "TIME", "1990-03-09T03:15"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The plant opened in 1985 and closed in 1995.",
        "Prices fell between 1980 and 1985.",
        "Output fell to 1985 levels.",
        "The farm employed 1200 workers.",
    ],
)
def test_years_and_counts_stay_what_they_are(text):
    assert all(kind != "TIME" for _, kind, _ in found(text))


def test_a_volunteer_count_of_hours_is_a_duration():
    assert found("She worked 1200 hours in all.") == [("1200 hours", "DURATION", "PT1200H")]


# Days ------------------------------------------------------------------------------------------


def test_two_days_joined_by_and_are_two_times():
    assert found("TWO ENGINEERS WERE KIDNAPPED ON 3 AND 4 MARCH.") == [
        ("3", "DATE", "1990-03-03"),
        ("4 MARCH", "DATE", "1990-03-04"),
    ]
    assert found("The summit meets on March 20 and 21.") == [
        ("March 20", "DATE", "1990-03-20"),
        ("21", "DATE", "1990-03-21"),
    ]


def test_a_number_after_and_is_not_always_a_day():
    assert found("On March 2 and 40 people fled.") == [("March 2", "DATE", "1990-03-02")]


def test_a_day_word_restated_by_its_date_takes_the_written_date():
    # A story filed on the 14th, written on the 13th: the date the text writes is the one meant.
    assert found("THE ARMY SAID TODAY, 13 MARCH, THAT REBELS ATTACKED.") == [
        ("TODAY, 13 MARCH", "DATE", "1990-03-13")
    ]
    assert found("Police said yesterday (March 12) that ...") == [
        ("yesterday (March 12", "DATE", "1990-03-12")
    ]


def test_the_following_weekday_counts_from_the_narratives_day():
    assert found("THE MAYOR WAS KILLED ON 7 JANUARY. THE FOLLOWING SUNDAY A BOMB EXPLODED.") == [
        ("7 JANUARY", "DATE", "1990-01-07"),
        ("THE FOLLOWING SUNDAY", "DATE", "1990-01-14"),
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("HE WAS SHOT APPROXIMATELY 40 MINUTES AGO.", "1990-03-14"),
        ("The bridge collapsed 30 hours ago.", "1990-03-13"),
    ],
)
def test_minutes_and_hours_ago_move_only_whole_days(text, value):
    assert found(text)[0][2] == value


# Which words write a year ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "writes"),
    [
        ("1992", "1992", True),
        ("3 JAN 90", "1990-01-03", True),
        ("in '91", "1991", True),
        ("the 1980s", "198", True),
        ("0200 AND 0300", "1990-01-07T02:00", False),
        ("2000", "1989-11-11T20:00", False),
        ("16 MARCH", "2016-03-16", False),
        ("yesterday", "1990-03-13", False),
    ],
)
def test_writes_year(text, value, writes):
    assert writes_year(Time(0, len(text), text, "DATE", value, None)) is writes


def test_at_a_clock_on_a_written_day():
    assert found("THE ATTACK TOOK PLACE AT 2110 ON 9 MARCH, POLICE SAID.") == [
        ("2110 ON 9 MARCH", "TIME", "1990-03-09T21:10")
    ]


# Event dates of coordinated days ---------------------------------------------------------------


def _event_date_of(text: str, word: str):
    import spacy

    from dateline.pipeline import make_doc
    from dateline.record import Article
    from dateline.stages.times_events import event_date

    nlp = spacy.blank("en")
    nlp.add_pipe("dateline_times")
    doc = nlp(make_doc(nlp, Article(source="test", text=text, published=FILED)))
    start = text.index(word)
    return event_date(doc, doc.char_span(start, start + len(word), alignment_mode="expand"))


def test_a_clause_dated_by_two_coordinated_days_spans_both():
    when = _event_date_of("TWO ENGINEERS WERE KIDNAPPED ON 3 AND 4 MARCH.", "KIDNAPPED")
    assert (when.start, when.end, when.precision) == ("1990-03-03", "1990-03-04", "day")
    when = _event_date_of("Fighting raged late last night and early this morning.", "Fighting")
    assert (when.start, when.end) == ("1990-03-13", "1990-03-14")


def test_a_possessive_time_is_not_coordinated():
    text = "Police are investigating the killing on 25 February and today's attack."
    when = _event_date_of(text, "killing")
    assert (when.start, when.end) == ("1990-02-25", "1990-02-25")


def test_skipping_rules_whose_words_are_absent_changes_nothing():
    from dataclasses import replace

    from dateline.stages.times_grammar import RULES, find_candidates

    every_rule = tuple(replace(rule, needs=()) for rule in RULES)
    for text in (
        "Profits rose in the third quarter and the first half of 1990, and in the 1990s.",
        "Every Monday, twice a week, the board met daily during the 20th century.",
        "Over the weekend and last Christmas, in the spring of 1988, the year-ago period.",
        "The year ended June 30; the eighties; the '80s; a quarter of the vote.",
        "NOTHING HAPPENED ON 3 MARCH AT 0230 HOURS, OR YESTERDAY.",
    ):
        spans = [(c.start, c.end, c.kind) for c in find_candidates(text)]
        assert spans == [(c.start, c.end, c.kind) for c in find_candidates(text, every_rule)]
