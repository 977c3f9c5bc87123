"""The two entry points the CLI and the TUI call: to a stream, or atomically to a file.

Kept free of SQLAlchemy at import time (the CLI imports this package to list formats);
the loader is imported when a report is actually written.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from factcheck.errors import InvalidInput
from factcheck.export.registry import get_writer

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from factcheck.store.database import Database


def export_report(
    session: Session,
    fmt: str,
    out: TextIO,
    *,
    article_id: int | None = None,
    statuses: Iterable[str] | None = None,
) -> int:
    """Stream the report in format `fmt` to `out`; returns the number of claims written.

    `statuses` None means approved claims only; {"all"} means every status. For
    several passes to agree, run it inside one transaction (as `export_to_path` does).
    """
    from factcheck.export.loader import Report

    _info, writer = get_writer(fmt)
    report = Report(session, statuses=statuses, article_id=article_id)
    return writer(report, out)


def export_to_path(
    db: Database,
    fmt: str,
    path: Path,
    *,
    article_id: int | None = None,
    statuses: Iterable[str] | None = None,
    overwrite: bool = False,
) -> int:
    """Write the report to `path` via a temporary file in the same folder, then rename.

    Readers never see a half-written report, and a failure leaves any previous file
    untouched. Without `overwrite`, an existing file is refused (InvalidInput), and the
    final step is a hard link, which fails rather than replaces if the name was taken
    meanwhile.
    """
    get_writer(fmt)  # unknown format: refuse before touching the disk
    path = Path(path).expanduser()
    _check_target(path, overwrite)
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            with _snapshot_session(db) as session:
                count = export_report(
                    session, fmt, handle, article_id=article_id, statuses=statuses
                )
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _new_file_mode(path))
        _publish(tmp, path, overwrite)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return count


def _check_target(path: Path, overwrite: bool) -> None:
    if path.is_dir():
        raise InvalidInput(f"{path} is a folder; give a file name")
    if not path.parent.is_dir():
        raise InvalidInput(f"folder {path.parent} does not exist")
    if path.exists() and not overwrite:
        raise InvalidInput(f"{path} already exists; refusing to overwrite it")


def _publish(tmp: Path, path: Path, overwrite: bool) -> None:
    if overwrite:
        os.replace(tmp, path)
        return
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise InvalidInput(f"{path} already exists; refusing to overwrite it") from None
    except OSError:
        # File systems without hard links: re-check, then rename (tiny race window).
        if path.exists():
            raise InvalidInput(f"{path} already exists; refusing to overwrite it") from None
        os.replace(tmp, path)
        return
    tmp.unlink()


def _new_file_mode(path: Path) -> int:
    """mkstemp makes 0600 files; a report gets the usual mode (existing file's, or umask)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    # Reading it without setting it (os.umask is process-wide and racy in threads).
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


class _snapshot_session:
    """A read session whose queries all see one snapshot.

    SQLite gets it from the single deferred read transaction; PostgreSQL needs
    REPEATABLE READ, or a report's passes (counts, text, claim list) could disagree
    when somebody approves a claim mid-export.
    """

    def __init__(self, db: Database) -> None:
        from sqlalchemy.orm import Session

        engine = db.engine
        if engine.dialect.name == "postgresql":
            engine = engine.execution_options(
                isolation_level="REPEATABLE READ", postgresql_readonly=True
            )
        self._session = Session(engine, expire_on_commit=False)

    def __enter__(self) -> Session:
        return self._session

    def __exit__(self, *exc: object) -> None:
        self._session.rollback()
        self._session.close()
