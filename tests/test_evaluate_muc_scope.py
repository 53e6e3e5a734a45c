"""MUC's scope (`muc_scope`): combatants (rule 1b), countries (4), recency (6), summaries (7)."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.evaluate.muc_scope import (
    counts_combatants,
    foreign_incident,
    historical_context,
    old_incident,
    out_of_scope,
    placed_abroad,
    scored_figures,
    summary_figure,
)
from dateline.record import (
    Article,
    ArticleResult,
    Claim,
    Event,
    EventDate,
    Figure,
    Location,
    Place,
    Span,
)


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
        "Over the past 12 days the bombings have killed 2 people in the port.",
        "Since 4 June 6 reporters have been shot in the province.",
        "The rebel offensive launched on Saturday has left 9 dead in the capital.",
        "There are already 5 dead because of the strike.",
        "The election campaign has cost the lives of 3 candidates.",
        "The report adds that 4 hundred people have died and 470 have been wounded.",
    ],
)
def test_a_tally_over_a_period_is_a_summary_not_an_incident(text):
    event = _event(text, "2024-03-01")
    assert summary_figure(event.figures[0], event, text)
    assert scored_figures(event, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed 4 farmers in the village on Monday.",
        "3 people have been killed in a bomb attack on the market.",
        "Police said 5 people have died in the village since dawn today.",
        "The gunmen have killed 2 teachers of the school.",  # they did it: victims named
    ],
)
def test_a_specific_incidents_count_is_scored(text):
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


def _figure(category: str, value: int, group: str | None, part_of: int | None = None) -> Figure:
    return Figure(category, value, None, None, "exact", group, part_of, 0, 1, str(value))


def _victims(*figures: Figure) -> Event:
    event = _event("Rebels attacked the post on 3 March, killing 4 of the guards.", "2024-03-03")
    event.type = "explosions_remote_violence"
    event.figures = list(figures)
    return event


def test_a_count_without_group_within_the_combatants_counts_combatants():
    # "5 soldiers were killed, while 1 officer and 14 soldiers were wounded; 4 sustained minor
    # injuries": the wounded total and its breakdown count the soldiers and the officer
    total = _figure("injured", 15, None)
    event = _victims(
        _figure("killed", 5, "soldiers"), total, _figure("injured", 1, "police", part_of=1),
        _figure("injured", 14, "soldiers", part_of=1), _figure("injured", 4, None),
    )  # fmt: skip
    assert counts_combatants(total, event) and counts_combatants(event.figures[-1], event)
    assert out_of_scope(event) == "combatant victims only"


def test_a_count_larger_than_the_combatants_may_count_others():
    # "2 soldiers were wounded ... 9 people were wounded": 7 of the 9 may be civilians
    event = _victims(_figure("injured", 2, "soldiers"), _figure("injured", 9, None))
    assert not counts_combatants(event.figures[1], event)
    assert out_of_scope(event) is None


def test_a_count_without_group_beside_civilians_is_not_taken_for_combatants():
    event = _victims(
        _figure("injured", 2, "soldiers"), _figure("injured", 3, "civilians"),
        _figure("injured", 1, None),
    )  # fmt: skip
    assert not counts_combatants(event.figures[2], event)
    assert out_of_scope(event) is None


def _dated_in(text: str, day: str, when: str, more: str = "") -> tuple[Event, str]:
    """An event told in `text` (and `more`, a second sentence), dated by the words `when`."""
    event = _event(text, day)
    at = text.index(when)
    event.date = EventDate(day, day, "day", "explicit", Span(at, at + len(when)))
    second = [Span(len(text) + 1, len(text) + 1 + len(more))] if more else []
    event.evidence = [Span(0, len(text)), *second]
    return event, text + " " + more


def test_an_incident_its_lead_dates_months_back_is_old():
    event, text = _dated_in(
        "Gunmen killed 4 farmers near the mill on 2 June 2023.",
        "2023-06-02",
        "2 June 2023",
        "The farmers' union recalled the crime at its congress.",
    )
    assert old_incident(event, date(2024, 3, 6), text) == "old incident"
    assert old_incident(event, date(2023, 7, 1), text) is None  # within two months


def test_news_of_an_old_incident_keeps_it():
    event, text = _dated_in(
        "Gunmen killed 4 farmers near the mill on 2 June 2023.",
        "2023-06-02",
        "2 June 2023",
        "Police arrested two suspects on Tuesday.",
    )
    assert old_incident(event, date(2024, 3, 6), text) is None


def test_an_old_date_from_a_later_sentence_does_not_make_the_incident_old():
    event, text = _dated_in(
        "Gunmen killed 4 farmers near the mill.",
        "2023-06-02",
        "mill",
        "The gang was founded in June 2023.",
    )
    event.date.evidence = Span(len(text) - 10, len(text) - 1)  # in the second sentence
    assert old_incident(event, date(2024, 3, 6), text) is None


def _placed(text: str, place: str, country: str, code: str) -> tuple[Event, ArticleResult]:
    """An event told in `text`, placed in `place` (named in it) of `country` (ISO `code`)."""
    event = _event(text, "2024-03-04")
    at = text.index(place)
    event.location = Location(place, code, None, None, 1, at, at + len(place), "exact")
    article = Article(source="test", text=text, published="2024-03-06", published_via="given")
    named = Place(at, at + len(place), place, place, 1, code, None, None, "city", 1.0)
    return event, ArticleResult(article=article, places=[named])


def test_rule_4_leaves_out_an_incident_placed_abroad_by_its_own_sentences():
    event, result = _placed("Gunmen killed 4 farmers in Leon on Monday.", "Leon", "NI", "NI")
    assert foreign_incident(event, result) == "placed outside the nine countries"
    home, result = _placed("Gunmen killed 4 farmers in Lima on Monday.", "Lima", "PE", "PE")
    assert foreign_incident(home, result) is None


def test_rule_4_keeps_an_incident_abroad_whose_victims_belong_to_the_nine():
    text = "Gunmen killed 4 Colombian diplomats in Leon on Monday."
    event, result = _placed(text, "Leon", "NI", "NI")
    assert foreign_incident(event, result) is None


def test_rule_4_does_not_trust_the_articles_country_for_an_incident_its_sentences_do_not_place():
    event, result = _placed("Gunmen killed 4 farmers in Leon on Monday.", "Leon", "NI", "NI")
    event.location = Location("Nicaragua", "NI", None, None, None, 200, 209, "country")
    assert foreign_incident(event, result) is None
