"""Alembic environment: online against the connection handed over by pmark3.store.migrate,
offline (``--sql``) against a URL, so migrations can be compiled for mssql with no server."""

from __future__ import annotations

from alembic import context

from pmark3.store.tables import metadata

config = context.config

if context.is_offline_mode():
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=metadata,
        literal_binds=True,
        render_as_batch=False,
    )
    with context.begin_transaction():
        context.run_migrations()
else:
    connection = config.attributes["connection"]
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()
