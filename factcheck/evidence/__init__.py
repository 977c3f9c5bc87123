"""Sources that last: snapshots of source URLs and files, evidence passages, link health.

Light on import (the CLI imports it inside commands): httpx, trafilatura and pypdf
load only when a page is fetched or read.
"""

from factcheck.evidence.fetch import USER_AGENT, FetchOptions, FetchResult, fetch
from factcheck.evidence.health import HealthRow, check_sources, summarize
from factcheck.evidence.passages import NumberMatch, Passage, find_passages
from factcheck.evidence.snapshot import (
    SnapshotInfo,
    attach_file,
    latest_snapshot,
    retry,
    snapshot_in_background,
    snapshot_source,
    snapshot_text,
    snapshots_of,
)
from factcheck.evidence.view import SourceEvidence, evidence_for_claim, highlighted

__all__ = [
    "USER_AGENT",
    "FetchOptions",
    "FetchResult",
    "HealthRow",
    "NumberMatch",
    "Passage",
    "SnapshotInfo",
    "SourceEvidence",
    "attach_file",
    "check_sources",
    "evidence_for_claim",
    "fetch",
    "find_passages",
    "highlighted",
    "latest_snapshot",
    "retry",
    "snapshot_in_background",
    "snapshot_source",
    "snapshot_text",
    "snapshots_of",
    "summarize",
]
