"""MUC's scope rules 6 (historical context) and 7 (summary reports) over dateline's events."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.evaluate.muc_events import (
    historical_context,
    placed_abroad,
    scored_figures,
    summary_figure,
)
from dateline.record import Claim, Event, EventDate, Figure, Location, Span


def _event(text: str, day: str, sentences: int = 1) -> Event:
    """An event whose figure is the first digit in `text`, told in `sentences` sentences."""
    at = next(i for i, ch in enumerate(text) if ch.isdigit())
    figure = Figure("killed", int(text[at]), None, None, "exact", None, None, at, at + 1, text[at])
    evidence = [Span(0, len(text))] + [
        Span(len(text) + i, len(text) + i + 1) for i in range(1, sentences)
    ]
    return Event(
        id="e", type="violence_against_civilians", summary="",
        date=EventDate(day, day, "day", "explicit"),
        historical=False, location=None, actors=[], figures=[figure],
        claimed_by=Claim("outlet", None, None, None), evidence=evidence,
    )  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "So far this year 8 civilians have been killed by bombs in the capital.",
        "In May alone the gangs killed 9 shopkeepers.",
        "3 mayors have been shot dead in less than 40 days.",
        "Since then 7 more witnesses have been murdered.",
    ],
)
def test_a_tally_over_a_period_is_a_summary_not_an_incident(text):
    event = _event(text, "2024-03-01")
    assert summary_figure(event.figures[0], event, text)
    assert scored_figures(event, text) == []


def test_a_specific_incidents_count_is_scored():
    text = "Gunmen killed 4 farmers in the village on Monday."
    event = _event(text, "2024-03-04")
    assert not summary_figure(event.figures[0], event, text)
    assert scored_figures(event, text) == event.figures


def test_a_period_far_from_the_figure_does_not_make_it_a_summary():
    text = "Gunmen killed 4 farmers on Monday" + ", the police said" * 8 + " since January."
    event = _event(text, "2024-03-04")
    assert not summary_figure(event.figures[0], event, text)


def test_an_old_incident_named_once_is_historical_context():
    old = _event("The 1 judge murdered back then was recalled.", "2023-06-01")
    today = _event("Gunmen killed 4 farmers on Monday.", "2024-03-04")
    assert historical_context(old, [old, today], date(2024, 3, 6)) == "historical context"
    assert historical_context(today, [old, today], date(2024, 3, 6)) is None


def test_an_old_incident_the_article_tells_again_brings_news():
    old = _event("The 1 judge murdered last June: the trial opened.", "2023-06-01", sentences=3)
    assert historical_context(old, [old], date(2024, 3, 6)) is None


def test_rule_4_asks_whether_the_event_is_placed_outside_the_nine_countries():
    event = _event("Gunmen killed 4 farmers on Monday.", "2024-03-04")
    assert not placed_abroad(event)  # no place: nothing says it is abroad
    for country, abroad in (("PE", False), ("SV", False), ("NI", True), ("US", True)):
        event.location = Location(None, country, None, None, None, None, None, "country")
        assert placed_abroad(event) is abroad, country
