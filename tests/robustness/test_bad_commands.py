"""Refused review commands in a real process: one line, exit 1, the database byte-for-byte the same.

tests/workflow/test_cli.py checks each refusal's wording in-process against the claim's
own rows; this runs the installed entry point and compares the whole database (every
table, and on SQLite the file's bytes), so a refusal that wrote anything anywhere,
even a stray history row or a schema touch, fails here.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from factcheck.store.database import Database
from tests.helpers import run_cli

from .snapshots import Snapshot


def _sqlite_bytes(db_url: str) -> bytes | None:
    """The SQLite file's bytes once the WAL is folded in; None on other backends."""
    url = make_url(db_url)
    if url.get_backend_name() != "sqlite" or not url.database:
        return None
    path = Path(url.database)
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


CASES = [
    pytest.param(["triage", "999"], "no claim 999", id="unknown-claim"),
    pytest.param(
        ["source", "add", "999", "https://ons.gov.uk/"], "no claim 999", id="unknown-claim-source"
    ),
    pytest.param(["approve", "{cid}"], "possible moves", id="invalid-move"),
    pytest.param(["reopen", "{cid}", "--note", "why"], "possible moves", id="invalid-reopen"),
    pytest.param(
        ["verdict", "{cid}", "Pants on fire", "--explanation", "It was 3%."],
        "unknown rating",
        id="unknown-rating",
    ),
    pytest.param(
        ["source", "add", "{cid}", "javascript:alert(1)"], "javascript", id="javascript-url"
    ),
    pytest.param(["source", "add", "{cid}", "file:///etc/passwd"], "file", id="file-url"),
    pytest.param(["export", "--article", "999"], "no article 999", id="export-unknown-article"),
    pytest.param(
        ["claims", "--article", "999"],
        "no article 999",
        id="list-unknown-article",
    ),
    pytest.param(["settings", "min_sources", "lots"], "min_sources", id="bad-setting-value"),
]


@pytest.mark.parametrize(("args", "message"), CASES)
def test_refused_command_changes_nothing(
    db: Database,
    db_url: str,
    claim_id: int,
    snapshot: Callable[[], Snapshot],
    args: list[str],
    message: str,
) -> None:
    db.dispose()  # our pooled connections must not hold the WAL open
    before_rows, before_bytes = snapshot(), _sqlite_bytes(db_url)
    result = run_cli("--db", db_url, *[a.format(cid=claim_id) for a in args])
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert message.lower() in lines[0].lower()
    db.dispose()
    assert _sqlite_bytes(db_url) == before_bytes
    assert snapshot() == before_rows
