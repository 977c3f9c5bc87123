"""The TUI's only door to the database.

Every method opens its own session, calls one query or one workflow action (the same
functions the CLI calls) and returns plain dataclasses. The methods are blocking:
screens call them from `@work(thread=True)` workers only, never from the event loop.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

from sqlalchemy.exc import SQLAlchemyError

from factcheck import workflow as wf
from factcheck.errors import DatabaseError

if TYPE_CHECKING:
    from factcheck.evidence import SnapshotInfo, SourceEvidence
    from factcheck.memory import Match
    from factcheck.revisions import RevisionChanges, RevisionInfo
    from factcheck.store.database import Database
    from factcheck.workflow import (
        ArticleInfo,
        ArticleRow,
        ClaimDetail,
        ClaimFilter,
        ClaimRow,
        RatingInfo,
    )

P = ParamSpec("P")
T = TypeVar("T")


def guarded(method: Callable[P, T]) -> Callable[P, T]:
    """A database failure becomes a one-line DatabaseError, never a crashed worker."""

    @functools.wraps(method)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
        try:
            return method(*args, **kwargs)
        except SQLAlchemyError as exc:
            first = str(getattr(exc, "orig", None) or exc).strip().splitlines()
            raise DatabaseError(
                f"database error: {first[0] if first else type(exc).__name__}"
            ) from None

    return wrapper


# Workflow actions the desk can run, by the name the screens use.
ACTIONS: dict[str, str] = {
    "triage": "triage",
    "dismiss": "dismiss",
    "start": "start_research",
    "stop": "stop_research",
    "add_source": "add_source",
    "remove_source": "remove_source",
    "verdict": "set_verdict",
    "submit": "submit",
    "approve": "approve",
    "send_back": "send_back",
    "reopen": "reopen",
    "assign": "assign",
    "note": "add_note",
}


@dataclass(frozen=True)
class Counts:
    """What the sidebar and the filter bar show: per status, and for the whole filter."""

    by_status: dict[str, int]
    total: int


@dataclass(frozen=True)
class ExportFormat:
    name: str
    description: str
    extension: str


@dataclass(frozen=True)
class ExportRequest:
    fmt: str
    path: Path
    article_id: int | None = None
    statuses: frozenset[str] | None = None
    overwrite: bool = False


@dataclass(frozen=True)
class ClaimExtras:
    """What the detail pane adds once the claim is shown: slower reads, loaded after it.

    `evidence` is None when the evidence package is not installed; `previously` lists
    reviewed claims like this one (memory of past verdicts), best first.
    """

    claim_id: int
    evidence: list[SourceEvidence] | None
    previously: list[Match]


@dataclass(frozen=True)
class RevisionHistory:
    """An article's revisions, oldest first, what the latest did to its claims, and the
    text diff between the last two (empty when there is only one revision)."""

    article_id: int
    revisions: list[RevisionInfo]
    changes: RevisionChanges | None
    diff: list[str]


@dataclass
class Backend:
    """Database plus acting reviewer; safe to share between worker threads."""

    db: Database
    user: str
    _ratings: list[RatingInfo] = field(default_factory=list, repr=False)

    # Reads --------------------------------------------------------------

    @guarded
    def claims_page(
        self, flt: ClaimFilter, sort: str, after: tuple[Any, ...] | None, limit: int
    ) -> list[ClaimRow]:
        with self.db.session() as s:
            return wf.list_claims(s, flt, sort=sort, limit=limit, after=after)

    @guarded
    def counts(self, flt: ClaimFilter) -> Counts:
        with self.db.session() as s:
            by_status = wf.status_counts(s, flt)
            total = wf.count_claims(s, flt)
        return Counts(by_status=dict(by_status), total=total)

    @guarded
    def articles(self) -> list[ArticleRow]:
        with self.db.session() as s:
            return wf.list_articles(s)

    @guarded
    def assignees(self) -> list[str]:
        with self.db.session() as s:
            return wf.assignees(s)

    @guarded
    def detail(self, claim_id: int) -> ClaimDetail:
        with self.db.session() as s:
            return wf.claim_detail(s, claim_id)

    @guarded
    def article(self, article_id: int) -> tuple[ArticleInfo, list[ClaimRow]]:
        with self.db.session() as s:
            return wf.article_with_claims(s, article_id)

    @guarded
    def ratings(self) -> list[RatingInfo]:
        """The rating scale; it changes only through migrations, so read it once."""
        if not self._ratings:
            with self.db.session() as s:
                self._ratings = list(wf.rating_scale(s))
        return self._ratings

    @guarded
    def extras(self, claim_id: int) -> ClaimExtras:
        """Evidence passages per source and earlier verdicts on claims like this one."""
        evidence: list[SourceEvidence] | None = None
        previously: list[Match] = []
        with self.db.session() as s:
            try:
                from factcheck.evidence import evidence_for_claim
            except ImportError:
                pass
            else:
                evidence = evidence_for_claim(s, claim_id, limit=2)
            try:
                from factcheck.memory import similar_claims
            except ImportError:
                pass
            else:
                previously = similar_claims(s, claim_id, limit=3)
        return ClaimExtras(claim_id, evidence, previously)

    @guarded
    def revisions(self, article_id: int) -> RevisionHistory:
        """The revision list and the latest revision's changes and diff, in one session."""
        from factcheck.revisions import list_revisions, revision_changes, text_diff

        with self.db.session() as s:
            revisions = list_revisions(s, article_id)
            if len(revisions) < 2:
                return RevisionHistory(article_id, revisions, None, [])
            old, new = revisions[-2].number, revisions[-1].number
            changes = revision_changes(s, article_id, new)
            diff = text_diff(s, article_id, old, new)
        return RevisionHistory(article_id, revisions, changes, diff)

    @guarded
    def snapshot(self, source_id: int) -> SnapshotInfo:
        """Fetch a source now (slow: the network) and store the snapshot, failed or not."""
        from factcheck.evidence import snapshot_source

        return snapshot_source(self.db, source_id, actor=self.user)

    # Writes -------------------------------------------------------------

    @guarded
    def perform(
        self, action: str, claim_id: int, expected_version: int | None, **kwargs: Any
    ) -> ClaimDetail:
        """Run one workflow action in one transaction, then read the claim back.

        The actor goes by keyword: `remove_source` takes the source id before it.
        """
        function = getattr(wf, ACTIONS[action])
        with self.db.transaction() as s:
            function(s, claim_id, actor=self.user, **kwargs, expected_version=expected_version)
        return self.detail(claim_id)

    # Export -------------------------------------------------------------

    def export_formats(self) -> list[ExportFormat]:
        from factcheck.export import available_formats

        return [ExportFormat(f.name, f.description, f.extension) for f in available_formats()]

    @guarded
    def export(self, request: ExportRequest) -> int:
        from factcheck.export import export_to_path

        return export_to_path(
            self.db,
            request.fmt,
            request.path,
            article_id=request.article_id,
            statuses=request.statuses,
            overwrite=request.overwrite,
        )
