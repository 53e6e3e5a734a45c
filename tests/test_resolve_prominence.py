"""Names known far beyond their region: a capital named for its government, and a large city
against a small namesake that only its country's share of the article supports.
Hand-made gazetteers with real GeoNames ids and points, and sentences written for the tests."""

from __future__ import annotations

import pytest

from dateline.gazetteer import Entry, Gazetteer
from dateline.gazetteer.context import Context, probabilities
from dateline.gazetteer.prominence import (
    Support,
    capital_support,
    likely_country,
    unless_overshadowed,
)
from dateline.gazetteer.resolve import Mention, resolve

ENGLAND, DC, OHIO, ONTARIO, MOSCOW_CITY = 6269131, 4138106, 5165418, 6093943, 524894
WASHINGTON_DC, WASHINGTON_STATE, WASHINGTON_SUSSEX = 4140963, 5815135, 2634716
TORONTO_CA, TORONTO_OH = 6167865, 5174095


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    named = [
        (Entry(WASHINGTON_DC, "Washington", "US", 38.89511, -77.03637, "city", 689_545, DC,
               capital=True), ["Washington", "Washington, D.C."]),
        (Entry(WASHINGTON_STATE, "Washington", "US", 47.37054, -120.83426, "admin1", 6_544_495),
         ["Washington"]),
        (Entry(WASHINGTON_SUSSEX, "Washington", "GB", 50.90487, -0.40649, "city", 1_930,
               ENGLAND), ["Washington"]),
        (Entry(2643743, "London", "GB", 51.50853, -0.12574, "city", 8_961_989, ENGLAND,
               capital=True), ["London"]),
        (Entry(2638664, "Salisbury", "GB", 51.06931, -1.79569, "city", 44_748, ENGLAND),
         ["Salisbury"]),
        (Entry(2635167, "United Kingdom", "GB", 53.94168, -2.329, "country", 66_488_991),
         ["United Kingdom", "Britain"]),
        (Entry(6252001, "United States", "US", 38.75078, -98.03012, "country", 327_167_434),
         ["United States", "America"]),
        (Entry(524901, "Moscow", "RU", 55.75204, 37.61781, "city", 10_381_222, MOSCOW_CITY,
               capital=True), ["Moscow"]),
        (Entry(2017370, "Russian Federation", "RU", 60.84628, 99.60826, "country", 144_478_050),
         ["Russia"]),
        (Entry(3996063, "Mexico", "MX", 23.0, -102.0, "country", 126_190_788), ["Mexico"]),
        (Entry(6251999, "Canada", "CA", 60.10867, -113.64258, "country", 37_058_856),
         ["Canada"]),
        (Entry(TORONTO_CA, "Toronto", "CA", 43.70643, -79.39864, "city", 2_794_356, ONTARIO),
         ["Toronto"]),
        (Entry(TORONTO_OH, "Toronto", "US", 40.46423, -80.60091, "city", 4_882, OHIO),
         ["Toronto"]),
        (Entry(OHIO, "Ohio", "US", 40.40329, -82.71131, "admin1", 8_331_591), ["Ohio"]),
        (Entry(4736286, "Texas", "US", 31.46291, -99.68397, "admin1", 22_266_440), ["Texas"]),
    ]  # fmt: skip
    return Gazetteer.from_entries(named)


def resolved(gazetteer: Gazetteer, *texts: str, dateline: bool = False) -> list[int | None]:
    mentions = [Mention(i * 30, i * 30 + len(t), t) for i, t in enumerate(texts)]
    mentions[0].dateline = dateline
    return [r.entry.geonameid if r.entry else None for r in resolve(gazetteer, mentions)]


def test_a_capital_is_named_for_its_government_in_a_story_set_abroad(gazetteer):
    # "Britain expelled Russia's diplomats after the Salisbury attack; Moscow answered in
    # kind. In Washington, officials said the United States stood with London."
    texts = ("Britain", "Russia", "Salisbury", "Moscow", "Washington", "United States", "London")
    assert resolved(gazetteer, *texts)[4] == WASHINGTON_DC


def test_the_capital_needs_its_country_named(gazetteer):
    # "From London the walkers went south through Salisbury to Washington." Nothing names the
    # United States: the Sussex village is the reading the article supports.
    ids = resolved(gazetteer, "London", "Salisbury", "Washington")
    assert ids[2] == WASHINGTON_SUSSEX


def test_a_capital_beside_another_capital_and_its_country(gazetteer):
    # "Talks between Washington and Moscow stalled, America and Russia said."
    assert resolved(gazetteer, "Washington", "Moscow", "America", "Russia")[0] == WASHINGTON_DC


def test_a_capital_over_the_state_of_the_same_name_in_trade_talks(gazetteer):
    # "Mexico's minister left for Washington; Canada and the United States want a deal."
    ids = resolved(gazetteer, "Mexico", "Washington", "Canada", "United States")
    assert ids[1] == WASHINGTON_DC


def test_capital_support_counts_names_likely_in_the_country():
    capital = Entry(WASHINGTON_DC, "Washington", "US", 38.9, -77.0, "city", 689_545, capital=True)
    town = Entry(WASHINGTON_SUSSEX, "Washington", "GB", 50.9, -0.4, "city", 1_930)
    context = Context()
    for name, countries in (("us", {"US": 0.9}), ("texas", {"US": 0.3, "MX": 0.7}),
                            ("washington", {"US": 1.0})):  # fmt: skip
        context.countries[name], context.admins[name], context.weights[name] = countries, {}, 1.0
        context.divisions[name] = {}
        context.likely_country[name] = likely_country(countries)
    presence = context.shares("washington").presence
    assert presence == {"US": 1.0, "MX": 1.0}  # a name does not count for itself
    assert capital_support(capital, presence) > 0
    assert capital_support(town, presence) == 0.0
    assert capital_support(capital, {"US": 0.0}) == 0.0


def test_a_village_backed_only_by_its_country_gives_way_to_a_city_abroad(gazetteer):
    # "The Rangers of Texas traded him, but he belonged to Toronto."
    assert resolved(gazetteer, "Texas", "Toronto")[1] == TORONTO_CA


def test_a_village_its_division_supports_stays(gazetteer):
    # "Floods closed roads in Ohio; Toronto's mayor asked for help."
    assert resolved(gazetteer, "Ohio", "Toronto")[1] == TORONTO_OH


def test_a_dateline_village_stays(gazetteer):
    # "TORONTO (AP) - A Texas company will build a plant on the Ohio River ..." written in the
    # Ohio village: a dateline is where the story is set.
    assert resolved(gazetteer, "Toronto", "Texas", dateline=True)[0] == TORONTO_OH


def test_a_namesake_overshadows_only_with_the_same_name_and_ten_times_the_size():
    village = Entry(TORONTO_OH, "Toronto", "US", 40.46, -80.6, "city", 4_882, OHIO)
    city = Entry(TORONTO_CA, "Toronto", "CA", 43.7, -79.4, "city", 2_794_356, ONTARIO)
    town = Entry(1, "Toronto", "AU", -33.0, 151.6, "city", 5_670)
    other = Entry(2, "Torontoville", "CA", 43.0, -79.0, "city", 900_000)

    def weak(entry: Entry) -> Support:
        return Support(False, False)

    def backed(entry: Entry) -> Support:
        return Support(True, True)

    def chosen(scored: list[tuple[Entry, float]], support=weak) -> Entry | None:
        return unless_overshadowed((scored[0][0], 0.5), scored, support, probabilities)[0]

    assert chosen([(village, 9.0), (city, 8.0), (town, 7.0)]) == city
    assert chosen([(village, 9.0), (city, 8.0)], backed) == village
    assert chosen([(village, 9.0), (town, 8.0)]) == village
    assert chosen([(village, 9.0), (other, 8.0)]) == village
    assert chosen([(city, 9.0), (village, 8.0)]) == city


def test_two_world_cities_after_a_comma_are_list_items():
    # "The band plays Copenhagen, Hamburg, Brasov and Mannheim": the parser missed Brasov, so
    # "Copenhagen, Hamburg" looks like a town and its qualifier.
    named = [
        (Entry(2618425, "Copenhagen", "DK", 55.67594, 12.56553, "city", 1_153_615, 6418538,
               capital=True), ["Copenhagen"]),
        (Entry(2911297, "Hamburg", "DE", 53.5, 10.0, "admin1", 1_845_229), ["Hamburg"]),
        (Entry(2911298, "Hamburg", "DE", 53.55073, 9.99302, "city", 1_739_117, 2911297),
         ["Hamburg"]),
        (Entry(5037779, "Minnesota", "US", 46.25024, -94.25055, "admin1", 5_639_632),
         ["Minnesota"]),
        (Entry(3586232, "Santa Elena", "SV", 13.38333, -88.41667, "city", 8_000, 3582883),
         ["Santa Elena"]),
        (Entry(3582883, "Usulutan", "SV", 13.4, -88.5, "admin1", 366_040), ["Usulutan"]),
        (Entry(3995402, "San Agustin", "MX", 20.0, -98.0, "city", 3_000), ["San Agustin"]),
    ]  # fmt: skip
    gazetteer = Gazetteer.from_entries(named)

    def qualified(text: str, qualifier: str) -> int | None:
        mention = Mention(0, len(text), text, qualifier=qualifier)
        entry = resolve(gazetteer, [mention])[0].entry
        return entry.geonameid if entry else None

    assert qualified("Copenhagen", "Hamburg") == 2618425
    # A town the gazetteer lacks in a US state is not the capital abroad of that name.
    assert qualified("Copenhagen", "Minnesota") is None
    # A village the gazetteer lacks in the division named after it is not one abroad.
    assert qualified("San Agustin", "Usulutan") is None
    assert qualified("Santa Elena", "Usulutan") == 3586232


NEW_YORK_STATE, MASSACHUSETTS, TEXAS, ERIE_COUNTY = 5128638, 6254926, 4736286, 5116642
BOSTON_MA, BOSTON_NY = 4930956, 5109797


@pytest.fixture(scope="module")
def bostons() -> Gazetteer:
    named = [
        (Entry(BOSTON_MA, "Boston", "US", 42.35843, -71.05977, "city", 653_833, MASSACHUSETTS),
         ["Boston"]),
        (Entry(BOSTON_NY, "Boston", "US", 42.62895, -78.73753, "city", 8_049, NEW_YORK_STATE,
               ERIE_COUNTY), ["Boston"]),
        (Entry(5128581, "New York City", "US", 40.71427, -74.00597, "city", 8_804_190,
               NEW_YORK_STATE), ["New York City", "New York"]),
        (Entry(NEW_YORK_STATE, "New York", "US", 43.0, -75.5, "admin1", 19_274_244),
         ["New York"]),
        (Entry(4699066, "Houston", "US", 29.76328, -95.36327, "city", 2_314_157, TEXAS),
         ["Houston"]),
        (Entry(5110629, "Buffalo", "US", 42.88645, -78.87837, "city", 258_071, NEW_YORK_STATE,
               ERIE_COUNTY), ["Buffalo"]),
    ]  # fmt: skip
    return Gazetteer.from_entries(named)


def test_a_village_is_not_read_into_a_national_story(bostons):
    # "After stops in New York City and Houston, the prince flew to Boston."
    assert resolved(bostons, "New York City", "Houston", "Boston")[2] == BOSTON_MA


def test_a_village_its_neighbours_back_stays(bostons):
    # "Snow closed schools in Buffalo and Boston, where the town hall lost power."
    assert resolved(bostons, "Buffalo", "Boston")[1] == BOSTON_NY


def test_a_village_that_opens_the_story_stays(bostons):
    # "BOSTON, N.Y. - Flights from New York City and Houston ..." without its qualifier.
    assert resolved(bostons, "Boston", "New York City", "Houston", dateline=True)[0] == BOSTON_NY


def test_a_village_in_a_story_about_its_state_alone_stays():
    # "Alexandria will discuss the 2010 census at its town hall, Minnesota officials said."
    minnesota = 5037779
    named = [
        (Entry(5016108, "Alexandria", "US", 45.88524, -95.37754, "city", 11_843, minnesota),
         ["Alexandria"]),
        (Entry(4744091, "Alexandria", "US", 38.80484, -77.04692, "city", 159_467, 6254928),
         ["Alexandria"]),
        (Entry(minnesota, "Minnesota", "US", 46.39127, -93.63438, "admin1", 4_614_061),
         ["Minnesota"]),
    ]  # fmt: skip
    gazetteer = Gazetteer.from_entries(named)
    assert resolved(gazetteer, "Alexandria", "Minnesota")[0] == 5016108
