"""Time expressions on TimeML (TimeBank + AQUAINT, `.tml` files), scored as TempEval-3 scores them.

Each document's TEXT goes through the real pipeline with its document creation time (the TIMEX3
with functionInDocument="CREATION_TIME") as the article's given publication date. The system's
`times` are matched to the gold TIMEX3 tags by character offsets, one to one:

- strict: same start and end; relaxed: the spans overlap. P = matches / system times,
  R = matches / gold times, F1 their harmonic mean.
- type and value (TempEval-3 attribute F1): over relaxed matches, c = matches whose attribute is
  right; P = c / system times, R = c / gold times, F1. Type accuracy is c / relaxed matches.

The same figures are printed for `dateparser.search.search_dates` (RELATIVE_BASE = the creation
time, PREFER_DATES_FROM = past), as the library baseline the issue asks to measure against.
"""

from __future__ import annotations

import re
import time as clock
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import DatelineError
from ..options import Options
from ..record import Article

SYSTEMS = ("dateline", "dateparser")
TARGETS = {"relaxed_f1": 0.90, "value_f1": 0.80}
HEIDELTIME = {
    "relaxed_f1": 0.903,
    "strict_f1": 0.819,
    "type_f1": 0.835,
    "value_f1": 0.776,
}  # TE3 test


@dataclass(frozen=True, slots=True)
class Timex:
    start: int
    end: int
    type: str
    value: str | None
    text: str = ""


@dataclass(slots=True)
class Document:
    id: str
    text: str
    dct: str
    gold: list[Timex]


@dataclass(slots=True)
class Tally:
    """Counts over documents for one system."""

    system: int = 0
    gold: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0
    seconds: float = 0.0
    misses: Counter[str] = field(default_factory=Counter)  # gold spans not found, by text
    wrong_values: Counter[str] = field(default_factory=Counter)  # 'text: gold -> ours'
    spurious: Counter[str] = field(default_factory=Counter)  # system spans with no gold


# Reading TimeML ----------------------------------------------------------------------------


def load_documents(data: Path) -> list[Document]:
    """Every .tml file under `data`, sorted by path; a DatelineError when there are none."""
    paths = sorted(Path(data).rglob("*.tml"))
    if not paths:
        raise DatelineError(
            "bad_eval_data",
            f"{data} holds no .tml files: give the folder of TimeML files "
            "(e.g. ../shared/data/timeml/tbaq)",
        )
    return [read_document(path) for path in paths]


def read_document(path: Path) -> Document:
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as err:
        raise DatelineError("bad_eval_data", f"{path} is not well-formed XML ({err})") from err
    dct = root.find("DCT/TIMEX3")
    body = root.find("TEXT")
    if dct is None or body is None:
        raise DatelineError("bad_eval_data", f"{path} has no DCT TIMEX3 or no TEXT element")
    pieces: list[str] = []
    gold = list(_walk(body, pieces))
    return Document(path.stem, "".join(pieces), dct.get("value", ""), gold)


def _walk(element: ET.Element, pieces: list[str]) -> Iterator[Timex]:
    """The element's text into `pieces`; yields each TIMEX3 with its offsets in the joined text."""
    start = sum(map(len, pieces))
    pieces.append(element.text or "")
    for child in element:
        yield from _walk(child, pieces)
        pieces.append(child.tail or "")
    if element.tag == "TIMEX3":
        end = start + len("".join(pieces)[start:])
        text = "".join(pieces)[start:end]
        yield _trimmed(Timex(start, end, element.get("type", ""), element.get("value"), text))


def _trimmed(timex: Timex) -> Timex:
    # A few gold tags take in a trailing period or space ('next week.'): score the words alone.
    text = timex.text.rstrip(" .,\n")
    lead = len(text) - len(text.lstrip())
    return Timex(timex.start + lead, timex.start + len(text), timex.type, timex.value, text.strip())


# Systems -----------------------------------------------------------------------------------


def run_dateline(documents: list[Document], options: Options) -> tuple[list[list[Timex]], float]:
    from ..nlp import load_pipeline
    from ..pipeline import extract

    nlp = load_pipeline(options)
    articles = [
        Article(id=doc.id, source=doc.id, text=doc.text, published=doc.dct, published_via="given")
        for doc in documents
    ]
    started = clock.perf_counter()
    results = list(extract(articles, options, nlp=nlp))
    found = [
        [Timex(t.start, t.end, t.type, t.value, t.text) for t in result.times] for result in results
    ]
    return found, clock.perf_counter() - started


def run_dateparser(documents: list[Document]) -> tuple[list[list[Timex]], float] | None:
    """dateparser's search on each text. Each find is re-read with `DateDataParser` for its
    period, so that '1992' scores as '1992' rather than a full date: the library at its best."""
    try:
        from dateparser import DateDataParser
        from dateparser.search import search_dates
    except ImportError:
        return None
    started = clock.perf_counter()
    found = [_dateparser_times(doc, search_dates, DateDataParser) for doc in documents]
    return found, clock.perf_counter() - started


def _dateparser_times(doc: Document, search_dates: Any, parser_class: Any) -> list[Timex]:
    from datetime import datetime

    settings = {"RELATIVE_BASE": datetime.fromisoformat(doc.dct[:19]), "PREFER_DATES_FROM": "past"}
    parser = parser_class(languages=["en"], settings=settings)
    hits = search_dates(doc.text, languages=["en"], settings=settings) or []
    times, cursor = [], 0
    for words, moment in hits:
        start = doc.text.find(words, cursor)
        if start < 0:
            continue
        cursor = start + len(words)
        period = getattr(parser.get_date_data(words), "period", None) or "day"
        has_clock = bool(re.search(r"\d:\d\d|[ap]\.?m\b", words, re.IGNORECASE))
        value = moment.strftime("%Y-%m-%dT%H:%M") if has_clock else _at_period(moment, period)
        times.append(Timex(start, cursor, "TIME" if has_clock else "DATE", value, words))
    return times


def _at_period(moment: Any, period: str) -> str:
    if period == "year":
        return f"{moment.year:04d}"
    if period == "month":
        return f"{moment.year:04d}-{moment.month:02d}"
    if period == "week":
        year, week, _ = moment.isocalendar()
        return f"{year:04d}-W{week:02d}"
    return str(moment.date().isoformat())


# Scoring -----------------------------------------------------------------------------------


def score_document(gold: list[Timex], found: list[Timex], tally: Tally) -> None:
    """Add one document's matches to `tally`: exact spans are paired first, then overlaps."""
    tally.system += len(found)
    tally.gold += len(gold)
    pairs = _pairs(gold, found)
    tally.strict += sum(g.start == s.start and g.end == s.end for g, s in pairs)
    tally.relaxed += len(pairs)
    tally.type_ok += sum(g.type == s.type for g, s in pairs)
    tally.value_ok += sum(g.value == s.value for g, s in pairs)
    matched_gold, matched_found = {id(g) for g, _ in pairs}, {id(s) for _, s in pairs}
    tally.misses.update(g.text.lower() for g in gold if id(g) not in matched_gold)
    tally.spurious.update(s.text.lower() for s in found if id(s) not in matched_found)
    tally.wrong_values.update(
        f"{g.text!r}: {g.value} -> {s.value}" for g, s in pairs if g.value != s.value
    )


def _pairs(gold: list[Timex], found: list[Timex]) -> list[tuple[Timex, Timex]]:
    pairs: list[tuple[Timex, Timex]] = []
    free = list(found)
    for exact in (True, False):
        for g in gold:
            if any(g is p[0] for p in pairs):
                continue
            match = next(
                (s for s in free if _same(g, s) if exact)
                if exact
                else (s for s in free if s.start < g.end and g.start < s.end),
                None,
            )
            if match is not None:
                pairs.append((g, match))
                free.remove(match)
    return pairs


def _same(gold: Timex, found: Timex) -> bool:
    return gold.start == found.start and gold.end == found.end


def figures(tally: Tally) -> dict[str, float]:
    def f1(hits: int) -> tuple[float, float, float]:
        precision = hits / tally.system if tally.system else 0.0
        recall = hits / tally.gold if tally.gold else 0.0
        return (
            precision,
            recall,
            (2 * precision * recall / (precision + recall) if precision + recall else 0.0),
        )

    out: dict[str, float] = {}
    for name, hits in (
        ("strict", tally.strict),
        ("relaxed", tally.relaxed),
        ("type", tally.type_ok),
        ("value", tally.value_ok),
    ):
        out[f"{name}_p"], out[f"{name}_r"], out[f"{name}_f1"] = f1(hits)
    out["type_accuracy"] = tally.type_ok / tally.relaxed if tally.relaxed else 0.0
    out["value_accuracy"] = tally.value_ok / tally.relaxed if tally.relaxed else 0.0
    return out


# Running and reporting ---------------------------------------------------------------------


def evaluate(data: Path, options: Options, limit: int | None = None) -> dict[str, Any]:
    """Score dateline (and dateparser, when installed) on every .tml file under `data`."""
    if limit is not None and limit < 1:
        raise ValueError(f"limit must be a positive number of documents, not {limit}")
    documents = load_documents(Path(data))[:limit]
    runs = {"dateline": run_dateline(documents, options), "dateparser": run_dateparser(documents)}
    report: dict[str, Any] = {
        "data": str(data),
        "documents": len(documents),
        "gold_timexes": sum(len(d.gold) for d in documents),
        "systems": {},
    }
    for name, run in runs.items():
        if run is not None:
            report["systems"][name] = _system_report(documents, *run)
    return report


def _system_report(
    documents: list[Document], found: list[list[Timex]], seconds: float
) -> dict[str, Any]:
    tally = Tally(seconds=seconds)
    for doc, times in zip(documents, found, strict=True):
        score_document(doc.gold, times, tally)
    return {
        "counts": {
            "system": tally.system,
            "gold": tally.gold,
            "strict": tally.strict,
            "relaxed": tally.relaxed,
            "type_ok": tally.type_ok,
            "value_ok": tally.value_ok,
        },
        "figures": figures(tally),
        "seconds": seconds,
        "top_misses": tally.misses.most_common(15),
        "top_spurious": tally.spurious.most_common(15),
        "top_wrong_values": tally.wrong_values.most_common(15),
    }


def format_report(report: dict[str, Any]) -> str:
    """The report as `dateline evaluate timeml DATA` prints it."""
    lines = [
        f"TimeML: {report['documents']} documents, {report['gold_timexes']} gold TIMEX3 "
        f"(DCT excluded) from {report['data']}",
        "",
        f"{'system':<11} {'strict P':>8} {'R':>6} {'F1':>6} | {'relax P':>7} {'R':>6} {'F1':>6} | "
        f"{'type F1':>7} {'acc':>6} | {'value F1':>8} {'acc':>6} | {'s':>6}",
    ]
    for name, system in report["systems"].items():
        lines.append(_system_line(name, system))
    lines.append(_system_line("HeidelTime", {"figures": HEIDELTIME, "seconds": None}))
    dateline = report["systems"].get("dateline")
    if dateline:
        lines += ["", *_target_lines(dateline["figures"]), *_error_lines(dateline)]
    lines += ["", NOTE]
    return "\n".join(lines)


def _system_line(name: str, system: dict[str, Any]) -> str:
    f = system["figures"]

    def show(key: str, width: int) -> str:
        return f"{f[key]:>{width}.3f}" if key in f else f"{'-':>{width}}"

    seconds = f"{system['seconds']:>6.1f}" if system.get("seconds") is not None else f"{'-':>6}"
    return (
        f"{name:<11} {show('strict_p', 8)} {show('strict_r', 6)} {show('strict_f1', 6)} | "
        f"{show('relaxed_p', 7)} {show('relaxed_r', 6)} {show('relaxed_f1', 6)} | "
        f"{show('type_f1', 7)} {show('type_accuracy', 6)} | "
        f"{show('value_f1', 8)} {show('value_accuracy', 6)} | {seconds}"
    )


def _target_lines(figures_: dict[str, float]) -> list[str]:
    return [
        f"target {key} >= {floor:.2f}: {figures_[key]:.3f} "
        f"{'met' if figures_[key] >= floor else 'NOT met'}"
        for key, floor in TARGETS.items()
    ]


def _error_lines(system: dict[str, Any]) -> list[str]:
    lines = []
    for title, key in (
        ("most missed", "top_misses"),
        ("most spurious", "top_spurious"),
        ("most frequent wrong values", "top_wrong_values"),
    ):
        lines.append(
            f"dateline {title}: " + "; ".join(f"{text} ({n})" for text, n in system[key][:10])
        )
    return lines


NOTE = (
    "TempEval-3 definitions: strict = same span, relaxed = overlapping spans (one to one);\n"
    "type/value F1: P = relaxed matches with the right attribute / system times,\n"
    "R = the same / gold times. HeidelTime's row is its published TempEval-3 result on the\n"
    "platinum test set (not this data). TBAQ is TempEval-3's training data, and dateline's rules\n"
    "were tuned by reading its errors: these are development figures, not a held-out score.\n"
    "Event dates (issue 3's MUC-dev figures) are measured by `dateline evaluate muc_events`."
)
