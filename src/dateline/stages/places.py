"""Places: find place names in the article body and resolve them to GeoNames, offline.

Recognition takes the parser's GPE/LOC/FAC entities and adds what the small
model misses: the items of a list introduced by a word such as "settlements"
or "villages" (which it often tags as people or organisations), a gazetteer
name right after a locative preposition ("in Karkijahan"), and, in text set
in capitals, gazetteer names of countries, divisions and large cities.
Resolution (gazetteer.resolve) picks each name's GeoNames entry using the
article's other places. Demonyms are not places; `demonym_country` maps
them to countries for the actor stage. `event_location` gives the events
stage the most specific place in a span, with a UCDP-like precision.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..docext import ARTICLE, doc_text, ensure_extensions, stage_attr
from ..gazetteer import FEATURES, Entry, Gazetteer, fold, load_gazetteer, valid_coordinates
from ..gazetteer.resolve import Mention, Resolution, resolve
from ..record import Location, Place, Span

PLACES = stage_attr("places")
PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Plural nouns that introduce a list of place names: "settlements, including A, B and C".
LIST_CUES = {
    "settlements", "villages", "towns", "cities", "districts", "regions", "provinces",
    "municipalities", "communities", "neighborhoods", "neighbourhoods", "counties", "hamlets",
    "localities", "camps", "suburbs", "oblasts", "governorates", "prefectures", "townships",
}  # fmt: skip
LIST_LEADS = {
    "including", "include", "includes", "such", "as", "like", "namely", "of", ":", ",", "—",
}  # fmt: skip
LIST_JOINS = {",", "and", "or", "&"}
# Prepositions after which a capitalised gazetteer name is a place, whatever the tagger said.
LOCATIVES = {
    "in", "at", "near", "from", "outside", "into", "across", "around", "toward", "towards",
    "through", "throughout", "via", "between", "inside", "to",
}  # fmt: skip
MAX_NAME_TOKENS = 5  # longer capitalised runs are titles and organisations, not place names
# Words that name a kind of place, a direction or an institution, never a place by themselves
# ("the West", "the Region", "the University").
GENERIC_WORDS = {
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "region", "county", "state", "city", "town", "village", "district", "province", "university",
    "cathedral", "church", "downtown", "midwest", "capital", "metro", "center", "centre",
}  # fmt: skip
# Month and weekday names: "in March" is a date, not the town of March.
CALENDAR_WORDS = {w.lower() for w in (*calendar.month_name, *calendar.day_name) if w}
EMBEDDING_LABELS = {"ORG", "FAC", "EVENT"}  # names that often hold a place name inside them
MAX_EMBEDDED_TOKENS = 3
NOT_NAMES = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "NORP"}
RELABEL_MIN_POPULATION = 100_000  # a city the model tagged as an organisation must be this big
MATCH_MIN_POPULATION = 1000  # a city found only by the gazetteer matcher must be at least this big
# ... and in all-capitals text, where every word looks like a name, this big:
CAPITALS_MIN_POPULATION = 100_000
CAPITALS_SHARE = 0.8  # a body whose letters are this share upper case is "all capitals"
LEADING_WORDS = {"the"}
QUALIFIER_GAP = re.compile(r"\s*,\s*$")
# A place this close to the body's start, followed by a comma or dash, is its dateline.
DATELINE_CHARS = 60
DATELINE_AFTER = re.compile(r"\s*(,|\(|—|–|-)")

# Precision of an event location by the feature of its place (UCDP where_prec in spirit).
PRECISION = {"city": "exact", "admin2": "district", "admin1": "province", "country": "country"}
NEAR = re.compile(
    r"\b(near|outside|close to|nearby|on the outskirts of|outskirts of|"
    r"\d[\d,.]*\s*(km|kilometers|kilometres|miles|mi)\s+(\w+\s+){0,2}(of|from))\s+(the\s+)?$",
    re.IGNORECASE,
)
NEAR_WINDOW = 60  # characters before a place name searched for "near", "outside", "20 km north of"


class PlacesComponent:
    """Writes the article's places to doc._.dateline_places; loads the gazetteer on first use."""

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
    ensure_extensions()
    return PlacesComponent()


def find_places(doc: Doc, gazetteer: Gazetteer) -> list[Resolution]:
    """Every place name in the article body, resolved, in text order."""
    body = body_span(doc)
    spans = recognise(doc, gazetteer, body)
    return resolve(gazetteer, mentions(doc, spans, body))


def source_text(doc: Doc) -> str:
    """The article's own text (same length as the Doc's, which may differ in letter case)."""
    article = doc._.get(ARTICLE) if Doc.has_extension(ARTICLE) else None
    if article is not None and len(article.text) == len(doc.text):
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


# Recognition --------------------------------------------------------------------------------


def recognise(doc: Doc, gazetteer: Gazetteer, body: Span) -> list[SpacySpan]:
    """Place-name spans, in order, without overlaps (entities first, then each added rule)."""
    found: list[SpacySpan] = []
    for source in (
        entity_places(doc, gazetteer, body),
        relabelled_places(doc, gazetteer, body),
        list_places(doc, body),
        embedded_places(doc, gazetteer, body),
        locative_places(doc, gazetteer, body),
        capitals_places(doc, gazetteer, body),
    ):
        found += [span for span in source if not any(_overlaps(span, f) for f in found)]
    found += repeated_places(doc, found, body, gazetteer)
    return sorted(found, key=lambda span: span.start)


def _overlaps(a: SpacySpan, b: SpacySpan) -> bool:
    return a.start < b.end and b.start < a.end


def _in_body(span: SpacySpan, body: Span) -> bool:
    return body.start <= span.start_char and span.end_char <= body.end


def entity_places(doc: Doc, gazetteer: Gazetteer, body: Span) -> Iterator[SpacySpan]:
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS and _in_body(ent, body):
            trimmed = trim(ent)
            if trimmed is not None and looks_like_name(trimmed.text, gazetteer):
                yield from _unless_demonym([trimmed], gazetteer)


def _unless_demonym(spans: Iterable[SpacySpan], gazetteer: Gazetteer) -> Iterator[SpacySpan]:
    """Drop a demonym the model took for a place ("Sri Lankan"): demonyms name people."""
    for span in spans:
        if gazetteer.is_main_name(span.text) or not gazetteer.demonym_country(span.text):
            yield span


def looks_like_name(text: str, gazetteer: Gazetteer) -> bool:
    """False for what the model tags as a place but no place name looks like: no capital
    letter ("veranda"), or an acronym or brand spelling ("AI", "UConn", "MoD") that the
    gazetteer does not know."""
    if not any(ch.isupper() for ch in text) or fold(text) in GENERIC_WORDS | CALENDAR_WORDS:
        return False
    letters = [ch for ch in text if ch.isalpha()]
    acronym = len(letters) <= 4 and all(ch.isupper() for ch in letters)
    inner_capitals = any(_brand_spelling(word) for word in text.split())
    if acronym or inner_capitals:
        return bool(gazetteer.lookup(text, codes=True))
    return True


def _brand_spelling(word: str) -> bool:
    """A capital inside a word that also has small letters: UConn, IoTX, MoD (and McLean,
    which the gazetteer knows, so it is kept)."""
    return any(ch.islower() for ch in word) and any(
        ch.isupper() and prev.isalpha() for prev, ch in zip(word, word[1:], strict=False)
    )


def embedded_places(doc: Doc, gazetteer: Gazetteer, body: Span) -> Iterator[SpacySpan]:
    """A well-known place named inside an organisation, facility or event name ("Pakistan
    Army", "Dubai World Cup", "University of Minnesota"): the corpora count these as
    toponyms, and they tell where the organisation belongs."""
    for ent in doc.ents:
        if ent.label_ not in EMBEDDING_LABELS or len(ent) < 2 or not _in_body(ent, body):
            continue
        i = ent.start
        while i < ent.end:
            span = _well_known_at(doc, i, ent.end, gazetteer)
            if span is not None:
                yield span
            i = span.end if span is not None else i + 1


def _well_known_at(doc: Doc, i: int, end: int, gazetteer: Gazetteer) -> SpacySpan | None:
    """The longest capitalised run from token i (inside the entity) that is a well-known place."""
    stop = min(capitalised_run(doc, i), end, i + MAX_EMBEDDED_TOKENS)
    for j in range(stop, i, -1):
        span = doc[i:j]
        if well_known(gazetteer, span.text, person=False) and fold(span.text) not in GENERIC_WORDS:
            return span
    return None


def _big_or_division(entry: Entry) -> bool:
    return entry.feature == "admin2" or entry.population >= RELABEL_MIN_POPULATION


def relabelled_places(doc: Doc, gazetteer: Gazetteer, body: Span) -> Iterator[SpacySpan]:
    """Entities the model labelled otherwise whose whole text is a well-known place: a country
    or first-level division by any label but a date or number ("Tamil Nadu" tagged PERSON),
    a big city when tagged as an organisation ("Dubai" ORG) but not as a person."""
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS or ent.label_ in NOT_NAMES or not _in_body(ent, body):
            continue
        trimmed = trim(ent)
        if trimmed is None or not looks_like_name(trimmed.text, gazetteer):
            continue
        if well_known(gazetteer, trimmed.text, person=ent.label_ == "PERSON"):
            yield trimmed


def well_known(gazetteer: Gazetteer, text: str, *, person: bool) -> bool:
    """A country or continent by any of its names; a first-level division, or (unless the
    model took it for a person) a second-level one or a big city, by its main name."""
    key = fold(text)
    for entry in gazetteer.lookup(text):
        if entry.feature in ("country", "continent"):
            return True
        main = fold(entry.name) == key
        if main and (entry.feature == "admin1" or not person and _big_or_division(entry)):
            return True
    return False


def trim(span: SpacySpan) -> SpacySpan | None:
    """The name without a leading "the" or trailing possessive: "the Nile's" -> "Nile"."""
    start, end = span.start, span.end
    while start < end and span.doc[start].lower_ in LEADING_WORDS:
        start += 1
    while end > start and (span.doc[end - 1].tag_ == "POS" or span.doc[end - 1].is_punct):
        end -= 1
    if end <= start or not any(ch.isalpha() for ch in span.doc[start:end].text):
        return None
    return span.doc[start:end]


def list_places(doc: Doc, body: Span) -> Iterator[SpacySpan]:
    """Items of a list introduced by a plural place noun: "villages such as A, B, and C"."""
    for token in doc:
        if (
            token.lower_ in LIST_CUES
            and token.text.islower()
            and body.start <= token.idx < body.end
        ):
            items = list(list_items(doc, token.i + 1))
            yield from (item for item in items if _in_body(item, body))


def list_items(doc: Doc, i: int) -> Iterator[SpacySpan]:
    """Capitalised runs separated by commas and "and", after the cue's lead words; stops at the
    first word that is neither (a lower-case verb, say) or at the end of the sentence."""
    while i < len(doc) and doc[i].lower_ in LIST_LEADS and not doc[i].is_sent_start:
        i += 1
    while i < len(doc):
        end = capitalised_run(doc, i)
        if end == i:
            return
        if end - i <= MAX_NAME_TOKENS:
            yield doc[i:end]
        i = end
        if i >= len(doc) or doc[i].lower_ not in LIST_JOINS:
            return
        while i < len(doc) and doc[i].lower_ in LIST_JOINS:
            i += 1


def capitalised_run(doc: Doc, i: int) -> int:
    """The end of the run of capitalised words (and hyphens inside them) starting at token i."""
    end = i
    while end < len(doc) and (_capitalised(doc[end]) or _inner_hyphen(doc, end, i)):
        end += 1
        if end > i and doc[end - 1].is_sent_end:
            break
    return end


def _capitalised(token: Token) -> bool:
    return token.is_alpha and token.text[:1].isupper()


def _inner_hyphen(doc: Doc, j: int, start: int) -> bool:
    return j > start and doc[j].text in ("-", "'") and j + 1 < len(doc) and _capitalised(doc[j + 1])


def locative_places(doc: Doc, gazetteer: Gazetteer, body: Span) -> Iterator[SpacySpan]:
    """A capitalised gazetteer name right after "in", "near", "from"...: the tagger may have
    called it a person or organisation, but "fighting in Karkijahan" names a place."""
    for token in doc:
        if token.lower_ not in LOCATIVES or token.i + 1 >= len(doc):
            continue
        start = token.i + 1 + (doc[token.i + 1].lower_ in LEADING_WORDS)
        end = capitalised_run(doc, start)
        span = doc[start:end]
        if not (0 < len(span) <= MAX_NAME_TOKENS and _in_body(span, body) and _not_person(span)):
            continue
        if _known_place(gazetteer, span.text, MATCH_MIN_POPULATION):
            yield span


def repeated_places(
    doc: Doc, found: Sequence[SpacySpan], body: Span, gazetteer: Gazetteer
) -> list[SpacySpan]:
    """Other occurrences of a name already found as a place ("one sense per discourse"): the
    small model often tags the same town a place once and a person or organisation elsewhere.
    Only names the gazetteer knows and the model did not call a person more often than a
    place spread so (a surname tagged GPE once must not spread to every mention); an
    occurrence inside a longer entity ("Alexandria Smith") is left alone."""
    people = Counter(ent.text.lower() for ent in doc.ents if ent.label_ == "PERSON")
    places = Counter(span.text.lower() for span in found)
    names = {
        tuple(t.lower_ for t in span): span
        for span in found
        if gazetteer.has_name(span.text) and people[span.text.lower()] <= places[span.text.lower()]
    }
    taken = [False] * len(doc)
    for span in found:
        taken[span.start : span.end] = [True] * len(span)
    extra = []
    for i, token in enumerate(doc):
        if taken[i] or not (token.is_title or token.is_upper):
            continue
        repeat = _repeat_at(doc, i, names, taken)
        if repeat is not None and _in_body(repeat, body):
            extra.append(repeat)
            taken[repeat.start : repeat.end] = [True] * len(repeat)
    return extra


def _repeat_at(
    doc: Doc, i: int, names: Iterable[tuple[str, ...]], taken: list[bool]
) -> SpacySpan | None:
    for key in names:
        span = doc[i : i + len(key)]
        if tuple(t.lower_ for t in span) != key or any(taken[span.start : span.end]):
            continue
        if _stands_alone(span) and all(t.is_title or t.is_upper or not t.is_alpha for t in span):
            return span
    return None


def _stands_alone(span: SpacySpan) -> bool:
    """Not part of a longer entity: either outside every entity or the whole of one."""
    ents = {(t.ent_iob_, t.ent_type_) for t in span}
    if not any(t.ent_type_ for t in span):
        return True
    first, after = span[0], span.doc[span.end] if span.end < len(span.doc) else None
    return (
        first.ent_iob_ == "B"
        and (after is None or after.ent_iob_ != "I")
        and len(ents) <= len(span)
    )


def _not_person(span: SpacySpan) -> bool:
    return all(token.ent_type_ not in ("PERSON", "NORP", "DATE", "TIME") for token in span)


def _known_place(gazetteer: Gazetteer, text: str, min_population: int) -> bool:
    """The gazetteer knows a country, division or big-enough city by exactly this main name
    (alternate names include too many words: "March", "Police")."""
    key = fold(text)
    if key in CALENDAR_WORDS or key in GENERIC_WORDS:
        return False
    return any(
        fold(entry.name) == key and (entry.feature != "city" or entry.population >= min_population)
        for entry in gazetteer.lookup(text)
    )


def capitals_places(doc: Doc, gazetteer: Gazetteer, body: Span) -> Iterator[SpacySpan]:
    """In all-capitals text the model finds few entities; match the gazetteer's larger places."""
    if not all_capitals(doc_text(doc)[body.start : body.end]):
        return
    i = 0
    while i < len(doc):
        span = longest_known(doc, i, gazetteer)
        if span is not None and _in_body(span, body):
            yield span
            i = span.end
        else:
            i += 1


def all_capitals(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 20 and sum(ch.isupper() for ch in letters) >= CAPITALS_SHARE * len(
        letters
    )


def longest_known(doc: Doc, i: int, gazetteer: Gazetteer) -> SpacySpan | None:
    if not doc[i].is_alpha or doc[i].is_stop:
        return None
    for end in range(min(len(doc), i + MAX_NAME_TOKENS), i, -1):
        span = doc[i:end]
        if span[-1].is_alpha and _known_place(gazetteer, span.text, CAPITALS_MIN_POPULATION):
            return span
    return None


def mentions(doc: Doc, spans: Sequence[SpacySpan], body: Span) -> list[Mention]:
    """Mentions with their qualifier ("Alexandria, Louisiana") and dateline flag. Their words
    come from the article's text: the Doc may be a truecased copy of all-capitals text."""
    text = source_text(doc)
    result = []
    for index, span in enumerate(spans):
        mention = Mention(span.start_char, span.end_char, text[span.start_char : span.end_char])
        after = spans[index + 1] if index + 1 < len(spans) else None
        if after is not None and QUALIFIER_GAP.match(text[span.end_char : after.start_char]):
            mention.qualifier = text[after.start_char : after.end_char]
        mention.dateline = index == 0 and _dateline(text, span, body)
        result.append(mention)
    return result


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
