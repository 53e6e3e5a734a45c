"""Lakes, rivers and valleys the gazetteer lacks lie near the story's town (gazetteer.local);
a small hand-made gazetteer (made-up ids) and mentions written for the tests."""

from __future__ import annotations

from dateline.gazetteer import Entry, Gazetteer
from dateline.gazetteer.resolve import Mention, resolve

BROOKPORT, LAKE_CHARLES = 9_000_050, 9_000_051


def towns() -> Gazetteer:
    named = [
        (Entry(BROOKPORT, "Brookport", "US", 38.63, -90.2, "city", 30_000), ["Brookport"]),
        (Entry(LAKE_CHARLES, "Lake Charles", "US", 30.21, -93.2, "city", 78_000),
         ["Lake Charles"]),
    ]  # fmt: skip
    return Gazetteer.from_entries(named)


def resolved(*texts: str) -> list[tuple[int | None, float]]:
    mentions = [Mention(i * 30, i * 30 + len(t), t) for i, t in enumerate(texts)]
    return [
        (r.entry.geonameid if r.entry else None, r.confidence) for r in resolve(towns(), mentions)
    ]


def test_an_unknown_lake_or_river_of_a_local_story_lies_by_its_town():
    # "Brookport anglers fished Kiser Lake and Lake Marl; a body was found in the Pine River."
    found = resolved("Brookport", "Kiser Lake", "Lake Marl", "Pine River", "Pine Ridge")
    assert [geonameid for geonameid, _ in found] == [
        BROOKPORT, BROOKPORT, BROOKPORT, BROOKPORT, None
    ]  # fmt: skip
    assert found[1][1] < 0.5  # the gazetteer knows the town, not the lake


def test_a_town_named_after_a_lake_is_the_town_and_anchors_the_story():
    found = resolved("Lake Charles", "Lake Charles", "Cypress Bayou", "Brookport")
    assert [geonameid for geonameid, _ in found] == [
        LAKE_CHARLES, LAKE_CHARLES, LAKE_CHARLES, BROOKPORT
    ]  # fmt: skip


def test_an_unknown_lake_with_no_town_in_the_story_stays_unresolved():
    assert resolved("Kiser Lake") == [(None, 0.0)]
