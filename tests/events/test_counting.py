"""Events a political scientist can count: senses, the main event of a clause, pledges, dates, one record
per real event, and no events from sport or from parties of no politics (issue 6)."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.events.dating import event_date
from eventwire.events.merge import merge_mentions
from eventwire.schema import Actor, Event, Mention, TimeExpr

sys.path.insert(0, str(Path(__file__).resolve().parent))

from annotate import annotate, coded_events  # noqa: E402

RUSSIA = ("Russia", "RUS", None, "state", "Russia")
UKRAINE = ("Ukraine", "UKR", None, "state", "Ukraine")
KIM = ("Kim", "PRK", "GOV", "person", "Kim")
PUTIN = ("Putin", "RUS", "GOV", "person", "Putin")
IRAN = ("Iran", "IRN", None, "state", "Iran")
IRAQ = ("Iraq", "IRQ", None, "state", "Iraq")
UK = ("Britain", "GBR", None, "state", "Britain")


def _types(nlp, stage, text, **layers):
    return [row[0] for row in coded_events(nlp, stage, text, **layers)]


@pytest.mark.parametrize(("text", "actors", "want"), [
    ("Britain struck a deal with Iran on Monday.", [UK, IRAN], ["SUPPORT"]),
    ("Iran struck targets in Iraq on Monday.", [IRAN, IRAQ], ["ASSAULT"]),
    ("Putin took office in 2000.", [PUTIN], []),
    ("Russia's rouble hit a five-year high against the dollar.", [RUSSIA], []),
    ("Russia declined to comment on the report.", [RUSSIA], []),
])
def test_lexicon_codes_the_sense_of_the_arguments(nlp, stage, text, actors, want):
    assert _types(nlp, stage, text, actors=actors) == want


@pytest.mark.parametrize(("text", "actors", "want"), [
    ("Kim arrived in Russia on Tuesday for a summit with Putin.", [KIM, PUTIN, RUSSIA], ["CONSULT"]),
    ("Iran threatened to attack Iraq.", [IRAN, IRAQ], ["THREATEN"]),
    ("The bombing, which killed five, was carried out by Iran in Iraq.", [IRAN, IRAQ], ["ASSAULT"]),
])
def test_candidates_one_event_per_clause(nlp, stage, text, actors, want):
    assert _types(nlp, stage, text, actors=actors) == want


@pytest.mark.parametrize(("text", "actors", "want"), [
    ("Britain called on Iran to release the prisoners.", [UK, IRAN], ("REQUEST", ["GBR"], ["IRN"])),
    ("The plan of Iran was condemned by Britain.", [IRAN, UK], ("ACCUSE", ["GBR"], ["IRN"])),
    ("Russia opened an investigation of Ukraine's army.", [RUSSIA, UKRAINE], ("ACCUSE", ["RUS"], ["UKR"])),
    ("Iran faces criticism from Britain.", [IRAN, UK], ("ACCUSE", ["GBR"], ["IRN"])),
])
def test_roles_passive_agents_requests_and_what_is_acted_on(nlp, stage, text, actors, want):
    assert want in [row[:3] for row in coded_events(nlp, stage, text, actors=actors)]


@pytest.mark.parametrize(("text", "want"), [
    ("Kim plans to meet Putin.", ("AGREE", "asserted")),
    ("Kim will meet Putin in Moscow.", ("AGREE", "asserted")),
    ("Iran vowed to attack Iraq.", ("THREATEN", "asserted")),
    ("Iran said it will attack Iraq.", ("THREATEN", "reported")),
    ("Kim may meet Putin next week.", ("CONSULT", "hypothetical")),
])
def test_conventions_a_pledge_is_agree_or_threaten(nlp, stage, text, want):
    actors = [KIM, PUTIN] if "Kim" in text else [IRAN, IRAQ]
    atts = [("said", "it will attack Iraq", "Iran")] if "said" in text else []
    events = [row[3] for row in coded_events(nlp, stage, text, actors=actors, attributions=atts)]
    assert [(e.type, e.status) for e in events] == [want]


def test_conventions_another_reporting_a_plan_keeps_the_type(nlp, stage):
    text = "Peskov said Kim would meet Putin."
    events = coded_events(nlp, stage, text, actors=[("Peskov", "RUS", "GOV", "person", "Peskov"), KIM, PUTIN],
                          attributions=[("said", "Kim would meet Putin", "Peskov")])
    assert [(e[0], e[3].status) for e in events] == [("CONSULT", "future")]


def test_status_negation_wins_over_future(nlp, stage):
    text = "Russia said it would not attack Ukraine."
    events = coded_events(nlp, stage, text, actors=[RUSSIA, UKRAINE],
                          attributions=[("said", "it would not attack Ukraine", "Russia")])
    assert [e[3].status for e in events] == ["negated"]


def _time(value: str, kind: str = "DATE") -> TimeExpr:
    return TimeExpr(id="t1", start=0, end=3, text="day", value=value, type=kind)


@pytest.mark.parametrize(("times", "status", "want"), [
    ([_time("2023-09-12")], "asserted", ("t1", "2023-09-12", "text")),
    ([_time("2023-09-12TMO", "TIME")], "reported", ("t1", "2023-09-12", "text")),
    ([], "asserted", (None, "2023-09-13", "published")),
    ([], "confirmed", (None, "2023-09-13", "published")),
    ([], "future", (None, None, None)),
    ([], "hypothetical", (None, None, None)),
    ([], "negated", (None, None, None)),
    ([_time("2023-09")], "asserted", ("t1", None, None)),  # a month: no day of its own, and not the report's
    ([_time("P19M", "DURATION")], "asserted", (None, "2023-09-13", "published")),
    ([_time("PRESENT_REF")], "asserted", ("t1", "2023-09-13", "text")),
])
def test_dating_text_then_publication(times, status, want):
    assert event_date(times, status, date(2023, 9, 13)) == want


def test_dating_without_publication_date_gives_none():
    assert event_date([], "asserted", None) == (None, None, None)


def _event(eid, kind, source, target, status="asserted", day=None, basis=None, start=0, word="xxxxx"):
    span = Mention(start=start, end=start + len(word), text=word)
    return Event(id=eid, type=kind, source=source, target=target, status=status, date=day, date_basis=basis,
                 evidence=span, trigger=span, confidence=0.5)


ACTORS = {a: Actor(id=a, name=a, kind="state", country=c, code=c, mentions=[]) for a, c in
          [("a1", "PRK"), ("a2", "RUS"), ("a3", "UKR")]}


@pytest.mark.parametrize(("events", "groups"), [
    ([_event("e1", "CONSULT", ["a1"], ["a2"]), _event("e2", "CONSULT", ["a1"], ["a2"], "confirmed", start=9)], [2]),
    ([_event("e1", "CONSULT", ["a1", "a2"], []), _event("e2", "CONSULT", ["a2"], [], start=9)], [2]),
    ([_event("e1", "ASSAULT", ["a2"], ["a3"]), _event("e2", "ASSAULT", ["a2"], ["a3"], "negated", start=9)], [1, 1]),
    # one side's journey and a meeting, in other words and on no common stated day: two acts of one trip
    ([_event("e1", "CONSULT", ["a1"], [], day="2023-09-10", basis="text", word="departed"),
      _event("e2", "CONSULT", ["a2"], ["a1"], start=9, word="greeted")], [1, 1]),
    # ... told in one word family, or of the same stated day, one meeting
    ([_event("e1", "CONSULT", ["a1", "a2"], [], word="met"), _event("e2", "CONSULT", ["a2"], [], start=9, word="met")],
     [2]),
    ([_event("e1", "CONSULT", ["a1", "a2"], [], day="2023-09-13", basis="text", word="talks"),
      _event("e2", "CONSULT", ["a2"], [], day="2023-09-13", basis="text", start=9, word="hosted")], [2]),
    ([_event("e1", "ASSAULT", ["a2"], ["a3"], day="2023-09-12", basis="text"),
      _event("e2", "ASSAULT", ["a2"], ["a3"], day="2023-09-13", basis="text", start=9)], [1, 1]),
    ([_event("e1", "ASSAULT", ["a2"], ["a3"]), _event("e2", "ASSAULT", ["a3"], ["a2"], start=9)], [1, 1]),
    ([_event("e1", "ASSAULT", ["a2"], ["a3"]), _event("e2", "SANCTION", ["a2"], ["a3"], start=9)], [1, 1]),
])
def test_merge_one_event_per_real_event(events, groups):
    merged = merge_mentions(events, ACTORS, {})
    assert [len(e.mentions) for e in merged] == groups


def test_merge_keeps_the_strongest_status_and_every_mention():
    events = [_event("e1", "CONSULT", ["a1"], ["a2"]), _event("e2", "CONSULT", ["a1"], ["a2"], "confirmed", start=9)]
    (event,) = merge_mentions(events, ACTORS, {})
    assert (event.id, event.status) == ("e1", "confirmed")
    assert [m.status for m in event.mentions] == ["asserted", "confirmed"]
    assert event.evidence in [m.evidence for m in event.mentions]


def test_seed_story_events_merge_their_mentions(seed_doc):
    consults = [e for e in seed_doc.events if e.type == "CONSULT"]
    meeting = next(e for e in consults if "Wednesday" in e.evidence.text)
    arrival = next(e for e in consults if "Tuesday" in e.evidence.text)
    assert len(meeting.mentions) == 2 and "Vostochny" in meeting.mentions[1].evidence.text
    assert (arrival.status, [m.status for m in arrival.mentions]) == ("confirmed", ["asserted", "confirmed"])


def test_seed_story_stated_events_are_dated(seed_doc):
    stated = [e for e in seed_doc.events if e.status in ("asserted", "reported", "confirmed")]
    assert stated and all(e.date and e.date_basis in ("text", "published") for e in stated)
    assert all(e.rule for e in seed_doc.events)


SPORT = ("England beat France 24-17 in the Six Nations match at Twickenham on Saturday. The England captain "
         "scored a try in the final minutes and the coach praised the team, whose victory keeps the title race "
         "open before the last round of games of the season.")


def test_parties_a_match_report_is_no_war(nlp, stage):
    actors = [("England", "GBR", None, "state", "England"), ("France", "FRA", None, "state", "France")]
    assert _types(nlp, stage, SPORT, actors=actors) == []


def test_parties_people_of_no_office_make_no_political_event(nlp, stage):
    text = "The actor sued the studio over an injury."
    actors = [("actor", None, None, "person", "actor"), ("studio", None, "BUS", "organization", "studio")]
    assert _types(nlp, stage, text, actors=actors) == []


def test_parties_an_implied_state_alone_makes_no_event(nlp, stage):
    text = "The singer arrived in London on Monday."
    doc = annotate(nlp, text, actors=[("singer", None, None, "person", "singer")], places=[("London", "GBR")])
    stage.process(doc)
    assert doc._.ew_events == []


FILM = ("The film, which stars {actor}, was shot mostly in South Africa. The director said the festival audience "
        "cheered the drama, a contender for an Oscar and a Bafta award. {event}")


@pytest.mark.parametrize(("event", "actors", "want"), [
    # in a film report a state is a setting: "Rwanda attacked" in a plot summary is no war
    ("In one scene Rwanda attacked Uganda.", [("Rwanda", "RWA", None, "state", "Rwanda"),
                                              ("Uganda", "UGA", None, "state", "Uganda")], []),
    # officials act in any report
    ("Uganda's authorities banned the film.", [("Uganda's authorities", "UGA", "GOV", "organization", "auth")],
     ["COERCE"]),
])
def test_parties_a_film_report_codes_officials_only(nlp, stage, event, actors, want):
    text = FILM.format(actor="Don Cheadle", event=event)
    assert _types(nlp, stage, text, actors=actors) == want


_STATUS_GROUP = {"confirmed": 0, "reported": 0, "asserted": 0, "future": 1, "hypothetical": 2, "denied": 3,
                 "negated": 4}


def _same(a, b) -> bool:
    """The merge rule for two mentions, written out pair by pair (no place: these tests name none)."""
    if a.type != b.type or _STATUS_GROUP[a.status] != _STATUS_GROUP[b.status]:
        return False
    if a.date_basis == "text" and b.date_basis == "text" and a.date != b.date:
        return False
    if not set(a.source + a.target) & set(b.source + b.target):
        return False
    sides = [(a.source + a.target, b.source + b.target)] if a.type == "CONSULT" else \
        [(a.source, b.source), (a.target, b.target)]
    return all(not x or not y or set(x) <= set(y) or set(y) <= set(x) for x, y in sides)


def _merge_by_scan(events):
    """The definition the indexed merge must keep: each mention joins the first group all of whose
    mentions it fits."""
    groups: list[list] = []
    for event in events:
        group = next((g for g in groups if all(_same(other, event) for other in g)), None)
        groups.append([event]) if group is None else group.append(event)
    return [[e.evidence.start for e in g] for g in groups]


_PARTIES = st.lists(st.sampled_from(sorted(ACTORS)), max_size=2, unique=True)


@given(st.lists(st.tuples(st.sampled_from(["CONSULT", "ASSAULT"]), _PARTIES, _PARTIES,
                          st.sampled_from(["asserted", "confirmed", "future", "negated"]),
                          st.sampled_from([None, "2023-09-12", "2023-09-13"])), max_size=12))
def test_merge_indexed_groups_equal_the_first_fit_scan(specs):
    events = [_event(f"e{n}", kind, source, [a for a in target if a not in source], status, day,
                     "text" if day else None, start=10 * n)
              for n, (kind, source, target, status, day) in enumerate(specs)]
    merged = merge_mentions(events, ACTORS, {})
    assert [[m.evidence.start for m in e.mentions] for e in merged] == _merge_by_scan(events)
