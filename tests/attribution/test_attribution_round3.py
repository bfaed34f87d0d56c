"""The round-3 cue rules: mixed quotation marks, for-to demands, more stance adjectives, impersonal
judgements, transcript beliefs and newsroom labels that name no speaker."""

from __future__ import annotations

import pytest
from attribution_support import attributions_of as _found
from attribution_support import content_of as _content

from eventwire.attribution.quotes import find_quotes


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ('"We will win,” the mayor said.', [(0, 14)]),  # straight mark closed by a curly one
        ("“We will win,“ the mayor said.", [(0, 14)]),  # a closing mark typed as an opening one
        ("“We will win,\" the mayor said.", [(0, 14)]),
        ('He said“ no.', []),  # a mark facing shut opens nothing
    ],
)
def test_round3_mixed_quotation_marks(text, spans):
    assert find_quotes(text) == spans


def test_round3_mixed_marks_keep_the_cue_outside(nlp):
    text = '"The bridge is closed for good,” the mayor said on Monday.'
    _, found = _found(nlp, text)
    assert [a.cue for a in found] == ["said"]
    assert found[0].source_text == "the mayor"


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        ("The senator is calling for the state to raise its fuel taxes.", "calling", "The senator",
         "for the state to raise its fuel taxes"),
        ("Farmers were quick to condemn the new tariff.", "quick", "Farmers", "to condemn the new tariff"),
        ("The governor is leery of the pipeline deal.", "leery", "The governor", "the pipeline deal"),
        ("It is unclear whether the council will vote this week.", "unclear", None,
         "whether the council will vote this week"),
        ("The mayor was clear about her plans for the port.", "clear", "The mayor", "her plans for the port"),
        # putting out a text reports what it is about
        ("The union released a statement in support of the striking nurses.", "released a statement",
         "The union", "support of the striking nurses"),
        ("The campaign put out a statement contradicting the mayor's earlier remarks.", "put out a statement",
         "The campaign", "contradicting the mayor's earlier remarks"),
    ],
)
def test_round3_finds_new_cues(nlp, text, cue, source, content):
    _, found = _found(nlp, text)
    assert [a.cue for a in found] == [cue]
    assert (found[0].source_text, _content(text, found[0])) == (source, content)


@pytest.mark.parametrize(
    "text",
    [
        "It is clear skies over the valley today.",  # "clear" with no clause is no judgement
        "The road was clear of snow by noon.",  # a road holds no stance
    ],
)
def test_round3_skips_non_cues(nlp, text):
    _, found = _found(nlp, text)
    assert [a.cue for a in found] == []


def test_round3_interview_labels_are_no_speakers(nlp):
    text = "Q: What comes next for the plant?\n\nA: I think the owners will sell it this year.\n"
    _, found = _found(nlp, text)
    assert [(a.cue, a.source_text) for a in found] == [("think", "I")]


def test_round3_newsroom_label_is_no_speaker(nlp):
    text = "Editor's note: This story was changed to fix the date of the vote.\n"
    _, found = _found(nlp, text)
    assert [a.cue for a in found] == []


def test_round3_transcript_speaker_belief_is_kept(nlp):
    text = "SMITH: I think the mill will reopen once the river is dredged.\n"
    _, found = _found(nlp, text)
    assert [(a.cue, a.source_text) for a in found] == [(":", "SMITH"), ("think", "I")]


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        ("The painter is best known for her murals of the harbor.", "known", None, "her murals of the harbor"),
        ("The senator is widely seen as a moderate on trade.", "seen", None, "a moderate on trade"),
        ("The governor reportedly met the donors on Friday.", "reportedly", None,
         "The governor reportedly met the donors on Friday"),
        ("The union is hoping for a better offer.", "hoping", "The union", "a better offer"),
        ("The mayor is looking to cut the budget deficit.", "looking", "The mayor", "to cut the budget deficit"),
    ],
)
def test_round3_views_hearsay_and_aims(nlp, text, cue, source, content):
    _, found = _found(nlp, text)
    assert [a.cue for a in found] == [cue]
    assert (found[0].source_text, _content(text, found[0])) == (source, content)


def test_round3_endorsement_needs_no_holder(nlp):
    text = "The endorsement of the plan by the union came late."
    _, found = _found(nlp, text)
    assert [a.cue for a in found] == ["endorsement"]


def test_round3_raising_verb_names_its_person(nlp):
    text = "Mayor Rosa Lopez seemed to confirm the closure of the plant."
    _, found = _found(nlp, text)
    assert [(a.cue, a.source_text) for a in found] == [("seemed", "Mayor Rosa Lopez")]


def test_round3_raising_verb_of_a_thing_has_no_source(nlp):
    text = "The truce seems fragile after the shelling."
    _, found = _found(nlp, text)
    assert [(a.cue, a.source_text) for a in found] == [("seems", None)]


def test_round3_looks_of_a_thing_report_nothing(nlp):
    text = "The bridge looks old and the paint is peeling."
    _, found = _found(nlp, text)
    assert found == []


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        ("Reporters asked the mayor if she would run again.", "asked", "Reporters", "if she would run again"),
        ("He spoke in Miami as he looked to win over Cuban voters.", "looked", "he", "to win over Cuban voters"),
        ("The senator touched on the budget in her speech.", "touched", "The senator", "the budget"),
        ("His support among rural voters has faded.", "support", "rural voters", "His"),
    ],
)
def test_round3_questions_aims_topics_and_polled_groups(nlp, text, cue, source, content):
    _, found = _found(nlp, text)
    item = next(a for a in found if a.cue == cue)
    assert (item.source_text, _content(text, item)) == (source, content)


def test_round3_passive_topic_needs_a_verb_aimed_at_someone(nlp):
    text = "Turnout was talked about for weeks."  # no hearer or target: nothing reported
    _, found = _found(nlp, text)
    assert found == []


def test_round3_vote_names_what_was_voted_for(nlp):
    text = "The senator voted against the farm bill."
    _, found = _found(nlp, text)
    assert [(a.cue, a.source_text, _content(text, a)) for a in found] == [("voted", "The senator", "the farm bill")]


@pytest.mark.parametrize(
    "text",
    [
        "The police released a video of the news conference.",  # a video shows; it says nothing
        "The council issued a statement on Monday.",  # a date is no topic
        "The ministry issued a statement saying the talks had failed.",  # "saying" is the cue
        "The minister released a statement to reporters.",  # the hearers are no topic
    ],
)
def test_round3_putting_out_a_text_needs_a_topic(nlp, text):
    _, found = _found(nlp, text)
    assert all(not a.cue.startswith(("released", "issued")) for a in found)


def test_round3_a_date_is_no_topic(nlp):
    # "complained on Monday" names when, not what: no topic, no attribution
    _, found = _found(nlp, "The council complained on Monday.")
    assert found == []


def test_round3_that_clause_after_an_opening_quote_is_the_content(nlp):
    text = "Fox News reported on Thursday that “agents are looking at the code.”"
    _, found = _found(nlp, text)
    assert [a.cue for a in found] == ["reported"]
    assert _content(text, found[0]).startswith("“agents are looking")


def test_round3_source_starts_after_the_closing_quotation(nlp):
    text = "“They are very principled,” Sarandon, 69, told the radio station on Monday."
    _, found = _found(nlp, text)
    assert [a.source_text for a in found] == ["Sarandon, 69"]
