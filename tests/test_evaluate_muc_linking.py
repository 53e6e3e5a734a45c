"""The MUC linking test set: which key pairs are one incident, which are not, which are unknown."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.evaluate.muc_events import FAR_PAST
from dateline.evaluate.muc_linking import KeyIncident, _target, same_incident

pytestmark = pytest.mark.issue(7)

DAY = (date(1989, 11, 16), date(1989, 11, 16))
LATER = (date(1989, 11, 30), date(1989, 11, 30))
PLACE = "EL SALVADOR: SAN SALVADOR (CITY)"


def key(message: str, dates=(DAY,), location=PLACE, country="SV", targets=("IGNACIO ELLACURIA",)):  # type: ignore[no-untyped-def]
    return KeyIncident(message, 1, tuple(dates), location, country, frozenset(targets))


def test_a_shared_named_target_on_the_same_day_and_place_is_one_incident():
    assert same_incident(key("A"), key("B")) is True


def test_different_days_or_countries_are_different_incidents():
    assert same_incident(key("A"), key("B", dates=(LATER,))) is False
    assert same_incident(key("A"), key("B", location="GUATEMALA", country="GT")) is False


def test_without_a_shared_target_the_keys_cannot_tell():
    assert same_incident(key("A"), key("B", targets=("PEASANTS",))) is None
    assert same_incident(key("A"), key("B", targets=())) is None


def test_an_open_date_never_makes_a_same_incident_pair():
    assert same_incident(key("A"), key("B", dates=((FAR_PAST, DAY[1]),))) is None


def test_two_templates_of_one_message_are_not_a_pair():
    assert same_incident(key("A"), key("A")) is None


def test_target_fills_are_read_from_their_quotes():
    assert _target('"IGNACIO ELLACURIA"') == "IGNACIO ELLACURIA"
    assert _target('COMMERCIAL: "STORES"') == "STORES"
    assert _target("-") == ""
