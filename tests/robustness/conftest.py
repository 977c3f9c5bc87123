"""Fixtures for the robustness tests: whole-database snapshots and a stored claim."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import inspect, text

from factcheck.ingest import save_article
from factcheck.segmenter.types import ArticleText, ClaimSpan
from factcheck.store.database import Database

Snapshot = dict[str, list[tuple[Any, ...]]]

ARTICLE = ArticleText(
    title="Budget rises",
    text="Budget rises\n\nThe council spent £4.2m on roads in 2004, up 12% on 2003.",
)
CLAIM_TEXT = "The council spent £4.2m on roads in 2004, up 12% on 2003."


def snapshot_of(db: Database) -> Snapshot:
    """Every row of every table, ordered, as plain tuples: equal means nothing changed."""
    tables = sorted(inspect(db.engine).get_table_names())
    dump: Snapshot = {}
    with db.engine.connect() as conn:
        for table in tables:
            rows = conn.execute(text(f'SELECT * FROM "{table}"')).all()
            dump[table] = sorted((tuple(r) for r in rows), key=repr)
    return dump


@pytest.fixture
def snapshot(db: Database) -> Callable[[], Snapshot]:
    return lambda: snapshot_of(db)


@pytest.fixture
def claim_id(db: Database) -> int:
    """One stored article with one claim in status new, saved as ingest saves it."""
    start = ARTICLE.text.index(CLAIM_TEXT)
    span = ClaimSpan(
        text=CLAIM_TEXT,
        sentence=CLAIM_TEXT,
        start=start,
        end=start + len(CLAIM_TEXT),
        kind="quantity",
        score=0.9,
        checkworthy=True,
        reasons=["number"],
    )
    with db.transaction() as s:
        save_article(s, ARTICLE, [span], "tester")
    with db.session() as s:
        found = s.execute(text("SELECT id FROM claim")).scalar_one()
    return int(found)
