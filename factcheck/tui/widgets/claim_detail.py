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

    from factcheck.evidence import SourceEvidence
    from factcheck.tui.data import ClaimExtras
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
WARNING = Style(color="#d7875f")
MATCH = Style(bold=True, reverse=True)


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


def snapshot_line(evidence: SourceEvidence) -> Text:
    """'fetched 200, 14 KB' or 'not fetched: reason (F retries)', under a source."""
    snap = evidence.snapshot
    if snap is None:
        return Text("    not fetched yet (F fetches)", style=MUTED)
    if snap.error:
        return Text(f"    {snap.error} (F retries)", style=WARNING)
    size = f", {max(1, round((snap.size or snap.text_chars) / 1024))} KB"
    code = f" {snap.status_code}" if snap.status_code else ""
    when = f"  {_when(snap.fetched_at)}"
    return Text.assemble(("    fetched" + code + size, MUTED), (when, MUTED))


def passage_lines(evidence: SourceEvidence) -> list[Text]:
    """Each passage quoted with its matching number marked, then the one-line comparison."""
    lines: list[Text] = []
    for passage in evidence.passages:
        quote = Text("    “" + passage.text + "”")
        best = passage.best_number
        if best is not None:
            quote.stylize(MATCH, 5 + best.start, 5 + best.end)
        lines.append(quote)
        if best is not None:
            lines.append(Text(f"      {best.relation}: {best.comparison}", style=MUTED))
    return lines


def previously_lines(extras: ClaimExtras) -> list[Text]:
    lines: list[Text] = []
    for match in extras.previously:
        when = f", {match.date:%Y-%m-%d}" if match.date else ""
        lines.append(
            Text.assemble(
                ("Previously checked: ", WARNING + Style(bold=True)),
                (match.verdict, Style(bold=True)),
                f", in {match.article_title}{when}",
                (f"  (similarity {match.similarity:.2f}, claim {match.claim_id}; P opens)", MUTED),
            )
        )
    return lines


def revision_lines(detail: ClaimDetail) -> list[Text]:
    """Why the review may not hold any more: the article was revised under it."""
    lines: list[Text] = []
    if detail.row.withdrawn:
        lines.append(
            Text.assemble(
                ("Withdrawn: ", WARNING + Style(bold=True)),
                "no longer in the current revision of the article",
            )
        )
    if detail.row.changed_since_review:
        lines.append(
            Text.assemble(
                ("Changed since review", WARNING + Style(bold=True)),
                " — reviewed wording: ",
                f"“{detail.previous_text}”" if detail.previous_text else "(not recorded)",
            )
        )
    return lines


def render_detail(detail: ClaimDetail, extras: ClaimExtras | None = None) -> RenderableType:
    row = detail.row
    if extras is not None and extras.claim_id != row.id:
        extras = None
    evidence = {e.source.id: e for e in (extras.evidence or [])} if extras else {}
    parts: list[RenderableType] = []
    header = Text.assemble(
        status_badge(row.status),
        f"  claim {row.id}  ·  {row.kind}  ·  score {row.score:.2f}",
        ("  ·  check-worthy" if row.checkworthy else ""),
        f"  ·  assigned to {row.assignee}" if row.assignee else "  ·  unassigned",
    )
    parts.append(header)
    parts.append(Text(row.article_title, style=MUTED))
    parts.extend(revision_lines(detail))
    if extras is not None:
        parts.extend(previously_lines(extras))
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
            found = evidence.get(source.id)
            if found is not None:
                parts.append(snapshot_line(found))
                parts.extend(passage_lines(found))
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
        self.extras: ClaimExtras | None = None

    def compose(self) -> ComposeResult:
        yield Static("No claim selected.", id="detail-body")

    def show(self, detail: ClaimDetail | None) -> None:
        self.detail = detail
        body = self.query_one("#detail-body", Static)
        if detail is None:
            self.border_title = "Claim"
            body.update("No claim selected.")
        else:
            if self.extras is not None and self.extras.claim_id != detail.row.id:
                self.extras = None
            body.update(render_detail(detail, self.extras))
            self.border_title = f"Claim {detail.row.id}"

    def show_extras(self, extras: ClaimExtras) -> None:
        """Add evidence and earlier verdicts to the claim shown (ignored for another claim)."""
        if self.detail is None or self.detail.row.id != extras.claim_id:
            return
        unchanged = not extras.previously and not extras.evidence and self.extras is None
        self.extras = extras
        if unchanged:
            return  # nothing to add: spare the repaint
        self.query_one("#detail-body", Static).update(render_detail(self.detail, extras))

    def show_message(self, message: str) -> None:
        self.detail = None
        self.border_title = "Claim"
        self.query_one("#detail-body", Static).update(message)
