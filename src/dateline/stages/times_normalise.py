"""From a matched expression to its TIMEX3 type and value, resolved against an `Anchor`.

One normaliser per grammar rule kind. A normaliser returns None to reject a match that is not
a time after all ('they may 5...', '2500 troops'); a `Norm` with value None when the expression
is a time but its value cannot be known honestly (no dateline, 'February 30', a year of 3024).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from .times_amounts import duration, duration_value, recurrence, reference, vague_duration
from .times_calendar import (
    Anchor,
    holiday_date,
    safe_date,
    shift,
    value_at,
    weekday_date,
    year_for_month,
    year_for_month_day,
)
from .times_grammar import Candidate
from .times_lexicon import (
    DECADE_WORDS,
    PARTS_OF_DAY,
    SEASONS,
    month_value,
    number_value,
    ordinal_value,
    unit_code,
    weekday_value,
)
from .times_periods import YEAR_SHIFT, fiscal_period, quarter, the_year
from .times_values import Context, Norm, year_of
from .times_values import group as _group
from .times_values import lower as _lower

AMBIGUOUS_MONTHS = {"may", "march", "mar"}  # also verbs: need a capital and a cue to be months
MONTH_CUES = {"in", "since", "until", "till", "during", "through", "throughout", "by", "from"}


def normalise(candidate: Candidate, context: Context) -> Norm | None:
    return NORMALISERS[candidate.kind](candidate.match, context)


# Clock times -------------------------------------------------------------------------------


def clock_value(match: re.Match[str]) -> str | None:
    """'T10:39', 'T22:00', 'T12:00' from the CLOCK groups; None when there is no valid clock."""
    word = _lower(match, "clockword")
    if word:
        return "T24:00" if word == "midnight" else "T12:00"
    hour_text = _group(match, "hour") or _group(match, "hour2")
    if hour_text is None:
        return None
    hour, minute = int(hour_text), int(_group(match, "minute") or _group(match, "minute2") or 0)
    meridiem = (_lower(match, "ampm") or _lower(match, "ampm2"))[:1]
    if meridiem == "p" and hour < 12:
        hour += 12
    elif meridiem == "a" and hour == 12:
        hour = 0
    return f"T{hour:02d}:{minute:02d}" if hour < 24 and minute < 60 else None


def offset_value(match: re.Match[str]) -> str:
    """'+04:00' from a written 'UTC+04:00' / 'GMT+4' after the time; '' when there is none."""
    if not _group(match, "offset"):
        return ""
    sign = "-" if _group(match, "sign") in ("-", "−") else "+"
    return f"{sign}{int(_group(match, 'oh') or 0):02d}:{int(_group(match, 'om') or 0):02d}"


def _with_clock(day: date | None, match: re.Match[str]) -> Norm:
    clock = clock_value(match)
    if day is None:
        return Norm("TIME" if clock else "DATE", None)
    if clock is None:
        return Norm("DATE", day.isoformat())
    return Norm("TIME", day.isoformat() + clock + offset_value(match))


# Calendar dates ----------------------------------------------------------------------------


def _day_of_month(text: str) -> int:
    return int(re.match(r"\d+", text).group())  # type: ignore[union-attr]


def calendar_date(match: re.Match[str], context: Context) -> Norm | None:
    """dmy and mdy: '26 February 2026 10:39', 'ON 30 DECEMBER', 'February 25-26, 1992'."""
    month_text = _group(match, "mon") or ""
    if _looks_like_verb(month_text, context) and not _group(match, "y"):
        return None
    month, first = month_value(month_text), _day_of_month(match.group("d1"))
    year = year_of(match, context.anchor, "y") or year_for_month_day(month, first, context.anchor)
    if year is None:
        return Norm("TIME" if clock_value(match) else "DATE", None)
    start = safe_date(year, month, first)
    norm = _with_clock(start, match)
    last_text = _group(match, "d2")
    if start is None or not last_text:
        return norm
    end = safe_date(year, month, _day_of_month(last_text))
    if end is None or end <= start:
        return Norm(norm.type, None)
    return Norm(norm.type, norm.value, (start.isoformat(), end.isoformat()))


def _looks_like_verb(month_text: str, context: Context) -> bool:
    # 'may' and 'march' are months only when written with a capital (or in an all-caps text).
    word = month_text.rstrip(".")
    return word.lower() in AMBIGUOUS_MONTHS and not context.caps and not word[:1].isupper()


def iso_date(match: re.Match[str], context: Context) -> Norm | None:
    day = safe_date(int(match.group("y")), int(match.group("m")), int(match.group("d")))
    return _with_clock(day, match)


def numeric_date(match: re.Match[str], context: Context) -> Norm | None:
    """'11/20/1998' (US order), '20/11/98' (day first when the first number cannot be a month)."""
    first, second = int(match.group("a")), int(match.group("b"))
    month, day = (second, first) if first > 12 else (first, second)
    year = year_of(match, context.anchor, "y")
    found = safe_date(year, month, day) if year else None
    return Norm("DATE", found.isoformat() if found else None)


def month_year(match: re.Match[str], context: Context) -> Norm | None:
    """'October 1991', 'JANUARY NINETEEN NINETY-SEVEN', 'July last year'."""
    year = year_of(match, context.anchor, "y")
    if year is None and context.anchor.published and _group(match, "yrel"):
        year = context.anchor.published.year + YEAR_SHIFT[_lower(match, "yrel")]
    month = month_value(match.group("mon"))
    valid = year is not None and safe_date(year, month, 1) is not None
    return Norm("DATE", f"{year:04d}-{month:02d}" if valid else None)


def bare_month(match: re.Match[str], context: Context) -> Norm | None:
    """'last March', 'in October': a month without a year needs a cue that it is a month."""
    word, relation, cue = (
        match.group("mon").rstrip("."),
        _lower(match, "rel"),
        _lower(match, "prep"),
    )
    capital = context.caps or word[:1].isupper()
    if not capital or (word.lower() in AMBIGUOUS_MONTHS and not relation and cue not in MONTH_CUES):
        return None
    month = month_value(word)
    year = year_for_month(month, context.anchor, relation.split(" ")[0] if relation else "")
    return Norm("DATE", f"{year:04d}-{month:02d}" if year else None)


def bare_year(match: re.Match[str], context: Context) -> Norm | None:
    """'1992', 'fiscal 1990', 'in 1750': plain four-digit numbers are years only from 1900 to 2099
    unless a word says so ('in', 'since', 'fiscal'), and never beyond the calendar window."""
    cued = bool(_group(match, "prep") or _group(match, "fiscal") or _group(match, "mod"))
    if _group(match, "sy"):
        # 'Two thousand' is a count ('two thousand people') unless a word makes it a year.
        cued = cued or _lower(match, "sy").startswith("the year")
        count = _lower(match, "sy").startswith("two thousand") and not cued
        return None if count else Norm("DATE", f"{year_of(match, context.anchor):04d}")
    year = int(match.group("y"))
    if _is_numbered(match, context):
        return None
    if _is_clock_at(match, context) or _is_clock_since(match, context):
        return military_time(match.group("y"), "", _narrative_day(context.anchor))
    if not (1900 <= year <= 2099 or (cued and safe_date(year, 1, 1))):
        return None
    return Norm("DATE", f"{year:04d}")


HHMM = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d")
CLOCK_LEAD = re.compile(r"\b(?:at|around|approximately)\s+$", re.IGNORECASE)
CLOCK_TAIL = re.compile(r"\s*(?:[.,;)]|$|on\b|in\s+the\b)", re.IGNORECASE)


def _is_clock_at(match: re.Match[str], context: Context) -> bool:
    """'AT 1930, A GROUP ...', 'AROUND 2100.': a four-digit number that reads as HHMM and ends its
    phrase is a 24-hour clock after 'at' (a year takes 'in'), and after 'around' or
    'approximately' when no year can be meant (later than the dateline's next year)."""
    digits, pub = match.group("y"), context.anchor.published
    if pub is None or not HHMM.fullmatch(digits):
        return False
    before = context.text[max(0, match.start("t") - 20) : match.start("t")]
    lead = CLOCK_LEAD.search(before)
    if lead is None or not CLOCK_TAIL.match(context.text, match.end("t")):
        return False
    return lead.group().lower().startswith("at") or int(digits) > pub.year + 1


# 'Avenida Bolivar No 1978', 'Calle 5 No. 1990', 'house number 1985': a number that numbers a
# thing. 'No' is the negation in lower case ('no 1990 model') and opening a sentence ('No 1990
# figures were given'): as an abbreviation it follows the name of what it numbers.
NUMBERED = re.compile(r"(?:(?<=[\w,]\s)N[Oo]\.?|(?<!\w)(?:no\.|[Nn][º°]\.?|(?i:number)|#))\s*$")


def _is_numbered(match: re.Match[str], context: Context) -> bool:
    if _group(match, "prep") or _group(match, "mod") or _group(match, "fiscal"):
        return False  # the regex's lead words are not there: 'No' was not before the year
    return bool(NUMBERED.search(context.text, max(0, match.start("t") - 9), match.start("t")))


MODERN_ERA = 1800  # news of current events names years from here on; earlier ones are history
CLOCK_SINCE = {"since", "until", "till", "from", "after", "before", "by", "around"}
# Words that put a text in history, where 'since 1705' can be the year.
HISTORY = re.compile(
    r"\b(?:centur(?:y|ies)|histor(?:y|ic|ical|ian|ians)|colonial|founded|ancient|medieval"
    r"|dynasty|empire|reign|monarch|king|queen|\d{1,2}(?:st|nd|rd|th)[-\s]century)\b",
    re.IGNORECASE,
)


def _is_clock_since(match: re.Match[str], context: Context) -> bool:
    """'SINCE 1705', 'UNTIL 1130': after a preposition of time, a number that reads as a 24-hour
    clock and as a year before the modern era is the clock in a news text (one with a dateline)
    whose words do not go back in history."""
    digits = match.group("y")
    if context.anchor.published is None or not HHMM.fullmatch(digits) or int(digits) >= MODERN_ERA:
        return False
    if _lower(match, "prep") not in CLOCK_SINCE or _group(match, "mod"):
        return False
    return HISTORY.search(context.text) is None


def decade(match: re.Match[str], context: Context) -> Norm | None:
    """'the 1990s' -> '199'; "the '80s" and 'the eighties' take the dateline's century."""
    if _group(match, "dec"):
        return Norm("DATE", match.group("dec")[:3])
    tens = (
        int(match.group("dec2")[0])
        if _group(match, "dec2")
        else DECADE_WORDS[_lower(match, "decword")]
    )
    pub = context.anchor.published
    century = (pub.year // 100) if pub else 19
    if pub and tens * 10 > pub.year % 100:
        century -= 1
    return Norm("DATE", f"{century:02d}{tens}")


def century(match: re.Match[str], context: Context) -> Norm | None:
    number = ordinal_value(match.group("ord"))
    return Norm("DATE", f"{number - 1:02d}") if number and 1 <= number <= 22 else None


def season(match: re.Match[str], context: Context) -> Norm | None:
    """'last fall' -> 1997-FA; 'fall' needs a determiner or a year (it is also a verb)."""
    code = SEASONS[_lower(match, "season") or _lower(match, "season2")]
    year = year_of(match, context.anchor, "y", "y2")
    pub, relation = context.anchor.published, _lower(match, "rel")
    if year is None and pub is not None:
        start = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
        year = pub.year
        if relation in ("last", "this past") and pub.month < start + 3:
            year -= 1
        elif relation == "next" and pub.month >= start:
            year += 1
    return Norm("DATE", f"{year:04d}-{code}" if year else None)


# Days relative to the dateline -------------------------------------------------------------

DAY_OFFSETS = {
    "today": 0,
    "tonight": 0,
    "yesterday": -1,
    "tomorrow": 1,
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
    "this": 0,
    "last": -1,
    "that": 0,
}


def _part_of_day(day: date, part: str) -> str:
    return f"{day.isoformat()}T{PARTS_OF_DAY[part]}"


def deictic(match: re.Match[str], context: Context) -> Norm | None:
    """'Today', 'yesterday afternoon', 'tonight': the dateline's day, moved."""
    word, part = _lower(match, "word"), _lower(match, "pod")
    part = part or ("tonight" if word == "tonight" else "")
    kind = "TIME" if part else "DATE"
    pub = context.anchor.published
    if pub is None:
        return Norm(kind, None)
    day = pub + timedelta(days=DAY_OFFSETS[word])
    return Norm(kind, _part_of_day(day, part) if part else day.isoformat())


def part_of_day(match: re.Match[str], context: Context) -> Norm | None:
    """'this morning', 'last night', 'tomorrow evening'."""
    pub, relation = context.anchor.published, _lower(match, "rel")
    if pub is None:
        return Norm("TIME", None)
    day = pub + timedelta(days=DAY_OFFSETS.get(relation, 0))
    return Norm("TIME", _part_of_day(day, _lower(match, "pod")))


def weekday(match: re.Match[str], context: Context) -> Norm | None:
    """'on Monday' (the closest Monday, the next one in a future clause), 'next Friday'."""
    relation = {
        "past": "last",
        "this past": "last",
        "coming": "next",
        "the previous": "last",
        "the following": "next",
    }.get(_lower(match, "rel"), _lower(match, "rel"))
    anchor = context.anchor
    if _lower(match, "rel") in ("the previous", "the following"):
        # 'The following Sunday' counts from the day the narrative is at, not the dateline's.
        anchor = replace(anchor, published=_narrative_day(anchor))
    day = weekday_date(weekday_value(match.group("wd")), anchor, relation)
    # 'Friday night' is dated to the Friday: TimeBank does so more often than not, and measured
    # better on it; the part of day stays in the text.
    return Norm("DATE", day.isoformat() if day else None)


def clock(match: re.Match[str], context: Context) -> Norm | None:
    """'10 a.m. EST', '6 p.m. Tuesday', 'noon': on the day named, else the narrative's day."""
    value = clock_value(match)
    if value is None:
        return None
    day = _clock_day(match, context.anchor)
    return Norm("TIME", day.isoformat() + value + offset_value(match) if day else None)


def _clock_day(match: re.Match[str], anchor: Anchor) -> date | None:
    """The day written after a clock time ('Tuesday', 'ON 29 MARCH'), else the narrative's."""
    day_word = _lower(match, "day")
    month_text, number_text = (
        (_group(match, "mon"), _group(match, "d1"))
        if _group(match, "mon")
        else (_group(match, "mon0"), _group(match, "d0"))
    )
    if day_word in DAY_OFFSETS and anchor.published:
        return anchor.published + timedelta(days=DAY_OFFSETS[day_word])
    if (part := _lower(match, "podday")) and anchor.published:  # this afternoon, last night
        return anchor.published - timedelta(days=part.startswith("last"))
    if day_word:
        return weekday_date(weekday_value(day_word), anchor)
    if month_text and number_text:
        month, number = month_value(month_text), _day_of_month(number_text)
        year = year_for_month_day(month, number, anchor)
        return safe_date(year, month, number) if year else None
    return _narrative_day(anchor)


def _narrative_day(anchor: Anchor) -> date | None:
    # A bare '10 p.m.' is on the day the narrative is at, when it is at a day.
    return anchor.reference if anchor.grain == "D" and anchor.reference else anchor.published


def clock24(match: re.Match[str], context: Context) -> Norm | None:
    """'AT 2030 HOURS', 'FROM 1710 TO 2250', '1700 GMT ON 29 MARCH': a 24-hour clock on the day
    written after it, else the narrative's (a range is valued by its start: TIMEX3 values one
    point)."""
    day = _clock_day(match, context.anchor)
    return military_time(match.group("hhmm"), _lower(match, "unit"), day)


def military_time(hhmm: str, unit: str, day: date | None) -> Norm:
    zone = "Z" if unit in ("gmt", "utc") else ""
    return Norm("TIME", f"{day.isoformat()}T{hhmm[:2]}:{hhmm[2:]}{zone}" if day else None)


# Units counted from the dateline or the narrative ------------------------------------------

REL_SHIFT = {
    "last": -1,
    "previous": -1,
    "this": 0,
    "current": 0,
    "next": 1,
    "coming": 1,
    "following": 1,
    "same": 0,
    "that": 0,
    "preceding": -1,
}
NARRATIVE = {"following", "previous", "same", "that", "preceding"}


def _relation_word(relation: str) -> str:
    """'the last' -> 'last', 'early next' -> 'next', 'the end of this' -> 'this'."""
    return relation.split(" ")[-1]


def relative(match: re.Match[str], context: Context) -> Norm | None:
    """'last week', 'this year', 'next month', 'the following day'; 'the past year' lasts."""
    relation, unit = _lower(match, "rel"), unit_code(_lower(match, "unit"))
    word = _relation_word(relation)
    if unit == "D":  # 'the next day' moves the narrative's day; 'the last day of the talks' is none
        return anaphoric(match, context) if word in NARRATIVE or relation == "the next" else None
    if relation in ("past", "the past", "the coming", "the next"):
        return Norm("DURATION", duration_value(1, unit))
    base = context.anchor.reference if word in NARRATIVE else context.anchor.published
    if base is None:
        return Norm("DATE", None)
    moved = shift(base, "W" if unit == "WE" else unit, REL_SHIFT.get(word, 0))
    return Norm("DATE", value_at(moved, unit))


DAYS_PER = {"TH": 1 / 24, "TM": 1 / 1440, "TS": 1 / 86400}
GRAIN_ORDER = ("D", "W", "WE", "M", "Q", "Y", "DE", "CE")


def offset(match: re.Match[str], context: Context) -> Norm | None:
    """'three days ago' (from the dateline), 'two days later' (from where the narrative is);
    'a year ago' in a sentence about a fiscal quarter is that quarter a year before."""
    direction, unit = _lower(match, "dir"), unit_code(_lower(match, "unit"))
    amount = number_value(match.group("num"))
    deictic_ = direction in ("ago", "from now", "hence")
    sign = -1 if direction in ("ago", "earlier", "before") else 1
    anchor = context.anchor
    if amount is None:
        return Norm("DATE", ("PAST_REF" if sign < 0 else "FUTURE_REF") if deictic_ else None)
    if unit == "Y" and anchor.quarter and float(amount).is_integer():
        return Norm("DATE", f"{int(anchor.quarter[:4]) + sign * int(amount)}{anchor.quarter[4:]}")
    grain = "D" if unit.startswith("T") else unit
    base = anchor.published if deictic_ else _narrative_base(anchor, grain)
    if base is None:
        return Norm("DATE", None)
    if unit.startswith("T"):  # '30 minutes ago', 'two hours later': whole days only move the day
        return Norm("DATE", shift(base, "D", sign * int(amount * DAYS_PER[unit])).isoformat())
    steps = int(amount * (10 if unit == "DE" else 100 if unit == "CE" else 1))
    moved = shift(base, "Y" if unit in ("DE", "CE") else grain, sign * steps)
    return Norm("DATE", value_at(moved, grain))


def _narrative_base(anchor: Anchor, grain: str) -> date | None:
    # 'two days later' needs the narrative at a day: after 'in 1992' only 'a year later' reads.
    if anchor.reference is None or GRAIN_ORDER.index(grain) < GRAIN_ORDER.index(anchor.grain):
        return None
    return anchor.reference


def weekend(match: re.Match[str], context: Context) -> Norm | None:
    day = weekday_date(6, context.anchor)
    return Norm("DATE", value_at(day, "WE") if day else None)


def anaphoric(match: re.Match[str], context: Context) -> Norm | None:
    """'the next day', 'that night', 'the day before': the day the narrative is at, moved."""
    relation = _lower(match, "rel") or _lower(match, "rel2")
    step = {"before": -1, "after": 1}.get(relation, REL_SHIFT.get(_relation_word(relation), 0))
    unit = _lower(match, "unit") or "day"
    anchor = context.anchor
    base = anchor.reference
    kind = "TIME" if unit in PARTS_OF_DAY else "DATE"
    if base is None:
        return Norm(kind, None)
    if anchor.grain != "D":
        # 'That same day' after 'in October': a day of that month, which one unknown.
        return Norm(
            kind, base.strftime("%Y-%m-XX") if anchor.grain == "M" else f"{base.year}-XX-XX"
        )
    day = base + timedelta(days=step)
    return Norm(kind, _part_of_day(day, unit) if kind == "TIME" else day.isoformat())


def holiday(match: re.Match[str], context: Context) -> Norm | None:
    """'Christmas', 'Thanksgiving Day', 'Easter': the closest one, as for a yearless date."""
    name = re.sub(r"\s+", " ", match.group("h").lower()).replace("’", "'")
    day = holiday_date(name, context.anchor, _lower(match, "rel"))
    return Norm("DATE", day.isoformat() if day else None)


NORMALISERS: dict[str, Callable[[re.Match[str], Context], Norm | None]] = {
    "iso": iso_date,
    "numeric": numeric_date,
    "dmy": calendar_date,
    "mdy": calendar_date,
    "month_year": month_year,
    "month": bare_month,
    "year": bare_year,
    "decade": decade,
    "century": century,
    "quarter": quarter,
    "season": season,
    "deictic": deictic,
    "part_of_day": part_of_day,
    "weekday": weekday,
    "clock": clock,
    "clock24": clock24,
    "relative": relative,
    "offset": offset,
    "ago": offset,
    "fiscal_period": fiscal_period,
    "the_year": the_year,
    "weekend": weekend,
    "holiday": holiday,
    "anaphoric": anaphoric,
    "duration": duration,
    "vague_duration": vague_duration,
    "set": recurrence,
    "reference": reference,
}
