"""Attach a source: the URL is checked as it is typed, with the same rule the CLI uses."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.validation import ValidationResult, Validator
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from factcheck.errors import FactcheckError

if TYPE_CHECKING:
    from textual.app import ComposeResult

STANCES: tuple[str, ...] = ("supports", "refutes", "context")


@dataclass(frozen=True)
class SourceInput:
    url: str
    title: str | None
    note: str | None
    stance: str


class SourceUrl(Validator):
    """Delegates to `validate_source_url` so the dialog and the CLI agree."""

    def validate(self, value: str) -> ValidationResult:
        from factcheck.workflow import validate_source_url

        try:
            validate_source_url(value)
        except FactcheckError as exc:
            return self.failure(str(exc))
        return self.success()


class AddSourceDialog(ModalScreen[SourceInput | None]):
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="source.cancel"),
        Binding("ctrl+s", "save", "Add source", id="source.save"),
    ]

    def __init__(self, claim_text: str) -> None:
        super().__init__(classes="dialog")
        self._claim_text = claim_text

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog-box") as box:
            box.border_title = "Add source"
            yield Static(self._claim_text, classes="dialog-claim")
            yield Label("URL")
            yield Input(
                placeholder="https://…",
                id="url",
                validators=[SourceUrl()],
                validate_on=["changed", "submitted"],
            )
            yield Static("", id="url-error", classes="field-error")
            yield Label("Title (optional)")
            yield Input(id="title")
            yield Label("Note (optional)")
            yield Input(placeholder="what this source shows", id="note")
            yield Label("Stance")
            with RadioSet(id="stance"):
                for index, stance in enumerate(STANCES):
                    yield RadioButton(stance, value=index == 0, id=f"stance-{stance}")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Add (ctrl+s)", variant="primary", id="ok", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#url", Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id != "url":
            return
        error = self.query_one("#url-error", Static)
        result = event.validation_result
        if not event.value.strip() or result is None or result.is_valid:
            error.update("")
        else:
            error.update("; ".join(result.failure_descriptions))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            self.action_save()
        else:
            self.dismiss(None)

    def action_save(self) -> None:
        from factcheck.workflow import validate_source_url

        url_input = self.query_one("#url", Input)
        try:
            url = validate_source_url(url_input.value)
        except FactcheckError as exc:
            self.query_one("#url-error", Static).update(str(exc))
            url_input.focus()
            return
        pressed = self.query_one("#stance", RadioSet).pressed_index
        stance = STANCES[pressed] if pressed >= 0 else STANCES[0]
        title = self.query_one("#title", Input).value.strip() or None
        note = self.query_one("#note", Input).value.strip() or None
        self.dismiss(SourceInput(url=url, title=title, note=note, stance=stance))

    def action_cancel(self) -> None:
        self.dismiss(None)
