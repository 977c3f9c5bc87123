"""Give a verdict: the rating scale in order, with what each rating means, and why."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from factcheck.workflow import RatingInfo


@dataclass(frozen=True)
class VerdictInput:
    rating: str
    explanation: str


class VerdictDialog(ModalScreen[VerdictInput | None]):
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="verdict.cancel"),
        Binding("ctrl+s", "save", "Save verdict", id="verdict.save"),
    ]

    def __init__(
        self,
        ratings: list[RatingInfo],
        *,
        current: str | None = None,
        explanation: str | None = None,
    ) -> None:
        super().__init__(classes="dialog")
        self._ratings = sorted(ratings, key=lambda r: r.position)
        self._current = current
        self._explanation = explanation or ""

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog-box -wide") as box:
            box.border_title = "Verdict"
            yield Label("Rating")
            yield OptionList(
                *[
                    Option(
                        Text.assemble((r.label, "bold"), "  ", (r.description, "dim")),
                        id=r.label,
                    )
                    for r in self._ratings
                ],
                id="rating",
            )
            yield Label("Explanation")
            yield TextArea(self._explanation, id="explanation", soft_wrap=True)
            yield Static("", id="verdict-error", classes="field-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="ok", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def on_mount(self) -> None:
        ratings = self.query_one("#rating", OptionList)
        labels = [r.label.casefold() for r in self._ratings]
        current = (self._current or "").casefold()
        ratings.highlighted = labels.index(current) if current in labels else 0
        ratings.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.query_one("#explanation", TextArea).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            self.action_save()
        else:
            self.dismiss(None)

    def action_save(self) -> None:
        option = self.query_one("#rating", OptionList).highlighted_option
        explanation = self.query_one("#explanation", TextArea).text.strip()
        error = self.query_one("#verdict-error", Static)
        if option is None or option.id is None:
            error.update("Choose a rating.")
            return
        if not explanation:
            error.update("Write an explanation: readers need to know why.")
            self.query_one("#explanation", TextArea).focus()
            return
        self.dismiss(VerdictInput(rating=option.id, explanation=explanation))

    def action_cancel(self) -> None:
        self.dismiss(None)
