"""The geoparsing evaluation: reading GWN/LGL-shaped XML, matching and scoring, the report.

The XML here is written for the tests in the two corpora's formats; the real corpora are
only read by the `shared` tests, and only the `model` test runs the parser on them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.errors import DatelineError
from dateline.evaluate import geo
from dateline.options import Options
from test_gazetteer import tiny_gazetteer

GWN = """<?xml version="1.0" ?>
<articles>
  <article file="7">
    <title>t</title><link>l</link>
    <text>Fighting in Khojaly and Russian troops near Armenia.</text>
    <toponyms>
      <toponym><extractedName>Khojaly</extractedName><normalisedName/><type>Literal</type>
        <modifierType/><nonLocational>No</nonLocational><start>12</start><end>19</end>
        <geonamesID>147774</geonamesID><latitude>39.91</latitude><longitude>46.79</longitude></toponym>
      <toponym><extractedName>Russian</extractedName><normalisedName/>
        <type>Non_Literal_Modifier</type><modifierType>Adjective</modifierType>
        <nonLocational>No</nonLocational><start>24</start><end>31</end>
        <geonamesID>2017370</geonamesID><latitude>60.0</latitude><longitude>100.0</longitude></toponym>
      <toponym><extractedName>troops</extractedName><normalisedName/><type>Non_Toponym</type>
        <modifierType/><nonLocational>Yes</nonLocational><start>32</start><end>38</end></toponym>
      <toponym><extractedName>Armenia</extractedName><normalisedName/><type>Literal</type>
        <modifierType/><nonLocational>No</nonLocational><start>44</start><end>51</end>
        <geonamesID>174982</geonamesID><latitude>40.0</latitude><longitude>45.0</longitude></toponym>
    </toponyms>
  </article>
</articles>
"""

LGL = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="1">
    <title>t</title>
    <text><![CDATA[Alexandria police and Rapides Parish deputies met in Oakport Township.]]></text>
    <toponyms>
      <toponym><start>0</start><end>10</end><phrase>Alexandria</phrase>
        <gaztag geonameid="4314550"><name>Alexandria</name><fclass>P</fclass><fcode>PPL</fcode>
          <lat>31.3113</lat><lon>-92.4451</lon></gaztag></toponym>
      <toponym><start>22</start><end>36</end><phrase>Rapides Parish</phrase>
        <gaztag geonameid="4338356"><lat>31.1669</lat><lon>-92.4835</lon></gaztag></toponym>
      <toponym><start>53</start><end>69</end><phrase>Oakport Township</phrase></toponym>
      <toponym><start>0</start><end>3</end><phrase>misaligned</phrase></toponym>
    </toponyms>
  </article>
</articles>
"""


@pytest.fixture
def data(tmp_path: Path) -> Path:
    (tmp_path / "GWN.xml").write_text(GWN, encoding="utf-8")
    (tmp_path / "lgl.xml").write_text(LGL, encoding="utf-8")
    return tmp_path


def test_gwn_gold_is_the_toponyms_with_coordinates(data):
    (doc,) = geo.read_corpus(data / "GWN.xml", "GWN")
    assert [t.text for t in doc.gold] == ["Khojaly", "Russian", "Armenia"]
    assert doc.id == "7" and doc.text[12:19] == "Khojaly"


def test_lgl_gold_is_every_toponym_some_without_a_point(data):
    (doc,) = geo.read_corpus(data / "lgl.xml", "LGL")
    assert [(t.text, t.lat is not None) for t in doc.gold] == [
        ("Alexandria", True), ("Rapides Parish", True),
        ("Oakport Township", False), ("misaligned", False),
    ]  # fmt: skip


def test_misaligned_gold_and_demonyms_are_dropped_and_counted(data):
    gazetteer = tiny_gazetteer()
    (lgl,) = geo.read_corpus(data / "lgl.xml", "LGL")
    assert geo._drop_misaligned(lgl) == 1
    (gwn,) = geo.read_corpus(data / "GWN.xml", "GWN")
    gazetteer.demonyms["russian"] = "RU"
    assert geo._drop_demonyms(gwn, gazetteer) == 1
    assert [t.text for t in gwn.gold] == ["Khojaly", "Armenia"]


def test_loose_matching_is_one_to_one_and_prefers_exact_spans():
    gold = [geo.Toponym(0, 10, "Alexandria"), geo.Toponym(12, 20, "Virginia")]
    predicted = [geo.Predicted(0, 20, 1, 1), geo.Predicted(0, 10, 1, 1)]
    assert sorted(geo.loose_matches(gold, predicted)) == [(0, 1), (1, 0)]


def test_scoring_counts_strict_loose_and_errors():
    doc = geo.Document(
        "d", "x" * 40, [geo.Toponym(0, 7, "Khojaly", 39.91, 46.79), geo.Toponym(20, 27, "Nowhere")]
    )
    tally = geo.Tally()
    predicted = [
        geo.Predicted(0, 7, 39.9, 46.8),
        geo.Predicted(19, 27, None, None),
        geo.Predicted(30, 35, 0, 0),
    ]
    geo.score_document(tally, doc, predicted)
    report = geo.summary(tally)
    assert (tally.strict, tally.loose) == (1, 2)
    assert report["strict"]["precision"] == pytest.approx(1 / 3)
    assert report["loose"]["recall"] == 1.0
    assert report["acc161"] == 1.0 and report["end_to_end_acc161"] == 1.0


def test_an_unresolved_match_counts_as_the_worst_error():
    assert geo.error_km(geo.Toponym(0, 1, "x", 10.0, 10.0), None, None) == geo.WORST_KM


def test_resolving_the_gold_names_measures_the_resolver_alone(data):
    (doc,) = geo.read_corpus(data / "lgl.xml", "LGL")
    geo._drop_misaligned(doc)
    tally = geo.Tally()
    geo.resolve_gold(tally, doc, tiny_gazetteer())
    assert len(tally.given_gold) == 2 and max(tally.given_gold) < 161


def test_the_report_names_every_figure():
    tally = geo.Tally(documents=1, gold=2, predicted=2, strict=1, loose=2, gold_with_point=2)
    tally.errors, tally.given_gold, tally.demonyms = [1.0, 500.0], [1.0], 3
    tally.confidences = [0.9, 0.3]
    text = geo.format_report({"data": "/d", "limit": 5, "corpora": {"GWN": geo.summary(tally)}})
    for fragment in ["first 5 articles", "GWN: 1 articles", "strict", "loose", "acc@161km 0.500",
                     "confidence >= 0.8: 50% of matched, acc@161km 1.000", "end-to-end",
                     "given gold", "demonyms", "Targets"]:  # fmt: skip
        assert fragment in text


def test_the_confident_share_counts_only_matches_resolved_that_surely():
    doc = geo.Document("d", "x" * 40, [geo.Toponym(0, 7, "Khojaly", 39.91, 46.79),
                                       geo.Toponym(20, 27, "Shusha", 39.76, 46.75)])  # fmt: skip
    tally = geo.Tally()
    geo.score_document(tally, doc, [geo.Predicted(0, 7, 39.9, 46.8, 0.95),
                                    geo.Predicted(20, 27, 10.0, 10.0, 0.4)])  # fmt: skip
    report = geo.summary(tally)
    assert report["acc161"] == 0.5
    assert report["confident_share"] == 0.5 and report["confident_acc161"] == 1.0


def test_missing_data_is_a_named_error(tmp_path):
    with pytest.raises(DatelineError) as err:
        geo.evaluate(tmp_path, Options())
    assert err.value.code == "evaluation_data_missing" and "GWN.xml" in str(err.value)


def test_the_real_corpora_read_as_documented(shared_dir):
    folder = shared_dir / "data" / "geo"
    gwn = geo.read_corpus(folder / "GWN.xml", "GWN")
    lgl = geo.read_corpus(folder / "lgl.xml", "LGL")
    assert (len(gwn), sum(len(d.gold) for d in gwn)) == (200, 2601)
    assert (len(lgl), sum(len(d.gold) for d in lgl)) == (588, 5088)


@pytest.mark.model
def test_the_evaluation_runs_end_to_end_on_a_few_articles(shared_dir):
    report = geo.evaluate(shared_dir / "data" / "geo", Options(), limit=2)
    assert set(report["corpora"]) == {"GWN", "LGL"}
    assert all(c["documents"] == 2 and c["predicted"] > 0 for c in report["corpora"].values())
    assert "recognition strict" in geo.format_report(report)
