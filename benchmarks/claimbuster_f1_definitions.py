"""Which F1 makes a TF-IDF logistic regression reach ~0.87 on ClaimBuster?

Run: .venv/bin/python benchmarks/claimbuster_f1_definitions.py [--split stratified|debate|both]

The issue says "a TF-IDF logistic regression reaches F1 0.87" on held-out ClaimBuster
sentences without saying which rows count as negatives. This script cross-validates a
plain TF-IDF logistic regression (word 1-2 grams, sublinear tf, C=1, decisions at 0.5,
i.e. `predict`) and the project's model (the training pipeline of
`factcheck.checkworthiness.train`, same folds) on `crowdsourced.csv` and prints, side by
side, the F1 of the check-worthy class (Verdict 1) when the negatives are

* all:            Verdict -1 and 0 (every row),
* vs_nonfactual:  Verdict -1 only (the 0 rows dropped),
* vs_unimportant: Verdict 0 only (the -1 rows dropped),

plus the weighted and macro F1 of both classes over all rows, and for reference the
weighted and macro F1 of a three-class TF-IDF model. Splits: stratified 5-fold (the
training script's folds) and 5 folds by debate (no debate in both training and test,
the nearest we have to a separate "groundtruth"-style held-out set).

The project's model is shown with its shipped threshold rule (one threshold for every
definition, chosen per fold on the other folds) and with a threshold tuned for each
definition on the other folds (what it would get if it knew the definition).
Needs the `train` extra and ../shared/benchmarks.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence
from typing import Any

import numpy as np

from factcheck.checkworthiness.data import default_benchmarks_dir, read_claimbuster, read_clef
from factcheck.checkworthiness.features import featurize
from factcheck.checkworthiness.train import (
    DEFINITIONS,
    Config,
    best_threshold,
    claimbuster_folds,
    claimbuster_oof,
    definition_figures,
    nested_decisions,
)

Folds = Sequence[tuple[np.ndarray, np.ndarray]]
COLUMNS = [*DEFINITIONS, "weighted_all", "macro_all"]


def debate_folds(debates: Sequence[str], k: int = 5) -> Folds:
    from sklearn.model_selection import GroupKFold

    return list(GroupKFold(k).split(np.zeros(len(debates)), groups=list(debates)))


def tfidf_oof(
    texts: np.ndarray, target: np.ndarray, folds: Folds, rows: np.ndarray | None = None
) -> np.ndarray:
    """Out-of-fold `predict` of TF-IDF LR; trained and tested only on `rows` if given."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    predicted = np.zeros(len(texts), dtype=target.dtype)
    for train_idx, test_idx in folds:
        if rows is not None:
            train_idx = train_idx[rows[train_idx]]
            test_idx = test_idx[rows[test_idx]]
        vec = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2)
        model = LogisticRegression(C=1.0, max_iter=3000)
        model.fit(vec.fit_transform(texts[train_idx]), target[train_idx])
        predicted[test_idx] = model.predict(vec.transform(texts[test_idx]))
    return predicted


def per_definition_tuned(oof: np.ndarray, verdicts: np.ndarray, folds: Folds) -> dict[str, float]:
    """F1 under each definition when its threshold is tuned (on other folds) for it."""
    out: dict[str, float] = {}
    for name, (_, kept) in DEFINITIONS.items():
        mask = np.isin(verdicts, list(kept))

        def choose(scores: np.ndarray, v: np.ndarray, kept: Any = kept) -> float:
            m = np.isin(v, list(kept))
            return best_threshold(scores[m], (v[m] == 1).astype(int))

        predicted = nested_decisions(oof, verdicts, folds, choose)
        out[name] = definition_figures(predicted[mask], verdicts[mask])[name]
    return out


def show(label: str, figures: dict[str, float]) -> None:
    cells = "".join(f"{figures[c]:>16.4f}" if c in figures else f"{'':>16}" for c in COLUMNS)
    print(f"{label:<58}{cells}")


def three_class(texts: np.ndarray, verdicts: np.ndarray, folds: Folds) -> str:
    from sklearn.metrics import f1_score

    predicted = tfidf_oof(texts, verdicts, folds)
    weighted = f1_score(verdicts, predicted, average="weighted")
    macro = f1_score(verdicts, predicted, average="macro")
    cw = f1_score(verdicts == 1, predicted == 1)
    return f"weighted F1 {weighted:.4f}, macro F1 {macro:.4f}, F1 of class 1 {cw:.4f}"


def run(split: str, folds: Folds, data: dict[str, Any], config: Config) -> None:
    texts, verdicts = data["texts"], data["verdicts"]
    labels = (verdicts == 1).astype(int)
    print(f"\n== {split} 5-fold ==")
    print(f"{'':<58}" + "".join(f"{c:>16}" for c in COLUMNS))
    started = time.perf_counter()
    show(
        "TF-IDF LR, trained on all rows (1 vs -1,0)",
        definition_figures(tfidf_oof(texts, labels, folds).astype(bool), verdicts),
    )
    own: dict[str, float] = {}
    for name, (_, kept) in DEFINITIONS.items():
        rows = np.isin(verdicts, list(kept))
        predicted = tfidf_oof(texts, labels, folds, rows).astype(bool)
        own[name] = definition_figures(predicted[rows], verdicts[rows])[name]
    show("TF-IDF LR, trained on the definition's own rows", own)
    print(f"TF-IDF LR, three classes: {three_class(texts, verdicts, folds)}")
    print(f"(TF-IDF runs took {time.perf_counter() - started:.0f} s)")
    started = time.perf_counter()
    oof = claimbuster_oof(
        data["cb"], data["cb_feats"], data["clef"], data["clef_feats"], config, folds
    )
    show(
        "ours, shipped threshold rule (one threshold)",
        definition_figures(nested_decisions(oof, verdicts, folds), verdicts),
    )
    show("ours, threshold tuned for each definition", per_definition_tuned(oof, verdicts, folds))
    print(f"(our model took {time.perf_counter() - started:.0f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=["stratified", "debate", "both"], default="both")
    args = parser.parse_args()
    root = default_benchmarks_dir()
    cb = read_claimbuster(root)
    clef = read_clef(root)
    config = Config()
    data: dict[str, Any] = {
        "cb": cb,
        "clef": clef,
        "cb_feats": [featurize(t) for t in cb.texts],
        "clef_feats": [[featurize(t) for t in f.texts] for f in clef],
        "texts": np.array(cb.texts, dtype=object),
        "verdicts": np.array(cb.verdicts),
    }
    v = data["verdicts"]
    print(
        f"ClaimBuster crowdsourced: {len(v)} rows, Verdict 1: {(v == 1).sum()}, "
        f"0: {(v == 0).sum()}, -1: {(v == -1).sum()}; positive share all "
        f"{(v == 1).mean():.2f}, vs_nonfactual {(v == 1).sum() / (v != 0).sum():.2f}, "
        f"vs_unimportant {(v == 1).sum() / (v != -1).sum():.2f}"
    )
    if args.split in ("stratified", "both"):
        run("stratified", claimbuster_folds(cb, config), data, config)
    if args.split in ("debate", "both"):
        run("by-debate", debate_folds(cb.debates), data, config)


if __name__ == "__main__":
    main()
