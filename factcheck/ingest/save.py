"""Storing segmented articles: article rows, their claims and the claims' first event.

A whole batch is written with three statements (articles with RETURNING, claims as
one executemany, events as INSERT ... SELECT), all in the caller's transaction, so
the batch is stored completely or not at all.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, Integer, String, Table, insert, literal, null, select
from sqlalchemy.orm import Session

from factcheck.segmenter.types import ArticleText, ClaimSpan
from factcheck.store.models import Article, Claim, Kind, ReviewEvent, Status, TZDateTime

ClaimRow = dict[str, Any]
CLAIM_TABLE: Table = Claim.__table__  # type: ignore[assignment]


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


def claim_rows(claims: list[ClaimSpan]) -> list[ClaimRow]:
    """Claims as insert parameters (without article and timestamps).

    Built where the article was segmented (a worker process for big folders), so the
    process that writes only writes.
    """
    return [
        {
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
        }
        for c in claims
    ]


def save_batch(
    session: Session, batch: list[tuple[ArticleText, list[ClaimRow]]], actor: str
) -> list[int]:
    """Insert articles and their claims; returns the article ids in batch order."""
    if not batch:
        return []
    now = datetime.now(UTC)
    article_ids = list(
        session.scalars(
            insert(Article).returning(Article.id, sort_by_parameter_order=True),
            [
                {
                    "title": a.title[:500],
                    "url": a.url,
                    "outlet": a.outlet,
                    "author": a.author,
                    "published": a.published,
                    "ingested_at": now,
                    "text": a.text,
                    "content_hash": content_hash(a.text),
                    "language": a.language,
                    "source_path": a.source_path,
                }
                for a, _ in batch
            ],
        )
    )
    rows = [
        {
            **row,
            "article_id": article_id,
            "status": Status.NEW,
            "created_at": now,
            "updated_at": now,
            "updated_by": actor,
            "version": 1,
        }
        for article_id, (_, claims) in zip(article_ids, batch, strict=True)
        for row in claims
    ]
    if rows:
        # Core executemany on the table: the ORM's bulk insert splits rows into
        # groups by which values are None (speaker, ...), thousands of statements.
        session.connection().execute(insert(CLAIM_TABLE), rows)
        # Every claim's history starts with its extraction.
        extracted = select(
            Claim.id,
            literal(actor, String),
            literal("extracted", String),
            null(),
            literal(Status.NEW.value, String),
            literal({}, JSON),
            literal(now, TZDateTime),
        ).where(Claim.article_id.in_([literal(i, Integer) for i in article_ids]))
        session.execute(
            insert(ReviewEvent).from_select(
                ["claim_id", "actor", "action", "from_status", "to_status", "details", "at"],
                extracted,
            )
        )
    return article_ids


def save_article(
    session: Session, article: ArticleText, claims: list[ClaimSpan], actor: str
) -> int:
    """Insert one article and its claims; returns the article id. No commit here."""
    return save_batch(session, [(article, claim_rows(claims))], actor)[0]
