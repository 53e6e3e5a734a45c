"""Where time expressions are: regular-expression rules over the raw text, case-insensitive.

Each rule has a `kind` (which normaliser reads it, see times_normalise) and named groups. The
group `t`, when a rule has it, is the expression's extent: the rule may look at words around it
('in', 'on', 'between') that TimeML leaves outside the tag. Overlapping matches are settled by
`find_candidates`: the longest wins, then the earlier rule.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from dataclasses import dataclass

from .regex_start import with_start_class
from .times_lexicon import (
    COUNTED_NOUN,
    DECADE_WORDS,
    MONTH,
    MONTH_NAME,
    NAMED_ZONES,
    NUMBER,
    NUMERIC_ZONES,
    ORDINAL,
    PART_OF_DAY,
    SEASON,
    SEASONS,
    SET_ADVERBS,
    SPOKEN_YEAR,
    UNIT,
    WEEKDAY,
    WEEKDAY_NAME,
    alternation,
)

START = r"(?<![\w$£€'’.+−:/-])"  # not inside a word or a number, not after a currency sign
END = r"(?![\w])"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
YEAR = r"(?:\d{4}|'\d{2}|’\d{2})"
# A year written in two digits after a day and month, wire style ('23 SEP 89'), unless a counted
# noun follows: 'ON 23 SEPTEMBER 28 BODIES WERE FOUND' gives a day and a count.
SHORT_YEAR = rf"\d{{2}}(?!{COUNTED_NOUN})"
# A month written after its day is not the start of a month-day date: in '9 MARCH 31 CORPSES'
# the day is 9 and 31 a count.
NO_DAY_BEFORE = r"(?<!\d\s)"
CLOCK = (
    r"(?:(?P<hour>\d{1,2})(?::(?P<minute>\d{2}))?\s*(?P<ampm>[ap]\.\s?m\.?|[ap]m\b)"
    r"|(?P<hour2>\d{1,2}):(?P<minute2>\d{2})(?!\d)(?:\s*(?P<ampm2>[ap]\.\s?m\.?|[ap]m\b))?"
    r"|(?P<clockword>noon|midnight|midday))"
)
ZONE = rf"(?:\s+(?P<zone>{NAMED_ZONES})\b)?"
OFFSET = rf"(?:\s*(?P<offset>{NUMERIC_ZONES}))?"  # read for the value, left outside the extent
POD_OF = r"(?:(?P<podof>(?:the\s+)?(?:night|morning|evening|afternoon)\s+of)\s+)?"
WEEKDAY_LEAD = rf"(?:(?P<wd>{WEEKDAY}),?\s+)?"
# A day word restated by its date ('YESTERDAY, 13 NOVEMBER', 'today (Nov. 14)'): the written date
# is the one meant, even where it disagrees with the dateline (a story filed the day before).
DEIXIS_LEAD = (
    r"(?:(?P<deixis>today|yesterday|tomorrow|tonight|last\s+night|this\s+(?:morning|afternoon"
    r"|evening))(?:\s*,\s*|\s+\(\s*))?"
)
# 'and' joins a range only after 'between' ('between 10 and 12 November'); '10 and 12 November'
# alone names two days, not the days between them.
RANGE_JOIN = r"(?:\s*(?:-|–|—|to|through)\s*|(?(between)\s+and\s+|(?!)))"
MODS = r"(?:(?P<mod>early|late|mid-?|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of)\s*)?"
ARITH_MODS = (
    r"(?:(?:about|nearly|almost|more\s+than|less\s+than|over|some|just|only|at\s+least|roughly"
    r"|approximately|another|up\s+to|within|the\s+better\s+part\s+of|the\s+past|the\s+last|the\s+next"
    r"|the\s+first|the\s+final|the\s+previous|the\s+coming|past|last|next|first)\s+)"
)
DAY_WORDS = r"(?:today|yesterday|tomorrow|tonight)"
# One word of each holiday the holiday rule knows.
HOLIDAY_WORDS = [
    "christmas",
    "year",
    "thanksgiving",
    "easter",
    "independence",
    "halloween",
    "labor",
    "memorial",
]
# A part of the publication day or the night before, after a clock: '1400 THIS AFTERNOON'.
PART_OF_TODAY = rf"(?P<podday>this\s+{PART_OF_DAY}|last\s+night)"
# The day a clock time is on, when written after it: '6 p.m. Tuesday', 'AT 1700 GMT ON 29 MARCH'.
WRITTEN_DAY = (
    rf",?\s+(?:on\s+)?(?:(?P<day>{DAY_WORDS}|{WEEKDAY_NAME})|(?P<mon>{MONTH})\s+(?P<d1>{DAY})"
    rf"|(?P<d0>{DAY})\s+(?:of\s+)?(?P<mon0>{MONTH})|{PART_OF_TODAY})"
)
CLOCK_DAY = rf"(?:{WRITTEN_DAY})?"
# 24-hour clock times written as four digits ('AT 2030 HOURS', 'FROM 1710 TO 2250', wire style):
# read as clocks only with a sign that they are not years (see the clock24 rules).
HHMM = r"(?:[01]\d|2[0-3])[0-5]\d"
CLOCK_RANGE = rf"(?:\s*(?:-|–|to|and|until|till)\s*(?P<hhmm2>{HHMM}))"
CLOCK_ZONE = r"(?P<unit>local\s+time|gmt|utc)"
# Looked back for only where a clock has matched: cheaper than a second scan of the prepositions.
AFTER_START = r"(?:(?<=since\s\d{4}\s)|(?<=after\s\d{4}\s)|(?<=from\s\d{4}\s))"
CLOCK_PREP = (
    r"(?:at|around|about|approximately|after"
    r"|before|until|till|from|between|since|by|and|to)"
)


@dataclass(frozen=True, slots=True)
class Rule:
    kind: str
    pattern: re.Pattern[str]  # case-insensitive, over the text as written
    scan: re.Pattern[str]  # the same, case-sensitive, over the ASCII-lowered text: faster
    needs: tuple[str, ...] = ()  # words one of which every match contains: a text without skips


def _rule(kind: str, pattern: str, needs: Iterable[str] = ()) -> Rule:
    # Patterns are written in lower case, so that the scan can do without IGNORECASE.
    # The scan, run over every text, first looks ahead for a character its match can begin
    # with, so that most positions fail at once (15% less scanning on MUC texts).
    whole = f"{START}(?:{pattern}){END}"  # bounds every alternative of the rule, not its first
    scan = re.compile(with_start_class(whole))
    return Rule(kind, re.compile(whole, re.IGNORECASE), scan, tuple(needs))


ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)  # keeps offsets


RULES: tuple[Rule, ...] = (
    _rule(
        "iso",
        r"(?P<t>(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[tT\s](?P<hour2>\d{2}):(?P<minute2>\d{2}))?)",
    ),
    _rule("numeric", r"(?P<t>(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2}))"),
    _rule(
        "dmy",
        rf"(?:(?P<between>between|from)\s+)?(?P<t>{DEIXIS_LEAD}{POD_OF}{WEEKDAY_LEAD}(?:the\s+)?(?P<d1>{DAY})"
        rf"(?:{RANGE_JOIN}(?P<d2>{DAY}))?(?:\s+of)?\s+(?P<mon>{MONTH})(?:,?\s+(?P<y>{YEAR}|{SHORT_YEAR}))?"
        rf"(?:,?\s+(?:at\s+)?{CLOCK}{ZONE})?){OFFSET}",
    ),
    _rule(
        "mdy",
        rf"(?:(?P<between>between|from)\s+)?(?P<t>{POD_OF}{DEIXIS_LEAD}{WEEKDAY_LEAD}{NO_DAY_BEFORE}(?P<mon>{MONTH})"
        rf"\s+(?P<d1>{DAY})"
        rf"(?:{RANGE_JOIN}(?P<d2>{DAY}))?(?:,?\s+(?P<y>{YEAR}))?(?:,?\s+(?:at\s+)?{CLOCK}{ZONE})?){OFFSET}",
    ),
    # The first of two days joined by 'and' ('ON 12 AND 13 FEBRUARY', 'April 24 and 25'): a day of
    # the month written with the other ('and' alone names two days, not the days between).
    _rule(
        "dmy",
        rf"(?P<t>(?P<d1>{DAY}))(?=\s+and\s+(?:the\s+)?{DAY}(?:\s+of)?\s+(?P<mon>{MONTH})"
        rf"(?:,?\s+(?P<y>{YEAR}|{SHORT_YEAR}))?{END})",
    ),
    _rule(
        "mdy",
        rf"(?P<mon>{MONTH})\s+{DAY}(?:,?\s+(?P<y>{YEAR}))?\s+and\s+(?P<t>(?P<d1>{DAY}))"
        r"(?=\s*(?:[.,;:)]|$))",
    ),
    _rule(
        "month_year",
        rf"(?P<t>{MODS}(?P<mon>{MONTH}),?\s+(?:of\s+)?(?:(?P<y>\d{{4}}|'\d{{2}})|(?P<sy>{SPOKEN_YEAR})"
        r"|(?P<yrel>this|last|next)\s+year))",
    ),
    _rule(
        "month",
        r"(?:(?P<prep>in|since|until|till|by|during|of|from|to|through|before|after|between|and|around"
        r"|throughout|for)\s+)?"
        rf"(?P<t>(?:(?P<rel>last|next|this\s+past|this|early|late|mid-?|the\s+end\s+of|the\s+beginning\s+of"
        rf"|the\s+middle\s+of)\s*)?(?P<mon>{MONTH_NAME}))",
    ),
    # A 24-hour clock: with its zone ('1733 GMT'), after a preposition with 'hours' ('AT 2030
    # HOURS'; '1200 hours of work' is a duration), before its GMT equivalent ('1000 (1600 GMT)'),
    # with a leading zero after a preposition ('AT 0500'), before a part of the day ('AFTER 1400
    # THIS AFTERNOON': no year is in one), or in a range with a leading-zero
    # clock or with a partner no year can be ('BETWEEN 1800 AND 0600', 'FROM 1710 TO 2250').
    _rule("clock24", rf"(?P<t>(?P<hhmm>{HHMM}){CLOCK_RANGE}?\s*{CLOCK_ZONE}{CLOCK_DAY})"),
    _rule(
        "clock24",
        rf"(?:{CLOCK_PREP}\s+)(?P<t>(?P<hhmm>{HHMM}){CLOCK_RANGE}?\s*(?P<unit>hours|hrs){CLOCK_DAY})",
    ),
    _rule("clock24", rf"(?P<t>(?P<hhmm>{HHMM}))(?=\s*[(\[]\s*{HHMM}\s*(?:gmt|utc)\b)"),
    _rule("clock24", rf"(?:at|around|approximately)\s+(?P<t>(?P<hhmm>{HHMM}){WRITTEN_DAY})"),
    # After 'since', 'after' or 'from' a day word makes it a clock too ('SINCE 1930 YESTERDAY');
    # not after 'until' or 'by', which may take a year the day's news sets ('until 2005 today').
    _rule(
        "clock24",
        rf"(?:{CLOCK_PREP}\s+)(?P<t>(?P<hhmm>{HHMM})\s+"
        rf"(?:{PART_OF_TODAY}|{AFTER_START}(?P<day>{DAY_WORDS})))",
    ),
    _rule("clock24", rf"(?:{CLOCK_PREP}\s+)(?P<t>(?P<hhmm>0\d[0-5]\d){CLOCK_RANGE}?{CLOCK_DAY})"),
    _rule(
        "clock24",
        rf"(?:{CLOCK_PREP}\s+)(?P<t>(?P<hhmm>{HHMM})\s*(?:-|–|to|and|until|till)\s*"
        rf"(?P<hhmm2>0\d[0-5]\d|2[2-3][0-5]\d){CLOCK_DAY})",
    ),
    _rule(
        "year",
        r"(?:(?P<prep>in|since|of|by|from|until|to|during|before|after|between|and|around|throughout"
        rf"|year)\s+)?(?P<t>{MODS}(?:(?P<fiscal>fiscal|calendar|fy)\s*)?(?:(?P<y>\d{{4}})"
        rf"|(?P<sy>(?:the\s+year\s+)?{SPOKEN_YEAR})))"
        r"(?![\d,.]\d|\s*%|-\d|\s+(?:percent|per\s+cent)\b)",
    ),
    _rule(
        "decade",
        rf"(?P<t>(?:the\s+)?{MODS}(?:(?P<dec>(?:1[0-9]|20)\d0)s|['’](?P<dec2>\d0)s|(?P<decword>"
        rf"{alternation(DECADE_WORDS)})))",
        needs=("0s", *DECADE_WORDS),
    ),
    _rule("century", rf"(?P<t>(?:the\s+)?{MODS}(?P<ord>{ORDINAL})[-\s]century)", ("century",)),
    _rule(
        "quarter",
        r"(?P<t>(?:the\s+)?(?:(?P<y0>\d{4})(?:'s)?\s+|(?P<yrel>this|last|next)\s+year['’]s\s+)?"
        r"(?:fiscal\s+)?(?:(?P<ord>first|second|third|fourth|last|1st|2nd|3rd|4th)[-\s](?:fiscal[-\s])?"
        r"(?P<part>quarter|half)|(?P<pair>first|last)\s+two\s+quarters)"
        r"(?:\s+of\s+(?:fiscal\s+)?(?P<y>\d{4}))?)",
        needs=("quarter", "half"),
    ),
    _rule(
        "fiscal_period",
        r"(?P<t>(?:the\s+)?(?P<which>latest|current|same|comparable|year-ago|year-earlier|comparable\s+year-ago"
        r"|comparable\s+year-earlier|just-ended|just-completed)\s+(?:fiscal\s+)?(?:quarter|period)|the\s+quarter"
        r"|the\s+(?P<fy>\d{4})\s+(?:quarter|period)"
        r"|(?P<adj>year-earlier|year-ago))",
        needs=("quarter", "period", "year-"),
    ),
    # 'For the year', 'the full year', 'the current fiscal year', 'the year ended June 30'; not
    # 'the year before' (a year back from the narrative) nor 'the year 1990' (read as 1990).
    _rule(
        "the_year",
        r"(?P<t>the\s+(?:(?:full|current|fiscal|calendar|entire|whole)[-\s]+)*year)(?![-’'])"
        r"(?!\s+(?:before|after|earlier|later|ago|since|\d|nineteen|two\s+thousand))"
        r"(?P<ended>\s+(?:that\s+)?(?:ended|ending|ends|to)\b)?",
        ("year",),
    ),
    _rule("weekend", r"(?P<t>the\s+weekend)", ("weekend",)),
    _rule(
        "holiday",
        r"(?P<t>(?:(?P<rel>last|this|next)\s+)?(?P<h>christmas(?:\s+(?:day|eve))?|new\s+year['’]s"
        r"(?:\s+(?:day|eve))?|thanksgiving(?:\s+day)?|easter(?:\s+sunday)?|independence\s+day"
        r"|halloween|labor\s+day|memorial\s+day))(?!\s+(?:tree|card|gift|present|island)s?\b)",
        needs=HOLIDAY_WORDS,
    ),
    _rule(
        "season",
        rf"(?P<t>(?:(?P<rel>last|this\s+past|this|next|early|late|the|mid-?)\s+)(?P<season>{SEASON})"
        rf"(?:\s+(?:of\s+)?(?:(?P<y>\d{{4}})|(?P<sy>{SPOKEN_YEAR})))?|(?P<season2>{SEASON})\s+(?:of\s+)?(?P<y2>\d{{4}}))",
        needs=SEASONS,
    ),
    _rule(
        "deictic",
        rf"(?P<t>(?:(?P<pre>early|late|earlier|later)\s+)?(?P<word>{DAY_WORDS}|the\s+day\s+before\s+yesterday"
        rf"|the\s+day\s+after\s+tomorrow)(?:\s+(?P<pod>{PART_OF_DAY}))?(?:'s)?)",
    ),
    _rule(
        "part_of_day",
        rf"(?P<t>(?:(?P<pre>early|late|earlier|later)\s+)?(?P<rel>this|last|tomorrow|yesterday)\s+"
        rf"(?P<pod>{PART_OF_DAY}))",
    ),
    _rule(
        "weekday",
        rf"(?:(?P<on>on|by|until|since)\s+)?(?P<t>(?:(?P<rel>last|next|this\s+past|this|coming|early|late"
        rf"|past|the\s+previous|the\s+following)\s+)?(?P<wd>{WEEKDAY})(?:,?\s+(?P<pod>{PART_OF_DAY}))?)",
    ),
    _rule(
        "clock",
        rf"(?P<t>{CLOCK}{ZONE}{CLOCK_DAY}){OFFSET}",
    ),
    _rule(
        "relative",
        r"(?P<t>(?P<rel>last|this|next|past|coming|previous|current|the\s+past|the\s+last|the\s+next"
        r"|the\s+coming|the\s+previous|the\s+current|the\s+following|the\s+same|that|earlier\s+this"
        r"|later\s+this|early\s+this|late\s+this|early\s+next|late\s+last|early\s+last|this\s+past"
        r"|the\s+end\s+of\s+(?:this|last|next|the)|the\s+beginning\s+of\s+(?:this|last|next))\s+"
        r"(?P<unit>week|month|year|weekend|quarter|decade|century|fortnight|day))",
    ),
    _rule(
        "offset",
        rf"(?P<t>{ARITH_MODS}?(?P<num>{NUMBER})\s+(?P<unit>{UNIT})\s+"
        r"(?P<dir>ago|earlier|later|before|after|afterwards?|from\s+now|hence|on)(?=\W*(?:$|[.,;:!?)]|\s+(?:and|but|when|as|,))))",
    ),
    _rule(
        "ago",
        rf"(?P<t>{ARITH_MODS}?(?P<num>{NUMBER})\s+(?P<unit>{UNIT})\s+(?P<dir>ago|from\s+now|hence))",
    ),
    _rule(
        "anaphoric",
        r"(?P<t>(?P<rel>the\s+next|the\s+following|the\s+previous|the\s+same|that|the\s+preceding)\s+"
        r"(?:(?:very|same)\s+)?(?P<unit>day|morning|afternoon|evening|night)|(?P<unit2>the\s+day)\s+(?P<rel2>before|after))",
    ),
    _rule(
        "duration",
        rf"(?P<t>{ARITH_MODS}*(?P<num>{NUMBER})[-\s](?:(?:more|additional|full|straight|consecutive)\s+)?"
        rf"(?P<unit>{UNIT})(?:-(?:long|old))?)",
    ),
    _rule(
        "vague_duration",
        r"(?:(?P<prep>for|in|over|within)\s+)?(?P<t>(?P<mod>recent|the\s+coming|coming|the\s+past|past"
        r"|the\s+next|the\s+last|the\s+following)?\s*(?P<unit>years|months|weeks|days|decades|hours"
        r"|minutes|centuries)(?:-(?:long|old))?)",
    ),
    _rule(
        "set",
        rf"(?P<t>(?P<q>every|each|per)\s+(?:(?P<num>other|{NUMBER})\s+)?(?P<unit>{UNIT}|{WEEKDAY_NAME}s?"
        rf"|{PART_OF_DAY}))|(?P<adverb>{alternation(SET_ADVERBS)})|(?P<times>once|twice|\w+\s+times)\s+"
        rf"(?:a|per)\s+(?P<unit2>{UNIT})",
        needs=("every", "each", "per", "once", "twice", "times", *SET_ADVERBS),
    ),
    _rule(
        "reference",
        r"(?P<t>(?P<present>now|currently|at\s+present|the\s+present|nowadays|these\s+days|right\s+now"
        r"|at\s+the\s+moment)|(?P<past>recently|lately|the\s+past)"
        r"|(?P<future>the\s+future|the\s+near\s+future|the\s+distant\s+future))",
    ),
)


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    kind: str
    match: re.Match[str]


def find_candidates(text: str, rules: tuple[Rule, ...] = RULES) -> list[Candidate]:
    """Every rule's matches, reduced to non-overlapping ones: longest first, then rule order.
    Rules scan the lowered text; the kept matches are read again from the text as written, whose
    capitals the normalisers look at ('May' the month, 'may' the verb)."""
    lowered = text.translate(ASCII_LOWER)
    found: list[tuple[int, int, int, Candidate]] = []
    for order, rule in enumerate(rules):
        if rule.needs and not any(word in lowered for word in rule.needs):
            continue
        for match in rule.scan.finditer(lowered):
            start, end = _extent(match)
            found.append((-(end - start), order, start, Candidate(start, end, rule.kind, match)))
    ranked = sorted(found, key=lambda item: (item[0], item[1], item[2]))
    kept = _non_overlapping([(order, c) for _, order, _, c in ranked])
    written = (_as_written(text, candidate, rules[order]) for order, candidate in kept)
    return [candidate for candidate in written if candidate is not None]


def _extent(match: re.Match[str]) -> tuple[int, int]:
    return match.span("t") if "t" in match.groupdict() and match.group("t") else match.span()


def _as_written(text: str, candidate: Candidate, rule: Rule) -> Candidate | None:
    match = rule.pattern.match(text, candidate.match.start())
    if match is None or _extent(match) != (candidate.start, candidate.end):
        return None  # only a non-ASCII case folding could get here
    return Candidate(candidate.start, candidate.end, candidate.kind, match)


def _non_overlapping(ranked: list[tuple[int, Candidate]]) -> list[tuple[int, Candidate]]:
    taken: list[tuple[int, Candidate]] = []
    for order, candidate in ranked:
        if all(candidate.end <= other.start or candidate.start >= other.end for _, other in taken):
            taken.append((order, candidate))
    return sorted(taken, key=lambda item: item[1].start)
