"""Streets, buildings and other local features: they lie in the town the story is set in.

The gazetteer knows towns, not their streets and halls. A name such as "City Hall" or
"Tarn Street" that resolves to nothing, or a street named after a far town ("Hampton
Avenue" in a St. Louis story), is placed in the article's focus town, with a low
confidence.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from .index import Entry, distance_km, fold
from .mention import DATELINE_WEIGHT, Mention, Resolution

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
STREET_FAR_KM = 300.0  # a street's namesake town farther than this from the story's town


def locate_local_features(results: Sequence[Resolution]) -> None:
    """An unresolved name of a street, building or other local feature ("City Hall", "Tarn
    Street", or "Kent Road" once its Kent abroad proved a stray), or of a water or valley
    ("Kiser Lake"), lies in or near the town the article is about: the town it names most,
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
            or (local and _street_named_after(result, focus))
        ):
            result.entry, result.confidence = focus, LOCAL_FEATURE_CONFIDENCE


def _street_named_after(result: Resolution, focus: Entry) -> bool:
    """A street is named after a place far from the town the story is set in: "Hampton
    Avenue" in a St. Louis story lies in St. Louis, not in a Hampton."""
    entry = result.entry
    if (
        not result.inner
        or entry is None
        or fold(result.mention.text.split()[-1]) not in STREET_WORDS
    ):
        return False
    return distance_km(entry.lat, entry.lon, focus.lat, focus.lon) > STREET_FAR_KM


def _focus_town(results: Sequence[Resolution]) -> Entry | None:
    """The town the article names most, by a name that is not itself a feature's: the
    gazetteer's "Washington Square" may be a square, not a suburb elsewhere."""
    weights: dict[int, float] = defaultdict(float)
    towns: dict[int, Entry] = {}
    for result in results:
        entry = result.entry
        if entry is not None and entry.feature == "city" and not _local_feature(result.mention):
            weights[entry.geonameid] += DATELINE_WEIGHT if result.mention.dateline else 1.0
            towns[entry.geonameid] = entry
    if not weights:
        return None
    return towns[max(weights, key=weights.__getitem__)]


def _natural_feature(mention: Mention) -> bool:
    words = [fold(word) for word in mention.text.split()]
    return len(words) > 1 and (
        words[-1] in NATURAL_FEATURE_WORDS or words[0] in NATURAL_FEATURE_LEADS
    )


def _local_feature(mention: Mention) -> bool:
    words = mention.text.split()
    return len(words) > 1 and fold(words[-1]) in LOCAL_FEATURE_WORDS
