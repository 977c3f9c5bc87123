"""Two reviewers, two real database connections, one claim: the second to save gets a Conflict.

Runs on SQLite by default and on PostgreSQL when FACTCHECK_TEST_DATABASE_URL is set
(the `db` fixture follows it). Each reviewer has their own `Database` (own engine,
own connection pool), as two desk computers or a CLI next to the TUI would.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from factcheck import workflow as wf
from factcheck.errors import Conflict
from factcheck.store.database import Database
from factcheck.store.models import Claim

from .conftest import EDITOR, RESEARCHER, Desk


@pytest.fixture
def other_db(db_url: str) -> Iterator[Database]:
    """A second, independent connection pool to the same database."""
    second = Database(db_url)
    yield second
    second.dispose()


def _version_seen_by(database: Database, cid: int) -> int:
    with database.session() as s:
        rows = wf.list_claims(s, wf.ClaimFilter(), limit=1000)
    return next(r.version for r in rows if r.id == cid)


def test_second_save_with_a_stale_version_conflicts(desk: Desk, other_db: Database) -> None:
    cid = desk.claim_in("to_check")
    seen_by_alice = _version_seen_by(desk.db, cid)
    seen_by_bob = _version_seen_by(other_db, cid)
    assert seen_by_alice == seen_by_bob

    with desk.db.transaction() as s:
        wf.start_research(s, cid, RESEARCHER, expected_version=seen_by_alice)
    with pytest.raises(Conflict) as conflict, other_db.transaction() as s:
        wf.dismiss(s, cid, EDITOR, "not worth it", expected_version=seen_by_bob)

    message = str(conflict.value)
    assert message.startswith(f"claim {cid} was changed by {RESEARCHER} at ")
    assert message.endswith("; reload it")
    claim = desk.claim(cid)
    assert (claim.status.value, claim.assignee, claim.version) == (
        "researching",
        RESEARCHER,
        seen_by_alice + 1,
    )
    with desk.db.session() as s:
        actions = [e.action for e in wf.claim_detail(s, cid).history]
    assert actions == ["triage", "start"]  # bob's dismissal left no trace

    # Nothing is lost: bob reloads and his (now different) intent goes through.
    fresh = _version_seen_by(other_db, cid)
    with other_db.transaction() as s:
        wf.add_note(s, cid, EDITOR, "saw alice took it", expected_version=fresh)
    assert desk.event_count(cid) == 3


def test_a_source_added_meanwhile_conflicts_with_a_verdict(desk: Desk, other_db: Database) -> None:
    """Adding a source bumps the claim's version too, so edits of different parts conflict."""
    cid = desk.claim_in("researching")
    seen = _version_seen_by(other_db, cid)
    with desk.db.transaction() as s:
        wf.add_source(s, cid, RESEARCHER, "https://example.org/new", expected_version=seen)
    with pytest.raises(Conflict), other_db.transaction() as s:
        wf.set_verdict(s, cid, EDITOR, "False", "No source says so.", expected_version=seen)
    claim = desk.claim(cid)
    assert claim.verdict is None
    assert desk.source_count(cid) == 1


def test_writer_holding_a_stale_object_conflicts_at_save(desk: Desk, other_db: Database) -> None:
    """Without expected_version, the version column itself refuses the stale UPDATE."""
    cid = desk.claim_in("new")
    bob = other_db.session()
    try:
        loaded = bob.get(Claim, cid)
        assert loaded is not None and loaded.version == 1
        bob.commit()  # end the read; the object (version 1) stays in bob's session

        with desk.db.transaction() as s:
            wf.triage(s, cid, RESEARCHER)

        with pytest.raises(Conflict) as conflict, bob.begin():
            wf.dismiss(bob, cid, EDITOR, "opinion")  # acts on the stale object
        assert f"changed by {RESEARCHER} at " in str(conflict.value)
        assert "reload it" in str(conflict.value)
    finally:
        bob.close()
    claim = desk.claim(cid)
    assert (claim.status.value, claim.version) == ("to_check", 2)
    assert desk.event_count(cid) == 1


def test_concurrent_writers_in_threads_one_conflicts(desk: Desk, other_db: Database) -> None:
    """Alice's transaction is open (row changed, not committed) when bob tries to save.

    On SQLite bob waits for the write lock, then sees the new version; on PostgreSQL
    bob reads the old version, blocks on alice's row lock, and his UPDATE then
    matches no row (StaleDataError). Either way: Conflict, and alice's change stands.
    """
    cid = desk.claim_in("to_check")
    seen = _version_seen_by(other_db, cid)
    outcome: dict[str, BaseException | None] = {}

    def bob() -> None:
        try:
            with other_db.transaction() as s:
                wf.dismiss(s, cid, EDITOR, "duplicate", expected_version=seen)
            outcome["bob"] = None
        except BaseException as exc:
            outcome["bob"] = exc

    with desk.db.transaction() as s:
        wf.start_research(s, cid, RESEARCHER, expected_version=seen)
        worker = threading.Thread(target=bob)
        worker.start()
        time.sleep(0.3)  # give bob time to block on alice's lock (correct either way)
    worker.join(timeout=30)
    assert not worker.is_alive()
    assert isinstance(outcome["bob"], Conflict), outcome
    claim = desk.claim(cid)
    assert (claim.status.value, claim.assignee) == ("researching", RESEARCHER)
    assert desk.event_count(cid) == 2


def test_postgres_interleaved_transactions_stale_update(desk: Desk, other_db: Database) -> None:
    """Both transactions open at once: bob read version N, alice commits N+1, bob saves."""
    if desk.db.is_sqlite:
        pytest.skip("SQLite serializes write transactions (BEGIN IMMEDIATE); see the thread test")
    cid = desk.claim_in("researching")
    with pytest.raises(Conflict), other_db.transaction() as bob:
        before = bob.get(Claim, cid)
        assert before is not None
        with desk.db.transaction() as alice:
            wf.set_verdict(alice, cid, RESEARCHER, "True", "Confirmed.")
        # bob's transaction still holds version N; his save must not overwrite alice
        wf.set_verdict(bob, cid, EDITOR, "False", "Refuted.")
    claim = desk.claim(cid)
    assert (claim.verdict, claim.verdict_by) == ("True", RESEARCHER)
