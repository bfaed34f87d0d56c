"""Hand-made documents for store tests that need exact control over actors, places, dates and statuses."""

from __future__ import annotations

from eventwire.schema import Actor, Article, Document, Event, EventMention, Mention, Place

ACTORS = {
    "CHNGOV": ("Xi Jinping", "person", "CHN", "GOV"),
    "FRAGOV": ("Emmanuel Macron", "person", "FRA", "GOV"),
    "DEUGOV": ("Olaf Scholz", "person", "DEU", "GOV"),
    "POLGOV": ("Donald Tusk", "person", "POL", "GOV"),
}
PLACES = {"CHN": ("Beijing", 39.9, 116.4), "FRA": ("Paris", 48.85, 2.35), "POL": ("Warsaw", 52.2, 21.0)}


def document(article_id: str, text: str, events: list[dict], published: str | None = "2024-04-05",
             publisher: str | None = None) -> Document:
    """A document whose events are given as dicts: type, source/target codes, date, date_basis, place country,
    status, and ``mentions`` (how many reports of it the article merged into the event; default none listed)."""
    actors: dict[str, Actor] = {}
    places: dict[str, Place] = {}
    built = []
    for n, spec in enumerate(events, start=1):
        ids = {}
        for role in ("source", "target"):
            ids[role] = []
            for code in spec.get(role, []):
                if code not in actors:
                    name, kind, country, sector = ACTORS[code]
                    start = text.find(name)
                    mention = [Mention(start=start, end=start + len(name), text=name)] if start >= 0 else []
                    actors[code] = Actor(id=f"a{len(actors) + 1}", name=name, kind=kind, country=country,
                                         sector=sector, code=code, mentions=mention)
                ids[role].append(actors[code].id)
        place_id = None
        if spec.get("place"):
            country = spec["place"]
            if country not in places:
                name, lat, lon = PLACES[country]
                places[country] = Place(id=f"p{len(places) + 1}", name=name, lat=lat, lon=lon, country=country,
                                        feature="city", mentions=[])
            place_id = places[country].id
        evidence = Mention(start=0, end=min(len(text), 20), text=text[:20])
        status = spec.get("status", "asserted")
        mentions = [EventMention(evidence=Mention(start=i, end=i + 10, text=text[i:i + 10]), status=status,
                                 date=spec.get("date")) for i in range(0, 10 * spec.get("mentions", 0), 10)]
        built.append(Event(
            id=f"e{n}", type=spec["type"], cameo=spec.get("cameo", "040"), source=ids["source"],
            target=ids["target"], date=spec.get("date"), date_basis=spec.get("date_basis"), place=place_id,
            status=status, evidence=evidence, confidence=0.8, mentions=mentions,
        ))
    article = Article(id=article_id, published=published, publisher=publisher)
    return Document(article=article, actors=list(actors.values()), places=list(places.values()), events=built)
