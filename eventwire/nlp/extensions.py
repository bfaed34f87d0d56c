"""Doc extensions through which the eventwire stages hand their results to each other.

Each stage writes its own attribute and its own span group and reads only earlier ones:

=====================  =====================================  ==========================
attribute              type                                   written by
=====================  =====================================  ==========================
``doc._.published``    ``datetime.date | None``               the caller (ingest)
``doc._.dateline``     ``tuple[int, int] | None`` (chars)     the caller (ingest): the dateline's place
``doc._.content_start`` ``int`` (chars, default 0)            the caller: where the story starts, after a
                                                              dateline ("MOSCOW (Reuters) -" is no actor)
``doc._.ew_actors``    ``list[schema.Actor]``                 eventwire_actors
``doc._.ew_places``    ``list[schema.Place]``                 eventwire_places
``doc._.ew_times``     ``list[schema.TimeExpr]``              eventwire_times
``doc._.ew_attributions`` ``list[schema.Attribution]``        eventwire_attribution
``doc._.ew_events``    ``list[schema.Event]``                 eventwire_events
``doc._.ew_implied_actors`` ``list[schema.Actor]``            eventwire_events (actors an event implies
                                                              without a mention: a place's country)
``doc._.ew_error``     ``str | None``                          any stage that failed
=====================  =====================================  ==========================

Span groups ``doc.spans["ew_actors"]``, ``["ew_places"]``, ``["ew_times"]`` hold one span per
mention with ``span.kb_id_`` set to the item's id, so later stages can go from a token to the
actor, place or time it belongs to.
"""

from __future__ import annotations

from spacy.tokens import Doc

__all__ = ["SPAN_GROUPS", "register_extensions"]

SPAN_GROUPS = ("ew_actors", "ew_places", "ew_times")

_DEFAULT_NONE = ("published", "dateline", "ew_error")
_LISTS = ("ew_actors", "ew_implied_actors", "ew_places", "ew_times", "ew_attributions", "ew_events")


def register_extensions() -> None:
    """Register every Doc extension once; safe to call again."""
    for name in _DEFAULT_NONE:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    if not Doc.has_extension("content_start"):
        Doc.set_extension("content_start", default=0)
    for name in _LISTS:
        if not Doc.has_extension(name):
            # A getter-less default list would be shared between docs; set per doc instead.
            Doc.set_extension(name, default=None)


register_extensions()
