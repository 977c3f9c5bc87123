"""Snapshots: fetch a source (or read an attached file) and store what it said.

The network is never touched inside a database transaction: the source's URL is read
in one short session, fetched and extracted with no lock held, then one small write
transaction adds the snapshot row. Rows are only inserted, never updated, so every
earlier reading of a source stays available as evidence.

`content_hash` is the SHA-256 of the extracted text with whitespace collapsed (of the
raw bytes when there is no text), so a page whose markup, ads or tracking tokens change
is not reported as changed; its words are what an editor relied on.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from factcheck.errors import InvalidInput, NotFound
from factcheck.evidence.extract import SUFFIX_TYPES, NotReadable, extract
from factcheck.evidence.fetch import FetchOptions, FetchResult, fetch
from factcheck.store.models import Source
from factcheck.store.snapshot_models import SourceSnapshot
from factcheck.store.views import SourceInfo, aware

if TYPE_CHECKING:
    from factcheck.store.database import Database

FILE_SCHEME = "file:"
_SPACE = re.compile(r"\s+")
_MAX_TITLE = 500
_MAX_AUTHOR = 300


@dataclass(frozen=True)
class SnapshotInfo:
    """One stored reading of a source, for UIs (no ORM object, no full text)."""

    id: int
    source_id: int
    origin: str
    requested_url: str
    final_url: str | None
    status_code: int | None
    content_type: str | None
    size: int | None
    content_hash: str | None
    title: str | None
    author: str | None
    published: date | None
    text_chars: int
    error: str | None
    fetched_at: datetime
    fetched_by: str | None
    redirects: list[dict[str, Any]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def summary(self) -> str:
        """One line: "HTTP 200 text/html, 4,210 characters" or the error."""
        if self.error:
            return self.error
        where = f"HTTP {self.status_code} " if self.status_code else "file "
        return f"{where}{self.content_type or '?'}, {self.text_chars:,} characters"


def snapshot_info(row: SourceSnapshot) -> SnapshotInfo:
    return SnapshotInfo(
        id=row.id,
        source_id=row.source_id,
        origin=row.origin,
        requested_url=row.requested_url,
        final_url=row.final_url,
        status_code=row.status_code,
        content_type=row.content_type,
        size=row.size,
        content_hash=row.content_hash,
        title=row.title,
        author=row.author,
        published=row.published,
        text_chars=len(row.text or ""),
        error=row.error,
        fetched_at=aware(row.fetched_at),
        fetched_by=row.fetched_by,
        redirects=list(row.redirects or []),
    )


def content_hash(text: str | None, body: bytes | None) -> str | None:
    if text:
        return hashlib.sha256(_SPACE.sub(" ", text).strip().encode("utf-8")).hexdigest()
    if body:
        return hashlib.sha256(body).hexdigest()
    return None


def _now() -> datetime:
    return datetime.now(UTC)


def _clip(value: str | None, limit: int) -> str | None:
    value = (value or "").strip() or None
    return value[:limit] if value else None


def _row_from_fetch(source_id: int, result: FetchResult, actor: str | None) -> SourceSnapshot:
    """A snapshot row from a fetch: extracted text when the body is readable, else why not."""
    text = title = author = None
    published = None
    error = result.error
    if error is None and result.body is not None:
        try:
            found = extract(result.body, result.content_type, charset=result.charset)
        except NotReadable as exc:
            error = f"not read: {exc}"
        else:
            text, title, author, published = found.text, found.title, found.author, found.published
    return SourceSnapshot(
        source_id=source_id,
        origin="web",
        requested_url=result.requested_url,
        final_url=result.final_url,
        redirects=result.redirects,
        status_code=result.status_code,
        content_type=result.content_type,
        size=len(result.body) if result.body is not None else None,
        content_hash=content_hash(text, result.body),
        title=_clip(title, _MAX_TITLE),
        author=_clip(author, _MAX_AUTHOR),
        published=published,
        text=text,
        error=error,
        fetched_at=_now(),
        fetched_by=actor,
    )


def _source_url(db: Database, source_id: int) -> str:
    with db.session() as s:
        url = s.scalar(select(Source.url).where(Source.id == source_id))
    if url is None:
        raise NotFound(f"no source {source_id}")
    return url


def _store(db: Database, row: SourceSnapshot) -> SnapshotInfo:
    with db.transaction() as s:
        if s.get(Source, row.source_id) is None:
            raise NotFound(f"source {row.source_id} was removed while it was being fetched")
        s.add(row)
        s.flush()
        return snapshot_info(row)


def snapshot_source(
    db: Database,
    source_id: int,
    *,
    actor: str | None = None,
    options: FetchOptions | None = None,
) -> SnapshotInfo:
    """Fetch source `source_id` now and add a snapshot row (a failure is stored too)."""
    url = _source_url(db, source_id)
    if url.startswith(FILE_SCHEME):
        raise InvalidInput(
            f"source {source_id} is an attached file ({url}); attach the file again to refresh it"
        )
    result = fetch(url, options)
    return _store(db, _row_from_fetch(source_id, result, actor))


def retry(
    db: Database,
    source_id: int,
    *,
    actor: str | None = None,
    options: FetchOptions | None = None,
) -> SnapshotInfo:
    """Fetch a source again (after "not fetched: ..."); the failed snapshot is kept."""
    return snapshot_source(db, source_id, actor=actor, options=options)


def snapshot_in_background(
    db_url: str,
    source_id: int,
    *,
    actor: str | None = None,
    on_done: Callable[[SnapshotInfo | BaseException], None] | None = None,
    options: FetchOptions | None = None,
) -> threading.Thread:
    """Snapshot a source in a thread of its own, with its own database connection.

    For a caller that must not wait (the TUI, `source add`): the result, or the
    exception, goes to `on_done` on that thread; a TUI posts it back with
    `app.call_from_thread`. The thread is not a daemon, so a CLI process finishes the
    snapshot before exiting.
    """

    def run() -> None:
        from factcheck.store.database import Database

        db = Database(db_url)
        outcome: SnapshotInfo | BaseException
        try:
            outcome = snapshot_source(db, source_id, actor=actor, options=options)
        except Exception as exc:
            outcome = exc
        finally:
            db.dispose()
        if on_done is not None:
            on_done(outcome)

    thread = threading.Thread(target=run, name=f"snapshot-source-{source_id}")
    thread.start()
    return thread


# ------------------------------------------------------------------ reading snapshots


def snapshots_of(session: Session, source_id: int) -> list[SnapshotInfo]:
    """Every snapshot of a source, oldest first."""
    rows = session.scalars(
        select(SourceSnapshot)
        .where(SourceSnapshot.source_id == source_id)
        .order_by(SourceSnapshot.fetched_at, SourceSnapshot.id)
    )
    return [snapshot_info(r) for r in rows]


def latest_snapshot(
    session: Session, source_id: int, *, readable: bool = False
) -> SnapshotInfo | None:
    """The newest snapshot of a source (the newest with text when `readable`)."""
    row = _latest_row(session, source_id, readable=readable)
    return snapshot_info(row) if row is not None else None


def _latest_row(session: Session, source_id: int, *, readable: bool) -> SourceSnapshot | None:
    query = select(SourceSnapshot).where(SourceSnapshot.source_id == source_id)
    if readable:
        query = query.where(SourceSnapshot.text.is_not(None))
    return session.scalar(
        query.order_by(SourceSnapshot.fetched_at.desc(), SourceSnapshot.id.desc()).limit(1)
    )


def snapshot_text(session: Session, snapshot_id: int) -> str:
    text = session.scalar(select(SourceSnapshot.text).where(SourceSnapshot.id == snapshot_id))
    return text or ""


# ------------------------------------------------------------------ attaching a file


def attach_file(
    db: Database,
    claim_id: int,
    path: str | Path,
    actor: str,
    *,
    title: str | None = None,
    note: str | None = None,
    stance: str = "supports",
    url: str | None = None,
    max_bytes: int | None = None,
) -> tuple[SourceInfo, SnapshotInfo]:
    """Attach a local file (a saved page, a PDF, a CSV) to a claim as a source.

    The source's address is `url` when given, else the canonical address a saved page
    names, else the file's own `file:` URI. The file is read and extracted before
    anything is written; the source and its first snapshot are added in one transaction.
    """
    file = Path(path).expanduser()
    body = _read_file(file, max_bytes or FetchOptions.from_environment().max_bytes)
    declared = SUFFIX_TYPES.get(file.suffix.lower())
    try:
        found = extract(body, declared)
    except NotReadable as exc:
        raise InvalidInput(f"{file}: {exc}") from None
    from factcheck.workflow.sources import validate_source_url

    address: str | None = None
    if url:
        address = validate_source_url(url)
    elif found.url:
        try:
            address = validate_source_url(found.url)
        except InvalidInput:
            address = None
    file_uri = file.resolve().as_uri()
    text_hash = content_hash(found.text, body)
    with db.transaction() as s:
        from factcheck.workflow import add_file_source, add_source

        if address is not None:
            info = add_source(
                s, claim_id, actor, address, title=title or found.title, note=note, stance=stance
            )
        else:
            info = add_file_source(
                s, claim_id, actor, file_uri, title=title or found.title, note=note, stance=stance
            )
        row = SourceSnapshot(
            source_id=info.id,
            origin="file",
            requested_url=file_uri,
            final_url=None,
            redirects=[],
            status_code=None,
            content_type=declared or ("application/pdf" if found.kind == "pdf" else None),
            size=len(body),
            content_hash=text_hash,
            title=_clip(found.title, _MAX_TITLE),
            author=_clip(found.author, _MAX_AUTHOR),
            published=found.published,
            text=found.text,
            error=None,
            fetched_at=_now(),
            fetched_by=actor,
        )
        s.add(row)
        s.flush()
        return info, snapshot_info(row)


def _read_file(file: Path, limit: int) -> bytes:
    try:
        if file.is_dir():
            raise InvalidInput(f"{file}: is a folder, not a file")
        size = file.stat().st_size
        if size > limit:
            raise InvalidInput(
                f"{file}: {size / 1e6:.1f} MB is over the {limit / 1e6:g} MB limit for a source"
            )
        data = file.read_bytes()
    except FileNotFoundError:
        raise InvalidInput(f"{file}: no such file") from None
    except PermissionError:
        raise InvalidInput(f"{file}: permission denied") from None
    except OSError as exc:
        raise InvalidInput(f"{file}: cannot read ({exc.strerror or exc})") from None
    if not data.strip():
        raise InvalidInput(f"{file}: the file is empty")
    return data
