"""Round-3 cue rules: objects as content, verbs that put content forward, hearers that are no content."""

from __future__ import annotations

import pytest
from attribution_support import attributions_of as _found
from attribution_support import content_of as _content


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        ("The governor predicted a narrow win in Ohio.", "predicted", "The governor", "a narrow win in Ohio"),
        ("The mayor offered no evidence for the charge.", "offered", "The mayor", "no evidence for the charge"),
        ("The senator shares her new tax plan.", "shares", "The senator", "her new tax plan"),
        ("Most farmers prefer the incumbent.", "prefer", "Most farmers", "the incumbent"),
    ],
)
def test_objects_held_object_is_content(nlp, text, cue, source, content):
    _, found = _found(nlp, text)
    item = next(a for a in found if a.cue == cue)
    assert (item.source_text, _content(text, item)) == (source, content)


def test_objects_hearer_is_not_content(nlp):
    text = "“We will not give up the port,” the admiral told Reuters on Monday."
    _, found = _found(nlp, text)
    told = next(a for a in found if a.cue == "told")
    assert told.source_text == "the admiral"
    assert _content(text, told) == "“We will not give up the port,”"
    assert told.quote


@pytest.mark.parametrize(
    "text",
    [
        "The embassy posted a message.",  # the object names the medium, not what it said
        "Last year offered few surprises.",  # a date puts nothing forward
    ],
)
def test_objects_skip_medium_and_non_holders(nlp, text):
    _, found = _found(nlp, text)
    assert found == []


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        ("As the local paper reported, the factory will close in May.", "reported", "the local paper",
         "the factory will close in May"),
        ("The factory will close in May, as the union noted.", "noted", "the union",
         "The factory will close in May"),
        ("The closure was first reported by the local paper.", "reported", "the local paper", "The closure"),
        ("The new budget was criticized on Monday.", "criticized", None, "The new budget"),
        ("The minister tweeted: “We will rebuild the bridge.”", "tweeted", "The minister",
         "“We will rebuild the bridge.”"),
        ("The rebels claimed to control the airport.", "claimed", "The rebels", "to control the airport"),
        ("The ceasefire seems fragile.", "seems", None, "fragile"),
    ],
)
def test_objects_as_clause_passive_colon_infinitive(nlp, text, cue, source, content):
    _, found = _found(nlp, text)
    item = next(a for a in found if a.cue == cue)
    assert (item.source_text, _content(text, item)) == (source, content)


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        ("The opposition leader ridiculed the new budget.", "ridiculed", "The opposition leader"),
        ("The senator balked at the cost of the bridge.", "balked", "The senator"),
        ("The farmers' union championed the new subsidy.", "championed", "The farmers' union"),
        ("The mayor envisions a city without cars.", "envisions", "The mayor"),
    ],
)
def test_objects_judgement_topic_and_stance_verbs(nlp, text, cue, source):
    _, found = _found(nlp, text)
    item = next(a for a in found if a.cue == cue)
    assert item.source_text == source


def test_objects_participle_of_same_speaker_stays_nested(nlp):
    text = "The governor insisted that the plant was safe, calling the protests a stunt."
    _, found = _found(nlp, text)
    assert [a.cue for a in found] == ["insisted", "calling"]


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        ("The council issued a report welcoming the plan and calling for new bus lanes.", "calling", "a report"),
        ("Officials citing the new figures warned of a recession.", "citing", "Officials"),
    ],
)
def test_objects_active_participle_takes_its_noun_as_source(nlp, text, cue, source):
    _, found = _found(nlp, text)
    item = next(a for a in found if a.cue == cue)
    assert item.source_text == source


@pytest.mark.parametrize(
    "text",
    [
        "Clinton continues to lead in the polls.",  # "continue" with an infinitive reports nothing
        "The graduate found a job in Ohio.",  # nor "find" with a plain object
        "The senator spoke to reporters at the airport.",  # the hearers are no topic
        "Iowa: Cruz 28 percent, Trump 24 percent, Rubio 17 percent.",  # a place heads a list of results
    ],
)
def test_objects_skip_plain_objects_hearers_and_place_labels(nlp, text):
    _, found = _found(nlp, text)
    assert found == []


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        ("The bill is supported by most farmers.", "supported", "most farmers", "The bill"),
        ("Several towns that oppose the new pipeline have sued the state.", "oppose", "that", "the new pipeline"),
        ("About 40 percent favor the new tax.", "favor", "About 40 percent", "the new tax"),
        ("These are figures any voter can understand.", "understand", "any voter", "figures"),
        ("The union pushed for a shorter week.", "pushed", "The union", "a shorter week"),
    ],
)
def test_objects_stance_passive_relative_and_poll_holders(nlp, text, cue, source, content):
    _, found = _found(nlp, text)
    item = next(a for a in found if a.cue == cue)
    assert (item.source_text, _content(text, item)) == (source, content)


def test_objects_participle_of_outer_speaker_takes_outer_subject(nlp):
    text = "The governor said she plans to rebuild the bridge, insisting that the money is there."
    _, found = _found(nlp, text)
    insisting = next(a for a in found if a.cue == "insisting")
    assert insisting.source_text == "The governor"


def test_objects_apposed_name_before_subjectless_verb_is_speaker():
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from eventwire.attribution.extract import _apposed_speaker

    # the parse the model gives "Alarmed by the unrest, Senator Reid, the leader, said ...": the name
    # hangs on "unrest" as a conjunct, so "said" has no subject of its own.
    words = ["Alarmed", "by", "unrest", ",", "Senator", "Reid", ",", "the", "leader", ",", "said", "it", "ended"]
    heads = [10, 0, 1, 2, 5, 2, 5, 8, 5, 10, 10, 12, 10]
    deps = ["advcl", "agent", "pobj", "punct", "compound", "conj", "punct", "det", "appos", "punct", "ROOT",
            "nsubj", "ccomp"]
    pos = ["VERB", "ADP", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB", "PRON", "VERB"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)
    assert _apposed_speaker(doc[10]).text == "Reid"


def test_objects_medium_noun_is_no_cue_of_its_own(nlp):
    text = "Jane Roe, a spokeswoman for the party, said in a statement that the vote was fair."
    _, found = _found(nlp, text)
    assert [a.cue for a in found] == ["said"]
    assert _content(text, found[0]) == "that the vote was fair"


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        ("The mayor made the case for a new stadium.", "made", "The mayor", "a new stadium"),
        ("The union has doubts about the new contract.", "has", "The union", "the new contract"),
        ("The envoy made it clear that the talks were over.", "made", "The envoy", "that the talks were over"),
        ("The senator took issue with the budget.", "took", "The senator", "the budget"),
    ],
)
def test_objects_light_verb_with_speech_or_stance_noun(nlp, text, cue, source, content):
    _, found = _found(nlp, text)
    item = next(a for a in found if a.cue == cue)
    assert (item.source_text, _content(text, item)) == (source, content)


@pytest.mark.parametrize("text", ["The mayor made a new stadium.", "The union has a new contract."])
def test_objects_light_verb_with_plain_noun_is_no_cue(nlp, text):
    _, found = _found(nlp, text)
    assert found == []


def test_objects_poll_named_after_in_is_source(nlp):
    text = "The governor leads his rival by nine points in the latest Quinnipiac poll."
    _, found = _found(nlp, text)
    item = next(a for a in found if a.cue == "in")
    assert item.source_text == "the latest Quinnipiac poll"
    assert _content(text, item) == "The governor leads his rival by nine points"


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        ("Criticism of the new plan grew last week.", "Criticism", None),
        ("There are growing concerns about the dam.", "concerns", None),
    ],
)
def test_objects_criticism_and_concern_nouns(nlp, text, cue, source):
    _, found = _found(nlp, text)
    item = next(a for a in found if a.cue == cue)
    assert item.source_text == source


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        ("The farmers were frustrated that the dam was delayed again.", "frustrated", "The farmers"),
        ("The voters sound hopeful about the new mayor.", "sound", None),
        ("The mayor is hoping to finish the bridge by May.", "hoping", "The mayor"),
    ],
)
def test_objects_feelings_and_hopes(nlp, text, cue, source):
    _, found = _found(nlp, text)
    item = next(a for a in found if a.cue == cue)
    assert item.source_text == source


def test_objects_known_as_names_the_content(nlp):
    text = "The reform, known as the Fair Wage Act, passed in May."
    _, found = _found(nlp, text)
    item = next(a for a in found if a.cue == "known")
    assert (item.source_text, _content(text, item)) == (None, "the Fair Wage Act")


def test_objects_light_verb_hold_and_draw(nlp):
    text = "The minister holds the view that the tax is unfair."
    _, found = _found(nlp, text)
    item = next(a for a in found if a.cue == "holds")
    assert (item.source_text, _content(text, item)) == ("The minister", "that the tax is unfair")


def test_objects_conjunct_with_own_subject_ends_the_report(nlp):
    """", and he railed ..." after a reported clause is the writer's next statement, with its own speaker."""
    text = "Officials said the real cost of the plan is higher, and they criticized the council for its silence."
    _, found = _found(nlp, text)
    said = next(a for a in found if a.cue == "said")
    assert _content(text, said) == "the real cost of the plan is higher"
    criticized = next(a for a in found if a.cue == "criticized")
    assert criticized.source_text == "they"


def test_objects_repeated_complementiser_stays_reported(nlp):
    text = "The minister said the risk was low, and that people should worry more about the roads."
    _, found = _found(nlp, text)
    said = next(a for a in found if a.cue == "said")
    assert _content(text, said).endswith("about the roads")


def test_objects_conjunct_speech_act_keeps_its_own_subject(nlp):
    """A verb of saying conjoined with its own subject is that subject's, not the outer speaker's."""
    text = "The Journal said the party should drop Haley, and Trump later called Haley weak on immigration."
    _, found = _found(nlp, text)
    called = next(a for a in found if a.cue == "called")
    assert called.source_text == "Trump"
