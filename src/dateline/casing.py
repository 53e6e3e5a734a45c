"""Case repair for all-capitals text (wire copy, MUC, telex), so that the tagger, parser and NER
see English as they were trained on it.

`truecase(text)` returns a copy of the same length in which only the case of letters changed,
character for character, so every offset into the copy is an offset into the original: spaCy
parses the copy, the record keeps the original. Characters whose case mapping changes length
('ß' -> 'SS', 'İ' -> 'i̇', 'ﬁ' -> 'FI') are left as they are.

The casing statistics are the word-case counts shipped in the `truecase` PyPI package
(Apache-2.0 licence file, MIT in its metadata; counted from NLTK's Brown, Reuters, SemCor,
CoNLL-2000 and State of the Union corpora), read without importing NLTK: one preferred form
per word, and neighbour counts for the words seen in several forms, scored as the package
does. Words the spaCy vocabulary knows only in lower case fill in what the package lacks.
Everything is loaded once per process, on first use. The choice among remedies, and its
figures, come from `dateline evaluate casing` (dateline.evaluate.casing).
"""

from __future__ import annotations

import importlib.util
import pickle
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import DatelineError

if TYPE_CHECKING:
    from spacy.vocab import Vocab

UPPER_SHARE = 0.8  # cased news text runs at 3-10% capitals; all-capitals wire copy at ~100%
MIN_CASED_LETTERS = 4  # below this there is nothing to judge ("OK", "A.")
UPPER_DISCOUNT = 0.5  # all-capitals counts in the statistics come partly from headlines
HEADLINE_FACTOR = 2  # an all-capitals form must be this much commoner than the rest to be kept
CLITICS = frozenset({"s", "t", "ll", "re", "ve", "d", "m"})  # after an apostrophe: lower
ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th", "d"})  # 1ST, 3D: lower after a digit
VOWELS = frozenset("aeiouy")
SUFFIXES = ("s", "es", "ed", "d", "ing", "ly", "er", "ers", "ful", "ness", "ment", "ments", "less")
MIN_STEM = 3  # shorter stems match too much by chance
PSEUDO_COUNT = 5  # the truecase package's smoothing
MIN_CONTEXT_COUNT = 2  # neighbour counts kept in memory
CONTEXT_TABLES = ("backward_bi_dist", "forward_bi_dist", "trigram_dist")  # in the package's model
INSTALL_HINT = "pip install truecase==0.0.14"

DOTTED = re.compile(r"(?:[^\W\d_]\.)+")  # A.M., U.S.
WORD = re.compile(r"[^\W\d_]+")  # a run of letters: the unit whose case is decided
TOKEN = re.compile(r"[^\W\d_]+|\d+|[^\w\s]")  # words, numbers, punctuation: the context
SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s|\n[ \t]*\n")  # end mark then space, or a blank line

Lexicon = Mapping[str, str]  # lowercase word -> its preferred written form


def needs_truecasing(text: str) -> bool:
    """True when the text is mostly capitals (at least UPPER_SHARE of its cased letters)."""
    upper = lower = 0
    for char in text:
        if char.isupper():
            upper += 1
        elif char.islower():
            lower += 1
    cased = upper + lower
    return cased >= MIN_CASED_LETTERS and upper >= UPPER_SHARE * cased


def truecase(
    text: str,
    vocab: Vocab | None = None,
    *,
    lexicon: Lexicon | None = None,
    context: ContextCounts | None = None,
) -> str:
    """The text with English casing restored; same length, only letter case changed.

    Words already in mixed or lower case are kept as written. A word seen in several forms
    ("may"/"May", "states"/"States") is decided by its neighbours, one seen in one form takes
    it, and an unknown one is taken for a name. The statistics are those of the `truecase`
    package, completed by the words `vocab` (the pipeline's, `nlp.vocab`) has seen only in lower
    case; `lexicon` (and `context`, else no context) replace them (tests).
    """
    if lexicon is None:
        lexicon, context = casing_lexicon(vocab), context or casing_context()
    chooser = _Chooser(text, lexicon, context)
    return recase(text, chooser.form, lexicon, starts=chooser.starts or None)


class _Chooser:
    """Decides words left to right, so that each sees the form chosen for the word before it."""

    def __init__(self, text: str, lexicon: Lexicon, context: ContextCounts | None):
        self.text, self.lexicon, self.context = text, lexicon, context
        self.tokens = list(TOKEN.finditer(text)) if context else []
        self.index = {m.start(): i for i, m in enumerate(self.tokens)}
        self.starts = sentence_starts(text, lexicon) if context else frozenset()
        self.chosen: dict[int, str] = {}

    def form(self, word: str, start: int, end: int) -> str:
        form = _word_form(self.text, word, start, end, self.lexicon, self._in_context)
        self.chosen[start] = _capitalise(form) if start in self.starts else form
        return form

    def _in_context(self, key: str, start: int) -> str | None:
        if self.context is None or key not in self.context.alternatives:
            return None
        i = self.index[start]
        return self.context.best(key, self._previous(i), self._next(i))

    def _previous(self, i: int) -> str | None:
        if i == 0 or self.tokens[i].start() in self.starts:
            return None  # the statistics score a sentence's first word without a left neighbour
        token = self.tokens[i - 1]
        return self.chosen.get(token.start(), token.group())

    def _next(self, i: int) -> str | None:
        if i + 1 == len(self.tokens) or self.tokens[i + 1].start() in self.starts:
            return None
        return self.tokens[i + 1].group().lower()


# Simple remedies, measured against `truecase` (see dateline.evaluate.casing) ----------------


def lowercase(text: str) -> str:
    """Every letter lower case (a baseline)."""
    return recase(text, lambda word, start, end: word.lower())


def lowercase_sentence_starts(text: str) -> str:
    """Lower case, with the first letter of each sentence capitalised (a baseline)."""
    return recase(text, lambda word, start, end: word.lower(), lexicon={})


def uppercase(text: str) -> str:
    """Every letter that has a one-character capital in capitals: all-capitals text made from
    cased text, offsets unchanged (for measuring)."""
    return _checked(text, "".join(map(_upper, text)))


# Walking the words ---------------------------------------------------------------------------

WordRule = Callable[[str, int, int], str]  # (word, start, end) -> its new form, same length


def recase(
    text: str,
    rule: WordRule,
    lexicon: Lexicon | None = None,
    *,
    starts: frozenset[int] | None = None,
) -> str:
    """Apply `rule` to every all-capitals word; with a lexicon, capitalise sentence starts too
    (the lexicon tells abbreviations from sentence ends; `starts` when already found). The
    result is checked to differ from `text` in letter case only."""
    pieces: list[str] = []
    done = 0
    if starts is None:
        starts = sentence_starts(text, lexicon) if lexicon is not None else frozenset()
    for match in WORD.finditer(text):
        word, start, end = match.group(), match.start(), match.end()
        if not _is_capitals(word):
            continue  # the writer's own casing is better evidence than any statistics
        form = rule(word, start, end)
        if start in starts:
            form = _capitalise(form)
        pieces += [text[done:start], match_case(word, form)]
        done = end
    pieces.append(text[done:])
    return _checked(text, "".join(pieces))


def sentence_starts(text: str, lexicon: Lexicon) -> frozenset[int]:
    """Offsets of the first word of the text and of each word after a sentence end."""
    starts: set[int] = set()
    previous: re.Match[str] | None = None
    for match in WORD.finditer(text):
        if previous is None or _ends_sentence(text, previous, match.start(), lexicon):
            starts.add(match.start())
        previous = match
    return frozenset(starts)


def _ends_sentence(text: str, word: re.Match[str], next_start: int, lexicon: Lexicon) -> bool:
    gap = text[word.end() : next_start]
    if not SENTENCE_END.search(gap):
        return False
    key = word.group().lower()
    abbreviation = len(key) == 1 or f"{key}." in lexicon  # "U.S. TROOPS", "GEN. OCHOA"
    return not (gap.startswith(".") and abbreviation and "\n\n" not in gap)


def _word_form(
    text: str,
    word: str,
    start: int,
    end: int,
    lexicon: Lexicon,
    in_context: Callable[[str, int], str | None] = lambda key, start: None,
) -> str:
    """The preferred form of one all-capitals word, from its neighbours and the statistics."""
    key = word.lower()
    before, after = text[start - 1 : start], text[end : end + 2]
    if before in ("'", "’") and key in CLITICS:
        return key  # COUNTRY'S, DON'T
    if before.isdigit():
        return key if key in ORDINAL_SUFFIXES else word  # 1ST, 3D; 9MM kept
    if after[:1].isdigit() or (after[:1] == "-" and after[1:2].isdigit()):
        return word  # M-16, F16: model names and codes
    if len(word) == 1:
        return _single_letter(text, word, start, lexicon)
    if (form := in_context(key, start)) is not None:
        return form
    if key in lexicon:
        return lexicon[key]
    if not VOWELS & set(key):
        return word  # FMLN, PCN: unpronounceable, so read letter by letter
    return key if _inflects_a_common_word(key, lexicon) else _capitalise(key)  # unknown: a name


def _inflects_a_common_word(key: str, lexicon: Lexicon) -> bool:
    """DITCHED, DISRESPECTFUL, MOPPING: an unknown word made of a lowercase word and an English
    ending is itself common, where an unknown word without one is most often a name."""
    for suffix in SUFFIXES:
        stem = key[: -len(suffix)]
        if key.endswith(suffix) and len(stem) >= MIN_STEM:
            for candidate in (stem, stem + "e", stem[:-1], stem[:-1] + "y"):  # mop-p-ing, carri-ed
                if lexicon.get(candidate, "").islower():
                    return True
    return False


def _single_letter(text: str, word: str, start: int, lexicon: Lexicon) -> str:
    """A.M. and U.S. as the statistics write them; other initials and O'BRIEN's O kept."""
    after = text[start + 1 : start + 2]
    if after in ("'", "’"):
        return word
    if after != ".":
        return lexicon.get(word.lower(), word.lower())  # A, I
    run_start = start
    while run_start >= 2 and text[run_start - 1] == "." and text[run_start - 2].isalpha():
        run_start -= 2  # back to the first letter of "A.M."
    run = DOTTED.match(text, run_start)
    dotted = run.group() if run else word
    form = lexicon.get(dotted.lower(), "")
    return form[start - run_start] if len(form) == len(dotted) else word


# Case arithmetic that never changes length -----------------------------------------------------


def _lower(char: str) -> str:
    """Lower case when that is one character and the way back ('İ', 'K' Kelvin sign: kept)."""
    low = char.lower()
    return low if len(low) == 1 and low.upper() == char.upper() else char


def _upper(char: str) -> str:
    """Capital when that is one character and the way back ('ß', 'ﬁ', dotless 'ı': kept)."""
    up = char.upper()
    return up if len(up) == 1 and up.lower() == char.lower() else char


def _is_capitals(word: str) -> bool:
    """In capitals as far as its letters allow: STRAßE is, McDONALD is not."""
    if word.isascii():
        return word.isupper()  # the same test, as ASCII letters all have one-letter capitals
    return any(c.isupper() for c in word) and all(_upper(c) == c for c in word)


def _capitalise(word: str) -> str:
    return _upper(word[:1]) + "".join(map(_lower, word[1:])) if word else word


def match_case(word: str, form: str) -> str:
    """`word` written with the case pattern of `form` (same letters), one character at a time."""
    if len(form) != len(word) or form.lower() != word.lower():
        form = _capitalise(word)  # a lexicon form of other letters (never expected): play safe
    elif form.isascii() and word.isascii():
        return form  # same letters, ASCII: the form already is the word in that case pattern
    return "".join(
        _upper(w) if f.isupper() else _lower(w) if f.islower() else w
        for w, f in zip(word, form, strict=True)
    )


def _checked(original: str, recased: str) -> str:
    """The invariant every offset in a record relies on; a failure here is a bug, not bad input."""
    if len(recased) != len(original) or recased.casefold() != original.casefold():
        raise AssertionError("case repair changed more than letter case")
    return recased


# The statistics ------------------------------------------------------------------------------


@lru_cache(maxsize=4)
def casing_lexicon(vocab: Vocab | None = None) -> Lexicon:
    """Preferred form per lowercase word: the `truecase` package's counts, then the words the
    spaCy vocabulary knows only in lower case, then its abbreviations ("Gen.", "Sept.")."""
    lexicon = dict(_package_statistics()[0])
    if vocab is not None:
        for word in vocab_lexicon(vocab.strings).items():
            lexicon.setdefault(*word)
    return lexicon


def vocab_lexicon(strings: Iterable[str]) -> dict[str, str]:
    """Words a spaCy vocabulary holds in lower case and in no capitalised form, and its
    abbreviations. (The vocabulary also holds the lowercase norm of every cased word, so a
    lowercase entry alone says nothing; one without a cased twin does.)"""
    seen = set(strings)
    found: dict[str, str] = {}
    for word in seen:
        letters = word.rstrip(".")
        if not letters.isalpha():
            continue
        if word != letters:
            if len(word) - len(letters) == 1 and 2 <= len(letters) <= 5 and letters.istitle():
                found.setdefault(word.lower(), word)  # a tokenizer exception: Gen., Sept., Calif.
        elif word.islower() and not {word.title(), word.upper()} & seen:
            found[word] = word
    return found


def build_lexicon(counts: Mapping[str, int]) -> dict[str, str]:
    """Reduce written-form counts ({"May": 1076, "may": 3521, "MAY": 147}) to one form a word.

    All-capitals counts are discounted: in news corpora many come from headlines.
    """
    forms: dict[str, dict[str, float]] = {}
    for form, count in counts.items():
        if any(c.isalpha() for c in form) and not any(c.isspace() for c in form):
            weight = UPPER_DISCOUNT if _shouted(form) else 1.0
            seen = forms.setdefault(form.lower(), {})
            seen[form] = seen.get(form, 0.0) + count * weight
    return {key: _preferred(key, seen) for key, seen in forms.items()}


def _preferred(key: str, seen: dict[str, float]) -> str:
    best = max(seen.items(), key=lambda item: (item[1], item[0] == key))  # ties go to lower case
    return best[0]


MEMO_LIMIT = 200_000  # scores kept per ContextCounts: the same few neighbours recur in a corpus


@dataclass(frozen=True, slots=True, eq=False)  # compared and hashed by identity: tables are huge
class ContextCounts:
    """How often each written form of an ambiguous word follows and precedes its neighbours.

    `best` is the `truecase` package's scorer (after Lita et al., "tRuEcasIng", ACL 2003): the sum
    of log unigram, left-bigram, right-bigram and trigram shares, each smoothed by PSEUDO_COUNT.
    Keys are as the package writes them: "Prev_Form", "Form_next", "Prev_Form_next".
    """

    alternatives: dict[str, tuple[str, ...]]  # lowercase word -> its written forms (two or more)
    unigram: Mapping[str, int]
    backward: Mapping[str, int]
    forward: Mapping[str, int]
    trigram: Mapping[str, int]
    memo: dict[tuple[str, str | None, str | None], str] = field(default_factory=dict, repr=False)

    def best(self, key: str, previous: str | None, following: str | None) -> str:
        if len(self.memo) > MEMO_LIMIT:
            self.memo.clear()
        found = self.memo.get((key, previous, following))
        if found is None:
            found = self.memo[(key, previous, following)] = self._best(key, previous, following)
        return found

    def _best(self, key: str, previous: str | None, following: str | None) -> str:
        """The form with the highest score. A table's smoothed total is the same for every form,
        so the sum of log shares ranks forms as the product of smoothed counts does: that is
        compared, in exact integers, without logarithms (ties go to the lower-case form)."""
        best, best_score = key, -1
        for form in self.alternatives[key]:
            score = self.unigram.get(form, 0) + PSEUDO_COUNT
            left = right = 0
            if previous is not None:
                left = self.backward.get(f"{previous}_{form}", 0)
                score *= left + PSEUDO_COUNT
            if following is not None:
                right = self.forward.get(f"{form}_{following}", 0)
                score *= right + PSEUDO_COUNT
            if previous is not None and following is not None:
                # A trigram is never commoner than its bigrams, and counts under MIN_CONTEXT_COUNT
                # are dropped from every table: with a bigram missing, so is the trigram.
                trigram = 0
                if left and right:
                    trigram = self.trigram.get(f"{previous}_{form}_{following}", 0)
                score *= trigram + PSEUDO_COUNT
            if score > best_score or (score == best_score and form == key):
                best, best_score = form, score
        return best


def casing_context() -> ContextCounts:
    """The package's neighbour counts for the words it saw in several forms."""
    return _package_statistics()[1]


@cache
def _package_statistics() -> tuple[dict[str, str], ContextCounts]:
    """Both tables from one read of the package's model (~0.5 GB while it loads; the reduced
    tables kept are a fraction of that: counts seen fewer than MIN_CONTEXT_COUNT times are
    dropped, as they barely move the smoothed shares)."""
    with _truecase_model_path().open("rb") as stream:
        tables = _CountsOnly(stream).load()
    unigram = tables["uni_dist"]
    kept = (_without_headline_capitals(f, unigram) for f in tables["word_casing_lookup"].values())
    alternatives = {forms[0].lower(): forms for forms in kept if len(forms) > 1}
    ambiguous = {form for forms in alternatives.values() for form in forms}
    backward, forward, trigram = (_frequent(tables[name]) for name in CONTEXT_TABLES)
    context = ContextCounts(
        alternatives, {form: unigram[form] for form in ambiguous}, backward, forward, trigram
    )
    return build_lexicon(unigram), context


def _without_headline_capitals(forms: Iterable[str], unigram: Mapping[str, int]) -> tuple[str, ...]:
    """The forms, less an all-capitals one not clearly commoner than the others together: in
    news corpora that is mostly headline type (CORP, OIL, JAN), while UN, OPEC and TV stay."""
    ordered = sorted(forms)
    others = sum(unigram[f] for f in ordered if not _shouted(f))
    return tuple(f for f in ordered if not (_shouted(f) and unigram[f] < HEADLINE_FACTOR * others))


def _shouted(form: str) -> bool:
    return form.isupper() and len(form) > 1


def _frequent(counts: Mapping[str, int]) -> dict[str, int]:
    return {key: n for key, n in counts.items() if n >= MIN_CONTEXT_COUNT}


def _truecase_model_path() -> Path:
    spec = importlib.util.find_spec("truecase")  # located, not imported: importing pulls in NLTK
    if spec is None or not spec.submodule_search_locations:
        raise DatelineError(
            "truecase_missing",
            "all-capitals text needs the 'truecase' package's statistics: " + INSTALL_HINT,
        )
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "english.dist"


ALLOWED: dict[tuple[str, str], type] = {
    ("nltk.probability", "FreqDist"): Counter,  # a Counter subclass: the counts load without NLTK
    ("collections", "Counter"): Counter,
    ("builtins", "set"): set,
    ("builtins", "dict"): dict,
}


class _CountsOnly(pickle.Unpickler):
    """Reads the package's pickle as plain counters; nothing else may be constructed."""

    def find_class(self, module: str, name: str) -> type:
        if (module, name) in ALLOWED:
            return ALLOWED[module, name]
        raise pickle.UnpicklingError(f"unexpected {module}.{name} in the truecase model")
