"""What the benchmarks share: a measurement run in a fresh subprocess, and its peak memory.

Linux keeps a process's peak RSS across exec, so a child's ru_maxrss starts at its parent's
RSS when it was spawned: benchmarks that measure memory keep their parent small (stdlib
only) and run each measurement through `json_from_child`.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from typing import Any


def json_from_child(command: list[str], what: str) -> dict[str, Any]:
    """Run `command` (a Python benchmark in child mode); its last output line, read as JSON."""
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"the subprocess for {what} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def max_rss_mib() -> float:
    """This process's peak resident memory so far, in MiB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10  # bytes there, KiB here
