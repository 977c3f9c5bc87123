"""An article's revision history: every revision with what it did to the claims, and
the text diff between the last two.

Corrections after publication are where a fact-check can silently go stale; this is
where a reviewer sees what moved under the claims they checked.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.style import Style
from rich.text import Text
from textual import on, work
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Static

from factcheck.errors import FactcheckError

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from factcheck.revisions import RevisionInfo
    from factcheck.tui.data import Backend, RevisionHistory

HEADING = Style(bold=True, underline=True)
MUTED = Style(dim=True)
ADDED = Style(color="#5faf5f")
REMOVED = Style(color="#d75f5f")
HUNK = Style(color="#5f87d7")


def revision_line(info: RevisionInfo) -> Text:
    """'3  2026-01-05 09:00  alice  kept 4 · changed 1 · withdrawn 1' (current marked)."""
    when = info.stored_at.strftime("%Y-%m-%d %H:%M") if info.stored_at else "—"
    counts = [
        f"{label} {n}"
        for label, n in (
            ("kept", info.kept),
            ("changed", info.changed),
            ("withdrawn", info.withdrawn),
            ("restored", info.restored),
            ("added", info.added),
        )
        if n
    ]
    return Text.assemble(
        (f"{info.number:>3}", Style(bold=True)),
        f"  {when}  ",
        (info.stored_by or "first ingest", MUTED if not info.stored_by else Style()),
        "  ",
        " · ".join(counts) or "no claims",
        ("  (current)" if info.current else "", Style(bold=True)),
    )


def diff_text(lines: list[str]) -> Text:
    text = Text()
    for line in lines:
        if line.startswith(("+++", "---")):
            style = Style(bold=True)
        elif line.startswith("@@"):
            style = HUNK
        elif line.startswith("+"):
            style = ADDED
        elif line.startswith("-"):
            style = REMOVED
        else:
            style = Style()
        text.append(line + "\n", style)
    return text


def render_history(history: RevisionHistory) -> RenderableType:
    parts: list[RenderableType] = [Text("Revisions", style=HEADING)]
    parts.extend(revision_line(info) for info in history.revisions)
    if history.changes is not None and history.changes.changes:
        parts.append(Text(f"\nClaims in revision {history.changes.number}", style=HEADING))
        for change in history.changes.changes:
            if change.kind == "changed":
                line = Text.assemble(
                    (f"changed   {change.claim_id:>6}  ", Style(bold=True)),
                    (f"“{change.old_text}”", REMOVED),
                    " → ",
                    (f"“{change.new_text}”", ADDED),
                )
            else:
                quoted = change.old_text if change.kind == "withdrawn" else change.new_text
                line = Text.assemble(
                    (f"{change.kind:<9} {change.claim_id:>6}  ", Style(bold=True)),
                    f"“{quoted or ''}”",
                )
            parts.append(line)
    if len(history.revisions) > 1:
        old, new = history.revisions[-2].number, history.revisions[-1].number
        parts.append(Text(f"\nText changes, revision {old} → {new}", style=HEADING))
        parts.append(diff_text(history.diff) if history.diff else Text("no text changes", MUTED))
    return Group(*parts)


class RevisionHistoryScreen(ModalScreen[None]):
    """Read-only: escape closes it; the history is read in a thread worker."""

    BINDINGS = [Binding("escape,q,H", "close", "Close", id="revisions.close")]

    @dataclass
    class Loaded(Message):
        history: RevisionHistory

    def __init__(self, backend: Backend, article_id: int, title: str = "") -> None:
        super().__init__(classes="dialog", id="revisions-screen")
        self.backend = backend
        self.article_id = article_id
        self.title_text = title
        self.history: RevisionHistory | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog-box -wide", id="revisions-box") as box:
            box.border_title = f"Revision history · {self.title_text}".rstrip(" ·")
            yield Static("Loading revisions…", id="revisions-body")

    def on_mount(self) -> None:
        self.query_one("#revisions-box").focus()
        self._load()

    @work(thread=True, group="revisions", exclusive=True)
    def _load(self) -> None:
        try:
            history = self.backend.revisions(self.article_id)
        except FactcheckError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error")
            return
        self.post_message(self.Loaded(history))

    @on(Loaded)
    def _on_loaded(self, message: Loaded) -> None:
        self.history = message.history
        self.query_one("#revisions-body", Static).update(render_history(message.history))

    def action_close(self) -> None:
        self.dismiss(None)
