"""How fast the review desk's reads and writes are on a large database.

    .venv/bin/python benchmarks/workflow_speed.py                 # SQLite, 100,000 claims
    .venv/bin/python benchmarks/workflow_speed.py --claims 20000
    .venv/bin/python benchmarks/workflow_speed.py --postgres URL --reset

Fills a fresh database with claims spread over articles and statuses (bulk insert,
not the segmenter), then times the queries the TUI runs on every screen (a page of
claims per sort and filter, deep keyset pages, counts, one claim's detail) and the
workflow actions (one transaction each). Prints medians in milliseconds.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import create_engine, insert, text

from factcheck import workflow as wf
from factcheck.store import migrate
from factcheck.store.database import Database
from factcheck.store.models import Article, Claim

STATUS_WEIGHTS = {
    "new": 70,
    "to_check": 10,
    "dismissed": 10,
    "researching": 5,
    "in_review": 3,
    "approved": 2,
}
KINDS = ["quantity", "comparison", "causal", "fact", "temporal", "personal", "opinion"]


def _fill(db: Database, claims: int, per_article: int, seed: int) -> float:
    rng = random.Random(seed)
    articles = max(1, claims // per_article)
    start = time.perf_counter()
    now = datetime.now(UTC)
    with db.transaction() as s:
        s.execute(
            insert(Article),
            [
                {
                    "title": f"Article {i}",
                    "text": "Para one.\n\nPara two with the claim.\n\nPara three.",
                    "content_hash": f"bench-{i}",
                    "ingested_at": now,
                    "language": "en",
                }
                for i in range(1, articles + 1)
            ],
        )
        statuses = list(STATUS_WEIGHTS)
        weights = list(STATUS_WEIGHTS.values())
        rows = []
        for i in range(claims):
            rows.append(
                {
                    "article_id": 1 + i % articles,
                    "text": f"claim number {i} about {rng.choice(['GDP', 'jobs', 'crime'])}",
                    "sentence": "Para two with the claim.",
                    "start": 11 + (i // articles) * 3,
                    "end": 35,
                    "kind": rng.choice(KINDS),
                    "score": round(rng.random(), 3),
                    "checkworthy": True,
                    "reasons": ["number"],
                    "quantities": [],
                    "times": [],
                    "status": rng.choices(statuses, weights)[0],
                    "assignee": rng.choice([None, None, "ana", "ben"]),
                    "created_at": now,
                    "updated_at": now - timedelta(seconds=rng.randrange(10**6)),
                    "version": 1,
                }
            )
        for chunk in range(0, len(rows), 10_000):
            s.execute(insert(Claim), rows[chunk : chunk + 10_000])
    if not db.is_sqlite:
        with db.engine.begin() as conn:
            conn.execute(text("ANALYZE"))
    else:
        with db.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
    return time.perf_counter() - start


def _median_ms(fn: Callable[[], object], repeat: int) -> float:
    fn()  # warm the cache and the statement cache
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--per-article", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--postgres", metavar="URL", help="measure this PostgreSQL database")
    parser.add_argument("--reset", action="store_true", help="drop and recreate its schema")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        url = args.postgres or f"sqlite:///{Path(tmp) / 'bench.db'}"
        if args.postgres:
            if not args.reset:
                parser.error("--postgres needs --reset (the schema is dropped and recreated)")
            engine = create_engine(url)
            with engine.begin() as conn:
                conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
                conn.execute(text("CREATE SCHEMA public"))
            engine.dispose()
        db = Database(url)
        migrate.upgrade(db, "head")
        fill = _fill(db, args.claims, args.per_article, args.seed)
        backend = "PostgreSQL" if args.postgres else "SQLite"
        print(f"{backend}: {args.claims:,} claims filled in {fill:.1f} s")

        everything = wf.ClaimFilter()
        new_only = wf.ClaimFilter(statuses=frozenset({"new"}))
        queue = wf.ClaimFilter(statuses=frozenset({"to_check", "researching"}))
        one_article = wf.ClaimFilter(article_id=1)
        search = wf.ClaimFilter(search="gdp")

        def page(flt: wf.ClaimFilter, sort: str) -> Callable[[], object]:
            def run() -> object:
                with db.session() as s:
                    return wf.list_claims(s, flt, sort=sort, limit=100)

            return run

        def deep(flt: wf.ClaimFilter, sort: str, pages: int) -> Callable[[], object]:
            def run() -> object:
                with db.session() as s:
                    after = None
                    for _ in range(pages):
                        rows = wf.list_claims(s, flt, sort=sort, limit=100, after=after)
                        if not rows:
                            break
                        after = wf.cursor_of(rows[-1], sort)
                return after

            return run

        def read(fn: Callable[..., object], *a: object) -> Callable[[], object]:
            def run() -> object:
                with db.session() as s:
                    return fn(s, *a)

            return run

        cases: list[tuple[str, Callable[[], object]]] = [
            ("page of 100, all statuses, by score", page(everything, "score")),
            ("page of 100, status new, by score", page(new_only, "score")),
            ("page of 100, to_check+researching", page(queue, "score")),
            ("page of 100, by updated", page(everything, "updated")),
            ("page of 100, one article, by position", page(one_article, "position")),
            ("page of 100, search 'gdp'", page(search, "score")),
            ("50 keyset pages (5,000 rows), status new", deep(new_only, "score", 50)),
            ("count_claims, all", read(wf.count_claims, everything)),
            ("status_counts, all", read(wf.status_counts, everything)),
            ("list_articles", read(wf.list_articles)),
            ("claim_detail", read(wf.claim_detail, 1)),
        ]
        for name, fn in cases:
            print(f"  {name:<45} {_median_ms(fn, args.repeat):8.2f} ms")

        # Writes: a full claim life per claim, each action its own transaction.
        with db.session() as s:
            ids = [r.id for r in wf.list_claims(s, new_only, limit=args.repeat)]
        steps: dict[str, list[float]] = {}

        def timed(name: str, fn: Callable[..., object], *a: object) -> None:
            t = time.perf_counter()
            with db.transaction() as s:
                fn(s, *a)
            steps.setdefault(name, []).append(time.perf_counter() - t)

        for cid in ids:
            timed("triage", wf.triage, cid, "ana")
            timed("start", wf.start_research, cid, "ana")
            timed("add_source", wf.add_source, cid, "ana", f"https://example.org/{cid}")
            timed("set_verdict", wf.set_verdict, cid, "ana", "True", "Checked.")
            timed("submit", wf.submit, cid, "ana")
            timed("approve", wf.approve, cid, "ben")
        for name, values in steps.items():
            print(f"  action {name:<38} {statistics.median(values) * 1000:8.2f} ms")
        db.dispose()


if __name__ == "__main__":
    main()
