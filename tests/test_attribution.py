"""Attribution of figures and events: the outlet's own voice or a quoted source (issue 6)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import spacy

from dateline.docext import stage_attr
from dateline.ingest import read_inputs
from dateline.options import Options
from dateline.pipeline import make_doc
from dateline.record import Article, Quote, Speaker
from dateline.stages.attribution import claim_for, holding_quote, outlet_claim

pytestmark = pytest.mark.issue(6)

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "articles" / "000_9687f610f3c770fd.txt"
# Casualty and other figures of the example article, as the events stage will meet them.
FIGURE = re.compile(
    r"\b(?:\d[\d,]*|Eight)\b"
    r"(?= (?:residents|children|women|elderly|people|civilians|families|years))"
)


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def doc_of(nlp, article: Article):
    doc = make_doc(nlp, article)
    return nlp(doc)


def test_outlet_is_the_publisher_else_the_byline():
    assert (
        outlet_claim(Article(source="t", text="x", publisher="Wire", byline=["A B"])).name == "Wire"
    )
    assert outlet_claim(Article(source="t", text="x", byline=["A B"])).name == "A B"
    claim = outlet_claim(Article(source="t", text="x"))
    assert claim.kind == "outlet" and claim.name is None and claim.start is None


def test_the_innermost_quote_holding_the_span_claims_it():
    outer = Quote(0, 100, "direct", Speaker(120, 125, "Ana"))
    inner = Quote(10, 40, "direct", Speaker(130, 135, "Ben"))
    assert holding_quote([outer, inner], 12, 20) is inner
    assert holding_quote([outer, inner], 50, 60) is outer
    assert holding_quote([outer, inner], 90, 110) is None  # crosses the quote's end


def test_figures_in_and_out_of_a_quote(blank):
    text = (
        "Floods hit the valley on Monday and 14 people died, the local paper reported.\n\n"
        "“We counted 230 houses under water,” said the governor.\n\nRoads remain closed."
    )
    doc = doc_of(blank, Article(source="t", text=text, publisher="Valley Times"))
    inside = text.index("230")
    assert claim_for(doc, inside, inside + 3).kind == "source"
    outside = text.index("14")
    assert claim_for(doc, outside, outside + 2) == outlet_claim(doc._.dateline_article)


def test_claims_work_before_the_quotes_stage_has_run(blank):
    text = "“Nine fishermen are missing at sea tonight,” the coastguard said."
    doc = make_doc(blank, Article(source="t", text=text, publisher="Harbour News"))
    assert doc._.get(stage_attr("quotes")) is None
    assert claim_for(doc, text.index("Nine"), text.index("Nine") + 4).kind == "source"


def example_doc(nlp):
    [item] = list(read_inputs([str(EXAMPLE)], Options()))
    assert item.article is not None
    return nlp(make_doc(nlp, item.article))


def test_every_figure_of_the_example_is_the_outlets(blank):
    blank_with_quotes = spacy.blank("en")
    blank_with_quotes.add_pipe("dateline_quotes")
    doc = example_doc(blank_with_quotes)
    spans = [m.span() for m in FIGURE.finditer(doc.text)]
    assert len(spans) >= 9
    for start, end in spans:
        claim = claim_for(doc, start, end)
        assert (claim.kind, claim.name) == ("outlet", "AzerNEWS"), doc.text[start:end]


@pytest.mark.model
def test_with_the_model_the_example_figures_stay_the_outlets_and_the_statement_the_embassys():
    from dateline.nlp import load_pipeline

    doc = example_doc(load_pipeline(Options()))
    for match in FIGURE.finditer(doc.text):
        assert claim_for(doc, *match.span()).name == "AzerNEWS"
    inside = doc.text.index("deepest and most sincere condolences")
    claim = claim_for(doc, inside, inside + 10)
    assert claim.kind == "source" and claim.name == "Embassy of the United States in Azerbaijan"


@pytest.mark.model
def test_with_the_model_according_to_and_said_clauses_claim_their_figures():
    from dateline.nlp import load_pipeline

    nlp = load_pipeline(Options())
    text = (
        "Heavy shelling hit the port city overnight. According to the health ministry, 31 people "
        "were killed. The governor said that 12 children were among the injured. "
        "Rescue teams reached 40 villages by noon."
    )
    doc = nlp(make_doc(nlp, Article(source="t", text=text, publisher="Coast Post")))

    def claim(figure: str):
        return claim_for(doc, text.index(figure), text.index(figure) + len(figure))

    assert (claim("31").kind, claim("31").name) == ("source", "health ministry")
    assert (claim("12").kind, claim("12").name) == ("source", "governor")
    assert (claim("40").kind, claim("40").name) == ("outlet", "Coast Post")
