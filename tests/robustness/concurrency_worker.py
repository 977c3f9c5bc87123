"""One reviewer process for the concurrency test: ingest and review at random, log outcomes.

Run as `python concurrency_worker.py URL INDEX ARTICLES_DIR GO_FILE SECONDS SEED OUT`.
It writes READY next to OUT, waits for GO_FILE (so every worker starts together),
then for SECONDS ingests its own articles one by one and reviews random claims,
appending one JSON line to OUT per outcome:

    {"kind": "action", "claim": 7, "action": "triage", "actor": "ana", "version": 3,
     "status": "to_check", "source_delta": 0}
    {"kind": "ingest", "article": 12, "claims": 5}
    {"kind": "refused", "error": "Conflict", "message": "..."}
    {"kind": "error", "error": "OperationalError", "message": "...", "traceback": "..."}

Only what committed is logged as an action or ingest, after its transaction ended, so
the test can hold the database to exactly what the workers were told succeeded.
"""

from __future__ import annotations

import json
import random
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from factcheck.errors import Conflict, TransitionRefused
from factcheck.ingest import IngestOptions, ingest_paths
from factcheck.store.database import Database
from factcheck.store.models import Claim, Source
from factcheck.workflow import (
    add_note,
    add_source,
    approve,
    assign,
    dismiss,
    remove_source,
    reopen,
    send_back,
    set_verdict,
    start_research,
    stop_research,
    submit,
    triage,
)

ACTORS = ("ana", "ben", "cy", "dee")
RATINGS = ("True", "mostly FALSE", "Half true", "Misleading")
# The share of picks that go to the few oldest claims, so workers collide on purpose.
HOT_SHARE = 0.5
HOT_CLAIMS = 8
REFUSED = (Conflict, TransitionRefused)

Step = Callable[[Session, int, str, int | None], tuple[str, int]]


class Worker:
    def __init__(self, db: Database, index: int, seed: int, out: Any) -> None:
        self.db = db
        self.index = index
        self.rng = random.Random(seed)
        self.out = out
        self.counter = 0

    def log(self, **entry: Any) -> None:
        self.out.write(json.dumps(entry) + "\n")

    def unique(self) -> str:
        self.counter += 1
        return f"w{self.index}-{self.counter}"

    # -- choosing what to do -------------------------------------------------
    def pick_claim(self) -> tuple[int, str, int, bool, list[int]] | None:
        """A claim as a reviewer would see it on screen: id, status, version, evidence."""
        with self.db.session() as s:
            top = s.scalar(select(func.max(Claim.id)))
            if top is None:
                return None
            bottom = s.scalar(select(func.min(Claim.id))) or 1
            if self.rng.random() < HOT_SHARE:
                wanted = self.rng.randint(bottom, min(top, bottom + HOT_CLAIMS - 1))
            else:
                wanted = self.rng.randint(bottom, top)
            row = s.execute(
                select(Claim.id, Claim.status, Claim.version, Claim.verdict)
                .where(Claim.id >= wanted)
                .order_by(Claim.id)
                .limit(1)
            ).first()
            if row is None:
                return None
            sources = list(s.scalars(select(Source.id).where(Source.claim_id == row.id)))
            return row.id, str(row.status), row.version, row.verdict is not None, sources

    def choose(self, status: str, has_verdict: bool, sources: list[int]) -> tuple[str, Step]:
        """Mostly sensible moves for the status, some deliberately wrong ones."""
        r = self.rng.random()
        if r < 0.08:  # a move that the status may refuse
            return self.rng.choice(
                [
                    ("approve", self.do_approve),
                    ("submit", self.do_submit),
                    ("triage", self.do_triage),
                ]
            )
        if r < 0.14:
            return "note", self.do_note
        if r < 0.18:
            return "assigned", self.do_assign
        if status == "new":
            return ("dismiss", self.do_dismiss) if r < 0.25 else ("triage", self.do_triage)
        if status == "to_check":
            if r < 0.25:
                return "dismiss", self.do_dismiss
            if r < 0.4:
                return "source_added", self.do_add_source
            return "start", self.do_start
        if status == "researching":
            if r < 0.22:
                return "stop", self.do_stop
            if sources and r < 0.3:
                return "source_removed", self.do_remove_source(sources)
            if not sources or r < 0.45:
                return "source_added", self.do_add_source
            if not has_verdict or r < 0.6:
                return "verdict_set", self.do_verdict
            return "submit", self.do_submit
        if status == "in_review":
            return ("send_back", self.do_send_back) if r < 0.4 else ("approve", self.do_approve)
        return "reopen", self.do_reopen  # dismissed, approved

    # -- the actions, each returning (event action, source delta) -------------
    def do_triage(self, s: Session, cid: int, actor: str, ev: int | None) -> tuple[str, int]:
        triage(s, cid, actor, expected_version=ev)
        return "triage", 0

    def do_dismiss(self, s: Session, cid: int, actor: str, ev: int | None) -> tuple[str, int]:
        dismiss(s, cid, actor, f"not checkable {self.unique()}", expected_version=ev)
        return "dismiss", 0

    def do_start(self, s: Session, cid: int, actor: str, ev: int | None) -> tuple[str, int]:
        start_research(s, cid, actor, expected_version=ev)
        return "start", 0

    def do_stop(self, s: Session, cid: int, actor: str, ev: int | None) -> tuple[str, int]:
        stop_research(s, cid, actor, "later", expected_version=ev)
        return "stop", 0

    def do_add_source(self, s: Session, cid: int, actor: str, ev: int | None) -> tuple[str, int]:
        url = f"https://stats.example.org/{self.unique()}?claim={cid}"
        add_source(
            s, cid, actor, url, stance=self.rng.choice(["supports", "refutes"]), expected_version=ev
        )
        return "source_added", 1

    def do_remove_source(self, sources: list[int]) -> Step:
        source_id = self.rng.choice(sources)

        def step(s: Session, cid: int, actor: str, ev: int | None) -> tuple[str, int]:
            remove_source(s, cid, source_id, actor, expected_version=ev)
            return "source_removed", -1

        return step

    def do_verdict(self, s: Session, cid: int, actor: str, ev: int | None) -> tuple[str, int]:
        rating = self.rng.choice(RATINGS)
        set_verdict(s, cid, actor, rating, f"because {self.unique()}", expected_version=ev)
        return "verdict_set", 0

    def do_submit(self, s: Session, cid: int, actor: str, ev: int | None) -> tuple[str, int]:
        submit(s, cid, actor, expected_version=ev)
        return "submit", 0

    def do_approve(self, s: Session, cid: int, actor: str, ev: int | None) -> tuple[str, int]:
        approve(s, cid, actor, expected_version=ev)
        return "approve", 0

    def do_send_back(self, s: Session, cid: int, actor: str, ev: int | None) -> tuple[str, int]:
        send_back(s, cid, actor, f"needs work {self.unique()}", expected_version=ev)
        return "send_back", 0

    def do_reopen(self, s: Session, cid: int, actor: str, ev: int | None) -> tuple[str, int]:
        reopen(s, cid, actor, f"correction {self.unique()}", expected_version=ev)
        return "reopen", 0

    def do_note(self, s: Session, cid: int, actor: str, ev: int | None) -> tuple[str, int]:
        add_note(s, cid, actor, f"note {self.unique()}", expected_version=ev)
        return "note", 0

    def do_assign(self, s: Session, cid: int, actor: str, ev: int | None) -> tuple[str, int]:
        # A fresh name never equals the current assignee, so this cannot be a no-op refusal.
        assign(s, cid, actor, f"desk-{self.unique()}", expected_version=ev)
        return "assigned", 0

    # -- the loop -------------------------------------------------------------
    def review_once(self) -> None:
        seen = self.pick_claim()
        if seen is None:
            return
        claim_id, status, version, has_verdict, sources = seen
        label, step = self.choose(status, has_verdict, sources)
        actor = self.rng.choice(ACTORS)
        # Most calls say which version the reviewer saw; the rest rely on the
        # version column alone (a stale read must still end in a Conflict).
        # Removing a source always names the version: without it, a source that
        # somebody else removed meanwhile is rightly "not found", not a conflict.
        stale_ok = label != "source_removed" and self.rng.random() < 0.3
        expected = None if stale_ok else version
        with self.db.transaction() as s:
            action, source_delta = step(s, claim_id, actor, expected)
            claim = s.get(Claim, claim_id)
            assert claim is not None
            after_version, after_status = claim.version, str(claim.status)
        self.log(
            kind="action",
            claim=claim_id,
            action=action,
            actor=actor,
            version=after_version,
            status=after_status,
            source_delta=source_delta,
        )

    def ingest_once(self, path: Path) -> None:
        report = ingest_paths(
            self.db, [path], IngestOptions(actor=f"ingest-{self.index}"), workers=1
        )
        for stored in report.stored:
            self.log(kind="ingest", article=stored.article_id, claims=stored.claims)
        for failed, why in report.failed:
            self.log(kind="error", error="IngestFailed", message=f"{failed}: {why}")

    def run(self, articles: list[Path], seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                if articles and self.rng.random() < 0.15:
                    self.ingest_once(articles.pop())
                else:
                    self.review_once()
            except REFUSED as exc:
                self.log(kind="refused", error=type(exc).__name__, message=str(exc))
            except Exception as exc:
                self.log(
                    kind="error",
                    error=type(exc).__name__,
                    message=str(exc),
                    traceback=traceback.format_exc(),
                )


def main(argv: list[str]) -> int:
    url, index, articles_dir, go_file, seconds, seed, out_path = argv
    articles = sorted(Path(articles_dir).glob("*.txt"))
    db = Database(url)
    out = Path(out_path)
    with out.open("w", buffering=1) as handle:
        worker = Worker(db, int(index), int(seed), handle)
        worker.rng.shuffle(articles)
        out.with_suffix(".ready").touch()
        go = Path(go_file)
        give_up = time.monotonic() + 120
        while not go.exists():
            if time.monotonic() > give_up:
                worker.log(kind="error", error="Timeout", message="never told to start")
                return 1
            time.sleep(0.01)
        worker.run(articles, float(seconds))
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
