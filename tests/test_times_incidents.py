"""Which date an incident of several sentences takes (needs the parser: `model`)."""

from __future__ import annotations

import pytest

from dateline.pipeline import extract
from dateline.record import Article

pytestmark = pytest.mark.model


def events_of(nlp, text: str, published: str):
    article = Article(source="test", text=text, published=published, published_via="given")
    [result] = extract(article, nlp=nlp)
    return result.events


def test_a_sentences_own_date_beats_a_year_carried_from_background(nlp):
    text = (
        "Rebels ambushed an army patrol on 5 July, killing two soldiers. "
        "The rebel movement took up arms in 1980. "
        "Two more soldiers later died of their wounds."
    )
    [event] = events_of(nlp, text, "1989-07-07")
    assert (event.date.start, event.date.end, event.date.basis) == (
        "1989-07-05",
        "1989-07-05",
        "relative",
    )


def test_a_clock_time_does_not_make_a_date_explicit(nlp):
    text = "GUERRILLAS ATTACKED THE POLICE POST AT 0230 HOURS, KILLING THREE OFFICERS."
    [event] = events_of(nlp, text, "1989-07-07")
    assert (event.date.start, event.date.basis) == ("1989-07-07", "relative")


def test_a_sentence_that_dates_two_killings_apart_reports_two_incidents(nlp):
    text = (
        "A judge was shot dead in the city at noon today. "
        "A prosecutor was killed on 17 October; and a magistrate was killed on 1 November."
    )
    events = events_of(nlp, text, "1989-12-05")
    assert sorted(e.date.start for e in events) == ["1989-10-17", "1989-11-01", "1989-12-05"]
    assert len({e.id for e in events}) == 3  # ids stay unique when a sentence is split


def test_two_triggers_of_one_date_stay_one_incident(nlp):
    text = "Gunmen attacked a bus on 3 May and killed four passengers on 3 May."
    assert [e.date.start for e in events_of(nlp, text, "1989-05-10")] == ["1989-05-03"]
