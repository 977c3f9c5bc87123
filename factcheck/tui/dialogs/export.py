"""Choose a report format and a path; the export itself runs in a worker afterwards."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from factcheck.tui.data import ExportFormat, ExportRequest

if TYPE_CHECKING:
    from textual.app import ComposeResult

ALL_STATUSES = frozenset({"new", "to_check", "researching", "in_review", "approved", "dismissed"})


class ExportDialog(ModalScreen[ExportRequest | None]):
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="export.cancel"),
        Binding("ctrl+s", "save", "Export", id="export.save"),
    ]

    def __init__(
        self,
        formats: list[ExportFormat],
        *,
        folder: Path,
        article_id: int | None = None,
        article_title: str | None = None,
    ) -> None:
        super().__init__(classes="dialog")
        self._formats = formats
        self._folder = folder
        self._article_id = article_id
        self._article_title = article_title
        self._path_edited = False

    def _default_path(self, fmt: ExportFormat) -> str:
        return str(self._folder / f"factcheck-report.{fmt.extension.lstrip('.')}")

    def compose(self) -> ComposeResult:
        first = self._formats[0]
        with VerticalScroll(classes="dialog-box") as box:
            box.border_title = "Export report"
            yield Label("Format")
            yield Select(
                [(f"{f.name}: {f.description}", f.name) for f in self._formats],
                value=first.name,
                allow_blank=False,
                id="format",
            )
            yield Label("File")
            yield Input(self._default_path(first), id="path")
            if self._article_id is not None:
                yield Checkbox(
                    f"Only the article “{self._article_title or self._article_id}”",
                    value=True,
                    id="only-article",
                )
            yield Checkbox("Include claims not yet approved", value=False, id="all-statuses")
            yield Static("", id="export-error", classes="field-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Export (ctrl+s)", variant="primary", id="ok", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#format", Select).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        fmt = next((f for f in self._formats if f.name == event.value), None)
        if fmt is not None and not self._path_edited:
            path = self.query_one("#path", Input)
            path.value = self._default_path(fmt)
            self._path_edited = False

    def on_input_changed(self, event: Input.Changed) -> None:
        fmt = next((f for f in self._formats if self._default_path(f) == event.value), None)
        self._path_edited = fmt is None

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            self.action_save()
        else:
            self.dismiss(None)

    def action_save(self) -> None:
        raw = self.query_one("#path", Input).value.strip()
        error = self.query_one("#export-error", Static)
        if not raw:
            error.update("Give a file name.")
            return
        path = Path(raw).expanduser()
        if not path.is_absolute():
            path = self._folder / path
        if path.is_dir():
            error.update(f"{path} is a folder; give a file name.")
            return
        if not path.parent.is_dir():
            error.update(f"The folder {path.parent} does not exist.")
            return
        only_article = bool(
            self._article_id is not None and self.query_one("#only-article", Checkbox).value
        )
        every_status = self.query_one("#all-statuses", Checkbox).value
        self.dismiss(
            ExportRequest(
                fmt=str(self.query_one("#format", Select).value),
                path=path,
                article_id=self._article_id if only_article else None,
                statuses=ALL_STATUSES if every_status else None,
            )
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
