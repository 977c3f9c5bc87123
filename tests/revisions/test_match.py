"""The pairing plan alone (no database): in place, moved, reworded, gone, new."""

from __future__ import annotations

from factcheck.revisions.match import OldClaim, plan_revision

OLD = [
    OldClaim(1, "unemployment fell to 4.1% in March"),
    OldClaim(2, "the city has 2,223 tech firms"),
    OldClaim(3, "exports rose by 12% last year"),
    OldClaim(4, "the mayor opened three new schools"),
]


def test_in_place_moved_reworded_gone_and_new() -> None:
    new = [
        "exports rose by 12% last year",  # moved to the top
        "unemployment fell to 4.1% in March",
        "the city has 2,500 tech firms",  # reworded in place
        "a new bridge cost $40 million",  # new
    ]
    plan = plan_revision(OLD, new)
    assert sorted(plan.kept) == [(1, 1), (3, 0)]
    assert [(c, j) for c, j, _ in plan.changed] == [(2, 2)]
    assert plan.withdrawn == [4]
    assert plan.added == [3]


def test_unrelated_sentence_in_the_same_place_is_not_a_rewording() -> None:
    new = [
        OLD[0].text,
        "the harbour froze for the first time in a century",
        *[c.text for c in OLD[2:]],
    ]
    plan = plan_revision(OLD, new)
    assert plan.changed == []
    assert plan.withdrawn == [2] and plan.added == [1]


def test_whitespace_only_edits_keep_the_claim() -> None:
    plan = plan_revision(OLD[:1], ["unemployment  fell to\n4.1% in March"])
    assert plan.kept == [(1, 0)] and plan.changed == []


def test_a_rewording_far_away_needs_a_closer_match() -> None:
    old = [OldClaim(1, "the city has 2,223 tech firms"), OldClaim(2, "A"), OldClaim(3, "B")]
    # It moved past two kept claims, so it needs the stricter ratio, which it has.
    plan = plan_revision(old, ["A", "B", "the city has 2,225 tech firms"])
    assert [(c, j) for c, j, _ in plan.changed] == [(1, 2)]
