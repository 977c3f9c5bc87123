"""Ask why: dismiss, send back, reopen and notes all need a written reason."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

if TYPE_CHECKING:
    from textual.app import ComposeResult


class ReasonDialog(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="reason.cancel")]

    def __init__(self, title: str, prompt: str, *, action: str, placeholder: str = "") -> None:
        super().__init__(classes="dialog")
        self._title, self._prompt, self._action = title, prompt, action
        self._placeholder = placeholder

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog-box") as box:
            box.border_title = self._title
            yield Label(self._prompt, classes="dialog-text")
            yield Input(placeholder=self._placeholder, id="reason")
            yield Static("", id="reason-error", classes="field-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self._action, variant="primary", id="ok", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#reason", Input).focus()

    def _finish(self) -> None:
        reason = self.query_one("#reason", Input).value.strip()
        if not reason:
            self.query_one("#reason-error", Static).update("A reason is required.")
            self.query_one("#reason", Input).focus()
            return
        self.dismiss(reason)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._finish()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            self._finish()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
