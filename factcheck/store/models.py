"""The stored things: articles, claims, sources, review history, rating scale, settings.

Statuses, kinds and stances are stored as their string values (not enum member
names) so that SQL written by hand and other tools read the same words as the UI.
"""

from __future__ import annotations

import enum
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Enum,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from factcheck.store.base import Base


def utcnow() -> datetime:
    return datetime.now(UTC)


class Status(enum.StrEnum):
    NEW = "new"
    TO_CHECK = "to_check"
    DISMISSED = "dismissed"
    RESEARCHING = "researching"
    IN_REVIEW = "in_review"
    APPROVED = "approved"


class Kind(enum.StrEnum):
    QUANTITY = "quantity"
    COMPARISON = "comparison"
    CAUSAL = "causal"
    FACT = "fact"
    TEMPORAL = "temporal"
    PERSONAL = "personal"
    OPINION = "opinion"
    PREDICTION = "prediction"


class Stance(enum.StrEnum):
    SUPPORTS = "supports"
    REFUTES = "refutes"
    CONTEXT = "context"


def _str_enum(cls: type[enum.StrEnum], name: str) -> Enum:
    return Enum(
        cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=16,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


# Aware datetimes everywhere; SQLite stores them as text, PostgreSQL as timestamptz.
TZDateTime = DateTime(timezone=True)


class Article(Base):
    __tablename__ = "article"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(500))
    url: Mapped[str | None] = mapped_column(String(2000), index=True)
    outlet: Mapped[str | None] = mapped_column(String(200))
    author: Mapped[str | None] = mapped_column(String(300))
    published: Mapped[date | None] = mapped_column(Date)
    ingested_at: Mapped[datetime] = mapped_column(TZDateTime, default=utcnow)
    text: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    language: Mapped[str] = mapped_column(String(8), default="en")
    source_path: Mapped[str | None] = mapped_column(String(1000))
    # The revision this row's text is (1 until a changed version is re-ingested) and
    # when that revision was stored; earlier texts live in ArticleRevision rows.
    revision: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    revised_at: Mapped[datetime | None] = mapped_column(TZDateTime)

    claims: Mapped[list[Claim]] = relationship(
        back_populates="article", order_by="Claim.start", cascade="all, delete-orphan"
    )


class Claim(Base):
    __tablename__ = "claim"
    __table_args__ = (
        Index("ix_claim_status_score", "status", "score"),
        Index("ix_claim_article_start", "article_id", "start"),
        Index("ix_claim_article_status", "article_id", "status"),
        Index("ix_claim_assignee", "assignee"),
        Index("ix_claim_updated_at", "updated_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"))
    text: Mapped[str] = mapped_column(Text)
    sentence: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    kind: Mapped[Kind] = mapped_column(_str_enum(Kind, "claim_kind"))
    score: Mapped[float] = mapped_column(Float, default=0.0)
    checkworthy: Mapped[bool] = mapped_column(Boolean, default=False)
    reasons: Mapped[list[Any]] = mapped_column(JSON, default=list)
    quantities: Mapped[list[Any]] = mapped_column(JSON, default=list)
    times: Mapped[list[Any]] = mapped_column(JSON, default=list)
    speaker: Mapped[str | None] = mapped_column(String(300))
    status: Mapped[Status] = mapped_column(_str_enum(Status, "claim_status"), default=Status.NEW)
    verdict: Mapped[str | None] = mapped_column(String(100))
    explanation: Mapped[str | None] = mapped_column(Text)
    verdict_by: Mapped[str | None] = mapped_column(String(200))
    verdict_at: Mapped[datetime | None] = mapped_column(TZDateTime)
    approved_by: Mapped[str | None] = mapped_column(String(200))
    approved_at: Mapped[datetime | None] = mapped_column(TZDateTime)
    assignee: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(TZDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(TZDateTime, default=utcnow, onupdate=utcnow)
    updated_by: Mapped[str | None] = mapped_column(String(200))
    version: Mapped[int] = mapped_column(Integer, default=1)
    # Revisions: a claim is never deleted when its article changes. `withdrawn` marks a
    # claim gone from the current text (a flag, not a status, so review moves stay as
    # they are); `changed_since_review` marks a claim whose wording changed, with the
    # wording the review was done on in `previous_text`.
    withdrawn: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    withdrawn_in: Mapped[int | None] = mapped_column(Integer)
    changed_since_review: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false()
    )
    previous_text: Mapped[str | None] = mapped_column(Text)

    article: Mapped[Article] = relationship(back_populates="claims")
    sources: Mapped[list[Source]] = relationship(
        back_populates="claim", order_by="Source.id", cascade="all, delete-orphan"
    )
    events: Mapped[list[ReviewEvent]] = relationship(
        back_populates="claim", order_by="ReviewEvent.id"
    )

    # SQLAlchemy bumps `version` on every UPDATE and adds "WHERE version = :old";
    # a concurrent writer therefore fails with StaleDataError instead of overwriting.
    __mapper_args__ = {"version_id_col": version}


class Source(Base):
    __tablename__ = "source"
    __table_args__ = (UniqueConstraint("claim_id", "url", name="uq_source_claim_id_url"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claim.id", ondelete="CASCADE"), index=True)
    url: Mapped[str] = mapped_column(String(2000))
    title: Mapped[str | None] = mapped_column(String(500))
    note: Mapped[str | None] = mapped_column(Text)
    stance: Mapped[Stance] = mapped_column(_str_enum(Stance, "source_stance"))
    added_by: Mapped[str] = mapped_column(String(200))
    added_at: Mapped[datetime] = mapped_column(TZDateTime, default=utcnow)

    claim: Mapped[Claim] = relationship(back_populates="sources")


class ReviewEvent(Base):
    """One line of a claim's history. Rows are only ever inserted."""

    __tablename__ = "review_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claim.id", ondelete="CASCADE"), index=True)
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(32))
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str | None] = mapped_column(String(16))
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    at: Mapped[datetime] = mapped_column(TZDateTime, default=utcnow, index=True)

    claim: Mapped[Claim] = relationship(back_populates="events")


class ArticleRevision(Base):
    """One stored version of an article's text; the Article row holds the latest.

    Claims stay attached to the Article (a stable id), so every query, action and
    export keeps working; these rows keep the earlier texts for history and diffs.
    `summary` lists what the revision did to the claims: kept, changed, withdrawn,
    restored and added claim ids.
    """

    __tablename__ = "article_revision"
    __table_args__ = (
        UniqueConstraint("article_id", "number", name="uq_article_revision_article_id_number"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(500))
    url: Mapped[str | None] = mapped_column(String(2000))
    published: Mapped[date | None] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    source_path: Mapped[str | None] = mapped_column(String(1000))
    stored_at: Mapped[datetime] = mapped_column(TZDateTime, default=utcnow)
    stored_by: Mapped[str | None] = mapped_column(String(200))
    summary: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class Rating(Base):
    """One step of the verdict rating scale, shown in `position` order."""

    __tablename__ = "rating"

    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str] = mapped_column(String(100), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    value: Mapped[int | None] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer)


class Setting(Base):
    """Per-database newsroom rules (minimum sources, self-approval, organization)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


# Full-text search objects that migration 0005 makes with raw SQL: SQLite FTS5
# tables over claim text (claim_fts*, with shadow tables and triggers) and PostgreSQL
# GIN expression indexes (ix_claim_text_fts*). They are not models, so Alembic's
# autogenerate must skip them.
FULL_TEXT_TABLE = "claim_fts"
FULL_TEXT_INDEX = "ix_claim_text_fts"


def include_name(name: str | None, type_: str, parent_names: Any) -> bool:
    """Alembic `include_name` hook: leave the full-text objects out of comparisons."""
    if type_ == "table" and name is not None and name.startswith(FULL_TEXT_TABLE):
        return False
    return not (type_ == "index" and name is not None and name.startswith(FULL_TEXT_INDEX))


# Tables kept in their own modules register with the same Base when imported here,
# so Alembic's autogenerate and the app always see the whole schema.
from factcheck.store import snapshot_models  # noqa: E402, F401
