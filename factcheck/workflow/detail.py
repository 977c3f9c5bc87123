"""One claim in full with the moves open to it: what `factcheck show` and the TUI read."""

from __future__ import annotations

from sqlalchemy.orm import Session

from factcheck.store.queries import load_claim_detail
from factcheck.store.views import ClaimDetail
from factcheck.workflow.transitions import allowed_actions, allowed_moves


def claim_detail(session: Session, claim_id: int) -> ClaimDetail:
    """The claim, its sentence and paragraph, sources, verdict, history and allowed moves.

    Raises NotFound("no claim 12").
    """
    return load_claim_detail(session, claim_id, moves=allowed_moves, actions=allowed_actions)
