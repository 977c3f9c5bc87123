"""Attaching local files as sources, and the evidence commands."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from factcheck import workflow as wf
from factcheck.cli import cli
from factcheck.cli.evidence_commands import register
from factcheck.errors import InvalidInput, TransitionRefused
from factcheck.evidence import attach_file, snapshot_source
from factcheck.evidence.snapshot import content_hash
from factcheck.store.database import Database
from factcheck.store.models import ReviewEvent, Source
from factcheck.store.snapshot_models import SourceSnapshot
from tests.evidence.helpers import PAGE_HTML, PDF_BODY, Site, add_source

register(cli)


def test_attach_a_pdf_stores_a_file_source_and_its_text(
    db: Database, claim_id: int, tmp_path: Path
) -> None:
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(PDF_BODY)
    info, snap = attach_file(db, claim_id, pdf, "alice", stance="context")
    assert info.url == pdf.resolve().as_uri()
    assert info.title == "Annual statistics report"
    assert info.stance == "context"
    assert snap.origin == "file" and snap.ok and snap.content_type == "application/pdf"
    with db.session() as s:
        row = s.get(SourceSnapshot, snap.id)
        assert row is not None and row.text is not None
        assert "1,100,000" in row.text
        assert row.content_hash == content_hash(row.text, None)
        actions = list(
            s.scalars(select(ReviewEvent.action).where(ReviewEvent.claim_id == claim_id))
        )
    assert actions == ["source_added"]


def test_attach_a_saved_page_with_an_address(db: Database, claim_id: int, tmp_path: Path) -> None:
    page = tmp_path / "saved.html"
    page.write_text(PAGE_HTML, encoding="utf-8")
    info, snap = attach_file(db, claim_id, page, "alice", url="https://stats.example.org/residents")
    assert info.url == "https://stats.example.org/residents"
    assert snap.title == "Foreign residents in Shenzhen reach 1.1 million"
    assert snap.author == "Li Wei"
    # an attached file is not fetched again
    with pytest.raises(InvalidInput):
        snapshot_source(db, _file_source(db, claim_id, tmp_path))


def _file_source(db: Database, claim_id: int, tmp_path: Path) -> int:
    notes = tmp_path / "notes.txt"
    notes.write_text("The bureau confirmed 1.1 million foreign residents.", encoding="utf-8")
    info, _ = attach_file(db, claim_id, notes, "alice")
    return info.id


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "no such file"), (b"", "the file is empty"), (b"\x00\x01\x02" * 100, "binary")],
)
def test_bad_files_are_refused_and_nothing_is_written(
    db: Database, claim_id: int, tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "bad.txt"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InvalidInput, match=message):
        attach_file(db, claim_id, path, "alice")
    with db.session() as s:
        assert s.scalars(select(Source)).first() is None


def test_attach_follows_the_workflow_rules(db: Database, claim_id: int, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Some notes.", encoding="utf-8")
    attach_file(db, claim_id, notes, "alice")
    with pytest.raises(InvalidInput, match="already has this file"):
        attach_file(db, claim_id, notes, "alice")
    with db.transaction() as s:
        wf.set_verdict(s, claim_id, "alice", "True", "The bureau says so.")
        wf.submit(s, claim_id, "alice")
    other = tmp_path / "other.txt"
    other.write_text("More notes.", encoding="utf-8")
    with pytest.raises(TransitionRefused):
        attach_file(db, claim_id, other, "alice")


# ------------------------------------------------------------------ CLI


def _run(db_url: str, *args: str) -> tuple[int, str, str, BaseException | None]:
    result = CliRunner().invoke(cli, ["--db", db_url, *args])
    return result.exit_code, result.stdout, result.stderr, result.exception


def test_sources_check_lists_dead_links_and_exits_zero(
    db: Database, db_url: str, site: Site, claim_id: int
) -> None:
    add_source(db, claim_id, site.url("/notes.txt"))
    add_source(db, claim_id, site.url("/gone"))
    code, out, err, exc = _run(db_url, "sources", "check")
    assert exc is None and code == 0, (out, err)
    assert "dead" in out and "new" in out
    assert "DEAD source #2" in out and "HTTP 404" in out
    assert "checking sources" in err


def test_sources_fetch_and_show(db: Database, db_url: str, site: Site, claim_id: int) -> None:
    sid = add_source(db, claim_id, site.url("/page.html"))
    code, out, _, exc = _run(db_url, "sources", "fetch", str(sid))
    assert exc is None and code == 0
    assert "HTTP 200 text/html" in out
    code, out, _, exc = _run(db_url, "sources", "show", str(sid))
    assert exc is None
    assert out.count("snapshot #") == 1 and "sha256 " in out


def test_source_attach_command(db: Database, db_url: str, claim_id: int, tmp_path: Path) -> None:
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(PDF_BODY)
    code, out, err, exc = _run(
        db_url, "source", "attach", str(claim_id), str(pdf), "--title", "Bureau report"
    )
    assert exc is None and code == 0, err
    assert f"claim {claim_id}: attached source #1" in out
    with db.session() as s:
        source = s.get(Source, 1)
        assert source is not None and source.title == "Bureau report"


def test_evidence_command_fetches_and_highlights(
    db: Database, db_url: str, site: Site, claim_id: int
) -> None:
    add_source(db, claim_id, site.url("/report.pdf"))
    code, out, _, exc = _run(db_url, "evidence", str(claim_id))
    assert exc is None and code == 0
    assert "Registered foreign residents: **1,100,000** at year end." in out
    assert "source: 1,100,000; claim: over 1,000,000 foreigners" in out


def test_evidence_no_fetch_says_not_fetched(
    db: Database, db_url: str, site: Site, claim_id: int
) -> None:
    add_source(db, claim_id, site.url("/report.pdf"))
    code, out, _, _ = _run(db_url, "evidence", str(claim_id), "--no-fetch")
    assert code == 0 and "not fetched yet" in out
    assert site.user_agents == []


def test_source_add_snapshots_the_page_at_once(
    db: Database, db_url: str, site: Site, claim_id: int
) -> None:
    code, out, err, exc = _run(db_url, "source", "add", str(claim_id), site.url("/page.html"))
    assert exc is None and code == 0, (out, err)
    assert "snapshot: HTTP 200 text/html" in out
    code, out, _, exc = _run(
        db_url, "source", "add", str(claim_id), site.url("/notes.txt"), "--no-fetch"
    )
    assert exc is None and code == 0
    assert "snapshot" not in out
    with db.session() as s:
        fetched = s.scalars(select(SourceSnapshot.requested_url)).all()
    assert fetched == [site.url("/page.html")]
