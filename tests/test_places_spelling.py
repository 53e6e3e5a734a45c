"""The article's spelling says which side of the Atlantic its bare town names lie on."""

from __future__ import annotations

from dateline.gazetteer import Entry, Gazetteer
from dateline.gazetteer.resolve import Mention, resolve
from dateline.gazetteer.spelling import spelled_at_home, spelling


def test_american_and_commonwealth_spellings_are_told_apart():
    assert spelling("Neighbors gathered at the community center after the fire.") == "american"
    assert spelling("Neighbours gathered at the community centre after the fire.") == (
        "commonwealth"
    )
    assert spelling("Taxes rose 5 per cent; the cheque arrived late.") == "commonwealth"
    assert spelling("The jury's behavior was labeled unusual.") == "american"


def test_proper_names_and_shared_spellings_say_nothing():
    # Names keep their own spelling wherever they are written.
    assert spelling("He toured Pearl Harbor and the Lincoln Center with Labor Party MPs.") is None
    # -ize, "program" and "percent" are written on both sides (Oxford, Canadian, the wires).
    assert spelling("The program to organize voters grew 5 percent.") is None
    assert spelling("Police said the man was arrested.") is None
    # A tie says nothing either.
    assert spelling("The neighbours met at the center.") is None


def test_the_spelling_points_to_the_us_or_away_from_it():
    assert spelled_at_home("american", "US") and not spelled_at_home("american", "GB")
    assert spelled_at_home("commonwealth", "CA") and not spelled_at_home("commonwealth", "US")
    assert not spelled_at_home(None, "US") and not spelled_at_home(None, "GB")


def test_a_bare_town_name_is_the_one_on_the_side_the_spelling_points_to():
    # "Mansfield council met on Monday": with nothing else in the article, the larger town
    # wins; an article that writes "neighborhood" is an American paper's (made-up ids).
    named = [
        (Entry(9_200_001, "Mansfield", "GB", 53.14, -1.2, "city", 99_000), ["Mansfield"]),
        (Entry(9_200_002, "Mansfield", "US", 32.56, -97.14, "city", 64_000), ["Mansfield"]),
    ]  # fmt: skip
    places = Gazetteer.from_entries(named)

    def mansfield(spelled):
        return resolve(places, [Mention(0, 9, "Mansfield")], spelled)[0].entry.geonameid

    assert mansfield(None) == 9_200_001
    assert mansfield("american") == 9_200_002
    assert mansfield("commonwealth") == 9_200_001
    # The spelling weighs like a factor of three in size: a far larger namesake still wins.
    named.append((Entry(9_200_003, "Mansfield", "AU", -37.05, 146.08, "city", 900_000),
                  ["Mansfield"]))  # fmt: skip
    places = Gazetteer.from_entries(named)
    assert mansfield("american") == 9_200_003
