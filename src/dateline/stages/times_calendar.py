"""Calendar arithmetic and TIMEX3 value strings: shifting dates, choosing the year of a yearless
date, and the interval a TIMEX3 value covers (for event dates and checks)."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

# Years outside this window are not read as dates: a "year" of 2999 in news is a count or a typo.
MIN_YEAR, MAX_YEAR = 1000, 2199
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}  # 14: next February


@dataclass(frozen=True, slots=True)
class Anchor:
    """What relative expressions are resolved against.

    `published` is the dateline's day (None when unknown: then deictic expressions stay empty);
    `reference` is where the narrative is (the last time the text named, as the first day of it,
    with its grain: 'D', 'M', 'Q', 'Y'); `tense` of the expression's clause: 'future' ('will'),
    'modal' ('would', 'must'), 'past' or '' when nothing says; `quarter` is the fiscal quarter
    ('1989-Q3') the text is about, if any.
    """

    published: date | None
    reference: date | None = None
    grain: str = "D"
    tense: str = ""
    quarter: str | None = None

    @property
    def future(self) -> bool:
        return self.tense in ("future", "modal")


def parse_published(value: str | None) -> date | None:
    """The day of an ISO 8601 publication date; None when missing or unreadable (never a guess)."""
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when it does not exist ('February 30') or the year is out of range."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def add_years(day: date, years: int) -> date:
    return add_months(day, 12 * years)


def shift(day: date, unit: str, amount: int) -> date:
    """`day` moved by `amount` units ('D', 'W', 'M', 'Q', 'Y', 'DE', 'CE'); WE counts as weeks."""
    if unit == "D":
        return day + timedelta(days=amount)
    if unit in ("W", "WE"):
        return day + timedelta(weeks=amount)
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}[unit]
    return add_months(day, months * amount)


def value_at(day: date, unit: str) -> str:
    """The TIMEX3 value of the `unit` containing `day`: D -> 1992-02-26, W -> 1992-W09, ..."""
    if unit == "D":
        return day.isoformat()
    if unit in ("W", "WE"):
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}" + ("-WE" if unit == "WE" else "")
    if unit == "M":
        return f"{day.year:04d}-{day.month:02d}"
    if unit == "Q":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if unit == "DE":
        return f"{day.year // 10:03d}"
    if unit == "CE":
        return f"{day.year // 100:02d}"
    return f"{day.year:04d}"


def two_digit_year(short: int, anchor: date | None) -> int:
    """'90' -> 1990. With a dateline: the latest such year not more than 10 years after it.
    Without one: the POSIX convention (69-99 -> 19xx, 00-68 -> 20xx), a rule, not a guess."""
    if anchor is None:
        return 1900 + short if short >= 69 else 2000 + short
    year = anchor.year - anchor.year % 100 + short
    return year - 100 if year > anchor.year + 10 else year


FUTURE_BIAS = 3  # with no tense, a later date wins only when 3 times closer than the earlier one
# Even in a future clause a yearless date half a year or more ahead is more often a past one
# the tense reader got wrong ('the Oct. 23 slaying ... will go to trial') than a plan that far off.
FUTURE_REACH = 183
# A past clause does not send a date a few weeks ahead back by a year: the nearest tensed word
# was more likely not the date's own verb ('said the split will be payable Nov. 16').
PAST_REACH = 45


def _nearest(
    candidates: list[tuple[int, date]], pub: date, tense: str, past_reach: int = PAST_REACH
) -> int | None:
    """The key of the candidate for a yearless date: in a past clause the latest on or before the
    dateline, in a future one the first on or after it; with no tense the past one unless the
    future one is much closer (news mostly reports what has happened)."""
    past = [c for c in candidates if c[1] <= pub]
    ahead = [c for c in candidates if c[1] > pub]
    before = max(past, key=lambda c: c[1]) if past else None
    after = min(ahead, key=lambda c: c[1]) if ahead else None
    if tense in ("future", "modal") and after and (after[1] - pub).days <= FUTURE_REACH:
        return after[0]
    if after is None or (tense == "past" and (after[1] - pub).days > past_reach):
        return before[0] if before else None
    if tense == "past":
        return after[0]  # a past clause about a day weeks ahead: the tense was misread
    if before is None or FUTURE_BIAS * (after[1] - pub).days < (pub - before[1]).days:
        return after[0]
    return before[0]


def year_for_month_day(month: int, day: int, anchor: Anchor) -> int | None:
    """The year of a yearless 'ON 30 DECEMBER': of the dates in the dateline's year and the years
    either side, the closest to the dateline, before it in a past clause, after it in a future
    one."""
    if anchor.published is None:
        return None
    pub = anchor.published
    options = [
        (y, found)
        for y in (pub.year - 1, pub.year, pub.year + 1)
        if (found := safe_date(y, month, min(day, 28) if month == 2 else day))
    ]
    return _nearest(options, pub, anchor.tense)


def year_for_month(month: int, anchor: Anchor, relation: str = "") -> int | None:
    """The year of a yearless month: 'last March' strictly before the dateline's month,
    'next March' strictly after, a bare 'March' the closest in the tense's direction."""
    if anchor.published is None:
        return None
    pub = anchor.published
    if relation == "last":
        return pub.year if month < pub.month else pub.year - 1
    if relation == "next":
        return pub.year if month > pub.month else pub.year + 1
    if relation == "this":
        return pub.year
    this_month = pub.replace(day=1)
    options = [(y, date(y, month, 1)) for y in (pub.year - 1, pub.year, pub.year + 1)]
    return _nearest(options, this_month, anchor.tense)


def weekday_date(weekday: int, anchor: Anchor, relation: str = "") -> date | None:
    """The day a weekday name points at: the closest one to the dateline (the dateline's own day
    included), before it in a past clause, after it in a future one; 'last'/'next' exclude
    the day itself."""
    if anchor.published is None:
        return None
    pub = anchor.published
    back = (pub.isoweekday() - weekday) % 7
    ahead = (weekday - pub.isoweekday()) % 7
    if relation == "last":
        return pub - timedelta(days=back or 7)
    if relation == "next":
        return pub + timedelta(days=ahead or 7)
    options = [(0, pub - timedelta(days=back)), (1, pub + timedelta(days=ahead))]
    # A modal ('would appeal the decision announced Wednesday') says little about a weekday.
    tense = "" if anchor.tense == "modal" else anchor.tense
    tense = "future" if relation == "this" and not tense else tense
    pick = _nearest(options, pub, tense, past_reach=-1)  # a week is too short to misread
    return options[pick or 0][1]


def _easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    lunar = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * lunar) // 451
    month, day = divmod(h + lunar - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The nth (1-based; -1 for the last) ISO `weekday` of a month."""
    if nth < 0:
        last = date(year, month, calendar.monthrange(year, month)[1])
        return last - timedelta(days=(last.isoweekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))


HOLIDAYS = {
    "christmas": lambda y: date(y, 12, 25), "christmas day": lambda y: date(y, 12, 25),
    "christmas eve": lambda y: date(y, 12, 24), "new year's": lambda y: date(y, 1, 1),
    "new year's day": lambda y: date(y, 1, 1), "new year's eve": lambda y: date(y, 12, 31),
    "independence day": lambda y: date(y, 7, 4), "halloween": lambda y: date(y, 10, 31),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 4, 4),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 4, 4),
    "labor day": lambda y: _nth_weekday(y, 9, 1, 1),
    "memorial day": lambda y: _nth_weekday(y, 5, 1, -1),
    "easter": _easter, "easter sunday": _easter,
}  # fmt: skip


def holiday_date(name: str, anchor: Anchor, relation: str = "") -> date | None:
    """The day of a named holiday closest to the dateline ('last Christmas': the one before)."""
    if anchor.published is None or name not in HOLIDAYS:
        return None
    pub = anchor.published
    options = [(y, HOLIDAYS[name](y)) for y in (pub.year - 1, pub.year, pub.year + 1)]
    tense = {"last": "past", "next": "future"}.get(relation, anchor.tense)
    if relation in ("last", "next"):
        options = [o for o in options if o[1] != pub]
    year = _nearest(options, pub, tense, past_reach=-1 if relation else PAST_REACH)
    return HOLIDAYS[name](year) if year is not None else None


def interval(value: str | None) -> tuple[date, date] | None:
    """The first and last day a TIMEX3 date value covers ('1992' -> 1992-01-01..1992-12-31);
    None for durations, references (PRESENT_REF) and values with unknown parts."""
    if not value or "X" in value[:10]:
        return None
    head = value.split("T")[0]
    season = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", head)
    if season:
        first, last = SEASON_MONTHS[season.group(2)]
        year = int(season.group(1))
        end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
        return _month_interval(year, first)[0], _month_interval(end_year, end_month)[1]
    for pattern, build in _INTERVALS:
        match = re.fullmatch(pattern, head)
        if match:
            try:
                return build(*map(int, match.groups()))
            except ValueError:
                return None
    return None


def _month_interval(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _week_interval(year: int, week: int) -> tuple[date, date]:
    start = date.fromisocalendar(year, week, 1)
    return start, start + timedelta(days=6)


def _quarter_interval(year: int, quarter: int) -> tuple[date, date]:
    return _month_interval(year, 3 * quarter - 2)[0], _month_interval(year, 3 * quarter)[1]


_INTERVALS = (
    (r"(\d{4})-(\d{2})-(\d{2})", lambda y, m, d: (date(y, m, d), date(y, m, d))),
    (r"(\d{4})-(\d{2})", _month_interval),
    (r"(\d{4})-W(\d{2})(?:-WE)?", _week_interval),
    (r"(\d{4})-Q(\d)", _quarter_interval),
    (r"(\d{4})-H(\d)", lambda y, h: (date(y, 6 * h - 5, 1), _month_interval(y, 6 * h)[1])),
    (r"(\d{4})", lambda y: (date(y, 1, 1), date(y, 12, 31))),
    (r"(\d{3})", lambda d: (date(d * 10, 1, 1), date(d * 10 + 9, 12, 31))),
    (r"(\d{2})", lambda c: (date(max(c * 100, 1), 1, 1), date(c * 100 + 99, 12, 31))),
)


def precision_of(value: str | None) -> str:
    """day | month | year | unknown: how precisely a TIMEX3 date value places a day."""
    if not value:
        return "unknown"
    head = value.split("T")[0]
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", head):
        return "day"
    if re.fullmatch(r"\d{4}-\d{2}", head):
        return "month"
    if re.fullmatch(r"\d{4}-W\d{2}(-WE)?", head):
        return "month"  # a week lies within a month or two: finer than a year, not a day
    if re.fullmatch(r"\d{4}(-[QH]\d|-SP|-SU|-FA|-WI)?", head):
        return "year"
    return "unknown"
