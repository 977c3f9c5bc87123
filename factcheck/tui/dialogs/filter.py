"""Filter the desk by status, kind and reviewer at once."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Select, SelectionList

from factcheck.tui.style import KINDS, STATUS_ORDER, status_label

if TYPE_CHECKING:
    from textual.app import ComposeResult


@dataclass(frozen=True)
class FilterChoice:
    statuses: frozenset[str] | None
    kinds: frozenset[str] | None
    assignee: str | None


class FilterDialog(ModalScreen[FilterChoice | None]):
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="filter.cancel"),
        Binding("ctrl+s", "save", "Apply", id="filter.save"),
    ]

    def __init__(self, current: FilterChoice, *, assignees: list[str]) -> None:
        super().__init__(classes="dialog")
        self._current = current
        self._assignees = assignees

    def compose(self) -> ComposeResult:
        statuses = self._current.statuses or frozenset()
        kinds = self._current.kinds or frozenset()
        with VerticalScroll(classes="dialog-box -wide") as box:
            box.border_title = "Filter claims (none ticked: all)"
            with Horizontal(id="filter-lists"):
                yield SelectionList[str](
                    *[(status_label(s), s, s in statuses) for s in STATUS_ORDER], id="statuses"
                )
                yield SelectionList[str](*[(k, k, k in kinds) for k in KINDS], id="kinds")
            yield Label("Assigned to")
            choices = sorted(
                {*self._assignees, *([self._current.assignee] if self._current.assignee else [])}
            )
            yield Select(
                [(name, name) for name in choices],
                value=self._current.assignee if self._current.assignee else Select.NULL,
                prompt="anyone",
                id="assignee",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Apply (ctrl+s)", variant="primary", id="ok", compact=True)
                yield Button("Clear", id="clear", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#statuses", SelectionList).border_title = "Status"
        self.query_one("#kinds", SelectionList).border_title = "Kind"
        self.query_one("#statuses", SelectionList).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        match event.button.id:
            case "ok":
                self.action_save()
            case "clear":
                self.dismiss(FilterChoice(None, None, None))
            case _:
                self.dismiss(None)

    def action_save(self) -> None:
        statuses = frozenset(self.query_one("#statuses", SelectionList).selected)
        kinds = frozenset(self.query_one("#kinds", SelectionList).selected)
        assignee = self.query_one("#assignee", Select).value
        self.dismiss(
            FilterChoice(
                statuses=statuses or None,
                kinds=kinds or None,
                assignee=assignee if isinstance(assignee, str) else None,
            )
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
