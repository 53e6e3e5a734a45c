"""The `Doc._` extensions dateline's components share (names only; no spaCy pipeline here).

The article travels on the Doc (`doc._.dateline_article`, set by
`pipeline.make_doc`); each extractor stage writes its findings to
`doc._.dateline_<stage>`; `dateline_record` assembles the record on `doc._.dateline`.
"""

from __future__ import annotations

from spacy.tokens import Doc

ARTICLE = "dateline_article"
RESULT = "dateline"
STAGES = ("times", "places", "quotes", "events", "checks")
PROBLEMS = "dateline_problems"  # non-fatal problems a stage met (unbalanced quote marks ...)


def stage_attr(stage: str) -> str:
    return f"dateline_{stage}"


def ensure_extensions() -> None:
    """Declare the Doc extensions once per process (idempotent)."""
    for name in (ARTICLE, RESULT, PROBLEMS, *(stage_attr(stage) for stage in STAGES)):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


TEXT_CACHE = "dateline_doc_text"


def doc_text(doc: Doc) -> str:
    """`doc.text`, computed once: spaCy rebuilds it from every token on each access, which
    made a third of the stages' time. This is the parsed text (a truecased copy for
    all-capitals input); the article's own characters are `article.text`."""
    text = doc.user_data.get(TEXT_CACHE)
    if text is None:
        text = doc.text
        doc.user_data[TEXT_CACHE] = text
    return text  # type: ignore[no-any-return]
