"""Rebuild the check-worthiness weights from the public benchmarks, and measure them.

One logistic regression is trained on ClaimBuster (label: crowd says "check-worthy
factual") and CLEF 2019 (label: a fact-checker actually checked it) together. The two
datasets label differently and have different base rates, so each gets its own
intercept (a domain column); every other weight is shared. The shipped model uses the
ClaimBuster intercept, so its score reads as "probability a crowd would call this
check-worthy", while ranking (all that CLEF's MAP looks at) uses the shared weights.

Figures printed and written to the model card:
* CLEF 2019 train, leave-one-file-out MAP (official definition: per file, rank by
  score with ties in file order, average precision, unweighted mean over files). When a
  CLEF file is held out, ClaimBuster sentences from the same debate are held out too.
* ClaimBuster crowdsourced, 5-fold cross-validated F1 of the check-worthy class under
  each definition of the negatives (`DEFINITIONS`), plus weighted and macro F1; each
  fold's decisions use the shipped threshold rule (`choose_threshold`) applied to the
  other folds' out-of-fold scores only (no peeking), and CLEF sentences identical to a
  test sentence are left out of that fold's training.

Needs scikit-learn (the `train` extra); inference does not.
"""

from __future__ import annotations

import json
import math
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from factcheck.checkworthiness.data import (
    ClaimBuster,
    ClefFile,
    default_benchmarks_dir,
    read_claimbuster,
    read_clef,
)
from factcheck.checkworthiness.features import CUE_NAMES, featurize
from factcheck.checkworthiness.model import FORMAT, WEIGHTS_PATH, pack_grams
from factcheck.errors import FactcheckError

MODEL_CARD_PATH = Path(__file__).with_name("MODEL_CARD.md")
Features = tuple[list[float], list[str]]


@dataclass(frozen=True, slots=True)
class Config:
    """Hyper-parameters, fixed before looking at the CV figures' fine detail."""

    c: float = 3.0  # inverse L2 strength (n-gram values are small after normalising)
    clef_weight: float = 2.0  # CLEF rows count double: fewer rows, the ranking target
    ufs_weight: float = 1.0  # weight of ClaimBuster "unimportant factual" rows (negatives)
    gram_norm: float = 0.5  # n-gram features scaled by k**-gram_norm (k n-grams present)
    min_df: int = 2  # an n-gram must occur in two training sentences
    prune: float = 0.2  # drop n-gram weights smaller than this (also when measuring)
    folds: int = 5
    seed: int = 0


@dataclass(frozen=True, slots=True)
class Row:
    feats: Features
    label: int
    clef: bool  # which dataset (domain column)
    weight: float


# --- metrics -----------------------------------------------------------------------


def average_precision(scores: Sequence[float], labels: Sequence[int]) -> float | None:
    """AP of one file; ties keep file order (a stable sort), as the CLEF scorer does."""
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    hits = 0
    total = 0.0
    for rank, i in enumerate(order, 1):
        if labels[i]:
            hits += 1
            total += hits / rank
    return total / hits if hits else None


def mean_average_precision(per_file: Sequence[tuple[Sequence[float], Sequence[int]]]) -> float:
    """Unweighted mean of AP over files that have at least one positive line."""
    aps = [ap for s, y in per_file if (ap := average_precision(s, y)) is not None]
    return sum(aps) / len(aps) if aps else 0.0


def f1_score(predicted: np.ndarray, labels: np.ndarray) -> float:
    tp = int(np.sum(predicted & (labels == 1)))
    fp = int(np.sum(predicted & (labels == 0)))
    fn = int(np.sum(~predicted & (labels == 1)))
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _candidates(scores: np.ndarray) -> np.ndarray:
    return np.unique(np.quantile(scores, np.linspace(0.02, 0.98, 385)))


def best_threshold(scores: np.ndarray, labels: np.ndarray) -> float:
    """The score threshold that maximises F1 of the positive class on these scores."""
    best = max(_candidates(scores), key=lambda t: f1_score(scores >= t, labels))
    return float(best)


# Which ClaimBuster rows an F1 figure counts; the positive class is always Verdict 1
# (check-worthy factual). Published figures use all three, and the held-out set the
# issue speaks of does not say which, so every figure is reported under each.
DEFINITIONS: dict[str, tuple[str, frozenset[int]]] = {
    "all": ("check-worthy vs the rest (all rows)", frozenset({-1, 0, 1})),
    "vs_nonfactual": ("check-worthy vs non-factual (unimportant rows dropped)", frozenset({-1, 1})),
    "vs_unimportant": (
        "check-worthy vs unimportant factual (non-factual rows dropped)",
        frozenset({0, 1}),
    ),
}


def mean_definition_f1(scores: np.ndarray, verdicts: np.ndarray, t: float) -> float:
    """Mean over `DEFINITIONS` of the check-worthy class's F1 at threshold `t`."""
    predicted = scores >= t
    labels = verdicts == 1
    total = 0.0
    for _, kept in DEFINITIONS.values():
        mask = np.isin(verdicts, list(kept))
        total += f1_score(predicted[mask], labels[mask].astype(int))
    return total / len(DEFINITIONS)


def choose_threshold(scores: np.ndarray, verdicts: np.ndarray) -> float:
    """The shipped decision rule: the threshold with the best mean F1 over `DEFINITIONS`.

    A threshold tuned for one definition is wrong for another (the unimportant-factual
    definition has 69% positives, the others 24-27%), and the held-out set's definition
    is unknown, so the rule does best on average instead of best on one of them.
    """
    best = max(_candidates(scores), key=lambda t: mean_definition_f1(scores, verdicts, t))
    return float(best)


# --- design matrix and fit -----------------------------------------------------------


def vocabulary(rows: Sequence[Row], min_df: int) -> dict[str, int]:
    df: Counter[str] = Counter()
    for row in rows:
        df.update(set(row.feats[1]))
    kept = sorted(w for w, c in df.items() if c >= min_df)
    return {w: i for i, w in enumerate(kept)}


def design(
    feats: Sequence[Features], vocab: dict[str, int], clef: Sequence[bool], gram_norm: float
) -> Any:
    """Sparse matrix: cues, then n-grams present, then the CLEF domain column.

    An n-gram's value is k**-gram_norm where k counts the sentence's distinct n-grams,
    known to the vocabulary or not, exactly as `Model.gram_scale` does at run time.
    """
    from scipy import sparse

    nd = len(CUE_NAMES)
    domain_col = nd + len(vocab)
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for r, (dense, grams) in enumerate(feats):
        for j, x in enumerate(dense):
            if x:
                rows.append(r)
                cols.append(j)
                vals.append(x)
        distinct = set(grams)
        value = max(len(distinct), 1) ** -gram_norm
        for i in {vocab[g] for g in distinct if g in vocab}:
            rows.append(r)
            cols.append(nd + i)
            vals.append(value)
        if clef[r]:
            rows.append(r)
            cols.append(domain_col)
            vals.append(1.0)
    return sparse.csr_matrix((vals, (rows, cols)), shape=(len(feats), domain_col + 1))


@dataclass(frozen=True, slots=True)
class Fitted:
    vocab: dict[str, int]
    coef: np.ndarray
    intercept: float
    gram_norm: float

    def pruned(self, prune: float) -> Fitted:
        """The model as shipped: n-gram weights smaller than `prune` dropped."""
        coef = self.coef.copy()
        grams = coef[len(CUE_NAMES) : -1]
        grams[np.abs(grams) < prune] = 0.0
        return Fitted(self.vocab, coef, self.intercept, self.gram_norm)

    def decision(self, feats: Sequence[Features]) -> np.ndarray:
        """Logits on the ClaimBuster scale (domain column off)."""
        x = design(feats, self.vocab, [False] * len(feats), self.gram_norm)
        return np.asarray(x @ self.coef + self.intercept)


def fit(rows: Sequence[Row], config: Config) -> Fitted:
    try:
        from sklearn.linear_model import LogisticRegression
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise FactcheckError('training needs scikit-learn: pip install -e ".[train]"') from exc

    vocab = vocabulary(rows, config.min_df)
    x = design([r.feats for r in rows], vocab, [r.clef for r in rows], config.gram_norm)
    y = np.array([r.label for r in rows])
    w = np.array([r.weight for r in rows])
    model = LogisticRegression(
        C=config.c, solver="liblinear", max_iter=2000, random_state=config.seed
    )
    model.fit(x, y, sample_weight=w)
    return Fitted(vocab, model.coef_[0].copy(), float(model.intercept_[0]), config.gram_norm)


# --- the two evaluations ----------------------------------------------------------


def _cb_rows(
    cb: ClaimBuster, feats: list[Features], keep: Iterable[int], config: Config
) -> list[Row]:
    return [
        Row(feats[i], cb.labels[i], False, config.ufs_weight if cb.verdicts[i] == 0 else 1.0)
        for i in keep
    ]


def _clef_rows(
    files: Sequence[ClefFile],
    feats: list[list[Features]],
    config: Config,
    skip_texts: set[str] | None = None,
) -> list[Row]:
    rows: list[Row] = []
    for f, ff in zip(files, feats, strict=True):
        for text, label, ft in zip(f.texts, f.labels, ff, strict=True):
            if skip_texts and text in skip_texts:
                continue
            rows.append(Row(ft, label, True, config.clef_weight))
    return rows


def _same_debates(cb: ClaimBuster, held_out: ClefFile) -> set[str]:
    """ClaimBuster debates that are the held-out CLEF transcript (shared sentences)."""
    texts = set(held_out.texts)
    shared = Counter(d for t, d in zip(cb.texts, cb.debates, strict=True) if t in texts)
    return {d for d, n in shared.items() if n >= 10}


def clef_leave_one_file_out(
    cb: ClaimBuster,
    cb_feats: list[Features],
    clef: list[ClefFile],
    clef_feats: list[list[Features]],
    config: Config,
) -> tuple[float, dict[str, float]]:
    per_file: list[tuple[Sequence[float], Sequence[int]]] = []
    aps: dict[str, float] = {}
    for k, held in enumerate(clef):
        excluded = _same_debates(cb, held)
        keep = [i for i, d in enumerate(cb.debates) if d not in excluded]
        others = [f for j, f in enumerate(clef) if j != k]
        other_feats = [ff for j, ff in enumerate(clef_feats) if j != k]
        rows = _cb_rows(cb, cb_feats, keep, config) + _clef_rows(others, other_feats, config)
        fitted = fit(rows, config).pruned(config.prune)
        scores = fitted.decision(clef_feats[k]).tolist()
        per_file.append((scores, held.labels))
        aps[held.name] = average_precision(scores, held.labels) or 0.0
    return mean_average_precision(per_file), aps


def claimbuster_folds(cb: ClaimBuster, config: Config) -> list[tuple[np.ndarray, np.ndarray]]:
    """The (train, test) index pairs of the ClaimBuster cross-validation."""
    from sklearn.model_selection import StratifiedKFold

    y = np.array(cb.labels)
    splitter = StratifiedKFold(config.folds, shuffle=True, random_state=config.seed)
    return list(splitter.split(np.zeros(len(y)), y))


def claimbuster_oof(
    cb: ClaimBuster,
    cb_feats: list[Features],
    clef: list[ClefFile],
    clef_feats: list[list[Features]],
    config: Config,
    folds: Sequence[tuple[np.ndarray, np.ndarray]],
) -> np.ndarray:
    """Out-of-fold logits of every ClaimBuster sentence (CLEF always in training, minus
    sentences identical to a test sentence)."""
    oof = np.zeros(len(cb.texts))
    for train_idx, test_idx in folds:
        test_texts = {cb.texts[i] for i in test_idx}
        rows = _cb_rows(cb, cb_feats, train_idx, config) + _clef_rows(
            clef, clef_feats, config, skip_texts=test_texts
        )
        fitted = fit(rows, config).pruned(config.prune)
        oof[test_idx] = fitted.decision([cb_feats[i] for i in test_idx])
    return oof


def nested_decisions(
    oof: np.ndarray,
    verdicts: np.ndarray,
    folds: Sequence[tuple[np.ndarray, np.ndarray]],
    choose: Callable[[np.ndarray, np.ndarray], float] | None = None,
) -> np.ndarray:
    """Each fold's decisions at a threshold chosen on the other folds' scores only.

    `choose(scores, verdicts)` is the threshold rule (default: the shipped one).
    """
    choose = choose or choose_threshold
    predicted = np.zeros(len(oof), dtype=bool)
    for k, (_, test_idx) in enumerate(folds):
        other = np.concatenate([t for j, (_, t) in enumerate(folds) if j != k])
        predicted[test_idx] = oof[test_idx] >= choose(oof[other], verdicts[other])
    return predicted


def definition_figures(predicted: np.ndarray, verdicts: np.ndarray) -> dict[str, float]:
    """F1 of the check-worthy class under each definition, plus weighted and macro F1."""
    labels = (verdicts == 1).astype(int)
    out = {}
    for name, (_, kept) in DEFINITIONS.items():
        mask = np.isin(verdicts, list(kept))
        out[name] = round(f1_score(predicted[mask], labels[mask]), 4)
    negative = f1_score(~predicted, 1 - labels)
    positive = f1_score(predicted, labels)
    share = float(labels.mean())
    out["weighted_all"] = round(share * positive + (1 - share) * negative, 4)
    out["macro_all"] = round((positive + negative) / 2, 4)
    return out


@dataclass(frozen=True, slots=True)
class CvResult:
    oof: np.ndarray  # out-of-fold logits, ClaimBuster scale
    figures: dict[str, float]  # definition_figures of the nested decisions
    threshold_logit: float  # the rule applied to all out-of-fold scores (shipped)


def claimbuster_cv(
    cb: ClaimBuster,
    cb_feats: list[Features],
    clef: list[ClefFile],
    clef_feats: list[list[Features]],
    config: Config,
) -> CvResult:
    """Cross-validated figures under every F1 definition, no peeking: the threshold
    applied to a fold is chosen on the other folds' out-of-fold scores."""
    folds = claimbuster_folds(cb, config)
    oof = claimbuster_oof(cb, cb_feats, clef, clef_feats, config, folds)
    verdicts = np.array(cb.verdicts)
    figures = definition_figures(nested_decisions(oof, verdicts, folds), verdicts)
    return CvResult(oof, figures, choose_threshold(oof, verdicts))


# --- export -------------------------------------------------------------------------


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


def export_weights(
    fitted: Fitted, threshold_logit: float, config: Config, info: dict[str, Any]
) -> dict[str, Any]:
    nd = len(CUE_NAMES)
    coef = fitted.coef
    cues = {name: round(float(coef[j]), 5) for j, name in enumerate(CUE_NAMES)}
    grams = {
        g: float(coef[nd + i]) for g, i in fitted.vocab.items() if abs(coef[nd + i]) >= config.prune
    }
    words, packed = pack_grams(grams)
    top = sorted(grams.items(), key=lambda kv: kv[1])
    return {
        "format": FORMAT,
        "bias": round(fitted.intercept, 5),
        "threshold": round(_sigmoid(threshold_logit), 5),
        "gram_norm": fitted.gram_norm,
        "cues": cues,
        "grams": words,
        "gram_weights": packed,
        "n_grams": len(grams),
        "top_grams": {
            "up": [(g, round(w, 3)) for g, w in reversed(top[-25:])],
            "down": [(g, round(w, 3)) for g, w in top[:25]],
        },
        "info": {**info, "clef_domain_offset": round(float(coef[-1]), 5)},
    }


def train(
    benchmarks: Path | None = None,
    *,
    weights_path: Path = WEIGHTS_PATH,
    card_path: Path = MODEL_CARD_PATH,
    config: Config | None = None,
    evaluate: bool = True,
    echo: Any = print,
) -> dict[str, Any]:
    """Measure (unless `evaluate` is false), fit on everything, write weights and card."""
    config = config or Config()
    root = benchmarks or default_benchmarks_dir()
    started = time.perf_counter()
    cb = read_claimbuster(root)
    clef = read_clef(root)
    cb_feats = [featurize(t) for t in cb.texts]
    clef_feats = [[featurize(t) for t in f.texts] for f in clef]
    echo(
        f"data: ClaimBuster {len(cb.texts)} sentences ({sum(cb.labels)} check-worthy), "
        f"CLEF 2019 train {len(clef)} files, {sum(len(f.texts) for f in clef)} lines "
        f"({sum(sum(f.labels) for f in clef)} checked)"
    )
    figures: dict[str, Any] = {}
    cv = claimbuster_cv(cb, cb_feats, clef, clef_feats, config)
    threshold_logit = cv.threshold_logit
    figures["claimbuster_cv_f1"] = cv.figures["all"]
    figures["claimbuster_cv"] = cv.figures
    echo(f"ClaimBuster {config.folds}-fold CV, decisions at the shipped threshold rule:")
    for name, (text, _) in DEFINITIONS.items():
        echo(f"  F1 {text}: {cv.figures[name]:.4f}")
    echo(
        f"  weighted F1 (both classes, all rows): {cv.figures['weighted_all']:.4f}, "
        f"macro F1: {cv.figures['macro_all']:.4f}"
    )
    if evaluate:
        clef_map, aps = clef_leave_one_file_out(cb, cb_feats, clef, clef_feats, config)
        figures["clef2019_train_lofo_map"] = round(clef_map, 4)
        figures["clef2019_train_lofo_ap"] = {k: round(v, 4) for k, v in aps.items()}
        echo(f"CLEF 2019 train leave-one-file-out MAP: {clef_map:.4f}")
    rows = _cb_rows(cb, cb_feats, range(len(cb.texts)), config) + _clef_rows(
        clef, clef_feats, config
    )
    fitted = fit(rows, config)
    info = {
        "trained": date.today().isoformat(),
        "config": {k: getattr(config, k) for k in Config.__slots__},
        "figures": figures,
    }
    weights = export_weights(fitted, threshold_logit, config, info)
    weights_path.write_text(
        json.dumps(weights, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8"
    )
    card_path.write_text(model_card(weights, config), encoding="utf-8")
    echo(
        f"wrote {weights_path} ({weights_path.stat().st_size // 1024} KiB, "
        f"{weights['n_grams']} n-grams, threshold {weights['threshold']}) and {card_path}"
    )
    echo(f"took {time.perf_counter() - started:.0f} s")
    return figures


def model_card(weights: dict[str, Any], config: Config) -> str:
    figures = weights["info"]["figures"]
    cues = sorted(weights["cues"].items(), key=lambda kv: -kv[1])
    cue_lines = "\n".join(f"| {name} | {w:+.3f} |" for name, w in cues)
    return f"""# Check-worthiness model card

A logistic regression that scores how check-worthy a sentence is, with reasons.
Rebuilt by `factcheck train-checkworthiness` (module `factcheck.checkworthiness.train`).

## Data
- **ClaimBuster** crowdsourced set: 22,501 sentences from US presidential debates
  1960-2016, crowd-labelled non-factual / unimportant factual / check-worthy factual; the
  last is the positive class. Arslan, Hassan, Li and Tremayne, "A Benchmark Dataset of
  Check-worthy Factual Claims", ICWSM 2020 (Zenodo doi:10.5281/zenodo.3609356). Cite the
  paper when using the data or this model.
- **CLEF 2019 CheckThat! Task 1** training set: 19 debates and speeches, 16,421
  sentences, positive when a fact-checking outlet checked the sentence. Atanasova,
  Nakov, Karadzhov, Mohtarami and Da San Martino, "Overview of the CLEF-2019
  CheckThat! Lab: Automatic Identification and Verification of Claims. Task 1:
  Check-Worthiness", CLEF 2019 Working Notes. "Free for general research use."

The data is not shipped; only the learned weights are.

## Model
- Features: {len(weights["cues"])} named cues (numbers, percentages, money, dates,
  comparisons, superlatives, trends, causes, voting records, attribution, names, hedges,
  opinions, first and second person, predictions, prescriptions, negation, courtesy,
  questions, length) plus word uni- and bi-grams (numbers folded to `<number>`,
  years to `<year>`) seen in at least {config.min_df} training sentences.
- One L2 logistic regression (C={config.c}) on both datasets, CLEF rows weighted
  {config.clef_weight}, with a separate intercept for CLEF (offset
  {weights["info"]["clef_domain_offset"]:+.3f}); the shipped score uses the ClaimBuster
  intercept. The n-gram part is divided by k^{config.gram_norm} (k = the sentence's
  distinct n-grams), as TF-IDF normalises a document; {weights["n_grams"]} n-gram
  weights kept (|w| >= {config.prune}).
- Decision threshold {weights["threshold"]} on the score. ClaimBuster F1 figures are
  published under different negatives (all rows; only non-factual; only unimportant
  factual) whose best thresholds differ, and the held-out set's is not known, so the
  threshold is the one with the best mean F1 of the check-worthy class over the three
  on out-of-fold scores.

## Figures (cross-validated on training data; not test-set results)
ClaimBuster {config.folds}-fold CV, decisions at the shipped rule (each fold's threshold
chosen on the other folds' scores):

| F1 definition | figure |
| --- | --- |
{_figure_lines(figures.get("claimbuster_cv") or dict())}

- CLEF 2019 train leave-one-file-out MAP: **{figures.get("clef2019_train_lofo_map", "n/a")}**
  (ClaimBuster sentences from the held-out debate are left out of training too).
- `benchmarks/claimbuster_f1_definitions.py` compares these with a TF-IDF logistic
  regression under every definition.

## Cue weights (log-odds, positive = more check-worthy)
| cue | weight |
| --- | --- |
{cue_lines}

## Strongest n-grams (`<number>` is any number)
- Up: {_shown(weights["top_grams"]["up"])}
- Down: {_shown(weights["top_grams"]["down"])}

## Tried and not shipped
- An "importance" part (a second regression on ClaimBuster's factual rows only, check-
  worthy vs unimportant, added at 0.75 and recalibrated) with the threshold chosen for
  check-worthy vs unimportant F1: 0.851 against TF-IDF LR's 0.846 on the same folds
  (bootstrap 95% interval of the difference -0.000 to +0.009, a tie when folds are split
  by debate), but at a threshold that flags 57% of ClaimBuster sentences and 40-45% of a
  debate's lines, with F1 over all rows 0.56, against non-factual rows 0.61, weighted
  0.67 and CLEF MAP 0.249. A flag that marks half of everything does not help a
  fact-checker triage, so the shipped model keeps the mean rule.
- idf-scaled n-grams, down-weighting non-factual rows, a stacked factual-vs-not model,
  other C, pruning, min_df and length-normalisation exponents: each within +-0.003.

## Limits
- English political speech only (debates, speeches, press conferences); news prose and
  other domains are out of distribution.
- CLEF labels mean "a fact-checker chose to check it", which depends on the news of the
  day; ClaimBuster labels are crowd judgements. The model is a ranking aid, not a verdict.
"""


def _figure_lines(figures: dict[str, float]) -> str:
    names = {name: text for name, (text, _) in DEFINITIONS.items()}
    names["weighted_all"] = "weighted F1 of both classes (all rows)"
    names["macro_all"] = "macro F1 of both classes (all rows)"
    return "\n".join(f"| {names.get(k, k)} | {v} |" for k, v in figures.items())


def _shown(grams: list[tuple[str, float]]) -> str:
    words = (g.replace("_num", "<number>").replace("_year", "<year>") for g, _ in grams)
    return ", ".join(f"'{w}'" for w in words)


def main(benchmarks: Path | None = None) -> None:
    train(benchmarks)


if __name__ == "__main__":
    main()
