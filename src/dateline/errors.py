"""Named problems: a code, what went wrong with which input, and what to do.

Input problems never stop a batch: readers turn them into `Problem`s on the
record of the input they concern. `DatelineError` is raised only for problems
that stop a whole run (the spaCy weights missing, say).
"""

from __future__ import annotations

from .record import Problem

# code -> the fix we suggest; the message names the input and the detail.
FIXES: dict[str, str] = {
    "not_found": "check the path",
    "unreadable": "check the file's permissions",
    "binary": "give dateline text, HTML, JSON Lines, WARC or RSS/Atom; convert other formats first",
    "empty": "remove the file or give it text",
    "oversize": "split the input or raise --max-bytes",
    "encoding": "re-save the file as UTF-8",
    "encoding_guessed": "check the text; re-save the file as UTF-8 to be sure",
    "truncated_gzip": "re-download or re-compress the file; the archive ends early",
    "broken_gzip": "check that the file really is gzip",
    "broken_html": "check the page is a complete HTML article page",
    "broken_warc": "check the WARC file; records before the damage were read",
    "broken_feed": "check the feed is valid RSS or Atom",
    "broken_json": "each line must be one JSON object with a 'text' or 'html' field",
    "no_text": "give the article body as 'text' or 'html'",
    "bad_published": "give 'published' as ISO 8601, e.g. 2026-02-26T10:39:00+04:00",
    "published_incomplete": "give the publication date with its year (e.g. in a JSON Lines record)",
    "unsupported_language": "dateline reads English; translate the text first",
    "unbalanced_quote": "check the quote marks; the quote was ended at its paragraph",
    "quote_too_long": "check for an unclosed quote mark; the quote was cut",
    "internal": "please report this with the input that caused it",
}

# Problems after which the article is still extracted: they warn, they do not fail it.
NON_FATAL = {
    "encoding_guessed", "bad_published", "published_incomplete",
    "unbalanced_quote", "quote_too_long",
}  # fmt: skip


def problem(code: str, source: str, detail: str, *, fatal: bool | None = None) -> Problem:
    """A Problem whose message names the input, the detail and the fix."""
    fix = FIXES[code]
    is_fatal = (code not in NON_FATAL) if fatal is None else fatal
    return Problem(code=code, message=f"{source}: {detail}; {fix}", fatal=is_fatal)


class DatelineError(Exception):
    """A problem that stops a run: the message says what to do."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


class InputError(Exception):
    """Raised inside readers; caught at the reader boundary and turned into a Problem."""

    def __init__(self, code: str, detail: str):
        super().__init__(detail)
        self.code = code
        self.detail = detail
