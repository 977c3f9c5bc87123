"""The learned check-worthiness model applied to a claim span inside its sentence.

A sentence typically yields two or three claims, and the model reads both the span and
its sentence. Tokenising every span again cost a third of the segmenter's time, so a
sentence is read once, keeping where each token sits, and a span takes the slice of
tokens that lies inside it: the span's n-grams and their weights come out of the
sentence's arrays by position. `tokens()` of the span gives the same list (the token
pattern is the one `checkworthiness.features` uses, numbers folded the same way; a test
checks they agree), so the score is the one the model would give the span on its own.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import compress, pairwise, repeat
from operator import itemgetter

from factcheck.checkworthiness.features import (
    CUE_NAMES,
    describe,
    fold_number,
    name_spans,
    names,
    tokens,
)
from factcheck.checkworthiness.model import Model, load_model, sigmoid
from factcheck.segmenter.wordlists import wordset

MODEL_REASONS = 2
# Model cues worth showing as a reason (numbers and names the rules already describe).
_MODEL_CUES = frozenset(
    {
        "hedge",
        "opinion",
        "first_singular",
        "first_plural",
        "second_person",
        "prediction",
        "prescriptive",
        "superlative",
        "record",
        "question",
    }
)
# `features.tokens` in one pass with offsets: a number (folded later) or a word token.
_TOKEN_AT = re.compile(r"(\d+(?:[.,]\d+)*(?:'?s\b)?)|[a-z_]+(?:'[a-z]+)?|[$%?!]")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'"})
# Words that carry weight in the model but mean nothing to a reader as a reason.
_FUNCTION_WORDS = wordset(
    "a an the in on of for to and or but is are was were be been has have had it its that "
    "this these those as at by from with than then there their they he she his her we our "
    "you i so not no do does did will would can could into over up about which who what"
)


@dataclass(frozen=True, slots=True)
class _Sentence:
    """A sentence as the model reads it, with token positions for slicing out spans."""

    toks: list[str]
    starts: list[int]
    ends: list[int]
    bigrams: list[str]  # bigrams[i] = toks[i] + " " + toks[i + 1]
    uni_weights: list[float]  # model weight of toks[i] (0.0 when unknown)
    bi_weights: list[float]  # model weight of bigrams[i]
    name_starts: list[int]  # where each capitalised name starts
    name_ends: list[int]
    logit: float


def learned_score(span: str, sentence: str, offset: int | None) -> tuple[float, list[str]]:
    """(probability, reasons) of the model for `span`, which starts at `offset` in `sentence`.

    The logit is the mean of the span's and the sentence's, so that two claims of one
    sentence rank apart while sharing its context.
    """
    model = load_model()
    read = _read(sentence)
    cut = _token_slice(read, sentence, span, offset)
    if read is None or cut is None:
        toks = tokens(span)
        weighted = _weigh(model, toks)
        z, fired = model.linear(sum(weighted.values()), toks, len(names(span)))
    else:
        i0, i1 = cut
        toks = read.toks[i0:i1]
        weighted = dict(zip(toks, read.uni_weights[i0:i1], strict=True))
        bigrams = read.bigrams[i0 : i1 - 1]
        weighted.update(zip(bigrams, read.bi_weights[i0 : i1 - 1], strict=True))
        # a name needs the two characters before it (a word and a space) inside the span
        lo = offset or 0
        hi = lo + len(span)
        n_names = bisect_left(read.name_starts, hi) - bisect_left(read.name_starts, lo + 2)
        z, fired = model.linear(sum(weighted.values()), toks, n_names)
    if span.strip() != sentence.strip():
        z = 0.5 * (z + (read.logit if read is not None else _logit(model, sentence)))
    p = sigmoid(z)
    return p, _reasons(model, p >= model.threshold, span, toks, fired, weighted)


def _reasons(
    model: Model,
    positive: bool,
    span: str,
    toks: list[str],
    fired: set[int],
    weighted: dict[str, float],
) -> list[str]:
    """Only what pushed the score the way it went.

    Numbers and names are already described by the rules in their own words; the model
    adds the wording it learnt from checked claims (one line) and stance cues such as
    hedges or opinion verbs.
    """
    reasons: list[str] = []
    for i, name in _cue_order(positive):
        if i in fired:
            reasons.append(describe(name, span, toks))
            if len(reasons) == MODEL_REASONS:
                break
    words: list[str] = []
    # strongest first among those pulling the right way; a stable sort keeps ties in order
    known = compress(weighted.items(), weighted.values())  # n-grams the model weighs
    for gram, weight in sorted(known, key=itemgetter(1), reverse=positive):
        if (weight <= 0) if positive else (weight >= 0):
            break
        shown = _shown_gram(gram)
        if shown is None:
            continue
        if not any(shown in w or w in shown for w in words):
            words.append(shown)
            if len(words) == 3:
                break
    if words:
        side = "checked claims" if positive else "talk that is not a claim"
        reasons.append(f"wording common in {side}: " + ", ".join(f"'{w}'" for w in words))
    return reasons


@lru_cache(maxsize=8192)
def _shown_gram(gram: str) -> str | None:
    """How a reason shows an n-gram; None for one made of function words only."""
    if set(gram.split()) <= _FUNCTION_WORDS:
        return None
    return gram.replace("_num", "<number>").replace("_year", "<year>")


@cache
def _cue_order(positive: bool) -> tuple[tuple[int, str], ...]:
    """The model cues worth a reason that pull the given way, strongest first."""
    weights = load_model().cue_weights
    sign = 1.0 if positive else -1.0
    chosen = [
        i for i, name in enumerate(CUE_NAMES) if name in _MODEL_CUES and weights[i] * sign > 0
    ]
    return tuple((i, CUE_NAMES[i]) for i in sorted(chosen, key=lambda i: -abs(weights[i])))


def _token_slice(
    read: _Sentence | None, sentence: str, span: str, offset: int | None
) -> tuple[int, int] | None:
    """The sentence's tokens that make up `span`, or None when they would not be
    exactly `tokens(span)`: a span not at its offset, or one cutting through a token
    ("It's" split after the apostrophe)."""
    if read is None or offset is None or sentence[offset : offset + len(span)] != span:
        return None
    lo, hi = offset, offset + len(span)
    i0, i1 = bisect_left(read.starts, lo), bisect_right(read.ends, hi)
    if (i0 > 0 and read.ends[i0 - 1] > lo) or (i1 < len(read.starts) and read.starts[i1] < hi):
        return None
    j = bisect_left(read.name_starts, hi)
    if j > 0 and read.name_ends[j - 1] > hi:
        return None  # "U.K." cut to "U.K" is no name in the span
    return i0, i1


def _logit(model: Model, text: str) -> float:
    toks = tokens(text)
    return model.linear(sum(_weigh(model, toks).values()), toks, len(names(text)))[0]


def _weigh(model: Model, toks: list[str]) -> dict[str, float]:
    """Each distinct uni- and bigram of `toks` with its weight (0.0 when unknown)."""
    get = model.gram_weights.get
    weighted = dict(zip(toks, map(get, toks, repeat(0.0)), strict=True))
    bigrams = list(map(" ".join, pairwise(toks)))
    weighted.update(zip(bigrams, map(get, bigrams, repeat(0.0)), strict=True))
    return weighted


@lru_cache(maxsize=256)
def _read(sentence: str) -> _Sentence | None:
    """Cached: the claims of one sentence are scored one after another."""
    low = sentence.lower()
    if len(low) != len(sentence):
        return None
    if "\u2019" in low or "\u2018" in low:
        low = low.translate(_APOSTROPHES)
    toks: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for m in _TOKEN_AT.finditer(low):
        number = m.group(1)
        toks.append(fold_number(number) if number else m.group())
        starts.append(m.start())
        ends.append(m.end())
    model = load_model()
    bigrams = list(map(" ".join, pairwise(toks)))
    uni = list(map(model.gram_weights.get, toks, repeat(0.0)))
    bi = list(map(model.gram_weights.get, bigrams, repeat(0.0)))
    weighted = dict(zip(toks, uni, strict=True))
    weighted.update(zip(bigrams, bi, strict=True))
    named = name_spans(sentence)
    z, _ = model.linear(sum(weighted.values()), toks, len(named))
    return _Sentence(
        toks, starts, ends, bigrams, uni, bi, [a for a, _ in named], [b for _, b in named], z
    )
