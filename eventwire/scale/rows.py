"""One flat row per event, for tables (the Spark job's Parquet); a pure function of a document."""

from __future__ import annotations

from typing import Any

from eventwire.export.summary import source_chain
from eventwire.schema import Actor, Document

__all__ = ["EVENT_COLUMNS", "event_rows"]

# (name, type) in the order written; types are Spark SQL type names.
EVENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("article_id", "string"),
    ("event_id", "string"),
    ("type", "string"),
    ("mode", "string"),
    ("cameo", "string"),
    ("goldstein", "double"),
    ("source_codes", "array<string>"),
    ("source_names", "array<string>"),
    ("target_codes", "array<string>"),
    ("target_names", "array<string>"),
    ("date", "string"),
    ("date_basis", "string"),
    ("place_name", "string"),
    ("place_country", "string"),
    ("place_lat", "double"),
    ("place_lon", "double"),
    ("status", "string"),
    ("according_to", "string"),
    ("evidence_start", "int"),
    ("evidence_end", "int"),
    ("evidence_text", "string"),
    ("confidence", "double"),
)


def event_rows(doc: Document) -> list[dict[str, Any]]:
    """The events of ``doc`` as rows with `EVENT_COLUMNS` (an error document has none).

    Actors become parallel lists of CAMEO codes and names (a code is null when the actor has
    none); ``according_to`` is the attribution chain, outermost source first ("Tass → Peskov").
    """
    actors = {a.id: a for a in doc.actors}
    places = {p.id: p for p in doc.places}
    attributions = {a.id: a for a in doc.attributions}
    rows = []
    for event in doc.events:
        place = places.get(event.place) if event.place else None
        sources = [actors[i] for i in event.source if i in actors]
        targets = [actors[i] for i in event.target if i in actors]
        rows.append({
            "article_id": doc.article.id,
            "event_id": event.id,
            "type": event.type,
            "mode": event.mode,
            "cameo": event.cameo,
            "goldstein": event.goldstein,
            **_actors("source", sources),
            **_actors("target", targets),
            "date": event.date,
            "date_basis": event.date_basis,
            "place_name": place.name if place else None,
            "place_country": place.country if place else None,
            "place_lat": place.lat if place else None,
            "place_lon": place.lon if place else None,
            "status": event.status,
            "according_to": source_chain(event.attribution, attributions) or None,
            "evidence_start": event.evidence.start,
            "evidence_end": event.evidence.end,
            "evidence_text": event.evidence.text,
            "confidence": event.confidence,
        })
    return rows


def _actors(side: str, actors: list[Actor]) -> dict[str, list]:
    return {f"{side}_codes": [a.code for a in actors], f"{side}_names": [a.name for a in actors]}
