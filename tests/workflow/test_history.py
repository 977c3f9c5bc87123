"""The audit trail after a full claim life: who, what, from, to, for every change; never edited."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from factcheck import workflow as wf
from factcheck.errors import FactcheckError
from factcheck.store.models import ReviewEvent

from .conftest import EDITOR, RESEARCHER, Desk


def _all_events(desk: Desk) -> list[tuple[Any, ...]]:
    with desk.db.session() as s:
        return [
            (e.id, e.claim_id, e.actor, e.action, e.from_status, e.to_status, e.details, e.at)
            for e in s.scalars(select(ReviewEvent).order_by(ReviewEvent.id))
        ]


def test_full_claim_life_is_recorded_step_by_step(desk: Desk) -> None:
    cid = desk.new_claim()
    seen: list[tuple[Any, ...]] = []

    def step(
        fn: Any,
        *args: Any,
        expect: tuple[str, str, str | None, str | None],
        details: dict[str, Any],
    ) -> None:
        desk.do(fn, cid, *args)
        events = _all_events(desk)
        # history only grows, and what was there is byte-for-byte unchanged
        assert events[: len(seen)] == seen
        assert len(events) == len(seen) + 1
        seen.append(events[-1])
        _, claim_id, actor, action, frm, to, got_details, at = events[-1]
        assert claim_id == cid
        assert (actor, action, frm, to) == expect
        for key, value in details.items():
            assert got_details[key] == value, key
        assert at is not None

    step(wf.triage, RESEARCHER, expect=(RESEARCHER, "triage", "new", "to_check"), details={})
    step(
        wf.assign,
        EDITOR,
        RESEARCHER,
        expect=(EDITOR, "assigned", "to_check", "to_check"),
        details={"changes": {"assignee": {"old": None, "new": RESEARCHER}}},
    )
    step(
        wf.start_research,
        RESEARCHER,
        expect=(RESEARCHER, "start", "to_check", "researching"),
        details={},
    )
    step(
        wf.add_source,
        RESEARCHER,
        "https://stats.gov.cn/a",
        expect=(RESEARCHER, "source_added", "researching", "researching"),
        details={},
    )
    step(
        wf.add_source,
        RESEARCHER,
        "https://example.org/b",
        expect=(RESEARCHER, "source_added", "researching", "researching"),
        details={},
    )
    with desk.db.session() as s:
        b_id = wf.claim_detail(s, cid).sources[1].id
    step(
        wf.remove_source,
        b_id,
        RESEARCHER,
        expect=(RESEARCHER, "source_removed", "researching", "researching"),
        details={
            "source": {
                "id": b_id,
                "url": "https://example.org/b",
                "title": None,
                "note": None,
                "stance": "supports",
            }
        },
    )
    step(
        wf.set_verdict,
        RESEARCHER,
        "Mostly true",
        "Rounded up from 3.4%.",
        expect=(RESEARCHER, "verdict_set", "researching", "researching"),
        details={
            "changes": {
                "verdict": {"old": None, "new": "Mostly true"},
                "explanation": {"old": None, "new": "Rounded up from 3.4%."},
                "verdict_by": {"old": None, "new": RESEARCHER},
            }
        },
    )
    step(
        wf.add_note,
        RESEARCHER,
        "bureau confirmed by phone",
        expect=(RESEARCHER, "note", "researching", "researching"),
        details={"note": "bureau confirmed by phone"},
    )
    step(
        wf.submit, RESEARCHER, expect=(RESEARCHER, "submit", "researching", "in_review"), details={}
    )
    step(
        wf.send_back,
        EDITOR,
        "cite the table",
        expect=(EDITOR, "send_back", "in_review", "researching"),
        details={"note": "cite the table"},
    )
    step(
        wf.set_verdict,
        RESEARCHER,
        "Mostly true",
        "Rounded up from 3.4% (table 3).",
        expect=(RESEARCHER, "verdict_set", "researching", "researching"),
        details={
            "changes": {
                "explanation": {
                    "old": "Rounded up from 3.4%.",
                    "new": "Rounded up from 3.4% (table 3).",
                }
            }
        },
    )
    step(
        wf.submit, RESEARCHER, expect=(RESEARCHER, "submit", "researching", "in_review"), details={}
    )
    step(
        wf.approve,
        EDITOR,
        expect=(EDITOR, "approve", "in_review", "approved"),
        details={"changes": {"approved_by": {"old": None, "new": EDITOR}}},
    )
    step(
        wf.reopen,
        EDITOR,
        "bureau revised the figure",
        expect=(EDITOR, "reopen", "approved", "researching"),
        details={
            "note": "bureau revised the figure",
            "changes": {"approved_by": {"old": EDITOR, "new": None}},
        },
    )

    claim = desk.claim(cid)
    assert claim.version == 1 + len(seen)  # every change bumped the version once
    with desk.db.session() as s:
        history = wf.claim_detail(s, cid).history
    assert [e.id for e in history] == [e[0] for e in seen]
    assert [e.at for e in history] == sorted(e.at for e in history)
    lines = [wf.describe_event(e) for e in history]
    assert lines[0] == "alice triaged it as worth checking (new -> to_check)"
    assert lines[-1] == (
        "bob reopened it (approved -> researching); note: bureau revised the figure; "
        "approved_by: bob -> (none)"
    )


def test_dismiss_and_reopen_carry_their_reasons(desk: Desk) -> None:
    cid = desk.claim_in("new")
    desk.do(wf.dismiss, cid, EDITOR, "opinion")
    desk.do(wf.reopen, cid, EDITOR, "it does contain a figure")
    with desk.db.session() as s:
        history = wf.claim_detail(s, cid).history
    assert [(e.action, e.from_status, e.to_status) for e in history] == [
        ("dismiss", "new", "dismissed"),
        ("reopen", "dismissed", "new"),
    ]
    assert history[0].details == {"reason": "opinion"}
    assert history[1].details == {"note": "it does contain a figure"}


def test_refusals_write_no_history(desk: Desk) -> None:
    cid = desk.claim_in("in_review")
    before = _all_events(desk)
    for call in (
        lambda s: wf.approve(s, cid, RESEARCHER),  # four-eyes
        lambda s: wf.triage(s, cid, EDITOR),  # wrong status
        lambda s: wf.add_source(s, cid, EDITOR, "https://example.org/late"),  # frozen
        lambda s: wf.send_back(s, cid, EDITOR, ""),  # no note
    ):
        with pytest.raises(FactcheckError), desk.db.transaction() as s:
            call(s)
    assert _all_events(desk) == before
