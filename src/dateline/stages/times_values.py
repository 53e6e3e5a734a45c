"""The result of reading one expression (`Norm`) and what it is read against (`Context`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .times_calendar import Anchor


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
