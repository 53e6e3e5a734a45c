"""A place name found in an article, and the GeoNames entry it was resolved to."""

from __future__ import annotations

from dataclasses import dataclass

from .index import Entry

DATELINE_WEIGHT = 4.0  # a place opening the article counts this many times (wire stories are local)
INNER_NAME_CONFIDENCE = 0.5  # a place found inside an unknown longer name is a weaker answer


@dataclass(slots=True)
class Mention:
    """A place name found in the text; `qualifier` is a place name right after it ("X, Y")."""

    start: int
    end: int
    text: str
    qualifier: str | None = None
    dateline: bool = False
    capitals: bool = False  # the article is set in capitals (wire copy): "LIMA" is a name
    # The name to look up when the text around says more than the words: "Jackson" in
    # "Jackson and Barrow counties" is looked up as "Jackson County".
    name: str | None = None
    group: int | None = None  # the list of places it is an item of ("Ohio, Iowa and Utah")
    label: str = ""  # the parser's entity label of its head, the last word ("GPE", "FAC", "ORG")
    # The kind of words around that say it is a town: "people" ("a Jordan man"), "address"
    # ("Main St., Malta") ... (`homonyms.town_cue`); "" if none.
    town_cue: str = ""


@dataclass(slots=True)
class Resolution:
    mention: Mention
    entry: Entry | None
    confidence: float
    candidates: int = 0
    inner: bool = False  # resolved through a place named inside an unknown longer name
