"""Article files into the store: read, segment, save each article atomically.

Public API:
    collect_files(paths) -> (files, problems)
    ingest_paths(db, paths, options, progress=None) -> IngestReport
"""

from factcheck.ingest.files import SUPPORTED_SUFFIXES, collect_files
from factcheck.ingest.runner import IngestOptions, IngestReport, ingest_paths
from factcheck.ingest.save import content_hash, save_article

__all__ = [
    "SUPPORTED_SUFFIXES",
    "IngestOptions",
    "IngestReport",
    "collect_files",
    "content_hash",
    "ingest_paths",
    "save_article",
]
