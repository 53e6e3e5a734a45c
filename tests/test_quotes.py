"""Quotes without the trained model: quote marks on a blank pipeline, cues and speakers on Docs
parsed by hand (issue 6). Every text is written for these tests."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from dateline.docext import ARTICLE, ensure_extensions
from dateline.pipeline import make_doc
from dateline.record import Article, Span
from dateline.stages.quotes import MAX_QUOTE_CHARS, find_quoted, find_quotes

pytestmark = pytest.mark.issue(6)


@pytest.fixture(scope="module")
def blank():
    nlp = spacy.blank("en")
    nlp.add_pipe("dateline_quotes")
    return nlp


def contents(text: str) -> list[str]:
    found, _ = find_quoted(text, 0, len(text))
    return [text[q.start : q.end] for q in found]


def problems(text: str) -> list[str]:
    return [p.code for p in find_quoted(text, 0, len(text))[1]]


# Quote marks --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("“We will stay,” she said.", ["We will stay,"]),
        ('"We will stay," she said.', ["We will stay,"]),
        ("He said: « Nous restons. »", [" Nous restons. "]),
        ("The mayor said ``we rebuild'' in March.", ["we rebuild"]),
        ("‘We will stay,’ she said. It’s the villagers’ choice.", ["We will stay,"]),
    ],
)
def test_curly_straight_and_other_marks_pair(text, expected):
    assert contents(text) == expected


def test_a_quote_running_over_paragraphs_ends_at_its_last_closing_mark():
    text = "She said:\n\n“The first part.\n\n“The second part.”\n\nThe town is quiet."
    assert contents(text) == ["The first part.\n\n“The second part."]
    assert problems(text) == []


def test_a_curly_quote_closed_by_a_straight_mark_still_pairs():
    text = '“The road is open," the mayor said, adding that the "tolls" stay. “Good news.”'
    assert contents(text) == ["The road is open,", "tolls", "Good news."]
    assert problems(text) == []


def test_nested_quotes_keep_the_outer_one():
    text = "“He told me ‘leave now’ and I left,” she said. “They shouted “go” at us,” he said."
    assert contents(text) == ["He told me ‘leave now’ and I left,", "They shouted “go” at us,"]


def test_apostrophes_and_primes_are_not_quote_marks():
    text = "The ’90s were hard. The boy, 5'10\" tall, isn’t home; the parents’ car is gone."
    assert contents(text) == []
    assert problems(text) == []


def test_a_missing_closing_mark_ends_the_quote_with_its_paragraph_and_is_recorded():
    text = "“We are leaving the village, he said.\n\nThe army arrived on Monday. Nobody else spoke."
    assert contents(text) == ["We are leaving the village, he said."]
    assert problems(text) == ["unbalanced_quote"]


def test_a_stray_closing_mark_is_recorded_not_paired():
    assert contents("Nobody came.” The shops stayed shut.") == []
    assert problems("Nobody came.” The shops stayed shut.") == ["unbalanced_quote"]


def test_a_runaway_quote_is_capped_and_recorded():
    text = "“" + "The convoy moved on and the people waited. " * 400 + "”"
    [content] = contents(text)
    assert len(content) <= MAX_QUOTE_CHARS
    assert problems(text) == ["quote_too_long"]


# The component on a blank pipeline ----------------------------------------------------------


def run(nlp, text: str, **article) -> list:
    doc = nlp(make_doc(nlp, Article(source="t", text=text, **article)))
    return doc._.dateline_quotes


def test_component_writes_quotes_and_keeps_problems(blank):
    text = (
        "The council met.\n\n“We will rebuild the school before winter, whatever it costs."
        "\n\nThe end."
    )
    doc = blank(make_doc(blank, Article(source="t", text=text)))
    [quote] = doc._.dateline_quotes
    assert text[quote.start : quote.end].startswith("We will rebuild") and quote.kind == "direct"
    assert [p.code for p in doc._.dateline_problems] == ["unbalanced_quote"]
    assert not any(p.fatal for p in doc._.dateline_problems)


def test_scare_quotes_and_quoted_titles_are_not_quotes(blank):
    text = "The so-called “reforms” were discussed in “The Long Road Home”, a film shown on Monday."
    assert run(blank, text) == []


def test_only_the_body_is_read(blank):
    text = "“A Quoted Headline Of Many Words Here.”\n\nThe body has no quotes at all."
    assert run(blank, text, body=Span(text.index("The body"), len(text))) == []
    assert len(run(blank, text)) == 1


def test_bad_input_never_crashes(blank):
    for text in [
        '"',
        "“",
        "”",
        "‘’",
        '""""',
        "“”“”",
        "\n\n“\n\n”\n\n",
        "a\"b\"c'd'e",
        "'" * 50,
        "“x" * 500,
    ]:
        run(blank, text)


# Cues and speakers on hand-parsed Docs --------------------------------------------------------


def parsed(words, spaces, heads, deps, pos, lemmas, ents=None) -> Doc:
    """A Doc with the annotations a parser would give, written out for the test."""
    ensure_extensions()
    nlp = spacy.blank("en")
    doc = Doc(
        nlp.vocab,
        words=words,
        spaces=spaces,
        heads=heads,
        deps=deps,
        pos=pos,
        lemmas=lemmas,
        ents=ents,
    )
    doc._.set(ARTICLE, Article(source="t", text=doc.text))
    return doc


def test_said_after_the_quote_gives_cue_and_named_speaker():
    # “We will rebuild,” said Ana Lopez.
    words = ["“", "We", "will", "rebuild", ",", "”", "said", "Ana", "Lopez", "."]
    spaces = [False, True, True, False, False, True, True, True, False, False]
    heads = [6, 3, 3, 6, 6, 6, 6, 8, 6, 6]
    deps = [
        "punct",
        "nsubj",
        "aux",
        "ccomp",
        "punct",
        "punct",
        "ROOT",
        "compound",
        "nsubj",
        "punct",
    ]
    pos = ["PUNCT", "PRON", "AUX", "VERB", "PUNCT", "PUNCT", "VERB", "PROPN", "PROPN", "PUNCT"]
    lemmas = ["“", "we", "will", "rebuild", ",", "”", "say", "Ana", "Lopez", "."]
    ents = ["O"] * 7 + ["B-PERSON", "I-PERSON", "O"]
    doc = parsed(words, spaces, heads, deps, pos, lemmas, ents)
    [quote] = find_quotes(doc).quotes
    assert doc.text[quote.start : quote.end] == "We will rebuild,"
    assert quote.kind == "direct" and quote.cue.text == "said"
    assert (
        quote.speaker.name == "Ana Lopez"
        and doc.text[quote.speaker.start : quote.speaker.end] == "Ana Lopez"
    )


def test_indirect_quote_with_a_pronoun_resolved_to_the_person_named_before():
    # Ana Lopez spoke . She said that 12 people died .
    words = ["Ana", "Lopez", "spoke", ".", "She", "said", "that", "12", "people", "died", "."]
    spaces = [True, True, False, True, True, True, True, True, True, False, False]
    heads = [1, 2, 2, 2, 5, 5, 9, 8, 9, 5, 5]
    deps = [
        "compound",
        "nsubj",
        "ROOT",
        "punct",
        "nsubj",
        "ROOT",
        "mark",
        "nummod",
        "nsubj",
        "ccomp",
        "punct",
    ]
    pos = [
        "PROPN",
        "PROPN",
        "VERB",
        "PUNCT",
        "PRON",
        "VERB",
        "SCONJ",
        "NUM",
        "NOUN",
        "VERB",
        "PUNCT",
    ]
    lemmas = ["Ana", "Lopez", "speak", ".", "she", "say", "that", "12", "people", "die", "."]
    ents = ["B-PERSON", "I-PERSON"] + ["O"] * 9
    doc = parsed(words, spaces, heads, deps, pos, lemmas, ents)
    [quote] = find_quotes(doc).quotes
    assert doc.text[quote.start : quote.end] == "that 12 people died"
    assert quote.kind == "indirect" and quote.cue.text == "said"
    assert (
        doc.text[quote.speaker.start : quote.speaker.end] == "She"
        and quote.speaker.name == "Ana Lopez"
    )


def test_according_to_a_description_resolves_to_the_named_body():
    # The Health Ministry met . According to the ministry , 40 died .
    words = [
        "The",
        "Health",
        "Ministry",
        "met",
        ".",
        "According",
        "to",
        "the",
        "ministry",
        ",",
        "40",
        "died",
        ".",
    ]
    spaces = [True, True, True, False, True, True, True, True, False, True, True, False, False]
    heads = [2, 2, 3, 3, 3, 11, 5, 8, 6, 11, 11, 11, 11]
    deps = [
        "det",
        "compound",
        "nsubj",
        "ROOT",
        "punct",
        "prep",
        "prep",
        "det",
        "pobj",
        "punct",
        "nsubj",
        "ROOT",
        "punct",
    ]
    pos = [
        "DET",
        "PROPN",
        "PROPN",
        "VERB",
        "PUNCT",
        "VERB",
        "ADP",
        "DET",
        "NOUN",
        "PUNCT",
        "NUM",
        "VERB",
        "PUNCT",
    ]
    lemmas = [
        "the",
        "Health",
        "Ministry",
        "meet",
        ".",
        "accord",
        "to",
        "the",
        "ministry",
        ",",
        "40",
        "die",
        ".",
    ]
    ents = ["B-ORG", "I-ORG", "I-ORG"] + ["O"] * 10
    doc = parsed(words, spaces, heads, deps, pos, lemmas, ents)
    [quote] = find_quotes(doc).quotes
    assert doc.text[quote.start : quote.end] == "40 died"
    assert quote.cue.text == "According to"
    assert doc.text[quote.speaker.start : quote.speaker.end] == "the ministry"
    assert quote.speaker.name == "Health Ministry"


# Any text at all ------------------------------------------------------------------------------

MARKS_AND_WORDS = st.lists(
    st.sampled_from(['"', "“", "”", "‘", "’", "'", "''", "``", "«", "»", "\n", "\n\n", " ", "said",
                     "He", "5'10\"", ",", ".", ":", "―", "the ministry", "We"]),
    max_size=60,
)  # fmt: skip


@given(MARKS_AND_WORDS)
@settings(max_examples=300, deadline=None)
def test_quote_spans_stay_inside_the_text_and_never_overlap(pieces):
    text = "".join(pieces)
    found, _ = find_quoted(text, 0, len(text))
    ends = [(q.start, q.end) for q in found]
    assert all(0 <= start <= end <= len(text) for start, end in ends)
    assert all(end - start <= MAX_QUOTE_CHARS for start, end in ends)
    assert all(a[1] <= b[0] for a, b in zip(ends, ends[1:], strict=False))


@given(MARKS_AND_WORDS)
@settings(max_examples=100, deadline=None)
def test_the_component_takes_any_text(pieces):
    text = "".join(pieces)
    for quote in run(BLANK_WITH_QUOTES, text):
        assert 0 <= quote.start <= quote.end <= len(text)


BLANK_WITH_QUOTES = spacy.blank("en")
BLANK_WITH_QUOTES.add_pipe("dateline_quotes")


def vowed_and(second: str, second_lemma: str) -> Doc:
    """Ana Lopez vowed to cut taxes and <second> pensions ., the second verb hung on 'vowed' as
    the parser often hangs it."""
    words = ["Ana", "Lopez", "vowed", "to", "cut", "taxes", "and", second, "pensions", "."]
    spaces = [True] * 8 + [False, False]
    heads = [1, 2, 2, 4, 2, 4, 2, 2, 7, 2]
    deps = ["compound", "nsubj", "ROOT", "aux", "xcomp", "dobj", "cc", "conj", "dobj", "punct"]
    pos = ["PROPN", "PROPN", "VERB", "PART", "VERB", "NOUN", "CCONJ", "VERB", "NOUN", "PUNCT"]
    lemmas = ["Ana", "Lopez", "vow", "to", "cut", "tax", "and", second_lemma, "pension", "."]
    ents = ["B-PERSON", "I-PERSON"] + ["O"] * 8
    return parsed(words, spaces, heads, deps, pos, lemmas, ents)


def test_a_verb_phrase_joined_by_and_goes_on_with_the_content():
    doc = vowed_and("raise", "raise")
    [quote] = find_quotes(doc).quotes
    assert doc.text[quote.start : quote.end] == "to cut taxes and raise pensions"


def test_a_joined_cue_of_its_own_starts_a_report_of_its_own():
    doc = vowed_and("warned", "warn")
    first = find_quotes(doc).quotes[0]
    assert doc.text[first.start : first.end] == "to cut taxes"
