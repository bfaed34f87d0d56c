"""Errors the store raises; the CLI and the service turn them into messages and status codes."""

from __future__ import annotations

from eventwire.errors import EventwireError

__all__ = ["NotAStore", "SchemaOutdated", "StoreError", "StoreUnavailable"]


class StoreError(EventwireError):
    """A database that cannot be used as an eventwire store."""

    code = "store_error"


class StoreUnavailable(StoreError):
    """The database cannot be reached or opened (no server, bad credentials, unwritable file)."""

    code = "store_unavailable"


class NotAStore(StoreError):
    """The database holds tables, but not an eventwire store's."""

    code = "not_a_store"


class SchemaOutdated(StoreError):
    """The store was made by an older eventwire: `eventwire db upgrade` brings it to this version."""

    code = "schema_outdated"
