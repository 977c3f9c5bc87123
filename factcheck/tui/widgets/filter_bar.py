"""The filter bar: the search box and a one-line summary of what the table shows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, Static

if TYPE_CHECKING:
    from textual.app import ComposeResult

SEARCH_DELAY = 0.3  # seconds of quiet typing before the table is searched


class SearchInput(Input):
    BINDINGS = [
        Binding("escape", "leave", "Back to claims", id="search.leave"),
        Binding("down", "leave", "Back to claims", show=False, id="search.down"),
    ]

    @dataclass
    class Leave(Message):
        """The user is done searching (escape, enter or down)."""

    def action_leave(self) -> None:
        self.post_message(self.Leave())


class FilterBar(Horizontal):
    """Search as you type (debounced) and see the filter, sort and count."""

    @dataclass
    class SearchChanged(Message):
        text: str

    @dataclass
    class Done(Message):
        """Focus should go back to the table."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield SearchInput(placeholder="/ search claims", id="search", compact=True)
        yield Static("", id="filter-summary")

    def set_summary(self, text: str) -> None:
        self.query_one("#filter-summary", Static).update(text)

    def focus_search(self) -> None:
        self.query_one("#search", Input).focus()

    def set_search(self, text: str) -> None:
        self.query_one("#search", Input).value = text

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self._timer is not None:
            self._timer.stop()
        value = event.value
        self._timer = self.set_timer(SEARCH_DELAY, lambda: self._emit(value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self._timer is not None:
            self._timer.stop()
        self._emit(event.value)
        self.post_message(self.Done())

    def on_search_input_leave(self, event: SearchInput.Leave) -> None:
        event.stop()
        self.post_message(self.Done())

    def _emit(self, value: str) -> None:
        self.post_message(self.SearchChanged(value.strip()))
