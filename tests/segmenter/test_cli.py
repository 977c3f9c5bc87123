import json
from pathlib import Path

from click.testing import CliRunner

from factcheck.cli import cli


def test_segment_json_shape(sample_article: Path) -> None:
    result = CliRunner().invoke(
        cli, ["segment", str(sample_article), "--published", "2018-05-14", "--json"]
    )
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert doc["article"]["published"] == "2018-05-14"
    claim = doc["claims"][0]
    assert set(claim) == {"text", "sentence", "start", "end", "kind", "score", "checkworthy",
                          "reasons", "quantities", "times", "speaker"}  # fmt: skip
    million = next(c for c in doc["claims"] if "over a million" in c["text"])
    assert million["quantities"][0]["value"] == 1_000_000
    assert million["times"][0]["years_before_publication"] == 2
    assert million["times"][0]["date"] == "2016-01-01"


def test_segment_listing(sample_article: Path) -> None:
    result = CliRunner().invoke(cli, ["segment", str(sample_article)])
    assert result.exit_code == 0
    assert "2,223 other tech-focused firms" in result.output
    # quantities and times as the review desk words them
    assert 'at least 1,000,000 foreigners ("over a million foreigners")' in result.output
    assert '"Just two years ago" →' in result.output


def test_eval_table(gold_dir: Path) -> None:
    result = CliRunner().invoke(cli, ["eval", str(gold_dir / "shenzhen-expats.gold.json")])
    assert result.exit_code == 0, result.output
    assert "shenzhen-expats" in result.output and "pooled" in result.output


def test_segment_refuses_empty_file(tmp_path: Path) -> None:
    from factcheck.cli.context import run_guarded

    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert run_guarded(cli, ["segment", str(empty)]) == 1


def test_eval_refuses_non_gold(tmp_path: Path) -> None:
    from factcheck.cli.context import run_guarded

    bad = tmp_path / "x.json"
    bad.write_text("{}", encoding="utf-8")
    assert run_guarded(cli, ["eval", str(bad)]) == 1
