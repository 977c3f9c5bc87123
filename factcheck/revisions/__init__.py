"""Article revisions that keep the review work done on their claims.

Entry points: `revise_article` (store a changed text as the next revision),
`find_by_url` (which stored article a re-ingested URL belongs to),
`known_revision_hashes` (old texts ingest should skip), `list_revisions`,
`revision_changes` and `text_diff` (history and diffs), `acknowledge_change`.
"""

from factcheck.revisions.apply import (
    CHANGE_ACKNOWLEDGED,
    RESTORED,
    TEXT_CHANGED,
    WITHDRAWN,
    RevisionResult,
    acknowledge_change,
    find_by_url,
    known_revision_hashes,
    revise_article,
)
from factcheck.revisions.history import (
    ClaimChange,
    RevisionChanges,
    RevisionInfo,
    list_revisions,
    revision_changes,
    text_diff,
)
from factcheck.revisions.match import Plan, plan_revision

__all__ = [
    "CHANGE_ACKNOWLEDGED",
    "RESTORED",
    "TEXT_CHANGED",
    "WITHDRAWN",
    "ClaimChange",
    "Plan",
    "RevisionChanges",
    "RevisionInfo",
    "RevisionResult",
    "acknowledge_change",
    "find_by_url",
    "known_revision_hashes",
    "list_revisions",
    "plan_revision",
    "revise_article",
    "revision_changes",
    "text_diff",
]
