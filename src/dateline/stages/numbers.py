"""Counts in text: "613", "1,275", "Eight", "two hundred and fifty", "at least 5", "10 to 15",
"dozens"; and the numbers that are not counts of anything (years, ages, times, money, ...).

Pure functions on strings, case-insensitive (MUC texts are all capitals). `figures` decides
which counts are casualties; this module only says what a number phrase is worth.

Vague quantities follow ACLED's published convention for reported fatalities: "When sources
report estimates such as 'tens' or 'dozens' or 'hundreds', ACLED codes 10 for 'tens', 12 for
'dozens', 100 for 'hundreds', and so on" (ACLED knowledge base, "Fatalities", Uses and
limitations of ACLED data, published 27 Feb 2023, updated 7 May 2024; the ACLED Codebook's
"Reported Fatalities" section says the same). "And so on" gives 1000 for "thousands"; "scores"
is coded 20 by the same rule (a score is 20 as a dozen is 12). We keep `qualifier="vague"`
next to that value so the convention never hides the wording. Words for which we could not
verify a convention ("many", "several", "a few") get no value, only the qualifier.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

QUALIFIERS = ("exact", "at_least", "at_most", "about", "range", "vague")


@dataclass(frozen=True, slots=True)
class Quantity:
    """What a number phrase says: a value, or bounds, and how sure the text is of it."""

    value: int | None
    low: int | None = None
    high: int | None = None
    qualifier: str = "exact"


UNITS = {
    "zero": 0, "no": 0, "none": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
# Group nouns that are a number in themselves ("a dozen", "a score", "a couple of").
GROUPS = {"dozen": 12, "score": 20, "couple": 2, "pair": 2}
# ACLED's codes for plural round numbers (see the module docstring); "scores" by the same rule.
VAGUE_VALUES = {
    "tens": 10, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000,
    "tens of thousands": 10_000, "hundreds of thousands": 100_000, "millions": 1_000_000,
}  # fmt: skip
VAGUE_WORDS = (
    "a great many", "a large number of", "a number of", "a handful of", "a few", "few",
    "many", "several", "numerous", "countless", "various", "some", "scores of",
)  # fmt: skip

PREFIXES = {
    "at_least": (
        "at least", "more than", "over", "upwards of", "in excess of", "no fewer than",
        "no less than", "not less than", "a minimum of", "at a minimum",
    ),
    "at_most": (
        "up to", "as many as", "no more than", "not more than", "fewer than", "less than",
        "at most", "a maximum of", "under",
    ),
    "about": (
        "about", "around", "approximately", "approx.", "some", "nearly", "almost", "roughly",
        "an estimated", "estimated", "close to", "circa", "perhaps", "an approximate",
    ),
}  # fmt: skip
SUFFIXES = {"about": ("or so", "odd"), "at_least": ("or more", "plus")}


def wordset(text: str) -> frozenset[str]:
    """A lexicon written as one space-separated string (easier to read than a list literal)."""
    return frozenset(text.split())


DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+$")
DECIMAL_SCALE = re.compile(r"^(\d+(?:\.\d+)?)\s+(hundred|thousand|million)$")
RANGE = re.compile(
    r"^(?:between|from)\s+(.+?)\s+(?:and|to)\s+(.+)$|^(.+?)(?:\s*[-–]\s*|\s+(?:to|or)\s+)(.+)$"
)
SPACES = re.compile(r"[\s\u00a0]+")


def normalise(text: str) -> str:
    """Lower case, single spaces, hyphens between number words split ("twenty-three")."""
    text = SPACES.sub(" ", text.strip().lower())
    return re.sub(r"(?<=[a-z])-(?=[a-z])", " ", text)


@lru_cache(maxsize=8192)  # the figures stage asks about the same few words again and again
def parse_cardinal(text: str) -> int | None:
    """'613', '1,275', 'Eight', 'twenty-three', 'a dozen', 'two hundred and fifty', '1.5 million'.

    None when the text is not a cardinal number.
    """
    text = normalise(text)
    if DIGITS.match(text):
        return int(text.replace(",", ""))
    if match := DECIMAL_SCALE.match(text):
        return round(float(match[1]) * SCALES[match[2]])
    return _words_value(text.split())


def _words_value(words: list[str]) -> int | None:
    # Words left to right: units and tens add up, a scale multiplies what came before it.
    if words[:2] == ["half", "a"]:  # "half a dozen"
        return _half(_words_value(words[2:]))
    if words[:1] in (["a"], ["an"]) and len(words) > 1:
        words = ["one", *words[1:]]
    if words[-1:] == ["of"]:
        words = words[:-1]
    total, current, seen = 0, 0, False
    for word in _split_compounds(words):
        if word == "and" and seen:
            continue
        if word in UNITS or word in TENS:
            current, seen = current + UNITS.get(word, TENS.get(word, 0)), True
        elif word in GROUPS or word in SCALES:
            current, seen = (current or 1) * (GROUPS.get(word) or SCALES[word]), True
            if word in ("thousand", "million"):
                total, current = total + current, 0
        elif DIGITS.match(word) and not seen:  # "3 dozen", "2 million"; never "5 10"
            current, seen = int(word.replace(",", "")), True
        else:
            return None
    return total + current if seen else None


def _split_compounds(words: list[str]) -> list[str]:
    # "thirtythree" (wire copy drops the hyphen) -> "thirty three".
    out = []
    for word in words:
        tens = next((t for t in TENS if word.startswith(t) and word[len(t) :] in UNITS), None)
        out += [tens, word[len(tens) :]] if tens and word != tens else [word]
    return out


def _half(value: int | None) -> int | None:
    return value // 2 if value else None


def parse_quantity(text: str) -> Quantity | None:
    """A count phrase with its qualifier: 'at least 5', '10 to 15', 'about 50', 'dozens', 'many'.

    None when the phrase is not a count ('the 1st', 'last year').
    """
    text = normalise(text).rstrip(".,;:")
    if not text:
        return None
    for _kind, parse in (("vague", _vague), ("range", _range), ("qualified", _qualified)):
        found = parse(text)
        if found is not None:
            return found
    value = parse_cardinal(text)
    return Quantity(value) if value is not None else None


def _vague(text: str) -> Quantity | None:
    bare = re.sub(r"\s+of$", "", text)
    if bare in VAGUE_VALUES:
        return Quantity(VAGUE_VALUES[bare], qualifier="vague")
    if bare in VAGUE_WORDS or text in VAGUE_WORDS:
        return Quantity(None, qualifier="vague")
    return None


def _range(text: str) -> Quantity | None:
    match = RANGE.match(text)
    if match is None:
        return None
    first, second = (match[1], match[2]) if match[1] else (match[3], match[4])
    low, high = parse_cardinal(first), parse_cardinal(second)
    if low is None or high is None or low >= high:
        return None
    return Quantity(None, low, high, "range")


def _qualified(text: str) -> Quantity | None:
    for qualifier, prefixes in PREFIXES.items():
        for prefix in prefixes:
            if text.startswith(prefix + " "):
                value = parse_cardinal(text[len(prefix) + 1 :])
                if value is not None:
                    return _bounded(value, qualifier)
    for qualifier, suffixes in SUFFIXES.items():
        for suffix in suffixes:
            if text.endswith(" " + suffix) or text.endswith("-" + suffix):
                value = parse_cardinal(text[: -len(suffix) - 1])
                if value is not None:
                    return _bounded(value, qualifier)
    return None


def _bounded(value: int, qualifier: str) -> Quantity:
    # "more than 20" keeps 20 as its bound, as MUC writes "20-": the text's number, not 21.
    if qualifier == "at_least":
        return Quantity(value, low=value, qualifier=qualifier)
    if qualifier == "at_most":
        return Quantity(value, high=value, qualifier=qualifier)
    return Quantity(value, qualifier=qualifier)


def count_phrase(text: str) -> int | None:
    """Implicit and coordinated counts of people: 'a soldier' -> 1, 'two peasants and a child' -> 3.

    Each conjunct must carry its own count (a number, 'a'/'an'/'one', 'another'); otherwise None.
    """
    parts = [p for p in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", normalise(text)) if p]
    counts = [_conjunct_count(part) for part in parts]
    if not counts or any(count is None for count in counts):
        return None
    return sum(c for c in counts if c is not None)


def _conjunct_count(part: str) -> int | None:
    words = part.split()
    if words[0] in ("a", "an", "another", "one") and len(words) > 1:
        return 1
    for size in range(len(words) - 1, 0, -1):
        quantity = parse_quantity(" ".join(words[:size]))
        if quantity is not None and quantity.value is not None:
            return quantity.value
    return None


# --- numbers that are not counts ----------------------------------------------------------

MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
)  # fmt: skip
ORDINAL_WORDS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "twentieth",
    "thirtieth", "fortieth", "fiftieth", "hundredth", "thousandth",
)  # fmt: skip
CURRENCY_WORDS = (
    "dollar", "dollars", "peso", "pesos", "euro", "euros", "pound", "pounds", "sterling",
    "yen", "franc", "francs", "mark", "marks", "colon", "colones", "sol", "soles", "inti",
    "intis", "bolivar", "bolivars", "cordoba", "cordobas", "quetzal", "quetzales", "sucre",
    "sucres", "rupee", "rupees", "cent", "cents", "manat", "manats", "rubles", "roubles",
    "usd", "eur", "gbp",
)  # fmt: skip
MEASURE_WORDS = (
    "km", "kms", "kilometer", "kilometers", "kilometre", "kilometres", "meter", "meters",
    "metre", "metres", "mile", "miles", "m", "mm", "cm", "kg", "kilograms", "kilos", "pounds",
    "lb", "lbs", "ton", "tons", "tonnes", "hectares", "acres", "feet", "ft", "caliber",
    "calibre", "degrees", "minutes", "seconds", "hours", "days", "weeks", "months", "years",
)  # fmt: skip
# Words that name a thing by its number: "Battalion 3", "Detachment No. 4", "Route 66".
LABEL_WORDS = (
    "no", "no.", "nr", "nr.", "number", "#", "battalion", "brigade", "regiment", "division",
    "company", "platoon", "squad", "unit", "corps", "detachment", "route", "highway",
    "road", "street", "avenue", "room", "flight", "line", "article", "resolution", "chapter",
    "page", "decree", "law", "section", "paragraph", "bus", "kilometer", "km", "zone", "sector",
    "district", "precinct", "ward", "channel", "radio", "code", "file", "case", "apartment",
)  # fmt: skip
TIME = re.compile(r"^\d{1,2}[:.]\d{2}$")
PHONE = re.compile(r"^\+?\(?\d[\d\s().-]{5,}\d$")
ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th|d)$")
YEAR = re.compile(r"^(1[89]\d{2}|20\d{2})$")
DECADE = re.compile(r"^(1[89]\d0|20\d0)'?s$")


def non_count_reason(text: str, before: str = "", after: str = "") -> str | None:
    """Why the number `text` is not a count ('year', 'age', 'time', 'money', 'percent', 'phone',
    'ordinal', 'unit', 'date', 'measure'), judged with the words `before` and `after` it; None
    when it may be a count.
    """
    number = normalise(text)
    prev, nxt = _words(before)[-2:], _words(after)[:3]
    for reason, test in _TESTS:
        if test(number, prev, nxt):
            return reason
    return None


def _words(text: str) -> list[str]:
    return re.findall(r"[\w.#$€£¥%']+|[$€£¥%#]", normalise(text))


def _is_ordinal(number: str, prev: list[str], nxt: list[str]) -> bool:
    return bool(ORDINAL.match(number)) or number in ORDINAL_WORDS


def _is_phone(number: str, prev: list[str], nxt: list[str]) -> bool:
    digits = sum(char.isdigit() for char in number)
    has_separator = bool(re.search(r"\d[\s().-]+\d", number)) and "," not in number
    return bool(PHONE.match(number)) and digits >= 7 and has_separator


def _is_time(number: str, prev: list[str], nxt: list[str]) -> bool:
    if TIME.match(number):
        return True
    clock = ("a.m.", "p.m.", "am", "pm", "a.m", "p.m", "o'clock", "hours", "hrs", "gmt", "utc")
    military = len(number) == 4 and number.isdigit() and nxt[:1] in (["hours"], ["hrs"])
    return military or (bool(nxt) and nxt[0] in clock and nxt[0] != "hours")


def _is_money(number: str, prev: list[str], nxt: list[str]) -> bool:
    if number[:1] in "$€£¥" or (prev and prev[-1] in ("$", "€", "£", "¥", "us$", "usd")):
        return True
    following = [word for word in nxt if word not in SCALES and word not in ("of",)]
    return bool(following) and following[0] in CURRENCY_WORDS


def _is_percent(number: str, prev: list[str], nxt: list[str]) -> bool:
    return number.endswith("%") or (bool(nxt) and nxt[0] in ("%", "percent", "pct", "per"))


def _is_age(number: str, prev: list[str], nxt: list[str]) -> bool:
    if prev and prev[-1] in ("aged", "age", "ages"):
        return True
    after = " ".join(nxt)
    return bool(re.match(r"^(?:years?|yr) old|^year old|^years? of age", after)) or bool(
        re.match(r"^\d+ year old", number)
    )


def _is_year(number: str, prev: list[str], nxt: list[str]) -> bool:
    if DECADE.match(number):
        return True
    if not YEAR.match(number):
        return False
    return not (nxt and nxt[0] in PEOPLE_WORDS)  # "1992 people" would be a count


def _is_date(number: str, prev: list[str], nxt: list[str]) -> bool:
    # "February 25", "3 JAN 90", "25-26 February": a number touching a month name, unless
    # it counts what follows ("on 23 September 28 bodies were found").
    if nxt and nxt[0] in COUNTED_WORDS:
        return False
    if prev and prev[-1].rstrip(".") in MONTHS and number[:1].isdigit():
        return True
    return bool(nxt) and nxt[0].rstrip(".") in MONTHS and _small(number.split("-")[0], 31)


def _is_unit(number: str, prev: list[str], nxt: list[str]) -> bool:
    # "No. 4", "Battalion 3": but "no one" is a count of nobody, so "no" needs digits.
    if not prev or prev[-1] not in LABEL_WORDS:
        return False
    return prev[-1] != "no" or number[:1].isdigit()


def _is_measure(number: str, prev: list[str], nxt: list[str]) -> bool:
    return bool(nxt) and nxt[0] in MEASURE_WORDS


def _small(number: str, limit: int) -> bool:
    value = parse_cardinal(number)
    return value is not None and 0 < value <= limit


# Words for people that a number may count ("1992 people" is a count, "in 1992" a year).
PEOPLE_WORDS = wordset(
    "people persons person men women children civilians soldiers troops residents "
    "villagers peasants farmers students workers policemen officers police guards members "
    "militants rebels guerrillas insurgents fighters victims passengers hostages prisoners "
    "refugees families inhabitants citizens journalists priests nuns demonstrators"
)

_TESTS = (
    ("ordinal", _is_ordinal),
    ("phone", _is_phone),
    ("time", _is_time),
    ("money", _is_money),
    ("percent", _is_percent),
    ("age", _is_age),
    ("year", _is_year),
    ("date", _is_date),
    ("unit", _is_unit),
    ("measure", _is_measure),
)
# What a number right after a date may count instead of being part of it.
COUNTED_WORDS = PEOPLE_WORDS | wordset(
    "bodies corpses dead deaths casualties wounded injured killed hostages others"
)
