"""Every claim action driven from the keyboard, checked in the database afterwards."""

from __future__ import annotations

from sqlalchemy import select

from factcheck.store.database import Database
from factcheck.store.models import Claim, ReviewEvent, Source
from factcheck.tui.app import FactcheckApp, make_app
from factcheck.tui.screens.desk import DeskScreen
from tests.tui.conftest import notes, settle
from tests.tui.seed import Seeded

SIZE = (120, 40)


def stored(db: Database, claim_id: int) -> Claim:
    with db.session() as s:
        claim = s.get(Claim, claim_id)
        assert claim is not None
        return claim


def events(db: Database, claim_id: int) -> list[tuple[str, str, str | None, str | None]]:
    with db.session() as s:
        rows = s.scalars(
            select(ReviewEvent).where(ReviewEvent.claim_id == claim_id).order_by(ReviewEvent.id)
        )
        return [(e.actor, e.action, e.from_status, e.to_status) for e in rows]


async def select_claim(pilot, claim_id: int) -> DeskScreen:
    await settle(pilot)
    desk = pilot.app.screen
    assert isinstance(desk, DeskScreen)
    assert desk.table.select_claim(claim_id)
    await settle(pilot)
    return desk


async def test_desk_lists_claims_by_score(app: FactcheckApp, seeded: Seeded) -> None:
    async with app.run_test(size=SIZE) as pilot:
        desk = await select_claim(pilot, seeded.claims["million"])
        scores = [row.score for row in desk.table.loaded]
        assert scores == sorted(scores, reverse=True)
        assert len(scores) == 6
        assert desk.pane.detail is not None
        assert desk.pane.detail.row.id == seeded.claims["million"]


async def test_triage(app: FactcheckApp, seeded: Seeded, db: Database) -> None:
    claim_id = seeded.claims["million"]
    async with app.run_test(size=SIZE) as pilot:
        desk = await select_claim(pilot, claim_id)
        await pilot.press("t")
        await settle(pilot)
        assert stored(db, claim_id).status == "to_check"
        assert events(db, claim_id) == [("tester", "triage", "new", "to_check")]
        shown = next(r for r in desk.table.loaded if r.id == claim_id)
        assert shown.status == "to_check"
        assert desk.counts is not None and desk.counts.by_status["new"] == 0


async def test_dismiss_asks_for_a_reason(app: FactcheckApp, seeded: Seeded, db: Database) -> None:
    claim_id = seeded.claims["firms"]
    async with app.run_test(size=SIZE) as pilot:
        await select_claim(pilot, claim_id)
        await pilot.press("x")
        await pilot.press("enter")  # empty reason: refused inside the dialog
        await settle(pilot)
        assert stored(db, claim_id).status == "to_check"
        await pilot.press(*"opinion, not a fact")
        await pilot.press("enter")
        await settle(pilot)
    claim = stored(db, claim_id)
    assert claim.status == "dismissed"
    with db.session() as s:
        event = s.scalars(select(ReviewEvent).where(ReviewEvent.claim_id == claim_id)).one()
    assert event.details["reason"] == "opinion, not a fact"


async def test_dismiss_refused_without_dialog_when_not_allowed(
    app: FactcheckApp, seeded: Seeded, db: Database
) -> None:
    claim_id = seeded.claims["unemployment"]  # in review: cannot be dismissed
    async with app.run_test(size=SIZE) as pilot:
        await select_claim(pilot, claim_id)
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(pilot.app.screen, DeskScreen)
        assert any("cannot dismiss" in n for n in notes(app))
    assert stored(db, claim_id).status == "in_review"


async def test_start_assigns_the_reviewer(app: FactcheckApp, seeded: Seeded, db: Database) -> None:
    claim_id = seeded.claims["firms"]
    async with app.run_test(size=SIZE) as pilot:
        await select_claim(pilot, claim_id)
        await pilot.press("r")
        await settle(pilot)
    claim = stored(db, claim_id)
    assert (claim.status, claim.assignee) == ("researching", "tester")


async def test_research_to_review(app: FactcheckApp, seeded: Seeded, db: Database) -> None:
    """Submit is refused without a source; source, verdict, then submit goes through."""
    claim_id = seeded.claims["labs"]
    async with app.run_test(size=SIZE) as pilot:
        await select_claim(pilot, claim_id)
        await pilot.press("u")
        await settle(pilot)
        assert stored(db, claim_id).status == "researching"
        assert any(n for n in notes(app) if "source" in n or "verdict" in n)

        await pilot.press("s")
        await settle(pilot)
        await pilot.press(*"not a url")
        await pilot.pause()
        error = pilot.app.screen.query_one("#url-error")
        assert str(error.render()).strip()  # told why while typing
        await pilot.press("ctrl+s")  # refused: stays open
        await settle(pilot)
        assert pilot.app.screen.query("#url")
        pilot.app.screen.query_one("#url").value = ""
        await pilot.press(*"https://www.nobelprize.org/labs")
        await pilot.press("tab", *"Nobel labs", "tab", *"lists the three labs")
        await pilot.press("ctrl+s")
        await settle(pilot)

        await pilot.press("v")
        await settle(pilot)
        await pilot.press("down")  # Mostly true
        await pilot.press("tab", *"Three labs confirmed; a fourth opened in 2019.")
        await pilot.press("ctrl+s")
        await settle(pilot)

        await pilot.press("u")
        await settle(pilot)

    claim = stored(db, claim_id)
    assert claim.status == "in_review"
    assert claim.verdict == "Mostly true"
    assert claim.explanation == "Three labs confirmed; a fourth opened in 2019."
    with db.session() as s:
        source = s.scalars(select(Source).where(Source.claim_id == claim_id)).one()
    assert (source.title, source.note, source.stance) == (
        "Nobel labs",
        "lists the three labs",
        "supports",
    )
    assert source.url.startswith("https://www.nobelprize.org/labs")
    actions = [e[1] for e in events(db, claim_id)]
    assert actions[-1] == "submit"


async def test_approve_by_second_reviewer(app: FactcheckApp, seeded: Seeded, db: Database) -> None:
    claim_id = seeded.claims["unemployment"]
    async with app.run_test(size=SIZE) as pilot:
        await select_claim(pilot, claim_id)
        await pilot.press("a")
        await settle(pilot)
    claim = stored(db, claim_id)
    assert (claim.status, claim.approved_by) == ("approved", "tester")


async def test_self_approval_is_refused(db_url: str, seeded: Seeded, db: Database) -> None:
    claim_id = seeded.claims["unemployment"]  # researched and submitted by ana
    app = make_app(db_url, "ana", refresh_seconds=0)
    async with app.run_test(size=SIZE) as pilot:
        await select_claim(pilot, claim_id)
        before = events(db, claim_id)
        await pilot.press("a")
        await settle(pilot)
        assert any("approv" in n for n in notes(app))
    assert stored(db, claim_id).status == "in_review"
    assert events(db, claim_id) == before


async def test_send_back_with_note(app: FactcheckApp, seeded: Seeded, db: Database) -> None:
    claim_id = seeded.claims["unemployment"]
    async with app.run_test(size=SIZE) as pilot:
        await select_claim(pilot, claim_id)
        await pilot.press("b", *"cite the ONS table", "enter")
        await settle(pilot)
    assert stored(db, claim_id).status == "researching"
    assert events(db, claim_id)[-1] == ("tester", "send_back", "in_review", "researching")


async def test_reopen_approved(app: FactcheckApp, seeded: Seeded, db: Database) -> None:
    claim_id = seeded.claims["since1990"]
    async with app.run_test(size=SIZE) as pilot:
        await select_claim(pilot, claim_id)
        await pilot.press("o", *"reader sent a correction", "enter")
        await settle(pilot)
    assert stored(db, claim_id).status == "researching"


async def test_assign(app: FactcheckApp, seeded: Seeded, db: Database) -> None:
    claim_id = seeded.claims["firms"]
    async with app.run_test(size=SIZE) as pilot:
        await select_claim(pilot, claim_id)
        await pilot.press("@")
        await settle(pilot)
        await pilot.press(*"carol", "enter")
        await settle(pilot)
    assert stored(db, claim_id).assignee == "carol"


async def test_note(app: FactcheckApp, seeded: Seeded, db: Database) -> None:
    claim_id = seeded.claims["firms"]
    async with app.run_test(size=SIZE) as pilot:
        await select_claim(pilot, claim_id)
        await pilot.press("N", *"ask the city office", "enter")
        await settle(pilot)
    assert events(db, claim_id)[-1][1] == "note"


async def test_conflict_reloads_the_claim(app: FactcheckApp, seeded: Seeded, db: Database) -> None:
    """Another reviewer triaged the claim after it was loaded: refused, then shown as it is."""
    from factcheck.workflow import triage

    claim_id = seeded.claims["million"]
    async with app.run_test(size=SIZE) as pilot:
        desk = await select_claim(pilot, claim_id)
        with db.transaction() as s:
            triage(s, claim_id, "ana")
        await pilot.press("x", *"duplicate", "enter")
        await settle(pilot)
        assert any("ana" in n for n in notes(app))
        shown = next(r for r in desk.table.loaded if r.id == claim_id)
        assert shown.status == "to_check"
    assert stored(db, claim_id).status == "to_check"
    assert [e[0] for e in events(db, claim_id)] == ["ana"]


async def test_no_claim_selected(db_url: str, db: Database) -> None:
    app = make_app(db_url, "tester", refresh_seconds=0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        assert any("No claim" in n for n in notes(app))
