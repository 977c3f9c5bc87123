"""How the review desk behaves on a big newsroom database (100,000 claims).

    .venv/bin/python benchmarks/tui_speed.py [--claims 100000] [--db PATH]

Builds an SQLite database (bulk insert, in a child process), runs the app headless at
160x48 and prints: time to a usable first screen (rows, counts and detail shown);
cursor-move latency from the key event to the repainted frame (300 moves, crossing
page loads and window slides); when the detail pane follows; the time from pressing
`t` to the frame showing the saved change; and peak memory (RSS) of the app process.
Targets: first screen < 1 s, cursor move < 50 ms, status change < 100 ms, < 250 MB.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck.store import migrate  # noqa: E402
from factcheck.store.database import Database  # noqa: E402
from factcheck.store.models import Article, Claim  # noqa: E402

KINDS = ["quantity", "comparison", "causal", "fact", "temporal", "personal", "opinion"]
STATUSES = ["new"] * 6 + ["to_check", "researching", "in_review", "approved", "dismissed"]
PHRASE = (
    "the city council said unemployment rose by percent last year while exports to China "
    "fell sharply according to official figures released on Tuesday by the ministry"
)
WORDS = PHRASE.split()


def build(path: Path, claims: int, per_article: int = 50) -> float:
    started = time.perf_counter()
    db = Database(f"sqlite:///{path}")
    migrate.upgrade(db, "head")
    rng = random.Random(7)
    t0 = datetime(2026, 1, 1, tzinfo=UTC)
    articles = max(1, claims // per_article)
    sentence = " ".join(WORDS) + ". "
    text = sentence * per_article
    with db.transaction() as s:
        s.execute(
            insert(Article),
            [
                {
                    "title": f"Article {i}: {' '.join(rng.sample(WORDS, 5))}",
                    "text": text,
                    "content_hash": f"{i:064d}",
                    "ingested_at": t0,
                    "language": "en",
                }
                for i in range(1, articles + 1)
            ],
        )
        rows = []
        for i in range(claims):
            article_id = i // per_article + 1
            start = (i % per_article) * len(sentence)
            words = rng.sample(WORDS, 10)
            rows.append(
                {
                    "article_id": article_id,
                    "text": " ".join(words),
                    "sentence": sentence.strip(),
                    "start": start,
                    "end": start + len(sentence) - 2,
                    "kind": rng.choice(KINDS),
                    "score": rng.random(),
                    "checkworthy": True,
                    "reasons": ["contains a number"],
                    "quantities": [],
                    "times": [],
                    "status": rng.choice(STATUSES),
                    "created_at": t0,
                    "updated_at": t0 + timedelta(seconds=i),
                    "version": 1,
                }
            )
        s.execute(insert(Claim), rows)
    db.dispose()
    return time.perf_counter() - started


class FrameClock:
    """Timestamps of the screen's repaints, to time a key press to the frame that shows it."""

    def __init__(self, screen: object) -> None:
        self.stamps: list[float] = []
        self.cpu: list[float] = []  # UI-thread CPU seconds of each key_to_frame
        original = screen._compositor_refresh  # type: ignore[attr-defined]

        def refresh() -> None:
            original()
            self.stamps.append(time.perf_counter())

        screen._compositor_refresh = refresh  # type: ignore[attr-defined]

    async def key_to_frame(self, app, key: str, done) -> float:  # type: ignore[no-untyped-def]
        """Seconds from posting `key` until a repaint after which `done()` holds."""
        from textual import events

        started = time.perf_counter()
        cpu = time.thread_time()
        app.post_message(events.Key(key, None))
        last_false = started
        while True:
            await asyncio.sleep(0.0005)
            if not done():
                last_false = time.perf_counter()
                continue
            seen = len(self.stamps)
            waited = time.perf_counter()
            while len(self.stamps) == seen and time.perf_counter() - waited < 0.5:
                await asyncio.sleep(0.0005)
            self.cpu.append(time.thread_time() - cpu)
            if len(self.stamps) > seen:
                return self.stamps[-1] - started
            # Painted before the poll saw it, and nothing has repainted since: take the
            # first frame after the last poll that saw the old state.
            return next(t for t in self.stamps if t > last_false) - started


async def measure(url: str) -> dict[str, float]:
    from dataclasses import replace

    from factcheck.tui.app import make_app
    from factcheck.tui.screens.desk import DeskScreen

    started = time.perf_counter()
    app = make_app(url, "bench", refresh_seconds=0)
    figures: dict[str, float] = {}
    async with app.run_test(size=(160, 48)) as pilot:
        desk = app.screen
        assert isinstance(desk, DeskScreen)
        while not (desk.table.row_count and desk.counts and desk.pane.detail):
            await asyncio.sleep(0.002)
        await pilot.pause()
        figures["first_screen_s"] = time.perf_counter() - started
        clock = FrameClock(desk)
        await asyncio.sleep(0.5)

        table = desk.table
        moves, details = [], []
        for _ in range(300):  # 300 rows: crosses page loads and window slides
            line = table.cursor_row
            moves.append(
                await clock.key_to_frame(app, "down", lambda was=line: table.cursor_row != was)
            )
            target = table.current_claim()
            t = time.perf_counter()
            while (
                desk.pane.detail is None or target is None or desk.pane.detail.row.id != target.id
            ):
                await asyncio.sleep(0.001)
            details.append(time.perf_counter() - t + moves[-1])
            await asyncio.sleep(0.02)
        figures["cursor_median_ms"] = statistics.median(moves) * 1000
        figures["cursor_p95_ms"] = sorted(moves)[int(len(moves) * 0.95)] * 1000
        figures["cursor_max_ms"] = max(moves) * 1000
        figures["cursor_cpu_median_ms"] = statistics.median(clock.cpu) * 1000
        figures["cursor_cpu_p95_ms"] = sorted(clock.cpu)[int(len(clock.cpu) * 0.95)] * 1000
        figures["detail_median_ms"] = statistics.median(details) * 1000
        figures["loaded_rows"] = table.row_count

        desk.set_filter(replace(desk.flt, statuses=frozenset({"new"})))
        while not (table.row_count and table.current_claim() and desk.pane.detail):
            await asyncio.sleep(0.002)
        await asyncio.sleep(0.3)
        changes = []
        clock.cpu.clear()
        for _ in range(20):
            current = table.current_claim()
            assert current is not None and current.status == "new"
            changes.append(
                await clock.key_to_frame(
                    app,
                    "t",
                    lambda c=current: getattr(table.current_claim(), "id", c.id) != c.id,
                )
            )
            await asyncio.sleep(0.15)
        figures["status_change_median_ms"] = statistics.median(changes) * 1000
        figures["status_change_max_ms"] = max(changes) * 1000
        figures["status_change_cpu_median_ms"] = statistics.median(clock.cpu) * 1000
    figures["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return figures


async def bare_datatable_baseline() -> float:
    """The same key-to-frame measure on a bare 400-row DataTable: this machine's floor."""
    from textual.app import App, ComposeResult
    from textual.widgets import DataTable

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield DataTable(cursor_type="row")

        def on_mount(self) -> None:
            table = self.query_one(DataTable)
            table.add_columns("status", "score", "claim", "kind")
            for i in range(400):
                table.add_row("new", f"{i / 400:.2f}", " ".join(WORDS[:10]), "fact")
            table.focus()

    app = Bare()
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        clock = FrameClock(app.screen)
        table = app.query_one(DataTable)
        moves = []
        for _ in range(100):
            line = table.cursor_row
            moves.append(
                await clock.key_to_frame(app, "down", lambda was=line: table.cursor_row != was)
            )
            await asyncio.sleep(0.02)
    return statistics.median(moves) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--db", type=Path, help="reuse/build this SQLite file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "bench.db"
        if not path.exists():
            # Built in a child process so its memory does not count against the app's.
            with ProcessPoolExecutor(max_workers=1) as pool:
                seconds = pool.submit(build, path, args.claims).result()
            print(f"built {args.claims:,} claims in {seconds:.1f} s ({path})")
        figures = asyncio.run(measure(f"sqlite:///{path}"))
        figures["bare_median_ms"] = asyncio.run(bare_datatable_baseline())
    targets = {
        "first_screen_s": ("first screen", "s", 1.0),
        "cursor_median_ms": ("cursor move, median", "ms", 50),
        "cursor_p95_ms": ("cursor move, p95", "ms", 50),
        "cursor_max_ms": ("cursor move, max (page loads, slides)", "ms", None),
        "cursor_cpu_median_ms": ("cursor move, UI-thread CPU, median", "ms", None),
        "cursor_cpu_p95_ms": ("cursor move, UI-thread CPU, p95", "ms", None),
        "detail_median_ms": ("detail pane shown after a move, median", "ms", None),
        "loaded_rows": ("rows loaded in the table", "", 400),
        "status_change_median_ms": ("status change saved+shown, median", "ms", 100),
        "status_change_max_ms": ("status change saved+shown, max", "ms", None),
        "status_change_cpu_median_ms": ("status change, UI-thread CPU, median", "ms", None),
        "peak_rss_mb": ("peak memory (RSS)", "MB", 250),
        "bare_median_ms": ("baseline: bare DataTable move, median", "ms", None),
    }
    load = os.getloadavg()[0]
    print(f"{'load average (1 min), cores':40s} {load:9.1f}    {os.cpu_count()}")
    for key, (label, unit, target) in targets.items():
        value = figures[key]
        mark = "" if target is None else ("  ok" if value <= target else f"  OVER {target}")
        print(f"{label:40s} {value:9.1f} {unit}{mark}")


if __name__ == "__main__":
    main()
