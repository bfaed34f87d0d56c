"""Database URLs and engines: SQLite (a file, WAL) by default, PostgreSQL through psycopg 3.

Writes are serialised, one article per transaction: SQLite takes its write lock at ``BEGIN IMMEDIATE``
(so two writers never deadlock upgrading a read lock), PostgreSQL takes a transaction-scoped advisory
lock. Reads run concurrently with writes on both (WAL, MVCC), so a web service can read from worker
threads while an ingest runs.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from eventwire.store.errors import StoreError

__all__ = ["DEFAULT_DB", "ENV_DB", "database_url", "make_engine", "safe_url", "write_transaction"]

DEFAULT_DB = "eventwire.db"
ENV_DB = "EVENTWIRE_DB"
_WRITE_LOCK = 0x65767477  # "evtw": the advisory lock id every eventwire writer on a PostgreSQL store takes
_SQLITE_BUSY_SECONDS = 60


def database_url(value: str | None = None) -> URL:
    """The URL of ``value``: a URL (``postgresql://user@host/db``, ``sqlite:///path``) or a file path.

    Without a value, ``$EVENTWIRE_DB``, else ``eventwire.db`` in the working folder. A bare
    ``postgresql://`` URL gets the psycopg 3 driver (SQLAlchemy would pick psycopg2, not installed).

    :raises StoreError: the value is neither a URL SQLAlchemy understands nor a usable path.
    """
    value = value or os.environ.get(ENV_DB) or DEFAULT_DB
    if "://" not in value:
        return URL.create("sqlite", database=str(Path(value).expanduser().resolve()))
    try:
        url = make_url(value)
    except ArgumentError:
        raise StoreError(f"{value!r} is not a database URL (postgresql://user@host/db, sqlite:///file.db)") from None
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise StoreError(f"{url.get_backend_name()}: unsupported database (use SQLite or PostgreSQL)")
    return url


def safe_url(url: URL) -> str:
    """The URL without its password, for messages and stats."""
    return url.render_as_string(hide_password=True)


def make_engine(url: URL) -> Engine:
    """An engine with eventwire's connection settings for the backend of ``url``."""
    if url.get_backend_name() == "sqlite":
        return _sqlite_engine(url)
    return create_engine(url, pool_pre_ping=True)


def _sqlite_engine(url: URL) -> Engine:
    if url.database and url.database != ":memory:" and not Path(url.database).parent.is_dir():
        raise StoreError(f"{url.database}: the folder {Path(url.database).parent} does not exist")
    engine = create_engine(url, connect_args={"timeout": _SQLITE_BUSY_SECONDS, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        # Let SQLAlchemy's "begin" event emit BEGIN itself (pysqlite would defer it past DDL and reads).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: a killed process loses no commit
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("eventwire_write") else "BEGIN")

    return engine


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """One write transaction, holding the store's write lock until it commits or rolls back."""
    with engine.connect() as conn:
        conn.execution_options(eventwire_write=True)
        with conn.begin():
            if engine.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _WRITE_LOCK})
            yield conn
