"""The `dateline` command: each command parses its flags and calls the library function."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from contextlib import nullcontext
from pathlib import Path
from typing import Annotated

import typer

from .errors import DatelineError
from .export import FORMATS, write
from .options import READERS, help_for, options_from_args
from .pipeline import extract
from .record import ArticleResult

app = typer.Typer(
    help="dateline: news articles to evidence-linked event records (schema dateline/1).",
    no_args_is_help=True,
    add_completion=False,
)

EXIT_OK, EXIT_SOME_FAILED, EXIT_ALL_FAILED, EXIT_CANNOT_RUN = 0, 3, 4, 5


@app.callback()
def _root() -> None:
    """dateline: news articles to evidence-linked event records (schema dateline/1)."""


@app.command("extract")
def extract_cli(
    paths: Annotated[
        list[str], typer.Argument(help="Files, directories (read recursively) or - for stdin")
    ],
    to: Annotated[str, typer.Option(help=f"Output format: {', '.join(FORMATS)}")] = "jsonl",
    out: Annotated[Path | None, typer.Option(help="Write here instead of stdout")] = None,
    reader: Annotated[str, typer.Option(help=help_for("reader"))] = "auto",
    max_bytes: Annotated[int | None, typer.Option(help=help_for("max_bytes"))] = None,
    batch_size: Annotated[int | None, typer.Option(help=help_for("batch_size"))] = None,
    model: Annotated[str | None, typer.Option(help=help_for("model"))] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No warnings or progress on stderr")
    ] = False,
) -> None:
    """Write one dateline/1 record per article found in PATHS.

    Exit status: 0 all inputs read, 3 some failed, 4 all failed, 5 could not run.
    """
    if to not in FORMATS:
        raise typer.BadParameter(f"--to must be one of {', '.join(FORMATS)}")
    if reader not in READERS:
        raise typer.BadParameter(f"--reader must be one of {', '.join(READERS)}")
    options = options_from_args(
        reader=reader, max_bytes=max_bytes, batch_size=batch_size, model=model
    )
    target = open(out, "w", encoding="utf-8") if out else nullcontext(sys.stdout)  # noqa: SIM115
    try:
        with target as stream:
            results = _with_progress(
                extract(paths, options), enabled=not quiet and sys.stderr.isatty()
            )
            total, failed = _count(write(results, stream, to), quiet=quiet)
    except DatelineError as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(EXIT_CANNOT_RUN) from err
    raise typer.Exit(_exit_status(total, failed))


def _count(results: Iterable[ArticleResult], *, quiet: bool) -> tuple[int, int]:
    total = failed = 0
    for result in results:
        total += 1
        failed += result.failed
        if not quiet:
            for item in result.errors:
                kind = "error" if item.fatal else "warning"
                typer.echo(f"{kind}: [{item.code}] {item.message}", err=True)
    return total, failed


def _exit_status(total: int, failed: int) -> int:
    if failed == 0:
        return EXIT_OK
    return EXIT_ALL_FAILED if failed == total else EXIT_SOME_FAILED


def _with_progress(results: Iterator[ArticleResult], *, enabled: bool) -> Iterator[ArticleResult]:
    if not enabled:
        yield from results
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.completed} articles"), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("extract", total=None)
        for result in results:
            progress.advance(task)
            yield result


EVALUATIONS = {
    "aeb": "HTML body extraction on the article-extraction benchmark (data: shared/data/aeb)",
    "timeml": "time expressions on TimeBank/AQUAINT (data: shared/data/timeml/tbaq)",
    "geo": "toponym recognition and resolution on GeoWebNews and LGL (data: shared/data/geo)",
    "polnear": "quotes and attribution on PolNeAR dev (data: shared/data/polnear)",
    "casing": "parsing all-capitals text, by remedy (data: shared/data/polnear/dev)",
    "muc_figures": "casualty figures per MUC-3/4 message (data: shared/data/muc34/dev)",
    "muc_events": "MUC-3/4 events: dates, places, killed, injured (data: shared/data/muc34/dev)",
}


@app.command("evaluate")
def evaluate_cli(
    name: Annotated[
        str,
        typer.Argument(
            help="Which evaluation: " + "; ".join(f"{k}: {v}" for k, v in EVALUATIONS.items())
        ),
    ],
    data: Annotated[Path, typer.Argument(help="The evaluation data directory or file")],
    limit: Annotated[
        int | None, typer.Option(help="Score only the first N documents (a quick look)")
    ] = None,
) -> None:
    """Score dateline on an evaluation set and print the figures."""
    from .evaluate import run_evaluation

    try:
        typer.echo(run_evaluation(name, data, limit=limit))
    except (DatelineError, FileNotFoundError, ValueError) as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(EXIT_CANNOT_RUN) from err


def main() -> None:
    app()
