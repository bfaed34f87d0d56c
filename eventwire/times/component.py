"""spaCy component of the times stage (placeholder until the stage lands)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.nlp.stage import Stage

__all__ = ["TimesStage", "make_times"]


class TimesStage(Stage):
    name = "eventwire_times"

    def process(self, doc: Doc) -> None:
        doc._.ew_times = []


@Language.factory("eventwire_times")
def make_times(nlp: Language, name: str) -> TimesStage:
    return TimesStage()
