"""Lexicon codes that follow the PLOVER manual where the CAMEO dictionary or the CAMEO2PLOVER table differ."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from eventwire.events.lexicon import load_lexicon

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))


@pytest.mark.parametrize(("key", "kind", "plover", "mode"), [
    ("resign", "verbs", "RETREAT", "resign"),  # PLOVER: RETREAT covers resignations of officials
    ("step|down", "patterns", "RETREAT", "resign"),
    ("call|election", "patterns", "CONCEDE", None),  # calling elections stays a concession
    ("hold|polls", "patterns", "CONCEDE", None),
])
def test_lexicon_plover_types(key, kind, plover, mode):
    lex = load_lexicon()
    code = lex.codes[getattr(lex, kind)[key]]
    assert (code.type, code.mode) == (plover, mode)


@pytest.mark.parametrize(("feats", "want"), [
    (["L:release", "X:RETREAT"], "RETREAT"),  # the gold accepts the lexicon's reading: it is taught
    (["L:pardon", "X:CONCEDE"], "CONCEDE"),
    (["L:attack", "X:ASSAULT"], "CONCEDE"),  # a reading the gold does not accept: the gold's type
    (["L:go", "X:none"], "CONCEDE"),
])
def test_training_target_keeps_an_accepted_lexicon_type(feats, want):
    import train_event_model

    gold = {"events": [{"type": "CONCEDE", "alt_types": ["RETREAT"]}]}
    assert train_event_model._target(gold, feats) == want


def _verb_hit(nlp, text: str, word: str):
    doc = _parse(nlp, text)
    return load_lexicon().verb_hit(next(t for t in doc if t.lower_ == word))


def _parse(nlp, text: str):
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if not name.startswith("eventwire"):
            doc = proc(doc)
    return doc


@pytest.mark.parametrize(("text", "word", "want"), [
    ("The minister called the president on Tuesday to congratulate him.", "called", None),  # a time, no appeal
    ("Activists called on the government to resign.", "called", ("call|on", "REQUEST")),
    ("A court found the mayor guilty of fraud.", "found", ("find|guilty", "ACCUSE")),  # CAMEO 116
    ("The union called off the strike.", "called", ("call|off strike", "CONCEDE")),
    ("The envoy called off the talks.", "called", ("call|off talks", "REJECT")),
    ("The army evacuated the wounded from the town.", "evacuated", ("evacuate", "AID")),
    ("Thousands of residents evacuated.", "evacuated", None),  # fleeing is no aid
    ("Prosecutors filed charges against the minister.", "filed", ("file|charges", "ACCUSE")),
    ("The two states upgraded their ties.", "upgraded", ("upgrade|ties", "SUPPORT")),
    ("The president cancelled his visit to Paris.", "cancelled", ("cancel|visit", "REJECT")),  # PLOVER REJECT
    ("The government expelled two diplomats.", "expelled", ("expel|diplomats", "SANCTION")),
    ("The governor declared a state of emergency.", "declared", ("declare|state", "COERCE")),  # CAMEO 1724
    ("Students demonstrated in the capital.", "demonstrated", ("demonstrate", "PROTEST")),
    ("The army demonstrated its resolve.", "demonstrated", None),  # showing a quality is no protest
    ("The two sides agreed a trade agreement.", "agreed", ("agree|agreement", "SUPPORT")),  # PLOVER: finalize
    ("The two sides agreed on the text of a deal.", "agreed", ("agree|on text", "SUPPORT")),
    ("The two sides agreed to hold talks.", "agreed", ("agree", "AGREE")),  # an intent stays AGREE
    ("The authorities let free two activists.", "let", ("let|free", "RETREAT")),  # a release
    ("The court quashed the detention orders.", "quashed", ("quash", "REJECT")),
    ("The government denied permission to the march.", "denied", ("deny|permission", "REJECT")),
    ("The government will extend the curfew.", "extend", ("extend|curfew", "COERCE")),
    ("The president declared a cessation of hostilities.", "declared", ("declare|cessation", "RETREAT")),
    ("The government rolled back tariffs on steel.", "rolled", ("roll|back tariffs", "CONCEDE")),
    ("The rebels spurned repeated offers of talks.", "spurned", ("spurn|offers", "REJECT")),  # no disapproval
    ("The court dismissed an appeal from the minister.", "dismissed", ("dismiss|appeal", "REJECT")),
    ("The two states agreed to a trade deal.", "agreed", ("agree|to deal", "SUPPORT")),
    ("The army gave medical equipment to the clinic.", "gave", ("give|equipment", "AID")),
    ("The agency delivered food to the camps.", "delivered", ("deliver|food", "AID")),
])
def test_verb_patterns_read_their_arguments(nlp, text, word, want):
    hit = _verb_hit(nlp, text, word)
    assert ((hit.key, hit.code.type) if hit else None) == want


@pytest.mark.parametrize(("lemma", "lower", "want"), [
    ("stag", "staged", "stage"),  # the small model's lemmatizer: "staged" -> "stag"
    ("attack", "attacked", "attack"),  # a known lemma stands
    ("bann", "banned", "ban"), ("urg", "urges", "urge"),
    ("zorb", "zorbed", "zorb"),  # no known bare form: the lemmatizer's
])
def test_verb_lemma_repairs_wrong_lemmas_from_the_lexicon(lemma, lower, want):
    assert load_lexicon().verb_lemma(lemma, lower) == want


@pytest.mark.parametrize(("key", "want"), [
    ("give,send|food,water", ["give|food", "give|water", "send|food", "send|water"]),
    ("sign|agreement", ["sign|agreement"]),
    ("agree,sign", ["agree,sign"]),  # no pattern: left as written
])
def test_hand_pattern_alternatives_expand(key, want):
    import build_event_lexicon

    assert build_event_lexicon._expand(key) == want


@pytest.mark.parametrize(("key", "code", "want"), [
    ("deploy|peacekeepers", "0334", "074"),  # intent to send peacekeepers -> peacekeeping provided
    ("supply|helicopter", "0332", "072"),
    ("offer|helicopter", "0332", "0332"),  # an offer stays an intention
    ("send|aid", "070", "070"),
])
def test_delivery_verbs_give_the_aid_they_intend(key, code, want):
    import build_event_lexicon

    assert build_event_lexicon.delivered({key: code}) == {key: want}


def test_shipped_lexicon_codes_deployed_peacekeepers_as_aid():
    hit = load_lexicon().patterns["deploy|peacekeepers"]
    assert hit == "074"


@pytest.mark.parametrize(("key", "cameo", "plover"), [
    ("cancel|restrictions", "081", "CONCEDE"),  # cancelling a restriction eases it, as lifting one does
    ("cancel|sanctions", "085", "RETREAT"),
    ("cancel|visit", "125", "REJECT"),  # a cancelled meeting stays a rejection
    ("accept|refugees", "075", "AID"),  # refugees taken in are granted asylum, not the intent to aid (0333)
])
def test_lexicon_pattern_codes(key, cameo, plover):
    lex = load_lexicon()
    assert (lex.patterns[key], lex.codes[lex.patterns[key]].type) == (cameo, plover)


@pytest.mark.parametrize(("key", "plover"), [("war game", "COOPERATE"), ("joint exercise", "COOPERATE"),
                                             ("warfare", "ASSAULT"), ("bombardment", "ASSAULT")])
def test_lexicon_manoeuvre_and_warfare_nouns(key, plover):
    lex = load_lexicon()
    assert lex.codes[lex.nouns[key]].type == plover
