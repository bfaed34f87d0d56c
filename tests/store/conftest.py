"""Store fixtures: every store test runs on SQLite and on PostgreSQL.

PostgreSQL comes from ``$EVENTWIRE_TEST_PG_URL`` (``.ci/run`` starts a throw-away cluster with
``scripts/pg_scratch.sh`` and exports it); each test gets a fresh database there. Outside CI the
PostgreSQL half is skipped when the variable is unset; in CI (``$CI`` set) it must be there.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, text

from eventwire.store import database_url

PG_ENV = "EVENTWIRE_TEST_PG_URL"
BACKENDS = ("sqlite", "postgresql")


def pg_admin_url() -> str | None:
    """The test cluster's URL, None when no cluster is configured (outside CI only)."""
    url = os.environ.get(PG_ENV)
    if not url and os.environ.get("CI"):
        pytest.fail(f"{PG_ENV} is unset in CI: .ci/run must start PostgreSQL (scripts/pg_scratch.sh)")
    return url


@contextmanager
def new_pg_database() -> Iterator[str]:
    """A fresh, empty PostgreSQL database on the test cluster (its URL); dropped afterwards."""
    admin = pg_admin_url()
    if not admin:
        pytest.skip(f"PostgreSQL: set {PG_ENV} (eval \"$(scripts/pg_scratch.sh start)\") to run this half")
    name = f"ew_{uuid.uuid4().hex[:12]}"
    engine = create_engine(database_url(admin), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield database_url(admin).set(database=name).render_as_string(hide_password=False)
    finally:
        with engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()


@pytest.fixture
def pg_database():
    with new_pg_database() as url:
        yield url


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path) -> str:
    """A URL of an empty database on each backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'eventwire.db'}"
    return request.getfixturevalue("pg_database")


@pytest.fixture
def store(db_url):
    from eventwire.store import Store

    s = Store(db_url)
    yield s
    s.close()
