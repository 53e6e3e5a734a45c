"""The characters a regular expression's match can begin with, as a character class.

Python's `re` tries a pattern at every position of the text. Many rules scanning one text
(the time grammar has dozens) spend most of their time failing at positions where no match
can begin; a lookahead of the possible first characters lets them fail at once. The class is
computed from the parsed pattern and is a superset of the true first characters (lookarounds
are skipped, not narrowed), so adding it never changes what a pattern matches.
"""

from __future__ import annotations

import importlib
from typing import Any

try:  # the parser `re` compiles with: private, so any surprise leaves patterns as they are
    sre_parse: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - Python < 3.11 is not supported anyway
    sre_parse = None

CATEGORIES = {"CATEGORY_DIGIT": r"\d", "CATEGORY_WORD": r"\w", "CATEGORY_SPACE": r"\s"}
ZERO_WIDTH = frozenset({"AT", "ASSERT", "ASSERT_NOT"})
REPEATS = frozenset({"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"})
GROUPS = frozenset({"SUBPATTERN", "ATOMIC_GROUP"})


class _Anything(Exception):
    """The match may begin with any character: no useful class."""


def with_start_class(pattern: str, flags: int = 0) -> str:
    """`pattern` behind a lookahead of its possible first characters, or unchanged when any
    character may begin it (or its parse is not understood)."""
    start = start_class(pattern, flags)
    return f"(?={start}){pattern}" if start else pattern


def start_class(pattern: str, flags: int = 0) -> str | None:
    """A character class ("[...]") holding every character a match can begin with, or None."""
    if sre_parse is None:
        return None
    try:
        items, nullable = _first(list(sre_parse.parse(pattern, flags)))
    except _Anything:
        return None
    except Exception:  # noqa: BLE001 - an unknown parse shape: leave the pattern alone
        return None
    if nullable or not items:
        return None  # an empty match can start anywhere
    return "[" + "".join(sorted(items)) + "]"


def _first(sequence: list[tuple[Any, Any]]) -> tuple[set[str], bool]:
    """(class items a match of the sequence can begin with, whether it can match empty)."""
    items: set[str] = set()
    for op, argument in sequence:
        name = str(op)
        if name in ZERO_WIDTH:
            continue  # lookarounds and anchors consume nothing: the next element begins
        found, nullable = _first_of(name, argument)
        items |= found
        if not nullable:
            return items, False
    return items, True


def _first_of(name: str, argument: Any) -> tuple[set[str], bool]:
    if name == "LITERAL":
        return {_char(argument)}, False
    if name == "IN":
        return _class_items(argument), False
    if name in GROUPS:
        return _first(list(argument[-1]))
    if name == "BRANCH":
        items: set[str] = set()
        nullable = False
        for branch in argument[1]:
            found, empty = _first(list(branch))
            items |= found
            nullable = nullable or empty
        return items, nullable
    if name in REPEATS:
        low, _, body = argument
        found, empty = _first(list(body))
        return found, empty or low == 0
    raise _Anything(name)  # ANY, NOT_LITERAL, group references, conditionals


def _class_items(argument: list[tuple[Any, Any]]) -> set[str]:
    items: set[str] = set()
    for op, value in argument:
        name = str(op)
        if name == "LITERAL":
            items.add(_char(value))
        elif name == "RANGE":
            items.add(f"{_char(value[0])}-{_char(value[1])}")
        elif name == "CATEGORY" and str(value) in CATEGORIES:
            items.add(CATEGORIES[str(value)])
        else:
            raise _Anything(name)  # negated classes and categories
    return items


def _char(code: int) -> str:
    """The character as written in a class: letters and digits as they are, others escaped."""
    char = chr(code)
    if char.isascii() and char.isalnum():
        return char
    return f"\\U{code:08x}" if code > 0xFFFF else f"\\u{code:04x}"
