"""How mentions become events and who the events' actors are (needs the parser: `model`)."""

from __future__ import annotations

import pytest

from dateline.nlp import load_pipeline
from dateline.pipeline import extract
from dateline.record import Article

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def events_of(nlp, text: str, published: str = "2024-03-06"):
    article = Article(source="test", text=text, published=published, published_via="given")
    [result] = extract(article, nlp=nlp)
    return result.events


def _perpetrators(event) -> list[str]:
    return [a.name for a in event.actors if a.role == "perpetrator"]


@pytest.mark.parametrize(
    "text",
    [
        "A car bomb killed five shoppers in the market on Monday.",
        "The explosion wounded twelve passengers on Monday.",
        "Three passengers were killed by a grenade on Monday.",
    ],
)
def test_a_weapon_or_the_violence_itself_is_no_perpetrator(nlp, text):
    [event] = events_of(nlp, text)
    assert _perpetrators(event) == []


def test_who_used_the_weapon_is_the_perpetrator(nlp):
    [event] = events_of(nlp, "Rebels killed five shoppers with a car bomb on Monday.")
    assert _perpetrators(event) == ["Rebels"]
