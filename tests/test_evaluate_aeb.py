"""The article-extraction benchmark evaluation: its scoring on hand-made strings, a run on two
invented pages written here (no benchmark data is copied), and its errors on a wrong data dir."""

from __future__ import annotations

import gzip
import json

import pytest

from dateline.errors import DatelineError
from dateline.evaluate import aeb
from dateline.evaluate.aeb import (
    aeb_summary,
    bootstrap_std,
    evaluate_aeb,
    exact,
    format_aeb,
    shingle_match,
    shingles,
    token_scores,
    words,
)

# Scoring ------------------------------------------------------------------------------------


def test_words_are_lowercase_runs_of_word_characters():
    assert words("Hello, WORLD! It's 3pm-ish") == ["hello", "world", "it", "s", "3pm", "ish"]


def test_token_scores_count_the_overlap_of_the_bags():
    precision, recall, f1 = token_scores("a b c d", "a b x")
    assert (precision, recall) == (pytest.approx(2 / 3), 0.5)
    assert f1 == pytest.approx(4 / 7)


def test_token_scores_count_repeated_words_as_often_as_both_sides_have_them():
    assert token_scores("the the cat", "the cat cat") == pytest.approx((2 / 3, 2 / 3, 2 / 3))


def test_token_scores_ignore_case_and_punctuation():
    assert token_scores("Kabul, Sunday.", "kabul sunday") == (1.0, 1.0, 1.0)


def test_token_scores_of_empty_texts():
    assert token_scores("", "") == (1.0, 1.0, 1.0)
    assert token_scores("some gold body", "") == (0.0, 0.0, 0.0)  # a failure costs everything
    assert token_scores("", "some output") == (0.0, 0.0, 0.0)


def test_shingles_are_runs_of_four_words_with_case_kept():
    assert shingles("One two three four five") == {
        ("One", "two", "three", "four"): 1,
        ("two", "three", "four", "five"): 1,
    }
    assert shingles("one two") == {("one", "two"): 1}  # shorter than four: one shingle
    assert shingles(" .. ") == {}


def test_shingle_match_is_normalised_per_page():
    assert shingle_match("a b c d e", "a b c d") == (0.5, 0.0, 0.5)
    assert shingle_match("A b c d", "a b c d") == (0.0, 0.5, 0.5)  # case counts, as in AEB
    assert shingle_match("", "") == (0.0, 0.0, 0.0)


def test_aeb_summary_leaves_pages_without_output_out_of_precision_only():
    matches = [shingle_match("a b c d e", "a b c d"), shingle_match("w x y z", "")]
    summary = aeb_summary(matches)
    assert summary == {"precision": 1.0, "recall": 0.25, "f1": pytest.approx(0.4)}


def test_exact_needs_the_same_words_in_the_same_order_with_case_kept():
    assert exact("One, two: three.", "One two three")
    assert not exact("One two three", "one two three")
    assert not exact("One two three", "One three two")


def test_bootstrap_of_a_constant_is_zero_and_too_few_pages_give_no_spread():
    assert bootstrap_std(lambda picks: 1.0, 10) == 0.0
    assert bootstrap_std(lambda picks: float(picks[0]), 1) == 0.0


def test_bootstrap_is_seeded():
    def mean_pick(picks: list[int]) -> float:
        return sum(picks) / len(picks)

    first = bootstrap_std(mean_pick, 20)
    assert first > 0 and first == bootstrap_std(mean_pick, 20)


# A run on two invented pages ---------------------------------------------------------------

BODIES = {
    "page-jsonld": (
        "Heavy rain flooded the lower town of Varnholm on Tuesday night, the council said.\n"
        "Council officials said about 300 homes were damaged and two bridges were closed.\n"
        "Emergency crews worked through the night to pump water out of the old market square, "
        "and the school on River Street will stay closed until Friday."
    ),
    "page-meta": (
        "The ferry service between Ostrel and the northern islands will resume next month, "
        "the operator announced on Monday after a long dispute over the harbour lease.\n"
        "The operator said two refitted boats would sail twice a day during the summer season.\n"
        "Island residents had complained for months that the only link left was a weekly cargo "
        "boat that carried no passengers."
    ),
}
HEADS = {
    "page-jsonld": '<script type="application/ld+json">'
    '{"@type": "NewsArticle", "datePublished": "2024-03-05T09:30:00+01:00"}</script>',
    # A CMS placeholder in JSON-LD (seen in the wild) must give way to the meta tag's real date.
    "page-meta": '<script type="application/ld+json">{"datePublished": "0001-01-01T00:00:00Z"}'
    '</script><meta property="article:published_time" content="2024-04-08T07:00:00Z">',
}


def _page(key: str) -> str:
    paragraphs = "".join(f"<p>{line}</p>" for line in BODIES[key].split("\n"))
    return (
        f"<html><head><title>{key}</title>{HEADS[key]}</head><body>"
        '<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>'
        f"<article><h1>Invented headline for {key}</h1>{paragraphs}</article>"
        "<footer><p>Copyright The Invented Gazette. All rights reserved.</p></footer>"
        "</body></html>"
    )


@pytest.fixture
def data_dir(tmp_path):
    (tmp_path / "html").mkdir()
    truth = {
        key: {"articleBody": body, "url": f"https://example.org/{key}"}
        for key, body in BODIES.items()
    }
    (tmp_path / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    for key in BODIES:
        (tmp_path / "html" / f"{key}.html.gz").write_bytes(
            gzip.compress(_page(key).encode("utf-8"))
        )
    return tmp_path


def test_evaluate_aeb_scores_both_systems_on_a_tiny_benchmark(data_dir):
    report = evaluate_aeb(data_dir)
    assert report["pages"] == 2
    for name in ("dateline", "trafilatura"):
        figures = report["systems"][name]
        assert (figures["n"], figures["failed"]) == (2, 0)
        assert figures["tokens"]["f1"] > 0.9 and figures["aeb"]["f1"] > 0.9
        assert 0 < figures["seconds_per_page"] < 10
    routes = {"jsonld": 1, "meta": 1, "url": 0, "text": 0, "none": 0, "crashed": 0}
    assert report["published_via"] == routes
    assert report["failures"] == {"dateline": {}, "trafilatura": {}}
    assert report["date_errors"] == {} and report["refused"] == {}


def test_format_aeb_prints_one_line_per_system_and_the_date_routes(data_dir):
    text = format_aeb(evaluate_aeb(data_dir, limit=1))
    assert "1 pages from" in text
    assert any(line.startswith("dateline ") for line in text.splitlines())
    assert any(line.startswith("trafilatura ") for line in text.splitlines())
    assert "published date via: jsonld 1" in text


def test_the_names_the_evaluate_command_dispatches_to_exist():
    assert aeb.evaluate is evaluate_aeb and aeb.format_report is format_aeb


# Errors that name the path and what is expected --------------------------------------------


def test_a_missing_data_dir_is_a_clear_error(tmp_path):
    missing = tmp_path / "no-such-dir"
    with pytest.raises(DatelineError, match="ground-truth.json") as caught:
        evaluate_aeb(missing)
    assert str(missing) in str(caught.value) and caught.value.code == "bad_eval_data"


def test_a_malformed_ground_truth_is_a_clear_error(data_dir):
    (data_dir / "ground-truth.json").write_text('["not", "a", "dict"]', encoding="utf-8")
    with pytest.raises(DatelineError, match="articleBody") as caught:
        evaluate_aeb(data_dir)
    assert str(data_dir / "ground-truth.json") in str(caught.value)


def test_a_missing_page_is_a_clear_error(data_dir):
    (data_dir / "html" / "page-meta.html.gz").unlink()
    with pytest.raises(DatelineError, match="page-meta.html.gz"):
        evaluate_aeb(data_dir)


def test_limit_must_be_positive(data_dir):
    with pytest.raises(ValueError, match="limit"):
        evaluate_aeb(data_dir, limit=0)
