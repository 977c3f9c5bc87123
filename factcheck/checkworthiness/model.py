"""Score sentences for check-worthiness with the shipped linear model, and say why.

The model is a logistic regression over the cues and n-grams of `features`; its weights
live in `weights.json` next to this module, loaded once on first use (no training
library at run time). `score` returns a probability-like score, the model's decision at
the threshold calibrated during training, and reasons in plain words.
"""

from __future__ import annotations

import binascii
import json
import math
import sys
from array import array
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise, repeat
from pathlib import Path

from factcheck.checkworthiness.features import (
    CUE_NAMES,
    I_LOG_LENGTH,
    cues,
    describe,
    fired_cues,
    fired_cues_counted,
    log_length,
    names,
    shown_gram,
    tokens,
)
from factcheck.errors import FactcheckError

WEIGHTS_PATH = Path(__file__).with_name("weights.json")
FORMAT = 2
# Cues whose pull is not meaningful on its own (a continuous baseline term).
_SILENT_CUES = frozenset({"log_length"})
_MAX_REASONS = 4


@dataclass(frozen=True, slots=True)
class Scored:
    """The model's view of one sentence: score in [0, 1], decision, and why."""

    score: float
    checkworthy: bool
    reasons: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Model:
    """Weights of the linear model: z = bias + cues . w + (sum of n-gram weights) / k**p.

    k is the number of distinct n-grams in the sentence (known to the model or not) and
    p is `gram_norm`: with p = 0.5 the n-gram part is length-normalised as in TF-IDF, so
    a long sentence does not win on its number of words alone (its length is a cue of
    its own).
    """

    bias: float
    cue_weights: tuple[float, ...]
    gram_weights: dict[str, float]
    threshold: float  # on the score (probability) scale
    info: dict[str, object]
    gram_norm: float = 0.0

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Model:
        """Build from the weights file's JSON.

        The n-grams are one newline-separated string and their weights one base64 run of
        little-endian float32: parsing two strings is ten times faster than parsing a
        58,000-key JSON object, which keeps start-up under budget.
        """
        if data.get("format") != FORMAT:
            raise FactcheckError(
                f"check-worthiness weights: unsupported format {data.get('format')}"
            )
        cue_map = data["cues"]
        grams = data["grams"]
        packed = data["gram_weights"]
        if not (isinstance(cue_map, dict) and isinstance(grams, str) and isinstance(packed, str)):
            raise FactcheckError("check-worthiness weights: malformed file")
        values = array("f")
        values.frombytes(binascii.a2b_base64(packed))
        if sys.byteorder != "little":  # pragma: no cover - big-endian hosts are rare
            values.byteswap()
        words = grams.split("\n") if grams else []
        if len(words) != len(values):
            raise FactcheckError("check-worthiness weights: n-grams and weights differ in number")
        return cls(
            bias=float(data["bias"]),  # type: ignore[arg-type]
            cue_weights=tuple(float(cue_map.get(name, 0.0)) for name in CUE_NAMES),
            gram_weights=dict(zip(words, values, strict=True)),
            threshold=float(data["threshold"]),  # type: ignore[arg-type]
            info=dict(data.get("info", {})),  # type: ignore[call-overload]
            gram_norm=float(data.get("gram_norm", 0.0)),  # type: ignore[arg-type]
        )

    def gram_scale(self, n_grams: int) -> float:
        """What each n-gram weight is multiplied by in a sentence with `n_grams` of them."""
        return max(n_grams, 1) ** -self.gram_norm if self.gram_norm else 1.0

    def logit(self, text: str) -> float:
        """The linear score of `text` (before the logistic squash)."""
        toks = tokens(text)
        # first-occurrence order, not a set's: a float sum depends on its order, and a
        # set of strings is ordered by the process's hash seed
        grams = dict.fromkeys(toks)
        grams.update(dict.fromkeys(map(" ".join, pairwise(toks))))
        cw = self.cue_weights
        return (
            self.bias
            + sum(map(self.gram_weights.get, grams, repeat(0.0))) * self.gram_scale(len(grams))
            + sum(map(cw.__getitem__, sorted(fired_cues(text, toks))))
            + cw[I_LOG_LENGTH] * log_length(toks)
        )

    def parts(self, text: str) -> tuple[float, list[tuple[float, str]], set[int]]:
        """The logit, the weighted n-grams present, and the fired cue indices.

        One pass that gives both the score and what a caller needs to explain it
        cheaply (describing cues is the slow part, so callers describe only the few
        they show).
        """
        toks = tokens(text)
        z, grams, weights, fired = self.parts_of_tokens(
            toks, list(map(" ".join, pairwise(toks))), len(names(text))
        )
        return z, [(w, g) for w, g in zip(weights, grams, strict=True) if w], fired

    def parts_of_tokens(
        self,
        toks: list[str],
        bigrams: list[str],
        n_names: int,
        known: dict[str, float] | None = None,
    ) -> tuple[float, list[str], list[float], set[int]]:
        """`parts` from tokens already found: (logit, n-grams, their weights, fired cues).

        The weights are as stored, before `gram_scale` (one factor for the whole
        sentence, so their order and signs are those of their pulls), and 0.0 for n-grams
        the model does not know; a caller that explains the score sorts them only when it
        needs to. `known` may hold the weights (0.0 when the model lacks them) of n-grams
        that are likely to be asked for, those of the sentence a span comes from: a small
        dict is faster to read than the model's tens of thousands of n-grams, which miss
        the CPU cache. N-grams not in it are looked up.
        """
        unique = dict.fromkeys(toks)
        unique.update(dict.fromkeys(bigrams))
        grams = list(unique)
        if known is None:
            weights = list(map(self.gram_weights.get, grams, repeat(0.0)))
        else:
            found = list(map(known.get, grams))
            if None in found:
                found = [
                    self.gram_weights.get(g, 0.0) if w is None else w
                    for g, w in zip(grams, found, strict=True)
                ]
            weights = found  # type: ignore[assignment]
        fired = fired_cues_counted(toks, n_names)
        return self.logit_of_parts(weights, toks, fired), grams, weights, fired

    def logit_of_parts(self, weights: list[float], toks: list[str], fired: set[int]) -> float:
        """The logit from the weights of the distinct n-grams (in first-occurrence order,
        0.0 for unknown ones), the tokens and the fired cues: one formula for every
        caller, so that they agree to the last bit (a float sum depends on its order)."""
        cw = self.cue_weights
        return (
            self.bias
            + sum(weights) * self.gram_scale(len(weights))
            + sum(map(cw.__getitem__, sorted(fired)))  # in a fixed order, as above
            + cw[I_LOG_LENGTH] * log_length(toks)
        )

    def contributions(self, text: str) -> list[tuple[float, str | None]]:
        """(pull on the logit, reason text) for every feature present in `text`; the
        reason is None for n-grams of function words only ("are"), which pull but explain
        nothing to a reader."""
        toks = tokens(text)
        pulls: list[tuple[float, str | None]] = []
        for name, w, x in zip(CUE_NAMES, self.cue_weights, cues(text, toks), strict=True):
            if x and w and name not in _SILENT_CUES:
                pulls.append((w * x, describe(name, text)))
        grams = dict.fromkeys(toks)
        grams.update(dict.fromkeys(a + " " + b for a, b in pairwise(toks)))
        scale = self.gram_scale(len(grams))
        for gram in grams:
            w = self.gram_weights.get(gram, 0.0)
            if w:
                shown = shown_gram(gram)  # None for function words: a pull, but no reason
                pulls.append((w * scale, None if shown is None else _gram_reason(shown, w)))
        return pulls


def pack_grams(weights: dict[str, float]) -> tuple[str, str]:
    """The weights file's two n-gram fields: the n-grams, and their float32 weights."""
    words = sorted(weights)
    values = array("f", (weights[w] for w in words))
    if sys.byteorder != "little":  # pragma: no cover - big-endian hosts are rare
        values.byteswap()
    return "\n".join(words), binascii.b2a_base64(values.tobytes(), newline=False).decode("ascii")


def _gram_reason(shown: str, weight: float) -> str:
    if weight > 0:
        return f"wording common in checked claims: '{shown}'"
    return f"wording common in talk that is not a claim: '{shown}'"


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


@cache
def load_model(path: Path = WEIGHTS_PATH) -> Model:
    """Read the weights file once per process."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise FactcheckError(
            f"check-worthiness weights missing: {path} (run `factcheck train-checkworthiness`)"
        ) from exc
    except (OSError, ValueError) as exc:
        raise FactcheckError(f"check-worthiness weights unreadable: {path}: {exc}") from exc
    try:
        return Model.from_json(data)
    except (KeyError, TypeError, ValueError) as exc:
        raise FactcheckError(f"check-worthiness weights malformed: {path}: {exc}") from exc


def _reasons(model: Model, text: str, checkworthy: bool, kind: str | None) -> list[str]:
    pulls = model.contributions(text)
    # Explain the decision: the features that pushed the score its way, strongest first.
    sign = 1.0 if checkworthy else -1.0
    chosen = sorted((p for p in pulls if p[0] * sign > 0), key=lambda p: -abs(p[0]))
    reasons = _merged(list(dict.fromkeys(r for _, r in chosen if r is not None))[:_MAX_REASONS])
    if kind:
        reasons.append(f"kind of claim: {kind}")
    return reasons


def _merged(reasons: list[str]) -> list[str]:
    """Wording reasons on one line ("wording common in checked claims: 'wages', 'workers'")
    at the place of the strongest, instead of the same words repeated on each."""
    out: list[str] = []
    where: dict[str, int] = {}
    for reason in reasons:
        head, sep, quoted = reason.partition(": ")
        if sep and head.startswith("wording common in "):
            if head in where:
                out[where[head]] += ", " + quoted
                continue
            where[head] = len(out)
        out.append(reason)
    return out


def score(sentence: str, span: str | None = None, kind: str | None = None) -> Scored:
    """Score one claim: its sentence, and its span when the span is only part of it.

    When a span is given the logit is the mean of the sentence's and the span's, so a
    sentence with two claims ranks them apart. `kind` is reported in the reasons but
    does not move the score: the training data carries no kinds to learn from.
    """
    model = load_model()
    z = model.logit(sentence)
    if span and span.strip() and span.strip() != sentence.strip():
        z = 0.5 * (z + model.logit(span))
    p = _sigmoid(z)
    checkworthy = p >= model.threshold
    basis = span if span and span.strip() else sentence
    return Scored(p, checkworthy, _reasons(model, basis, checkworthy, kind))


def score_many(sentences: list[str]) -> list[float]:
    """Scores of many sentences (no reasons): the fast path for ranking."""
    model = load_model()
    logit = model.logit
    return [_sigmoid(logit(s)) for s in sentences]


def threshold() -> float:
    """The calibrated decision threshold on the score scale."""
    return load_model().threshold


__all__ = ["Model", "Scored", "load_model", "pack_grams", "score", "score_many", "threshold"]
