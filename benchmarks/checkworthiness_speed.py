"""How fast the check-worthiness model scores, and what loading it adds to start-up.

Run: .venv/bin/python benchmarks/checkworthiness_speed.py [N]
Prints sentences per second for `score_many` (the ranking path) and `score` (with
reasons), and what importing the model, loading its weights and scoring one sentence
adds to the start-up of a fresh `factcheck` process.
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import time

from factcheck.checkworthiness.data import default_benchmarks_dir, read_claimbuster

FALLBACK = [
    "Unemployment fell from 10% to 4.9% while we created 2,223,000 jobs in 2016.",
    "I believe we are a great country and I feel good about it.",
    "Thank you very much, good evening.",
    "My opponent voted for the Iraq war and for the bank bailout in 2008.",
]


def sentences(n: int) -> list[str]:
    root = default_benchmarks_dir()
    try:
        texts = read_claimbuster(root).texts
    except Exception:
        texts = FALLBACK
    return (texts * (n // len(texts) + 1))[:n]


def fresh_process_seconds(code: str, runs: int = 7) -> tuple[float, float]:
    """Median wall-clock and CPU (user + system) seconds of a fresh interpreter."""
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        walls.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    texts = sentences(n)
    from factcheck.checkworthiness import score, score_many
    from factcheck.checkworthiness.model import WEIGHTS_PATH, load_model

    started = time.perf_counter()
    load_model()
    load_in_process = time.perf_counter() - started

    score_many(texts[:1000])  # warm caches
    started = time.perf_counter()
    cpu_started = time.process_time()
    score_many(texts)
    batch = time.perf_counter() - started
    batch_cpu = time.process_time() - cpu_started
    few = texts[:20_000]
    started = time.perf_counter()
    for text in few:
        score(text)
    single = time.perf_counter() - started

    # Start-up of the tool itself (the CLI imports click, re, dataclasses ...), with and
    # without importing the model, loading its weights and scoring one sentence.
    bare = fresh_process_seconds("import factcheck.cli")
    loaded = fresh_process_seconds(
        "import factcheck.cli\n"
        "from factcheck.checkworthiness import score; score('We cut taxes by 5%.')"
    )
    print(f"weights file: {WEIGHTS_PATH.stat().st_size / 1024:.0f} KiB")
    print(
        f"score_many: {len(texts) / batch:,.0f} sentences/s wall clock, "
        f"{len(texts) / batch_cpu:,.0f} per CPU second ({len(texts):,} sentences; the CPU "
        f"figure is the one-process speed when other work shares the cores)"
    )
    print(f"score with reasons: {len(few) / single:,.0f} sentences/s")
    print(f"load weights in process: {load_in_process * 1000:.1f} ms")
    print(
        f"start-up added by import + load + first score (median of 7 fresh processes): "
        f"{(loaded[0] - bare[0]) * 1000:.1f} ms wall clock, "
        f"{(loaded[1] - bare[1]) * 1000:.1f} ms CPU (python + factcheck.cli "
        f"{bare[0] * 1000:.0f} ms, with model {loaded[0] * 1000:.0f} ms)"
    )


if __name__ == "__main__":
    main()
