"""Events assembled from triggers, figures, times, places and quotes (needs the parser: `model`)."""

from __future__ import annotations

import json

import pytest

from dateline.pipeline import extract
from dateline.record import Article

pytestmark = pytest.mark.model


def events_of(nlp, text: str, published: str = "2024-03-06"):
    article = Article(source="test", text=text, published=published, published_via="given")
    [result] = extract(article, nlp=nlp)
    return result


def test_three_incidents_in_one_report_are_three_events(nlp):
    text = (
        "Gunmen killed four farmers in Kaduna on Monday. "
        "Meanwhile, a bomb exploded in a market in Maiduguri on Tuesday, wounding 12 people. "
        "In another incident, police arrested 30 protesters in Lagos on Wednesday."
    )
    result = events_of(nlp, text)
    assert len(result.events) == 3
    assert [e.type for e in result.events] == [
        "violence_against_civilians", "explosions_remote_violence", "strategic_developments",
    ]  # fmt: skip
    assert [e.date.start for e in result.events] == ["2024-03-04", "2024-03-05", "2024-03-06"]


def test_the_same_incident_told_twice_is_one_event(nlp):
    text = (
        "Gunmen attacked the village of Tudun Wada on Sunday, killing seven people. "
        "The attack began at dawn, residents said. Five of the dead were children."
    )
    result = events_of(nlp, text)
    assert len(result.events) == 1
    killed = [f for f in result.events[0].figures if f.category == "killed"]
    assert [f.value for f in killed][:1] == [7]


def test_threats_denials_and_plans_are_not_events(nlp):
    text = (
        "The group threatened to kill hundreds of hostages. The army denied killing civilians. "
        "Officials said the talks would resume next week."
    )
    assert events_of(nlp, text).events == []


def test_an_article_without_violence_has_no_event(nlp):
    text = "The central bank kept interest rates unchanged on Thursday, citing slowing inflation."
    result = events_of(nlp, text)
    assert result.events == [] and result.errors == []


def test_a_recalled_massacre_is_its_own_historical_event(nlp):
    text = (
        "Gunmen killed five villagers in Kaduna on Monday. "
        "In 2014, a massacre in the same area left 40 people dead."
    )
    events = events_of(nlp, text).events
    assert len(events) == 2
    assert [e.historical for e in events] == [False, True]
    assert events[1].date.start.startswith("2014")


def test_figures_keep_their_own_source(nlp):
    text = (
        "Soldiers clashed with rebels near Goma on Friday. "
        "The army said 12 rebels were killed, while a rebel spokesman said three soldiers died."
    )
    events = events_of(nlp, text).events
    assert len(events) == 1
    claims = {f.value: f.claimed_by.kind for f in events[0].figures}
    assert claims.get(12) == "source"


def test_example_article_yields_the_gold_event(nlp, shared_dir):
    gold = json.loads((shared_dir / "gold" / "000_9687f610f3c770fd.json").read_text())
    [result] = extract(shared_dir / "corpus" / "000_9687f610f3c770fd.txt", nlp=nlp)
    [event] = result.events
    [expected] = gold["events"]
    assert event.type == expected["type"]
    assert (event.date.start, event.date.end) == (
        expected["date"]["start"],
        expected["date"]["end"],
    )
    assert event.historical is expected["historical"]
    assert event.location.name == expected["location"]["name"]
    assert event.location.country == expected["location"]["country"]
    assert event.claimed_by.kind == "outlet" and event.claimed_by.name == "AzerNEWS"
    casualties = [(f.category, f.value, f.group) for f in event.figures]
    for figure in expected["figures"]:
        assert (figure["category"], figure["value"], figure.get("group")) in casualties, figure
    names = {(a.role, a.name) for a in event.actors}
    assert ("perpetrator", "Armenian armed forces") in names
    assert any(role == "supporter" and "366th Motor Rifle Regiment" in n for role, n in names)
    assert all(f.claimed_by.kind == "outlet" for f in event.figures)
    kinds = {(c.kind, c.status) for c in result.checks}
    assert {("anniversary", "consistent"), ("subtotal", "consistent")} <= kinds


def test_a_reaction_still_reports_the_event_it_condemns(nlp):
    text = "The government on Friday condemned the assassination of six priests in the capital."
    events = events_of(nlp, text, published="2024-03-09").events
    assert len(events) == 1 and events[0].sub_type == "attack"


def test_a_wire_dateline_in_the_first_sentence_does_not_date_its_event(nlp):
    text = (
        "MOSUL, March 7, 2024 (Reuters) - A car bomb exploded at a market in Mosul on "
        "March 5, killing 26 people, police said."
    )
    [result] = extract([{"text": text, "id": "wire"}], nlp=nlp)
    assert result.article.published_via == "text"
    [event] = result.events
    assert (event.date.start, event.date.basis) == ("2024-03-05", "relative")
    [figure] = event.figures
    assert figure.claimed_by is not None and figure.claimed_by.name == "police"


def test_deaths_in_an_accident_are_no_violent_event(nlp):
    text = "A cargo plane crashed near the airport on Monday, killing three crewmen."
    assert events_of(nlp, text).events == []
    bombed = "A bomb exploded on the bus on Monday, and the bus crashed, killing 12 passengers."
    assert [e.type for e in events_of(nlp, bombed).events] == ["explosions_remote_violence"]


def test_the_hurt_of_an_accident_and_what_its_next_sentence_tells_are_no_event(nlp):
    hurt = "A light plane crashed in the hills on Monday, and its pilot was injured."
    assert events_of(nlp, hurt).events == []
    told_on = (
        "A cargo plane made an emergency landing near the airport on Monday, killing its pilot. "
        "The mechanic was seriously injured. "
        "Meanwhile, gunmen killed two farmers in the village of Tudun Wada."
    )
    [event] = events_of(nlp, told_on).events
    assert [f.value for f in event.figures] == [2]


def test_a_year_a_later_sentence_names_in_passing_does_not_date_the_incident(nlp):
    text = (
        "A car bomb exploded outside the bank, killing three people. "
        "Police said the car used in the attack was a 1981 blue sedan."
    )
    [event] = events_of(nlp, text).events
    assert (event.date.start, event.date.basis) == ("2024-03-06", "publication")
    recent = text.replace("1981", "2023")  # a date less than a year back may be the incident's
    [event] = events_of(nlp, recent).events
    assert event.date.start == "2023-01-01"


def test_a_murder_during_fighting_is_violence_against_civilians(nlp):
    text = (
        "Heavy fighting broke out in the northern district on Monday. "
        "A union leader was murdered in the district during the fighting, his family said."
    )
    assert [e.type for e in events_of(nlp, text).events] == ["violence_against_civilians"]


def test_an_attack_on_an_army_patrol_is_a_battle(nlp):
    patrol = "Rebels attacked an army patrol near the river on Monday, killing two people."
    assert [e.type for e in events_of(nlp, patrol).events] == ["battles"]
    village = "Rebels attacked a village near the river on Monday, killing two people."
    assert [e.type for e in events_of(nlp, village).events] == ["violence_against_civilians"]
