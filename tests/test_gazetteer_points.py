"""GeoNames' own points for countries and first-level divisions (data/points.tsv)."""

from __future__ import annotations

from dateline.gazetteer.build import (
    Country,
    Division,
    country_entries,
    division_entries,
    point_of_country,
    read_points,
)
from dateline.gazetteer.load import POINTS
from tool_scripts import load_tool

CANADA, LIBYA, ALASKA = 6251999, 2215636, 5879092


def test_the_loader_reads_ids_and_points_and_skips_the_comment_and_header(tmp_path):
    path = tmp_path / "points.tsv"
    path.write_text("# a comment\ngeonameid\tlat\tlon\n7\t10.5\t-20.25\n\n8\t-1\t2\n")
    assert read_points(path) == {7: (10.5, -20.25), 8: (-1.0, 2.0)}


def test_the_shipped_file_is_small_and_gives_canada_geonames_point():
    points = read_points(POINTS)
    assert POINTS.stat().st_size < 300_000
    assert points[CANADA] == (60.10867, -113.64258)  # not countryinfo's 60, -95
    assert all(-90 <= lat <= 90 and -180 <= lon <= 180 for lat, lon in points.values())


def country(code: str, gid: int, name: str) -> Country:
    return Country(code, code + "X", gid, [name])


def test_a_listed_country_takes_geonames_point_and_another_keeps_the_derived_one():
    countries = {1: country("AA", 101, "Listedland"), 2: country("BB", 102, "Otherland")}
    info = {code: {"latlng": [10.0, 20.0]} for code in ("AA", "BB")}
    entries = {e.geonameid: e for e, _ in country_entries(countries, info, {}, {101: (5.0, 6.0)})}
    assert (entries[101].lat, entries[101].lon) == (5.0, 6.0)
    assert (entries[102].lat, entries[102].lon) == point_of_country(info["BB"], None)


def division(row: int, gid: int, towns: list[tuple[float, float]]) -> Division:
    made = Division(row, gid, f"Division {row}", [], 1, 0, "AA", str(row))
    made.lats = [lat for lat, _ in towns]
    made.lons = [lon for _, lon in towns]
    return made


def test_a_listed_division_takes_geonames_point_and_another_keeps_its_towns_hull():
    towns = [(0.0, 0.0), (0.0, 2.0), (2.0, 0.0), (2.0, 2.0)]
    divisions = {
        1: division(1, 201, towns),
        2: division(2, 202, towns),
        3: division(3, 203, []),  # no town, but GeoNames places it
        4: division(4, 204, []),  # no town and no point: left out
    }
    points = {201: (40.0, 50.0), 203: (-3.0, 4.0)}
    entries = {e.geonameid: e for e, _ in division_entries(divisions, points)}
    assert (entries[201].lat, entries[201].lon) == (40.0, 50.0)
    assert abs(entries[202].lat - 1.0) < 1e-6 and abs(entries[202].lon - 1.0) < 1e-6
    assert (entries[203].lat, entries[203].lon) == (-3.0, 4.0)
    assert 204 not in entries


def dump_row(gid: int, name: str, cls: str, code: str, lat: float = 10.0) -> str:
    cols = [str(gid), name, name, "", str(lat), "20.0", cls, code, "AA"]
    return "\t".join(cols + ["", "01", "", "", "", "0", "", "0", "UTC", "2024-01-01"])


def test_the_tool_keeps_countries_and_first_level_divisions_by_feature_code(tmp_path):
    source = tmp_path / "AA.txt"
    rows = [
        dump_row(1, "Republic of Aa", "A", "PCLI"),
        dump_row(2, "Aa Islands", "A", "TERR"),
        dump_row(3, "North Province", "A", "ADM1", lat=11.5),
        dump_row(4, "North District", "A", "ADM2"),  # second level: not kept
        dump_row(5, "Old Empire", "A", "PCLH"),  # historical: not a point for a country
        dump_row(6, "Republic of Aa", "P", "PPL"),  # a town named like the country
        dump_row(7, "Aa Hills", "T", "HLLS"),
    ]
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert load_tool("geonames_points").read_geonames(source) == {
        1: (10.0, 20.0),
        2: (10.0, 20.0),
        3: (11.5, 20.0),
    }


def test_a_table_point_is_kept_when_geonames_rounded_point_agrees_and_else_not():
    tool = load_tool("geonames_points")
    table = {1: (60.10867, -113.64258), 2: (32.0, -6.0), 3: (28.0, 17.0)}
    rounded = {1: (60.0, -114.0), 2: (29.0, -10.0), 4: (64.0, -150.0)}
    exact = {3: (28.5, 17.5)}
    assert tool.merge(exact, table, rounded) == {
        1: (60.10867, -113.64258),  # agrees to half a degree: the precise point
        2: (29.0, -10.0),  # GeoNames moved it since: the rounded, later point
        3: (28.5, 17.5),  # an exact GeoNames row wins
        4: (64.0, -150.0),
    }


def test_the_rounded_exports_join_names_to_ids_and_skip_ambiguous_ones(tmp_path):
    tool = load_tool("geonames_points")
    header = "Region,Region_Native,Language,Type,Latitude,Longitude,Enclosed_By_Level0\n"
    dashes = "------,------,------,----,------,------,------\n"
    (tmp_path / "output-countries-0.csv").write_text(
        header + dashes + "Listedland,NULL,NULL,Country,5,6,NULL\n", encoding="utf-16"
    )
    (tmp_path / "output-aa-1.csv").write_text(
        header + dashes + "North,NULL,NULL,State,40,50,Listedland\n"
        "Twin,NULL,NULL,State,1,1,Listedland\n",
        encoding="utf-16",
    )
    north = Division(1, 201, "North", [], 1, 0, "AA", "N")
    twins = [
        Division(2, 202, "Twin", [], 1, 0, "AA", "T1"),
        Division(3, 203, "Twin", [], 1, 0, "AA", "T2"),
    ]
    points = tool.read_rounded(tmp_path, [country("AA", 101, "Listedland")], [north, *twins])
    assert points == {101: (5.0, 6.0), 201: (40.0, 50.0)}
