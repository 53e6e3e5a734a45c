"""Quotations (issue 6): direct, indirect and mixed, each with its cue and its speaker.

Direct quotes are found on the characters (quote marks, paragraph by paragraph),
so they do not depend on the parser's sentence boundaries, which split long
quotes; cues and speakers are then read from the parse around each quote.
Indirect quotes are the clausal complements of reporting and belief verbs ("X
said that ...", "X believes ..."), the clauses carrying an "according to X" or
interrupted by "police said", and the objects of a small lexicon of verbs that
report a stance ("called for a ban", "cited the report", "plans to run").
Quotes signed with a dash ('"..." ― Jane Doe') and speaker labels ('WALLACE: ...')
are read too. A speaker mention that is a pronoun or a description ("the
ministry", "the statement") is resolved to the nearest compatible named source
earlier in the text ('he'/'she': the person quoted lately, else the last person
named; the record has no gender, so this is salience, not agreement).

The component writes `list[Quote]` to `doc._.dateline_quotes`; problems with the
input (unbalanced marks, runaway quotes) go to `doc._.dateline_problems`
until the record has a place for non-fatal stage problems.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..docext import ARTICLE, PROBLEMS, ensure_extensions, stage_attr
from ..record import Cue, Problem, Quote, Speaker

MAX_QUOTE_CHARS = 6000  # longer than any statement we expect; past it a mark is surely unbalanced
MIN_QUOTE_WORDS = 4  # fewer words in marks with no cue: a scare quote or a title, not speech
WINDOW_AFTER = 10  # tokens after a closing mark searched for "said X"
SALIENCE_CHARS = 1500  # a person quoted this close before a 'she' is taken as her
WINDOW_BEFORE = 30  # tokens before an opening mark searched for "X said:"

OPENING = frozenset("“„«‘") | {"``"}
CLOSING = frozenset("”»’")
# Marks pair within a family (curly with curly, straight with straight); single marks are also
# apostrophes.
FAMILY = {
    **dict.fromkeys("“”„", "curly"),
    **dict.fromkeys("«»", "angle"),
    **dict.fromkeys(['"', "''", "``"], "straight"),
    **dict.fromkeys("‘’", "single"),
}
MARK = re.compile(r"``|''|[\"“”„«»‘’]")
WORD = re.compile(r"\w+")
# '"..." ― Jane Doe' (letters, vox pops, epigraphs): the dash and a name of up to five words.
NAME_WORD = r"[A-Z][\w.'’-]*"
DASH_SIGNATURE = re.compile(
    rf"[^\S\n]*(―|—|–|--)[^\S\n]*({NAME_WORD}(?:[^\S\n]+{NAME_WORD}){{0,4}})"
)
OPEN_CONTEXT = set(" \t\n\xa0([{—–-/")


def lexicon(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Verbs that report speech or writing: their subject is a source, their clause its words.
SAY_VERBS = lexicon(
    "say tell state add note claim warn announce declare explain insist argue assert report "
    "write tweet post confirm deny acknowledge admit reply respond answer ask suggest mention "
    "recall predict promise pledge vow urge stress emphasize emphasise point observe comment "
    "remark contend maintain testify allege concede conclude continue reveal disclose "
    "estimate find show cite boast complain joke quip caution counter reiterate repeat "
    "recount agree inform assure hint imply indicate charge demand propose contend whisper "
    "shout yell scream chant describe accuse blame praise criticize criticise call"
)
# Verbs of belief and intention: PolNeAR counts them as attributions when they take a clause.
BELIEF_VERBS = lexicon(
    "believe think feel hope fear expect know worry doubt suspect understand consider assume "
    "recognize realize want plan"
)
CUE_VERBS = SAY_VERBS | BELIEF_VERBS
# Verbs whose object or infinitive is what a source says, wants or stands for ("cited the report",
# "called for a moratorium", "plans to run"): PolNeAR annotates these as attributions too.
TOPIC_VERBS = lexicon(
    "cite mention criticize criticise blast slam attack question discuss defend promote tout "
    "praise reject deny announce propose demand welcome condemn dismiss highlight back "
    "endorse oppose support accuse blame compare call note report show find suggest echo "
    "identify acknowledge pledge promise vow plan want refuse decline urge implore seek agree "
    "describe warn insist recall predict estimate recommend label dub express offer liken "
    "denounce mock invoke reference detail decide encourage view rate address"
)
# Verbs whose topic follows a preposition: 'spoke about the war', 'commented on the vote'.
TALK_VERBS = lexicon("speak talk comment complain testify write boast joke brag rail campaign")
TOPIC_PREPOSITIONS = lexicon("for on of about against")
# en_core_web_sm lemmatizes these forms to other verbs ('hop', 'rat').
LEMMA_FIXES = {
    **dict.fromkeys(["hoped", "hopes", "hoping"], "hope"),
    **dict.fromkeys(["rated", "rates", "rating"], "rate"),
}
# Words before a colon that label a section, not a speaker ('Editor's note:', 'Related:').
LABEL_WORDS = lexicon(
    "note update related read watch photo video source sources correction see also"
)
RECIPIENT_VERBS = lexicon("tell ask inform urge implore assure warn")  # their object is a listener
# Nouns that name a text someone issued: "the statement" speaks for whoever issued it.
DOCUMENT_NOUNS = lexicon(
    "statement text letter message declaration communique communiqué release remarks speech "
    "post tweet report memo note address transcript announcement document video ad "
    "advertisement study survey poll analysis"
)
PERSON_PRONOUNS = lexicon("he she him her his hers")
GROUP_PRONOUNS = lexicon("it its they them their we our")
SOURCE_LABELS = {"PERSON": "person", "ORG": "org", "NORP": "org", "GPE": "org", "FAC": "org"}


@dataclass(slots=True)
class Quoted:
    """Characters between a pair of quote marks: the content, and where the marks are."""

    start: int
    end: int
    open_at: int
    close_at: int  # index just past the closing mark (== end when it is missing)
    family: str = "curly"


@dataclass(slots=True)
class Source:
    """A named candidate for resolving later mentions: where it is, its name, person or org."""

    at: int
    name: str
    kind: str
    speaker: bool = False  # a quote's speaker, more salient for a later pronoun than any name


@dataclass(slots=True)
class Finding:
    quotes: list[Quote] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


# Quote marks -------------------------------------------------------------------------------


def paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Paragraph spans of text[start:end]: blank-line separated, or line separated if none are."""
    sep = re.compile(r"\n\s*\n") if re.search(r"\n\s*\n", text[start:end]) else re.compile(r"\n")
    spans, at = [], start
    for match in sep.finditer(text, start, end):
        spans.append((at, match.start()))
        at = match.end()
    spans.append((at, end))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def mark_role(text: str, at: int, mark: str) -> str:
    """'open', 'close' or 'skip' (an apostrophe, a prime), from the mark or its neighbours."""
    before = text[at - 1] if at > 0 else " "
    after = text[at + len(mark)] if at + len(mark) < len(text) else " "
    if FAMILY[mark] == "single":
        return _single_role(mark, before, after)
    if mark in OPENING:
        return "close" if before.isalnum() and (after.isspace() or after in ",.;") else "open"
    if mark in CLOSING:  # a closing mark at a word's start is a typo for an opening one
        return "open" if before in OPEN_CONTEXT and after.isalpha() else "close"
    if before.isdigit() and (after.isspace() or after.isalpha()):
        return "skip"  # 5'10" or a 12" pipe: inches, not a quotation
    if before in OPEN_CONTEXT and not after.isspace():
        return "open"
    return "close"


def _single_role(mark: str, before: str, after: str) -> str:
    # ’ is also the apostrophe (it’s, parents’ rights, ’90s): it closes only before a non-letter
    if mark == "‘":
        return "open" if before in OPEN_CONTEXT and after.isalnum() else "skip"
    return "close" if not after.isalnum() and not before.isspace() else "skip"


class MarkScanner:
    """Pairs quote marks paragraph by paragraph; only outermost quotations are kept.

    Single marks count only outside double ones (inside, they are nested quotes or
    apostrophes). A quote left open at a paragraph's end goes on when the next paragraph
    opens with a mark of the same family, the newswriting convention for long quotes;
    otherwise it ends with its paragraph and the problem is recorded.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.stack: list[str] = []  # families of the open marks, outermost first
        self.current: Quoted | None = None
        self.found: list[Quoted] = []
        self.problems: list[Problem] = []

    def scan(self, start: int, end: int) -> list[Quoted]:
        paras = paragraphs(self.text, start, end)
        for index, (p_start, p_end) in enumerate(paras):
            self.paragraph(p_start, p_end)
            if self.current is not None:
                self.paragraph_end(p_end, paras[index + 1][0] if index + 1 < len(paras) else None)
        return [_capped(q, self.text, self.problems) for q in self.found if q.end > q.start]

    def paragraph(self, p_start: int, p_end: int) -> None:
        continuing = self.current is not None
        for match in MARK.finditer(self.text, p_start, p_end):
            mark, at = match.group(), match.start()
            role = mark_role(self.text, at, mark)
            if continuing and role == "open" and not self.text[p_start:at].strip():
                continuing = (
                    False  # the mark that reopens a quote running on from the last paragraph
                )
                continue
            continuing = False
            if role != "skip":
                self.mark(FAMILY[mark], role, at, match.end())

    def mark(self, family: str, role: str, at: int, after: int) -> None:
        if family == "single" and self.stack and self.stack[0] != "single":
            return  # nested in a double quote
        if family == "straight" and self.stack and self.stack[-1] == "straight":
            role = "close"  # after an open straight mark, a straight one closes, whatever is near
        if role == "open":
            if not self.stack:
                self.current = Quoted(after, after, at, after, family)
            self.stack.append(family)
        elif family in self.stack:
            del self.stack[
                len(self.stack) - 1 - self.stack[::-1].index(family) :
            ]  # the innermost of its family
            if not self.stack and self.current is not None:
                self.current.end, self.current.close_at = at, after
                self.found.append(self.current)
                self.current = None
        elif not self.stack and family != "single":
            self.problems.append(
                _problem("unbalanced_quote", at, "closing mark without an opening one")
            )

    def paragraph_end(self, p_end: int, next_start: int | None) -> None:
        assert self.current is not None
        family = self.current.family
        if family != "single" and next_start is not None and self._reopens(next_start, family):
            self.stack = [family]
            return
        if family != "single":  # an open single mark may be an apostrophe: dropped silently
            self.problems.append(
                _problem("unbalanced_quote", self.current.open_at, "closing mark missing")
            )
            self.current.end = self.current.close_at = _trim_end(
                self.text, self.current.start, p_end
            )
            self.found.append(self.current)
        self.current, self.stack = None, []

    def _reopens(self, next_start: int, family: str) -> bool:
        first = MARK.match(self.text, next_start)
        if first is None or FAMILY[first.group()] != family:
            return False
        return mark_role(self.text, first.start(), first.group()) == "open"


def find_quoted(text: str, start: int, end: int) -> tuple[list[Quoted], list[Problem]]:
    """Outermost quotations in text[start:end], and the problems met pairing their marks."""
    scanner = MarkScanner(text)
    return scanner.scan(start, end), scanner.problems


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _capped(quoted: Quoted, text: str, problems: list[Problem]) -> Quoted:
    """A quote longer than MAX_QUOTE_CHARS is cut there (at a sentence end when one is near)."""
    if quoted.end - quoted.start <= MAX_QUOTE_CHARS:
        return quoted
    limit = quoted.start + MAX_QUOTE_CHARS
    cut = max(text.rfind(". ", quoted.start, limit) + 1, limit - 500)
    problems.append(
        _problem("quote_too_long", quoted.open_at, f"cut at {MAX_QUOTE_CHARS} characters")
    )
    return Quoted(quoted.start, cut, quoted.open_at, cut, quoted.family)


def _problem(code: str, at: int, detail: str) -> Problem:
    return Problem(code, f"quotation mark at character {at}: {detail}", fatal=False)


# Cues and speakers ---------------------------------------------------------------------------


def lemma(token: Token) -> str:
    """The token's lemma, mended where the lemmatizer is known to slip ('hoped' -> 'hop')."""
    return LEMMA_FIXES.get(token.lower_) or token.lemma_.lower()


def is_cue(token: Token) -> bool:
    """A reporting verb, or the 'according' of 'according to'."""
    if token.lower_ == "according":
        return token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to"
    return token.pos_ in ("VERB", "AUX") and lemma(token) in CUE_VERBS


def cue_of(token: Token) -> Cue:
    """The cue's words: the verb with its particle ('pointed out'), or 'according to'."""
    doc = token.doc
    end = token.i + 1
    if token.lower_ == "according" or any(c.dep_ == "prt" and c.i == end for c in token.children):
        end += 1
    return Cue(doc[token.i].idx, doc[end - 1].idx + len(doc[end - 1]), doc[token.i : end].text)


def subject_of(verb: Token) -> Token | None:
    """The verb's subject, climbing through 'went on to say' and 'according to'."""
    if verb.lower_ == "according":
        to = next((c for c in verb.children if c.lower_ == "to"), None)
        return next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) or _agent(verb)
        if subject is not None:
            return subject
        if verb.dep_ == "acl" and verb.head.pos_ in ("PROPN", "NOUN", "PRON"):
            return verb.head  # 'footage of Clinton saying, "..."'
        if verb.dep_ not in ("xcomp", "conj", "advcl", "acomp") or verb.head is verb:
            return None
        verb = verb.head
    return None


def _agent(verb: Token) -> Token | None:
    """'was announced by the ministry': the passive's agent (its subject is the words or the
    listener, never the speaker)."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return (
        next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    )


def mention_span(head: Token) -> Span:
    """The noun phrase headed by `head`: its left modifiers and 'of'/'in' phrases, no clauses."""
    doc = head.doc
    start = _left_edge(head)
    end = head.i + 1
    for child in head.rights:
        if child.i != end or child.dep_ not in ("prep", "compound", "flat", "nummod", "appos"):
            break
        if child.dep_ == "appos" and doc[child.i - 1].text == ",":
            break
        end = _right_edge(child)
    while start < head.i and not doc[start].is_alpha and not doc[start].like_num:
        start += 1
    return doc[start:end]


def _left_edge(head: Token) -> int:
    """Left edge of the phrase, not past a comma, a bracket, a clause or a paragraph break."""
    left = head.left_edge.i
    for token in head.doc[left : head.i]:
        if token.text in (",", "(") or token.dep_ in ("relcl", "acl") or "\n" in token.text_with_ws:
            left = token.i + 1
    return left


def _right_edge(child: Token) -> int:
    end = child.right_edge.i + 1
    for token in child.doc[child.i : end]:
        if "\n" in token.text_with_ws and token.i + 1 < end:
            return token.i + 1
    return end


def fallback_speaker(tokens: Iterable[Token]) -> Token | None:
    """When the parse gives the cue no subject: the first name or pronoun next to it."""
    for token in tokens:
        if token.pos_ in ("PROPN", "PRON") or token.ent_type_ in SOURCE_LABELS:
            return token
        if token.is_punct and token.text not in ",":
            return None
    return None


# Name resolution -----------------------------------------------------------------------------


def clean_name(span: Span) -> str:
    """The mention as a name: a person's name if one is in it, no leading article or possessive."""
    person = next((e for e in span.ents if e.label_ == "PERSON"), None)
    words = list(person if person is not None else span)
    while words and words[0].lower_ in ("the", "a", "an", "this", "that"):
        words = words[1:]
    while words and words[-1].tag_ == "POS" or words and words[-1].text in ("'s", "’s", ","):
        words = words[:-1]
    return "".join(t.text_with_ws for t in words).strip() or span.text


def source_kind(span: Span) -> str:
    if any(e.label_ == "PERSON" for e in span.ents):
        return "person"
    return "person" if span.root.lower_ in PERSON_PRONOUNS else "org"


def named_sources(doc: Doc, start: int, end: int) -> list[Source]:
    """Named candidates in the body: entities, and proper-noun subjects the NER missed."""
    sources = [
        Source(e.start_char, clean_name(e), SOURCE_LABELS[e.label_])
        for e in doc.ents
        if e.label_ in SOURCE_LABELS
    ]
    for token in doc:
        if token.dep_ in ("nsubj", "nsubjpass") and token.pos_ == "PROPN" and not token.ent_type_:
            span = mention_span(token)
            sources.append(Source(span.start_char, clean_name(span), source_kind(span)))
    return sorted((s for s in sources if start <= s.at < end), key=lambda s: s.at)


def resolve(span: Span, sources: list[Source]) -> str:
    """The name behind a mention: itself if named, else the nearest compatible earlier source."""
    root = span.root
    if any(t.pos_ == "PROPN" for t in span) or span.ents:
        return clean_name(span)
    earlier = [s for s in sources if s.at < span.start_char]
    if root.lower_ in PERSON_PRONOUNS:
        return _salient_person(earlier, span.start_char) or span.text
    if root.lower_ in GROUP_PRONOUNS:
        return _nearest(earlier, kind="org") or _nearest(earlier) or span.text
    if root.lemma_.lower() in DOCUMENT_NOUNS:
        return issuer(root, sources) or _nearest(earlier) or clean_name(span)
    head_word = root.lower_
    named = [s for s in earlier if head_word in s.name.lower()]
    return named[-1].name if named else clean_name(span)


def _salient_person(earlier: list[Source], at: int) -> str | None:
    """'he'/'she': the last person quoted when quoted lately (the story's current voice), else the
    last person named. The record gives no gender, so this is salience, not agreement."""
    speakers = [
        s
        for s in earlier
        if s.kind == "person" and s.speaker and s.name.lower() not in PERSON_PRONOUNS
    ]
    if speakers and at - speakers[-1].at <= SALIENCE_CHARS:
        return speakers[-1].name
    return _nearest(earlier, kind="person")


def _nearest(sources: list[Source], kind: str | None = None) -> str | None:
    fitting = [s for s in sources if kind is None or s.kind == kind]
    return fitting[-1].name if fitting else None


def issuer(document: Token, sources: list[Source]) -> str | None:
    """Who issued 'the statement': the subject of the last earlier verb with that noun as object."""
    noun = document.lemma_.lower()
    for token in reversed(document.doc[: document.i]):
        if token.lemma_.lower() == noun and token.dep_ in ("dobj", "pobj", "nsubjpass"):
            subject = subject_of(token.head)
            if subject is not None and subject.lemma_.lower() != noun:
                return resolve(mention_span(subject), sources)
    return None


# Direct quotes -------------------------------------------------------------------------------


def text_of(doc: Doc) -> str:
    """The article's text (== doc.text, which spaCy rebuilds from the tokens on every access)."""
    article = doc._.get(ARTICLE) if Doc.has_extension(ARTICLE) else None
    length = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    return article.text if article is not None and len(article.text) == length else doc.text


def tokens_between(doc: Doc, start: int, end: int) -> Span:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span if span is not None else doc[0:0]


def after_window(doc: Doc, quoted: Quoted) -> list[Token]:
    """Tokens after the closing mark up to the sentence's end ('..., said the minister.')."""
    tail = tokens_between(doc, quoted.close_at, min(len(text_of(doc)), quoted.close_at + 200))
    window: list[Token] = []
    for token in tail[:WINDOW_AFTER]:
        if token.text in (".", "!", "?", ";") or "\n" in token.text or MARK.fullmatch(token.text):
            break
        window.append(token)
    return window


def before_window(doc: Doc, quoted: Quoted, para_start: int) -> list[Token]:
    """Tokens before the opening mark back to the sentence start, or the paragraph ending in ':'."""
    start = para_start
    if text_of(doc)[para_start : quoted.open_at].strip() == "":
        start = _intro_start(text_of(doc), para_start)
    head = tokens_between(doc, start, quoted.open_at)
    window: list[Token] = []
    for token in reversed(head[-WINDOW_BEFORE:]):
        if token.text in (".", "!", "?") or MARK.fullmatch(token.text):
            break
        if not token.is_space:
            window.insert(0, token)
    return window


def _intro_start(text: str, para_start: int) -> int:
    """Start of the previous paragraph when it ends with ':', introducing the quote."""
    previous = text.rstrip()[:para_start].rstrip()
    if not previous.endswith(":"):
        return para_start
    return previous.rfind("\n") + 1


@dataclass(slots=True)
class Attachment:
    """What a direct quote hangs on: the speaker mention, the cue, and how tight the link is."""

    mention: Span | None = None
    cue: Cue | None = None
    tight: bool = False  # "..., said X" or "X said: ..." rather than a cue somewhere before
    embedded: bool = False  # the marks sit inside a sentence ('called it "a disgrace"')


def attach(doc: Doc, quoted: Quoted, para_start: int) -> Attachment:
    """The cue and speaker of a direct quote: a signature, the words after it, then those before."""
    for link in (_signature(doc, quoted), _after_cue(doc, quoted)):
        if link.cue is not None:
            return link
    return _before_cue(doc, quoted, para_start)


def _after_cue(doc: Doc, quoted: Quoted) -> Attachment:
    """'"...," said the minister.' / '"...," she added.'"""
    after = after_window(doc, quoted) if _hands_on(text_of(doc), quoted) else []
    for token in after:
        cue = is_cue(token) or _inverted(token, after)
        if (
            not cue
            and token.pos_ in ("VERB", "AUX")
            and token.dep_ not in ("aux", "auxpass", "neg")
        ):
            break  # another clause starts: a cue further on is not this quote's
        if cue:
            subject = subject_of(token) or fallback_speaker(t for t in after if t.i > token.i)
            subject = subject or fallback_speaker(reversed([t for t in after if t.i < token.i]))
            return Attachment(_mention(subject), cue_of(token), tight=True)
    return Attachment()


def _before_cue(doc: Doc, quoted: Quoted, para_start: int) -> Attachment:
    """'She said: "..."' / 'He told reporters, "..."' / an intro paragraph ending in ':'."""
    before = before_window(doc, quoted, para_start)
    last = before[-1] if before else None
    if last is not None and (last.is_alpha or last.like_num) and not _introduces(last, before):
        return Attachment(
            embedded=True
        )  # 'went on about "..."': part of a sentence, not a statement
    for token in reversed(before):
        if is_cue(token) or _introduces(token, before):
            tight = _introduces(token, before) and before[-1].text in (",", ":")
            return Attachment(_mention(subject_of(token)), cue_of(token), tight)
    return _colon_intro(doc, before)


def _signature(doc: Doc, quoted: Quoted) -> Attachment:
    """'"..." ― Jane Doe': a dash after the closing mark, then a name, signs the quote."""
    match = DASH_SIGNATURE.match(text_of(doc), quoted.close_at)
    if match is None:
        return Attachment()
    end = match.end() - (1 if re.search(r"\w{3}\.$", match.group()) else 0)  # not 'Sanchez.'
    name = tokens_between(doc, match.end(1), end)
    if not name or not any(t.pos_ == "PROPN" or t.ent_type_ == "PERSON" for t in name):
        return Attachment()
    return Attachment(name, Cue(match.start(1), match.end(1), match.group(1)), tight=True)


def _hands_on(text: str, quoted: Quoted) -> bool:
    """A quote ends on ',', '?', '!' or a dash (inside or just outside the mark) when the
    attribution follows it; one that ends its sentence with '.' has none after it."""
    last = text[quoted.start : quoted.end].rstrip()[-1:]
    following = text[quoted.close_at : quoted.close_at + 1]
    return last in ",?!—–-…" or following == ","


def _inverted(token: Token, after: list[Token]) -> bool:
    """A verb used without object right after a quote, with its subject, is its cue ('...,
    Smith quipped'); one with an object starts a sentence of its own ('"No," the ad shows...')."""
    if token.pos_ != "VERB" or token.i - after[0].i > 3 or subject_of(token) is None:
        return False
    return not any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp") for c in token.children)


def _introduces(token: Token, before: list[Token]) -> bool:
    """Any verb just before the opening mark or its colon introduces it ('Trump tweeted: "..."')."""
    return (
        token.pos_ == "VERB"
        and bool(before)
        and before[-1].i - token.i <= (1 if before[-1].is_punct else 0)
    )


def _mention(token: Token | None) -> Span | None:
    return mention_span(token) if token is not None else None


def _colon_intro(doc: Doc, before: list[Token]) -> Attachment:
    """'... the full text of the statement:' — the document speaks, the colon is the cue."""
    if not before or before[-1].text != ":":
        return Attachment()
    colon = before[-1]
    cue = Cue(colon.idx, colon.idx + 1, ":")
    document = next((t for t in reversed(before) if t.lemma_.lower() in DOCUMENT_NOUNS), None)
    if document is not None:
        return Attachment(document.doc[_det_start(document) : document.i + 1], cue, tight=True)
    verb = next((t for t in reversed(before) if t.pos_ == "VERB"), None)
    mention = _mention(subject_of(verb)) if verb is not None else label(doc, before[:-1])
    return Attachment(mention, cue, tight=True)


def label(doc: Doc, tokens: list[Token]) -> Span | None:
    """A speaker label before a colon: transcripts ('WALLACE:') and headlines ('Putin: ...')."""
    words = [t for t in tokens if not t.is_space]
    if not words or len(words) > 6 or not words[0].text[:1].isupper():
        return None
    if any(t.pos_ in ("VERB", "AUX") or t.lower_ in LABEL_WORDS for t in words):
        return None
    if not all(t.text[:1].isupper() or not t.is_alpha for t in words):
        return None  # a label is a name or a title-cased heading, not a clause
    return doc[words[0].i : words[-1].i + 1]


def _lines(text: str, paras: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    for p_start, p_end in paras:
        at = p_start
        for line in text[p_start:p_end].split("\n"):
            yield at, at + len(line)
            at += len(line) + 1


def label_quotes(doc: Doc, paras: list[tuple[int, int]]) -> Iterator[Draft]:
    """Paragraphs opening 'Speaker: words': a transcript line is direct, a headline indirect."""
    for p_start, p_end in _lines(text_of(doc), paras):
        colon = text_of(doc).find(":", p_start, min(p_end, p_start + 80))
        if colon < 0 or MARK.match(text_of(doc)[colon + 1 : p_end].lstrip()):
            continue
        speaker = label(doc, list(tokens_between(doc, p_start, colon)))
        content = _trimmed(tokens_between(doc, colon + 1, p_end))
        if speaker is None or len(WORD.findall(content.text)) < 3:
            continue
        kind = "direct" if speaker.text.isupper() else "indirect"
        quote = Quote(content.start_char, content.end_char, kind, cue=Cue(colon, colon + 1, ":"))
        yield Draft(quote, speaker)


def _det_start(token: Token) -> int:
    return min(
        (c.i for c in token.lefts if c.dep_ in ("det", "poss", "amod", "compound")), default=token.i
    )


def looks_like_speech(text: str, link: Attachment) -> bool:
    """A few words in marks are speech only when tightly cued; else a scare quote or a title."""
    words = len(WORD.findall(text))
    if link.tight:
        return words >= 1
    if link.embedded:
        return False
    if words >= MIN_QUOTE_WORDS and link.cue is not None:
        return True
    sentence_like = text.lstrip()[:1].isupper() and text.rstrip()[-1:] in ".,!?…—-"
    return words >= MIN_QUOTE_WORDS and (sentence_like or words >= 2 * MIN_QUOTE_WORDS)


# Indirect quotes -----------------------------------------------------------------------------


def indirect_candidates(doc: Doc, start: int, end: int) -> Iterator[tuple[Token, Span]]:
    """(cue, content) pairs: reporting verbs with a clause, and 'according to' with its clause."""
    for token in doc:
        if not (start <= token.idx < end):
            continue
        if _is_stance_adjective(token):  # 'X is confident that ...'
            clause = next(c for c in token.children if c.dep_ == "ccomp")
            yield token, _trimmed(_subtree(clause, clause))
            continue
        if not (is_cue(token) or _is_topic_verb(token)):
            continue
        content = (
            _according_content(token) if token.lower_ == "according" else _clause_content(token)
        )
        if content is not None and WORD.search(content.text):
            yield token, content


def _is_stance_adjective(token: Token) -> bool:
    """'confident that', 'sure that', 'worried that': an adjective taking a clause, said of a
    subject ('The mayor is confident that ...')."""
    if token.pos_ != "ADJ" or token.dep_ != "acomp" or subject_of(token.head) is None:
        return False
    return any(c.dep_ == "ccomp" for c in token.children)


def _is_topic_verb(token: Token) -> bool:
    # Any verb taking a clause with a named subject was tried too: on PolNeAR dev it found more
    # attributions but lost more precision than it gained (F1 -0.01), so the lexicons stay.
    return token.pos_ == "VERB" and lemma(token) in TOPIC_VERBS | TALK_VERBS


def _clause_content(verb: Token) -> Span | None:
    doc = verb.doc
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    clause = next((c for c in clauses if c.i > verb.i), clauses[0] if clauses else None)
    if clause is not None:  # "X said (that) ..." or "..., X said."
        return _trimmed(doc[clause.left_edge.i : clause.right_edge.i + 1])
    interrupts = verb.dep_ in ("parataxis", "advcl") and verb.head.i < verb.i
    if interrupts and lemma(verb) in SAY_VERBS:
        return _around(verb)
    if lemma(verb) in TOPIC_VERBS | TALK_VERBS and subject_of(verb) is not None:
        topic = _topic(verb)
        return _trimmed(topic) if topic is not None else None
    return None


def _around(verb: Token) -> Span:
    """'40 died, police said.' / 'The attack, police said, killed 40.': the clause the verb
    interrupts; an interruption mid-clause stays inside the span (a span has one start and end)."""
    doc, head = verb.doc, verb.head
    if verb.right_edge.i >= head.right_edge.i:
        return _trimmed(doc[head.left_edge.i : verb.left_edge.i])
    return _trimmed(doc[head.left_edge.i : head.right_edge.i + 1])


def _topic(verb: Token) -> Span | None:
    """The infinitive ('plans to run'), the 'for' object ('called for a ban'), the object with
    its complement ('called the plan "a disgrace"') or the object ('cited the report')."""
    rights, verb_lemma = list(verb.rights), lemma(verb)
    xcomp = next((c for c in rights if c.dep_ == "xcomp"), None)
    dobj = next((c for c in rights if c.dep_ == "dobj"), None)
    complement = next((c for c in rights if c.dep_ in ("oprd", "ccomp", "xcomp")), None)
    if dobj is not None and complement is not None and dobj.i < complement.i:
        return _subtree(dobj, complement)
    if xcomp is not None:
        return _subtree(xcomp, xcomp)
    prep = next((c for c in rights if c.dep_ == "prep" and c.lower_ in TOPIC_PREPOSITIONS), None)
    if prep is not None and (verb_lemma in TALK_VERBS or verb_lemma in ("call", "warn", "insist")):
        target = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
        return _subtree(target, target) if target is not None else None
    if dobj is None or verb_lemma in RECIPIENT_VERBS or verb_lemma in ("say", "call"):
        return None  # "told reporters", "said it", "called him": no topic in the object
    as_phrase = next(
        (c for c in rights if c.dep_ == "prep" and c.lower_ == "as" and c.i > dobj.i), None
    )
    return _subtree(dobj, as_phrase or dobj)  # 'described the plan as a disgrace'


def _subtree(first: Token, last: Token) -> Span:
    return first.doc[first.left_edge.i : last.right_edge.i + 1]


def _according_content(according: Token) -> Span | None:
    """The clause 'according to X' is attached to, without the phrase itself."""
    doc, head = according.doc, according.head
    if head is according:
        return None
    sentence = head.sent
    phrase = doc[according.i : according.right_edge.i + 1]
    if phrase.start - sentence.start > sentence.end - phrase.end:
        return _trimmed(doc[sentence.start : phrase.start])
    return _trimmed(doc[phrase.end : sentence.end])


def _trimmed(span: Span) -> Span:
    start, end = span.start, span.end
    while start < end and (span.doc[start].is_punct or span.doc[start].is_space):
        start += 1
    while end > start and (span.doc[end - 1].is_punct or span.doc[end - 1].is_space):
        end -= 1
    return span.doc[start:end]


# Assembly ------------------------------------------------------------------------------------


def find_quotes(doc: Doc, start: int = 0, end: int | None = None) -> Finding:
    """Every quotation in doc.text[start:end], in text order, speakers resolved."""
    end = len(text_of(doc)) if end is None else end
    quoted, problems = find_quoted(text_of(doc), start, end)
    paras = paragraphs(text_of(doc), start, end)
    direct = _direct_quotes(doc, quoted, paras)
    indirect = list(_indirect(doc, start, end, quoted, direct)) + list(label_quotes(doc, paras))
    drafts = _merge(direct, indirect)
    _resolve_all(doc, drafts, named_sources(doc, start, end))
    return Finding([draft.quote for draft in drafts], problems)


@dataclass(slots=True)
class Draft:
    """A quote before its speaker's name is resolved."""

    quote: Quote
    mention: Span | None = None
    covers: list[Quoted] = field(default_factory=list)
    tight: bool = False  # a direct quote cued right next to its marks


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


def _follows(doc: Doc, drafts: list[Draft], item: Quoted, para_start: int) -> bool:
    if not drafts or drafts[-1].quote.end < para_start:
        return False
    return len(WORD.findall(text_of(doc)[drafts[-1].quote.end : item.open_at])) <= 12


def _indirect(
    doc: Doc, start: int, end: int, quoted: list[Quoted], direct: list[Draft]
) -> Iterator[Draft]:
    """Reported clauses; one that is a direct quote already found is left to it."""
    kept = {id(q) for draft in direct for q in draft.covers}
    for verb, content in indirect_candidates(doc, start, end):
        inside = [q for q in quoted if q.start < content.end_char and content.start_char < q.end]
        if any(q.open_at <= content.start_char and content.end_char <= q.close_at for q in inside):
            continue  # a clause within a direct quote: the direct quote already carries it
        outside = _words_outside(text_of(doc), content.start_char, content.end_char, inside)
        if inside and outside < 2 and all(id(q) in kept for q in inside):
            continue  # the clause is a direct quote found on its own
        kind = ("mixed" if outside >= 2 else "direct") if inside else "indirect"
        quote = Quote(content.start_char, content.end_char, kind, cue=cue_of(verb))
        yield Draft(quote, _mention(subject_of(verb)), inside)


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


def _other_cue(own: Cue | None, cue: Cue | None) -> bool:
    return own is not None and cue is not None and (own.start, own.end) != (cue.start, cue.end)


def _resolve_all(doc: Doc, drafts: list[Draft], sources: list[Source]) -> None:
    """Speakers in text order; a named speaker becomes a source for later pronouns; an unattributed
    direct quote right after another direct quote continues it (the newswriting convention)."""
    previous: Draft | None = None
    for draft in drafts:
        if draft.mention is not None:
            name = resolve(draft.mention, sources)
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
