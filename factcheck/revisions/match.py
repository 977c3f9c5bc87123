"""Pairing the claims of an article's stored revision with the spans of its new text.

Pure: claim texts in, a plan out. Three passes, from surest to loosest:

1. `difflib.SequenceMatcher` over the two ordered lists of claim texts: its equal
   blocks are claims carried over in place.
2. Claims whose exact text is still there somewhere else (a moved paragraph).
3. Fuzzy pairs (character ratio >= FUZZY_RATIO) inside the same replaced block,
   that is at the same place between two carried-over claims; outside the block a
   pair needs the stricter FAR_RATIO, so that two unrelated sentences that happen
   to share words in different parts of the article are not taken for one claim.

Whatever is left of the old claims is withdrawn; whatever is left of the new spans
is added.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher

FUZZY_RATIO = 0.6
FAR_RATIO = 0.8


@dataclass(frozen=True)
class OldClaim:
    id: int
    text: str


@dataclass
class Plan:
    """Old claim ids paired with indexes into the new span list."""

    kept: list[tuple[int, int]] = field(default_factory=list)
    changed: list[tuple[int, int, float]] = field(default_factory=list)
    withdrawn: list[int] = field(default_factory=list)
    added: list[int] = field(default_factory=list)


def _norm(text: str) -> str:
    return " ".join(text.split())


def ratio(a: str, b: str) -> float:
    """Character similarity of two claim texts, ignoring whitespace differences."""
    return SequenceMatcher(None, _norm(a), _norm(b), autojunk=False).ratio()


def plan_revision(old: list[OldClaim], new_texts: list[str]) -> Plan:
    """Pair old claims (in article order) with new claim texts (in article order)."""
    old_keys = [_norm(c.text) for c in old]
    new_keys = [_norm(t) for t in new_texts]
    old_left: set[int] = set(range(len(old)))
    new_left: set[int] = set(range(len(new_texts)))
    plan = Plan()
    # Block number of every unmatched index: fuzzy pairs prefer the same block.
    old_block: dict[int, int] = {}
    new_block: dict[int, int] = {}

    matcher = SequenceMatcher(None, old_keys, new_keys, autojunk=False)
    for block, (tag, i1, i2, j1, j2) in enumerate(matcher.get_opcodes()):
        if tag == "equal":
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                plan.kept.append((old[i].id, j))
                old_left.discard(i)
                new_left.discard(j)
        else:
            old_block.update(dict.fromkeys(range(i1, i2), block))
            new_block.update(dict.fromkeys(range(j1, j2), block))

    # Moved claims: the same text elsewhere in the new revision.
    by_text: dict[str, list[int]] = {}
    for j in sorted(new_left):
        by_text.setdefault(new_keys[j], []).append(j)
    for i in sorted(old_left):
        spots = by_text.get(old_keys[i])
        if spots:
            j = spots.pop(0)
            plan.kept.append((old[i].id, j))
            old_left.discard(i)
            new_left.discard(j)

    # Reworded claims: best pairs first, each side used once.
    scored = []
    for i in old_left:
        for j in new_left:
            r = ratio(old_keys[i], new_keys[j])
            same_place = old_block.get(i) == new_block.get(j)
            if r >= (FUZZY_RATIO if same_place else FAR_RATIO):
                scored.append((same_place, r, -abs(i - j), i, j))
    for _, r, _, i, j in sorted(scored, reverse=True):
        if i in old_left and j in new_left:
            plan.changed.append((old[i].id, j, r))
            old_left.discard(i)
            new_left.discard(j)

    plan.withdrawn = [old[i].id for i in sorted(old_left)]
    plan.added = sorted(new_left)
    plan.kept.sort(key=lambda pair: pair[1])
    plan.changed.sort(key=lambda item: item[1])
    return plan
