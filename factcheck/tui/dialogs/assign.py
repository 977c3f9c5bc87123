"""Give a claim to a reviewer (or to nobody)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label

if TYPE_CHECKING:
    from textual.app import ComposeResult


@dataclass(frozen=True)
class AssignInput:
    assignee: str | None  # None: unassigned


class AssignDialog(ModalScreen[AssignInput | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="assign.cancel")]

    def __init__(self, *, me: str, current: str | None, known: list[str]) -> None:
        super().__init__(classes="dialog")
        self._me, self._current = me, current
        self._known = sorted({*known, me})

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog-box") as box:
            box.border_title = "Assign"
            yield Label(f"Reviewer (now: {self._current or 'nobody'})")
            yield Input(
                value=self._current or "",
                placeholder="name",
                id="assignee",
                suggester=SuggestFromList(self._known, case_sensitive=False),
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Assign", variant="primary", id="ok", compact=True)
                yield Button(f"To me ({self._me})", id="me", compact=True)
                yield Button("Unassign", id="none", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#assignee", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._finish(event.value)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        match event.button.id:
            case "ok":
                self._finish(self.query_one("#assignee", Input).value)
            case "me":
                self.dismiss(AssignInput(self._me))
            case "none":
                self.dismiss(AssignInput(None))
            case _:
                self.dismiss(None)

    def _finish(self, value: str) -> None:
        self.dismiss(AssignInput(value.strip() or None))

    def action_cancel(self) -> None:
        self.dismiss(None)
