"""Reviewed and unreviewed claims inserted through the models (no segmenter needed)."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from factcheck.segmenter.quantities import find_quantities
from factcheck.store.database import Database
from factcheck.store.models import Article, Claim, Kind, Source, Stance, Status


def add_article(db: Database, title: str) -> int:
    with db.transaction() as s:
        article = Article(
            title=title, text=title, content_hash=hashlib.sha256(title.encode()).hexdigest()
        )
        s.add(article)
        s.flush()
        return article.id


def add_claim(
    db: Database,
    article_id: int,
    text: str,
    *,
    verdict: str | None = None,
    source: str | None = None,
) -> int:
    """A claim; with a verdict it is an approved one (what the memory offers).

    Quantities are stored as ingest stores them (the segmenter's reading).
    """
    now = datetime(2025, 3, 14, 12, 0, tzinfo=UTC)
    with db.transaction() as s:
        claim = Claim(
            article_id=article_id,
            text=text,
            sentence=text,
            start=0,
            end=len(text),
            kind=Kind.QUANTITY,
            quantities=[f.quantity.to_json() for f in find_quantities(text)],
            status=Status.APPROVED if verdict else Status.NEW,
            verdict=verdict,
            explanation="checked" if verdict else None,
            verdict_at=now if verdict else None,
            approved_at=now if verdict else None,
        )
        s.add(claim)
        s.flush()
        if source:
            s.add(Source(claim_id=claim.id, url=source, stance=Stance.REFUTES, added_by="alice"))
        return claim.id
