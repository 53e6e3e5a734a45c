"""The tense that picks a weekday's week, read from the tagger (needs the model: `model`)."""

from __future__ import annotations

import pytest

from dateline.pipeline import extract
from dateline.record import Article

pytestmark = pytest.mark.model

THURSDAY = "1989-11-02"


def weekday_value(nlp, text: str, word: str) -> str | None:
    article = Article(source="test", text=text, published=THURSDAY, published_via="given")
    [result] = extract(article, nlp=nlp)
    return next(t.value for t in result.times if t.text == word)


@pytest.mark.parametrize(
    "text",
    [
        "The sale of the unit is scheduled to close Monday.",
        "The company is to resume trading in its shares Monday.",
    ],
)
def test_an_infinitive_of_plans_looks_ahead(nlp, text):
    assert weekday_value(nlp, text, "Monday") == "1989-11-06"


def test_a_past_clause_looks_back(nlp):
    assert weekday_value(nlp, "The unit closed its doors Monday.", "Monday") == "1989-10-30"
