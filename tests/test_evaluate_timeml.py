"""The TimeML evaluation: reading .tml, TempEval-3 scoring, the printed report."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.errors import DatelineError
from dateline.evaluate.timeml import (
    Tally,
    Timex,
    evaluate,
    figures,
    format_report,
    load_documents,
    read_document,
    score_document,
)
from dateline.options import Options

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>T1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-11-20"
  functionInDocument="CREATION_TIME">1998-11-20</TIMEX3></DCT>
<TEXT>
The suspect fled <TIMEX3 tid="t1" type="DATE" value="1998-10">last month</TIMEX3> &amp; was seen
<TIMEX3 tid="t2" type="DATE" value="1998-11-20">Friday</TIMEX3>, <EVENT
eid="e1">police</EVENT> said,
after <TIMEX3 tid="t3" type="DURATION" value="P3D">three days</TIMEX3>.
</TEXT>
</TimeML>
"""


@pytest.fixture
def tml_dir(tmp_path: Path) -> Path:
    (tmp_path / "part").mkdir()
    (tmp_path / "part" / "T1.tml").write_text(TML, encoding="utf-8")
    return tmp_path


def test_read_document_gives_text_dct_and_gold_offsets(tml_dir):
    doc = read_document(tml_dir / "part" / "T1.tml")
    assert doc.dct == "1998-11-20"
    assert [(doc.text[g.start : g.end], g.type, g.value) for g in doc.gold] == [
        ("last month", "DATE", "1998-10"),
        ("Friday", "DATE", "1998-11-20"),
        ("three days", "DURATION", "P3D"),
    ]
    assert "&amp;" not in doc.text and "police said" in doc.text


def test_load_documents_says_when_there_are_none(tmp_path):
    with pytest.raises(DatelineError, match="no .tml files"):
        load_documents(tmp_path)


def test_scoring_follows_tempeval3():
    gold = [
        Timex(0, 10, "DATE", "1998-10"),
        Timex(20, 26, "DATE", "1998-11-20"),
        Timex(40, 50, "DURATION", "P3D"),
    ]
    found = [
        Timex(0, 10, "DATE", "1998-10"),
        Timex(17, 26, "DATE", "1998-11-13"),
        Timex(60, 64, "DATE", "1998"),
    ]
    tally = Tally()
    score_document(gold, found, tally)
    result = figures(tally)
    assert (tally.strict, tally.relaxed, tally.type_ok, tally.value_ok) == (1, 2, 2, 1)
    assert result["strict_p"] == pytest.approx(1 / 3) and result["relaxed_r"] == pytest.approx(
        2 / 3
    )
    assert result["value_f1"] == pytest.approx(1 / 3)  # P = R = 1/3
    assert result["type_accuracy"] == 1.0 and result["value_accuracy"] == 0.5


def test_one_system_time_matches_one_gold_time():
    tally = Tally()
    score_document(
        [Timex(0, 5, "DATE", "a"), Timex(6, 10, "DATE", "b")], [Timex(0, 10, "DATE", "a")], tally
    )
    assert tally.relaxed == 1 and tally.system == 1 and tally.gold == 2


def test_format_report_prints_every_system_and_the_targets():
    figures_ = figures(Tally(system=10, gold=10, strict=8, relaxed=9, type_ok=9, value_ok=8))
    system = {
        "figures": figures_,
        "seconds": 1.0,
        "top_misses": [("now", 2)],
        "top_spurious": [],
        "top_wrong_values": [],
    }
    report = {"data": "x", "documents": 1, "gold_timexes": 10, "systems": {"dateline": system}}
    text = format_report(report)
    assert "dateline" in text and "HeidelTime" in text
    assert "target relaxed_f1 >= 0.90: 0.900 met" in text
    assert "target value_f1 >= 0.80: 0.800 met" in text


def test_evaluate_refuses_a_bad_limit(tml_dir):
    with pytest.raises(ValueError, match="positive"):
        evaluate(tml_dir, Options(), limit=0)


@pytest.mark.model
def test_evaluate_runs_the_pipeline_on_tml(tml_dir):
    report = evaluate(tml_dir, Options())
    dateline = report["systems"]["dateline"]
    assert report["documents"] == 1 and report["gold_timexes"] == 3
    assert dateline["counts"]["relaxed"] == 3
    assert dateline["counts"]["value_ok"] == 3
    assert "dateline" in format_report(report)
