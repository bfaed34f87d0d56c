"""The round-2 cue rules: attitude verbs, findings, poll openers, headline colons, pronoun sources."""

from __future__ import annotations

import pytest
from attribution_support import attributions_of as _found
from attribution_support import content_of as _content


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        ("Analysts believe that the talks will fail.", "believe", "Analysts", "that the talks will fail"),
        ("He thinks the talks will fail.", "thinks", "He", "the talks will fail"),
        ("Clinton wants to raise the minimum wage.", "wants", "Clinton", "to raise the minimum wage"),
        ("Trump complained about the debate moderators.", "complained", "Trump", "the debate moderators"),
        ("Graham has been critical of the deal.", "critical", "Graham", "the deal"),
        ("Trump attacked Clinton for her vote on the war.", "attacked", "Trump", "Clinton for her vote on the war"),
        ("Transcript:\n\n“WALLACE: Let us start with the debate tonight.”", ":", "WALLACE",
         "Let us start with the debate tonight."),
        ("The Kremlin declined to comment on the talks.", "declined", "The Kremlin",
         "to comment on the talks"),
        ("Kim is expected to visit Moscow next year.", "expected", None, "to visit Moscow next year"),
        ("A new poll shows Trump ahead in Ohio.", "shows", "A new poll", "Trump ahead in Ohio"),
        ("In a new CNN poll, 40 percent of voters backed the plan.", "In", "a new CNN poll",
         "40 percent of voters backed the plan"),
        ("The senator decided to run for governor.", "decided", "The senator", "to run for governor"),
        ("Trump focused on trade in his speech.", "focused", "Trump", "trade"),
        ("Two-thirds oppose the new tax.", "oppose", "Two-thirds", "the new tax"),
    ],
)
def test_rules_find_new_cue_types(nlp, text, cue, source, content):
    _, found = _found(nlp, text)
    assert [a.cue for a in found] == [cue]
    assert (found[0].source_text, _content(text, found[0])) == (source, content)


@pytest.mark.parametrize(
    "text",
    [
        "Voters want lower taxes.",  # "want" with an object is no report
        "Russian troops attacked the town at dawn.",  # a physical attack, not a verbal one
        "The ministry wrote a letter.",  # a verb of saying with a plain object and no topic
        "A new study of the region was published in Ohio.",  # evidence noun without a finding verb
        "In a new building, 40 people gathered for the meeting.",  # "in" without a poll
    ],
)
def test_rules_skip_non_cues(nlp, text):
    _, found = _found(nlp, text)
    assert found == []


def test_rules_skip_hedge_inside_quotation(nlp):
    text = "“I think the talks will fail,” Putin said."
    _, found = _found(nlp, text)
    assert [a.cue for a in found] == ["said"]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Poll: Trump leads in Ohio.\n\nThe race is close, analysts said.", "Poll"),
        ("Pundits agree - Jim Smith: “The race is over and the voters know it.”", "Jim Smith"),
        # headline style: the speaker, then the audience, venue or topic
        ("Warren to Union Members: We Will Win This Fight.\n\nSen. Elizabeth Warren spoke in Ohio.", "Warren"),
        ("Former Governor Haley at Convention: The Party Must Change.\n\nShe spoke for an hour.",
         "Former Governor Haley"),
        ("CNN Anchor On Debate: ‘Nobody Won Tonight.’\n\nThe anchor spoke after the debate.", "CNN Anchor"),
        # a tagger that misreads a headline's name or capitals does not hide the speaker
        ("OBAMAWATCH: The President Heads To Iowa Again.\n\nThe trip is his third.", "OBAMAWATCH"),
    ],
)
def test_rules_colon_after_line_start_or_dash(nlp, text, source):
    _, found = _found(nlp, text)
    colon = [a for a in found if a.cue == ":"]
    assert [a.source_text for a in colon] == [source]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Vladimir Putin met Kim Jong Un on Wednesday. He said that the talks had been useful.",
         "Vladimir Putin"),
        ("Kim Jong Un arrived in Moscow on Tuesday. She said that the visit was a success.", "Kim Jong-un"),
    ],
)
def test_rules_pronoun_source_resolves_to_person_actor(nlp, text, speaker):
    doc, found = _found(nlp, text)
    names = {a.id: a.name for a in doc._.ew_actors}
    said = next(a for a in found if a.cue == "said")
    assert said.source_text in ("He", "She")
    assert names[said.source] == speaker


def test_rules_relative_pronoun_source_resolves_to_antecedent(nlp):
    text = "Vladimir Putin, who told reporters that the talks failed, left early."
    doc, found = _found(nlp, text)
    names = {a.id: a.name for a in doc._.ew_actors}
    told = next(a for a in found if a.cue == "told")
    assert told.source_text == "who"
    assert names[told.source] == "Vladimir Putin"
