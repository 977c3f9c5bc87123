"""Check-worthiness: a small learned linear model that ranks sentences and explains itself.

Stable interface (used by the segmenter):
    score(sentence, span=None, kind=None) -> Scored(score, checkworthy, reasons)
    score_many(sentences) -> list[float]

Weights load lazily, once, from `weights.json` in this package; importing this module
costs nothing but the feature tables.
"""

from factcheck.checkworthiness.model import Scored, score, score_many, threshold

__all__ = ["Scored", "score", "score_many", "threshold"]
