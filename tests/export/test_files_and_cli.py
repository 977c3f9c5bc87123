"""Writing reports to files (atomic, no overwrite without consent) and `factcheck export`."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path
from typing import TextIO

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.errors import InvalidInput
from factcheck.export import export_to_path, registry
from factcheck.export.loader import Report
from factcheck.store.database import Database
from tests.export.parsing import parse_html
from tests.export.seed import Seeded
from tests.helpers import run_cli


def test_existing_file_is_refused_then_replaced_with_overwrite(
    db: Database, seeded: Seeded, tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "report.md"
    target.write_text("keep me")
    with pytest.raises(InvalidInput, match="already exists"):
        export_to_path(db, "markdown", target)
    assert target.read_text() == "keep me"
    assert export_to_path(db, "markdown", target, overwrite=True) == 5
    assert target.read_text().startswith("# ")
    assert sorted(p.name for p in folder.iterdir()) == ["report.md"]  # no temp file left


def test_failed_export_leaves_no_file(
    db: Database, seeded: Seeded, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(report: Report, out: TextIO) -> int:
        out.write("half a report")
        raise RuntimeError("disk on fire")

    registry.available_formats()  # discover the real formats first
    entry = registry._Entry(registry.FormatInfo("broken", "", "txt"), broken, 999)
    monkeypatch.setitem(registry._formats, "broken", entry)
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(RuntimeError):
        export_to_path(db, "broken", folder / "r.txt")
    assert list(folder.iterdir()) == []


def test_new_file_gets_the_usual_permissions(db: Database, tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        export_to_path(db, "csv", tmp_path / "r.csv")
    finally:
        os.umask(old)
    assert (tmp_path / "r.csv").stat().st_mode & 0o777 == 0o644


def test_missing_folder_is_a_clear_error(db: Database, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="does not exist"):
        export_to_path(db, "csv", tmp_path / "nope" / "r.csv")


def _run(db_url: str, *args: str) -> tuple[int, str, str, BaseException | None]:
    result = CliRunner().invoke(cli, ["--db", db_url, "export", *args])
    return result.exit_code, result.stdout, result.stderr, result.exception


def test_cli_writes_csv_to_stdout_approved_only(db_url: str, seeded: Seeded) -> None:
    code, out, _err, _exc = _run(db_url, "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 5 and {r["status"] for r in rows} == {"approved"}


def test_cli_status_and_article_options(db_url: str, seeded: Seeded) -> None:
    code, out, _err, _exc = _run(db_url, "-f", "json", "--status", "new", "--status", "in_review")
    assert code == 0
    doc = json.loads(out)
    ids = {c["id"] for a in doc["articles"] for c in a["claims"]}
    assert ids == {seeded.new, seeded.in_review}
    code, out, _err, _exc = _run(
        db_url, "-f", "json", "--status", "all", "--article", str(seeded.evil_article)
    )
    assert json.loads(out)["claim_count"] == 2


def test_cli_output_file_refuses_overwrite_without_force(
    db_url: str, seeded: Seeded, tmp_path: Path
) -> None:
    target = tmp_path / "report.html"
    code, out, err, _exc = _run(db_url, "-o", str(target))  # format from the extension
    assert code == 0 and out == ""
    assert "wrote 5 claims to" in err
    assert parse_html(target.read_text()).scripts  # it is the HTML report
    before = target.read_text()
    code, _out, _err, exc = _run(db_url, "-o", str(target), "-f", "csv")
    assert code != 0 and isinstance(exc, InvalidInput)
    assert "use --force" in str(exc)
    assert target.read_text() == before
    code, _out, _err, _exc = _run(db_url, "-o", str(target), "-f", "csv", "--force")
    assert code == 0
    assert target.read_text().startswith("claim_id,")


def test_cli_rejects_unknown_format_and_status(db_url: str, seeded: Seeded) -> None:
    code, _out, err, _exc = _run(db_url, "--format", "pdf")
    assert code == 2 and "is not one of markdown, html, json, csv, claimreview" in err
    code, _out, _err, exc = _run(db_url, "--status", "bogus")
    assert isinstance(exc, InvalidInput) and "unknown status 'bogus'" in str(exc)


def test_cli_error_is_one_line_without_traceback(db_url: str, tmp_path: Path) -> None:
    target = tmp_path / "r.md"
    target.write_text("x")
    proc = run_cli("--db", db_url, "export", "-o", str(target))
    assert proc.returncode == 1
    assert proc.stderr.strip() == f"error: {target} already exists; use --force to overwrite it"
