"""The shipped model: loads once, scores in [0, 1], ranks and explains clear cases."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from factcheck.checkworthiness import Scored, score, score_many, threshold
from factcheck.checkworthiness.model import WEIGHTS_PATH, Model, load_model, pack_grams
from factcheck.errors import FactcheckError

STATISTIC = "Unemployment fell from 10% to 4.9% while we created 2,223,000 jobs in 2016."
OPINION = "I believe we are a great country and I feel good about it."
GREETING = "Thank you very much, good evening."


def test_weights_file_is_small_and_well_formed() -> None:
    assert WEIGHTS_PATH.stat().st_size < 3 * 1024 * 1024
    data = json.loads(WEIGHTS_PATH.read_text())
    assert data["format"] == 2
    assert 0.0 < data["threshold"] < 1.0
    assert data["cues"]
    assert len(load_model().gram_weights) == data["n_grams"] > 1000


def test_model_loads_once() -> None:
    assert load_model() is load_model()


def test_scores_are_probabilities_and_consistent_with_batch() -> None:
    texts = [STATISTIC, OPINION, GREETING, ""]
    batch = score_many(texts)
    for text, s in zip(texts, batch, strict=True):
        single = score(text)
        assert isinstance(single, Scored)
        assert 0.0 <= single.score <= 1.0
        assert math.isclose(single.score, s)
        assert single.checkworthy == (single.score >= threshold())


def test_statistic_outranks_opinion_and_greeting() -> None:
    stat, opinion, greeting = score_many([STATISTIC, OPINION, GREETING])
    assert stat > opinion
    assert stat > greeting
    assert score(STATISTIC).checkworthy
    assert not score(GREETING).checkworthy
    assert not score(OPINION).checkworthy


def test_reasons_name_the_statistic() -> None:
    reasons = score(STATISTIC).reasons
    assert reasons
    assert any("number" in r or "percentage" in r for r in reasons)


def test_reasons_for_an_opinion_explain_the_low_score() -> None:
    reasons = score(OPINION).reasons
    assert any("opinion" in r or "'believe'" in r or "'feel'" in r for r in reasons), reasons


def test_span_moves_the_score_and_kind_is_reported() -> None:
    sentence = "I think it is sad, and unemployment fell to 4.9% last year."
    whole = score(sentence)
    claim = score(sentence, span="unemployment fell to 4.9% last year", kind="quantity")
    assert claim.score > whole.score
    assert claim.reasons[-1] == "kind of claim: quantity"
    assert score(sentence, span=sentence).score == pytest.approx(whole.score)


def test_missing_weights_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(FactcheckError, match="weights missing"):
        load_model(tmp_path / "nope.json")


def test_wrong_format_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "w.json"
    path.write_text(json.dumps({"format": 99}))
    with pytest.raises(FactcheckError, match="format"):
        load_model(path)


def hand_model(grams: dict[str, float], gram_norm: float = 0.0) -> Model:
    words, packed = pack_grams(grams)
    return Model.from_json(
        {
            "format": 2,
            "bias": -1.0,
            "threshold": 0.5,
            "cues": {"number": 2.0},
            "grams": words,
            "gram_weights": packed,
            "gram_norm": gram_norm,
        }
    )


def test_model_from_json_computes_the_logit_by_hand() -> None:
    model = hand_model({"jobs": 0.5, "_num jobs": 0.25})
    # bias + number cue + "jobs" (once: presence, not count) + "_num jobs";
    # log_length and the other cues weigh zero in this hand-made model.
    assert model.logit("5 jobs jobs") == pytest.approx(-1.0 + 2.0 + 0.5 + 0.25)


def test_packed_weights_round_trip() -> None:
    grams = {"tax": 0.125, "thank you": -1.5, "$ _num": 2.0}
    assert hand_model(grams).gram_weights == grams


def test_mismatched_weights_are_refused(tmp_path: Path) -> None:
    words, packed = pack_grams({"a": 1.0, "b": 2.0})
    path = tmp_path / "w.json"
    path.write_text(
        json.dumps(
            {
                "format": 2,
                "bias": 0,
                "threshold": 0.5,
                "cues": {},
                "grams": words + "\nc",
                "gram_weights": packed,
            }
        )
    )
    with pytest.raises(FactcheckError, match="differ in number"):
        load_model(path)


def test_shipped_model_ranks_checked_lines_of_a_clef_file_high(benchmarks: Path) -> None:
    """Sanity check that the shipped weights are a trained model, not placeholders."""
    from factcheck.checkworthiness.data import read_clef
    from factcheck.checkworthiness.train import mean_average_precision

    files = read_clef(benchmarks)
    per_file = [(score_many(f.texts), f.labels) for f in files]
    base_rate = sum(sum(f.labels) for f in files) / sum(len(f.labels) for f in files)
    assert mean_average_precision(per_file) > 5 * base_rate


def test_gram_norm_divides_the_ngram_part_by_a_power_of_their_number() -> None:
    model = hand_model({"jobs": 0.5, "_num jobs": 0.25}, gram_norm=0.5)
    # n-grams present: _num, jobs, "_num jobs", "jobs jobs" -> k = 4, scale 4**-0.5
    assert model.logit("5 jobs jobs") == pytest.approx(-1.0 + 2.0 + (0.5 + 0.25) / 2)


def test_fast_path_and_explained_path_agree_with_the_shipped_model() -> None:
    """`logit`, `parts_of_tokens` (the segmenter's path) and the reasons' pulls are one
    model: the pulls plus bias and length term add up to the logit."""
    from itertools import pairwise

    from factcheck.checkworthiness.features import I_LOG_LENGTH, log_length, names, tokens

    model = load_model()
    for text in (STATISTIC, OPINION, GREETING, "We voted for it in 2008, the law says so."):
        toks = tokens(text)
        z, *_ = model.parts_of_tokens(toks, list(map(" ".join, pairwise(toks))), len(names(text)))
        assert z == pytest.approx(model.logit(text), abs=1e-9)
        pulls = sum(p for p, _ in model.contributions(text))
        rest = model.bias + model.cue_weights[I_LOG_LENGTH] * log_length(toks)
        assert pulls + rest == pytest.approx(z, abs=1e-6)


def test_reasons_never_quote_function_words_alone() -> None:
    from factcheck.checkworthiness.features import FUNCTION_WORDS

    for text in ("There are more people in work than ever before.",
                 "They are the ones who did it and we were there."):  # fmt: skip
        for reason in score(text).reasons:
            if reason.startswith("wording common"):
                quoted = reason.split("'")[1]
                assert not set(quoted.split()) <= FUNCTION_WORDS, reason


def test_wording_reasons_share_one_line() -> None:
    reasons = score("Workers today are working longer hours for lower wages.").reasons
    wording = [r for r in reasons if r.startswith("wording common in checked claims")]
    assert len(wording) == 1
    assert wording[0].count("'") >= 4  # at least two words quoted on that line
