"""The revision flags stored on a claim reach the read models the UIs draw from."""

from __future__ import annotations

from factcheck import workflow as wf
from factcheck.workflow import ClaimFilter

from .conftest import Desk


def test_flagged_claim_shows_both_flags_and_its_previous_text(desk: Desk) -> None:
    flagged = desk.new_claim(
        withdrawn=True,
        changed_since_review=True,
        previous_text="population grew by 3% in 2023",
    )
    plain = desk.new_claim()

    with desk.db.session() as s:
        rows = {
            r.id: r
            for r in wf.list_claims(
                s, ClaimFilter(include_withdrawn=True), sort="position", limit=10
            )
        }
        detail = wf.claim_detail(s, flagged)
        plain_detail = wf.claim_detail(s, plain)

    assert rows[flagged].withdrawn and rows[flagged].changed_since_review
    assert not rows[plain].withdrawn and not rows[plain].changed_since_review
    assert detail.row.withdrawn and detail.row.changed_since_review
    assert detail.previous_text == "population grew by 3% in 2023"
    assert plain_detail.previous_text is None
    assert not plain_detail.row.withdrawn


def test_score_sorted_pages_over_several_statuses_carry_the_flags(desk: Desk) -> None:
    # The multi-status score sort takes a different query path (one walk per status).
    flagged = desk.new_claim(changed_since_review=True, previous_text="old words")
    desk.claim_in("to_check")
    with desk.db.session() as s:
        rows = {r.id: r for r in wf.list_claims(s, ClaimFilter(), sort="score", limit=10)}
    assert rows[flagged].changed_since_review
    assert sum(r.changed_since_review for r in rows.values()) == 1
