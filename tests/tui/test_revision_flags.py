"""Claims touched by a revision of their article are marked in table, detail and article."""

from __future__ import annotations

import io

from rich.console import Console
from sqlalchemy import update

from factcheck.store.database import Database
from factcheck.store.models import Claim
from factcheck.tui.app import FactcheckApp
from factcheck.tui.screens.article import ArticleScreen
from factcheck.tui.screens.claim import ClaimScreen
from factcheck.tui.widgets.claim_detail import ClaimDetailPane, render_detail
from factcheck.tui.widgets.claims_table import ClaimsTable
from tests.tui.conftest import settle
from tests.tui.seed import Seeded
from tests.tui.test_desk_actions import SIZE, select_claim

REVIEWED = "holds a total of 2,000 other tech-focused firms"


def _flag(db: Database, claim_id: int, **values: object) -> None:
    with db.transaction() as s:
        s.execute(update(Claim).where(Claim.id == claim_id).values(**values))


def _line_of(table: ClaimsTable, claim_id: int) -> str:
    index = next(i for i, row in enumerate(table.loaded) if row.id == claim_id)
    return table.render_line(index + 1).text  # line 0 is the header (top is 0 here)


def _pane_text(pane: ClaimDetailPane) -> str:
    assert pane.detail is not None
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(render_detail(pane.detail, pane.extras))
    return console.export_text()


async def test_changed_and_withdrawn_claims_are_marked(
    app: FactcheckApp, seeded: Seeded, db: Database
) -> None:
    firms, labs, million = seeded.claims["firms"], seeded.claims["labs"], seeded.claims["million"]
    _flag(db, firms, changed_since_review=True, previous_text=REVIEWED)
    _flag(db, labs, withdrawn=True)
    async with app.run_test(size=SIZE) as pilot:
        desk = await select_claim(pilot, firms)
        assert "[changed]" in _line_of(desk.table, firms)
        assert "[changed]" not in _line_of(desk.table, million)
        assert labs not in {r.id for r in desk.table.loaded}  # withdrawn: out of the queue
        shown = _pane_text(desk.pane)
        assert f"Changed since review — reviewed wording: “{REVIEWED}”" in shown
        assert "Withdrawn" not in shown

        await pilot.press("A")
        await settle(pilot)
        article = pilot.app.screen
        assert isinstance(article, ArticleScreen)
        assert labs in [c.id for c in article.claims]  # the article keeps it, marked
        for key in ["p"] * len(article.claims) + ["n"] * len(article.claims):
            if article.claim_id == labs:
                break
            await pilot.press(key)
        assert article.claim_id == labs
        assert "withdrawn" in str(article.query_one("#article-current").render())
        await pilot.press("enter")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, ClaimScreen)
        shown = _pane_text(screen.query_one(ClaimDetailPane))
        assert "Withdrawn: no longer in the current revision of the article" in shown
        assert "Changed since review" not in shown
