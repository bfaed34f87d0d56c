"""The event-type model: probabilities, the lexicon's say, and a confidence that only rises."""

from __future__ import annotations

import numpy as np
import pytest

from eventwire.events.model import TypeModel, load_model


@pytest.fixture(scope="module")
def toy() -> TypeModel:
    weights = np.array([[2.0, 0.0], [0.0, 1.0]])
    calibration = (np.array([0.0, 0.5, 1.0]), np.array([0.0, 0.4, 0.9]))
    return TypeModel(["f:a", "f:b"], ["ACCUSE", "ASSAULT"], weights, np.zeros(2), calibration,
                     {"margin": 0.1, "floor": 0.45})


def test_model_probabilities_sum_to_one(toy):
    assert toy.probabilities(["f:a", "unknown"]).sum() == pytest.approx(1.0)


@pytest.mark.parametrize(("feats", "lexicon", "keep", "want"), [
    (["f:a"], None, False, "ACCUSE"),
    (["f:a"], "ASSAULT", False, "ACCUSE"),  # much likelier: replaces the lexicon's type
    (["f:a"], "ASSAULT", True, "ASSAULT"),  # a reading that stands
    ([], "ASSAULT", False, "ASSAULT"),  # a tie is no reason to replace it
])
def test_model_overrides_the_lexicon_only_when_surer(toy, feats, lexicon, keep, want):
    assert toy.predict(feats, lexicon, keep).type == want


def test_model_shipped_calibration_is_monotone():
    model = load_model()
    x, y = model.calibration
    assert len(x) > 2 and np.all(np.diff(x) > 0) and np.all(np.diff(y) >= -1e-6)
    assert {"margin", "floor", "predicate_floor"} <= set(model.meta)
