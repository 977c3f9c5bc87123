"""Memory of past verdicts: matching quality on the hand-written pairs, and the time
to suggest previously checked claims with 100,000 claims stored.

    .venv/bin/python benchmarks/memory_speed.py                       # SQLite (temp file)
    .venv/bin/python benchmarks/memory_speed.py --postgres URL        # also PostgreSQL (WIPES it)
    .venv/bin/python benchmarks/memory_speed.py --claims 20000        # a smaller store

Claims are generated from templates (a few hundred places and companies, random
numbers, twenty predicates), a tenth of them reviewed (verdict set), and bulk
inserted with one executemany. Then `similar_claims` runs for 300 new claims that
paraphrase stored ones and `search_claims` for 300 two-word queries. Target: the
suggestion for a new claim under 20 ms. Exits 1 if the median misses it.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert, text  # noqa: E402

from factcheck.memory import features, same_claim, search_claims, similar_claims  # noqa: E402
from factcheck.segmenter.quantities import find_quantities  # noqa: E402
from factcheck.segmenter.wordlists import wordset  # noqa: E402
from factcheck.store import migrate  # noqa: E402
from factcheck.store.database import Database  # noqa: E402
from factcheck.store.models import Article, Claim, Kind, Status  # noqa: E402

TARGET_MS = 20.0

PLACES = wordset(
    "Shenzhen Shanghai Beijing London Paris Berlin Madrid Rome Lagos Cairo Nairobi Tokyo Osaka "
    "Seoul Mumbai Delhi Jakarta Manila Sydney Toronto Chicago Houston Boston Denver Seattle Lima "
    "Bogota Santiago Oslo Stockholm Helsinki Warsaw Prague Vienna Zurich Dublin Lisbon Athens "
    "Istanbul Ankara Tehran Riyadh Dubai Karachi Dhaka Hanoi Bangkok Singapore Auckland Accra"
)
COMPANIES = wordset(
    "Tesla Apple Amazon Google Samsung Toyota Siemens Nestle Unilever Shell BP Huawei Tencent "
    "Alibaba Sony Nike Adidas Pfizer Moderna Boeing Airbus Walmart Ikea Volvo Nokia Ericsson"
)
TEMPLATES = (
    "{place} was home to over {n} million foreigners",
    "unemployment in {place} fell to {p}% in {year}",
    "{company} sold {n} million cars in {year}",
    "{place} has about {n} million residents",
    "{company} paid ${n} billion in fines",
    "the population of {place} grew by {p}% last year",
    "the new bridge in {place} cost €{k} million",
    "fewer than {k} doctors work in {place}",
    "{company} employs {k},000 workers in {place}",
    "{place} welcomed {n} million tourists in {year}",
    "{place} built {k},000 new homes",
    "inflation in {place} reached {p}%",
    "{company} invested ${n} billion in {place}",
    "{place} has {k} bakeries",
    "{company}'s profit fell {p}% in the quarter",
    "the {place} metro carries {n} million passengers a day",
    "{place} recycles {p}% of its waste",
    "{company} opened {k} stores in {place}",
    "house prices in {place} rose {p}% in {year}",
    "{place} spent ${n} billion on schools",
)
# (stored wording, the new claim's wording) for the first five templates.
PARAPHRASES = (
    (TEMPLATES[0], "more than {n} million foreigners live in {place}"),
    (TEMPLATES[1], "the jobless rate in {place} dropped to {p} per cent in {year}"),
    (TEMPLATES[2], "in {year} {company} delivered {n} million vehicles"),
    (TEMPLATES[3], "roughly {n} million people live in {place}"),
    (TEMPLATES[4], "{company} was fined {n} billion dollars"),
)


def _values(rng: random.Random) -> dict[str, object]:
    return {
        "place": rng.choice(sorted(PLACES)),
        "company": rng.choice(sorted(COMPANIES)),
        "n": rng.randint(1, 40),
        "p": rng.randint(1, 60),
        "k": rng.randint(100, 990),
        "year": rng.randint(2005, 2024),
    }


def populate(db: Database, count: int, rng: random.Random) -> list[dict[str, object]]:
    """Store `count` claims (a tenth reviewed); returns the values behind reviewed ones."""
    now = datetime.now(UTC)
    reviewed: list[dict[str, object]] = []
    with db.transaction() as s:
        article_ids = list(
            s.scalars(
                insert(Article).returning(Article.id, sort_by_parameter_order=True),
                [
                    {"title": f"Article {i}", "text": "-", "content_hash": f"bench-{i}"}
                    for i in range(count // 50)
                ],
            )
        )
    rows = []
    for i in range(count):
        values = _values(rng)
        template = rng.choice(TEMPLATES[:5]) if i % 10 == 0 else rng.choice(TEMPLATES)
        claim_text = template.format(**values)
        is_reviewed = i % 10 == 0
        if is_reviewed:
            reviewed.append({**values, "template": template})
        rows.append(
            {
                "article_id": article_ids[i % len(article_ids)],
                "text": claim_text,
                "sentence": claim_text,
                "start": 0,
                "end": len(claim_text),
                "kind": Kind.QUANTITY,
                "score": rng.random(),
                "checkworthy": True,
                "reasons": [],
                "quantities": [f.quantity.to_json() for f in find_quantities(claim_text)],
                "times": [],
                "status": Status.APPROVED if is_reviewed else Status.NEW,
                "verdict": rng.choice(["True", "Mostly false", "False"]) if is_reviewed else None,
                "verdict_at": now if is_reviewed else None,
                "created_at": now,
                "updated_at": now,
                "version": 1,
            }
        )
    started = time.perf_counter()
    with db.transaction() as s:
        for i in range(0, len(rows), 10_000):
            s.execute(insert(Claim), rows[i : i + 10_000])
    print(f"  stored {count:,} claims in {time.perf_counter() - started:.1f} s (bulk insert)")
    if db.is_sqlite:
        with db.engine.begin() as conn:
            conn.execute(text("ANALYZE"))
    else:
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE claim"))
    return reviewed


def _ms(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    return f"median {statistics.median(ordered):.1f} ms, p95 {p95:.1f} ms, max {ordered[-1]:.1f} ms"


def measure(url: str, count: int, label: str) -> bool:
    rng = random.Random(7)
    db = Database(url)
    migrate.upgrade(db, "head")
    print(f"{label}:")
    reviewed = populate(db, count, rng)
    queries = []
    for values in rng.sample(reviewed, 300):
        pair = next((p for p in PARAPHRASES if p[0] == values["template"]), None)
        if pair is not None:
            queries.append(pair[1].format(**values))
    suggest: list[float] = []
    hits = 0
    with db.session() as s:
        similar_claims(s, queries[0])  # warm caches, as a running desk would be
        for query in queries:
            started = time.perf_counter()
            matches = similar_claims(s, query)
            suggest.append((time.perf_counter() - started) * 1000)
            hits += bool(matches)
        search: list[float] = []
        for values in rng.sample(reviewed, 300):
            query = f"{values['place']} {str(values['template']).split()[1][:4]}"
            started = time.perf_counter()
            search_claims(s, query, limit=50)
            search.append((time.perf_counter() - started) * 1000)
    db.dispose()
    median = statistics.median(suggest)
    print(f"  similar_claims for {len(queries)} new claims: {_ms(suggest)}")
    print(f"    {hits}/{len(queries)} found a previously checked claim")
    print(f"  search_claims (2 words, 50 rows): {_ms(search)}")
    ok = median < TARGET_MS
    print(f"  target: suggestion under {TARGET_MS:.0f} ms: {'met' if ok else 'MISSED'}")
    return ok


def matching_quality() -> None:
    from tests.memory.pairs import NON_PAIRS, PAIRS

    tp = sum(same_claim(features(a), features(b)) for a, b in PAIRS)
    fp = sum(same_claim(features(a), features(b)) for a, b in NON_PAIRS)
    precision, recall = tp / max(tp + fp, 1), tp / len(PAIRS)
    print(
        f"matching on {len(PAIRS)} pairs and {len(NON_PAIRS)} non-pairs: "
        f"precision {precision:.3f}, recall {recall:.3f} (tp {tp}, fp {fp}, fn {len(PAIRS) - tp})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--postgres", metavar="URL", help="also run on this PostgreSQL (wiped)")
    args = parser.parse_args()
    matching_quality()
    ok = True
    with tempfile.TemporaryDirectory() as folder:
        ok &= measure(f"sqlite:///{folder}/memory.db", args.claims, "SQLite")
    if args.postgres:
        from sqlalchemy import create_engine

        engine = create_engine(args.postgres)
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
        engine.dispose()
        ok &= measure(args.postgres, args.claims, "PostgreSQL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
