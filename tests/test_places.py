"""Place recognition, the dateline_places component and event locations, on Docs built by hand
(spacy.blank, entities set by the test) and a small gazetteer: no trained model, no packages."""

from __future__ import annotations

import re

import pytest
import spacy

from dateline.components import STAGE_FACTORIES
from dateline.docext import stage_attr
from dateline.pipeline import make_doc
from dateline.record import Article, Place
from dateline.stages.places import (
    PlacesComponent,
    all_capitals,
    body_span,
    demonym_country,
    demonyms,
    event_location,
    find_places,
    mentions,
)
from test_gazetteer import tiny_gazetteer

PLACES = stage_attr("places")


@pytest.fixture(scope="module")
def gazetteer():
    return tiny_gazetteer()


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("en")


def doc_with(nlp, text: str, ents: dict[str, str] | None = None, *, body_start: int = 0):
    """A Doc over `text` with the given entities ({surface: label}, first occurrence each)."""
    article = Article(source="test", text=text)
    article.body.start = body_start
    doc = make_doc(nlp, article)
    spans = []
    for surface, label in (ents or {}).items():
        start = text.index(surface)
        span = doc.char_span(start, start + len(surface), label=label)
        assert span is not None, surface
        spans.append(span)
    doc.ents = spans
    return doc


def found(doc, gazetteer) -> list[tuple[str, int | None]]:
    return [
        (r.mention.text, r.entry.geonameid if r.entry else None)
        for r in find_places(doc, gazetteer)
    ]


# Recognition --------------------------------------------------------------------------------


def test_model_entities_are_places_and_resolve(nlp, gazetteer):
    doc = doc_with(
        nlp, "Troops entered Khojaly in Azerbaijan.", {"Khojaly": "GPE", "Azerbaijan": "GPE"}
    )
    assert found(doc, gazetteer) == [("Khojaly", 147774), ("Azerbaijan", 587116)]


def test_a_list_after_settlements_is_places_whatever_the_model_said(nlp, gazetteer):
    text = (
        "Killings in other settlements, including Baghanis Ayrim, Khojaly, Tugh, and Salakatin "
        "further show it."
    )
    doc = doc_with(nlp, text, {"Baghanis Ayrim": "PERSON", "Tugh": "ORG"})
    assert found(doc, gazetteer) == [
        ("Baghanis Ayrim", None), ("Khojaly", 147774), ("Tugh", None), ("Salakatin", None)
    ]  # fmt: skip


def test_a_list_cue_in_capitals_or_a_name_is_not_a_cue(nlp, gazetteer):
    doc = doc_with(nlp, "The Villages Mall and Main Street Settlements Ltd opened.")
    assert found(doc, gazetteer) == []


def test_a_known_name_after_a_locative_preposition_is_a_place(nlp, gazetteer):
    doc = doc_with(nlp, "Shelling was reported in Khojaly overnight.", {"Khojaly": "ORG"})
    assert found(doc, gazetteer) == [("Khojaly", 147774)]


def test_a_person_after_a_preposition_stays_a_person(nlp, gazetteer):
    doc = doc_with(nlp, "A letter from Paris Hilton arrived.", {"Paris Hilton": "PERSON"})
    assert found(doc, gazetteer) == []


def test_a_country_tagged_as_an_organisation_is_a_place(nlp, gazetteer):
    doc = doc_with(nlp, "Azerbaijan said the talks failed.", {"Azerbaijan": "ORG"})
    assert found(doc, gazetteer) == [("Azerbaijan", 587116)]


def test_other_occurrences_of_a_found_place_are_places_too(nlp, gazetteer):
    text = "Alexandria, Louisiana, was quiet. Later Alexandria police met Alexandria Smith."
    doc = doc_with(
        nlp, text, {"Alexandria": "GPE", "Louisiana": "GPE", "Alexandria Smith": "PERSON"}
    )
    places = find_places(doc, gazetteer)
    assert [(r.mention.start, r.entry.geonameid) for r in places] == [
        (0, 4314550), (12, 4331987), (40, 4314550)
    ]  # fmt: skip


def test_demonyms_are_not_places_but_give_countries(nlp, gazetteer):
    text = "Armenian forces attacked; the Azerbaijani side said so."
    doc = doc_with(nlp, text, {"Armenian": "NORP", "Azerbaijani": "GPE"})
    assert found(doc, gazetteer) == []
    doc.ents = [doc.char_span(0, 8, label="NORP"), doc.char_span(30, 41, label="NORP")]
    assert demonyms(doc, gazetteer) == [(0, 8, "Armenian", "AM"), (30, 41, "Azerbaijani", "AZ")]
    assert demonym_country("Armenians", gazetteer) == "AM"


def test_lower_case_and_acronym_entities_are_not_places(nlp, gazetteer):
    doc = doc_with(
        nlp, "The veranda and the AI lab at UConn.", {"veranda": "FAC", "AI": "GPE", "UConn": "GPE"}
    )
    assert found(doc, gazetteer) == []


def test_only_the_body_is_searched(nlp, gazetteer):
    text = "Armenia Times\n\nFighting in Khojaly."
    doc = doc_with(
        nlp, text, {"Armenia": "GPE", "Khojaly": "GPE"}, body_start=text.index("Fighting")
    )
    assert found(doc, gazetteer) == [("Khojaly", 147774)]


def test_text_in_capitals_is_matched_against_large_places(nlp, gazetteer):
    text = "FIGHTING WAS REPORTED NEAR ALEXANDRIA AND IN AZERBAIJAN ON MONDAY, OFFICIALS SAID."
    assert all_capitals(text)
    names = [name for name, _ in found(doc_with(nlp, text), gazetteer)]
    assert names == ["ALEXANDRIA", "AZERBAIJAN"]


def test_a_qualifier_and_the_context_resolve_a_homonym(nlp, gazetteer):
    doc = doc_with(nlp, "Police in Alexandria, La., said", {"Alexandria": "GPE", "La.": "GPE"})
    assert found(doc, gazetteer)[0] == ("Alexandria", 4314550)


def test_an_abbreviated_state_qualifies_a_town_inside_a_list_and_its_bare_repeats(nlp, gazetteer):
    text = "Finalists were Paris, Alexandria, La., and Armenia. Alexandria won."
    ents = {"Paris": "GPE", "Alexandria": "GPE", "La.": "GPE", "Armenia": "GPE"}
    doc = doc_with(nlp, text, ents)
    doc.ents = [*doc.ents, doc.char_span(text.rindex("Alexandria"), len(text) - 5, label="GPE")]
    resolved: dict[str, set[int | None]] = {}
    for name, geonameid in found(doc, gazetteer):
        resolved.setdefault(name, set()).add(geonameid)
    assert resolved["Alexandria"] == {4314550}  # the Louisiana town, both times


def test_items_of_a_list_share_a_group_and_a_qualifier_is_not_an_item(nlp, gazetteer):
    text = "Teams from Paris, Alexandria, La., and Armenia met in Eu on Sunday."
    ents = {"Paris": "GPE", "Alexandria": "GPE", "La.": "GPE", "Armenia": "GPE", "Eu": "GPE"}
    doc = doc_with(nlp, text, ents)
    spans = sorted(doc.ents, key=lambda e: e.start_char)
    groups = {m.text: m.group for m in mentions(doc, spans, body_span(doc))}
    assert groups["Paris"] is not None
    assert groups["Paris"] == groups["Alexandria"] == groups["Armenia"]
    assert groups["La."] is None and groups["Eu"] is None  # a qualifier; a place on its own


# Bad input ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n\n\n",
        "ﷺ" * 50,
        "Ходжалы Khojaly ホジャリ",
        "x" * 5000,
        "in " * 300,
        "In In In In",
    ],
)
def test_odd_texts_give_no_crash(nlp, gazetteer, text):
    doc = doc_with(nlp, text)
    assert isinstance(find_places(doc, gazetteer), list)


def test_absurd_and_overlong_entities_resolve_to_nothing(nlp, gazetteer):
    long_name = "Khojaly " * 40
    text = f"They went to {long_name}and to Qwxzvbn."
    doc = doc_with(nlp, text, {long_name.strip(): "GPE", "Qwxzvbn": "GPE"})
    assert [geonameid for _, geonameid in found(doc, gazetteer)] == [None, None]


def test_mixed_scripts_in_a_name_do_not_crash(nlp, gazetteer):
    # A Cyrillic 'с' inside; "in" places the word, which no gazetteer name matches.
    doc = doc_with(nlp, "They camped in Xoсalı today.", {"Xoсalı": "GPE"})
    assert [name for name, _ in found(doc, gazetteer)] == ["Xoсalı"]


# The component ------------------------------------------------------------------------------


def test_the_component_is_registered_and_in_the_stage_order(nlp):
    assert "dateline_places" in STAGE_FACTORIES
    blank = spacy.blank("en")
    blank.add_pipe("dateline_places")
    assert blank.get_pipe_meta("dateline_places").assigns == [f"doc._.{PLACES}"]


def test_the_component_writes_record_places_with_offsets_into_the_text(nlp, gazetteer):
    text = "Fighting in Khojaly, Azerbaijan."
    doc = PlacesComponent(gazetteer)(doc_with(nlp, text, {"Khojaly": "GPE", "Azerbaijan": "GPE"}))
    places = doc._.get(PLACES)
    assert all(isinstance(p, Place) and text[p.start : p.end] == p.text for p in places)
    khojaly = places[0]
    assert (khojaly.name, khojaly.geonames_id, khojaly.country, khojaly.feature) == (
        "Khojaly", 147774, "AZ", "city"
    )  # fmt: skip


def test_the_component_without_places_writes_an_empty_list(nlp, gazetteer):
    doc = PlacesComponent(gazetteer)(doc_with(nlp, "Nothing happened here."))
    assert doc._.get(PLACES) == []


# Event location -----------------------------------------------------------------------------


def place(
    text: str, start: int, feature: str | None, geonames_id: int | None = 1, lat=40.0, lon=45.0
):
    return Place(start, start + len(text), text, text, geonames_id, "AZ", lat, lon, feature)


def located(text: str, places: list[Place], start: int = 0, end: int | None = None):
    return event_location(places, text, start, len(text) if end is None else end)


def test_the_town_is_chosen_over_the_country_named_in_passing():
    text = "Armenian forces attacked Khojaly, Azerbaijan."
    location = located(text, [place("Khojaly", 25, "city"), place("Azerbaijan", 34, "country")])
    assert (location.name, location.precision, location.start) == ("Khojaly", "exact", 25)


@pytest.mark.parametrize(
    ("prefix", "precision"),
    [("near ", "near"), ("outside ", "near"), ("20 km north of ", "near"), ("in ", "exact")],
)
def test_near_a_town_is_near(prefix, precision):
    text = f"Shells fell {prefix}Khojaly."
    location = located(text, [place("Khojaly", text.index("Khojaly"), "city")])
    assert location.precision == precision


@pytest.mark.parametrize(
    ("feature", "precision"),
    [("admin2", "district"), ("admin1", "province"), ("country", "country")],
)
def test_a_vague_place_says_how_vague(feature, precision):
    location = located("Clashes in Somewhere.", [place("Somewhere", 11, feature)])
    assert location.precision == precision
    assert location.lat == 40.0  # the division's point, labelled as such, never called exact


def test_no_place_is_unknown():
    location = located("Clashes were reported.", [])
    assert location.precision == "unknown" and location.name is None and location.lat is None


def test_an_unresolved_place_keeps_its_name_but_no_point():
    location = located(
        "Clashes in Tugh.", [place("Tugh", 11, None, geonames_id=None, lat=None, lon=None)]
    )
    assert (location.name, location.lat, location.precision, location.start) == (
        "Tugh",
        None,
        "unknown",
        11,
    )


def test_places_outside_the_span_are_ignored():
    text = "Clashes in Khojaly. Talks in Azerbaijan."
    places = [place("Khojaly", 11, "city"), place("Azerbaijan", 29, "country")]
    assert located(text, places, start=20).name == "Azerbaijan"


def test_a_place_with_coordinates_that_do_not_exist_is_not_used():
    text = "Clashes in Khojaly, Azerbaijan."
    places = [place("Khojaly", 11, "city", lat=123.0), place("Azerbaijan", 20, "country")]
    assert located(text, places).precision == "country"


def test_event_location_needs_no_gazetteer():
    # The events stage calls it with the record's places only; it must not load anything.
    assert re.search(r"load_gazetteer", event_location.__code__.co_names.__repr__()) is None


def test_a_place_named_inside_an_organisation_is_a_place(nlp, gazetteer):
    doc = doc_with(
        nlp, "The Azerbaijan Football Federation met.", {"Azerbaijan Football Federation": "ORG"}
    )
    assert found(doc, gazetteer) == [("Azerbaijan", 587116)]


def test_months_and_generic_words_are_not_places(nlp, gazetteer):
    text = "It happened in March in the West, said the Region."
    doc = doc_with(nlp, text, {"West": "LOC", "Region": "GPE"})
    assert found(doc, gazetteer) == []


def test_a_name_the_model_calls_a_person_more_often_does_not_spread(nlp, gazetteer):
    text = "Paris said no. Paris smiled. Police in Paris waited."
    doc = doc_with(nlp, text)
    first, second = doc.char_span(0, 5, label="PERSON"), doc.char_span(15, 20, label="PERSON")
    doc.ents = [first, second, doc.char_span(39, 44, label="GPE")]
    assert [r.mention.start for r in find_places(doc, gazetteer)] == [39]


def test_place_words_come_from_the_article_when_the_doc_is_truecased(nlp, gazetteer):
    article = Article(
        source="test", text="TROOPS ENTERED KHOJALY ON MONDAY, OFFICIALS IN BAKU SAID."
    )
    doc = nlp.make_doc(article.text.title())  # a Doc over a case-repaired copy
    doc._.set("dateline_article", article)
    doc.ents = [doc.char_span(15, 22, label="GPE")]
    assert [p.text for p in PlacesComponent(gazetteer)(doc)._.get(PLACES)] == ["KHOJALY"]
