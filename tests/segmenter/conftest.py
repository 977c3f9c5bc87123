from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"


@pytest.fixture
def gold_dir() -> Path:
    return REPO / "claims" / "gold"


@pytest.fixture
def bbc_dir() -> Path:
    path = SHARED / "corpus" / "bbc"
    if not path.is_dir():
        pytest.skip("../shared/corpus/bbc is not present")
    return path


@pytest.fixture
def blind_gold_dir() -> Path:
    return REPO / "claims" / "gold-blind"
