"""Event queries: the filters of ``eventwire query``/``export`` (and the service's ``GET /events``)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, Select, and_, exists, func, or_, select

from eventwire.schema import PLOVER_TYPES, STATUSES
from eventwire.store.tables import actors, articles, event_actors, event_mentions, events, places

__all__ = ["EventQuery", "count_events", "event_rows", "matching"]


@dataclass(frozen=True)
class EventQuery:
    """Which events: every filter given must hold (a list filter holds when any of its values does).

    :param country: an actor on either side belongs to this country (alpha-3, or an IGO code).
    :param actor: an actor on either side has this code or KB id, or a name containing this text.
    :param types: PLOVER types.
    :param cameo: CAMEO code prefix (``04`` is every consultation).
    :param since: first event date (YYYY-MM-DD), inclusive.
    :param until: last event date, inclusive.
    :param place: the event's place has a name containing this text, or this country code.
    :param statuses: event statuses.
    :param according_to: an attribution chain of the event (or of one of its mentions) contains this text.
    :param article: events of this article id only.
    :param story: events of this story only.
    :param limit: at most this many events (None: all).
    :param offset: skip this many first (pagination).
    """

    country: str | None = None
    actor: str | None = None
    types: tuple[str, ...] = ()
    cameo: str | None = None
    since: str | None = None
    until: str | None = None
    place: str | None = None
    statuses: tuple[str, ...] = ()
    according_to: str | None = None
    article: str | None = None
    story: str | None = None
    limit: int | None = None
    offset: int = 0

    def __post_init__(self) -> None:
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None:
                try:
                    date.fromisoformat(value)
                except ValueError:
                    raise ValueError(f"{name} must be a date YYYY-MM-DD, got {value!r}") from None
        unknown = [t for t in self.types if t.upper() not in PLOVER_TYPES]
        if unknown:
            raise ValueError(f"unknown PLOVER type {unknown[0]!r} (one of {', '.join(PLOVER_TYPES)})")
        bad = [s for s in self.statuses if s.lower() not in STATUSES]
        if bad:
            raise ValueError(f"unknown status {bad[0]!r} (one of {', '.join(STATUSES)})")
        if self.limit is not None and self.limit < 0 or self.offset < 0:
            raise ValueError("limit and offset must not be negative")

    @property
    def is_empty(self) -> bool:
        """No filter at all (limit and offset aside)."""
        return not any((self.country, self.actor, self.types, self.cameo, self.since, self.until, self.place,
                        self.statuses, self.according_to, self.article, self.story))

    def where(self, query: Select) -> Select:
        """``query`` (over events joined with articles) with these filters."""
        return query.where(*self._conditions())

    def _conditions(self) -> list:
        c = []
        if self.country:
            c.append(_actor_exists(actors.c.country == self.country.upper()))
        if self.actor:
            text = self.actor.strip()
            c.append(_actor_exists(or_(actors.c.code == text.upper(), actors.c.kb_id == text,
                                       func.lower(actors.c.name).contains(text.lower(), autoescape=True))))
        if self.types:
            c.append(events.c.type.in_([t.upper() for t in self.types]))
        if self.cameo:
            c.append(events.c.cameo.startswith(self.cameo, autoescape=True))
        if self.since:
            c.append(events.c.date >= self.since)
        if self.until:
            c.append(events.c.date <= self.until)
        if self.place:
            c.append(exists().where(places.c.article_pk == events.c.article_pk, places.c.id == events.c.place_id,
                                    or_(places.c.country == self.place.upper(),
                                        func.lower(places.c.name).contains(self.place.lower(), autoescape=True))))
        if self.statuses:
            c.append(events.c.status.in_([s.lower() for s in self.statuses]))
        if self.according_to:
            needle = self.according_to.lower()
            c.append(or_(func.lower(events.c.according_to).contains(needle, autoescape=True),
                         exists().where(event_mentions.c.event_pk == events.c.pk,
                                        func.lower(event_mentions.c.according_to).contains(needle, autoescape=True))))
        if self.article:
            c.append(articles.c.id == self.article)
        if self.story:
            c.append(events.c.story_id == self.story)
        return c


def _actor_exists(condition) -> object:
    return exists().where(
        event_actors.c.event_pk == events.c.pk,
        actors.c.article_pk == events.c.article_pk,
        actors.c.id == event_actors.c.actor_id,
        condition,
    )


def matching(query: EventQuery) -> Select:
    """The events a query selects, in a stable order: dated first by date, then article, then document order."""
    base = select(events.c.pk).join(articles, articles.c.pk == events.c.article_pk)
    ordered = query.where(base).order_by(events.c.date.is_(None), events.c.date, articles.c.id, events.c.pk)
    if query.limit is not None:
        ordered = ordered.limit(query.limit)
    return ordered.offset(query.offset) if query.offset else ordered


def count_events(conn: Connection, query: EventQuery) -> int:
    """How many events match (limit and offset ignored)."""
    base = select(func.count()).select_from(events.join(articles, articles.c.pk == events.c.article_pk))
    return conn.scalar(query.where(base)) or 0


def event_rows(conn: Connection, query: EventQuery) -> Iterator[dict]:
    """The matching events, each as a dict: article, date, type, CAMEO, actors, place, status, chain, evidence.

    Read a page of 2,000 at a time, so an export of the whole store keeps memory flat.
    """
    pks = list(conn.scalars(matching(query)))
    for i in range(0, len(pks), 2000):
        yield from _rows(conn, pks[i : i + 2000])


def _rows(conn: Connection, pks: list[int]) -> list[dict]:
    found = conn.execute(
        select(events, articles.c.id.label("article_id"), articles.c.published, articles.c.url,
               articles.c.duplicate_of, places.c.name.label("place_name"), places.c.country.label("place_country"),
               places.c.lat.label("place_lat"), places.c.lon.label("place_lon"),
               places.c.feature.label("place_feature"), places.c.admin1.label("place_admin1"),
               places.c.geonameid.label("place_geonameid"),
               articles.c.title, articles.c.publisher, articles.c.ingested_at)
        .join(articles, articles.c.pk == events.c.article_pk)
        .outerjoin(places, and_(places.c.article_pk == events.c.article_pk, places.c.id == events.c.place_id))
        .where(events.c.pk.in_(pks))
    ).mappings().all()
    sides: dict[int, dict[str, list[dict]]] = {pk: {"source": [], "target": []} for pk in pks}
    for a in conn.execute(
        select(event_actors.c.event_pk, event_actors.c.role, actors.c.id, actors.c.name, actors.c.code,
               actors.c.country, actors.c.sector, actors.c.kb_id)
        .join(events, events.c.pk == event_actors.c.event_pk)
        .join(actors, and_(actors.c.article_pk == events.c.article_pk, actors.c.id == event_actors.c.actor_id))
        .where(event_actors.c.event_pk.in_(pks))
        .order_by(event_actors.c.event_pk, event_actors.c.role, event_actors.c.position)
    ).mappings():
        sides[a["event_pk"]][a["role"]].append({k: a[k] for k in ("id", "name", "code", "country", "sector", "kb_id")})
    mentions: dict[int, list[dict]] = {pk: [] for pk in pks}
    for m in conn.execute(select(event_mentions).where(event_mentions.c.event_pk.in_(pks))
                          .order_by(event_mentions.c.event_pk, event_mentions.c.position)).mappings():
        mentions[m["event_pk"]].append({
            "evidence": {"start": m["evidence_start"], "end": m["evidence_end"], "text": m["evidence_text"]},
            "status": m["status"], "according_to": m["according_to"], "date": m["date"]})
    by_pk = {r["pk"]: _row(r, sides[r["pk"]], mentions[r["pk"]]) for r in found}
    return [by_pk[pk] for pk in pks if pk in by_pk]


def _row(r, side: dict[str, list[dict]], mentions: list[dict]) -> dict:
    place = None
    if r["place_name"] is not None:
        place = {"name": r["place_name"], "country": r["place_country"], "lat": r["place_lat"], "lon": r["place_lon"],
                 "feature": r["place_feature"], "admin1": r["place_admin1"], "geonameid": r["place_geonameid"]}
    return {
        "article_id": r["article_id"], "event_id": r["id"], "date": r["date"], "date_basis": r["date_basis"],
        "type": r["type"], "mode": r["mode"], "context": json.loads(r["context"]), "cameo": r["cameo"],
        "goldstein": r["goldstein"], "source": side["source"], "target": side["target"], "place": place,
        "status": r["status"], "according_to": r["according_to"],
        "evidence": {"start": r["evidence_start"], "end": r["evidence_end"], "text": r["evidence_text"]},
        "confidence": r["confidence"], "mentions": mentions, "story_id": r["story_id"],
        "published": r["published"], "url": r["url"], "title": r["title"], "publisher": r["publisher"],
        "duplicate_of": r["duplicate_of"], "ingested_at": r["ingested_at"],
    }
