"""Geoparsing on GeoWebNews (GWN.xml) and LGL (lgl.xml): recognition, then resolution.

DATA is the folder holding both files (Gritta et al.'s "Pragmatic Guide to
Geoparsing Evaluation" release). Gold toponyms:

- GWN: every annotated toponym with coordinates (literal, metonymic, modifier,
  embedded, coercion: the types the guide counts as toponyms); demonyms,
  homonyms, languages and common-noun expressions carry no coordinates and are
  not gold, so finding them counts as a false positive;
- LGL: every annotated toponym; the ones with a GeoNames gaztag have coordinates.

In both, a gold toponym that is a demonym ("Sudanese", "Russian" forces) and
not also a place name is left out, and counted: dateline deliberately reads
demonyms as the nationality of actors, not as places.

Figures, per corpus:
- recognition precision, recall and F1, strict (same start and end) and
  loose (overlapping spans, matched one to one);
- for gold toponyms with coordinates that the system found (loose match):
  accuracy within 161 km (100 miles), median error in km; an unresolved
  prediction counts as wrong, at half the Earth's circumference;
- end-to-end accuracy: found and placed within 161 km, over all gold
  toponyms with coordinates;
- resolution given the gold toponyms (no recognition errors), comparable with
  Mordecai3's 96.6% within 161 km "given correct toponyms";
- how far the confidence can be trusted: the share of matched toponyms resolved
  with a confidence of at least CONFIDENT, and their accuracy within 161 km;
- seconds per article for the whole parse and for the places stage alone.
"""

from __future__ import annotations

import statistics
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import DatelineError
from ..gazetteer import Gazetteer, distance_km, load_gazetteer
from ..gazetteer.resolve import Mention, resolve
from ..gazetteer.spelling import spelling
from ..options import Options

CORPORA = {"GWN": "GWN.xml", "LGL": "lgl.xml"}
ACCURATE_KM = 161.0  # 100 miles, the field's usual threshold
CONFIDENT = 0.8  # a resolution this confident is one a user may take without checking
WORST_KM = 20037.5  # half the Earth's circumference: the error of a missing answer


@dataclass(frozen=True, slots=True)
class Toponym:
    start: int
    end: int
    text: str
    lat: float | None = None
    lon: float | None = None


@dataclass(slots=True)
class Document:
    id: str
    text: str
    gold: list[Toponym]


@dataclass(slots=True)
class Predicted:
    start: int
    end: int
    lat: float | None
    lon: float | None
    confidence: float = 0.0


@dataclass(slots=True)
class Tally:
    """Counts and errors for one corpus, filled document by document."""

    documents: int = 0
    gold: int = 0
    predicted: int = 0
    strict: int = 0
    loose: int = 0
    gold_with_point: int = 0
    errors: list[float] = field(
        default_factory=list
    )  # km, one per matched gold toponym with a point
    confidences: list[float] = field(default_factory=list)  # the resolution's, one per error
    given_gold: list[float] = field(default_factory=list)  # km, resolving the gold names themselves
    offsets_off: int = 0  # gold toponyms whose offsets do not spell their name (skipped)
    demonyms: int = 0  # gold toponyms that are demonyms (skipped)
    seconds: float = 0.0
    place_seconds: float = 0.0


# Reading the corpora ------------------------------------------------------------------------


def read_corpus(path: Path, name: str) -> list[Document]:
    root = ET.parse(path).getroot()
    reader = read_gwn_article if name == "GWN" else read_lgl_article
    return [reader(article, index) for index, article in enumerate(root.iter("article"))]


def read_gwn_article(article: ET.Element, index: int) -> Document:
    text = article.findtext("text") or ""
    gold = []
    for node in article.iter("toponym"):
        lat, lon = _float(node.findtext("latitude")), _float(node.findtext("longitude"))
        if lat is None or lon is None:
            continue  # not a toponym in the guide's sense (demonym, homonym, common noun...)
        gold.append(_toponym(node, "extractedName", lat, lon))
    return Document(article.get("file", str(index)), text, gold)


def read_lgl_article(article: ET.Element, index: int) -> Document:
    text = article.findtext("text") or ""
    gold = []
    for node in article.iter("toponym"):
        tag = node.find("gaztag")
        lat = _float(tag.findtext("lat")) if tag is not None else None
        lon = _float(tag.findtext("lon")) if tag is not None else None
        gold.append(_toponym(node, "phrase", lat, lon))
    return Document(article.get("docid", str(index)), text, gold)


def _toponym(node: ET.Element, name_tag: str, lat: float | None, lon: float | None) -> Toponym:
    start, end = int(node.findtext("start") or 0), int(node.findtext("end") or 0)
    return Toponym(start, end, node.findtext(name_tag) or "", lat, lon)


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


# Scoring ------------------------------------------------------------------------------------


def loose_matches(gold: Sequence[Toponym], predicted: Sequence[Predicted]) -> list[tuple[int, int]]:
    """(gold index, predicted index) pairs of overlapping spans, one to one, exact matches first."""
    pairs = sorted(
        (
            (g, p)
            for g, t in enumerate(gold)
            for p, q in enumerate(predicted)
            if t.start < q.end and q.start < t.end
        ),
        key=lambda gp: (
            (gold[gp[0]].start, gold[gp[0]].end) != (predicted[gp[1]].start, predicted[gp[1]].end)
        ),
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    matches = []
    for g, p in pairs:
        if g not in used_g and p not in used_p:
            used_g.add(g)
            used_p.add(p)
            matches.append((g, p))
    return matches


def error_km(gold: Toponym, lat: float | None, lon: float | None) -> float:
    if lat is None or lon is None or gold.lat is None or gold.lon is None:
        return WORST_KM
    return distance_km(gold.lat, gold.lon, lat, lon)


def score_document(tally: Tally, doc: Document, predicted: Sequence[Predicted]) -> None:
    tally.documents += 1
    tally.gold += len(doc.gold)
    tally.predicted += len(predicted)
    spans = {(t.start, t.end) for t in doc.gold}
    tally.strict += sum((p.start, p.end) in spans for p in predicted)
    matches = loose_matches(doc.gold, predicted)
    tally.loose += len(matches)
    tally.gold_with_point += sum(t.lat is not None for t in doc.gold)
    for g, p in matches:
        if doc.gold[g].lat is not None:
            tally.errors.append(error_km(doc.gold[g], predicted[p].lat, predicted[p].lon))
            tally.confidences.append(predicted[p].confidence)


def resolve_gold(tally: Tally, doc: Document, gazetteer: Gazetteer) -> None:
    """Resolve the gold toponyms themselves: the resolver's accuracy without recognition errors."""
    gold = [t for t in doc.gold if t.lat is not None]
    mentions = [Mention(t.start, t.end, t.text) for t in gold]
    resolved = resolve(gazetteer, mentions, spelling(doc.text))
    for toponym, result in zip(gold, resolved, strict=True):
        entry = result.entry
        tally.given_gold.append(
            error_km(toponym, entry.lat if entry else None, entry.lon if entry else None)
        )


def prf(tp: int, predicted: int, gold: int) -> dict[str, float]:
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def summary(tally: Tally) -> dict[str, Any]:
    within = sum(e <= ACCURATE_KM for e in tally.errors)
    given = sum(e <= ACCURATE_KM for e in tally.given_gold)
    confident = [e for e, c in zip(tally.errors, tally.confidences, strict=True) if c >= CONFIDENT]
    return {
        "documents": tally.documents,
        "gold": tally.gold,
        "predicted": tally.predicted,
        "strict": prf(tally.strict, tally.predicted, tally.gold),
        "loose": prf(tally.loose, tally.predicted, tally.gold),
        "matched_with_point": len(tally.errors),
        "acc161": within / len(tally.errors) if tally.errors else 0.0,
        "median_km": statistics.median(tally.errors) if tally.errors else None,
        "end_to_end_acc161": within / tally.gold_with_point if tally.gold_with_point else 0.0,
        "given_gold_acc161": given / len(tally.given_gold) if tally.given_gold else 0.0,
        "given_gold_median_km": statistics.median(tally.given_gold) if tally.given_gold else None,
        "confident_share": len(confident) / len(tally.errors) if tally.errors else 0.0,
        "confident_acc161": (
            sum(e <= ACCURATE_KM for e in confident) / len(confident) if confident else 0.0
        ),
        "seconds_per_doc": tally.seconds / tally.documents if tally.documents else 0.0,
        "places_share": tally.place_seconds / tally.seconds if tally.seconds else 0.0,
        "offsets_off": tally.offsets_off,
        "demonyms": tally.demonyms,
    }


# Running ------------------------------------------------------------------------------------


def evaluate(data: Path, options: Options, limit: int | None = None) -> dict[str, Any]:
    """Run the pipeline's recognition and resolution on each corpus in `data` (the first
    `limit` articles of each) and score it; see the module docstring for the figures."""
    paths = {name: data / filename for name, filename in CORPORA.items()}
    missing = [str(p) for p in paths.values() if not p.exists()]
    if missing:
        raise DatelineError(
            "evaluation_data_missing",
            f"{', '.join(missing)} not found; give the folder "
            "holding GWN.xml and lgl.xml (Gritta et al.'s geoparsing corpora)",
        )
    from ..nlp import load_pipeline
    from ..stages.places import PlacesComponent

    nlp = load_pipeline(options)
    gazetteer = load_gazetteer()
    places = PlacesComponent(gazetteer)
    corpora = {}
    for name, path in paths.items():
        documents = read_corpus(path, name)[:limit]
        corpora[name] = summary(run_corpus(nlp, places, gazetteer, documents, options))
    return {"data": str(data), "limit": limit, "corpora": corpora}


def run_corpus(
    nlp: Any, places: Any, gazetteer: Gazetteer, documents: Sequence[Document], options: Options
) -> Tally:
    from ..pipeline import make_doc
    from ..record import Article

    tally = Tally()
    for doc in documents:
        tally.offsets_off += _drop_misaligned(doc)
        tally.demonyms += _drop_demonyms(doc, gazetteer)
    articles = [make_doc(nlp, Article(text=d.text, source=f"geo:{d.id}")) for d in documents]
    # Only the model's own components, then the places stage timed on its own.
    own = [name for name in nlp.pipe_names if not name.startswith("dateline_")]
    started = time.perf_counter()
    with nlp.select_pipes(enable=own):
        parsed = nlp.pipe(articles, batch_size=options.batch_size)
        for document, parsed_doc in zip(documents, parsed, strict=True):
            place_started = time.perf_counter()
            places(parsed_doc)
            tally.place_seconds += time.perf_counter() - place_started
            score_document(tally, document, _predictions(parsed_doc))
            resolve_gold(tally, document, gazetteer)
    tally.seconds = time.perf_counter() - started
    return tally


def _drop_misaligned(doc: Document) -> int:
    """Gold toponyms whose offsets do not spell their name are dropped (and counted)."""
    aligned = [t for t in doc.gold if doc.text[t.start : t.end] == t.text]
    dropped = len(doc.gold) - len(aligned)
    doc.gold = aligned
    return dropped


def _drop_demonyms(doc: Document, gazetteer: Gazetteer) -> int:
    """Gold "toponyms" that are demonyms ("Sudanese", "Russian" troops) are dropped (and
    counted): dateline reads them as the nationality of actors, not as places."""
    kept = [
        t
        for t in doc.gold
        if gazetteer.is_main_name(t.text) or not gazetteer.demonym_country(t.text)
    ]
    dropped = len(doc.gold) - len(kept)
    doc.gold = kept
    return dropped


def _predictions(doc: Any) -> list[Predicted]:
    return [
        Predicted(p.start, p.end, p.lat, p.lon, p.confidence or 0.0)
        for p in doc._.dateline_places or []
    ]


def format_report(report: dict[str, Any]) -> str:
    lines = [
        f"Geoparsing: {report['data']}"
        + (f" (first {report['limit']} articles each)" if report["limit"] else "")
    ]
    for name, figures in report["corpora"].items():
        lines += _format_corpus(name, figures)
    lines.append(
        "Targets: recognition F1 >= 0.80; accuracy within 161 km >= 0.90 on matched toponyms."
    )
    return "\n".join(lines)


def _format_corpus(name: str, f: dict[str, Any]) -> Iterable[str]:
    strict, loose = f["strict"], f["loose"]
    median = _km(f["median_km"])
    yield f"\n{name}: {f['documents']} articles, {f['gold']} gold toponyms, {f['predicted']} found"
    yield f"  recognition strict  {_prf(strict)}"
    yield f"  recognition loose   {_prf(loose)}"
    yield (
        f"  resolution (matched, n={f['matched_with_point']})  acc@161km {f['acc161']:.3f}"
        f"  median {median} km"
    )
    yield (
        f"  confidence >= {CONFIDENT}: {f['confident_share']:.0%} of matched,"
        f" acc@161km {f['confident_acc161']:.3f}"
    )
    yield f"  end-to-end acc@161km {f['end_to_end_acc161']:.3f}"
    yield (
        f"  given gold toponyms  acc@161km {f['given_gold_acc161']:.3f}"
        f"  median {_km(f['given_gold_median_km'])} km"
    )
    yield f"  time {f['seconds_per_doc']:.3f} s/article, places stage {f['places_share']:.1%} of it"
    if f["demonyms"]:
        yield f"  ({f['demonyms']} gold toponyms skipped: demonyms, which dateline maps to actors)"
    if f["offsets_off"]:
        yield f"  ({f['offsets_off']} gold toponyms skipped: their offsets do not spell their name)"


def _prf(figures: dict[str, float]) -> str:
    return f"P {figures['precision']:.3f}  R {figures['recall']:.3f}  F1 {figures['f1']:.3f}"


def _km(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f}"
