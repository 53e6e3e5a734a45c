"""The pipeline, record component and record shape, on a blank spaCy pipeline (no weights)."""

from __future__ import annotations

import json

import pytest
import spacy

from dateline.docext import RESULT, ensure_extensions
from dateline.options import Options
from dateline.pipeline import extract, make_doc
from dateline.record import SCHEMA, Article

CONTRACT_ARTICLE_FIELDS = {
    "id", "source", "url", "title", "byline", "publisher", "published",
    "published_via", "published_confidence", "language", "text",
}  # fmt: skip
CONTRACT_TOP_FIELDS = {
    "schema",
    "article",
    "times",
    "places",
    "quotes",
    "events",
    "checks",
    "errors",
}


@pytest.fixture(scope="module")
def blank_nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("dateline_record")
    return nlp


def test_record_component_is_found_through_the_entry_point(blank_nlp):
    assert blank_nlp.pipe_names == ["dateline_record"]
    assert blank_nlp.get_pipe_meta("dateline_record").assigns == ["doc._.dateline"]


def test_component_builds_the_record_from_the_doc(blank_nlp):
    article = Article(source="mem", text="Rebels attacked the town on Monday.")
    doc = blank_nlp(make_doc(blank_nlp, article))
    result = doc._.get(RESULT)
    assert result.article is article
    assert result.events == [] and result.errors == []


def test_component_refuses_a_doc_without_article(blank_nlp):
    ensure_extensions()
    with pytest.raises(ValueError, match="make_doc"):
        blank_nlp("A doc made from a string carries no article.")


def test_record_has_every_contract_field_and_is_plain_json(blank_nlp):
    [result] = extract(
        [{"text": "Two people were hurt.", "id": "a1", "published": "2024-05-01"}], nlp=blank_nlp
    )
    record = json.loads(json.dumps(result.to_dict()))
    assert record["schema"] == SCHEMA
    assert set(record) >= CONTRACT_TOP_FIELDS
    assert set(record["article"]) >= CONTRACT_ARTICLE_FIELDS
    assert record["article"]["id"] == "a1"
    assert record["article"]["published"] == "2024-05-01"
    assert record["article"]["published_via"] == "given"


def test_results_keep_input_order_across_batches_and_failures(blank_nlp):
    inputs = [{"text": f"Report number {i}.", "id": str(i)} for i in range(7)]
    inputs.insert(3, {"id": "bad"})  # no text: a failure in the middle of a batch
    results = list(extract(inputs, Options(batch_size=2), nlp=blank_nlp))
    assert [r.article.id for r in results[:3]] == ["0", "1", "2"]
    assert results[3].failed and results[3].errors[0].code == "no_text"
    assert [r.article.id for r in results[4:]] == ["3", "4", "5", "6"]


def test_extract_is_lazy_and_streams(blank_nlp):
    def endless():
        number = 0
        while True:
            number += 1
            yield {"text": f"Story {number}."}

    stream = extract(endless(), Options(batch_size=3), nlp=blank_nlp)
    first = [next(stream).article.text for _ in range(5)]
    assert first == [f"Story {n}." for n in range(1, 6)]


def test_a_failing_stage_fails_only_its_article(blank_nlp):
    nlp = spacy.blank("en")

    @spacy.Language.component("explode_on_boom")
    def explode_on_boom(doc):
        if "boom" in doc.text:
            raise RuntimeError("stage broke")
        return doc

    nlp.add_pipe("explode_on_boom")
    nlp.add_pipe("dateline_record")
    results = list(
        extract([{"text": "fine"}, {"text": "it went boom"}, {"text": "also fine"}], nlp=nlp)
    )
    assert [r.failed for r in results] == [False, True, False]
    assert results[1].errors[0].code == "internal"
    assert "stage broke" in results[1].errors[0].message


def test_articles_pass_through_unchanged(blank_nlp):
    article = Article(source="mem", text="  Exact\r\ntext\u00a0kept  ", published="2020-01-01")
    [result] = extract(article, nlp=blank_nlp)
    assert result.article.text == "  Exact\r\ntext\u00a0kept  "
    assert result.article.published == "2020-01-01"


def test_all_capitals_text_is_parsed_truecased_but_kept_as_given(blank_nlp):
    text = "SAN SALVADOR, 3 JAN 90 -- THREE PEASANTS WERE KILLED BY TERRORISTS IN SAN MIGUEL."
    article = Article(source="mem", text=text)
    doc = make_doc(blank_nlp, article)
    assert len(doc.text) == len(text) and doc.text.lower() == text.lower()
    assert doc.text != text and "killed" in doc.text
    [result] = extract(article, nlp=blank_nlp)
    assert result.article.text == text


def test_truecasing_can_be_switched_off(blank_nlp):
    text = "THREE PEASANTS WERE KILLED BY TERRORISTS IN SAN MIGUEL DEPARTMENT."
    doc = make_doc(blank_nlp, Article(source="mem", text=text), Options(truecase=False))
    assert doc.text == text


def test_a_tokenizer_failure_fails_only_its_article(blank_nlp):
    lone_surrogate = Article(
        source="mem", text="bad \ud800 text"
    )  # cannot be encoded: the tokenizer fails
    results = list(
        extract([{"text": "fine"}, lone_surrogate, {"text": "also fine"}], nlp=blank_nlp)
    )
    assert [r.failed for r in results] == [False, True, False]


def test_a_stage_problem_reaches_the_record_naming_the_input():
    nlp = spacy.blank("en")
    nlp.add_pipe("dateline_quotes")
    nlp.add_pipe("dateline_record")
    text = "The mayor said: \u201cWe will rebuild every house in this town.\n\nThe end."
    [result] = extract(Article(source="mem/1.txt", text=text), nlp=nlp)
    [found] = [p for p in result.errors if p.code == "unbalanced_quote"]
    assert found.message.startswith("mem/1.txt: ") and not found.fatal
    assert not result.failed
