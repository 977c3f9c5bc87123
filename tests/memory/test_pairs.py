"""Paraphrase matching on the hand-written pairs and non-pairs (no database)."""

from __future__ import annotations

from factcheck.memory import MATCH_THRESHOLD, features, same_claim, similarity
from tests.memory.pairs import NON_PAIRS, PAIRS


def precision_recall() -> tuple[float, float, int, int, int]:
    tp = sum(same_claim(features(a), features(b)) for a, b in PAIRS)
    fp = sum(same_claim(features(a), features(b)) for a, b in NON_PAIRS)
    fn = len(PAIRS) - tp
    return tp / max(tp + fp, 1), tp / len(PAIRS), tp, fp, fn


def test_enough_pairs_and_non_pairs_were_written() -> None:
    assert len(PAIRS) >= 20 and len(NON_PAIRS) >= 20


def test_precision_and_recall_at_least_0_8() -> None:
    precision, recall, *_ = precision_recall()
    assert precision >= 0.8
    assert recall >= 0.8


def test_the_issue_example_matches() -> None:
    a = features("home to over a million foreigners")
    b = features("more than one million foreigners live in Shenzhen")
    assert similarity(a, b) >= MATCH_THRESHOLD


def test_another_number_place_year_or_bound_is_another_claim() -> None:
    base = features("unemployment in Spain fell to 12% in 2023")
    for other in (
        "unemployment in Spain fell to 15% in 2023",
        "unemployment in Italy fell to 12% in 2023",
        "unemployment in Spain fell to 12% in 2019",
    ):
        assert not same_claim(base, features(other)), other
    assert not same_claim(features("over 500 doctors"), features("under 500 doctors"))


def test_similarity_is_symmetric_and_one_for_the_same_text() -> None:
    for a, b in PAIRS[:10] + NON_PAIRS[:10]:
        fa, fb = features(a), features(b)
        assert abs(similarity(fa, fb) - similarity(fb, fa)) < 1e-9
        assert similarity(fa, fa) == 1.0


def test_stored_quantities_are_used_when_given() -> None:
    # The stored JSON (what the segmenter read) wins over re-reading the text.
    stored = [{"value": 2000000.0, "bound": "lower", "unit": "foreigners"}]
    a = features("home to a great many foreigners", stored)
    assert same_claim(a, features("more than two million foreigners live there"))
