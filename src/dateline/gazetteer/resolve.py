"""Choose the GeoNames entry a place name means, with a confidence.

Each candidate is scored by its size (population, whether it is a country,
a division or a capital), by whether the text spells its main name or only
an alternate one, and by the article's other places: where their likely
readings lie (country and first-level division: the country context), a
qualifier right after the name ("Alexandria, Louisiana"), the other items of a
list it stands in ("Washington, New York and Boston" are towns), and the
dateline place, which counts four times and names a town. The context is soft
(each other name spreads its vote over its readings by their probabilities)
and refined over a few rounds, so that names that support each other
("Alexandria", "Douglas County", "Minnesota") settle together. A national
capital gains once the article names its country, and a town that the
article backs too little gives way to a namesake ten times larger
(`prominence`). The confidence is the winner's softmax share, so a name with
several plausible homonyms gets a low one; a name the gazetteer does not know
resolves to nothing, unless it names a street or building, which `local`
places in the story's town. The article's context lives in `context`, the
cues read around a name ("a Jordan man", "Boone County") in `homonyms`.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence, Set
from functools import partial

from .context import (
    COUNTRY_CONTEXT,
    Candidate,
    Context,
    CountyLinks,
    Point,
    Scored,
    Shares,
    build_context,
    contains,
    contextual,
    county_links,
    like_list_mates,
    list_mates,
    nearness,
    probabilities,
    score_pool,
)
from .homonyms import (
    BARE_COUNTY,
    COUNTY_WORDS,
    bare_county,
    designates,
    names_county,
    without_larger,
)
from .index import (
    MAX_NAME_CHARS,
    Entry,
    Gazetteer,
    fold,
    names_a_part,
    own_name,
    unrelated_alternate,
)
from .local import locate_local_features
from .mention import DATELINE_WEIGHT, INNER_NAME_CONFIDENCE, Mention, Resolution
from .named_after import town_named_after
from .prominence import Support, unless_overshadowed
from .regional import regional_choices
from .spelling import Spelling, spelled_at_home

__all__ = ["Mention", "Resolution", "candidates", "resolve"]

# Score weights, in units of log10(population): a country outweighs a city ten thousand times
# its size; a place in the article's dominant country gets what a 100x larger homonym would.
# A region (a sea, a gulf, the Middle East) is named far beyond its size, which GeoNames
# gives for a few only (see `size`): named in full it outweighs a town of 100,000 or a
# province of a million by that name ("Red Sea", a Sudanese state), but not one that the
# article's other places support, nor a country that the name also means ("America").
FEATURE_BONUS = {
    "continent": 3.0, "region": 7.0, "country": 4.0, "admin1": 1.0, "admin2": 0.5, "city": 0.0
}  # fmt: skip
CAPITAL_BONUS = 2.0  # capitals are named far beyond their size ("Washington said")
MAIN_NAME_BONUS = 1.5  # the text spells the entry's own name, not one of its alternates
# A town the text reaches only through a name unrelated to its own (a former name, one in
# another language: `unrelated_alternate`) while other places bear that name as their own:
# news calls a town by its current name, so "Maryville" beside "Texas" is more likely one of
# the towns called Maryville than Beeville, Texas, once called so. With MAIN_NAME_BONUS it
# takes more than the article's country to win, but the town still wins by size where it is
# the likeliest reading by its prior ("Bombay" is Mumbai, not the village called Bombay).
UNRELATED_ALTERNATE_PENALTY = 2.0
# A town or county where the article's spelling says it was written: a factor of three in
# population, which decides between homonyms only when nothing else in the article does.
SPELLING_BONUS = 0.5
TOWN_FEATURES = ("city", "admin2")  # towns and counties: the readings local news names bare
DATELINE_TOWN_BONUS = 4.0  # a dateline names a town: "NEW YORK (AP)" is the city, not the state
ROUNDS = 3  # context refinements after the context-free first pass
STRAY_MAX_POPULATION = 100_000  # a town abroad smaller than this needs support from the article
STRAY_HOME_SHARE = 0.5  # ... when this share of the article's other places lies in one country
STRAY_SUPPORT = 0.1  # ... and no more than this share lies in the town's own country
STRAY_NEAR_SUPPORT = 0.5  # ... and the other names' readings near it weigh less than this
STATE_STORY_SHARE = 0.9  # a division holding this share of the article's is what it is about
GENERIC_SUFFIXES = {
    "state",
    "province",
    "region",
    "city",
    "town",
    "district",
    "governorate",
    "oblast",
}
MIN_INNER_LETTERS = 4
KNOWN_DIVISION_POPULATION = 1_000_000  # a division this large is known by its name alone
MAX_INNER_WORDS = 8
MAX_SHORT_FORM = 5  # letters of a short form ("Mass.", "Phila.") found inside a name
# Words saying that a name is a feature in or by a place, or a part of it.
FEATURE_WORDS = {
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "n", "s", "e", "w", "ne", "nw", "se", "sw",  # abbreviated: "W. Columbia", "S.E. Paris"
    "northern", "southern", "eastern", "western", "central", "upper", "lower", "greater",
    "metro", "downtown", "old", "lake", "river", "creek", "bay", "park", "airport", "station",
    "port", "harbour", "harbor", "bridge", "road", "street", "avenue", "highway", "square",
    "jail", "prison", "court", "courthouse", "hall", "hospital", "school", "college",
    "university", "center", "centre", "mall", "market", "stadium", "camp", "base", "office",
    "department", "police", "sheriff", "sheriffs", "council", "township", "district", "town",
    "historic",  # "Historic Dublin": the old part of a town, as "Old Dublin" is
}  # fmt: skip  # shorter words inside a name are too often not place names
# Entity labels of names that are things named after a place, not places ("Dayton Dragons").
NAMED_AFTER = {"ORG", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT"}
MAX_CANDIDATES = 200  # very common names (San José) keep their most populous homonyms only


def candidates(
    gazetteer: Gazetteer, text: str, *, capitals: bool = False
) -> list[tuple[Entry, bool]]:
    """(entry, named only by a country code) for every entry the text may name.

    Only an abbreviation in capitals ("US", "U.K.") is looked up among country codes, and it
    does not match a place whose name merely has the same letters (Eu and Us, France) --
    unless the whole text is set in capitals (`capitals`) and the word has no period: there
    "LIMA" and "CALI" are the cities' names, not abbreviations. A
    name unknown with a generic last word ("Oaxaca State") is tried without it. A
    division known by the name of a town inside it (a district named after its seat) gives way to
    that town: the text names the town, the division is named after it."""
    abbreviation = _is_abbreviation(text)
    named = gazetteer.lookup(text) or gazetteer.lookup(_without_generic_word(text))
    named += _towns_called(gazetteer, text, {e.geonameid for e in named})
    if abbreviation and ("." in text or not capitals):
        named = [e for e in named if not (e.name.casefold() == text.casefold() and e.name != text)]
    named = [e for e in named if not _named_after_town(e, named, text)]
    if gazetteer.misspelled_abbreviation(text):  # only a division's own name, not its abbreviation
        named = [e for e in named if e.feature != "admin1" or fold(e.name) == fold(text)]
    ids = {e.geonameid for e in named}
    coded = [
        e for e in gazetteer.lookup(text, codes=True) if abbreviation and e.geonameid not in ids
    ]
    found = [(e, False) for e in named] + [(e, True) for e in coded if e.feature == "country"]
    found.sort(key=lambda pair: -pair[0].population)
    return found[:MAX_CANDIDATES]


def _towns_called(gazetteer: Gazetteer, text: str, known: Set[int]) -> list[Entry]:
    """For "X City", the towns called X as well: "Dublin City" may be the Irish division or
    the town of Dublin in the article's state. Only towns that bear X as their own name:
    "Kansas City" is no state, and "Quebec City" no town known as Quebec by another name."""
    head, _, last = text.rstrip().rpartition(" ")
    if not head or last.casefold() != "city":
        return []
    key = fold(head)
    return [
        e
        for e in gazetteer.lookup(head)
        if e.feature == "city" and fold(e.name) == key and e.geonameid not in known
    ]


def _without_generic_word(text: str) -> str:
    """ "Oaxaca State" -> "Oaxaca", "Birmingham City" -> "Birmingham": tried when the full
    name is unknown, since GeoNames files most places under the bare name."""
    head, _, last = text.rstrip().rpartition(" ")
    return head if head and last.casefold() in GENERIC_SUFFIXES else ""


def _named_after_town(entry: Entry, named: Sequence[Entry], text: str) -> bool:
    if not entry.feature.startswith("admin") or own_name(entry, text):
        return False
    return any(
        e.feature == "city" and entry.geonameid in (e.admin1, e.admin2) and own_name(e, text)
        for e in named
    )


def _is_abbreviation(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and len(letters) <= 4 and all(ch.isupper() for ch in letters)


def prior(entry: Entry, text: str, coded: bool = False) -> float:
    """Score without context: size, kind of feature, capital, and spelling of its main name.
    A country reached only through a code ("S.D." is Sudan's) or through one of the lands it is
    named after ("Trinidad") gets no bonus for being one, nor a region through another of its
    names: most are foreign, and many a town's own ("Otranto" for the strait, "Flores" for the
    sea, "Trinidad" for the Cuban town): only the article's context makes them the reading."""
    main = own_name(entry, text)
    unearned = coded or (entry.feature == "region" and not main) or names_a_part(entry, text)
    bonus = FEATURE_BONUS.get(entry.feature, 0.0) + (CAPITAL_BONUS if entry.capital else 0.0)
    return size(entry) + (0.0 if unearned else bonus) + (MAIN_NAME_BONUS if main else 0.0)


def size(entry: Entry) -> float:
    """log10 of the population; none for a region: GeoNames counts the people of a few (the
    Middle East's 371 million) and of no sea, and a region's population, unlike a town's,
    says nothing of how often news names it."""
    return 0.0 if entry.feature == "region" else math.log10(entry.population + 10)


def choose(scored: Scored) -> tuple[Entry | None, float]:
    """The best candidate and its softmax share (1.0 when it is the only one)."""
    if not scored:
        return None, 0.0
    probs = probabilities(scored)
    best = max(range(len(scored)), key=probs.__getitem__)
    return scored[best][0], round(probs[best], 3)


def resolve(
    gazetteer: Gazetteer, mentions: Sequence[Mention], spelled: Spelling | None = None
) -> list[Resolution]:
    """Resolve every mention of one article, refining the shared context over ROUNDS.
    Mentions that repeat a name with the same qualifier share one scoring (an article names
    its main places many times), and each name's context is computed once a round.
    `spelled` is the article's spelling (`spelling.spelling`), which favours the towns on
    its side of the Atlantic."""
    keys = _one_sense_per_article([(m.name or m.text, m.qualifier) for m in mentions])
    distinct = list(dict.fromkeys(keys))
    named_after = {key for key, m in zip(keys, mentions, strict=True) if m.label in NAMED_AFTER}
    texts = {key: _known_text(gazetteer, key[0], key in named_after) for key in distinct}
    capitals = any(m.capitals for m in mentions)
    qualifiers = {
        key: [e for e, _ in candidates(gazetteer, key[1], capitals=capitals)] if key[1] else []
        for key in distinct
    }
    pools = {
        key: _within_qualifier(
            candidates(gazetteer, texts[key], capitals=capitals), qualifiers[key]
        )
        if key[1]
        else _without_division_namesakes(candidates(gazetteer, texts[key], capitals=capitals))
        for key in distinct
    }
    for key, mention in zip(keys, mentions, strict=True):
        if mention.town_cue and not key[1]:
            pools[key] = without_larger(pools[key], texts[key], mention.town_cue)
    datelines = {fold(m.name or m.text) for m in mentions if m.dateline}
    designated = {fold(texts[key]) for key in distinct if names_county(texts[key])}
    own = {
        key: priors(pools[key], texts[key], fold(key[0]) in datelines, designated, spelled)
        for key in distinct
    }
    names = {key: _context_name(texts[key]) for key in distinct}
    weights: dict[tuple[str, str | None], float] = {}
    for key, mention in zip(keys, mentions, strict=True):
        weight = DATELINE_WEIGHT if mention.dateline else 1.0
        if texts[key] != key[0]:  # a place inside a longer name is weaker evidence
            weight *= INNER_NAME_CONFIDENCE
        weights[key] = max(weights.get(key, 0.0), weight)
    repeats = Counter(names[key] for key in keys)
    counties = county_links({names[key]: pools[key] for key in distinct})
    mates = list_mates(
        [m if texts[k] == k[0] else None for m, k in zip(mentions, keys, strict=True)], keys, names
    )
    context = Context()
    homes = Context()  # where the names that can anchor the article lie, by their priors
    for round_ in range(ROUNDS + 1):
        shares = {name: context.shares(name) for name in set(names.values())}
        scored = {
            key: score_pool(
                pools[key],
                own[key],
                shares[names[key]],
                qualifiers[key],
                counties[names[key]],
                names_county(texts[key]),
            )
            for key in distinct
        }
        if mates:
            scored = {key: like_list_mates(scored[key], mates.get(key), context) for key in scored}
        if round_ == 0:  # the anchors' context by their priors alone, for the stray test
            anchors = _anchors(scored, names, texts)
            homes = build_context(
                [(names[k], weights[k], scored[k]) for k in distinct if names[k] in anchors]
            )
        context = build_context([(names[k], weights[k], scored[k]) for k in distinct], repeats)
    chosen = {
        key: choose(scored[key])
        if designates(texts[key], scored[key])
        else _unless_stray(
            _unless_overshadowed(
                choose(scored[key]),
                scored[key],
                (shares[names[key]], qualifiers[key], counties[names[key]]),
                fold(key[0]) in datelines,
            ),
            homes.shares(names[key])[0],
            shares[names[key]][2],
            counties[names[key]],
        )
        for key in distinct
    }
    regional_choices(
        gazetteer,
        texts,
        chosen,
        {key: [e for e, _ in pools[key]] for key in distinct},
        lambda key, entry: key[1] is not None or counties[names[key]].holds(entry),
    )
    results = []
    for mention, key in zip(mentions, keys, strict=True):
        entry, confidence = chosen[key]
        if texts[key] != key[0]:  # only a place inside the name is known: say so
            confidence = round(confidence * INNER_NAME_CONFIDENCE, 3)
        inner = texts[key] != key[0]
        results.append(Resolution(mention, entry, confidence, len(scored[key]), inner))
    _qualifiers_hold(results, [qualifiers[key] for key in keys])
    locate_local_features(results)
    return results


def _qualifiers_hold(results: Sequence[Resolution], qualifiers: Sequence[Sequence[Entry]]) -> None:
    """The name right after a qualified one is the division or country that holds it: in
    "Toronto, Ontario, Canada" the Ontario is the province the chosen Toronto lies in, whatever
    a US story's context says of the bare name (a town in California, another in Ohio). The
    qualifier takes the qualified name's confidence when that is higher."""
    pairs = zip(results, qualifiers, strict=True)
    for (result, holders), following in zip(pairs, results[1:], strict=False):
        mention, entry = result.mention, result.entry
        if entry is None or mention.qualifier != following.mention.text:
            continue
        holding = [q for q in holders if contains(q, entry)]
        if len(holding) == 1 and following.entry != holding[0]:
            following.entry = holding[0]
            following.confidence = max(following.confidence, result.confidence)


def _one_sense_per_article(keys: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    """A name qualified once ("New Haven, Conn.") means the same place where the article
    repeats it bare ("New Haven"), unless the article qualifies it in more than one way."""
    qualified: dict[str, set[str]] = defaultdict(set)
    for text, qualifier in keys:
        if qualifier:
            qualified[fold(text)].add(qualifier)
    only = {name: next(iter(found)) for name, found in qualified.items() if len(found) == 1}
    return [(text, qualifier or only.get(fold(text))) for text, qualifier in keys]


def _context_name(text: str) -> str:
    """The key under which a name votes in the context: the name it is looked up by, so that
    "Dublin City" and "Dublin Center Drive" (looked up as "Dublin") do not vote for the
    reading of "Dublin" that they themselves are."""
    return fold(_without_generic_word(text) or text)


def _anchors(
    candidates_scored: dict[tuple[str, str | None], Scored],
    names: dict[tuple[str, str | None], str],
    texts: dict[tuple[str, str | None], str],
) -> set[str]:
    """The names whose likeliest reading by its prior bears the name as its own or is solid
    (a country, a first-level division, a large town). Only these say where an article is
    set: a street named after a place ("Main Street") or a village reached through an
    alternate spelling says nothing about it, and must not make a town of the article's own
    country look like a stray."""
    found = set()
    for key, scored in candidates_scored.items():
        if not scored or texts[key] != key[0]:
            continue
        entry, _ = max(scored, key=lambda pair: pair[1])
        if fold(entry.name) == fold(key[0]) or _solid(entry):
            found.add(names[key])
    return found


def _solid(entry: Entry) -> bool:
    return entry.feature in ("country", "admin1") or entry.population >= STRAY_MAX_POPULATION


def _unless_stray(
    choice: tuple[Entry | None, float],
    countries: dict[str, float],
    points: Sequence[Sequence[Point]],
    links: CountyLinks,
) -> tuple[Entry | None, float]:
    """Nothing rather than a small town or district abroad that nothing else in the article
    supports, when the article's other places lie mostly in one other country: a Lima story's
    "Villa El Salvador" that the gazetteer lacks in Peru is not the Argentine village. The
    country support is read from the other names' priors (`countries`), before the town's own
    pull on them; a town in a division another name may be ("Albany" beside "Georgia") or
    near the other names' final readings (Erie across the lake from London, Ontario) is
    supported whatever its country."""
    entry, _ = choice
    if entry is None or entry.feature not in ("city", "admin2") or not countries:
        return choice
    if (
        entry.population >= STRAY_MAX_POPULATION
        or countries.get(entry.country, 0.0) > STRAY_SUPPORT
        or max(countries.values()) < STRAY_HOME_SHARE
        or links.holds(entry)
        or nearness(entry, points) >= STRAY_NEAR_SUPPORT
    ):
        return choice
    return None, 0.0


def _unless_overshadowed(
    choice: tuple[Entry | None, float],
    scored: Scored,
    context: tuple[Shares, Sequence[Entry], CountyLinks],
    dateline: bool,
) -> tuple[Entry | None, float]:
    """`prominence.unless_overshadowed`, told what supports a town beyond its country's share
    (its division, nearby places, county, qualifier) and what of its own area does: the
    dateline, a qualifier, its county, the other names' readings near it (as much as saves a
    stray), or its division holding nearly all of the article's."""
    shares, qualifiers, counties = context

    def support(entry: Entry) -> Support:
        own_area = (
            dateline
            or any(contains(q, entry) for q in qualifiers)
            or bool(counties.named or counties.holding)
            and counties.link(entry)
            or nearness(entry, shares.points) >= STRAY_NEAR_SUPPORT
            or shares.admin_total > 0
            and shares.admins.get(entry.admin1, 0.0) / shares.admin_total >= STATE_STORY_SHARE
        )
        country = COUNTRY_CONTEXT * shares.countries.get(entry.country, 0.0)
        return Support(dateline or contextual(entry, *context) > country, own_area)

    return unless_overshadowed(choice, scored, support, probabilities)


def _without_division_namesakes(pool: list[Candidate]) -> list[Candidate]:
    """No town named like a first-level division of its own country that it does not lie
    in, when nothing qualifies the name: "Kansas" or "Oregon" in a story is the state, not
    the village of Kansas or Oregon in Illinois ("Oregon, Ill." keeps it). Capitals stay:
    "Washington" is the capital as often as the state."""
    divisions = {e.geonameid: e.country for e, _ in pool if e.feature == "admin1"}
    return [(e, coded) for e, coded in pool if not _division_namesake(e, divisions)]


def _division_namesake(entry: Entry, divisions: dict[int, str]) -> bool:
    """A town, not a capital, outside the same-named divisions of its country (`divisions`:
    geonameid -> country)."""
    if entry.feature != "city" or entry.capital or entry.admin1 in divisions:
        return False
    return entry.country in divisions.values()


def _within_qualifier(pool: list[Candidate], qualifiers: Sequence[Entry]) -> list[Candidate]:
    """No candidate for "X, Y" when Y can be a country or division and no town or district
    called X lies in it: the gazetteer lacks this X ("San Francisco Javier, Usulutan" is not
    the Mexican village of that name), and Y, a place of its own, still locates it. Unless
    both can be large towns: then "Copenhagen, Hamburg" are items of a list whose next item
    the recogniser missed, not the Copenhagen in Hamburg ("Paris, Minnesota" is no list)."""
    holders = [q for q in qualifiers if q.feature in ("country", "admin1")]
    if not holders or any(e.feature not in ("city", "admin2") for e, _ in pool):
        return pool
    if any(contains(q, e) for q in holders for e, _ in pool):
        return pool
    if _peers(pool, qualifiers):
        return pool
    return []


def _peers(pool: Sequence[Candidate], qualifiers: Sequence[Entry]) -> bool:
    """Both names of "X, Y" can be large towns: a list of cities ("Copenhagen, Hamburg")."""
    return any(q.feature == "city" and _solid(q) for q in qualifiers) and any(
        e.feature == "city" and _solid(e) for e, _ in pool
    )


def _known_text(gazetteer: Gazetteer, text: str, named_after: bool = False) -> str:
    """The text itself, or, for an unknown name of several words, the best-known place named
    inside it: the thing named lies in or by that place, or belongs to it. Any place counts
    when a word names a kind of feature or a direction ("Henderson County Jail" -> "Henderson
    County", "Metro Nashville" -> "Nashville", "Morecambe Road" -> the town it leads to); a
    town where an organisation's or a facility's name puts one, when the parser took it for
    one (`named_after`: "the Dayton Dragons"), and whatever the label the place after a
    preposition ("United Way of America"; see `town_named_after`); otherwise only a
    country or a division does ("Lamar County Elections", "Politics Ukraine"), since
    "Baghanis Ayrim" is another village than Baghanis, not a part of it."""
    if gazetteer.has_name(text) or gazetteer.has_name(_without_generic_word(text)):
        return text
    words = text.split()
    if len(words) > MAX_INNER_WORDS or len(text) > MAX_NAME_CHARS:
        return text  # an absurdly long "name" is not searched for a place inside it
    if town := _town_named_after(gazetteer, text, named_after):
        return town
    any_place = any(fold(word) in FEATURE_WORDS for word in words)
    for size in range(len(words) - 1, 0, -1):
        parts = [" ".join(words[i : i + size]) for i in range(len(words) - size + 1)]
        known = [part for part in parts if _inner_candidate(gazetteer, part, any_place)]
        if known:
            return max(known, key=lambda part: _best_prior(gazetteer, part))
    return text


def _town_named_after(gazetteer: Gazetteer, text: str, leading: bool) -> str | None:
    known, renown = partial(_inner_candidate, gazetteer), partial(_best_prior, gazetteer)
    return town_named_after(text, known, renown, leading)


def _best_prior(gazetteer: Gazetteer, part: str) -> float:
    return max(prior(e, part) for e in gazetteer.lookup(part))


def _inner_candidate(gazetteer: Gazetteer, part: str, any_place: bool = True) -> bool:
    """A part that is a place's own name (unless `any_place`, one that `_names_a_division`) and
    not just feature words ("Eastern", "West"); after a direction or feature word, also the
    usual short form of a well-known place ("Western Mass.", "Northwest D.C.", "W. Phila.")."""
    if any_place and _short_form(gazetteer, part):
        return True
    letters = sum(ch.isalpha() for ch in part)
    if letters < MIN_INNER_LETTERS or not part[:1].isupper():
        return False
    if all(fold(w) in FEATURE_WORDS for w in part.split()):
        return False
    if any_place:
        return gazetteer.is_main_name(part)
    return any(_names_a_division(e, part) for e in gazetteer.lookup(part))


def _short_form(gazetteer: Gazetteer, part: str) -> bool:
    """One capitalised word with a dot and at most MAX_SHORT_FORM letters that shortens the
    own name of a country, a division or a city of STRAY_MAX_POPULATION: news shortens only
    names its readers know ("Mass.", "D.C.", "Phila."), and a short form starts with the
    name's letter. The dot tells a short form from a short word ("North", "New", "Lake"),
    and a village's alternate names hold too many short words."""
    letters = part.replace(".", "")
    if "." not in part or not (letters.isalpha() and letters[:1].isupper()):
        return False
    if len(letters) > MAX_SHORT_FORM or fold(letters) in FEATURE_WORDS:
        return False
    return any(
        (e.feature in ("country", "admin1") or e.population >= STRAY_MAX_POPULATION)
        and len(e.name) > len(part)
        and fold(e.name)[:1] == fold(letters)[:1]
        for e in gazetteer.lookup(part)
    )


def _names_a_division(entry: Entry, part: str) -> bool:
    """The part is a country's own name, a large first-level division's, or a county's with
    its designator ("Lamar County"): a bare county name is as often a person's ("Trent"), a
    country's other names are parts of regions' ("Latin America"), and a small division's
    name is the first half of many a town's ("San Luis de la Reina", "Santa Lucia")."""
    key = fold(part)
    if fold(entry.name) != key:
        return False
    if entry.feature == "admin2":
        return key.rpartition(" ")[2] in COUNTY_WORDS
    if entry.feature == "admin1":
        return entry.population >= KNOWN_DIVISION_POPULATION
    return entry.feature == "country"


def priors(
    pool: Sequence[Candidate],
    text: str,
    dateline: bool = False,
    counties: Set[str] = frozenset(),
    spelled: Spelling | None = None,
) -> list[float]:
    """The candidates' priors; a name that opens the article as its dateline is a town there
    and wherever the article repeats it (one sense per article). A bare name is seldom a
    county (`bare_county`) unless the article also names it as one (`counties`: folded). A
    town or county on the side of the Atlantic the article's spelling points to gains
    SPELLING_BONUS: a local paper's bare names are its own area's."""
    town = DATELINE_TOWN_BONUS if dateline else 0.0
    own = [prior(e, text, coded) for e, coded in pool]
    formerly = _formerly_called(pool, own, text)
    return [
        score
        + (town if e.feature == "city" else 0.0)
        + (
            SPELLING_BONUS
            if e.feature in TOWN_FEATURES and spelled_at_home(spelled, e.country)
            else 0.0
        )
        - (BARE_COUNTY if bare_county(e, text, counties) else 0.0)
        - (UNRELATED_ALTERNATE_PENALTY if e.geonameid in formerly else 0.0)
        for (e, _), score in zip(pool, own, strict=True)
    ]


def _formerly_called(pool: Sequence[Candidate], own: Sequence[float], text: str) -> set[int]:
    """The towns of the pool reached only through a name unrelated to their own, when some
    other candidate bears the name as its own and the town is not the likeliest reading by its
    prior alone (`UNRELATED_ALTERNATE_PENALTY`). Divisions and countries are left alone: a
    county is named without its designator ("Becker" for Becker County), a country by its
    short or former name ("Holland", "Burma"), and these are no towns' former names."""
    if not any(own_name(e, text) for e, _ in pool):
        return set()
    top = max(own)
    return {
        e.geonameid
        for (e, _), score in zip(pool, own, strict=True)
        if e.feature == "city" and score < top and unrelated_alternate(e, text)
    }
