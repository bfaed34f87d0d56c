"""spaCy component of the events stage (placeholder until the stage lands)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.nlp.stage import Stage

__all__ = ["EventsStage", "make_events"]


class EventsStage(Stage):
    name = "eventwire_events"

    def process(self, doc: Doc) -> None:
        doc._.ew_events = []


@Language.factory("eventwire_events")
def make_events(nlp: Language, name: str) -> EventsStage:
    return EventsStage()
