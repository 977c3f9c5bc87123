"""The claim score blends the learned model with the kind prior, and explains both."""

from __future__ import annotations

from factcheck.segmenter.scoring import MODEL_WEIGHT, Candidate, rule_score, score


def _candidate(text: str, kind: str = "fact") -> Candidate:
    return Candidate(text=text, sentence=text, kind=kind)


def test_learned_model_separates_claims_the_rules_score_alike() -> None:
    checked = _candidate("Unemployment has fallen in every region of the country")
    chatter = _candidate("Thank you all so much and good evening to everyone here")
    assert rule_score(checked)[0] == rule_score(chatter)[0]
    assert score(checked)[0] > score(chatter)[0]


def test_score_is_the_documented_blend_and_stays_in_unit_interval() -> None:
    c = _candidate("The council spent 4.2 million pounds on roads in 2004", kind="quantity")
    prior, _ = rule_score(c)
    value, checkworthy, _ = score(c)
    assert 0.0 <= value <= 1.0
    # The model's share moves the score away from the prior by at most its weight.
    assert abs(value - prior) <= MODEL_WEIGHT
    assert checkworthy == (value >= 0.5)


def test_reasons_keep_rule_reasons_first_and_add_the_model_wording_once() -> None:
    c = _candidate("The city is home to over a million foreigners", kind="quantity")
    _, rule_reasons = rule_score(c)
    _, _, reasons = score(c)
    assert reasons[: len(rule_reasons)] == rule_reasons
    wording = [r for r in reasons if r.startswith("wording common in")]
    assert len(wording) <= 1
    assert len(reasons) == len(set(reasons))
