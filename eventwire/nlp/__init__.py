"""The one place that loads the spaCy model and assembles the eventwire pipeline."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from eventwire.nlp.extensions import register_extensions

__all__ = ["PARAGRAPHS", "STAGES", "load_pipeline"]

# Runs first, before the model's parser: a blank line starts a sentence (eventwire/nlp/paragraphs.py).
PARAGRAPHS = "eventwire_paragraphs"
# Order matters: attribution needs actors; events need all of the others.
STAGES = (
    "eventwire_actors",
    "eventwire_places",
    "eventwire_times",
    "eventwire_attribution",
    "eventwire_events",
)


def _register_factories() -> None:
    """Import the stage modules so their ``@Language.factory`` decorators run.

    The package's ``spacy_factories`` entry points do the same for ``nlp.add_pipe`` in other
    programs; importing here keeps a source checkout working without an install.
    """
    import eventwire.actors.component  # noqa: F401
    import eventwire.attribution.component  # noqa: F401
    import eventwire.events.component  # noqa: F401
    import eventwire.nlp.paragraphs  # noqa: F401
    import eventwire.places.component  # noqa: F401
    import eventwire.times.component  # noqa: F401


@lru_cache(maxsize=4)
def load_pipeline(model: str, stages: tuple[str, ...] = STAGES, actors: str | None = None) -> Language:
    """Load ``model`` once per process and append the eventwire stages to it.

    :param model: a spaCy package name or path (``Settings.model``).
    :param stages: which eventwire components to add, in pipeline order (tests use a prefix).
    :param actors: a user's actors file for the actors stage's config (``Settings.actors``).
    :raises OSError: the model is not installed (spaCy's own E050, translated by the CLI).
    :raises ActorsFileError: the actors file is missing or invalid.
    """
    register_extensions()
    _register_factories()
    nlp = spacy.load(model)
    nlp.add_pipe(PARAGRAPHS, first=True)
    for name in stages:
        config = {"user_actors": actors} if name == "eventwire_actors" and actors else {}
        nlp.add_pipe(name, config=config)
    return nlp
