"""The claims table: a DataTable that only ever holds a window of a few hundred rows.

The screen feeds it pages; the table asks for more (`NeedRows`) when the cursor comes
near either edge of what is loaded. Rows are keyed by claim id.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from rich.text import Text
from textual.message import Message
from textual.widgets import DataTable
from textual.widgets.data_table import RowDoesNotExist

from factcheck.tui.style import ellipsize, status_badge

if TYPE_CHECKING:
    from textual import events

    from factcheck.workflow import ClaimRow

# (key, label, width); the claim column takes the width that is left.
FIXED_COLUMNS: tuple[tuple[str, str, int], ...] = (
    ("status", "Status", 13),
    ("score", "Score", 5),
)
TRAILING_COLUMNS: tuple[tuple[str, str, int], ...] = (
    ("kind", "Kind", 10),
    ("verdict", "Verdict", 12),
    ("assignee", "Assignee", 10),
    ("article", "Article", 20),
)
MIN_CLAIM_WIDTH = 30
WIDE_CLAIM_WIDTH = 40  # below this the trailing columns scroll off to the right
EDGE = 15  # rows from an edge of the window at which the next page is requested


class ClaimsTable(DataTable[Text | str]):
    """Claims of the current filter, in the current sort order."""

    @dataclass
    class NeedRows(Message):
        """The cursor is near an edge of the loaded window."""

        table: ClaimsTable
        direction: Literal["down", "up"]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._rows: dict[int, ClaimRow] = {}
        self._order: list[int] = []
        self._claim_width = 60

    def on_mount(self) -> None:
        self._build_columns()

    # Columns ----------------------------------------------------------------

    def _fitting_claim_width(self) -> int:
        """Every column on screen when it leaves the claim enough room, else claim first."""
        fixed = sum(width + 2 for _, _, width in FIXED_COLUMNS)
        trailing = sum(width + 2 for _, _, width in TRAILING_COLUMNS)
        available = self.size.width - fixed - 2 - 2  # claim cell padding, scrollbar
        if available - trailing >= WIDE_CLAIM_WIDTH:
            return available - trailing
        return max(MIN_CLAIM_WIDTH, available)

    def _build_columns(self) -> None:
        self._claim_width = self._fitting_claim_width()
        for key, label, width in FIXED_COLUMNS:
            self.add_column(label, width=width, key=key)
        self.add_column("Claim", width=self._claim_width, key="claim")
        for key, label, width in TRAILING_COLUMNS:
            self.add_column(label, width=width, key=key)

    def on_resize(self, _event: events.Resize) -> None:
        if self._fitting_claim_width() != self._claim_width:
            rows = [self._rows[claim_id] for claim_id in self._order]
            current = self.current_claim()
            self.clear(columns=True)
            self._build_columns()
            self._rows.clear()
            self._order.clear()
            self._add(rows)
            if current is not None:
                self.select_claim(current.id)

    # Rows -------------------------------------------------------------------

    def _cells(self, row: ClaimRow) -> list[Text | str]:
        return [
            status_badge(row.status, 12),
            f"{row.score:.2f}",
            ellipsize(row.text, self._claim_width),
            row.kind,
            ellipsize(row.verdict or "", 12),
            ellipsize(row.assignee or "", 10),
            ellipsize(row.article_title, 20),
        ]

    def _add(self, rows: list[ClaimRow]) -> None:
        fresh = [row for row in rows if row.id not in self._rows]
        for row in fresh:
            self._rows[row.id] = row
            self._order.append(row.id)
        for row in fresh:
            self.add_row(*self._cells(row), key=str(row.id))

    def show_rows(self, rows: list[ClaimRow], *, keep: int | None = None, row: int = 0) -> None:
        """Replace everything; put the cursor on claim `keep` if present, else on `row`."""
        self.clear()
        self._rows.clear()
        self._order.clear()
        self._add(rows)
        if keep is not None and keep in self._rows:
            self.select_claim(keep)
        elif self.row_count:
            self.move_cursor(row=min(row, self.row_count - 1), animate=False)

    def append_rows(self, rows: list[ClaimRow]) -> None:
        self._add(rows)

    def drop_first(self, count: int) -> None:
        """Forget the top `count` rows, keeping the cursor on the same claim."""
        current = self.current_claim()
        for claim_id in self._order[:count]:
            self._rows.pop(claim_id, None)
            self.remove_row(str(claim_id))
        del self._order[:count]
        if current is not None:
            self.select_claim(current.id)

    def update_claim(self, row: ClaimRow) -> bool:
        """Show a changed claim in place; False when it is not loaded."""
        if row.id not in self._rows:
            return False
        old = self._rows[row.id]
        self._rows[row.id] = row
        new_cells = self._cells(row)
        old_cells = self._cells(old)
        for (key, _, _), new, before in zip(
            self._column_specs(), new_cells, old_cells, strict=True
        ):
            if str(new) != str(before) or key == "status":
                self.update_cell(str(row.id), key, new)
        return True

    def remove_claim(self, claim_id: int) -> None:
        """Take a claim out (it left the filter); the cursor stays on the same line."""
        if claim_id not in self._rows:
            return
        line = self.cursor_row
        del self._rows[claim_id]
        self._order.remove(claim_id)
        try:
            self.remove_row(str(claim_id))
        except RowDoesNotExist:
            return
        if self.row_count:
            self.move_cursor(row=min(line, self.row_count - 1), animate=False)

    def _column_specs(self) -> list[tuple[str, str, int]]:
        return [*FIXED_COLUMNS, ("claim", "Claim", self._claim_width), *TRAILING_COLUMNS]

    # Cursor -----------------------------------------------------------------

    @property
    def loaded(self) -> list[ClaimRow]:
        return [self._rows[claim_id] for claim_id in self._order]

    def current_claim(self) -> ClaimRow | None:
        if not self.row_count:
            return None
        try:
            key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key
        except Exception:
            return None
        return self._rows.get(int(key.value)) if key.value is not None else None

    def select_claim(self, claim_id: int) -> bool:
        try:
            index = self.get_row_index(str(claim_id))
        except RowDoesNotExist:
            return False
        self.move_cursor(row=index, animate=False)
        return True

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """Ask for the next page before the cursor reaches the end of what is loaded."""
        line = event.cursor_row
        if line >= self.row_count - EDGE:
            self.post_message(self.NeedRows(self, "down"))
        elif line < EDGE:
            self.post_message(self.NeedRows(self, "up"))
