"""Time expressions and their TIMEX3 values, on hand-written sentences (no trained model)."""

from __future__ import annotations

from datetime import date
from functools import cache

import pytest
import spacy
from spacy.language import Language

from dateline.docext import stage_attr
from dateline.pipeline import make_doc
from dateline.record import Article, Check, Time
from dateline.stages.times import find_times
from dateline.stages.times_calendar import (
    Anchor,
    interval,
    parse_published,
    precision_of,
    two_digit_year,
    weekday_date,
    year_for_month_day,
)
from dateline.stages.times_grammar import find_candidates
from dateline.stages.times_lexicon import number_value

WEDNESDAY = "2024-05-01"  # a Wednesday, in ISO week 18


@cache
def blank_times() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("dateline_times")
    return nlp


def times_in(text: str, published: str | None = WEDNESDAY) -> list[Time]:
    """Times found through the component on a blank pipeline (tense from its word lists)."""
    nlp = blank_times()
    doc = nlp(make_doc(nlp, Article(source="test", text=text, published=published)))
    return doc._.get(stage_attr("times"))


def one(text: str, published: str | None = WEDNESDAY) -> Time:
    found = times_in(text, published)
    assert len(found) == 1, [(t.text, t.value) for t in found]
    return found[0]


def values(text: str, published: str | None = WEDNESDAY) -> dict[str, str | None]:
    return {t.text: t.value for t in times_in(text, published)}


# The examples ------------------------------------------------------------------------


def test_today_is_the_dateline_day():
    time = one("Today marks the start of the talks.")
    assert (time.text, time.type, time.value) == ("Today", "DATE", "2024-05-01")


def test_yesterday_afternoon_is_a_time_on_the_day_before():
    time = one("The shelling began yesterday afternoon.")
    assert (time.text, time.type, time.value) == ("yesterday afternoon", "TIME", "2024-04-30TAF")


def test_on_monday_in_a_past_clause_is_the_monday_before():
    assert values("Rebels attacked the town on Monday.") == {"Monday": "2024-04-29"}


def test_future_tense_moves_a_weekday_forward():
    assert values("The council will hold a vote on Friday.") == {"Friday": "2024-05-03"}
    assert values("The council held a vote on Friday.") == {"Friday": "2024-04-26"}


def test_last_march_is_before_the_dateline_month():
    assert values("Prices rose last March.") == {"last March": "2024-03"}
    assert values("Prices rose last March.", "2024-03-20") == {"last March": "2023-03"}


def test_next_week_is_the_iso_week_after_the_dateline():
    time = one("Talks resume next week.")
    assert (time.type, time.value) == ("DATE", "2024-W19")


def test_a_year_and_a_month_with_a_year():
    assert values("The town was under blockade since October 1991 and fell in 1992.") == {
        "October 1991": "1991-10",
        "1992": "1992",
    }


def test_years_as_a_duration():
    found = {
        t.text: (t.type, t.value) for t in times_in("Today marks 34 years since the massacre.")
    }
    assert found["34 years"] == ("DURATION", "P34Y")


def test_the_night_of_two_days_has_a_range():
    time = one("On the night of February 25-26, 1992, the town was attacked.", "2026-02-26")
    assert time.text == "the night of February 25-26, 1992"
    assert time.value == "1992-02-25"
    assert (time.range.start, time.range.end) == ("1992-02-25", "1992-02-26")


def test_between_two_days_of_a_month_is_a_range():
    time = one("Fighting continued between 10 and 12 November.", "2024-12-01")
    assert time.text == "10 and 12 November"
    assert time.value == "2024-11-10"
    assert (time.range.start, time.range.end) == ("2024-11-10", "2024-11-12")


def test_two_days_later_counts_from_the_day_the_narrative_is_at():
    found = values("The siege began on 3 March 2024. Two days later, the town fell.", "2024-05-01")
    assert found == {"3 March 2024": "2024-03-03", "Two days later": "2024-03-05"}


def test_two_days_later_after_only_a_year_stays_empty():
    found = values("The siege began in 1992. Two days later, the town fell.")
    assert found["Two days later"] is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The talks lasted thirty-four years.", ("thirty-four years", "DURATION", "P34Y")),
        ("Troops left two weeks ago.", ("two weeks ago", "DATE", "2024-W16")),
        ("After a five-hour meeting, they left.", ("five-hour", "DURATION", "PT5H")),
        ("It took 5 1/2 hours.", ("5 1/2 hours", "DURATION", "PT5H30M")),
        ("It has been a decade.", ("a decade", "DURATION", "P10Y")),
        ("The strike lasted several weeks.", ("several weeks", "DURATION", "PXW")),
        ("Three days ago the road closed.", ("Three days ago", "DATE", "2024-04-28")),
    ],
)
def test_numbers_in_words_and_digits(text, expected):
    time = one(text)
    assert (time.text, time.type, time.value) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("He was shot on Oct. 23, 1998.", None, ("Oct. 23, 1998", "1998-10-23")),
        ("Payment is due Sept. 5.", "2024-08-20", ("Sept. 5", "2024-09-05")),
        ("The ruling came Monday, Oct. 26.", "1998-10-27", ("Monday, Oct. 26", "1998-10-26")),
        ("The vote is on 11/20/1998.", None, ("11/20/1998", "1998-11-20")),
        (
            "Results for the third quarter were weak.",
            "1989-10-26",
            ("the third quarter", "1989-Q3"),
        ),
        ("Prices fell in the 1990s.", None, ("the 1990s", "199")),
        ("Cities grew in the 20th century.", None, ("the 20th century", "19")),
        ("It happened last fall.", "1998-11-20", ("last fall", "1997-FA")),
    ],
)
def test_abbreviations_and_other_written_forms(text, published, expected):
    time = one(text, published)
    assert (time.text, time.value) == expected


def test_upper_case_muc_dates():
    found = values("ON 30 DECEMBER GUERRILLAS ATTACKED A POST. 3 JAN 90 REPORT.", "1990-01-03")
    assert found == {"30 DECEMBER": "1989-12-30", "3 JAN 90": "1990-01-03"}


def test_upper_case_weekday_and_relative_words():
    assert values("TODAY THE ARMY SAID IT ATTACKED ON MONDAY.", "1990-01-03") == {
        "TODAY": "1990-01-03",
        "MONDAY": "1990-01-01",
    }


def test_the_scraped_dateline_keeps_its_clock_and_offset():
    time = one("26 February 2026 10:39 (UTC+04:00)\n\nText.", "2026-02-26T10:39:00+04:00")
    assert time.text == "26 February 2026 10:39"
    assert (time.type, time.value) == ("TIME", "2026-02-26T10:39+04:00")


def test_clock_times_with_a_day():
    assert values("The blast came at 10:35 a.m. EST Tuesday.") == {
        "10:35 a.m. EST Tuesday": "2024-04-30T10:35"
    }


def test_holidays_are_the_closest_one():
    assert values("Talks resume after Christmas.") == {"Christmas": "2023-12-25"}
    assert values("He died last Thanksgiving.") == {"last Thanksgiving": "2023-11-23"}
    assert values("Easter Sunday was calm.") == {"Easter Sunday": "2024-03-31"}
    assert times_in("They sold a Christmas tree.") == []


def test_a_bare_clock_time_is_on_the_day_the_narrative_is_at():
    found = values("On 3 March 2024 the blast came at 10 p.m.")
    assert found == {"3 March 2024": "2024-03-03", "10 p.m.": "2024-03-03T22:00"}


def test_sets_and_references():
    found = {
        t.text: (t.type, t.value)
        for t in times_in("Convoys run every day and daily; now it stops.")
    }
    assert found == {
        "every day": ("SET", "P1D"),
        "daily": ("SET", "P1D"),
        "now": ("DATE", "PRESENT_REF"),
    }


# Words that are not times ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "They may 5 times refuse.",
        "Protesters will march on the square.",
        "Some 2500 troops and 1,992 people arrived.",
        "The 44-year-old man was hurt.",
        "Three-quarters of the food is imported.",
        "A second attack followed.",
        "Prices fall in the market.",
    ],
)
def test_not_times(text):
    assert times_in(text) == []


# Bad input: no crash, no invented value ------------------------------------------------------


def test_impossible_day_has_no_value():
    time = one("The attack came on February 30, 1992.")
    assert (time.text, time.value) == ("February 30, 1992", None)


def test_far_future_years_are_not_dates():
    text = "The plan runs to 2500 and was signed 12 March 3024."
    assert times_in(text) == [Time(text.index("12"), len(text) - 1, "12 March 3024", "DATE", None)]


def test_two_digit_years():
    assert values("Elections held 3 JAN 90.", "2026-02-26") == {"3 JAN 90": "1990-01-03"}
    assert values("Elections held 3 JAN 24.", "2026-02-26") == {"3 JAN 24": "2024-01-03"}
    assert values("Elections held 3 JAN 90.", None) == {"3 JAN 90": "1990-01-03"}


@pytest.mark.parametrize("published", [None, "", "not a date", "2024-13-45"])
def test_missing_or_unreadable_publication_leaves_relative_values_empty(published):
    found = values(
        "Yesterday rebels attacked, on Monday and ON 30 DECEMBER, in 1992 and last week.", published
    )
    assert found == {
        "Yesterday": None,
        "Monday": None,
        "30 DECEMBER": None,
        "1992": "1992",
        "last week": None,
    }


def test_find_times_on_plain_text_without_a_doc():
    assert [(t.text, t.value) for t in find_times("Talks end today.", "2024-05-01")] == [
        ("today", "2024-05-01")
    ]


def test_offsets_point_into_the_text():
    text = "Before. On 3 March 2024, and yesterday, and for years."
    for time in times_in(text):
        assert text[time.start : time.end] == time.text


# The component ---------------------------------------------------------------------------------


def test_component_declares_what_it_reads_and_writes():
    nlp = spacy.blank("en")
    nlp.add_pipe("dateline_times")
    meta = nlp.get_pipe_meta("dateline_times")
    assert "doc._.dateline_times" in meta.assigns and "doc._.dateline_checks" in meta.assigns
    assert meta.requires == ["doc._.dateline_article"]


def test_component_appends_to_existing_checks():
    nlp = spacy.blank("en")
    nlp.add_pipe("dateline_times")
    article = Article(
        source="t",
        text="Today marks 34 years since the massacre of February 26, 1992.",
        published="2026-02-26",
    )
    doc = make_doc(nlp, article)
    earlier = Check("subtotal", "consistent", "from another stage")
    doc._.set(stage_attr("checks"), [earlier])
    checks = nlp(doc)._.get(stage_attr("checks"))
    assert checks[0] is earlier
    assert [c.kind for c in checks] == ["subtotal", "anniversary"]


def test_component_refuses_a_doc_without_article():
    nlp = spacy.blank("en")
    nlp.add_pipe("dateline_times")
    with pytest.raises(ValueError, match="make_doc"):
        nlp("No article here.")


# Calendar helpers ------------------------------------------------------------------------------


def test_calendar_helpers():
    assert parse_published("2026-02-26T10:39:00+04:00") == date(2026, 2, 26)
    assert parse_published("26/02/2026") is None
    assert two_digit_year(90, date(1990, 1, 3)) == 1990 and two_digit_year(5, None) == 2005
    assert interval("1992") == (date(1992, 1, 1), date(1992, 12, 31))
    assert interval("1992-02") == (date(1992, 2, 1), date(1992, 2, 29))
    assert interval("1989-Q3") == (date(1989, 7, 1), date(1989, 9, 30))
    assert interval("1997-WI") == (date(1997, 12, 1), date(1998, 2, 28))
    assert interval("P34Y") is None and interval("PRESENT_REF") is None and interval(None) is None
    assert [precision_of(v) for v in ("1992-02-25", "1991-10", "1992", "P3D")] == [
        "day",
        "month",
        "year",
        "unknown",
    ]


def test_yearless_dates_prefer_the_past_unless_the_future_is_near_or_said():
    pub = date(2000, 1, 6)
    assert year_for_month_day(12, 30, Anchor(pub)) == 1999
    assert (
        year_for_month_day(1, 14, Anchor(pub)) == 2000
    )  # a week ahead: much nearer than a year back
    assert year_for_month_day(3, 1, Anchor(pub, tense="past")) == 1999
    # a past clause about a day a week ahead: more likely a misread tense than a year back
    assert year_for_month_day(1, 14, Anchor(pub, tense="past")) == 2000
    assert year_for_month_day(6, 1, Anchor(pub, tense="future")) == 2000
    assert year_for_month_day(12, 1, Anchor(pub, tense="future")) == 1999  # too far ahead to trust
    assert year_for_month_day(1, 14, Anchor(None)) is None
    assert weekday_date(3, Anchor(date(2024, 5, 1))) == date(2024, 5, 1)  # Wednesday on a Wednesday


def test_number_words():
    assert [number_value(w) for w in ("thirty-four", "a", "twelve", "5 1/2", "several")] == [
        34,
        1,
        12,
        5.5,
        None,
    ]


# The example article (needs the trained pipeline and ../shared) -------------------------------

EXAMPLE = "000_9687f610f3c770fd"


@pytest.fixture(scope="module")
def example(shared_dir):
    import json

    from dateline.nlp import load_pipeline
    from dateline.pipeline import extract

    text_path = shared_dir / "corpus" / f"{EXAMPLE}.txt"
    gold_path = shared_dir / "gold" / f"{EXAMPLE}.json"
    if not text_path.is_file() or not gold_path.is_file():
        pytest.skip(f"the example article or its gold is not in {shared_dir}")
    [result] = extract(str(text_path), nlp=load_pipeline())
    return result, json.loads(gold_path.read_text(encoding="utf-8"))


@pytest.mark.model
def test_example_article_has_every_gold_time_with_its_value(example):
    result, gold = example
    found = {(t.text, t.value) for t in result.times}
    for expected in gold["times"]:
        assert (expected["text"], expected["value"]) in found, expected
        if "range" in expected:
            [time] = [t for t in result.times if t.text == expected["text"]]
            assert (time.range.start, time.range.end) == (
                expected["range"]["start"],
                expected["range"]["end"],
            )


@pytest.mark.model
def test_example_article_anniversary_check_is_consistent(example):
    result, gold = example
    expected = next(c for c in gold["checks"] if c["kind"] == "anniversary")
    [check] = [c for c in result.checks if c.kind == "anniversary"]
    assert check.status == expected["status"]
    assert "2026-02-26 minus 34 years is 1992-02-26" in check.detail


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The committee meets biweekly.", []),  # 'weekly' inside a word is no set
        ("the dailyness of it", []),
        ("Prices are reviewed monthly or daily.", ["monthly", "daily"]),
        ("They fly in several times a week.", ["several times a week"]),
    ],
)
def test_every_alternative_of_a_rule_is_bounded_by_word_edges(text, expected):
    assert [text[c.start : c.end] for c in find_candidates(text)] == expected
