"""Read queries: keyset pages return every claim exactly once, filters, counts, details."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import event, update

from factcheck import workflow as wf
from factcheck.errors import InvalidInput, NotFound
from factcheck.store.database import Database
from factcheck.store.models import Claim, Kind

from .conftest import CLAIM_SENTENCE, CLAIM_START, EDITOR, RESEARCHER, Desk, add_article, add_claims


def _sort_key(row: wf.ClaimRow, sort: str) -> tuple[Any, ...]:
    if sort == "score":
        return (-row.score, -row.id)
    if sort == "position":
        return (row.article_id, row.start, row.id)
    return (-row.updated_at.timestamp(), -row.id)


@pytest.fixture
def crowded(desk: Desk) -> Desk:
    """53 claims over two articles with many tied scores and tied update times."""
    other = add_article(desk.db, title="Second article", text="Other text.\n\nMore text.")
    scores = [round((i % 5) / 4, 2) for i in range(30)]
    add_claims(desk.db, desk.article_id, 30, scores=scores)
    add_claims(desk.db, other, 23, scores=[0.5] * 23, kind=Kind.OPINION, text="things are bad")
    stamp = datetime(2026, 1, 1, tzinfo=UTC)
    with desk.db.transaction() as s:  # ties on updated_at too
        for cid in range(1, 54):
            s.execute(
                update(Claim)
                .where(Claim.id == cid)
                .values(updated_at=stamp + timedelta(minutes=cid % 4))
                .execution_options(synchronize_session=False)
            )
    return desk


@pytest.mark.parametrize("sort", wf.SORTS)
@pytest.mark.parametrize("page_size", [1, 7, 53, 100])
def test_keyset_pages_return_every_claim_exactly_once_in_order(
    crowded: Desk, sort: str, page_size: int
) -> None:
    seen: list[wf.ClaimRow] = []
    after = None
    with crowded.db.session() as s:
        while True:
            page = wf.list_claims(s, wf.ClaimFilter(), sort=sort, limit=page_size, after=after)
            assert len(page) <= page_size
            if not page:
                break
            seen.extend(page)
            after = wf.cursor_of(page[-1], sort)
        total = wf.count_claims(s, wf.ClaimFilter())
    ids = [r.id for r in seen]
    assert len(ids) == len(set(ids)) == total == 53
    assert seen == sorted(seen, key=lambda r: _sort_key(r, sort))


def test_keyset_pages_under_a_filter(crowded: Desk) -> None:
    flt = wf.ClaimFilter(kinds=frozenset({"quantity"}), search="#1")
    seen, after = [], None
    with crowded.db.session() as s:
        while page := wf.list_claims(s, flt, limit=3, after=after):
            seen.extend(page)
            after = wf.cursor_of(page[-1], "score")
        assert len(seen) == wf.count_claims(s, flt)
    # "#1", "#10".."#19": the search is a substring match
    assert sorted(int(r.text.rsplit("#", 1)[1]) for r in seen) == [1, *range(10, 20)]


def test_filters(desk: Desk) -> None:
    a = desk.claim_in("to_check")
    b = desk.claim_in("researching")  # assigned to alice by starting it
    c = desk.claim_in("new")
    desk.do(wf.assign, a, EDITOR, "carol")
    other_article = add_article(desk.db, title="Other", text="Elsewhere.")
    d = add_claims(desk.db, other_article, kind=Kind.OPINION, text="Taxes are TOO high")[0]

    def ids(**kw: Any) -> list[int]:
        with desk.db.session() as s:
            return sorted(r.id for r in wf.list_claims(s, wf.ClaimFilter(**kw)))

    assert ids() == [a, b, c, d]
    assert ids(statuses=frozenset({"new"})) == [c, d]
    assert ids(statuses=frozenset({"to_check", "researching"})) == [a, b]
    assert ids(kinds=frozenset({"opinion"})) == [d]
    assert ids(article_id=other_article) == [d]
    assert ids(assignee=RESEARCHER) == [b]
    assert ids(assignee="carol") == [a]
    assert ids(search="too HIGH") == [d]
    assert ids(search="3.5%") == [a, b, c]
    assert ids(search="grew_by") == []  # LIKE wildcards are escaped
    assert ids(statuses=frozenset({"new"}), article_id=desk.article_id) == [c]
    with desk.db.session() as s:
        assert wf.assignees(s) == [RESEARCHER, "carol"]


def test_unknown_filter_values_and_sorts_are_refused(desk: Desk) -> None:
    with desk.db.session() as s:
        with pytest.raises(InvalidInput, match="unknown status done; choose from new, to_check"):
            wf.list_claims(s, wf.ClaimFilter(statuses=frozenset({"done"})))
        with pytest.raises(InvalidInput, match="unknown kind"):
            wf.count_claims(s, wf.ClaimFilter(kinds=frozenset({"gossip"})))
        with pytest.raises(InvalidInput, match="unknown sort 'newest'"):
            wf.list_claims(s, wf.ClaimFilter(), sort="newest")
        with pytest.raises(InvalidInput, match="limit must be at least 1"):
            wf.list_claims(s, wf.ClaimFilter(), limit=0)
        with pytest.raises(InvalidInput, match="cursor"):
            wf.list_claims(s, wf.ClaimFilter(), sort="position", after=(1, 2))


def test_status_counts_ignore_the_status_filter_only(desk: Desk) -> None:
    desk.claim_in("new")
    desk.claim_in("new")
    desk.claim_in("approved")
    other = add_article(desk.db, title="Other", text="Elsewhere.")
    add_claims(desk.db, other)
    with desk.db.session() as s:
        counts = wf.status_counts(s, wf.ClaimFilter(statuses=frozenset({"approved"})))
        assert counts == {
            "new": 3,
            "to_check": 0,
            "dismissed": 0,
            "researching": 0,
            "in_review": 0,
            "approved": 1,
        }
        per_article = wf.status_counts(s, wf.ClaimFilter(article_id=other))
        assert per_article["new"] == 1 and sum(per_article.values()) == 1


def test_list_articles_with_counts(desk: Desk) -> None:
    desk.claim_in("new")
    desk.claim_in("dismissed")
    empty = add_article(desk.db, title="No claims", text="Nothing.")
    with desk.db.session() as s:
        articles = wf.list_articles(s)
    assert [a.id for a in articles] == [empty, desk.article_id]  # newest first
    assert articles[0].claim_count == 0 and sum(articles[0].status_counts.values()) == 0
    first = articles[1]
    assert (first.title, first.outlet, first.claim_count) == ("Shenzhen expats", "Daily Test", 2)
    assert first.status_counts["new"] == 1 and first.status_counts["dismissed"] == 1


def test_article_with_claims_in_text_order(desk: Desk) -> None:
    add_claims(desk.db, desk.article_id, start=50)
    add_claims(desk.db, desk.article_id, start=3)
    with desk.db.session() as s:
        info, rows = wf.article_with_claims(s, desk.article_id)
        assert info.title == "Shenzhen expats" and info.text.startswith("Shenzhen drew")
        assert [r.start for r in rows] == [3, 50]
        with pytest.raises(NotFound, match="no article 999"):
            wf.article_with_claims(s, 999)


def test_claim_detail(desk: Desk) -> None:
    cid = desk.claim_in("researching")
    with desk.db.session() as s:
        detail = wf.claim_detail(s, cid)
        article_text = wf.article_with_claims(s, desk.article_id)[0].text
    assert detail.row.id == cid and detail.row.status == "researching"
    assert detail.sentence == CLAIM_SENTENCE
    assert detail.paragraph == (
        "The city's population grew by 3.5% in 2023, officials said. "
        "Housing costs rose faster than wages."
    )
    assert detail.paragraph_start == CLAIM_START
    start = detail.paragraph_start
    assert article_text[start : start + len(detail.paragraph)] == detail.paragraph
    assert detail.reasons == ["number", "official source"]
    assert detail.quantities[0]["value"] == 3.5
    assert detail.times[0]["granularity"] == "year"
    assert detail.speaker == "officials"
    assert [e.action for e in detail.history] == ["triage", "start"]
    assert detail.row.updated_at.tzinfo is not None
    with desk.db.session() as s, pytest.raises(NotFound, match="no claim 12345"):
        wf.claim_detail(s, 12345)


@pytest.mark.parametrize(
    ("text", "offset", "paragraph"),
    [
        ("One.\n\nTwo two.\n\nThree.", 8, "Two two."),
        ("One.\n\nTwo two.\n\nThree.", 0, "One."),
        ("One.\n\nTwo two.\n\nThree.", 20, "Three."),
        ("One.\n \t\nTwo.", 9, "Two."),
        ("Single paragraph, no breaks.", 5, "Single paragraph, no breaks."),
        ("\n\n  Indented.\n\n", 5, "Indented."),
        ("One.\nstill one.\n\nTwo.", 6, "One.\nstill one."),
    ],
)
def test_paragraph_around(text: str, offset: int, paragraph: str) -> None:
    from factcheck.store.queries import paragraph_around

    got, start = paragraph_around(text, offset)
    assert got == paragraph
    assert text[start : start + len(got)] == got


def _plans_of(db: Database, run: Any) -> list[str]:
    """The SQLite query plan lines of every statement `run` executes."""
    captured: list[tuple[str, Any]] = []

    def capture(_c: Any, _cur: Any, statement: str, params: Any, *_rest: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            captured.append((statement, params))

    event.listen(db.engine, "before_cursor_execute", capture)
    try:
        run()
    finally:
        event.remove(db.engine, "before_cursor_execute", capture)
    with db.engine.connect() as conn:
        return [
            str(row[-1])
            for statement, params in captured
            for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", params)
        ]


@pytest.mark.parametrize(
    ("flt", "sort", "after", "index"),
    [
        (wf.ClaimFilter(statuses=frozenset({"new"})), "score", (0.5, 3), "ix_claim_status_score"),
        (wf.ClaimFilter(), "score", None, "ix_claim_status_score"),
        (wf.ClaimFilter(), "score", (0.5, 30), "ix_claim_status_score"),
        (
            wf.ClaimFilter(statuses=frozenset({"new", "to_check"})),
            "score",
            (0.5, 30),
            "ix_claim_status_score",
        ),
        (wf.ClaimFilter(article_id=1), "position", (1, CLAIM_START, 3), "ix_claim_article_start"),
        (wf.ClaimFilter(), "updated", None, "ix_claim_updated_at"),
    ],
)
def test_sqlite_pages_seek_an_index_never_scan_and_sort(
    crowded: Desk, flt: wf.ClaimFilter, sort: str, after: Any, index: str
) -> None:
    """The claim list must walk an index, not sort the whole table (see DESIGN.md)."""
    if not crowded.db.is_sqlite:
        pytest.skip("EXPLAIN QUERY PLAN is SQLite's")

    def run() -> None:
        with crowded.db.session() as s:
            wf.list_claims(s, flt, sort=sort, limit=10, after=after)

    plan = _plans_of(crowded.db, run)
    assert any(index in line for line in plan), plan
    assert not any(line.startswith("SCAN claim") and "INDEX" not in line for line in plan), plan


def test_withdrawn_claims_leave_the_queues_but_not_the_database(db: Database) -> None:
    from sqlalchemy import update

    from factcheck.store.models import Claim
    from factcheck.workflow import ClaimFilter, count_claims, list_claims, status_counts

    article = add_article(db)
    ids = add_claims(db, article, 3)
    with db.transaction() as s:
        s.execute(update(Claim).where(Claim.id == ids[0]).values(withdrawn=True))
    with db.session() as s:
        shown = {r.id for r in list_claims(s, ClaimFilter(), limit=10)}
        assert shown == set(ids[1:])
        assert count_claims(s, ClaimFilter()) == 2
        assert sum(status_counts(s, ClaimFilter()).values()) == 2
        every = ClaimFilter(include_withdrawn=True)
        assert {r.id for r in list_claims(s, every, limit=10)} == set(ids)
