"""The frozen read models UIs receive (defined next to the queries that build them)."""

from factcheck.store.queries import ClaimFilter
from factcheck.store.views import (
    ArticleInfo,
    ArticleRow,
    ClaimDetail,
    ClaimRow,
    EventInfo,
    RatingInfo,
    Rules,
    SourceInfo,
)

__all__ = [
    "ArticleInfo",
    "ArticleRow",
    "ClaimDetail",
    "ClaimFilter",
    "ClaimRow",
    "EventInfo",
    "RatingInfo",
    "Rules",
    "SourceInfo",
]
