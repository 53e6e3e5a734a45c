"""Metadata read from the text: wire datelines, bylines, self-named publishers, language, dates."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.ingest import Meta, build_article
from dateline.ingest.dates import build_iso, normalise_datetime, two_digit_year
from dateline.ingest.metadata import (
    detect_language,
    find_publisher,
    find_wire_dateline,
    parse_byline,
    published_from_given,
    read_scraped_header,
)
from dateline.options import Options
from dateline.record import Span


def whole(text: str) -> Span:
    return Span(0, len(text))


def article_from(text: str, **meta):
    return build_article(text, "mem", Meta(**meta), Options())


# Wire datelines -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("opening", "value", "stated", "agency"),
    [
        ("KABUL, March 3, 2024 (Reuters) - ", "2024-03-03", "March 3, 2024", "Reuters"),
        ("SAN SALVADOR, 3 JAN 90 -- [TEXT] ", "1990-01-03", "3 JAN 90", None),
        ("LIMA, 12 Feb 89 (EFE) -- ", "1989-02-12", "12 Feb 89", "EFE"),
        ("WASHINGTON, Feb. 29, 2024 (AP) \u2014 ", "2024-02-29", "Feb. 29, 2024", "AP"),
        ("PORT-AU-PRINCE, Haiti, Sept. 12, 2021 - ", "2021-09-12", "Sept. 12, 2021", None),
    ],
)
def test_wire_dateline(opening, value, stated, agency, english):
    text = opening + english
    found, yearless, by = find_wire_dateline(text, whole(text))
    assert found.value == value and yearless is None
    assert text[found.span.start : found.span.end] == stated
    assert (by.value if by else None) == agency


def test_wire_dateline_sets_published_and_publisher(english):
    item = article_from("KABUL, March 3, 2024 (Reuters) - " + english)
    article = item.article
    assert item.problems == []
    assert (article.published, article.published_via) == ("2024-03-03", "text")
    span = article.published_span
    assert article.text[span.start : span.end] == "March 3, 2024"
    assert (article.publisher, article.publisher_via) == ("Reuters", "text")


def test_yearless_dateline_gives_no_date_and_a_warning(english):
    item = article_from("KABUL, March 3 (Reuters) - " + english)
    assert item.article.published is None and item.article.published_via == "none"
    assert [p.code for p in item.problems] == ["published_incomplete"]
    assert not item.problems[0].fatal and "'March 3'" in item.problems[0].message
    assert item.article.publisher == "Reuters"


def test_given_date_silences_the_yearless_dateline(english):
    item = article_from("KABUL, March 3 (Reuters) - " + english, published="2024-03-03")
    assert item.problems == [] and item.article.published == "2024-03-03"


@pytest.mark.parametrize("opening", ["KABUL, 30 February 2024 - ", "KABUL, Feb. 29, 2023 (AP) - "])
def test_impossible_dateline_date_gives_no_value(opening, english):
    found, yearless, _agency = find_wire_dateline(opening + english, whole(opening + english))
    assert found is None and yearless is None
    assert article_from(opening + english).article.published is None


def test_dateline_must_open_the_story(english):
    text = english * 3 + "\nKABUL, March 3, 2024 (Reuters) - More."
    assert find_wire_dateline(text, whole(text)) == (None, None, None)


def test_dateline_is_looked_for_in_the_body_only(english):
    text = " date 2026-02-26\n\nKABUL, March 3, 2024 (Reuters) - " + english
    assert article_from(text).article.published == "2026-02-26"  # the header wins


def test_numbers_in_parentheses_are_no_agency(english):
    text = "GAZA, 5 May 2024 (2) - " + english
    assert find_wire_dateline(text, whole(text)) == (None, None, None)


def test_two_digit_years_are_the_latest_not_in_the_future():
    today = date(2026, 2, 26)
    assert two_digit_year(90, today) == 1990
    assert two_digit_year(24, today) == 2024
    assert two_digit_year(26, today) == 2026
    assert two_digit_year(27, today) == 1927


# Scraped headers ----------------------------------------------------------------------------


def test_scraped_header_parts():
    text = " date 2026-02-26 26 February 2026 10:39 (UTC+04:00)\n\nNazrin Abdul\n\nBody starts."
    header = read_scraped_header(text)
    assert header.published.value == "2026-02-26T10:39:00+04:00"
    assert header.byline == ["Nazrin Abdul"] and text[header.body_start :] == "Body starts."


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("date 2024-05-01", "2024-05-01"),
        (" date 2024-05-01 09:05", "2024-05-01T09:05:00"),
        (" date 2024-05-01 1 May 2024 09:05:30 GMT-03:30", "2024-05-01T09:05:30-03:30"),
        ("\tdate 2024-05-01 1 May 2024 23:15 UTC\u22125", "2024-05-01T23:15:00-05:00"),
    ],
)
def test_scraped_header_dates(line, value):
    assert read_scraped_header(line + "\nBody.").published.value == value


def test_scraped_header_with_an_impossible_date_has_no_value():
    header = read_scraped_header(" date 2024-02-30 30 February 2024\n\nBody.")
    assert header is not None and header.published is None


def test_text_without_a_header_is_not_scraped():
    assert read_scraped_header("The date 2024-05-01 was set.") is None


# Bylines ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Jane Smith", ["Jane Smith"]),
        ("By Jane Smith and John Doe", ["Jane Smith", "John Doe"]),
        ("Jane Smith, John Doe and Ann Lee", ["Jane Smith", "John Doe", "Ann Lee"]),
        ("By Ann Lee & Bo Chan", ["Ann Lee", "Bo Chan"]),
        ("BY JANE SMITH", ["JANE SMITH"]),
        ("Ludwig van Beethoven", ["Ludwig van Beethoven"]),
        ("Nazrin Abdul", ["Nazrin Abdul"]),
        ("By Reuters", ["Reuters"]),
    ],
)
def test_bylines(line, names):
    assert parse_byline(line) == names


@pytest.mark.parametrize(
    "line",
    [
        "Azerbaijan Marks Khojaly Anniversary",  # a headline in title case
        "Talks To Resume Next Week In Kabul",
        "The Embassy Statement",
        "Breaking News",
        "Staff Reporter",
        "Kabul",
        "Kabul, Afghanistan",
        "Jane Smith and",
        "Updated 10:30",
        "The minister said the talks would resume.",
        "",
        "By " + "Verylongname " * 10,
    ],
)
def test_lines_that_are_no_byline(line):
    assert parse_byline(line) == []


# Publishers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Trend presents the full text of the statement:", "Trend"),
        ("Xinhua publishes the full text of the speech.", "Xinhua"),
        ("Below, AzerNEWS presents its readers with the full text.", "AzerNEWS"),
        ("The Associated Press publishes the full transcript.", "The Associated Press"),
        ("Today Trend presents the full text.", "Trend"),
    ],
)
def test_publisher_naming_itself(text, name):
    found = find_publisher(text, whole(text))
    assert found.value == name and text[found.span.start : found.span.end] == name
    assert found.confidence == pytest.approx(0.8)


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Copyright 2024 Reuters. All rights reserved.", "Reuters"),
        ("\u00a9 2024 The Daily Example. All rights reserved.", "The Daily Example"),
        ("Copyright \u00a9 2023 Agence France-Presse", "Agence France-Presse"),
        ("(c) Example News Ltd, 2024", "Example News Ltd"),
    ],
)
def test_publisher_from_a_copyright_line(line, name, english):
    text = english + "\n" + line
    found = find_publisher(text, whole(text))
    assert found.value == name and found.confidence == pytest.approx(0.7)


@pytest.mark.parametrize(
    "text",
    [
        "It presents the full text of the law.",
        "We present the full text.",
        "The ministry presents the full text.",
        "He said the copyright 2024 rules apply.",
    ],
)
def test_no_publisher_where_no_outlet_names_itself(text):
    assert find_publisher(text, whole(text)) is None


def test_self_named_publisher_fills_the_article(english):
    article = article_from(english + "\n\nTrend presents the full text of the statement:\n").article
    assert (article.publisher, article.publisher_via) == ("Trend", "text")


def test_container_publisher_is_not_replaced_from_the_text(english):
    text = english + "\nTrend presents the full text."
    article = article_from(text, publisher="Daily", publisher_via="meta").article
    assert (article.publisher, article.publisher_via) == ("Daily", "meta")


# Language -----------------------------------------------------------------------------------


def test_english_is_english(english):
    language, confidence = detect_language(english)
    assert language == "en" and confidence > 0.95


def test_upper_case_english_is_english(english):
    assert detect_language(english.upper())[0] == "en"
    item = article_from(english.upper())
    assert item.problems == [] and item.article.language == "en"


def test_a_long_french_text_is_refused(french):
    item = article_from(french)
    assert item.article.language == "fr"
    assert [p.code for p in item.problems] == ["unsupported_language"]
    assert item.problems[0].fatal and "'fr'" in item.problems[0].message


def test_a_long_spanish_text_is_refused():
    spanish = (
        "El gobierno anunció el martes que las negociaciones se reanudarán la próxima semana en "
        "la capital, después de una pausa de varios meses. Los representantes de ambas partes "
        "dijeron que estaban dispuestos a discutir el intercambio de prisioneros y el acceso "
        "humanitario, según un portavoz del ministerio."
    )
    assert [p.code for p in article_from(spanish).problems] == ["unsupported_language"]


def test_a_short_foreign_text_is_not_refused():
    item = article_from("Le gouvernement a annoncé mardi la reprise des négociations.")
    assert item.problems == []


def test_text_without_letters_has_no_language():
    assert detect_language("12 345 -- 67,8 %") == (None, 0.0)


# Dates --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2024-03-05", "2024-03-05"),
        ("2024-03-05T08:15:00+01:00", "2024-03-05T08:15:00+01:00"),
        ("2024-03-05T08:15:00.123Z", "2024-03-05T08:15:00+00:00"),
        ("2024-03-05 08:15", "2024-03-05T08:15:00"),
        ("20240305", "2024-03-05"),
        ("Tue, 05 Mar 2024 08:15:00 +0100", "2024-03-05T08:15:00+01:00"),
        ("Tue, 05 Mar 2024 08:15:00 GMT", "2024-03-05T08:15:00+00:00"),
        ("March 3, 2024", "2024-03-03"),
        ("3 March 2024 10:00", "2024-03-03T10:00:00"),
        ("  2024-03-05  ", "2024-03-05"),
    ],
)
def test_normalise_datetime(value, iso):
    assert normalise_datetime(value) == iso


@pytest.mark.parametrize(
    "value",
    [
        "", "   ", "yesterday", "10:30", "March 3",  # nothing to go on, or no year
        "2024", "March 2024", "2024-03",  # a month or day would have to be invented
        "February 30, 2024", "2024-02-30", "2024-02-30T10:00:00", "Mon, 31 Feb 2024 10:00 +0000",
        "2024-03-05T25:00", "2024-03-05T08:15:00+25:00",  # no such hour, no such offset
    ],
)  # fmt: skip
def test_normalise_datetime_gives_none_rather_than_a_guess(value):
    assert normalise_datetime(value) is None


@given(st.text(max_size=60))
def test_normalise_datetime_never_raises(value):
    result = normalise_datetime(value)
    assert result is None or result[:4].isdigit()


@given(
    st.datetimes(min_value=datetime(1000, 1, 1)).map(lambda moment: moment.replace(microsecond=0)),
    st.integers(min_value=-23 * 60, max_value=23 * 60),
)
def test_normalise_datetime_round_trips_iso_with_offset(moment, offset):
    iso = build_iso(moment.date(), (moment.hour, moment.minute, moment.second), offset)
    assert normalise_datetime(iso) == iso


def test_build_iso_keeps_only_what_is_known():
    day = date(2026, 2, 26)
    assert build_iso(day, None, None) == "2026-02-26"
    assert build_iso(day, (10, 39, 0), None) == "2026-02-26T10:39:00"
    assert build_iso(day, (10, 39, 0), 240) == "2026-02-26T10:39:00+04:00"


def test_published_from_given():
    assert published_from_given(date(2024, 3, 5)) == "2024-03-05"
    assert published_from_given("Tue, 05 Mar 2024 08:15:00 +0100") == "2024-03-05T08:15:00+01:00"
    assert published_from_given(20240305) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "LIMA, JUNE 11 89 (EFE) -- [TEXT] THE POLICE SAID",
            "1989-06-11",
        ),  # month first, 2-digit year
        ("BOGOTA, 3 MAY 90 (EMISORAS CARACOL)\n-- [TEXT] TROOPS", "1990-05-03"),  # dash wrapped
    ],
)
def test_wire_datelines_in_wrapped_wire_copy(text, expected):
    found, _, _ = find_wire_dateline(text, Span(0, len(text)))
    assert found is not None and found.value == expected


def test_language_is_unknown_when_its_model_cannot_be_unpacked(monkeypatch):
    from dateline.ingest import metadata

    def full_disk():  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(metadata, "_language_identifier", full_disk)
    assert metadata.detect_language("The minister said the talks would resume.") == (None, 0.0)
