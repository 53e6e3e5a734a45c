"""Quotations (issue 6): direct, indirect and mixed, each with its cue and its speaker.

Direct quotes are found on the characters (quote marks, paragraph by paragraph),
so they do not depend on the parser's sentence boundaries, which split long
quotes; cues and speakers are then read from the parse around each quote.
Indirect quotes are the clausal complements of reporting and belief verbs ("X
said that ...", "X believes ..."), any verb's 'that' clause or indirect question
("the court ruled that ...", "wondered whether ..."), the clauses carrying an
"according to X", interrupted by "police said" or hung on "as X said", passive
cues ("X is expected to ...", "X was accused of ..."), the objects of a small
lexicon of verbs and adjectives that report a stance ("called for a ban", "cited
the report", "critical of the plan"), nouns of speech and resolve with their
clause ("her claim that ...", "his decision to ...") and phrases naming whose view
a clause is ("In his view, ...", "In a poll, ..."); see quote_indirect and
quote_nouns. A nested report by the same source restates the outer one and is
dropped ("she said she plans to ...").
Quotes signed with a dash ('"..." ― Jane Doe') and speaker labels ('WALLACE: ...')
are read too. A speaker mention that is a pronoun or a description ("the
ministry", "the statement") is resolved to the nearest compatible named source
earlier in the text ('he'/'she': the person quoted lately, else the last person
named; the record has no gender, so this is salience, not agreement), except that a
pronoun subject of a cue inside a reported clause is the reporting source ("Clinton
said she plans ...").

The component writes `list[Quote]` to `doc._.dateline_quotes`; problems with the
input (unbalanced marks, runaway quotes) go to `doc._.dateline_problems`
until the record has a place for non-fatal stage problems.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..docext import ARTICLE, PROBLEMS, ensure_extensions, stage_attr
from ..record import Cue, Problem, Quote, Speaker
from .quote_direct import Draft, attach, label_quotes, looks_like_speech
from .quote_grammar import cue_of, mention, text_of
from .quote_indirect import indirect_candidates
from .quote_lexicon import GROUP_PRONOUNS, PERSON_PRONOUNS
from .quote_marks import MAX_QUOTE_CHARS, WORD, Quoted, find_quoted, paragraphs
from .quote_speakers import Source, named_sources, resolve, source_kind

__all__ = ["MAX_QUOTE_CHARS", "Finding", "QuotesComponent", "find_quoted", "find_quotes"]


@dataclass(slots=True)
class Finding:
    quotes: list[Quote] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


# Assembly ------------------------------------------------------------------------------------


def find_quotes(doc: Doc, start: int = 0, end: int | None = None) -> Finding:
    """Every quotation in doc.text[start:end], in text order, speakers resolved."""
    end = len(text_of(doc)) if end is None else end
    quoted, problems = find_quoted(text_of(doc), start, end)
    paras = paragraphs(text_of(doc), start, end)
    labelled = list(label_quotes(doc, paras))
    direct = _without_labelled(_direct_quotes(doc, quoted, paras), labelled)
    indirect = list(_indirect(doc, start, end, quoted, direct)) + labelled
    drafts = _merge(direct, indirect)
    _resolve_all(doc, drafts, named_sources(doc, start, end))
    return Finding([draft.quote for draft in _without_restated(doc, drafts)], problems)


def _direct_quotes(doc: Doc, quoted: list[Quoted], paras: list[tuple[int, int]]) -> list[Draft]:
    """Quoted spans that are speech; a short one right after a statement in its paragraph goes on
    with it ('"I would," she said. "I would, Donald."')."""
    drafts: list[Draft] = []
    for item in quoted:
        para_start = next((s for s, e in paras if s <= item.open_at < e), item.open_at)
        link = attach(doc, item, para_start)
        speech = looks_like_speech(text_of(doc)[item.start : item.end], link)
        if speech or (not link.embedded and _follows(doc, drafts, item, para_start)):
            quote = Quote(item.start, item.end, "direct", cue=link.cue)
            drafts.append(Draft(quote, link.mention, [item], tight=link.tight))
    return drafts


def _without_labelled(direct: list[Draft], labelled: list[Draft]) -> list[Draft]:
    """A transcript typed inside quote marks is its speakers' lines, not one long quote."""
    return [
        d
        for d in direct
        if not any(d.quote.start <= line.quote.start < d.quote.end for line in labelled)
    ]


def _follows(doc: Doc, drafts: list[Draft], item: Quoted, para_start: int) -> bool:
    if not drafts or drafts[-1].quote.end < para_start:
        return False
    return len(WORD.findall(text_of(doc)[drafts[-1].quote.end : item.open_at])) <= 12


def _indirect(
    doc: Doc, start: int, end: int, quoted: list[Quoted], direct: list[Draft]
) -> Iterator[Draft]:
    """Reported clauses; one that is a direct quote already found is left to it."""
    kept = {id(q) for draft in direct for q in draft.covers}
    for cue, content, speaker in indirect_candidates(doc, start, end):
        inside = [q for q in quoted if q.start < content.end_char and content.start_char < q.end]
        if any(q.open_at <= content.start_char and content.end_char <= q.close_at for q in inside):
            continue  # a clause within a direct quote: the direct quote already carries it
        outside = _words_outside(text_of(doc), content.start_char, content.end_char, inside)
        if inside and outside < 2 and all(id(q) in kept for q in inside):
            continue  # the clause is a direct quote found on its own
        kind = ("mixed" if outside >= 2 else "direct") if inside else "indirect"
        quote = Quote(content.start_char, _through_quote(content, inside), kind, cue=cue_of(cue))
        yield Draft(quote, mention(speaker), inside)


def _through_quote(content: Span, inside: list[Quoted]) -> int:
    """Where a mixed quote ends: a clause that opens a quotation runs on to its closing mark,
    whatever sentence breaks the parser saw inside the marks ('said that "A. B."')."""
    end = content.end_char
    for q in inside:
        if content.start_char <= q.open_at and q.start < end < q.end:
            end = q.end
    return end


def _words_outside(text: str, start: int, end: int, inside: list[Quoted]) -> int:
    chars = list(text[start:end])
    for q in inside:
        for i in range(max(q.open_at, start), min(q.close_at, end)):
            chars[i - start] = " "
    return len(WORD.findall("".join(chars)))


def _merge(direct: list[Draft], indirect: list[Draft]) -> list[Draft]:
    """A mixed quote takes in the direct quotes inside it, but not one that another verb cues right
    next to its marks (then the direct quote stands alone); a direct quote's cue yields no
    second quote."""
    cued = {id(d.covers[0]): d.quote.cue for d in direct if d.tight}
    indirect = [
        d for d in indirect if not any(_other_cue(cued.get(id(q)), d.quote.cue) for q in d.covers)
    ]
    covered = {id(q) for d in indirect if d.quote.kind == "mixed" for q in d.covers}
    kept = [d for d in direct if id(d.covers[0]) not in covered]
    direct_cues = {(d.quote.cue.start, d.quote.cue.end) for d in kept if d.quote.cue is not None}
    fresh = [
        d
        for d in indirect
        if d.quote.cue is None or (d.quote.cue.start, d.quote.cue.end) not in direct_cues
    ]
    return sorted(kept + fresh, key=lambda d: d.quote.start)


def _without_restated(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """A quote whose cue sits inside another quote's content and whose content is most of that
    content restates it when it names no other source ('she said she plans to run': 'plans'
    reports, for the same person, what 'said' already reports): the outer quote stands for
    both. 'Police said the rebels claimed that ...' keeps the rebels' claim."""
    text = text_of(doc)
    sizes = [len(WORD.findall(text[d.quote.start : d.quote.end])) for d in drafts]
    holding = [d.quote for d in drafts]

    def restates(i: int, j: int) -> bool:
        inner, outer = holding[i], holding[j]
        if i == j or sizes[j] <= sizes[i] or 2 * sizes[i] < sizes[j] or inner.cue is None:
            return False
        if not (outer.start <= inner.cue.start and inner.end <= outer.end):
            return False
        return inner.speaker is None or _same_source(inner.speaker, outer.speaker)

    return [d for i, d in enumerate(drafts) if not any(restates(i, j) for j in range(len(drafts)))]


def _same_source(inner: Speaker, outer: Speaker | None) -> bool:
    """The same name, or one the other's short form ('Fowler' of 'Don Fowler')."""
    if outer is None or inner.name is None or outer.name is None:
        return False
    a, b = inner.name.lower().split(), outer.name.lower().split()
    return bool(a and b) and (a == b or a[-1] == b[-1])


def _other_cue(own: Cue | None, cue: Cue | None) -> bool:
    return own is not None and cue is not None and (own.start, own.end) != (cue.start, cue.end)


def _resolve_all(doc: Doc, drafts: list[Draft], sources: list[Source]) -> None:
    """Speakers in text order; a named speaker becomes a source for later pronouns; an unattributed
    direct quote right after another direct quote continues it (the newswriting convention)."""
    previous: Draft | None = None
    for draft in drafts:
        if draft.mention is not None:
            name = _reporter(draft, drafts) or resolve(draft.mention, sources)
            draft.quote.speaker = Speaker(draft.mention.start_char, draft.mention.end_char, name)
            sources.append(
                Source(draft.mention.start_char, name, source_kind(draft.mention), speaker=True)
            )
            sources.sort(key=lambda s: s.at)
        elif (
            draft.quote.kind == "direct"
            and previous is not None
            and _continues(doc, previous, draft)
        ):
            _continue(doc, previous, draft)
        previous = draft if draft.quote.speaker is not None else previous


def _reporter(draft: Draft, drafts: list[Draft]) -> str | None:
    """'Clinton said she plans to run': a pronoun that is the subject of a cue inside a reported
    clause is, most often, the reporting source itself."""
    mention = draft.mention
    if mention is None or draft.quote.cue is None or len(mention) != 1:
        return None
    pronoun = mention[0].lower_
    if pronoun not in PERSON_PRONOUNS | GROUP_PRONOUNS:
        return None
    cue = draft.quote.cue.start
    for outer in drafts:
        said = outer.quote
        if outer is draft or said.speaker is None or said.speaker.name is None:
            continue
        if said.start <= mention.start_char and cue < said.end and outer.mention is not None:
            person = source_kind(outer.mention) == "person"
            if person == (pronoun in PERSON_PRONOUNS):
                return said.speaker.name
    return None


def _continues(doc: Doc, previous: Draft, draft: Draft) -> bool:
    between = text_of(doc)[previous.quote.end : draft.quote.start]
    return (
        previous.quote.kind == "direct"
        and between.count("\n") <= 4
        and len(WORD.findall(between)) <= 40
    )


def _continue(doc: Doc, previous: Draft, draft: Draft) -> None:
    """An uncued quote after a quote keeps its speaker; in the same paragraph it is the same
    statement ('"A," she said. "B."'), so it shares the cue too."""
    draft.quote.speaker = previous.quote.speaker
    if draft.quote.cue is None and "\n" not in text_of(doc)[previous.quote.end : draft.quote.start]:
        draft.quote.cue = previous.quote.cue


# Component -----------------------------------------------------------------------------------


class QuotesComponent:
    """Writes the article body's quotations to doc._.dateline_quotes."""

    def __call__(self, doc: Doc) -> Doc:
        article = doc._.get(ARTICLE)
        body = article.body if article is not None else None
        start, end = (body.start, body.end) if body is not None else (0, len(text_of(doc)))
        finding = find_quotes(doc, start, end)
        doc._.set(stage_attr("quotes"), finding.quotes)
        doc._.set(PROBLEMS, (doc._.get(PROBLEMS) or []) + finding.problems)
        return doc


@Language.factory(
    "dateline_quotes",
    assigns=[f"doc._.{stage_attr('quotes')}"],
    requires=["token.dep", "token.lemma", "token.pos"],
)
def make_quotes_component(nlp: Language, name: str) -> QuotesComponent:
    ensure_extensions()
    return QuotesComponent()
