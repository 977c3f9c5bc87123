"""The review workflow: what UIs may read about claims and every way to change one.

Import from here (`from factcheck.workflow import list_claims, triage, ...`);
UIs get frozen views, never ORM objects, and every action is one function that
takes the caller's session and raises a FactcheckError a journalist can read.
"""

from factcheck.store.queries import (
    SORTS,
    ClaimFilter,
    article_info,
    article_with_claims,
    assignees,
    count_claims,
    cursor_of,
    list_articles,
    list_claims,
    rating_scale,
    status_counts,
)
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
from factcheck.workflow.actions import (
    add_file_source,
    add_note,
    add_source,
    approve,
    assign,
    dismiss,
    find_rating,
    remove_source,
    reopen,
    send_back,
    set_verdict,
    start_research,
    stop_research,
    submit,
    triage,
)
from factcheck.workflow.detail import claim_detail
from factcheck.workflow.history import describe_event
from factcheck.workflow.rules import get_rules, set_rule
from factcheck.workflow.sources import STANCES, parse_stance, validate_source_url
from factcheck.workflow.transitions import (
    ACTIONS,
    MOVES,
    STATUSES,
    allowed_actions,
    allowed_moves,
    describe_moves,
)

__all__ = [
    "ACTIONS",
    "MOVES",
    "SORTS",
    "STANCES",
    "STATUSES",
    "ArticleInfo",
    "ArticleRow",
    "ClaimDetail",
    "ClaimFilter",
    "ClaimRow",
    "EventInfo",
    "RatingInfo",
    "Rules",
    "SourceInfo",
    "add_file_source",
    "add_note",
    "add_source",
    "allowed_actions",
    "allowed_moves",
    "approve",
    "article_info",
    "article_with_claims",
    "assign",
    "assignees",
    "claim_detail",
    "count_claims",
    "cursor_of",
    "describe_event",
    "describe_moves",
    "dismiss",
    "find_rating",
    "get_rules",
    "list_articles",
    "list_claims",
    "parse_stance",
    "rating_scale",
    "remove_source",
    "reopen",
    "send_back",
    "set_rule",
    "set_verdict",
    "start_research",
    "status_counts",
    "stop_research",
    "submit",
    "triage",
    "validate_source_url",
]
