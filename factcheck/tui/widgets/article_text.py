"""An article's full text with every claim highlighted in its status colour.

Paragraphs without any claim are marked as gaps, so a reviewer can see at a glance
which parts of the article the segmenter found nothing in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from factcheck.tui.style import CURRENT, status_style

if TYPE_CHECKING:
    from factcheck.workflow import ClaimRow


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    text: str


def split_paragraphs(text: str) -> list[Paragraph]:
    """Non-blank lines with their offsets in the article text."""
    paragraphs: list[Paragraph] = []
    offset = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            start = offset + lead
            paragraphs.append(Paragraph(start, start + len(stripped), stripped))
        offset += len(line) + 1
    return paragraphs


def render_paragraph(paragraph: Paragraph, claims: list[ClaimRow], current: int | None) -> Text:
    text = Text(paragraph.text)
    for claim in claims:
        start = max(claim.start, paragraph.start) - paragraph.start
        end = min(claim.end, paragraph.end) - paragraph.start
        if start < end:
            style = status_style(claim.status)
            if claim.id == current:
                style = style + CURRENT
            text.stylize(style, start, end)
    return text


class ArticleText(VerticalScroll, can_focus=True):
    """The article, one Static per paragraph so a claim's paragraph can be scrolled to."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._paragraphs: list[Paragraph] = []
        self._claims: list[ClaimRow] = []
        self._current: int | None = None

    @property
    def claims(self) -> list[ClaimRow]:
        return list(self._claims)

    def _claims_in(self, paragraph: Paragraph) -> list[ClaimRow]:
        return [c for c in self._claims if c.start < paragraph.end and c.end > paragraph.start]

    def _index_of(self, claim: ClaimRow) -> int | None:
        for index, paragraph in enumerate(self._paragraphs):
            if claim.start < paragraph.end and claim.end > paragraph.start:
                return index
        return None

    async def show(self, text: str, claims: list[ClaimRow], current: int | None) -> None:
        self._paragraphs = split_paragraphs(text)
        self._claims = sorted(claims, key=lambda c: c.start)
        self._current = current
        await self.remove_children()
        widgets = []
        for index, paragraph in enumerate(self._paragraphs):
            inside = self._claims_in(paragraph)
            widget = Static(
                render_paragraph(paragraph, inside, current),
                id=f"p{index}",
                classes="paragraph" if inside else "paragraph -gap",
            )
            if not inside:
                widget.border_title = "no claim"
            widgets.append(widget)
        await self.mount_all(widgets)
        self.scroll_to_current(animate=False)

    def _rerender(self, index: int | None) -> None:
        if index is None:
            return
        paragraph = self._paragraphs[index]
        self.query_one(f"#p{index}", Static).update(
            render_paragraph(paragraph, self._claims_in(paragraph), self._current)
        )

    def set_current(self, claim_id: int | None) -> None:
        previous = next((c for c in self._claims if c.id == self._current), None)
        self._current = claim_id
        now = next((c for c in self._claims if c.id == claim_id), None)
        if previous is not None:
            self._rerender(self._index_of(previous))
        if now is not None:
            self._rerender(self._index_of(now))
        self.scroll_to_current()

    def update_claim(self, row: ClaimRow) -> None:
        self._claims = [row if c.id == row.id else c for c in self._claims]
        self._rerender(self._index_of(row))

    def scroll_to_current(self, *, animate: bool = True) -> None:
        claim = next((c for c in self._claims if c.id == self._current), None)
        index = self._index_of(claim) if claim is not None else None
        if index is not None:
            self.scroll_to_widget(self.query_one(f"#p{index}"), animate=animate, top=False)
