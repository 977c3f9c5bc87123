"""Check-worthiness of a claim: the learned model blended with the claim's kind.

The learned model (`factcheck.checkworthiness`, trained on debate sentences that
fact-checkers checked) reads the words of the span and its sentence; it cannot know
the kind the segmenter found, and news prose is not debate talk. So the score blends
the model's probability with a rule-based prior per kind (figures, comparisons and
causes are what fact-checkers spend time on; personal history, attributed opinion and
predictions are checkable but low value). Measured (pooled average precision, the
model retrained in session 2): on the 9 gold files the rules were written on, rules
alone 0.905, model alone 0.828, the blend 0.897; on the 7 files annotated later, 0.774,
0.734 and 0.785: the blend is what carries over to articles the rules were not made on.
Every nudge leaves a reason a reviewer can read.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import cache
from itertools import compress, pairwise, repeat
from typing import NamedTuple

from factcheck.checkworthiness.features import (
    CUE_NAMES,
    describe,
    evidence,
    fired_cues_counted,
    names,
    shown_gram,
    tokens,
)
from factcheck.checkworthiness.model import load_model
from factcheck.segmenter.types import Quantity, TimeRef
from factcheck.segmenter.wordlists import FIRST_PERSON, MONTH_NAMES, WEEKDAY_NAMES, wordset

THRESHOLD = 0.5
# A remark quoted in the speaker's own words ("It is about common decency") is what the
# speaker said, which is seldom what a fact-checker checks (blind-annotated articles:
# AP 0.654 with this nudge, 0.649 without; our own gold 0.810 and 0.808). A figure inside
# the quote keeps its weight.
QUOTE_PENALTY = 0.12
# An attributed fact without a figure (blind-annotated articles: AP 0.654 without this,
# 0.657 with it; our own 0.810 and 0.812; round 23 0.580 and 0.587).
ATTRIBUTED_FACT_PENALTY = 0.15
MODEL_WEIGHT = 0.4
# Predictions, opinions and personal history are checkable but low value (the gold's
# convention); the model cannot see the kind and rates "would grow by 4.3%" as highly as
# a reported figure, so for these kinds the rules carry more of the score.
LOW_VALUE_MODEL_WEIGHT = 0.2
_LOW_VALUE = frozenset({"prediction", "opinion", "personal"})
# "the party will ditch the battle bus": unattributed, a plan reported as news. The model
# learnt "will" from debates, where it marks a promise, so it weighs less here.
_PLAN = re.compile(r"\bwill\b")
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
_KIND_LABEL = {
    "comparison": "comparison",
    "causal": "causal link",
    "temporal": "schedule or date",
    "personal": "personal history",
    "opinion": "opinion",
    "prediction": "prediction",
}
_VAGUE_WORDS = (
    r"\b(?:some|starting to|started to|growing|yet to|novel|very|upbeat|welcomed|aimed at|"
    r"intended to|many of them|sort of|kind of)\b"
)
_VAGUE = re.compile(_VAGUE_WORDS, re.IGNORECASE)
_FIRST_PERSON = re.compile(rf"\b(?:{'|'.join(FIRST_PERSON)}|us)\b")
# The same on lower-cased text: case-blind matching costs sre twice as much.
_VAGUE_LOW = re.compile(_VAGUE_WORDS)
_ENTITY_BODY = r"(?<!^)(?<![.!?]\s)\b(?:[A-Z][a-z]+[A-Z]\w*|[A-Z]{2,}\w*|[A-Z][a-z'’\-]+)"
# The same matches, with the context checks moved after the first capital so that the
# scan skips straight to capitals (tests/segmenter/test_fast_paths.py checks they agree).
_ENTITY = re.compile(r"[A-Z](?<=(?<!^)(?<![.!?]\s)\b[A-Z])(?:[a-z]+[A-Z]\w*|[A-Z]+\w*|[a-z'’\-]+)")
_CALENDAR = frozenset(w.capitalize() for w in (*MONTH_NAMES, *WEEKDAY_NAMES))
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
    offset: int | None = None  # where `text` starts in `sentence`, when the caller knows
    quoted: bool = False  # the speaker's own words, inside quotation marks


def entities(text: str) -> list[str]:
    """Capitalised names inside a span (not its first word, not nationality adjectives)."""
    # no match starts at 0: the pattern's `(?<!^)` already skips the first word
    return [word for word in _ENTITY.findall(text) if word not in _NATIONALITY]


def _names_read(text: str) -> tuple[int, list[str]]:
    """The names in `text` (entities(text) without months, weekdays and the letters of a
    currency sign: "December", "HK$327m"), and how many, as a reader writes them: adjacent
    words joined ("Rafael Benitez", not "Rafael, Benitez"), without a possessive
    ("Berbatov")."""
    runs: list[str] = []
    count = 0
    end = -1
    for m in _ENTITY.finditer(text):
        word = m.group(0)
        if word in _NATIONALITY or word in _CALENDAR or text.startswith("$", m.end()):
            end = -1
            continue
        count += 1
        if m.start() == end + 1 and text[end] == " " and runs:
            runs[-1] += " " + word
        else:
            runs.append(word)
        end = m.end()
    return count, list(dict.fromkeys(_without_possessive(run) for run in runs))


def _without_possessive(name: str) -> str:
    return name[:-2] if name.endswith(("'s", "’s")) else name


def _vague(text: str) -> str | None:
    """The first vague word or phrase in `text`, as written."""
    low = text.lower()
    if len(low) != len(text) or "ı" in low or "ſ" in low:
        # letters whose lower case is longer, or that match ASCII only when case-blind
        m = _VAGUE.search(text)
        return m.group(0) if m else None
    m = _VAGUE_LOW.search(low)
    return text[m.start() : m.end()] if m else None


def _describe(q: Quantity) -> str:
    if q.unit == "percent":
        return f"contains a percentage: {q.text}"
    if q.unit and len(q.unit) == 3 and q.unit.isupper():
        return f"contains an amount of money: {q.text}"
    if q.unit in _MEASURES or (q.unit or "").startswith(("square ", "cubic ")):
        return f"contains a measurement: {q.text}"
    return f"contains a count: {q.text}"


# Units that measure rather than count ("3:48.82" is 228.82 seconds, "1500m" metres)
_MEASURES = wordset(
    "seconds minutes hours m km cm mm kg g ft mph metres meters miles feet yards inches "
    "tonnes tons litres GB MB TB"
)


def score(candidate: Candidate) -> tuple[float, bool, list[str]]:
    """(score in [0, 1], check-worthy, reasons) for one candidate claim."""
    prior, reasons = rule_score(candidate)
    learned, learned_reasons = _model_score(candidate)
    weight = model_weight(candidate)
    value = weight * learned + (1.0 - weight) * prior
    for reason in learned_reasons:
        if reason not in reasons:
            reasons.append(reason)
    return value, value >= THRESHOLD, reasons


def model_weight(c: Candidate) -> float:
    """How much of a claim's score the learned model gives (the rules give the rest)."""
    if c.kind in _LOW_VALUE or (c.kind == "fact" and not c.speaker and _PLAN.search(c.text)):
        return LOW_VALUE_MODEL_WEIGHT
    return MODEL_WEIGHT


def _model_score(c: Candidate) -> tuple[float, list[str]]:
    """The learned model on the span and its sentence, with its strongest reasons."""
    model = load_model()
    if c.text.strip() == c.sentence.strip():
        toks = tokens(c.text)
        bigrams = list(map(" ".join, pairwise(toks)))
        z, grams, weights, fired = model.parts_of_tokens(toks, bigrams, len(names(c.text)))
    else:
        sentence = _sentence(c.sentence)
        cut = _token_range(c, sentence)
        if cut is None:
            toks = tokens(c.text)
            bigrams = list(map(" ".join, pairwise(toks)))
            z_span, grams, weights, fired = model.parts_of_tokens(toks, bigrams, len(names(c.text)))
        else:
            # the span's n-grams, weights and all, are a slice of its sentence's
            toks, grams, weights = sentence.grams(*cut)
            n_names = len(names(c.text))
            if n_names == sentence.n_names and len(toks) == len(sentence.toks):
                fired, z_span = sentence.fired, sentence.logit  # the very same sum
            else:
                fired = fired_cues_counted(toks, n_names)
                z_span = model.logit_of_parts(weights, toks, fired)
        z = 0.5 * (z_span + sentence.logit)
    p = _sigmoid(z)
    # Only what pushed the score the way it went. Numbers and names are already
    # described by the rules in their own words; the model adds the wording it learnt
    # from checked claims (one line) and stance cues such as hedges or opinion verbs.
    positive = p >= model.threshold
    reasons: list[str] = []
    for i, name in _cue_order(positive):
        if i in fired:
            shown = evidence(name, c.text, toks)
            if shown.upper() in c.text and _acronym_only(shown, c.text):
                continue
            reasons.append(describe(name, c.text, toks, shown))
            if len(reasons) == MODEL_REASONS:
                break
    words = _shown_words(grams, weights, positive)
    if words:
        side = "checked claims" if positive else "talk that is not a claim"
        reasons.append(f"wording common in {side}: " + ", ".join(f"'{w}'" for w in words))
    return p, reasons


def _acronym_only(word: str, text: str) -> bool:
    """Whether a cue word is written only in capitals in `text`: "us" read from "shipped to
    the US" names the country, and a reason saying the claim speaks for a group would
    mislead (the model reads lower-cased words, so its score is left as it is)."""
    if len(word) < 2 or not word.isalpha():
        return False
    written = re.findall(rf"\b{re.escape(word)}\b", text, re.IGNORECASE)
    return bool(written) and all(w.isupper() for w in written)


def _shown_words(grams: list[str], weights: list[float], positive: bool) -> list[str]:
    """Up to three n-grams that pull the score the way it went, strongest first.

    A stable sort keeps ties in the span's order. Only the n-grams pulling the right way
    are sorted, as indices (filtered in C, no pairs built); n-grams of function words
    only are skipped, and one that overlaps a word already shown adds nothing.
    """
    right_way = map(_ZERO.__lt__ if positive else _ZERO.__gt__, weights)
    ranked = list(compress(range(len(weights)), right_way))  # indices, in span order
    ranked.sort(key=weights.__getitem__, reverse=positive)
    words: list[str] = []
    shown_of = _SHOWN
    for i in ranked:
        gram = grams[i]
        shown = shown_of.get(gram, "")  # no n-gram is shown as "": it marks one not seen
        if shown == "":
            shown = shown_of[gram] = shown_gram(gram)
        if shown is None:
            continue
        for w in words:
            if shown in w or w in shown:
                break
        else:
            words.append(shown)
            if len(words) == 3:
                break
    return words


_ZERO = 0.0
# How each n-gram the model weighs is shown in a reason (None: function words only).
# Only n-grams with a weight reach it, so it holds at most the model's vocabulary.
_SHOWN: dict[str, str | None] = {}


@cache
def _cue_order(positive: bool) -> tuple[tuple[int, str], ...]:
    """The model cues worth a reason that pull the given way, strongest first."""
    weights = load_model().cue_weights
    sign = 1.0 if positive else -1.0
    chosen = [
        i for i, name in enumerate(CUE_NAMES) if name in _MODEL_CUES and weights[i] * sign > 0
    ]
    return tuple((i, CUE_NAMES[i]) for i in sorted(chosen, key=lambda i: -abs(weights[i])))


class _Sentence(NamedTuple):
    """A sentence as the model reads it, shared by the claims carved from it.

    A named tuple, since one is built per sentence (a frozen dataclass costs a call per
    field). It keeps its tokens and bigrams in order and the weight of each distinct one
    (0.0 for those the model does not know), so that a claim cut out of it finds its
    distinct n-grams by slicing and their weights in these small tables, with no
    lookups in the model's tens of thousands of n-grams (which miss the CPU cache).
    """

    text: str
    toks: list[str]
    bigrams: list[str]
    unigram_weights: dict[str, float]  # in the order of first occurrence
    bigram_weights: dict[str, float]
    # lower() maps each character to one character, so that an offset into `text` is
    # one into the lower-cased text that `tokens` reads
    sliceable: bool
    logit: float
    # what the logit was made of: a claim with the same tokens and as many names (the
    # sentence without its full stop) has the same logit
    n_names: int
    fired: set[int]
    weights: list[float]  # of its distinct n-grams, in the order of `grams(0, len(toks))`

    def grams(self, start: int, end: int) -> tuple[list[str], list[str], list[float]]:
        """Tokens start..end-1: (tokens, distinct n-grams, their weights), the n-grams in
        the order `Model.parts_of_tokens` gives them (unigrams, then bigrams, each at its
        first occurrence)."""
        if start == 0 and end == len(self.toks):
            return self.toks, [*self.unigram_weights, *self.bigram_weights], self.weights
        toks = self.toks[start:end]
        unigrams = dict.fromkeys(toks)
        bigrams = dict.fromkeys(self.bigrams[start : max(start, end - 1)])
        weights = [
            *map(self.unigram_weights.__getitem__, unigrams),
            *map(self.bigram_weights.__getitem__, bigrams),
        ]
        return toks, [*unigrams, *bigrams], weights


@cache
def _gram_tables() -> tuple[dict[str, float], dict[str, float]]:
    """The model's unigram and bigram weights as two tables, built on first use (3 ms).

    Most n-grams looked up are unknown bigrams, and a miss walks the table's index (and
    the keys it hits). The whole table's index is 65,536 slots of 4 bytes; the bigram
    table's 32,768 of 2 bytes and the unigram table's 8,192: they stay in the CPU cache
    between sentences, which the whole one does not. Measured in the pipeline: scoring
    6% faster, output identical.
    """
    weights = load_model().gram_weights
    unigrams = {g: w for g, w in weights.items() if " " not in g}
    bigrams = {g: w for g, w in weights.items() if " " in g}
    return unigrams, bigrams


_LAST: list[_Sentence] = []


def _sentence(sentence: str) -> _Sentence:
    """The sentence read by the model; the last one is kept, since the pipeline scores
    the claims of one sentence one after the other."""
    last = _LAST[-1] if _LAST else None  # one read: safe if another thread replaces it
    if last is not None and last.text == sentence:
        return last
    model = load_model()
    toks = tokens(sentence)
    bigrams = list(map(" ".join, pairwise(toks)))
    known_unigrams, known_bigrams = _gram_tables()
    # a repeated n-gram keeps its first place (and has one weight)
    unigram_weights = dict(zip(toks, map(known_unigrams.get, toks, repeat(0.0)), strict=True))
    bigram_weights = dict(zip(bigrams, map(known_bigrams.get, bigrams, repeat(0.0)), strict=True))
    weights = [*unigram_weights.values(), *bigram_weights.values()]
    n_names = len(names(sentence))
    fired = fired_cues_counted(toks, n_names)
    read = _Sentence(
        sentence, toks, bigrams, unigram_weights, bigram_weights,
        sentence.isascii() or len(sentence.lower()) == len(sentence),
        model.logit_of_parts(weights, toks, fired), n_names, fired, weights,
    )  # fmt: skip
    _LAST[:] = [read]
    return read


# Offsets that a token can run across ("abc|def", "don|'t", "2,|223", "3|.5"), or where
# what follows decides how the token before ends (the `\b` after a number's "s"): a cut
# there is not clean. Tokens hold no other characters, and `$%?!` stand alone.
_UNCLEAN = re.compile(r"(?<=[\w'’‘])(?=[\w'’‘])|(?<=\d)(?=[.,]\d)|(?<=\d[.,])(?=\d)")


def _clean_cut(text: str, i: int) -> bool:
    """No token of `tokens(text)` runs across offset i, nor ends where it does because of
    what follows i: the tokens of text[:i] and text[i:] are those of text, split."""
    return _UNCLEAN.match(text, i) is None


# A character that is, or lower-cases to, part of a token; text without one has none
# (the rest of a claim's sentence is often only "." or '," he said.').
_TOKEN_CHAR = re.compile(r"[\w$%?!]")


def _count_tokens(text: str) -> int:
    """len(tokens(text)), without tokenising text that cannot hold a token."""
    return len(tokens(text)) if _TOKEN_CHAR.search(text) else 0


def _token_range(c: Candidate, sentence: _Sentence) -> tuple[int, int] | None:
    """Which of its sentence's tokens are the span's, when its edges are clean cuts.

    The tokens of the text before and after the span (short strings, cheap to tokenise)
    are counted off; None when the span must be tokenised itself.
    tests/segmenter/test_scoring_fast_tokens.py checks that the two agree.
    """
    lo = c.offset
    text = c.text
    if lo is None or not sentence.sliceable:
        return None
    whole = sentence.text
    hi = lo + len(text)
    if not (whole.startswith(text, lo) and _clean_cut(whole, lo) and _clean_cut(whole, hi)):
        return None
    n = len(sentence.toks)
    return (
        _count_tokens(whole[:lo]) if lo else 0,
        n - _count_tokens(whole[hi:]) if hi < len(whole) else n,
    )


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def rule_score(candidate: Candidate) -> tuple[float, list[str]]:
    """The kind prior nudged by what the span holds, with a reason for each nudge."""
    c = candidate
    value = _PRIOR.get(c.kind, 0.5)
    reasons: list[str] = []
    if c.kind == "fact":
        reasons.append("factual statement")
    elif (label := _KIND_LABEL.get(c.kind)) is not None:
        reasons.append(f"{label}: '{c.cue}'" if c.cue else label)
    counts = [q for q in c.quantities if not (q.unit in ("years", "months") and q.value < 100)]
    if counts:
        value += 0.12 if c.kind in ("quantity", "comparison", "causal", "fact") else 0.04
        reasons.extend(_describe(q) for q in counts[:2])
    elif c.kind == "quantity" and c.cue:
        reasons.append(f"vague quantity: '{c.cue}'")
    n_names, shown = _names_read(c.text)
    if n_names:
        value += 0.05 if n_names == 1 else 0.08
        reasons.append("names " + ", ".join(shown[:3]))
    dated = [t for t in c.times if t.date or t.years_before_publication is not None]
    if dated:
        value += 0.03
        reasons.append(f"dated: '{dated[0].expression}'")
    if c.speaker and c.kind in ("opinion", "prediction"):
        value -= 0.04
        reasons.append(f"attributed {c.kind}: '{c.speaker} {c.speaker_verb or 'says'}'")
    elif c.speaker:
        reasons.append(f"attributed to {c.speaker}")
        if not counts and c.kind == "fact":
            # "Police said the man had been released": what someone says happened, which
            # the blind annotators marked check-worthy only a third of the time
            value -= ATTRIBUTED_FACT_PENALTY
            reasons.append("reported by the speaker, without a figure")
        if not counts and (me := _FIRST_PERSON.search(c.text)) is not None:
            # "We got a computer", "I've dealt with this": the speaker's own account, which
            # only the speaker can confirm; "we cut crime by 30%" keeps its figure's weight
            value -= 0.1
            reasons.append(f"the speaker's own account: '{me.group(0)}'")
    if c.quoted and not counts:
        value -= QUOTE_PENALTY
        reasons.append("a remark in the speaker's own words")
    if not counts and (vague := _vague(c.text)) is not None:
        value -= 0.1
        reasons.append(f"vague wording: '{vague}'")
    if len(c.text) < 25 and not counts:
        value -= 0.05
        reasons.append("short")
    return min(1.0, max(0.0, value)), reasons
