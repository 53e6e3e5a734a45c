"""Killed and injured counts against the MUC-3/4 answer keys, scored per message.

Keys: each template's HUM TGT: NUMBER fillers ("1: \"ARNULFO ROMERO\"", "6-8: ...") joined
through their cross-reference to HUM TGT: EFFECT OF INCIDENT (DEATH -> killed, INJURY ->
injured). NUMBER fills follow taskdoc/template-doc-part1 7.22: "6", "6-8" (between), "6-"
(at least), "~6" (about), PLURAL (no number: not scored), "?" (optional: never required);
"/" gives alternatives. Optional templates are never required either. A vague figure
("hundreds of peasants") gives no number either: it is PLURAL, never scored.

How the keys join a number to its effect (`_fill_categories`), measured on the dev set's
in-scope event figures (`muc_events`) against joining each description string to the last
effect naming it, as this module did before:
- the keys repeat a description ('9: "PEOPLE"', '36: "PEOPLE"'; 'DEATH: "PEOPLE"',
  'INJURY: "PEOPLE"'): the numbers and the effects pair in order, 9 killed and 36 injured
  (joined by string, both had been injured);
- one number whose description has both effects ('11: "PEOPLE"', 'DEATH: "PEOPLE"',
  'INJURY: "PEOPLE"' for "six people were killed and five wounded") counts the killed and the
  injured together; 30 templates of the dev keys do so. It is accepted and required in both
  categories, and a killed and an injured figure of the message that add up to it are right
  (`KeyCounts.lumped`); "(INJURY / DEATH)" (either) is read the same way;
- HUM TGT: TOTAL NUMBER ("a total number explicit in the text", 7.25) is accepted, never
  required, in the categories of the descriptions it names (all of the template's when it
  names none).
- a number whose description no effect refers to, but which names the effect itself
  ('12: "INJURED"', the description being the text's own word, 7.20), takes that category
  (DEV-MUC3-0620, whose INJURY effect names "PEOPLE" instead);
- an effect whose reference has an unbalanced quote ('INJURY: "16 OTHERS / "OTHERS"') is
  split into its alternatives as a balanced one would be (DEV-MUC3-1173).
These two: injured precision 0.701 -> 0.718 on the in-scope event figures (5 figures), injured
key counts 201 -> 203, recall 0.886 -> 0.887.
Together (before these two): killed recall 0.879 -> 0.888 (578 -> 588 key counts), precision
0.729 -> 0.746; injured recall 0.859 -> 0.886 (205 -> 201), precision 0.656 -> 0.679. The
pairing alone gave 0.739 / 0.662 of precision, the lumped counts 0.004 / 0.013 more, the
totals 0.003 / 0.004.

Breakdowns (`part_of`) are judged with their totals (`_with_breakdowns`): the keys give one
number per victim description, so they record a total or its parts, seldom both. A part of a
right total is right ('86 injured, including 6 seriously': the key has 86); a total of counted
groups whose parts add up to it and each match a key count of their own is right ('six
Jesuits and two women', keyed 6 and 2). A list of people named one by one is not judged by its
parts, since a '1' matches any single victim of the message. On the dev set's in-scope event
figures: killed precision 0.748 -> 0.758, injured 0.685 -> 0.692 (11 figures, each checked by
reading it: 'five of them of Spanish background', 'five Spaniards and one Salvadoran').

Until events exist this scores at the message level: a key count is found (recall) when some
predicted figure of its category in the message matches it; a predicted figure is right
(precision) when some key count of its category in the message matches it (or a template's
sum of them; 0 matches a NO DEATH / NO INJURY effect). Numbers match when their intervals
overlap ("6-8" and 7). MUC keys cover terrorist incidents only, so casualties of military
clashes in the same message count against precision; the report also gives precision over
messages that have a relevant template.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..options import Options
from ..record import Figure
from ..stages.figures import FIGURES
from .muc import Fill, MucMessage, MucTemplate, iter_muc_keys, iter_muc_messages

CATEGORIES = {"DEATH": "killed", "INJURY": "injured"}
SCORED = ("killed", "injured")
OTHER = {"killed": "injured", "injured": "killed"}
ZERO_EFFECTS = {
    "NO DEATH": ("killed",),
    "NO INJURY": ("injured",),
    "NO INJURY OR DEATH": ("killed", "injured"),
}
# A victim description that is itself the effect ('12: "INJURED"'): taskdoc 7.20 fills
# DESCRIPTION from the text's own words, so such a description says what happened to them.
DESCRIBED_EFFECTS = {"INJURED": "injured", "WOUNDED": "injured", "DEAD": "killed"}
NUMBER = re.compile(r"^(?P<about>~)?(?P<low>\d+)?(?P<dash>-)?(?P<high>\d+)?$")
EXAMPLES = 8

Interval = tuple[int, int]


@dataclass(slots=True)
class KeyCounts:
    """One message's key counts per category: required ones, and every acceptable value."""

    required: dict[str, list[Interval]] = field(default_factory=lambda: defaultdict(list))
    # for each required count, its template's sum in that category: a key that names five
    # victims one by one ("1: JOSE ...") is found by "five peasants were killed" too.
    template_sums: dict[str, list[Interval]] = field(default_factory=lambda: defaultdict(list))
    accepted: dict[str, list[Interval]] = field(default_factory=lambda: defaultdict(list))
    # counts of the killed and the injured together: one description whose effect is both
    # DEATH and INJURY ("11: PEOPLE" for "6 were killed and 5 wounded"), found by a killed
    # and an injured figure that add up to it.
    lumped: list[Interval] = field(default_factory=list)
    relevant: bool = False


# --- the keys -----------------------------------------------------------------------------


def key_interval(value: str) -> Interval | None:
    """'6' -> (6, 6); '6-8' -> (6, 8); '6-' -> (6, 6); '-26' -> (1, 26); '~100' -> (100, 100)."""
    text = re.sub(r"\s*\(.*\)\s*$", "", value.strip())  # "7 (5-10)": the value, not the aside
    match = NUMBER.match(text)
    if match is None or not (match["low"] or match["high"]):
        return None
    low, high = match["low"], match["high"]
    if low and high:
        return int(low), int(high)
    if low:
        return int(low), int(low)
    return 1, int(high)


def message_keys(templates: Iterable[MucTemplate]) -> KeyCounts:
    keys = KeyCounts()
    for template in templates:
        if template.relevant:
            keys.relevant = True
            _add_template(keys, template)
    for category, required in list(keys.required.items()):  # the message's total over incidents
        total = sum(low for low, _ in required)
        keys.accepted[category].append((total, total))
    return keys


def _add_template(keys: KeyCounts, template: MucTemplate) -> None:
    sums: Counter[str] = Counter()
    required: list[tuple[str, Interval]] = []
    for fill, categories in _fill_categories(template, "HUM TGT: NUMBER"):
        intervals = [i for i in map(key_interval, fill.values) if i is not None]
        for category in categories:
            keys.accepted[category] += intervals
            if intervals and not (fill.optional or template.optional):
                required.append((category, intervals[0]))
            sums[category] += intervals[0][0] if intervals else 0
        if len(categories) > 1:
            keys.lumped += intervals
    for category, interval in required:
        keys.required[category].append(interval)
        keys.template_sums[category].append((sums[category], sums[category]))
    for category, total in sums.items():
        keys.accepted[category].append((total, total))
    _add_total_numbers(keys, template)
    for category in _zero_categories(template):
        keys.accepted[category].append((0, 0))


def _add_total_numbers(keys: KeyCounts, template: MucTemplate) -> None:
    """HUM TGT: TOTAL NUMBER, 'a total number explicit in the text': accepted, never required,
    in the categories of the descriptions it refers to. Not cross-referenced, it totals the
    template's: in its one category, or the killed and injured together (lumped only)."""
    everything = set().union(*(c for _, c in _effect_fills(template)))
    for fill, categories in _fill_categories(template, "HUM TGT: TOTAL NUMBER"):
        intervals = [i for i in map(key_interval, fill.values) if i is not None]
        categories = categories if fill.refs else everything
        if len(categories) > 1:
            keys.lumped += intervals
        if fill.refs or len(categories) == 1:
            for category in categories:
                keys.accepted[category] += intervals


def _fill_categories(template: MucTemplate, slot: str) -> list[tuple[Fill, set[str]]]:
    """Each fill of a NUMBER slot with the categories (killed, injured) of the effects that
    refer to its description.

    An effect refers to the description its string names exactly, else to any that shares
    one of its alternatives. Descriptions may repeat: '9: "PEOPLE"', '36: "PEOPLE"' with
    'DEATH: "PEOPLE"', 'INJURY: "PEOPLE"' pair in order (9 killed, 36 injured). A single
    number with both effects ('11: "PEOPLE"', DEATH and INJURY) counts the killed and the
    injured together: it gets both categories (see `KeyCounts.lumped`)."""
    numbers = template.fills(slot)
    effects = _effect_fills(template)
    paired: list[tuple[Fill, set[str]]] = []
    for index, fill in enumerate(numbers):
        refs = frozenset(fill.refs)
        same = [c for r, c in effects if r == refs] or [c for r, c in effects if r & refs]
        same = same or [{DESCRIBED_EFFECTS[r]} for r in refs if r in DESCRIBED_EFFECTS]
        twins = [i for i, other in enumerate(numbers) if frozenset(other.refs) == refs]
        if len(twins) > 1 and len(same) == len(twins):
            paired.append((fill, same[twins.index(index)]))
        else:
            paired.append((fill, set().union(*same)))
    return paired


def _effect_fills(template: MucTemplate) -> list[tuple[frozenset[str], set[str]]]:
    """(description strings, killed / injured) of each DEATH or INJURY effect fill;
    '(INJURY / DEATH): "MEN"' (either) gives both."""
    found = []
    for fill in template.fills("HUM TGT: EFFECT OF INCIDENT"):
        categories = {CATEGORIES[v] for v in fill.values if v in CATEGORIES}
        if categories:
            found.append((_split_refs(fill.refs), categories))
    return found


def _split_refs(refs: tuple[str, ...]) -> frozenset[str]:
    """A reference's alternatives; an unbalanced quote in the key ('INJURY: "16 OTHERS /
    "OTHERS"') leaves them joined in one string, split here."""
    return frozenset(part.strip(' "') for ref in refs for part in ref.split("/")) - {""}


def _zero_categories(template: MucTemplate) -> set[str]:
    fills = template.fills("HUM TGT: EFFECT OF INCIDENT")
    return {c for fill in fills for v in fill.values for c in ZERO_EFFECTS.get(v, ())}


# --- predictions --------------------------------------------------------------------------


def figure_interval(figure: Figure) -> Interval | None:
    """The numbers a figure allows; None for a vague one ("hundreds", "dozens"), which gives
    no digit: taskdoc 7.22 keys such counts PLURAL, and PLURAL is not scored."""
    if figure.qualifier == "vague":
        return None
    if figure.value is not None:
        return figure.value, figure.value
    if figure.low is not None and figure.high is not None:
        return figure.low, figure.high
    return None


def _overlaps(a: Interval, b: Interval) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _matches(interval: Interval, candidates: list[Interval]) -> bool:
    return any(_overlaps(interval, other) for other in candidates)


def predicted_total(figures: list[Figure], category: str) -> int:
    """Sum of the distinct top-level values: a stopgap for one-incident-per-value until events."""
    values = {f.value for f in figures if f.category == category and f.part_of is None}
    return sum(v for v in values if v)


# --- scoring ------------------------------------------------------------------------------


@dataclass(slots=True)
class Tally:
    keys: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    predicted: Counter[str] = field(default_factory=Counter)
    correct: Counter[str] = field(default_factory=Counter)
    predicted_relevant: Counter[str] = field(default_factory=Counter)
    correct_relevant: Counter[str] = field(default_factory=Counter)
    totals: Counter[str] = field(default_factory=Counter)
    totals_exact: Counter[str] = field(default_factory=Counter)
    messages: int = 0
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)


def score_message(tally: Tally, message_id: str, keys: KeyCounts, figures: list[Figure]) -> None:
    """Score one message's figures; `part_of` points into `figures`."""
    tally.messages += 1
    judged = _judged(keys, figures)
    for category in SCORED:
        mine = [i for i, f in enumerate(figures) if f.category == category and figure_interval(f)]
        _recall(tally, message_id, category, keys, figures)
        _precision(tally, message_id, keys.relevant, [(figures[i], judged[i]) for i in mine])
        _total(tally, category, keys.required[category], figures)


def joined(groups: Iterable[tuple[list[Figure], list[Figure]]]) -> list[Figure]:
    """Several events' figures as one list for `score_message`. Each group is an event's
    figures and those of them that are scored; `part_of` is pointed into the joined list (a
    part whose total is not scored stands alone)."""
    flat: list[Figure] = []
    for figures, kept in groups:
        position = {id(f): len(flat) + n for n, f in enumerate(kept)}
        for figure in kept:
            total = figures[figure.part_of] if figure.part_of is not None else None
            flat.append(replace(figure, part_of=position.get(id(total))))
    return flat


def _intervals(figures: list[Figure], category: str) -> list[Interval]:
    return [i for f in figures if f.category == category and (i := figure_interval(f))]


def _split(interval: Interval, lumps: list[Interval], others: list[Interval]) -> bool:
    """Whether `interval` and a figure of the other category add up to a lumped key count:
    6 killed and 5 injured make '11: PEOPLE', killed and injured."""
    return any(
        _overlaps((interval[0] + other[0], interval[1] + other[1]), lump)
        for lump in lumps
        for other in others
    )


def _recall(tally: Tally, mid: str, category: str, keys: KeyCounts, figures: list[Figure]) -> None:
    intervals = _intervals(figures, category)
    others = _intervals(figures, OTHER[category])
    for key, template_sum in zip(
        keys.required[category], keys.template_sums[category], strict=True
    ):
        tally.keys[category] += 1
        lumped = key in keys.lumped and any(_split(i, [key], others) for i in intervals)
        if _matches(key, intervals) or _matches(template_sum, intervals) or lumped:
            tally.found[category] += 1
        elif len(tally.missed) < 200:
            tally.missed.append(f"{mid} {category} {key}")


def _precision(tally: Tally, mid: str, relevant: bool, judged: list[tuple[Figure, bool]]) -> None:
    for figure, right in judged:
        category = figure.category
        tally.predicted[category] += 1
        tally.correct[category] += right
        if relevant:
            tally.predicted_relevant[category] += 1
            tally.correct_relevant[category] += right
        if not right and len(tally.spurious) < 200:
            tally.spurious.append(f"{mid} {category} {figure.value} {figure.text[:70]!r}")


def _judged(keys: KeyCounts, figures: list[Figure]) -> list[bool]:
    """Whether each figure matches a key count, its breakdowns judged with their totals."""
    matched = [_right(f, keys, figures) for f in figures]
    return _with_breakdowns(keys, figures, matched)


def _right(figure: Figure, keys: KeyCounts, figures: list[Figure]) -> bool:
    interval = figure_interval(figure)
    if interval is None or figure.category not in OTHER:
        return False
    if _matches(interval, keys.accepted[figure.category]):
        return True
    return _split(interval, keys.lumped, _intervals(figures, OTHER[figure.category]))


def _with_breakdowns(keys: KeyCounts, figures: list[Figure], matched: list[bool]) -> list[bool]:
    """The keys give one number per victim description, so they record a total or its parts,
    seldom both. A part of a right total is right ('86 injured, including 6 seriously'). A
    total of counted groups is right when its parts add up to it and are keyed one by one
    ('six Jesuits and two women' keyed 6 and 2); a list of people named one by one is not
    judged by its parts (each '1' matches any single victim of the message): the keys' sum
    of them finds it."""
    parts: dict[int, list[int]] = defaultdict(list)
    for i, figure in enumerate(figures):
        total = figure.part_of
        if total is not None and figures[total].category == figure.category:
            parts[total].append(i)
    judged = list(matched)
    for total, own in parts.items():
        for part in own:
            judged[part] = judged[part] or matched[total]
        if not judged[total]:
            judged[total] = _keyed_parts(keys, figures[total], [figures[p] for p in own])
    return judged


def _keyed_parts(keys: KeyCounts, total: Figure, parts: list[Figure]) -> bool:
    """Whether `parts` add up to `total`, count a group among them, and each match a key
    count of their own."""
    values = [p.value for p in parts if p.value is not None]
    if len(values) < len(parts) or sum(values) != total.value or max(values, default=0) < 2:
        return False
    unused = list(keys.required[total.category])
    for value in values:
        found = next((key for key in unused if _overlaps((value, value), key)), None)
        if found is None:
            return False
        unused.remove(found)
    return True


def _total(tally: Tally, category: str, required: list[Interval], figures: list[Figure]) -> None:
    key_total = sum(low for low, _ in required)
    mine = predicted_total(figures, category)
    if key_total or mine:
        tally.totals[category] += 1
        tally.totals_exact[category] += key_total == mine


# --- running ------------------------------------------------------------------------------


def evaluate(data: Path, options: Options, limit: int | None = None) -> dict[str, Any]:
    """Score `dateline_figures` on the messages in `data` (a MUC folder) against its keys."""
    from ..nlp import load_pipeline

    messages = _messages(data, limit)
    keys = _keys_by_message(data)
    nlp = load_pipeline(options)
    tally = Tally()
    casing = _casing()
    for message, figures in zip(messages, _figures(nlp, messages, options, casing), strict=True):
        score_message(tally, message.doc_id, keys.get(message.doc_id, KeyCounts()), figures)
    return _report(tally, casing is not None)


def _messages(data: Path, limit: int | None) -> list[MucMessage]:
    messages: list[MucMessage] = []
    for message in iter_muc_messages(data):
        if limit is not None and len(messages) >= limit:
            break
        messages.append(message)
    return messages


def _keys_by_message(data: Path) -> dict[str, KeyCounts]:
    grouped: dict[str, list[MucTemplate]] = defaultdict(list)
    for template in iter_muc_keys(data):
        grouped[template.message_id].append(template)
    return {mid: message_keys(templates) for mid, templates in grouped.items()}


def _casing() -> Any:
    # MUC is all capitals: parse a truecased copy (same length, so offsets hold) when we can.
    try:
        from ..casing import needs_truecasing, truecase

        truecase("TEST TEXT.")
    except Exception:  # noqa: BLE001 - no truecaser: parse the capitals as they are
        return None
    return lambda text: truecase(text) if needs_truecasing(text) else text


def _figures(
    nlp: Any, messages: list[MucMessage], options: Options, casing: Any
) -> Iterator[list[Figure]]:
    texts = (casing(m.text) if casing else m.text for m in messages)
    others = [
        name
        for name in nlp.pipe_names
        if name.startswith("dateline_") and name != "dateline_figures"
    ]
    with nlp.select_pipes(disable=others):
        for doc in nlp.pipe(texts, batch_size=options.batch_size):
            yield doc._.get(FIGURES) or []


def category_figures(tally: Tally, category: str) -> dict[str, Any]:
    """Recall and precision of one category's counts (shared with the event-level evaluation)."""
    return {
        "key_counts": tally.keys[category],
        "recall": _ratio(tally.found[category], tally.keys[category]),
        "predicted": tally.predicted[category],
        "precision": _ratio(tally.correct[category], tally.predicted[category]),
        "precision_relevant_messages": _ratio(
            tally.correct_relevant[category], tally.predicted_relevant[category]
        ),
    }


def _report(tally: Tally, truecased: bool) -> dict[str, Any]:
    report: dict[str, Any] = {"messages": tally.messages, "truecased": truecased}
    for category in ("killed", "injured"):
        report[category] = {
            **category_figures(tally, category),
            "message_total_exact": _ratio(tally.totals_exact[category], tally.totals[category]),
            "messages_with_totals": tally.totals[category],
        }
    report["missed_examples"] = tally.missed[:EXAMPLES]
    report["spurious_examples"] = tally.spurious[:EXAMPLES]
    return report


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def format_report(report: dict[str, Any]) -> str:
    cased = "truecased copy" if report["truecased"] else "text as given (no truecaser)"
    lines = [
        f"MUC-3/4 casualty figures, message level: {report['messages']} messages, parsed {cased}"
    ]
    for category in ("killed", "injured"):
        r = report[category]
        lines.append(
            f"  {category:8} recall {_pct(r['recall'])} of {r['key_counts']} key counts; "
            f"precision {_pct(r['precision'])} of {r['predicted']} figures "
            f"({_pct(r['precision_relevant_messages'])} on messages with a relevant template); "
            f"message totals exact {_pct(r['message_total_exact'])} of {r['messages_with_totals']}"
        )
    lines.append("  targets (event level, issue 4): recall >= 0.85, precision >= 0.80")
    lines += ["missed, e.g.:", *(f"  {m}" for m in report["missed_examples"])]
    lines += ["spurious, e.g.:", *(f"  {s}" for s in report["spurious_examples"])]
    return "\n".join(lines)


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"
