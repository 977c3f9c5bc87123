"""Whole-database snapshots: equal snapshots mean a command changed nothing."""

from __future__ import annotations

from typing import Any

from sqlalchemy import inspect, text

from factcheck.store.database import Database

Snapshot = dict[str, list[tuple[Any, ...]]]


def snapshot_of(db: Database) -> Snapshot:
    """Every row of every table, ordered, as plain tuples: equal means nothing changed."""
    tables = sorted(inspect(db.engine).get_table_names())
    dump: Snapshot = {}
    with db.engine.connect() as conn:
        for table in tables:
            rows = conn.execute(text(f'SELECT * FROM "{table}"')).all()
            dump[table] = sorted((tuple(r) for r in rows), key=repr)
    return dump
