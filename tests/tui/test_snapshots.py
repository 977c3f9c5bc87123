"""Snapshots of the main screens and dialogs at fixed sizes, on the seeded database.

Focus is set explicitly and cursors do not blink, so the pictures are stable.
Regenerate after a deliberate change: pytest tests/tui/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

import pytest
from textual.widgets import Input, TextArea

from factcheck.tui.app import make_app
from factcheck.tui.screens.desk import DeskScreen
from tests.tui.conftest import settle
from tests.tui.seed import Seeded

SIZE = (100, 32)


def _still(app) -> None:  # type: ignore[no-untyped-def]
    for widget in app.screen.query(Input):
        widget.cursor_blink = False
    for widget in app.screen.query(TextArea):
        widget.cursor_blink = False


def _scenario(*keys: str, select: str | None = None, theme: str | None = None):  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        if theme:
            pilot.app.theme = theme
        desk = pilot.app.screen
        assert isinstance(desk, DeskScreen)
        if select is not None:
            desk.table.select_claim(pilot.app._seeded.claims[select])
        desk.table.focus()
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        _still(pilot.app)
        await settle(pilot)

    return run_before


@pytest.fixture
def snap_app(db_url: str, seeded: Seeded):  # type: ignore[no-untyped-def]
    app = make_app(db_url, "tester", refresh_seconds=0)
    app._seeded = seeded  # type: ignore[attr-defined]
    yield app
    app.backend.db.dispose()


class TestDesk:
    def test_desk(self, snap_compare, snap_app) -> None:  # type: ignore[no-untyped-def]
        assert snap_compare(snap_app, terminal_size=SIZE, run_before=_scenario())

    def test_desk_claim_with_history(self, snap_compare, snap_app) -> None:  # type: ignore[no-untyped-def]
        run = _scenario(select="unemployment")
        assert snap_compare(snap_app, terminal_size=SIZE, run_before=run)

    def test_desk_small_terminal(self, snap_compare, snap_app) -> None:  # type: ignore[no-untyped-def]
        assert snap_compare(snap_app, terminal_size=(80, 24), run_before=_scenario())

    def test_desk_light_theme(self, snap_compare, snap_app) -> None:  # type: ignore[no-untyped-def]
        run = _scenario(theme="textual-light")
        assert snap_compare(snap_app, terminal_size=SIZE, run_before=run)


class TestArticle:
    def test_article_view(self, snap_compare, snap_app) -> None:  # type: ignore[no-untyped-def]
        run = _scenario("A", "n", select="million")
        assert snap_compare(snap_app, terminal_size=SIZE, run_before=run)


class TestDialogs:
    def test_add_source(self, snap_compare, snap_app) -> None:  # type: ignore[no-untyped-def]
        run = _scenario("s", *"ftp://x", select="labs")
        assert snap_compare(snap_app, terminal_size=SIZE, run_before=run)

    def test_verdict(self, snap_compare, snap_app) -> None:  # type: ignore[no-untyped-def]
        run = _scenario("v", select="labs")
        assert snap_compare(snap_app, terminal_size=SIZE, run_before=run)

    def test_dismiss_reason(self, snap_compare, snap_app) -> None:  # type: ignore[no-untyped-def]
        run = _scenario("x", select="million")
        assert snap_compare(snap_app, terminal_size=SIZE, run_before=run)

    def test_assign(self, snap_compare, snap_app) -> None:  # type: ignore[no-untyped-def]
        run = _scenario("@", select="firms")
        assert snap_compare(snap_app, terminal_size=SIZE, run_before=run)

    def test_help(self, snap_compare, snap_app) -> None:  # type: ignore[no-untyped-def]
        assert snap_compare(snap_app, terminal_size=SIZE, run_before=_scenario("question_mark"))
