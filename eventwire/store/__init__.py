"""The store: extracted documents in SQLite or PostgreSQL, queries, story events across articles.

`Store` writes one article per transaction (identity: id + SHA-256 of the text), answers the event
queries of ``eventwire query``/``export`` and keeps story events up to date as articles arrive; `ingest`
runs records through an extraction function into it. Schema versions are alembic migrations shipped in
this package (``eventwire db upgrade``). The store knows no pipeline stage, only the document model.
"""

from eventwire.store.engine import DEFAULT_DB, ENV_DB, database_url
from eventwire.store.errors import NotAStore, SchemaOutdated, StoreError, StoreUnavailable
from eventwire.store.ingest import IngestReport, ingest
from eventwire.store.query import EventQuery
from eventwire.store.store import Store, upgrade
from eventwire.store.writer import PutResult

__all__ = [
    "DEFAULT_DB", "ENV_DB", "EventQuery", "IngestReport", "NotAStore", "PutResult", "SchemaOutdated", "Store",
    "StoreError", "StoreUnavailable", "database_url", "ingest", "upgrade",
]
