"""Quote marks (issue 6): pairing them paragraph by paragraph into the outermost quotations.

Marks pair within a family (curly with curly, straight with straight); single
marks are also apostrophes, double marks after a digit are inches. A quote left
open at a paragraph's end runs on when the next paragraph reopens it (the
newswriting convention for long quotes); anything else unbalanced, or a quote
past MAX_QUOTE_CHARS, is recorded as a non-fatal problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..record import Problem

MAX_QUOTE_CHARS = 6000  # longer than any statement we expect; past it a mark is surely unbalanced

OPENING = frozenset("“„«‘") | {"``"}
CLOSING = frozenset("”»’")
# Marks pair within a family (curly with curly, straight with straight); single marks are also
# apostrophes.
FAMILY = {
    **dict.fromkeys("“”„", "curly"),
    **dict.fromkeys("«»", "angle"),
    **dict.fromkeys(['"', "''", "``"], "straight"),
    **dict.fromkeys("‘’", "single"),
}
# A curly mark closed by a straight one, or the reverse, when nothing of that family is open.
MIXED_DOUBLE = {"curly", "straight"}
MARK = re.compile(r"``|''|[\"“”„«»‘’]")
WORD = re.compile(r"\w+")
OPEN_CONTEXT = set(" \t\n\xa0([{—–-/")


@dataclass(slots=True)
class Quoted:
    """Characters between a pair of quote marks: the content, and where the marks are."""

    start: int
    end: int
    open_at: int
    close_at: int  # index just past the closing mark (== end when it is missing)
    family: str = "curly"


def paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Paragraph spans of text[start:end]: blank-line separated, or line separated if none are."""
    sep = re.compile(r"\n\s*\n") if re.search(r"\n\s*\n", text[start:end]) else re.compile(r"\n")
    spans, at = [], start
    for match in sep.finditer(text, start, end):
        spans.append((at, match.start()))
        at = match.end()
    spans.append((at, end))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def mark_role(text: str, at: int, mark: str) -> str:
    """'open', 'close' or 'skip' (an apostrophe, a prime), from the mark or its neighbours."""
    before = text[at - 1] if at > 0 else " "
    after = text[at + len(mark)] if at + len(mark) < len(text) else " "
    if FAMILY[mark] == "single":
        return _single_role(mark, before, after)
    if mark in OPENING:
        return "close" if before.isalnum() and (after.isspace() or after in ",.;") else "open"
    if mark in CLOSING:  # a closing mark at a word's start is a typo for an opening one
        return "open" if before in OPEN_CONTEXT and after.isalpha() else "close"
    if before.isdigit() and (after.isspace() or after.isalpha()):
        return "skip"  # 5'10" or a 12" pipe: inches, not a quotation
    if before in OPEN_CONTEXT and not after.isspace():
        return "open"
    return "close"


def _single_role(mark: str, before: str, after: str) -> str:
    # ’ is also the apostrophe (it’s, parents’ rights, ’90s): it closes only before a non-letter
    if mark == "‘":
        return "open" if before in OPEN_CONTEXT and after.isalnum() else "skip"
    return "close" if not after.isalnum() and not before.isspace() else "skip"


class MarkScanner:
    """Pairs quote marks paragraph by paragraph; only outermost quotations are kept.

    Single marks count only outside double ones (inside, they are nested quotes or
    apostrophes). A quote left open at a paragraph's end goes on when the next paragraph
    opens with a mark of the same family, the newswriting convention for long quotes;
    otherwise it ends with its paragraph and the problem is recorded.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.stack: list[str] = []  # families of the open marks, outermost first
        self.current: Quoted | None = None
        self.found: list[Quoted] = []
        self.problems: list[Problem] = []

    def scan(self, start: int, end: int) -> list[Quoted]:
        paras = paragraphs(self.text, start, end)
        for index, (p_start, p_end) in enumerate(paras):
            self.paragraph(p_start, p_end)
            if self.current is not None:
                self.paragraph_end(p_end, paras[index + 1][0] if index + 1 < len(paras) else None)
        return [_capped(q, self.text, self.problems) for q in self.found if q.end > q.start]

    def paragraph(self, p_start: int, p_end: int) -> None:
        continuing = self.current is not None
        for match in MARK.finditer(self.text, p_start, p_end):
            mark, at = match.group(), match.start()
            role = mark_role(self.text, at, mark)
            if continuing and role == "open" and not self.text[p_start:at].strip():
                continuing = (
                    False  # the mark that reopens a quote running on from the last paragraph
                )
                continue
            continuing = False
            if role != "skip":
                self.mark(FAMILY[mark], role, at, match.end())

    def mark(self, family: str, role: str, at: int, after: int) -> None:
        if family == "single" and self.stack and self.stack[0] != "single":
            return  # nested in a double quote
        if family == "straight" and self.stack and self.stack[-1] == "straight":
            role = "close"  # after an open straight mark, a straight one closes, whatever is near
        if role == "close" and family not in self.stack and self._mixed_with(family):
            family = self.stack[-1]  # '“...,"': typed marks mixed with curly ones, still a pair
        if role == "open":
            if not self.stack:
                self.current = Quoted(after, after, at, after, family)
            self.stack.append(family)
        elif family in self.stack:
            del self.stack[
                len(self.stack) - 1 - self.stack[::-1].index(family) :
            ]  # the innermost of its family
            if not self.stack and self.current is not None:
                self.current.end, self.current.close_at = at, after
                self.found.append(self.current)
                self.current = None
        elif not self.stack and family != "single":
            self.problems.append(
                _problem("unbalanced_quote", at, "closing mark without an opening one")
            )

    def _mixed_with(self, family: str) -> bool:
        return bool(self.stack) and {family, self.stack[-1]} == MIXED_DOUBLE

    def paragraph_end(self, p_end: int, next_start: int | None) -> None:
        assert self.current is not None
        family = self.current.family
        if family != "single" and next_start is not None and self._reopens(next_start, family):
            self.stack = [family]
            return
        if family != "single":  # an open single mark may be an apostrophe: dropped silently
            self.problems.append(
                _problem("unbalanced_quote", self.current.open_at, "closing mark missing")
            )
            self.current.end = self.current.close_at = _trim_end(
                self.text, self.current.start, p_end
            )
            self.found.append(self.current)
        self.current, self.stack = None, []

    def _reopens(self, next_start: int, family: str) -> bool:
        first = MARK.match(self.text, next_start)
        if first is None or FAMILY[first.group()] != family:
            return False
        return mark_role(self.text, first.start(), first.group()) == "open"


def find_quoted(text: str, start: int, end: int) -> tuple[list[Quoted], list[Problem]]:
    """Outermost quotations in text[start:end], and the problems met pairing their marks."""
    scanner = MarkScanner(text)
    return scanner.scan(start, end), scanner.problems


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _capped(quoted: Quoted, text: str, problems: list[Problem]) -> Quoted:
    """A quote longer than MAX_QUOTE_CHARS is cut there (at a sentence end when one is near)."""
    if quoted.end - quoted.start <= MAX_QUOTE_CHARS:
        return quoted
    limit = quoted.start + MAX_QUOTE_CHARS
    cut = max(text.rfind(". ", quoted.start, limit) + 1, limit - 500)
    problems.append(
        _problem("quote_too_long", quoted.open_at, f"cut at {MAX_QUOTE_CHARS} characters")
    )
    return Quoted(quoted.start, cut, quoted.open_at, cut, quoted.family)


def _problem(code: str, at: int, detail: str) -> Problem:
    return Problem(code, f"quotation mark at character {at}: {detail}", fatal=False)
