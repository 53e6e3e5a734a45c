"""Anniversary claims ("Today marks 34 years since X", "the 34th anniversary of X") and the check
that the dateline minus N years falls within the dates the text gives X elsewhere."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..record import Check, Span, Time
from .times_calendar import add_years, interval, precision_of
from .times_lexicon import ORDINAL, ordinal_value

SINCE = re.compile(
    r"\s+(?:(?:have|has|had)\s+(?:now\s+)?(?:passed|elapsed|gone\s+by)\s+)?(?P<word>since|after|from)\s+",
    re.IGNORECASE,
)
ANNIVERSARY = re.compile(
    rf"(?<!\w)(?P<n>{ORDINAL})[-\s]+(?:year\s+)?anniversary\s+of\s+", re.IGNORECASE
)
ANNIVERSARY_WORD = re.compile("anniversary", re.IGNORECASE)
CLAUSE_END = re.compile(r"[.;:!?,)\"”]|\s+(?:and|but|when|while|which|who)\s+|\n")
STOPWORDS = {
    "the",
    "a",
    "an",
    "of",
    "in",
    "on",
    "at",
    "by",
    "for",
    "to",
    "and",
    "was",
    "were",
    "that",
    "this",
    "its",
    "their",
    "his",
    "her",
    "with",
    "from",
    "since",
    "after",
    "committed",
}
PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
# A run of words up to its end mark (or the end of the text). It starts only where a run does and
# never gives words back: a line with no end mark was otherwise retried from every letter.
SENTENCE = re.compile(r"(?<![^.!?\n])[^.!?\n]++(?:[.!?]+|$)")


@dataclass(frozen=True, slots=True)
class Anniversary:
    """'N years since X': the claim's words, N, and where X is written."""

    years: int
    claim: Span
    subject: Span  # X


_LAST: list[tuple[str, list[Time], list[Anniversary]]] = []  # the last text read, and its claims


def find_anniversaries(text: str, times: list[Time]) -> list[Anniversary]:
    """Claims of both forms, in text order. The events stage asks once per event mention: the
    claims of the last text are kept (the same text and times objects, so never stale)."""
    last = _LAST[-1] if _LAST else None  # one read: another thread may replace it meanwhile
    if last is not None and last[0] is text and last[1] is times:
        return last[2]
    found = _anniversaries(text, times)
    _LAST[:] = [(text, times, found)]
    return found


def _anniversaries(text: str, times: list[Time]) -> list[Anniversary]:
    found = [claim for time in times if (claim := _years_since(text, time))]
    if not ANNIVERSARY_WORD.search(text):  # a cheap look before the costly ordinal pattern
        return found
    for match in ANNIVERSARY.finditer(text):
        years = ordinal_value(match.group("n"))
        if years:
            subject = _subject(text, match.end())
            found.append(Anniversary(years, Span(match.start(), subject.end), subject))
    return sorted(found, key=lambda claim: claim.claim.start)


def _years_since(text: str, time: Time) -> Anniversary | None:
    whole_years = re.fullmatch(r"P(\d+)Y", time.value or "")
    if time.type != "DURATION" or not whole_years:
        return None
    link = SINCE.match(text, time.end)
    if not link:
        return None
    subject = _subject(text, link.end())
    return Anniversary(int(whole_years.group(1)), Span(time.start, subject.end), subject)


def _subject(text: str, start: int) -> Span:
    end = CLAUSE_END.search(text, start)
    return Span(start, end.start() if end else len(text))


def anniversary_date(claim: Anniversary, published: date) -> date:
    """The day X would be on if the claim were exact: the dateline minus N years."""
    return add_years(published, -claim.years)


def subject_dates(text: str, times: list[Time], claim: Anniversary, published: date) -> list[Time]:
    """Dates the text gives X: written inside X ('since the 1992 massacre'), else in sentences that
    name X's words ('the flood'), before the dateline; the most precise and the closest to the
    claim first."""
    inside = [
        t
        for t in _past_dates(times, published)
        if claim.subject.start <= t.start < claim.subject.end
    ]
    if inside:
        return inside
    words = _content_words(text[claim.subject.start : claim.subject.end])
    if not words:
        return []
    sentences = [m.span() for m in SENTENCE.finditer(text) if words & _content_words(m.group())]
    linked = [
        t for t in _past_dates(times, published) if any(a <= t.start < b for a, b in sentences)
    ]
    target = anniversary_date(claim, published)
    return sorted(linked, key=lambda t: (PRECISION_RANK[precision_of(t.value)], _gap(t, target)))


def _past_dates(times: list[Time], published: date) -> list[Time]:
    dated = [t for t in times if t.type == "DATE" and precision_of(t.value) in PRECISION_RANK]
    return [t for t in dated if _bounds(t)[1] < published]


def _bounds(time: Time) -> tuple[date, date]:
    if time.range:
        return date.fromisoformat(time.range.start), date.fromisoformat(time.range.end)
    found = interval(time.value)
    assert found is not None  # _past_dates keeps only values with an interval
    return found


def _gap(time: Time, target: date) -> int:
    start, end = _bounds(time)
    return (
        0 if start <= target <= end else min(abs((start - target).days), abs((end - target).days))
    )


def _content_words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z][\w'’-]{3,}", text)} - STOPWORDS


def whole_years(start: date, end: date) -> int:
    """Completed years from `start` to `end` (a birthday-style count)."""
    return end.year - start.year - ((end.month, end.day) < (start.month, start.day))


def check_anniversary(claim: Anniversary, subject: Time, published: date) -> Check:
    """Consistent when N is the number of whole years from some day of X's dates to the dateline."""
    first, last = _bounds(subject)
    target = anniversary_date(claim, published)
    low, high = whole_years(last, published), whole_years(first, published)
    ok = low <= claim.years <= high
    where = "inside" if first <= target <= last else "outside"
    dates = first.isoformat() if first == last else f"{first.isoformat()}..{last.isoformat()}"
    elapsed = f"{low}" if low == high else f"{low} to {high}"
    detail = (
        f"{published.isoformat()} minus {claim.years} years is {target.isoformat()}, "
        f"{where} the event's dates {dates} ('{subject.text}', "
        f"{elapsed} whole years before the dateline)"
    )
    evidence = [claim.claim, Span(subject.start, subject.end)]
    return Check("anniversary", "consistent" if ok else "inconsistent", detail, evidence)


def anniversary_checks(text: str, times: list[Time], published: date | None) -> list[Check]:
    """One check per claim whose X has a written date; none without a dateline."""
    if published is None:
        return []
    checks = []
    for claim in find_anniversaries(text, times):
        dates = subject_dates(text, times, claim, published)
        if dates:
            checks.append(check_anniversary(claim, dates[0], published))
    return checks
