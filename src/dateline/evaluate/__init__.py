"""Evaluation sets, one module each; every module exposes `evaluate(data, options, limit)` -> report
dict and `format_report(report)` -> the text `dateline evaluate NAME DATA` prints."""

from __future__ import annotations

import importlib
from pathlib import Path

from ..errors import DatelineError
from ..options import Options


def run_evaluation(
    name: str, data: Path, *, options: Options | None = None, limit: int | None = None
) -> str:
    """Run evaluation `name` on `data` and return its printed report."""
    try:
        module = importlib.import_module(f"{__name__}.{name}")
    except ModuleNotFoundError as err:
        raise DatelineError(
            "unknown_evaluation", f"no evaluation named {name!r} is implemented yet"
        ) from err
    if not data.exists():
        raise FileNotFoundError(
            f"{data}: evaluation data not found; give the path to the {name} data"
        )
    report = module.evaluate(data, options or Options(), limit=limit)
    return str(module.format_report(report))
