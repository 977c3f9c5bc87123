"""similar_claims and search_claims against a real database (SQLite FTS5 or PostgreSQL)."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, update

from factcheck.errors import InvalidInput, NotFound
from factcheck.memory import search_claims, similar_claims
from factcheck.store.database import Database
from factcheck.store.models import Claim
from tests.memory.pairs import NON_PAIRS, PAIRS
from tests.memory.seed import add_article, add_claim


def test_previously_checked_claim_in_another_article(db: Database) -> None:
    old = add_article(db, "Expats flock to Shenzhen")
    checked = add_claim(
        db,
        old,
        "Shenzhen was already home to over a million foreigners",
        verdict="Mostly false",
        source="https://stats.example.org/shenzhen",
    )
    add_claim(db, old, "Shenzhen has more than a million foreign residents")  # no verdict
    new = add_article(db, "Tech boom")
    asked = add_claim(db, new, "more than one million foreigners live in Shenzhen")
    with db.session() as s:
        matches = similar_claims(s, asked)
    assert [m.claim_id for m in matches] == [checked]
    match = matches[0]
    assert (match.verdict, match.article_title, match.status) == (
        "Mostly false",
        "Expats flock to Shenzhen",
        "approved",
    )
    assert match.date is not None and match.date.year == 2025
    assert [src.url for src in match.sources] == ["https://stats.example.org/shenzhen"]
    assert 0.5 <= match.similarity <= 1.0


def test_by_text_and_never_itself(db: Database) -> None:
    article = add_article(db, "Jobs")
    cid = add_claim(db, article, "unemployment in Spain fell to 12% in 2023", verdict="True")
    with db.session() as s:
        assert similar_claims(s, cid) == []  # the claim itself is not "previously checked"
        by_text = similar_claims(s, "Spain's jobless rate dropped to 12 per cent in 2023")
        assert [m.claim_id for m in by_text] == [cid]
        assert similar_claims(s, "unemployment in Greece fell to 12% in 2023") == []
        assert similar_claims(s, "the harbour froze for the first time") == []


def test_bad_requests_are_clear_errors(db: Database) -> None:
    with db.session() as s:
        with pytest.raises(NotFound, match="no claim 404"):
            similar_claims(s, 404)
        with pytest.raises(InvalidInput, match="empty"):
            similar_claims(s, "   ")
        with pytest.raises(InvalidInput, match="limit"):
            search_claims(s, "x", limit=0)


def test_pairs_end_to_end_through_the_index(db: Database) -> None:
    """Every pair's and non-pair's first claim stored as checked; the best suggestion for
    each paraphrase must be its partner, and no non-pair may be offered its counterpart.

    (The archive holds near-duplicates, e.g. two wordings of the Shenzhen claim, so the
    best suggestion, which is what the desk shows first, is what is scored.)
    """
    article = add_article(db, "Archive")
    stored: dict[str, int] = {}
    for a, _ in PAIRS + NON_PAIRS:
        if a not in stored:
            stored[a] = add_claim(db, article, a, verdict="True")
    found = wrong = 0
    with db.session() as s:
        for a, b in PAIRS:
            best = similar_claims(s, b, limit=1)
            found += bool(best) and best[0].claim_id == stored[a]
            wrong += bool(best) and best[0].claim_id != stored[a]
        for a, b in NON_PAIRS:
            wrong += stored[a] in [m.claim_id for m in similar_claims(s, b)]
    recall = found / len(PAIRS)
    precision = found / max(found + wrong, 1)
    assert recall >= 0.8 and precision >= 0.8, (precision, recall)


def test_search_every_word_last_as_prefix(db: Database) -> None:
    article = add_article(db, "Mixed")
    tesla = add_claim(db, article, "Tesla sold 1.8 million cars in 2023")
    byd = add_claim(db, article, "BYD sold 3 million cars in 2023")
    add_claim(db, article, "Paris has 1,800 bakeries")
    with db.session() as s:
        assert {r.id for r in search_claims(s, "sold cars")} == {tesla, byd}
        assert [r.id for r in search_claims(s, "tesla ca")] == [tesla]
        rows = search_claims(s, "Bakerie")
        assert [r.text for r in rows] == ["Paris has 1,800 bakeries"]
        assert rows[0].article_title == "Mixed"
        assert search_claims(s, "  ?! ") == []
        # Query syntax of either engine is just text here.
        assert search_claims(s, 'cars" OR "paris') == []
        assert search_claims(s, "cars & !paris:*") == []


def test_index_follows_updates_and_deletes(db: Database) -> None:
    article = add_article(db, "Edits")
    cid = add_claim(db, article, "Lagos is home to 15 million people")
    with db.transaction() as s:
        s.execute(update(Claim).where(Claim.id == cid).values(text="Cairo is home to 22 million"))
    with db.session() as s:
        assert search_claims(s, "lagos") == []
        assert [r.id for r in search_claims(s, "cairo")] == [cid]
    with db.transaction() as s:
        s.execute(delete(Claim).where(Claim.id == cid))
    with db.session() as s:
        assert search_claims(s, "cairo") == []


def test_only_claims_with_a_verdict_are_remembered(db: Database) -> None:
    article = add_article(db, "Verdicts")
    cid = add_claim(db, article, "the city has 2,223 tech firms")
    asked = "2,223 technology companies are based in the city"
    with db.session() as s:
        assert similar_claims(s, asked) == []
    with db.transaction() as s:
        s.execute(update(Claim).where(Claim.id == cid).values(verdict="False"))
    with db.session() as s:
        assert [m.claim_id for m in similar_claims(s, asked)] == [cid]
    with db.transaction() as s:
        s.execute(update(Claim).where(Claim.id == cid).values(verdict=None))
    with db.session() as s:
        assert similar_claims(s, asked) == []
