"""spaCy component of the attribution stage (placeholder until the stage lands)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.nlp.stage import Stage

__all__ = ["AttributionStage", "make_attribution"]


class AttributionStage(Stage):
    name = "eventwire_attribution"

    def process(self, doc: Doc) -> None:
        doc._.ew_attributions = []


@Language.factory("eventwire_attribution")
def make_attribution(nlp: Language, name: str) -> AttributionStage:
    return AttributionStage()
