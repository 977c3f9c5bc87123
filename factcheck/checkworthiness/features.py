"""Features of a sentence that mean something to a fact-checker.

Two kinds of features feed one linear model:

* cues (a few dozen): does the sentence carry a number, a percentage, money, a year,
  a comparison, a named organisation or person, an opinion verb, a hedge, ... Each has a
  plain-English description so that the model's reasons read like an editor's note.
* word uni- and bi-grams over a normalised token stream (numbers become `_num`, years
  `_year`), looked up in the model's vocabulary.

Everything here is plain `re` and set operations so that scoring stays in the tens of
microseconds per sentence: a cue is a set intersection over the sentence's tokens, not
its own regular expression.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from dataclasses import dataclass

# --- tokenisation -----------------------------------------------------------------

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'"})
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*(?:'?s\b)?")
_IS_YEAR = re.compile(r"(?:1[6-9]|20)\d\d(?:'?s)?")
_TOKEN = re.compile(r"[a-z_]+(?:'[a-z]+)?|[$%?!]")
# Names: a capitalised word or acronym that follows a word, comma or similar, i.e. not
# the first word of the sentence (which is capitalised anyway).
# The lookbehind sits after the first capital so that the scan skips to capitals fast.
_NAME = re.compile(r"[A-Z](?<=[\w,;:)\-] [A-Z])(?:[a-z]+(?:[-'][A-Za-z]+)*|[A-Z]+|\.(?:[A-Z]\.)+)")
_NOT_NAMES = frozenset({"OK", "Okay", "Yes", "No", "Oh", "Well", "So", "And", "But", "The"})
_DIGITS_SHOWN = re.compile(r"[$£€]?\d+(?:[.,]\d+)*(?:\s?(?:%|percent|per cent))?")
_YEAR_SHOWN = re.compile(r"\b(?:1[6-9]|20)\d\d(?:'?s)?\b")


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens with numbers folded to `_num` and years to `_year`.

    Folding numbers lets "$3 billion" and "$40 billion" share evidence; keeping
    `$`, `%`, `?` and `!` as tokens lets bigrams such as "$ _num" or "_num %" carry
    money and percentages.
    """
    low = text.lower()
    if "\u2019" in low or "\u2018" in low:
        low = low.translate(_APOSTROPHES)
    return _TOKEN.findall(_NUMBER.sub(_fold_number, low))


def _fold_number(match: re.Match[str]) -> str:
    return " _year " if _IS_YEAR.fullmatch(match.group()) else " _num "


def ngrams(toks: list[str]) -> list[str]:
    """Unigrams plus bigrams (joined with a space): the words a model may weigh."""
    return toks + list(map(" ".join, itertools.pairwise(toks)))


# --- cue lexicons -----------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that carry weight in the model but mean nothing to a reader as a reason.
FUNCTION_WORDS = _words(
    "a an the in on of for to and or but is are was were be been has have had it its that "
    "this these those as at by from with than then there their they he she his her we our "
    "you i so not no do does did will would can could into over up about which who what"
)


@functools.lru_cache(maxsize=8192)
def shown_gram(gram: str) -> str | None:
    """How a reason shows an n-gram ("<number> %"); None for function words only ("are")."""
    if set(gram.split()) <= FUNCTION_WORDS:
        return None
    return gram.replace("_num", "<number>").replace("_year", "<year>")


NUMBER_WORDS = _words(
    "million millions billion billions trillion trillions thousand thousands hundred "
    "hundreds dozen dozens half third quarter twice double doubled triple tripled "
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty "
    "thirty forty fifty sixty seventy eighty ninety"
)
PERCENT_WORDS = _words("% percent percentage")
MONEY_WORDS = _words("$ dollar dollars cents budget deficit debt taxes tax spending spent cost")
DATE_WORDS = _words(
    "_year january february march april june july august september october "
    "november december monday tuesday wednesday thursday friday saturday sunday "
    "yesterday decade decades ago since century"
)
COMPARATIVE_WORDS = _words(
    "than more less fewer higher lower larger smaller bigger greater better worse "
    "faster slower cheaper increase increased increases decrease decreased compared"
)
SUPERLATIVE_WORDS = _words(
    "most least largest biggest highest lowest smallest greatest best worst fastest "
    "record ever first only never-before"
)
TREND_WORDS = _words(
    "rose risen rising fell fallen falling grew grown growing dropped drop declined decline "
    "doubled tripled cut cuts raised lost gained created jobs unemployment rate"
)
CAUSAL_WORDS = _words(
    "because caused causes cause result resulted due therefore led consequence thanks responsible"
)
HEDGE_WORDS = _words(
    "maybe perhaps probably possibly may might could seems seem apparently likely "
    "somewhat guess suppose sort kind"
)
OPINION_WORDS = _words(
    "think thinks believe believes believed feel feels felt hope hopes wish "
    "love hate want wants wanted agree disagree opinion frankly honestly "
    "great terrible wonderful horrible beautiful disaster amazing"
)
FIRST_SINGULAR = _words("i i'm i've i'd i'll me my myself mine")
FIRST_PLURAL = _words("we we're we've we'll we'd our ours us ourselves")
SECOND_PERSON = _words("you you're you've your yours yourself")
PREDICTION_WORDS = _words("will going gonna would shall future plan plans promise tomorrow")
ATTRIBUTION_WORDS = _words(
    "said says say according reported report reports study studies survey poll polls "
    "told data statistics estimates"
)
PRESCRIPTIVE_WORDS = _words("should must need needs ought let's let")
COURTESY_WORDS = _words(
    "thank thanks hello welcome applause laughter crosstalk congratulations "
    "pleasure appreciate goodnight evening morning"
)
NEGATION_WORDS = _words("not no never n't nothing nobody none don't doesn't didn't isn't wasn't")
RECORD_WORDS = _words(
    "voted vote votes law laws bill bills passed signed legislation senate congress "
    "supported opposed act"
)


# --- the cue table ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Cue:
    """One interpretable feature: a name for the weights file and words for reasons."""

    name: str
    description: str  # "{}" is replaced by the evidence, e.g. the number itself
    lexicon: frozenset[str] = frozenset()


CUES: tuple[Cue, ...] = (
    Cue("number", "contains a number: {}", frozenset({"_num"})),
    Cue("number_word", "a quantity in words: '{}'", NUMBER_WORDS),
    Cue("percent", "a percentage: {}", PERCENT_WORDS),
    Cue("money", "money or the budget: {}", MONEY_WORDS),
    Cue("date", "a date or year: {}", DATE_WORDS),
    Cue("comparative", "a comparison: '{}'", COMPARATIVE_WORDS),
    Cue("superlative", "a superlative: '{}'", SUPERLATIVE_WORDS),
    Cue("trend", "a rise, fall or change: '{}'", TREND_WORDS),
    Cue("causal", "says what caused what: '{}'", CAUSAL_WORDS),
    Cue("record", "a voting record or law: '{}'", RECORD_WORDS),
    Cue("attribution", "attributes it to a source: '{}'", ATTRIBUTION_WORDS),
    Cue("name", "names an organisation, place or person: {}"),
    Cue("names_many", "names several organisations, places or people: {}"),
    Cue("hedge", "hedged wording: '{}'", HEDGE_WORDS),
    Cue("opinion", "opinion or feeling: '{}'", OPINION_WORDS),
    Cue("first_singular", "the speaker talks about themselves: '{}'", FIRST_SINGULAR),
    Cue("first_plural", "speaks for a group ('we'): '{}'", FIRST_PLURAL),
    Cue("second_person", "addresses the listener: '{}'", SECOND_PERSON),
    Cue("prediction", "a prediction or promise: '{}'", PREDICTION_WORDS),
    Cue("prescriptive", "says what should happen: '{}'", PRESCRIPTIVE_WORDS),
    Cue("negation", "a negation: '{}'", NEGATION_WORDS),
    Cue("courtesy", "courtesy or stage direction: '{}'", COURTESY_WORDS),
    Cue("question", "a question", frozenset({"?"})),
    Cue("exclamation", "an exclamation", frozenset({"!"})),
    Cue("very_short", "very short ({} words)"),
    Cue("short", "short ({} words)"),
    Cue("long", "long ({} words)"),
    Cue("very_long", "very long ({} words)"),
    Cue("log_length", "length ({} words)"),
)
CUE_NAMES: tuple[str, ...] = tuple(c.name for c in CUES)
CUE_INDEX: dict[str, int] = {name: i for i, name in enumerate(CUE_NAMES)}
# Word -> the cues it triggers: one set intersection per sentence finds every cue word.
_CUES_OF_WORD: dict[str, tuple[int, ...]] = {}
for _i, _cue in enumerate(CUES):
    for _word in _cue.lexicon:
        _CUES_OF_WORD[_word] = (*_CUES_OF_WORD.get(_word, ()), _i)
_CUE_WORDS = frozenset(_CUES_OF_WORD)
_I_NAME = CUE_INDEX["name"]
_I_NAMES_MANY = CUE_INDEX["names_many"]
_I_LENGTH = CUE_INDEX["very_short"]  # very_short, short, long, very_long
I_LOG_LENGTH = CUE_INDEX["log_length"]


def names(text: str) -> list[str]:
    """Capitalised words that are not the first word: organisations, places, people."""
    return [m for m in _NAME.findall(text) if m not in _NOT_NAMES]


def fired_cues(text: str, toks: list[str]) -> set[int]:
    """Indices (into `CUES`) of the binary cues present: the scoring fast path."""
    return fired_cues_counted(toks, len(names(text)))


def fired_cues_counted(toks: list[str], found: int) -> set[int]:
    """`fired_cues` when the number of names is already known."""
    fired: set[int] = set()
    for word in _CUE_WORDS.intersection(toks):
        fired.update(_CUES_OF_WORD[word])
    if found:
        fired.add(_I_NAME)
        if found >= 3:
            fired.add(_I_NAMES_MANY)
    n = len(toks)
    if n <= 4:
        fired.add(_I_LENGTH)
    elif n <= 9:
        fired.add(_I_LENGTH + 1)
    elif n >= 45:
        fired.add(_I_LENGTH + 3)
    elif n >= 25:
        fired.add(_I_LENGTH + 2)
    return fired


def log_length(toks: list[str]) -> float:
    """The one continuous cue: longer sentences carry more checkable content."""
    return math.log1p(len(toks))


def cues(text: str, toks: list[str]) -> list[float]:
    """The cue vector of a sentence, in the order of `CUES`."""
    values = [0.0] * len(CUES)
    for i in fired_cues(text, toks):
        values[i] = 1.0
    values[I_LOG_LENGTH] = log_length(toks)
    return values


def featurize(text: str) -> tuple[list[float], list[str]]:
    """Cue vector and n-grams of one sentence: everything the model reads."""
    toks = tokens(text)
    return cues(text, toks), ngrams(toks)


# --- evidence for reasons ---------------------------------------------------------


def _first_word(toks: list[str], lexicon: frozenset[str]) -> str:
    return next(filter(lexicon.__contains__, toks), "")


def _shown_number(text: str) -> str:
    for m in _DIGITS_SHOWN.finditer(text):
        if not _YEAR_SHOWN.fullmatch(m.group()):
            return m.group()
    return ""


def _shown_percent(text: str, toks: list[str]) -> str:
    for m in _DIGITS_SHOWN.finditer(text):
        if m.group().endswith(("%", "percent", "per cent")):
            return m.group()
    return f"'{_first_word(toks, PERCENT_WORDS)}'"


def _shown_money(text: str, toks: list[str]) -> str:
    for m in _DIGITS_SHOWN.finditer(text):
        if m.group()[0] in "$£€":
            return m.group()
    return f"'{_first_word(toks, MONEY_WORDS)}'"


def _shown_date(text: str, toks: list[str]) -> str:
    m = _YEAR_SHOWN.search(text)
    return m.group() if m else f"'{_first_word(toks, DATE_WORDS)}'"


def evidence(cue: str, text: str, toks: list[str] | None = None) -> str:
    """The words in `text` that triggered `cue`, phrased for a reason line.

    `toks` is `tokens(text)` when the caller has it already.
    """
    if toks is None:
        toks = tokens(text)
    # a chain of tests, not a table of closures: reasons are built once per claim
    if cue == "number":
        return _shown_number(text)
    if cue == "percent":
        return _shown_percent(text, toks)
    if cue == "money":
        return _shown_money(text, toks)
    if cue == "date":
        return _shown_date(text, toks)
    if cue in ("name", "names_many"):
        return ", ".join(dict.fromkeys(names(text)).keys())
    if cue in _LENGTH_CUES:
        return str(len(toks))
    return _first_word(toks, CUES[CUE_INDEX[cue]].lexicon)


_LENGTH_CUES = frozenset({"very_short", "short", "long", "very_long", "log_length"})


def describe(cue: str, text: str, toks: list[str] | None = None, shown: str | None = None) -> str:
    """A plain-English reason for `cue` in `text`, e.g. "contains a number: 2,223";
    `shown` is `evidence(cue, text, toks)` when the caller has read it already."""
    template = CUES[CUE_INDEX[cue]].description
    if "{}" not in template:
        return template
    return template.format(evidence(cue, text, toks) if shown is None else shown)
