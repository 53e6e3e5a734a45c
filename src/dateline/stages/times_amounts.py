"""Durations ('34 years' -> P34Y), recurrences ('every day' -> P1D) and vague references
('recently' -> PAST_REF): the normalisers of amounts of time rather than positions in it."""

from __future__ import annotations

import re

from .times_lexicon import PARTS_OF_DAY, SET_ADVERBS, number_value, unit_code, weekday_value
from .times_values import Context, Norm
from .times_values import group as _group
from .times_values import lower as _lower

DURATION_UNITS = {"DE": (10, "Y"), "CE": (100, "Y"), "WE": (1, "WE")}
HALVES = {"Y": "6M", "TH": "30M", "TM": "30S", "D": "T12H"}  # '5 1/2 hours' -> PT5H30M
SET_LEAD = re.compile(r"(?:\d|%|\bcents?|\bdollars?|\btimes|\bshare)\s*$", re.IGNORECASE)


def duration_value(amount: float | None, unit: str) -> str:
    """P34Y, PT5H, P10Y for a decade, PXY for 'several years'."""
    factor, letter = DURATION_UNITS.get(unit, (1, unit))
    if amount is None:
        number = "X"
    else:
        total = amount * factor
        if not float(total).is_integer() and letter in HALVES:
            return duration_value(int(total), unit) + HALVES[letter]
        number = str(int(total)) if float(total).is_integer() else f"{total:g}"
    return f"PT{number}{letter[1]}" if letter.startswith("T") else f"P{number}{letter}"


def duration(match: re.Match[str], context: Context) -> Norm | None:
    """'34 years' -> P34Y, 'five-hour' -> PT5H; ages ('44-year-old') are not times."""
    text, number = match.group("t").lower(), _lower(match, "num")
    if text.endswith("-old") or re.match(r"\s+old\b", context.text[match.end("t") :]):
        return None
    unit = unit_code(_lower(match, "unit"))
    if number in ("a", "an") and unit == "TS":
        return None  # 'a second attack'
    if unit == "Q" and (
        re.search(r"-quarters?$", text) or context.text.startswith(" of", match.end("t"))
    ):
        return None  # 'three-quarters of its food', 'a quarter of the vote': fractions
    value = duration_value(number_value(number), unit)
    if number in ("a", "an") and SET_LEAD.search(context.text[: match.start("t")]):
        return Norm("SET", value)  # '5% a year', 'three times a day'
    return Norm("DURATION", value)


def vague_duration(match: re.Match[str], context: Context) -> Norm | None:
    """'for years', 'in recent months', 'the coming weeks': a duration of unknown length."""
    if not (_group(match, "prep") or _group(match, "mod")) or match.group("t").lower().endswith(
        "-old"
    ):
        return None
    unit = unit_code(_lower(match, "unit"))
    return Norm("DURATION", duration_value(None, "Y" if unit in ("DE", "CE") else unit))


def recurrence(match: re.Match[str], context: Context) -> Norm | None:
    """'every day' -> P1D, 'daily', 'twice a week', 'every Monday' -> XXXX-WXX-1."""
    if _group(match, "adverb"):
        return Norm("SET", SET_ADVERBS[_lower(match, "adverb")])
    unit_text = (_lower(match, "unit") or _lower(match, "unit2")).rstrip("s")
    if unit_text in PARTS_OF_DAY:
        return Norm("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[unit_text]}")
    try:
        return Norm("SET", f"XXXX-WXX-{weekday_value(unit_text)}")
    except KeyError:
        pass
    number = _lower(match, "num")
    amount = 2 if number == "other" else number_value(number) if number else 1
    return Norm("SET", duration_value(amount, unit_code(unit_text)))


def reference(match: re.Match[str], context: Context) -> Norm | None:
    for group, value in (
        ("present", "PRESENT_REF"),
        ("past", "PAST_REF"),
        ("future", "FUTURE_REF"),
    ):
        if _group(match, group):
            return Norm("DATE", value)
    return None
