"""dateline: news articles to evidence-linked event records (schema `dateline/1`).

import dateline
for record in dateline.extract("news/"):
    print(record.to_dict())
"""

from .nlp import add_dateline_components, load_pipeline
from .options import Options
from .pipeline import extract, make_doc
from .record import SCHEMA, Article, ArticleResult

__all__ = [
    "SCHEMA", "Article", "ArticleResult", "Options",
    "add_dateline_components", "extract", "load_pipeline", "make_doc",
]  # fmt: skip
__version__ = "0.1.0"
