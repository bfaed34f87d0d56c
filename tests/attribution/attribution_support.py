"""Helpers shared by the attribution stage's tests."""

from __future__ import annotations


def attributions_of(nlp, text):
    """The parsed doc and its attributions (the session pipeline runs every stage)."""
    doc = nlp(text)
    return doc, doc._.ew_attributions


def content_of(text, attribution):
    """The content text of an attribution, or None when it has no content span."""
    if attribution.content_start is None:
        return None
    return text[attribution.content_start : attribution.content_end]
