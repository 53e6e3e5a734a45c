"""Where events are placed: their own sentences' places, else the article's country."""

from __future__ import annotations

import pytest

from dateline.pipeline import extract
from dateline.record import Article, Place
from dateline.stages.event_places import _street

pytestmark = pytest.mark.model


def events_of(nlp, text: str):
    article = Article(source="test", text=text, published="2024-03-06", published_via="given")
    [result] = extract(article, nlp=nlp)
    return result.events


def test_an_event_takes_the_place_its_own_sentence_names(nlp):
    text = "Gunmen killed four farmers in Kaduna, Nigeria on Monday."
    [event] = events_of(nlp, text)
    assert event.location.country == "NG" and event.location.precision != "country"


def test_demonyms_outvote_a_foreign_town_named_in_passing(nlp):
    text = (
        "Kenyan police said gunmen shot dead a Kenyan judge at his home on Monday. "
        "The Kenyan government condemned the murder. "
        "The judge had studied law in London."
    )
    [event] = events_of(nlp, text)
    assert event.location.country == "KE"
    assert event.location.precision == "country" and event.location.lat is None


def test_an_event_without_a_place_or_a_demonym_in_the_article_has_none(nlp):
    text = "Gunmen shot dead a judge at his home on Monday, his family said."
    [event] = events_of(nlp, text)
    assert event.location is None or event.location.country is None


def test_the_place_where_it_happened_beats_the_country_that_spoke(nlp):
    text = "Mexico condemned the killing of six priests in Colombia on Thursday."
    [event] = events_of(nlp, text)
    assert event.location.country == "CO"


def test_a_city_named_in_a_title_does_not_place_the_event(nlp):
    text = "A Havana university professor was shot dead in Bogota on Monday."
    [event] = events_of(nlp, text)
    assert event.location.country == "CO" and event.location.precision == "exact"


def test_the_wire_dateline_votes_once_for_the_articles_country(nlp):
    text = (
        "BERLIN (GERMANY), 5 MAR 24 (DPA) -- [TEXT] GUNMEN SHOT DEAD A KENYAN JUDGE AT HIS "
        "HOME ON MONDAY, HIS FAMILY SAID. THE KENYAN GOVERNMENT CONDEMNED THE MURDER."
    )
    [result] = extract({"text": text}, nlp=nlp)  # read as input: the wire dateline is found
    assert [e.location.country for e in result.events] == ["KE"]


def test_a_foreign_country_named_in_passing_does_not_place_the_event(nlp):
    text = (
        "Kenyan police said the United States condemned the murder of two Kenyan "
        "judges on Monday. The Kenyan government promised an inquiry."
    )
    [event] = events_of(nlp, text)
    assert event.location.country == "KE"


def test_places_named_as_actors_only_break_ties_for_the_articles_country(nlp):
    text = (
        "The United States said on Monday that gunmen had killed a Peruvian mayor. "
        "The United States Congress condemned the murder. Peruvian police are investigating."
    )
    assert {e.location.country for e in events_of(nlp, text)} == {"PE"}


def test_a_place_named_in_passing_still_places_an_event_when_nothing_else_does(nlp):
    text = "Gunmen killed a mayor on Monday, the United States said."
    [event] = events_of(nlp, text)
    assert event.location.country == "US"


def test_from_names_an_origin_not_where_the_event_happened(nlp):
    text = (
        "Chilean police said a priest from Spain was shot dead on Monday. "
        "The Chilean government condemned the murder."
    )
    assert {e.location.country for e in events_of(nlp, text)} == {"CL"}


def test_a_place_abroad_named_only_in_a_later_sentence_tells_what_followed(nlp):
    text = (
        "Kenyan police said gunmen shot dead a judge at his home on Monday. "
        "His bodyguard, wounded in the attack, is being treated at a hospital in London."
    )
    [event] = events_of(nlp, text)
    assert len(event.evidence) == 2
    assert event.location.country == "KE"


def test_a_later_sentence_places_the_incident_in_the_articles_country(nlp):
    text = (
        "Kenyan police said gunmen shot dead a judge on Monday. "
        "The attack took place at his home in Nakuru."
    )
    [event] = events_of(nlp, text)
    assert event.location.country == "KE" and event.location.precision != "country"


def test_a_street_named_after_a_town_does_not_place_the_event_there(nlp):
    text = "Chilean police said a bomb exploded at Alameda Street on Monday, killing two people."
    [event] = events_of(nlp, text)
    assert event.location.country == "CL"


@pytest.mark.parametrize(
    ("text", "name", "street"),
    [
        ("A BOMB WENT OFF AT SERRANO AND TARAPACA STREETS.", "SERRANO", True),
        ("A BOMB WENT OFF AT SERRANO AND TARAPACA STREETS.", "TARAPACA", True),
        ("Shots were fired on Boyaca Avenue.", "Boyaca", True),
        ("Shots were fired on Alameda Street.", "Alameda Street", True),
        ("Shots were fired in Lima and on the main avenue.", "Lima", False),
        ("Shots were fired in Lima.", "Lima", False),
    ],
)
def test_a_name_followed_by_street_names_a_street(text, name, street):
    start = text.index(name)
    place = Place(start, start + len(name), name, name, 1, "XX", 0.0, 0.0, "city")
    assert _street(text, place) is street
