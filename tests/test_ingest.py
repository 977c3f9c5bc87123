"""Ingest: files and folders into the store, atomically, without duplicates."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from factcheck.segmenter import read_article, segment
from factcheck.store.database import Database
from factcheck.store.models import Article, Claim, ReviewEvent
from tests.helpers import ROOT, run_cli


def _counts(db: Database) -> tuple[int, int, int]:
    with db.session() as s:
        return (
            s.scalar(select(func.count()).select_from(Article)) or 0,
            s.scalar(select(func.count()).select_from(Claim)) or 0,
            s.scalar(select(func.count()).select_from(ReviewEvent)) or 0,
        )


def test_ingest_sample_stores_article_and_claims_with_exact_offsets(
    db: Database, db_url: str, sample_article: Path
) -> None:
    result = run_cli("--db", db_url, "ingest", str(sample_article), "--outlet", "Sample Times")
    assert result.returncode == 0, result.stderr
    with db.session() as s:
        article = s.scalars(select(Article)).one()
        claims = s.scalars(select(Claim).order_by(Claim.start)).all()
        assert article.title.startswith("Shenzhen set to overtake Silicon Valley")
        assert article.outlet == "Sample Times"
        assert "Related Stories" not in article.text
        assert len(claims) >= 8
        for claim in claims:
            assert article.text[claim.start : claim.end] == claim.text
            assert claim.status == "new" and claim.version == 1
        texts = " | ".join(c.text for c in claims)
        assert "2,223" in texts and "million foreigners" in texts
    assert f"{len(claims)} claim(s)" in result.stdout


def test_reingesting_the_same_text_is_a_noop(
    db: Database, db_url: str, sample_article: Path
) -> None:
    assert run_cli("--db", db_url, "ingest", str(sample_article)).returncode == 0
    before = _counts(db)
    again = run_cli("--db", db_url, "ingest", str(sample_article))
    assert again.returncode == 0, again.stderr
    assert "already stored" in again.stdout
    assert _counts(db) == before


def test_folder_with_good_and_bad_files_ingests_the_good_and_lists_the_bad(
    db: Database, db_url: str, tmp_path: Path
) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good1.txt").write_text(
        "Budget rises\n\nThe council spent £4.2m on roads in 2004, up 12% on the year before.\n"
    )
    (folder / "good2.md").write_text(
        "# Jobs report\n\nUnemployment fell to 4.7% in March, the lowest level since 1975.\n"
    )
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4 ignored: not a supported suffix in a folder")
    result = run_cli("--db", db_url, "ingest", str(folder))
    assert result.returncode == 1
    assert "ingested 2 article(s)" in result.stdout
    assert "empty.txt" in result.stderr and "binary.txt" in result.stderr
    assert "notes.pdf" not in result.stderr
    assert "Traceback" not in result.stderr
    with db.session() as s:
        titles = set(s.scalars(select(Article.title)))
    assert titles == {"Budget rises", "Jobs report"}


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02\x03PK\x03\x04" * 100, "binary"),
    ],
)
def test_bad_single_file_is_refused_and_database_untouched(
    db: Database, db_url: str, tmp_path: Path, content: bytes, expected: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    before = _counts(db)
    result = run_cli("--db", db_url, "ingest", str(path))
    assert result.returncode != 0
    assert expected in result.stderr.lower()
    assert "Traceback" not in result.stderr
    assert _counts(db) == before


def test_missing_file_is_one_line_error(db_url: str) -> None:
    result = run_cli("--db", db_url, "ingest", "no/such/article.txt")
    assert result.returncode != 0
    assert "no such file" in result.stderr
    assert "Traceback" not in result.stderr


def test_size_limit_names_the_option_to_raise_it(db: Database, db_url: str, tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("Big\n\n" + "The rate rose 5% in 2004. " * 50_000)
    result = run_cli("--db", db_url, "ingest", str(path), "--max-size", "0.5")
    assert result.returncode != 0
    assert "--max-size" in result.stderr
    assert _counts(db) == (0, 0, 0)


def _write_articles(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        body = "\n\n".join(
            f"Firm {i} said sales rose {i % 90 + 3}% to £{i + 1}.{j}m in 2004, "
            f"while {100 + i * 7 + j} jobs were added in the north."
            for j in range(6)
        )
        (folder / f"{i:04d}.txt").write_text(f"Company {i} results\n\n{body}\n")


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(x) for x in path.read_text().split()] if path.exists() else []


def _alive(pid: int) -> bool:
    stat = Path(f"/proc/{pid}/stat")
    try:
        return stat.read_text().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.slow
def test_kill_9_during_folder_ingest_leaves_whole_articles_and_rerun_finishes(
    db: Database, db_url: str, tmp_path: Path
) -> None:
    folder = tmp_path / "many"
    n = 400
    _write_articles(folder, n)
    proc = subprocess.Popen(
        [sys.executable, "-m", "factcheck", "--db", db_url, "ingest", str(folder)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ},
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and _counts(db)[0] < 30 and proc.poll() is None:
        time.sleep(0.02)
    workers = _children(proc.pid)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    stored, _, _ = _counts(db)
    # The segmenting worker processes die with their parent instead of lingering.
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
        time.sleep(0.05)
    assert not [pid for pid in workers if _alive(pid)]
    assert 0 < stored < n, "the kill should land in the middle of the run"

    # Every stored article holds exactly the claims its text segments into.
    with db.session() as s:
        rows = s.execute(
            select(Article.source_path, func.count(Claim.id))
            .outerjoin(Claim)
            .group_by(Article.id, Article.source_path)
        ).all()
    for source_path, claim_count in rows:
        assert source_path is not None
        assert claim_count == len(segment(read_article(Path(source_path))))

    rerun = run_cli("--db", db_url, "ingest", str(folder), timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"ingested {n - stored} article(s)" in rerun.stdout
    assert _counts(db)[0] == n
    with db.session() as s:
        hashes = s.scalars(select(Article.content_hash)).all()
    assert len(set(hashes)) == n


def test_new_text_at_a_known_url_becomes_a_revision_that_keeps_review_work(
    db: Database, db_url: str, tmp_path: Path
) -> None:
    from factcheck.workflow import triage

    url = "https://news.example/budget"
    first = tmp_path / "v1.txt"
    first.write_text(
        "Budget rises\n\nThe council spent £4.2m on roads in 2004. Schools got £1.1m more.\n"
    )
    assert run_cli("--db", db_url, "ingest", str(first), "--url", url).returncode == 0
    with db.session() as s:
        kept = s.scalars(select(Claim).where(Claim.text.contains("4.2m"))).one()
    with db.transaction() as s:
        triage(s, kept.id, "tester")

    second = tmp_path / "v2.txt"
    second.write_text(
        "Budget rises\n\nCorrection. The council spent £4.2m on roads in 2004. "
        "Schools got £1.1m more.\n"
    )
    result = run_cli("--db", db_url, "ingest", str(second), "--url", url)
    assert result.returncode == 0, result.stderr
    assert "revision 2" in result.stdout
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Article)) == 1
        article = s.scalars(select(Article)).one()
        claim = s.get(Claim, kept.id)
        assert claim is not None and claim.status == "to_check"
        assert article.text[claim.start : claim.end] == claim.text

    # The old version again (a re-run over an old folder) changes nothing.
    again = run_cli("--db", db_url, "ingest", str(first), "--url", url)
    assert again.returncode == 0
    assert "already stored" in again.stdout
    with db.session() as s:
        assert s.scalars(select(Article.revision)).one() == 2
