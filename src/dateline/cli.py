"""The `dateline` command: each command parses its flags and calls the library function."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from pathlib import Path
from typing import Annotated, Any

import typer

from .errors import DatelineError
from .export import EVENT_FORMATS, FORMATS, write, write_events
from .options import READERS, Options, help_for, options_from_args
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
    with _Progress(enabled=enabled, label="articles") as progress:
        for result in results:
            progress.advance()
            yield result


EVALUATIONS = {
    "aeb": "HTML body extraction on the article-extraction benchmark (data: shared/data/aeb)",
    "timeml": "time expressions on TimeBank/AQUAINT (data: shared/data/timeml/tbaq)",
    "geo": "toponym recognition and resolution on GeoWebNews and LGL (data: shared/data/geo)",
    "polnear": "quotes and attribution on PolNeAR dev (data: shared/data/polnear)",
    "casing": "parsing all-capitals text, by remedy (data: shared/data/polnear/dev)",
    "muc_figures": "casualty figures per MUC-3/4 message (data: shared/data/muc34/dev)",
    "muc_events": "MUC-3/4 events: dates, places, killed, injured (data: shared/data/muc34/dev)",
    "muc_linking": "linking reports of one incident across MUC-3/4 messages (data: muc34/dev)",
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


# --- the corpus store ----------------------------------------------------------------------

DbOption = Annotated[Path, typer.Option("--db", help="The DuckDB store file (created by ingest)")]
WaitOption = Annotated[
    float, typer.Option(help="Seconds to wait while another process writes the store")
]


@app.command("ingest")
def ingest_cli(
    db: DbOption,
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="Files, directories (read recursively) or - for stdin; none: relink the store"
        ),
    ] = None,
    reader: Annotated[str, typer.Option(help=help_for("reader"))] = "auto",
    batch_size: Annotated[int | None, typer.Option(help=help_for("batch_size"))] = None,
    best_rule: Annotated[str | None, typer.Option(help=help_for("best_rule"))] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No warnings or progress on stderr")
    ] = False,
) -> None:
    """Extract PATHS into the store --db, skip articles already in it, and link the corpus.

    Safe to kill and run again: nothing is lost and nothing is stored twice.
    Exit status: 0 all inputs read, 3 some failed, 4 all failed, 5 could not run.
    """
    from .corpus import ingest

    options = _options(reader=reader, batch_size=batch_size, best_rule=best_rule)
    progress = _Progress(enabled=not quiet and sys.stderr.isatty(), label="articles stored")
    try:
        with progress:
            summary = ingest(paths or [], db, options, on_result=progress.advance)
    except DatelineError as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(EXIT_CANNOT_RUN) from err
    if not quiet:
        for message in summary.problems:
            typer.echo(f"error: {message}", err=True)
    typer.echo(
        f"{db}: {summary.articles} articles stored ({summary.mentions} event mentions), "
        f"{summary.skipped} already stored, {summary.failed} failed; "
        f"{summary.linked_events} linked events"
        if summary.linked_events or summary.articles
        else f"{db}: nothing new ({summary.skipped} already stored, {summary.failed} failed)",
        err=True,
    )
    read = summary.articles + summary.skipped
    raise typer.Exit(_exit_status(read + summary.failed, summary.failed))


@app.command("events")
def events_cli(
    db: DbOption,
    since: Annotated[
        str | None, typer.Option(help="Events on or after this date (YYYY-MM-DD)")
    ] = None,
    until: Annotated[str | None, typer.Option(help="Events on or before this date")] = None,
    country: Annotated[str | None, typer.Option(help="ISO code (SV) or place name")] = None,
    type: Annotated[str | None, typer.Option("--type", help="Event type or sub-type")] = None,
    min_killed: Annotated[int | None, typer.Option(help="At least this many killed")] = None,
    search: Annotated[str | None, typer.Option(help="Text in the notes, place or actors")] = None,
    to: Annotated[str, typer.Option(help=f"Output format: {', '.join(EVENT_FORMATS)}")] = "table",
    out: Annotated[Path | None, typer.Option(help="Write here instead of stdout")] = None,
    wait: WaitOption = 30.0,
) -> None:
    """List the linked events of a store, one row per incident, ACLED/UCDP-like columns."""
    from .store import open_store
    from .store.read import events, linking_current

    if to not in EVENT_FORMATS:
        raise typer.BadParameter(f"--to must be one of {', '.join(EVENT_FORMATS)}")
    filters = dict(
        since=since, until=until, country=country, event_type=type, min_killed=min_killed,
        text=search,
    )  # fmt: skip
    try:
        with open_store(db, write=False, wait=wait) as connection:
            found = events(connection, **filters)  # type: ignore[arg-type]
            if not linking_current(connection):
                typer.echo(
                    f"warning: {db}: some articles are not linked yet (an ingest is running or "
                    "stopped early); run `dateline ingest` again to link them",
                    err=True,
                )
        text_out = out if out and to != "parquet" else None
        target = open(text_out, "w", encoding="utf-8") if text_out else nullcontext(sys.stdout)  # noqa: SIM115
        with target as stream:
            write_events(found, stream, to, str(out) if out else None)
    except (DatelineError, ValueError) as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(EXIT_CANNOT_RUN) from err


@app.command("show")
def show_cli(
    event_id: Annotated[str, typer.Argument(help="A linked event's id (from `dateline events`)")],
    db: DbOption,
    wait: WaitOption = 30.0,
) -> None:
    """Every source, figure and quote of one linked event, with its words and dates."""
    from .corpus.show import describe_event
    from .store.read import event

    found = _query(db, wait, event, event_id)
    if found is None:
        typer.echo(
            f"error: {db}: no event {event_id}; list them with `dateline events --db {db}`",
            err=True,
        )
        raise typer.Exit(EXIT_CANNOT_RUN)
    typer.echo(describe_event(found))


@app.command("coverage")
def coverage_cli(db: DbOption, wait: WaitOption = 30.0) -> None:
    """Who reports what: articles, event mentions, linked events and figures per outlet and day."""
    from .store.read import coverage

    found = _query(db, wait, coverage)
    typer.echo(
        f"{'outlet':<40}{'day':<12}{'articles':>9}{'mentions':>9}{'events':>8}{'figures':>8}"
    )
    for row in found:
        typer.echo(
            f"{str(row['outlet'])[:39]:<40}{str(row['day'] or '?'):<12}{row['articles']:>9}"
            f"{row['mentions']:>9}{row['events']:>8}{row['figures']:>8}"
        )


@app.command("diff")
def diff_cli(
    old: Annotated[Path, typer.Argument(help="The store of the earlier run")],
    new: Annotated[Path, typer.Argument(help="The store of the later run")],
    wait: WaitOption = 30.0,
) -> None:
    """Linked events added (+), changed (~) and removed (-) from OLD to NEW."""
    from .corpus.diff import diff_events
    from .store.read import events

    before, after = _query(old, wait, events), _query(new, wait, events)
    typer.echo("\n".join(diff_events(before, after).lines()))


def _query(db: Path, wait: float, reader: Callable[..., Any], *args: Any) -> Any:
    """`reader(connection, *args)` on the store `db` opened for reading; a store that cannot
    be read stops the command with its message."""
    from .store import open_store

    try:
        with open_store(db, write=False, wait=wait) as connection:
            return reader(connection, *args)
    except DatelineError as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(EXIT_CANNOT_RUN) from err


def _options(**args: object) -> Options:
    try:
        return options_from_args(**args)
    except ValueError as err:
        raise typer.BadParameter(str(err)) from err


class _Progress:
    """A progress count on a terminal; nothing otherwise."""

    def __init__(self, *, enabled: bool, label: str):
        self.enabled, self.label = enabled, label
        self._progress: Any = None

    def __enter__(self) -> _Progress:
        if self.enabled:
            from rich.console import Console
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            columns = (
                SpinnerColumn(),
                TextColumn("{task.completed} " + self.label),
                TimeElapsedColumn(),
            )
            self._progress = Progress(*columns, console=Console(stderr=True), transient=True)
            self._progress.__enter__()
            self._task = self._progress.add_task(self.label, total=None)
        return self

    def advance(self, _: object = None) -> None:
        if self._progress is not None:
            self._progress.advance(self._task)

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.__exit__(*exc)


def main() -> None:
    app()
