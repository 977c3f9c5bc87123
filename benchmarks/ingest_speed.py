"""Ingest speed: the whole BBC corpus into a fresh SQLite file, and into PostgreSQL.

Run by hand (not in CI):

    .venv/bin/python benchmarks/ingest_speed.py
    .venv/bin/python benchmarks/ingest_speed.py --postgres postgresql+psycopg://u@host/db --reset
    .venv/bin/python benchmarks/ingest_speed.py --profile      # cProfile of the parent process

Each backend runs in its own child process, so peak memory (ru_maxrss of the child,
plus the largest of its segmenting pool workers) belongs to that backend alone and
the import cost of the first run does not flatter the second.
Targets on the 2-core reference machine: SQLite < 10 s, PostgreSQL < 20 s.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bbc"
TARGETS = {"sqlite": 10.0, "postgresql": 20.0}


def corpus_folders(corpus: Path) -> list[Path]:
    """The category folders: the corpus root also holds a README and notes, not articles."""
    folders = sorted(p for p in corpus.iterdir() if p.is_dir() and not p.name.startswith("."))
    if not folders:
        raise SystemExit(f"no category folders under {corpus}")
    return folders


def _reset_postgres(url: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def _cpu_seconds() -> tuple[float, float]:
    """User+system CPU of this process and of its finished children (the pool workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, kids.ru_utime + kids.ru_stime


def run_one(url: str, corpus: Path, workers: int | None, profile: bool) -> dict[str, Any]:
    """Migrate `url` to head, time one ingest of the corpus, count what was stored."""
    t_import = time.perf_counter()
    from sqlalchemy import func, select

    from factcheck.ingest import IngestOptions, ingest_paths
    from factcheck.store import migrate
    from factcheck.store.database import Database
    from factcheck.store.models import Article, Claim

    import_s = time.perf_counter() - t_import
    db = Database(url)
    migrate.upgrade(db, "head")
    with db.session() as s:
        if s.scalar(select(func.count()).select_from(Article)):
            raise SystemExit(f"{db.display_url} already holds articles; use --reset or a new one")
    folders = corpus_folders(corpus)
    options = IngestOptions(actor="benchmark")

    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    load_before = os.getloadavg()[0]
    cpu_before = _cpu_seconds()
    start = time.perf_counter()
    report = ingest_paths(db, folders, options, workers=workers)
    seconds = time.perf_counter() - start
    own_cpu, kids_cpu = (
        after - before for after, before in zip(_cpu_seconds(), cpu_before, strict=True)
    )
    if profiler is not None:
        import pstats

        profiler.disable()
        stats = pstats.Stats(profiler, stream=sys.stderr)
        stats.sort_stats("cumulative").print_stats(30)
        stats.sort_stats("tottime").print_stats(20)

    with db.session() as s:
        articles = s.scalar(select(func.count()).select_from(Article)) or 0
        claims = s.scalar(select(func.count()).select_from(Claim)) or 0
    db.dispose()
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "backend": db.engine.dialect.name,
        "files": len(report.stored) + len(report.duplicates) + len(report.failed),
        "stored": articles,
        "duplicates": len(report.duplicates),
        "failed": [f"{p}: {why}" for p, why in report.failed],
        "claims": claims,
        "seconds": seconds,
        "import_seconds": import_s,
        "cpu_parent": own_cpu,
        "cpu_workers": kids_cpu,
        "load_before": load_before,
        "peak_rss_mb": own / 1024,
        "peak_child_rss_mb": kids / 1024,
        "workers": workers if workers is not None else min(4, os.cpu_count() or 1),
    }


def _child(url: str, args: argparse.Namespace) -> dict[str, Any]:
    """Run one backend in a fresh interpreter and read back its JSON line."""
    cmd = [sys.executable, __file__, "--child", url, "--corpus", str(args.corpus)]
    if args.workers is not None:
        cmd += ["--workers", str(args.workers)]
    if args.profile:
        cmd.append("--profile")
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    if proc.returncode != 0:
        raise SystemExit(f"benchmark child failed for {url} (exit {proc.returncode})")
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def _print(result: dict[str, Any]) -> None:
    target = TARGETS.get(result["backend"])
    verdict = ""
    if target is not None:
        verdict = f"  target < {target:.0f} s: {'met' if result['seconds'] < target else 'MISSED'}"
    print(
        f"{result['backend']:<10} {result['seconds']:7.2f} s  "
        f"{result['files'] / result['seconds']:7.1f} articles/s  "
        f"stored {result['stored']} articles ({result['duplicates']} duplicates skipped), "
        f"{result['claims']} claims  "
        f"peak RSS {result['peak_rss_mb']:.0f} MB "
        f"(largest worker {result['peak_child_rss_mb']:.0f} MB)  "
        f"workers {result['workers']}  imports {result['import_seconds']:.2f} s{verdict}"
    )
    print(
        f"{'':<10} CPU: parent (storing) {result['cpu_parent']:.1f} s, "
        f"workers (reading+segmenting) {result['cpu_workers']:.1f} s; "
        f"load average before the run {result['load_before']:.1f}"
    )
    for line in result["failed"]:
        print(f"    not ingested: {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--postgres", metavar="URL", help="also ingest into this PostgreSQL DB")
    parser.add_argument(
        "--reset", action="store_true", help="drop and recreate the PostgreSQL public schema first"
    )
    parser.add_argument("--workers", type=int, help="segmenting processes (default: ingest's)")
    parser.add_argument("--profile", action="store_true", help="print cProfile stats to stderr")
    parser.add_argument("--child", metavar="URL", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if not args.corpus.is_dir():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    if args.child:
        result = run_one(args.child, args.corpus, args.workers, args.profile)
        print(json.dumps(result))
        return 0

    files = sum(1 for folder in corpus_folders(args.corpus) for _ in folder.glob("*.txt"))
    megabytes = sum(
        p.stat().st_size for folder in corpus_folders(args.corpus) for p in folder.glob("*.txt")
    )
    print(f"ingest_speed: {files} files, {megabytes / 1e6:.1f} MB from {args.corpus}")
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory(prefix="fc-bench-") as tmp:
        _print(_child(f"sqlite:///{Path(tmp) / 'bench.db'}", args))
    if args.postgres:
        if args.reset:
            _reset_postgres(args.postgres)
        _print(_child(args.postgres, args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
