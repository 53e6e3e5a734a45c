"""Words of time: month, weekday, number, unit and part-of-day tables, and the regex fragments
built from them. Everything is lower case; the grammar matches case-insensitively (MUC is all caps).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
WEEKDAYS = {
    "monday": 1,
    "mon": 1,
    "tuesday": 2,
    "tues": 2,
    "tue": 2,
    "wednesday": 3,
    "wed": 3,
    "thursday": 4,
    "thurs": 4,
    "thu": 4,
    "friday": 5,
    "fri": 5,
    "saturday": 6,
    "sat": 6,
    "sunday": 7,
    "sun": 7,
}
UNITS = {
    "second": "TS",
    "minute": "TM",
    "hour": "TH",
    "day": "D",
    "night": "D",
    "week": "W",
    "fortnight": "W",
    "month": "M",
    "quarter": "Q",
    "year": "Y",
    "decade": "DE",
    "century": "CE",
    "centurie": "CE",
    "weekend": "WE",
}
SMALL_NUMBERS = {
    "zero": 0,
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "couple": 2,
    "a couple of": 2,
    "dozen": 12,
    "a dozen": 12,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
VAGUE_NUMBERS = {"several", "a few", "few", "some", "many", "a number of", "numerous"}
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
    "hundredth": 100,
}
PARTS_OF_DAY = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
    "tonight": "NI",
}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
DECADE_WORDS = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}
# Not 'annually' or 'quarterly': in news they mostly qualify rates ('3% annually'), not events.
SET_ADVERBS = {
    "daily": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "yearly": "P1Y",
    "hourly": "PT1H",
    "nightly": "P1D",
}


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of `words`, longest first so that 'sept' wins over 'sep'."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in ordered)


_UNIT_NUMBERS = alternation(set(SMALL_NUMBERS) | VAGUE_NUMBERS)
_TENS = alternation(TENS)
_ONES = alternation(k for k, v in SMALL_NUMBERS.items() if 1 <= v <= 9 and k not in ("a", "an"))
# A count: digits (with a fraction), tens with an optional unit ("twenty-five"), or a small word.
NUMBER = (
    rf"(?:\d+(?:\.\d+)?(?:\s+1/2)?|(?:{_TENS})(?:[-\s](?:{_ONES}))?|{_UNIT_NUMBERS}"
    rf"|(?:{_ONES})\s+hundred|hundreds\s+of|thousands\s+of)"
)
_TEENS = alternation(k for k, v in SMALL_NUMBERS.items() if 10 <= v <= 19 and k != "dozen")
_UNDER_HUNDRED = rf"(?:(?:{_TENS})(?:[-\s](?:{_ONES}))?|{_TEENS}|oh[-\s](?:{_ONES}))"
# A year said in words, as broadcast transcripts write it: 'nineteen ninety-six', 'nineteen
# oh five', 'two thousand', 'two thousand and one'.
SPOKEN_YEAR = (
    rf"(?:(?:nineteen|twenty)[-\s]+(?:{_UNDER_HUNDRED}|hundred)"
    rf"|two\s+thousand(?:\s+(?:and\s+)?(?:{_UNDER_HUNDRED}|{_ONES}))?)"
)
ORDINAL = rf"(?:\d{{1,3}}(?:st|nd|rd|th)|{alternation(ORDINALS)})"
UNIT = rf"(?:{alternation(UNITS)})s?"
MONTH_NAME = rf"(?:{alternation(k for k in MONTHS if len(k) > 3 or k == 'may')})"
_FULL_MONTHS = [name for name in MONTHS if name in ("may", "june", "july") or len(name) > 4]
# A dot ends an abbreviation ('Sept.'); after a full name ('3 May.') it ends the sentence.
MONTH = rf"(?:{alternation(_FULL_MONTHS)}|(?:{alternation(set(MONTHS) - set(_FULL_MONTHS))})\.?)"
WEEKDAY_NAME = rf"(?:{alternation(k for k in WEEKDAYS if len(k) > 5)})"
WEEKDAY = rf"(?:{WEEKDAY_NAME}|(?:tues|wed|thurs|thu|fri|sat|sun|mon|tue)\.)"
PART_OF_DAY = r"(?:morning|afternoon|evening|night)"
SEASON = rf"(?:{alternation(SEASONS)})"
# What makes a two-digit number after a day and month a count, not the year ('ON 23 SEPTEMBER 28
# BODIES WERE FOUND', against '23 SEPTEMBER 89, ...'): a plural noun, maybe after one modifier
# ('28 unidentified bodies', '12 Salvadoran soldiers'). A plural is a word ending in -men, an
# irregular plural, or one ending in -s after a letter other than s, u or i ('bodies', 'peasants';
# not 'across', 'thus', 'crisis'), that is no function word and no reporting verb (a paper 'of 17
# MAY 90 REPORTS THAT ...'); a verb that takes 'that' is not counted either.
_NOT_PLURALS = (
    "was has as this his its is us yes always perhaps whereas besides towards afterwards"
    " says reports states adds notes indicates reveals claims announces explains"
)
_MODIFIER = r"(?:more|other|young|dead|(?!san\b)[a-z][a-z-]*(?:ed|an|al))"
_PLURAL = (
    rf"(?!(?:{alternation(_NOT_PLURALS.split())})\b)"
    r"(?:[a-z]*men|people|children|police|personnel|[a-z]*[a-hj-rtv-z]s)\b(?!\s+that\b)"
)
COUNTED_NOUN = rf"\s+(?:{_MODIFIER}\s+)?{_PLURAL}"
NUMERIC_ZONES = r"(?:\(?(?:utc|gmt)\s*(?P<sign>[+−-])\s*(?P<oh>\d{1,2})(?::?(?P<om>\d{2}))?\)?)"
NAMED_ZONES = r"(?:est|edt|cst|cdt|mst|mdt|pst|pdt|gmt|utc|bst|cet|cest)"


def number_value(text: str) -> float | None:
    """'34' -> 34, 'thirty-four' -> 34, 'a' -> 1, '5 1/2' -> 5.5; None for 'several' (vague)."""
    words = re.sub(r"\s+", " ", text.strip().lower())
    if words in VAGUE_NUMBERS or words in ("hundreds of", "thousands of"):
        return None
    if words in SMALL_NUMBERS:
        return SMALL_NUMBERS[words]
    fraction = re.fullmatch(r"(\d+) 1/2", words)
    if fraction:
        return int(fraction.group(1)) + 0.5
    if re.fullmatch(r"\d+(?:\.\d+)?", words):
        return float(words) if "." in words else int(words)
    return _compound_number(words)


def _compound_number(words: str) -> float | None:
    parts = re.split(r"[-\s]", words)
    if parts[-1] == "hundred" and parts[0] in SMALL_NUMBERS:
        return SMALL_NUMBERS[parts[0]] * 100
    if parts[0] in TENS:
        rest = SMALL_NUMBERS.get(parts[1], 0) if len(parts) > 1 else 0
        return TENS[parts[0]] + rest
    return None


def ordinal_value(text: str) -> int | None:
    words = text.strip().lower()
    if words in ORDINALS:
        return ORDINALS[words]
    digits = re.match(r"\d+", words)
    return int(digits.group()) if digits else None


def month_value(text: str) -> int:
    return MONTHS[text.strip().lower().rstrip(".")]


def weekday_value(text: str) -> int:
    return WEEKDAYS[text.strip().lower().rstrip(".")]


def unit_code(text: str) -> str:
    """'years' -> 'Y', 'hours' -> 'TH': the TIMEX3 letter of a unit, T-prefixed for clock units
    (written after the T of a duration, and telling minutes 'TM' from months 'M')."""
    word = text.strip().lower()
    return UNITS.get(word) or UNITS[word[:-1]]


def spoken_year_value(text: str) -> int | None:
    """'nineteen ninety-six' -> 1996, 'two thousand and one' -> 2001, 'nineteen oh five' -> 1905."""
    words = [w for w in re.split(r"[-\s]+", text.strip().lower()) if w not in ("and", "oh")]
    if words[:2] == ["the", "year"]:
        words = words[2:]
    if words[:2] == ["two", "thousand"]:
        century, rest = 20, words[2:]
    elif words and words[0] in ("nineteen", "twenty"):
        century, rest = SMALL_NUMBERS.get(words[0]) or TENS[words[0]], words[1:]
    else:
        return None
    if rest in ([], ["hundred"]):
        return century * 100
    tens = TENS.get(rest[0], 0)
    ones = SMALL_NUMBERS.get(rest[-1], 0) if len(rest) > 1 or not tens else 0
    return century * 100 + tens + ones
