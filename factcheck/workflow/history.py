"""The audit trail: every change to a claim appends one ReviewEvent; none is edited.

Details carry what changed as {"changes": {field: {"old": x, "new": y}}} plus
any note, reason or source snapshot, so that the history alone tells who did
what, from what, to what, even after a source row has been removed.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from factcheck.store.models import Claim, ReviewEvent
from factcheck.store.views import EventInfo

# Event actions beyond the status moves in transitions.ACTIONS.
SOURCE_ADDED = "source_added"
SOURCE_REMOVED = "source_removed"
VERDICT_SET = "verdict_set"
ASSIGNED = "assigned"
NOTE = "note"

# Written by the ingest pipeline when a claim is first stored.
EXTRACTED = "extracted"

_PAST: dict[str, str] = {
    EXTRACTED: "extracted it from the article",
    "triage": "triaged it as worth checking",
    "dismiss": "dismissed it",
    "start": "started research",
    "stop": "stopped research (back to the to-check queue)",
    "submit": "submitted it for review",
    "approve": "approved it",
    "send_back": "sent it back to research",
    "reopen": "reopened it",
    SOURCE_ADDED: "added a source",
    SOURCE_REMOVED: "removed a source",
    VERDICT_SET: "set the verdict",
    ASSIGNED: "changed the assignee",
    NOTE: "added a note",
    # Written when a corrected article is re-ingested (factcheck.revisions).
    "text_changed": "saw its wording change in a new revision of the article",
    "withdrawn": "saw it disappear from a new revision of the article (withdrawn)",
    "restored": "saw it come back in a new revision of the article",
    "change_acknowledged": "acknowledged the changed wording",
}


def change(old: Any, new: Any) -> dict[str, Any]:
    return {"old": old, "new": new}


def record(
    session: Session,
    claim: Claim,
    actor: str,
    action: str,
    at: datetime,
    *,
    from_status: str | None = None,
    to_status: str | None = None,
    details: dict[str, Any] | None = None,
) -> ReviewEvent:
    """Append one event to the claim's history (flushed with the claim's change)."""
    event = ReviewEvent(
        claim_id=claim.id,
        actor=actor,
        action=action,
        from_status=from_status,
        to_status=to_status,
        details=details or {},
        at=at,
    )
    session.add(event)
    return event


def _shown(value: Any) -> str:
    return "(none)" if value in (None, "") else str(value)


def describe_event(event: EventInfo) -> str:
    """One line in words: 'alice started research (to_check -> researching); assignee: ...'."""
    parts = [f"{event.actor} {_PAST.get(event.action, event.action)}"]
    if event.to_status and event.from_status is None:
        parts[0] += f" (status {event.to_status})"
    elif event.to_status and event.from_status != event.to_status:
        parts[0] += f" ({event.from_status} -> {event.to_status})"
    details = event.details or {}
    extras = []
    for key in ("reason", "note"):
        if details.get(key):
            extras.append(f"{key}: {details[key]}")
    source = details.get("source")
    if isinstance(source, dict):
        extras.append(f"source #{source.get('id')} {source.get('url')} ({source.get('stance')})")
    for name, diff in (details.get("changes") or {}).items():
        if isinstance(diff, dict):
            extras.append(f"{name}: {_shown(diff.get('old'))} -> {_shown(diff.get('new'))}")
    return "; ".join(parts + extras)
