"""Alembic environment: URL from factcheck's settings, Engine or Connection accepted.

There is no alembic.ini, so logging is not configured from a file here.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, Engine

from factcheck.store import models  # noqa: F401  (registers the tables)
from factcheck.store.base import Base
from factcheck.store.models import include_name

config = context.config
target_metadata = Base.metadata


def _foreign_keys(connection: Connection, on: bool) -> None:
    """Switch SQLite's foreign key enforcement for the connection.

    Batch migrations rebuild a table by copying it and dropping the original; with
    enforcement on, that DROP cascades and deletes every child row (sources, history).
    The pragma only takes effect outside a transaction, so it goes straight to the
    driver connection before Alembic begins one.
    """
    if connection.dialect.name != "sqlite" or connection.in_transaction():
        return
    connection.connection.driver_connection.execute(  # type: ignore[union-attr]
        f"PRAGMA foreign_keys = {'ON' if on else 'OFF'}"
    )


def _run(connection: Connection) -> None:
    _foreign_keys(connection, on=False)
    try:
        _configure_and_run(connection)
    finally:
        _foreign_keys(connection, on=True)


def _configure_and_run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_offline() -> None:
    context.configure(
        url=_url(),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


def _url() -> str:
    url = config.get_main_option("sqlalchemy.url")
    if url:
        return url
    from factcheck.settings import database_url

    return database_url()


def run_migrations_online() -> None:
    given = config.attributes.get("connection")
    if isinstance(given, Connection):
        _run(given)
        return
    if isinstance(given, Engine):
        with given.connect() as connection:
            _run(connection)
            connection.commit()
        return
    from factcheck.store.database import create_db_engine

    engine = create_db_engine(_url())
    try:
        with engine.connect() as connection:
            _run(connection)
            connection.commit()
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
