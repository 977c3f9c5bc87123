"""A claim's evidence for display: each source, its newest snapshot, the passages in it.

Shared by `factcheck evidence`, `factcheck show` and the TUI's detail pane so all three
show the same sentences; returns plain dataclasses, never ORM objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from factcheck.errors import NotFound
from factcheck.evidence.passages import Passage, find_passages
from factcheck.evidence.snapshot import SnapshotInfo, _latest_row, snapshot_info
from factcheck.store.models import Claim, Source
from factcheck.store.queries import source_info
from factcheck.store.views import SourceInfo


@dataclass(frozen=True)
class SourceEvidence:
    source: SourceInfo
    snapshot: SnapshotInfo | None  # newest snapshot with text, else the newest attempt
    passages: list[Passage] = field(default_factory=list)

    @property
    def status_line(self) -> str:
        if self.snapshot is None:
            return "not fetched yet"
        return self.snapshot.summary


def evidence_for_claim(session: Session, claim_id: int, *, limit: int = 3) -> list[SourceEvidence]:
    """Per source of the claim, in source order: the best `limit` passages."""
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise NotFound(f"no claim {claim_id}")
    out: list[SourceEvidence] = []
    for source in session.scalars(
        select(Source).where(Source.claim_id == claim_id).order_by(Source.id)
    ):
        row = _latest_row(session, source.id, readable=True) or _latest_row(
            session, source.id, readable=False
        )
        passages = find_passages(claim.text, row.text or "", limit=limit) if row else []
        out.append(
            SourceEvidence(
                source=source_info(source),
                snapshot=snapshot_info(row) if row is not None else None,
                passages=passages,
            )
        )
    return out


def highlighted(passage: Passage, mark: tuple[str, str] = ("[", "]")) -> str:
    """The passage with its best-matching number wrapped in `mark` (e.g. ANSI or [b])."""
    best = passage.best_number
    if best is None:
        return passage.text
    left, right = mark
    t = passage.text
    return f"{t[: best.start]}{left}{t[best.start : best.end]}{right}{t[best.end :]}"
