"""pytest-alembic's built-in checks plus a data-preserving upgrade from the first revision."""

from __future__ import annotations

import pytest
from pytest_alembic.tests import (  # noqa: F401  (collected as tests)
    test_model_definitions_match_ddl,
    test_single_head_revision,
    test_up_down_consistency,
    test_upgrade,
)
from sqlalchemy import create_engine

from factcheck.store.migrate import script_location


@pytest.fixture
def alembic_config() -> dict[str, str]:
    return {"script_location": str(script_location())}


@pytest.fixture
def alembic_engine(empty_db_url: str):  # type: ignore[no-untyped-def]
    engine = create_engine(empty_db_url)
    yield engine
    engine.dispose()
