"""Tests of the unnamed parties acted upon ("arrested an Albanian man") and of the own-people convention's
target: the source's state, never the source itself, with the words of a place of it acted upon."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from eventwire.events.parties import has_political_party
from eventwire.events.patients import acted_on_party
from eventwire.events.roles import ActorIndex, Roles

sys.path.insert(0, str(Path(__file__).resolve().parent))

from annotate import annotate, coded_events  # noqa: E402

GREEK_POLICE = ("Greek police", "GRC", "COP", "group", "Greek police")
COURT = ("A Danish court", "DNK", "JUD", "group", "court")


def _targets(nlp, stage, text, actors, places=()):
    """(type, target countries, target mention texts) of each coded event."""
    doc = annotate(nlp, text, actors=actors, places=places)
    stage.process(doc)
    actors_by_id = {a.id: a for a in [*doc._.ew_actors, *doc._.ew_implied_actors]}
    return [(e.type, [actors_by_id[a].country for a in e.target],
             [m.text for a in e.target for m in actors_by_id[a].mentions]) for e in doc._.ew_events]


@pytest.mark.parametrize(("text", "actors", "want"), [
    # the party's own words give its country
    ("Greek police arrested an Albanian man in a raid.", [GREEK_POLICE], ("COERCE", ["ALB"], ["Albanian man"])),
    # no country in its words: the source's own people (PLOVER's convention), with the party's words
    ("A Danish court convicted the party of fraud.", [COURT], ("ACCUSE", ["DNK"], ["party"])),
    # a count of parties, reached through the event noun the verb carries
    ("A Danish court opened investigations against hundreds of firms.", [COURT],
     ("ACCUSE", ["DNK"], ["hundreds of firms"])),
])
def test_patients_unnamed_party_acted_upon_is_the_target(nlp, stage, text, actors, want):
    assert want in _targets(nlp, stage, text, actors)


def test_patients_a_thing_acted_upon_is_no_party(nlp, stage):
    got = _targets(nlp, stage, "A Danish court rejected the referendum.", [COURT])
    assert got == [("REJECT", ["DNK"], [])]  # the state by the convention, with no words of a party


def test_patients_unnamed_party_is_no_named_political_party(nlp):
    # "two soldiers" has a political sector, but an unnamed party does not make an act political
    doc = annotate(nlp, "The neighbours detained two soldiers.")
    index = ActorIndex(doc)
    patient = acted_on_party(doc[2], False, set(), set())
    assert (patient.span.text, patient.sector) == ("two soldiers", "MIL")
    aid = index.add_party(patient, None)
    assert index.implied(aid) and not has_political_party(Roles([], [aid]), index, named_only=True)


def test_patients_own_place_acted_upon_gives_the_state_its_words(nlp, stage):
    got = _targets(nlp, stage, "Indian authorities imposed a curfew in Assam.",
                   [("Indian authorities", "IND", "GOV", "group", "authorities")], places=[("Assam", "IND")])
    assert got == [("COERCE", ["IND"], ["Assam"])]


def test_patients_own_state_is_not_the_source_itself(nlp):
    doc = annotate(nlp, "The British government banned the march.",
                   actors=[("British government", "GBR", "GOV", "group", "government")])
    index = ActorIndex(doc)
    assert index.of_country("GBR", "United Kingdom") == ["a1"]  # with no sources to avoid: the government
    (state,) = index.of_country("GBR", "United Kingdom", besides=["a1"])
    assert state != "a1" and index.actors[state].kind == "state"


def test_patients_events_name_their_unnamed_party_as_an_actor(nlp, stage):
    rows = coded_events(nlp, stage, "Greek police arrested an Albanian man in a raid.", actors=[GREEK_POLICE])
    (event,) = [row[3] for row in rows]
    assert "unnamed party acted upon" in event.rule


CHILE_POLICE = ("Chilean police", "CHL", "COP", "group", "police")


@pytest.mark.parametrize(("text", "actors", "places", "want"), [
    # what a verb moves is the source's own: the party acted upon is where it goes or leaves (the event's type is
    # the type model's business, not these role rules')
    ("Chile withdrew the peacekeepers from Peru.",
     [("Chile", "CHL", None, "state", "Chile"), ("peacekeepers", None, "MIL", "group", "peacekeepers")],
     [("Peru", "PER")], (["PER"], ["Peru"])),
    ("Chile sent its soldiers into Peru.", [("Chile", "CHL", None, "state", "Chile")], [("Peru", "PER")],
     (["PER"], ["Peru"])),
    # a relation names another party ("their counterparts"); a party owned by the source is its own
    ("Chilean police arrested their counterparts.", [CHILE_POLICE], [], (["CHL"], ["their counterparts"])),
    ("Chilean police detained their own officers.", [CHILE_POLICE], [], (["CHL"], [])),
])
def test_patients_moved_and_owned_parties_are_no_targets(nlp, stage, text, actors, places, want):
    assert want in [row[1:] for row in _targets(nlp, stage, text, actors, places)]


def test_patients_party_of_no_known_country_is_of_the_source_country(nlp, stage):
    actors = [("A Danish court", "DNK", "JUD", "group", "court"), ("Jensen", None, None, "person", "Jensen")]
    got = _targets(nlp, stage, "A Danish court sentenced Jensen to prison.", actors)
    assert [(kind, sorted(filter(None, countries))) for kind, countries, _ in got] == [("COERCE", ["DNK"])]


def test_patients_party_of_a_known_country_keeps_it_alone(nlp, stage):
    actors = [("A Danish court", "DNK", "JUD", "group", "court"), ("Jensen", "NOR", None, "person", "Jensen")]
    got = _targets(nlp, stage, "A Danish court sentenced Jensen to prison.", actors)
    assert [(kind, countries) for kind, countries, _ in got] == [("COERCE", ["NOR"])]
