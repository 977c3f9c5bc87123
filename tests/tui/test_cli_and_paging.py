"""The `factcheck tui` command's errors, and the page window on its own."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from factcheck.cli import cli
from factcheck.cli.context import run_guarded
from factcheck.tui.paging import PageWindow


def test_tui_on_a_database_without_schema_is_one_line(
    empty_db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run_guarded(cli, ["--db", empty_db_url, "tui"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("error: ") and "factcheck init" in err
    assert len(err.strip().splitlines()) == 1


@dataclass(frozen=True)
class Row:
    n: int


def pages(window: PageWindow[Row], total: int) -> list[Row]:
    after = window.next_cursor()
    start = 0 if after is None else after[0] + 1
    return [Row(n) for n in range(start, min(total, start + window.page_size))]


def test_window_slides_down_and_back_up() -> None:
    window: PageWindow[Row] = PageWindow(cursor_of=lambda r: (r.n,), page_size=10, max_pages=3)
    for _ in range(5):
        window.append(pages(window, 100))
    assert window.row_count == 30
    assert window.rows[0].n == 20
    assert window.can_go_back
    previous = window.previous_cursor()
    assert previous == (9,)
    window.prepend([Row(n) for n in range(10, 20)])
    assert window.rows[0].n == 10
    assert window.row_count == 30
    assert window.can_go_forward


def test_window_knows_when_the_query_is_exhausted() -> None:
    window: PageWindow[Row] = PageWindow(cursor_of=lambda r: (r.n,), page_size=10, max_pages=3)
    window.append(pages(window, 15))
    assert window.can_go_forward
    window.append(pages(window, 15))
    assert not window.can_go_forward
    assert window.row_count == 15


def test_window_replace_keeps_start_and_rechunks() -> None:
    window: PageWindow[Row] = PageWindow(cursor_of=lambda r: (r.n,), page_size=10, max_pages=3)
    for _ in range(4):
        window.append(pages(window, 100))
    start = window.starts[window.first]
    window.replace([Row(n) for n in range(10, 35)])
    assert window.starts[window.first] == start
    assert [len(p) for p in window.pages] == [10, 10, 5]
    assert not window.can_go_forward
