"""Linking event mentions across articles: the rule in dateline.corpus.linking."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from dateline.corpus.linking import MentionFacts, compare, link, name_key
from dateline.options import Options

pytestmark = pytest.mark.issue(7)

OPTIONS = Options()
MOSUL = {
    "country": "IQ",
    "lat": 36.34,
    "lon": 43.13,
    "geonames_id": 99072,
    "place_precision": "exact",
}
BASRA = {
    "country": "IQ",
    "lat": 30.51,
    "lon": 47.78,
    "geonames_id": 99532,
    "place_precision": "exact",
}


def mention(ident: str, article: str, reported: str, day: str, **facts: object) -> MentionFacts:
    base: dict[str, object] = {
        "outlet": article.split("-")[0], "type": "explosions_remote_violence", "sub_type": None,
        "precision": "day", "basis": "explicit", **MOSUL,
    }  # fmt: skip
    base.update(facts)
    when = date.fromisoformat(day)
    return MentionFacts(ident, article, reported=reported, start=when, end=when, **base)  # type: ignore[arg-type]


def test_the_same_bombing_from_three_outlets_is_one_event():
    reports = [
        mention("m1", "reuters-1", "2024-03-05T09:00", "2024-03-04", figures=(("killed", 12),)),
        mention("m2", "ap-1", "2024-03-06T10:00", "2024-03-04", figures=(("killed", 25),)),
        mention("m3", "bbc-1", "2024-03-08T12:00", "2024-03-04", figures=(("killed", 40),)),
    ]
    clusters = link(reports, OPTIONS)
    assert [[m.id for m in c.members] for c in clusters] == [["m1", "m2", "m3"]]
    assert "place" in clusters[0].reasons["m2"] and "date" in clusters[0].reasons["m2"]


def test_two_attacks_in_one_city_a_week_apart_stay_apart():
    first = mention("m1", "reuters-1", "2024-03-05T09:00", "2024-03-04")
    second = mention("m2", "reuters-2", "2024-03-12T09:00", "2024-03-11")
    assert compare(first, second, OPTIONS).conflict
    assert len(link([first, second], OPTIONS)) == 2


def test_dates_a_day_apart_link_only_with_a_slack():
    night = mention("m1", "a-1", "2024-03-05", "2024-03-04")
    morning = mention("m2", "b-1", "2024-03-05", "2024-03-05")
    assert compare(night, morning, replace(OPTIONS, link_date_slack_days=0)).conflict
    assert not compare(night, morning, replace(OPTIONS, link_date_slack_days=1)).conflict


def test_a_slack_joins_two_days_not_a_chain_of_three():
    options = replace(OPTIONS, link_date_slack_days=1)
    days = [mention(f"m{d}", f"o{d}-1", "2024-03-09", f"2024-03-0{d}") for d in (4, 5, 6)]
    assert compare(days[0], days[2], options).conflict
    clusters = link(days, options)
    assert sorted(len(c.members) for c in clusters) == [1, 2]


def test_generic_actor_words_are_no_evidence_but_names_are():
    a = mention("m1", "a-1", "2024-03-05", "2024-03-04", actors=frozenset({"20 people", "group"}))
    b = replace(a, id="m2", article_id="b-1")
    assert "actors" not in compare(a, b, OPTIONS).reasons
    named = replace(a, actors=frozenset({"hector oqueli colindres"}))
    other = replace(b, actors=frozenset({"oqueli"}))
    assert "actors" in compare(named, other, OPTIONS).reasons
    assert (
        "actors" not in compare(named, replace(other, actors=frozenset({"oquel"})), OPTIONS).reasons
    )


def test_places_far_apart_or_in_other_countries_never_link():
    mosul = mention("m1", "a-1", "2024-03-05", "2024-03-04")
    assert compare(
        mosul, mention("m2", "b-1", "2024-03-05", "2024-03-04", **BASRA), OPTIONS
    ).conflict
    kabul = {"country": "AF", "lat": 34.5, "lon": 69.2, "geonames_id": 1138958}
    assert compare(
        mosul, mention("m3", "c-1", "2024-03-05", "2024-03-04", **kabul), OPTIONS
    ).conflict


def test_a_country_level_place_is_weaker_evidence_than_the_city():
    city = mention("m1", "a-1", "2024-03-05", "2024-03-04")
    country = mention(
        "m2", "b-1", "2024-03-05", "2024-03-04", lat=33.0, lon=44.0, geonames_id=99237,
        place_precision="country",
    )  # fmt: skip
    verdict = compare(city, country, OPTIONS)
    assert not verdict.conflict and "country" in verdict.reasons
    assert (
        verdict.evidence < compare(city, replace(city, id="m3", article_id="c-1"), OPTIONS).evidence
    )


def test_an_articles_own_events_link_only_through_another_article():
    first = mention("m1", "a-1", "2024-03-05", "2024-03-04")
    sibling = replace(first, id="m2")
    assert compare(first, sibling, OPTIONS).evidence == 0
    assert len(link([first, sibling], OPTIONS)) == 2
    other = mention("m3", "b-1", "2024-03-06", "2024-03-04")
    assert [len(c.members) for c in link([first, sibling, other], OPTIONS)] == [3]


def test_violence_types_link_but_a_protest_and_a_bombing_do_not():
    bombing = mention("m1", "a-1", "2024-03-05", "2024-03-04")
    attack = mention("m2", "b-1", "2024-03-05", "2024-03-04", type="violence_against_civilians")
    protest = mention("m3", "c-1", "2024-03-05", "2024-03-04", type="protests")
    assert not compare(bombing, attack, OPTIONS).conflict
    assert compare(bombing, protest, OPTIONS).conflict


def test_an_undated_report_stands_for_the_days_before_it():
    dated = mention("m1", "a-1", "2024-03-05T09:00", "2024-03-04")
    undated = replace(mention("m2", "b-1", "2024-03-06T09:00", "2024-03-06"), basis="publication")
    assert not compare(dated, undated, OPTIONS).conflict
    late = replace(undated, id="m3", article_id="c-1", reported="2024-03-30T09:00")
    assert compare(dated, late, OPTIONS).conflict


def test_shared_actors_and_figures_are_evidence_a_halved_toll_is_against():
    a = mention(
        "m1", "a-1", "2024-03-05", "2024-03-04", place_precision=None, lat=None, lon=None,
        geonames_id=None, actors=frozenset({"ignacio ellacuria"}), figures=(("killed", 6),),
    )  # fmt: skip
    b = replace(a, id="m2", article_id="b-1", actors=frozenset({"ellacuria"}))
    verdict = compare(a, b, OPTIONS)
    assert {"actors", "figures"} <= set(verdict.reasons)
    halved = replace(b, id="m3", article_id="c-1", actors=frozenset(), figures=(("killed", 2),))
    assert (
        compare(a, halved, OPTIONS).evidence
        < compare(a, replace(halved, figures=()), OPTIONS).evidence
    )


def test_name_keys_fold_case_and_articles():
    assert name_key("The FMLN") == name_key("fmln") == "fmln"


def test_linking_is_deterministic_whatever_the_input_order():
    reports = [
        mention("m1", "a-1", "2024-03-05", "2024-03-04"),
        mention("m2", "b-1", "2024-03-06", "2024-03-04"),
        mention("m3", "c-1", "2024-03-12", "2024-03-11"),
    ]
    forward = [[m.id for m in c.members] for c in link(reports, OPTIONS)]
    backward = [[m.id for m in c.members] for c in link(reversed(reports), OPTIONS)]
    assert forward == backward == [["m1", "m2"], ["m3"]]


def test_a_region_places_a_linked_event_better_than_an_unknown_place_and_worse_than_a_country():
    from dateline.corpus.events import _best_place

    sea = {"country": None, "geonames_id": 80303, "place_precision": "region"}
    unplaced = {
        "country": None,
        "lat": None,
        "lon": None,
        "geonames_id": None,
        "place_precision": "unknown",
    }
    at_sea = mention("m1", "ap-1", "2024-03-05T09:00", "2024-03-04", **sea)
    nowhere = mention("m2", "ap-2", "2024-03-05T09:00", "2024-03-04", **unplaced)
    country = {"geonames_id": 99237, "place_precision": "country"}
    iraq = mention("m3", "ap-3", "2024-03-05T09:00", "2024-03-04", **country)
    assert _best_place([nowhere, at_sea]).id == "m1"
    assert _best_place([at_sea, iraq]).id == "m3"
