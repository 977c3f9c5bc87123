"""A screen with a current claim: every workflow action works on it the same way.

The desk, the article view and the claim view all inherit these bindings, dialogs and
workers, so a key does the same thing wherever the reviewer is. Each action runs in a
thread worker (one transaction through `Backend.perform`) and posts a message back;
refusals come back as notifications and change nothing.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.worker import get_current_worker

from factcheck.errors import Conflict, FactcheckError
from factcheck.tui.dialogs.add_source import AddSourceDialog, SourceInput
from factcheck.tui.dialogs.assign import AssignDialog, AssignInput
from factcheck.tui.dialogs.confirm import ConfirmDialog
from factcheck.tui.dialogs.export import ExportDialog
from factcheck.tui.dialogs.reason import ReasonDialog
from factcheck.tui.dialogs.remove_source import RemoveSourceDialog
from factcheck.tui.dialogs.verdict import VerdictDialog, VerdictInput

if TYPE_CHECKING:
    from factcheck.tui.data import Backend, ClaimExtras, ExportRequest
    from factcheck.workflow import ClaimDetail, ClaimRow, RatingInfo

# Past tense for notifications, by action name.
DONE: dict[str, str] = {
    "triage": "marked to check",
    "dismiss": "dismissed",
    "start": "research started",
    "stop": "back in the to-check queue",
    "add_source": "source added",
    "remove_source": "source removed",
    "verdict": "verdict saved",
    "submit": "submitted for review",
    "approve": "approved",
    "send_back": "sent back to research",
    "reopen": "reopened",
    "assign": "assignment changed",
    "note": "note added",
}

# Moves that need a reason first: refuse before asking when the move is not allowed.
MOVE_OF_ACTION: dict[str, str] = {
    "dismiss": "dismiss",
    "send_back": "send_back",
    "reopen": "reopen",
}


@dataclass(frozen=True)
class PaletteCommand:
    title: str
    help: str
    run: Callable[[], Any]


class ClaimActionsScreen(Screen[None]):
    """Base of every screen that has a current claim."""

    BINDINGS = [
        Binding("t", "triage", "Triage", id="claim.triage"),
        Binding("x", "dismiss_claim", "Dismiss", id="claim.dismiss"),
        Binding("r", "start", "Start", id="claim.start"),
        Binding("R", "stop", "Stop research", show=False, id="claim.stop"),
        Binding("s", "add_source", "Source", id="claim.add_source"),
        Binding("d", "remove_source", "Remove source", show=False, id="claim.remove_source"),
        Binding("F", "fetch_sources", "Fetch sources", show=False, id="claim.fetch_sources"),
        Binding("P", "previously", "Previously checked", show=False, id="claim.previously"),
        Binding("v", "verdict", "Verdict", id="claim.verdict"),
        Binding("u", "submit", "Submit", id="claim.submit"),
        Binding("a", "approve", "Approve", id="claim.approve"),
        Binding("b", "send_back", "Send back", id="claim.send_back"),
        Binding("o", "reopen", "Reopen", id="claim.reopen"),
        Binding("at", "assign", "Assign", key_display="@", id="claim.assign"),
        Binding("N", "note", "Note", show=False, id="claim.note"),
        Binding("e", "export", "Export", show=False, id="claim.export"),
    ]

    @dataclass
    class ClaimChanged(Message):
        """An action went through; `detail` is the claim as stored now."""

        action: str
        detail: ClaimDetail

    @dataclass
    class ActionRefused(Message):
        """The workflow said no (or somebody else changed the claim first)."""

        action: str
        claim_id: int
        message: str
        conflict: bool

    @dataclass
    class ClaimReloaded(Message):
        detail: ClaimDetail

    @dataclass
    class ExtrasLoaded(Message):
        extras: ClaimExtras

    @dataclass
    class SnapshotDone(Message):
        """A source was fetched (or failed to be); `outcome` is its one-line state."""

        claim_id: int
        outcome: str
        ok: bool

    def __init__(self, backend: Backend, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.backend = backend
        self._busy: set[int] = set()

    # What subclasses provide -------------------------------------------

    def current_claim(self) -> ClaimRow | None:
        raise NotImplementedError

    def current_detail(self) -> ClaimDetail | None:
        """The loaded detail of the current claim, if it is loaded."""
        return None

    def show_claim(self, detail: ClaimDetail) -> None:
        """Show a claim that changed (after an action or a reload)."""
        raise NotImplementedError

    def export_scope(self) -> tuple[int | None, str | None]:
        """The article an export should default to (id, title)."""
        return None, None

    def show_extras(self, extras: ClaimExtras) -> None:
        """Show evidence and earlier verdicts for the current claim (if it still is)."""

    def current_extras(self) -> ClaimExtras | None:
        return None

    # Evidence and memory ---------------------------------------------------

    @work(thread=True, group="extras", exclusive=True)
    def load_extras(self, claim_id: int) -> None:
        """Evidence passages and earlier verdicts: after the claim shows, never before."""
        try:
            extras = self.backend.extras(claim_id)
        except FactcheckError as exc:
            self.post_message(self.SnapshotDone(claim_id, str(exc), ok=False))
            return
        if not get_current_worker().is_cancelled:
            self.post_message(self.ExtrasLoaded(extras))

    @on(ExtrasLoaded)
    def _on_extras_loaded(self, message: ExtrasLoaded) -> None:
        self.show_extras(message.extras)

    def fetch_sources(self, claim_id: int, source_ids: list[int]) -> None:
        for source_id in source_ids:
            self._fetch_source(claim_id, source_id)

    @work(thread=True, group="snapshots")
    def _fetch_source(self, claim_id: int, source_id: int) -> None:
        """The network can take seconds: a worker of its own, the reviewer keeps working."""
        try:
            snap = self.backend.snapshot(source_id)
        except (FactcheckError, ImportError) as exc:
            self.post_message(self.SnapshotDone(claim_id, f"not fetched: {exc}", ok=False))
            return
        if snap.error:
            # The stored error already reads "not fetched: <reason>".
            self.post_message(self.SnapshotDone(claim_id, snap.error, ok=False))
        else:
            size = max(1, round((snap.size or snap.text_chars) / 1024))
            code = f" {snap.status_code}" if snap.status_code else ""
            self.post_message(self.SnapshotDone(claim_id, f"fetched{code}, {size} KB", ok=True))

    @on(SnapshotDone)
    def _on_snapshot_done(self, message: SnapshotDone) -> None:
        self.notify(
            message.outcome,
            title=f"Source of claim {message.claim_id}",
            severity="information" if message.ok else "warning",
        )
        current = self.current_claim()
        if current is not None and current.id == message.claim_id:
            self.load_extras(message.claim_id)

    def action_fetch_sources(self) -> None:
        """Fetch again every source of the claim whose snapshot failed or never ran."""
        row = self._target()
        if row is None:
            return
        detail = self.current_detail()
        extras = self.current_extras()
        if detail is None:
            self.notify("The claim is still loading.", severity="warning")
            return
        if not detail.sources:
            self.notify(f"Claim {row.id} has no sources.", severity="warning")
            return
        fetched = (
            {e.source.id for e in (extras.evidence or []) if e.snapshot and e.snapshot.ok}
            if extras
            else set()
        )
        todo = [s.id for s in detail.sources if s.id not in fetched]
        if not todo:
            todo = [s.id for s in detail.sources]  # all fetched: fetch them all again
        self.notify(f"Fetching {len(todo)} source(s)…", timeout=2)
        self.fetch_sources(row.id, todo)

    def action_previously(self) -> None:
        """Open the best earlier claim like this one, with its verdict and sources."""
        from factcheck.tui.screens.claim import ClaimScreen

        extras = self.current_extras()
        row = self.current_claim()
        if row is None or extras is None or extras.claim_id != row.id:
            self.notify("No earlier verdict on a claim like this one.", severity="warning")
            return
        if not extras.previously:
            self.notify("No earlier verdict on a claim like this one.", severity="warning")
            return
        self.app.push_screen(ClaimScreen(self.backend, extras.previously[0].claim_id))

    def palette_commands(self) -> Iterator[PaletteCommand]:
        """Every binding with a description, for the command palette."""
        seen: set[str] = set()
        for cls in type(self).__mro__:
            for binding in cls.__dict__.get("BINDINGS", []):
                if not isinstance(binding, Binding) or not binding.description:
                    continue
                if binding.action in seen:
                    continue
                seen.add(binding.action)
                if self.check_action(binding.action, ()) is False:
                    continue  # not open here now (e.g. history of a never-revised article)
                key = binding.key_display or binding.key.split(",")[0]
                yield PaletteCommand(
                    f"{binding.description} ({key})",
                    binding.tooltip or "",
                    functools.partial(self.run_action, binding.action),
                )

    # Running actions ---------------------------------------------------

    def _target(self) -> ClaimRow | None:
        row = self.current_claim()
        if row is None:
            self.notify("No claim selected.", severity="warning")
            return None
        if row.id in self._busy:
            self.notify(f"Claim {row.id} is still being saved.", severity="warning")
            return None
        return row

    def perform(self, action: str, row: ClaimRow, **kwargs: Any) -> None:
        self._busy.add(row.id)
        self._perform(action, row.id, row.version, kwargs)

    @work(thread=True, group="claim-actions")
    def _perform(self, action: str, claim_id: int, version: int, kwargs: dict[str, Any]) -> None:
        try:
            detail = self.backend.perform(action, claim_id, version, **kwargs)
        except Conflict as exc:
            self.post_message(self.ActionRefused(action, claim_id, str(exc), conflict=True))
        except FactcheckError as exc:
            self.post_message(self.ActionRefused(action, claim_id, str(exc), conflict=False))
        else:
            self.post_message(self.ClaimChanged(action, detail))

    @on(ClaimChanged)
    def _on_claim_changed(self, message: ClaimChanged) -> None:
        self._busy.discard(message.detail.row.id)
        self.show_claim(message.detail)
        if message.action == "add_source" and message.detail.sources:
            newest = max(message.detail.sources, key=lambda s: s.id)
            if not newest.url.startswith("file:"):
                self.fetch_sources(message.detail.row.id, [newest.id])
        self.notify(f"Claim {message.detail.row.id} {DONE.get(message.action, 'saved')}.")

    @on(ActionRefused)
    def _on_action_refused(self, message: ActionRefused) -> None:
        self._busy.discard(message.claim_id)
        if message.conflict:
            self.notify(message.message, title="Changed by someone else", severity="warning")
            self.reload_claim(message.claim_id)
        else:
            self.notify(message.message, title="Refused", severity="error")

    @work(thread=True, group="claim-reload")
    def reload_claim(self, claim_id: int) -> None:
        try:
            detail = self.backend.detail(claim_id)
        except FactcheckError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error")
            return
        self.post_message(self.ClaimReloaded(detail))

    @on(ClaimReloaded)
    def _on_claim_reloaded(self, message: ClaimReloaded) -> None:
        self.show_claim(message.detail)

    def _refuse_early(self, action: str) -> bool:
        """True (and a notification) when the loaded detail already says no."""
        move = MOVE_OF_ACTION.get(action)
        detail = self.current_detail()
        if move is None or detail is None or move in detail.allowed_actions:
            return False
        status = detail.row.status.replace("_", " ")
        self.notify(
            f"cannot {move.replace('_', ' ')} claim {detail.row.id}: it is {status}",
            title="Refused",
            severity="error",
        )
        return True

    # Actions -------------------------------------------------------------

    def action_triage(self) -> None:
        if row := self._target():
            self.perform("triage", row)

    def action_start(self) -> None:
        if row := self._target():
            self.perform("start", row)

    def action_stop(self) -> None:
        if row := self._target():
            self.perform("stop", row)

    def action_submit(self) -> None:
        if row := self._target():
            self.perform("submit", row)

    def action_approve(self) -> None:
        if row := self._target():
            self.perform("approve", row)

    def _ask_reason(self, action: str, title: str, prompt: str, field: str, verb: str) -> None:
        row = self._target()
        if row is None or self._refuse_early(action):
            return

        def done(reason: str | None) -> None:
            if reason:
                self.perform(action, row, **{field: reason})

        self.app.push_screen(ReasonDialog(title, prompt, action=verb), done)

    def action_dismiss_claim(self) -> None:
        self._ask_reason(
            "dismiss", "Dismiss claim", "Why is this claim not worth checking?", "reason", "Dismiss"
        )

    def action_send_back(self) -> None:
        self._ask_reason(
            "send_back", "Send back", "What does the researcher need to fix?", "note", "Send back"
        )

    def action_reopen(self) -> None:
        self._ask_reason("reopen", "Reopen claim", "Why reopen it?", "note", "Reopen")

    def action_note(self) -> None:
        self._ask_reason("note", "Add note", "Note for the claim's history", "note", "Add note")

    def action_add_source(self) -> None:
        row = self._target()
        if row is None:
            return

        def done(result: SourceInput | None) -> None:
            if result is not None:
                self.perform(
                    "add_source",
                    row,
                    url=result.url,
                    title=result.title,
                    note=result.note,
                    stance=result.stance,
                )

        self.app.push_screen(AddSourceDialog(row.text), done)

    def action_remove_source(self) -> None:
        if row := self._target():
            self._open_remove_source(row)

    @work(thread=True, group="dialog-data")
    def _open_remove_source(self, row: ClaimRow) -> None:
        try:
            detail = self.backend.detail(row.id)
        except FactcheckError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error")
            return
        self.app.call_from_thread(self._choose_source_to_remove, detail)

    def _choose_source_to_remove(self, detail: ClaimDetail) -> None:
        """One source: straight to the confirmation; several: pick one first."""
        if not detail.sources:
            self.notify(f"Claim {detail.row.id} has no sources.", severity="warning")
            return
        if len(detail.sources) == 1:
            self._confirm_remove_source(detail, detail.sources[0].id)
            return

        def chosen(source_id: int | None) -> None:
            if source_id is not None:
                self._confirm_remove_source(detail, source_id)

        self.app.push_screen(RemoveSourceDialog(detail.sources, detail.row.id), chosen)

    def _confirm_remove_source(self, detail: ClaimDetail, source_id: int) -> None:
        source = next(s for s in detail.sources if s.id == source_id)
        name = source.title or source.url

        def answer(yes: bool | None) -> None:
            if yes:
                self.perform("remove_source", detail.row, source_id=source_id)

        question = (
            f"Remove source “{name}” ({source.stance}) from claim {detail.row.id}? "
            "It stays in the claim's history."
        )
        self.app.push_screen(ConfirmDialog("Remove source", question, yes="Remove"), answer)

    def action_verdict(self) -> None:
        if row := self._target():
            self._open_verdict(row)

    @work(thread=True, group="dialog-data")
    def _open_verdict(self, row: ClaimRow) -> None:
        try:
            ratings = self.backend.ratings()
            detail = self.backend.detail(row.id)
        except FactcheckError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error")
            return
        self.app.call_from_thread(self._show_verdict_dialog, row, ratings, detail)

    def _show_verdict_dialog(
        self, row: ClaimRow, ratings: list[RatingInfo], detail: ClaimDetail
    ) -> None:
        def done(result: VerdictInput | None) -> None:
            if result is not None:
                self.perform(
                    "verdict", detail.row, rating=result.rating, explanation=result.explanation
                )

        dialog = VerdictDialog(ratings, current=detail.row.verdict, explanation=detail.explanation)
        self.app.push_screen(dialog, done)

    def action_assign(self) -> None:
        if row := self._target():
            self._open_assign(row)

    @work(thread=True, group="dialog-data")
    def _open_assign(self, row: ClaimRow) -> None:
        try:
            known = self.backend.assignees()
        except FactcheckError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error")
            return
        self.app.call_from_thread(self._show_assign_dialog, row, known)

    def _show_assign_dialog(self, row: ClaimRow, known: list[str]) -> None:
        def done(result: AssignInput | None) -> None:
            if result is not None:
                self.perform("assign", row, assignee=result.assignee)

        dialog = AssignDialog(me=self.backend.user, current=row.assignee, known=known)
        self.app.push_screen(dialog, done)

    # Export ----------------------------------------------------------------

    def action_export(self) -> None:
        try:
            formats = self.backend.export_formats()
        except (ImportError, FactcheckError) as exc:
            self.notify(f"export is not available: {exc}", severity="error")
            return
        if not formats:
            self.notify("No export formats are installed.", severity="error")
            return
        article_id, title = self.export_scope()
        dialog = ExportDialog(
            formats, folder=Path.cwd(), article_id=article_id, article_title=title
        )
        self.app.push_screen(dialog, self._confirm_export)

    def _confirm_export(self, request: ExportRequest | None) -> None:
        if request is None:
            return
        if not request.path.exists():
            self._export(request)
            return

        def answer(yes: bool | None) -> None:
            if yes:
                from dataclasses import replace

                self._export(replace(request, overwrite=True))

        self.app.push_screen(
            ConfirmDialog("Overwrite?", f"{request.path} exists. Replace it?", yes="Replace"),
            answer,
        )

    @work(thread=True, group="export")
    def _export(self, request: ExportRequest) -> None:
        worker = get_current_worker()
        try:
            count = self.backend.export(request)
        except FactcheckError as exc:
            self.app.call_from_thread(
                self.notify, str(exc), title="Export failed", severity="error"
            )
            return
        if not worker.is_cancelled:
            self.app.call_from_thread(
                self.notify, f"Wrote {count} claim(s) to {request.path}", title="Exported"
            )
