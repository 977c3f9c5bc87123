"""The training script's metrics follow the official CLEF definition."""

from __future__ import annotations

import numpy as np
import pytest

from factcheck.checkworthiness.train import (
    average_precision,
    best_threshold,
    choose_threshold,
    definition_figures,
    f1_score,
    mean_average_precision,
    mean_definition_f1,
    nested_decisions,
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


def test_f1_under_each_definition_by_hand() -> None:
    verdicts = np.array([1, 1, 0, -1, -1])
    predicted = np.array([True, False, True, False, True])
    figures = definition_figures(predicted, verdicts)
    assert figures["all"] == pytest.approx(2 * 1 / (2 * 1 + 2 + 1))  # tp 1, fp 2, fn 1
    assert figures["vs_nonfactual"] == pytest.approx(0.5)  # rows 1, 1, -1, -1
    assert figures["vs_unimportant"] == pytest.approx(0.5)  # rows 1, 1, 0
    # negative class over all rows: tp 1 (row 4), fp 1 (row 2), fn 2 (rows 3, 5)
    negative = 2 * 1 / (2 * 1 + 1 + 2)
    assert figures["macro_all"] == pytest.approx((figures["all"] + negative) / 2, abs=1e-4)
    assert figures["weighted_all"] == pytest.approx(0.4 * figures["all"] + 0.6 * negative, abs=1e-4)


def test_threshold_rule_does_best_on_average_over_definitions() -> None:
    rng = np.random.default_rng(0)
    verdicts = rng.choice([-1, 0, 1], size=2000, p=[0.65, 0.11, 0.24])
    scores = rng.normal(size=2000) + 1.5 * (verdicts == 1) + 0.7 * (verdicts == 0)
    chosen = choose_threshold(scores, verdicts)
    one_definition = best_threshold(scores, (verdicts == 1).astype(int))
    assert mean_definition_f1(scores, verdicts, chosen) >= mean_definition_f1(
        scores, verdicts, one_definition
    )
    # unimportant-factual rows score in between, so the rule sits below the all-rows best
    assert chosen <= one_definition


def test_nested_decisions_choose_each_threshold_without_the_fold() -> None:
    scores = np.arange(10, dtype=float)
    verdicts = np.array([-1, 1] * 5)
    folds = [(np.arange(5, 10), np.arange(5)), (np.arange(5), np.arange(5, 10))]
    seen: list[set[float]] = []

    def choose(s: np.ndarray, v: np.ndarray) -> float:
        seen.append(set(s.tolist()))
        return 4.5

    predicted = nested_decisions(scores, verdicts, folds, choose)
    assert seen == [set(range(5, 10)), set(range(5))]
    assert predicted.tolist() == [False] * 5 + [True] * 5


def test_exported_weights_score_as_the_fitted_model() -> None:
    """Training and run time compute the same logit (length normalisation included)."""
    pytest.importorskip("sklearn")
    from factcheck.checkworthiness.features import featurize
    from factcheck.checkworthiness.model import Model
    from factcheck.checkworthiness.train import Config, Row, export_weights, fit

    texts = [
        "Unemployment fell to 4.9% in 2016.",
        "We cut taxes by $3 billion last year.",
        "Thank you, good evening.",
        "I think we can do better than this.",
        "Unemployment rose by 2% last year.",
        "Thank you very much, good night.",
    ] * 3
    labels = [1, 1, 0, 0, 1, 0] * 3
    config = Config(c=10.0, min_df=1, prune=0.0, gram_norm=0.5)
    rows = [Row(featurize(t), y, False, 1.0) for t, y in zip(texts, labels, strict=True)]
    fitted = fit(rows, config)
    model = Model.from_json(export_weights(fitted, 0.0, config, {}))
    probe = ["Taxes fell by 4% in 2016.", "Good evening, I think so.", texts[0]]
    expected = fitted.decision([featurize(t) for t in probe])
    for text, z in zip(probe, expected, strict=True):
        assert model.logit(text) == pytest.approx(z, abs=1e-4)
