"""Fixtures for the robustness tests: whole-database snapshots and a stored claim."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import text

from factcheck.ingest import save_article
from factcheck.segmenter.types import ArticleText, ClaimSpan
from factcheck.store.database import Database

from .snapshots import Snapshot, snapshot_of

ARTICLE = ArticleText(
    title="Budget rises",
    text="Budget rises\n\nThe council spent £4.2m on roads in 2004, up 12% on 2003.",
)
CLAIM_TEXT = "The council spent £4.2m on roads in 2004, up 12% on 2003."


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
