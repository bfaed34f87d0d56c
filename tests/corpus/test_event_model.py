"""The shipped event-type model is what scripts/train_event_model.py builds from the dev gold sets, and its
held-out event figures on those sets stay above their floors (the in-sample ones would flatter it)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import eval_gate  # noqa: E402
import train_event_model  # noqa: E402

from eventwire.events.model import MODEL_PATH, TypeModel  # noqa: E402

pytestmark = pytest.mark.skipif(not train_event_model.GOLD.is_dir(), reason="../shared/gold is not beside the checkout")


@pytest.fixture(scope="module")
def built():
    return train_event_model.build()


def test_event_model_shipped_file_matches_a_rebuild(built):
    model, _ = built
    shipped = TypeModel.load(MODEL_PATH)
    assert (model.types, model.row, model.meta) == (shipped.types, shipped.row, shipped.meta)
    assert np.allclose(model.weights, shipped.weights, atol=1e-4)
    assert np.allclose(model.calibration[1], shipped.calibration[1], atol=1e-3)


@pytest.mark.parametrize("name", eval_gate.TRAINED_ON)
def test_event_model_held_out_gate_holds(built, name):
    baseline = json.loads(eval_gate.BASELINE.read_text(encoding="utf-8"))
    figures = eval_gate.held_out(built[1])[name + eval_gate.HELD_OUT]
    assert eval_gate.check(name + eval_gate.HELD_OUT, figures, baseline) == []
