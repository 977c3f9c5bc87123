"""Shared fixtures: a real database at head for every test.

By default each test gets a fresh SQLite file. When FACTCHECK_TEST_DATABASE_URL
names a PostgreSQL database (as `.ci/run` does), the same tests run there instead,
each starting from an empty schema.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from factcheck.store import migrate
from factcheck.store.database import Database

TEST_PG_URL = os.environ.get("FACTCHECK_TEST_DATABASE_URL", "")
ROOT = Path(__file__).resolve().parent.parent
SAMPLE_ARTICLE = ROOT / "claims" / "articles" / "shenzhen-expats.txt"


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test reads the developer's own database, user name or config, or the internet."""
    monkeypatch.delenv("FACTCHECK_DATABASE_URL", raising=False)
    monkeypatch.setenv("FACTCHECK_OFFLINE", "1")
    monkeypatch.setenv("FACTCHECK_USER", "tester")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))


def _reset_postgres(url: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture
def empty_db_url(tmp_path: Path) -> str:
    """URL of an empty database (no schema) on the backend under test."""
    if TEST_PG_URL:
        _reset_postgres(TEST_PG_URL)
        return TEST_PG_URL
    return f"sqlite:///{tmp_path / 'factcheck.db'}"


@pytest.fixture
def db_url(empty_db_url: str) -> str:
    """URL of a database migrated to head."""
    db = Database(empty_db_url)
    migrate.upgrade(db, "head")
    db.dispose()
    return empty_db_url


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = Database(db_url)
    yield database
    database.dispose()


@pytest.fixture
def sample_article() -> Path:
    return SAMPLE_ARTICLE
