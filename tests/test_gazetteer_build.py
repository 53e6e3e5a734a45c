"""Building the gazetteer: how areas the packages give no point for are placed (no packages)."""

from __future__ import annotations

import pickle

from dateline.gazetteer import Entry, Gazetteer
from dateline.gazetteer.build import Division, names_a_kind_of_part, reach_borders
from dateline.gazetteer.geometry import NearestPoint, hull_centroid, outer_rings


def square(lat0: float, lon0: float, lat1: float, lon1: float) -> list[list[float]]:
    """A closed GeoJSON ring ([lon, lat]) around the box."""
    return [[lon0, lat0], [lon1, lat0], [lon1, lat1], [lon0, lat1], [lon0, lat0]]


def outline(*rings: list[list[float]]) -> dict:
    polygons = [[ring] for ring in rings]
    return {"features": [{"geometry": {"type": "MultiPolygon", "coordinates": polygons}}]}


def test_the_nearest_point_is_found_within_reach_and_nothing_beyond():
    points = NearestPoint([(10.0, 10.0, "a"), (10.0, 12.0, "b"), (30.0, 10.0, "c")])
    assert points.nearest(10.0, 10.4, 500) == "a"
    assert points.nearest(10.0, 11.6, 500) == "b"
    assert points.nearest(20.0, 10.0, 500) is None  # 1,100 km from the nearest
    assert points.nearest(20.0, 10.0, 1500) in {"a", "c"}


def test_the_nearest_point_is_found_across_the_antimeridian():
    points = NearestPoint([(-17.0, 179.8, "east"), (-17.0, 175.0, "west")])
    assert points.nearest(-17.0, -179.9, 300) == "east"


def test_the_nearest_point_near_a_pole_is_found_without_searching_the_whole_globe():
    points = NearestPoint([(80.0, 20.0, "svalbard"), (80.0, 100.0, "far")])
    assert points.nearest(81.0, 30.0, 400) == "svalbard"
    assert points.nearest(81.0, 60.0, 400) is None


def test_outer_rings_of_bad_geojson_are_empty():
    assert outer_rings(outline(square(0, 0, 1, 1))) == [
        [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0), (0.0, 0.0)]
    ]
    for bad in (None, "", "{", {"features": [{"geometry": {}}]}, 42):
        assert outer_rings(bad) == []


def division(row: int, towns: list[tuple[float, float]]) -> Division:
    made = Division(row, 1000 + row, f"Division {row}", [], 1, 0, "XX", str(row))
    made.lats = [lat for lat, _ in towns]
    made.lons = [lon for _, lon in towns]
    return made


def test_a_division_whose_towns_sit_at_one_end_is_centred_on_its_land():
    # A country 0..10 N, 0..4 E: the south division's towns fill 0..2 N, the north division's
    # towns cluster at 6..7 N although its land (nearest them) runs to the border at 10 N.
    south = division(1, [(0.5, 0.5), (0.5, 3.5), (1.5, 2.0), (2.0, 0.5), (2.0, 3.5)])
    north = division(2, [(6.0, 1.0), (6.0, 3.0), (7.0, 2.0)])
    info = {"XX": {"geoJSON": outline(square(0, 0, 10, 4))}}
    towns_only = hull_centroid(north.lats, north.lons)
    reach_borders({1: south, 2: north}, info)
    assert (10.0, 0.0) in north.border and (0.0, 0.0) in south.border
    lat, _ = hull_centroid(
        north.lats + [p[0] for p in north.border], north.lons + [p[1] for p in north.border]
    )
    assert towns_only[0] < 6.5 < lat


def test_border_far_from_every_town_belongs_to_no_division():
    # An island 20 degrees (2,200 km) from the only town: no division reaches it.
    only = division(1, [(0.5, 0.5), (1.0, 1.0), (0.5, 1.0)])
    info = {"XX": {"geoJSON": outline(square(0, 0, 1, 2), square(20, 0, 21, 1))}}
    reach_borders({1: only}, info)
    assert only.border and all(lat < 2 for lat, _ in only.border)


def test_a_country_without_an_outline_leaves_its_divisions_on_their_towns():
    only = division(1, [(0.5, 0.5), (1.0, 1.0)])
    reach_borders({1: only}, {})
    assert only.border == []


def test_second_level_divisions_keep_the_hull_of_their_towns():
    county = division(1, [(0.5, 0.5), (1.0, 1.0), (0.5, 1.0)])
    county.level = 2
    reach_borders({1: county}, {"XX": {"geoJSON": outline(square(0, 0, 2, 2))}})
    assert county.border == []


def test_the_column_store_gives_back_each_entry_as_added_and_survives_pickling():
    asia = Entry(6255147, "Asia", "", 29.84, 89.3, "continent", 3_812_366_000)
    springfield_il = Entry(4250542, "Springfield", "US", 39.80, -89.64, "city", 116_250, 4896861)
    springfield_mo = Entry(4409896, "Springfield", "US", 37.22, -93.30, "city", 166_810, 4398678)
    paris = Entry(2988507, "Paris", "FR", 48.85, 2.35, "city", 2_138_551, capital=True)
    paris_again = Entry(2988507, "Paris (again)", "FR", 0.0, 0.0, "city", 1)
    named = [
        (asia, ["Asia"]),
        (springfield_il, ["Springfield"]),
        (springfield_mo, ["Springfield", "Queen City of the Ozarks"]),
        (paris, ["Paris", "Lutetia"]),
        (paris_again, ["Paris again"]),
    ]
    gazetteer = pickle.loads(pickle.dumps(Gazetteer.from_entries(named)))
    assert gazetteer.lookup("Asia") == [asia]  # a population past 2**31 kept whole
    assert gazetteer.lookup("springfield") == [springfield_il, springfield_mo]
    assert gazetteer.lookup("Lutetia") == [paris]
    assert gazetteer.get(2988507) == paris  # the first entry added under an id
    assert gazetteer.get(4409896) == springfield_mo
    assert gazetteer.get(1) is None and gazetteer.get(9_999_999) is None
    assert gazetteer.is_main_name("Springfield") and not gazetteer.is_main_name("Lutetia")
    assert len(gazetteer) == 5


def test_phrases_for_a_part_of_any_town_are_no_towns_other_name():
    # "Crews worked through the night on the North Side, near the old mill on Big Creek."
    for phrase in ("North Side", "Old Town", "South Island", "Big Creek", "Chinatown", "West End"):
        assert names_a_kind_of_part(phrase), phrase
    for name in ("Northampton", "Little Rock", "Old Saybrook", "Newtown", "North Bergen", "Bay"):
        assert not names_a_kind_of_part(name), name
