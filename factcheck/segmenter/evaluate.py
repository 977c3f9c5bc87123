"""Scoring the segmenter against gold files, by the rules of the gold README.

Tokens are lower-cased runs of letters and digits ("2,223" is "2223"). A prediction
matches a gold claim when shared tokens cover >= 60% of the quote and >= 40% of the span;
matching is one-to-one, largest overlap first. Predictions touching a `not_claims` text
are always wrong. Average precision walks the predictions by descending score.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from factcheck.errors import InvalidInput
from factcheck.segmenter.spans import tokens
from factcheck.segmenter.types import ArticleText, ClaimSpan

GOLD_FORMAT = "factcheck-gold/1"
GOLD_COVER = 0.6
PRED_COVER = 0.4


@dataclass(frozen=True, slots=True)
class GoldClaim:
    quote: str
    kind: str
    checkworthy: bool
    quantity: dict[str, Any] | None = None
    time: dict[str, Any] | None = None
    speaker: str | None = None


@dataclass(frozen=True, slots=True)
class Gold:
    path: Path  # the gold file
    article_path: Path
    title: str | None
    published: date | None
    claims: list[GoldClaim]
    not_claims: list[str]


@dataclass
class Score:
    """Counts for one article or pooled; the rates are computed from them."""

    name: str
    gold: int = 0
    gold_checkworthy: int = 0
    predicted: int = 0
    matched_gold: int = 0
    matched_checkworthy: int = 0
    matched_predictions: int = 0
    ap_sum: float = 0.0
    quantity_total: int = 0
    quantity_right: int = 0
    time_total: int = 0
    time_right: int = 0
    kind_right: int = 0  # of the matched gold claims (matched_gold is the total)
    checkworthy_right: int = 0  # the prediction's check-worthy flag agrees with the gold's
    missed: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.matched_gold / self.gold if self.gold else 1.0

    @property
    def recall_checkworthy(self) -> float:
        return self.matched_checkworthy / self.gold_checkworthy if self.gold_checkworthy else 1.0

    @property
    def precision(self) -> float:
        return self.matched_predictions / self.predicted if self.predicted else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def average_precision(self) -> float:
        return self.ap_sum / self.gold_checkworthy if self.gold_checkworthy else 1.0

    @property
    def quantity_accuracy(self) -> float | None:
        return self.quantity_right / self.quantity_total if self.quantity_total else None

    @property
    def time_accuracy(self) -> float | None:
        return self.time_right / self.time_total if self.time_total else None

    @property
    def kind_accuracy(self) -> float | None:
        return self.kind_right / self.matched_gold if self.matched_gold else None

    @property
    def checkworthy_accuracy(self) -> float | None:
        return self.checkworthy_right / self.matched_gold if self.matched_gold else None

    def add(self, other: Score) -> None:
        for name in ("gold", "gold_checkworthy", "predicted", "matched_gold",
                     "matched_checkworthy", "matched_predictions", "quantity_total",
                     "quantity_right", "time_total", "time_right", "kind_right",
                     "checkworthy_right"):  # fmt: skip
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.ap_sum += other.ap_sum

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name, "gold": self.gold, "gold_checkworthy": self.gold_checkworthy,
            "predicted": self.predicted, "recall": self.recall,
            "recall_checkworthy": self.recall_checkworthy, "precision": self.precision,
            "f1": self.f1, "average_precision": self.average_precision,
            "quantity_accuracy": self.quantity_accuracy, "time_accuracy": self.time_accuracy,
            "kind_accuracy": self.kind_accuracy,
            "checkworthy_accuracy": self.checkworthy_accuracy,
        }  # fmt: skip


def load_gold(path: str | Path) -> Gold:
    """Read and check one gold file; its article path is relative to the file's folder."""
    path = Path(path)
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InvalidInput(f"{path}: no such gold file") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InvalidInput(f"{path}: not a readable gold JSON file ({exc})") from None
    if not isinstance(doc, dict) or doc.get("format") != GOLD_FORMAT:
        raise InvalidInput(f"{path}: not a {GOLD_FORMAT} file")
    article = doc.get("article") or {}
    if not isinstance(article, dict) or not article.get("path"):
        raise InvalidInput(f"{path}: article.path is missing")
    published = article.get("published")
    try:
        pub = date.fromisoformat(published) if published else None
    except ValueError:
        raise InvalidInput(f"{path}: article.published {published!r} is not an ISO date") from None
    claims = []
    for item in doc.get("claims") or []:
        if not isinstance(item, dict) or not isinstance(item.get("quote"), str):
            raise InvalidInput(f"{path}: every claim needs a quote")
        claims.append(
            GoldClaim(
                quote=item["quote"],
                kind=str(item.get("kind", "fact")),
                checkworthy=bool(item.get("checkworthy", True)),
                quantity=item.get("quantity"),
                time=item.get("time"),
                speaker=item.get("speaker"),
            )
        )
    return Gold(
        path=path,
        article_path=(path.parent / article["path"]).resolve(),
        title=article.get("title"),
        published=pub,
        claims=claims,
        not_claims=[str(n) for n in doc.get("not_claims") or []],
    )


def _overlap(a: Counter[str], b: Counter[str]) -> int:
    return sum((a & b).values())


def _touches_not_claim(claim: ClaimSpan, article: ArticleText, not_claims: list[str]) -> bool:
    for phrase in not_claims:
        pos = article.text.find(phrase)
        while pos != -1:
            if claim.start < pos + len(phrase) and claim.end > pos:
                return True
            pos = article.text.find(phrase, pos + 1)
    return False


def _quantity_right(gold: dict[str, Any], claim: ClaimSpan) -> bool:
    try:
        value = float(gold["value"])
    except (KeyError, TypeError, ValueError):
        return False
    bound = gold.get("bound", "exact")
    return any(
        abs(q.value - value) <= 1e-6 * max(1.0, abs(value)) and q.bound == bound
        for q in claim.quantities
    )


def _time_right(gold: dict[str, Any], claim: ClaimSpan) -> bool:
    if gold.get("years_before_publication") is not None:
        return any(
            t.years_before_publication == gold["years_before_publication"] for t in claim.times
        )
    if gold.get("date"):
        return any(t.date is not None and t.date.startswith(str(gold["date"])) for t in claim.times)
    return bool(claim.times)


def score_article(
    gold: Gold, article: ArticleText, predictions: list[ClaimSpan], name: str | None = None
) -> Score:
    """Score one article's predictions against its gold claims."""
    result = Score(name=name or gold.path.name.removesuffix(".gold.json"))
    result.gold = len(gold.claims)
    result.gold_checkworthy = sum(1 for g in gold.claims if g.checkworthy)
    result.predicted = len(predictions)
    gold_tokens = [Counter(tokens(g.quote)) for g in gold.claims]
    pairs: list[tuple[int, int, int]] = []
    for pi, claim in enumerate(predictions):
        if _touches_not_claim(claim, article, gold.not_claims):
            continue
        ptoks = Counter(tokens(claim.text))
        plen = sum(ptoks.values())
        for gi, gtoks in enumerate(gold_tokens):
            glen = sum(gtoks.values())
            shared = _overlap(ptoks, gtoks)
            if glen and plen and shared >= GOLD_COVER * glen and shared >= PRED_COVER * plen:
                pairs.append((shared, pi, gi))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    gold_of: dict[int, int] = {}
    used_gold: set[int] = set()
    for _, pi, gi in pairs:
        if pi in gold_of or gi in used_gold:
            continue
        gold_of[pi] = gi
        used_gold.add(gi)
    result.matched_predictions = len(gold_of)
    result.matched_gold = len(used_gold)
    result.matched_checkworthy = sum(1 for gi in used_gold if gold.claims[gi].checkworthy)
    order = sorted(range(len(predictions)), key=lambda i: (-predictions[i].score, i))
    hits = 0
    for rank, pi in enumerate(order, start=1):
        hit = gold_of.get(pi)
        if hit is not None and gold.claims[hit].checkworthy:
            hits += 1
            result.ap_sum += hits / rank
    for pi, gi in gold_of.items():
        g = gold.claims[gi]
        result.kind_right += predictions[pi].kind == g.kind
        result.checkworthy_right += predictions[pi].checkworthy == g.checkworthy
        if g.quantity:
            result.quantity_total += 1
            result.quantity_right += _quantity_right(g.quantity, predictions[pi])
        if g.time:
            result.time_total += 1
            result.time_right += _time_right(g.time, predictions[pi])
    result.missed = [g.quote for gi, g in enumerate(gold.claims) if gi not in used_gold]
    result.false_positives = [c.text for pi, c in enumerate(predictions) if pi not in gold_of]
    return result


def evaluate_file(path: str | Path) -> Score:
    """Read a gold file's article, segment it and score it."""
    from factcheck.segmenter.pipeline import segment
    from factcheck.segmenter.reader import read_article

    gold = load_gold(path)
    article = read_article(gold.article_path, published=gold.published)
    return score_article(gold, article, segment(article))


def evaluate_files(paths: list[str | Path]) -> tuple[list[Score], Score]:
    """Per-article scores and the pooled score (counts summed over articles)."""
    scores = [evaluate_file(p) for p in paths]
    pooled = Score(name="pooled")
    for s in scores:
        pooled.add(s)
    return scores, pooled


def _pct(value: float | None) -> str:
    return "   -" if value is None else f"{value * 100:4.0f}"


def format_table(scores: list[Score], pooled: Score) -> str:
    """A plain-text table: one row per article, then the pooled row (percentages)."""
    header = (
        f"{'article':<28} {'gold':>4} {'cw':>3} {'pred':>4} {'R-cw':>5} {'R-all':>5} "
        f"{'P':>5} {'F1':>5} {'AP':>5} {'qty':>5} {'time':>5} {'kind':>5} {'cw?':>5}"
    )
    lines = [header, "-" * len(header)]
    for s in [*scores, pooled]:
        if s is pooled:
            lines.append("-" * len(header))
        lines.append(
            f"{s.name[:28]:<28} {s.gold:>4} {s.gold_checkworthy:>3} {s.predicted:>4} "
            f"{_pct(s.recall_checkworthy):>5} {_pct(s.recall):>5} {_pct(s.precision):>5} "
            f"{_pct(s.f1):>5} {_pct(s.average_precision):>5} {_pct(s.quantity_accuracy):>5} "
            f"{_pct(s.time_accuracy):>5} {_pct(s.kind_accuracy):>5} "
            f"{_pct(s.checkworthy_accuracy):>5}"
        )
    return "\n".join(lines)
