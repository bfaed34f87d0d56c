"""The attribution stage on short sentences, one construction each (the session `nlp` runs it)."""

from __future__ import annotations

import pytest
from attribution_support import attributions_of as _attributions
from attribution_support import content_of as _content


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        ("Kremlin spokesperson Dmitry Peskov said on Tuesday that the two leaders would discuss trade.",
         "said", "Kremlin spokesperson Dmitry Peskov", "that the two leaders would discuss trade"),
        ("The two leaders arrived at the cosmodrome on Wednesday, Russian state media reported.",
         "reported", "Russian state media", "The two leaders arrived at the cosmodrome on Wednesday"),
        ("The talks will continue tomorrow, said the foreign minister.",
         "said", "the foreign minister", "The talks will continue tomorrow"),
        ("Moscow needs tanks and artillery, according to military experts.",
         "according to", "military experts", "Moscow needs tanks and artillery"),
        ("According to the ministry, the convoy was attacked near the border.",
         "According to", "the ministry", "the convoy was attacked near the border"),
        ("Putin told reporters that the summit was being held at the cosmodrome.",
         "told", "Putin", "that the summit was being held at the cosmodrome"),
        ("The Kremlin denied that troops had crossed the border.",
         "denied", "The Kremlin", "that troops had crossed the border"),
    ],
)
def test_component_finds_cue_source_and_content(nlp, text, cue, source, content):
    doc, found = _attributions(nlp, text)
    assert [a.cue for a in found] == [cue]
    a = found[0]
    assert (a.source_text, _content(text, a)) == (source, content)
    assert text[a.cue_start:a.cue_end] == cue
    assert text[a.source_start:a.source_end] == source


@pytest.mark.parametrize(
    ("text", "child_cue", "parent_cue"),
    [
        ("Putin told reporters that the summit was being held at the cosmodrome, "
         "RIA journalists reported on Telegram.", "told", "reported"),
        ("Peskov said on Tuesday that the two leaders would discuss trade and economic ties, "
         "but he also made a veiled reference to cooperation, according to Tass.", "said", "according to"),
    ],
)
def test_component_nests_inner_attribution(nlp, text, child_cue, parent_cue):
    _, found = _attributions(nlp, text)
    by_cue = {a.cue: a for a in found}
    assert by_cue[child_cue].parent == by_cue[parent_cue].id
    assert by_cue[parent_cue].parent is None


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("“We will never give up the fight,” the minister said.", True),
        ('"We will never give up the fight," the minister said.', True),
        ("The minister said that the army would never give up the fight.", False),
    ],
)
def test_component_quote_flag(nlp, text, quote):
    _, found = _attributions(nlp, text)
    assert [a.quote for a in found] == [quote]


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        ("RIA journalists reported on Telegram that the leaders had met.", "on Telegram"),
        ("The ministry said in a statement that the talks had failed.", "in a statement"),
        ("The ministry said on Tuesday that the talks had failed.", None),
    ],
)
def test_component_channel(nlp, text, channel):
    _, found = _attributions(nlp, text)
    assert [a.channel for a in found] == [channel]


@pytest.mark.parametrize(
    "text",
    [
        "He told a joke to the soldiers.",
        "The said agreement was signed in 2019.",
        "Kim has agreed to supply munitions to Russia.",
        "The leaders shook hands at the cosmodrome.",
    ],
)
def test_component_ignores_non_reporting_uses(nlp, text):
    _, found = _attributions(nlp, text)
    assert found == []


@pytest.mark.parametrize(
    "text",
    ["Officials said the talks failed. The army reported losses. Analysts claimed that Kim left, "
     "according to Tass."],
)
def test_component_ids_follow_cue_order(nlp, text):
    _, found = _attributions(nlp, text)
    assert [a.id for a in found] == [f"q{i + 1}" for i in range(len(found))]
    assert [a.cue_start for a in found] == sorted(a.cue_start for a in found)
    assert len(found) >= 3


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("The Kremlin disputed the claims of a Ukrainian offensive.", "disputed",
         "the claims of a Ukrainian offensive"),
        ("Officials disputed that the convoy was attacked.", "disputed", "that the convoy was attacked"),
        ("The ministry refuted that troops had crossed the border.", "refuted",
         "that troops had crossed the border"),
        ("The party disavowed the candidate's remarks.", "disavowed", "the candidate's remarks"),
        ("Russia admitted that its jets had struck the village.", "admitted",
         "that its jets had struck the village"),
    ],
)
def test_component_denials_and_admissions_are_cues(nlp, text, cue, content):
    _, found = _attributions(nlp, text)
    assert [(a.cue, _content(text, a)) for a in found] == [(cue, content)]
