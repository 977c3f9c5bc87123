"""Several real processes ingesting and reviewing at once: no lost update, full audit trail.

Each worker (tests/robustness/concurrency_worker.py) logs only what committed.
The database must then be exactly what those logs imply:

- no errors other than Conflict and TransitionRefused;
- every claim's history is one "extracted" event followed by exactly the actions the
  workers reported for it, in version order, each once; the claim's version equals
  the number of its events (each action bumps it by one), its status the status
  after its last reported action;
- sources per claim = added - removed; review_event rows = claims + actions;
- every reported ingest is there, whole.

4 processes for 4 s by default; FACTCHECK_CONCURRENCY_PROCS=8 (and
FACTCHECK_CONCURRENCY_SECONDS) for the full-size run. Runs on PostgreSQL when
FACTCHECK_TEST_DATABASE_URL is set, like every db_url test.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections import Counter, defaultdict
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from factcheck.ingest import IngestOptions, ingest_paths
from factcheck.store.database import Database
from factcheck.store.models import Article, Claim, ReviewEvent, Source

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
WORKER = HERE / "concurrency_worker.py"
PROCS = int(os.environ.get("FACTCHECK_CONCURRENCY_PROCS", "4"))
SECONDS = float(os.environ.get("FACTCHECK_CONCURRENCY_SECONDS", "4"))
ARTICLES_PER_WORKER = 6
ALLOWED_REFUSALS = {"Conflict", "TransitionRefused"}


def _article(tag: str, n: int) -> str:
    """A small article with checkable numbers; `tag` makes each text (and hash) distinct."""
    paragraphs = [
        f"Exports from region {tag} rose {n % 40 + 3}% to £{n + 2}.{i}bn in 2004, "
        f"the statistics office said, and {120 + n * 3 + i} firms took part."
        for i in range(3)
    ]
    return f"Trade report {tag}\n\n" + "\n\n".join(paragraphs) + "\n"


def _write_articles(folder: Path, tag: str, count: int) -> None:
    folder.mkdir(parents=True)
    for i in range(count):
        (folder / f"{tag}-{i}.txt").write_text(_article(f"{tag}-{i}", i), encoding="utf-8")


def _read_log(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def _run_workers(db_url: str, tmp_path: Path) -> list[dict[str, Any]]:
    go = tmp_path / "go"
    procs: list[tuple[subprocess.Popen[bytes], Path]] = []
    for i in range(PROCS):
        folder = tmp_path / f"articles-{i}"
        _write_articles(folder, f"w{i}", ARTICLES_PER_WORKER)
        out = tmp_path / f"worker-{i}.jsonl"
        cmd = [sys.executable, str(WORKER), db_url, str(i), str(folder), str(go)]
        cmd += [str(SECONDS), str(1000 + i), str(out)]
        proc = subprocess.Popen(cmd, cwd=ROOT, stderr=subprocess.PIPE)
        procs.append((proc, out))
    # Start everyone at once, after the slowest import.
    deadline = time.monotonic() + 120
    while not all(out.with_suffix(".ready").exists() for _, out in procs):
        assert all(p.poll() is None for p, _ in procs), "a worker died while starting"
        assert time.monotonic() < deadline, "workers never became ready"
        time.sleep(0.05)
    go.touch()
    entries: list[dict[str, Any]] = []
    for proc, out in procs:
        _, stderr = proc.communicate(timeout=SECONDS + 120)
        assert proc.returncode == 0, stderr.decode(errors="replace")[-3000:]
        entries.extend(_read_log(out))
    return entries


@pytest.mark.slow
def test_concurrent_ingest_and_review_lose_nothing(
    db: Database, db_url: str, tmp_path: Path
) -> None:
    seed = tmp_path / "seed"
    _write_articles(seed, "seed", 4)
    seeded = ingest_paths(db, [seed], IngestOptions(actor="seed"), workers=1)
    assert len(seeded.stored) == 4 and seeded.claim_count > 0, "the seed articles gave no claims"

    entries = _run_workers(db_url, tmp_path)

    errors = [e for e in entries if e["kind"] == "error"]
    assert not errors, "\n".join(
        f"{e['error']}: {e['message']}\n{e.get('traceback', '')}" for e in errors[:5]
    )
    refused = Counter(e["error"] for e in entries if e["kind"] == "refused")
    assert set(refused) <= ALLOWED_REFUSALS, refused
    actions = [e for e in entries if e["kind"] == "action"]
    ingests = [e for e in entries if e["kind"] == "ingest"]
    print(
        f"\n{PROCS} workers, {SECONDS:.0f} s on {db.engine.dialect.name}: "
        f"{len(actions)} actions committed, {dict(refused)} refused, "
        f"{len(ingests)} articles ingested"
    )
    assert len(actions) >= PROCS, "the workers barely worked; the run proves nothing"
    assert ingests, "no worker ingested an article"

    reported: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for e in actions:
        reported[e["claim"]].append(e)

    with db.session() as s:
        claims = {c.id: c for c in s.scalars(select(Claim))}
        events: dict[int, list[ReviewEvent]] = defaultdict(list)
        for ev in s.scalars(select(ReviewEvent).order_by(ReviewEvent.id)):
            events[ev.claim_id].append(ev)
        sources = Counter(s.scalars(select(Source.claim_id)))
        article_claims = dict(
            s.execute(
                select(Article.id, func.count(Claim.id)).outerjoin(Claim).group_by(Article.id)
            ).all()
        )
        total_events = s.scalar(select(func.count()).select_from(ReviewEvent))

    # Audit trail counts add up: one "extracted" per claim plus one per committed action.
    assert total_events == len(claims) + len(actions)
    assert set(reported) <= set(claims)

    for claim_id, claim in claims.items():
        history = events[claim_id]
        mine = sorted(reported.get(claim_id, []), key=lambda e: e["version"])
        assert history[0].action == "extracted", claim_id
        assert [ev.action for ev in history[1:]] == [e["action"] for e in mine], claim_id
        assert [ev.actor for ev in history[1:]] == [e["actor"] for e in mine], claim_id
        # Versions reported are 2, 3, ... without gap or repeat: no update was lost.
        assert [e["version"] for e in mine] == list(range(2, 2 + len(mine))), claim_id
        assert claim.version == len(history), claim_id
        expected_status = mine[-1]["status"] if mine else "new"
        assert claim.status == expected_status, claim_id
        if history[1:]:
            assert history[-1].to_status == expected_status, claim_id
        # Each event starts where the previous one ended.
        for before, after in pairwise(history):
            assert after.from_status == before.to_status, (claim_id, after.id)
        assert sources[claim_id] == sum(e["source_delta"] for e in mine), claim_id

    # Every reported ingest is stored whole, with the claim count it reported.
    for e in ingests:
        assert article_claims.get(e["article"]) == e["claims"], e
    assert len(article_claims) == len(seeded.stored) + len(ingests)
