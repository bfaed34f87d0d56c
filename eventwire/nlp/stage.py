"""The base of every eventwire pipeline component."""

from __future__ import annotations

import logging

from spacy.tokens import Doc

__all__ = ["Stage"]

log = logging.getLogger(__name__)


class Stage:
    """A spaCy component that runs ``process(doc)`` and never lets one article end a batch.

    spaCy's own error handler drops a failing doc from ``nlp.pipe``'s output, which would break
    the one-output-line-per-input-line promise. Instead a failure is recorded in
    ``doc._.ew_error`` and the article becomes an error document downstream; the stage's
    attribute is left empty so later stages still run.
    """

    name = "eventwire_stage"

    def __call__(self, doc: Doc) -> Doc:
        if doc._.ew_error:  # an earlier stage failed: keep its cause, don't build on partial output
            return doc
        try:
            self.process(doc)
        except Exception as err:  # noqa: BLE001 - turned into an error document, never swallowed
            log.exception("%s failed", self.name)
            doc._.ew_error = f"{self.name}: {type(err).__name__}: {err}"
        return doc

    def process(self, doc: Doc) -> None:
        raise NotImplementedError
