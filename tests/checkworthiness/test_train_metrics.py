"""The training script's metrics follow the official CLEF definition."""

from __future__ import annotations

import numpy as np
import pytest

from factcheck.checkworthiness.train import (
    average_precision,
    best_threshold,
    f1_score,
    mean_average_precision,
)


def test_average_precision_by_hand() -> None:
    # positives ranked 1st and 3rd: (1/1 + 2/3) / 2
    assert average_precision([0.9, 0.5, 0.7], [1, 1, 0]) == pytest.approx((1 + 2 / 3) / 2)


def test_ties_keep_file_order() -> None:
    assert average_precision([0.5, 0.5], [0, 1]) == pytest.approx(0.5)
    assert average_precision([0.5, 0.5], [1, 0]) == pytest.approx(1.0)


def test_map_is_unweighted_and_skips_files_without_positives() -> None:
    files = [([0.9, 0.1], [1, 0]), ([0.9, 0.1, 0.2, 0.3], [0, 1, 0, 0]), ([0.3], [0])]
    assert mean_average_precision(files) == pytest.approx((1.0 + 0.25) / 2)


def test_f1_and_threshold() -> None:
    labels = np.array([1, 1, 0, 0, 0])
    scores = np.array([0.9, 0.8, 0.3, 0.2, 0.1])
    assert f1_score(scores >= 0.5, labels) == pytest.approx(1.0)
    t = best_threshold(scores, labels)
    assert f1_score(scores >= t, labels) == pytest.approx(1.0)
