"""The REST API of ``eventwire serve`` (FastAPI): live ingest, the store's queries, watches."""

from eventwire.api.app import DEFAULT_MAX_BODY, ServiceConfig, create_app

__all__ = ["DEFAULT_MAX_BODY", "ServiceConfig", "create_app"]
