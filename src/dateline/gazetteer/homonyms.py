"""Cues in the text that say which kind of place a name with homonyms means.

A name shared by a country and a town, or by counties in several states, is
resolved by size and by the article's other places (`resolve`); the words
around the name itself can settle it before that:

- "a Lebanon woman", "the Jordan couple": English names a country's people
  with its demonym ("a Lebanese woman"), so a country's name before a noun
  for people is rare, while a town, which has no demonym in use, is named
  that way all the time. Such a name is the town (`people_noun_after`,
  `without_countries`).
- "Boone County": a county named with its designator is a county, and lies in
  the state the story names outright (`names_county`, used by `resolve`), and
  no stray abroad whatever the story's other places (`designates`); a bare
  "Butte" is seldom a county (`bare_county`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence, Set

from .context import Candidate
from .index import Entry, fold

# Designators of US-style counties.
COUNTY_WORDS = {"county", "parish", "borough"}
# News names a county with its designator ("Shelby County"); a bare "Shelby" or "Butte" is
# the town, a river or a person, unless the article names the county in full too. The
# designated county's reading of a bare name loses this much of its prior (log10 of
# population): it needs a thousandfold size to beat a town of the name.
BARE_COUNTY = 3.0
# Nouns for one person or household that a town's name premodifies in local news ("a Jordan
# man", "the Lebanon couple"). Not "native" ("a Mexico native" is often the country), nor
# the collective "residents", "voters", "taxpayers" ("U.S. taxpayers", "Canada residents").
PEOPLE_NOUNS = (
    "man", "woman", "men", "women", "teen", "teens", "teenager", "boy", "girl", "couple",
    "resident", "family", "mother", "father",
)  # fmt: skip
PEOPLE_AFTER = re.compile(r"[ \t]+(?:" + "|".join(PEOPLE_NOUNS) + r")\b")


def people_noun_after(text: str, end: int) -> bool:
    """A lower-case noun for people follows the name ending at `end`: "Jordan man"."""
    return bool(PEOPLE_AFTER.match(text, end))


def names_county(text: str) -> bool:
    """The text names a county by its designator ("Boone County", "Rapides Parish")."""
    return fold(text).rpartition(" ")[2] in COUNTY_WORDS


def without_countries(pool: Sequence[Candidate], text: str) -> list[Candidate]:
    """The pool without its countries, for a name used before a noun for people, when a town
    bears the name as its own: "a Jordan man" is from the town. An abbreviation ("U.S."
    reaches its country through a code) is left alone: "a U.S. man" is an American."""
    key = fold(text)
    if any(coded for _, coded in pool):
        return list(pool)
    if not any(e.feature == "city" and fold(e.name) == key for e, _ in pool):
        return list(pool)
    return [(e, coded) for e, coded in pool if e.feature != "country"]


def bare_county(entry: Entry, text: str, counties: Set[str]) -> bool:
    """The entry is a county whose designator the text leaves out ("Shelby" for Shelby
    County), and the article never names it with the designator (`counties`: folded names
    with one)."""
    if entry.feature != "admin2" or names_county(text) or not names_county(entry.name):
        return False
    return fold(entry.name) not in counties


def designates(text: str, scored: Sequence[tuple[Entry, float]]) -> bool:
    """The text spells a county's full name with its designator ("Darke County") and the
    likeliest reading bears it as its own: the article names that county, wherever its other
    places lie, so it is no stray (`resolve._unless_stray`)."""
    if not scored or not names_county(text):
        return False
    best, _ = max(scored, key=lambda pair: pair[1])
    return best.feature == "admin2" and fold(best.name) == fold(text)
