"""Load time, memory and lookup speed of the offline GeoNames gazetteer.

    .venv/bin/python benchmarks/gazetteer.py

Each measurement runs in a fresh subprocess, so one does not warm the next and each
peak RSS is its own (Linux keeps a process's peak across exec, which is why this parent
imports nothing heavy):
  build:  the first use on a machine, into an empty cache directory (the index is
          built from the data packages and written);
  cached: every later process, reading the cache the build wrote;
then, in the cached process: entries, names, the memory the loaded index holds, and
microseconds per `lookup` over every indexed name and over as many unknown words.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from subprocesses import json_from_child, max_rss_mib

UNKNOWN_SAMPLE = 20_000  # made-up names: a miss must be as cheap as a hit


def child(cache_dir: Path) -> None:
    """Run in the subprocess: load (building when the cache is empty), report as JSON."""
    began = time.perf_counter()
    from dateline.gazetteer import load_gazetteer

    imported, rss_imported = time.perf_counter(), max_rss_mib()
    gazetteer = load_gazetteer(cache_dir)
    loaded = time.perf_counter()
    report: dict[str, Any] = {
        "import_seconds": imported - began,
        "load_seconds": loaded - imported,
        "entries": len(gazetteer),
        "names": len(gazetteer.names),
        "rss_imported_mib": rss_imported,
        "peak_rss_mib": max_rss_mib(),
    }
    report.update(lookup_speed(gazetteer))
    print(json.dumps(report))


def lookup_speed(gazetteer: Any) -> dict[str, float]:
    known = list(gazetteer.names)
    unknown = [f"zq{index}xv" for index in range(UNKNOWN_SAMPLE)]
    speeds = {}
    for label, names in (("known", known), ("unknown", unknown)):
        began = time.perf_counter()
        for name in names:
            gazetteer.lookup(name)
        speeds[f"lookup_{label}_us"] = (time.perf_counter() - began) / len(names) * 1e6
    return speeds


def run_child(cache_dir: Path) -> dict[str, Any]:
    return json_from_child([sys.executable, __file__, "--child", str(cache_dir)], "the gazetteer")


def table(build: dict[str, Any], cached: dict[str, Any]) -> list[str]:
    lines = [
        f"gazetteer: {cached['entries']:,} entries under {cached['names']:,} folded names",
        f"  {'':32} {'seconds':>8} {'peak RSS':>10} {'of which loading':>17}",
    ]
    rows = (("first use (build + write cache)", build), ("later use (read cache)", cached))
    for label, row in rows:
        held = row["peak_rss_mib"] - row["rss_imported_mib"]  # beyond the imported modules
        lines.append(
            f"  {label:32} {row['load_seconds']:8.2f} {row['peak_rss_mib']:6.0f} MiB "
            f"{held:13.0f} MiB"
        )
    lines.append(
        f"  lookup: {cached['lookup_known_us']:.1f} µs per known name, "
        f"{cached['lookup_unknown_us']:.1f} µs per unknown one"
    )
    return lines


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        child(args.child)
        return
    with tempfile.TemporaryDirectory(prefix="dateline-gazetteer-") as scratch:
        build = run_child(Path(scratch))
        cached = run_child(Path(scratch))
    print("\n".join(table(build, cached)))


if __name__ == "__main__":
    main()
