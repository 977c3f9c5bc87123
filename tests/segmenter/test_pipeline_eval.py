import json
from datetime import date
from pathlib import Path

from factcheck.segmenter import evaluate_files, load_gold, parse_text, score_article, segment
from factcheck.segmenter.types import ClaimSpan


def test_sample_gold_targets(gold_dir: Path) -> None:
    """Issue 3 targets on the sample: every check-worthy claim found, precision >= 0.85,
    every quantity and time reference right."""
    (score,), _ = evaluate_files([gold_dir / "shenzhen-expats.gold.json"])
    assert score.recall_checkworthy == 1.0, score.missed
    assert score.precision >= 0.85, score.false_positives
    assert score.quantity_accuracy == 1.0
    assert score.time_accuracy == 1.0


def test_sample_claims_carry_quantities_times_and_speakers(sample_article: Path) -> None:
    from factcheck.segmenter import read_article

    claims = segment(read_article(sample_article))
    by_text = {c.text: c for c in claims}
    million = next(c for c in claims if "over a million foreigners" in c.text)
    assert [(q.value, q.bound, q.unit) for q in million.quantities] == [
        (1_000_000, "lower", "foreigners")
    ]
    assert [t.years_before_publication for t in million.times] == [2]
    assert million.times[0].date is None
    prediction = next(c for c in claims if "well positioned" in c.text)
    assert prediction.kind == "prediction" and prediction.speaker == "Laurent Le Pen"
    assert prediction.score < million.score and not prediction.checkworthy
    assert not any("Related Stories" in t for t in by_text)


def test_relative_times_resolve_with_publication_date(sample_article: Path) -> None:
    from factcheck.segmenter import read_article

    claims = segment(read_article(sample_article, published=date(2018, 5, 14)))
    arrived = next(c for c in claims if "eleven years ago" in c.text)
    assert [(t.date, t.years_before_publication) for t in arrived.times] == [("2007-01-01", 11)]


def test_all_gold_pooled_targets(gold_dir: Path, bbc_dir: Path) -> None:
    _, pooled = evaluate_files(sorted(gold_dir.glob("*.gold.json")))
    assert pooled.f1 >= 0.85
    assert pooled.average_precision >= 0.8


def test_blind_gold_does_not_regress(blind_gold_dir: Path, bbc_dir: Path) -> None:
    """The files annotated blind by other annotators (claims/README.md, rounds 14-35): no
    target of the issue, a floor under the figures measured at the end of session 7
    (F1 0.795, AP 0.628, quantities 94%, times 95%), so that a rule tuned on our own
    annotations cannot quietly cost articles like these."""
    _, pooled = evaluate_files(sorted(blind_gold_dir.glob("*.gold.json")))
    assert pooled.f1 >= 0.79
    assert pooled.average_precision >= 0.62
    assert pooled.quantity_right >= 0.9 * pooled.quantity_total
    assert pooled.time_right >= 0.92 * pooled.time_total


def _gold(tmp_path: Path, text: str, claims: list[dict], not_claims: list[str]) -> Path:
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    doc = {"format": "factcheck-gold/1", "article": {"path": "a.txt", "published": None},
           "claims": claims, "not_claims": not_claims}  # fmt: skip
    path = tmp_path / "a.gold.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def _span(article_text: str, text: str, score: float) -> ClaimSpan:
    start = article_text.index(text)
    return ClaimSpan(text, text, start, start + len(text), "fact", score, score >= 0.5)


def test_scoring_rules(tmp_path: Path) -> None:
    text = "Title\n\nThe firm holds 2,223 firms in the city. He likes tea. Related Stories:"
    path = _gold(tmp_path, text, [
        {"quote": "holds 2,223 firms", "kind": "quantity", "checkworthy": True,
         "quantity": {"value": 2223, "bound": "exact", "unit": "firms"}},
        {"quote": "He likes tea", "kind": "personal", "checkworthy": False},
    ], ["Related Stories:"])  # fmt: skip
    gold = load_gold(path)
    article = parse_text(text)
    preds = [
        _span(text, "He likes tea", 0.9),  # matches a non-check-worthy claim, ranked first
        _span(text, "holds 2,223 firms in the city", 0.8),  # 3 of 6 tokens shared: matches
        _span(text, "Related Stories", 0.7),  # touches not_claims: always wrong
    ]
    s = score_article(gold, article, preds)
    assert (s.matched_gold, s.matched_predictions, s.predicted) == (2, 2, 3)
    assert s.recall == 1.0 and s.recall_checkworthy == 1.0
    assert abs(s.precision - 2 / 3) < 1e-9
    assert abs(s.average_precision - 1 / 2) < 1e-9  # the check-worthy match is at rank 2
    assert s.quantity_accuracy == 0.0  # the prediction carries no quantity


def test_whole_sentence_does_not_match_a_short_quote(tmp_path: Path) -> None:
    text = ("Title\n\nIts business district is a hub for many companies and holds a total "
            "of 2,223 other tech-focused firms as well as three big laboratories.")  # fmt: skip
    path = _gold(tmp_path, text, [{"quote": "2,223 other tech-focused firms", "kind": "quantity",
                                   "checkworthy": True}], [])  # fmt: skip
    sentence = text.split("\n\n")[1]
    s = score_article(load_gold(path), parse_text(text), [_span(text, sentence, 0.9)])
    assert s.matched_gold == 0
