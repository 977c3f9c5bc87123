"""Run every benchmark script present, one after another, and summarise.

    .venv/bin/python benchmarks/run_all.py
    .venv/bin/python benchmarks/run_all.py --postgres postgresql+psycopg://u@host/db
    .venv/bin/python benchmarks/run_all.py --only ingest_speed --only export_speed

Scripts run one at a time on purpose: on a 2-core machine two benchmarks at once
would each measure the other. A script that is missing (not written yet) is skipped;
one that fails is reported and the rest still run. Each script prints its own
figures; this prints a summary of wall times and exit statuses at the end.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# The known scripts in a sensible order; any other benchmarks/*.py runs after them.
KNOWN = (
    "segmenter_speed",
    "checkworthiness_speed",
    "export_speed",
    "tui_speed",
    "workflow_speed",
    "ingest_speed",
)
# Scripts that can also measure PostgreSQL, and the flags that ask them to.
POSTGRES_AWARE = {"ingest_speed": ["--reset"], "workflow_speed": ["--reset"]}


def scripts() -> list[str]:
    """Known names first (present or not, so a missing one is reported), then the rest."""
    found = sorted(p.stem for p in HERE.glob("*.py") if p.stem not in ("run_all", "__init__"))
    return [*KNOWN, *(name for name in found if name not in KNOWN)]


def _command(name: str, postgres: str | None) -> list[str]:
    cmd = [sys.executable, str(HERE / f"{name}.py")]
    if postgres and name in POSTGRES_AWARE:
        cmd += ["--postgres", postgres, *POSTGRES_AWARE[name]]
    return cmd


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run every benchmarks/*.py script present.")
    parser.add_argument(
        "--postgres",
        metavar="URL",
        help="PostgreSQL database the ingest and workflow benchmarks WIPE and fill",
    )
    parser.add_argument("--only", action="append", metavar="NAME", help="run only these")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds per script")
    args = parser.parse_args(argv)

    chosen = args.only or scripts()
    print(f"benchmarks on {os.cpu_count()} cores, Python {sys.version.split()[0]}, {time.ctime()}")
    outcomes: list[tuple[str, str, float]] = []
    for name in chosen:
        path = HERE / f"{name}.py"
        if not path.is_file():
            outcomes.append((name, "missing, skipped", 0.0))
            continue
        print(f"\n=== {name} ===", flush=True)
        start = time.perf_counter()
        try:
            proc = subprocess.run(_command(name, args.postgres), cwd=ROOT, timeout=args.timeout)
            status = "ok" if proc.returncode == 0 else f"FAILED (exit {proc.returncode})"
        except subprocess.TimeoutExpired:
            status = f"TIMED OUT after {args.timeout:.0f} s"
        outcomes.append((name, status, time.perf_counter() - start))

    print("\n=== summary ===")
    for name, status, seconds in outcomes:
        took = f"{seconds:7.1f} s" if seconds else " " * 9
        print(f"{name:<24} {took}  {status}")
    return 1 if any(s.startswith(("FAILED", "TIMED")) for _, s, _ in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
