"""Memory of past verdicts: find reviewed claims like a new one, and search all claims.

`similar_claims(session, claim_id_or_text, limit=5) -> list[Match]` and
`search_claims(session, query, limit) -> list[ClaimRow]`; `similarity` and
`features` are the pure scoring underneath (no database).
"""

from factcheck.memory.api import Match, search_claims, similar_claims
from factcheck.memory.features import Features, features
from factcheck.memory.similarity import MATCH_THRESHOLD, same_claim, similarity

__all__ = [
    "MATCH_THRESHOLD",
    "Features",
    "Match",
    "features",
    "same_claim",
    "search_claims",
    "similar_claims",
    "similarity",
]
