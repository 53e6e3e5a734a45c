"""Place names found by the words around them, where the model tags nothing or a person.

Patterns of news prose that say a capitalised name is a place: a dateline in
capitals ("TORRINGTON — "), a town before a noun for its people ("an Albany
man", "Dayton voters"), a legislator's party and home ("Rep. Ann Lee,
D-Elbow Lake"; "(R-Ohio)"), and names listed before "counties" ("in Clarke,
Madison and Oconee counties"). In text set wholly in capitals, where the
model finds few entities, the gazetteer's larger places are matched. The
name must still be in the gazetteer.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..docext import doc_text
from ..gazetteer import Gazetteer
from .place_names import (
    LIST_JOINS,
    MATCH_MIN_POPULATION,
    MAX_EMBEDDED_TOKENS,
    MAX_NAME_TOKENS,
    Parsed,
    _known_place,
    _spelled_as,
    capitalised_run,
)
from .place_shapes import PARTIES, PARTY_OPENERS, _capitalised

# Nouns for people that a town's name premodifies in news ("an Albany man", "Dayton woman
# charged"): the name before them is where the people live.
RESIDENT_NOUNS = {
    "man", "woman", "men", "women", "teen", "teens", "teenager", "boy", "girl", "couple",
    "resident", "residents", "native", "family", "mother", "father", "voters", "homeowners",
    "taxpayers",
}  # fmt: skip
# Labels that say a name is not a town's ("Sunday man", "Kurdish woman").
NOT_TOWN_LABELS = {"NORP", "DATE", "TIME"}
# What follows a dateline's place in wire and local news: "TORRINGTON —", "BEIRUT (AP)",
# "PLEASANTON, Calif.", "HUDSON --".
DATELINE_MARKS = {"—", "–", "-", "--", "---", "(", ","}
MAX_DATELINE_TOKENS = 4
DATELINE_LABEL = "DATELINE"  # the label of a dateline's span, which resolution weighs more
SENTENCE_ENDS = {".", "!", "?"}
# Entities whose words the gazetteer matcher of capitals text leaves alone: the entity rules
# above have judged them (a surname, "Patriotic Union", "Toyota cars").
JUDGED_LABELS = {"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT", "FAC"}
# A city found by the gazetteer matcher of all-capitals text must be this big:
CAPITALS_MIN_POPULATION = 100_000
CAPITALS_SHARE = 0.8  # a body whose letters are this share upper case is "all capitals"
PARTY_CUES = {party.lower() for party in PARTIES}
RESIDENCE_CUES = {"of"}  # "D-Pleasanton": a US legislator's party and home town or state
COUNTY_PLURALS = {"counties": "County", "parishes": "Parish"}
COUNTY_LIST_JOINS = LIST_JOINS | {"to", "through"}  # a range of counties is a list of them


def county_name(span: SpacySpan) -> str | None:
    """The county a span found by `county_list_places` names ("Jackson County"), else None:
    those spans carry the county's kind as their label."""
    kind = span.label_
    return f"{span.text} {kind}" if kind in COUNTY_PLURALS.values() else None


def dateline_places(parsed: Parsed, gazetteer: Gazetteer) -> Iterator[SpacySpan]:
    """A dateline in cased text: a gazetteer name in capitals opening a sentence, followed by
    a dash, a parenthesis or a comma ("TORRINGTON — The council met", "BEIRUT (AP)"); its
    span carries DATELINE_LABEL. (Text set wholly in capitals is matched by capitals_places.)"""
    if _capitals_body(parsed):
        return
    tokens = parsed.tokens
    for i in _sentence_openings(parsed):
        if not _capitals_word(tokens[i]):
            continue
        end = i
        while end < len(tokens) and end - i < MAX_DATELINE_TOKENS and _capitals_word(tokens[end]):
            end += 1
        if not _dateline_mark(tokens, end):
            continue
        span = SpacySpan(parsed.doc, i, end, label=DATELINE_LABEL)
        if parsed.in_body(span) and any(
            _spelled_as(e, span.text) for e in gazetteer.lookup(span.text)
        ):
            yield span


def _dateline_mark(tokens: list[Token], i: int) -> bool:
    """A dash or parenthesis, or a comma before a capitalised word ("PLEASANTON, Calif.",
    "SOUTH WAZIRISTAN, April 5"; not "AMLO, as he is known")."""
    if i >= len(tokens) or tokens[i].text not in DATELINE_MARKS:
        return False
    if tokens[i].text != ",":
        return True
    return i + 1 < len(tokens) and tokens[i + 1].text[:1].isupper()


def _capitals_word(token: Token) -> bool:
    letters = token.text.replace(".", "")
    return len(letters) >= 2 and letters.isalpha() and letters.isupper()


def _sentence_openings(parsed: Parsed) -> list[int]:
    """The first token, and those after a sentence's end or a line break (a space token)."""
    spaces = parsed.doc.to_array("IS_SPACE").tolist() if parsed.tokens else []
    breaks = [i for i, space in enumerate(spaces) if space]
    openings = {0, *(i + 1 for i in parsed.cues(SENTENCE_ENDS) + breaks)}
    return sorted(i for i in openings if i < len(parsed.tokens))


def pattern_places(parsed: Parsed, gazetteer: Gazetteer) -> Iterator[SpacySpan]:
    yield from resident_places(parsed, gazetteer)
    yield from party_home_places(parsed, gazetteer)
    yield from residence_places(parsed, gazetteer)


def residence_places(parsed: Parsed, gazetteer: Gazetteer) -> Iterator[SpacySpan]:
    """Where a person named in the news lives: "Jo Lee, 45, of Hagerstown" or "Jo Lee of
    Hagerstown" - a gazetteer town after "of" that follows an age or a person's name."""
    tokens = parsed.tokens
    for i in parsed.cues(RESIDENCE_CUES):
        if not 2 <= i < len(tokens) - 1 or not _after_a_person_or_age(tokens, i):
            continue
        end = capitalised_run(tokens, i + 1)
        if not 0 < end - (i + 1) <= MAX_EMBEDDED_TOKENS:
            continue
        span = parsed.doc[i + 1 : end]
        if parsed.in_body(span) and _known_place(gazetteer, span.text, 0):
            yield span


def _after_a_person_or_age(tokens: list[Token], i: int) -> bool:
    before = tokens[i - 2] if tokens[i - 1].text == "," else tokens[i - 1]
    return before.ent_type_ == "PERSON" or tokens[i - 1].text == "," and before.like_num


def resident_places(parsed: Parsed, gazetteer: Gazetteer) -> Iterator[SpacySpan]:
    """A gazetteer town's name right before a noun for people, which the model often leaves
    untagged or calls a person in a headline; the name must be a proper noun that does not
    follow another capitalised word (then it ends a person's name: "Jo Winona man")."""
    tokens = parsed.tokens
    for i in parsed.cues(RESIDENT_NOUNS):
        token = tokens[i]
        if not token.is_lower or token.i == 0:
            continue
        start = token.i
        while start > 0 and token.i - start < MAX_EMBEDDED_TOKENS and _proper(tokens[start - 1]):
            start -= 1
        if start == token.i or (start > 0 and tokens[start - 1].text[:1].isupper()):
            continue
        span = parsed.doc[start : token.i]
        if (
            parsed.in_body(span)
            and not any(t.ent_type_ in NOT_TOWN_LABELS for t in span)
            and _known_place(gazetteer, span.text, MATCH_MIN_POPULATION)
        ):
            yield span


def _proper(token: Token) -> bool:
    """A capitalised proper noun: not "One", "Many" or "Young" opening a sentence."""
    return _capitalised(token) and token.pos_ == "PROPN"


def party_home_places(parsed: Parsed, gazetteer: Gazetteer) -> Iterator[SpacySpan]:
    """The home after a US legislator's party letter: ", D-Pleasanton," or "(R-N.D.)"."""
    tokens = parsed.tokens
    for i in parsed.cues(PARTY_CUES):
        if not (
            1 <= i < len(tokens) - 2
            and tokens[i].text in PARTIES
            and tokens[i + 1].text == "-"
            and tokens[i - 1].text in PARTY_OPENERS
        ):
            continue
        start = i + 2
        end = start + 1 if "." in tokens[start].text else capitalised_run(tokens, start)
        if not 0 < end - start <= MAX_EMBEDDED_TOKENS:
            continue
        span = parsed.doc[start:end]
        if parsed.in_body(span) and gazetteer.has_name(span.text):
            yield span


def county_list_places(parsed: Parsed, gazetteer: Gazetteer) -> Iterator[SpacySpan]:
    """The names listed before "counties" or "parishes" ("in Jackson and Barrow counties"),
    each of which, with "County" added, the gazetteer knows and which names no state or
    country; each span is labelled with that word, for resolution (`county_name`). A single
    name before the plural is no list: it says which counties, not what they are called
    ("the four metro Athens counties" lie around Athens, none is Athens County)."""
    tokens = parsed.tokens
    for i in parsed.cues(set(COUNTY_PLURALS)):
        kind = COUNTY_PLURALS.get(tokens[i].text)
        if kind is None:
            continue
        items = _listed_before(parsed, i, kind)
        if len(items) < 2:
            continue
        for span in items:
            if (
                parsed.in_body(span)
                and gazetteer.has_name(f"{span.text} {kind}")
                and not _state_or_country(gazetteer, span.text)
            ):
                yield span


def _listed_before(parsed: Parsed, cue: int, kind: str) -> list[SpacySpan]:
    """The capitalised names joined by commas, conjunctions or a range ("from Ellsworth to
    Riley counties") right before token `cue`, last first, each labelled `kind`."""
    tokens = parsed.tokens
    items = []
    end = cue
    while end > 0:
        start = end
        while start > 0 and end - start < MAX_EMBEDDED_TOKENS and _capitalised(tokens[start - 1]):
            start -= 1
        if start == end:
            break
        items.append(SpacySpan(parsed.doc, start, end, label=kind))
        end = start
        while end > 0 and tokens[end - 1].lower_ in COUNTY_LIST_JOINS:
            end -= 1
        if end == start:
            break
    return items


def _state_or_country(gazetteer: Gazetteer, text: str) -> bool:
    """A state or country named before "counties" says where the counties are ("Ohio and
    Indiana counties"), not which."""
    return any(e.feature in ("country", "admin1") for e in gazetteer.lookup(text))


def _capitals_body(parsed: Parsed) -> bool:
    body = parsed.body
    return all_capitals(doc_text(parsed.doc)[body.start : body.end])


def capitals_places(parsed: Parsed, gazetteer: Gazetteer) -> Iterator[SpacySpan]:
    """In all-capitals text the model finds few entities; match the gazetteer's larger places
    in the words no entity rule has judged (not inside a person's or organisation's name)."""
    if not _capitals_body(parsed):
        return
    tokens = parsed.tokens
    i = 0
    while i < len(tokens):
        span = longest_known(parsed, i, gazetteer)
        if span is not None and parsed.in_body(span):
            yield span
            i = span.end
        else:
            i += 1


@lru_cache(maxsize=4)  # asked by recognition and by the mentions of the same body
def all_capitals(text: str) -> bool:
    letters = sum(map(str.isalpha, text))
    return letters >= 20 and sum(map(str.isupper, text)) >= CAPITALS_SHARE * letters


def longest_known(parsed: Parsed, i: int, gazetteer: Gazetteer) -> SpacySpan | None:
    tokens = parsed.tokens
    if not tokens[i].is_alpha or tokens[i].is_stop or tokens[i].ent_type_ in JUDGED_LABELS:
        return None
    stop = min(len(tokens), i + MAX_NAME_TOKENS)
    for end in range(stop, i, -1):
        last = tokens[end - 1]
        if not last.is_alpha or any(t.ent_type_ in JUDGED_LABELS for t in tokens[i:end]):
            continue
        span = parsed.doc[i:end]
        if _known_place(gazetteer, span.text, CAPITALS_MIN_POPULATION):
            return span
    return None
