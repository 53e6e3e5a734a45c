"""The shape of a recognised place name: where a span the model or a rule found begins and
ends so that it is the place's own name ("the Nile's" -> "Nile", "New [Concord]" -> "New
Concord", "Henderson County [Sheriff's Office]" -> "Henderson County"), and the word lists
that say what is not part of a name."""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..gazetteer import Gazetteer

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Words that name a kind of place, a direction or an institution, never a place by themselves
# ("the West", "the Region", "the University", "the Central Government", "Patriotic Union").
GENERIC_WORDS = {
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "northern", "southern", "eastern", "western", "central", "region", "county", "state",
    "city", "town", "village", "district", "province", "university", "cathedral", "church",
    "downtown", "midwest", "capital", "metro", "center", "centre", "union", "federation",
    "republic", "congress", "commonwealth",
}  # fmt: skip
# Words that make a place's name a public body's: "Henderson County Sheriff's Office".
BODY_WORDS = {
    "police", "sheriff", "sheriffs", "sheriff's", "sheriff’s", "democrats", "republicans",
    "party", "council", "department", "office", "schools", "commissioners", "commission",
    "board", "fire", "rescue", "herald",
}  # fmt: skip
# ... and those that do so before another word: "Dublin City Council", "Huntsville City
# Schools" (but "Manchester City", a football club, is named whole).
CIVIC_WORDS = {"city"}
# Words before a place name that say which part of it is meant ("North Texas").
DIRECTION_WORDS = {
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "northern", "southern", "eastern", "western", "central", "metro", "downtown",
}  # fmt: skip
LEADING_WORDS = {"the"}
JOIN_WORDS = {"to", "and", "&"}  # words one entity may join two places with
# A US legislator's party letter before the home, which the model takes into the name:
# "Rep. Vicki Lensing, D-Iowa City" (and "(R-N.D.)").
PARTIES = {"D", "R", "I"}
PARTY_OPENERS = {",", "("}


def without_body(span: SpacySpan, gazetteer: Gazetteer) -> SpacySpan:
    """The place that names a public body the model took whole as a place: "Henderson County
    [Sheriff's Office]", "St. Louis [Police]", "Dublin [City Council]" - the body is not a
    place, its place is."""
    if gazetteer.has_name(span.text):
        return span
    for i in range(1, len(span)):
        if span[i].lower_ in BODY_WORDS or span[i].lower_ in CIVIC_WORDS and i < len(span) - 1:
            head = span[:i]
            return head if gazetteer.has_name(head.text) else span
    return span


def joined_parts(span: SpacySpan, gazetteer: Gazetteer) -> list[SpacySpan]:
    """The places one entity joins with "to", "and" or "&" ("from [Norman to D.C.]"), when the
    whole is no place's name ("Trinidad and Tobago" is) and every part is a known one; else
    the span itself. Before a common noun the parts are of its kind: "at Orange and White
    streets" names two streets, not the towns Orange and White."""
    joins = [t.i for t in span[1:-1] if t.lower_ in JOIN_WORDS]
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if not joins or gazetteer.has_name(span.text) or after is not None and after.is_lower:
        return [span]
    bounds = [span.start, *joins, span.end]
    parts = [span.doc[a + (a != span.start) : b] for a, b in zip(bounds, bounds[1:], strict=False)]
    if all(len(part) and gazetteer.has_name(part.text) for part in parts):
        return parts
    return [span]


def with_name_start(
    span: SpacySpan, gazetteer: Gazetteer, within: SpacySpan | None = None
) -> SpacySpan:
    """The name with the capitalised word before it, or after it, when the two make a place's
    own name that the model cut: "New [Concord]", "St. [Paul]", "[Belle] Plaine", "[Trinidad]
    and Tobago". Inside an organisation's name (`within`) the word must lie in it too: "[New
    London] Police"."""
    for longer in (_widened(span, -1, within), _widened(span, 1, within), _paired(span, within)):
        if longer is not None and gazetteer.is_main_name(longer.text):
            return longer
    return span


def _paired(span: SpacySpan, within: SpacySpan | None) -> SpacySpan | None:
    """The span with "and" and the capitalised word after it, whatever the model took that
    word for (it tags "Tobago" a person)."""
    doc, end = span.doc, span.end + 2
    if end > (within.end if within is not None else len(doc)) or doc[span.end].lower_ != "and":
        return None
    return doc[span.start : end] if _capitalised(doc[end - 1]) else None


def _widened(span: SpacySpan, side: int, within: SpacySpan | None) -> SpacySpan | None:
    """The span with one more word on the left (side -1) or right (1), if that word is
    capitalised and not part of another kind of name ("Mayor London Breed"), nor a word that
    says which part of a place is meant ("North Arlington Neighbors": the north of Arlington)
    or of what kind it is ("Dublin City Schools")."""
    at = span.start - 1 if side < 0 else span.end
    if within is not None and not within.start <= at < within.end or not 0 <= at < len(span.doc):
        return None
    word = span.doc[at]
    if not (word.text[:1].isupper() and (word.is_alpha or side < 0 and word.text.endswith("."))):
        return None
    if word.lower_ in DIRECTION_WORDS or word.lower_ in GENERIC_WORDS:
        return None
    if within is None and word.ent_type_ and word.ent_type_ not in PLACE_LABELS:
        return None
    return span.doc[span.start - 1 : span.end] if side < 0 else span.doc[span.start : span.end + 1]


def trim(span: SpacySpan) -> SpacySpan | None:
    """The name without a leading "the" or a trailing possessive, punctuation or small word:
    "the Nile's" -> "Nile", "Fargo-" -> "Fargo", "Red Bank Road near" -> "Red Bank Road",
    "Torkula village" -> "Torkula" (a name ends in a capitalised word); also without a
    legislator's party letter: ", D-Iowa City" -> "Iowa City"."""
    start, end = span.start, span.end
    while start < end and span.doc[start].lower_ in LEADING_WORDS:
        start += 1
    if _party_letter(span.doc, start) and start + 2 < end:
        start += 2
    while end > start and _trailing(span.doc[end - 1]):
        if _abbreviation_period(span.doc, end - 1, start):
            break
        end -= 1
    if end <= start or not any(ch.isalpha() for ch in span.doc[start:end].text):
        return None
    return span.doc[start:end]


def _party_letter(doc: Doc, i: int) -> bool:
    return (
        0 < i < len(doc) - 1
        and doc[i].text in PARTIES
        and doc[i + 1].text == "-"
        and doc[i - 1].text in PARTY_OPENERS
    )


def _trailing(token: Token) -> bool:
    return token.tag_ == "POS" or token.is_punct or token.is_lower or token.text.endswith("-")


def _abbreviation_period(doc: Doc, i: int, start: int) -> bool:
    """The period closing an abbreviation ("W.Va.", "D.C."), which is part of the name."""
    return doc[i].text == "." and i > start and "." in doc[i - 1].text


def _capitalised(token: Token) -> bool:
    return token.is_alpha and token.text[:1].isupper()
