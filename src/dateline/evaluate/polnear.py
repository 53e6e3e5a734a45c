"""Quotes and attribution on PolNeAR (Newell, Margolin & Ruths, LREC 2018), dev compartment only.

DATA is the PolNeAR folder holding `dev/text/<name>.txt`, `dev/attributions/<name>_<annotator>.ann`
(brat standoff: T lines Source / Cue / Content, E lines tying one attribution) and `metadata.tsv`.
The test compartment is never read. An article annotated by several annotators (two dev
articles, six annotators each) is scored against the first annotation file in name order,
chosen without looking at any system's output, so each article counts once; the other
annotators' files are scored against that one with the same matcher, which gives the
human agreement a system's figures can be read against.

Figures, per system, over all attributions of the articles run:

- content P/R/F1: a predicted content matches a gold content when their word tokens overlap
  by at least half of the longer of the two (overlap / max(|gold|, |predicted|) >= 0.5);
  matching is one-to-one, best overlaps first. Word tokens are runs of word characters, so
  quote marks and punctuation never decide a match. dateline's quotes that share a cue are
  one attribution (PolNeAR joins "A," she said, "B." into one content), so they are scored
  as one content; and PolNeAR annotates no attribution inside another's content (no dev
  gold content holds another's), so a dateline quote nested in another quote's content is
  scored as part of it (the report says how many were);
- exact F1: the same, counting only matches with identical word tokens;
- direct-quote recall: recall over gold contents that are wholly inside quote marks;
- speaker and cue accuracy: over matched contents whose gold has a Source (a Cue), the share
  whose predicted speaker mention (cue) overlaps the gold one by at least one character.

textacy's `extract.triples.direct_quotations` runs on the same spaCy Docs, when installed.
"""

from __future__ import annotations

import csv
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import DatelineError
from ..options import Options

COMPARTMENT = "dev"  # never "test": it is kept for a final, untouched measurement
MATCH_OVERLAP = 0.5
WORD = re.compile(r"\w+")
QUOTE_EDGE = re.compile(r"^\W*[\"“«'‘`]|[\"”»'’]\W*$")
SYSTEMS = ("dateline", "textacy")
TARGETS = {"content_f1": 0.70, "direct_recall": 0.90, "speaker_accuracy": 0.85}

Ranges = tuple[tuple[int, int], ...]


@dataclass(slots=True)
class Attribution:
    """One attribution: its content, source and cue as character ranges (each may be in pieces)."""

    content: Ranges
    source: Ranges = ()
    cue: Ranges = ()
    direct: bool = False
    words: frozenset[int] = frozenset()


@dataclass(slots=True)
class Article:
    name: str
    text: str
    publisher: str | None
    published: str | None
    gold: list[Attribution] = field(default_factory=list)
    other_annotators: list[list[Attribution]] = field(default_factory=list)


# Data ---------------------------------------------------------------------------------------


def load_articles(data: Path, limit: int | None = None) -> list[Article]:
    """The dev articles in name order (the first `limit`), each with its gold attributions."""
    folder = _dev_folder(Path(data))
    meta = read_metadata(folder.parent / "metadata.tsv")
    articles = []
    for text_path in sorted((folder / "text").glob("*.txt"))[:limit]:
        annotations = sorted((folder / "attributions").glob(f"{text_path.stem}_*.ann"))
        if not annotations:
            continue
        text = text_path.read_text(encoding="utf-8")
        publisher, published = meta.get(text_path.stem, (None, None))
        gold, *others = [[_with_words(a, text) for a in read_ann(p)] for p in annotations]
        articles.append(Article(text_path.stem, text, publisher, published, gold, others))
    return articles


def _dev_folder(data: Path) -> Path:
    folder = data if data.name == COMPARTMENT else data / COMPARTMENT
    if not (folder / "text").is_dir() or not (folder / "attributions").is_dir():
        raise DatelineError(
            "bad_eval_data",
            f"{data}: PolNeAR needs {COMPARTMENT}/text/*.txt and "
            f"{COMPARTMENT}/attributions/*.ann in it "
            "(github.com/networkdynamics/PolNeAR, data/)",
        )
    return folder


def read_metadata(path: Path) -> dict[str, tuple[str | None, str | None]]:
    """filename -> (publisher, publication date) for the dev rows of metadata.tsv, if there."""
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return {
            row["filename"]: (row.get("publisher"), row.get("publication_date"))
            for row in rows
            if row.get("compartment") == COMPARTMENT
        }


def read_ann(path: Path) -> list[Attribution]:
    """The attributions of one brat file: E lines name the T lines of their parts."""
    spans: dict[str, Ranges] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            spans[parts[0]] = _ranges(parts[1].split(" ", 1)[1])
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(role.split(":", 1) for role in parts[1].split() if ":" in role))
    return [
        Attribution(
            spans[e["Content"]], spans.get(e.get("Source", ""), ()), spans.get(e.get("Cue", ""), ())
        )
        for e in events
        if e.get("Content") in spans
    ]


def _ranges(offsets: str) -> Ranges:
    return tuple((int(a), int(b)) for a, b in (piece.split() for piece in offsets.split(";")))


def _with_words(attribution: Attribution, text: str) -> Attribution:
    attribution.words = words_in(text, attribution.content)
    attribution.direct = all(_is_direct(text[a:b]) for a, b in attribution.content)
    return attribution


def _is_direct(piece: str) -> bool:
    """A piece of content is a direct quote when quote marks open and close it."""
    piece = piece.strip()
    return (
        len(QUOTE_EDGE.findall(piece)) == 2
        and piece[:1] in "\"“«'‘`"
        and WORD.search(piece) is not None
    )


def words_in(text: str, ranges: Ranges) -> frozenset[int]:
    """The start offsets of the word tokens inside `ranges`: a set, comparable across systems."""
    return frozenset(m.start() for a, b in ranges for m in WORD.finditer(text, a, b))


# Scoring ------------------------------------------------------------------------------------


def overlap(gold: frozenset[int], predicted: frozenset[int]) -> float:
    if not gold or not predicted:
        return 0.0
    return len(gold & predicted) / max(len(gold), len(predicted))


def match(gold: list[Attribution], predicted: list[Attribution]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs with overlap >= MATCH_OVERLAP, best first."""
    pairs = [
        (overlap(g.words, p.words), gi, pi)
        for gi, g in enumerate(gold)
        for pi, p in enumerate(predicted)
        if g.words & p.words
    ]
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    matched = []
    for score, gi, pi in sorted(pairs, reverse=True):
        if score >= MATCH_OVERLAP and gi not in used_gold and pi not in used_predicted:
            used_gold.add(gi)
            used_predicted.add(pi)
            matched.append((gi, pi))
    return matched


def touches(a: Ranges, b: Ranges) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def score_article(article: Article, predicted: list[Attribution]) -> Counter[str]:
    """Counts for one article; the figures are computed from their sums."""
    pairs = match(article.gold, predicted)
    counts: Counter[str] = Counter(
        gold=len(article.gold), predicted=len(predicted), matched=len(pairs)
    )
    for gi, pi in pairs:
        g, p = article.gold[gi], predicted[pi]
        counts["exact"] += g.words == p.words
        counts["direct_matched"] += g.direct
        counts["with_source"] += bool(g.source)
        counts["speaker_right"] += bool(g.source) and touches(g.source, p.source)
        counts["with_cue"] += bool(g.cue)
        counts["cue_right"] += bool(g.cue) and touches(g.cue, p.cue)
    counts["direct"] = sum(g.direct for g in article.gold)
    return counts


def figures(counts: Counter[str]) -> dict[str, float | int]:
    precision = _ratio(counts["matched"], counts["predicted"])
    recall = _ratio(counts["matched"], counts["gold"])
    exact_p, exact_r = (
        _ratio(counts["exact"], counts["predicted"]),
        _ratio(counts["exact"], counts["gold"]),
    )
    return {
        **{k: counts[k] for k in ("gold", "predicted", "matched", "direct")},
        "content_precision": precision,
        "content_recall": recall,
        "content_f1": _f1(precision, recall),
        "exact_f1": _f1(exact_p, exact_r),
        "direct_recall": _ratio(counts["direct_matched"], counts["direct"]),
        "speaker_accuracy": _ratio(counts["speaker_right"], counts["with_source"]),
        "cue_accuracy": _ratio(counts["cue_right"], counts["with_cue"]),
    }


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


# Systems ------------------------------------------------------------------------------------


def dateline_attributions(doc: Any, text: str) -> list[Attribution]:
    """dateline's quotes as PolNeAR attributions: grouped by cue, nested ones folded."""
    return flat(quote_attributions(doc, text))


def quote_attributions(doc: Any, text: str) -> list[Attribution]:
    """dateline's quotes as attributions; quotes sharing a cue are one attribution."""
    grouped: dict[tuple[int, int] | int, list[Any]] = {}
    for index, quote in enumerate(doc._.dateline_quotes or []):
        key = (quote.cue.start, quote.cue.end) if quote.cue is not None else index
        grouped.setdefault(key, []).append(quote)
    return [_from_quotes(quotes, text) for quotes in grouped.values()]


def flat(attributions: list[Attribution]) -> list[Attribution]:
    """PolNeAR nests no attribution in another's content (no dev gold content holds another's),
    so a dateline quote inside another quote's content ('Police said the rebels claimed that
    ...': the rebels' claim) is scored as part of it, not as an attribution of its own."""
    spans = [(min(a for a, _ in x.content), max(b for _, b in x.content)) for x in attributions]

    def nested(i: int) -> bool:
        start, end = spans[i]
        return any(
            j != i and s <= start and end <= e and (s, e) != (start, end)
            for j, (s, e) in enumerate(spans)
        )

    return [x for i, x in enumerate(attributions) if not nested(i)]


def _from_quotes(quotes: list[Any], text: str) -> Attribution:
    content = tuple((q.start, q.end) for q in quotes)
    speaker = next((q.speaker for q in quotes if q.speaker is not None), None)
    cue = quotes[0].cue
    return Attribution(
        content,
        ((speaker.start, speaker.end),) if speaker is not None else (),
        ((cue.start, cue.end),) if cue is not None else (),
        words=words_in(text, content),
    )


def textacy_attributions(doc: Any, text: str) -> list[Attribution]:
    """textacy's direct quotations (speaker, cue, content) on the same Doc."""
    from textacy.extract.triples import direct_quotations

    found = []
    for triple in direct_quotations(doc):
        content = ((triple.content.start_char, triple.content.end_char),)
        found.append(
            Attribution(
                content,
                _token_ranges(triple.speaker),
                _token_ranges(triple.cue),
                words=words_in(text, content),
            )
        )
    return found


def _token_ranges(tokens: Any) -> Ranges:
    return tuple((t.idx, t.idx + len(t)) for t in tokens)


def textacy_version() -> str | None:
    try:
        import textacy
    except ImportError:
        return None
    return str(textacy.__version__)


# Running ------------------------------------------------------------------------------------


def evaluate(data: Path, options: Options, limit: int | None = None) -> dict[str, Any]:
    """Run dateline (and textacy, when installed) on the dev articles and score both."""
    if limit is not None and limit < 1:
        raise ValueError(f"limit must be a positive number of articles, not {limit}")
    from ..nlp import load_pipeline
    from ..pipeline import make_doc
    from ..record import Article as Record

    articles = load_articles(Path(data), limit)
    nlp = load_pipeline(options)
    records = [
        Record(source=a.name, text=a.text, publisher=a.publisher, published=a.published)
        for a in articles
    ]
    started = time.perf_counter()
    docs = list(nlp.pipe((make_doc(nlp, r) for r in records), batch_size=options.batch_size))
    seconds = time.perf_counter() - started
    version = textacy_version()
    counts = {name: Counter[str]() for name in SYSTEMS}
    failures: dict[str, list[str]] = {name: [] for name in SYSTEMS}
    for article, doc in zip(articles, docs, strict=True):
        _score(article, doc, "dateline", dateline_attributions, counts, failures)
        counts["dateline"]["folded"] += _folded(doc, article.text)
        if version is not None:
            _score(article, doc, "textacy", textacy_attributions, counts, failures)
    report = _report(Path(data), articles, counts, failures, version, seconds)
    report["agreement"] = annotator_agreement(articles)
    return report


def _folded(doc: Any, text: str) -> int:
    try:
        quotes = quote_attributions(doc, text)
    except Exception:  # noqa: BLE001 - the failure is counted by _score already
        return 0
    return len(quotes) - len(flat(quotes))


def annotator_agreement(articles: list[Article]) -> dict[str, Any]:
    """The other annotators of multiply annotated articles scored against the first one."""
    multiple = [a for a in articles if a.other_annotators]
    counts: Counter[str] = Counter()
    for article in multiple:
        for other in article.other_annotators:
            counts += score_article(article, other)
    return {
        "articles": len(multiple),
        "files": sum(len(a.other_annotators) for a in multiple),
        **figures(counts),
    }


def _score(
    article: Article,
    doc: Any,
    name: str,
    system: Any,
    counts: dict[str, Counter[str]],
    failures: dict[str, list[str]],
) -> None:
    try:
        counts[name] += score_article(article, system(doc, article.text))
    except Exception as err:  # noqa: BLE001 - one article must not stop the run; counted and named
        failures[name].append(f"{article.name}: {type(err).__name__}: {err}")
        counts[name] += score_article(article, [])


def _report(
    data: Path,
    articles: list[Article],
    counts: dict[str, Counter[str]],
    failures: dict[str, list[str]],
    version: str | None,
    seconds: float,
) -> dict[str, Any]:
    systems = {"dateline": {**figures(counts["dateline"]), "folded": counts["dateline"]["folded"]}}
    if version is not None:
        systems["textacy"] = figures(counts["textacy"])
    return {
        "data": str(data),
        "compartment": COMPARTMENT,
        "articles": len(articles),
        "textacy_version": version,
        "seconds": seconds,
        "systems": systems,
        "failures": {k: v for k, v in failures.items() if v},
        "targets": TARGETS,
    }


# Formatting ---------------------------------------------------------------------------------


def format_report(report: dict[str, Any]) -> str:
    """The report as `dateline evaluate polnear DATA` prints it."""
    lines = [
        f"PolNeAR {report['compartment']}: {report['articles']} articles from {report['data']}"
        f" (parse + quotes {report['seconds']:.1f} s)",
        "",
        f"{'system':<10} {'gold':>5} {'pred':>5} {'match':>5} | {'P':>5} {'R':>5} {'F1':>5}"
        f" | {'exact':>5} | {'dirR':>5} | {'spkr':>5} {'cue':>5}",
    ]
    lines += [_system_line(name, f) for name, f in report["systems"].items()]
    if report["textacy_version"] is None:
        lines.append("textacy: not installed, no comparison (pip install textacy to add it)")
    else:
        lines.append(
            f"textacy {report['textacy_version']}: extract.triples.direct_quotations, same Docs"
        )
    lines += [
        f"{name} failed on {item}" for name, items in report["failures"].items() for item in items
    ]
    folded = report["systems"]["dateline"].get("folded", 0)
    if folded:
        lines.append(
            f"dateline: {folded} quotes nested in another quote's content scored as part of it"
            " (PolNeAR annotates no attribution inside another's content)"
        )
    lines += _agreement_lines(report.get("agreement"))
    lines += ["", _target_line(report), "", NOTE]
    return "\n".join(lines)


def _system_line(name: str, f: dict[str, Any]) -> str:
    return (
        f"{name:<10} {f['gold']:>5} {f['predicted']:>5} {f['matched']:>5}"
        f" | {f['content_precision']:>5.3f} {f['content_recall']:>5.3f} {f['content_f1']:>5.3f}"
        f" | {f['exact_f1']:>5.3f} | {f['direct_recall']:>5.3f} | {f['speaker_accuracy']:>5.3f}"
        f" {f['cue_accuracy']:>5.3f}"
    )


def _agreement_lines(agreement: dict[str, Any] | None) -> list[str]:
    if not agreement or not agreement["articles"]:
        return []
    return [
        f"annotators: {agreement['articles']} articles annotated more than once, scored against"
        f" the first annotation file; the {agreement['files']} others agree with it at content"
        f" F1 {agreement['content_f1']:.3f}, speaker {agreement['speaker_accuracy']:.3f}"
    ]


def _target_line(report: dict[str, Any]) -> str:
    ours = report["systems"]["dateline"]
    checks = [
        f"{key} {ours[key]:.3f} {'>=' if ours[key] >= floor else '<'} {floor:.2f}"
        for key, floor in report["targets"].items()
    ]
    return "targets: " + "; ".join(checks)


NOTE = (
    "P/R/F1: contents matched one-to-one when their word tokens overlap by >= 0.5 of the longer;\n"
    "exact: identical word tokens (quote marks and punctuation ignored); dirR: recall of gold\n"
    "contents wholly inside quote marks; spkr/cue: share of matched contents whose speaker\n"
    "mention / cue overlaps the gold Source / Cue (over those that have one). PolNeAR also counts\n"
    "beliefs, endorsements and other non-speech attributions, which dateline covers in part."
)
