"""`factcheck rank`: text and TSV input, JSON in input order, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.cli import cli
from factcheck.cli.context import run_guarded

LINES = [
    "Good evening and welcome.",
    "Unemployment fell from 10% to 4.9% and we created 2,223,000 jobs in 2016.",
    "",
    "I believe we can do better.",
    "Thank you.",
]


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = run_guarded(cli, args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_json_lists_every_line_in_input_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "talk.txt"
    path.write_text("\n".join(LINES) + "\n")
    code, out, _ = run(["rank", str(path), "--json"], capsys)
    assert code == 0
    rows = json.loads(out)
    assert [r["line"] for r in rows] == [1, 2, 3, 4, 5]
    assert [r["text"] for r in rows] == LINES
    assert all(set(r) == {"line", "score", "checkworthy", "text"} for r in rows)
    by_line = {r["line"]: r for r in rows}
    assert by_line[2]["score"] == max(r["score"] for r in rows)
    assert by_line[2]["checkworthy"] is True
    assert by_line[3] == {"line": 3, "score": 0.0, "checkworthy": False, "text": ""}


def test_tsv_third_column_is_the_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "debate.tsv"
    path.write_text(
        "7\tMODERATOR\tThank you all for being here.\t0\n"
        "8\tTRUMP\tWe lost 70,000 factories since 2001.\t1\n"
    )
    code, out, _ = run(["rank", str(path), "--json"], capsys)
    assert code == 0
    rows = json.loads(out)
    assert [r["line"] for r in rows] == [7, 8]
    assert rows[1]["text"] == "We lost 70,000 factories since 2001."
    assert rows[1]["score"] > rows[0]["score"]


def test_default_output_lists_top_lines_with_reasons(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "talk.txt"
    path.write_text("\n".join(LINES) + "\n")
    code, out, _ = run(["rank", str(path), "--top", "2"], capsys)
    assert code == 0
    first = out.splitlines()[0]
    assert "line 2:" in first and first.split()[0].rstrip("*").replace(".", "").isdigit()
    assert "because:" in out.splitlines()[1]
    assert out.count(" line ") == 2
    assert "2 of 4 lines shown" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"", "empty"),
        (b"\n  \n", "empty"),
        (b"\x00\x01\x02binary", "binary"),
        (b"\xff\xfe\xfa text", "UTF-8"),
    ],
)
def test_bad_input_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None, message: str
) -> None:
    path = tmp_path / "input.txt"
    if content is not None:
        path.write_bytes(content)
    code, out, err = run(["rank", str(path)], capsys)
    assert code == 1
    assert out == ""
    assert err.startswith("error: ") and message in err
    assert len(err.strip().splitlines()) == 1
