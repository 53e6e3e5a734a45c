"""dateline's spaCy components, in pipeline order, and the record component that ends it.

Factories are announced through the `spacy_factories` entry point (pointing
here), so `nlp.add_pipe("dateline_record")` works in any program once the
package is installed: spaCy imports this module, which imports each stage
module, whose `@Language.factory` decorators register the stages.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .docext import ARTICLE, RESULT, STAGES, ensure_extensions, stage_attr
from .record import ArticleResult

# Extractor stages, in the order they run (each writes doc._.dateline_<stage>).
STAGE_FACTORIES: tuple[str, ...] = ()


class RecordComponent:
    """Assembles the record from the article and whatever the extractor stages found."""

    def __call__(self, doc: Doc) -> Doc:
        article = doc._.get(ARTICLE)
        if article is None:
            raise ValueError(
                "dateline_record needs doc._.dateline_article; build the Doc with dateline.make_doc()"
            )
        found = {stage: doc._.get(stage_attr(stage)) or [] for stage in STAGES}
        doc._.set(RESULT, ArticleResult(article=article, **found))
        return doc


@Language.factory("dateline_record", assigns=[f"doc._.{RESULT}"], requires=[f"doc._.{ARTICLE}"])
def make_record_component(nlp: Language, name: str) -> RecordComponent:
    ensure_extensions()
    return RecordComponent()
