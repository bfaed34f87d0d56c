"""Alembic environment: eventwire runs migrations on a connection it opened itself (`eventwire db upgrade`)."""

from alembic import context

from eventwire.store.tables import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
