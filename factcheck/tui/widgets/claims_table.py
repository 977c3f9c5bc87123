"""The claims table: a line-rendered list that only ever holds a window of a few hundred rows.

Textual's DataTable renders every visible cell through Rich again after each cursor
move or row removal (its line cache is keyed by the cursor position and an update
counter), which cost 40-130 ms a keystroke on a busy machine. This widget builds each
visible line straight from segments, repaints only the two lines a cursor move
touches, and never changes its own size, so a removed row costs no screen re-layout.

The screen feeds it pages; the table asks for more (`NeedRows`) when the cursor comes
near either edge of what is loaded. Columns are sized to what the loaded rows hold and
the claim text gets the rest of the width.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Literal

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding, BindingType
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from factcheck.tui.style import REVISION_FLAG, revision_flag, status_label, status_style

if TYPE_CHECKING:
    from collections.abc import Iterable

    from textual import events

    from factcheck.workflow import ClaimRow

EDGE = 15  # rows from an edge of the window at which the next page is requested
GAP = 2  # blank cells between two columns
MIN_CLAIM_WIDTH = 30
# Optional columns, dropped in this order when the claim text would get too narrow.
DROP_ORDER: tuple[str, ...] = ("article", "assignee", "kind", "verdict")
CAPS: dict[str, int] = {"verdict": 18, "assignee": 12, "article": 24, "kind": 10}


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    width: int
    right: bool = False


def _flat(text: str) -> str:
    return " ".join(text.split())


def fit(text: str, width: int, *, right: bool = False) -> str:
    """`text` as exactly `width` cells: cut with an ellipsis, or padded."""
    if width <= 0:
        return ""
    if cell_len(text) > width:
        return set_cell_size(text, width - 1) + "…" if width > 1 else set_cell_size(text, 1)
    if right:
        return " " * (width - cell_len(text)) + text
    return set_cell_size(text, width)


def layout_columns(
    rows: Iterable[ClaimRow], width: int, *, show_article: bool = True
) -> list[Column]:
    """Columns sized to the loaded rows; the claim takes what is left of `width`.

    Empty verdict and assignee columns are left out, and optional columns are dropped
    (article first, verdict last) when the claim would be narrower than MIN_CLAIM_WIDTH.
    """
    status_w = len("Status")
    kind_w = verdict_w = assignee_w = article_w = 0
    for row in rows:
        status_w = max(status_w, len(status_label(row.status)) + 2)
        kind_w = max(kind_w, len(row.kind))
        if row.verdict:
            verdict_w = max(verdict_w, cell_len(row.verdict))
        if row.assignee:
            assignee_w = max(assignee_w, cell_len(row.assignee))
        if show_article:
            article_w = max(article_w, cell_len(row.article_title))
    optional: dict[str, Column] = {}
    if kind_w:
        optional["kind"] = Column("kind", "Kind", min(CAPS["kind"], max(kind_w, 4)))
    if verdict_w:
        optional["verdict"] = Column("verdict", "Verdict", min(CAPS["verdict"], max(verdict_w, 7)))
    if assignee_w:
        optional["assignee"] = Column(
            "assignee", "Assignee", min(CAPS["assignee"], max(assignee_w, 8))
        )
    if article_w:
        optional["article"] = Column("article", "Article", min(CAPS["article"], article_w))
    leading = [Column("status", "Status", status_w), Column("score", "Score", 5, right=True)]

    def claim_room() -> int:
        used = sum(c.width for c in leading) + sum(c.width for c in optional.values())
        return width - used - GAP * (len(leading) + len(optional)) - 1

    for key in DROP_ORDER:
        if claim_room() >= MIN_CLAIM_WIDTH:
            break
        optional.pop(key, None)
    claim = Column("claim", "Claim", max(10, claim_room()))
    trailing = [optional[k] for k in ("kind", "verdict", "assignee", "article") if k in optional]
    return [*leading, claim, *trailing]


class ClaimsTable(Widget, can_focus=True):
    """Claims of the current filter, in the current sort order, with a row cursor."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "claims-table--header",
        "claims-table--cursor",
        "claims-table--even-row",
    }

    DEFAULT_CSS = """
    ClaimsTable {
        background: $surface;
        color: $foreground;
        & > .claims-table--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        & > .claims-table--even-row {
            background: $surface-lighten-1 50%;
        }
        & > .claims-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus > .claims-table--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
        &:dark > .claims-table--even-row {
            background: $surface-darken-1 40%;
        }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor_up", "Up", show=False, id="claims.up"),
        Binding("down,j", "cursor_down", "Down", show=False, id="claims.down"),
        Binding("pageup", "page_up", "Page up", show=False, id="claims.page_up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="claims.page_down"),
        Binding("home,g", "first", "First", show=False, id="claims.first"),
        Binding("end,G", "last", "Last", show=False, id="claims.last"),
        Binding("enter", "select", "Open", show=False, id="claims.select"),
    ]

    @dataclass
    class NeedRows(Message):
        """The cursor is near an edge of the loaded window."""

        table: ClaimsTable
        direction: Literal["down", "up"]

    @dataclass
    class Highlighted(Message):
        """The cursor is on another claim (None: the table is empty)."""

        table: ClaimsTable
        claim: ClaimRow | None

    @dataclass
    class Selected(Message):
        """Enter (or a click on the current row): open the claim."""

        table: ClaimsTable
        claim: ClaimRow

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rows: list[ClaimRow] = []
        self._index: dict[int, int] = {}
        self._flat: dict[int, str] = {}
        self._columns: list[Column] = []
        self._cursor = 0
        self._top = 0  # index of the row shown on the first line below the header
        self._styles: dict[str, Style] = {}
        self._show_article = True

    # Public API ---------------------------------------------------------------

    @property
    def row_count(self) -> int:
        return len(self._rows)

    @property
    def cursor_row(self) -> int:
        return self._cursor

    @property
    def loaded(self) -> list[ClaimRow]:
        return list(self._rows)

    @property
    def columns(self) -> list[Column]:
        return list(self._columns)

    def claim(self, claim_id: int) -> ClaimRow | None:
        """The loaded row of `claim_id`, if it is in the window."""
        index = self._index.get(claim_id)
        return None if index is None else self._rows[index]

    def current_claim(self) -> ClaimRow | None:
        if not self._rows:
            return None
        return self._rows[min(self._cursor, len(self._rows) - 1)]

    def set_show_article(self, show: bool) -> None:
        """Hide the article column when every row is from one article."""
        if show != self._show_article:
            self._show_article = show
            self._relayout(force=True)

    def show_rows(self, rows: list[ClaimRow], *, keep: int | None = None, row: int = 0) -> None:
        """Replace everything; put the cursor on claim `keep` if present, else on `row`."""
        screen_line = self._cursor - self._top
        self._rows = []
        self._index = {}
        self._flat.clear()
        self._add(rows)
        if keep is not None and keep in self._index:
            cursor = self._index[keep]
        else:
            cursor = min(row, max(0, len(self._rows) - 1))
        self._top = max(0, cursor - max(0, screen_line))
        self._relayout(force=True)
        self._set_cursor(cursor, force=True)

    def append_rows(self, rows: list[ClaimRow]) -> None:
        self._add(rows)
        self._relayout()
        self.refresh()

    def drop_first(self, count: int) -> None:
        """Forget the top `count` rows, keeping the cursor on the same claim."""
        count = min(count, len(self._rows))
        for row in self._rows[:count]:
            self._flat.pop(row.id, None)
        del self._rows[:count]
        self._reindex()
        self._cursor = max(0, self._cursor - count)
        self._top = max(0, self._top - count)
        self._relayout()
        self.refresh()

    def update_claim(self, row: ClaimRow) -> bool:
        """Show a changed claim in place; False when it is not loaded."""
        index = self._index.get(row.id)
        if index is None:
            return False
        self._rows[index] = row
        self._flat[row.id] = _flat(row.text)
        if not self._relayout():
            self._refresh_row(index)
        return True

    def remove_claim(self, claim_id: int) -> None:
        """Take a claim out (it left the filter); the cursor stays on the same line."""
        index = self._index.get(claim_id)
        if index is None:
            return
        del self._rows[index]
        self._flat.pop(claim_id, None)
        self._reindex()
        self._relayout()
        self.refresh()
        cursor = min(self._cursor, max(0, len(self._rows) - 1))
        self._set_cursor(cursor, force=True)

    def select_claim(self, claim_id: int) -> bool:
        index = self._index.get(claim_id)
        if index is None:
            return False
        self._set_cursor(index)
        return True

    def move_cursor(self, *, row: int) -> None:
        self._set_cursor(row)

    # Rows and columns -----------------------------------------------------------

    def _add(self, rows: list[ClaimRow]) -> None:
        for row in rows:
            if row.id in self._index:
                continue
            self._index[row.id] = len(self._rows)
            self._rows.append(row)
            self._flat[row.id] = _flat(row.text)
        self._reindex()

    def _reindex(self) -> None:
        self._index = {row.id: i for i, row in enumerate(self._rows)}

    def _relayout(self, *, force: bool = False) -> bool:
        """Recompute column widths; True (and a full repaint) when they changed."""
        columns = layout_columns(self._rows, self.size.width, show_article=self._show_article)
        if columns == self._columns and not force:
            return False
        self._columns = columns
        self.refresh()
        return True

    def on_resize(self, _event: events.Resize) -> None:
        self._relayout()
        self._scroll_to_cursor()

    # Cursor -------------------------------------------------------------------

    @property
    def _body_height(self) -> int:
        return max(1, self.size.height - 1)

    def _set_cursor(self, index: int, *, force: bool = False) -> None:
        if not self._rows:
            self._cursor = 0
            self._top = 0
            self.refresh()
            self.post_message(self.Highlighted(self, None))
            return
        index = max(0, min(index, len(self._rows) - 1))
        if index == self._cursor and not force:
            return
        old = self._cursor
        self._cursor = index
        if not self._scroll_to_cursor():
            self._refresh_row(old)
            self._refresh_row(index)
        self.post_message(self.Highlighted(self, self._rows[index]))
        if index >= len(self._rows) - EDGE:
            self.post_message(self.NeedRows(self, "down"))
        elif index < EDGE:
            self.post_message(self.NeedRows(self, "up"))

    def _scroll_to_cursor(self) -> bool:
        """Bring the cursor's row on screen; True (and a full repaint) if the view moved."""
        height = self._body_height
        top = self._top
        if self._cursor < top:
            top = self._cursor
        elif self._cursor >= top + height:
            top = self._cursor - height + 1
        top = max(0, min(top, max(0, len(self._rows) - height)))
        if top == self._top:
            return False
        self._top = top
        self.refresh()
        return True

    def _refresh_row(self, index: int) -> None:
        line = index - self._top + 1
        if 1 <= line < self.size.height:
            self.refresh(Region(0, line, self.size.width, 1))

    def action_cursor_up(self) -> None:
        self._set_cursor(self._cursor - 1)

    def action_cursor_down(self) -> None:
        self._set_cursor(self._cursor + 1)

    def action_page_up(self) -> None:
        self._set_cursor(self._cursor - self._body_height)

    def action_page_down(self) -> None:
        self._set_cursor(self._cursor + self._body_height)

    def action_first(self) -> None:
        self._set_cursor(0)

    def action_last(self) -> None:
        self._set_cursor(len(self._rows) - 1)

    def action_select(self) -> None:
        current = self.current_claim()
        if current is not None:
            self.post_message(self.Selected(self, current))

    def on_click(self, event: events.Click) -> None:
        if event.y < 1:
            return
        index = self._top + event.y - 1
        if index >= len(self._rows):
            return
        if index == self._cursor:
            self.action_select()
        else:
            self._set_cursor(index)

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        event.stop()
        self._set_cursor(self._cursor + 3)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        event.stop()
        self._set_cursor(self._cursor - 3)

    # Rendering ----------------------------------------------------------------

    def notify_style_update(self) -> None:
        self._styles.clear()
        super().notify_style_update()

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            if name == "base":
                style = self.rich_style
            else:
                style = self.rich_style + self.get_component_rich_style(f"claims-table--{name}")
            self._styles[name] = style
        return style

    def _on_focus(self, event: events.Focus) -> None:
        self._styles.clear()
        self._refresh_row(self._cursor)

    def _on_blur(self, event: events.Blur) -> None:
        self._styles.clear()
        self._refresh_row(self._cursor)

    def _cells(self, row: ClaimRow) -> dict[str, str]:
        return {
            "status": f" {status_label(row.status)} ",
            "score": f"{row.score:.2f}",
            "claim": self._flat.get(row.id) or _flat(row.text),
            "kind": row.kind,
            "verdict": row.verdict or "",
            "assignee": row.assignee or "",
            "article": _flat(row.article_title),
        }

    def _line(
        self, cells: dict[str, str], style: Style, badge: Style | None, flag: str = ""
    ) -> Strip:
        segments: list[Segment] = [Segment(" ", style)]
        last = len(self._columns) - 1
        for i, column in enumerate(self._columns):
            width = column.width
            if flag and column.key == "claim" and width > len(flag) + 10:
                # The marker leads the claim text so it survives any truncation.
                segments.append(Segment(f"{flag} ", style + REVISION_FLAG))
                width -= len(flag) + 1
            text = fit(cells[column.key], width, right=column.right)
            if badge is not None and column.key == "status":
                segments.append(Segment(text, badge))
            else:
                segments.append(Segment(text, style))
            if i < last:
                segments.append(Segment(" " * GAP, style))
        return Strip(segments).adjust_cell_length(self.size.width, style)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if y == 0:
            labels = {c.key: c.label for c in self._columns}
            return self._line(labels, self._style("header"), None)
        index = self._top + y - 1
        if index >= len(self._rows):
            return Strip.blank(width, self._style("base"))
        row = self._rows[index]
        if index == self._cursor:
            style = self._style("cursor")
        elif index % 2:
            style = self._style("even-row")
        else:
            style = self._style("base")
        badge = style + status_style(row.status)
        flag = revision_flag(row.withdrawn, row.changed_since_review)
        return self._line(self._cells(row), style, badge, f"[{flag}]" if flag else "")
