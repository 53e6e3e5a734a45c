"""Seconds spent in each pipeline component (spaCy's and dateline's) over MUC-3/4 texts.

    .venv/bin/python benchmarks/stages.py --data ../shared/data/muc34/dev --limit 150

Where `throughput.py` says whether dateline's stages cost too much, this says which
stage: it truecases, builds the Docs and runs every component of the loaded pipeline in
turn over the same batch, timing each one separately, and prints seconds per component
and their share of the spaCy parse (the components that are not dateline's).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the muc34/dev directory")
    parser.add_argument("--limit", type=int, default=150, help="messages to time")
    args = parser.parse_args(argv)

    from dateline.casing import needs_truecasing, truecase
    from dateline.evaluate.muc import ingest_message, iter_muc_messages
    from dateline.nlp import load_pipeline
    from dateline.options import Options
    from dateline.pipeline import make_doc

    options = Options()
    nlp = load_pipeline(options)
    articles = []
    for message in iter_muc_messages(args.data):
        if len(articles) >= args.limit:
            break
        article = ingest_message(message, options).article
        if article is not None:
            articles.append(article)
    make_doc(nlp, articles[0], options)  # lazy loads (casing statistics) stay out of the timing

    seconds: dict[str, float] = {}
    began = time.perf_counter()
    for article in articles:
        if needs_truecasing(article.text):
            truecase(article.text, nlp.vocab)
    seconds["(truecase)"] = time.perf_counter() - began
    docs = [make_doc(nlp, article, options) for article in articles]
    for name, component in nlp.pipeline:
        began = time.perf_counter()
        if hasattr(component, "pipe"):
            docs = list(component.pipe(docs, batch_size=options.batch_size))
        else:
            docs = [component(doc) for doc in docs]
        seconds[name] = time.perf_counter() - began

    spacy_seconds = sum(s for n, s in seconds.items() if not n.startswith(("dateline", "(")))
    print(f"{len(docs)} MUC messages; spaCy components {spacy_seconds:.2f} s")
    print(f"{'component':<28}{'seconds':>9}{'% of spaCy':>12}")
    for name, spent in seconds.items():
        print(f"{name:<28}{spent:>9.2f}{100 * spent / spacy_seconds:>11.1f}%")
    ours = sum(s for n, s in seconds.items() if n.startswith(("dateline", "(")))
    print(f"{'dateline total':<28}{ours:>9.2f}{100 * ours / spacy_seconds:>11.1f}%")
    print(f"implied extract/parse ratio ~ {spacy_seconds / (spacy_seconds + ours):.3f}")


if __name__ == "__main__":
    main()
