"""Words that name political violence, mapped to ACLED event and sub-event types (snake_case).

From the ACLED codebook's definitions (battles, explosions/remote violence,
violence against civilians, protests, riots, strategic developments); general
news vocabulary, not taken from any evaluation text. `generic` marks words that
say violence happened without saying which kind ("attacked", "killed"): the
events stage types those from the victims.
"""

from __future__ import annotations

import re

from spacy import symbols

GENERIC_VIOLENCE = "generic"

_TYPES: dict[str, tuple[str, str]] = {}


def _add(words: str, kind: str, sub_kind: str) -> None:
    for word in words.split():
        _TYPES[word] = (kind, sub_kind)


_add("clash battle fighting firefight skirmish combat shootout", "battles", "armed_clash")
_add(
    "bomb bombing explosion explode blast detonate dynamite car-bomb ied landmine mine",
    "explosions_remote_violence",
    "remote_explosive_landmine_ied",
)
_add("grenade", "explosions_remote_violence", "grenade")
_add(
    "shelling shell mortar artillery rocket missile bombard bombardment",
    "explosions_remote_violence",
    "shelling_artillery_missile_attack",
)
_add("airstrike air-strike strafe", "explosions_remote_violence", "air_drone_strike")
_add(
    "massacre murder assassinate assassination execute execution slaughter genocide lynch atrocity",
    "violence_against_civilians",
    "attack",
)
_add(
    "kidnap kidnapping abduct abduction hostage-taking",
    "violence_against_civilians",
    "abduction_forced_disappearance",
)
_add("rape", "violence_against_civilians", "sexual_violence")
_add("riot rioting loot looting arson", "riots", "violent_demonstration")
_add("protest demonstration rally sit-in", "protests", "peaceful_protest")
_add("arrest detain detention", "strategic_developments", "arrests")
_add(
    "attack assault raid ambush kill killing shoot shooting wound injure slay gun",
    GENERIC_VIOLENCE,
    "attack",
)

# Nouns and verbs only: "a bomb threat" still names a bomb, but "killer" or "protester" do not.
TRIGGER_POS = {"NOUN", "VERB", "PROPN"}
TRIGGER_POS_IDS = frozenset({symbols.NOUN, symbols.VERB, symbols.PROPN})
TRIGGER_LEMMAS = frozenset(_TYPES)


def trigger_type(lemma: str, pos: str) -> tuple[str, str] | None:
    """(event type, sub-event type) for a trigger word, or None when the word names no violence."""
    if pos not in TRIGGER_POS:
        return None
    return _TYPES.get(lemma)


# Words after which the violence did not (yet) happen: threats, plans, denials, hypotheticals.
NOT_HAPPENED = {
    "threaten", "plan", "intend", "deny", "vow", "warn", "fear", "could", "would", "might",
    "may", "plot", "attempt", "try", "want", "seek", "prevent", "foil", "avert", "call",
}  # fmt: skip

# A sentence opening like this moves to another incident.
NEW_INCIDENT = re.compile(
    r"(?i)(meanwhile|in (another|a separate|an unrelated) (incident|attack|development)|separately"
    r"|elsewhere|in other news|earlier|in addition)\b"
)

# Nouns that bring in a supporting actor: "with the assistance of X", "backed by X".
SUPPORT_WORDS = {"assistance", "support", "help", "backing", "participation", "aid", "back"}

# Accidents and disasters: people die in them, but they are no political violence.
ACCIDENTS = {
    "accident", "accidents", "crash", "crashes", "crashed", "collision", "collide", "derail",
    "derailment", "earthquake", "landslide", "flood", "flooding", "drown", "drowned", "landing",
}  # fmt: skip
# Trigger words that only say people died or were hurt, not what violence harmed them.
HARM_ONLY = {"kill", "killing", "killed", "injure", "injured", "wound", "wounded"}

# Armed groups as a target: an attack on them is a battle in ACLED's terms (two armed groups).
FORCES = {
    "army", "military", "soldier", "soldiers", "troops", "patrol", "patrols", "garrison",
    "barracks", "battalion", "brigade", "police", "policemen", "guardsmen", "outpost",
    "rebel", "rebels", "guerrilla", "guerrillas", "insurgent", "insurgents", "militants",
}  # fmt: skip

# Weapons and other means of violence: "a bomb killed three people" names what killed them,
# not who did (the perpetrator is whoever set the bomb). Words of violence themselves ("the
# attack killed five", "the explosion wounded ten") are no perpetrators either.
INSTRUMENTS = {
    "bomb", "car-bomb", "explosive", "explosion", "blast", "device", "charge", "grenade",
    "dynamite", "mine", "landmine", "shell", "rocket", "mortar", "missile", "artillery",
    "bullet", "shot", "gunfire", "fire", "burst", "shrapnel", "glass", "debris", "weapon",
    "rifle", "gun", "machinegun", "machine-gun", "detonator", "fuse", "package", "letter",
}  # fmt: skip
