"""Newsroom rules and their settings: minimum sources, four-eyes approval, verdicts."""

from __future__ import annotations

import pytest

from factcheck import workflow as wf
from factcheck.errors import InvalidInput, TransitionRefused
from factcheck.store.models import Claim, Setting

from .conftest import EDITOR, RESEARCHER, Desk


def _researching_with(desk: Desk, *, sources: int, verdict: bool, explanation: bool = True) -> int:
    cid = desk.claim_in("researching")
    for i in range(sources):
        desk.do(wf.add_source, cid, RESEARCHER, f"https://example.org/source-{i}")
    if verdict:
        desk.do(wf.set_verdict, cid, RESEARCHER, "Half true", "Partly, see sources.")
    if not explanation:
        # An explanation can only be set with a verdict; blank it as a hand edit would.
        with desk.db.transaction() as s:
            claim = s.get(Claim, cid)
            assert claim is not None
            claim.explanation = ""
    return cid


def test_default_rules(desk: Desk) -> None:
    with desk.db.session() as s:
        rules = wf.get_rules(s)
    assert rules == wf.Rules(
        min_sources=1, allow_self_approval=False, organization="Factcheck desk", report_url=""
    )


@pytest.mark.parametrize(
    ("sources", "verdict", "explanation", "missing"),
    [
        (0, True, True, "at least 1 source (it has 0)"),
        (1, False, True, "a verdict; an explanation"),
        (1, True, False, "an explanation"),
        (0, False, True, "a verdict; an explanation; at least 1 source (it has 0)"),
    ],
)
def test_submit_needs_verdict_explanation_and_sources(
    desk: Desk, sources: int, verdict: bool, explanation: bool, missing: str
) -> None:
    cid = _researching_with(desk, sources=sources, verdict=verdict, explanation=explanation)
    before = desk.snapshot(cid)
    with pytest.raises(TransitionRefused) as refused:
        desk.do(wf.submit, cid, RESEARCHER)
    assert str(refused.value) == f"cannot submit claim {cid} for review: it needs {missing}"
    assert desk.snapshot(cid) == before


def test_min_sources_setting_is_enforced(desk: Desk) -> None:
    desk.do(wf.set_rule, "min_sources", "2", EDITOR)
    cid = _researching_with(desk, sources=1, verdict=True)
    with pytest.raises(TransitionRefused, match=r"at least 2 sources \(it has 1\)"):
        desk.do(wf.submit, cid, RESEARCHER)
    desk.do(wf.add_source, cid, RESEARCHER, "https://afp.com/second-source")
    assert desk.do(wf.submit, cid, RESEARCHER).status == "in_review"


def test_removing_a_source_can_make_a_claim_unsubmittable(desk: Desk) -> None:
    cid = _researching_with(desk, sources=1, verdict=True)
    with desk.db.session() as s:
        source_id = wf.claim_detail(s, cid).sources[0].id
    desk.do(wf.remove_source, cid, source_id, RESEARCHER)
    with pytest.raises(TransitionRefused, match="at least 1 source"):
        desk.do(wf.submit, cid, RESEARCHER)


def test_four_eyes_refuses_self_approval(desk: Desk) -> None:
    cid = desk.claim_in("in_review")  # the verdict was set by RESEARCHER
    before = desk.snapshot(cid)
    with pytest.raises(TransitionRefused) as refused:
        desk.do(wf.approve, cid, RESEARCHER)
    message = str(refused.value)
    assert "allow_self_approval" in message
    assert "possible moves: researching (send-back)" in message
    assert desk.snapshot(cid) == before
    assert desk.do(wf.approve, cid, EDITOR).status == "approved"


def test_self_approval_allowed_by_setting(desk: Desk) -> None:
    desk.do(wf.set_rule, "allow_self_approval", "yes", EDITOR)
    cid = desk.claim_in("in_review")
    row = desk.do(wf.approve, cid, RESEARCHER)
    assert row.status == "approved"
    assert desk.claim(cid).approved_by == RESEARCHER


def test_four_eyes_follows_whoever_last_set_the_verdict(desk: Desk) -> None:
    cid = desk.claim_in("in_review")
    desk.do(wf.send_back, cid, EDITOR, "wrong rating")
    desk.do(wf.set_verdict, cid, EDITOR, "Mostly true", "Rounded figure.")
    desk.do(wf.submit, cid, RESEARCHER)
    with pytest.raises(TransitionRefused, match="bob set its verdict"):
        desk.do(wf.approve, cid, EDITOR)
    assert desk.do(wf.approve, cid, RESEARCHER).status == "approved"


@pytest.mark.parametrize(
    ("key", "value", "field", "expected"),
    [
        ("min_sources", " 3 ", "min_sources", 3),
        ("allow_self_approval", "TRUE", "allow_self_approval", True),
        ("allow-self-approval", "off", "allow_self_approval", False),
        ("organization", "  AFP Factuel ", "organization", "AFP Factuel"),
        (
            "report_url",
            "HTTPS://Factcheck.Example.org",
            "report_url",
            "https://factcheck.example.org/",
        ),
        ("report_url", "", "report_url", ""),
    ],
)
def test_set_rule_normalizes_and_stores(
    desk: Desk, key: str, value: str, field: str, expected: object
) -> None:
    rules = desk.do(wf.set_rule, key, value, EDITOR)
    assert getattr(rules, field) == expected
    with desk.db.session() as s:
        assert getattr(wf.get_rules(s), field) == expected


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("min_sources", "two", "whole number"),
        ("min_sources", "0", "between 1 and"),
        ("min_sources", "21", "between 1 and"),
        ("allow_self_approval", "maybe", "true or false"),
        ("organization", "   ", "cannot be empty"),
        ("report_url", "javascript:alert(1)", "http:// or https://"),
        ("colour", "blue", "unknown setting 'colour'; choose from min_sources"),
    ],
)
def test_set_rule_refuses_bad_values_and_keeps_the_old_one(
    desk: Desk, key: str, value: str, message: str
) -> None:
    with desk.db.session() as s:
        before = wf.get_rules(s)
    with pytest.raises(InvalidInput, match=message):
        desk.do(wf.set_rule, key, value, EDITOR)
    with desk.db.session() as s:
        assert wf.get_rules(s) == before


def test_a_hand_edited_nonsense_setting_falls_back_to_the_default(desk: Desk) -> None:
    with desk.db.transaction() as s:
        row = s.get(Setting, "min_sources")
        assert row is not None
        row.value = "lots"
        s.delete(s.get(Setting, "allow_self_approval"))
    with desk.db.session() as s:
        rules = wf.get_rules(s)
    assert (rules.min_sources, rules.allow_self_approval) == (1, False)
    # and setting it again recreates the missing row
    assert desk.do(wf.set_rule, "allow_self_approval", "true", EDITOR).allow_self_approval


def test_verdict_rating_is_matched_case_insensitively(desk: Desk) -> None:
    cid = desk.claim_in("researching")
    row = desk.do(wf.set_verdict, cid, RESEARCHER, "  mostly   FALSE ", "Off by half.")
    assert row.verdict == "Mostly false"
    claim = desk.claim(cid)
    assert (claim.verdict_by, claim.explanation) == (RESEARCHER, "Off by half.")
    assert claim.verdict_at is not None


def test_unknown_rating_lists_the_scale(desk: Desk) -> None:
    cid = desk.claim_in("researching")
    before = desk.snapshot(cid)
    with pytest.raises(InvalidInput) as refused:
        desk.do(wf.set_verdict, cid, RESEARCHER, "Pants on fire", "x")
    assert str(refused.value) == (
        "unknown rating 'Pants on fire'; the scale is: True, Mostly true, Half true, "
        "Mostly false, False, Misleading, Unverifiable"
    )
    assert desk.snapshot(cid) == before


def test_verdict_needs_an_explanation(desk: Desk) -> None:
    cid = desk.claim_in("researching")
    with pytest.raises(InvalidInput, match="explanation"):
        desk.do(wf.set_verdict, cid, RESEARCHER, "True", "  ")


@pytest.mark.parametrize("status", ["new", "to_check", "dismissed", "in_review", "approved"])
def test_verdict_only_while_researching(desk: Desk, status: str) -> None:
    cid = desk.claim_in(status)
    before = desk.snapshot(cid)
    with pytest.raises(TransitionRefused, match=f"it is '{status}'; a verdict is set while"):
        desk.do(wf.set_verdict, cid, EDITOR, "False", "Wrong.")
    assert desk.snapshot(cid) == before


def test_changing_a_verdict_records_old_and_new(desk: Desk) -> None:
    cid = desk.claim_in("researching")
    desk.do(wf.set_verdict, cid, RESEARCHER, "True", "First look.")
    desk.do(wf.set_verdict, cid, RESEARCHER, "False", "Second look.")
    with pytest.raises(InvalidInput, match="already has this verdict"):
        desk.do(wf.set_verdict, cid, RESEARCHER, "false", "Second look.")
    with desk.db.session() as s:
        last = wf.claim_detail(s, cid).history[-1]
    assert last.action == "verdict_set"
    assert last.details["changes"] == {
        "verdict": {"old": "True", "new": "False"},
        "explanation": {"old": "First look.", "new": "Second look."},
    }


def test_rating_scale_in_order(desk: Desk) -> None:
    with desk.db.session() as s:
        scale = wf.rating_scale(s)
    assert [r.label for r in scale] == [
        "True",
        "Mostly true",
        "Half true",
        "Mostly false",
        "False",
        "Misleading",
        "Unverifiable",
    ]
    assert [r.value for r in scale] == [5, 4, 3, 2, 1, None, None]
    assert all(r.description for r in scale)
