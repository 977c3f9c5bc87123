"""Full-text candidate search: SQLite FTS5 or PostgreSQL tsvector, same answers.

Migration 0005 made the index (`claim_fts` on SQLite, a GIN index over
to_tsvector('english', text) on PostgreSQL). Queries are built from plain words
only (letters and digits), never from the user's raw text, so no query syntax of
either engine can be injected or break a search.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sqlalchemy import text
from sqlalchemy.orm import Session

_TERM = re.compile(r"[^\W_]+", re.UNICODE)
_NUMBER_TERM = re.compile(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?")
MAX_TERMS = 16


def terms(query: str) -> list[str]:
    """The searchable words of a query, lower-cased, in order, without repeats."""
    seen: list[str] = []
    for word in _TERM.findall(query.lower()):
        if word not in seen:
            seen.append(word)
    return seen


def _is_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def any_of(
    session: Session, words: Sequence[str], limit: int, *, reviewed_only: bool, exclude: int | None
) -> list[int]:
    """Claim ids matching any of `words`, best ranked first (bm25 / ts_rank).

    `words` are plain words or numbers ("1.8"); anything else is dropped. With
    `reviewed_only` the search reads the reviewed-claims index (claim_fts_reviewed,
    or the partial GIN index), a tenth of the size of the full one.
    """
    words = [w for w in words if _TERM.fullmatch(w) or _NUMBER_TERM.fullmatch(w)][:MAX_TERMS]
    if not words:
        return []
    reviewed = " AND c.verdict IS NOT NULL" if reviewed_only else ""
    params: dict[str, object] = {"limit": limit, "exclude": exclude if exclude is not None else -1}
    if _is_sqlite(session):
        table = "claim_fts_reviewed" if reviewed_only else "claim_fts"
        params["q"] = " OR ".join(f'"{w}"' for w in words)
        sql = (
            f"SELECT f.rowid FROM {table} f WHERE {table} MATCH :q AND f.rowid != :exclude "
            "ORDER BY f.rank LIMIT :limit"
        )
    else:
        params["q"] = " | ".join(f"'{w}'" for w in words)
        sql = (
            "SELECT c.id FROM claim c, to_tsquery('english', :q) q "
            f"WHERE to_tsvector('english', c.text) @@ q AND c.id != :exclude{reviewed} "
            "ORDER BY ts_rank(to_tsvector('english', c.text), q) DESC, c.id LIMIT :limit"
        )
    return [int(r[0]) for r in session.execute(text(sql), params)]


def all_of(session: Session, query: str, limit: int) -> list[int]:
    """Claim ids containing every word of `query` (the last one as a prefix: typing)."""
    words = terms(query)[:MAX_TERMS]
    if not words:
        return []
    params: dict[str, object] = {"limit": limit}
    if _is_sqlite(session):
        quoted = [f'"{w}"' for w in words]
        quoted[-1] += "*"
        params["q"] = " AND ".join(quoted)
        sql = "SELECT rowid FROM claim_fts WHERE claim_fts MATCH :q ORDER BY rank LIMIT :limit"
    else:
        quoted = [f"'{w}'" for w in words]
        quoted[-1] += ":*"
        params["q"] = " & ".join(quoted)
        sql = (
            "SELECT c.id FROM claim c, to_tsquery('english', :q) q "
            "WHERE to_tsvector('english', c.text) @@ q "
            "ORDER BY ts_rank(to_tsvector('english', c.text), q) DESC, c.id LIMIT :limit"
        )
    return [int(r[0]) for r in session.execute(text(sql), params)]
