"""Checks on an incident's figures: breakdowns within their totals, totals that disagree."""

from __future__ import annotations

from collections.abc import Iterable

from ..record import Check, Figure, Span


def subtotal_checks(figures: list[Figure]) -> list[Check]:
    """For each total with a breakdown: do the parts add up to no more than the total?

    '63 + 106 + 70 = 239, not more than 613 killed' is consistent; parts above the total are not.
    """
    checks = []
    for index, total in enumerate(figures):
        parts = [f for f in figures if f.part_of == index and f.value is not None]
        if parts and _bound(total) is not None:
            checks.append(_subtotal_check(total, parts))
    return checks


def _bound(figure: Figure) -> int | None:
    # The most the total can be: its value, or its upper bound; open-ended totals have none.
    if figure.qualifier == "at_least":
        return None
    return figure.high if figure.value is None else figure.value


def _subtotal_check(total: Figure, parts: list[Figure]) -> Check:
    values = [p.value or 0 for p in parts]
    bound = _bound(total) or 0
    added = f"{' + '.join(map(str, values))} = {sum(values)}"
    ok = sum(values) <= bound
    relation = "not more than" if ok else "more than"
    return Check(
        kind="subtotal",
        status="consistent" if ok else "inconsistent",
        detail=f"{added}, {relation} {bound} {total.category}",
        evidence=[Span(f.start, f.end) for f in (total, *parts)],
    )


def total_checks(figures: Iterable[Figure]) -> list[Check]:
    """Totals of one category and group that disagree; call it per event (one incident)."""
    by_key: dict[tuple[str, str | None], list[Figure]] = {}
    for figure in figures:
        if figure.part_of is None and figure.value is not None:
            by_key.setdefault((figure.category, figure.group), []).append(figure)
    checks = []
    for (category, group), totals in by_key.items():
        values = sorted({f.value for f in totals if f.value is not None})
        if len(totals) > 1:
            checks.append(_totals_check(category, group, values, totals))
    return checks


def _totals_check(
    category: str, group: str | None, values: list[int], totals: list[Figure]
) -> Check:
    who = f" {group}" if group else ""
    agree = len(values) == 1
    detail = (
        f"{len(totals)} mentions of{who} {category} all say {values[0]}"
        if agree
        else f"{category}{who} reported as " + ", ".join(map(str, values))
    )
    return Check(
        kind="totals",
        status="consistent" if agree else "inconsistent",
        detail=detail,
        evidence=[Span(f.start, f.end) for f in totals],
    )
