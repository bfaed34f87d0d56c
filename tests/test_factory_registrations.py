"""The pipeline's component names are pinned: renaming one breaks users' configs and entry points."""

from __future__ import annotations

import tomllib

from spacy.language import Language

from eventwire.nlp import PARAGRAPHS, STAGES

from .conftest import ROOT

PINNED = (
    "eventwire_actors",
    "eventwire_places",
    "eventwire_times",
    "eventwire_attribution",
    "eventwire_events",
)


def test_factory_names_are_pinned():
    assert PINNED == STAGES


def test_factory_entry_points_match(nlp):
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    entry_points = project["project"]["entry-points"]["spacy_factories"]
    assert set(entry_points) == {PARAGRAPHS, *STAGES}
    assert all(Language.has_factory(name) for name in (PARAGRAPHS, *STAGES))
    assert [name for name in nlp.pipe_names if name.startswith("eventwire")] == [PARAGRAPHS, *STAGES]
