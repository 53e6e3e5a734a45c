"""dateline's spaCy components and the `Doc._` extensions they share.

The article travels on the Doc (`doc._.dateline_article`, set by
`pipeline.make_doc` before `nlp.pipe`); extractor components write their
findings to `doc._.dateline_<stage>`; `dateline_record` assembles them into the
`dateline/1` record on `doc._.dateline`. Factories are announced through the
`spacy_factories` entry point, so `nlp.add_pipe("dateline_record")` works in
any program once the package is installed (spaCy imports this module then).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .record import ArticleResult

ARTICLE = "dateline_article"
RESULT = "dateline"
STAGES = ("times", "places", "quotes", "events", "checks")


def ensure_extensions() -> None:
    """Declare the Doc extensions once per process (idempotent)."""
    for name in (ARTICLE, RESULT, *(f"dateline_{stage}" for stage in STAGES)):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


class RecordComponent:
    """Assembles the record from the article and whatever the extractor stages found."""

    def __call__(self, doc: Doc) -> Doc:
        article = doc._.get(ARTICLE)
        if article is None:
            raise ValueError(
                "dateline_record needs doc._.dateline_article; build the Doc with dateline.make_doc()"
            )
        found = {stage: doc._.get(f"dateline_{stage}") or [] for stage in STAGES}
        doc._.set(RESULT, ArticleResult(article=article, **found))
        return doc


@Language.factory(
    "dateline_record", assigns=[f"doc._.{RESULT}"], requires=[f"doc._.{ARTICLE}"]
)
def make_record_component(nlp: Language, name: str) -> RecordComponent:
    ensure_extensions()
    return RecordComponent()
