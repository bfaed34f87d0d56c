"""Build docs with hand-set actor, place, time and attribution layers for the events stage's tests."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.schema import Actor, Attribution, Mention, Place, TimeExpr

__all__ = ["annotate", "coded_events"]


def _find(text: str, needle: str, occurrence: int = 1) -> tuple[int, int]:
    found = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(needle)}(?!\w)", text)]
    return found[occurrence - 1], found[occurrence - 1] + len(needle)


def _key(item: tuple) -> tuple[str, int]:
    """("Kim", 2) or "Kim" -> (needle, occurrence)."""
    return item if isinstance(item, tuple) else (item, 1)


def annotate(nlp: Language, text: str, actors=(), places=(), times=(), attributions=()) -> Doc:
    """Parse ``text`` with the spaCy components only and lay the given items on it.

    actors: (mention, country, sector, kind, actor key); places: (mention, country);
    times: (mention, value); attributions: (cue, content, source mention or None).
    """
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if not name.startswith("eventwire"):
            doc = proc(doc)
    by_key: dict[str, Actor] = {}
    spans = []
    for mention, country, sector, kind, key in actors:
        s, e = _find(text, *_key(mention))
        m = Mention(start=s, end=e, text=text[s:e])
        if key not in by_key:
            by_key[key] = Actor(id=f"a{len(by_key) + 1}", name=key, kind=kind, country=country, sector=sector,
                                mentions=[])
        by_key[key].mentions.append(m)
        spans.append(doc.char_span(s, e, kb_id=by_key[key].id, alignment_mode="expand"))
    doc._.ew_actors = list(by_key.values())
    doc.spans["ew_actors"] = spans
    doc._.ew_places, doc.spans["ew_places"] = _places(doc, places)
    doc._.ew_times, doc.spans["ew_times"] = _times(doc, times)
    doc._.ew_attributions = _attributions(text, attributions, {k: a.id for k, a in by_key.items()})
    return doc


def _places(doc: Doc, places) -> tuple[list[Place], list]:
    items, spans = [], []
    for n, (mention, country) in enumerate(places, 1):
        s, e = _find(doc.text, *_key(mention))
        items.append(Place(id=f"p{n}", name=doc.text[s:e], lat=None, lon=None, country=country,
                           mentions=[Mention(start=s, end=e, text=doc.text[s:e])]))
        spans.append(doc.char_span(s, e, kb_id=f"p{n}", alignment_mode="expand"))
    return items, spans


def _times(doc: Doc, times) -> tuple[list[TimeExpr], list]:
    items, spans = [], []
    for n, (mention, value) in enumerate(times, 1):
        s, e = _find(doc.text, *_key(mention))
        items.append(TimeExpr(id=f"t{n}", start=s, end=e, text=doc.text[s:e], value=value, type="DATE"))
        spans.append(doc.char_span(s, e, kb_id=f"t{n}", alignment_mode="expand"))
    return items, spans


def _attributions(text: str, attributions, actor_ids: dict[str, str]) -> list[Attribution]:
    """(cue, content, source) triples; a source that is an actor's key is linked to that actor."""
    out = []
    for n, (cue, content, source) in enumerate(attributions, 1):
        cs, ce = _find(text, *_key(cue))
        ts, te = _find(text, *_key(content))
        out.append(Attribution(id=f"r{n}", source=actor_ids.get(source), source_text=source, cue=text[cs:ce],
                               cue_start=cs,
                               cue_end=ce, content_start=ts, content_end=te))
    return out


def coded_events(nlp: Language, stage, text: str, **layers) -> list[tuple]:
    """Run ``stage`` on an annotated doc: (type, source countries, target countries, event) per event."""
    doc = annotate(nlp, text, **layers)
    stage.process(doc)
    countries = {a.id: a.country for a in [*doc._.ew_actors, *(doc._.ew_implied_actors or [])]}
    return [(e.type, sorted(countries[a] for a in e.source), sorted(countries[a] for a in e.target), e)
            for e in doc._.ew_events]
