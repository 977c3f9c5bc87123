"""The factcheck review desk as a Textual app.

Kept small on purpose: the screens own their work. `make_app` is the one way to build
it, shared by `factcheck tui` and the tests.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from factcheck.tui.commands import DeskCommands
from factcheck.tui.data import Backend
from factcheck.tui.screens.desk import DeskScreen

if TYPE_CHECKING:
    from textual.screen import Screen

    from factcheck.store.database import Database

DARK, LIGHT = "textual-dark", "textual-light"


class FactcheckApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "factcheck"
    COMMANDS = App.COMMANDS | {DeskCommands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (34, "-tall")]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help", key_display="?", id="app.help"),
        Binding("ctrl+t", "toggle_theme", "Theme", show=False, id="app.theme"),
    ]

    def __init__(self, backend: Backend, *, refresh_seconds: float = 10.0) -> None:
        super().__init__()
        self.backend = backend
        self.refresh_seconds = refresh_seconds
        self.sub_title = f"{backend.user} @ {backend.db.display_url}"

    def get_default_screen(self) -> Screen[None]:
        return DeskScreen(self.backend, refresh_seconds=self.refresh_seconds)

    def action_help(self) -> None:
        from factcheck.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT if self.theme == DARK else DARK


def make_app(
    db_url: str,
    user: str,
    *,
    db: Database | None = None,
    refresh_seconds: float = 10.0,
) -> FactcheckApp:
    """The app over `db_url` acting as `user`; pass `db` to reuse an opened Database."""
    if db is None:
        from factcheck.store.migrate import open_database

        db = open_database(db_url)
    return FactcheckApp(Backend(db=db, user=user), refresh_seconds=refresh_seconds)
