"""Alembic environment: migrations run on a connection handed in by `Store.open`.

There is no alembic.ini and no offline (SQL script) mode: the store builds the Alembic
config in code and passes its open connection as `config.attributes["connection"]`.
"""

from __future__ import annotations

from alembic import context


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("E401 store error: migrations need a connection from Store.open")
    context.configure(connection=connection, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise RuntimeError("E401 store error: offline migrations are not supported")
run_migrations_online()
