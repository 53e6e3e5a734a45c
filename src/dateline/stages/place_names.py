"""Place-name recognition: which spans of the article body name places (resolution is elsewhere).

The parser's GPE/LOC/FAC entities come first, their spans shaped to the
place's own name ("North Texas" -> "Texas", "New [Concord]" -> "New Concord",
"Henderson County [Sheriff's Office]" -> "Henderson County"; see place_shapes); then what the
small model misses: a well-known place it labelled otherwise, the items of a
list introduced by a word such as "settlements" or "villages", a well-known
place inside an organisation's name ("US Special Forces"), a gazetteer name
right after a locative preposition ("in Karkijahan"), and the patterns of
place_patterns (datelines, "an Albany man", "D-Pleasanton", county lists,
all-capitals text); last, other occurrences of a name already found. The
Doc's tokens and entities are read once (`Parsed`): spaCy builds a new
object on every access.
"""

from __future__ import annotations

import calendar
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence, Set
from dataclasses import dataclass
from functools import lru_cache

from spacy.strings import get_string_id
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..gazetteer import Entry, Gazetteer, fold
from ..gazetteer.index import unrelated_alternate
from ..record import Span
from .place_shapes import (
    DIRECTION_WORDS,
    GENERIC_WORDS,
    LEADING_WORDS,
    PLACE_LABELS,
    _capitalised,
    joined_parts,
    trim,
    with_name_start,
    without_body,
)

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
# Locatives that take places only: "in Gainesville" is the town whatever the model said.
PLACE_ONLY = {"in", "near", "outside", "throughout", "across", "inside"}
MAX_NAME_TOKENS = 5  # longer capitalised runs are titles and organisations, not place names
# Month and weekday names: "in March" is a date, not the town of March.
CALENDAR_WORDS = {w.lower() for w in (*calendar.month_name, *calendar.day_name) if w}
EMBEDDING_LABELS = {"ORG", "FAC", "EVENT"}  # names that often hold a place name inside them
JOINING_MARKS = {"-", "–", "/", "&"}  # between two names of one entity ("Notre Dame-UConn")
MAX_EMBEDDED_TOKENS = 3
NOT_NAMES = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "NORP"}
RELABEL_MIN_POPULATION = 100_000
# Words that may follow a noun phrase's last word: "the White House said", "... House, which".
PHRASE_END_TAGS = {"VERB", "AUX", "ADP", "PUNCT", "PART", "SCONJ", "PRON", "DET", "ADV"}
SURNAME_DIVISION = 1_000_000  # a division this populous outweighs a surname of its name
PERSON_CITY_POPULATION = 100_000  # a city the model tagged as a person must be this big
SPEECH_VERBS = {
    "said",
    "says",
    "told",
    "added",
    "asked",
    "wrote",
}  # a city the model tagged as an organisation must be this big
MATCH_MIN_POPULATION = 1000  # a city found only by the gazetteer matcher must be at least this big
MAX_ABBREVIATION_LETTERS = 4  # "US", "U.S.", "UAE": looked up among country abbreviations


@dataclass(slots=True)
class Parsed:
    """The Doc's tokens and entities, read once, and the article body's character span;
    `where` maps the string id of each lower-case word to the tokens that are it, so that
    the rules find their cue words without reading every Token (read from the Doc in one
    array: Token attributes are costly one by one)."""

    doc: Doc
    tokens: list[Token]
    ents: tuple[SpacySpan, ...]
    body: Span
    where: dict[int, list[int]]

    @classmethod
    def of(cls, doc: Doc, body: Span) -> Parsed:
        where: dict[int, list[int]] = {}
        for i, word in enumerate(doc.to_array("LOWER").tolist() if len(doc) else []):
            where.setdefault(word, []).append(i)
        return cls(doc, list(doc), tuple(doc.ents), body, where)

    def cues(self, words: Set[str]) -> list[int]:
        """The indices of the tokens that are one of `words` (lower case), in order."""
        found = [self.where[word] for word in _string_ids(frozenset(words)) if word in self.where]
        return sorted(i for positions in found for i in positions)

    def in_body(self, span: SpacySpan) -> bool:
        return self.body.start <= span.start_char and span.end_char <= self.body.end


@lru_cache(maxsize=64)
def _string_ids(words: frozenset[str]) -> frozenset[int]:
    return frozenset(get_string_id(word) for word in words)


def recognise(doc: Doc, gazetteer: Gazetteer, body: Span) -> list[SpacySpan]:
    """Place-name spans, in order, without overlaps (entities first, then each added rule)."""
    from .place_patterns import (  # rules built on this module's helpers
        capitals_places,
        county_list_places,
        dateline_places,
        pattern_places,
    )

    parsed = Parsed.of(doc, body)
    found: list[SpacySpan] = []
    taken = [False] * len(parsed.tokens)
    for source in (
        dateline_places(parsed, gazetteer),  # whole, before the model's part ("MEXICO")
        county_list_places(parsed, gazetteer),  # the list says which reading is meant
        entity_places(parsed, gazetteer),
        relabelled_places(parsed, gazetteer),
        list_places(parsed),
        embedded_places(parsed, gazetteer),
        locative_places(parsed, gazetteer),
        pattern_places(parsed, gazetteer),
        capitals_places(parsed, gazetteer),
    ):
        for span in source:
            if not any(taken[span.start : span.end]):
                found.append(span)
                taken[span.start : span.end] = [True] * len(span)
    found += repeated_places(parsed, found, gazetteer, taken)
    surnames = _surnames(parsed)
    found = [
        span
        for span in found
        if not _surname(span, surnames, gazetteer)
        and not _beside_a_person(parsed, span)
        and not _the_small_town(span, gazetteer)
    ]
    return sorted(found, key=lambda span: span.start)


def _the_small_town(span: SpacySpan, gazetteer: Gazetteer) -> bool:
    """A name after "the" that only small towns bear as their own is no town: a town takes no
    article, so "the White House" is the building in Washington, not White House, Tennessee,
    and "the Golden Gate" a strait. The article must be the name's own, the name ending the
    phrase ("the White House said", "at the White House."): in "the Maryville church" or "the
    Chiefland or Cross City areas" it is the noun's. A place named with its article ("The
    Dalles"), a country, a division, a region or a big city ("the Bronx") keeps its reading."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if before is None or before.lower_ not in LEADING_WORDS:
        return False
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and (after.pos_ not in PHRASE_END_TAGS or after.text in JOINING_MARKS):
        return False
    if gazetteer.has_name(f"{before.text} {span.text}"):
        return False
    readings = gazetteer.lookup(span.text, codes=True)  # "the U.S." is the country
    small = [e for e in readings if e.feature == "city" and e.population < RELABEL_MIN_POPULATION]
    # A big city reached through a translation of its name ("White House" for Casablanca) is
    # no reading the article's "the" speaks for.
    larger = [e for e in readings if e not in small and not _translated_city(e, span.text)]
    return bool(small) and not larger


def _translated_city(entry: Entry, text: str) -> bool:
    return entry.feature == "city" and unrelated_alternate(entry, text)


def _beside_a_person(parsed: Parsed, span: SpacySpan) -> bool:
    """A name written right next to a person's name, with no punctuation between, is part of
    it: "Gustavo Adolfo Leiva", "Maria del Carmen Perez" when the model split the name."""
    tokens = parsed.tokens
    before = tokens[span.start - 1] if span.start > 0 else None
    after = tokens[span.end] if span.end < len(tokens) else None
    return any(t is not None and t.ent_type_ == "PERSON" and t.is_alpha for t in (before, after))


def _surnames(parsed: Parsed) -> set[str]:
    """The last words of the people the model names in full ("Sheriff Tom Ripley", "Jaime
    King ’s": a possessive the model kept inside is not the name)."""
    surnames = set()
    for ent in parsed.ents:
        words = [t for t in ent if t.is_alpha] if ent.label_ == "PERSON" else []
        if len(words) > 1 and words[-1].is_title:
            surnames.add(words[-1].lower_)
    return surnames


def _surname(span: SpacySpan, surnames: set[str], gazetteer: Gazetteer) -> bool:
    """A one-word "place" that is the surname of a person named in full in the article is that
    person ("Ripley said"), unless it names a country or a populous first-level division
    (Georgia; not the small departments and parishes called Flores, Nelson or Douglas)."""
    if len(span) != 1 or span[0].lower_ not in surnames:
        return False
    key = fold(span.text)
    return not any(
        fold(e.name) == key
        and (e.feature == "country" or e.feature == "admin1" and e.population >= SURNAME_DIVISION)
        for e in gazetteer.lookup(span.text)
    )


def entity_places(parsed: Parsed, gazetteer: Gazetteer) -> Iterator[SpacySpan]:
    located, speaking = _after_locatives(parsed), _speakers(parsed)
    for ent in parsed.ents:
        if ent.label_ in PLACE_LABELS and parsed.in_body(ent):
            trimmed = trim(ent)
            if trimmed is None or not looks_like_name(trimmed.text, gazetteer):
                continue
            word = trimmed[0].lower_
            if _unknown_word(trimmed, gazetteer) and (word not in located or word in speaking):
                continue
            for part in joined_parts(trimmed, gazetteer):
                whole = without_body(with_name_start(part, gazetteer), gazetteer)
                yield from _unless_demonym([without_direction(whole, gazetteer)], gazetteer)


def _unknown_word(span: SpacySpan, gazetteer: Gazetteer) -> bool:
    """One word that no place in the gazetteer is called: the model's place label alone is
    weak evidence for it ("Yulia", "Dropbox", "Saakashvili" tagged GPE); it needs a locative
    before it somewhere in the article, and must never speak there ("Petrova said")."""
    return len(span) == 1 and not gazetteer.has_name(span.text)


def _speakers(parsed: Parsed) -> set[str]:
    """The capitalised words right before a verb of saying ("Petrova said"): people."""
    tokens = parsed.tokens
    return {
        tokens[i - 1].lower_
        for i in parsed.cues(SPEECH_VERBS)
        if i and tokens[i - 1].text[:1].isupper()
    }


def _after_locatives(parsed: Parsed) -> set[str]:
    """The words right after a locative preposition somewhere in the article ("in Prisi"):
    there an unknown word is a place the gazetteer lacks."""
    tokens = parsed.tokens
    return {
        tokens[i + 1].lower_
        for i in parsed.cues(LOCATIVES)
        if i + 1 < len(tokens) and tokens[i + 1].text[:1].isupper()
    }


def without_direction(span: SpacySpan, gazetteer: Gazetteer) -> SpacySpan:
    """The town named after a leading direction word: "South Philadelphia", "Metro Nashville"
    and "East Oxford" are parts of the town, and the name is the town's. A region ("North
    Africa", "South Florida") is named whole, as is a place of its own ("South Korea")."""
    if len(span) < 2 or span[0].lower_ not in DIRECTION_WORDS or gazetteer.has_name(span.text):
        return span
    rest = span[1:]
    readings = gazetteer.lookup(rest.text)
    if any(e.feature in ("continent", "country", "admin1") for e in readings):
        return span
    return rest if _known_place(gazetteer, rest.text, RELABEL_MIN_POPULATION) else span


def _unless_demonym(spans: Iterable[SpacySpan], gazetteer: Gazetteer) -> Iterator[SpacySpan]:
    """Drop a demonym the model took for a place ("Sri Lankan"): demonyms name people."""
    for span in spans:
        if gazetteer.is_main_name(span.text) or not gazetteer.demonym_country(span.text):
            yield span


def looks_like_name(text: str, gazetteer: Gazetteer) -> bool:
    """False for what the model tags as a place but no place name looks like: no capital
    letter ("veranda"), a generic word, or an acronym or brand spelling ("AI", "UConn", "MoD")
    that the gazetteer does not know."""
    if not any(ch.isupper() for ch in text) or fold(text) in GENERIC_WORDS | CALENDAR_WORDS:
        return False
    if _is_abbreviation(text):
        return any(
            _big_or_division(e) and _spelled_as(e, text) for e in gazetteer.lookup(text, codes=True)
        )
    if any(_brand_spelling(word) for word in text.split()):
        return bool(gazetteer.lookup(text, codes=True))
    return True


def _spelled_as(entry: Entry, text: str) -> bool:
    """Whether an acronym in capitals can name this entry: a country by its code ("UAE"), or a
    place whose own name is written so; NATO is not the town of Nato, nor BA the Ba of Fiji."""
    if entry.feature == "country" or not _is_abbreviation(text):
        return True
    return entry.name == text or "." in text


def _is_abbreviation(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return 0 < len(letters) <= MAX_ABBREVIATION_LETTERS and all(ch.isupper() for ch in letters)


def _brand_spelling(word: str) -> bool:
    """A capital inside a word that also has small letters: UConn, IoTX, MoD (and McLean,
    which the gazetteer knows, so it is kept)."""
    return any(ch.islower() for ch in word) and any(
        ch.isupper() and prev.isalpha() for prev, ch in zip(word, word[1:], strict=False)
    )


def embedded_places(parsed: Parsed, gazetteer: Gazetteer) -> Iterator[SpacySpan]:
    """A well-known place named inside an organisation, facility or event name ("Pakistan
    Army", "Dubai World Cup", "University of Minnesota", "US Special Forces"): the corpora
    count these as toponyms, and they tell where the organisation belongs."""
    people = {_name_key(ent) for ent in parsed.ents if ent.label_ == "PERSON"}
    for ent in parsed.ents:
        if ent.label_ not in EMBEDDING_LABELS or len(ent) < 2 or not parsed.in_body(ent):
            continue
        whole = trim(ent)
        if whole is not None and _known_place(gazetteer, whole.text, MATCH_MIN_POPULATION):
            yield whole  # "New London", "Rolling Meadows": the whole name is a town's
            continue
        if _name_key(ent) in people:
            continue  # a person's name the model also read as an organisation's
        i = ent.start
        while i < ent.end:
            span = _well_known_at(parsed, i, ent.end, gazetteer)
            if span is not None:
                span = with_name_start(span, gazetteer, within=ent)
                yield span
            i = span.end if span is not None else i + 1


def _name_key(ent: SpacySpan) -> str:
    """An entity's folded words without a possessive ending ("Rodriguez Porth's")."""
    text = ent.text
    for ending in ("'s", "’s"):
        text = text.removesuffix(ending)
    return fold(text)


def _well_known_at(parsed: Parsed, i: int, end: int, gazetteer: Gazetteer) -> SpacySpan | None:
    """The longest capitalised run from token i (inside the entity) that is a well-known place,
    or a country's abbreviation in capitals ("US", "U.S.")."""
    token = parsed.tokens[i]
    if _is_abbreviation(token.text) and any(
        e.feature in ("country", "admin1") for e in gazetteer.lookup(token.text, codes=True)
    ):
        return parsed.doc[i : i + 1]  # "US Border Patrol", "FrontCounter BC"
    stop = min(capitalised_run(parsed.tokens, i), end, i + MAX_EMBEDDED_TOKENS)
    for j in range(stop, i, -1):
        span = parsed.doc[i:j]
        if well_known(gazetteer, span.text, person=False) and fold(span.text) not in GENERIC_WORDS:
            return span
    return None


def _big_or_division(entry: Entry) -> bool:
    return entry.feature != "city" or entry.population >= RELABEL_MIN_POPULATION


def relabelled_places(parsed: Parsed, gazetteer: Gazetteer) -> Iterator[SpacySpan]:
    """Entities the model labelled otherwise whose whole text is a well-known place: a country
    or first-level division by any label but a date or number ("Tamil Nadu" tagged PERSON),
    a big city when tagged as an organisation ("Dubai" ORG) or as a person who is never
    titled nor speaks in the article ("Abuja" PERSON, but not "President Bush" nor "McKinney
    said"; a state may speak: "Tamil Nadu contended")."""
    people = {ent.text for ent in parsed.ents if ent.label_ == "PERSON" and _person_like(ent)}
    for ent in parsed.ents:
        if ent.label_ in PLACE_LABELS or not parsed.in_body(ent):
            continue
        if ent.label_ in NOT_NAMES and not _not_a_demonym(ent, gazetteer):
            continue
        trimmed = trim(ent)
        if trimmed is None or not looks_like_name(trimmed.text, gazetteer):
            continue
        if fold(trimmed.text) in GENERIC_WORDS:
            continue
        person = ent.label_ == "PERSON"
        city = not person or ent.text not in people
        if well_known(gazetteer, trimmed.text, person=person, city=city):
            yield trimmed


def _not_a_demonym(ent: SpacySpan, gazetteer: Gazetteer) -> bool:
    """A name the model took for a nationality or group that no demonym list knows: it may be
    a well-known place ("authorities in Tunis" tagged NORP beside "Tunisian")."""
    return ent.label_ == "NORP" and gazetteer.demonym_country(ent.text) is None


def _person_like(span: SpacySpan) -> bool:
    return _after_a_title(span) or _speaks(span)


def _big_city(entry: Entry) -> bool:
    return entry.feature == "city" and entry.population >= PERSON_CITY_POPULATION


def _after_a_title(span: SpacySpan) -> bool:
    """A capitalised word or an abbreviation right before the name: "President Bush", "Mr.
    Kent", "Sen. Tyler" (a person after all)."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    return before is not None and before.text[:1].isupper() and not before.is_sent_start


def _speaks(span: SpacySpan) -> bool:
    """The name is the subject of a verb of saying ("McKinney said"): a person after all."""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return after is not None and after.lower_ in SPEECH_VERBS


def well_known(gazetteer: Gazetteer, text: str, *, person: bool, city: bool = True) -> bool:
    """A country or continent by any of its names; a first-level division, a big city (if
    `city`), or (unless the model took it for a person) a second-level division, by its main
    name."""
    key = fold(text)
    if key in GENERIC_WORDS:
        return False
    for entry in gazetteer.lookup(text):
        if entry.feature in ("country", "continent"):
            return True
        main = fold(entry.name) == key
        if main and (entry.feature == "admin1" or _big_or_division(entry) and not person):
            return True
        if main and person and city and _big_city(entry):
            return True
    return False


def list_places(parsed: Parsed) -> Iterator[SpacySpan]:
    """Items of a list introduced by a plural place noun: "villages such as A, B, and C"."""
    body = parsed.body
    for i in parsed.cues(LIST_CUES):
        token = parsed.tokens[i]
        if token.text.islower() and body.start <= token.idx < body.end:
            items = list(list_items(parsed, i + 1))
            yield from (item for item in items if parsed.in_body(item))


def list_items(parsed: Parsed, i: int) -> Iterator[SpacySpan]:
    """Capitalised runs separated by commas and "and", after the cue's lead words; stops at the
    first word that is neither (a lower-case verb, say) or at the end of the sentence."""
    tokens = parsed.tokens
    while i < len(tokens) and tokens[i].lower_ in LIST_LEADS and not tokens[i].is_sent_start:
        i += 1
    while i < len(tokens):
        end = capitalised_run(tokens, i)
        if end == i:
            return
        if end - i <= MAX_NAME_TOKENS:
            yield parsed.doc[i:end]
        i = end
        if i >= len(tokens) or tokens[i].lower_ not in LIST_JOINS:
            return
        while i < len(tokens) and tokens[i].lower_ in LIST_JOINS:
            i += 1


def capitalised_run(tokens: Sequence[Token], i: int) -> int:
    """The end of the run of capitalised words (and hyphens inside them) starting at token i."""
    end = i
    while end < len(tokens) and (_capitalised(tokens[end]) or _inner_hyphen(tokens, end, i)):
        end += 1
        if end > i and tokens[end - 1].is_sent_end:
            break
    return end


def _inner_hyphen(tokens: Sequence[Token], j: int, start: int) -> bool:
    return (
        j > start
        and tokens[j].text in ("-", "'")
        and j + 1 < len(tokens)
        and _capitalised(tokens[j + 1])
    )


def locative_places(parsed: Parsed, gazetteer: Gazetteer) -> Iterator[SpacySpan]:
    """A capitalised gazetteer name right after "in", "near", "from"...: the tagger may have
    called it a person or organisation, but "fighting in Karkijahan" names a place."""
    tokens = parsed.tokens
    for i in parsed.cues(LOCATIVES):
        token = tokens[i]
        if i + 1 >= len(tokens):
            continue
        start = token.i + 1 + (tokens[token.i + 1].lower_ in LEADING_WORDS)
        end = capitalised_run(tokens, start)
        if not 0 < end - start <= MAX_NAME_TOKENS:
            continue
        span = parsed.doc[start:end]
        if not (parsed.in_body(span) and _not_person(span, token.lower_ in PLACE_ONLY)):
            continue
        if _known_place(gazetteer, span.text, MATCH_MIN_POPULATION):
            yield span


def repeated_places(
    parsed: Parsed, found: Sequence[SpacySpan], gazetteer: Gazetteer, taken: list[bool]
) -> list[SpacySpan]:
    """Other occurrences of a name already found as a place ("one sense per discourse"): the
    small model often tags the same town a place once and a person or organisation elsewhere.
    Only names the gazetteer knows and the model did not call a person more often than a
    place spread so (a surname tagged GPE once must not spread to every mention); an
    occurrence inside a longer entity ("Alexandria Smith") is left alone, unless it opens an
    organisation's name ("the Alexandria Fire Department": `_named_after`)."""
    people = Counter(ent.text.lower() for ent in parsed.ents if ent.label_ == "PERSON")
    places = Counter(span.text.lower() for span in found)
    names = {
        tuple(t.lower_ for t in span): span
        for span in found
        if gazetteer.has_name(span.text) and people[span.text.lower()] <= places[span.text.lower()]
    }
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for key in names:
        by_first.setdefault(key[0], []).append(key)
    extra = []
    for i in parsed.cues(by_first.keys()):
        token = parsed.tokens[i]
        if taken[i] or not (token.is_title or token.is_upper):
            continue
        repeat = _repeat_at(parsed, i, by_first[token.lower_], taken)
        if repeat is not None and parsed.in_body(repeat):
            extra.append(repeat)
            taken[repeat.start : repeat.end] = [True] * len(repeat)
    return extra


def _repeat_at(
    parsed: Parsed, i: int, names: Iterable[tuple[str, ...]], taken: list[bool]
) -> SpacySpan | None:
    tokens = parsed.tokens
    for key in names:
        words = tokens[i : i + len(key)]
        if tuple(t.lower_ for t in words) != key or any(taken[i : i + len(key)]):
            continue
        span = parsed.doc[i : i + len(key)]
        alone = _stands_alone(span) or _named_after(span)
        if alone and all(t.is_title or t.is_upper or not t.is_alpha for t in words):
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


def _named_after(span: SpacySpan) -> bool:
    """The span opens an organisation's or a facility's name, after "the" at most, and the
    name goes on with words of its own ("the Torrington Fire Department", "Ozark Dodge"):
    the thing is named after its town. Not an owner ("Hope's Wings") nor one of two names
    joined by a hyphen or slash ("Marshall/Bradford Woods")."""
    if span[0].ent_type_ not in EMBEDDING_LABELS or _possessive_after(span):
        return False
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if after is None or after.ent_iob_ != "I" or after.text in JOINING_MARKS:
        return False
    if span[0].ent_iob_ == "B":
        return True
    before = span.doc[span.start - 1] if span.start > 0 else None
    return before is not None and before.ent_iob_ == "B" and before.lower_ == "the"


def _not_person(span: SpacySpan, place_only: bool = False) -> bool:
    """No token of a person, nationality or date. After a preposition that takes only places
    (`place_only`: "in Gainesville"), a person the model saw is that place, unless it is
    part of a longer name or owns something ("in Jackson's view")."""
    if place_only and _whole_person(span) and not _possessive_after(span):
        return all(token.ent_type_ not in ("NORP", "DATE", "TIME") for token in span)
    return all(token.ent_type_ not in ("PERSON", "NORP", "DATE", "TIME") for token in span)


def _whole_person(span: SpacySpan) -> bool:
    """The span is a whole PERSON entity (or none), not part of a longer one."""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return span[0].ent_iob_ != "I" and (after is None or after.ent_iob_ != "I")


def _possessive_after(span: SpacySpan) -> bool:
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return after is not None and (after.tag_ == "POS" or after.lower_ in ("'s", "’s"))


def _known_place(gazetteer: Gazetteer, text: str, min_population: int) -> bool:
    """The gazetteer knows a country, division or big-enough city by exactly this main name
    (alternate names include too many words: "March", "Police")."""
    key = fold(text)
    if key in CALENDAR_WORDS or key in GENERIC_WORDS:
        return False
    return any(
        fold(entry.name) == key
        and (entry.feature != "city" or entry.population >= min_population)
        and _spelled_as(entry, text)
        for entry in gazetteer.lookup(text)
    )
