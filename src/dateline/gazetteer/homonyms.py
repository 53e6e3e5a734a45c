"""Cues in the text that say which kind of place a name with homonyms means.

A name shared by a country and a town, or by counties in several states, is
resolved by size and by the article's other places (`resolve`); the words
around the name itself can settle it before that:

- "a Lebanon woman", "the Jordan couple": English names a country's people
  with its demonym ("a Lebanese woman"), so a country's name before a noun
  for people is rare, while a town, which has no demonym in use, is named
  that way all the time. Such a name is the town (`people_noun_after`).
- Other words say a name is a town's too (`town_cue`): a municipal institution
  after it ("Jordan High School", "the Lebanon city council"), a street address
  or a road before it ("400 Locust St., Malta", "Main Street in Malta"), "the
  city of Saida", and a person's home in local news ("Tom Hill of Nelson").
  Under a cue, the readings that are larger than a town give way to a town of
  the name (`without_larger`).
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


# Municipal institutions, which a town's name premodifies in local news ("Norfolk High
# School", "the Jordan middle school", "Dublin City Council", "the Jordan boys junior-varsity
# team"). A country's are national and named with its adjective ("the Jordanian police"),
# so none of these follow a country's name; "police" alone is left out ("Israel Police" is
# national, "Kent Police" a county's), and so is "league" but for Little League (sports news
# says "the Qatar league" of a national one).
INSTITUTIONS = (
    r"(?:high|middle|elementary|junior[ -]high|senior[ -]high|grade|primary) schools?",
    r"(?:independent |unified |public |community )?school district", r"public schools",
    r"police department", r"police chief", r"fire department", r"fire chief",
    r"city council", r"town council", r"village board", r"city hall", r"town hall",
    r"city manager", r"mayor", r"public library", r"school board", r"board of education",
    r"little league", r"(?:boys |girls )?(?:junior[ -])?varsity",
)  # fmt: skip
INSTITUTION_AFTER = re.compile(r"[ \t]+(?:" + "|".join(INSTITUTIONS) + r")\b", re.IGNORECASE)
# A street address or a named road right before a name: "400 S. Locust St., Lebanon", "West
# 11th Street in San Pedro", "Malta Road in Malta". Streets lie in towns, and an address
# names its town, not a country or a province; a lower-case "a road in Jordan" says nothing.
# Not "Court" ("the Supreme Court in Jordan") nor highways, which cross borders.
STREET_WORDS = r"St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Dr|Drive|Ln|Lane|Pike|Parkway|Pkwy"
ADDRESS_BEFORE = re.compile(r"\b(?:" + STREET_WORDS + r")\.?(?:,|\s+in)[ \t]+$")
# "the city of Saida", "the southern coastal town of Malta", "City of Norfolk": the writer
# says what it is. A determiner or a capital is needed: in "Torkula village of Guma" the
# village is another place, which lies in the one named.
TOWN_WORD_BEFORE = re.compile(
    r"(?:\b[Tt]he\s+(?:[\w-]+\s+){0,3}(?:city|town|village|township)|\b(?:City|Town|Village))"
    r"\s+of[ \t]+$"
)
# How far back the cues before a name are looked for.
BEFORE_WINDOW = 40
# What each cue rules out when a town bears the name. An address or "the city of" is said
# of a town only. A province, a state or a county, unlike a country, has people who are
# said to be "of" it ("Rep. Ann Roe of Texas") and institutions of its own ("the Texas high
# school", "the Laguna mayor" of a Philippine province, the Kent Police): those cues rule
# out countries only.
LARGER = {
    "people": frozenset({"country"}),
    "institution": frozenset({"country"}),
    "address": frozenset({"country", "admin1", "admin2", "region"}),
    "town": frozenset({"country", "admin1", "admin2", "region"}),
    "resident": frozenset({"country"}),
}


def town_cue(text: str, start: int, end: int) -> str:
    """The kind of cue around the name at `start`:`end` saying that it is a town ("" if
    none); see `LARGER` for the kinds. A person's home ("Tom Hill of Nelson") needs the
    parse and is found by the places stage."""
    if people_noun_after(text, end):
        return "people"
    if INSTITUTION_AFTER.match(text, end):
        return "institution"
    before = text[max(0, start - BEFORE_WINDOW) : start]
    if ADDRESS_BEFORE.search(before):
        return "address"
    if TOWN_WORD_BEFORE.search(before):
        return "town"
    return ""


def names_county(text: str) -> bool:
    """The text names a county by its designator ("Boone County", "Rapides Parish")."""
    return fold(text).rpartition(" ")[2] in COUNTY_WORDS


def without_larger(pool: Sequence[Candidate], text: str, cue: str) -> list[Candidate]:
    """The pool without the readings larger than a town that the cue rules out, when a town
    bears the name as its own: "a Jordan man" is from the town. An abbreviation ("U.S."
    reaches its country through a code) is left alone: "a U.S. man" is an American."""
    key = fold(text)
    if not cue or any(coded for _, coded in pool):
        return list(pool)
    if not any(e.feature == "city" and fold(e.name) == key for e, _ in pool):
        return list(pool)
    return [(e, coded) for e, coded in pool if e.feature not in LARGER[cue]]


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
