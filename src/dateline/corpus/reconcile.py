"""Reconciling figures: each source's figure side by side, and a low / best / high.

For one linked event and one category (killed, injured, ...), every report of a whole
figure (not a part such as "63 of them children") is kept with its source, outlet,
article, report time and words. A *source* is who states the figure, as one outlet
reports it: a named source ("police said", in Reuters) or the outlet in its own voice.
Outlets quoting "police" may have spoken to different officers, so each outlet's
police count apart. Each source counts with its latest report, since tolls are revised
as they rise.

- low / high: the lowest and highest bound among the sources' latest figures;
- best, by `Options.best_rule`:
  - latest_direct: the latest report among the most direct sources (a named source
    stating the figure comes before an outlet's own voice);
  - conservative: the lowest of the sources' latest figures (ACLED's rule);
  - per_source: none (read each source's figure instead);
- history: every report in report-time order (a toll rising 100 -> 200 -> 276);
- disputed: two sources' latest figures whose ranges do not meet once their qualifiers
  are read as ranges ("about 40": 32..48; "at least 40": 40 and up; "dozens": 12 and
  up), and that are not a rising toll: they were reported within `Options.dispute_hours`
  of each other, or the later report is the lower one.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from ..options import Options

DIRECTNESS = {"source": 2, "outlet": 1}
ABOUT = 0.2  # "about 40" is read as 40 +- 20%


@dataclass(frozen=True, slots=True)
class FigureReport:
    """One figure as one article reports it."""

    category: str
    value: int | None
    low: int | None
    high: int | None
    qualifier: str
    source: str  # who states it: a named source, or the outlet
    claim_kind: str  # source | outlet
    outlet: str
    article_id: str
    mention_id: str
    reported: str  # the article's publication time, ISO 8601 ("" when unknown)
    text: str
    start: int
    end: int

    @property
    def bounds(self) -> tuple[float, float] | None:
        """The range the figure allows, qualifiers read as ranges; None for a bare "many"."""
        value = self.value if self.value is not None else self.low
        if value is None:
            return None
        if self.qualifier == "about":
            return value * (1 - ABOUT), value * (1 + ABOUT)
        if self.qualifier in ("at_least", "vague"):
            return value, math.inf
        if self.qualifier == "at_most":
            return 0, value
        if self.qualifier == "range":
            return self.low or value, self.high or value
        return value, value


@dataclass(slots=True)
class Reconciled:
    category: str
    low: int | None
    best: int | None
    high: int | None
    rule: str
    disputed: bool
    by_source: list[FigureReport] = field(default_factory=list)  # each source's latest
    history: list[FigureReport] = field(default_factory=list)  # every report, in time order


def reconcile(reports: Iterable[FigureReport], options: Options) -> list[Reconciled]:
    """One Reconciled per category reported, in a fixed category order."""
    by_category: dict[str, list[FigureReport]] = {}
    for report in sorted(reports, key=lambda r: (r.reported, r.article_id, r.start)):
        by_category.setdefault(report.category, []).append(report)
    return [_category(name, by_category[name], options) for name in sorted(by_category)]


def _category(category: str, history: list[FigureReport], options: Options) -> Reconciled:
    latest: dict[tuple[str, str], FigureReport] = {}
    for report in history:  # in time order: later reports replace earlier ones
        if report.bounds is not None:
            latest[report.source, report.outlet] = report
    by_source = sorted(latest.values(), key=lambda r: (r.reported, r.source))
    lows = [r.low if r.low is not None else r.value for r in by_source]
    highs = [r.high if r.high is not None else r.value for r in by_source]
    return Reconciled(
        category=category,
        low=min((v for v in lows if v is not None), default=None),
        best=_best(by_source, options.best_rule),
        high=max((v for v in highs if v is not None), default=None),
        rule=options.best_rule,
        disputed=_disputed(by_source, options.dispute_hours),
        by_source=by_source,
        history=history,
    )


def _best(by_source: list[FigureReport], rule: str) -> int | None:
    valued = [r for r in by_source if r.value is not None]
    if not valued or rule == "per_source":
        return None
    if rule == "conservative":
        return min(r.value for r in valued)  # type: ignore[type-var]
    most_direct = max(DIRECTNESS.get(r.claim_kind, 0) for r in valued)
    direct = [r for r in valued if DIRECTNESS.get(r.claim_kind, 0) == most_direct]
    latest = max(r.reported for r in direct)
    return min(r.value for r in direct if r.reported == latest)  # type: ignore[type-var]


def _disputed(by_source: list[FigureReport], hours: float) -> bool:
    for index, first in enumerate(by_source):
        for second in by_source[index + 1 :]:
            if not _meet(first, second) and (
                _close_in_time(first, second, hours) or _later_is_lower(first, second)
            ):
                return True
    return False


def _meet(a: FigureReport, b: FigureReport) -> bool:
    (a_low, a_high), (b_low, b_high) = a.bounds, b.bounds  # type: ignore[misc]
    return a_low <= b_high and b_low <= a_high


def _later_is_lower(a: FigureReport, b: FigureReport) -> bool:
    earlier, later = sorted((a, b), key=lambda r: r.reported)
    return later.bounds[1] < earlier.bounds[0]  # type: ignore[index]


def _close_in_time(a: FigureReport, b: FigureReport, hours: float) -> bool:
    first, second = _when(a.reported), _when(b.reported)
    if first is None or second is None:
        return True  # undated reports cannot be told apart as updates
    return abs((second - first).total_seconds()) <= hours * 3600


def _when(iso: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return None
    # naive times are taken as UTC, so naive and zoned reports compare
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment
