"""spaCy component of the places stage (placeholder until the stage lands)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.nlp.stage import Stage

__all__ = ["PlacesStage", "make_places"]


class PlacesStage(Stage):
    name = "eventwire_places"

    def process(self, doc: Doc) -> None:
        doc._.ew_places = []


@Language.factory("eventwire_places")
def make_places(nlp: Language, name: str) -> PlacesStage:
    return PlacesStage()
