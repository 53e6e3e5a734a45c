"""The MUC event-date measures: how key dates are read, scored, and corrected (no model)."""

from __future__ import annotations

from collections import Counter
from datetime import date

from dateline.evaluate.muc import MucTemplate
from dateline.evaluate.muc_events import (
    FAR_PAST,
    KEY_ERRATA,
    DateTally,
    _report,
    amend,
    figure_tallies,
    format_report,
    key_range,
    score_dates,
)
from dateline.record import Event, EventDate

FILED = date(1989, 3, 18)


def template(message: str, *dates: str) -> MucTemplate:
    return MucTemplate(message, "TEST", 1, False, dates[0], dates, None, "ATTACK", {})


def event(start: str, end: str | None = None) -> Event:
    when = EventDate(start, end or start, "day", "explicit")
    return Event("e", "battles", "", when, False, None, [], [], None, [])


def test_a_two_digit_key_year_is_the_one_nearest_the_dateline():
    assert key_range("18 MAR 90", FILED) == (date(1990, 3, 18), date(1990, 3, 18))
    assert key_range("24 MAR 80", FILED) == (date(1980, 3, 24), date(1980, 3, 24))
    assert key_range("- 12 MAR 89", FILED) == (FAR_PAST, date(1989, 3, 12))
    assert key_range("16 MAR 89 - 17 MAR 89", FILED) == (date(1989, 3, 16), date(1989, 3, 17))


def test_a_key_dated_after_the_dateline_is_neither_before_it_nor_historical():
    tally = DateTally()
    score_dates(tally, template("M-1", "18 MAR 90"), [event("1989-03-18")], FILED)
    assert (tally.keys, tally.overlapped, tally.before, tally.historical) == (1, 0, 0, 0)


def test_historical_leak_counts_a_publication_day_event_that_misses_the_key():
    tally = DateTally()
    score_dates(tally, template("M-1", "01 JAN 89"), [event("1989-03-18")], FILED)
    assert (tally.historical, tally.leaked, tally.before, tally.before_inside) == (1, 1, 1, 0)


def test_amend_corrects_only_documented_keys_and_keeps_them():
    (message, written), (corrected, reason) = next(iter(KEY_ERRATA.items()))
    assert reason
    fixed = amend(template(message, written, "01 JAN 89"))
    assert fixed.dates == (corrected, "01 JAN 89")
    untouched = template("NOT-IN-ERRATA", written)
    assert amend(untouched) == untouched


def test_the_report_prints_the_figures_as_keyed_and_amended():
    tally = DateTally(amended=DateTally())
    key = template("M-1", "18 MAR 89")
    for target in (tally, tally.amended):
        score_dates(target, key, [event("1989-03-18")], FILED)
    report = _report(tally, figure_tallies(), Counter({"messages": 1, "events": 1}))
    assert report["date_overlap"] == 1.0
    assert report["amended"]["date_overlap"] == 1.0
    assert "documented key date errors corrected" in format_report(report)
