"""Where to look for the town an organisation or a facility is named after.

Teams, papers, shops, schools and events take the name of their town, and news writes it
where English puts a place in a name: first, as a modifier ("the Buffalo Bisons", "Newark Live
Bait", "the Glendale Galleria", "Norfolk High"), or after a preposition ("the Battle of
Richmond", "St. Anne's Church in Lebanon", "United Way of America"). A town's name elsewhere
inside the name is seldom the place: "Paddock Hill Bend" is a curve of a race track, not the
town of Bend; "Fort Benning" is no fort in a place called Benning. So only those positions are
searched, the phrase after a preposition first: it says outright where the thing is ("St.
Paul's Church in Elizabethtown" is in Elizabethtown, not in a town called St. Pauls). Hyphens
join names the way spaces do ("Watertown-Mayer Royals"). A street is not searched: streets
are named after far places ("Cleveland Drive" in Oxford), and `local` places them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .index import fold
from .local import STREET_WORDS

PREPOSITIONS = {"of", "in", "at"}
WORD_BREAKS = re.compile(r"[\s\-‐–]+")


def named_after_parts(text: str, leading: bool = True) -> list[list[str]]:
    """Groups of candidate town names inside an organisation's name, the likeliest group
    first and, within a group, the longest part first: the phrase after the last
    preposition and its leading words, then (with `leading`) the name's own leading words."""
    words = [word for word in WORD_BREAKS.split(text) if word]
    if not words or fold(words[-1]) in STREET_WORDS:
        return []
    groups = []
    after = max((i for i, w in enumerate(words) if w in PREPOSITIONS), default=-1)
    if after >= 0:
        groups.append(_leading_parts(words[after + 1 :], whole=True))
    if leading:
        before = words[: after if after >= 0 else len(words)]
        groups.append(_leading_parts(before, whole=after >= 0))
    return [group for group in groups if group]


def _leading_parts(words: list[str], whole: bool) -> list[str]:
    """The phrases made of the first k words, longest first (the whole phrase only when
    `whole`: a name is not searched for itself)."""
    longest = len(words) if whole else len(words) - 1
    return [" ".join(words[:size]) for size in range(longest, 0, -1)]


def town_named_after(
    text: str, known: Callable[[str], bool], renown: Callable[[str], float], leading: bool = True
) -> str | None:
    """The best-known (`renown`) of the places (`known`) where an organisation's name puts
    its town, the longest in each position: "Battle of Richmond" is named after Richmond, not
    after a village called Battle, "Woodstock Chamber of Commerce" after Woodstock. Without
    `leading`, only the place after a preposition: the name of a place "X of Y" that the
    gazetteer lacks says that it lies in or by Y ("the Straits of Florida")."""
    groups = named_after_parts(text, leading)
    longest = (next((part for part in group if known(part)), None) for group in groups)
    found = [part for part in longest if part]
    return max(found, key=renown, default=None)
