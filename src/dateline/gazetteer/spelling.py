"""Where an article was written, as its spelling tells: American or Commonwealth English.

A local paper names its own towns bare ("Mansfield police said ..."), and a bare name with
homonyms on both sides of the Atlantic is the one near the paper. The outlet is not given,
but its spelling is: an American paper writes "neighbor", "center" and "traveled", a
British, Irish, Canadian, Australian or Indian one "neighbour", "centre", "travelled" and
"per cent". Only lower-case words count: a proper name keeps its own spelling wherever it is
written ("Pearl Harbor", "the Labor Party" of Australia, "Lincoln Center", Mr Grey).
Spellings that both sides use are left out: -ize (Oxford and Canadian spelling have it too),
"program" (Canadian), "license" (a British verb), and "percent", which the international
wires (Reuters, AFP) write too.
"""

from __future__ import annotations

import re
from typing import Literal

Spelling = Literal["american", "commonwealth"]

# Stems of the -or / -our nouns; inflections and derived words count too ("neighbourhood").
OR_OUR_STEMS = (
    "arm", "behavi", "cand", "clam", "col", "endeav", "fav", "flav", "ferv", "harb", "hon",
    "hum", "lab", "neighb", "od", "parl", "rig", "rum", "sav", "splend", "tum", "val", "vig",
)  # fmt: skip
OR_OUR_ENDINGS = ("", "s", "ed", "ing", "hood", "hoods", "ite", "ites", "able", "ful")
# (American, Commonwealth) spellings of one word; either side may be None (no counterpart
# that only one side writes: Americans write "check" for a cheque and for everything else).
PAIRS = (
    ("center", "centre"), ("centers", "centres"), ("centered", "centred"),
    ("theater", "theatre"), ("theaters", "theatres"), ("defense", "defence"),
    ("offense", "offence"), ("traveled", "travelled"), ("traveling", "travelling"),
    ("traveler", "traveller"), ("travelers", "travellers"), ("canceled", "cancelled"),
    ("canceling", "cancelling"), ("counselor", "counsellor"), ("counselors", "counsellors"),
    ("counseling", "counselling"), ("modeling", "modelling"), ("modeled", "modelled"),
    ("labeled", "labelled"), ("labeling", "labelling"), ("fueled", "fuelled"),
    ("fueling", "fuelling"), ("signaled", "signalled"), ("totaled", "totalled"),
    ("leveled", "levelled"), ("worshiped", "worshipped"), ("marvelous", "marvellous"),
    ("jeweler", "jeweller"), ("jewelry", "jewellery"), ("gray", "grey"), ("aging", "ageing"),
    ("enrollment", "enrolment"), ("fulfill", "fulfil"), ("installment", "instalment"),
    ("skillful", "skilful"), ("tires", "tyres"), ("mom", "mum"), ("airplane", "aeroplane"),
    ("aluminum", "aluminium"), ("kilometers", "kilometres"), ("liters", "litres"),
    ("fiber", "fibre"), ("pediatric", "paediatric"), ("anesthetic", "anaesthetic"),
    ("hemorrhage", "haemorrhage"), ("leukemia", "leukaemia"), ("diarrhea", "diarrhoea"),
    ("pedophile", "paedophile"), ("estrogen", "oestrogen"), ("maneuver", "manoeuvre"),
    ("mustache", "moustache"), ("cozy", "cosy"), ("skeptical", "sceptical"),
    ("pajamas", "pyjamas"), ("gotten", None), (None, "cheque"), (None, "licence"),
    (None, "practise"), (None, "practised"), (None, "storey"), (None, "storeys"),
    (None, "tyre"), (None, "kerb"), (None, "whilst"),
)  # fmt: skip
AMERICAN = frozenset(
    [a for a, _ in PAIRS if a]
    + [stem + "or" + ending for stem in OR_OUR_STEMS for ending in OR_OUR_ENDINGS]
)
COMMONWEALTH = frozenset(
    [b for _, b in PAIRS if b]
    + [stem + "our" + ending for stem in OR_OUR_STEMS for ending in OR_OUR_ENDINGS]
)
COMMONWEALTH_PHRASES = ("per cent",)
LOWER_CASE_WORD = re.compile(r"(?<![^\W\d_])[a-z]+(?![^\W\d_])")  # a whole word, no capital


def spelling(text: str) -> Spelling | None:
    """The side whose spellings the text uses more often; None when it uses neither more."""
    american = commonwealth = 0
    for word in LOWER_CASE_WORD.findall(text):
        american += word in AMERICAN
        commonwealth += word in COMMONWEALTH
    commonwealth += sum(text.count(phrase) for phrase in COMMONWEALTH_PHRASES)
    if american > commonwealth:
        return "american"
    if commonwealth > american:
        return "commonwealth"
    return None


def spelled_at_home(spelling_: Spelling | None, country: str) -> bool:
    """A place in the country the spelling points to: the US for American spelling, any other
    for Commonwealth spelling (which also the rest of the world's English news mostly uses)."""
    if spelling_ is None:
        return False
    return (country == "US") == (spelling_ == "american")
