"""How alike two claims are, from 0 to 1, and when that counts as the same claim.

Three parts, averaged with weights over the parts both claims have something for:

- numbers (0.45): each number of one claim looks for the same value (within 2%) in
  the other; a different unit or bound ("over" against "under") lowers its share.
- names (0.20): the share of each claim's capitalised names found among the other
  claim's words (so "Shenzhen" in one and "the Shenzhen government" in the other
  agree even when only one of them is capitalised as a name).
- words (0.35): Dice overlap of the stemmed, concept-folded content words.

Then two vetoes, because a claim about another number or another place is another
claim however many words it shares: numbers on both sides that do not agree,
proper names on both sides none of which the other mentions, countries on both
sides (named or as adjectives: "Danish") with none in common, or years on both
sides with none in common, cap the score below the match threshold. An adjective
alone does not veto a name: "the Chinese city" may well be "Shenzhen".
"""

from __future__ import annotations

from factcheck.memory.features import Features, Number

MATCH_THRESHOLD = 0.5
VETO_CAP = 0.35

_WEIGHTS = {"numbers": 0.45, "names": 0.20, "words": 0.35}


def _number_agreement(a: Number, b: Number) -> float:
    if not _same_value(a, b):
        return 0.0
    score = 1.0
    if a.unit and b.unit and a.unit != b.unit:
        score *= 0.4
    if a.bound != b.bound:
        score *= 0.4 if {a.bound, b.bound} == {"lower", "upper"} else 0.85
    return score


def _same_value(a: Number, b: Number) -> bool:
    return abs(a.value - b.value) <= 0.02 * max(abs(a.value), abs(b.value), 1e-9)


def _numbers(a: tuple[Number, ...], b: tuple[Number, ...]) -> tuple[float, bool]:
    """Agreement of two number lists, and whether they contradict each other.

    Different values, or the same value bounded from opposite sides ("over 500"
    against "under 500"), contradict; a different unit only lowers the agreement,
    since units are read loosely ("600 million Indians" against "600 million users").
    """
    forward = sum(max(_number_agreement(x, y) for y in b) for x in a) / len(a)
    backward = sum(max(_number_agreement(y, x) for x in a) for y in b) / len(b)
    shared = [(x, y) for x in a for y in b if _same_value(x, y)]
    values = (
        sum(any(_same_value(x, y) for y in b) for x in a) / len(a)
        + sum(any(_same_value(y, x) for x in a) for y in b) / len(b)
    ) / 2
    opposite = bool(shared) and all({x.bound, y.bound} == {"lower", "upper"} for x, y in shared)
    return (forward + backward) / 2, values < 0.5 or opposite


def _names(a: Features, b: Features) -> float:
    found = sum(1 for e in a.entities if _mentions(b, e)) + sum(
        1 for e in b.entities if _mentions(a, e)
    )
    return found / (len(a.entities) + len(b.entities))


def _mentions(f: Features, entity: str) -> bool:
    return entity in f.entities or entity in f.words


def _dice(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def similarity(a: Features, b: Features) -> float:
    """0 (unrelated) .. 1 (same numbers, names and words)."""
    parts: dict[str, float] = {"words": _dice(a.words, b.words)}
    vetoed = False
    if a.numbers and b.numbers:
        parts["numbers"], vetoed = _numbers(a.numbers, b.numbers)
    elif a.numbers or b.numbers:
        parts["numbers"] = 0.0
    if a.entities and b.entities:
        parts["names"] = _names(a, b)
        vetoed = vetoed or (parts["names"] == 0.0 and bool(a.proper_names and b.proper_names))
    if a.places and b.places and not a.places & b.places:
        vetoed = True
    if a.years and b.years and not a.years & b.years:
        vetoed = True
    total = sum(_WEIGHTS[k] for k in parts)
    score = sum(_WEIGHTS[k] * v for k, v in parts.items()) / total
    return min(score, VETO_CAP) if vetoed else score


def same_claim(a: Features, b: Features) -> bool:
    return similarity(a, b) >= MATCH_THRESHOLD
