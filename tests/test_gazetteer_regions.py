"""Regions, seas and straits: GeoNames features that lie in several countries or in none."""

from __future__ import annotations

import pytest

from dateline.gazetteer import Entry, Gazetteer
from dateline.gazetteer.build import keep_alternate, region_entries, short_directions
from dateline.record import Place
from dateline.stages.places import event_location
from test_gazetteer import resolved_ids
from tool_scripts import load_tool

GULF_OF_ADEN, MIDDLE_EAST, AMERICA, UNITED_STATES = 80303, 6269133, 10861432, 6252001
HAMLET, MARYLAND, BALTIMORE = 9_000_001, 4361885, 4347778  # the hamlet's id is made up
RED_SEA, RED_SEA_STATE, PORT_SUDAN, SUDAN = 350155, 9_000_002, 9_000_003, 366755
STRAIT_OF_OTRANTO, OTRANTO = 2523948, 3172060
SOUTHERN_AFRICA, SOUTH_AFRICA = 9406051, 953987


def regional_gazetteer() -> Gazetteer:
    """Real GeoNames regions and a made-up hamlet of 5,000 called "Middle East" in Maryland."""
    named = [
        (Entry(GULF_OF_ADEN, "Gulf of Aden", "", 12.0, 48.0, "region", 0),
         ["Gulf of Aden", "Golfe d'Aden"]),
        (Entry(MIDDLE_EAST, "Middle East", "", 33.14, 35.86, "region", 371_400_000),
         ["Middle East", "Moyen-Orient"]),
        (Entry(AMERICA, "America", "", 26.02, -104.41, "region", 0), ["America", "Americas"]),
        (Entry(UNITED_STATES, "United States", "US", 39.76, -98.5, "country", 327_167_434),
         ["United States", "America"]),
        (Entry(MARYLAND, "Maryland", "US", 39.0, -76.75, "admin1", 6_000_000), ["Maryland"]),
        (Entry(BALTIMORE, "Baltimore", "US", 39.29, -76.61, "city", 600_000, MARYLAND),
         ["Baltimore"]),
        (Entry(HAMLET, "Middle East", "US", 39.3, -76.59, "city", 5_000, MARYLAND),
         ["Middle East"]),
        (Entry(RED_SEA, "Red Sea", "", 20.27, 38.53, "region", 0), ["Red Sea", "Mer Rouge"]),
        (Entry(RED_SEA_STATE, "Red Sea", "SD", 19.5, 36.5, "admin1", 646_800), ["Red Sea"]),
        (Entry(PORT_SUDAN, "Port Sudan", "SD", 19.62, 37.22, "city", 489_725, RED_SEA_STATE),
         ["Port Sudan"]),
        (Entry(SUDAN, "Sudan", "SD", 16.0, 30.0, "country", 43_849_269), ["Sudan"]),
        (Entry(STRAIT_OF_OTRANTO, "Strait of Otranto", "", 40.18, 18.95, "region", 0),
         ["Strait of Otranto", "Otranto"]),
        (Entry(OTRANTO, "Otranto", "IT", 40.14, 18.49, "city", 5_000), ["Otranto"]),
        (Entry(SOUTHERN_AFRICA, "Southern Africa", "", -27.1, 22.3, "region", 0),
         ["Southern Africa", *short_directions(["Southern Africa"])]),
        (Entry(SOUTH_AFRICA, "South Africa", "ZA", -29.0, 24.0, "country", 59_308_690),
         ["South Africa"]),
    ]  # fmt: skip
    return Gazetteer.from_entries(named)


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return regional_gazetteer()


def test_a_gulf_named_in_full_is_the_gulf(gazetteer):
    assert resolved_ids(gazetteer, "Gulf of Aden", "Golfe d'Aden") == [GULF_OF_ADEN] * 2


def test_a_region_named_alone_beats_a_far_hamlet_of_its_name(gazetteer):
    assert resolved_ids(gazetteer, "Middle East") == [MIDDLE_EAST]


def test_a_town_keeps_its_own_name_that_a_region_has_among_its_other_names(gazetteer):
    assert resolved_ids(gazetteer, "Otranto", "Strait of Otranto") == [OTRANTO, STRAIT_OF_OTRANTO]


def test_news_spelling_of_a_part_of_a_continent_is_indexed():
    names = ["Northern Africa", "Eastern Asia", "Norte de Africa", "Sahel"]
    assert short_directions(names) == ["North Africa", "East Asia"]


def test_a_country_keeps_its_name_that_a_region_has_in_news_spelling(gazetteer):
    assert resolved_ids(gazetteer, "South Africa", "Southern Africa") == [
        SOUTH_AFRICA,
        SOUTHERN_AFRICA,
    ]


def test_a_sea_named_alone_beats_a_province_of_its_name(gazetteer):
    assert resolved_ids(gazetteer, "Red Sea") == [RED_SEA]


def test_the_province_wins_in_a_story_set_in_it(gazetteer):
    assert resolved_ids(gazetteer, "Port Sudan", "Sudan", "Red Sea")[2] == RED_SEA_STATE


def test_the_hamlet_wins_in_a_story_about_its_town(gazetteer):
    ids = resolved_ids(gazetteer, "Baltimore", "Maryland", "Middle East")
    assert ids == [BALTIMORE, MARYLAND, HAMLET]


def test_america_stays_the_united_states_beside_the_region_called_america(gazetteer):
    assert resolved_ids(gazetteer, "America") == [UNITED_STATES]


def region_place(text: str, start: int) -> Place:
    return Place(start, start + len(text), text, text, GULF_OF_ADEN, None, 12.0, 48.0, "region")


def test_a_region_never_gives_an_event_a_point_precision():
    text = "Pirates attacked a tanker in the Gulf of Aden."
    location = event_location([region_place("Gulf of Aden", 33)], text, 0, len(text))
    assert (location.name, location.precision) == ("Gulf of Aden", "region")


def test_a_town_in_the_span_is_more_specific_than_a_region():
    text = "Shells fell on Sidon, in the Middle East."
    town = Place(15, 20, "Sidon", "Sidon", 268064, "LB", 33.56, 35.37, "city")
    location = event_location([town, region_place("Middle East", 29)], text, 0, len(text))
    assert (location.name, location.precision) == ("Sidon", "exact")


# The shipped data and the tool that makes it --------------------------------------------------


def test_the_shipped_regions_are_regions_with_points_and_no_country():
    named = region_entries(set())
    by_name = {entry.name: entry for entry, _ in named}
    assert {"Gulf of Aden", "Middle East", "Persian Gulf", "Indian Ocean"} <= set(by_name)
    assert all(e.feature == "region" and e.country == "" for e in by_name.values())
    assert all(-90 <= e.lat <= 90 and -180 <= e.lon <= 180 for e in by_name.values())
    assert all(keep_alternate(name) for _, names in named for name in names[1:])


def test_a_feature_already_indexed_is_not_added_twice():
    ids = {entry.geonameid for entry, _ in region_entries(set())}
    assert GULF_OF_ADEN in ids and GULF_OF_ADEN not in {
        entry.geonameid for entry, _ in region_entries({GULF_OF_ADEN})
    }


def dump_row(gid: int, name: str, alternates: str, lat: float, cls: str, code: str) -> str:
    cols = [str(gid), name, name, alternates, str(lat), "10.0", cls, code]
    return "\t".join(cols + ["", "", "", "", "", "", "0", "", "0", "UTC", "2024-01-01"])


def run_tool(tmp_path, rows: list[str]) -> list[list[str]]:
    """The rows tools/geonames_regions.py keeps of a no-country.txt made of `rows`, split."""
    source, output = tmp_path / "no-country.txt", tmp_path / "regions.tsv"
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    load_tool("geonames_regions").main([str(source), "--output", str(output)])
    return [line.split("\t") for line in output.read_text().splitlines()[2:]]


def test_the_tool_keeps_feature_codes_not_names_and_one_of_each_duplicate(tmp_path):
    rows = [
        dump_row(1, "Quiet Gulf", "Golfe Tranquille,QG,Тихий залив", 5.0, "H", "GULF"),
        dump_row(2, "Quiet Gulf", "", 5.1, "H", "GULF"),  # the same gulf listed twice
        dump_row(3, "Seamount Region", "", 5.0, "U", "SMU"),  # undersea: not a region
        dump_row(4, "Lonely Island", "", 5.0, "T", "ISL"),
        dump_row(5, "Far Lands", "", -40.0, "L", "RGN"),
    ]
    kept = run_tool(tmp_path, rows)
    assert [(cols[0], cols[1], cols[4]) for cols in kept] == [
        ("1", "Quiet Gulf", "GULF"),
        ("5", "Far Lands", "RGN"),
    ]
    assert kept[0][6] == "Golfe Tranquille"  # no code in capitals, no Cyrillic


def test_the_tool_keeps_shared_peninsulas_and_historical_states_but_not_zones(tmp_path):
    rows = [
        dump_row(1, "Long Peninsula", "", 40.0, "T", "PEN"),
        dump_row(2, "Union of Old Republics", "Old Union", 60.0, "A", "PCLH"),
        dump_row(3, "Trade Zone", "", 10.0, "A", "ZN"),  # an organisation's area
        dump_row(4, "Old Province", "", 10.0, "A", "ADM1H"),
    ]
    kept = run_tool(tmp_path, rows)
    assert [(cols[0], cols[4], cols[6]) for cols in kept] == [
        ("1", "PEN", ""),
        ("2", "PCLH", "Old Union"),
    ]
