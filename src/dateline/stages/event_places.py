"""Where an incident happened: the place its own sentences name, else the article's country.

An incident is placed by the most specific resolved place its sentences name
(`places.event_location`), leaving out the wire dateline's place and countries
named as the owner of a thing. A place a locative preposition brings in ("killed
in Usulutan") beats one named otherwise; a place named otherwise ("U.S. officials
said the massacre ...", a person's name read as a town) places the incident only
when it lies in the article's country. When its sentences name none ("Gunmen shot
the mayor at his home"), it is placed in the article's country at country
precision: the country most of the article's places lie in, where a demonym
("Salvadoran soldiers", "the Peruvian police") speaks for its country as a place
name does. Reports about one country are full of its people and institutions
named by demonym while naming few places, and a single foreign town named in
passing would otherwise outvote them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache

from spacy.tokens import Doc

from ..docext import ARTICLE, doc_text, stage_attr
from ..gazetteer import Gazetteer, load_gazetteer
from ..record import Location, Place
from .places import event_location

# Words that may be demonyms: "Salvadoran", "Peruvians" (the shortest demonyms, "Thai", "Lao",
# are rare in news of violence; four letters keeps the lookups few).
DEMONYM_WORD = re.compile(r"[A-Za-z]{4,}")
# Doc.user_data caches: computed once per Doc.
ARTICLE_COUNTRY = "dateline_article_country"
EVENT_PLACES = "dateline_event_places"
# A locative preposition right before a place name, with at most "the" and one word between:
# "in Usulutan", "near the village Chalate", "20 km north of Jaffna". Not "from", which names
# an origin ("a priest from Spain", "mercenaries from the United States", "troops sent from
# Honduras") as often as where the news is from; on MUC dev, leaving it out put more
# incidents in their key's country.
LOCATIVE_BEFORE = re.compile(
    r"(?i)\b(in|at|near|outside|inside|around|into|across|throughout|outskirts of|"
    r"(north|south|east|west)(east|west)?(ern)? of)\s+(the\s+)?([\w.-]+\s+)?$"
)
LOCATIVE_WINDOW = 40  # characters searched before a place name
# A street named after a place: "on Boyaca Avenue", "at Serrano and Tarapaca streets".
STREET_AFTER = re.compile(
    r"(?i)(\s+(and|&)\s+(?!(on|in|at|near|the)\b)[\w.'-]+(\s+[\w.'-]+){0,2}?)?"
    r"\s+(street|avenue|boulevard)s?\b"
)
STREET_WINDOW = 45  # characters searched after a place name
STREET_NAME = re.compile(r"(?i)\s(street|avenue|boulevard)$")  # a place read as "Alameda Street"


@dataclass(slots=True, frozen=True)
class CountryMention:
    country: str
    start: int
    end: int
    name: str | None  # the country's own name when this is a place, None for a demonym
    is_country: bool
    telling: bool = True  # False for a place named in passing (see `_article_country`)


def sentence_locations(doc: Doc, start: int, end: int) -> tuple[Location, Location]:
    """Where text[start:end] places an event, and the place it names, in passing or not.
    Each is the most specific place among those a locative preposition brings in, when
    there are any; else, for the first, among the places of the article's country (see
    `_passing_place`), for the second among all."""
    text = doc_text(doc)
    inside = [p for p in event_places(doc) if start <= p.start and p.end <= end]
    located = [p for p in inside if p.geonames_id is not None and _after_locative(text, p)]
    named = event_location(located or inside, text, start, end)
    if located or not inside:
        return named, named
    at_home = [p for p in inside if not _passing_place(doc, p)]
    return event_location(at_home, text, start, end), named


def _passing_place(doc: Doc, place: Place) -> bool:
    """A resolved place named without a locative preposition, in a country other than the
    article's: in a report about one country, another named so is mostly an actor or an
    origin ('U.S. officials said the massacre ...', 'extradited to the United States'), or
    a person's name read as a town ('Gustavo Adolfo Leiva'), seldom where its incident
    happened; the article's country places the incident better."""
    if place.geonames_id is None or place.country is None:
        return False
    home = article_country(doc)
    return home is not None and home.country != place.country


def _after_locative(text: str, place: Place) -> bool:
    """'killed in Usulutan', 'a bomb at the Lima airport', '20 km north of Jaffna': the place is
    where something happened. A place named otherwise ('Mexico condemned the murder', 'a
    Havana University professor', a person's name read as a town) more often says who
    spoke or whose a thing is. When a sentence names places both ways, the locative ones win."""
    return bool(LOCATIVE_BEFORE.search(text, max(0, place.start - LOCATIVE_WINDOW), place.start))


def event_places(doc: Doc) -> list[Place]:
    """Places that can locate an event: not the wire dateline's ('PARIS (FRANCE), 16 NOV 89 --'
    says where the story was filed, not where anything happened), and not a country named as
    the owner of a thing ('the U.S. embassy', 'the Chilean Government's'), which says whose it
    is, not where the event happened. Computed once per Doc: every mention asks for them."""
    if EVENT_PLACES not in doc.user_data:
        doc.user_data[EVENT_PLACES] = _event_places(doc)
    found: list[Place] = doc.user_data[EVENT_PLACES]
    return found


def _event_places(doc: Doc) -> list[Place]:
    places = doc._.get(stage_attr("places")) or []
    article = doc._.get(ARTICLE)
    dateline = article.published_span if article is not None else None
    if dateline is not None:
        places = [p for p in places if p.start >= dateline.end]
    text = doc_text(doc)
    return [
        p
        for p in places
        if not (p.feature == "country" and _owner_modifier(doc, p)) and not _street(text, p)
    ]


def _street(text: str, place: Place) -> bool:
    """The name is a street's ('a bomb on Boyaca Avenue', 'at Serrano and Tarapaca streets'):
    streets are named after provinces, countries and heroes, so the town the name also
    belongs to, often in another country, says nothing of where the event happened."""
    named = STREET_NAME.search(text, place.start, place.end) is not None
    return named or STREET_AFTER.match(text, place.end, place.end + STREET_WINDOW) is not None


def _owner_modifier(doc: Doc, place: Place) -> bool:
    """The place name modifies a noun ('U.S. embassy', 'Colombia's army'): its last word is a
    compound or possessive dependent of a noun after it."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    last = span[-1]
    if last.tag_ == "POS" and len(span) > 1:
        last = span[-2]
    head = last.head
    return (
        last.dep_ in ("compound", "poss", "nmod", "amod")
        and head.i >= span.end
        and head.pos_ in ("NOUN", "PROPN")
    )


def article_country(doc: Doc) -> Location | None:
    """The country most of the article's resolved places and demonyms point to, at country
    precision and with no point (vague is never made precise); None when nothing points to one.
    Computed once per Doc: every incident without a place of its own asks for it."""
    if ARTICLE_COUNTRY not in doc.user_data:
        doc.user_data[ARTICLE_COUNTRY] = _article_country(doc)
    found: Location | None = doc.user_data[ARTICLE_COUNTRY]
    return found


def _article_country(doc: Doc) -> Location | None:
    """The country with most telling mentions: places a locative preposition brings in ('in
    Usulutan'), the wire dateline's, and demonyms. Places named otherwise ('the United
    States offers aid', 'U.S. Congress', a person's name read as a town) are mostly actors
    and owners, which a report about one country names from many others: they only break
    ties, or decide when nothing else points to a country."""
    mentions = _place_mentions(doc) + _demonym_mentions(doc)
    if not mentions:
        return None
    telling = Counter(m.country for m in mentions if m.telling)
    passing = Counter(m.country for m in mentions if not m.telling)
    first = {m.country: m.start for m in sorted(mentions, key=lambda m: -m.start)}
    country = max(first, key=lambda c: (telling[c], passing[c], -first[c]))
    ours = [m for m in mentions if m.country == country]
    evidence = next((m for m in ours if m.is_country), None) or min(ours, key=lambda m: m.start)
    name = evidence.name if evidence.is_country else _country_name(country)
    return Location(name, country, None, None, None, evidence.start, evidence.end, "country")


def _place_mentions(doc: Doc) -> list[CountryMention]:
    places = _one_dateline_place(doc, [p for p in doc._.get(stage_attr("places")) or []])
    article = doc._.get(ARTICLE)
    dateline = article.published_span if article is not None else None
    text = doc_text(doc)
    return [
        CountryMention(
            p.country or "", p.start, p.end, p.name, p.feature == "country",
            (dateline is not None and p.start < dateline.end) or _after_locative(text, p),
        )
        for p in places
        if p.country and p.geonames_id
    ]  # fmt: skip


def _one_dateline_place(doc: Doc, places: list[Place]) -> list[Place]:
    """The wire dateline votes once: 'PARIS (FRANCE), 16 NOV' names where the story was filed,
    often the incident's country, as often an agency's home abroad."""
    article = doc._.get(ARTICLE)
    dateline = article.published_span if article is not None else None
    if dateline is None:
        return places
    inside = [p for p in places if p.start < dateline.end]
    return inside[:1] + [p for p in places if p.start >= dateline.end]


def _demonym_mentions(doc: Doc) -> list[CountryMention]:
    """Every demonym in the article's body, as a mention of its country."""
    article = doc._.get(ARTICLE)
    text = article.text if article is not None else doc_text(doc)
    start = article.body.start if article is not None and article.body is not None else 0
    found = []
    for match in DEMONYM_WORD.finditer(text, start):
        country = _demonym_country(match.group().lower())
        if country is not None:
            found.append(CountryMention(country, match.start(), match.end(), None, False))
    return found


@lru_cache(maxsize=65536)
def _demonym_country(word: str) -> str | None:
    """Cached: an article's words recur in the next, and most are no demonym."""
    return _gazetteer().demonym_country(word)


def _country_name(code: str) -> str:
    entry = _gazetteer().country(code)
    return entry.name if entry is not None else code


@cache
def _gazetteer() -> Gazetteer:
    """The gazetteer, asked for once: `load_gazetteer` checks its cache file's key on every call
    (a millisecond and more), which would double this stage's time."""
    return load_gazetteer()
