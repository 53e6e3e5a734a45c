"""Reporting periods: quarters and halves ('the third quarter', 'the first half of 1990'), the
fiscal period a business story is about ('the year-ago quarter', 'the 1988 period') and 'the
year' ('for the year', 'the year ended June 30')."""

from __future__ import annotations

import re
from datetime import date

from .times_calendar import shift
from .times_lexicon import ordinal_value
from .times_values import Context, Norm, year_of
from .times_values import group as _group
from .times_values import lower as _lower

YEAR_SHIFT = {"last": -1, "this": 0, "next": 1}
PAIRS = {"first": 1, "last": 2}  # 'the first two quarters' is the first half


def quarter(match: re.Match[str], context: Context) -> Norm | None:
    """'the third quarter' -> 1998-Q3, 'the first half of 1990' -> 1990-H1, 'the last half of
    1989' -> 1989-H2, 'the first two quarters' -> H1 (the dateline's year when none is written:
    business news speaks of the current year's quarters)."""
    letter, limit = ("Q", 4) if _lower(match, "part") == "quarter" else ("H", 2)
    number: int | None
    if _group(match, "pair"):
        letter, number = "H", PAIRS[_lower(match, "pair")]
    else:
        word = _lower(match, "ord")
        number = limit if word == "last" else ordinal_value(word)
    year = year_of(match, context.anchor, "y", "y0")
    if not number or number > limit:
        return None
    pub = context.anchor.published
    if year is None and pub and _group(match, "yrel"):
        year = pub.year + YEAR_SHIFT[_lower(match, "yrel")]
    if year is None and pub:
        current = (pub.month - 1) // 3 + 1 if letter == "Q" else (pub.month - 1) // 6 + 1
        later = number > current and context.anchor.tense != "future"
        year = pub.year - 1 if later else pub.year  # a quarter still to come is last year's
    return Norm("DATE", f"{year:04d}-{letter}{number}" if year else None)


def fiscal_period(match: re.Match[str], context: Context) -> Norm | None:
    """'the quarter', 'the latest quarter' (the one the sentence is about, else the last complete
    one), 'the year-ago period', 'year-earlier' (that quarter a year before), 'the 1988 period'
    (the quarter the story is about, in 1988)."""
    anchor = context.anchor
    written = year_of(match, anchor, "fy")
    if written is not None:
        return Norm("DATE", f"{written:04d}" + (anchor.quarter[4:] if anchor.quarter else ""))
    which = _lower(match, "which") or _lower(match, "adj")
    current = which == "current"
    if anchor.quarter and which not in ("current", "latest", "just-ended", "just-completed"):
        year, quarter_ = int(anchor.quarter[:4]), int(anchor.quarter[-1])
    elif anchor.published:
        pub = anchor.published
        quarter_start = shift(
            date(pub.year, 3 * ((pub.month - 1) // 3) + 1, 1), "M", 0 if current else -3
        )
        year, quarter_ = quarter_start.year, (quarter_start.month - 1) // 3 + 1
    else:
        return Norm("DATE", None)
    if which.startswith(("year-", "comparable")):
        year -= 1
    return Norm("DATE", f"{year:04d}-Q{quarter_}")


def the_year(match: re.Match[str], context: Context) -> Norm | None:
    """'for the year', 'the full year', 'the current fiscal year': the dateline's year (a report
    speaks of its own year; 'that year' is the narrative's); 'the year ended June 30' is a
    year-long stretch whose end the text gives, a duration."""
    if _group(match, "ended"):
        return Norm("DURATION", "P1Y")
    pub = context.anchor.published
    return Norm("DATE", f"{pub.year:04d}" if pub else None)
