"""spaCy component of the actors stage (placeholder until the stage lands)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.nlp.stage import Stage

__all__ = ["ActorsStage", "make_actors"]


class ActorsStage(Stage):
    name = "eventwire_actors"

    def process(self, doc: Doc) -> None:
        doc._.ew_actors = []


@Language.factory("eventwire_actors")
def make_actors(nlp: Language, name: str) -> ActorsStage:
    return ActorsStage()
