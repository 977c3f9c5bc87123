"""Plain data that flows out of the segmenter: no database, no UI.

These dataclasses are the contract between the segmenter and its users (ingest,
CLI `segment --json`, evaluation). Keep field names stable.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal

Bound = Literal["exact", "lower", "upper", "approx"]
Granularity = Literal["year", "month", "day"]


@dataclass(frozen=True, slots=True)
class Quantity:
    value: float
    bound: Bound
    unit: str | None
    text: str = ""  # the words it was read from, e.g. "over a million foreigners"
    value_max: float | None = None  # upper end of a range ("3.5 to 4.0%")

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class TimeRef:
    expression: str
    date: str | None  # ISO date of the resolved start, None when unresolved
    granularity: Granularity | None
    years_before_publication: int | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class ArticleText:
    """A cleaned article. `text` is what gets stored; claim offsets index into it."""

    title: str
    text: str
    published: date | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    language: str = "en"
    source_path: str | None = None


@dataclass(frozen=True, slots=True)
class ClaimSpan:
    """One checkable claim: `article.text[start:end] == text`."""

    text: str
    sentence: str
    start: int
    end: int
    kind: str
    score: float
    checkworthy: bool
    reasons: list[str] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    times: list[TimeRef] = field(default_factory=list)
    speaker: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "score": round(self.score, 4),
            "checkworthy": self.checkworthy,
            "reasons": list(self.reasons),
            "quantities": [q.to_json() for q in self.quantities],
            "times": [t.to_json() for t in self.times],
            "speaker": self.speaker,
        }
