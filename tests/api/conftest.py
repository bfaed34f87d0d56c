"""A service over a fresh SQLite store, driven in-process through httpx (the app's lifespan runs the worker)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from eventwire.api import ServiceConfig, create_app
from eventwire.store import Store


@pytest.fixture
def make_client(tmp_path, extractor):
    """make_client(**config) -> a TestClient of a new service over its own store."""
    opened = []

    def make(**config) -> TestClient:
        store = Store(str(tmp_path / f"service{len(opened)}.db"))
        client = TestClient(create_app(store, extractor, ServiceConfig(**config)))
        client.__enter__()
        opened.append((client, store))
        return client

    yield make
    for client, store in opened:
        client.__exit__(None, None, None)
        store.close()


@pytest.fixture
def client(make_client):
    return make_client()
