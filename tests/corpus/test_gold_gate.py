"""The quality gate: figures on every shared dev gold set must not fall below their pinned floors."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
import eval_gate  # noqa: E402

pytestmark = pytest.mark.skipif(not eval_gate.GOLD.is_dir(), reason="../shared/gold is not beside the checkout")


@pytest.fixture(scope="module")
def baseline():
    import json

    return json.loads(eval_gate.BASELINE.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", [n for n in eval_gate.DEV_FILES if n not in eval_gate.EVENTS_ONLY])
def test_gold_gate_holds(extractor, baseline, name):
    figures = eval_gate.measure(name, extractor)
    assert eval_gate.check(name, figures, baseline) == []


def test_gold_gate_notices_a_drop(baseline):
    name = "seed.gold.json"
    floors = baseline[name]["floors"]
    worse = {key: floor - 0.2 for key, floor in floors.items()}
    assert len(eval_gate.check(name, worse, baseline)) == len(floors)
