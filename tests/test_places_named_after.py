"""A town found in the article is a place again where it opens the name of an organisation or
facility named after it ("the Brookport Fire Department"); Docs built by hand, no model."""

from __future__ import annotations

import pytest
import spacy

from dateline.gazetteer import Entry, Gazetteer
from test_places import doc_with, found

BROOKPORT, ILLINOIS = 9_000_060, 4896861  # the town is made up


@pytest.fixture(scope="module")
def gazetteer():
    named = [
        (Entry(BROOKPORT, "Brookport", "US", 37.12, -88.63, "city", 30_000, ILLINOIS),
         ["Brookport"]),
        (Entry(ILLINOIS, "Illinois", "US", 40.0, -89.25, "admin1", 12_830_632), ["Illinois"]),
    ]  # fmt: skip
    return Gazetteer.from_entries(named)


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("en")


def places_in(nlp, gazetteer, text: str, organisation: str) -> list[tuple[str, int | None]]:
    ents = {"Brookport": "GPE", "Illinois": "GPE", organisation: "ORG"}
    return found(doc_with(nlp, text, ents), gazetteer)


def test_a_town_opening_an_organisations_name_is_a_place(nlp, gazetteer):
    text = "Fire crews reached Brookport, Illinois. The Brookport Fire Department said so."
    places = places_in(nlp, gazetteer, text, "The Brookport Fire Department")
    assert places == [
        ("Brookport", BROOKPORT), ("Illinois", ILLINOIS), ("Brookport", BROOKPORT)
    ]  # fmt: skip


@pytest.mark.parametrize(
    "organisation",
    [
        "Brookport's Books",  # an owner's name
        "Brookport-Paris Exchange",  # one of two joined names
        "First Bank of Brookport",  # not where the name opens
    ],
)
def test_an_owner_a_joined_name_or_a_town_inside_stays_part_of_the_name(
    nlp, gazetteer, organisation
):
    text = f"Fire crews reached Brookport, Illinois. {organisation} opened on Monday."
    places = places_in(nlp, gazetteer, text, organisation)
    assert places == [("Brookport", BROOKPORT), ("Illinois", ILLINOIS)]
