"""The article list in the sidebar: a long title never pushes its claim count out of sight."""

from __future__ import annotations

from sqlalchemy import insert
from textual.widgets import OptionList

from factcheck.store.database import Database
from factcheck.store.models import Article, Claim
from factcheck.tui.app import FactcheckApp
from factcheck.tui.widgets.sidebar import article_prompt
from factcheck.workflow import ArticleRow
from tests.tui.conftest import settle
from tests.tui.seed import Seeded


def _lines(widget: OptionList) -> list[str]:
    return [widget.render_line(y).text.rstrip() for y in range(widget.size.height)]


def _add_articles(db: Database, count: int, claims_each: int) -> None:
    """Enough articles for the list to scroll, with three-digit claim counts."""
    with db.transaction() as s:
        for i in range(count):
            title = f"Regional council budget report {i:02d}"
            article_id = s.scalar(
                insert(Article)
                .values(title=title, text="x" * 40, content_hash=f"{i:064d}")
                .returning(Article.id)
            )
            s.execute(
                insert(Claim),
                [
                    dict(
                        article_id=article_id,
                        text="x",
                        sentence="x",
                        start=j,
                        end=j + 1,
                        kind="fact",
                        score=0.1,
                    )
                    for j in range(claims_each)
                ],
            )


async def test_long_titles_keep_their_counts_at_160_columns(
    app: FactcheckApp, seeded: Seeded, db: Database
) -> None:
    _add_articles(db, 40, 120)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        articles = pilot.app.screen.query_one("#article-list", OptionList)
        assert articles.show_vertical_scrollbar
        lines = _lines(articles)
        council = [line for line in lines if "Regional" in line]
        assert council, lines
        assert all(line.endswith("  120") and "…" in line for line in council), lines


def _row(title: str, count: int) -> ArticleRow:
    return ArticleRow(
        id=1,
        title=title,
        outlet=None,
        published=None,
        url=None,
        claim_count=count,
        status_counts={},
    )


def test_prompt_fits_the_width_with_the_count_last() -> None:
    for title in ("Short", "A title of exactly 20c", "x" * 80):
        for count in (3, 12_345):
            text = article_prompt(_row(title, count), False, 24).plain
            assert len(text) <= 24, text
            assert text.endswith(f"{count:,}")
    assert article_prompt(_row("Short", 3), True, 24).plain.startswith("▸Short")
