"""`dateline ingest`: extract articles into a store, skipping those it already holds, then link.

Crash-safe and resumable by construction:
- each batch of `Options.batch_size` articles is written in one transaction, so a run
  killed at any moment leaves whole batches only;
- an article is known by its content id; a new run skips every id already stored, so
  starting the same command again finishes the work without duplicating any of it;
- linking replaces all linked events in one transaction at the end, and the store
  records how many articles the linking covers and with which settings, so a run
  killed before linking is linked by the next run (even one with nothing new to
  read), and a run with other linking settings (`--best-rule`) relinks.
The writer holds the database only while it writes a batch, so readers (`dateline
events`, `show`) can query between batches.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from spacy.language import Language

from ..ingest import Ingested
from ..options import Options
from ..pipeline import Input, extract_ingested, read_any
from ..record import ArticleResult
from ..store import open_store
from ..store.read import linking_current
from ..store.write import finish_run, start_run, stored_ids, write_batch
from .relink import link_settings, relink


@dataclass(slots=True)
class IngestSummary:
    run_id: int = 0
    articles: int = 0  # newly stored
    skipped: int = 0  # already in the store (or twice in the input)
    failed: int = 0
    mentions: int = 0
    linked_events: int = 0
    problems: list[str] = field(default_factory=list)


def ingest(
    inputs: Input | Iterable[Input],
    db: str | os.PathLike[str],
    options: Options | None = None,
    *,
    on_result: Callable[[ArticleResult], None] | None = None,
    nlp: Language | None = None,
) -> IngestSummary:
    """Extract every new article of `inputs` (as for `dateline.extract`: paths, Articles or
    JSON Lines-like dicts) into the store `db`, then link the whole corpus."""
    options = options or Options()
    with open_store(db, write=True) as connection:
        run_id = start_run(connection, _described(inputs))
        known = stored_ids(connection)
    summary = IngestSummary(run_id=run_id)
    fresh = _unseen(read_any(inputs, options), known, summary)
    results = extract_ingested(fresh, options, nlp=nlp)
    while batch := list(islice(results, options.batch_size)):
        with open_store(db, write=True) as connection:
            write_batch(connection, batch, run_id)
        for result in batch:
            _count(result, summary)
            if on_result:
                on_result(result)
    with open_store(db, write=True) as connection:
        if summary.articles or not linking_current(connection, link_settings(options)):
            summary.linked_events = len(relink(connection, options))
        finish_run(
            connection,
            run_id,
            articles=summary.articles,
            skipped=summary.skipped,
            failed=summary.failed,
        )
    return summary


def _described(inputs: Input | Iterable[Input]) -> list[str]:
    """What the run was given, for the runs table: paths as given; other inputs by kind."""
    if isinstance(inputs, str | os.PathLike):
        return [os.fspath(inputs)]
    if isinstance(inputs, list | tuple):
        return [
            os.fspath(i) if isinstance(i, str | os.PathLike) else type(i).__name__ for i in inputs
        ]
    return ["<stream>"]


def _unseen(
    items: Iterator[Ingested], known: set[str], summary: IngestSummary
) -> Iterator[Ingested]:
    """Inputs whose article is not stored yet; failed inputs pass, to be reported."""
    for item in items:
        if item.article is not None and item.article.id in known:
            summary.skipped += 1
            continue
        if item.article is not None:
            known.add(item.article.id)
        yield item


def _count(result: ArticleResult, summary: IngestSummary) -> None:
    if result.failed:
        summary.failed += 1
        summary.problems += [p.message for p in result.errors if p.fatal]
    else:
        summary.articles += 1
        summary.mentions += len(result.events)
