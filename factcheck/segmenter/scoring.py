"""Check-worthiness: one function, so a learned model can replace the rules in one place.

Rule-based for now: a prior per kind (figures, comparisons and causes are what
fact-checkers spend time on; personal history, attributed opinion and predictions are
checkable but low value), nudged by what the span contains. Every nudge leaves a reason
a reviewer can read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from factcheck.segmenter.types import Quantity, TimeRef
from factcheck.segmenter.wordlists import wordset

THRESHOLD = 0.5

_PRIOR = {
    "quantity": 0.72,
    "comparison": 0.66,
    "causal": 0.64,
    "fact": 0.56,
    "temporal": 0.34,
    "personal": 0.3,
    "opinion": 0.26,
    "prediction": 0.24,
}
_VAGUE = re.compile(
    r"\b(?:some|starting to|started to|growing|yet to|novel|very|upbeat|welcomed|aimed at|"
    r"intended to|many of them|sort of|kind of)\b",
    re.IGNORECASE,
)
_ENTITY = re.compile(r"(?<!^)(?<![.!?]\s)\b(?:[A-Z][a-z]+[A-Z]\w*|[A-Z]{2,}\w*|[A-Z][a-z'’\-]+)")
_NATIONALITY = wordset(
    "Chinese French British English American European Scottish Welsh Irish German Japanese "
    "Indian Korean Russian Italian Spanish African Asian Western Eastern Northern Southern I Mr "
    "Mrs Ms Dr"
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """What the scorer sees of a claim: the span and everything read from it."""

    text: str
    sentence: str
    kind: str
    cue: str | None = None
    quantities: list[Quantity] = field(default_factory=list)
    times: list[TimeRef] = field(default_factory=list)
    speaker: str | None = None
    speaker_verb: str | None = None


def entities(text: str) -> list[str]:
    """Capitalised names inside a span (not its first word, not nationality adjectives)."""
    found = []
    for m in _ENTITY.finditer(text):
        word = m.group(0)
        if m.start() == 0 or word in _NATIONALITY:
            continue
        found.append(word)
    return found


def _describe(q: Quantity) -> str:
    if q.unit == "percent":
        return f"contains a percentage: {q.text}"
    if q.unit and len(q.unit) == 3 and q.unit.isupper():
        return f"contains an amount of money: {q.text}"
    return f"contains a count: {q.text}"


def score(candidate: Candidate) -> tuple[float, bool, list[str]]:
    """(score in [0, 1], check-worthy, reasons) for one candidate claim."""
    c = candidate
    value = _PRIOR.get(c.kind, 0.5)
    reasons: list[str] = []
    cue = f": '{c.cue}'" if c.cue else ""
    kind_reason = {
        "quantity": None,
        "comparison": f"comparison{cue}",
        "causal": f"causal link{cue}",
        "temporal": f"schedule or date{cue}",
        "personal": f"personal history{cue}",
        "opinion": f"opinion{cue}",
        "prediction": f"prediction{cue}",
        "fact": "factual statement",
    }.get(c.kind)
    if kind_reason:
        reasons.append(kind_reason)
    counts = [q for q in c.quantities if not (q.unit in ("years", "months") and q.value < 100)]
    if counts:
        value += 0.12 if c.kind in ("quantity", "comparison", "causal", "fact") else 0.04
        reasons.extend(_describe(q) for q in counts[:2])
    elif c.kind == "quantity" and c.cue:
        reasons.append(f"vague quantity: '{c.cue}'")
    names = entities(c.text)
    if names:
        value += 0.05 if len(names) == 1 else 0.08
        reasons.append("names " + ", ".join(dict.fromkeys(names[:3])))
    dated = [t for t in c.times if t.date or t.years_before_publication is not None]
    if dated:
        value += 0.03
        reasons.append(f"dated: '{dated[0].expression}'")
    if c.speaker and c.kind in ("opinion", "prediction"):
        value -= 0.04
        reasons.append(f"attributed {c.kind}: '{c.speaker} {c.speaker_verb or 'says'}'")
    elif c.speaker:
        reasons.append(f"attributed to {c.speaker}")
    if (m := _VAGUE.search(c.text)) is not None and not counts:
        value -= 0.1
        reasons.append(f"vague wording: '{m.group(0)}'")
    if len(c.text) < 25 and not counts:
        value -= 0.05
        reasons.append("short")
    value = min(1.0, max(0.0, value))
    return value, value >= THRESHOLD, reasons
