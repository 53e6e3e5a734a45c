"""Publication dates to ISO 8601, keeping the time and UTC offset when the source has them."""

from __future__ import annotations

import email.utils
import re
from datetime import date, datetime, timedelta, timezone

MONTH_PREFIXES = ("jan", "feb", "mar", "apr", "may", "jun",
                  "jul", "aug", "sep", "oct", "nov", "dec")  # fmt: skip
HAS_CLOCK = re.compile(r"\d{1,2}:\d{2}")
DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")


def month_number(name: str) -> int:
    return MONTH_PREFIXES.index(name[:3].lower()) + 1


def two_digit_year(year: int, today: date | None = None) -> int:
    """'90' -> 1990, '24' -> 2024: a two-digit year is taken as the latest one not in the future."""
    this_year = (today or date.today()).year
    candidate = this_year - this_year % 100 + year
    return candidate if candidate <= this_year else candidate - 100


def build_iso(day: date, clock: tuple[int, int, int] | None, offset_minutes: int | None) -> str:
    """'2026-02-26', '2026-02-26T10:39:00' or '2026-02-26T10:39:00+04:00', as much as is known."""
    if clock is None:
        return day.isoformat()
    moment = datetime(day.year, day.month, day.day, *clock)
    if offset_minutes is not None:
        moment = moment.replace(tzinfo=timezone(timedelta(minutes=offset_minutes)))
    return moment.isoformat(timespec="seconds")


def normalise_datetime(value: str) -> str | None:
    """ISO 8601 from ISO, RFC 2822 or a common written date; None when it cannot be read.

    A date without a time stays a date: midnight is never invented, nor a missing day or month.
    """
    text = value.strip()
    if not text:
        return None
    if DATE_ONLY.fullmatch(text):
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            return None
    for parse in (_from_iso, _from_rfc2822, _from_written):
        moment = parse(text)
        if moment is not None:
            if not HAS_CLOCK.search(text):
                return moment.date().isoformat()
            try:
                return moment.isoformat(timespec="seconds")
            except ValueError:  # a UTC offset of a day or more: not a real time
                return None
    return None


def _from_iso(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.replace(" ", "T", 1) if "T" not in text else text)
    except ValueError:
        return None


def _from_rfc2822(text: str) -> datetime | None:
    try:
        return email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def _from_written(text: str) -> datetime | None:
    from dateutil import parser

    if not re.search(r"\d{4}", text):
        return None  # no year: any date we returned would be partly invented
    try:  # parsed against two defaults: a year, month or day the text lacks comes out different
        first, second = (parser.parse(text, default=datetime(2000 + n, n, n)) for n in (1, 2))
    except (ValueError, OverflowError, ArithmeticError):  # dateutil fails in many ways on odd input
        return None
    return first if first.date() == second.date() else None
