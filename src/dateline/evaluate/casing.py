"""Case repair measured: how much of the parse of cased news survives when the text is in capitals,
as is and after each remedy (dateline.casing).

Cased English news (PolNeAR `*.txt`, TimeML `*.tml` with tags stripped, or LGL's `lgl.xml`) is the
measuring data only: no statistics come from it. Each text is put in capitals (same length),
repaired by each remedy, and parsed with the spaCy pipeline; each parse is scored against the
parse of the original cased text, which stands in for gold:

- NER: entity (start, end, label) F1, per label and over all labels;
- POS: share of the original's tokens that have a token with the same span and the same UPOS;
- UAS: same, for tokens whose head has the same span;
- sentences: F1 of sentence-start offsets (the text's start excluded);
- the remedy's own time per article (the parse excluded; statistics loaded beforehand).

On LGL (`lgl.xml`) the gold toponyms are also looked up among the GPE/LOC/FAC entities:
recall with the exact span, and with any overlap, for the original, capitals and each remedy.
"""

from __future__ import annotations

import html
import re
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .. import casing
from ..options import Options

LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "DATE", "CARDINAL")
TOPONYM_LABELS = frozenset({"GPE", "LOC", "FAC"})
ORIGINAL, UPPER = "original (cased)", "none (capitals)"
CHOSEN = "context+vocab"  # what dateline.casing.truecase does
BATCH_SIZE = 32
TAG = re.compile(r"<[^>]+>")
TIMEML_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)

Remedy = Callable[[str], str]
Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    text: str
    toponyms: tuple[Span, ...] = ()  # gold toponym spans, where the data has them (LGL)


@dataclass(slots=True)
class Scores:
    """Counts for one condition, summed over documents."""

    ner: Counter[tuple[str, str]] = field(default_factory=Counter)  # (label, tp|fp|fn) -> n
    tokens: Counter[str] = field(default_factory=Counter)  # total, pos, head
    sentences: Counter[str] = field(default_factory=Counter)  # tp, fp, fn
    toponyms: Counter[str] = field(default_factory=Counter)  # gold, exact, overlap
    seconds: float = 0.0


# Data ---------------------------------------------------------------------------------------------


def load_documents(data: Path, limit: int | None = None) -> list[Document]:
    """LGL from an .xml file; TimeML from a folder of .tml files; else the .txt files below."""
    if data.is_file() and data.suffix == ".xml":
        documents = _lgl(data)
    elif tml := sorted(data.rglob("*.tml")):
        documents = [Document(p.stem, _timeml_text(p.read_text(encoding="utf-8"))) for p in tml]
    else:
        texts = sorted(data.rglob("*.txt"))
        documents = [Document(p.stem, p.read_text(encoding="utf-8")) for p in texts]
    if not documents:
        raise FileNotFoundError(f"{data}: no .txt, .tml or LGL .xml documents found")
    return documents[:limit]


def _timeml_text(markup: str) -> str:
    match = TIMEML_TEXT.search(markup)
    return html.unescape(TAG.sub("", match.group(1) if match else markup)).strip()


def _lgl(path: Path) -> list[Document]:
    documents = []
    for article in ET.parse(path).getroot().iter("article"):
        spans = tuple(
            (int(t.findtext("start", "0")), int(t.findtext("end", "0")))
            for t in article.iter("toponym")
        )
        documents.append(Document(article.get("docid", ""), article.findtext("text", ""), spans))
    return documents


# Remedies -----------------------------------------------------------------------------------------


def remedies(nlp: Language) -> dict[str, Remedy]:
    """Every remedy compared, by name; each is warmed up (statistics loaded) before timing."""
    unigram, with_vocab = casing.casing_lexicon(), casing.casing_lexicon(nlp.vocab)
    found: dict[str, Remedy] = {
        UPPER: str,
        "lower": casing.lowercase,
        "lower+starts": casing.lowercase_sentence_starts,
        "unigram": lambda text: casing.truecase(text, lexicon=unigram),
        "unigram+vocab": lambda text: casing.truecase(text, lexicon=with_vocab),
        CHOSEN: lambda text: casing.truecase(text, nlp.vocab),
        "package model": package_truecaser(),
    }
    for remedy in found.values():
        remedy("WARM UP. THE STATISTICS LOAD HERE.")
    return found


def package_truecaser() -> Remedy:
    """The `truecase` package's own `TrueCaser` over our tokens, one sentence at a time, with
    none of dateline's rules; its forms are written back letter for letter."""
    from truecase import TrueCaser

    caser = TrueCaser()

    def remedy(text: str) -> str:
        forms: dict[int, str] = {}
        for sentence in _sentences(text):
            tokens = [m.group() for m in sentence]
            cased = caser.get_true_case_from_tokens(tokens, "title")
            forms.update((match.start(), form) for match, form in zip(sentence, cased, strict=True))
        return casing.recase(text, lambda word, start, end: forms.get(start, word))

    return remedy


def _sentences(text: str) -> Iterable[list[re.Match[str]]]:
    starts = casing.sentence_starts(text, {})
    sentence: list[re.Match[str]] = []
    for match in casing.TOKEN.finditer(text):
        if match.start() in starts and sentence:
            yield sentence
            sentence = []
        sentence.append(match)
    if sentence:
        yield sentence


# Scoring ------------------------------------------------------------------------------------------


def score(reference: Doc, parsed: Doc, scores: Scores) -> None:
    """Add one parse's agreement with the reference parse to `scores`."""
    _score_entities(_entities(reference), _entities(parsed), scores.ner)
    _score_tokens(reference, parsed, scores.tokens)
    _score_sets(_sentence_starts(reference), _sentence_starts(parsed), scores.sentences)


def _entities(doc: Doc) -> set[tuple[int, int, str]]:
    return {(e.start_char, e.end_char, e.label_) for e in doc.ents}


def _score_entities(gold: set[Any], found: set[Any], counts: Counter[tuple[str, str]]) -> None:
    for label in {item[2] for item in gold | found}:
        labelled = Counter[str]()
        _score_sets(_labelled(gold, label), _labelled(found, label), labelled)
        for outcome, n in labelled.items():
            counts[label, outcome] += n
            counts["ALL", outcome] += n


def _labelled(entities: set[Any], label: str) -> set[Any]:
    return {entity for entity in entities if entity[2] == label}


def _score_sets(gold: set[Any], found: set[Any], counts: Counter[str]) -> None:
    counts["tp"] += len(gold & found)
    counts["fp"] += len(found - gold)
    counts["fn"] += len(gold - found)


def _score_tokens(reference: Doc, parsed: Doc, counts: Counter[str]) -> None:
    by_span = {(t.idx, len(t)): t for t in parsed}
    for token in reference:
        counts["total"] += 1
        other = by_span.get((token.idx, len(token)))
        if other is None:
            continue  # tokenised differently: counts as wrong for both figures
        counts["pos"] += other.pos == token.pos
        counts["head"] += (other.head.idx, len(other.head)) == (token.head.idx, len(token.head))


def _sentence_starts(doc: Doc) -> set[int]:
    return {s.start_char for s in doc.sents if s.start_char > 0}


def score_toponyms(document: Document, doc: Doc, counts: Counter[str]) -> None:
    """Gold toponyms found among the place entities: exact span, or any overlap."""
    places = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in TOPONYM_LABELS]
    for start, end in document.toponyms:
        counts["gold"] += 1
        counts["exact"] += (start, end) in places
        counts["overlap"] += any(s < end and start < e for s, e in places)


# Running ------------------------------------------------------------------------------------------


def evaluate(data: Path, options: Options, limit: int | None = None) -> dict[str, Any]:
    """Parse each document cased, in capitals and after each remedy; score against the cased
    parse."""
    import spacy

    documents = load_documents(Path(data), limit)
    nlp = spacy.load(options.model, exclude=["lemmatizer"])  # the lemmas are not scored
    conditions = remedies(nlp)
    scores = {name: Scores() for name in (ORIGINAL, *conditions)}
    upper = [casing.uppercase(d.text) for d in documents]
    references = list(nlp.pipe((d.text for d in documents), batch_size=BATCH_SIZE))
    for document, doc in zip(documents, references, strict=True):
        score_toponyms(document, doc, scores[ORIGINAL].toponyms)
    for name, remedy in conditions.items():
        _run_condition(nlp, documents, upper, references, remedy, scores[name])
    return _report(data, documents, scores)


def _run_condition(
    nlp: Language,
    documents: Sequence[Document],
    upper: Sequence[str],
    references: Sequence[Doc],
    remedy: Remedy,
    scores: Scores,
) -> None:
    started = time.perf_counter()
    repaired = [remedy(text) for text in upper]
    scores.seconds = time.perf_counter() - started
    for text, shouted in zip(repaired, upper, strict=True):
        assert len(text) == len(shouted)  # every offset must still point into the original
    parsed = nlp.pipe(repaired, batch_size=BATCH_SIZE)
    for document, reference, doc in zip(documents, references, parsed, strict=True):
        score(reference, doc, scores)
        score_toponyms(document, doc, scores.toponyms)


def _report(data: Path, documents: Sequence[Document], scores: dict[str, Scores]) -> dict[str, Any]:
    return {
        "data": str(data),
        "documents": len(documents),
        "characters": sum(len(d.text) for d in documents),
        "toponyms": sum(len(d.toponyms) for d in documents),
        "chosen": CHOSEN,
        "conditions": {name: _figures(s, len(documents)) for name, s in scores.items()},
    }


def _figures(scores: Scores, documents: int) -> dict[str, Any]:
    tokens, toponyms = scores.tokens, scores.toponyms
    return {
        "ner_f1": {label: _f1(scores.ner, label) for label in ("ALL", *LABELS)},
        "pos_accuracy": _ratio(tokens["pos"], tokens["total"]),
        "uas": _ratio(tokens["head"], tokens["total"]),
        "sentence_f1": _f1_counts(scores.sentences),
        "ms_per_article": 1000 * scores.seconds / max(documents, 1),
        "toponym_recall": {
            "exact": _ratio(toponyms["exact"], toponyms["gold"]),
            "overlap": _ratio(toponyms["overlap"], toponyms["gold"]),
        },
    }


def _f1(counts: Counter[tuple[str, str]], label: str) -> float | None:
    return _f1_counts(Counter({k: counts[label, k] for k in ("tp", "fp", "fn")}))


def _f1_counts(counts: Counter[str]) -> float | None:
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    return None if tp + fp + fn == 0 else 2 * tp / (2 * tp + fp + fn)


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


# Printing -----------------------------------------------------------------------------------------


def format_report(report: dict[str, Any]) -> str:
    """A table: one row per condition, scored against the parse of the cased original."""
    columns = ["NER", *LABELS, "POS", "UAS", "sent", "ms/art"]
    has_toponyms = report["toponyms"] > 0
    columns += ["topo=", "topo~"] if has_toponyms else []
    lines = [
        f"case repair on {report['data']}: {report['documents']} documents, "
        f"{report['characters']:,} characters"
        + (f", {report['toponyms']} gold toponyms" if has_toponyms else ""),
        "scored against the parse of the cased original (F1 for NER and sentence starts; "
        "POS/UAS token accuracy); topo= / topo~: gold toponym recall, exact / overlapping span",
        "",
        f"{'condition':<18}" + "".join(f"{c:>9}" for c in columns),
    ]
    for name, figures in report["conditions"].items():
        lines.append(f"{name:<18}" + "".join(f"{v:>9}" for v in _row(figures, has_toponyms)))
    lines += ["", f"dateline.casing.truecase is {report['chosen']!r}"]
    return "\n".join(lines)


def _row(figures: dict[str, Any], has_toponyms: bool) -> list[str]:
    values = [figures["ner_f1"][label] for label in ("ALL", *LABELS)]
    values += [figures["pos_accuracy"], figures["uas"], figures["sentence_f1"]]
    cells = [_cell(v) for v in values] + [f"{figures['ms_per_article']:.1f}"]
    if has_toponyms:
        recall = figures["toponym_recall"]
        cells += [_cell(recall["exact"]), _cell(recall["overlap"])]
    return cells


def _cell(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"
