"""The gazetteer index, its cache and the resolver, on a small hand-made gazetteer (no packages)."""

from __future__ import annotations

import math
import pickle

import pytest

from dateline.gazetteer import Entry, Gazetteer, distance_km, fold, valid_coordinates
from dateline.gazetteer import load as gazetteer_load
from dateline.gazetteer.index import MAX_NAME_CHARS
from dateline.gazetteer.resolve import Mention, candidates, resolve

LOUISIANA, MINNESOTA, XOCALI_RAYON = 4331987, 5037779, 148449


def tiny_gazetteer() -> Gazetteer:
    """A few real GeoNames entries (ids, points, populations), enough for the rules under test."""
    named = [
        (Entry(147774, "Khojaly", "AZ", 39.91361, 46.79213, "city", 5810, XOCALI_RAYON),
         ["Khojaly", "Xocalı", "Khodjaly", "Ходжалы"]),
        (Entry(XOCALI_RAYON, "Xocalı", "AZ", 39.93, 46.81, "admin1", 7449), ["Xocalı", "Khojaly"]),
        (Entry(587116, "Azerbaijan", "AZ", 40.5, 47.5, "country", 10_224_900), ["Azerbaijan"]),
        (Entry(174982, "Armenia", "AM", 40.0, 45.0, "country", 3_090_500), ["Armenia"]),
        (Entry(3689560, "Armenia", "CO", 4.53656, -75.67263, "city", 304_314), ["Armenia"]),
        (Entry(6252001, "United States", "US", 39.76, -98.5, "country", 327_167_434),
         ["United States", "America"]),
        (Entry(361058, "Alexandria", "EG", 31.20176, 29.91582, "city", 5_263_542), ["Alexandria"]),
        (Entry(4314550, "Alexandria", "US", 31.31129, -92.44514, "city", 47_889, LOUISIANA),
         ["Alexandria"]),
        (Entry(5037779 + 1, "Alexandria", "US", 45.88524, -95.37754, "city", 11_843, MINNESOTA),
         ["Alexandria"]),
        (Entry(LOUISIANA, "Louisiana", "US", 31.18, -91.79, "admin1", 3_144_142),
         ["Louisiana", "La."]),
        (Entry(MINNESOTA, "Minnesota", "US", 45.7, -94.2, "admin1", 4_500_000),
         ["Minnesota", "Minn."]),
        (Entry(4338356, "Rapides Parish", "US", 31.196, -92.417, "admin2", 74_022, LOUISIANA),
         ["Rapides Parish"]),
        (Entry(3019766, "Eu", "FR", 50.04606, 1.42079, "city", 7_000), ["Eu"]),
        (Entry(2988507, "Paris", "FR", 48.85341, 2.3488, "city", 2_138_551, capital=True),
         ["Paris"]),
        (Entry(4717560, "Paris", "US", 33.66094, -95.55551, "city", 24_782), ["Paris"]),
        (Entry(4407066, "St. Louis", "US", 38.62727, -90.19789, "city", 315_685), ["St. Louis"]),
        (Entry(5368361, "Los Angeles", "US", 34.05223, -118.24368, "city", 3_820_914),
         ["Los Angeles", "L.A."]),
    ]  # fmt: skip
    return Gazetteer.from_entries(
        named,
        demonyms={"Armenian": "AM", "Azerbaijani": "AZ", "American": "US"},
        codes={"US": "US", "USA": "US"},
        abbreviations=["La.", "Minn."],
    )


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return tiny_gazetteer()


def resolved_ids(gazetteer: Gazetteer, *texts: str) -> list[int | None]:
    mentions = [Mention(i * 20, i * 20 + len(t), t) for i, t in enumerate(texts)]
    return [r.entry.geonameid if r.entry else None for r in resolve(gazetteer, mentions)]


# Folding and lookup -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Xocalı", "xocali"),
        ("KHOJALY", "khojaly"),
        ("U.S.", "us"),
        ("St. Louis", "st louis"),
        ("Nagorno-Karabakh", "nagorno karabakh"),
        ("Łódź", "lodz"),
        ("  São   Paulo ", "sao paulo"),
    ],
)
def test_fold_removes_case_accents_and_punctuation(name, key):
    assert fold(name) == key


@pytest.mark.parametrize("name", ["", "x" * (MAX_NAME_CHARS + 1), "...", "   "])
def test_fold_of_empty_or_absurd_names_is_empty(name):
    assert fold(name) == ""


@pytest.mark.parametrize(
    "spelling", ["Khojaly", "Xocalı", "Xocali", "Khodjaly", "KHOJALY", "Ходжалы"]
)
def test_transliterations_reach_the_same_place(gazetteer, spelling):
    assert 147774 in [e.geonameid for e in gazetteer.lookup(spelling)]


def test_saint_and_st_spellings_are_both_indexed(gazetteer):
    assert gazetteer.lookup("Saint Louis")[0].geonameid == 4407066


def test_country_codes_are_only_consulted_on_request(gazetteer):
    assert gazetteer.lookup("USA") == []
    assert [e.country for e in gazetteer.lookup("USA", codes=True)] == ["US"]


@pytest.mark.parametrize(
    ("word", "country"),
    [
        ("Armenian", "AM"),
        ("Azerbaijanis", "AZ"),
        ("AMERICANS", "US"),
        ("Martian", None),
        ("", None),
    ],
)
def test_demonyms_map_to_countries(gazetteer, word, country):
    assert gazetteer.demonym_country(word) == country


def test_a_demonym_shared_with_territories_names_the_country():
    from dateline.gazetteer.build import country_demonyms, read_countryinfo

    demonyms = country_demonyms(read_countryinfo())  # the packaged data the build reads
    assert [demonyms.get(w) for w in ("French", "Norwegian", "Chinese", "Dutch")] == [
        "FR",
        "NO",
        "CN",
        "NL",
    ]


@pytest.mark.parametrize(
    "name", ["", "\x00", "Khojaly" * 50, "ﷺ", "🙂🙂", "Ходжалы-" * 30, "Xoсalı"]
)
def test_lookups_of_bad_names_find_nothing_and_do_not_crash(gazetteer, name):
    # "Xoсalı" has a Cyrillic letter inside: a mixed-script spelling is not a known name.
    assert gazetteer.lookup(name, codes=True) == []


# Coordinates --------------------------------------------------------------------------------


def test_distance_between_known_points():
    assert distance_km(39.91361, 46.79213, 40.37767, 49.89201) == pytest.approx(268, abs=5)


@pytest.mark.parametrize(
    ("lat", "lon", "valid"),
    [(39.9, 46.8, True), (91.0, 0.0, False), (0.0, 181.0, False), (math.nan, 0.0, False),
     (None, 1.0, False), (math.inf, 0.0, False), ("x", 1.0, False)],
)  # fmt: skip
def test_coordinates_that_do_not_exist_are_invalid(lat, lon, valid):
    assert valid_coordinates(lat, lon) is valid


def test_distance_of_nonsense_is_nan_not_an_exception():
    assert math.isnan(distance_km("a", 0, 0, 0))  # type: ignore[arg-type]


# Resolution ---------------------------------------------------------------------------------


def test_unknown_names_resolve_to_nothing(gazetteer):
    results = resolve(gazetteer, [Mention(0, 9, "Atlantis"), Mention(10, 10, "")])
    assert [(r.entry, r.confidence) for r in results] == [(None, 0.0), (None, 0.0)]


def test_country_beats_a_same_named_city_and_context_keeps_it(gazetteer):
    assert resolved_ids(gazetteer, "Armenia", "Azerbaijan") == [174982, 587116]


def test_a_town_wins_over_the_division_named_after_it(gazetteer):
    pool = [e.geonameid for e, _ in candidates(gazetteer, "Khojaly")]
    assert pool == [147774]
    assert resolved_ids(gazetteer, "Khojaly") == [147774]


def test_alone_the_biggest_homonym_wins_with_low_confidence(gazetteer):
    (result,) = resolve(gazetteer, [Mention(0, 10, "Alexandria")])
    assert result.entry.country == "EG"
    assert result.confidence < 0.95


def test_other_places_in_the_article_pick_the_local_homonym(gazetteer):
    assert resolved_ids(gazetteer, "Alexandria", "Rapides Parish")[0] == 4314550
    assert resolved_ids(gazetteer, "Alexandria", "Minnesota")[0] == MINNESOTA + 1


def test_a_qualifier_after_a_comma_decides(gazetteer):
    (result,) = resolve(gazetteer, [Mention(0, 10, "Alexandria", qualifier="La.")])
    assert result.entry.geonameid == 4314550


def test_capitals_are_preferred(gazetteer):
    assert resolved_ids(gazetteer, "Paris") == [2988507]


def test_abbreviations_do_not_match_names_in_other_case(gazetteer):
    assert resolved_ids(gazetteer, "EU") == [None]
    assert resolved_ids(gazetteer, "US") == [6252001]


def test_each_resolution_carries_a_confidence_between_0_and_1(gazetteer):
    for result in resolve(
        gazetteer, [Mention(0, 5, n) for n in ["Paris", "Armenia", "Eu", "Nowhere"]]
    ):
        assert 0.0 <= result.confidence <= 1.0


# The cache ----------------------------------------------------------------------------------


@pytest.fixture
def fake_build(monkeypatch):
    """Replace the (slow, package-reading) build with the tiny gazetteer, counting calls."""
    calls = []

    def build():
        calls.append(1)
        return tiny_gazetteer()

    monkeypatch.setattr("dateline.gazetteer.build.build_gazetteer", build)
    monkeypatch.setattr(gazetteer_load, "_loaded", {})
    return calls


def test_the_index_is_built_once_then_read_from_the_cache(tmp_path, fake_build):
    first = gazetteer_load.load_gazetteer(tmp_path)
    assert gazetteer_load.cache_path(tmp_path).exists()
    gazetteer_load._loaded.clear()
    second = gazetteer_load.load_gazetteer(tmp_path)
    assert fake_build == [1]
    assert second.lookup("Khojaly") == first.lookup("Khojaly")


def test_a_corrupt_cache_file_is_rebuilt_not_trusted(tmp_path, fake_build):
    path = gazetteer_load.cache_path(tmp_path)
    path.write_bytes(b"not a pickle")
    assert len(gazetteer_load.load_gazetteer(tmp_path)) == len(tiny_gazetteer())
    assert fake_build == [1]
    with path.open("rb") as handle:
        assert isinstance(pickle.load(handle), Gazetteer)


def test_an_unwritable_cache_still_gives_a_gazetteer(tmp_path, fake_build):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache folder should be")
    assert len(gazetteer_load.load_gazetteer(blocked)) > 0


def test_the_cache_folder_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("DATELINE_CACHE", str(tmp_path))
    assert gazetteer_load.default_cache_dir() == tmp_path
    monkeypatch.delenv("DATELINE_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert gazetteer_load.default_cache_dir() == tmp_path / "xdg" / "dateline"


def test_nearness_counts_the_other_names_likely_readings_close_by(gazetteer):
    from dateline.gazetteer.context import nearness

    louisiana_town, egypt_city = gazetteer.get(4314550), gazetteer.get(361058)
    rapides = [(31.196, -92.417, 0.9)]  # another name's likeliest reading, 15 km away
    assert nearness(louisiana_town, [rapides]) == pytest.approx(0.9)
    assert nearness(egypt_city, [rapides]) == 0.0
    assert nearness(louisiana_town, [[(35.0, -92.4, 1.0)]]) == 0.0  # 410 km: too far


def test_a_generic_last_word_is_dropped_when_the_full_name_is_unknown(gazetteer):
    assert resolved_ids(gazetteer, "Louisiana State") == [LOUISIANA]


# Build helpers (pure functions: no package data read) -----------------------------------------


def test_a_division_point_is_the_centre_of_its_towns_hull_not_where_they_cluster():
    from dateline.gazetteer.geometry import hull_centroid

    # A square region whose towns crowd into its south-west corner: the centre of the square,
    # where the towns' mean would sit near the crowd.
    crowd = [(0.1 * i, 0.1 * j) for i in range(5) for j in range(5)]
    corners = [(0.0, 10.0), (10.0, 0.0), (10.0, 10.0)]
    lats = [lat for lat, _ in crowd + corners]
    lons = [lon for _, lon in crowd + corners]
    assert hull_centroid(lats, lons) == pytest.approx((5.0, 5.0), abs=0.01)
    assert hull_centroid([5.0], [7.0]) == (5.0, 7.0)
    assert hull_centroid([1.0, 2.0, 3.0], [1.0, 2.0, 3.0]) == (2.0, 2.0)  # a line: the mean


def test_a_hull_across_the_antimeridian_is_centred_there_not_on_the_other_side():
    from dateline.gazetteer.geometry import hull_centroid

    lat, lon = hull_centroid([-16.0, -18.0, -17.0, -16.5], [179.0, 179.5, -179.5, -179.0])
    assert -18.0 < lat < -16.0 and abs(lon) > 179.0


def test_polygon_centroid_and_bad_geojson():
    from dateline.gazetteer.geometry import main_polygon_centroid, ring_centroid

    square = [[0.0, 0.0], [2.0, 0.0], [2.0, 2.0], [0.0, 2.0]]
    assert ring_centroid(square)[:2] == pytest.approx((1.0, 1.0))
    geojson = {"features": [{"geometry": {"type": "Polygon", "coordinates": [square]}}]}
    assert main_polygon_centroid(geojson) == pytest.approx((1.0, 1.0))
    for bad in (None, "not python", {"features": [{}]}, str(geojson)[:-3]):
        assert main_polygon_centroid(bad) is None


def test_short_codes_and_foreign_scripts_are_not_kept_as_alternate_names():
    from dateline.gazetteer.build import keep_alternate

    assert keep_alternate("Khodjaly") and keep_alternate("Xocalı") and keep_alternate("L.A.")
    assert not keep_alternate("LAX") and not keep_alternate("Ходжалы") and not keep_alternate("ab")


def test_initials_with_periods_are_not_a_state_abbreviated_otherwise(gazetteer):
    assert resolved_ids(gazetteer, "L.A.") == [5368361]  # Los Angeles, not Louisiana ("La.")
    assert resolved_ids(gazetteer, "La.") == [LOUISIANA]
    assert resolved_ids(gazetteer, "Minn") == [MINNESOTA]  # a sentence's period taken off


def test_writing_a_new_cache_removes_stale_ones(tmp_path, fake_build):
    stale = tmp_path / "gazetteer-0-000000000000.pickle"
    stale.write_bytes(b"old")
    gazetteer_load.load_gazetteer(tmp_path)
    assert not stale.exists() and gazetteer_load.cache_path(tmp_path).exists()


def test_a_known_place_inside_an_unknown_name_answers_with_less_confidence(gazetteer):
    (inner,) = resolve(gazetteer, [Mention(0, 25, "Rapides Parish Jail")])
    (whole,) = resolve(gazetteer, [Mention(0, 14, "Rapides Parish")])
    assert inner.entry.geonameid == whole.entry.geonameid == 4338356
    assert inner.confidence == whole.confidence / 2


def test_an_unknown_name_without_a_feature_word_is_not_cut_down_to_a_known_one(gazetteer):
    # "Khojaly Ayrim" would be another village than Khojaly: no answer beats a wrong one.
    assert resolved_ids(gazetteer, "Khojaly Ayrim") == [None]


def test_a_feature_word_alone_is_not_the_place_inside_a_name():
    named = [(Entry(1, "Eastern", "UG", 1.0, 33.0, "admin1", 1000), ["Eastern"])]
    gazetteer = Gazetteer.from_entries(named)
    assert resolved_ids(gazetteer, "Eastern Ghouta") == [None]


def test_a_name_qualified_once_keeps_that_reading_where_it_is_repeated_bare(gazetteer):
    mentions = [Mention(0, 10, "Alexandria", qualifier="La."), Mention(40, 50, "Alexandria")]
    assert [r.entry.geonameid for r in resolve(gazetteer, mentions)] == [4314550, 4314550]
    mentions.append(Mention(60, 70, "Alexandria", qualifier="Minn."))  # two readings: no rule
    assert resolve(gazetteer, mentions)[1].entry.geonameid == 361058


def test_a_country_or_division_inside_an_unknown_name_places_it_a_town_alone_does_not(gazetteer):
    assert resolved_ids(gazetteer, "Rapides Parish Elections") == [4338356]
    assert resolved_ids(gazetteer, "Politics Azerbaijan") == [587116]
    assert resolved_ids(gazetteer, "Louisiana Lottery") == [LOUISIANA]
    assert resolved_ids(gazetteer, "Paris Hilton") == [None]  # a town's name is no such sign
    assert resolved_ids(gazetteer, "Latin America") == [None]  # a country's other name neither


def test_town_is_a_feature_word_not_the_place_inside_a_town_hall():
    named = [
        (Entry(5145476, "Whitestown", "US", 43.1254, -75.3391, "city", 6_013), ["Whitestown"]),
        (Entry(1000001, "Town", "ZA", -30.0, 25.0, "city", 9_000), ["Town"]),
    ]
    places = Gazetteer.from_entries(named)
    assert resolved_ids(places, "Whitestown Town Hall") == [5145476]
