"""Event dates from the times found (for the events stage): the expression that governs the
event's clause, "N years since X" dating X, the publication day only when the text gives none,
and whether the event is historical (more than 31 days before publication)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from ..docext import ARTICLE, doc_text, stage_attr
from ..record import Article, EventDate, Span, Time
from .times_calendar import add_years, interval, parse_published, precision_of
from .times_checks import anniversary_date, find_anniversaries, subject_dates, whole_years

HISTORICAL_DAYS = 31  # the line between news and history
DATED_TYPES = ("DATE", "TIME")
CLAUSE_HEADS = ("VERB", "AUX")
SENTENCE_END = re.compile(r"[.!?]\s|\n\s*\n")


def time_bounds(time: Time) -> tuple[date, date] | None:
    """The first and last day a time covers: its range when it has one, else its value's."""
    if time.range is not None:
        return date.fromisoformat(time.range.start), date.fromisoformat(time.range.end)
    return interval(time.value) if time.type in DATED_TYPES else None


def governing_time(doc: Doc, span: DocSpan, times: list[Time] | None = None) -> Time | None:
    """The dated expression of `span`'s sentence that the parse attaches to the event's clause
    ('Rebels attacked the town on Monday'), else the nearest one in the sentence; None if none."""
    times = doc._.get(stage_attr("times")) or [] if times is None else times
    start, end = _sentence_bounds(doc, span)
    candidates = [t for t in times if start <= t.start < end and time_bounds(t) is not None]
    if not candidates:
        return None
    governed = [t for t in candidates if _governs(doc, span, t)]
    return min(governed or candidates, key=lambda t: _gap(span, t))


LOOK_BACK = 3  # sentences: how far back the narrative's date still carries to a dateless clause


def narrative_time(doc: Doc, span: DocSpan, times: list[Time] | None = None) -> Time | None:
    """For a clause with no date ('During the attack, ...'): the main date of the closest of the
    three sentences before it that has one (the date governing its main verb, else its first),
    inside the article body, so that the scraped header's dateline is not taken for it."""
    times = doc._.get(stage_attr("times")) or [] if times is None else times
    article = doc._.get(ARTICLE)
    body_start = article.body.start if article is not None and article.body is not None else 0
    start, _ = _sentence_bounds(doc, span)
    for _ in range(LOOK_BACK):
        if start <= body_start:
            return None
        previous = doc.char_span(*_sentence_bounds_at(doc, start - 1), alignment_mode="expand")
        if previous is None:
            return None
        dated = [
            t
            for t in times
            if previous.start_char <= t.start < previous.end_char and time_bounds(t)
        ]
        if dated:
            return next((t for t in dated if _governs(doc, previous, t)), dated[0])
        start = previous.start_char
    return None


def _sentence_bounds_at(doc: Doc, position: int) -> tuple[int, int]:
    while position > 0 and doc_text(doc)[position].isspace():
        position -= 1
    word = doc.char_span(position, position + 1, alignment_mode="expand")
    if word is None:
        return position, position + 1
    return _sentence_bounds(doc, word)


def _sentence_bounds(doc: Doc, span: DocSpan) -> tuple[int, int]:
    if doc.has_annotation("SENT_START"):
        sentence = span.sent
        return sentence.start_char, sentence.end_char
    text = doc_text(doc)
    left = max((m.end() for m in SENTENCE_END.finditer(text, 0, span.start_char)), default=0)
    right = SENTENCE_END.search(text, span.end_char)
    return left, right.start() + 1 if right else len(text)


def _governs(doc: Doc, span: DocSpan, time: Time) -> bool:
    """True when the first clause head above the time expression is the event's head."""
    if not doc.has_annotation("DEP"):
        return False
    words = doc.char_span(time.start, time.end, alignment_mode="expand")
    if words is None:
        return False
    return _clause_head(words.root).i == _clause_head(span.root).i


def _clause_head(token: Token) -> Token:
    while token.pos_ not in CLAUSE_HEADS and token.head.i != token.i:
        token = token.head
    return token


def _gap(span: DocSpan, time: Time) -> int:
    if time.end <= span.start_char:
        return span.start_char - time.end
    return max(0, time.start - span.end_char)


def event_date(doc: Doc, span: DocSpan, times: list[Time] | None = None) -> EventDate:
    """The date of the event `span` names: X of 'N years since X', else the governing time,
    else the publication day (basis 'publication'), else unknown."""
    times = doc._.get(stage_attr("times")) or [] if times is None else times
    article = doc._.get(ARTICLE)
    times = without_dateline(times, article)
    published = parse_published(article.published if article is not None else None)
    text = article.text if article is not None else doc.text  # the Doc may be a truecased copy
    found = anniversary_event_date(text, span, times, published)
    if found is not None:
        return found
    governing = governing_time(doc, span, times) or narrative_time(doc, span, times)
    if governing is not None and not _in_header(governing, article):
        return date_of(*coordinated(text, times, governing))
    if published is not None:
        return EventDate(published.isoformat(), published.isoformat(), "day", "publication", None)
    return EventDate(None, None, "unknown", "unknown", None)


def without_dateline(times: list[Time], article: Article | None) -> list[Time]:
    """The times but the publication date read from the text ("KABUL, March 3 (Reuters) -"):
    it dates the report, never an event, even when the parser ties it to the first clause."""
    span = article.published_span if article is not None else None
    if span is None:
        return times
    return [t for t in times if not (span.start <= t.start and t.end <= span.end + 1)]


def _in_header(time: Time, article: object) -> bool:
    # The scraped header's dateline is the publication date, not a date the text gives the event.
    body = getattr(article, "body", None)
    return body is not None and time.end <= body.start


COORDINATION = re.compile(r"\s*,?\s*(?:and|or)\s+", re.IGNORECASE)


def coordinated(text: str, times: list[Time], time: Time) -> list[Time]:
    """`time` with the dated times joined to it by 'and' or 'or', in text order: a clause
    'on 12 and 13 February' or 'on Monday and Tuesday' is dated by both."""
    dated = [t for t in times if time_bounds(t) is not None]
    at = next((i for i, t in enumerate(dated) if t is time), None)
    if at is None:
        return [time]
    first = last = at
    while first > 0 and _joined(text, dated[first - 1], dated[first]):
        first -= 1
    while last + 1 < len(dated) and _joined(text, dated[last], dated[last + 1]):
        last += 1
    return dated[first : last + 1]


def _joined(text: str, before: Time, after: Time) -> bool:
    # "the killing on 25 January and today's attack": a possessive time dates its noun, and the
    # 'and' joins two events, not two dates of one.
    possessive = any(t.text.lower().endswith(("'s", "’s")) for t in (before, after))
    return not possessive and COORDINATION.fullmatch(text, before.end, after.start) is not None


def group_bounds(times: list[Time]) -> tuple[date, date] | None:
    """The first and last day of dated times taken together."""
    bounds = [b for b in map(time_bounds, times) if b is not None]
    return (min(b[0] for b in bounds), max(b[1] for b in bounds)) if bounds else None


def date_of(*times: Time) -> EventDate:
    """An EventDate from one time, or from coordinated ones taken together: 'explicit' when the
    words carry a year, else 'relative'."""
    bounds = group_bounds(list(times))
    assert bounds is not None, "date_of needs dated times (see time_bounds)"
    first, last = times[0], times[-1]
    day = len(times) == 1 and first.range is not None
    precision = "day" if day else _coarsest(times)
    basis = "explicit" if any(map(writes_year, times)) else "relative"
    return EventDate(
        bounds[0].isoformat(), bounds[1].isoformat(), precision, basis, Span(first.start, last.end)
    )


PRECISIONS = ("day", "month", "year", "unknown")


def _coarsest(times: tuple[Time, ...]) -> str:
    levels = ["day" if t.range is not None else precision_of(t.value) for t in times]
    return max(levels, key=PRECISIONS.index)


def writes_year(time: Time) -> bool:
    """True when the words write the year of the value ('1992', '3 JAN 90', "the '80s"), not
    when their digits are something else ('AT 2030 HOURS', '0200 AND 0300')."""
    head = re.match(r"\d{3,4}", time.value or "")
    if head is None:
        return False
    numbers = re.findall(r"\d+", time.text)
    if len(head.group()) == 3:  # a decade: 'the 1990s' -> 199
        return any(len(n) == 4 and n.startswith(head.group()) for n in numbers)
    short = head.group()[2:]  # '3 JAN 90', "in '90": a two-digit year after a day or apostrophe
    two_digit = numbers[-1:] == [short] and (len(numbers) > 1 or f"'{short}" in time.text)
    return head.group() in numbers or two_digit


def anniversary_event_date(
    text: str, span: DocSpan, times: list[Time], published: date | None
) -> EventDate | None:
    """For an event inside X of 'N years since X': X's written date when the text gives one
    consistent with N, else the year-long stretch N years before the dateline."""
    if published is None:
        return None
    for claim in find_anniversaries(text, times):
        if claim.subject.start <= span.start_char < claim.subject.end:
            for written in subject_dates(text, times, claim, published):
                first, last = time_bounds(written) or (published, published)
                if whole_years(last, published) <= claim.years <= whole_years(first, published):
                    return date_of(written)
            end = anniversary_date(claim, published)
            start = add_years(published, -claim.years - 1) + timedelta(days=1)
            return EventDate(start.isoformat(), end.isoformat(), "year", "relative", claim.claim)
    return None


def is_historical(when: EventDate, published: str | date | None) -> bool:
    """True when the event ended more than 31 days before publication (False when unknown)."""
    day = published if isinstance(published, date) else parse_published(published)
    if day is None or when.end is None:
        return False
    return date.fromisoformat(when.end) < day - timedelta(days=HISTORICAL_DAYS)
