"""Casualty figures (issue 4) on real parses: counts that lean on the figure before them, harms
that share their victims, sums over periods and incidents, and phrases that are not counts."""

from __future__ import annotations

import pytest

from dateline.stages.figures import FIGURES

pytestmark = [pytest.mark.issue(4), pytest.mark.model]


@pytest.fixture(scope="module")
def nlp(figures_nlp):
    return figures_nlp  # the model with the figures stage alone (conftest)


def figures(nlp, text: str) -> list[tuple]:
    return [(f.category, f.value, f.group, f.part_of) for f in nlp(text)._.get(FIGURES)]


def counts(nlp, text: str) -> list[tuple]:
    return [(f.category, f.value) for f in nlp(text)._.get(FIGURES)]


# --- counts that lean on the figure before them ------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two rebels were killed and four others were wounded in the fighting.",
         [("killed", 2, "militants", None), ("injured", 4, "militants", None)]),
        ("A terrorist was killed and three were wounded near the bridge.",
         [("killed", 1, "militants", None), ("injured", 3, "militants", None)]),
        ("Six soldiers died and nine were wounded when the truck was ambushed.",
         [("killed", 6, "soldiers", None), ("injured", 9, "soldiers", None)]),
        # a noun of its own keeps its own group (none here)
        ("Two rebels were killed and four people were wounded in the fighting.",
         [("killed", 2, "militants", None), ("injured", 4, None, None)]),
    ],
)  # fmt: skip
def test_a_count_without_a_noun_counts_the_kind_named_before(nlp, text, expected):
    assert figures(nlp, text) == expected


def test_the_group_does_not_cross_sentences(nlp):
    assert figures(nlp, "Three policemen died. Two were wounded.") == [
        ("killed", 3, "police", None),
        ("injured", 2, None, None),
    ]


def test_a_count_of_them_is_a_part_of_the_figure_before(nlp):
    text = "The gunmen fired on a patrol, injuring 12 soldiers, 3 of them seriously."
    assert figures(nlp, text) == [("injured", 12, "soldiers", None), ("injured", 3, "soldiers", 0)]


def test_a_count_of_them_with_another_harm_is_its_own_figure(nlp):
    text = "Five people were kidnapped and two of them were killed."
    assert counts(nlp, text) == [("abducted", 5), ("killed", 2)]


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("A guerrilla member died in the explosion.", "militants"),
        ("Three police members were wounded during the attack.", "police"),
        ("Four members of the mountain battalion were injured.", "soldiers"),
        ("A 9-year-old girl was injured in the blast.", "children"),
        ("A 40-year-old teacher was killed in the blast.", None),
        ("A police colonel was murdered outside his home.", "police"),
        ("The army reported at least six rebel deaths in the north.", "militants"),
        ("At least five military and rebel deaths were reported.", None),
    ],
)
def test_groups_from_membership_and_ages(nlp, text, group):
    [(_, _, found, _)] = figures(nlp, text)
    assert found == group


def test_a_list_parsed_as_appositions_is_still_a_list(nlp):
    text = "One police lieutenant, four soldiers, and three farmers were killed during the attacks."
    assert figures(nlp, text) == [
        ("killed", 8, None, None),
        ("killed", 1, "police", 0),
        ("killed", 4, "soldiers", 0),
        ("killed", 3, "peasants", 0),
    ]
    # the last item hung on the verb as a second subject
    assert counts(nlp, "A judge, a colonel, and a senator were murdered last week.")[0] == (
        "killed",
        3,
    )
    assert counts(nlp, "Hector Ruiz, a leader of the union, was killed.") == [("killed", 1)]
    text = "Doctors said that Luis Ortega, senator and presidential hopeful, died tonight."
    assert counts(nlp, text) == [("killed", 1)]
    text = "They condemned the murder of Dr Pedro Castro Ruiz, his wife, and two other people."
    assert counts(nlp, text)[0] == ("killed", 4)
    text = "The attacks claimed the lives of Senator Luis Mendez, a police officer, and a judge."
    assert counts(nlp, text)[0] == ("killed", 3)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two cooks (a mother and her son) were killed in the kitchen.", [2, 1, 1]),
        ("Two children and eight other people (three soldiers and five civilians) were wounded.",
         [10, 2, 8, 3, 5]),
        # a bracket that does not restate the count before it adds its people
        ("Three farmers (two brothers and a cousin) and a teacher were killed.",
         [4, 3, 1, 2, 1]),
    ],
)  # fmt: skip
def test_a_bracket_restating_a_count_adds_no_one(nlp, text, expected):
    assert [value for _, value in counts(nlp, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two guards were seriously wounded and later died in hospital.", [("killed", 2)]),
        ("The mayor suffered head injuries and died on the way to the clinic.",
         [("killed", 1)]),
        ("One man died and two were wounded.", [("killed", 1), ("injured", 2)]),
        ("Three people were wounded and taken to hospital.", [("injured", 3)]),
        ("He received two bullet wounds and was taken to the clinic, where he died today.",
         [("killed", 1)]),
        ("Two guards were wounded and taken to the clinic, where doctors said they were stable.",
         [("injured", 2)]),
    ],
)  # fmt: skip
def test_the_wounded_who_died_are_counted_dead(nlp, text, expected):
    assert counts(nlp, text) == expected


# --- one victim phrase, two harms ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The bomb went off in the market, killing and wounding over 30 people.",
         [("other", 30)]),
        ("Gunmen killed and wounded 14 villagers.", [("other", 14)]),
        ("Gunmen killed four people and wounded two.", [("killed", 4), ("injured", 2)]),
        ("Eleven people died and 30 were wounded in the blast.",
         [("killed", 11), ("injured", 30)]),
        ("The driver died and his wife was seriously injured.",
         [("killed", 1), ("injured", 1)]),
    ],
)  # fmt: skip
def test_harms_sharing_their_victims_count_casualties(nlp, text, expected):
    assert counts(nlp, text) == expected


def test_a_list_of_harm_nouns_is_not_added_up(nlp):
    text = "The riots have resulted in at least 9 deaths and about 40 injuries."
    assert counts(nlp, text) == [("killed", 9), ("injured", 40)]


# --- what a toll, a wound or a phrase counts ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The blast left a toll of two people wounded and several shops destroyed.",
         [("injured", 2)]),
        ("The death toll of the attack rose to 25.", [("killed", 25)]),
        ("Three passengers have bullet wounds.", [("injured", 3)]),
        ("The attackers stabbed two guards, causing deep wounds.", [("injured", 2)]),
        ("The men shot him and left him badly wounded.", [("injured", 1)]),
        ("No\none was hurt in the explosion.", [("injured", 0)]),
        ("Five people, including journalists and a camera crew, were wounded.",
         [("injured", 5)]),
        ("The troops said they killed an unspecified number of rebels.", []),
        ("Troops clashed with rebels and killed an unspecified number.", []),
        ("Those leaks are hurting the army and the president.", []),
        ("The bomb hurt five people.", [("injured", 5)]),
    ],
)  # fmt: skip
def test_what_is_counted(nlp, text, expected):
    assert counts(nlp, text) == expected


def test_the_last_subject_hung_on_a_relative_clause_is_still_a_victim(nlp):
    text = "Two guards who were escorting the judge and a passing student were hurt in the blast."
    assert counts(nlp, text)[0] == ("injured", 3)
    text = "Two guards who were escorting the judge were hurt in the blast."
    assert counts(nlp, text) == [("injured", 2)]


def test_a_count_listed_before_a_misparsed_participle_is_its_count(nlp):
    text = (
        "The minister has said that the terrorists who set off a bomb in the capital today "
        'that left 20 dead and more than 300 injured "deserve no mercy."'
    )
    assert counts(nlp, text) == [("killed", 20), ("injured", 300)]


def test_some_of_the_victims_described_report_no_harm(nlp):
    assert counts(nlp, "The doctor said three of the murdered farmers were brothers.") == []
    assert counts(nlp, "Three of the hostages were killed.") == [("killed", 3)]


# --- sums over periods and incidents -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Some 2,000 people die on the roads every year.",
        "The clinic treats an average of 15 wounded a day.",
        "Officials said 900 deaths per year are due to the feud.",
        "Since March 1982 there have been 9,000 deaths in the province.",
        "During the month of June there were about 90 deaths in the region.",
        "The army said 80 rebels had been killed in 120 clashes in May.",
        "Over 300 farmers were murdered in more than 20 massacres last year.",
        "Four people were killed in two attacks on Sunday.",
        "The fighting has left 2,000 dead in the past month.",
        "The group has killed 4,000 people over its 15-year history.",
        "The border war, which killed more than 5,000 people, ended in 1995.",
        "It was violence that has lasted ten years and killed 30,000 people.",
        "A revolt which began in 1985 and has claimed 5,000 lives goes on.",
    ],
)
def test_tolls_summed_over_periods_or_incidents_are_no_figures(nlp, text):
    assert counts(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Four people were killed in the attack on the bus.", [("killed", 4)]),
        ("A few days after the murder of the judge, his aide left.", [("killed", 1)]),
        ("The war became bloodier with the murder of three monks.", [("killed", 3)]),
        ("The offensive left 60 dead on Monday.", [("killed", 60)]),
        # a period before or after an incident is a distance in time, not a rate
        (
            "Troops killed 4 men a year after they massacred 12 miners.",
            [("killed", 4), ("killed", 12)],
        ),
    ],
)
def test_one_incident_is_still_counted(nlp, text, expected):
    assert counts(nlp, text) == expected
