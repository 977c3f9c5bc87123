"""One claim on the whole screen: the detail pane with room to read, and every action."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import on, work
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Footer

from factcheck.errors import FactcheckError
from factcheck.tui.screens.base import ClaimActionsScreen
from factcheck.tui.widgets.claim_detail import ClaimDetailPane

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from factcheck.tui.data import Backend, ClaimExtras
    from factcheck.workflow import ClaimDetail, ClaimRow


class ClaimScreen(ClaimActionsScreen):
    BINDINGS = [Binding("escape,q", "back", "Back", id="claim-screen.back")]

    @dataclass
    class Loaded(Message):
        detail: ClaimDetail

    def __init__(self, backend: Backend, claim_id: int) -> None:
        super().__init__(backend, id="claim-screen")
        self.claim_id = claim_id
        self.detail: ClaimDetail | None = None

    def compose(self) -> ComposeResult:
        yield ClaimDetailPane(id="claim-full")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(ClaimDetailPane).focus()
        self._load()

    @work(thread=True, group="claim", exclusive=True)
    def _load(self) -> None:
        try:
            detail = self.backend.detail(self.claim_id)
        except FactcheckError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error")
            return
        self.post_message(self.Loaded(detail))

    @on(Loaded)
    def _on_loaded(self, message: Loaded) -> None:
        self.show_claim(message.detail)

    def current_claim(self) -> ClaimRow | None:
        return self.detail.row if self.detail else None

    def current_detail(self) -> ClaimDetail | None:
        return self.detail

    def show_claim(self, detail: ClaimDetail) -> None:
        self.detail = detail
        self.query_one(ClaimDetailPane).show(detail)
        self.load_extras(detail.row.id)

    def show_extras(self, extras: ClaimExtras) -> None:
        self.query_one(ClaimDetailPane).show_extras(extras)

    def current_extras(self) -> ClaimExtras | None:
        extras = self.query_one(ClaimDetailPane).extras
        return extras if self.detail and extras and extras.claim_id == self.detail.row.id else None

    def export_scope(self) -> tuple[int | None, str | None]:
        if self.detail is None:
            return None, None
        return self.detail.row.article_id, self.detail.row.article_title

    def action_back(self) -> None:
        self.app.pop_screen()
