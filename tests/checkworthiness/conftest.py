"""Fixtures for the check-worthiness tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.checkworthiness.data import default_benchmarks_dir


@pytest.fixture
def benchmarks() -> Path:
    """The team's benchmark folder; tests that need it skip in a plain clone."""
    root = default_benchmarks_dir()
    if not (root / "claimbuster" / "crowdsourced.csv").is_file():
        pytest.skip("../shared/benchmarks is not present")
    return root
