"""The event-type model: a linear classifier over candidate features, with a calibrated confidence.

Weights are trained by ``scripts/train_event_model.py`` (multinomial logistic regression) and shipped
as ``eventwire/data/event_model.npz``; inference is a sum of weight rows and a softmax, in NumPy.
``confidence`` maps the winning probability through a monotone table fitted on held-out predictions,
so that an event given 0.8 is right about 80% of the time.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

__all__ = ["MODEL_PATH", "Prediction", "TypeModel", "load_model"]

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "event_model.npz"


@dataclass(frozen=True)
class Prediction:
    """The most likely type, its probability, and the calibrated chance that it is right."""

    type: str
    probability: float
    confidence: float


class TypeModel:
    """Softmax over summed feature weights.

    :param features: feature string of each weight row.
    :param types: PLOVER type of each column.
    :param weights: ``len(features) x len(types)``; ``bias`` one value per type.
    :param calibration: increasing probabilities ``x`` and the accuracies ``y`` they had held out.
    """

    def __init__(self, features: list[str], types: list[str], weights: np.ndarray, bias: np.ndarray,
                 calibration: tuple[np.ndarray, np.ndarray], meta: dict | None = None) -> None:
        self.row = {f: i for i, f in enumerate(features)}
        self.types = list(types)
        self.weights = weights.astype(np.float32)
        self.bias = bias.astype(np.float32)
        self.calibration = calibration
        self.meta = meta or {}

    def probabilities(self, feats: list[str]) -> np.ndarray:
        """P(type | features) for every type, in ``self.types`` order."""
        rows = [self.row[f] for f in feats if f in self.row]
        scores = self.bias + (self.weights[rows].sum(axis=0) if rows else 0.0)
        scores = np.exp(scores - scores.max())
        return scores / scores.sum()

    @property
    def margin(self) -> float:
        """How much likelier than the lexicon's type the model's must be to replace it (tuned held out)."""
        return float(self.meta.get("margin", 0.0))

    @property
    def predicate_floor(self) -> float:
        """The least probability at which a predicate with no lexicon entry is coded (tuned held out)."""
        return float(self.meta.get("predicate_floor", 1.0))

    @property
    def floor(self) -> float:
        """The least probability at which the model's type may replace the lexicon's (tuned held out)."""
        return float(self.meta.get("floor", 0.0))

    def predict(self, feats: list[str], lexicon_type: str | None = None, keep: bool = False) -> Prediction:
        """The model's type, or the lexicon's when the model does not beat it by ``margin`` and ``floor`` (a
        type the training data hardly shows, a visit or a handshake, keeps its dictionary reading) or when
        ``keep`` says the lexicon's reading stands; the probability is that of the type returned."""
        probs = self.probabilities(feats)
        best = int(probs.argmax())
        if lexicon_type in self.types:
            lex = self.types.index(lexicon_type)
            if keep or probs[best] - probs[lex] < self.margin or probs[best] < self.floor:
                best = lex
        return Prediction(self.types[best], float(probs[best]), self.calibrate(float(probs[best])))

    def calibrate(self, probability: float) -> float:
        x, y = self.calibration
        return float(np.interp(probability, x, y)) if len(x) else probability

    def save(self, path: Path) -> None:
        names = sorted(self.row, key=self.row.get)
        np.savez_compressed(path, features=np.array(names), types=np.array(self.types), weights=self.weights,
                            bias=self.bias, calib_x=self.calibration[0], calib_y=self.calibration[1],
                            meta=np.array(json.dumps(self.meta, sort_keys=True)))

    @classmethod
    def load(cls, path: Path) -> TypeModel:
        with np.load(path, allow_pickle=False) as z:
            return cls([str(f) for f in z["features"]], [str(t) for t in z["types"]], z["weights"], z["bias"],
                       (z["calib_x"], z["calib_y"]), json.loads(str(z["meta"])))


@lru_cache(maxsize=2)
def load_model(path: Path = MODEL_PATH) -> TypeModel:
    """The shipped model, read once per process."""
    return TypeModel.load(path)
