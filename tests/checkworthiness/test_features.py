"""Features: tokens fold numbers, cues fire on what a fact-checker would notice."""

from __future__ import annotations

from factcheck.checkworthiness.features import (
    CUE_INDEX,
    CUE_NAMES,
    CUES,
    cues,
    describe,
    featurize,
    names,
    ngrams,
    tokens,
)


def fired(text: str) -> set[str]:
    values = cues(text, tokens(text))
    return {name for name, v in zip(CUE_NAMES, values, strict=True) if v and name != "log_length"}


def test_tokens_fold_numbers_and_years() -> None:
    toks = tokens("In 2010 we spent $3.5 billion, up 12% on the 1990s.")
    assert toks == [
        "in",
        "_year",
        "we",
        "spent",
        "$",
        "_num",
        "billion",
        "up",
        "_num",
        "%",
        "on",
        "the",
        "_year",
    ]


def test_curly_apostrophes_match_straight_ones() -> None:
    assert tokens("I don\u2019t") == tokens("I don't") == ["i", "don't"]


def test_ngrams_are_unigrams_then_bigrams() -> None:
    assert ngrams(["a", "b", "c"]) == ["a", "b", "c", "a b", "b c"]


def test_statistic_fires_quantity_cues() -> None:
    found = fired("Unemployment fell to 4.9% in 2016, and the deficit is $400 billion.")
    assert {"number", "percent", "money", "date", "trend", "number_word"} <= found


def test_opinion_and_hedge_cues() -> None:
    found = fired("I think maybe he believes that.")
    assert {"opinion", "hedge", "first_singular", "short"} <= found
    assert "number" not in found


def test_names_skip_the_first_word_and_the_pronoun_i() -> None:
    assert names("The Senate voted, and I told Hillary Clinton about NATO.") == [
        "Senate",
        "Hillary",
        "Clinton",
        "NATO",
    ]
    assert names("Thank you.") == []


def test_length_bins_are_exclusive() -> None:
    for n in (1, 5, 12, 30, 60):
        values = cues(" ".join(["word"] * n), ["word"] * n)
        bins = [values[CUE_INDEX[b]] for b in ("very_short", "short", "long", "very_long")]
        assert sum(bins) <= 1


def test_every_cue_has_a_description() -> None:
    for cue in CUES:
        assert cue.description and cue.name in CUE_INDEX


def test_describe_quotes_the_evidence() -> None:
    text = "We created 2,223 jobs, according to the Labor Department."
    assert describe("number", text) == "contains a number: 2,223"
    assert describe("attribution", text) == "attributes it to a source: 'according'"
    assert "Labor" in describe("name", text)
    assert describe("percent", "It rose 3.5 percent.") == "a percentage: 3.5 percent"


def test_featurize_is_deterministic() -> None:
    assert featurize("Taxes rose 5%.") == featurize("Taxes rose 5%.")
