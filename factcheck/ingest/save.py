"""Storing one segmented article: article row and its claims in the caller's transaction."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from factcheck.segmenter.types import ArticleText, ClaimSpan
from factcheck.store.models import Article, Claim, Kind, ReviewEvent, Status


def content_hash(text: str) -> str:
    """Identity of an article's cleaned text: re-ingesting the same text is a no-op."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def existing_hashes(session: Session, hashes: list[str]) -> set[str]:
    found: set[str] = set()
    for i in range(0, len(hashes), 500):
        chunk = hashes[i : i + 500]
        found.update(
            session.scalars(select(Article.content_hash).where(Article.content_hash.in_(chunk)))
        )
    return found


def save_article(
    session: Session, article: ArticleText, claims: list[ClaimSpan], actor: str
) -> int:
    """Insert the article and its claims; returns the article id. No commit here."""
    now = datetime.now(UTC)
    row = Article(
        title=article.title[:500],
        url=article.url,
        outlet=article.outlet,
        author=article.author,
        published=article.published,
        ingested_at=now,
        text=article.text,
        content_hash=content_hash(article.text),
        language=article.language,
        source_path=article.source_path,
    )
    session.add(row)
    session.flush()
    if claims:
        rows: list[dict[str, Any]] = [
            {
                "article_id": row.id,
                "text": c.text,
                "sentence": c.sentence,
                "start": c.start,
                "end": c.end,
                "kind": Kind(c.kind),
                "score": float(c.score),
                "checkworthy": bool(c.checkworthy),
                "reasons": list(c.reasons),
                "quantities": [q.to_json() for q in c.quantities],
                "times": [t.to_json() for t in c.times],
                "speaker": c.speaker,
                "status": Status.NEW,
                "created_at": now,
                "updated_at": now,
                "updated_by": actor,
                "version": 1,
            }
            for c in claims
        ]
        ids = session.scalars(
            insert(Claim).returning(Claim.id, sort_by_parameter_order=True), rows
        ).all()
        session.execute(
            insert(ReviewEvent),
            [
                {
                    "claim_id": claim_id,
                    "actor": actor,
                    "action": "extracted",
                    "from_status": None,
                    "to_status": Status.NEW.value,
                    "details": {"article_id": row.id},
                    "at": now,
                }
                for claim_id in ids
            ],
        )
    return row.id
