"""Which claims a report holds, the registry, and the streaming loader's paging."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from factcheck.errors import InvalidInput, NotFound
from factcheck.export import available_formats
from factcheck.export.loader import Report
from factcheck.store.database import Database
from factcheck.store.models import Article, Claim, Kind, Status
from tests.export.seed import Seeded, render


def _claim_ids(db: Database, **kw: object) -> set[int]:
    doc = json.loads(render(db, "json", **kw)[0])
    return {c["id"] for a in doc["articles"] for c in a["claims"]}


def test_registry_lists_the_five_formats() -> None:
    formats = {f.name: f.extension for f in available_formats()}
    assert formats == {
        "markdown": "md",
        "html": "html",
        "json": "json",
        "csv": "csv",
        "claimreview": "jsonld",
    }


def test_unknown_format_is_refused(db: Database) -> None:
    with pytest.raises(InvalidInput, match="unknown export format 'pdf'; choose one of: markdown"):
        render(db, "pdf")


def test_default_is_approved_claims_only(
    db: Database, seeded: Seeded, approved_ids: set[int]
) -> None:
    assert _claim_ids(db) == approved_ids


def test_statuses_widen_the_report(db: Database, seeded: Seeded, approved_ids: set[int]) -> None:
    assert _claim_ids(db, statuses={"approved", "in_review"}) == approved_ids | {seeded.in_review}
    assert _claim_ids(db, statuses={"new"}) == {seeded.new}
    assert len(_claim_ids(db, statuses={"all"})) == 8
    assert len(_claim_ids(db, statuses={"ALL"})) == 8


def test_unknown_status_is_refused(db: Database, seeded: Seeded) -> None:
    with pytest.raises(InvalidInput, match="unknown status 'aproved'"):
        render(db, "csv", statuses={"aproved"})


def test_article_filter(db: Database, seeded: Seeded) -> None:
    assert _claim_ids(db, article_id=seeded.evil_article) == {
        seeded.evil_claim,
        seeded.formula_claim,
    }
    _text, count = render(db, "csv", article_id=seeded.good_article, statuses={"all"})
    assert count == 6


def test_missing_article_is_not_found(db: Database, seeded: Seeded) -> None:
    with pytest.raises(NotFound, match="no article 999"):
        render(db, "markdown", article_id=999)


def _many_claims(db: Database) -> list[int]:
    """Three articles; claims sharing a start offset, inserted out of order."""
    now = datetime(2026, 1, 1, tzinfo=UTC)
    with db.transaction() as s:
        arts = [Article(title=f"A{i}", text="x" * 100, content_hash=f"{i:064d}") for i in range(3)]
        s.add_all(arts)
        s.flush()
        for art in reversed(arts):
            for start in (50, 10, 10, 30, 0, 10):
                s.add(
                    Claim(
                        article_id=art.id,
                        text="x" * 5,
                        sentence="x",
                        start=start,
                        end=start + 5,
                        kind=Kind.FACT,
                        status=Status.APPROVED,
                        verdict="True",
                        created_at=now,
                        updated_at=now,
                    )
                )
        s.flush()
    with db.session() as s:
        rows = s.query(Claim.id, Claim.article_id, Claim.start).all()
    return [r.id for r in sorted(rows, key=lambda r: (r.article_id, r.start, r.id))]


@pytest.mark.parametrize("batch_size", [1, 2, 5, 1000])
def test_stream_pages_through_every_claim_once_in_order(db: Database, batch_size: int) -> None:
    expected = _many_claims(db)
    with db.session() as s:
        got = [c.id for c in Report(s, batch_size=batch_size).claims(sources=True, history=True)]
    assert got == expected


def test_stream_loads_each_article_text_once_per_article(db: Database) -> None:
    _many_claims(db)
    with db.session() as s:
        claims = list(Report(s, batch_size=4).claims(article_text=True))
    articles = {id(c.article) for c in claims}
    assert len(articles) == 3
    assert all(c.article.text == "x" * 100 for c in claims)


def test_reports_state_the_revision_and_leave_out_withdrawn_claims(
    db: Database, seeded: Seeded, approved_ids: set[int]
) -> None:
    from sqlalchemy import update

    gone = min(approved_ids)
    with db.transaction() as s:
        article_id = s.get(Claim, gone).article_id  # type: ignore[union-attr]
        s.execute(
            update(Article)
            .where(Article.id == article_id)
            .values(revision=3, revised_at=datetime(2026, 3, 2, tzinfo=UTC))
        )
        s.execute(update(Claim).where(Claim.id == gone).values(withdrawn=True))
    assert _claim_ids(db) == approved_ids - {gone}
    markdown, _ = render(db, "markdown")
    assert "covers revision 3 (revised 2026-03-02)" in markdown
    doc = json.loads(render(db, "json")[0])
    revised = [a for a in doc["articles"] if a["id"] == article_id]
    assert revised and revised[0]["revision"] == 3
