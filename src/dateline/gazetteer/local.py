"""Streets, buildings and other local features: they lie in the town the story is set in.

The gazetteer knows towns, not their streets and halls. A name such as "City Hall" or
"Tarn Street" that resolves to nothing, or a feature named after a far town ("Hampton
Avenue" in a St. Louis story, "Jerome Township" in a Dublin, Ohio one), is placed in the
article's focus town, with a low confidence.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from .index import Entry, distance_km, fold
from .mention import DATELINE_WEIGHT, INNER_NAME_CONFIDENCE, Mention, Resolution

# The last words of names of streets, buildings and other features that lie inside a town.
LOCAL_FEATURE_WORDS = {
    "street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "drive",
    "square", "plaza", "hall", "park", "stadium", "arena", "centre", "center", "cathedral",
    "church", "chapel", "mosque", "temple", "hospital", "airport", "tower", "bridge", "court",
    "courthouse", "mall", "station", "marina", "library", "museum", "school", "campus",
}  # fmt: skip
# The waters and valleys a local story names ("Kiser Lake", "the Neches River", "Lake
# Lanier") lie near its town: the gazetteer has towns, not lakes and rivers, and a story
# names the ones around it. Their kind is the name's last word, or its first. (Islands,
# mountains and falls are left out: news names far ones as often, and towns take such names.)
NATURAL_FEATURE_WORDS = {
    "lake", "lakes", "river", "creek", "canal", "reservoir", "pond", "bayou", "swamp", "valley",
}  # fmt: skip
NATURAL_FEATURE_LEADS = {"lake", "river"}
LOCAL_FEATURE_CONFIDENCE = 0.25  # the town is known, the feature in it is not
STREET_WORDS = {"street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "drive"}
# Townships and the like: a local story's "Jackson Township" is the one around its town.
TOWNSHIP_WORDS = {"township", "twp"}
NAMESAKE_FAR_KM = 300.0  # a feature's namesake town farther than this from the story's town
# ... and, unless the feature is a street, a namesake the resolver is less sure of than this:
# "Lake Manassas" or "Fort Mill High School" in a story of a small town nearby lie by the
# town they name, which the article's places support, and a county or a state a school or a
# hall is named after ("Laurel County High School") is the one it serves.
SURE_NAMESAKE = 0.9


def locate_local_features(results: Sequence[Resolution]) -> None:
    """An unresolved name of a street, building or other local feature ("City Hall", "Tarn
    Street", or "Kent Road" once its Kent abroad proved a stray), or of a water or valley
    ("Kiser Lake"), or a feature whose name only a far town's matched ("Griffith Park" in a Los
    Angeles story), lies in or near the town the article is about: the town it names most,
    a dateline counting DATELINE_WEIGHT times. Its confidence is low: the gazetteer does not
    know the feature itself, only where the story is set."""
    focus = _focus_town(results)
    if focus is None:
        return
    for result in results:
        unresolved = result.entry is None
        local = _local_feature(result.mention)
        if (
            unresolved
            and (local or _natural_feature(result.mention))
            or _named_after_far_town(result, focus)
        ):
            result.entry, result.confidence = focus, LOCAL_FEATURE_CONFIDENCE


def _named_after_far_town(result: Resolution, focus: Entry) -> bool:
    """A street, building, water or township is named after a town far from the one the story
    is set in: "Hampton Avenue" in a St. Louis story lies in St. Louis, not in a Hampton, and
    "Lake Robinson" in a Greenville one by Greenville, not by a Robinson the article does not
    support. Streets are named after far places most often, so any namesake is moved for them;
    other features only when the namesake is an uncertain town (`SURE_NAMESAKE`)."""
    entry = result.entry
    if not result.inner or entry is None or not _feature_of_a_town(result.mention):
        return False
    if fold(result.mention.text.split()[-1]) not in STREET_WORDS and (
        entry.feature != "city" or result.confidence >= SURE_NAMESAKE * INNER_NAME_CONFIDENCE
    ):
        return False
    return distance_km(entry.lat, entry.lon, focus.lat, focus.lon) > NAMESAKE_FAR_KM


def _focus_town(results: Sequence[Resolution]) -> Entry | None:
    """The town the article names most, by a name that is not itself a feature's: the
    gazetteer's "Washington Square" may be a square, not a suburb elsewhere, and "Lake
    Robinson" names no town Robinson."""
    weights: dict[int, float] = defaultdict(float)
    towns: dict[int, Entry] = {}
    for result in results:
        entry = result.entry
        if entry is not None and entry.feature == "city" and not _named_feature(result):
            weights[entry.geonameid] += DATELINE_WEIGHT if result.mention.dateline else 1.0
            towns[entry.geonameid] = entry
    if not weights:
        return None
    return towns[max(weights, key=weights.__getitem__)]


def _named_feature(result: Resolution) -> bool:
    """A feature's name, not a town's: "City Hall", or "Lake Robinson" known only by the town
    inside it ("Lake Charles", a town's own name, is a town)."""
    return _local_feature(result.mention) or result.inner and _feature_of_a_town(result.mention)


def _natural_feature(mention: Mention) -> bool:
    words = [fold(word) for word in mention.text.split()]
    return len(words) > 1 and (
        words[-1] in NATURAL_FEATURE_WORDS or words[0] in NATURAL_FEATURE_LEADS
    )


def _feature_of_a_town(mention: Mention) -> bool:
    """A street, building, water or township: a thing in or by a town, not a town."""
    last = fold(mention.text.split()[-1]).rstrip(".")
    return _local_feature(mention) or _natural_feature(mention) or last in TOWNSHIP_WORDS


def _local_feature(mention: Mention) -> bool:
    words = mention.text.split()
    return len(words) > 1 and fold(words[-1]) in LOCAL_FEATURE_WORDS
