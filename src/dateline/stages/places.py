"""Places: find place names in the article body and resolve them to GeoNames, offline.

Recognition (place_names) takes the parser's GPE/LOC/FAC entities and adds
what the small model misses: the items of a list introduced by a word such
as "settlements" or "villages" (which it often tags as people or
organisations), a gazetteer name right after a locative preposition ("in
Karkijahan"), and, in text set in capitals, gazetteer names of countries,
divisions and large cities. A water named by its bare adjective ("the
tropical Atlantic") is looked up by its full name (place_waters). Resolution
(gazetteer.resolve) picks each name's GeoNames entry using the article's
other places. Demonyms are not places; `demonym_country` maps them to
countries for the actor stage. `event_location` gives the events stage the
most specific place in a span, with a UCDP-like precision.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ..docext import ARTICLE, doc_text, ensure_extensions, stage_attr
from ..gazetteer import FEATURES, Gazetteer, load_gazetteer, valid_coordinates
from ..gazetteer.homonyms import town_cue
from ..gazetteer.resolve import Mention, Resolution, resolve
from ..gazetteer.spelling import spelling
from ..record import Location, Place, Span
from .place_names import recognise
from .place_patterns import DATELINE_LABEL, all_capitals, county_name
from .place_waters import WATER_HEADS, water_name

__all__ = [
    "PlacesComponent",
    "all_capitals",
    "demonym_country",
    "demonyms",
    "event_location",
    "find_places",
]

PLACES = stage_attr("places")
QUALIFIER_GAP = re.compile(r"\s*,\s*$")
LIST_GAP = re.compile(r"\s*(,\s*|,?\s+(and|or|&)\s+)")  # between two items of a list
LIST_END = re.compile(r"\s*(and|or|&)\s", re.IGNORECASE)  # "X, Y and Z": Y is an item, not X's
# An abbreviated division ("Ky.", "Conn.", "S.D.", "W. Va."): news writes these only after a
# town, so one qualifies the name before it even inside a list.
ABBREVIATED = re.compile(r"(?:[A-Z][a-z]{0,4}\. ?){1,2}")
# A place this close to the body's start, followed by a comma or dash, is its dateline; some
# wires bracket it: "(NEW YORK) — Police said".
DATELINE_CHARS = 60
DATELINE_AFTER = re.compile(r"\)?\s*(,|\(|—|–|-)")

# Precision of an event location by the feature of its place (UCDP where_prec in spirit); a
# sea, a multi-country region or a continent is wider than a country: its point is no place.
PRECISION = {
    "city": "exact", "admin2": "district", "admin1": "province", "country": "country",
    "region": "region", "continent": "region",
}  # fmt: skip
NEAR = re.compile(
    r"\b(near|outside|close to|nearby|on the outskirts of|outskirts of|"
    r"\d[\d,.]*\s*(km|kilometers|kilometres|miles|mi)\s+(\w+\s+){0,2}(of|from))\s+(the\s+)?$",
    re.IGNORECASE,
)
# Titles that a name may carry inside the parser's PERSON entity ("King Abdullah").
TITLES = {
    "king", "queen", "prince", "princess", "emir", "sultan", "sheikh", "president", "minister",
    "sen", "rep", "gov", "mayor", "duke", "archduke", "emperor", "pope", "saint", "st",
}  # fmt: skip
COURTESY_TITLES = {"mr", "mrs", "ms", "miss", "dr"}  # say nothing of an office
NEAR_WINDOW = 60  # characters before a place name searched for "near", "outside", "20 km north of"


class PlacesComponent:
    """Writes the article's places to doc._.dateline_places (loads the gazetteer if not given)."""

    def __init__(self, gazetteer: Gazetteer | None = None):
        self._gazetteer = gazetteer

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = load_gazetteer()
        return self._gazetteer

    def __call__(self, doc: Doc) -> Doc:
        doc._.set(PLACES, [to_place(r) for r in find_places(doc, self.gazetteer)])
        return doc


@Language.factory("dateline_places", assigns=[f"doc._.{PLACES}"], requires=[f"doc._.{ARTICLE}"])
def make_places_component(nlp: Language, name: str) -> PlacesComponent:
    """The gazetteer is loaded with the pipeline (about a second, once per process), like the
    model's weights, not inside the first article."""
    ensure_extensions()
    return PlacesComponent(load_gazetteer())


def find_places(doc: Doc, gazetteer: Gazetteer) -> list[Resolution]:
    """Every place name in the article body, resolved, in text order."""
    body = body_span(doc)
    spans = recognise(doc, gazetteer, body)
    spelled = spelling(source_text(doc))
    return resolve(gazetteer, mentions(doc, spans, body, gazetteer), spelled)


def source_text(doc: Doc) -> str:
    """The article's own text (same length as the Doc's, which may differ in letter case)."""
    article = doc._.get(ARTICLE) if Doc.has_extension(ARTICLE) else None
    if article is not None and len(article.text) == len(doc_text(doc)):
        return str(article.text)
    return doc_text(doc)


def body_span(doc: Doc) -> Span:
    article = doc._.get(ARTICLE) if Doc.has_extension(ARTICLE) else None
    if article is None or article.body is None:
        return Span(0, len(doc_text(doc)))
    return article.body


def to_place(resolution: Resolution) -> Place:
    m, e = resolution.mention, resolution.entry
    if e is None:
        return Place(m.start, m.end, m.text, None, None, None, None, None, None)
    return Place(
        m.start, m.end, m.text, e.name, e.geonameid, e.country or None, e.lat, e.lon, e.feature,
        confidence=round(resolution.confidence, 3),
    )  # fmt: skip


def mentions(
    doc: Doc, spans: Sequence[SpacySpan], body: Span, gazetteer: Gazetteer | None = None
) -> list[Mention]:
    """Mentions with their qualifier ("Alexandria, Louisiana"), dateline flag, list group and
    the name to look up when the words around say more ("Jackson and Barrow counties", "the
    tropical Atlantic"; with a gazetteer). Their words come from the article's text: the Doc
    may be a truecased copy of all-capitals text."""
    text = source_text(doc)
    capitals = all_capitals(text[body.start : body.end])
    result = []
    for index, span in enumerate(spans):
        mention = Mention(span.start_char, span.end_char, text[span.start_char : span.end_char])
        mention.capitals = capitals
        mention.qualifier = _qualifier(text, spans, index)
        mention.dateline = (
            span.label_ == DATELINE_LABEL or index == 0 and _dateline(text, span, body)
        )
        mention.name = county_name(span) or (water_name(span, gazetteer) if gazetteer else None)
        mention.label = _entity_label(span)
        mention.town_cue = town_cue(text, span.start_char, span.end_char) or _residence(span)
        result.append(mention)
    _one_water_per_article(result)
    _group_lists(text, result)
    return result


def _residence(span: SpacySpan) -> str:
    """The cue "resident" when the name is a person's home: "Galen Miller of Palestine",
    "Roe, 34, of Nelson". Local news says where a person lives so, while a country's people
    are told by their nationality ("a Jordanian man"). Holders of an office or a crown are
    named by what they hold, not their home ("Foreign Minister Nasser Judeh of Jordan",
    "King Abdullah of Jordan", "Ferdinand of Austria"): no cue."""
    tokens = span.doc[max(0, span.start - 5) : span.start]
    if len(tokens) < 2 or tokens[-1].lower_ != "of":
        return ""
    last = len(tokens) - 2  # the person's last word, before "of" or before ", 34,"
    aged = tokens[last].text == "," and last >= 3 and tokens[last - 1].like_num
    if aged:
        last -= 3
    if tokens[last].ent_type_ != "PERSON":
        return ""
    return "resident" if _untitled_person(span.doc, tokens[last].i, aged) else ""


def _untitled_person(doc: Doc, last: int, aged: bool) -> bool:
    """The PERSON entity ending at token `last` bears no title of office and, unless an age
    follows it ("Roe, 34,"), is named in full: a lone given name ("Ferdinand of Austria",
    "Catherine of Aragon") is a monarch's style."""
    first = last
    while first > 0 and doc[first].ent_iob_ == "I":
        first -= 1
    if first == last and not aged:
        return False
    before = doc[first - 1] if first > 0 else None
    titled = before is not None and (
        before.lower_.rstrip(".") in TITLES
        or before.is_title and before.pos_ == "PROPN" and not before.is_sent_start
        and before.lower_.rstrip(".") not in COURTESY_TITLES
    )  # fmt: skip
    return not titled and doc[first].lower_.rstrip(".") not in TITLES


def _entity_label(span: SpacySpan) -> str:
    """The parser's entity label of the span's last word, the head of a name ("" if none)."""
    return str(span[-1].ent_type_)


def _one_water_per_article(found: Sequence[Mention]) -> None:
    """A bare name the article once uses for a water ("the Atlantic") names it where the
    article repeats it without a determiner ("Atlantic hurricanes"), unless a qualifier or a
    dateline makes it a town there ("Atlantic, Iowa")."""
    waters = {m.text: m.name for m in found if m.name and m.name.endswith(WATER_HEADS)}
    for mention in found:
        town = mention.qualifier is not None or mention.dateline
        if mention.name is None and mention.text in waters and not town:
            mention.name = waters[mention.text]


def _group_lists(text: str, found: Sequence[Mention]) -> None:
    """Number the lists of places ("Washington, New York and Boston"): names joined by commas
    or a conjunction share a group, except a qualifier ("Louisville, Ky.", or the "Ohio" of a
    lone "Columbus, Ohio"), which belongs to its name."""
    linked = [
        index > 0 and bool(LIST_GAP.fullmatch(text[found[index - 1].end : mention.start]))
        for index, mention in enumerate(found)
    ]
    group = 0
    items: list[Mention] = []
    for index, mention in enumerate(found):
        if not linked[index]:
            group = _number(items, group)
            items = []
        if not _qualifies(found, linked, index):
            items.append(mention)
    _number(items, group)


def _number(items: Sequence[Mention], group: int) -> int:
    """Give the items one new group number if they are a list; the last number used."""
    if len(items) < 2:
        return group
    for item in items:
        item.group = group + 1
    return group + 1


def _qualifies(found: Sequence[Mention], linked: Sequence[bool], index: int) -> bool:
    mention = found[index]
    if not linked[index]:
        return False
    if ABBREVIATED.fullmatch(mention.text):
        return True
    last = index + 1 == len(found) or not linked[index + 1]
    return found[index - 1].qualifier == mention.text and last


def _qualifier(text: str, spans: Sequence[SpacySpan], index: int) -> str | None:
    """The place name right after this one and a comma ("Alexandria, Louisiana"), unless the
    two are items of a list: "Washington, New York and Boston", "Lima, Quito, Bogota"; an
    abbreviated division qualifies in a list too: "Denver, Louisville, Ky., New Haven, Conn."."""
    span = spans[index]
    after = spans[index + 1] if index + 1 < len(spans) else None
    if after is None or not QUALIFIER_GAP.match(text[span.end_char : after.start_char]):
        return None
    if ABBREVIATED.fullmatch(after.text):
        return after.text
    before = spans[index - 1] if index > 0 else None
    if before is not None and QUALIFIER_GAP.match(text[before.end_char : span.start_char]):
        return None
    if LIST_END.match(text, after.end_char):
        return None
    return text[after.start_char : after.end_char]


def _dateline(text: str, span: SpacySpan, body: Span) -> bool:
    return span.start_char - body.start < DATELINE_CHARS and bool(
        DATELINE_AFTER.match(text, span.end_char)
    )


# Demonyms and event locations ----------------------------------------------------------------


def demonym_country(word: str, gazetteer: Gazetteer | None = None) -> str | None:
    """The ISO alpha-2 code of the country a demonym names ("Armenian" -> "AM"), else None.
    Demonyms are not places: use this for actors ("Armenian armed forces")."""
    return (gazetteer or load_gazetteer()).demonym_country(word)


def demonyms(doc: Doc, gazetteer: Gazetteer | None = None) -> list[tuple[int, int, str, str]]:
    """(start, end, text, country) for every NORP entity that is a country's demonym."""
    gazetteer = gazetteer or load_gazetteer()
    found = []
    for ent in doc.ents:
        country = gazetteer.demonym_country(ent.text) if ent.label_ == "NORP" else None
        if country:
            found.append((ent.start_char, ent.end_char, ent.text, country))
    return found


def event_location(places: Iterable[Place], text: str, start: int, end: int) -> Location:
    """Where an event described in text[start:end] happened: its most specific resolved place
    (the town, not the country named in passing), with a precision level. No resolved place
    gives precision "unknown"; a country-level place says "country", never a point in it."""
    inside = [p for p in places if start <= p.start and p.end <= end]
    resolved = [p for p in inside if p.geonames_id is not None and valid_coordinates(p.lat, p.lon)]
    if not resolved:
        return _unknown_location(inside)
    best = max(resolved, key=lambda p: (_specificity(p), -p.start))
    precision = PRECISION.get(best.feature or "", "unknown")
    if precision == "exact" and NEAR.search(text[max(0, best.start - NEAR_WINDOW) : best.start]):
        precision = "near"
    return Location(
        best.name,
        best.country,
        best.lat,
        best.lon,
        best.geonames_id,
        best.start,
        best.end,
        precision,
    )


def _specificity(place: Place) -> int:
    return FEATURES.index(place.feature) if place.feature in FEATURES else -1


def _unknown_location(inside: Sequence[Place]) -> Location:
    """A named but unresolved place keeps its name and evidence, with no point and no precision."""
    if not inside:
        return Location(None, None, None, None, None, None, None, "unknown")
    first = inside[0]
    return Location(first.text, None, None, None, None, first.start, first.end, "unknown")
