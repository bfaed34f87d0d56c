"""Schema versions: alembic migrations shipped in the package, checked every time a store opens.

A new (empty) database is created at the latest version; a store at an older version is refused with
an error that names ``eventwire db upgrade``, so no command ever writes rows a newer schema would
misread.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect

from eventwire.store.engine import write_transaction
from eventwire.store.errors import NotAStore, SchemaOutdated, StoreError

__all__ = ["current_version", "ensure_current", "head_version", "upgrade"]

MIGRATIONS = Path(__file__).with_name("migrations")


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_version() -> str:
    """The schema version this eventwire writes."""
    return ScriptDirectory.from_config(_config()).get_current_head()


def current_version(conn: Connection) -> str | None:
    """The schema version of the database, None when it has none."""
    return MigrationContext.configure(conn).get_current_revision()


def _known_versions() -> set[str]:
    return {script.revision for script in ScriptDirectory.from_config(_config()).walk_revisions()}


def upgrade(engine: Engine, revision: str = "head") -> tuple[str | None, str]:
    """Bring the database to ``revision`` (latest by default) in one transaction; return (before, after).

    :raises NotAStore: the database holds other tables and no eventwire version.
    """
    with write_transaction(engine) as conn:
        before = current_version(conn)
        if before is None and inspect(conn).get_table_names():
            raise NotAStore("the database holds tables but no eventwire store: give another --db")
        config = _config()
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
        return before, current_version(conn) or ""


def ensure_current(engine: Engine, where: str) -> None:
    """Create an empty database at the latest version, or check that an existing one is at it.

    :raises SchemaOutdated: an older store; the message names the command that upgrades it.
    :raises StoreError: a store from a newer eventwire.
    """
    head = head_version()
    with engine.connect() as conn:
        current = current_version(conn)
    if current == head:
        return
    if current is None:
        upgrade(engine)
        return
    if current not in _known_versions():
        raise StoreError(f"{where}: the store has schema version {current}, made by a newer eventwire (this one "
                         f"knows up to {head}): upgrade eventwire")
    raise SchemaOutdated(f"{where}: the store has schema version {current}, this eventwire needs {head}: "
                         f"run `eventwire db upgrade --db {where}` (the upgrade keeps every row)")
