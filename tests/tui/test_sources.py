"""Removing a source from the desk: choose it, confirm, and the database loses it."""

from __future__ import annotations

from sqlalchemy import select

from factcheck import workflow as wf
from factcheck.store.database import Database
from factcheck.store.models import ReviewEvent, Source
from factcheck.tui.app import FactcheckApp
from factcheck.tui.dialogs.confirm import ConfirmDialog
from factcheck.tui.dialogs.remove_source import RemoveSourceDialog
from tests.tui.conftest import notes, settle
from tests.tui.seed import Seeded
from tests.tui.test_desk_actions import SIZE, select_claim


def add_sources(db: Database, claim_id: int, *urls: str) -> list[int]:
    ids = []
    with db.transaction() as s:
        for url in urls:
            ids.append(wf.add_source(s, claim_id, "tester", url, title=url[-5:]).id)
    return ids


def source_urls(db: Database, claim_id: int) -> list[str]:
    with db.session() as s:
        return list(s.scalars(select(Source.url).where(Source.claim_id == claim_id)))


async def test_remove_one_of_two_sources(app: FactcheckApp, seeded: Seeded, db: Database) -> None:
    claim_id = seeded.claims["labs"]
    add_sources(db, claim_id, "https://example.org/one", "https://example.org/two")
    async with app.run_test(size=SIZE) as pilot:
        await select_claim(pilot, claim_id)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, RemoveSourceDialog)
        await pilot.press("down", "enter")  # the second source
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(pilot)
        assert source_urls(db, claim_id) == ["https://example.org/one"]
        assert any("source removed" in n for n in notes(app))
        desk = app.screen
        assert [s.url for s in desk.pane.detail.sources] == ["https://example.org/one"]
    with db.session() as s:
        event = s.scalars(
            select(ReviewEvent)
            .where(ReviewEvent.claim_id == claim_id)
            .order_by(ReviewEvent.id.desc())
        ).first()
    assert event is not None and event.actor == "tester"
    assert event.details["source"]["url"] == "https://example.org/two"


async def test_a_single_source_goes_straight_to_the_question_and_no_keeps_it(
    app: FactcheckApp, seeded: Seeded, db: Database
) -> None:
    claim_id = seeded.claims["labs"]
    add_sources(db, claim_id, "https://example.org/only")
    async with app.run_test(size=SIZE) as pilot:
        await select_claim(pilot, claim_id)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await settle(pilot)
        assert source_urls(db, claim_id) == ["https://example.org/only"]
        # From the command palette this time.
        await pilot.press("ctrl+p")
        await pilot.press(*"Remove source")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(pilot)
    assert source_urls(db, claim_id) == []


async def test_removing_from_a_claim_in_review_is_refused(
    app: FactcheckApp, seeded: Seeded, db: Database
) -> None:
    claim_id = seeded.claims["unemployment"]  # in review, with one source
    async with app.run_test(size=SIZE) as pilot:
        await select_claim(pilot, claim_id)
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert any("send it back to research first" in n for n in notes(app))
    assert source_urls(db, claim_id) == ["https://www.ons.gov.uk/employment"]


async def test_no_sources_no_dialog(app: FactcheckApp, seeded: Seeded) -> None:
    async with app.run_test(size=SIZE) as pilot:
        desk = await select_claim(pilot, seeded.claims["million"])
        await pilot.press("d")
        await settle(pilot)
        assert app.screen is desk
        assert any("has no sources" in n for n in notes(app))
