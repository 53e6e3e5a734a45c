"""Regions and seas on sentences read by the whole pipeline (trained model, packaged gazetteer)."""

from __future__ import annotations

import pytest

from dateline.pipeline import extract
from dateline.record import Article

pytestmark = pytest.mark.model


def result_of(nlp, text: str):
    article = Article(source="test", text=text, published="2024-03-06", published_via="given")
    [result] = extract(article, nlp=nlp)
    return result


def place_named(result, name: str):
    return next(p for p in result.places if p.text.endswith(name))


def test_pirates_in_the_gulf_of_aden_are_placed_at_the_gulf(nlp):
    result = result_of(nlp, "Pirates attacked a tanker in the Gulf of Aden on Monday.")
    gulf = place_named(result, "Gulf of Aden")
    assert (gulf.geonames_id, gulf.feature) == (80303, "region")  # GeoNames' Gulf of Aden
    [event] = result.events
    assert (event.location.name, event.location.precision) == ("Gulf of Aden", "region")


@pytest.mark.parametrize(
    ("text", "name", "geonames_id"),
    [
        ("The minister began a tour of the Middle East on Sunday.", "Middle East", 6269133),
        ("Locusts swept across North Africa this spring.", "North Africa", 7729887),
    ],
)
def test_a_multi_country_region_is_the_region_not_a_homonym(nlp, text, name, geonames_id):
    assert place_named(result_of(nlp, text), name).geonames_id == geonames_id


def test_a_town_in_a_sentence_with_a_region_keeps_its_reading(nlp):
    result = result_of(nlp, "Gunmen killed four farmers in Kaduna, Nigeria, far from the Sahel.")
    town = place_named(result, "Kaduna")
    assert (town.feature, town.country) == ("city", "NG")
    [event] = result.events
    assert event.location.name == "Kaduna" and event.location.precision == "exact"
