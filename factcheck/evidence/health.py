"""Link health: fetch every source again and say which died, moved or changed.

Each check adds a snapshot row (never overwrites one), then compares it with the
newest earlier snapshot that had text: a different content hash means the words
changed since the reviewer relied on them; a final address on another page or site
means the link now lands elsewhere. Fetches run a few at a time in threads; the
database is written from the calling thread only, one small transaction per source.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from sqlalchemy import select

from factcheck.evidence.fetch import FetchOptions, fetch
from factcheck.evidence.snapshot import (
    FILE_SCHEME,
    SnapshotInfo,
    _latest_row,
    _row_from_fetch,
    _store,
    snapshot_info,
)
from factcheck.store.models import Claim, Source
from factcheck.store.snapshot_models import SourceSnapshot

if TYPE_CHECKING:
    from factcheck.store.database import Database

# States, worst first (the order the summary lists them in)
DEAD, CHANGED, MOVED, NEW, OK, SKIPPED = "dead", "changed", "moved", "new", "ok", "skipped"
STATES = (DEAD, CHANGED, MOVED, NEW, OK, SKIPPED)
WORKERS = 4


@dataclass(frozen=True)
class HealthRow:
    """The outcome of re-checking one source."""

    source_id: int
    claim_id: int
    url: str
    state: str
    detail: str
    snapshot: SnapshotInfo | None  # the row this check added (None when skipped)
    previous: SnapshotInfo | None  # the newest earlier snapshot with text


Progress = Callable[[int, int, HealthRow], None]


def _same_place(requested: str, final: str | None) -> bool:
    """True when a redirect only added https, a trailing slash or "www."."""
    if not final:
        return True
    a, b = urlsplit(requested), urlsplit(final)
    host_a = (a.hostname or "").removeprefix("www.")
    host_b = (b.hostname or "").removeprefix("www.")
    return (
        host_a == host_b
        and (a.path.rstrip("/") or "/") == (b.path.rstrip("/") or "/")
        and a.query == b.query
    )


def judge(snapshot: SnapshotInfo, previous: SnapshotInfo | None) -> tuple[str, str]:
    """State and a one-line detail for a fresh snapshot against the last good one."""
    if snapshot.error:
        return DEAD, snapshot.error
    notes: list[str] = []
    moved = not _same_place(snapshot.requested_url, snapshot.final_url)
    if moved:
        other = (
            urlsplit(snapshot.requested_url).hostname != urlsplit(snapshot.final_url or "").hostname
        )
        notes.append(
            f"redirects {'to another site' if other else 'elsewhere'}: {snapshot.final_url}"
        )
    if previous is None:
        state = MOVED if moved else NEW
        notes.append("first snapshot")
        return state, "; ".join(notes)
    if previous.content_hash != snapshot.content_hash:
        when = previous.fetched_at.strftime("%Y-%m-%d")
        return CHANGED, "; ".join([f"content changed since {when}", *notes])
    if moved:
        return MOVED, "; ".join(notes)
    return OK, "unchanged"


def _targets(db: Database, article_id: int | None) -> list[tuple[int, int, str]]:
    with db.session() as s:
        query = select(Source.id, Source.claim_id, Source.url).order_by(Source.id)
        if article_id is not None:
            query = query.join(Claim, Claim.id == Source.claim_id).where(
                Claim.article_id == article_id
            )
        return [(sid, cid, url) for sid, cid, url in s.execute(query)]


def _previous(db: Database, source_id: int) -> SnapshotInfo | None:
    with db.session() as s:
        row = _latest_row(s, source_id, readable=True)
        return snapshot_info(row) if row is not None else None


def _fetch_row(
    source_id: int, url: str, actor: str | None, options: FetchOptions | None
) -> SourceSnapshot:
    """Fetch and extract on a worker thread; the row is stored by the caller's thread."""
    return _row_from_fetch(source_id, fetch(url, options), actor)


def check_sources(
    db: Database,
    article_id: int | None = None,
    *,
    progress: Progress | None = None,
    actor: str | None = None,
    options: FetchOptions | None = None,
    workers: int = WORKERS,
) -> list[HealthRow]:
    """Re-fetch every source URL (of one article, or all); one new snapshot each.

    Attached files are skipped (there is nothing to re-fetch). Returns one row per
    source in source order; `progress(done, total, row)` is called as each finishes.
    """
    from factcheck.errors import NotFound

    targets = _targets(db, article_id)
    total = len(targets)
    rows: dict[int, HealthRow] = {}
    done = 0

    def report(row: HealthRow) -> None:
        nonlocal done
        done += 1
        rows[row.source_id] = row
        if progress is not None:
            progress(done, total, row)

    web = [t for t in targets if not t[2].startswith(FILE_SCHEME)]
    for sid, cid, url in targets:
        if url.startswith(FILE_SCHEME):
            report(HealthRow(sid, cid, url, SKIPPED, "attached file", None, None))
    if not web:
        return [rows[t[0]] for t in targets]
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        futures = {
            pool.submit(_fetch_row, sid, url, actor, options): (sid, cid, url)
            for sid, cid, url in web
        }
        for future in as_completed(futures):
            sid, cid, url = futures[future]
            previous = _previous(db, sid)
            try:
                snap = _store(db, future.result())
            except NotFound:
                report(
                    HealthRow(sid, cid, url, SKIPPED, "removed during the check", None, previous)
                )
                continue
            state, detail = judge(snap, previous)
            report(HealthRow(sid, cid, url, state, detail, snap, previous))
    return [rows[t[0]] for t in targets]


def summarize(rows: list[HealthRow]) -> dict[str, int]:
    """Count of sources per state, every state present."""
    counts = dict.fromkeys(STATES, 0)
    for row in rows:
        counts[row.state] += 1
    return counts
