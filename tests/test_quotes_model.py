"""Quotes with the installed spaCy weights (marked `model`): the example article and texts
written for these tests (issue 6)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.ingest import read_inputs
from dateline.nlp import load_pipeline
from dateline.options import Options
from dateline.pipeline import extract, make_doc
from dateline.record import Article

pytestmark = [pytest.mark.model, pytest.mark.issue(6)]

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "articles" / "000_9687f610f3c770fd.txt"


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(Options())


def quotes_of(nlp, text: str, **article):
    doc = nlp(make_doc(nlp, Article(source="t", text=text, **article)))
    return [(q, text[q.start : q.end]) for q in doc._.dateline_quotes]


def test_the_example_statement_is_found_whole_with_the_embassy_as_speaker(nlp):
    [result] = list(extract(str(EXAMPLE), nlp=nlp))
    text = result.article.text
    [quote] = result.quotes
    content = text[quote.start : quote.end]
    assert content.startswith("Today, we join the people of Azerbaijan")
    assert content.endswith("building lasting peace for future generations.")
    assert quote.kind == "direct"
    assert quote.speaker.name == "Embassy of the United States in Azerbaijan"
    assert text[quote.speaker.start : quote.speaker.end] == "the statement"
    assert quote.cue.text == ":"


def test_the_example_record_serialises_its_quote(nlp):
    [item] = list(read_inputs([str(EXAMPLE)], Options()))
    [result] = list(extract(item.article, nlp=nlp))
    record = result.to_dict()
    assert record["quotes"][0]["speaker"]["name"] == "Embassy of the United States in Azerbaijan"


def test_a_statement_introduced_by_a_colon_speaks_for_its_issuer(nlp):
    text = (
        "The Red Cross released a statement on Friday after the convoy was stopped.\n\n"
        "The statement reads:\n\n"
        "“Our teams were turned back at the checkpoint. We call on all parties to let aid through.”"
    )
    [(quote, content)] = quotes_of(nlp, text)
    assert content.startswith("Our teams were turned back") and content.endswith("let aid through.")
    assert quote.speaker.name == "Red Cross"


def test_said_before_and_after_and_a_second_sentence_in_the_same_paragraph(nlp):
    text = (
        "“The bridge will reopen in May,” said Transport Minister Lena Ortiz. "
        "“We have the money.”\n\n"
        "Ortiz told reporters: “Nobody will pay a toll.”"
    )
    found = quotes_of(nlp, text)
    assert [c for _, c in found] == [
        "The bridge will reopen in May,",
        "We have the money.",
        "Nobody will pay a toll.",
    ]
    assert [q.speaker.name for q, _ in found] == ["Lena Ortiz", "Lena Ortiz", "Ortiz"]
    assert [q.cue.text for q, _ in found] == ["said", "said", "told"]


def test_a_quote_over_two_paragraphs_is_one_quote(nlp):
    text = (
        "The general spoke at length.\n\n“We lost many men in the first week,” he said. "
        "“The winter was hard.\n\n"
        "“But the line held and it will hold.”\n\nThe briefing ended at noon."
    )
    found = quotes_of(nlp, text)
    assert found[-1][1] == "The winter was hard.\n\n“But the line held and it will hold."


def test_indirect_mixed_and_according_to(nlp):
    text = (
        "Police said that three suspects had been arrested. According to the prosecutor, the men "
        "will appear in court on Monday. The mayor said the arrests were "
        "“a relief for the whole city.”"
    )
    found = {content: q for q, content in quotes_of(nlp, text)}
    assert found["that three suspects had been arrested"].kind == "indirect"
    assert found["the men will appear in court on Monday"].cue.text == "According to"
    mixed = next(q for content, q in found.items() if content.startswith("the arrests were"))
    assert mixed.kind == "mixed" and mixed.speaker.name == "mayor"


def test_a_pronoun_speaker_resolves_to_the_person_quoted_before(nlp):
    text = (
        "Maria Chen, the charity's director, visited the camp on Tuesday. “Food is running out,” "
        "Chen said. She added that 2,000 families had arrived since March."
    )
    found = quotes_of(nlp, text)
    added = next(q for q, content in found if content.startswith("that 2,000 families"))
    assert added.speaker.name == "Chen" and text[added.speaker.start : added.speaker.end] == "She"


def test_scare_quotes_and_titles_are_not_quotes(nlp):
    text = "The so-called “peace plan” was discussed on “Meet the Press” by the envoy on Sunday."
    assert quotes_of(nlp, text) == []


def test_bad_input_gives_no_runaway_quote(nlp):
    text = (
        "“Villagers Flee As ‘Ceasefire’ Collapses”\n\n"
        "The 6'2\" commander, who fought in the ’90s, said the so-called “truce” was over. "
        "“We will not leave, he said, standing at the gate.\n\n"
        + "Shelling went on through the night and the roads stayed closed. " * 30
        + "\n\nA spokesman said: “They told us ‘wait’ and we waited,” before leaving."
    )
    doc = nlp(make_doc(nlp, Article(source="t", text=text)))
    found = doc._.dateline_quotes
    assert all(q.end - q.start < 200 for q in found)  # the unclosed quote stops at its paragraph
    assert [p.code for p in doc._.dateline_problems] == ["unbalanced_quote"]
    assert not any(text[q.start : q.end] == "truce" for q in found)
    last = next(q for q in found if text[q.start : q.end].startswith("They told us"))
    assert last.speaker.name == "spokesman"


def test_quotes_signed_with_a_dash_and_transcript_labels(nlp):
    text = (
        "Readers wrote in after the vote.\n\n"
        "“The new bridge saved me an hour every day.” ― Tomas Berg\n\n"
        "HOST: Minister, will the tolls come back next year?\n\n"
        "ORTIZ: No, there will be no tolls while I hold this office."
    )
    found = quotes_of(nlp, text)
    signed = next(q for q, c in found if c.startswith("The new bridge"))
    assert (signed.speaker.name, signed.cue.text) == ("Tomas Berg", "―")
    answer = next(q for q, c in found if c.startswith("No, there will be"))
    assert (answer.speaker.name, answer.cue.text, answer.kind) == ("ORTIZ", ":", "direct")


def test_stance_verbs_report_their_object(nlp):
    text = "The union called for a general strike. The governor plans to veto the budget."
    found = {c: q for q, c in quotes_of(nlp, text)}
    assert found["a general strike"].speaker.name == "union"
    assert found["to veto the budget"].cue.text == "plans"


def test_a_stance_adjective_with_a_clause_is_an_attribution(nlp):
    text = "The mayor is confident that the bridge will open in May."
    [(quote, content)] = quotes_of(nlp, text)
    assert content == "that the bridge will open in May"
    assert (quote.cue.text, quote.speaker.name) == ("confident", "mayor")


def test_a_clause_interrupted_by_its_cue_comes_in_two_pieces(nlp):
    text = "The new bridge, the mayor said on Tuesday, will open in May."
    found = quotes_of(nlp, text)
    assert [c for _, c in found] == ["The new bridge", "will open in May"]
    assert {(q.cue.text, q.speaker.name) for q, _ in found} == {("said", "mayor")}


def test_a_cue_after_its_clause_takes_the_clause_before_it(nlp):
    [(quote, content)] = quotes_of(nlp, "The harbour will close for repairs, officials said.")
    assert content == "The harbour will close for repairs"
    assert quote.speaker.name == "officials"


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The senator accused the governor of hiding the report.",
            "the governor of hiding the report",
        ),
        ("Critics likened the new tax to theft.", "the new tax to theft"),
        (
            "The chairman blamed the contractor for the delays during a meeting on Monday.",
            "the contractor for the delays",
        ),
    ],
)
def test_a_stance_verbs_object_keeps_the_phrase_that_completes_it(nlp, text, expected):
    assert [c for _, c in quotes_of(nlp, text)] == [expected]


def test_a_closing_aside_after_a_comma_is_the_writers_not_the_sources(nlp):
    found = quotes_of(
        nlp, "The company said that sales rose in March, citing strong demand in Asia."
    )
    assert found[0][1] == "that sales rose in March"
    [(_, content)] = quotes_of(
        nlp, "The union welcomed the offer, which the owners made on Friday."
    )
    assert content == "the offer"


def test_a_participle_before_its_cue_is_the_sources_toll(nlp):
    [(_, content)] = quotes_of(
        nlp, "A car bomb exploded at a market on Monday, killing 12 people, police said."
    )
    assert content == "A car bomb exploded at a market on Monday, killing 12 people"


@pytest.mark.parametrize(
    "text, content, cue, speaker",
    [
        (
            "Mayor Ana Lopez repeated her claim that the bridge was safe.",
            "that the bridge was safe",
            "claim",
            "Ana Lopez",
        ),
        (
            "The senator's warning that the dam could fail was ignored.",
            "that the dam could fail",
            "warning",
            "senator",
        ),
        (
            "Officials ignored the governor's decision to close the schools.",
            "to close the schools",
            "decision",
            "governor",
        ),
    ],
)
def test_a_noun_of_speech_or_resolve_with_its_clause_is_an_attribution(
    nlp, text, content, cue, speaker
):
    [(quote, found)] = quotes_of(nlp, text)
    assert (found, quote.cue.text, quote.speaker.name) == (content, cue, speaker)


def test_a_plain_undertaking_is_not_an_attribution(nlp):
    assert quotes_of(nlp, "The company made an effort to cut costs.") == []


@pytest.mark.parametrize(
    "text, content, cue, mention",
    [
        ("In his view, the tax is unfair.", "the tax is unfair", "In", "his"),
        (
            "In a new poll, the governor leads by five points.",
            "the governor leads by five points",
            "In",
            "a new poll",
        ),
        (
            "By one estimate, 300 homes burned in the fire.",
            "300 homes burned in the fire",
            "By",
            "one estimate",
        ),
    ],
)
def test_a_phrase_naming_whose_view_opens_the_clause_it_attributes(
    nlp, text, content, cue, mention
):
    [(quote, found)] = quotes_of(nlp, text)
    assert (found, quote.cue.text) == (content, cue)
    assert text[quote.speaker.start : quote.speaker.end] == mention


def test_a_statement_phrase_before_a_reporting_verb_gives_one_quote(nlp):
    [(quote, found)] = quotes_of(nlp, "In a statement, the ministry said the talks had failed.")
    assert (found, quote.cue.text) == ("the talks had failed", "said")


def test_telling_someone_to_act_reports_the_listener_and_the_task(nlp):
    [(quote, content)] = quotes_of(
        nlp, "The president told his advisers to find a way around Congress."
    )
    assert (content, quote.cue.text, quote.speaker.name) == (
        "his advisers to find a way around Congress",
        "told",
        "president",
    )


def test_asking_about_something_reports_what_was_asked_about(nlp):
    [(quote, content)] = quotes_of(nlp, "The reporter asked the minister about the missing funds.")
    assert (content, quote.cue.text) == ("the missing funds", "asked")
    [(quote, content)] = quotes_of(
        nlp, "The mayor told reporters on Monday that the road was safe."
    )
    assert content == "that the road was safe"


def test_a_mixed_quote_runs_on_to_the_closing_mark_past_sentence_breaks(nlp):
    text = 'The mayor said that the plan was "a disaster from the start. It will never work."'
    [(quote, content)] = quotes_of(nlp, text)
    assert quote.kind == "mixed"
    assert content == 'that the plan was "a disaster from the start. It will never work.'


def test_a_transcript_typed_inside_quote_marks_is_its_speakers_lines(nlp):
    text = (
        "Part of the interview follows.\n\n"
        '"HOST: Minister, will the tolls come back next year?\n\n'
        '"ORTIZ: No, there will be no tolls while I hold this office.\n\n'
        '"HOST: Thank you for your time."'
    )
    found = quotes_of(nlp, text)
    assert [(q.speaker.name, c) for q, c in found] == [
        ("HOST", "Minister, will the tolls come back next year"),
        ("ORTIZ", "No, there will be no tolls while I hold this office"),
        ("HOST", "Thank you for your time"),
    ]


@pytest.mark.parametrize(
    "text, cue, speaker",
    [
        ("The court ruled that the law was invalid.", "ruled", "court"),
        (
            "Investigators discovered that the accounts had been emptied.",
            "discovered",
            "Investigators",
        ),
    ],
)
def test_any_verb_with_a_that_clause_and_a_subject_reports_a_view(nlp, text, cue, speaker):
    [(quote, content)] = quotes_of(nlp, text)
    assert content.split()[0] in ("that", "whether")
    assert (quote.cue.text, quote.speaker.name) == (cue, speaker)


@pytest.mark.parametrize(
    "text",
    [
        "The new rules ensure that every vote is counted.",
        "It means that the bridge will stay closed.",
    ],
)
def test_a_that_clause_of_condition_or_consequence_is_no_view(nlp, text):
    assert quotes_of(nlp, text) == []


@pytest.mark.parametrize(
    "text, pieces, cue",
    [
        (
            "The governor is expected to sign the bill on Friday.",
            ["The governor", "to sign the bill on Friday"],
            "expected",
        ),
        (
            "The minister was accused of hiding the report.",
            ["The minister", "hiding the report"],
            "accused",
        ),
    ],
)
def test_a_passive_cue_reports_its_subject_and_complement_in_two_pieces(nlp, text, pieces, cue):
    found = quotes_of(nlp, text)
    assert [c for _, c in found] == pieces
    assert {q.cue.text for q, _ in found} == {cue}
    assert all(q.speaker is None for q, _ in found)  # nobody named: a view held, by whom untold


def test_a_passive_cues_agent_is_its_source(nlp):
    found = quotes_of(nlp, "The mayor was praised by residents for reopening the bridge.")
    assert [c for _, c in found] == ["The mayor", "reopening the bridge"]
    assert {q.speaker.name for q, _ in found} == {"residents"}


@pytest.mark.parametrize(
    "text, content, cue",
    [
        (
            "As the mayor said on Monday, the bridge will open in May.",
            "the bridge will open in May",
            "said",
        ),
        (
            "The bridge will open in May, as the mayor noted.",
            "The bridge will open in May",
            "noted",
        ),
    ],
)
def test_as_the_source_said_reports_the_clause_it_hangs_on(nlp, text, content, cue):
    [(quote, found)] = quotes_of(nlp, text)
    assert (found, quote.cue.text, quote.speaker.name) == (content, cue, "mayor")


def test_as_of_time_with_a_reporting_verb_reports_its_own_object(nlp):
    found = quotes_of(nlp, "The crowd cheered as the mayor praised the firefighters.")
    assert [c for _, c in found] == ["the firefighters"]


@pytest.mark.parametrize(
    "text, content, speaker",
    [
        (
            "Mayor Ana Lopez said she plans to rebuild the old bridge next year.",
            "she plans to rebuild the old bridge next year",
            "Ana Lopez",
        ),
        (
            "The ministry said it expects the talks to resume in June.",
            "it expects the talks to resume in June",
            "ministry",
        ),
    ],
)
def test_a_source_restating_its_own_report_is_one_quote(nlp, text, content, speaker):
    [(quote, found)] = quotes_of(nlp, text)
    assert (found, quote.speaker.name) == (content, speaker)


def test_a_report_of_another_sources_claim_keeps_both(nlp):
    text = "Police said the rebels claimed that forty soldiers died in the attack."
    found = {c: q for q, c in quotes_of(nlp, text)}
    assert (
        found["the rebels claimed that forty soldiers died in the attack"].speaker.name == "Police"
    )
    assert found["that forty soldiers died in the attack"].speaker.name == "rebels"


def test_verbs_of_doing_are_not_reports(nlp):
    assert quotes_of(nlp, "The suspect refused to drop the gun.") == []
    assert quotes_of(nlp, "The bank offered the family a loan.") == []


def test_a_cue_after_a_long_titled_speaker_is_still_the_quotes(nlp):
    text = (
        '"The bridge will reopen in May," Lena Ortiz, the transport minister of the northern '
        "province and a former civil engineer, said on Tuesday."
    )
    [(quote, content)] = quotes_of(nlp, text)
    assert (content, quote.cue.text, quote.speaker.name) == (
        "The bridge will reopen in May,",
        "said",
        "Lena Ortiz",
    )


def test_a_far_cue_that_reports_a_clause_of_its_own_leaves_a_quoted_title_alone(nlp):
    text = (
        'On this week\'s broadcast of "Morning Report," the transport minister of the northern '
        "province, Lena Ortiz, said her ministry would cut the tolls."
    )
    assert [c for _, c in quotes_of(nlp, text)] == ["her ministry would cut the tolls"]


def test_a_clause_after_a_semicolon_is_not_the_sources(nlp):
    text = "The mayor said the delay was not deliberate; the council learned of it on Friday."
    [(_, content)] = quotes_of(nlp, text)
    assert content == "the delay was not deliberate"


@pytest.mark.parametrize(
    "text, content, cue, speaker",
    [
        (
            "The governor has been critical of the new tax plan.",
            "the new tax plan",
            "critical",
            "governor",
        ),
        ("Farmers are worried about the cost of fuel.", "the cost of fuel", "worried", "Farmers"),
        ("The union is eager to resume the talks.", "to resume the talks", "eager", "union"),
    ],
)
def test_an_adjective_of_attitude_reports_its_object(nlp, text, content, cue, speaker):
    [(quote, found)] = quotes_of(nlp, text)
    assert (found, quote.cue.text, quote.speaker.name) == (content, cue, speaker)


def test_an_adjective_of_description_reports_nothing(nlp):
    assert quotes_of(nlp, "The road along the river is wide and new.") == []


def test_an_impersonal_passive_report_has_its_clause_and_no_speaker(nlp):
    [(quote, content)] = quotes_of(nlp, "It was reported that the talks had failed.")
    assert (content, quote.cue.text, quote.speaker) == (
        "that the talks had failed",
        "reported",
        None,
    )
