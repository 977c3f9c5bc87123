"""The memory of past verdicts: claims already checked that resemble a new one.

Two steps, so that 100,000 stored claims cost no more than a few hundred:
full-text search picks the CANDIDATES best-ranked reviewed claims sharing any
word with the new claim (an index lookup), then `similarity` re-ranks those few
on numbers, names and words in Python.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from factcheck.errors import InvalidInput, NotFound
from factcheck.memory import fulltext
from factcheck.memory.features import Features, features
from factcheck.memory.similarity import MATCH_THRESHOLD, similarity
from factcheck.store.models import Article, Claim, Source
from factcheck.store.queries import claim_row_of, source_info
from factcheck.store.views import ClaimRow, SourceInfo, aware_or_none

CANDIDATES = 60


@dataclass(frozen=True)
class Match:
    """A reviewed claim like the one asked about: "Previously checked: <verdict>, in <article>"."""

    claim_id: int
    article_id: int
    article_title: str
    text: str
    verdict: str
    date: datetime | None  # when the verdict was approved (or set, if not yet approved)
    similarity: float
    sources: list[SourceInfo]
    status: str


def _number_words(f: Features) -> list[str]:
    """Each number as news writes it in digits: 1.8e6 -> "1.8" (as in "1.8 million"),
    2223 -> "2223" and "2,223"."""
    out: list[str] = []
    for n in f.numbers:
        value = abs(n.value)
        for scale in (1e12, 1e9, 1e6, 1.0):
            if value >= scale:
                shown = f"{value / scale:.2f}".rstrip("0").rstrip(".")
                forms = [shown, f"{int(value):,}"] if scale == 1.0 and value >= 1000 else [shown]
                out.extend(form for form in forms if form not in out)
                break
    return out


def _query_words(f: Features) -> list[str]:
    # Names first, then numbers: the rarest words, and the first kept under MAX_TERMS.
    names = [w for w in f.raw_words if w in f.entities]
    rest = [w for w in f.raw_words if w not in f.entities]
    return names + _number_words(f) + rest


def _subject(session: Session, claim: int | str) -> tuple[Features, int | None]:
    if isinstance(claim, int):
        row = session.execute(select(Claim.text, Claim.quantities).where(Claim.id == claim)).first()
        if row is None:
            raise NotFound(f"no claim {claim}")
        return features(row[0], list(row[1] or [])), claim
    if not claim.strip():
        raise InvalidInput("the claim text is empty")
    return features(claim), None


def similar_claims(
    session: Session,
    claim: int | str,
    limit: int = 5,
    *,
    min_similarity: float = MATCH_THRESHOLD,
) -> list[Match]:
    """Reviewed claims (verdict set, any article) most like `claim` (an id or a text)."""
    if limit < 1:
        raise InvalidInput(f"limit must be at least 1, not {limit}")
    subject, exclude = _subject(session, claim)
    ids = fulltext.any_of(
        session, _query_words(subject), CANDIDATES, reviewed_only=True, exclude=exclude
    )
    if not ids:
        return []
    rows = session.execute(
        select(
            Claim.id,
            Claim.text,
            Claim.quantities,
            Claim.verdict,
            Claim.verdict_at,
            Claim.approved_at,
            Claim.status,
            Claim.article_id,
            Article.title,
        )
        .join(Article, Article.id == Claim.article_id)
        .where(Claim.id.in_(ids))
    ).all()
    scored = []
    for row in rows:
        score = similarity(subject, features(row.text, list(row.quantities or [])))
        if score >= min_similarity:
            scored.append((score, row))
    scored.sort(key=lambda item: (-item[0], item[1].id))
    best = scored[:limit]
    sources = _sources(session, [row.id for _, row in best])
    return [
        Match(
            claim_id=row.id,
            article_id=row.article_id,
            article_title=row.title,
            text=row.text,
            verdict=row.verdict,
            date=aware_or_none(row.approved_at or row.verdict_at),
            similarity=round(score, 3),
            sources=sources.get(row.id, []),
            status=str(row.status),
        )
        for score, row in best
    ]


def _sources(session: Session, claim_ids: list[int]) -> dict[int, list[SourceInfo]]:
    found: dict[int, list[SourceInfo]] = {}
    if not claim_ids:
        return found
    stmt = select(Source).where(Source.claim_id.in_(claim_ids)).order_by(Source.id)
    for source in session.scalars(stmt):
        found.setdefault(source.claim_id, []).append(source_info(source))
    return found


def search_claims(session: Session, query: str, limit: int = 50) -> list[ClaimRow]:
    """Claims containing every word of `query` (last word as a prefix), best first."""
    if limit < 1:
        raise InvalidInput(f"limit must be at least 1, not {limit}")
    ids = fulltext.all_of(session, query, limit)
    if not ids:
        return []
    rows = session.execute(
        select(Claim, Article.title)
        .join(Article, Article.id == Claim.article_id)
        .where(Claim.id.in_(ids))
    ).all()
    by_id = {claim.id: claim_row_of(claim, title) for claim, title in rows}
    return [by_id[i] for i in ids if i in by_id]
