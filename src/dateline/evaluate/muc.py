"""MUC-3/4 terrorism corpus: its messages as Articles and its answer keys as typed templates.

The corpus (public domain; NIST MUC-3/MUC-4, 1991-92) is Latin American news, mostly
FBIS translations of 1988-1990 wire and radio reports, in upper case. This module
reads it faithfully; scoring against the keys lives elsewhere.

Text files (`dev-muc3-0001-0100`, ..., one per 100 messages; `tst1-muc3-...` alike)
---------------------------------------------------------------------------------
Each file concatenates messages. A message starts with a header line holding only
its id and, in parentheses, the site that prepared it::

    DEV-MUC3-0001 (NOSC)

       SAN SALVADOR, 3 JAN 90 -- [REPORT] [ARMED FORCES PRESS COMMITTEE,
    COPREFA] [TEXT] THE ARCE BATTALION COMMAND HAS REPORTED THAT ...

The text's first line is a dateline, ``PLACE, DD MMM YY (SOURCE) --`` (see
`text-headers-info` in the corpus): PLACE may carry a country in parentheses
(``BRASILIA (BRAZIL)``), be ``CLANDESTINE`` or ``NO CITY``; the date may lack its
year or be ``NO DATE``; the source is optional. Bracketed notes follow
(``[REPORT]``, ``[TEXT]``, ``[EXCERPT]``, ``[CONTINUED]``). A message's text is
kept exactly as in the file: the lines from the first non-blank line after its
header to its last non-blank line (blank lines separating messages are dropped,
nothing inside is touched); `MucMessage.offset` says where it starts in the file.

Key files (`key-dev-0001.muc4`, ...)
------------------------------------
One template per incident, 25 numbered slots each, label then value from about
column 36 (the column varies between files, so it is not relied on)::

    0.  MESSAGE: ID                     DEV-MUC3-0001 (NCCOSC)
    1.  MESSAGE: TEMPLATE               2
    2.  INCIDENT: DATE                  03 JAN 90
    3.  INCIDENT: LOCATION              EL SALVADOR: APOPA (CITY)
    4.  INCIDENT: TYPE                  ATTACK
    ...
    19. HUM TGT: DESCRIPTION            "MONSIGNOR": "ARNULFO ROMERO"
                                        "JESUIT PRIESTS"
    21. HUM TGT: NUMBER                 1: "ARNULFO ROMERO"
                                        PLURAL: "JESUIT PRIESTS"
    23. HUM TGT: EFFECT OF INCIDENT     DEATH: "JESUIT PRIESTS"

- A slot with several fillers continues on indented lines, one filler per line.
- ``-`` is null (nothing to fill); ``*`` is inapplicable. A message with no
  relevant incident has one template with ``*`` in every slot but the id.
- ``/`` outside quotes (spaced or not) separates alternative correct forms of
  one filler (``"FMLN" / "FARABUNDO ..."``, ``PLURAL / 3``,
  ``(- 29 MAR 89) / (28 MAR 89 - 29 MAR 89)``); parentheses group an alternative.
- A leading ``?`` makes a filler optional (null is also correct).
- ``VALUE: "STRING"`` cross-references a filler to a string fill of another slot
  (``DEATH: "JESUIT PRIESTS"``). In LOCATION the colon instead separates places
  from country to most specific, each with its type in parentheses; `` - ``
  joins two places an incident lay between.
- DATE is ``DD MMM YY`` (on), ``DD MMM YY - DD MMM YY`` (on or between) or
  ``- DD MMM YY`` (on or before; also used when the date defaults to the dateline).
- NUMBER and TOTAL NUMBER fills are ``6``, ``6-8`` (between), ``6-`` (at least),
  ``~100`` (about) or ``PLURAL``; ``-26`` also occurs, undocumented (up to 26?).
- ``(OPTIONAL)`` after the TEMPLATE number: doubt whether the incident belongs.
- Lines starting with ``;`` are annotators' comments (``;;; gk converted single
  murder to attack``); they are attached to the template that follows them.
- Values are kept verbatim; the keys hold a few typos (unbalanced quotes, a
  lower-case month, ``OCT 18``), which the typed parse carries through, not fixes.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from ..ingest.article import Ingested, Meta, build_article
from ..options import Options
from ..record import Article

SLOTS = (
    "MESSAGE: ID", "MESSAGE: TEMPLATE", "INCIDENT: DATE", "INCIDENT: LOCATION", "INCIDENT: TYPE",
    "INCIDENT: STAGE OF EXECUTION", "INCIDENT: INSTRUMENT ID", "INCIDENT: INSTRUMENT TYPE",
    "PERP: INCIDENT CATEGORY", "PERP: INDIVIDUAL ID", "PERP: ORGANIZATION ID",
    "PERP: ORGANIZATION CONFIDENCE", "PHYS TGT: ID", "PHYS TGT: TYPE", "PHYS TGT: NUMBER",
    "PHYS TGT: FOREIGN NATION", "PHYS TGT: EFFECT OF INCIDENT", "PHYS TGT: TOTAL NUMBER",
    "HUM TGT: NAME", "HUM TGT: DESCRIPTION", "HUM TGT: TYPE", "HUM TGT: NUMBER",
    "HUM TGT: FOREIGN NATION", "HUM TGT: EFFECT OF INCIDENT", "HUM TGT: TOTAL NUMBER",
)  # fmt: skip
"""The 25 slot labels of a MUC-4 template; a label's index is its slot number."""

NULL, INAPPLICABLE = "-", "*"

HEADER = re.compile(r"^(?P<id>[A-Z0-9]+-MUC\d-\d{4})[ \t]+\((?P<site>[^()\n]*)\)[ \t]*\r?$", re.M)
TEXT_FILE = re.compile(r"^(?:dev|tst\d+)-muc\d", re.IGNORECASE)
KEY_FILE = re.compile(r"^key-", re.IGNORECASE)
LABELS = "|".join(map(re.escape, SLOTS))
SLOT_LINE = re.compile(rf"^(?P<number>\d+)\.[ \t]+(?P<label>{LABELS})(?:[ \t]+(?P<value>.*))?$")
MESSAGE_ID = re.compile(r"^(?P<id>\S+)(?:\s+\((?P<site>[^()]*)\)?)?\s*$")  # one key lacks its ")"
TEMPLATE_NUMBER = re.compile(r"^(?P<number>\d+)(?P<optional>\s*\(OPTIONAL\))?$")


# --- messages -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MucMessage:
    doc_id: str  # "DEV-MUC3-0001"
    site: str  # who prepared the text: "NOSC"
    text: str  # from the dateline to the last line, exactly as in the file
    file: str  # the file's name
    offset: int  # where `text` starts in the file's contents


def iter_muc_messages(path: Path) -> Iterator[MucMessage]:
    """Every message in `path`: a text file, or a directory searched for `dev-muc3-*`-like files."""
    for file in _files(Path(path), TEXT_FILE):
        yield from parse_messages(_read(file), file.name)


def parse_messages(content: str, file: str = "<string>") -> Iterator[MucMessage]:
    """The messages of one file's contents, in order; text before the first header is ignored."""
    headers = list(HEADER.finditer(content))
    ends = [following.start() for following in headers[1:]] + [len(content)]
    for header, end in zip(headers, ends, strict=False):  # no headers: no messages
        start, text = _trim_blank_lines(content, header.end(), end)
        yield MucMessage(header["id"], header["site"].strip(), text, file, start)


def _trim_blank_lines(content: str, start: int, end: int) -> tuple[int, str]:
    # Only whole blank lines at either end go: they separate messages, they are not text.
    lines = content[start:end].splitlines(keepends=True)
    lead = 0
    while lead < len(lines) and not lines[lead].strip():
        start += len(lines[lead])
        lead += 1
    while len(lines) > lead and not lines[-1].strip():
        lines.pop()
    return start, "".join(lines[lead:])


# --- messages as Articles -----------------------------------------------------------------


def muc_ingested(path: Path, options: Options | None = None) -> Iterator[Ingested]:
    """Each message through dateline's own ingest, so the dateline is read from the text."""
    options = options or Options()
    for message in iter_muc_messages(path):
        yield ingest_message(message, options)


def ingest_message(message: MucMessage, options: Options) -> Ingested:
    """One message as an article: source "<file>#<id>", id = the message id, dates from the text."""
    source = f"{message.file}#{message.doc_id}"
    return build_article(message.text, source, Meta(id=message.doc_id), options)


def muc_articles(path: Path, options: Options | None = None) -> Iterator[Article]:
    """Articles (source "<file>#<id>", id = message id); messages ingest refused are skipped."""
    for ingested in muc_ingested(path, options):
        if ingested.article is not None:
            yield ingested.article


# --- answer keys --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Fill:
    """One filler (one line) of a slot, split into its alternatives."""

    raw: str
    optional: bool  # "?": null is also a correct answer
    values: tuple[str, ...]  # the filler's alternative forms, without quotes or grouping parens
    refs: tuple[str, ...] = ()  # alternatives of the string fill it is cross-referenced to


@dataclass(frozen=True, slots=True)
class MucTemplate:
    message_id: str  # "DEV-MUC3-0001"
    site: str  # who wrote the key: "NCCOSC"
    number: int | None  # None when "*": the message reports no relevant incident
    optional: bool  # "(OPTIONAL)": doubt whether the incident belongs
    date: str | None  # slot 2 as written ("- 08 JAN 90"); None when "-" or "*"
    dates: tuple[str, ...]  # its alternatives ("(- 29 MAR 89) / 28 MAR 89" -> two)
    location: str | None  # slot 3 as written; None when "-" or "*"
    type: str | None  # slot 4 ("KIDNAPPING"); None when "*"
    slots: Mapping[str, tuple[str, ...]]  # every slot label -> its lines, verbatim but stripped
    comments: tuple[str, ...] = ()  # ";" lines just before the template
    file: str = "<string>"
    line: int = 0  # 1-based line of the MESSAGE: ID slot

    @property
    def relevant(self) -> bool:
        return self.number is not None

    def fills(self, slot: str | int) -> tuple[Fill, ...]:
        """The slot's fillers, typed; () for null or inapplicable. `slot` is a label or number."""
        label = SLOTS[slot] if isinstance(slot, int) else slot
        lines = self.slots.get(label, ())
        if list(lines) in ([NULL], [INAPPLICABLE]):
            return ()
        cross_referenced = label != "INCIDENT: LOCATION"  # there the colon separates places
        return tuple(parse_fill(line, cross_referenced=cross_referenced) for line in lines)


class MucKeyError(ValueError):
    """A key file that breaks the format; the message names the file and line."""


def iter_muc_keys(path: Path) -> Iterator[MucTemplate]:
    """Every template in `path`: a key file, or a directory searched for `key-*` files."""
    for file in _files(Path(path), KEY_FILE):
        yield from parse_keys(_read(file), file.name)


def parse_keys(content: str, file: str = "<string>") -> Iterator[MucTemplate]:
    """The templates of one key file's contents, in order; MucKeyError on a malformed line."""
    slots: dict[str, list[str]] = {}
    comments: list[str] = []
    pending: list[str] = []  # comments seen since the last template started
    label, first_line = "", 0
    for number, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        if line.lstrip().startswith(";"):
            pending.append(line.strip())
        elif match := SLOT_LINE.match(line):
            if match["label"] == SLOTS[0]:
                if slots:
                    yield _template(slots, comments, file, first_line)
                slots, comments, pending, first_line = {}, pending, [], number
            label = match["label"]
            _add_slot(slots, label, match["value"], file, number)
        elif line[:1].isspace() and label and slots:
            slots[label].append(line.strip())
        else:
            raise MucKeyError(f"{file}:{number}: not a slot, continuation or comment: {line!r}")
    if slots:
        yield _template(slots, comments, file, first_line)


def _add_slot(
    slots: dict[str, list[str]], label: str, value: str | None, file: str, line: int
) -> None:
    if not slots and label != SLOTS[0]:
        raise MucKeyError(f"{file}:{line}: slot {label!r} before any MESSAGE: ID")
    if label in slots:
        raise MucKeyError(f"{file}:{line}: slot {label!r} twice in one template")
    slots[label] = [value.strip()] if value and value.strip() else []


def _template(
    slots: dict[str, list[str]], comments: list[str], file: str, line: int
) -> MucTemplate:
    ident = MESSAGE_ID.match(_one(slots, SLOTS[0]) or "")
    if ident is None:
        raise MucKeyError(f"{file}:{line}: no message id")
    number, optional = _template_number(_one(slots, SLOTS[1]), file, line)
    date = _filled(_one(slots, SLOTS[2]))
    return MucTemplate(
        message_id=ident["id"], site=(ident["site"] or "").strip(),
        number=number, optional=optional,
        date=date, dates=tuple(_alternatives(date)) if date else (),
        location=_filled(_one(slots, SLOTS[3])), type=_filled(_one(slots, SLOTS[4])),
        slots={label: tuple(lines) for label, lines in slots.items()},
        comments=tuple(comments), file=file, line=line,
    )  # fmt: skip


def _one(slots: dict[str, list[str]], label: str) -> str | None:
    # DATE, LOCATION and TYPE take one filler per template; extra lines are kept in `slots`.
    lines = slots.get(label) or []
    return lines[0] if lines else None


def _filled(value: str | None) -> str | None:
    return None if value in (None, NULL, INAPPLICABLE) else value


def _template_number(value: str | None, file: str, line: int) -> tuple[int | None, bool]:
    if value in (None, INAPPLICABLE):
        return None, False
    match = TEMPLATE_NUMBER.match(value)
    if match is None:
        raise MucKeyError(f"{file}:{line}: MESSAGE: TEMPLATE is {value!r}, not a number")
    return int(match["number"]), bool(match["optional"])


def parse_fill(line: str, *, cross_referenced: bool = True) -> Fill:
    """One filler line: '?' marker, alternatives, and (unless LOCATION) a ': "STRING"' reference."""
    raw = line.strip()
    optional = raw.startswith("?")
    body = raw[1:].strip() if optional else raw
    parts = _split_top(body, ":", limit=1) if cross_referenced else [body]
    values = tuple(_alternatives(parts[0]))
    refs = tuple(_alternatives(parts[1])) if len(parts) > 1 else ()
    return Fill(raw, optional, values, refs)


def _alternatives(text: str) -> list[str]:
    found: list[str] = []
    for part in (part.strip() for part in _split_top(text, "/")):
        if _grouped(part):  # "(- 29 MAR 89) / ..." or '("A" / "B"): ...': a group of alternatives
            found.extend(_alternatives(part[1:-1]))
        elif part:
            found.append(_unquote(part))
    return found


def _unquote(text: str) -> str:
    # Quotes mark a string fill, they are not part of it; inside, a quote is written \".
    if len(text) >= 2 and text[0] == text[-1] == '"':
        text = text[1:-1]
    return text.replace('\\"', '"')


def _grouped(text: str) -> bool:
    """True when the whole of `text` is one parenthesised group."""
    if not text.startswith("("):
        return False
    closing = next((i for i, char, depth in _scan(text) if char == ")" and depth == 0), -1)
    return closing == len(text) - 1


def _split_top(text: str, separator: str, limit: int = -1) -> list[str]:
    """Split on `separator` outside quotes and parentheses (at most `limit` times)."""
    parts: list[str] = []
    start = 0
    for index, char, depth in _scan(text):
        if char == separator and depth <= 0 and limit != len(parts):
            parts.append(text[start:index])
            start = index + 1
    return [*parts, text[start:]]


def _scan(text: str) -> Iterator[tuple[int, str, int]]:
    """(index, character, parenthesis depth after it) for the characters outside quotes."""
    depth, quoted, escaped = 0, False, False
    for index, char in enumerate(text):
        if escaped or char == "\\":
            escaped = not escaped
        elif char == '"':
            quoted = not quoted
        elif not quoted:
            depth += {"(": 1, ")": -1}.get(char, 0)
            yield index, char, depth


# --- files --------------------------------------------------------------------------------


def _files(path: Path, name: re.Pattern[str]) -> list[Path]:
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise FileNotFoundError(f"{path}: no MUC-3/4 data here (give a file or muc34/dev)")
    return sorted(p for p in path.rglob("*") if p.is_file() and name.match(p.name))


def _read(file: Path) -> str:
    # newline="" keeps the file's characters exactly, so `offset`s index the file as it is.
    with open(file, encoding="utf-8", newline="") as stream:
        return stream.read()


# --- figures for `dateline evaluate muc DATA` ----------------------------------------------


@dataclass(slots=True)
class _Tally:
    ids: set[str] = field(default_factory=set)
    dated: int = 0
    unusable: int = 0
    undated: Counter[str] = field(default_factory=Counter)
    examples: dict[str, str] = field(default_factory=dict)


def evaluate(data: Path, options: Options, limit: int | None = None) -> dict[str, Any]:
    """What the corpus holds and how many datelines ingest read (scoring comes later)."""
    tally = _Tally()
    for message in islice(iter_muc_messages(data), limit):
        tally.ids.add(message.doc_id)
        _count(tally, message, ingest_message(message, options))
    templates = [t for t in iter_muc_keys(data) if t.message_id in tally.ids]
    return {
        "messages": len(tally.ids),
        "published_from_dateline": tally.dated,
        "not_ingested": tally.unusable,
        "undated_by_shape": dict(tally.undated.most_common()),
        "undated_examples": tally.examples,
        "templates": len(templates),
        "relevant_templates": sum(t.relevant for t in templates),
    }


def _count(tally: _Tally, message: MucMessage, ingested: Ingested) -> None:
    article = ingested.article
    if article is None:
        tally.unusable += 1
    elif article.published_via == "text" and article.published:
        tally.dated += 1
    else:
        first = message.text.lstrip().split("\n", 1)[0].strip()
        shape = dateline_shape(first)
        tally.undated[shape] += 1
        tally.examples.setdefault(shape, f"{message.doc_id}: {first[:80]}")


MONTH = r"(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]*"


def dateline_shape(line: str) -> str:
    """A dateline's form with its words abstracted, to group the ones ingest did not date.

    'BRASILIA (BRAZIL), 18 NOV 89 (AFP) -- [TEXT] ...' -> 'place (x), dd mmm yy (x) --'.
    """
    shape = re.sub(r"\([^()]*\)", "(x)", line.split("--")[0])
    shape = re.sub(rf"\b\d{{1,2}} {MONTH}\b", "dd mmm", shape)
    shape = re.sub(rf"\b{MONTH} \d{{1,2}}\b", "mmm dd", shape)
    shape = re.sub(r"\b\d{2}(?:\d{2})?\b", "yy", shape)
    shape = shape.replace("NO DATE", "no date").replace("NO CITY", "no city")
    shape = re.sub(r"[A-Z][A-Z.'\-]*(?: [A-Z][A-Z.'\-]*)*", "place", shape)
    return re.sub(r"\s+", " ", shape).strip() + (" --" if "--" in line else "")


def format_report(report: dict[str, Any]) -> str:
    lines = [
        f"MUC-3/4 messages: {report['messages']}",
        f"  published read from the dateline: {report['published_from_dateline']}",
        f"  not ingested: {report['not_ingested']}",
        f"answer-key templates: {report['templates']} ({report['relevant_templates']} relevant)",
    ]
    if report["undated_by_shape"]:
        lines.append("undated messages by dateline shape:")
        for shape, count in report["undated_by_shape"].items():
            lines.append(f"  {count:5}  {shape:30}  e.g. {report['undated_examples'][shape]}")
    return "\n".join(lines)
