"""Regions, waters and coasts read from the article's other places (gazetteer.regional), on a
small hand-made gazetteer of real GeoNames entries (made-up ids are marked)."""

from __future__ import annotations

import pytest

from dateline.gazetteer import Entry, Gazetteer
from dateline.gazetteer.resolve import Mention, resolve

PERSIAN_GULF, GULF_OF_OMAN, QATAR, DUBAI, UAE = 235616, 145945, 289688, 292223, 290557
GULF_PROVINCE, PORT_MORESBY, PNG = 2095344, 2088122, 2088628
MIDDLE_EAST, HAMLET, MARYLAND, WASHINGTON, DC = 6269133, 9_000_001, 4361885, 4140963, 4138106
UNITED_STATES, CALIFORNIA, LOS_ANGELES = 6252001, 5332921, 5368361
NEW_ZEALAND, WEST_COAST_NZ, GREYMOUTH, WESTERN_AUSTRALIA = 2186224, 6612113, 2206895, 2058645


def regional_gazetteer() -> Gazetteer:
    named = [
        (Entry(PERSIAN_GULF, "Persian Gulf", "", 27.0, 51.0, "region", 0),
         ["Persian Gulf", "Arabian Gulf"]),
        (Entry(GULF_OF_OMAN, "Gulf of Oman", "", 25.0, 58.0, "region", 0), ["Gulf of Oman"]),
        (Entry(QATAR, "Qatar", "QA", 25.41, 51.22, "country", 2_781_677), ["Qatar"]),
        (Entry(UAE, "United Arab Emirates", "AE", 24.0, 54.0, "country", 9_630_959),
         ["United Arab Emirates", "UAE"]),
        (Entry(DUBAI, "Dubai", "AE", 25.08, 55.31, "city", 3_790_000), ["Dubai"]),
        (Entry(GULF_PROVINCE, "Gulf", "PG", -7.5, 144.5, "admin1", 14_248), ["Gulf"]),
        (Entry(PORT_MORESBY, "Port Moresby", "PG", -9.48, 147.15, "city", 283_733, capital=True),
         ["Port Moresby"]),
        (Entry(PNG, "Papua New Guinea", "PG", -6.32, 145.67, "country", 8_606_316),
         ["Papua New Guinea"]),
        (Entry(MIDDLE_EAST, "Middle East", "", 33.14, 35.86, "region", 371_400_000),
         ["Middle East"]),
        (Entry(MARYLAND, "Maryland", "US", 39.0, -76.75, "admin1", 6_000_000), ["Maryland"]),
        (Entry(HAMLET, "Middle East", "US", 39.3, -76.59, "city", 1_872, MARYLAND),
         ["Middle East"]),
        (Entry(DC, "District of Columbia", "US", 38.91, -77.03, "admin1", 689_545),
         ["District of Columbia"]),
        (Entry(WASHINGTON, "Washington", "US", 38.895, -77.036, "city", 689_545, DC,
               capital=True), ["Washington"]),
        (Entry(UNITED_STATES, "United States", "US", 39.76, -98.5, "country", 327_167_434),
         ["United States", "USA"]),
        (Entry(CALIFORNIA, "California", "US", 37.25, -119.75, "admin1", 39_000_000),
         ["California"]),
        (Entry(LOS_ANGELES, "Los Angeles", "US", 34.05, -118.24, "city", 3_820_914, CALIFORNIA),
         ["Los Angeles"]),
        (Entry(NEW_ZEALAND, "New Zealand", "NZ", -42.49, 172.26, "country", 4_885_500),
         ["New Zealand"]),
        (Entry(WEST_COAST_NZ, "West Coast", "NZ", -42.5, 171.5, "admin1", 29_113),
         ["West Coast"]),
        (Entry(GREYMOUTH, "Greymouth", "NZ", -42.47, 171.2, "city", 9_419, WEST_COAST_NZ),
         ["Greymouth"]),
        (Entry(WESTERN_AUSTRALIA, "Western Australia", "AU", -25.13, 120.98, "admin1",
               5_183_528), ["Western Australia", "West Coast"]),
    ]  # fmt: skip
    return Gazetteer.from_entries(named)


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return regional_gazetteer()


def resolved(gazetteer: Gazetteer, *texts: str) -> list[tuple[int | None, float]]:
    mentions = [Mention(i * 30, i * 30 + len(t), t) for i, t in enumerate(texts)]
    return [
        (r.entry.geonameid if r.entry else None, r.confidence) for r in resolve(gazetteer, mentions)
    ]


def ids(gazetteer: Gazetteer, *texts: str) -> list[int | None]:
    return [geonameid for geonameid, _ in resolved(gazetteer, *texts)]


def test_the_gulf_beside_gulf_states_is_the_persian_gulf_not_a_province_abroad(gazetteer):
    assert ids(gazetteer, "Qatar", "Gulf") == [QATAR, PERSIAN_GULF]


def test_of_two_gulfs_near_the_story_the_better_known_is_the_gulf(gazetteer):
    # Dubai is nearer the Gulf of Oman's point than the Persian Gulf's
    assert ids(gazetteer, "Dubai", "United Arab Emirates", "Gulf")[2] == PERSIAN_GULF


def test_the_province_called_gulf_stays_in_a_story_set_near_it(gazetteer):
    assert ids(gazetteer, "Port Moresby", "Papua New Guinea", "Gulf")[2] == GULF_PROVINCE


def test_a_gulf_with_no_water_of_its_kind_near_the_story_is_no_province_abroad(gazetteer):
    assert ids(gazetteer, "Los Angeles", "Gulf")[1] is None


def test_a_gulf_named_alone_keeps_its_reading(gazetteer):
    assert ids(gazetteer, "Gulf") == [GULF_PROVINCE]


def test_a_region_beats_a_hamlet_of_its_name_near_the_capital(gazetteer):
    # the hamlet lies 50 km from Washington: near, but the article names no division holding it
    assert ids(gazetteer, "Washington", "Middle East") == [WASHINGTON, MIDDLE_EAST]


def test_the_hamlet_keeps_its_name_in_a_story_that_names_its_state(gazetteer):
    assert ids(gazetteer, "Washington", "Maryland", "Middle East")[2] == HAMLET


def test_a_coast_in_a_story_set_in_one_country_is_that_country(gazetteer):
    found = resolved(gazetteer, "Los Angeles", "California", "United States", "West Coast")
    assert found[3] == (UNITED_STATES, 0.25)


def test_a_coast_that_is_a_division_of_the_story_country_stays_the_division(gazetteer):
    assert ids(gazetteer, "Greymouth", "New Zealand", "West Coast")[2] == WEST_COAST_NZ


def test_a_coast_named_with_no_other_place_keeps_its_reading(gazetteer):
    assert ids(gazetteer, "West Coast")[0] in (WEST_COAST_NZ, WESTERN_AUSTRALIA)


def test_a_coast_the_gazetteer_lacks_is_the_story_country(gazetteer):
    found = resolved(gazetteer, "Los Angeles", "California", "East Coast")
    assert found[2] == (UNITED_STATES, 0.25)
