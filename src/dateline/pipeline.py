"""Article -> Doc (one spaCy pass) -> ArticleResult, for one article or a stream of any length.

Inputs are read lazily, parsed in batches of `Options.batch_size` with
`nlp.pipe`, and yielded in input order, so memory stays flat however many
articles go through. An input that fails anywhere becomes a record with
`errors`; the stream goes on.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .casing import needs_truecasing, truecase
from .docext import ARTICLE, RESULT, ensure_extensions
from .errors import InputError, problem
from .ingest import Ingested, read_inputs
from .ingest.readers import ingest_record
from .nlp import load_pipeline
from .options import Options
from .record import Article, ArticleResult, content_id

__all__ = ["Input", "extract", "extract_ingested", "make_doc", "read_any"]

Input = str | os.PathLike[str] | Article | dict[str, Any]


def extract(
    inputs: Input | Iterable[Input], options: Options | None = None, *, nlp: Language | None = None
) -> Iterator[ArticleResult]:
    """Records for every article in `inputs`: paths (files, directories, '-'), Articles,
    or dicts shaped like JSON Lines input records. Lazy: consume the iterator to run it.
    """
    options = options or Options()
    yield from extract_ingested(read_any(inputs, options), options, nlp=nlp)


def extract_ingested(
    items: Iterable[Ingested], options: Options, *, nlp: Language | None = None
) -> Iterator[ArticleResult]:
    """Records for inputs already read (see `dateline.ingest.read_inputs`), in their order."""
    items = iter(items)
    while chunk := list(islice(items, options.batch_size)):
        nlp = nlp if nlp is not None else load_pipeline(options)  # not at all when none come
        ensure_extensions()
        yield from _extract_chunk(nlp, chunk, options)


def make_doc(nlp: Language, article: Article, options: Options | None = None) -> Doc:
    """A Doc over the article's text, carrying the article for the components.

    All-capitals text (wire copy, MUC) is parsed in a truecased copy: the tagger,
    parser and NER were trained on cased text. The copy has the same length and
    differs only in letter case, so Doc offsets are `article.text` offsets; stages
    take the words they report from `article.text`, never from the Doc.
    """
    ensure_extensions()
    text = article.text
    if (options or Options()).truecase and needs_truecasing(text):
        text = truecase(text, nlp.vocab)
    doc = nlp.make_doc(text)
    doc._.set(ARTICLE, article)
    return doc


def read_any(inputs: Input | Iterable[Input], options: Options) -> Iterator[Ingested]:
    """Each input read lazily: paths through the readers, dicts as JSON Lines records."""
    single = isinstance(inputs, str | os.PathLike | Article | dict)
    for item in [inputs] if single else inputs:  # type: ignore[union-attr]
        if isinstance(item, Article):
            yield Ingested(item.source, item)
        elif isinstance(item, dict):
            yield _from_dict(item, options)
        else:
            yield from read_inputs([os.fspath(item)], options)  # type: ignore[arg-type]


def _from_dict(record: dict[str, Any], options: Options) -> Ingested:
    source = str(record.get("source") or record.get("url") or record.get("id") or "<record>")
    try:
        return ingest_record(record, source, options)
    except InputError as err:
        return Ingested(source, None, [problem(err.code, source, err.detail)])


def _extract_chunk(
    nlp: Language, chunk: list[Ingested], options: Options
) -> Iterator[ArticleResult]:
    runnable = [item for item in chunk if item.article and not any(p.fatal for p in item.problems)]
    parsed = dict(zip(map(id, runnable), _parse(nlp, runnable, options), strict=True))
    for item in chunk:
        result = parsed.get(id(item)) or _unparsed(item)
        result.errors[:0] = item.problems
        yield result


def _parse(nlp: Language, items: list[Ingested], options: Options) -> list[ArticleResult]:
    try:
        docs = [make_doc(nlp, item.article, options) for item in items if item.article]
        return [doc._.get(RESULT) for doc in nlp.pipe(docs, batch_size=options.batch_size)]
    except Exception:  # one bad document must not sink its batch: redo them one by one
        return [_parse_one(nlp, item, options) for item in items]


def _parse_one(nlp: Language, item: Ingested, options: Options) -> ArticleResult:
    assert item.article is not None
    try:
        return nlp(make_doc(nlp, item.article, options))._.get(RESULT)  # type: ignore[no-any-return]
    except Exception as err:  # noqa: BLE001 - reported on the record, the batch goes on
        detail = f"extraction failed ({type(err).__name__}: {err})"
        failure = problem("internal", item.source, detail)
        return ArticleResult(article=item.article, errors=[failure])


def _unparsed(item: Ingested) -> ArticleResult:
    article = item.article or Article(text="", source=item.source, id=content_id(item.source))
    return ArticleResult(article=article)
