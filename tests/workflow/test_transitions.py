"""Every status x every move: allowed ones happen and are logged, the rest are refused cleanly."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from factcheck import workflow as wf
from factcheck.errors import InvalidInput, NotFound, TransitionRefused
from factcheck.workflow.transitions import describe_moves

from .conftest import EDITOR, RESEARCHER, Desk

EXPECTED_MOVES = {
    ("new", "triage"): "to_check",
    ("new", "dismiss"): "dismissed",
    ("to_check", "start"): "researching",
    ("to_check", "dismiss"): "dismissed",
    ("researching", "submit"): "in_review",
    ("researching", "stop"): "to_check",
    ("in_review", "approve"): "approved",
    ("in_review", "send_back"): "researching",
    ("dismissed", "reopen"): "new",
    ("approved", "reopen"): "researching",
}

# action name -> how to call it (the editor acts, so four-eyes never interferes here)
CALLS: dict[str, Callable[[Any, int], Any]] = {
    "triage": lambda s, cid: wf.triage(s, cid, EDITOR),
    "dismiss": lambda s, cid: wf.dismiss(s, cid, EDITOR, "duplicate of another claim"),
    "start": lambda s, cid: wf.start_research(s, cid, EDITOR),
    "stop": lambda s, cid: wf.stop_research(s, cid, EDITOR, "waiting for the bureau"),
    "submit": lambda s, cid: wf.submit(s, cid, EDITOR),
    "approve": lambda s, cid: wf.approve(s, cid, EDITOR),
    "send_back": lambda s, cid: wf.send_back(s, cid, EDITOR, "needs a second source"),
    "reopen": lambda s, cid: wf.reopen(s, cid, EDITOR, "the bureau revised its figure"),
}

ALL_PAIRS = [(status, action) for status in wf.STATUSES for action in wf.ACTIONS]


def test_move_table_matches_the_issue() -> None:
    table = {(frm, action): to for frm, moves in wf.MOVES.items() for to, action in moves.items()}
    assert table == EXPECTED_MOVES
    assert set(CALLS) == set(wf.ACTIONS)


@pytest.mark.parametrize(("status", "action"), list(EXPECTED_MOVES))
def test_allowed_move(desk: Desk, status: str, action: str) -> None:
    cid = desk.claim_in(status)
    if action == "submit":
        desk.do(wf.add_source, cid, RESEARCHER, "https://example.org/evidence")
        desk.do(wf.set_verdict, cid, RESEARCHER, "False", "The bureau says 2.1%.")
    before = desk.claim(cid)
    events = desk.event_count(cid)

    row = desk.do(CALLS[action], cid)

    after = desk.claim(cid)
    target = EXPECTED_MOVES[(status, action)]
    assert row.status == after.status.value == target
    assert after.version == before.version + 1 == row.version
    assert after.updated_by == EDITOR
    assert desk.event_count(cid) == events + 1
    with desk.db.session() as s:
        last = wf.claim_detail(s, cid).history[-1]
    assert (last.actor, last.action, last.from_status, last.to_status) == (
        EDITOR,
        action,
        status,
        target,
    )


@pytest.mark.parametrize(("status", "action"), [p for p in ALL_PAIRS if p not in EXPECTED_MOVES])
def test_refused_move_names_the_possible_moves_and_changes_nothing(
    desk: Desk, status: str, action: str
) -> None:
    cid = desk.claim_in(status)
    before = desk.snapshot(cid)

    with pytest.raises(TransitionRefused) as refused:
        desk.do(CALLS[action], cid)

    message = str(refused.value)
    assert f"claim {cid}" in message
    assert f"it is '{status}'" in message
    assert f"possible moves: {describe_moves(status)}" in message
    assert desk.snapshot(cid) == before


def test_refusal_message_reads_like_the_brief(desk: Desk) -> None:
    cid = desk.claim_in("new")
    with pytest.raises(
        TransitionRefused,
        match=r"possible moves: to_check \(triage\), "
        r"dismissed \(dismiss\)$",
    ):
        desk.do(wf.approve, cid, EDITOR)


@pytest.mark.parametrize("status", wf.STATUSES)
def test_allowed_moves_and_actions_agree_with_the_table(status: str) -> None:
    assert wf.allowed_moves(status) == list(wf.MOVES[status])
    assert wf.allowed_actions(status) == list(wf.MOVES[status].values())


def test_allowed_moves_of_an_unknown_status() -> None:
    with pytest.raises(InvalidInput, match="unknown status 'done'"):
        wf.allowed_moves("done")


def test_claim_detail_lists_the_moves_of_its_status(desk: Desk) -> None:
    cid = desk.claim_in("in_review")
    with desk.db.session() as s:
        detail = wf.claim_detail(s, cid)
    assert detail.allowed_moves == ["approved", "researching"]
    assert detail.allowed_actions == ["approve", "send_back"]


@pytest.mark.parametrize("action", wf.ACTIONS)
def test_missing_claim_is_not_found(desk: Desk, action: str) -> None:
    with pytest.raises(NotFound, match="no claim 999"):
        desk.do(CALLS[action], 999)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda s, cid: wf.dismiss(s, cid, EDITOR, "  "), "reason"),
        (lambda s, cid: wf.triage(s, cid, "   "), "name cannot be empty"),
    ],
)
def test_blank_required_text_is_refused(
    desk: Desk, call: Callable[[Any, int], Any], message: str
) -> None:
    cid = desk.claim_in("new")
    before = desk.snapshot(cid)
    with pytest.raises(InvalidInput, match=message):
        desk.do(call, cid)
    assert desk.snapshot(cid) == before


@pytest.mark.parametrize(
    ("status", "call", "message"),
    [
        ("in_review", lambda s, cid: wf.send_back(s, cid, EDITOR, ""), "note"),
        ("approved", lambda s, cid: wf.reopen(s, cid, EDITOR, " \n"), "note"),
        ("dismissed", lambda s, cid: wf.reopen(s, cid, EDITOR, ""), "note"),
    ],
)
def test_moves_that_need_a_note_refuse_without_one(
    desk: Desk, status: str, call: Callable[[Any, int], Any], message: str
) -> None:
    cid = desk.claim_in(status)
    before = desk.snapshot(cid)
    with pytest.raises(InvalidInput, match=message):
        desk.do(call, cid)
    assert desk.snapshot(cid) == before


def test_start_assigns_the_starter_only_when_unassigned(desk: Desk) -> None:
    first = desk.claim_in("to_check")
    desk.do(wf.start_research, first, "carol")
    assert desk.claim(first).assignee == "carol"

    second = desk.claim_in("to_check")
    desk.do(wf.assign, second, EDITOR, "dave")
    desk.do(wf.start_research, second, "carol")
    assert desk.claim(second).assignee == "dave"


def test_reopening_an_approved_claim_clears_the_approval_but_keeps_the_verdict(
    desk: Desk,
) -> None:
    cid = desk.claim_in("approved")
    assert desk.claim(cid).approved_by == EDITOR
    desk.do(wf.reopen, cid, EDITOR, "correction")
    claim = desk.claim(cid)
    assert (claim.approved_by, claim.approved_at) == (None, None)
    assert (claim.verdict, claim.verdict_by) == ("True", RESEARCHER)


def test_assign_and_unassign(desk: Desk) -> None:
    cid = desk.claim_in("to_check")
    row = desk.do(wf.assign, cid, EDITOR, "  erin ")
    assert row.assignee == "erin"
    with pytest.raises(InvalidInput, match="already assigned to erin"):
        desk.do(wf.assign, cid, EDITOR, "erin")
    row = desk.do(wf.assign, cid, EDITOR, None)
    assert row.assignee is None
    with pytest.raises(InvalidInput, match="already unassigned"):
        desk.do(wf.assign, cid, EDITOR, "")


def test_note_changes_nothing_but_history(desk: Desk) -> None:
    cid = desk.claim_in("researching")
    before = desk.claim(cid)
    desk.do(wf.add_note, cid, EDITOR, "called the bureau, waiting")
    after = desk.claim(cid)
    assert (after.status, after.verdict, after.assignee) == (
        before.status,
        before.verdict,
        before.assignee,
    )
    assert after.version == before.version + 1
    with pytest.raises(InvalidInput, match="note"):
        desk.do(wf.add_note, cid, EDITOR, "   ")
