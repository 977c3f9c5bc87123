"""The status machine: which moves exist, and the words used to refuse the others.

The table is the single source of truth for moves; the actions, the CLI's
refusal messages and the TUI's buttons all read it, so they cannot disagree.
"""

from __future__ import annotations

from factcheck.errors import InvalidInput, TransitionRefused
from factcheck.store.models import Status

NEW = Status.NEW.value
TO_CHECK = Status.TO_CHECK.value
DISMISSED = Status.DISMISSED.value
RESEARCHING = Status.RESEARCHING.value
IN_REVIEW = Status.IN_REVIEW.value
APPROVED = Status.APPROVED.value

STATUSES: tuple[str, ...] = tuple(s.value for s in Status)

# from status -> {to status: action}; an action names the domain function (and
# the CLI command, with "_" shown as "-") that performs the move.
MOVES: dict[str, dict[str, str]] = {
    NEW: {TO_CHECK: "triage", DISMISSED: "dismiss"},
    TO_CHECK: {RESEARCHING: "start", DISMISSED: "dismiss"},
    RESEARCHING: {IN_REVIEW: "submit", TO_CHECK: "stop"},
    IN_REVIEW: {APPROVED: "approve", RESEARCHING: "send_back"},
    DISMISSED: {NEW: "reopen"},
    APPROVED: {RESEARCHING: "reopen"},
}

ACTIONS: tuple[str, ...] = (
    "triage",
    "dismiss",
    "start",
    "stop",
    "submit",
    "approve",
    "send_back",
    "reopen",
)

# Statuses in which evidence (sources) may still change; after submission the
# reviewed evidence is frozen until the claim is sent back or reopened.
EVIDENCE_STATUSES: frozenset[str] = frozenset({NEW, TO_CHECK, RESEARCHING})
# A verdict is proposed while researching, never silently changed under review.
VERDICT_STATUSES: frozenset[str] = frozenset({RESEARCHING})


def status_of(value: str) -> str:
    """A known status name, or InvalidInput listing the known ones."""
    if value not in MOVES:
        raise InvalidInput(f"unknown status {value!r}; choose from {', '.join(STATUSES)}")
    return value


def allowed_moves(status: str) -> list[str]:
    """The statuses a claim in `status` may move to."""
    return list(MOVES[status_of(status)])


def allowed_actions(status: str) -> list[str]:
    """The actions (triage, dismiss, ...) that move a claim out of `status`."""
    return list(MOVES[status_of(status)].values())


def target_of(status: str, action: str) -> str | None:
    """Where `action` takes a claim in `status`, or None if it cannot."""
    for to_status, name in MOVES[status_of(status)].items():
        if name == action:
            return to_status
    return None


def describe_moves(status: str) -> str:
    """'to_check (triage), dismissed (dismiss)': the moves as a journalist reads them."""
    moves = MOVES[status_of(status)]
    return ", ".join(f"{to} ({action.replace('_', '-')})" for to, action in moves.items())


def refuse_move(claim_id: int, status: str, action: str) -> TransitionRefused:
    """The refusal for `action` on a claim in `status`, naming the possible moves."""
    verb = action.replace("_", "-")
    return TransitionRefused(
        f"cannot {verb} claim {claim_id}: it is '{status}'; "
        f"possible moves: {describe_moves(status)}"
    )


def require_move(claim_id: int, status: str, action: str) -> str:
    """The target status of `action`, or TransitionRefused naming the possible moves."""
    target = target_of(status, action)
    if target is None:
        raise refuse_move(claim_id, status, action)
    return target
