"""The detail pane: everything known about one claim, the claim shown in its paragraph."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.style import Style
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from factcheck.tui.style import status_badge, status_style
from factcheck.workflow import describe_event
from factcheck.workflow.readable import quantity_text, time_text

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from factcheck.workflow import ClaimDetail

# Which key moves a claim along, by the workflow's move name.
MOVE_KEYS: dict[str, str] = {
    "triage": "t",
    "dismiss": "x",
    "start": "r",
    "stop": "R",
    "submit": "u",
    "approve": "a",
    "send_back": "b",
    "reopen": "o",
}

HEADING = Style(bold=True, underline=True)
MUTED = Style(dim=True)


def _when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


def _heading(title: str, hint: str = "") -> Text:
    return Text.assemble("\n", (title, HEADING), (f"  {hint}" if hint else "", MUTED))


def claim_in_paragraph(detail: ClaimDetail) -> Text:
    """The paragraph with the sentence underlined and the claim in its status colour."""
    row = detail.row
    paragraph = detail.paragraph or detail.sentence or row.text
    text = Text(paragraph)
    start = row.start - detail.paragraph_start
    end = row.end - detail.paragraph_start
    if detail.paragraph and 0 <= start < end <= len(paragraph):
        sentence_at = paragraph.rfind(detail.sentence, 0, end) if detail.sentence else -1
        if sentence_at >= 0:
            text.stylize("underline", sentence_at, sentence_at + len(detail.sentence))
        text.stylize(status_style(row.status) + Style(bold=True), start, end)
    else:
        text = Text(row.text, style=status_style(row.status))
    return text


def render_detail(detail: ClaimDetail) -> RenderableType:
    row = detail.row
    parts: list[RenderableType] = []
    header = Text.assemble(
        status_badge(row.status),
        f"  claim {row.id}  ·  {row.kind}  ·  score {row.score:.2f}",
        ("  ·  check-worthy" if row.checkworthy else ""),
        f"  ·  assigned to {row.assignee}" if row.assignee else "  ·  unassigned",
    )
    parts.append(header)
    parts.append(Text(row.article_title, style=MUTED))
    parts.append(Text())
    parts.append(claim_in_paragraph(detail))

    moves = [
        f"{action.replace('_', ' ')} ({MOVE_KEYS[action]})"
        for action in detail.allowed_actions
        if action in MOVE_KEYS
    ]
    if moves:
        parts.append(Text.assemble(("\nNext: ", Style(bold=True)), ", ".join(moves)))

    parts.append(_heading("Verdict"))
    if row.verdict:
        by = f"  by {detail.verdict_by} {_when(detail.verdict_at)}" if detail.verdict_by else ""
        parts.append(Text.assemble((row.verdict, Style(bold=True)), (by, MUTED)))
        if detail.explanation:
            parts.append(Text(detail.explanation))
        if detail.approved_by:
            parts.append(
                Text(f"approved by {detail.approved_by} {_when(detail.approved_at)}", style=MUTED)
            )
    else:
        parts.append(Text("none yet (v)", style=MUTED))

    hint = "s add · d remove" if detail.sources else ""
    parts.append(_heading(f"Sources ({len(detail.sources)})", hint))
    if detail.sources:
        for source in detail.sources:
            line = Text.assemble(
                (f"[{source.stance}] ", Style(bold=True)),
                source.title or "",
                " " if source.title else "",
                (source.url, Style(underline=True)),
            )
            parts.append(line)
            if source.note:
                parts.append(Text(f"    {source.note}"))
            parts.append(
                Text(f"    added by {source.added_by} {_when(source.added_at)}", style=MUTED)
            )
    else:
        parts.append(Text("none yet (s)", style=MUTED))

    parts.append(_heading("Why it was picked"))
    reasons = "\n".join(f"• {reason}" for reason in detail.reasons)
    parts.append(Text(reasons or "no reasons recorded"))
    if detail.speaker:
        parts.append(Text(f"Speaker: {detail.speaker}"))
    if detail.quantities:
        parts.append(Text("Quantities: " + "; ".join(quantity_text(q) for q in detail.quantities)))
    if detail.times:
        parts.append(Text("Times: " + "; ".join(time_text(t) for t in detail.times)))

    parts.append(_heading(f"History ({len(detail.history)})"))
    for event in detail.history:
        parts.append(Text.assemble((_when(event.at), MUTED), "  ", describe_event(event)))
    if not detail.history:
        parts.append(Text("no history", style=MUTED))
    return Group(*parts)


class ClaimDetailPane(VerticalScroll, can_focus=True):
    """Scrollable detail of the claim under the cursor (or a hint when there is none)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.detail: ClaimDetail | None = None

    def compose(self) -> ComposeResult:
        yield Static("No claim selected.", id="detail-body")

    def show(self, detail: ClaimDetail | None) -> None:
        self.detail = detail
        body = self.query_one("#detail-body", Static)
        if detail is None:
            self.border_title = "Claim"
            body.update("No claim selected.")
        else:
            body.update(render_detail(detail))
            self.border_title = f"Claim {detail.row.id}"

    def show_message(self, message: str) -> None:
        self.detail = None
        self.border_title = "Claim"
        self.query_one("#detail-body", Static).update(message)
