"""Tests of the events stage on short parsed sentences with hand-set actors, places, times, attributions."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from eventwire.events.lexicon import LEXICON_PATH, load_lexicon

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT / "scripts"))

from annotate import coded_events as _events  # noqa: E402

KIM = ("Kim", "PRK", "GOV", "person", "Kim")
PUTIN = ("Putin", "RUS", "GOV", "person", "Putin")
RUSSIA = ("Russia", "RUS", None, "state", "Russia")
UKRAINE = ("Ukraine", "UKR", None, "state", "Ukraine")




def test_build_event_lexicon_matches_shipped_file():
    import build_event_lexicon

    assert build_event_lexicon.build() == json.loads(LEXICON_PATH.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("lemma", "kind", "expected"), [
    ("arrive", "verbs", "CONSULT"), ("meet", "verbs", "CONSULT"), ("attack", "verbs", "ASSAULT"),
    ("urge", "verbs", "REQUEST"), ("threaten", "verbs", "THREATEN"), ("agree", "verbs", "AGREE"),
    ("say", "verbs", None), ("tell", "verbs", None), ("report", "verbs", None), ("confirm", "verbs", None),
    ("summit", "nouns", "CONSULT"), ("invasion", "nouns", "ASSAULT"), ("sanctions", "nouns", "SANCTION"),
])
def test_lexicon_trigger_typing(lemma, kind, expected):
    lex = load_lexicon()
    code = getattr(lex, kind).get(lemma)
    assert (lex.codes[code].type if code else None) == expected


@pytest.mark.parametrize(("verb_obj", "cameo"), [("sign|agreement", "057"), ("supply|weapons", "072")])
def test_lexicon_patterns_are_more_specific(verb_obj, cameo):
    assert load_lexicon().patterns[verb_obj] == cameo


@pytest.mark.parametrize(("text", "actors", "want"), [
    ("Russia attacked Ukraine on Monday.", [RUSSIA, UKRAINE], ("ASSAULT", ["RUS"], ["UKR"])),
    ("Ukraine was attacked by Russia.", [UKRAINE, RUSSIA], ("ASSAULT", ["RUS"], ["UKR"])),
    # PLOVER's dyad for a joint act: the first party named is the source, the other the target
    ("Kim and Putin met on Wednesday.", [KIM, PUTIN], ("CONSULT", ["PRK"], ["RUS"])),
    ("Putin's invasion of Ukraine has dragged on.", [PUTIN, UKRAINE], ("ASSAULT", ["RUS"], ["UKR"])),
    ("Kim urged Putin to send food.", [KIM, PUTIN], ("REQUEST", ["PRK"], ["RUS"])),
])
def test_component_dyads(nlp, stage, text, actors, want):
    got = [e[:3] for e in _events(nlp, stage, text, actors=actors)]
    assert want in got


@pytest.mark.parametrize(("text", "status"), [
    ("Kim may meet Putin next week.", "hypothetical"),
    ("Kim might meet Putin.", "hypothetical"),
    ("Kim did not meet Putin.", "negated"),
    ("Kim met Putin on Monday.", "asserted"),
])
def test_status_modality(nlp, stage, text, status):
    events = _events(nlp, stage, text, actors=[KIM, PUTIN])
    assert [e[3].status for e in events] == [status]


@pytest.mark.parametrize(("text", "cue", "content", "status"), [
    ("Kim met Putin on Monday, Tass reported.", "reported", "Kim met Putin on Monday", "reported"),
    ("The Kremlin confirmed Kim's arrival in Russia.", "confirmed", "Kim's arrival in Russia", "confirmed"),
    ("Peskov said Kim would meet Putin.", "said", "Kim would meet Putin", "future"),
])
def test_status_attribution(nlp, stage, text, cue, content, status):
    actors = [KIM, PUTIN] if "Putin" in text else [KIM, ("Kremlin", "RUS", "GOV", "organization", "Kremlin")]
    events = _events(nlp, stage, text, actors=actors, places=[("Russia", "RUS")] if "Russia" in text else [],
                     attributions=[(cue, content, None)])
    assert [(e[0], e[3].status, e[3].attribution) for e in events] == [("CONSULT", status, "r1")]


@pytest.mark.parametrize("text", [
    "Putin told Kim that the weather was fine.",
    "Putin said that Kim was tired, RIA journalists reported.",
])
def test_component_skips_reporting_verbs(nlp, stage, text):
    assert _events(nlp, stage, text, actors=[KIM, PUTIN]) == []


@pytest.mark.parametrize(("text", "date", "place"), [
    ("Kim arrived in Russia on Tuesday from North Korea.", "2023-09-12", "p1"),
])
def test_component_date_place_and_visit_target(nlp, stage, text, date, place):
    places = [("Russia", "RUS"), ("North Korea", "PRK")]
    events = _events(nlp, stage, text, actors=[KIM, RUSSIA], places=places, times=[("Tuesday", "2023-09-12")])
    (kind, src, tgt, event), = events
    assert (kind, src, tgt, event.date, event.place) == ("CONSULT", ["PRK"], ["RUS"], date, place)


def test_component_drops_events_without_actors(nlp, stage):
    assert _events(nlp, stage, "The talks were held on Monday amid a war.") == []


@pytest.mark.parametrize(("cue", "status"), [
    ("conceded", "confirmed"), ("admitted", "confirmed"), ("confirmed", "confirmed"),
    ("disputed", "denied"), ("refuted", "denied"), ("rebutted", "denied"), ("denied", "denied"),
    ("said", "reported"),
])
def test_status_cue_verbs_from_the_attribution_stage(nlp, stage, cue, status):
    text = f"Russia {cue} that its troops attacked Ukraine."
    actors = [RUSSIA, ("its troops", "RUS", "MIL", "group", "troops"), UKRAINE]
    events = _events(nlp, stage, text, actors=actors, attributions=[(cue, "its troops attacked Ukraine", None)])
    assert [(e[3].status, e[3].attribution) for e in events if e[0] == "ASSAULT"] == [(status, "r1")]



def test_lexicon_hand_file_gives_each_key_once():
    import build_event_lexicon

    rows = [(kind, key) for kind, key, _ in build_event_lexicon.read_hand(build_event_lexicon.HAND)]
    assert [r for r in set(rows) if rows.count(r) > 1] == []  # a later row silently overrides an earlier one


@pytest.mark.parametrize(("key", "kind", "cameo", "plover"), [
    ("impose|sanctions", "patterns", "163", "SANCTION"),  # CAMEO 163: impose embargo, boycott or sanctions
    ("embargo", "nouns", "163", "SANCTION"),  # PLOVER manual: sanctions are SANCTION discontinue
    ("suspend", "verbs", "160", "SANCTION"),
])
def test_lexicon_sanction_codes(key, kind, cameo, plover):
    lex = load_lexicon()
    code = lex.codes[getattr(lex, kind)[key]]
    assert (code.cameo, code.type) == (cameo, plover)


UNION = ("The union", "GBR", "LAB", "organization", "union")
MINISTRY = ("The ministry", "GBR", "GOV", "organization", "ministry")
FIRM = ("the company", "GBR", "BUS", "organization", "company")


def test_a_concession_refused_is_a_rejection(nlp):
    """PLOVER REJECT mode yield: not ending a strike is a refusal to yield, not a negated concession (the
    rules alone: the lexicon reads "end the strike" as a concession)."""
    from eventwire.events.component import EventsStage

    events = _events(nlp, EventsStage(use_model=False), "The union will not end the strike.", actors=[UNION])
    assert [(e[0], e[3].mode) for e in events] == [("REJECT", "yield")]


def test_a_cooperation_refused_is_a_rejection(nlp):
    """A meeting a party says it will not hold is PLOVER REJECT (CAMEO 125, reject a proposal to meet); the
    same meeting negated without a will or would is only a negated meeting."""
    from eventwire.events.component import EventsStage

    stage = EventsStage(use_model=False)
    refused = _events(nlp, stage, "Kim will not meet Putin.", actors=[KIM, PUTIN])
    assert [(e[0], e[3].cameo, e[3].status) for e in refused] == [("REJECT", "125", "asserted")]
    denied = _events(nlp, stage, "Kim did not meet Putin.", actors=[KIM, PUTIN])
    assert [(e[0], e[3].status) for e in denied] == [("CONSULT", "negated")]


@pytest.mark.parametrize(("subject", "want"), [
    (("Rebel fighters", "AFG", "REB", "group", "fighters"), "ASSAULT"),  # combatants take a town by force
    (("The police", "AFG", "COP", "group", "police"), "COERCE"),  # police seizing stays COERCE seize
])
def test_a_seizure_by_armed_forces_is_an_assault(nlp, subject, want):
    from eventwire.events.component import EventsStage

    text = f"{subject[0]} seized the town of Herat."
    town = ("Herat", "AFG", None, "state", "town")
    events = _events(nlp, EventsStage(use_model=False), text, actors=[subject, town])
    assert [e[0] for e in events] == [want]


@pytest.mark.parametrize("text", [
    "The European Union slapped fresh sanctions on Belarus over the arrests of opposition figures.",
    "The European Union imposed an arms embargo on Belarus after a crackdown on protesters.",
])
def test_sanctions_on_a_state_stay_sanctions_whatever_the_sentence_tells(nlp, stage, text):
    """PLOVER codes international sanctions SANCTION discontinue: the model may not read them as the coercion
    the sentence also speaks of."""
    eu = ("The European Union", None, "IGO", "organization", "European Union")
    belarus = ("Belarus", "BLR", None, "state", "Belarus")
    assert [e[0] for e in _events(nlp, stage, text, actors=[eu, belarus])][:1] == ["SANCTION"]


def test_a_meeting_of_one_country_s_parties_is_a_consultation(nlp, stage):
    """PLOVER codes domestic interactions too: a president meeting his country's opposition is CONSULT."""
    president = ("The president", "AFG", "GOV", "person", "president")
    opposition = ("opposition leaders", "AFG", "OPP", "group", "leaders")
    events = _events(nlp, stage, "The president held a meeting with opposition leaders.",
                     actors=[president, opposition])
    assert [e[:3] for e in events] == [("CONSULT", ["AFG"], ["AFG"])]


def test_a_reporting_cue_with_an_act_for_object_is_an_event(nlp):
    """"announced" reports, but "announced a package" (of aid) is an act: a lexicon pattern on the cue's
    object makes it a trigger (the rules alone: the type model may read any main predicate)."""
    from eventwire.events.component import EventsStage

    stage = EventsStage(use_model=False)
    government = ("The government", "THA", "GOV", "organization", "government")
    events = _events(nlp, stage, "The government announced a package for the region.", actors=[government],
                     attributions=[("announced", "a package for the region", "government")])
    assert [e[0] for e in events] == ["AGREE"]


def test_a_pronoun_subject_no_actor_resolves_is_the_speaker_s(nlp, stage):
    """"The minister said they will not end the strike": the speaker's side refuses, even when the pronoun
    finds no earlier actor of its kind (the speaker is a person, "they" a group)."""
    minister = ("The minister", "ALB", "GOV", "person", "minister")
    events = _events(nlp, stage, "The minister said they will not end the strike.", actors=[minister],
                     attributions=[("said", "they will not end the strike", "minister")])
    assert [(e[0], e[1]) for e in events] == [("REJECT", ["ALB"])]


def test_an_announced_investigation_is_no_threat(nlp, stage):
    """A future accusation or investigation keeps its type: PLOVER's threats are of force and restriction."""
    events = _events(nlp, stage, "The ministry will investigate the company.", actors=[MINISTRY, FIRM])
    assert [e[0] for e in events] == ["ACCUSE"]


@pytest.mark.parametrize(("text", "want"), [
    # PLOVER: a source's pledge is AGREE when the act pledged cooperates, THREATEN when it does not, the act its
    # mode, whatever the commissive word's own entry says ("vow" is AGREE in the dictionary, "swear" ACCUSE)
    ("The rebels vowed to fight the army.", ("THREATEN", "assault")),
    ("The rebels have sworn to fight the army.", ("THREATEN", "assault")),
    ("The government promised to provide aid to the rebels.", ("AGREE", "aid")),
    # a threat word's own type stands, whatever it threatens ("to lift" is a concession)
    ("The government threatened to lift the curfew.", ("THREATEN", None)),
])
def test_a_commitment_is_typed_by_the_act_pledged(nlp, text, want):
    from eventwire.events.component import EventsStage

    actors = [("The rebels", "COL", "REB", "group", "rebels"), ("the army", "COL", "MIL", "group", "army"),
              ("The government", "COL", "GOV", "group", "government")]
    present = [a for a in actors if a[0] in text]
    events = _events(nlp, EventsStage(use_model=False), text, actors=present)
    assert [(e[0], e[3].mode) for e in events][:1] == [want]
