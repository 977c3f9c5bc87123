"""A sliding window of claim pages over a keyset-paged query.

The table never holds more than `max_pages * page_size` rows: moving down past the
window loads the next page and forgets the first one; moving back up reloads the
forgotten page from the start cursor remembered for it. Only forward keyset queries
are needed (`after = cursor of the last row seen`), which use the indexes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

R = TypeVar("R")
Cursor = tuple[Any, ...] | None


@dataclass
class PageWindow(Generic[R]):
    cursor_of: Callable[[R], tuple[Any, ...]]
    page_size: int = 100
    max_pages: int = 5
    # starts[k] is the `after` cursor that loads absolute page k; page 0 starts at None.
    starts: list[Cursor] = field(default_factory=lambda: [None])
    pages: list[list[R]] = field(default_factory=list)
    first: int = 0  # absolute index of pages[0]
    exhausted: bool = False  # the last page came back short: nothing more below

    def reset(self) -> None:
        self.starts = [None]
        self.pages = []
        self.first = 0
        self.exhausted = False

    @property
    def rows(self) -> list[R]:
        return [row for page in self.pages for row in page]

    @property
    def row_count(self) -> int:
        return sum(len(page) for page in self.pages)

    @property
    def can_go_back(self) -> bool:
        return self.first > 0

    @property
    def can_go_forward(self) -> bool:
        return not self.exhausted

    def next_cursor(self) -> Cursor:
        """Where the page below the window starts."""
        if not self.pages:
            return self.starts[self.first]
        for page in reversed(self.pages):
            if page:
                return self.cursor_of(page[-1])
        return self.starts[self.first]

    def previous_cursor(self) -> Cursor:
        """Where the page above the window starts (only when `can_go_back`)."""
        return self.starts[self.first - 1]

    def append(self, rows: list[R]) -> int:
        """Add the page below; returns how many rows fell off the top."""
        if not rows:
            self.exhausted = True
            return 0
        index = self.first + len(self.pages)
        start = self.next_cursor()
        if index < len(self.starts):
            self.starts[index] = start
        else:
            self.starts.append(start)
        self.pages.append(rows)
        self.exhausted = len(rows) < self.page_size
        dropped = 0
        if len(self.pages) > self.max_pages:
            dropped = len(self.pages.pop(0))
            self.first += 1
        return dropped

    def prepend(self, rows: list[R]) -> int:
        """Add the page above; returns how many rows fell off the bottom."""
        self.first -= 1
        self.pages.insert(0, rows)
        dropped = 0
        if len(self.pages) > self.max_pages:
            dropped = len(self.pages.pop())
            self.exhausted = False
        return dropped

    def replace(self, rows: list[R]) -> None:
        """Swap in a fresh read of the whole window (periodic refresh), page by page."""
        size = self.page_size
        chunks = [rows[i : i + size] for i in range(0, len(rows), size)] or [[]]
        start = self.starts[self.first]
        self.pages = []
        del self.starts[self.first + 1 :]
        for offset, chunk in enumerate(chunks):
            if offset:
                start = self.cursor_of(self.pages[-1][-1])
                self.starts.append(start)
            self.pages.append(chunk)
        self.exhausted = len(chunks[-1]) < size
