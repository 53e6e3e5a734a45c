"""The options object and the record types."""

from __future__ import annotations

import pytest

from dateline.options import Options, help_for, options_from_args
from dateline.record import Article, ArticleResult, Problem, content_id


def test_options_from_args_ignores_none_and_rejects_unknown():
    options = options_from_args(max_bytes=10, batch_size=None)
    assert options.max_bytes == 10 and options.batch_size == Options().batch_size
    with pytest.raises(TypeError, match="unknown option"):
        options_from_args(colour="red")


def test_options_validate_values():
    with pytest.raises(ValueError, match="reader must be one of"):
        Options(reader="pdf")
    with pytest.raises(ValueError, match="positive"):
        Options(max_bytes=0)


def test_every_option_has_help():
    for name in Options.__dataclass_fields__:
        assert len(help_for(name)) > 10


def test_article_id_is_a_content_hash_unless_given():
    assert (
        Article(source="a", text="same").id
        == Article(source="b", text="same").id
        == content_id("same")
    )
    assert Article(source="a", text="other").id != content_id("same")
    assert Article(source="a", text="same", id="given").id == "given"


def test_article_body_defaults_to_the_whole_text():
    article = Article(source="a", text="twelve chars")
    assert (article.body.start, article.body.end) == (0, 12)


def test_result_failed_only_on_fatal_problems():
    article = Article(source="a", text="x")
    assert not ArticleResult(article, errors=[Problem("encoding_guessed", "m", fatal=False)]).failed
    assert ArticleResult(article, errors=[Problem("binary", "m")]).failed


def test_dateline_extract_is_the_function_even_after_the_stages_load():
    import dateline
    import dateline.components  # noqa: F401 - imports every stage module

    assert callable(dateline.extract) and dateline.extract.__module__ == "dateline.pipeline"
