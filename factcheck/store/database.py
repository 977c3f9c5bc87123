"""Engine and session setup: the only place that knows connection details.

SQLite gets WAL (readers never block the writer), foreign keys and a busy timeout.
Write transactions on SQLite start with BEGIN IMMEDIATE so two writers queue on the
lock instead of failing half-way with "database is locked" when a read upgrades.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session

from factcheck.errors import DatabaseError
from factcheck.settings import redact

SQLITE_BUSY_TIMEOUT_MS = 10_000  # the default wait for another writer's lock
ENV_LOCK_TIMEOUT = "FACTCHECK_LOCK_TIMEOUT"


def lock_timeout_ms() -> int:
    """How long a write waits for another writer's lock: FACTCHECK_LOCK_TIMEOUT seconds.

    The same limit applies to SQLite's busy timeout and PostgreSQL's lock_timeout, so
    a blocked command always ends with a message instead of hanging.
    """
    raw = os.environ.get(ENV_LOCK_TIMEOUT, "").strip()
    if not raw:
        return SQLITE_BUSY_TIMEOUT_MS
    try:
        seconds = float(raw)
    except ValueError:
        raise DatabaseError(
            f"{ENV_LOCK_TIMEOUT} must be a number of seconds, not {raw!r}"
        ) from None
    return max(1, int(seconds * 1000))


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Hand transaction control to SQLAlchemy's "begin" event below.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {lock_timeout_ms()}")
        cur.execute("PRAGMA foreign_keys = ON")
        if engine.url.database not in (None, "", ":memory:"):
            cur.execute("PRAGMA journal_mode = WAL")
            cur.execute("PRAGMA synchronous = NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        mode = "IMMEDIATE" if conn.get_execution_options().get("sqlite_write") else "DEFERRED"
        conn.exec_driver_sql(f"BEGIN {mode}")


def create_db_engine(url: str, **kwargs: Any) -> Engine:
    lock_timeout_ms()  # a bad FACTCHECK_LOCK_TIMEOUT is reported before connecting
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise DatabaseError(f"not a database URL: {redact(url)}") from None
    if parsed.get_backend_name() == "postgresql":
        connect_args = dict(kwargs.pop("connect_args", {}))
        options = connect_args.get("options", "")
        connect_args["options"] = f"{options} -c lock_timeout={lock_timeout_ms()}".strip()
        kwargs["connect_args"] = connect_args
    try:
        engine = create_engine(parsed, **kwargs)
    except NoSuchModuleError:
        raise DatabaseError(f"unsupported database URL: {redact(url)}") from None
    except ModuleNotFoundError as exc:
        raise DatabaseError(
            f"the driver for {parsed.drivername} is not installed ({exc.name}); "
            "for PostgreSQL install factcheck[postgres]"
        ) from None
    if parsed.get_backend_name() == "sqlite":
        _configure_sqlite(engine)
    return engine


class Database:
    """An engine plus the two kinds of session the application uses."""

    def __init__(self, url: str, engine: Engine | None = None) -> None:
        self.url = url
        self.engine = engine or create_db_engine(url)
        self._write_engine = self.engine.execution_options(sqlite_write=True)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def display_url(self) -> str:
        return redact(self.url)

    def session(self) -> Session:
        """A session for reading; objects stay usable after commit."""
        return Session(self.engine, expire_on_commit=False)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One write transaction: committed at the end, rolled back on any error."""
        with Session(self._write_engine, expire_on_commit=False) as session:
            try:
                with session.begin():
                    yield session
            except OperationalError as exc:
                raise translate_operational_error(exc, self.display_url) from None

    def dispose(self) -> None:
        self.engine.dispose()


def translate_operational_error(exc: OperationalError, display_url: str) -> DatabaseError:
    message = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
    if "locked" in message or "busy" in message or "lock timeout" in message:
        return DatabaseError(
            f"the database is locked by another writer (waited {lock_timeout_ms() / 1000:g} s; "
            f"set {ENV_LOCK_TIMEOUT} to wait longer): {display_url}"
        )
    return DatabaseError(f"cannot use database {display_url}: {message}")
