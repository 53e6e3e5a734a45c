"""`dateline ingest` against `dateline extract` alone, on the same MUC-3/4 texts.

    .venv/bin/python benchmarks/ingest.py --data ../shared/data/muc34/dev --size 1000

(b) extract: `dateline.extract` over the messages, every record written as JSON Lines to
    /dev/null (what `dateline extract` does);
(d) ingest:  `dateline.corpus.ingest` of the same messages into a new DuckDB store:
    extraction, one transaction per batch, then linking the whole corpus.
Same process, same loaded weights, alternating order over rounds so drift in machine
speed hits both. Target: (d) within 10% of (b), i.e. ingest/extract >= 0.9 in articles/s.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from throughput import WARMUP, Timing, articles, make_options, progress, time_extract  # noqa: E402

TARGET_RATIO = 0.9


def time_ingest_to_store(nlp, data: Path, start: int, stop: int, options) -> Timing:  # type: ignore[no-untyped-def]
    from dateline.corpus import ingest

    counted = Timing()
    with tempfile.TemporaryDirectory() as folder:
        began = time.perf_counter()
        summary = ingest(
            articles(data, start, stop, options, counted),
            Path(folder) / "bench.duckdb",
            options,
            nlp=nlp,
        )
        counted.seconds = time.perf_counter() - began
    counted.articles = summary.articles
    return counted


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="MUC-3/4 dev directory")
    parser.add_argument("--size", type=int, default=1000, help="articles per step (default 1000)")
    parser.add_argument("--rounds", type=int, default=2, help="alternating rounds (default 2)")
    args = parser.parse_args(argv)
    from dateline.nlp import load_pipeline

    options = make_options(None)
    nlp = load_pipeline(options)
    time_extract(nlp, args.data, 0, WARMUP, options)
    steps = [("extract", time_extract), ("ingest", time_ingest_to_store)]
    totals = {"extract": Timing(), "ingest": Timing()}
    for round_number in range(args.rounds):
        for name, step in steps if round_number % 2 == 0 else steps[::-1]:
            progress(f"round {round_number + 1}/{args.rounds}: {name} of {args.size} articles ...")
            totals[name].add(step(nlp, args.data, 0, args.size, options))
    rates = {name: timing.per_second[0] for name, timing in totals.items()}
    ratio = rates["ingest"] / rates["extract"]
    print(f"{args.size} MUC articles x {args.rounds} rounds, batch {options.batch_size}")
    for name, timing in totals.items():
        print(
            f"  ({'b' if name == 'extract' else 'd'}) {name:8} {rates[name]:6.1f} articles/s  "
            f"({timing.articles} articles in {timing.seconds:.2f} s)"
        )
    verdict = "met" if ratio >= TARGET_RATIO else "NOT met"
    print(f"  ingest / extract = {ratio:.3f}  (target >= {TARGET_RATIO}: {verdict})")


if __name__ == "__main__":
    main()
