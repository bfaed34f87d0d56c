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
