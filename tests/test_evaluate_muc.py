"""The MUC-3/4 loader: message splitting, key parsing, and the real dev set when ../shared is there.

Fixtures are short public-domain MUC-3 texts and key templates (DEV-MUC3-0001, -0004, -0795).
"""

from __future__ import annotations

import pytest

from dateline.evaluate.muc import (
    SLOTS,
    MucKeyError,
    dateline_shape,
    evaluate,
    format_report,
    iter_muc_keys,
    iter_muc_messages,
    muc_articles,
    parse_fill,
    parse_keys,
    parse_messages,
)
from dateline.evaluate.muc_scope import out_of_scope, scored_figures
from dateline.options import Options
from dateline.record import Claim, Event, EventDate, Figure

MESSAGE_1 = """\
   SAN SALVADOR, 3 JAN 90 -- [REPORT] [ARMED FORCES PRESS COMMITTEE,
COPREFA] [TEXT] THE ARCE BATTALION COMMAND HAS REPORTED THAT ABOUT 50
PEASANTS OF VARIOUS AGES HAVE BEEN KIDNAPPED BY TERRORISTS OF THE
FARABUNDO MARTI NATIONAL LIBERATION FRONT [FMLN] IN SAN MIGUEL
DEPARTMENT.

   IT WAS ALSO REPORTED THAT A SOLDIER WAS WOUNDED AND TAKEN TO THE MILITARY
"""
MESSAGE_1 += "HOSPITAL IN THIS CAPITAL.  \n"  # trailing spaces are in the corpus and must survive

MESSAGE_2 = """\
   BRASILIA (BRAZIL), 18 NOV 89 (RADIO NACIONAL DA AMAZONIA NETWORK) --
[TEXT] IN A NOTE RELEASED BY THE FOREIGN MINISTRY, THE BRAZILIAN GOVERNMENT
STATES ITS INDIGNATION OVER THE NEWS ABOUT THE MURDER OF SIX JESUIT PRIESTS
IN EL SALVADOR.
"""

TEXT_FILE = f"DEV-MUC3-0001 (NOSC)\n\n{MESSAGE_1}\n\nDEV-MUC3-0795  (PRC)\n\n{MESSAGE_2}  \n\n\n"

LOCATION = "EL SALVADOR: SAN MIGUEL (DEPARTMENT): SAN LUIS DE LA REINA (TOWN)"
FMLN = '"FARABUNDO MARTI NATIONAL LIBERATION FRONT" / "FMLN"'
# Long key lines are written with @LOCATION@ and @FMLN@, filled in below.
KEYS = """
0.  MESSAGE: ID                     DEV-MUC3-0001 (NCCOSC)
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  30 DEC 89
3.  INCIDENT: LOCATION              @LOCATION@
4.  INCIDENT: TYPE                  KIDNAPPING
5.  INCIDENT: STAGE OF EXECUTION    ACCOMPLISHED
6.  INCIDENT: INSTRUMENT ID         *
7.  INCIDENT: INSTRUMENT TYPE       *
8.  PERP: INCIDENT CATEGORY         TERRORIST ACT
9.  PERP: INDIVIDUAL ID             "TERRORISTS"
10. PERP: ORGANIZATION ID           @FMLN@
11. PERP: ORGANIZATION CONFIDENCE   REPORTED AS FACT: @FMLN@
12. PHYS TGT: ID                    *
13. PHYS TGT: TYPE                  *
14. PHYS TGT: NUMBER                *
15. PHYS TGT: FOREIGN NATION        *
16. PHYS TGT: EFFECT OF INCIDENT    *
17. PHYS TGT: TOTAL NUMBER          *
18. HUM TGT: NAME                   -
19. HUM TGT: DESCRIPTION            "PEASANTS"
20. HUM TGT: TYPE                   CIVILIAN: "PEASANTS"
21. HUM TGT: NUMBER                 50: "PEASANTS"
22. HUM TGT: FOREIGN NATION         -
23. HUM TGT: EFFECT OF INCIDENT     -
24. HUM TGT: TOTAL NUMBER           -

;;; gk converted single murder to attack
0.  MESSAGE: ID                     DEV-MUC3-0004 (NCCOSC)
1.  MESSAGE: TEMPLATE               1 (OPTIONAL)
2.  INCIDENT: DATE                  - 08 JAN 90
3.  INCIDENT: LOCATION              EL SALVADOR
4.  INCIDENT: TYPE                  ATTACK
5.  INCIDENT: STAGE OF EXECUTION    ACCOMPLISHED
6.  INCIDENT: INSTRUMENT ID         -
7.  INCIDENT: INSTRUMENT TYPE       -
8.  PERP: INCIDENT CATEGORY         STATE-SPONSORED VIOLENCE
9.  PERP: INDIVIDUAL ID             -
10. PERP: ORGANIZATION ID           "AIR FORCE"
11. PERP: ORGANIZATION CONFIDENCE   REPORTED AS FACT: "AIR FORCE"
12. PHYS TGT: ID                    -
13. PHYS TGT: TYPE                  -
14. PHYS TGT: NUMBER                -
15. PHYS TGT: FOREIGN NATION        -
16. PHYS TGT: EFFECT OF INCIDENT    -
17. PHYS TGT: TOTAL NUMBER          -
18. HUM TGT: NAME                   "ARNULFO ROMERO"
19. HUM TGT: DESCRIPTION            "MONSIGNOR": "ARNULFO ROMERO"
                                    "SALVADORANS"
                                    "JESUIT PRIESTS"
20. HUM TGT: TYPE                   CIVILIAN: "JESUIT PRIESTS"
                                    CIVILIAN: "ARNULFO ROMERO"
                                    CIVILIAN: "SALVADORANS"
21. HUM TGT: NUMBER                 1: "ARNULFO ROMERO"
                                    70000: "SALVADORANS"
                                    PLURAL: "JESUIT PRIESTS"
22. HUM TGT: FOREIGN NATION         -
23. HUM TGT: EFFECT OF INCIDENT     DEATH: "JESUIT PRIESTS"
                                    DEATH: "ARNULFO ROMERO"
                                    DEATH: "SALVADORANS"
24. HUM TGT: TOTAL NUMBER           -

0.  MESSAGE: ID                      DEV-MUC3-0002 (NCCOSC)
"""
KEYS = KEYS.replace("@LOCATION@", LOCATION).replace("@FMLN@", FMLN)
# The last template is written further right, as part of key-dev-0901.muc4 is.
KEYS += "".join(
    f"{n}.{' ' * (3 - len(str(n)))}{label:32}  *\n" for n, label in enumerate(SLOTS) if n
)


# --- messages -----------------------------------------------------------------------------


def test_messages_split_on_header_lines_with_id_and_site():
    found = list(parse_messages(TEXT_FILE, "dev-muc3-test"))
    assert [(m.doc_id, m.site, m.file) for m in found] == [
        ("DEV-MUC3-0001", "NOSC", "dev-muc3-test"),
        ("DEV-MUC3-0795", "PRC", "dev-muc3-test"),
    ]


def test_message_text_is_the_file_slice_from_the_dateline_to_the_last_line():
    first, second = parse_messages(TEXT_FILE)
    assert first.text == MESSAGE_1
    assert second.text == MESSAGE_2  # the whitespace-only line after it is a separator
    for message in (first, second):
        assert TEXT_FILE[message.offset : message.offset + len(message.text)] == message.text


def test_text_before_the_first_header_and_files_without_headers_give_nothing():
    assert list(parse_messages("just some text\n")) == []
    [only] = parse_messages("preamble\nDEV-MUC3-0009 (GE)\n\n   LIMA, 2 FEB 90 -- [TEXT] X.\n")
    assert only.text == "   LIMA, 2 FEB 90 -- [TEXT] X.\n"


def test_a_directory_is_searched_for_text_files_only(tmp_path):
    (tmp_path / "dev-muc3-0001-0002").write_text(TEXT_FILE)
    (tmp_path / "key-dev-0001.muc4").write_text(KEYS)
    (tmp_path / "text-headers-info").write_text("DEV-MUC3-9999 (NOSC)\nnot a message\n")
    assert [m.doc_id for m in iter_muc_messages(tmp_path)] == ["DEV-MUC3-0001", "DEV-MUC3-0795"]
    assert [t.message_id for t in iter_muc_keys(tmp_path)][-1] == "DEV-MUC3-0002"


def test_missing_data_says_so(tmp_path):
    with pytest.raises(FileNotFoundError, match="no MUC-3/4 data"):
        list(iter_muc_messages(tmp_path / "absent"))


def test_articles_read_the_publication_date_from_the_dateline(tmp_path):
    (tmp_path / "dev-muc3-0001-0002").write_text(TEXT_FILE)
    first, second = muc_articles(tmp_path)
    assert (first.id, first.source) == ("DEV-MUC3-0001", "dev-muc3-0001-0002#DEV-MUC3-0001")
    assert (first.published, first.published_via) == ("1990-01-03", "text")
    assert first.text == MESSAGE_1
    assert second.id == "DEV-MUC3-0795"


# --- keys ---------------------------------------------------------------------------------


def test_keys_give_one_template_per_message_id_slot():
    templates = list(parse_keys(KEYS, "key-test"))
    assert [(t.message_id, t.site, t.number) for t in templates] == [
        ("DEV-MUC3-0001", "NCCOSC", 1),
        ("DEV-MUC3-0004", "NCCOSC", 1),
        ("DEV-MUC3-0002", "NCCOSC", None),
    ]
    assert [t.line for t in templates] == [2, 29, 63]
    assert all(t.file == "key-test" for t in templates)


def test_incident_date_location_and_type_are_typed_raw_text():
    first, second, irrelevant = parse_keys(KEYS)
    assert (first.date, first.dates, first.type) == ("30 DEC 89", ("30 DEC 89",), "KIDNAPPING")
    assert first.location == LOCATION
    assert (second.date, second.optional, second.location) == ("- 08 JAN 90", True, "EL SALVADOR")
    assert not irrelevant.relevant and irrelevant.date is None and irrelevant.type is None


def test_raw_slots_keep_every_line_and_null_or_inapplicable_fills():
    first, second, irrelevant = parse_keys(KEYS)
    assert set(first.slots) == set(SLOTS)
    assert second.slots["HUM TGT: NUMBER"] == (
        '1: "ARNULFO ROMERO"', '70000: "SALVADORANS"', 'PLURAL: "JESUIT PRIESTS"'
    )  # fmt: skip
    assert first.slots["HUM TGT: NAME"] == ("-",) and first.slots["PHYS TGT: ID"] == ("*",)
    assert irrelevant.slots["INCIDENT: TYPE"] == ("*",)
    assert first.fills("HUM TGT: NAME") == () and first.fills(12) == ()


def test_comments_belong_to_the_template_after_them():
    first, second, _ = parse_keys(KEYS)
    assert first.comments == ()
    assert second.comments == (";;; gk converted single murder to attack",)


def test_fills_split_alternatives_and_cross_references():
    first, second, _ = parse_keys(KEYS)
    [confidence] = first.fills("PERP: ORGANIZATION CONFIDENCE")
    assert confidence.values == ("REPORTED AS FACT",)
    assert confidence.refs == ("FARABUNDO MARTI NATIONAL LIBERATION FRONT", "FMLN")
    numbers = second.fills(21)
    assert [(f.values, f.refs) for f in numbers] == [
        (("1",), ("ARNULFO ROMERO",)),
        (("70000",), ("SALVADORANS",)),
        (("PLURAL",), ("JESUIT PRIESTS",)),
    ]
    assert second.fills(19)[0].values == ("MONSIGNOR",)
    [location] = first.fills("INCIDENT: LOCATION")  # here the colons are a place hierarchy
    assert location.values == (first.location,) and location.refs == ()


@pytest.mark.parametrize(
    ("line", "optional", "values", "refs"),
    [
        ('? "TERRORIST"', True, ("TERRORIST",), ()),
        ('?GUN / RIFLE: "M-16 RIFLES"/"M-16"', True, ("GUN", "RIFLE"), ("M-16 RIFLES", "M-16")),
        ('PLURAL / 3: "STORES"', False, ("PLURAL", "3"), ("STORES",)),
        ('"DRUG \\"BARONS\\"" / "DRUG BARONS"', False, ('DRUG "BARONS"', "DRUG BARONS"), ()),
        ('? ("BODYGUARD" / "GUARD"): "PEDRO"', True, ("BODYGUARD", "GUARD"), ("PEDRO",)),
        ("(- 29 MAR 89) / (28 - 29 MAR 89)", False, ("- 29 MAR 89", "28 - 29 MAR 89"), ()),
        ("7 (5-10)", False, ("7 (5-10)",), ()),
        ('INJURY: "16 OTHERS / "OTHERS"', False, ("INJURY",), ('16 OTHERS / "OTHERS',)),  # typo
    ],
)
def test_fill_notation(line, optional, values, refs):
    fill = parse_fill(line)
    assert (fill.raw, fill.optional, fill.values, fill.refs) == (line, optional, values, refs)


def test_date_alternatives():
    keys = KEYS.replace("30 DEC 89", "(- 29 MAR 89) / (28 MAR 89 - 29 MAR 89)")
    first = next(parse_keys(keys))
    assert first.date == "(- 29 MAR 89) / (28 MAR 89 - 29 MAR 89)"
    assert first.dates == ("- 29 MAR 89", "28 MAR 89 - 29 MAR 89")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("2.  INCIDENT: DATE                  30 DEC 89\n", "before any MESSAGE: ID"),
        ("0.  MESSAGE: ID   DEV-MUC3-0001 (X)\n0.5 SOMETHING ELSE\n", "not a slot"),
        (
            "0.  MESSAGE: ID   DEV-MUC3-0001 (X)\n4.  INCIDENT: TYPE  A\n4.  INCIDENT: TYPE  B\n",
            "twice",
        ),
        ("0.  MESSAGE: ID   DEV-MUC3-0001 (X)\n1.  MESSAGE: TEMPLATE  ONE\n", "not a number"),
    ],
)
def test_malformed_keys_are_reported_with_file_and_line(text, problem):
    with pytest.raises(MucKeyError, match=problem):
        list(parse_keys(text, "key-bad"))


# --- the corpus report ----------------------------------------------------------------------

NO_DATE = "   SAN SALVADOR, NO DATE (DOMESTIC SERVICE) -- [SPEECH] [CRISTIANI] [TEXT] WE WILL.\n"


def test_report_counts_dated_messages_and_groups_the_rest_by_dateline_shape(tmp_path):
    (tmp_path / "dev-muc3-0001-0002").write_text(
        f"DEV-MUC3-0001 (NOSC)\n\n{MESSAGE_1}\nDEV-MUC3-0308 (NOSC)\n\n{NO_DATE}"
    )
    (tmp_path / "key-dev-0001.muc4").write_text(KEYS)
    report = evaluate(tmp_path, Options())
    assert (report["messages"], report["published_from_dateline"]) == (2, 1)
    assert report["undated_by_shape"] == {"place, no date (x) --": 1}
    assert (report["templates"], report["relevant_templates"]) == (1, 1)  # keys of these ids only
    assert "published read from the dateline: 1" in format_report(report)
    assert evaluate(tmp_path, Options(), limit=1)["messages"] == 1


@pytest.mark.parametrize(
    ("line", "shape"),
    [
        ("MADRID (SPAIN), 26 JAN 89 (RNE) -- [TEXT] NAPOLEON", "place (x), dd mmm yy (x) --"),
        ("TEGUCIGALPA, 7 FEB (REUTER) -- [TEXT] A BOMB", "place, dd mmm (x) --"),
        ("PERTH (AUSTRALIA), JUNE 11 89 (AFP) -- [TEXT]", "place (x), mmm dd yy (x) --"),
        ("NO CITY, NO DATE -- [STATEMENT] [TEXT]", "no city, no date --"),
    ],
)
def test_dateline_shapes(line, shape):
    assert dateline_shape(line) == shape


# --- the real dev set ---------------------------------------------------------------------


@pytest.mark.shared
def test_real_dev_set_counts(shared_dir):
    muc_dev = shared_dir / "data" / "muc34" / "dev"
    if not muc_dev.is_dir():
        pytest.skip(f"MUC-3/4 dev data not found at {muc_dev}")
    found = list(iter_muc_messages(muc_dev))
    assert len(found) == 1300 and len({m.doc_id for m in found}) == 1300
    assert all(m.text.strip() for m in found)
    templates = list(iter_muc_keys(muc_dev))
    assert len(templates) == 1717
    assert {t.message_id for t in templates} == {m.doc_id for m in found}
    assert sum(t.relevant for t in templates) == 1114


# --- MUC's scope for the event-level figures ------------------------------------------------


def _event(kind: str, groups: list[str | None], ended: str = "1990-01-03") -> Event:
    figures = [Figure("killed", 2, None, None, "exact", group, None, 0, 1, "x") for group in groups]
    return Event(
        id="e", type=kind, summary="", date=EventDate(ended, ended, "day", "explicit"),
        historical=False, location=None, actors=[], figures=figures,
        claimed_by=Claim("outlet", None, None, None), evidence=[],
    )  # fmt: skip


@pytest.mark.parametrize(
    ("event", "reason"),
    [
        (_event("violence_against_civilians", [None]), None),
        (_event("battles", [None]), "armed clash"),
        (_event("explosions_remote_violence", ["soldiers", "police"]), "combatant victims only"),
        (_event("explosions_remote_violence", ["soldiers", "civilians"]), None),
        (_event("battles", ["soldiers", "civilians"]), None),
        (_event("violence_against_civilians", [None], ended="1989-10-01"), None),
    ],
)
def test_events_outside_muc_scope_say_why(event, reason):
    assert out_of_scope(event) == reason


def test_perpetrators_killed_are_not_muc_targets():
    event = _event("violence_against_civilians", ["militants", "civilians", None])
    assert [f.group for f in scored_figures(event)] == ["civilians", None]
