"""Fixtures for revision tests: the sample article stored by the real segmenter, and
three texts of it (as published, corrected, corrected again)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest

from factcheck import workflow as wf
from factcheck.ingest.save import save_article
from factcheck.segmenter import read_article, segment
from factcheck.segmenter.types import ArticleText
from factcheck.store.database import Database

URL = "https://example.com/shenzhen-expats"
RESEARCHER = "alice"
EDITOR = "bob"

MILLION_OLD = "the Chinese city was already home to over a million foreigners"
MILLION_NEW = "the Chinese city was already home to over 1.2 million foreigners"
FIRMS_OLD = "holds a total of 2,223 other tech-focused firms"
FIRMS_NEW = "holds a total of 2,500 other tech-focused firms"
LE_PEN = "French entrepreneur Laurent Le Pen first arrived in Shenzhen eleven years ago"
DIEGO = "Another Shenzhen expat resident, Diego Antolini, has lived in the city for four years"
ADDED = "Officials said 40,000 new firms registered in Shenzhen in 2023."


def _paragraph(text: str, opening: str) -> str:
    start = text.index(opening)
    end = text.find("\n\n", start)
    return text[start:] if end < 0 else text[start:end]


def revision_texts(original: str) -> list[str]:
    """Revision 2 corrects a number, drops a paragraph and adds one; revision 3
    corrects another number and puts the dropped paragraph back, at the end."""
    diego = _paragraph(original, "Another Shenzhen expat resident")
    paragraphs = [p for p in original.split("\n\n") if p != diego]
    second = "\n\n".join([*paragraphs, ADDED]).replace("over a million", "over 1.2 million")
    third = second.replace("2,223", "2,500") + "\n\n" + diego
    return [original, second, third]


@dataclass
class Desk:
    db: Database
    article_id: int
    texts: list[str]
    base: ArticleText

    def do(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        with self.db.transaction() as s:
            return fn(s, *args, **kwargs)

    def claim_id(self, text: str) -> int:
        with self.db.session() as s:
            _, rows = wf.article_with_claims(s, self.article_id)
        return next(r.id for r in rows if r.text == text)

    def approve(self, claim_id: int) -> None:
        self.do(wf.triage, claim_id, RESEARCHER)
        self.do(wf.start_research, claim_id, RESEARCHER)
        self.do(wf.add_source, claim_id, RESEARCHER, "https://stats.example.org/foreigners")
        self.do(wf.set_verdict, claim_id, RESEARCHER, "Mostly false", "The bureau counts fewer.")
        self.do(wf.submit, claim_id, RESEARCHER)
        self.do(wf.approve, claim_id, EDITOR)

    def revision(self, n: int) -> ArticleText:
        return replace(self.base, text=self.texts[n - 1])


@pytest.fixture
def desk(db: Database, sample_article: Path) -> Desk:
    base = replace(read_article(sample_article), url=URL)
    with db.transaction() as s:
        article_id = save_article(s, base, segment(base), "ingester")
    return Desk(db, article_id, revision_texts(base.text), base)
