"""Events: the incidents an article reports, assembled from trigger words and casualty figures.

A *mention* is a sentence that names violence (a trigger word such as "massacre",
"killed", "bombing", "clash") or states a casualty figure. Mentions are taken
in text order and merged into *incidents*: a mention joins the current
incident unless its own sentence gives a date or names a place (even in passing)
that disagrees with the incident's, or it opens with a change-of-incident cue
("meanwhile", "in another incident"). A generic plural reference ("targeted
killings of ...") with no date and no figure never opens an incident of its own.
Each incident becomes one `Event`, dated by `times_events`, placed by `event_places`
(where its first sentence says; else a later one, in the article's country; else the
article's country), attributed by `attribution.claim_for`, with every figure of its
sentences; a sentence that dates two incidents apart gives each the figures its own
clause counts.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date

from spacy.attrs import LEMMA, POS
from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from ..docext import ARTICLE, stage_attr
from ..record import Actor, Article, Check, Claim, Event, EventDate, Figure, Location, Span
from .attribution import claim_for
from .event_lexicon import (
    ACCIDENTS,
    FORCES,
    GENERIC_VIOLENCE,
    HARM_ONLY,
    INSTRUMENTS,
    NEW_INCIDENT,
    NOT_HAPPENED,
    SUPPORT_WORDS,
    TRIGGER_LEMMAS,
    TRIGGER_POS_IDS,
    trigger_type,
)
from .event_places import article_country, sentence_locations
from .figures import FIGURES, subtotal_checks, total_checks
from .times_calendar import parse_published
from .times_events import (
    anniversary_event_date,
    coordinated,
    event_date,
    governing_time,
    group_bounds,
    is_historical,
    without_dateline,
)

EVENTS = stage_attr("events")
CHECKS = stage_attr("checks")
SUMMARY_CHARS = 200
BACKGROUND_DAYS = 365  # see `_background`


@dataclass(slots=True)
class Mention:
    sentence: DocSpan
    trigger: Token | None  # the first; it types and dates the mention
    triggers: list[Token]
    figures: list[int]  # indexes into the doc's figure list
    own_dates: tuple[date, date] | None
    location: Location  # where the mention places its incident
    named: Location  # the place it names, in passing or not: tells incidents apart
    cue: bool
    harm_only: bool = False  # its words of violence only say that people died or were hurt
    accident: bool = False  # ... and it names an accident (see `_without_accidents`)


@dataclass(slots=True)
class Incident:
    mentions: list[Mention] = field(default_factory=list)

    @property
    def dates(self) -> tuple[date, date] | None:
        return next((m.own_dates for m in self.mentions if m.own_dates), None)

    @property
    def location(self) -> Location | None:
        return _first_known(m.location for m in self.mentions)

    @property
    def named(self) -> Location | None:
        return _first_known(m.named for m in self.mentions)


def _first_known(locations: Iterable[Location]) -> Location | None:
    return next((where for where in locations if where.precision != "unknown"), None)


def find_events(doc: Doc) -> list[Event]:
    article: Article | None = doc._.get(ARTICLE)
    figures: list[Figure] = doc._.get(FIGURES) or []
    words = _violence_words(doc)
    found = (_mention(doc, s, figures, words) for s in _body_sentences(doc, article))
    told = _without_accidents([m for m in found if m])
    mentions = [part for m in told for part in _dated_apart(doc, m, figures)]
    incidents = _merge(mentions)
    return [_event(doc, article, incident, figures) for incident in incidents]


def _body_sentences(doc: Doc, article: Article | None) -> list[DocSpan]:
    body_start = article.body.start if article is not None and article.body is not None else 0
    return [s for s in doc.sents if s.start_char >= body_start]


def _violence_words(doc: Doc) -> list[int]:
    """Indexes of the words that name violence (the lexicon's nouns and verbs), read off the
    Doc's arrays in one pass rather than a Token per word."""
    lemmas, tags = doc.to_array(LEMMA).tolist(), doc.to_array(POS).tolist()
    named: dict[int, bool] = {}
    found = []
    for i, (lemma_id, pos_id) in enumerate(zip(lemmas, tags, strict=True)):
        if pos_id not in TRIGGER_POS_IDS:
            continue
        if lemma_id not in named:
            named[lemma_id] = doc.vocab.strings[lemma_id].lower() in TRIGGER_LEMMAS
        if named[lemma_id]:
            found.append(i)
    return found


def _mention(
    doc: Doc, sentence: DocSpan, figures: list[Figure], words: list[int]
) -> Mention | None:
    inside = [
        i for i, f in enumerate(figures) if sentence.start_char <= f.start < sentence.end_char
    ]
    own_words = (doc[i] for i in words if sentence.start <= i < sentence.end)
    triggers = [t for t in own_words if not _did_not_happen(t)]
    trigger = triggers[0] if triggers else None
    if trigger is None and not any(figures[i].category != "other" for i in inside):
        return None
    cue = bool(NEW_INCIDENT.match(_text(doc, sentence).lstrip()))
    anchor = doc[trigger.i : trigger.i + 1] if trigger is not None else sentence
    own = _own_dates(doc, anchor)
    where, named = sentence_locations(doc, sentence.start_char, sentence.end_char)
    mention = Mention(sentence, trigger, triggers, inside, own, where, named, cue)
    mention.harm_only = _harm_only(triggers)
    mention.accident = mention.harm_only and _names_accident(sentence)
    return mention


def _harm_only(triggers: list[Token]) -> bool:
    """The sentence's words of violence only say that people died or were hurt."""
    return all(t.lemma_.lower() in HARM_ONLY for t in triggers)


def _names_accident(sentence: DocSpan) -> bool:
    return any(t.lemma_.lower() in ACCIDENTS or t.lower_ in ACCIDENTS for t in sentence)


def _without_accidents(mentions: list[Mention]) -> list[Mention]:
    """'The plane crashed, killing three crewmen': deaths in an accident are no political
    violence. A sentence naming an accident whose only words of violence say that people died
    or were hurt reports no event ('a bomb made the bus crash' does), and neither do the
    sentences right after it that only say so ('The pilot died; his companion was injured'),
    unless they open another incident."""
    kept: list[Mention] = []
    after_accident = False
    for mention in mentions:
        after_accident = mention.accident or (
            after_accident and mention.harm_only and not mention.cue
        )
        if not after_accident:
            kept.append(mention)
    return kept


def _did_not_happen(token: Token) -> bool:
    """Negated, threatened, planned, denied or hypothetical: 'could kill', 'denied killing'."""
    if any(child.dep_ == "neg" for child in token.children):
        return True
    if any(
        child.dep_ == "aux" and child.lemma_.lower() in NOT_HAPPENED for child in token.children
    ):
        return True
    head = token.head
    return (
        head is not token
        and head.lemma_.lower() in NOT_HAPPENED
        and token.dep_ in ("xcomp", "dobj", "pcomp")
    )


def _generic(trigger: Token) -> bool:
    """A plural event noun ('the targeted killings of ...') speaks of violence in general, not of
    one incident, unless a number counts it ('two bombings')."""
    counted = any(child.dep_ == "nummod" for child in trigger.children)
    return trigger.tag_ in ("NNS", "NNPS") and not counted


def _own_dates(doc: Doc, anchor: DocSpan) -> tuple[date, date] | None:
    """The dates the mention's own sentence gives it (not the narrative's, not the dateline's)."""
    article = doc._.get(ARTICLE)
    published = parse_published(article.published if article is not None else None)
    text = article.text if article is not None else doc.text
    times = without_dateline(doc._.get(stage_attr("times")) or [], article)
    anniversary = anniversary_event_date(text, anchor, times, published)
    if anniversary is not None and anniversary.start and anniversary.end:
        return date.fromisoformat(anniversary.start), date.fromisoformat(anniversary.end)
    time = governing_time(doc, anchor, times)
    if time is None:
        return None
    return group_bounds(coordinated(text, times, time))


def _dated_apart(doc: Doc, mention: Mention, figures: list[Figure]) -> list[Mention]:
    """A sentence that dates its triggers' clauses apart reports as many incidents ('X was killed
    on 17 October; and Y was killed on 1 November'): a trigger whose own date overlaps none of
    the dates before it opens a mention of its own, which later triggers of its dates join.
    Each figure goes with the mention of the trigger that governs it ('killed 3 farmers on
    Monday, a year after they massacred 20 villagers in 2023': the 20 are 2023's); a figure
    no trigger governs stays with the first."""
    first = mention.own_dates
    if first is None or len(mention.triggers) < 2:
        return [mention]
    parts: list[Mention] = []
    kept = [mention.triggers[0]]
    for trigger in mention.triggers[1:]:
        own = _own_dates(doc, doc[trigger.i : trigger.i + 1])
        if own is None or _overlap(own, first):
            kept.append(trigger)
            continue
        part = next((p for p in parts if p.own_dates and _overlap(own, p.own_dates)), None)
        if part is not None:
            part.triggers.append(trigger)
        else:
            parts.append(
                replace(mention, trigger=trigger, triggers=[trigger], figures=[], own_dates=own)
            )
    if not parts:
        return [mention]
    whole = replace(mention, triggers=kept, figures=[])
    owner = {t.i: m for m in (whole, *parts) for t in m.triggers}
    for index in mention.figures:
        governing = _governing_trigger(doc, figures[index], owner)
        (whole if governing is None else owner[governing]).figures.append(index)
    return [whole, *parts]


def _overlap(a: tuple[date, date], b: tuple[date, date]) -> bool:
    return not (a[1] < b[0] or b[1] < a[0])


def _governing_trigger(doc: Doc, figure: Figure, triggers: dict[int, Mention]) -> int | None:
    """The index of the nearest trigger among the figure's word and its syntactic heads."""
    span = doc.char_span(figure.start, figure.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    word = span.root
    return next((t.i for t in (word, *word.ancestors) if t.i in triggers), None)


def _is_dateline(article: Article | None, start: int, end: int) -> bool:
    """The publication date read from the text (scraped header, wire dateline) dates no event."""
    span = article.published_span if article is not None else None
    return span is not None and span.start <= start and end <= span.end + 1


def _merge(mentions: list[Mention]) -> list[Incident]:
    incidents: list[Incident] = []
    for mention in mentions:
        generic_only = (
            not mention.figures and mention.own_dates is None and _generic_mention(mention)
        )
        if incidents and not mention.cue and _compatible(incidents[-1], mention):
            incidents[-1].mentions.append(mention)
        elif not generic_only:
            incidents.append(Incident([mention]))
    return incidents


def _generic_mention(mention: Mention) -> bool:
    return mention.trigger is not None and _generic(mention.trigger)


def _compatible(incident: Incident, mention: Mention) -> bool:
    dates, own = incident.dates, mention.own_dates
    if dates and own and (own[1] < dates[0] or dates[1] < own[0]):
        return False
    # A sentence naming another place, even in passing ('U.S. officials said'), has mostly
    # turned to another matter.
    return _same_place(incident.named, mention.named)


def _same_place(held: Location | None, new: Location) -> bool:
    """Places agree when either is unknown, both are one, or one is the other's country."""
    if held is None or new.precision == "unknown":
        return True
    if held.geonames_id == new.geonames_id:
        return True
    country_level = "country" in (held.precision, new.precision)
    return country_level and held.country == new.country


def _event(doc: Doc, article: Article | None, incident: Incident, figures: list[Figure]) -> Event:
    first = incident.mentions[0]
    when = _incident_date(doc, incident, _anchor(doc, first))
    kind, sub_kind = _incident_type(incident, figures)
    own_figures = _figures_of(doc, incident, figures)
    published = article.published if article is not None else None
    return Event(
        id=_event_id(article, _anchor(doc, first).start_char, kind),
        type=kind,
        summary=_summary(doc, first.sentence),
        date=when,
        historical=is_historical(when, published),
        location=_incident_location(doc, incident),
        actors=_actors(doc, incident),
        figures=own_figures,
        claimed_by=claim_for(doc, first.sentence.start_char, first.sentence.end_char),
        evidence=[Span(m.sentence.start_char, m.sentence.end_char) for m in incident.mentions],
        sub_type=sub_kind,
    )


def _incident_location(doc: Doc, incident: Incident) -> Location | None:
    """Where the incident's first sentence places it; else a later sentence, when the place
    lies in the article's country; else the article's country. A place abroad named only in
    a later sentence tells more often of what followed ('the wounded were flown to Miami',
    'talks in Caracas were suspended after the attack') than of where it happened."""
    first, home = incident.mentions[0], article_country(doc)
    if first.location.precision != "unknown":
        return first.location
    later = incident.location
    if later is not None and (home is None or later.country == home.country):
        return later
    return home or later or first.location


def _incident_date(doc: Doc, incident: Incident, anchor: DocSpan) -> EventDate:
    """The date the incident's own sentences give (the earliest: a report's later sentences tell
    what followed), else the narrative's date carried to its first mention, else the
    publication day. A date a sentence gives beats one carried from sentences before it, however
    precisely the carried one is written ('began its armed struggle in 1980')."""
    article = doc._.get(ARTICLE)
    dated = [
        (m, _publication_basis(article, event_date(doc, _anchor(doc, m))))
        for m in incident.mentions
    ]
    first, lead = dated[0]
    carried = [
        (m, when)
        for m, when in dated
        if when.evidence is not None and (m is first or not _background(when, lead))
    ]
    own = [when for m, when in carried if _within(when.evidence, m.sentence)]
    if own:
        return min(own, key=lambda c: (c.end or "", c.start or ""))
    return carried[0][1] if carried else lead


def _background(when: EventDate, lead: EventDate) -> bool:
    """A later sentence's date a year or more before the date of the incident's first sentence
    (its own, the narrative's or the publication day) tells background, not the incident: the
    perpetrators' history ('the ELN, founded in the 1960's'), a thing's make ('a 1981 blue
    Chevrolet'), an earlier incident named in passing."""
    if when.end is None or lead.start is None:
        return False
    return (date.fromisoformat(lead.start) - date.fromisoformat(when.end)).days >= BACKGROUND_DAYS


def _within(evidence: Span | None, sentence: DocSpan) -> bool:
    return evidence is not None and sentence.start_char <= evidence.start < sentence.end_char


def _anchor(doc: Doc, mention: Mention) -> DocSpan:
    trigger = mention.trigger
    return doc[trigger.i : trigger.i + 1] if trigger is not None else mention.sentence


def _publication_basis(article: Article | None, when: EventDate) -> EventDate:
    """A date read from the dateline is the publication day: say so rather than 'relative'."""
    evidence = when.evidence
    if evidence is not None and _is_dateline(article, evidence.start, evidence.end):
        return EventDate(when.start, when.end, when.precision, "publication", None)
    return when


def _incident_type(incident: Incident, figures: list[Figure]) -> tuple[str, str | None]:
    types = [
        trigger_type(m.trigger.lemma_.lower(), m.trigger.pos_)
        for m in incident.mentions
        if m.trigger
    ]
    specific = [t for t in types if t and t[0] != GENERIC_VIOLENCE]
    # "murdered during the clashes": a murder or massacre is one-sided, whatever fighting
    # went on around it, so it types the incident before a word of battle does.
    one_sided = [t for t in specific if t[0] == "violence_against_civilians"]
    if one_sided and specific[0][0] == "battles":
        return one_sided[0]
    if specific:
        return specific[0]
    categories = {figures[i].category for m in incident.mentions for i in m.figures}
    if categories == {"abducted"}:
        return "violence_against_civilians", "abduction_forced_disappearance"
    if categories == {"arrested"}:
        return "strategic_developments", "arrests"
    return _attack_type(incident, figures)


def _attack_type(incident: Incident, figures: list[Figure]) -> tuple[str, str | None]:
    """Generic violence ('attacked'): a battle when victims are armed or the target is a force
    ('attacked an army patrol', 'the attack on the garrison'), else against civilians."""
    armed = {"soldiers", "police", "rebels", "guerrillas", "militants", "combatants", "troops"}
    groups = {figures[i].group for m in incident.mentions for i in m.figures}
    targets = [t for m in incident.mentions for trigger in m.triggers for t in _targets(trigger)]
    if groups & armed or any(_is_force(t) for t in targets):
        return "battles", "armed_clash"
    return "violence_against_civilians", "attack"


def _targets(trigger: Token) -> list[Token]:
    """What a word of violence is done to: its object, or what follows 'on' or 'against'."""
    found = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    preps = (c for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("on", "against"))
    return found + [o for p in preps for o in p.children if o.dep_ == "pobj"]


def _is_force(noun: Token) -> bool:
    """'an army patrol', 'the garrison', 'a military convoy', 'the police station'."""
    words = [noun, *(c for c in noun.children if c.dep_ in ("compound", "amod"))]
    return any(w.lower_ in FORCES for w in words)


def _figures_of(doc: Doc, incident: Incident, figures: list[Figure]) -> list[Figure]:
    """The incident's figures, `part_of` re-indexed into its own list, each with its claimant."""
    indexes = [i for m in incident.mentions for i in m.figures]
    position = {doc_index: own for own, doc_index in enumerate(indexes)}
    own: list[Figure] = []
    for doc_index in indexes:
        figure = figures[doc_index]
        part_of = position.get(figure.part_of) if figure.part_of is not None else None
        claim = claim_for(doc, figure.start, figure.end)
        own.append(_replace_figure(figure, part_of, claim))
    return own


def _replace_figure(figure: Figure, part_of: int | None, claim: Claim) -> Figure:
    return replace(figure, part_of=part_of, claimed_by=claim)


def _actors(doc: Doc, incident: Incident) -> list[Actor]:
    actors: list[Actor] = []
    for mention in incident.mentions:
        for trigger in mention.triggers:
            actors.extend(_trigger_actors(doc, trigger))
        actors.extend(_supporters(doc, mention.sentence))
    return _unique(actors)


def _trigger_actors(doc: Doc, trigger: Token) -> list[Actor]:
    found = _clause_actors(doc, trigger, active=trigger.pos_ == "VERB")
    if trigger.pos_ == "NOUN":
        found += _noun_victims(doc, trigger)
        if (
            trigger.head.lemma_.lower() in LIGHT_VERBS
        ):  # "launched an assault", "the massacre was committed by"
            found += _clause_actors(doc, trigger.head, active=True, skip=trigger)
    return [a for a in found if a.name]


def _clause_actors(
    doc: Doc, verb: Token, *, active: bool, skip: Token | None = None
) -> list[Actor]:
    found: list[Actor] = []
    for child in verb.children:
        if child is skip:
            continue
        if child.dep_ == "agent":
            found += [
                _actor(doc, "perpetrator", obj)
                for obj in child.children
                if obj.dep_ == "pobj" and not _means_of_violence(obj)
            ]
        elif child.dep_ == "nsubj" and active and not _means_of_violence(child):
            found.append(_actor(doc, "perpetrator", child))
        elif child.dep_ in ("nsubjpass", "dobj") and verb.pos_ == "VERB" and skip is None:
            found.append(_actor(doc, "victim", child))
        elif child.dep_ == "prep" and child.lower_ == "against" and skip is not None:
            found += [_actor(doc, "victim", obj) for obj in child.children if obj.dep_ == "pobj"]
    return found


def _means_of_violence(noun: Token) -> bool:
    """'a bomb', 'the explosion', 'the attack': what did the harm, not who did it."""
    lemma = noun.lemma_.lower()
    return lemma in INSTRUMENTS or lemma in TRIGGER_LEMMAS or noun.lower_ in INSTRUMENTS


def _noun_victims(doc: Doc, trigger: Token) -> list[Actor]:
    """'the assassination of six Jesuits', 'attacks against civilians'; 'an assault on Goma'
    makes the place the target, not a victim."""
    preps = (
        c for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("of", "against", "on")
    )
    return [
        _victim_or_target(doc, obj) for prep in preps for obj in prep.children if obj.dep_ == "pobj"
    ]


def _victim_or_target(doc: Doc, head: Token) -> Actor:
    places = doc._.get(stage_attr("places")) or []
    is_place = head.ent_type_ in ("GPE", "LOC", "FAC") or any(
        p.start <= head.idx < p.end for p in places
    )
    return _actor(doc, "target" if is_place else "victim", head)


def _supporters(doc: Doc, sentence: DocSpan) -> list[Actor]:
    """'with the assistance of X', 'backed by X'."""
    found = []
    for token in sentence:
        if token.lemma_.lower() in SUPPORT_WORDS:
            for prep in (
                c for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "by")
            ):
                found += [
                    _actor(doc, "supporter", obj) for obj in prep.children if obj.dep_ == "pobj"
                ]
    return [a for a in found if a.name]


ACTOR_CHARS = 80
# Verbs whose object names the violence and whose subject or agent did it: "launched an assault".
LIGHT_VERBS = {"launch", "carry", "commit", "perpetrate", "stage", "conduct", "mount"}
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who", "which", "that", "this", "these"}


def _actor(doc: Doc, role: str, head: Token) -> Actor:
    """The head's noun phrase: left modifiers and an 'of' complement ('residents of the town')."""
    end = head.i + 1
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            end = child.right_edge.i + 1
    span = doc[head.left_edge.i : end]
    if span.end_char - span.start_char > ACTOR_CHARS:  # a clause, not a name
        span = doc[head.i : head.i + 1]
    name = " ".join(_text(doc, span).split())
    if name.lower() in PRONOUNS:
        name = ""
    return Actor(role=role, name=name, start=span.start_char, end=span.end_char)


def _unique(actors: list[Actor]) -> list[Actor]:
    seen: set[tuple[str, str]] = set()
    kept = []
    for actor in actors:
        key = (actor.role, actor.name.lower())
        if key not in seen:
            seen.add(key)
            kept.append(actor)
    return kept


def _summary(doc: Doc, sentence: DocSpan) -> str:
    """The incident's first sentence, in the article's own words (neutral: no claim of ours)."""
    words = re.sub(r"\s+", " ", _text(doc, sentence)).strip()
    return words if len(words) <= SUMMARY_CHARS else words[: SUMMARY_CHARS - 1].rstrip() + "\u2026"


def _text(doc: Doc, span: DocSpan) -> str:
    # The Doc may be a truecased copy: the article's own characters are what we report.
    article = doc._.get(ARTICLE)
    source = article.text if article is not None else doc.text
    return source[span.start_char : span.end_char]


def _event_id(article: Article | None, start: int, kind: str) -> str:
    """Stable and unique in its article: from where the first mention's trigger stands (a
    sentence may report several incidents)."""
    key = f"{article.id if article else ''}:{start}:{kind}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def event_checks(events: list[Event]) -> list[Check]:
    """Per event: breakdowns within their totals, and totals of one category that disagree
    (per event, not per article: two incidents' tolls are not a disagreement)."""
    checks: list[Check] = []
    for event in events:
        checks += subtotal_checks(event.figures) + total_checks(event.figures)
    return checks


class EventsComponent:
    """Writes `doc._.dateline_events` and adds the figure checks to `doc._.dateline_checks`."""

    def __call__(self, doc: Doc) -> Doc:
        events = find_events(doc)
        doc._.set(EVENTS, events)
        doc._.set(CHECKS, (doc._.get(CHECKS) or []) + event_checks(events))
        return doc


@Language.factory(
    "dateline_events",
    assigns=[f"doc._.{EVENTS}", f"doc._.{CHECKS}"],
    requires=[f"doc._.{ARTICLE}", f"doc._.{FIGURES}"],
)
def make_events_component(nlp: Language, name: str) -> EventsComponent:
    return EventsComponent()
