"""dateline's spaCy components, in pipeline order, and the record component that ends it.

Factories are announced through the `spacy_factories` entry point (pointing
here), so `nlp.add_pipe("dateline_record")` works in any program once the
package is installed: spaCy imports this module, which imports each stage
module, whose `@Language.factory` decorators register the stages.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .docext import ARTICLE, PROBLEMS, RESULT, STAGES, ensure_extensions, stage_attr
from .errors import problem
from .record import Article, ArticleResult, Problem

# Extractor stages, in the order they run (each writes doc._.dateline_<stage>).
STAGE_FACTORIES: tuple[str, ...] = (
    "dateline_times",
    "dateline_quotes",
    "dateline_places",
    "dateline_figures",
    "dateline_events",
)


class RecordComponent:
    """Assembles the record from the article and whatever the extractor stages found."""

    def __call__(self, doc: Doc) -> Doc:
        article = doc._.get(ARTICLE)
        if article is None:
            raise ValueError(
                "dateline_record needs doc._.dateline_article; build Docs with dateline.make_doc()"
            )
        found = {stage: doc._.get(stage_attr(stage)) or [] for stage in STAGES}
        problems = [_named(article, p) for p in doc._.get(PROBLEMS) or []]
        doc._.set(RESULT, ArticleResult(article=article, errors=problems, **found))
        return doc


def _named(article: Article, found: Problem) -> Problem:
    """A stage's problem, its message naming the input and the fix like every other problem."""
    return problem(found.code, article.source, found.message, fatal=found.fatal)


@Language.factory("dateline_record", assigns=[f"doc._.{RESULT}"], requires=[f"doc._.{ARTICLE}"])
def make_record_component(nlp: Language, name: str) -> RecordComponent:
    ensure_extensions()
    return RecordComponent()


from .stages import events as _events  # noqa: E402,F401 - registers dateline_events
from .stages import figures as _figures  # noqa: E402,F401 - registers dateline_figures
from .stages import places as _places  # noqa: E402,F401 - registers dateline_places
from .stages import quotes as _quotes  # noqa: E402,F401 - registers dateline_quotes
from .stages import times as _times  # noqa: E402,F401 - registers dateline_times
