"""How fast the check-worthiness model scores, and what loading it adds to start-up.

Run: .venv/bin/python benchmarks/checkworthiness_speed.py [N]
Prints sentences per second for `score_many` (the ranking path) and `score` (with
reasons), and the time to import the package and load the weights in a fresh process.
"""

from __future__ import annotations

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


def fresh_process_seconds(code: str, runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


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
    score_many(texts)
    batch = time.perf_counter() - started
    few = texts[:20_000]
    started = time.perf_counter()
    for text in few:
        score(text)
    single = time.perf_counter() - started

    bare = fresh_process_seconds("import factcheck")
    loaded = fresh_process_seconds(
        "from factcheck.checkworthiness import score; score('We cut taxes by 5%.')"
    )
    print(f"weights file: {WEIGHTS_PATH.stat().st_size / 1024:.0f} KiB")
    print(f"score_many: {len(texts) / batch:,.0f} sentences/s ({len(texts):,} sentences)")
    print(f"score with reasons: {len(few) / single:,.0f} sentences/s")
    print(f"load weights in process: {load_in_process * 1000:.1f} ms")
    print(
        f"start-up added by import + load + first score (median of 7 fresh processes): "
        f"{(loaded - bare) * 1000:.1f} ms (python+factcheck {bare * 1000:.0f} ms, "
        f"with model {loaded * 1000:.0f} ms)"
    )


if __name__ == "__main__":
    main()
