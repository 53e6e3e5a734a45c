"""Places on the example article and on the packaged gazetteer (needs the trained model and the
GeoNames data packages; the first use builds the gazetteer cache, tens of seconds once)."""

from __future__ import annotations

import json

import pytest

from dateline.gazetteer import distance_km, load_gazetteer
from dateline.nlp import load_pipeline
from dateline.options import Options
from dateline.pipeline import extract

pytestmark = pytest.mark.model

EXAMPLE = "000_9687f610f3c770fd"
SETTLEMENTS = ["Baghanis Ayrim", "Jamilli", "Karkijahan", "Meshali", "Malibeyli", "Garadaghli",
               "Tugh", "Salakatin"]  # fmt: skip


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


@pytest.fixture(scope="module")
def example(shared_dir):
    (result,) = extract(
        shared_dir / "corpus" / f"{EXAMPLE}.txt", Options(), nlp=load_pipeline(Options())
    )
    gold = json.loads((shared_dir / "gold" / f"{EXAMPLE}.json").read_text(encoding="utf-8"))
    return result, gold["places"]


def test_example_places_match_the_gold(example):
    result, gold = example
    by_text = {}
    for place in result.places:
        by_text.setdefault(place.text, place)
    for expected in gold:
        place = by_text[expected["text"]]
        assert place.country == expected["country"], expected["text"]
        if "lat" in expected:
            km = distance_km(expected["lat"], expected["lon"], place.lat, place.lon)
            assert km <= expected["tolerance_km"], (expected["text"], km)
        if expected.get("kind") == "country":
            assert place.feature == "country"


def test_example_settlement_list_is_recognised_as_places(example):
    result, _ = example
    texts = [p.text for p in result.places]
    assert all(name in texts for name in SETTLEMENTS), texts


def test_example_places_point_into_the_article_text(example):
    result, _ = example
    assert all(result.article.text[p.start : p.end] == p.text for p in result.places)


@pytest.mark.parametrize("spelling", ["Khojaly", "Xocalı", "Khodjaly", "Xocali"])
def test_packaged_gazetteer_knows_khojaly_by_its_spellings(gazetteer, spelling):
    assert 147774 in [e.geonameid for e in gazetteer.lookup(spelling)]


@pytest.mark.parametrize(
    ("name", "country", "feature"),
    [("Azerbaijan", "AZ", "country"), ("Armenia", "AM", "country"), ("U.S.", "US", "country"),
     ("Louisiana", "US", "admin1"), ("Rapides Parish", "US", "admin2"),
     ("Europe", "", "continent")],
)  # fmt: skip
def test_packaged_gazetteer_has_countries_divisions_and_continents(
    gazetteer, name, country, feature
):
    entries = gazetteer.lookup(name, codes=True)
    assert any(e.country == country and e.feature == feature for e in entries)


def test_packaged_gazetteer_points_are_valid_and_demonyms_known(gazetteer):
    for code in ("AZ", "AM", "US", "FR"):
        entry = gazetteer.country(code)
        assert entry is not None and -90 <= entry.lat <= 90 and -180 <= entry.lon <= 180
    assert gazetteer.demonym_country("Armenian") == "AM"
    assert gazetteer.demonym_country("Azerbaijani") == "AZ"
