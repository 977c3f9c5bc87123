"""Help: every key of the screen it was opened from, and what the statuses mean."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from factcheck.tui.style import STATUS_HINTS, STATUS_ORDER, status_badge

if TYPE_CHECKING:
    from textual.app import ComposeResult

GLOBAL_KEYS: tuple[tuple[str, str], ...] = (
    ("ctrl+p", "command palette: every action by name"),
    ("ctrl+t", "switch between dark and light theme"),
    ("tab / shift+tab", "move between the table, the detail and the sidebar"),
    ("?", "this help"),
    ("ctrl+q", "quit"),
)


def _bindings_of(screen: Screen[object]) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    seen: set[str] = set()
    for cls in type(screen).__mro__:
        for binding in cls.__dict__.get("BINDINGS", []):
            if not isinstance(binding, Binding) or not binding.description:
                continue
            if binding.action in seen:
                continue
            seen.add(binding.action)
            keys = binding.key_display or binding.key.replace(",", " / ")
            rows.append((keys, binding.description))
    return rows


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "close", "Close", id="help.close")]

    def __init__(self, screen: Screen[object]) -> None:
        super().__init__(classes="dialog")
        self._rows = _bindings_of(screen)

    def compose(self) -> ComposeResult:
        keys = Table.grid(padding=(0, 2))
        keys.add_column(style="bold", no_wrap=True)
        keys.add_column()
        for key, description in [*self._rows, *GLOBAL_KEYS]:
            keys.add_row(key, description)
        statuses = Table.grid(padding=(0, 2))
        statuses.add_column(no_wrap=True)
        statuses.add_column()
        for status in STATUS_ORDER:
            statuses.add_row(status_badge(status), STATUS_HINTS[status])
        flow = Text(
            "new → triage (t) → to check → start (r) → researching → add sources (s), "
            "verdict (v), submit (u) → in review → approve (a) by a second reviewer, "
            "or send back (b). Dismiss (x) what is not worth checking; reopen (o) undoes "
            "a dismissal or an approval."
        )
        with VerticalScroll(classes="dialog-box -wide") as box:
            box.border_title = "Help"
            yield Static(
                Group(
                    Text("Keys", style="bold underline"),
                    keys,
                    Text(),
                    Text("Statuses", style="bold underline"),
                    statuses,
                    Text(),
                    flow,
                )
            )

    def action_close(self) -> None:
        self.dismiss(None)
