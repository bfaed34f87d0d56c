"""The watches and alerts tables, beside the store's own in the same database, and the scan that fills alerts."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from urllib.parse import urlsplit

from sqlalchemy import Column, Integer, MetaData, String, Table, Text, UniqueConstraint, delete, func, insert, select
from sqlalchemy import update as sql_update

from eventwire.store import EventQuery, Store
from eventwire.store.engine import write_transaction
from eventwire.store.query import matching
from eventwire.store.tables import articles, events

__all__ = ["Watch", "WatchError", "Watches"]

metadata = MetaData()

watches = Table(
    "watches", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False),
    Column("query", Text, nullable=False, doc="JSON of the watch's filters"),
    Column("webhook", Text),
    Column("cursor", Integer, nullable=False, doc="events.pk up to which events were looked at"),
    Column("created_at", String(32), nullable=False),
)

alerts = Table(
    "watch_alerts", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("watch_id", Integer, nullable=False, index=True),
    Column("event_pk", Integer, nullable=False),
    Column("article_id", Text, nullable=False),
    Column("event_id", String(64), nullable=False),
    Column("at", String(32), nullable=False),
    Column("data", Text, nullable=False, doc="JSON of the event row when it was stored"),
    UniqueConstraint("watch_id", "event_pk", name="uq_watch_alerts_event"),
)


class WatchError(ValueError):
    """A watch that cannot be made or found (bad filter, bad webhook URL, unknown id)."""


@dataclass(frozen=True)
class Watch:
    """A saved query. ``source``/``target`` hold when an actor on that side has this code or country."""

    name: str
    types: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    country: str | None = None
    actor: str | None = None
    source: str | None = None
    target: str | None = None
    cameo: str | None = None
    place: str | None = None
    according_to: str | None = None
    webhook: str | None = None
    id: int | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise WatchError("a watch needs a name")
        try:
            self.query()
        except ValueError as err:
            raise WatchError(str(err)) from None
        if self.webhook is not None:
            parts = urlsplit(self.webhook)
            if parts.scheme not in ("http", "https") or not parts.netloc:
                raise WatchError(f"webhook must be an http(s) URL, got {self.webhook!r}")

    def query(self) -> EventQuery:
        """The store query for every filter but the sides."""
        return EventQuery(country=self.country, actor=self.actor, types=tuple(t.upper() for t in self.types),
                          statuses=tuple(s.lower() for s in self.statuses), cameo=self.cameo, place=self.place,
                          according_to=self.according_to)

    def holds(self, row: dict) -> bool:
        """The side filters on one event row (the store query has done the rest)."""
        return _side(row["source"], self.source) and _side(row["target"], self.target)

    def filters(self) -> dict:
        """The filters as JSON-ready values (what the watches table keeps)."""
        return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(self).items()
                if k not in ("id", "name", "webhook")}

    def describe(self) -> str:
        """The filters in one line, for lists and feed titles."""
        parts = [f"{k}={'|'.join(v) if isinstance(v, list) else v}" for k, v in self.filters().items() if v]
        return ", ".join(parts) or "every event"


def _side(actors: list[dict], wanted: str | None) -> bool:
    if not wanted:
        return True
    w = wanted.upper()
    return any(a["code"] == w or a["country"] == w or (a["code"] or "").startswith(w) for a in actors)


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


class Watches:
    """The watches of one store. Creates its two tables in the store's database when they are missing."""

    def __init__(self, store: Store) -> None:
        self.store = store
        metadata.create_all(store.engine, checkfirst=True)

    def add(self, watch: Watch) -> Watch:
        """Save a watch; it alerts on events stored from now on."""
        with write_transaction(self.store.engine) as conn:
            cursor = conn.scalar(select(func.max(events.c.pk))) or 0
            new_id = conn.execute(insert(watches).values(
                name=watch.name.strip(), query=json.dumps(watch.filters()), webhook=watch.webhook, cursor=cursor,
                created_at=_now())).inserted_primary_key[0]
        return Watch(**{**asdict(watch), "id": new_id})

    def remove(self, watch_id: int) -> None:
        """Delete a watch and its alerts."""
        with write_transaction(self.store.engine) as conn:
            if conn.execute(delete(watches).where(watches.c.id == watch_id)).rowcount == 0:
                raise WatchError(f"no watch {watch_id}")
            conn.execute(delete(alerts).where(alerts.c.watch_id == watch_id))

    def all(self) -> list[Watch]:
        """Every watch, oldest first."""
        with self.store.engine.connect() as conn:
            return [_watch(r) for r in conn.execute(select(watches).order_by(watches.c.id)).mappings()]

    def get(self, watch_id: int) -> Watch:
        with self.store.engine.connect() as conn:
            row = conn.execute(select(watches).where(watches.c.id == watch_id)).mappings().first()
        if row is None:
            raise WatchError(f"no watch {watch_id}")
        return _watch(row)

    def alerts(self, watch_id: int, limit: int = 100) -> list[dict]:
        """A watch's alerts, newest first: {id, at, event} with the event row as stored."""
        with self.store.engine.connect() as conn:
            rows = conn.execute(select(alerts.c.pk, alerts.c.at, alerts.c.data).where(alerts.c.watch_id == watch_id)
                                .order_by(alerts.c.pk.desc()).limit(limit))
            return [{"id": r.pk, "at": r.at, "event": json.loads(r.data)} for r in rows]

    def count_alerts(self, watch_id: int) -> int:
        with self.store.engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(alerts).where(alerts.c.watch_id == watch_id)) or 0

    def scan(self) -> dict[int, list[dict]]:
        """Turn the events stored since each watch's cursor that match it into alerts; return the new ones."""
        found: dict[int, list[dict]] = {}
        for watch in self.all():
            new = self._scan(watch)
            if new:
                found[watch.id] = new
        return found

    def _scan(self, watch: Watch) -> list[dict]:
        with write_transaction(self.store.engine) as conn:
            cursor = conn.scalar(select(watches.c.cursor).where(watches.c.id == watch.id))
            top = conn.scalar(select(func.max(events.c.pk))) or 0
            hits = conn.execute(
                select(events.c.pk, events.c.id, articles.c.id.label("article_id"))
                .join(articles, articles.c.pk == events.c.article_pk)
                .where(events.c.pk > cursor, events.c.pk <= top, events.c.pk.in_(matching(watch.query())))
                .order_by(events.c.pk)).all()
            rows = self._rows(hits)
            new = []
            for hit in hits:
                row = rows.get((hit.article_id, hit.id))
                if row is None or not watch.holds(row):
                    continue
                at = _now()
                pk = conn.execute(insert(alerts).values(watch_id=watch.id, event_pk=hit.pk, article_id=hit.article_id,
                                                        event_id=hit.id, at=at, data=json.dumps(row))
                                  ).inserted_primary_key[0]
                new.append({"id": pk, "at": at, "event": row})
            conn.execute(sql_update(watches).where(watches.c.id == watch.id).values(cursor=top))
        return new

    def _rows(self, hits) -> dict[tuple[str, str], dict]:
        rows = {}
        for article_id in {h.article_id for h in hits}:
            for row in self.store.events(EventQuery(article=article_id)):
                rows[(row["article_id"], row["event_id"])] = row
        return rows


def _watch(row) -> Watch:
    filters = json.loads(row["query"])
    for key in ("types", "statuses"):
        filters[key] = tuple(filters.get(key) or ())
    return Watch(name=row["name"], webhook=row["webhook"], id=row["id"], **filters)
