"""Which date an incident of several sentences takes (needs the parser: `model`)."""

from __future__ import annotations

import pytest

from dateline.nlp import load_pipeline
from dateline.pipeline import extract
from dateline.record import Article

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


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
