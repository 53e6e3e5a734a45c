"""The names a place goes by in news beyond GeoNames' own spelling: the parts of a country named
after several lands, and a generic first word abbreviated. Hand-made gazetteers with real
GeoNames ids and points, and sentences written for the tests."""

from __future__ import annotations

from dateline.gazetteer import Entry, Gazetteer
from dateline.gazetteer.index import country_parts, own_name, unrelated_alternate
from dateline.gazetteer.resolve import Mention, prior, priors, resolve

SAINT_PETERSBURG_RU, SAINT_PETERSBURG_CITY_DIVISION = 498817, 536203
ST_PETERSBURG_FL, FLORIDA = 4171563, 4155751


def test_a_country_named_after_several_lands_is_called_by_each():
    assert country_parts("Trinidad and Tobago") == ["Trinidad", "Tobago"]
    assert country_parts("Bonaire, Sint Eustatius and Saba") == [
        "Bonaire",
        "Sint Eustatius",
        "Saba",
    ]
    assert country_parts("Saint Vincent and the Grenadines") == ["Saint Vincent", "Grenadines"]


def test_a_comma_that_inverts_a_name_is_no_list():
    assert country_parts("Virgin Islands, U.S.") == []
    assert country_parts("Korea, Republic of") == []
    assert country_parts("France") == []


def test_an_abbreviated_saint_spells_the_own_name():
    city = Entry(SAINT_PETERSBURG_RU, "Saint Petersburg", "RU", 59.93863, 30.31413, "city",
                 5_351_935, SAINT_PETERSBURG_CITY_DIVISION)  # fmt: skip
    assert own_name(city, "St. Petersburg")
    assert own_name(city, "Saint Petersburg")
    assert not own_name(city, "Petersburg")
    assert prior(city, "St. Petersburg") == prior(city, "Saint Petersburg")


def test_the_federal_city_gives_way_to_the_city_under_an_abbreviated_saint():
    # "The exhibition moves from Moscow to St. Petersburg in May, the Russian museum said."
    named = [
        (Entry(SAINT_PETERSBURG_RU, "Saint Petersburg", "RU", 59.93863, 30.31413, "city",
               5_351_935, SAINT_PETERSBURG_CITY_DIVISION), ["Saint Petersburg"]),
        (Entry(SAINT_PETERSBURG_CITY_DIVISION, "Sankt-Peterburg", "RU", 59.93, 30.3, "admin1",
               8_366_184), ["Sankt-Peterburg", "Saint Petersburg"]),
        (Entry(ST_PETERSBURG_FL, "St. Petersburg", "US", 27.77086, -82.67927, "city", 257_083,
               FLORIDA), ["St. Petersburg"]),
    ]  # fmt: skip
    gazetteer = Gazetteer.from_entries(named)
    result = resolve(gazetteer, [Mention(0, 14, "St. Petersburg")])[0]
    assert result.entry is not None and result.entry.geonameid == SAINT_PETERSBURG_RU
    assert result.candidates == 2  # the federal city of the same place is no separate reading


def test_a_land_a_country_is_named_after_needs_the_article_to_mean_the_country():
    trinidad_tobago = Entry(3573591, "Trinidad and Tobago", "TT", 10.7, -61.2, "country",
                            1_389_858)  # fmt: skip
    parts = ["Trinidad and Tobago", *country_parts("Trinidad and Tobago")]
    named = [
        (trinidad_tobago, parts),
        (Entry(3562502, "Cuba", "CU", 22.0, -79.5, "country", 11_338_138), ["Cuba"]),
        (Entry(3534915, "Trinidad", "CU", 21.80224, -79.98467, "city", 60_206), ["Trinidad"]),
    ]
    gazetteer = Gazetteer.from_entries(named)

    def first(*texts: str) -> str | None:
        mentions = [Mention(i * 30, i * 30 + len(t), t) for i, t in enumerate(texts)]
        entry = resolve(gazetteer, mentions)[0].entry
        return entry.country if entry else None

    # "The ministry in Trinidad consulted the Washington mission, Trinidad and Tobago said."
    assert first("Trinidad", "Trinidad and Tobago") == "TT"
    # "Tourists crowd the colonial streets of Trinidad, Cuba's tourism board said."
    assert first("Trinidad", "Cuba") == "CU"
    assert prior(trinidad_tobago, "Trinidad") < prior(trinidad_tobago, "Trinidad and Tobago")


# A town once called by a name other towns still bear: hand-made gazetteer, real ids and points.
TEXAS, TENNESSEE, INDIA, MAHARASHTRA = 4736286, 4662168, 1269750, 1264418
BEEVILLE = Entry(4673258, "Beeville", "US", 28.40095, -97.74974, "city", 13_277, TEXAS, 4673147)
MARYVILLE_TN = Entry(4639848, "Maryville", "US", 35.75647, -83.97046, "city", 28_464, TENNESSEE,
                     4607192)  # fmt: skip
FORT_WORTH = Entry(4691930, "Fort Worth", "US", 32.72541, -97.32085, "city", 1_008_106, TEXAS,
                   4735638)  # fmt: skip
MUMBAI = Entry(1275339, "Mumbai", "IN", 19.07283, 72.88261, "city", 12_691_836, MAHARASHTRA)
BOMBAY_NZ = Entry(2193111, "Bombay", "NZ", -37.16667, 174.98333, "city", 740, 2193734, 2193732)


def _towns_once_called() -> Gazetteer:
    return Gazetteer.from_entries(
        [
            (BEEVILLE, ["Beeville", "Maryville"]),
            (MARYVILLE_TN, ["Maryville"]),
            (FORT_WORTH, ["Fort Worth"]),
            (Entry(TEXAS, "Texas", "US", 31.0, -99.0, "admin1", 22_266_440), ["Texas"]),
            (MUMBAI, ["Mumbai", "Bombay"]),
            (BOMBAY_NZ, ["Bombay"]),
        ]
    )


def test_a_former_name_is_unrelated_to_the_own_name_but_a_variant_or_short_form_is_not():
    kyiv = Entry(703448, "Kyiv", "UA", 50.45466, 30.5238, "city", 2_952_301, 703447)
    boulder_city = Entry(5500539, "Boulder City", "US", 35.97859, -114.83249, "city", 16_207)
    assert unrelated_alternate(BEEVILLE, "Maryville")
    assert unrelated_alternate(MUMBAI, "Bombay")
    assert not unrelated_alternate(kyiv, "Kiev")  # a transliteration
    assert not unrelated_alternate(boulder_city, "Boulder")  # shares a word
    assert not unrelated_alternate(MARYVILLE_TN, "Maryville")  # its own name


def test_a_town_called_so_long_ago_does_not_win_on_its_state_alone():
    # "Members of a Maryville church prayed with survivors of a shooting in Fort Worth, Texas."
    text = "Members of a Maryville church prayed with survivors of a shooting in Fort Worth, Texas."
    mentions = [
        Mention(text.index("Maryville"), text.index("Maryville") + 9, "Maryville"),
        Mention(text.index("Fort Worth"), text.index("Fort Worth") + 10, "Fort Worth", "Texas"),
        Mention(text.index("Texas"), text.index("Texas") + 5, "Texas"),
    ]
    result = resolve(_towns_once_called(), mentions)[0]
    assert result.entry is not None and result.entry.geonameid == MARYVILLE_TN.geonameid


def test_a_town_still_wins_by_size_under_its_former_name():
    # "Trains stopped in Bombay after the monsoon rains."
    result = resolve(_towns_once_called(), [Mention(18, 24, "Bombay")])[0]
    assert result.entry is not None and result.entry.geonameid == MUMBAI.geonameid


def test_only_a_former_name_that_is_not_the_likeliest_reading_by_size_costs():
    pool = [(MUMBAI, False), (BOMBAY_NZ, False)]
    assert priors(pool, "Bombay") == [prior(MUMBAI, "Bombay"), prior(BOMBAY_NZ, "Bombay")]
    pool = [(MARYVILLE_TN, False), (BEEVILLE, False)]
    assert priors(pool, "Maryville")[1] < prior(BEEVILLE, "Maryville")
