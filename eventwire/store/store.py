"""`Store`: the one object the CLI and the service use to write and read eventwire data.

Thread-safe: it holds an SQLAlchemy engine (a connection pool) and every method opens its own
connection, so a web service can call it from worker threads. Every write is one transaction under
the store's write lock (`engine.write_transaction`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

from sqlalchemy import Connection, func, select
from sqlalchemy.engine import URL
from sqlalchemy.exc import OperationalError

from eventwire.schema import Document
from eventwire.store import schema, stories
from eventwire.store.engine import database_url, make_engine, safe_url, write_transaction
from eventwire.store.errors import StoreUnavailable
from eventwire.store.query import EventQuery, count_events, event_rows, matching
from eventwire.store.tables import actors, articles, errors, events, history, places
from eventwire.store.tables import stories as stories_table
from eventwire.store.writer import PutResult, put_article, put_error, text_sha256

__all__ = ["Store", "upgrade"]


def upgrade(url: str | URL | None = None) -> tuple[str | None, str]:
    """Bring the database at ``url`` to this eventwire's schema (`eventwire db upgrade`); return (before, after)."""
    engine = make_engine(database_url(url) if not isinstance(url, URL) else url)
    try:
        return _reachable(lambda: schema.upgrade(engine), safe_url(engine.url))
    finally:
        engine.dispose()


def _reachable(call, where: str):
    try:
        return call()
    except OperationalError as err:
        reason = str(err.orig).strip().splitlines()[0] if err.orig else str(err)
        raise StoreUnavailable(f"{where}: cannot use the database: {reason}") from None


class Store:
    """An eventwire store on SQLite (default ``eventwire.db``) or PostgreSQL.

    :param url: a database URL or an SQLite file path (default ``$EVENTWIRE_DB`` or ``eventwire.db``).
    :raises SchemaOutdated: the store is at an older schema version (`eventwire db upgrade`).
    :raises StoreUnavailable: the database cannot be reached or opened.
    """

    def __init__(self, url: str | URL | None = None) -> None:
        self.url = url if isinstance(url, URL) else database_url(url)
        self.where = safe_url(self.url)
        self.engine = make_engine(self.url)
        _reachable(lambda: schema.ensure_current(self.engine, self.where), self.where)

    def close(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    # writing

    def known(self, pairs: list[tuple[str, str]]) -> set[str]:
        """Of (article id, text) pairs, the ids already stored with exactly that text (nothing to do for them)."""
        if not pairs:
            return set()
        wanted = {article_id: text_sha256(text) for article_id, text in pairs}
        with self._read() as conn:
            rows = conn.execute(select(articles.c.id, articles.c.sha256).where(articles.c.id.in_(list(wanted))))
            return {row.id for row in rows if wanted[row.id] == row.sha256}

    def put(self, document: Document, text: str, source: str | None = None, line: int | None = None) -> PutResult:
        """Store one extracted article (the text its offsets index) in one transaction, with its story updates."""
        if document.error is not None:
            raise ValueError("an error document is recorded with put_error, not stored as an article")
        if not document.article.id:
            raise ValueError("an article needs an id to be stored")
        return _reachable(lambda: self._put(document, text, source, line), self.where)

    def _put(self, document: Document, text: str, source: str | None, line: int | None) -> PutResult:
        with write_transaction(self.engine) as conn:
            return put_article(conn, document, text, source, line)

    def put_error(self, code: str, message: str, source: str | None = None, line: int | None = None,
                  article_id: str | None = None) -> bool:
        """Record a bad input record in the errors table; False when that same error was already there."""
        with write_transaction(self.engine) as conn:
            return put_error(conn, code, message, source, line, article_id)

    def rebuild_stories(self) -> int:
        """Recompute every story from the stored events (deterministic); return the number of stories."""
        with write_transaction(self.engine) as conn:
            return stories.rebuild(conn)

    # reading

    def stats(self) -> dict:
        """Counts of what the store holds."""
        with self._read() as conn:
            def n(table, *where) -> int:
                return conn.scalar(select(func.count()).select_from(table).where(*where)) or 0

            dates = conn.execute(select(func.min(events.c.date), func.max(events.c.date))).one()
            return {
                "articles": n(articles), "events": n(events), "stories": n(stories_table), "errors": n(errors),
                "duplicates": n(articles, articles.c.duplicate_of.is_not(None)),
                "multi_article_stories": n(stories_table, stories_table.c.num_articles > 1),
                "replaced_versions": n(history), "actors": n(actors), "places": n(places),
                "first_date": dates[0], "last_date": dates[1],
                "database": self.where, "schema_version": schema.current_version(conn),
            }

    def events(self, query: EventQuery | None = None) -> Iterator[dict]:
        """Events matching ``query``, each a dict (see `eventwire.store.query.event_rows`), streamed."""
        with self._read() as conn:
            yield from event_rows(conn, query or EventQuery())

    def count_events(self, query: EventQuery | None = None) -> int:
        """How many events match (limit and offset ignored)."""
        with self._read() as conn:
            return count_events(conn, query or EventQuery())

    def documents(self, query: EventQuery | None = None) -> Iterator[str]:
        """The stored documents as contract JSON lines, in article order.

        With filters, only articles with a matching event, each keeping only its matching events.
        """
        query = query or EventQuery()
        with self._read() as conn:
            if query.is_empty:
                for (doc,) in conn.execute(select(articles.c.document).order_by(articles.c.id)):
                    yield doc
                return
            wanted: dict[str, set[str]] = {}
            for article_id, event_id in conn.execute(
                select(articles.c.id, events.c.id).join(events, events.c.article_pk == articles.c.pk)
                .where(events.c.pk.in_(matching(replace(query, limit=None, offset=0))))
            ):
                wanted.setdefault(article_id, set()).add(event_id)
            for article_id in sorted(wanted):
                doc = json.loads(conn.scalar(select(articles.c.document).where(articles.c.id == article_id)))
                doc["events"] = [e for e in doc["events"] if e["id"] in wanted[article_id]]
                yield json.dumps(doc, ensure_ascii=False)

    def document(self, article_id: str) -> dict | None:
        """One stored document, None when the article is unknown."""
        with self._read() as conn:
            raw = conn.scalar(select(articles.c.document).where(articles.c.id == article_id))
        return json.loads(raw) if raw is not None else None

    def text(self, article_id: str) -> str | None:
        """The stored text of an article (the one its offsets index)."""
        with self._read() as conn:
            return conn.scalar(select(articles.c.text).where(articles.c.id == article_id))

    def stories(self, query: EventQuery | None = None, min_articles: int = 1) -> Iterator[dict]:
        """Story lines, by date then id; with filters, the stories holding a matching event."""
        query = query or EventQuery()
        stmt = select(stories_table.c.data).where(stories_table.c.num_articles >= min_articles)
        if not query.is_empty:
            unbounded = replace(query, limit=None, offset=0)
            stmt = stmt.where(stories_table.c.id.in_(
                select(events.c.story_id).where(events.c.pk.in_(matching(unbounded)))))
        stmt = stmt.order_by(stories_table.c.date.is_(None), stories_table.c.date, stories_table.c.id)
        if query.limit is not None:
            stmt = stmt.limit(query.limit)
        if query.offset:
            stmt = stmt.offset(query.offset)
        with self._read() as conn:
            for (data,) in conn.execute(stmt):
                yield json.loads(data)

    def story(self, story_id: str) -> dict | None:
        """One story line, None when there is no such story."""
        with self._read() as conn:
            raw = conn.scalar(select(stories_table.c.data).where(stories_table.c.id == story_id))
        return json.loads(raw) if raw is not None else None

    def errors(self, limit: int | None = None) -> list[dict]:
        """The recorded input errors, oldest first."""
        stmt = select(errors.c.code, errors.c.message, errors.c.source, errors.c.line, errors.c.article_id,
                      errors.c.at).order_by(errors.c.pk)
        with self._read() as conn:
            return [dict(r) for r in conn.execute(stmt.limit(limit) if limit else stmt).mappings()]
