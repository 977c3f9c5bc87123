"""The claims table: columns sized to content, the claim text given the rest, and the cursor."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from factcheck.store.database import Database
from factcheck.tui.app import FactcheckApp
from factcheck.tui.widgets.claims_table import MIN_CLAIM_WIDTH, fit, layout_columns
from factcheck.workflow import ClaimRow
from tests.tui.conftest import settle
from tests.tui.seed import Seeded
from tests.tui.test_desk_actions import select_claim, stored


def row(claim_id: int, **changes: object) -> ClaimRow:
    base = ClaimRow(
        id=claim_id,
        article_id=1,
        article_title="A rather long article title that goes on and on",
        text="the city has over a million foreigners",
        status="new",
        kind="quantity",
        score=0.5,
        checkworthy=True,
        verdict=None,
        assignee=None,
        start=0,
        end=10,
        updated_at=datetime(2026, 1, 1, tzinfo=UTC),
        version=1,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def widths(columns: list) -> dict[str, int]:  # type: ignore[type-arg]
    return {c.key: c.width for c in columns}


def test_empty_verdict_and_assignee_columns_are_left_out() -> None:
    cols = widths(layout_columns([row(1), row(2)], 160))
    assert set(cols) == {"status", "score", "claim", "kind", "article"}
    assert cols["kind"] == len("quantity")


def test_claim_takes_the_rest_of_the_width() -> None:
    rows = [row(1, verdict="Mostly false", assignee="ana")]
    narrow, wide = layout_columns(rows, 120), layout_columns(rows, 160)
    assert widths(wide)["claim"] - widths(narrow)["claim"] == 40
    # Every cell plus the gaps fills the line exactly (one cell of left margin).
    for columns, width in ((narrow, 120), (wide, 160)):
        assert sum(c.width for c in columns) + 2 * (len(columns) - 1) + 1 == width
    assert widths(wide)["verdict"] == len("Mostly false")


def test_narrow_screens_drop_the_article_before_the_verdict() -> None:
    rows = [row(1, verdict="Mostly false", assignee="ana")]
    cols = widths(layout_columns(rows, 80))
    assert "article" not in cols
    assert "verdict" in cols
    assert cols["claim"] >= MIN_CLAIM_WIDTH


def test_fit_cuts_with_an_ellipsis_and_pads() -> None:
    assert fit("abcdef", 4) == "abc…"
    assert fit("ab", 4) == "ab  "
    assert fit("0.50", 6, right=True) == "  0.50"
    assert fit("深圳深圳", 5) == "深圳…"  # wide characters count as two cells


async def test_resize_gives_the_claim_column_the_new_width(
    app: FactcheckApp, seeded: Seeded
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        desk = await select_claim(pilot, seeded.claims["million"])
        before = widths(desk.table.columns)["claim"]
        await pilot.resize_terminal(160, 40)
        await settle(pilot)
        after = widths(desk.table.columns)["claim"]
        # The sidebar (30 cells) appears at 110 columns and up, so not all 40 go to the claim.
        assert after > before
        assert sum(c.width for c in desk.table.columns) + 2 * (len(desk.table.columns) - 1) + 1 == (
            desk.table.size.width
        )


async def test_cursor_keys_and_triage_in_status_filter(
    app: FactcheckApp, seeded: Seeded, db: Database
) -> None:
    """A claim that leaves the filter disappears and the cursor stays on the same line."""
    async with app.run_test(size=(120, 40)) as pilot:
        desk = await select_claim(pilot, seeded.claims["million"])
        desk.set_statuses(frozenset({"new", "to_check"}))
        await settle(pilot)
        ids = [r.id for r in desk.table.loaded]
        assert ids == [seeded.claims["million"], seeded.claims["firms"]]
        await pilot.press("end")
        assert desk.table.current_claim() == desk.table.loaded[-1]
        await pilot.press("home")
        await pilot.press("x", *"duplicate", "enter")
        await settle(pilot)
        assert stored(db, seeded.claims["million"]).status == "dismissed"
        assert [r.id for r in desk.table.loaded] == [seeded.claims["firms"]]
        assert desk.table.cursor_row == 0
        assert desk.pane.detail is not None
        assert desk.pane.detail.row.id == seeded.claims["firms"]
        # The counts moved at once and agree with the recount that follows.
        for _ in range(2):
            assert desk.counts is not None
            assert desk.counts.by_status["dismissed"] == 2
            assert desk.counts.by_status["new"] == 0
            assert desk.counts.total == 1
            await pilot.pause(desk.RECOUNT_DELAY + 0.1)
            await settle(pilot)
