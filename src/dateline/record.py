"""The `dateline/1` record: one typed schema, serialised to JSON by `to_dict`.

Every offset is a Python string index into `Article.text`, end exclusive.
The field list and meanings are the contract in docs/schema.md; fields may be
added, never renamed or removed, without a new schema version.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from typing import Any

SCHEMA = "dateline/1"


@dataclass(slots=True)
class Span:
    start: int
    end: int


@dataclass(slots=True)
class Problem:
    """Something wrong with an input or a step. `fatal` problems mean no extraction was done."""

    code: str
    message: str
    fatal: bool = True


@dataclass(slots=True, kw_only=True)
class Article:
    """One article as ingested. `text` is never changed after ingest."""

    id: str = ""
    source: str
    url: str | None = None
    title: str | None = None
    byline: list[str] = field(default_factory=list)
    publisher: str | None = None
    publisher_via: str = "none"  # given | meta | text | none
    published: str | None = None  # ISO 8601, with its UTC offset when known
    published_via: str = "none"  # given | meta | jsonld | url | text | none
    published_confidence: float = 0.0
    published_span: Span | None = None  # where in `text` the date was read, if there
    language: str | None = None
    body: Span | None = None  # the article body inside `text` (after a scraped header)
    text: str

    def __post_init__(self) -> None:
        if not self.id:
            self.id = content_id(self.text)
        if self.body is None:
            self.body = Span(0, len(self.text))


def content_id(text: str) -> str:
    """A stable id from the content: the same text gives the same id on any machine."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(slots=True)
class TimeRange:
    start: str
    end: str


@dataclass(slots=True)
class Time:
    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str | None
    range: TimeRange | None = None


@dataclass(slots=True)
class Place:
    start: int
    end: int
    text: str
    name: str | None
    geonames_id: int | None
    country: str | None
    lat: float | None
    lon: float | None
    feature: str | None
    confidence: float = 0.0  # of the resolution; 0 when unresolved


@dataclass(slots=True)
class Speaker:
    start: int
    end: int
    name: str | None


@dataclass(slots=True)
class Cue:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Quote:
    start: int
    end: int
    kind: str  # direct | indirect | mixed
    speaker: Speaker | None = None
    cue: Cue | None = None


@dataclass(slots=True)
class EventDate:
    start: str | None
    end: str | None
    precision: str  # day | month | year | unknown
    basis: str  # explicit | relative | publication | unknown
    evidence: Span | None = None


@dataclass(slots=True)
class Location:
    name: str | None
    country: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    start: int | None
    end: int | None
    precision: str  # exact | near | district | province | country | region | unknown


@dataclass(slots=True)
class Actor:
    role: str  # perpetrator | victim | supporter | target | other
    name: str
    start: int
    end: int


@dataclass(slots=True)
class Figure:
    category: str  # killed | injured | abducted | missing | displaced | arrested | other
    value: int | None
    low: int | None
    high: int | None
    qualifier: str  # exact | at_least | at_most | about | range | vague
    group: str | None
    part_of: int | None
    start: int
    end: int
    text: str
    claimed_by: Claim | None = None  # who states this figure (an event may mix sources)


@dataclass(slots=True)
class Claim:
    kind: str  # outlet | source
    name: str | None
    start: int | None
    end: int | None


@dataclass(slots=True)
class Event:
    id: str
    type: str
    summary: str
    date: EventDate
    historical: bool
    location: Location | None
    actors: list[Actor]
    figures: list[Figure]
    claimed_by: Claim
    evidence: list[Span]
    sub_type: str | None = None  # ACLED sub-event type, snake_case


@dataclass(slots=True)
class Check:
    kind: str
    status: str  # consistent | inconsistent
    detail: str
    evidence: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class ArticleResult:
    article: Article
    times: list[Time] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        """True when a fatal problem kept this input from being extracted."""
        return any(problem.fatal for problem in self.errors)

    def to_dict(self) -> dict[str, Any]:
        return {"schema": SCHEMA, **dataclasses.asdict(self)}
