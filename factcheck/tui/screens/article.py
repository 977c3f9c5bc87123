"""The article view: the whole text, every claim coloured by status, gaps marked.

n / p move between claims, enter opens the current one, and the claim keys (t, x, r,
s, v, ...) act on the current claim exactly as on the desk.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Footer, Static

from factcheck.errors import FactcheckError
from factcheck.tui.screens.base import ClaimActionsScreen
from factcheck.tui.style import (
    REVISION_FLAG,
    STATUS_ORDER,
    ellipsize,
    revision_flag,
    status_badge,
)
from factcheck.tui.widgets.article_text import ArticleText

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from factcheck.tui.data import Backend
    from factcheck.workflow import ArticleInfo, ClaimDetail, ClaimRow


class ArticleScreen(ClaimActionsScreen):
    BINDINGS = [
        Binding("escape,q", "back", "Back", id="article.back"),
        Binding("n,j", "next_claim", "Next claim", key_display="n", id="article.next"),
        Binding("p,k", "previous_claim", "Previous", key_display="p", id="article.previous"),
        Binding("enter", "open_claim", "Open", id="article.open"),
        Binding("H", "revision_history", "Revisions", id="article.revisions"),
    ]

    @dataclass
    class ArticleLoaded(Message):
        article: ArticleInfo
        claims: list[ClaimRow]

    @dataclass
    class LoadFailed(Message):
        message: str

    def __init__(self, backend: Backend, article_id: int, claim_id: int | None = None) -> None:
        super().__init__(backend, id="article-screen")
        self.article_id = article_id
        self.claim_id = claim_id
        self.article: ArticleInfo | None = None
        self.claims: list[ClaimRow] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="article-head"):
            yield Static("Loading article…", id="article-title")
            with Horizontal(id="article-legend-row"):
                yield Static("", id="article-legend")
                yield Static("[$warning]▌[/] no claim", id="gap-legend")
        yield ArticleText(id="article-text")
        yield Static("", id="article-current")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(ArticleText).focus()
        self._load()

    def on_screen_resume(self) -> None:
        if self.article is not None:
            self._load()

    @work(thread=True, group="article", exclusive=True)
    def _load(self) -> None:
        try:
            article, claims = self.backend.article(self.article_id)
        except FactcheckError as exc:
            self.post_message(self.LoadFailed(str(exc)))
            return
        self.post_message(self.ArticleLoaded(article, claims))

    @on(LoadFailed)
    def _on_load_failed(self, message: LoadFailed) -> None:
        self.notify(message.message, title="Could not load", severity="error")

    @on(ArticleLoaded)
    async def _on_article_loaded(self, message: ArticleLoaded) -> None:
        self.article = message.article
        self.claims = sorted(message.claims, key=lambda c: c.start)
        if self.claim_id is None or all(c.id != self.claim_id for c in self.claims):
            self.claim_id = self.claims[0].id if self.claims else None
        article = message.article
        meta = " · ".join(
            str(part) for part in (article.outlet, article.published, article.author) if part
        )
        title = Text.assemble((article.title, "bold"), (f"   {meta}" if meta else "", "dim"))
        self.query_one("#article-title", Static).update(title)
        await self.query_one(ArticleText).show(article.text, self.claims, self.claim_id)
        self._update_legend()
        self._update_current()
        self.refresh_bindings()  # H appears once the article is known to have revisions

    def _update_legend(self) -> None:
        counts = {s: 0 for s in STATUS_ORDER}
        for claim in self.claims:
            counts[claim.status] = counts.get(claim.status, 0) + 1
        legend = Text(f"{len(self.claims)} claims  ")
        for status in STATUS_ORDER:
            if counts[status]:
                legend.append_text(status_badge(status))
                legend.append(f" {counts[status]}  ")
        self.query_one("#article-legend", Static).update(legend)

    def _update_current(self) -> None:
        current = self.current_claim()
        line = self.query_one("#article-current", Static)
        if current is None:
            line.update("This article has no claims.")
            return
        index = next(i for i, c in enumerate(self.claims) if c.id == current.id)
        flag = revision_flag(current.withdrawn, current.changed_since_review)
        line.update(
            Text.assemble(
                f"Claim {index + 1}/{len(self.claims)}  ",
                status_badge(current.status),
                f"  {current.kind} · {current.score:.2f}",
                f" · {current.verdict}" if current.verdict else "",
                f" · {current.assignee}" if current.assignee else "",
                (f" · {flag}" if flag else "", REVISION_FLAG),
                "  ",
                ellipsize(current.text, 200),
            )
        )

    # Moving between claims ---------------------------------------------------

    def _move(self, step: int) -> None:
        if not self.claims:
            return
        ids = [c.id for c in self.claims]
        index = ids.index(self.claim_id) if self.claim_id in ids else -1
        index = max(0, min(len(ids) - 1, index + step))
        self.claim_id = ids[index]
        self.query_one(ArticleText).set_current(self.claim_id)
        self._update_current()

    def action_next_claim(self) -> None:
        self._move(1)

    def action_previous_claim(self) -> None:
        self._move(-1)

    def action_open_claim(self) -> None:
        from factcheck.tui.screens.claim import ClaimScreen

        if self.claim_id is not None:
            self.app.push_screen(ClaimScreen(self.backend, self.claim_id))

    def action_back(self) -> None:
        self.app.pop_screen()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "revision_history":
            return self.article is not None and self.article.revision > 1
        return super().check_action(action, parameters)

    def action_revision_history(self) -> None:
        from factcheck.tui.screens.revisions import RevisionHistoryScreen

        if self.check_action("revision_history", ()):
            title = self.article.title if self.article else ""
            self.app.push_screen(RevisionHistoryScreen(self.backend, self.article_id, title))

    # ClaimActionsScreen ---------------------------------------------------

    def current_claim(self) -> ClaimRow | None:
        return next((c for c in self.claims if c.id == self.claim_id), None)

    def show_claim(self, detail: ClaimDetail) -> None:
        row = detail.row
        self.claims = [row if c.id == row.id else c for c in self.claims]
        self.query_one(ArticleText).update_claim(row)
        self._update_legend()
        self._update_current()

    def export_scope(self) -> tuple[int | None, str | None]:
        return self.article_id, self.article.title if self.article else None
