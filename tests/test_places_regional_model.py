"""Waters, gulfs and organisations named after towns on sentences read by the whole pipeline
(trained model, packaged gazetteer)."""

from __future__ import annotations

import pytest

from dateline.pipeline import extract
from dateline.record import Article

pytestmark = pytest.mark.model

ATLANTIC_OCEAN, PACIFIC_OCEAN, PERSIAN_GULF = 3373405, 2363254, 235616


def places_of(nlp, text: str) -> dict[str, tuple[int | None, str | None]]:
    article = Article(source="test", text=text, published="2024-03-06", published_via="given")
    [result] = extract(article, nlp=nlp)
    return {p.text: (p.geonames_id, p.feature) for p in result.places}


def test_the_bare_name_of_an_ocean_after_a_determiner_is_the_ocean(nlp):
    found = places_of(nlp, "Forecasters expect an active hurricane season in the Atlantic.")
    assert found["Atlantic"] == (ATLANTIC_OCEAN, "region")


def test_a_modified_ocean_name_is_the_ocean(nlp):
    found = places_of(nlp, "Fishermen said cold water spread across the eastern Pacific in May.")
    assert (PACIFIC_OCEAN, "region") in found.values()


def test_the_gulf_beside_qatar_is_the_persian_gulf(nlp):
    found = places_of(nlp, "The prince met the emir of Qatar, a US ally in the Gulf, on Monday.")
    assert found["Gulf"] == (PERSIAN_GULF, "region")
