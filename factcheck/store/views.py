"""Plain, frozen read models handed to the CLI, the TUI and the exporters.

UIs never receive ORM objects: a detached ORM object lazy-loads on attribute
access (a hidden query from a UI thread) and can be mutated by accident. These
dataclasses are snapshots; they live in the store layer because the queries
build them, and `factcheck.workflow` re-exports them for the UIs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any


def aware(value: datetime) -> datetime:
    """SQLite hands back naive datetimes for UTC values stored aware; make them aware."""
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def aware_or_none(value: datetime | None) -> datetime | None:
    return None if value is None else aware(value)


@dataclass(frozen=True)
class ClaimRow:
    id: int
    article_id: int
    article_title: str
    text: str
    status: str
    kind: str
    score: float
    checkworthy: bool
    verdict: str | None
    assignee: str | None
    start: int
    end: int
    updated_at: datetime
    version: int
    # Revision flags (defaults keep positional construction valid): the claim is gone
    # from the article's current text, or its wording changed after it was reviewed.
    withdrawn: bool = False
    changed_since_review: bool = False


@dataclass(frozen=True)
class SourceInfo:
    id: int
    url: str
    title: str | None
    note: str | None
    stance: str
    added_by: str
    added_at: datetime


@dataclass(frozen=True)
class EventInfo:
    id: int
    actor: str
    action: str
    from_status: str | None
    to_status: str | None
    details: dict[str, Any]
    at: datetime


@dataclass(frozen=True)
class ClaimDetail:
    row: ClaimRow
    sentence: str
    paragraph: str
    paragraph_start: int
    reasons: list[str]
    quantities: list[dict[str, Any]]
    times: list[dict[str, Any]]
    speaker: str | None
    explanation: str | None
    verdict_by: str | None
    verdict_at: datetime | None
    approved_by: str | None
    approved_at: datetime | None
    sources: list[SourceInfo]
    history: list[EventInfo]
    allowed_moves: list[str]
    # Additions beyond the first contract (defaults keep positional construction valid).
    allowed_actions: list[str] = field(default_factory=list)
    created_at: datetime | None = None
    updated_by: str | None = None
    # The wording the review was done on, when the article's revision changed it.
    previous_text: str | None = None


@dataclass(frozen=True)
class ArticleRow:
    id: int
    title: str
    outlet: str | None
    published: date | None
    url: str | None
    claim_count: int
    status_counts: dict[str, int]


@dataclass(frozen=True)
class ArticleInfo:
    id: int
    title: str
    outlet: str | None
    author: str | None
    published: date | None
    url: str | None
    text: str
    # The revision `text` is (1 until a changed version is re-ingested).
    revision: int = 1


@dataclass(frozen=True)
class RatingInfo:
    label: str
    description: str
    value: int | None
    position: int


@dataclass(frozen=True)
class Rules:
    min_sources: int
    allow_self_approval: bool
    organization: str
    report_url: str
