"""Reconciling figures by source: low / best / high, history, disputes."""

from __future__ import annotations

from dataclasses import replace

import pytest

from dateline.corpus.reconcile import FigureReport, reconcile
from dateline.options import Options

pytestmark = pytest.mark.issue(7)


def report(value: int, source: str, reported: str, **rest: object) -> FigureReport:
    base: dict[str, object] = dict(
        category="killed", low=None, high=None, qualifier="exact", claim_kind="source",
        outlet="Outlet", article_id=f"art-{source}-{reported}", mention_id="m", text=str(value),
        start=0, end=2,
    )  # fmt: skip
    base.update(rest)
    return FigureReport(value=value, source=source, reported=reported, **base)  # type: ignore[arg-type]


def test_a_rising_toll_keeps_its_history_and_is_not_a_dispute():
    reports = [
        report(100, "health ministry", "2024-03-01T10:00"),
        report(200, "health ministry", "2024-03-02T10:00"),
        report(276, "health ministry", "2024-03-03T10:00"),
    ]
    (killed,) = reconcile(reports, Options())
    assert [r.value for r in killed.history] == [100, 200, 276]
    assert (killed.low, killed.best, killed.high) == (276, 276, 276)  # one source: its latest
    assert not killed.disputed


def test_latest_direct_prefers_a_named_source_over_the_outlets_own_voice():
    reports = [
        report(30, "police", "2024-03-01T10:00"),
        report(40, "AP", "2024-03-01T12:00", claim_kind="outlet"),
    ]
    (killed,) = reconcile(reports, Options())
    assert (killed.low, killed.best, killed.high) == (30, 30, 40)
    (conservative,) = reconcile(reports, Options(best_rule="conservative"))
    assert conservative.best == 30
    (per_source,) = reconcile(reports, Options(best_rule="per_source"))
    assert per_source.best is None and [r.source for r in per_source.by_source] == ["police", "AP"]


def test_conservative_takes_the_lowest_source_even_when_it_is_not_the_latest():
    reports = [report(20, "army", "2024-03-01T10:00"), report(50, "rebels", "2024-03-02T10:00")]
    assert reconcile(reports, Options(best_rule="conservative"))[0].best == 20
    assert reconcile(reports, Options())[0].best == 50  # the latest of the equally direct


def test_sources_that_disagree_at_the_same_time_are_disputed():
    same_day = [report(12, "police", "2024-03-01T10:00"), report(40, "rebels", "2024-03-01T14:00")]
    assert reconcile(same_day, Options())[0].disputed


def test_qualifiers_are_ranges_before_a_dispute_is_called():
    about = [
        report(40, "police", "2024-03-01T10:00", qualifier="about"),
        report(45, "medics", "2024-03-01T11:00"),
    ]
    assert not reconcile(about, Options())[0].disputed
    at_least = [
        report(40, "police", "2024-03-01T10:00", qualifier="at_least"),
        report(90, "medics", "2024-03-01T11:00"),
    ]
    assert not reconcile(at_least, Options())[0].disputed


def test_a_later_lower_figure_from_another_source_is_disputed_a_later_higher_one_is_not():
    rising = [report(12, "police", "2024-03-01T10:00"), report(40, "medics", "2024-03-03T10:00")]
    assert not reconcile(rising, Options())[0].disputed
    falling = [report(40, "medics", "2024-03-01T10:00"), report(12, "police", "2024-03-03T10:00")]
    assert reconcile(falling, Options())[0].disputed


def test_zoned_and_naive_report_times_compare():
    reports = [
        report(12, "police", "2024-03-01T10:00:00+03:00"),
        report(40, "medics", "2024-03-01"),
    ]
    assert reconcile(reports, Options())[0].disputed


def test_categories_are_reconciled_separately():
    reports = [
        report(3, "police", "2024-03-01"),
        replace(report(9, "police", "2024-03-01"), category="injured"),
    ]
    assert [(r.category, r.best) for r in reconcile(reports, Options())] == [
        ("injured", 9),
        ("killed", 3),
    ]
