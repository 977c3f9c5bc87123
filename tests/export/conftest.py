"""Fixtures: the seeded report data (see seed.py)."""

from __future__ import annotations

import pytest

from factcheck.store.database import Database
from tests.export.seed import Seeded, seed


@pytest.fixture
def seeded(db: Database) -> Seeded:
    return seed(db)


@pytest.fixture
def approved_ids(seeded: Seeded) -> set[int]:
    return {
        seeded.approved_false,
        seeded.approved_true,
        seeded.approved_misleading,
        seeded.evil_claim,
        seeded.formula_claim,
    }
