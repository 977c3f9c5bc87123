"""Fixtures for the TUI tests: a seeded database file and an app over it."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Iterator

import pytest
from textual.pilot import Pilot
from textual.worker import WorkerState

from factcheck.store.database import Database
from factcheck.tui.app import FactcheckApp, make_app
from tests.tui.seed import Seeded, seed

_BUSY = (WorkerState.PENDING, WorkerState.RUNNING)


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run `async def` tests on a fresh event loop (no pytest-asyncio needed)."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    asyncio.run(pyfuncitem.obj(**{name: pyfuncitem.funcargs[name] for name in names}))
    return True


@pytest.fixture(autouse=True)
def _immediate_detail(monkeypatch: pytest.MonkeyPatch) -> None:
    """Load the detail pane at once instead of after the cursor rests (deterministic)."""
    from factcheck.tui.screens.desk import DeskScreen

    monkeypatch.setattr(DeskScreen, "DETAIL_DELAY", 0)
    monkeypatch.setattr(DeskScreen, "EXTRAS_DELAY", 0)


@pytest.fixture
def seeded(db: Database) -> Seeded:
    return seed(db)


@pytest.fixture
def app(db_url: str, db: Database, seeded: Seeded) -> Iterator[FactcheckApp]:
    """The desk acting as `tester`, without the periodic refresh (tests call it)."""
    application = make_app(db_url, "tester", refresh_seconds=0)
    yield application
    application.backend.db.dispose()


async def settle(pilot: Pilot[object]) -> None:
    """Wait until the workers and the messages they post have all been handled."""
    for _ in range(4):
        for _ in range(500):
            busy = [w for w in pilot.app.workers if w.state in _BUSY]
            if not busy:
                break
            await asyncio.sleep(0.01)
        await pilot.pause()


def notes(app: FactcheckApp) -> list[str]:
    """The notifications shown so far, as text."""
    return [n.message for n in app._notifications]
