"""Filters, search, sort, article view, export, help, palette, theme, paging and refresh."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import insert

from factcheck.store.database import Database
from factcheck.store.models import Article, Claim
from factcheck.tui.app import FactcheckApp, make_app
from factcheck.tui.screens.article import ArticleScreen
from factcheck.tui.screens.desk import MAX_PAGES, PAGE_SIZE, DeskScreen
from factcheck.tui.screens.help import HelpScreen
from factcheck.tui.widgets.sidebar import Sidebar
from tests.tui.conftest import notes, settle
from tests.tui.seed import Seeded
from tests.tui.test_desk_actions import SIZE, select_claim, stored


async def desk_of(pilot) -> DeskScreen:
    await settle(pilot)
    assert isinstance(pilot.app.screen, DeskScreen)
    return pilot.app.screen


async def test_status_filter_from_sidebar(app: FactcheckApp, seeded: Seeded) -> None:
    async with app.run_test(size=SIZE) as pilot:
        desk = await desk_of(pilot)
        desk.query_one(Sidebar).post_message(Sidebar.StatusChosen("researching"))
        await settle(pilot)
        assert [r.id for r in desk.table.loaded] == [seeded.claims["labs"]]
        assert desk.counts is not None and desk.counts.total == 1


async def test_article_filter_search_mine_and_sort(app: FactcheckApp, seeded: Seeded) -> None:
    async with app.run_test(size=SIZE) as pilot:
        desk = await desk_of(pilot)
        desk.query_one(Sidebar).post_message(Sidebar.ArticleChosen(seeded.budget_id))
        await settle(pilot)
        assert {r.article_id for r in desk.table.loaded} == {seeded.budget_id}

        await pilot.press("escape")  # clear filters
        await settle(pilot)
        assert len(desk.table.loaded) == 6

        await pilot.press("slash", *"NOBEL", "enter")
        await settle(pilot)
        assert [r.id for r in desk.table.loaded] == [seeded.claims["labs"]]
        assert desk.table.has_focus

        await pilot.press("escape", "m")  # mine: assigned to tester
        await settle(pilot)
        assert [r.id for r in desk.table.loaded] == [seeded.claims["labs"]]
        await pilot.press("m")
        await settle(pilot)

        await pilot.press("S")  # score -> position
        await settle(pilot)
        assert desk.sort == "position"
        keys = [(r.article_id, r.start) for r in desk.table.loaded]
        assert keys == sorted(keys)


async def test_filter_dialog_by_kind(app: FactcheckApp, seeded: Seeded) -> None:
    from factcheck.tui.dialogs.filter import FilterChoice, FilterDialog

    async with app.run_test(size=SIZE) as pilot:
        desk = await desk_of(pilot)
        await pilot.press("f")
        await settle(pilot)
        dialog = pilot.app.screen
        assert isinstance(dialog, FilterDialog)
        dialog.dismiss(FilterChoice(None, frozenset({"comparison"}), None))
        await settle(pilot)
        assert [r.id for r in desk.table.loaded] == [seeded.claims["since1990"]]


async def test_article_view(app: FactcheckApp, seeded: Seeded, db: Database) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await select_claim(pilot, seeded.claims["million"])
        await pilot.press("A")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, ArticleScreen)
        gaps = screen.query(".paragraph.-gap")
        assert len(gaps) >= 2  # the headline and the paragraph about the climate
        assert [c.start for c in screen.claims] == sorted(c.start for c in screen.claims)
        assert screen.claim_id == seeded.claims["million"]
        await pilot.press("n")
        assert screen.claim_id == seeded.claims["firms"]
        await pilot.press("r")  # start research on the current claim, from the article
        await settle(pilot)
        assert stored(db, seeded.claims["firms"]).status == "researching"
        await pilot.press("p", "p")
        assert screen.claim_id == seeded.claims["million"]
        await pilot.press("escape")
        desk = await desk_of(pilot)
        firms = next(r for r in desk.table.loaded if r.id == seeded.claims["firms"])
        assert firms.status == "researching"


async def test_enter_opens_article_then_claim(app: FactcheckApp, seeded: Seeded) -> None:
    from factcheck.tui.screens.claim import ClaimScreen

    async with app.run_test(size=SIZE) as pilot:
        await select_claim(pilot, seeded.claims["unemployment"])
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ArticleScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ClaimScreen)
        assert pilot.app.screen.detail is not None
        assert pilot.app.screen.detail.sources[0].url == "https://www.ons.gov.uk/employment"
        await pilot.press("escape", "escape")
        await desk_of(pilot)


async def test_export(app: FactcheckApp, seeded: Seeded, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await desk_of(pilot)
        await pilot.press("e")
        await settle(pilot)
        path_input = pilot.app.screen.query_one("#path")
        assert path_input.value.endswith(".md") or path_input.value
        path_input.value = str(tmp_path / "report.json")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert any("Wrote 1 claim" in n for n in notes(app))
    report = tmp_path / "report.json"
    assert "largest fall since 1990" in report.read_text()


async def test_export_asks_before_overwriting(
    app: FactcheckApp, seeded: Seeded, tmp_path: Path
) -> None:
    target = tmp_path / "report.md"
    target.write_text("keep me")
    async with app.run_test(size=SIZE) as pilot:
        await desk_of(pilot)
        await pilot.press("e")
        await settle(pilot)
        pilot.app.screen.query_one("#path").value = str(target)
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("n")  # keep the file
        await settle(pilot)
    assert target.read_text() == "keep me"


async def test_help_palette_and_theme(app: FactcheckApp, seeded: Seeded, db: Database) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await select_claim(pilot, seeded.claims["million"])
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(pilot.app.screen, HelpScreen)
        await pilot.press("escape")
        theme = pilot.app.theme
        await pilot.press("ctrl+t")
        assert pilot.app.theme != theme
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"Triage")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
    assert stored(db, seeded.claims["million"]).status == "to_check"


async def test_periodic_refresh_shows_other_reviewers_changes(
    app: FactcheckApp, seeded: Seeded, db: Database
) -> None:
    from factcheck.workflow import triage

    async with app.run_test(size=SIZE) as pilot:
        desk = await desk_of(pilot)
        with db.transaction() as s:
            triage(s, seeded.claims["million"], "ana")
        desk.periodic_refresh()
        await settle(pilot)
        row = next(r for r in desk.table.loaded if r.id == seeded.claims["million"])
        assert row.status == "to_check"
        assert desk.counts is not None and desk.counts.by_status["to_check"] == 2


@pytest.fixture
def many_claims(db: Database) -> int:
    """One article with 1,000 claims of distinct scores."""
    t0 = datetime(2026, 1, 5, tzinfo=UTC)
    with db.transaction() as s:
        article = Article(title="Long", text="x" * 5000, content_hash="c" * 64, ingested_at=t0)
        s.add(article)
        s.flush()
        rows = [
            dict(
                article_id=article.id,
                text=f"claim {i}",
                sentence=f"claim {i}.",
                start=i,
                end=i + 1,
                kind="fact",
                score=1 - i / 1000,
                checkworthy=True,
                reasons=[],
                quantities=[],
                times=[],
                status="new",
                created_at=t0,
                updated_at=t0,
                version=1,
            )
            for i in range(1000)
        ]
        s.execute(insert(Claim), rows)
    return 1000


async def test_table_pages_and_keeps_a_bounded_window(
    db_url: str, db: Database, many_claims: int
) -> None:
    app = make_app(db_url, "tester", refresh_seconds=0)
    async with app.run_test(size=SIZE) as pilot:
        desk = await desk_of(pilot)
        assert desk.table.row_count == PAGE_SIZE
        seen: set[int] = set()
        for _ in range(60):
            await pilot.press("pagedown", "pagedown")
            await settle(pilot)
            assert desk.table.row_count <= MAX_PAGES * PAGE_SIZE
            current = desk.table.current_claim()
            assert current is not None
            seen.add(current.id)
            if current.text == "claim 999":
                break
        assert desk.table.current_claim().text == "claim 999"
        # and back up again, reloading the pages that were dropped
        for _ in range(80):
            await pilot.press("pageup", "pageup")
            await settle(pilot)
            if desk.table.current_claim().text == "claim 0":
                break
        assert desk.table.current_claim().text == "claim 0"
        assert desk.table.row_count <= MAX_PAGES * PAGE_SIZE
