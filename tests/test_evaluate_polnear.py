"""The PolNeAR evaluation: reading brat standoff, matching contents, the figures and the report
(issue 6). The data are written here; the run on ../shared is marked `shared` and `model`."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from dateline.errors import DatelineError
from dateline.evaluate import polnear
from dateline.evaluate.polnear import Attribution, figures, load_articles, match, overlap, read_ann
from dateline.options import Options

pytestmark = pytest.mark.issue(6)

TEXT = (
    "Mayor Ana Lopez: Bridge Will Reopen\n\n"
    "“The bridge will reopen in May,” said Ana Lopez. “We have the money.”\n\n"
    "Officials said that the toll would be dropped.\n"
)


def write_polnear(root: Path, ann: str, text: str = TEXT) -> Path:
    """A one-article PolNeAR folder, as the corpus lays it out (two annotators of one article)."""
    (root / "dev" / "text").mkdir(parents=True)
    (root / "dev" / "attributions").mkdir(parents=True)
    (root / "dev" / "text" / "a1.txt").write_text(text, encoding="utf-8")
    (root / "dev" / "attributions" / "a1_ab12.ann").write_text(ann, encoding="utf-8")
    (root / "dev" / "attributions" / "a1_zz99.ann").write_text(
        "", encoding="utf-8"
    )  # a second annotator
    meta = (
        "compartment\tfilename\tpublisher\tpublication_date\n"
        "dev\ta1\tnyt\t2016-09-01\ntest\ta1\tx\ty\n"
    )
    (root / "metadata.tsv").write_text(meta, encoding="utf-8")
    return root


def spans() -> str:
    """The brat lines of TEXT's one attribution: two content pieces around 'said Ana Lopez'."""
    source = TEXT.index("Ana Lopez.")
    cue = TEXT.index("said Ana")
    first, second = TEXT.index("“The bridge"), TEXT.index("“We have")
    return (
        f"T1\tSource {source} {source + 9}\tAna Lopez\nT2\tCue {cue} {cue + 4}\tsaid\n"
        f"T3\tContent {first} {TEXT.index(' said')};{second} {TEXT.index('”', second) + 1}\tx\n"
        "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\nT4\tAttribution 0 1\tx\n"
    )


def test_read_ann_ties_source_cue_and_discontinuous_content(tmp_path):
    root = write_polnear(tmp_path, ann=spans())
    [attribution] = read_ann(root / "dev" / "attributions" / "a1_ab12.ann")
    assert len(attribution.content) == 2
    assert TEXT[slice(*attribution.source[0])] == "Ana Lopez"
    assert TEXT[slice(*attribution.cue[0])] == "said"


def test_load_articles_reads_dev_only_and_one_annotator_per_article(tmp_path):
    root = write_polnear(tmp_path, ann=spans())
    [article] = load_articles(root)
    assert (article.name, article.publisher, article.published) == ("a1", "nyt", "2016-09-01")
    [gold] = article.gold
    assert gold.direct  # both pieces are wholly inside quote marks
    assert load_articles(root / "dev")[0].name == "a1"  # the dev folder itself works too


def test_other_annotators_are_scored_against_the_first(tmp_path):
    root = write_polnear(tmp_path, ann=spans())
    [article] = load_articles(root)
    assert article.other_annotators == [[]]  # the second annotator's file is empty
    agreement = polnear.annotator_agreement([article])
    assert (agreement["articles"], agreement["files"]) == (1, 1)
    assert agreement["gold"] == 1 and agreement["content_recall"] == 0.0
    (root / "dev" / "attributions" / "a1_zz99.ann").write_text(spans(), encoding="utf-8")
    agreement = polnear.annotator_agreement(load_articles(root))
    assert agreement["content_f1"] == 1.0 and agreement["speaker_accuracy"] == 1.0


def test_report_states_the_annotator_agreement():
    lines = polnear.format_report(
        report(None)
        | {"agreement": {"articles": 2, "files": 10, "content_f1": 0.88, "speaker_accuracy": 0.9}}
    )
    assert "2 articles annotated more than once" in lines and "F1 0.880" in lines


def test_report_says_how_many_nested_quotes_were_folded():
    folded = report(None)
    folded["systems"]["dateline"] = folded["systems"]["dateline"] | {"folded": 7}
    assert "7 quotes nested in another quote's content" in polnear.format_report(folded)


def test_missing_layout_is_a_named_error(tmp_path):
    with pytest.raises(DatelineError, match="dev/text"):
        load_articles(tmp_path)


def attribution(words: set[int], source=(), cue=()) -> Attribution:
    return Attribution(((0, 1),), source, cue, words=frozenset(words))


def test_overlap_is_shared_words_over_the_longer_span():
    assert overlap(frozenset({1, 2, 3, 4}), frozenset({3, 4})) == 0.5
    assert overlap(frozenset(), frozenset({1})) == 0.0


def test_matching_is_one_to_one_best_first():
    gold = [attribution({1, 2, 3, 4}), attribution({10, 11})]
    predicted = [attribution({1, 2}), attribution({1, 2, 3, 4}), attribution({20})]
    assert sorted(match(gold, predicted)) == [(0, 1)]


def test_a_quote_nested_in_another_quotes_content_is_folded_into_it():
    outer = Attribution(((0, 50),), words=frozenset({0, 10, 20}))
    inner = Attribution(((20, 40),), words=frozenset({20}))
    two_pieces = Attribution(((0, 10), (30, 50)), words=frozenset({0, 30}))
    apart = Attribution(((60, 70),), words=frozenset({60}))
    assert polnear.flat([outer, inner, apart]) == [outer, apart]
    assert polnear.flat([two_pieces, inner]) == [two_pieces]  # inside the pieces' reach
    assert polnear.flat([outer, outer]) == [outer, outer]  # the same span is not nested


def test_figures_from_counts():
    counts = Counter(
        gold=4,
        predicted=2,
        matched=2,
        exact=1,
        direct=2,
        direct_matched=1,
        with_source=2,
        speaker_right=1,
        with_cue=2,
        cue_right=2,
    )
    result = figures(counts)
    assert result["content_precision"] == 1.0 and result["content_recall"] == 0.5
    assert result["content_f1"] == pytest.approx(2 / 3)
    assert (
        result["direct_recall"] == 0.5
        and result["speaker_accuracy"] == 0.5
        and result["cue_accuracy"] == 1.0
    )


def report(textacy: str | None) -> dict:
    f = figures(
        Counter(
            gold=2,
            predicted=2,
            matched=2,
            exact=2,
            direct=1,
            direct_matched=1,
            with_source=2,
            speaker_right=2,
            with_cue=2,
            cue_right=2,
        )
    )
    systems = {"dateline": f} | ({"textacy": f} if textacy else {})
    return {
        "data": "d",
        "compartment": "dev",
        "articles": 1,
        "textacy_version": textacy,
        "seconds": 1.0,
        "systems": systems,
        "failures": {},
        "targets": polnear.TARGETS,
    }


def test_report_says_when_textacy_is_absent():
    text = polnear.format_report(report(None))
    assert "textacy: not installed" in text and "targets:" in text


def test_report_names_textacy_when_present():
    text = polnear.format_report(report("0.13.0"))
    assert "textacy 0.13.0" in text and text.count("\ntextacy ") >= 1


@pytest.mark.model
def test_run_on_a_written_article(tmp_path):
    root = write_polnear(tmp_path, ann=spans())
    result = polnear.evaluate(root, Options(), limit=1)
    ours = result["systems"]["dateline"]
    assert result["articles"] == 1 and ours["gold"] == 1
    assert ours["content_recall"] == 1.0 and ours["speaker_accuracy"] == 1.0
    assert "PolNeAR dev" in polnear.format_report(result)


@pytest.mark.model
def test_run_on_the_shared_dev_compartment(shared_dir):
    data = shared_dir / "data" / "polnear"
    if not data.is_dir():
        pytest.skip(f"PolNeAR not found at {data}")
    result = polnear.evaluate(data, Options(), limit=2)
    assert result["articles"] == 2 and result["systems"]["dateline"]["gold"] > 0
