"""Bad article files and a busy database: one clear line, non-zero exit, nothing written.

Complements tests/test_ingest.py (empty, binary, missing, --max-size, mixed folder).
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url

from factcheck.store.database import Database
from factcheck.store.models import Article
from tests.helpers import ROOT, run_cli

from .snapshots import Snapshot

# A short lock wait (FACTCHECK_LOCK_TIMEOUT) keeps these tests quick.
LOCK_WAIT_S = 3


def assert_one_line_error(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode != 0, result.stdout
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) >= 1
    # A single file gives one line; a run that lists failures gives a header + one per file.
    message = " ".join(lines).lower()
    for word in words:
        assert word.lower() in message, (word, result.stderr)


def test_invalid_utf8_falls_back_to_windows_1252_and_says_nothing_wrong(
    db: Database, db_url: str, tmp_path: Path
) -> None:
    """The documented fallback: a byte that is not UTF-8 is read as Windows-1252 (0xA3 = £)."""
    path = tmp_path / "old-newsroom.txt"
    path.write_bytes(b"Council spending\n\nThe council spent \xa34.2m on roads in 2004.\n")
    result = run_cli("--db", db_url, "ingest", str(path))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    with db.session() as s:
        text = s.scalars(select(Article.text)).one()
    assert "£4.2m" in text
    assert "\ufffd" not in text


def test_one_stray_byte_does_not_garble_the_rest_of_a_utf8_file(
    db: Database, db_url: str, tmp_path: Path
) -> None:
    path = tmp_path / "mixed.txt"
    body = "Prices – “quoted” here – rose to ".encode() + b"\xa34m in 2004, officials said.\n"
    path.write_bytes(b"Prices\n\n" + body)
    result = run_cli("--db", db_url, "ingest", str(path))
    assert result.returncode == 0, result.stderr
    with db.session() as s:
        text = s.scalars(select(Article.text)).one()
    assert "Prices – “quoted” here – rose to £4m" in text


def test_undecodable_noise_is_refused_or_read_never_a_traceback(
    db: Database, db_url: str, tmp_path: Path, snapshot: Callable[[], Snapshot]
) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 64)
    before = snapshot()
    result = run_cli("--db", db_url, "ingest", str(path))
    assert "Traceback" not in result.stderr
    if result.returncode != 0:
        assert result.stderr.startswith(("error:", "1 file(s) not ingested")), result.stderr
        assert snapshot() == before


def test_html_made_of_scripts_has_no_article(
    db_url: str, tmp_path: Path, snapshot: Callable[[], Snapshot]
) -> None:
    path = tmp_path / "app-shell.html"
    scripts = "".join(
        f"<script>window.__STATE_{i}__ = {{'n': {i}, 'text': 'Sales rose 5% in 2004'}};</script>"
        for i in range(500)
    )
    path.write_text(
        "<!doctype html><html><head><title>Loading…</title>"
        f"{scripts}<style>body{{display:none}}</style></head>"
        '<body><div id="root"></div><noscript>Enable JavaScript.</noscript>'
        f"{scripts}</body></html>",
        encoding="utf-8",
    )
    before = snapshot()
    result = run_cli("--db", db_url, "ingest", str(path))
    assert_one_line_error(result, "no article text")
    assert "app-shell.html" in result.stderr
    assert snapshot() == before


def _peak_rss_mb_of(args: list[str]) -> tuple[subprocess.CompletedProcess[str], float]:
    """Run the CLI under a fresh parent so RUSAGE_CHILDREN is this one command's peak."""
    probe = (
        "import resource, subprocess, sys, json\n"
        "r = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
        "print(json.dumps([r.returncode, r.stdout, r.stderr, peak]))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe, sys.executable, "-m", "factcheck", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=True,
    )
    import json

    code, stdout, stderr, peak = json.loads(out.stdout)
    return subprocess.CompletedProcess(args, code, stdout, stderr), float(peak)


def test_100_mb_file_is_refused_by_size_without_being_read(
    db_url: str, tmp_path: Path, snapshot: Callable[[], Snapshot]
) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as f:  # sparse: instant, takes no disk
        f.write(b"Huge\n\nThe rate rose 5% in 2004.\n")
        f.truncate(100_000_000)
    small = tmp_path / "empty.txt"
    small.write_bytes(b"")
    before = snapshot()

    result, peak = _peak_rss_mb_of(["--db", db_url, "ingest", str(huge)])
    assert_one_line_error(result, "huge.txt", "100.0 MB", "limit", "--max-size")
    _, baseline = _peak_rss_mb_of(["--db", db_url, "ingest", str(small)])
    # Reading the file would add at least its 100 MB; allow noise, not the file.
    assert peak < baseline + 40, (peak, baseline)
    assert snapshot() == before


def test_100_mb_file_in_a_folder_is_listed_and_the_rest_ingested(
    db: Database, db_url: str, tmp_path: Path
) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.txt").write_text("Jobs report\n\nUnemployment fell to 4.7% in March 2005.\n")
    with (folder / "huge.txt").open("wb") as f:
        f.truncate(100_000_000)
    result = run_cli("--db", db_url, "ingest", str(folder))
    assert result.returncode != 0
    assert "ingested 1 article(s)" in result.stdout
    assert "huge.txt" in result.stderr and "--max-size" in result.stderr
    assert "Traceback" not in result.stderr
    with db.session() as s:
        assert s.scalars(select(Article.title)).all() == ["Jobs report"]


@pytest.mark.slow
def test_sqlite_locked_by_another_writer_waits_then_says_so(
    db_url: str,
    claim_id: int,
    tmp_path: Path,
    snapshot: Callable[[], Snapshot],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An ingest and a review move, both blocked by another writer's open transaction."""
    if not db_url.startswith("sqlite"):
        pytest.skip("the write lock held here is SQLite's")
    monkeypatch.setenv("FACTCHECK_LOCK_TIMEOUT", str(LOCK_WAIT_S))
    article = tmp_path / "a.txt"
    article.write_text("Jobs report\n\nUnemployment fell to 4.7% in March 2005.\n")
    commands = [["ingest", str(article)], ["triage", str(claim_id)]]
    before = snapshot()
    database = make_url(db_url).database
    assert database is not None
    holder = sqlite3.connect(database, isolation_level=None, timeout=0)
    try:
        holder.execute("BEGIN IMMEDIATE")
        started = time.monotonic()
        # Both wait on the same lock at once, so the test pays the busy timeout once.
        procs = [
            subprocess.Popen(
                [sys.executable, "-m", "factcheck", "--db", db_url, *args],
                cwd=ROOT,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for args in commands
        ]
        results = []
        for proc, args in zip(procs, commands, strict=True):
            out, err = proc.communicate(timeout=120)
            results.append(subprocess.CompletedProcess(args, proc.returncode, out, err))
        waited = time.monotonic() - started
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    for result in results:
        assert_one_line_error(result, "locked")
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    # They waited for the other writer (the busy timeout) before giving up.
    assert waited >= LOCK_WAIT_S * 0.9
    assert snapshot() == before
    # Once the other writer is gone, the same commands work.
    for args in commands:
        again = run_cli("--db", db_url, *args)
        assert again.returncode == 0, again.stderr


@pytest.mark.slow
def test_postgres_row_locked_by_another_writer_waits_then_says_so(
    db: Database,
    db_url: str,
    claim_id: int,
    snapshot: Callable[[], Snapshot],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if db.is_sqlite:
        pytest.skip("row locks held by another transaction are PostgreSQL's")
    monkeypatch.setenv("FACTCHECK_LOCK_TIMEOUT", str(LOCK_WAIT_S))
    from sqlalchemy import text

    before = snapshot()
    limit = LOCK_WAIT_S + 15
    holder = db.engine.connect()
    try:
        # Another writer has changed the claim and not committed yet.
        holder.execute(
            text("UPDATE claim SET updated_by = 'holder' WHERE id = :id"), {"id": claim_id}
        )
        proc = subprocess.Popen(
            [sys.executable, "-m", "factcheck", "--db", db_url, "triage", str(claim_id)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            out, err = proc.communicate(timeout=limit)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
            pytest.fail(f"`factcheck triage` still waiting for the lock after {limit:.0f} s")
    finally:
        holder.rollback()
        holder.close()
    assert_one_line_error(subprocess.CompletedProcess([], proc.returncode, out, err), "lock")
    assert snapshot() == before
