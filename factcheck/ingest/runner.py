"""An ingest run over many files.

Articles are saved in small batches, each batch one transaction: a crash (even
kill -9) loses at most the batch in flight, never leaves half an article, and the
content hash makes a re-run skip what is already stored. A bad file is recorded and
the run goes on with the rest.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.errors import FactcheckError
from factcheck.ingest.files import collect_files
from factcheck.ingest.save import ClaimRow, claim_rows, content_hash, existing_hashes, save_batch
from factcheck.segmenter.types import ArticleText
from factcheck.store.database import Database

if TYPE_CHECKING:
    from factcheck.revisions import RevisionResult

BATCH_ARTICLES = 25
# Below this many files a process pool costs more to start than it saves.
PARALLEL_MIN_FILES = 40


@dataclass(frozen=True)
class IngestOptions:
    actor: str
    published: date | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    max_bytes: int | None = None


@dataclass
class StoredArticle:
    article_id: int
    path: Path
    title: str
    claims: int


@dataclass
class IngestReport:
    stored: list[StoredArticle] = field(default_factory=list)
    duplicates: list[Path] = field(default_factory=list)
    revised: list[tuple[Path, RevisionResult]] = field(default_factory=list)
    failed: list[tuple[Path, str]] = field(default_factory=list)

    @property
    def claim_count(self) -> int:
        return sum(a.claims for a in self.stored)


def _read(path: Path, options: IngestOptions) -> ArticleText:
    from factcheck.segmenter import read_article

    article = read_article(path, published=options.published, max_bytes=options.max_bytes)
    overrides = {
        name: value
        for name in ("title", "url", "outlet", "author")
        if (value := getattr(options, name)) is not None
    }
    return replace(article, **overrides) if overrides else article


def _prepare(
    path: Path, options: IngestOptions
) -> tuple[Path, ArticleText | None, list[ClaimRow], str | None]:
    """Read and segment one file; runs in a worker process for large folders."""
    from factcheck.segmenter import segment

    try:
        article = _read(path, options)
        return path, article, claim_rows(segment(article)), None
    except FactcheckError as exc:
        return path, None, [], str(exc)


def _die_with_parent() -> None:
    """Worker processes end when the ingest process is killed (even by kill -9).

    Without this, a killed run leaves its workers blocked on the task queue forever.
    """
    if sys.platform != "linux":
        return
    import ctypes
    import signal

    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL)
    except OSError:
        pass


def _prepared(
    files: list[Path], options: IngestOptions, workers: int
) -> Iterator[tuple[Path, ArticleText | None, list[ClaimRow], str | None]]:
    """Segmentation results in file order, from a process pool when it pays off."""
    if workers <= 1 or len(files) < PARALLEL_MIN_FILES:
        for path in files:
            yield _prepare(path, options)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    ctx = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=ctx, initializer=_die_with_parent
    ) as pool:
        yield from pool.map(_prepare, files, [options] * len(files), chunksize=8)


def ingest_paths(
    db: Database,
    paths: list[Path],
    options: IngestOptions,
    progress: Callable[[Path], None] | None = None,
    workers: int | None = None,
) -> IngestReport:
    """Ingest files and folders; bad files are reported, the good ones stored."""
    if workers is None:
        workers = min(4, os.cpu_count() or 1)
    files, problems = collect_files(paths)
    report = IngestReport(failed=list(problems))
    pending: list[tuple[Path, ArticleText, list[ClaimRow]]] = []

    def flush() -> None:
        if not pending:
            return
        # Imported here: factcheck.revisions builds on factcheck.ingest.save.
        from factcheck.revisions import find_by_url, known_revision_hashes, revise_article

        hashes = [content_hash(a.text) for _, a, _ in pending]
        with db.transaction() as session:
            # An older revision of a stored article counts as stored: re-running an
            # ingest over a folder must not turn a corrected article back.
            known = existing_hashes(session, hashes) | known_revision_hashes(session, hashes)
            fresh: list[tuple[Path, ArticleText, list[ClaimRow]]] = []
            for item, digest in zip(pending, hashes, strict=True):
                path, article, rows = item
                if digest in known:
                    report.duplicates.append(path)
                    continue
                known.add(digest)
                try:
                    target = find_by_url(session, article.url) if article.url else None
                    if target is None:
                        fresh.append(item)
                        continue
                    # A new text at a known URL is a new revision of that article.
                    result = revise_article(session, target, article, options.actor, rows)
                except FactcheckError as exc:  # refused before anything was written
                    report.failed.append((path, str(exc)))
                    continue
                report.revised.append((path, result))
            ids = save_batch(session, [(a, rows) for _, a, rows in fresh], options.actor)
        report.stored.extend(
            StoredArticle(article_id, path, article.title, len(rows))
            for article_id, (path, article, rows) in zip(ids, fresh, strict=True)
        )
        pending.clear()

    for path, article, claims, error in _prepared(files, options, workers):
        if article is None:
            report.failed.append((path, error or "could not be read"))
        else:
            pending.append((path, article, claims))
            if len(pending) >= BATCH_ARTICLES:
                flush()
        if progress is not None:
            progress(path)
    flush()
    return report
