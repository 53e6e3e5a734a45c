"""How mentions become events and who the events' actors are (needs the parser: `model`)."""

from __future__ import annotations

import pytest

from dateline.pipeline import extract
from dateline.record import Article

pytestmark = pytest.mark.model


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


def test_a_figure_goes_with_the_incident_whose_clause_counts_it(nlp):
    text = (
        "Rebels killed 3 farmers near the river on Monday, a year after they massacred "
        "20 villagers in the same valley in March 2023."
    )
    events = events_of(nlp, text)
    counted = {e.date.start: [f.value for f in e.figures if f.category == "killed"] for e in events}
    assert counted == {"2024-03-04": [3], "2023-03-01": [20]}


def test_later_words_of_an_older_incident_join_it_not_todays(nlp):
    text = "Gunmen shot dead 4 traders in the market on Monday; in 2019 a bomb killed 12 shoppers."
    events = events_of(nlp, text)
    assert [(e.date.start, [f.value for f in e.figures]) for e in events] == [
        ("2024-03-04", [4]), ("2019-01-01", [12]),
    ]  # fmt: skip
