"""Reading an article's revisions: the list, what each did to the claims, the text diff.

An article never revised has no ArticleRevision rows; it is shown as revision 1
from its Article row, so callers never special-case it.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from factcheck.errors import NotFound
from factcheck.store.models import Article, ArticleRevision
from factcheck.store.views import aware, aware_or_none


@dataclass(frozen=True)
class RevisionInfo:
    number: int
    title: str
    stored_at: datetime | None
    stored_by: str | None
    published: date | None
    kept: int
    changed: int
    withdrawn: int
    restored: int
    added: int
    current: bool


@dataclass(frozen=True)
class ClaimChange:
    """One line of a revision's claim diff; `kind` is changed/withdrawn/restored/added."""

    kind: str
    claim_id: int
    old_text: str | None
    new_text: str | None
    similarity: float | None = None


@dataclass(frozen=True)
class RevisionChanges:
    article_id: int
    number: int
    changes: list[ClaimChange] = field(default_factory=list)


def _count(summary: dict[str, Any], key: str) -> int:
    return len(summary.get(key) or [])


def list_revisions(session: Session, article_id: int) -> list[RevisionInfo]:
    """Every revision of the article, oldest first."""
    article = session.get(Article, article_id)
    if article is None:
        raise NotFound(f"no article {article_id}")
    rows = list(
        session.scalars(
            select(ArticleRevision)
            .where(ArticleRevision.article_id == article_id)
            .order_by(ArticleRevision.number)
        )
    )
    if not rows:
        return [
            RevisionInfo(
                number=article.revision,
                title=article.title,
                stored_at=aware(article.ingested_at),
                stored_by=None,
                published=article.published,
                kept=0,
                changed=0,
                withdrawn=0,
                restored=0,
                added=len(article.claims),
                current=True,
            )
        ]
    return [
        RevisionInfo(
            number=r.number,
            title=r.title,
            stored_at=aware_or_none(r.stored_at),
            stored_by=r.stored_by,
            published=r.published,
            kept=_count(r.summary, "kept"),
            changed=_count(r.summary, "changed"),
            withdrawn=_count(r.summary, "withdrawn"),
            restored=_count(r.summary, "restored"),
            added=_count(r.summary, "added"),
            current=r.number == article.revision,
        )
        for r in rows
    ]


def _revision(session: Session, article_id: int, number: int) -> ArticleRevision:
    row = session.scalar(
        select(ArticleRevision).where(
            ArticleRevision.article_id == article_id, ArticleRevision.number == number
        )
    )
    if row is None:
        raise NotFound(f"article {article_id} has no stored revision {number}")
    return row


def revision_changes(
    session: Session, article_id: int, number: int | None = None
) -> RevisionChanges:
    """What revision `number` (default: the latest) did to the article's claims."""
    article = session.get(Article, article_id)
    if article is None:
        raise NotFound(f"no article {article_id}")
    number = article.revision if number is None else number
    if number == 1 and article.revision == 1:
        return RevisionChanges(article_id, 1)
    summary = _revision(session, article_id, number).summary or {}
    changes: list[ClaimChange] = []
    for item in summary.get("changed") or []:
        changes.append(
            ClaimChange(
                "changed", item["claim"], item.get("old"), item.get("new"), item.get("similarity")
            )
        )
    for item in summary.get("withdrawn") or []:
        changes.append(ClaimChange("withdrawn", item["claim"], item.get("text"), None))
    for item in summary.get("restored") or []:
        changes.append(ClaimChange("restored", item["claim"], None, item.get("text")))
    if number > 1:
        for item in summary.get("added") or []:
            changes.append(ClaimChange("added", item["claim"], None, item.get("text")))
    return RevisionChanges(article_id, number, changes)


def text_diff(session: Session, article_id: int, old: int, new: int, context: int = 1) -> list[str]:
    """A unified diff of the article text between two revisions, line by line."""
    a = _revision(session, article_id, old)
    b = _revision(session, article_id, new)
    return list(
        difflib.unified_diff(
            a.text.splitlines(),
            b.text.splitlines(),
            fromfile=f"revision {old}",
            tofile=f"revision {new}",
            n=context,
            lineterm="",
        )
    )
