"""Ingest quality on the article-extraction benchmark (AEB): dateline's HTML reader vs trafilatura.

The benchmark (https://github.com/scrapinghub/article-extraction-benchmark) is
DATA_DIR/ground-truth.json, {id: {"articleBody": str, "url": str}}, and the
pages DATA_DIR/html/<id>.html.gz. Each page goes through the code `dateline
extract` runs on an .html.gz file and through `trafilatura.extract(html)` with
its defaults, in the same run, and each output is scored against the gold body
twice, per page, then averaged over pages:

- token figures: lowercase words (runs of word characters), bag-of-words
  overlap; precision, recall and F1 are each the mean of the per-page values,
  and an empty output scores 0 (so a failure costs as much as it should);
- AEB figures: the benchmark's own method, 4-word shingles with case kept,
  per-page counts normalised, precision averaged over pages with output,
  recall over pages with a gold body, F1 the harmonic mean of those two means,
  with its bootstrap 95% interval, and 'exact', the share of pages whose words
  are the gold's. These are comparable with the published figures (trafilatura:
  F1 0.958, run there with include_comments=False).

A page counts as failed for a system when it gives no text (an exception, or
dateline's ingest refusing the page). The report also counts how dateline's
ingest found each page's publication date (jsonld, meta, url, text: htmldate or
a wire dateline; none), with `crashed` for a date finder that raised.
"""

from __future__ import annotations

import gzip
import json
import random
import re
import statistics
import time
import zlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import DatelineError
from ..options import Options

WORD = re.compile(r"\w+")
SHINGLE_SIZE = 4  # the benchmark's n-gram size
BOOTSTRAP_ROUNDS = 1000  # as the benchmark's evaluate.py
BOOTSTRAP_SEED = 0  # fixed so that a rerun prints the same intervals
Z95 = 1.96  # a 95% interval is this many bootstrap standard deviations either side
SYSTEMS = ("dateline", "trafilatura")
SCORE_NAMES = ("precision", "recall", "f1")
ROUTES = ("jsonld", "meta", "url", "text", "none", "crashed")
SOURCE_URL = "https://github.com/scrapinghub/article-extraction-benchmark"

Match = tuple[float, float, float]  # one page's normalised (tp, fp, fn) shingle counts


@dataclass(frozen=True, slots=True)
class Page:
    id: str
    path: Path
    gold: str


@dataclass(slots=True)
class Run:
    """One system's output on one page; `error` says why there is no text, when there is none."""

    text: str = ""
    seconds: float = 0.0
    error: str | None = None


@dataclass(slots=True)
class PageResult:
    page: Page
    runs: dict[str, Run]
    published_via: str = "none"
    refused: list[str] = field(default_factory=list)  # fatal problem codes on a page with text
    date_error: str | None = None


# Scoring ------------------------------------------------------------------------------------


def words(text: str) -> list[str]:
    """Lowercase words: the benchmark's tokens (runs of word characters), case folded."""
    return WORD.findall(text.lower())


def token_scores(gold: str, predicted: str) -> tuple[float, float, float]:
    """(precision, recall, F1) of the predicted words against the gold words, as multisets."""
    gold_bag, predicted_bag = Counter(words(gold)), Counter(words(predicted))
    overlap = sum((gold_bag & predicted_bag).values())
    precision = _ratio(overlap, predicted_bag.total(), other_empty=not gold_bag)
    recall = _ratio(overlap, gold_bag.total(), other_empty=not predicted_bag)
    return precision, recall, _harmonic(precision, recall)


def _ratio(part: int, whole: int, *, other_empty: bool) -> float:
    # Nothing predicted (or nothing to find) is right only when the other side is empty too.
    if whole == 0:
        return 1.0 if other_empty else 0.0
    return part / whole


def _harmonic(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def shingles(text: str, size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """The benchmark's shingles: runs of `size` words, case kept; a shorter text is one shingle."""
    tokens = WORD.findall(text)
    if not tokens:
        return Counter()
    return Counter(tuple(tokens[i : i + size]) for i in range(max(1, len(tokens) - size + 1)))


def shingle_match(gold: str, predicted: str) -> Match:
    """(tp, fp, fn) over shingles, divided by their sum so that long pages weigh no more."""
    gold_bag, predicted_bag = shingles(gold), shingles(predicted)
    tp = sum((gold_bag & predicted_bag).values())
    fp, fn = predicted_bag.total() - tp, gold_bag.total() - tp
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def aeb_summary(matches: Sequence[Match]) -> dict[str, float]:
    """The benchmark's figures: precision over pages with output, recall over pages with gold."""
    precision = _mean([tp / (tp + fp) for tp, fp, _ in matches if tp + fp > 0])
    recall = _mean([tp / (tp + fn) for tp, _, fn in matches if tp + fn > 0])
    return {"precision": precision, "recall": recall, "f1": _harmonic(precision, recall)}


def _mean(values: Sequence[float]) -> float:
    return statistics.fmean(values) if values else 0.0


def exact(gold: str, predicted: str) -> bool:
    """The benchmark's 'accuracy' of one page: the same words in the same order, case kept."""
    return bool(WORD.findall(gold) == WORD.findall(predicted))


def bootstrap_std(statistic: Callable[[list[int]], float], pages: int) -> float:
    """Standard deviation of `statistic` over pages resampled with replacement (the AEB's ±)."""
    if pages < 2:
        return 0.0
    rng = random.Random(BOOTSTRAP_SEED)
    values = [statistic(rng.choices(range(pages), k=pages)) for _ in range(BOOTSTRAP_ROUNDS)]
    return statistics.stdev(values)


# Data ---------------------------------------------------------------------------------------


def load_pages(data_dir: Path) -> list[Page]:
    """The benchmark's pages in id order; DatelineError naming the path when the layout is wrong."""
    if not data_dir.is_dir():
        raise _bad_data(data_dir, "is not a directory", "ground-truth.json and html/ in it")
    truth = _read_truth(data_dir / "ground-truth.json")
    html_dir = data_dir / "html"
    if not html_dir.is_dir():
        raise _bad_data(html_dir, "is not a directory", "the pages as html/<id>.html.gz")
    pages = [_page(html_dir, key, truth[key]) for key in sorted(truth)]
    missing = [page.path for page in pages if not page.path.is_file()]
    if missing:
        what = f"is missing ({len(missing)} page(s) missing)"
        raise _bad_data(missing[0], what, "html/<id>.html.gz for every id in ground-truth.json")
    return pages


def _page(html_dir: Path, key: str, entry: dict[str, Any]) -> Page:
    return Page(key, html_dir / f"{key}.html.gz", entry["articleBody"])


def _read_truth(path: Path) -> dict[str, Any]:
    expected = 'a JSON object {id: {"articleBody": str, "url": str}} with at least one page'
    try:
        truth = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as err:
        raise _bad_data(path, "is missing", expected) from err
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise _bad_data(path, f"could not be read ({err})", expected) from err
    if not (isinstance(truth, dict) and truth and all(map(_is_entry, truth.values()))):
        raise _bad_data(path, "is not in the benchmark's form", expected)
    return truth  # type: ignore[no-any-return]


def _is_entry(entry: Any) -> bool:
    return isinstance(entry, dict) and isinstance(entry.get("articleBody"), str)


def _bad_data(path: Path, what: str, expected: str) -> DatelineError:
    message = f"{path} {what}: the article-extraction benchmark needs {expected} (see {SOURCE_URL})"
    return DatelineError("bad_eval_data", message)


def read_page(path: Path) -> str:
    # The benchmark's pages are gzipped UTF-8 (its SOURCE notes); a stray byte must not stop a run.
    return gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")


# Running ------------------------------------------------------------------------------------


def evaluate_aeb(
    data_dir: Path, options: Options | None = None, limit: int | None = None
) -> dict[str, Any]:
    """Run dateline's HTML ingest and plain trafilatura on each page (or the first `limit`).

    Returns the figures `format_aeb` prints; raises DatelineError when `data_dir` is not the AEB's.
    """
    if limit is not None and limit < 1:
        raise ValueError(f"limit must be a positive number of pages, not {limit}")
    pages, options = load_pages(Path(data_dir))[:limit], options or Options()
    run_page(pages[0], options)  # warm-up: loading models once is not a per-page cost
    results = [run_page(page, options) for page in pages]
    return build_report(Path(data_dir), results)


def run_page(page: Page, options: Options) -> PageResult:
    result = PageResult(page, {"dateline": Run(), "trafilatura": run_trafilatura(page)})
    run_dateline(result, options)
    if not result.runs["dateline"].text:
        check_dates(result)  # ingest stopped before its date finder: try the finder alone
    return result


def run_trafilatura(page: Page) -> Run:
    """The baseline: `trafilatura.extract` with its default settings on the decoded page."""
    import trafilatura

    try:
        html = read_page(page.path)
        start = time.perf_counter()
        text = trafilatura.extract(html) or ""
    except Exception as err:  # one bad page must not stop the run; it is counted and named
        return Run(error=f"{type(err).__name__}: {err}")
    return Run(text, time.perf_counter() - start, None if text.strip() else "no text")


def run_dateline(result: PageResult, options: Options) -> None:
    """The code `dateline extract` runs on the page's .html.gz file, timed from the file on disk."""
    from ..ingest import read_inputs

    start = time.perf_counter()
    try:
        items = list(read_inputs([str(result.page.path)], options))
    except Exception as err:  # an exception escaping ingest is a bug: count and name it, go on
        failure = f"{type(err).__name__}: {err}"
        result.runs["dateline"] = Run(seconds=time.perf_counter() - start, error=failure)
        return
    seconds = time.perf_counter() - start
    article = next((item.article for item in items if item.article is not None), None)
    fatal = [problem for item in items for problem in item.problems if problem.fatal]
    if article is None:
        failure = "; ".join(f"[{p.code}] {p.message}" for p in fatal) or "no article"
        result.runs["dateline"] = Run(seconds=seconds, error=failure)
        return
    result.runs["dateline"] = Run(article.text, seconds)
    result.published_via, result.refused = article.published_via, [p.code for p in fatal]


def check_dates(result: PageResult) -> None:
    """Run html.py's date finder alone, so that every page is checked for a crash."""
    from ..ingest.html import find_published

    try:
        data = gzip.decompress(result.page.path.read_bytes())
    except (OSError, EOFError, zlib.error):  # an unreadable page: ingest has named it already
        return
    try:
        published, via = find_published(data, None)
    except Exception as err:  # a crash is what this check looks for: record it, go on
        result.published_via, result.date_error = "crashed", f"{type(err).__name__}: {err}"
        return
    result.published_via = via if published else "none"


# Report -------------------------------------------------------------------------------------


def build_report(data_dir: Path, results: list[PageResult]) -> dict[str, Any]:
    import trafilatura

    from ..ingest.html import TRAFILATURA_SETTINGS

    routes = Counter(r.published_via for r in results)
    return {
        "benchmark": "article-extraction-benchmark", "data_dir": str(data_dir),
        "pages": len(results), "trafilatura_version": trafilatura.__version__,
        "dateline_trafilatura_settings": dict(TRAFILATURA_SETTINGS),
        "systems": {name: system_report(results, name) for name in SYSTEMS},
        "difference": difference(results, *SYSTEMS),
        "published_via": {route: routes[route] for route in ROUTES},
        "refused": dict(Counter(code for r in results for code in r.refused)),
        "failures": {name: _failures(results, name) for name in SYSTEMS},
        "date_errors": {r.page.id: r.date_error for r in results if r.date_error},
    }  # fmt: skip


def system_report(results: list[PageResult], name: str) -> dict[str, Any]:
    runs = [r.runs[name] for r in results]
    tokens = [token_scores(r.page.gold, r.runs[name].text) for r in results]
    matches = [shingle_match(r.page.gold, r.runs[name].text) for r in results]
    accuracy = _mean([exact(r.page.gold, r.runs[name].text) for r in results])
    return {
        "n": len(runs),
        "failed": sum(not run.text.strip() for run in runs),
        "seconds_per_page": _mean([run.seconds for run in runs]),
        "tokens": {key: _mean([t[i] for t in tokens]) for i, key in enumerate(SCORE_NAMES)},
        "aeb": {**aeb_summary(matches), **_f1_spread(matches), "accuracy": accuracy},
    }


def _f1_spread(matches: list[Match]) -> dict[str, float]:
    std = bootstrap_std(lambda picks: aeb_summary([matches[i] for i in picks])["f1"], len(matches))
    return {"f1_std": std, "f1_ci": Z95 * std}


def difference(results: list[PageResult], system: str, baseline: str) -> dict[str, Any]:
    """`system` minus `baseline`: AEB F1 with a paired bootstrap interval; pages won and lost."""
    ours = [shingle_match(r.page.gold, r.runs[system].text) for r in results]
    theirs = [shingle_match(r.page.gold, r.runs[baseline].text) for r in results]

    def gap(picks: list[int]) -> float:
        f1 = [aeb_summary([matches[i] for i in picks])["f1"] for matches in (ours, theirs)]
        return f1[0] - f1[1]

    signs = Counter(_sign(_page_f1(r, system) - _page_f1(r, baseline)) for r in results)
    return {
        "aeb_f1": gap(list(range(len(results)))),
        "aeb_f1_ci": Z95 * bootstrap_std(gap, len(results)),
        "pages_better": signs[1], "pages_worse": signs[-1], "pages_same": signs[0],
    }  # fmt: skip


def _page_f1(result: PageResult, name: str) -> float:
    return token_scores(result.page.gold, result.runs[name].text)[2]


def _sign(value: float) -> int:
    return (value > 0) - (value < 0)


def _failures(results: list[PageResult], name: str) -> dict[str, str]:
    failed = [r for r in results if not r.runs[name].text.strip()]
    return {r.page.id: r.runs[name].error or "no text" for r in failed}


# Formatting ---------------------------------------------------------------------------------


def format_aeb(report: dict[str, Any]) -> str:
    """The report as the text `dateline evaluate aeb` prints."""
    settings = ", ".join(f"{k}={v}" for k, v in report["dateline_trafilatura_settings"].items())
    lines = [
        f"article-extraction-benchmark: {report['pages']} pages from {report['data_dir']}",
        f"trafilatura {report['trafilatura_version']}; dateline calls it with "
        f"{settings or 'its defaults'}, the baseline with its defaults",
        "",
        HEADER,
        *(_system_line(name, figures) for name, figures in report["systems"].items()),
        "",
    ]
    lines += [*_difference_lines(report), *_date_lines(report), *_failure_lines(report)]
    return "\n".join([*lines, "", NOTE])


def _system_line(name: str, figures: dict[str, Any]) -> str:
    tokens, aeb = figures["tokens"], figures["aeb"]
    return (
        f"{name:<12} {figures['n']:>4} {figures['failed']:>6} {figures['seconds_per_page']:>7.3f}"
        f" | {tokens['precision']:>6.3f} {tokens['recall']:>6.3f} {tokens['f1']:>6.3f}"
        f" | {aeb['precision']:>6.3f} {aeb['recall']:>6.3f} {aeb['f1']:>6.3f} {aeb['f1_ci']:>6.3f}"
        f" {aeb['accuracy']:>6.3f}"
    )


def _difference_lines(report: dict[str, Any]) -> list[str]:
    diff = report["difference"]
    return [
        f"dateline - trafilatura: AEB F1 {diff['aeb_f1']:+.3f} ± {diff['aeb_f1_ci']:.3f}"
        f" (paired bootstrap, 95%); token F1 better on {diff['pages_better']} pages,"
        f" worse on {diff['pages_worse']}, same on {diff['pages_same']}",
    ]


def _date_lines(report: dict[str, Any]) -> list[str]:
    routes = ", ".join(f"{route} {count}" for route, count in report["published_via"].items())
    lines = [f"dateline published date via: {routes}"]
    crashes = report["date_errors"].items()
    lines += [f"  date finder crashed on {page}: {error}" for page, error in crashes]
    if report["refused"]:
        refused = ", ".join(f"{code} {count}" for code, count in sorted(report["refused"].items()))
        lines.append(f"pages with text that `dateline extract` would still refuse: {refused}")
    return lines


def _failure_lines(report: dict[str, Any]) -> list[str]:
    return [
        f"{name} failed on {page}: {error}"
        for name, failures in report["failures"].items()
        for page, error in failures.items()
    ]


HEADER = (
    f"{'system':<12} {'n':>4} {'failed':>6} {'s/page':>7} | {'tok P':>6} {'tok R':>6} {'tok F1':>6}"
    f" | {'AEB P':>6} {'AEB R':>6} {'AEB F1':>6} {'±95%':>6} {'exact':>6}"
)
NOTE = (
    "tok: lowercase words, bag overlap, each figure the mean over pages (empty output scores 0).\n"
    "AEB: the benchmark's method (4-word shingles, case kept; P over pages with output,\n"
    "R over all; F1 from mean P and R; exact: share of pages with the very same words),\n"
    "comparable with trafilatura's published F1 0.958 (the AEB ran it with include_comments=False\n"
    "and prints one bootstrap standard deviation as ±; here ± is 1.96 of them).\n"
    "s/page: dateline's includes reading the file, metadata, date finding and language check."
)

# The names `dateline evaluate NAME` dispatches to (see evaluate/__init__.py).
evaluate = evaluate_aeb
format_report = format_aeb
