"""Fixtures for the workflow tests: claims inserted through the models, moved by real actions."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import func, select

from factcheck import workflow as wf
from factcheck.store.database import Database
from factcheck.store.models import Article, Claim, Kind, ReviewEvent, Source

ARTICLE_TEXT = (
    "Shenzhen drew more foreign residents last year.\n"
    "\n"
    "The city's population grew by 3.5% in 2023, officials said. "
    "Housing costs rose faster than wages.\n"
    "   \n"
    "Some expats say they will leave."
)
CLAIM_SENTENCE = "The city's population grew by 3.5% in 2023, officials said."
CLAIM_START = ARTICLE_TEXT.index(CLAIM_SENTENCE)

# The researcher and the editor of every scripted claim life.
RESEARCHER = "alice"
EDITOR = "bob"


def add_article(db: Database, *, title: str = "Shenzhen expats", text: str = ARTICLE_TEXT) -> int:
    with db.transaction() as s:
        article = Article(
            title=title,
            text=text,
            outlet="Daily Test",
            content_hash=hashlib.sha256(f"{title}\n{text}".encode()).hexdigest(),
        )
        s.add(article)
        s.flush()
        return article.id


def add_claims(
    db: Database,
    article_id: int,
    count: int = 1,
    *,
    scores: list[float] | None = None,
    kind: Kind = Kind.QUANTITY,
    text: str = "population grew by 3.5% in 2023",
    start: int = CLAIM_START,
    **extra: Any,
) -> list[int]:
    """Insert claims straight through the models (the ingest pipeline is not needed)."""
    ids = []
    with db.transaction() as s:
        for i in range(count):
            claim = Claim(
                article_id=article_id,
                text=f"{text} #{i}" if count > 1 else text,
                sentence=CLAIM_SENTENCE,
                start=start + i,
                end=CLAIM_START + len(CLAIM_SENTENCE),
                kind=kind,
                score=scores[i] if scores else 0.5,
                checkworthy=True,
                reasons=["number", "official source"],
                quantities=[{"text": "3.5%", "value": 3.5, "unit": "percent"}],
                times=[{"expression": "in 2023", "date": "2023-01-01", "granularity": "year"}],
                speaker="officials",
                **extra,
            )
            s.add(claim)
            s.flush()
            ids.append(claim.id)
    return ids


@dataclass
class Desk:
    """A database with one article and helpers to bring claims to any status."""

    db: Database
    article_id: int

    def new_claim(self, **extra: Any) -> int:
        return add_claims(self.db, self.article_id, **extra)[0]

    def do(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        with self.db.transaction() as s:
            return fn(s, *args, **kwargs)

    def claim_in(self, status: str) -> int:
        """A claim brought to `status` by the real actions (never by editing the row)."""
        cid = self.new_claim()
        path = {
            "new": [],
            "to_check": ["triage"],
            "dismissed": ["dismiss"],
            "researching": ["triage", "start"],
            "in_review": ["triage", "start", "evidence", "submit"],
            "approved": ["triage", "start", "evidence", "submit", "approve"],
        }[status]
        for step in path:
            if step == "triage":
                self.do(wf.triage, cid, RESEARCHER)
            elif step == "dismiss":
                self.do(wf.dismiss, cid, RESEARCHER, "an opinion, not checkable")
            elif step == "start":
                self.do(wf.start_research, cid, RESEARCHER)
            elif step == "evidence":
                self.do(wf.add_source, cid, RESEARCHER, "https://stats.gov.cn/pop2023")
                self.do(wf.set_verdict, cid, RESEARCHER, "True", "The statistics bureau says so.")
            elif step == "submit":
                self.do(wf.submit, cid, RESEARCHER)
            elif step == "approve":
                self.do(wf.approve, cid, EDITOR)
        assert self.status(cid) == status
        return cid

    def claim(self, cid: int) -> Claim:
        with self.db.session() as s:
            claim = s.get(Claim, cid)
            assert claim is not None
            s.expunge(claim)
            return claim

    def status(self, cid: int) -> str:
        return self.claim(cid).status.value

    def event_count(self, cid: int) -> int:
        with self.db.session() as s:
            return int(
                s.scalar(select(func.count(ReviewEvent.id)).where(ReviewEvent.claim_id == cid)) or 0
            )

    def source_count(self, cid: int) -> int:
        with self.db.session() as s:
            return int(s.scalar(select(func.count(Source.id)).where(Source.claim_id == cid)) or 0)

    def snapshot(self, cid: int) -> tuple[Any, ...]:
        """Everything a refused action must leave untouched."""
        c = self.claim(cid)
        return (
            c.status,
            c.version,
            c.verdict,
            c.explanation,
            c.verdict_by,
            c.assignee,
            c.approved_by,
            c.updated_at,
            self.event_count(cid),
            self.source_count(cid),
        )


@pytest.fixture
def desk(db: Database) -> Desk:
    return Desk(db=db, article_id=add_article(db))
