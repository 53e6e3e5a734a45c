"""The case-repair evaluation: its readers and scores on Docs built by hand; one run on the
shared data with the trained weights (marked)."""

from __future__ import annotations

from collections import Counter

import pytest
import spacy
from spacy.tokens import Doc, Span

from dateline.evaluate import casing as evaluation
from dateline.options import Options

LGL = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="1">
    <text><![CDATA[Floods hit Dacca and the Ganges delta.]]></text>
    <toponyms count="2">
      <toponym><start>11</start><end>16</end><phrase>Dacca</phrase></toponym>
      <toponym><start>25</start><end>31</end><phrase>Ganges</phrase></toponym>
    </toponyms>
  </article>
</articles>
"""
TIMEML = (
    '<?xml version="1.0" ?><TimeML><DOCID>x</DOCID><TEXT>Rain fell on '
    '<TIMEX3 tid="t1" type="DATE" value="1998-01-08">Thursday</TIMEX3> &amp; stopped.'
    "</TEXT></TimeML>"
)


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("en").vocab


def doc(vocab, words, *, spaces=None, ents=(), pos=None, heads=None, starts=None):
    """A Doc by hand: `ents` as (first token, end token, label)."""
    deps = ["dep"] * len(words) if heads else None
    if starts is None and heads is None:
        starts = [True] + [False] * (len(words) - 1)
    built = Doc(
        vocab, words=words, spaces=spaces, pos=pos, heads=heads, deps=deps, sent_starts=starts
    )
    built.ents = [Span(built, s, e, label=label) for s, e, label in ents]
    return built


# Reading ---------------------------------------------------------------------------------------


def test_reads_lgl_with_its_toponym_spans(tmp_path):
    path = tmp_path / "lgl.xml"
    path.write_text(LGL, encoding="utf-8")
    [document] = evaluation.load_documents(path)
    assert [document.text[s:e] for s, e in document.toponyms] == ["Dacca", "Ganges"]


def test_reads_timeml_text_without_tags(tmp_path):
    (tmp_path / "a.tml").write_text(TIMEML, encoding="utf-8")
    [document] = evaluation.load_documents(tmp_path)
    assert document.text == "Rain fell on Thursday & stopped."


def test_reads_text_files_and_honours_the_limit(tmp_path):
    for name in ("b", "a", "c"):
        (tmp_path / f"{name}.txt").write_text(f"Text {name}.", encoding="utf-8")
    assert [d.id for d in evaluation.load_documents(tmp_path, limit=2)] == ["a", "b"]


def test_no_documents_is_an_error_that_names_the_path(tmp_path):
    with pytest.raises(FileNotFoundError, match=str(tmp_path)):
        evaluation.load_documents(tmp_path)


# Scoring ---------------------------------------------------------------------------------------


def test_entities_are_scored_by_span_and_label(vocab):
    words = ["Police", "in", "Lima", "met", "Ana", "Ruiz"]
    reference = doc(vocab, words, ents=[(2, 3, "GPE"), (4, 6, "PERSON")])
    parsed = doc(vocab, words, ents=[(2, 3, "GPE"), (5, 6, "PERSON")])
    scores = evaluation.Scores()
    evaluation.score(reference, parsed, scores)
    figures = evaluation._figures(scores, 1)["ner_f1"]
    assert figures["GPE"] == 1.0 and figures["PERSON"] == 0.0 and figures["ALL"] == 0.5
    assert figures["ORG"] is None  # no ORG on either side: no figure, not a zero


def test_pos_and_sentences_compare_tokens_by_span(vocab):
    words = ["Rain", "fell", ".", "It", "stopped", "."]
    reference = doc(
        vocab, words, pos=["NOUN", "VERB", "PUNCT", "PRON", "VERB", "PUNCT"],
        starts=[True, False, False, True, False, False],
    )  # fmt: skip
    parsed = doc(
        vocab, words, pos=["PROPN", "VERB", "PUNCT", "PRON", "VERB", "PUNCT"],
        starts=[True, False, False, False, False, False],
    )  # fmt: skip
    scores = evaluation.Scores()
    evaluation.score(reference, parsed, scores)
    figures = evaluation._figures(scores, 1)
    assert figures["pos_accuracy"] == pytest.approx(5 / 6)
    assert figures["sentence_f1"] == 0.0  # the one sentence start after the first was missed


def test_a_token_split_differently_counts_as_wrong(vocab):
    reference = doc(
        vocab, ["U.S.", "troops"], spaces=[True, False], pos=["PROPN", "NOUN"], heads=[1, 1]
    )
    parsed = doc(
        vocab, ["U.S", ".", "troops"], spaces=[False, True, False], pos=["PROPN", "PUNCT", "NOUN"],
        heads=[2, 2, 2],
    )  # fmt: skip
    counts: Counter[str] = Counter()
    evaluation._score_tokens(reference, parsed, counts)
    assert counts == {"total": 2, "pos": 1, "head": 1}


def test_toponym_recall_exact_and_overlapping(vocab):
    document = evaluation.Document("1", "Floods hit Dacca city and Ganges", ((11, 16), (26, 32)))
    parsed = doc(vocab, ["Floods", "hit", "Dacca", "city", "and", "Ganges"], ents=[(2, 4, "GPE")])
    counts: Counter[str] = Counter()
    evaluation.score_toponyms(document, parsed, counts)
    assert counts == {"gold": 2, "exact": 0, "overlap": 1}


def test_report_prints_one_row_per_condition():
    figures = {
        "ner_f1": {label: 0.5 for label in ("ALL", *evaluation.LABELS)},
        "pos_accuracy": 0.9, "uas": 0.8, "sentence_f1": None, "ms_per_article": 1.25,
        "toponym_recall": {"exact": 0.4, "overlap": 0.6},
    }  # fmt: skip
    report = {
        "data": "x", "documents": 2, "characters": 1000, "toponyms": 5, "chosen": "c",
        "conditions": {"a": figures, "b": figures},
    }  # fmt: skip
    text = evaluation.format_report(report)
    assert "5 gold toponyms" in text and "'c'" in text
    rows = [line for line in text.splitlines() if line.startswith(("a ", "b "))]
    assert len(rows) == 2 and rows[0].split()[-3:] == ["1.2", "0.400", "0.600"]


# One run on the shared data ----------------------------------------------------------------------


@pytest.mark.model
def test_the_chosen_repair_beats_capitals_on_polnear(shared_dir):
    data = shared_dir / "data" / "polnear" / "dev"
    if not data.exists():
        pytest.skip(f"{data} is not there")
    report = evaluation.evaluate(data, Options(), limit=3)
    conditions = report["conditions"]
    chosen, upper = conditions[evaluation.CHOSEN], conditions[evaluation.UPPER]
    assert chosen["ner_f1"]["ALL"] > upper["ner_f1"]["ALL"] + 0.2
    assert chosen["pos_accuracy"] > upper["pos_accuracy"]
