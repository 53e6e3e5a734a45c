"""Oceans and seas named by their bare adjective: "the tropical Atlantic", "the Mediterranean".

News drops the head noun of a water's name once the reader knows it is a water: "hurricane
season in the Atlantic", "the eastern Pacific", "the north Atlantic", "migrants crossing the
Mediterranean". The gazetteer files these as "Atlantic Ocean", "North Atlantic Ocean",
"Mediterranean Sea", while the bare word names small towns ("Atlantic", Iowa; "Pacific",
Missouri) or nothing. `water_name` gives the name to look such a span up by; the words around
it decide, not a list of waters:

- a determiner before it, with at most a few lower-case modifiers between ("the eastern
  tropical Atlantic"), and no capitalised word after it: "the Atlantic City casinos" and "the
  Pacific Northwest" are other places;
- or a bare word that names nothing else in the gazetteer ("Mediterranean");

and never a demonym ("the Indian" is a person; "Indian Ocean" is written in full) nor a word
of direction ("the Southern"). A lower-case direction before it gives the water's part where the
gazetteer has it ("the north Atlantic" -> "North Atlantic Ocean", "the western Mediterranean"
-> "Western Mediterranean"). A bare word that is itself a region's name ("the Arctic") keeps it.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span as SpacySpan

from ..gazetteer import Gazetteer, fold
from .place_shapes import DIRECTION_WORDS

WATER_HEADS = ("Ocean", "Sea")  # the head nouns news drops ("the Atlantic", "the Baltic")
DETERMINERS = {"the"}
MAX_MODIFIERS = 3  # lower-case words between the determiner and the name: "the eastern tropical"
# Lower-case directions that name a part of a water in the gazetteer ("north Atlantic").
PART_WORDS = {
    "north": "North", "south": "South", "northern": "North", "southern": "South",
    "east": "Eastern", "west": "Western", "eastern": "Eastern", "western": "Western",
}  # fmt: skip


def water_name(span: SpacySpan, gazetteer: Gazetteer) -> str | None:
    """The full name of the ocean or sea a span names by its bare adjective, else None; the
    span may hold its lower-case modifiers ("eastern Pacific")."""
    if not _water_of(_capitalised_words(span.text), gazetteer):
        return None  # most names: a dictionary look-up rules them out
    span = _without_modifiers(span)
    text = span.text
    if not _adjective_like(text, gazetteer):
        return None
    unknown = not gazetteer.has_name(text)
    modifiers = _modifiers_after_determiner(span)
    if modifiers is None and not unknown:
        return None
    if modifiers is not None and _capitalised_after(span):
        return None
    return next(
        (name for name in _readings(text, modifiers or []) if _water(gazetteer, name)), None
    )


def _capitalised_words(text: str) -> str:
    words = text.split()
    while len(words) > 1 and words[0].islower():
        words.pop(0)
    return " ".join(words)


def _water_of(text: str, gazetteer: Gazetteer) -> bool:
    """Some water is called "<text> Ocean" or "<text> Sea" (its parts are named only where
    the whole is: "North Atlantic Ocean", "Western Mediterranean")."""
    return any(gazetteer.has_name(f"{text} {head}") for head in WATER_HEADS)


def _without_modifiers(span: SpacySpan) -> SpacySpan:
    start = span.start
    while start < span.end - 1 and span.doc[start].is_lower and span.doc[start].is_alpha:
        start += 1
    return span.doc[start : span.end]


def _water(gazetteer: Gazetteer, name: str) -> bool:
    return any(e.feature == "region" and fold(e.name) == fold(name) for e in gazetteer.lookup(name))


def _adjective_like(text: str, gazetteer: Gazetteer) -> bool:
    """A capitalised word or two that is no demonym, no direction, and no region's own name."""
    words = text.split()
    if not 0 < len(words) <= 2 or not all(w[:1].isupper() and w.isalpha() for w in words):
        return False
    if gazetteer.demonym_country(text) or fold(words[-1]) in DIRECTION_WORDS:
        return False
    return not any(e.feature == "region" for e in gazetteer.lookup(text))


def _readings(text: str, modifiers: Sequence[str]) -> list[str]:
    """The names to try, the most specific first: the part the nearest direction names, then
    the whole water."""
    part = next((PART_WORDS[m] for m in reversed(modifiers) if m in PART_WORDS), None)
    stems = [f"{part} {text}"] if part else []
    return stems + [f"{stem} {head}" for stem in [*stems, text] for head in WATER_HEADS]


def _modifiers_after_determiner(span: SpacySpan) -> list[str] | None:
    """The lower-case words between a determiner and the span ([] for "the Atlantic"), or None
    when no determiner comes within MAX_MODIFIERS words before it."""
    doc, modifiers = span.doc, list[str]()
    for i in range(span.start - 1, max(-1, span.start - 2 - MAX_MODIFIERS), -1):
        word = doc[i].text
        if word.lower() in DETERMINERS:
            return list(reversed(modifiers))
        if not (word.isalpha() and word.islower()):
            return None
        modifiers.append(word)
    return None


def _capitalised_after(span: SpacySpan) -> bool:
    """A capitalised word follows: the span is part of a longer name ("Atlantic City")."""
    if span.end >= len(span.doc):
        return False
    word = span.doc[span.end].text
    return word[:1].isupper() and word.isalpha()
