"""Throughput and memory of `dateline extract` against spaCy parsing alone, on MUC-3/4 texts.

    .venv/bin/python benchmarks/throughput.py --data ../shared/data/muc34/dev --sizes 1000 10000
    .venv/bin/python benchmarks/throughput.py --data ../shared/data/muc34/dev --quick

Memory: per size, a fresh subprocess runs a full extract over that many articles and
reports its peak RSS (ru_maxrss), so sizes do not share a peak. Sizes above the corpus
cycle through it again, each pass renaming ids and sources ("DEV-MUC3-0001~1"); articles
are streamed, never listed, so flat memory across sizes means extraction itself streams.

Throughput, then, in this process, over the same texts with the same loaded weights and
batch size:
  (a) parse:   nlp.pipe over the plain texts, dateline's components switched off;
  (b) extract: dateline.extract over the messages as Articles (ingest included, since it
               runs lazily inside the stream), every record serialised to JSON Lines as
               `dateline extract` writes it, into /dev/null;
  (c) ingest:  building those Articles alone, to show how much of (b) it is.
(a) and (b) alternate over rounds (a-b, then b-a, ...) so drift in machine speed hits both.
The ratio is printed in wall seconds (the target's measure: run it on a quiet machine) and in
this process's CPU seconds, which other load on the machine leaves nearly alone.
"""

# dateline and spaCy are imported inside functions, not here: Linux keeps a process's peak
# RSS across exec, so a child's ru_maxrss starts at its parent's RSS when it was spawned.
# The parent therefore stays small (stdlib only) until every memory child has run.

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from subprocesses import json_from_child, max_rss_mib

if TYPE_CHECKING:
    from spacy.language import Language

    from dateline.evaluate.muc import MucMessage
    from dateline.options import Options
    from dateline.record import Article

TARGET_RATIO = 0.8
WARMUP = 32  # first calls pay for lazy initialisation; keep that out of both timings


@dataclass(slots=True)
class Timing:
    articles: int = 0
    words: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0  # this process's CPU time: what other load on the machine leaves alone

    def add(self, other: Timing) -> None:
        self.articles += other.articles
        self.words += other.words
        self.seconds += other.seconds
        self.cpu_seconds += other.cpu_seconds

    @property
    def per_second(self) -> tuple[float, float]:
        return self.articles / self.seconds, self.words / self.seconds


# --- the corpus, cycled and streamed ------------------------------------------------------


def cycled_messages(data: Path) -> Iterator[MucMessage]:
    """The corpus over and over; pass k > 0 renames each message "<id>~k" so ids stay distinct."""
    from dateline.evaluate.muc import iter_muc_messages

    for lap in itertools.count():
        found = False
        for message in iter_muc_messages(data):
            found = True
            yield message if lap == 0 else replace(message, doc_id=f"{message.doc_id}~{lap}")
        if not found:
            raise SystemExit(f"{data}: no MUC messages found (give the muc34/dev directory)")


def messages(data: Path, start: int, stop: int) -> Iterator[MucMessage]:
    return itertools.islice(cycled_messages(data), start, stop)


def articles(
    data: Path, start: int, stop: int, options: Options, counted: Timing
) -> Iterator[Article]:
    from dateline.evaluate.muc import ingest_message

    for message in messages(data, start, stop):
        ingested = ingest_message(message, options)
        if ingested.article is not None:
            counted.words += words(message.text)
            yield ingested.article


def words(text: str) -> int:
    return len(text.split())


# --- the three measurements ---------------------------------------------------------------


def time_parse(nlp: Language, data: Path, start: int, stop: int, options: Options) -> Timing:
    counted = Timing()

    def texts() -> Iterator[str]:
        for message in messages(data, start, stop):
            counted.words += words(message.text)
            yield message.text

    dateline_pipes = [name for name in nlp.pipe_names if name.startswith("dateline")]
    with nlp.select_pipes(disable=dateline_pipes), timed(counted):
        counted.articles = sum(1 for _ in nlp.pipe(texts(), batch_size=options.batch_size))
    return counted


def time_extract(nlp: Language, data: Path, start: int, stop: int, options: Options) -> Timing:
    from dateline.export import write
    from dateline.pipeline import extract

    counted = Timing()
    with open(os.devnull, "w", encoding="utf-8") as sink, timed(counted):
        results = extract(articles(data, start, stop, options, counted), options, nlp=nlp)
        counted.articles = sum(1 for _ in write(results, sink, "jsonl"))
    return counted


def time_ingest(data: Path, start: int, stop: int, options: Options) -> Timing:
    counted = Timing()
    with timed(counted):
        counted.articles = sum(1 for _ in articles(data, start, stop, options, counted))
    return counted


@contextmanager
def timed(counted: Timing) -> Iterator[None]:
    """Wall and CPU seconds of the block, added to `counted`."""
    wall, cpu = time.perf_counter(), time.process_time()
    yield
    counted.seconds += time.perf_counter() - wall
    counted.cpu_seconds += time.process_time() - cpu


STEPS: list[tuple[str, Callable[..., Timing]]] = [("parse", time_parse), ("extract", time_extract)]


def compare(
    nlp: Language, data: Path, size: int, rounds: int, options: Options
) -> dict[str, Timing]:
    """(a) and (b) over the same `size` articles, alternating order round by round."""
    time_parse(nlp, data, 0, WARMUP, options)
    time_extract(nlp, data, 0, WARMUP, options)
    totals = {"parse": Timing(), "extract": Timing()}
    bounds = [size * r // rounds for r in range(rounds + 1)]
    for index, (start, stop) in enumerate(itertools.pairwise(bounds)):
        for name, step in STEPS if index % 2 == 0 else STEPS[::-1]:
            progress(f"  round {index + 1}/{rounds}: {name}, articles {start}..{stop}")
            totals[name].add(step(nlp, data, start, stop, options))
    totals["ingest"] = time_ingest(data, 0, size, options)
    return totals


# --- memory, one subprocess per size ------------------------------------------------------


def child(data: Path, size: int, batch_size: int | None) -> None:
    """Run in the subprocess: one full extract of `size` articles; print its figures as JSON."""
    from dateline.nlp import load_pipeline

    options = make_options(batch_size)
    began = time.perf_counter()
    nlp = load_pipeline(options)
    loaded, rss_loaded = time.perf_counter(), max_rss_mib()
    timing = time_extract(nlp, data, 0, size, options)
    report = {
        "size": size, "articles": timing.articles, "words": timing.words,
        "seconds": timing.seconds, "load_seconds": loaded - began,
        "rss_after_load_mib": rss_loaded, "peak_rss_mib": max_rss_mib(), "vm_hwm_mib": vm_hwm_mib(),
    }  # fmt: skip
    print(json.dumps(report))


def run_child(data: Path, size: int, batch_size: int | None) -> dict[str, Any]:
    command = [sys.executable, __file__, "--data", str(data), "--child", str(size)]
    if batch_size is not None:
        command += ["--batch-size", str(batch_size)]
    return json_from_child(command, f"size {size}")


def vm_hwm_mib() -> float | None:
    """The kernel's own peak RSS of this process image (Linux), to cross-check ru_maxrss."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 2**10
    except OSError:
        pass
    return None


# --- report -------------------------------------------------------------------------------


def machine(nlp: Language) -> list[str]:
    import spacy

    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else "?"
    return [
        f"machine: {cpu_model()}, {os.cpu_count()} CPUs ({usable} usable), "
        f"{platform.system()} {platform.release()}",
        f"python {platform.python_version()}, spaCy {spacy.__version__}, "
        f"model {nlp.meta['lang']}_{nlp.meta['name']} {nlp.meta['version']}, "
        f"pipes {' '.join(nlp.pipe_names)}",
    ]


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def throughput_table(totals: dict[str, Timing], size: int, rounds: int, batch: int) -> list[str]:
    lines = [
        f"throughput, one process, the same {size} MUC texts, batch size {batch}, {rounds} rounds:",
        f"  {'':34} {'articles/s':>11} {'words/s':>9} {'seconds':>8}",
    ]
    labels = {
        "parse": "(a) nlp.pipe parse alone",
        "extract": "(b) dateline extract -> JSON",
        "ingest": "(c) of which ingest (Articles)",
    }
    for name, label in labels.items():
        per_article, per_word = totals[name].per_second
        seconds = totals[name].seconds
        lines.append(f"  {label:34} {per_article:11.1f} {per_word:9.0f} {seconds:8.1f}")
    parse, full, ingest = totals["parse"], totals["extract"], totals["ingest"]
    ratio = full.per_second[0] / parse.per_second[0]
    without_ingest = full.articles / (full.seconds - ingest.seconds) / parse.per_second[0]
    verdict = "met" if ratio >= TARGET_RATIO else "NOT met"
    lines.append(f"  ratio b/a (articles/s): {ratio:.3f}  (target >= {TARGET_RATIO}: {verdict})")
    lines.append(f"  ratio b/a without ingest (b - c): {without_ingest:.3f}")
    cpu_ratio = (full.articles / full.cpu_seconds) / (parse.articles / parse.cpu_seconds)
    lines.append(f"  ratio b/a in CPU seconds (what other load leaves alone): {cpu_ratio:.3f}")
    return lines


def memory_table(rows: Iterable[dict[str, Any]]) -> list[str]:
    lines = [
        "full extract, one fresh subprocess per size (articles streamed, output to /dev/null):",
        f"  {'articles':>8} {'words':>9} {'articles/s':>11} {'words/s':>9} "
        f"{'RSS after load':>15} {'peak ru_maxrss':>15} {'peak VmHWM':>11}",
    ]
    for row in rows:
        hwm = f"{row['vm_hwm_mib']:7.0f} MiB" if row["vm_hwm_mib"] is not None else "?"
        lines.append(
            f"  {row['articles']:8d} {row['words']:9d} {row['articles'] / row['seconds']:11.1f} "
            f"{row['words'] / row['seconds']:9.0f} {row['rss_after_load_mib']:11.0f} MiB "
            f"{row['peak_rss_mib']:11.0f} MiB {hwm:>11}"
        )
    return lines


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- command line -------------------------------------------------------------------------


def make_options(batch_size: int | None) -> Options:
    from dateline.options import Options

    return Options() if batch_size is None else Options(batch_size=batch_size)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add = parser.add_argument
    add("--data", type=Path, required=True, help="MUC-3/4 dev directory (or one file)")
    add("--sizes", type=int, nargs="+", help="articles per memory run (default 1000 10000)")
    add("--throughput-size", type=int, help="articles for (a)/(b) (default: the smallest size)")
    add("--rounds", type=int, default=4, help="alternating (a)/(b) rounds (default 4)")
    add("--batch-size", type=int, help="nlp.pipe batch size (default: dateline's Options)")
    add("--quick", action="store_true", help="a small run: sizes 100 300, throughput on 100")
    add("--child", type=int, help=argparse.SUPPRESS)  # the per-size subprocess
    args = parser.parse_args(argv)
    if args.quick and args.sizes is None:
        args.sizes = [100, 300]
    args.sizes = args.sizes or [1000, 10000]
    args.throughput_size = args.throughput_size or min(args.sizes)
    if min(args.sizes) <= 0 or args.throughput_size <= 0 or args.rounds <= 0:
        parser.error("sizes and rounds must be positive")
    return args


def main(argv: list[str] | None = None) -> None:
    began = time.perf_counter()
    args = parse_args(argv)
    if not args.data.exists():
        raise SystemExit(f"{args.data}: MUC-3/4 data not found; pass --data .../muc34/dev")
    if args.child is not None:
        child(args.data, args.child, args.batch_size)
        return
    rows = []
    for size in args.sizes:  # first, while this process is still small (see the top)
        progress(f"memory: full extract of {size} articles in a fresh subprocess ...")
        rows.append(run_child(args.data, size, args.batch_size))
    from dateline.nlp import load_pipeline

    options = make_options(args.batch_size)
    nlp = load_pipeline(options)
    progress(f"throughput on {args.throughput_size} articles ...")
    totals = compare(nlp, args.data, args.throughput_size, args.rounds, options)
    report = [
        *machine(nlp),
        "",
        *throughput_table(totals, args.throughput_size, args.rounds, options.batch_size),
        "",
        *memory_table(rows),
        "",
        f"whole run: {(time.perf_counter() - began) / 60:.1f} minutes",
    ]
    print("\n".join(report))


if __name__ == "__main__":
    main()
