"""The result of reading one expression (`Norm`) and what it is read against (`Context`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .times_calendar import Anchor, two_digit_year
from .times_lexicon import spoken_year_value


@dataclass(frozen=True, slots=True)
class Norm:
    type: str  # DATE | TIME | DURATION | SET
    value: str | None
    range: tuple[str, str] | None = None


@dataclass(frozen=True, slots=True)
class Context:
    anchor: Anchor
    text: str
    caps: bool  # the whole text is upper case (MUC): a capital says nothing


def group(match: re.Match[str], name: str) -> str | None:
    return match.groupdict().get(name)


def lower(match: re.Match[str], name: str) -> str:
    return re.sub(r"\s+", " ", (group(match, name) or "").lower()).strip()


def year_of(match: re.Match[str], anchor: Anchor, *names: str) -> int | None:
    """The year written in the first of the named groups that matched: '1992', "'92" (the year
    nearest the dateline), or one said in words (group 'sy': 'nineteen ninety-two')."""
    for name in (*names, "sy"):
        text = group(match, name)
        if not text:
            continue
        if name == "sy":
            return spoken_year_value(text)
        digits = text.strip("'’")
        return two_digit_year(int(digits), anchor.published) if len(digits) == 2 else int(digits)
    return None
