"""Evidence passages: the sentences of a source that bear on a claim.

A reviewer reading a 40-page report needs the sentence with the claim's number in it.
Each source sentence is scored on what it shares with the claim:

- numbers, compared as values after the segmenter's quantity reader normalises them
  ("1.2 million" = "1,200,000" = "1.2m"), with the claim's bound respected ("over
  1,000,000" is matched by 1.1 million); the same value scores most, a value the
  claim's bound allows or within 10% less, a value within 25% (or just on the wrong
  side of the claim's bound, which a reviewer must see) least;
- entities (capitalised names), and
- key words, weighted by how rare they are in the source (a word in every sentence of
  the report tells nothing).

Ties keep source order, so the earlier sentence wins. Pure functions over strings:
no database here (see `evidence_for_claim` in `evidence.py` for that).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from factcheck.segmenter.quantities import Found, find_quantities
from factcheck.segmenter.sentences import split_sentences
from factcheck.segmenter.types import Quantity
from factcheck.segmenter.wordlists import wordset

EXACT, BOUND, CLOSE, NEAR = 5.0, 4.0, 3.5, 1.5
ENTITY_WEIGHT = 1.5
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|\b\d{4}\b")
_ENTITY = re.compile(
    r"\b[A-Z][\w'’\-]*[\w](?:\s+(?:of|the|de|for|and)\s+[A-Z][\w'’\-]*|\s+[A-Z][\w'’\-]*)*"
)
_POSSESSIVE = re.compile(r"['’]s$")
_STOP = wordset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers him his how i if in into is it its
    itself just last more most much my new no nor not now of off on once only or other our
    out over own per said same say says she should since so some such than that the their
    them then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would year years you your according
    told percent cent million billion thousand hundred one two three four five six seven
    eight nine ten around nearly almost"""
)
_CURRENCIES = frozenset({"USD", "GBP", "EUR", "JPY", "INR", "CNY", "CHF"})


@dataclass(frozen=True)
class NumberMatch:
    """A number in the passage that matches one in the claim; start/end index the passage."""

    source: str  # as the source writes it: "1.1 million"
    claim: str  # as the claim writes it: "over 1,000,000"
    start: int
    end: int
    relation: str  # "same", "within the claim's bound", "within 10%", "within 25%"

    @property
    def comparison(self) -> str:
        return f"source: {self.source}; claim: {self.claim}"


@dataclass(frozen=True)
class Passage:
    """One sentence of a source, where it sits in the source text, and why it was chosen."""

    text: str
    start: int
    end: int
    score: float
    numbers: list[NumberMatch] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)

    @property
    def best_number(self) -> NumberMatch | None:
        return self.numbers[0] if self.numbers else None

    @property
    def comparison(self) -> str | None:
        """The one-line comparison of the best-matching number, if any."""
        best = self.best_number
        return best.comparison if best else None


def _stem(word: str) -> str:
    w = _POSSESSIVE.sub("", word.lower()).replace("’", "'")
    for suffix in ("ies", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return w


def key_words(text: str) -> set[str]:
    """Content words (stemmed, lower case) and four-digit years."""
    out = set()
    for m in _WORD.finditer(text):
        word = m.group(0)
        if word.isdigit():
            out.add(word)
            continue
        stem = _stem(word)
        if len(stem) >= 3 and stem not in _STOP:
            out.add(stem)
    return out


def entities(text: str) -> set[str]:
    """Capitalised names, and each of their words, lower-cased ("Hong Kong", "hong", "kong")."""
    out: set[str] = set()
    for m in _ENTITY.finditer(text):
        name = _POSSESSIVE.sub("", m.group(0))
        words = [w for w in name.split() if w.lower() not in _STOP]
        if not words:
            continue
        # a lone capitalised word opening a sentence is usually just the first word
        start = m.start()
        before = text[:start].rstrip()
        opens = not before or before[-1] in '.!?"“:'
        if opens and len(words) == 1 and name.lower() in _STOP | {"but", "and", "the"}:
            continue
        out.add(name.lower())
        out.update(w.lower() for w in words if len(w) > 2)
    return out


def _units_compatible(a: Quantity, b: Quantity) -> bool:
    ua, ub = (a.unit or ""), (b.unit or "")
    if (ua == "percent") != (ub == "percent"):
        return False
    if ua in _CURRENCIES or ub in _CURRENCIES:
        return ua == ub or not ua or not ub
    return True


def _relation(source: Quantity, claim: Quantity) -> tuple[float, str] | None:
    """How well a source number supports reading the claim's number; None if unrelated."""
    if not _units_compatible(source, claim):
        return None
    value, target = source.value, claim.value
    if target == 0 or value == 0:
        return (EXACT, "same") if value == target else None
    if claim.value_max is not None and target <= value <= claim.value_max:
        return EXACT, "within the claim's range"
    ratio = abs(value - target) / abs(target)
    if ratio < 0.005:
        return EXACT, "same"
    if (claim.bound == "lower" and value >= target and ratio <= 0.5) or (
        claim.bound == "upper" and value <= target and ratio <= 0.5
    ):
        return BOUND, "within the claim's bound"
    if claim.bound in ("lower", "upper") and ratio <= 0.25:
        # on the wrong side of "over"/"under": related, and a reviewer must see it
        return NEAR, "below the claim's bound" if value < target else "above the claim's bound"
    if ratio <= 0.10:
        return CLOSE, "within 10%"
    if ratio <= 0.25:
        return NEAR, "within 25%"
    return None


def _number_matches(
    sentence: str, claim_numbers: list[Found], offset: int = 0
) -> list[tuple[float, NumberMatch]]:
    out: list[tuple[float, NumberMatch]] = []
    if not claim_numbers:
        return out
    for found in find_quantities(sentence):
        best: tuple[float, NumberMatch] | None = None
        for wanted in claim_numbers:
            rel = _relation(found.quantity, wanted.quantity)
            if rel is None:
                continue
            score, relation = rel
            if best is None or score > best[0]:
                best = (
                    score,
                    NumberMatch(
                        source=found.quantity.text,
                        claim=wanted.quantity.text,
                        start=found.start + offset,
                        end=found.end + offset,
                        relation=relation,
                    ),
                )
        if best is not None:
            out.append(best)
    out.sort(key=lambda pair: (-pair[0], pair[1].start))
    return out


def find_passages(claim: str, source_text: str, *, limit: int = 3) -> list[Passage]:
    """The `limit` sentences of `source_text` most relevant to `claim`, best first.

    Sentences sharing nothing with the claim are never returned, so a source that does
    not mention the claim's subject gives an empty list rather than noise.
    """
    if not claim.strip() or not source_text.strip() or limit <= 0:
        return []
    claim_numbers = find_quantities(claim)
    claim_entities = entities(claim)
    claim_words = key_words(claim)
    spans = split_sentences(source_text)
    sentence_words = [key_words(source_text[s:e]) for s, e in spans]
    df: Counter[str] = Counter()
    for words in sentence_words:
        df.update(words & claim_words)
    n = max(1, len(spans))
    idf = {w: math.log(1 + n / df[w]) for w in df}
    top_idf = sum(sorted(idf.values(), reverse=True)[:8]) or 1.0
    scored: list[Passage] = []
    for (start, end), words in zip(spans, sentence_words, strict=True):
        sentence = source_text[start:end]
        shared_words = sorted(words & claim_words, key=lambda w: (-idf.get(w, 0), w))
        numbers = _number_matches(sentence, claim_numbers)
        shared_entities = sorted(entities(sentence) & claim_entities, key=lambda e: (-len(e), e))
        # whole names only when counting: "hong kong" and its words are one entity
        names = [
            e
            for e in shared_entities
            if not any(e != o and e in o.split() for o in shared_entities)
        ]
        # a word already counted as part of a shared name does not count twice
        in_names = {w for name in names for w in name.split()}
        word_score = 3.0 * sum(idf[w] for w in shared_words if w not in in_names) / top_idf
        number_score = numbers[0][0] + 0.5 * (len(numbers) - 1) if numbers else 0.0
        score = number_score + ENTITY_WEIGHT * len(names) + word_score
        if score <= 0:
            continue
        scored.append(
            Passage(
                text=sentence,
                start=start,
                end=end,
                score=round(score, 4),
                numbers=[m for _, m in numbers],
                entities=names,
                words=shared_words,
            )
        )
    scored.sort(key=lambda p: (-p.score, p.start))
    return scored[:limit]
