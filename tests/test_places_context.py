"""Document-level coherence in resolution: counties, nearness across a border, and names that
must not vote for themselves. Hand-made gazetteers with real GeoNames ids and points, and
sentences written for the tests."""

from __future__ import annotations

import pytest

from dateline.gazetteer import Entry, Gazetteer
from dateline.gazetteer.resolve import Mention, resolve

TENNESSEE, GEORGIA_US, OHIO, ONTARIO, MICHIGAN = 4662168, 4197000, 5165418, 6093943, 5001836
HENRY_TN, HENRY_GA = 4626356, 4196430
PARIS_FR, PARIS_TN = 2988507, 4646571
DUBLIN_IE, DUBLIN_OH = 2964574, 4520728
PORT_HURON = 5006166
ALBANY_GA, ALBANY_NY, NEW_YORK_STATE, GEORGIA_GE = 4179574, 5106834, 5128638, 614540


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    named = [
        (Entry(PARIS_FR, "Paris", "FR", 48.85341, 2.3488, "city", 2_138_551, capital=True),
         ["Paris"]),
        (Entry(PARIS_TN, "Paris", "US", 36.302, -88.32671, "city", 10_150, TENNESSEE, HENRY_TN),
         ["Paris"]),
        (Entry(HENRY_GA, "Henry County", "US", 33.45, -84.15, "admin2", 203_922, GEORGIA_US),
         ["Henry County"]),
        (Entry(HENRY_TN, "Henry County", "US", 36.33, -88.3, "admin2", 32_345, TENNESSEE),
         ["Henry County"]),
        (Entry(DUBLIN_IE, "Dublin", "IE", 53.33306, -6.24889, "city", 1_024_027, capital=True),
         ["Dublin"]),
        (Entry(DUBLIN_OH, "Dublin", "US", 40.09923, -83.11408, "city", 45_098, OHIO), ["Dublin"]),
        (Entry(OHIO, "Ohio", "US", 40.25, -82.75, "admin1", 11_689_100), ["Ohio"]),
        (Entry(6058560, "London", "CA", 42.98339, -81.23304, "city", 422_324, ONTARIO),
         ["London"]),
        (Entry(2643743, "London", "GB", 51.50853, -0.12574, "city", 8_961_989, capital=True),
         ["London"]),
        (Entry(6141439, "Sarnia", "CA", 42.97866, -82.40407, "city", 72_125, ONTARIO), ["Sarnia"]),
        (Entry(ONTARIO, "Ontario", "CA", 44.0, -80.0, "admin1", 13_448_494), ["Ontario"]),
        (Entry(PORT_HURON, "Port Huron", "US", 42.97086, -82.42491, "city", 28_749, MICHIGAN),
         ["Port Huron"]),
        (Entry(GEORGIA_GE, "Georgia", "GE", 42.0, 43.5, "country", 3_731_000), ["Georgia"]),
        (Entry(GEORGIA_US, "Georgia", "US", 32.75, -83.5, "admin1", 10_617_423), ["Georgia"]),
        (Entry(NEW_YORK_STATE, "New York", "US", 43.0, -75.5, "admin1", 19_274_244),
         ["New York"]),
        (Entry(ALBANY_GA, "Albany", "US", 31.57851, -84.15574, "city", 74_843, GEORGIA_US),
         ["Albany"]),
        (Entry(ALBANY_NY, "Albany", "US", 42.65258, -73.75623, "city", 97_856, NEW_YORK_STATE),
         ["Albany"]),
    ]  # fmt: skip
    return Gazetteer.from_entries(named)


def resolved(gazetteer: Gazetteer, *texts: str) -> list[int | None]:
    mentions = [Mention(i * 30, i * 30 + len(t), t) for i, t in enumerate(texts)]
    return [r.entry.geonameid if r.entry else None for r in resolve(gazetteer, mentions)]


def test_a_town_and_the_county_it_lies_in_resolve_together(gazetteer):
    # "Paris police and Henry County deputies searched the lake shore."
    assert resolved(gazetteer, "Paris", "Henry County") == [PARIS_TN, HENRY_TN]
    # Alone, the famous Paris and the larger Henry County win.
    assert resolved(gazetteer, "Paris") == [PARIS_FR]
    assert resolved(gazetteer, "Henry County") == [HENRY_GA]


def test_a_small_town_near_the_other_places_is_kept_across_a_border(gazetteer):
    # "The team lost in London and Sarnia, then won in Port Huron."
    assert resolved(gazetteer, "London", "Sarnia", "Ontario", "Port Huron")[-1] == PORT_HURON


def test_a_longer_name_built_on_a_place_name_does_not_vote_for_it(gazetteer):
    # "Dublin council met on Dublin Center Drive, Ohio" - the street is read as Dublin
    # itself, and must not outvote Ohio for the Irish capital.
    ids = resolved(gazetteer, "Dublin", "Dublin City", "Dublin City", "Ohio")
    assert ids[0] == DUBLIN_OH


def test_a_town_in_a_division_named_in_the_article_is_no_stray(gazetteer):
    # "An Albany man was arrested; Georgia police said..." - alone, "Georgia" reads as the
    # country, but the Albany in the state of Georgia ties the two together.
    assert resolved(gazetteer, "Albany", "Georgia") == [ALBANY_GA, GEORGIA_US]


def test_a_village_abroad_does_not_win_by_pulling_a_homonym_of_the_capital():
    # "Police in Lima said the attack on Villa Sol killed two." The gazetteer lacks the Lima
    # district and knows only a village of that name beside a small Lima abroad (made-up ids).
    lima_pe, lima_ar, village = 3936456, 9_000_001, 9_000_002
    named = [
        (Entry(lima_pe, "Lima", "PE", -12.04318, -77.02824, "city", 7_737_002, capital=True),
         ["Lima"]),
        (Entry(lima_ar, "Lima", "AR", -34.04, -59.2, "city", 2_000), ["Lima"]),
        (Entry(village, "Villa Sol", "AR", -34.1, -59.3, "city", 6_000), ["Villa Sol"]),
    ]  # fmt: skip
    assert resolved(Gazetteer.from_entries(named), "Lima", "Villa Sol") == [lima_pe, None]


INDIANA, KENTUCKY, BOONE_IN, BOONE_KY = 4921868, 6254925, 4255836, 4286486


def boone_counties() -> list[tuple[Entry, list[str]]]:
    """Two counties of one name in neighbouring states: Indiana's the smaller."""
    return [
        (Entry(BOONE_IN, "Boone County", "US", 40.05, -86.47, "admin2", 52_683, INDIANA),
         ["Boone County"]),
        (Entry(BOONE_KY, "Boone County", "US", 38.97, -84.73, "admin2", 82_839, KENTUCKY),
         ["Boone County"]),
    ]  # fmt: skip


def test_the_division_holding_most_of_the_other_places_wins_a_county_name():
    named = [
        *boone_counties(),
        (Entry(4260210, "Zionsville", "US", 39.95087, -86.26194, "city", 14_160, INDIANA),
         ["Zionsville"]),
        (Entry(4264688, "Lebanon", "US", 40.04837, -86.46917, "city", 15_792, INDIANA),
         ["Lebanon"]),
        (Entry(4263108, "Thorntown", "US", 40.12948, -86.60667, "city", 1_520, INDIANA),
         ["Thorntown"]),
        (Entry(4291255, "Florence", "US", 38.99895, -84.62661, "city", 29_951, KENTUCKY),
         ["Florence"]),
    ]  # fmt: skip
    towns = Gazetteer.from_entries(named)
    texts = ["Zionsville", "Lebanon", "Thorntown", "Florence", "Boone County"]
    mentions = [Mention(i * 20, i * 20 + len(t), t) for i, t in enumerate(texts)]
    assert resolve(towns, mentions)[-1].entry.geonameid == BOONE_IN


def test_a_state_name_is_the_state_not_a_village_so_named_elsewhere_unless_qualified():
    kansas, illinois, kansas_il, decatur = 4273857, 4896861, 4241476, 4236895
    named = [
        (Entry(kansas, "Kansas", "US", 38.5, -98.5, "admin1", 2_913_314), ["Kansas"]),
        (Entry(illinois, "Illinois", "US", 40.0, -89.25, "admin1", 12_671_821),
         ["Illinois", "Ill."]),
        (Entry(kansas_il, "Kansas", "US", 39.55282, -87.93642, "city", 744, illinois),
         ["Kansas"]),
        (Entry(decatur, "Decatur", "US", 39.84031, -88.9548, "city", 71_290, illinois),
         ["Decatur"]),
    ]  # fmt: skip
    places = Gazetteer.from_entries(named)
    mentions = [Mention(0, 7, "Decatur"), Mention(20, 26, "Kansas")]
    assert resolve(places, mentions)[1].entry.geonameid == kansas
    mentions = [Mention(0, 7, "Decatur"), Mention(20, 26, "Kansas", qualifier="Ill.")]
    assert resolve(places, mentions)[1].entry.geonameid == kansas_il


def test_a_dateline_names_the_town_there_and_wherever_the_article_repeats_it():
    state, city = 5128638, 5128581
    named = [
        (Entry(state, "New York", "US", 43.00035, -75.4999, "admin1", 19_274_244), ["New York"]),
        (Entry(city, "New York City", "US", 40.71427, -74.00597, "city", 8_175_133, state),
         ["New York City", "New York"]),
    ]  # fmt: skip
    places = Gazetteer.from_entries(named)
    # "The New York budget passed." - alone, the bare name is the state.
    assert resolved(places, "New York") == [state]
    # "NEW YORK (AP) - Police said ... across New York" - a dateline is a town.
    mentions = [Mention(0, 8, "NEW YORK", dateline=True), Mention(40, 48, "New York")]
    assert [r.entry.geonameid for r in resolve(places, mentions)] == [city, city]


def test_a_street_named_after_a_place_abroad_does_not_make_the_home_town_a_stray():
    # "Whitfield council approved the repairs on Mainz Street." The street's name reaches a
    # village abroad only through the place inside it; it says nothing about where the story
    # is set, so the small town keeps its reading (made-up ids).
    town, village, berlin = 9_000_010, 9_000_011, 2950159
    named = [
        (Entry(town, "Whitfield", "US", 39.99, -86.35, "city", 6_000, 4921868), ["Whitfield"]),
        (Entry(village, "Mainz", "DE", 50.0, 8.27, "city", 0), ["Mainz"]),
        (Entry(berlin, "Berlin", "DE", 52.52, 13.41, "city", 3_426_354, capital=True),
         ["Berlin"]),
    ]  # fmt: skip
    places = Gazetteer.from_entries(named)
    assert resolved(places, "Whitfield", "Mainz Street")[0] == town
    # A real place of another country named in the story still makes the town a stray.
    assert resolved(places, "Whitfield", "Berlin")[0] is None


@pytest.fixture(scope="module")
def towns() -> Gazetteer:
    """A story town and a far namesake of a street in it (made-up ids)."""
    named = [
        (Entry(9_000_020, "Brookport", "US", 38.63, -90.2, "city", 300_000, 4398678),
         ["Brookport"]),
        (Entry(9_000_021, "Hampton", "US", 33.38, -83.99, "city", 8_000, 4197000), ["Hampton"]),
    ]  # fmt: skip
    return Gazetteer.from_entries(named)


def test_an_unknown_building_or_street_lies_in_the_town_the_story_is_set_in(towns):
    # "Brookport council met at City Hall; BROOKPORT police closed Tarn Street."
    mentions = [
        Mention(0, 9, "Brookport"),
        Mention(20, 29, "City Hall"),
        Mention(40, 49, "BROOKPORT", dateline=True),
        Mention(60, 71, "Tarn Street"),
        Mention(80, 89, "Tarn Ridge"),  # not a word for a feature inside a town
    ]
    results = resolve(towns, mentions)
    assert [r.entry.name if r.entry else None for r in results] == [
        "Brookport", "Brookport", "Brookport", "Brookport", None
    ]  # fmt: skip
    assert results[1].confidence < 0.5  # the gazetteer does not know City Hall itself
    # With no town in the story, an unknown building stays unresolved.
    assert resolved(towns, "City Hall") == [None]


def test_a_street_named_after_a_stray_town_abroad_lies_in_the_story_town():
    # "Brookport police closed Kent Road." The only Kent the gazetteer knows is a village
    # abroad that nothing in the story supports (made-up ids).
    named = [
        (Entry(9_000_040, "Brookport", "US", 38.63, -90.2, "city", 300_000, 4398678),
         ["Brookport"]),
        (Entry(9_000_041, "Kent", "GB", 51.2, 0.7, "city", 900), ["Kent"]),
    ]  # fmt: skip
    places = Gazetteer.from_entries(named)
    assert resolved(places, "Brookport", "Kent Road") == [9_000_040, 9_000_040]


def test_a_street_named_after_a_far_town_lies_in_the_story_town(towns):
    # "Shots were fired on Hampton Avenue, Brookport police said."
    ids = resolved(towns, "Hampton Avenue", "Brookport")
    assert ids == [9_000_020, 9_000_020]
    # Alone, the street still points to the town it is named after.
    assert resolved(towns, "Hampton Avenue") == [9_000_021]


def test_the_items_of_a_list_are_places_of_one_kind():
    state, city, boston, missouri = 5128638, 5128581, 4930956, 4398678
    named = [
        (Entry(state, "New York", "US", 43.00035, -75.4999, "admin1", 19_274_244), ["New York"]),
        (Entry(city, "New York City", "US", 40.71427, -74.00597, "city", 8_175_133, state),
         ["New York City", "New York"]),
        (Entry(boston, "Boston", "US", 42.35843, -71.05977, "city", 617_594, 6254926),
         ["Boston"]),
        (Entry(missouri, "Missouri", "US", 38.25031, -92.50046, "admin1", 5_988_927),
         ["Missouri"]),
    ]  # fmt: skip
    places = Gazetteer.from_entries(named)

    def listed(*texts: str) -> list[int | None]:
        found = [Mention(i * 20, i * 20 + len(t), t, group=1) for i, t in enumerate(texts)]
        return [r.entry.geonameid if r.entry else None for r in resolve(places, found)]

    # "After stops in Boston and New York, the prince flew home."
    assert listed("Boston", "New York") == [boston, city]
    # "Tours in Missouri and New York were cancelled."
    assert listed("Missouri", "New York") == [missouri, state]
    # Not a list: "Boston police said New York ..." keeps the bare name's own reading.
    assert resolved(places, "Boston", "New York") == [boston, state]


def test_a_place_inside_a_longer_name_is_weaker_evidence_than_a_place_named_outright():
    # "Fairview police said the man, arrested on Ashby Road, lives in Corbin." Ashby Road is
    # known only through the town inside its name; Corbin is named outright, and its state
    # wins the Fairview the article means (made-up ids and states).
    state_x, state_y = 9_100_001, 9_100_002
    named = [
        (Entry(9_000_030, "Fairview", "US", 35.0, -90.0, "city", 60_000, state_x), ["Fairview"]),
        (Entry(9_000_031, "Fairview", "US", 40.0, -80.0, "city", 50_000, state_y), ["Fairview"]),
        (Entry(9_000_032, "Ashby", "US", 35.1, -90.1, "city", 3_000, state_x), ["Ashby"]),
        (Entry(9_000_033, "Corbin", "US", 40.1, -80.1, "city", 3_000, state_y), ["Corbin"]),
    ]  # fmt: skip
    places = Gazetteer.from_entries(named)
    assert resolved(places, "Fairview", "Ashby Road", "Corbin")[0] == 9_000_031


def test_x_city_may_be_the_town_of_x_but_never_a_division_of_that_name():
    dublin_city_ie, kansas, kansas_city = 7778677, 4273857, 4393217
    named = [
        (Entry(dublin_city_ie, "Dublin City", "IE", 53.35, -6.26, "admin1", 1_024_027),
         ["Dublin City"]),
        (Entry(DUBLIN_OH, "Dublin", "US", 40.09923, -83.11408, "city", 45_098, OHIO), ["Dublin"]),
        (Entry(OHIO, "Ohio", "US", 40.25, -82.75, "admin1", 11_689_100), ["Ohio"]),
        (Entry(kansas, "Kansas", "US", 38.5, -98.5, "admin1", 2_913_314), ["Kansas"]),
        (Entry(kansas_city, "Kansas City", "US", 39.09973, -94.57857, "city", 475_378, 4398678),
         ["Kansas City"]),
    ]  # fmt: skip
    places = Gazetteer.from_entries(named)
    # "Dublin City Schools closed; Ohio officials said ..."
    assert resolved(places, "Dublin City", "Ohio")[0] == DUBLIN_OH
    assert resolved(places, "Dublin City") == [dublin_city_ie]
    assert resolved(places, "Kansas City", "Kansas")[0] == kansas_city


def test_an_abbreviated_direction_before_a_place_names_a_part_of_it(gazetteer):
    # "Police patrolled S.E. Paris and W. Paris after the Henry County fair."
    assert resolved(gazetteer, "S.E. Paris", "W. Paris", "Henry County")[:2] == [PARIS_TN] * 2
    assert resolved(gazetteer, "Q. Paris") == [None]  # a letter that is no direction


def test_a_county_named_outright_lies_in_the_state_the_article_names():
    # "Madison County students beat Springfield for the Kentucky title." The larger Madison
    # County and Springfield lie in Illinois, and each one's Illinois reading supports the
    # other's; the state named outright says which county and town are meant.
    kentucky, illinois = 6254925, 4896861
    madison_ky, springfield_ky = 4297983, 4308122
    named = [
        (Entry(4250542, "Madison County", "US", 38.83, -89.9, "admin2", 265_000, illinois),
         ["Madison County"]),
        (Entry(madison_ky, "Madison County", "US", 37.72, -84.28, "admin2", 92_000, kentucky),
         ["Madison County"]),
        (Entry(kentucky, "Kentucky", "US", 37.5, -85.0, "admin1", 4_400_000), ["Kentucky"]),
        (Entry(4250491, "Springfield", "US", 39.8, -89.64, "city", 116_000, illinois),
         ["Springfield"]),
        (Entry(springfield_ky, "Springfield", "US", 37.68, -85.22, "city", 3_000, kentucky),
         ["Springfield"]),
    ]  # fmt: skip
    places = Gazetteer.from_entries(named)
    ids = resolved(places, "Madison County", "Kentucky", "Springfield")
    assert ids == [madison_ky, kentucky, springfield_ky]


def test_a_county_lies_in_the_state_the_article_names_most_often():
    # "Boone County's jobless rate rose, the Indiana agency said. ... Indiana's rate ... below
    # Kentucky's ... Indiana officials said." The story's own state is the one it keeps
    # naming; the larger Boone County lies in the state named once.
    named = [
        *boone_counties(),
        (Entry(INDIANA, "Indiana", "US", 40.0, -86.25, "admin1", 6_732_219), ["Indiana"]),
        (Entry(KENTUCKY, "Kentucky", "US", 37.5, -85.0, "admin1", 4_468_402), ["Kentucky"]),
    ]  # fmt: skip
    places = Gazetteer.from_entries(named)
    ids = resolved(places, "Boone County", "Indiana", "Indiana", "Kentucky", "Indiana")
    assert ids[0] == BOONE_IN
    assert resolved(places, "Boone County", "Indiana", "Kentucky")[0] == BOONE_KY  # a tie


@pytest.fixture(scope="module")
def namesakes() -> Gazetteer:
    """A story town, two far towns of one name, a far town of its own name, and a county
    (made-up ids)."""
    named = [
        (Entry(9_000_050, "Brookport", "US", 38.63, -90.2, "city", 300_000, 4398678),
         ["Brookport"]),
        (Entry(9_000_051, "Jerome", "US", 42.72, -114.52, "city", 11_000, 5596512), ["Jerome"]),
        (Entry(9_000_052, "Jerome", "US", 34.75, -112.11, "city", 1_000, 5551752), ["Jerome"]),
        (Entry(9_000_053, "Manassas", "US", 38.75, -77.48, "city", 41_000, 6254928),
         ["Manassas"]),
        (Entry(9_000_054, "Laurel County", "US", 37.11, -84.12, "admin2", 60_000, 6254925),
         ["Laurel County"]),
    ]  # fmt: skip
    return Gazetteer.from_entries(named)


def test_a_township_or_park_named_after_an_uncertain_far_town_lies_in_the_story_town(namesakes):
    # "Brookport council met ... a well in Jerome Township ... Brookport water."
    assert resolved(namesakes, "Brookport", "Jerome Township", "Brookport") == [9_000_050] * 3
    assert resolved(namesakes, "Brookport", "Jerome Park", "Brookport") == [9_000_050] * 3
    # A lake named first by its kind is a feature by the town too.
    assert resolved(namesakes, "Brookport", "Lake Jerome")[1] == 9_000_050
    # Alone, the township still points to the likelier town it is named after.
    assert resolved(namesakes, "Jerome Township") == [9_000_051]


def test_a_feature_named_after_a_sure_town_or_a_county_keeps_it(namesakes):
    # The one Manassas is no uncertain namesake: "Lake Manassas" lies by it, whatever the
    # story's town; a school named after a county serves that county.
    assert resolved(namesakes, "Brookport", "Lake Manassas")[1] == 9_000_053
    assert resolved(namesakes, "Brookport", "Laurel County High School")[1] == 9_000_054


def test_the_name_after_a_qualified_one_is_the_division_holding_it():
    # "An architect of Toronto, Ontario, Canada" in an Ohio story: the bare "Ontario" would be
    # the Ohio town the story's context favours, but it qualifies Toronto (made-up ids).
    ohio, province = 9_100_010, 9_100_011
    named = [
        (Entry(ohio, "Ohio", "US", 40.25, -83.0, "admin1", 11_500_000), ["Ohio"]),
        (Entry(province, "Ontario", "CA", 49.25, -84.5, "admin1", 12_800_000), ["Ontario"]),
        (Entry(9_100_012, "Dublin", "US", 40.1, -83.11, "city", 45_000, ohio), ["Dublin"]),
        (Entry(9_100_013, "Ontario", "US", 40.76, -82.59, "city", 6_000, ohio), ["Ontario"]),
        (Entry(9_100_014, "Toronto", "CA", 43.7, -79.42, "city", 2_800_000, province),
         ["Toronto"]),
        (Entry(9_100_015, "Columbus", "US", 39.96, -83.0, "city", 900_000, ohio), ["Columbus"]),
        (Entry(9_100_016, "Ontario", "US", 34.06, -117.65, "city", 170_000, 5332921),
         ["Ontario"]),
        (Entry(9_100_017, "Cuyahoga Falls", "US", 41.13, -81.48, "city", 49_000, ohio),
         ["Cuyahoga Falls"]),
    ]  # fmt: skip
    places = Gazetteer.from_entries(named)
    story = ["Dublin", "Ohio", "Dublin", "Columbus", "Dublin", "Cuyahoga Falls"]
    texts = [*story, "Toronto", "Ontario"]
    mentions = [Mention(i * 30, i * 30 + len(t), t) for i, t in enumerate(texts)]
    mentions[-2].qualifier = "Ontario"
    assert [r.entry.geonameid for r in resolve(places, mentions)][-2:] == [9_100_014, province]
    # Not after a name it qualifies, the same bare name in that story is a US town.
    assert resolved(places, *story, "Ontario")[-1] in (9_100_013, 9_100_016)
