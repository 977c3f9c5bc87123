"""How long each report format takes for 100,000 claims, and how much memory it needs.

    .venv/bin/python benchmarks/export_speed.py                   # 100,000 claims
    .venv/bin/python benchmarks/export_speed.py --claims 10000    # compare memory
    .venv/bin/python benchmarks/export_speed.py --formats csv json

Builds an SQLite database in a temporary folder (1,000 articles, every claim
approved with 1-2 sources and 4 history events, inserted in bulk with
`session.execute(insert(Claim), rows)`), then exports every format end to end with
`export_to_path` (query, render, write, fsync, rename) in a fresh child process each,
so the peak memory (VmHWM) belongs to that format alone. "base" is the child's
memory after imports and opening the database, before the export; streaming shows as
a peak that barely grows with the number of claims.

Targets (issue 7): CSV and JSON under 5 s, HTML under 15 s (wall time, checked on
the printed seconds; "cpu s" is the child's own CPU time, which other processes on a
busy machine do not inflate). Exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGETS = {"csv": 5.0, "json": 5.0, "html": 15.0}
FORMATS = ("markdown", "html", "json", "csv", "claimreview")
SENTENCES = (
    "The city has over {n} million foreign residents, the mayor said.",
    "Rents rose {n}% in {y}, according to the housing office.",
    "Unemployment fell to {n}.2% last year, the lowest since {y}.",
    "The port handled {n} million containers in {y}.",
    "Officials say crime dropped by a third after {y}.",
)
VERDICTS = ("True", "Mostly true", "Half true", "Mostly false", "False", "Misleading")


def _peak_mb() -> float:
    """This process's peak resident memory (VmHWM). Not ru_maxrss: on Linux a child
    started from a big parent inherits the parent's high-water mark in ru_maxrss."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def build(path: Path, claims: int, articles: int) -> float:
    """Fill a fresh SQLite database; returns the seconds it took."""
    from sqlalchemy import insert

    from factcheck.store import migrate
    from factcheck.store.database import Database
    from factcheck.store.models import Article, Claim, ReviewEvent, Source

    t0 = time.perf_counter()
    db = Database(f"sqlite:///{path}")
    migrate.upgrade(db, "head")
    rng = random.Random(7)
    per_article = max(1, claims // articles)
    now = datetime(2026, 3, 1, tzinfo=UTC)
    with db.transaction() as s:
        article_rows = []
        texts: list[tuple[str, list[tuple[int, int]]]] = []
        for a in range(articles):
            parts, spans, pos = [], [], 0
            for _ in range(per_article):
                sentence = rng.choice(SENTENCES).format(
                    n=rng.randint(2, 99), y=rng.randint(1990, 2025)
                )
                spans.append((pos, pos + len(sentence)))
                parts.append(sentence)
                pos += len(sentence) + 1
            text = " ".join(parts)
            texts.append((text, spans))
            article_rows.append(
                {
                    "id": a + 1,
                    "title": f"Article {a + 1}: the economy <in> numbers",
                    "url": f"https://news.example.com/{a + 1}",
                    "outlet": "Example Daily",
                    "author": "Jo Writer",
                    "published": date(2026, 1, 1) + timedelta(days=a % 300),
                    "ingested_at": now,
                    "text": text,
                    "content_hash": f"{a:064d}",
                    "language": "en",
                }
            )
        s.execute(insert(Article), article_rows)
        claim_rows, source_rows, event_rows = [], [], []
        cid = 0
        for a, (text, spans) in enumerate(texts):
            for start, end in spans:
                if cid >= claims:
                    break
                cid += 1
                sentence = text[start:end]
                at = now + timedelta(seconds=cid)
                claim_rows.append(
                    {
                        "id": cid,
                        "article_id": a + 1,
                        "text": sentence,
                        "sentence": sentence,
                        "start": start,
                        "end": end,
                        "kind": "quantity",
                        "score": rng.random(),
                        "checkworthy": True,
                        "reasons": ["number", "named source"],
                        "quantities": [{"value": 3.0, "bound": "exact", "unit": "%", "text": "3%"}],
                        "times": [
                            {"expression": "in 2023", "date": "2023-01-01", "granularity": "year"}
                        ],
                        "speaker": "the mayor" if cid % 3 == 0 else None,
                        "status": "approved",
                        "verdict": VERDICTS[cid % len(VERDICTS)],
                        "explanation": "Official statistics give a different figure; "
                        "see the census table and the ministry's note.",
                        "verdict_by": "alice",
                        "verdict_at": at,
                        "approved_by": "bob",
                        "approved_at": at,
                        "created_at": at,
                        "updated_at": at,
                        "version": 5,
                    }
                )
                for k in range(1 + cid % 2):
                    source_rows.append(
                        {
                            "claim_id": cid,
                            "url": f"https://stats.example.gov/table/{cid}/{k}",
                            "title": "Census table",
                            "note": "page 4",
                            "stance": "refutes",
                            "added_by": "alice",
                            "added_at": at,
                        }
                    )
                for action, frm, to in (
                    ("triage", "new", "to_check"),
                    ("start_research", "to_check", "researching"),
                    ("submit", "researching", "in_review"),
                    ("approve", "in_review", "approved"),
                ):
                    event_rows.append(
                        {
                            "claim_id": cid,
                            "actor": "alice",
                            "action": action,
                            "from_status": frm,
                            "to_status": to,
                            "details": {},
                            "at": at,
                        }
                    )
            if len(claim_rows) >= 10_000 or a == len(texts) - 1:
                # In slices, so the parent does not hold every row while children run.
                s.execute(insert(Claim), claim_rows)
                s.execute(insert(Source), source_rows)
                s.execute(insert(ReviewEvent), event_rows)
                claim_rows, source_rows, event_rows = [], [], []
    db.dispose()
    return time.perf_counter() - t0


def child(fmt: str, db_path: Path, out: Path) -> None:
    """Runs in its own process: one export, then print timing and memory as JSON."""
    from factcheck.export import export_to_path
    from factcheck.export.registry import get_writer
    from factcheck.store.database import Database

    db = Database(f"sqlite:///{db_path}")
    get_writer(fmt)  # import the format modules before measuring the base
    base = _peak_mb()
    cpu0 = _cpu_seconds()
    t0 = time.perf_counter()
    count = export_to_path(db, fmt, out, overwrite=True)
    seconds = time.perf_counter() - t0
    cpu = _cpu_seconds() - cpu0
    print(
        json.dumps(
            {
                "seconds": seconds,
                "cpu": cpu,
                "claims": count,
                "peak_mb": _peak_mb(),
                "base_mb": base,
                "bytes": out.stat().st_size,
            }
        )
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--articles", type=int, default=1_000)
    parser.add_argument("--formats", nargs="+", choices=FORMATS, default=list(FORMATS))
    parser.add_argument("--keep", type=Path, help="build the database in this folder and keep it")
    parser.add_argument(
        "--reuse", action="store_true", help="with --keep: reuse a database built before"
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child, args.db, args.out)
        return 0

    with tempfile.TemporaryDirectory(prefix="export-bench-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        db_path = folder / "export-bench.db"
        if args.reuse and args.keep and db_path.exists():
            print(f"database: reusing {db_path}")
        else:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db_path}{suffix}").unlink(missing_ok=True)
            built = build(db_path, args.claims, args.articles)
            print(
                f"database: {args.claims:,} approved claims in {args.articles:,} articles, "
                f"1-2 sources and 4 events each; built in {built:.1f} s "
                f"({db_path.stat().st_size / 1e6:.0f} MB)"
            )
        failed = False
        load = os.getloadavg()[0]
        print(f"load average {load:.1f} on {os.cpu_count()} cores (wall time grows with it)")
        print(
            f"{'format':<12} {'seconds':>8} {'cpu s':>6} {'claims':>8} {'MB out':>7} "
            f"{'base MB':>8} {'peak MB':>8}  target (wall seconds)"
        )
        for fmt in args.formats:
            out = folder / f"report.{fmt}"
            proc = subprocess.run(
                [sys.executable, __file__, "--child", fmt, "--db", str(db_path), "--out", str(out)],
                capture_output=True,
                text=True,
                cwd=ROOT,
            )
            if proc.returncode != 0:
                print(f"{fmt:<12} FAILED\n{proc.stderr}")
                failed = True
                continue
            r = json.loads(proc.stdout.strip().splitlines()[-1])
            target = TARGETS.get(fmt)
            verdict = ""
            if target is not None:
                ok = r["seconds"] < target
                verdict = f"< {target:.0f} s {'ok' if ok else 'MISSED'}"
                failed |= not ok
            print(
                f"{fmt:<12} {r['seconds']:>8.2f} {r['cpu']:>6.2f} {r['claims']:>8,} "
                f"{r['bytes'] / 1e6:>7.1f} "
                f"{r['base_mb']:>8.0f} {r['peak_mb']:>8.0f}  {verdict}",
                flush=True,
            )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
