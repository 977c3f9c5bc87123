"""The article view's revision history (H): only for revised articles, list and diff shown."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from factcheck.revisions import revise_article
from factcheck.segmenter.types import ArticleText
from factcheck.store.database import Database
from factcheck.tui.app import FactcheckApp
from factcheck.tui.screens.article import ArticleScreen
from factcheck.tui.screens.revisions import RevisionHistoryScreen, render_history
from tests.tui.conftest import settle
from tests.tui.seed import BUDGET, Seeded
from tests.tui.test_desk_actions import SIZE, select_claim

REVISED = BUDGET.replace("fell by 3.5% last year", "fell by 2.9% last year").replace(
    "Critics said the figures were misleading because they excluded part-time work.",
    "The Treasury published the figures on Monday.",
)


@pytest.fixture
def revised(seeded: Seeded, db: Database) -> Seeded:
    """The budget article corrected once, by an editor."""
    with db.transaction() as s:
        revise_article(
            s, seeded.budget_id, ArticleText(title="Budget plans unveiled", text=REVISED), "editor"
        )
    return seeded


def _text(screen: RevisionHistoryScreen) -> str:
    assert screen.history is not None
    console = Console(width=120, record=True, file=io.StringIO())
    console.print(render_history(screen.history))
    return console.export_text()


async def _article_of(pilot, claim_id: int) -> ArticleScreen:
    await select_claim(pilot, claim_id)
    await pilot.press("A")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ArticleScreen)
    return screen


def _footer_keys(screen: ArticleScreen) -> set[str]:
    return {b.key for (_, b, enabled, _) in screen.active_bindings.values() if enabled}


async def test_history_of_a_revised_article(app: FactcheckApp, revised: Seeded) -> None:
    async with app.run_test(size=SIZE) as pilot:
        article = await _article_of(pilot, revised.claims["unemployment"])
        assert article.article is not None and article.article.revision == 2
        assert "H" in _footer_keys(article)
        assert any(c.title == "Revisions (H)" for c in article.palette_commands())

        await pilot.press("H")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, RevisionHistoryScreen)
        shown = _text(screen)
        assert [r.number for r in screen.history.revisions] == [1, 2]
        assert "editor" in shown and "(current)" in shown
        assert "Text changes, revision 1 → 2" in shown
        assert "-The chancellor said unemployment fell by 3.5% last year" in shown
        assert "+The chancellor said unemployment fell by 2.9% last year" in shown
        assert "+The Treasury published the figures on Monday." in shown
        await pilot.press("escape")
        await settle(pilot)
        assert pilot.app.screen is article


async def test_no_history_key_for_an_article_never_revised(
    app: FactcheckApp, revised: Seeded
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        article = await _article_of(pilot, revised.claims["million"])  # Shenzhen: one revision
        assert "H" not in _footer_keys(article)
        assert not any("(H)" in c.title for c in article.palette_commands())
        await pilot.press("H")
        await settle(pilot)
        assert pilot.app.screen is article
