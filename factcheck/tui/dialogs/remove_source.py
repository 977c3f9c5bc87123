"""Pick which of a claim's sources to remove (the screen asks for confirmation next)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, OptionList
from textual.widgets.option_list import Option

from factcheck.tui.style import ellipsize

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from factcheck.workflow import SourceInfo


def source_line(source: SourceInfo, width: int = 70) -> Text:
    """One line naming a source: stance, title and URL, as the detail pane shows it."""
    title = f"{source.title} " if source.title else ""
    return Text.assemble(
        (f"[{source.stance}] ", "bold"), ellipsize(title + source.url, width - len(source.stance))
    )


class RemoveSourceDialog(ModalScreen[int | None]):
    """Returns the id of the chosen source, or None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="remove-source.cancel")]

    def __init__(self, sources: list[SourceInfo], claim_id: int) -> None:
        super().__init__(classes="dialog")
        self._sources = sources
        self._claim_id = claim_id

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog-box") as box:
            box.border_title = f"Remove a source of claim {self._claim_id}"
            yield Label("Which source? (enter)")
            yield OptionList(
                *(Option(source_line(s), id=str(s.id)) for s in self._sources),
                id="source-choice",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Remove…", variant="error", id="ok", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def on_mount(self) -> None:
        choice = self.query_one("#source-choice", OptionList)
        choice.highlighted = 0
        choice.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(int(event.option.id or 0) or None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            choice = self.query_one("#source-choice", OptionList)
            if choice.highlighted is not None:
                option = choice.get_option_at_index(choice.highlighted)
                self.dismiss(int(option.id or 0) or None)
                return
        self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
