"""The first-character lookahead that speeds up the time grammar's scans never changes a match."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.stages.regex_start import start_class, with_start_class
from dateline.stages.times_grammar import RULES

pytestmark = pytest.mark.issue(2)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"ago", "[a]"),
        (r"(?:last|next)\s+week", "[ln]"),
        (r"(?:the\s+)?day", "[dt]"),  # an optional lead adds the next element's characters
        (r"\d{4}", r"[\d]"),
        (r"[a-c]x|y", "[a-cy]"),
        (r"(?<!\w)(?=x)ab", "[a]"),  # lookarounds consume nothing and are skipped
        (r"'\d{2}|\d", r"[\d\u0027]"),  # other characters escaped
    ],
)
def test_start_class_lists_every_possible_first_character(pattern, expected):
    assert start_class(pattern) == expected


@pytest.mark.parametrize("pattern", [r".x", r"[^a]x", r"\Wx", r"(?:a)?", r"x*", r"(a)?\1x", ""])
def test_no_class_when_any_character_may_begin_the_match(pattern):
    assert start_class(pattern) is None
    assert with_start_class(pattern) == pattern


TEXT = st.text(alphabet="ab19 -'\n.:xyz", max_size=40)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_lookahead_keeps_every_match(text):
    for pattern in (r"(?:a|b+)?1\d", r"(?<![\w-])(?:x|yz?)+(?:\s+a)?", r"(?:'|9)[a-z]*\b"):
        plain = [m.span() for m in re.finditer(pattern, text)]
        assert [m.span() for m in re.finditer(with_start_class(pattern), text)] == plain


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.kind)
def test_time_rules_scan_like_their_patterns(rule):
    text = (
        "on 3 march 1990, two days ago, at 1400 this afternoon, since the 1980s, every week, "
        "last friday morning, the next day, in the spring of 2024, about 30 minutes later, now"
    )
    assert rule.scan.pattern.startswith("(?=[")  # the lookahead is there
    plain = re.compile(rule.pattern.pattern)  # the same rule without it, case-sensitive
    assert [m.span() for m in rule.scan.finditer(text)] == [m.span() for m in plain.finditer(text)]
