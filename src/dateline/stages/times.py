"""Time expressions resolved against the dateline: the `dateline_times` spaCy component.

`find_times(text, published)` does the work on plain text (rules in times_grammar, values in
times_normalise); the component adds what the parse knows (the tense of each expression's clause)
and the anniversary check ("34 years since X" against X's written date, times_checks).
Relative expressions are anchored to the publication day; anaphoric ones ("two days later") to
the last day the text named. With no publication date, relative values stay empty.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from ..docext import ARTICLE, ensure_extensions, stage_attr
from ..record import Time, TimeRange
from .times_calendar import Anchor, interval, parse_published, precision_of
from .times_checks import anniversary_checks
from .times_grammar import find_candidates
from .times_normalise import Context, normalise
from .times_tense import tense_reader

TIMES = stage_attr("times")
CHECKS = stage_attr("checks")

TenseTest = Callable[[int, int], str]  # (start, end) of an expression -> 'future' | 'past' | ''
QUARTER_REACH = 1000  # characters: an earnings report stays on its quarter for paragraphs


@dataclass(slots=True)
class Narrative:
    """Where the text is, as it is read: the last time named (and its grain), the last quarter."""

    reference: date | None
    grain: str = "D"
    quarter: str | None = None
    quarter_end: int = -QUARTER_REACH

    def anchor(self, published: date | None, tense: str, position: int) -> Anchor:
        near = position - self.quarter_end <= QUARTER_REACH
        return Anchor(published, self.reference, self.grain, tense, self.quarter if near else None)

    def move(self, time: Time, rule: str) -> None:
        # The narrative moves to each time the text names; a bare clock time does not move it.
        if time.type not in ("DATE", "TIME") or rule in ("clock", "clock24"):
            return
        about_quarter = rule == "quarter" or (
            rule == "fiscal_period" and "year-" not in time.text.lower()
        )
        if about_quarter and re.fullmatch(r"\d{4}-Q\d", time.value or ""):
            self.quarter, self.quarter_end = time.value, time.end
        bounds = interval(time.value)
        if bounds is not None:
            self.reference, self.grain = bounds[0], GRAINS[precision_of(time.value)]


# 'Since 30 August' dates the start of a state that lasts until the story: the narrative stays.
SINCE = re.compile(r"\bsince\s+$", re.IGNORECASE)
GRAINS = {"day": "D", "month": "M", "year": "Y", "unknown": "Y"}


def find_times(text: str, published: str | None, tense_of: TenseTest | None = None) -> list[Time]:
    """Every time expression in `text`, in order, with its TIMEX3 type and value."""
    day = parse_published(published)
    caps = _is_upper_case(text)
    narrative = Narrative(day)  # the narrative starts at the dateline
    times: list[Time] = []
    for candidate in find_candidates(text):
        tense = tense_of(candidate.start, candidate.end) if tense_of else ""
        norm = normalise(
            candidate, Context(narrative.anchor(day, tense, candidate.start), text, caps)
        )
        if norm is None:
            continue
        span = TimeRange(*norm.range) if norm.range else None
        times.append(
            Time(
                candidate.start,
                candidate.end,
                text[candidate.start : candidate.end],
                norm.type,
                norm.value,
                span,
            )
        )
        if not SINCE.search(text, max(0, candidate.start - 7), candidate.start):
            narrative.move(times[-1], candidate.kind)
    return times


def _is_upper_case(text: str) -> bool:
    upper = sum(map(text.count, string.ascii_uppercase))
    lower = sum(map(text.count, string.ascii_lowercase))
    return upper > 0 and upper > 0.9 * (upper + lower)


class TimesComponent:
    """Writes doc._.dateline_times, and appends the anniversary checks to doc._.dateline_checks."""

    def __call__(self, doc: Doc) -> Doc:
        article = doc._.get(ARTICLE)
        if article is None:
            raise ValueError(
                "dateline_times needs doc._.dateline_article; "
                "build the Doc with dateline.make_doc()"
            )
        # Words come from article.text: the Doc may be a truecased copy of all-caps text.
        times = find_times(article.text, article.published, tense_reader(doc))
        doc._.set(TIMES, times)
        checks = anniversary_checks(article.text, times, parse_published(article.published))
        doc._.set(CHECKS, (doc._.get(CHECKS) or []) + checks)
        return doc


@Language.factory(
    "dateline_times",
    assigns=[f"doc._.{TIMES}", f"doc._.{CHECKS}"],
    requires=[f"doc._.{ARTICLE}"],
)
def make_times_component(nlp: Language, name: str) -> TimesComponent:
    ensure_extensions()
    return TimesComponent()
