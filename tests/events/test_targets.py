"""Tests of the round-3 role rules: authors of texts and of things acted upon, object control, joint
subjects through a possessor, between-objects, the conditions of threats, demand nouns and the place where
a request is made."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from spacy.tokens import Doc

from eventwire.events.component import _violent
from eventwire.events.lexicon import load_lexicon
from eventwire.events.roles import ActorIndex, Roles, _maker, objects
from eventwire.events.status import modality
from eventwire.schema import Actor, Mention

sys.path.insert(0, str(Path(__file__).resolve().parent))

from annotate import annotate, coded_events  # noqa: E402


def _state(name: str, code: str) -> tuple:
    return (name, code, None, "state", name)


ALBANIA, SERBIA, ITALY = _state("Albania", "ALB"), _state("Serbia", "SRB"), _state("Italy", "ITA")
RUSSIA, UKRAINE = _state("Russia", "RUS"), _state("Ukraine", "UKR")


def _coded(nlp, stage, text, actors, places=()):
    return [row[:3] for row in coded_events(nlp, stage, text, actors=actors, places=places)]


@pytest.mark.parametrize(("text", "actors", "want"), [
    # the author of a text that acts, and of a thing acted upon
    ("The parliament passed a resolution condemning Serbia.",
     [("parliament", "ALB", "LEG", "group", "parliament"), SERBIA], ("ACCUSE", ["ALB"], ["SRB"])),
    ("Serbia rejected the offer made by Albania.", [ALBANIA, SERBIA], ("REJECT", ["SRB"], ["ALB"])),
    # a possessor's conjunct in a joint subject is the other party
    ("Serbia and Albania's ministers agreed to reopen the border.", [ALBANIA, SERBIA], ("AGREE", ["SRB"], ["ALB"])),
    # the parties between which an effort is made
    ("Italy offered its mediation between Serbia and Albania.", [ITALY, ALBANIA, SERBIA],
     ("AGREE", ["ITA"], ["ALB", "SRB"])),
    # a threat is made against the subject of its condition
    ("Russia threatened to cut gas supplies if Ukraine joins the alliance.", [RUSSIA, UKRAINE],
     ("THREATEN", ["RUS"], ["UKR"])),
    # a demand noun's that-clause names the party asked
    ("Albania pressed its demand that Serbia open the border crossings.", [ALBANIA, SERBIA],
     ("REQUEST", ["ALB"], ["SRB"])),
    # a refuge is asked of the country where it is sought
    ("Eritrean families are seeking refuge in Italy.", [("Eritrean families", "ERI", "CVL", "group", "families")],
     ("REQUEST", ["ERI"], ["ITA"])),
])
def test_targets_round3_rules(nlp, stage, text, actors, want):
    assert want in _coded(nlp, stage, text, actors, places=[("Italy", "ITA")] if "refuge" in text else ())


def _control_doc(nlp) -> Doc:
    """ "The judge rejected Petrovic to postpone the trial." as the parser often reads object control: the
    addressee as the subject of the infinitive clause."""
    words = ["The", "judge", "rejected", "Petrovic", "to", "postpone", "the", "trial", "."]
    heads = [1, 2, 2, 5, 5, 2, 7, 5, 2]
    deps = ["det", "nsubj", "ROOT", "nsubj", "aux", "ccomp", "det", "dobj", "punct"]
    tags = ["DT", "NN", "VBD", "NNP", "TO", "VB", "DT", "NN", "."]
    pos = ["DET", "NOUN", "VERB", "PROPN", "PART", "VERB", "DET", "NOUN", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos)
    judge = Actor(id="a1", name="judge", kind="group", country="SRB", sector="JUD",
                  mentions=[Mention(start=4, end=9, text="judge")])
    petrovic = Actor(id="a2", name="Petrovic", kind="person", country="SRB", sector=None,
                     mentions=[Mention(start=19, end=27, text="Petrovic")])
    doc._.ew_actors = [judge, petrovic]
    doc.spans["ew_actors"] = [doc.char_span(4, 9, kb_id="a1"), doc.char_span(19, 27, kb_id="a2")]
    return doc


def test_targets_subject_of_an_infinitive_complement_is_the_addressee(nlp):
    doc = _control_doc(nlp)
    roles = Roles([], [])
    objects(doc[2], ActorIndex(doc), roles)
    assert roles.target == ["a2"]


def test_targets_subject_of_a_that_clause_is_no_addressee(nlp):
    doc = _control_doc(nlp)
    doc[4].dep_, doc[4].tag_ = "mark", "IN"  # "... rejected that Petrovic postpone ...": a finite clause
    roles = Roles([], [])
    objects(doc[2], ActorIndex(doc), roles)
    assert roles.target == []


def test_targets_maker_of_the_subject_is_the_source(nlp, stage):
    actors = [("rebels", "COL", "REB", "group", "rebels"), ("soldiers", "COL", "MIL", "group", "soldiers")]
    rows = coded_events(nlp, stage, "An ambush by the rebels killed six soldiers.", actors=actors)
    assert [(r[0], r[3].source) for r in rows] == [("ASSAULT", ["a1"])]


def test_targets_unnamed_attackers_take_the_country_of_the_place(nlp, stage):
    doc_rows = coded_events(nlp, stage, "A roadside bomb killed six policemen in Mosul.",
                            actors=[("policemen", "IRQ", "COP", "group", "policemen")], places=[("Mosul", "IRQ")])
    (row,) = doc_rows
    assert row[:2] == ("ASSAULT", ["IRQ"]) and "unnamed attackers" in row[3].rule


def test_targets_unnamed_attackers_need_violence(nlp, stage):
    # a subject that names a thing does not make the unnamed attackers the source of another type
    rows = coded_events(nlp, stage, "A new report accused the police of abuses.",
                        actors=[("police", "IRQ", "COP", "group", "police")])
    assert all("unnamed attackers" not in r[3].rule for r in rows)


def test_targets_place_where_a_moving_verb_sends_people_to_act(nlp, stage):
    rows = coded_events(nlp, stage, "The agency dispatched experts to a laboratory in Peru to monitor the tests.",
                        actors=[("agency", "UNO", "IGO", "organization", "agency")], places=[("Peru", "PER")])
    assert [r[:3] for r in rows] == [("ACCUSE", ["UNO"], ["PER"])]


@pytest.mark.parametrize(("aux", "want"), [("must", (["a1"], ["a2"])), ("will", (["a2"], []))])
def test_targets_what_another_must_do_is_the_speakers_request(nlp, stage, aux, want):
    text = f"Oxfam said the government {aux} resign."
    doc = annotate(nlp, text, actors=[("Oxfam", None, "NGO", "organization", "Oxfam"),
                                      ("government", "CHL", "GOV", "group", "government")],
                   attributions=[("said", f"the government {aux} resign", "Oxfam")])
    roles = Roles(["a2"], [])
    resign = next(t for t in doc if t.lower_ == "resign")
    stage._demand(resign, load_lexicon().defaults["REQUEST"], roles, doc._.ew_attributions[0], ActorIndex(doc))
    assert (roles.source, roles.target) == want


def test_targets_prepared_to_act_is_no_fact_yet(nlp):
    doc = annotate(nlp, "The minister is prepared to lift the ban.")
    assert modality(next(t for t in doc if t.lower_ == "lift"), set()) == "hypothetical"


def test_targets_speakers_request_drops_the_conventions_state(nlp, stage):
    doc = annotate(nlp, "Oxfam said the government must resign.",
                   actors=[("Oxfam", None, "NGO", "organization", "Oxfam"),
                           ("government", "CHL", "GOV", "group", "government")],
                   attributions=[("said", "the government must resign", "Oxfam")])
    index = ActorIndex(doc)
    roles = Roles(["a2"], index.of_country("CHL", "Chile", besides=["a2"]))
    resign = next(t for t in doc if t.lower_ == "resign")
    stage._demand(resign, load_lexicon().defaults["REQUEST"], roles, doc._.ew_attributions[0], index)
    assert (roles.source, roles.target) == (["a1"], ["a2"])


@pytest.mark.parametrize(("text", "want"), [
    ("A report by Albania accused Serbia of torture.", ["a1"]),  # a text acts for its author
    ("The decision by Albania angered Serbia.", []),  # a thing's maker is not who acts
])
def test_targets_maker_only_of_acts_weapons_and_texts(nlp, text, want):
    doc = annotate(nlp, text, actors=[ALBANIA, SERBIA])
    verb = next(t for t in doc if t.dep_ == "ROOT")
    assert _maker(next(c for c in verb.children if c.dep_ == "nsubj"), ActorIndex(doc)) == want


@pytest.mark.parametrize(("text", "want"), [
    ("A car bomb killed five.", True), ("The ambush killed five.", True), ("A long drought killed the crops.", False)])
def test_targets_unnamed_attackers_only_behind_violence(nlp, stage, text, want):
    doc = annotate(nlp, text)
    subject = next(t for t in doc if t.dep_ == "nsubj")
    assert _violent(subject, stage.lexicon) is want


@pytest.mark.parametrize(("text", "content", "want"), [
    # what a speaker says another must do is the speaker's request of it, whatever the act
    ("Oxfam said Chile must release the prisoners.", "Chile must release the prisoners", ("REQUEST", [None], ["CHL"])),
    ("Oxfam said Chile should be ready to withdraw its troops.", "Chile should be ready to withdraw its troops",
     ("REQUEST", [None], ["CHL"])),
])
def test_targets_any_act_another_must_do_is_the_speakers_request(nlp, stage, text, content, want):
    rows = coded_events(nlp, stage, text, actors=[("Oxfam", None, "NGO", "organization", "Oxfam"),
                                                  ("Chile", "CHL", None, "state", "Chile")],
                        attributions=[("said", content, "Oxfam")])
    assert [r[:3] for r in rows] == [want]


def test_targets_what_the_speaker_itself_must_do_is_no_request(nlp, stage):
    rows = coded_events(nlp, stage, "The government said Chile must release the prisoners.",
                        actors=[("government", "CHL", "GOV", "group", "government"),
                                ("Chile", "CHL", None, "state", "Chile")],
                        attributions=[("said", "Chile must release the prisoners", "government")])
    assert rows and all(r[0] != "REQUEST" for r in rows)
