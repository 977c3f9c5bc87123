"""Link health: every source fetched again; dead, moved and changed ones reported."""

from __future__ import annotations

from sqlalchemy import select

from factcheck.evidence import FetchOptions, check_sources, snapshot_source, summarize
from factcheck.evidence.health import CHANGED, DEAD, MOVED, NEW, OK
from factcheck.store.database import Database
from factcheck.store.snapshot_models import SourceSnapshot
from tests.evidence.helpers import PAGE_HTML, Route, Site, add_source, make_claim


def test_changed_content_is_detected_and_the_original_snapshot_kept(
    db: Database, site: Site, claim_id: int, fast: FetchOptions
) -> None:
    sid = add_source(db, claim_id, site.url("/page.html"))
    original = snapshot_source(db, sid, options=fast)
    site.routes["/page.html"].body = PAGE_HTML.replace("1.1 million", "1.3 million").encode()
    rows = check_sources(db, options=fast)
    assert [r.state for r in rows] == [CHANGED]
    row = rows[0]
    assert row.previous is not None and row.previous.id == original.id
    assert row.snapshot is not None and row.snapshot.content_hash != original.content_hash
    assert "content changed since" in row.detail
    with db.session() as s:
        texts = list(
            s.scalars(
                select(SourceSnapshot.text)
                .where(SourceSnapshot.source_id == sid)
                .order_by(SourceSnapshot.id)
            )
        )
    assert len(texts) == 2
    assert texts[0] is not None and "1.1 million" in texts[0]  # never overwritten
    assert texts[1] is not None and "1.3 million" in texts[1]


def test_markup_only_changes_are_not_reported(
    db: Database, site: Site, claim_id: int, fast: FetchOptions
) -> None:
    sid = add_source(db, claim_id, site.url("/page.html"))
    snapshot_source(db, sid, options=fast)
    site.routes["/page.html"].body = PAGE_HTML.replace(
        "<nav>", '<script>var token="a81f";</script><nav class="x">'
    ).encode()
    assert [r.state for r in check_sources(db, options=fast)] == [OK]


def test_dead_moved_new_and_ok_in_one_check(db: Database, site: Site, fast: FetchOptions) -> None:
    claim = make_claim(db)
    ok = add_source(db, claim, site.url("/notes.txt"))
    snapshot_source(db, ok, options=fast)
    dead = add_source(db, claim, site.url("/soon-gone"))
    site.routes["/soon-gone"] = Route(200, b"here today", {"Content-Type": "text/plain"})
    snapshot_source(db, dead, options=fast)
    del site.routes["/soon-gone"]
    moved = add_source(db, claim, site.url("/elsewhere"))
    new = add_source(db, claim, site.url("/data.csv"))
    seen: list[tuple[int, int]] = []
    rows = check_sources(
        db, options=fast, progress=lambda done, total, row: seen.append((done, total))
    )
    states = {r.source_id: r.state for r in rows}
    assert states == {ok: OK, dead: DEAD, moved: MOVED, new: NEW}
    by_id = {r.source_id: r for r in rows}
    assert by_id[dead].detail == "not fetched: HTTP 404 Not Found"
    assert "to another site" in by_id[moved].detail
    assert sorted(seen) == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert summarize(rows)[DEAD] == 1
    assert [r.source_id for r in rows] == sorted(states)  # source order


def test_check_limited_to_one_article(db: Database, site: Site, fast: FetchOptions) -> None:
    first = make_claim(db)
    second = make_claim(db, "Rents rose by 4.2% in the Nanshan district")
    add_source(db, first, site.url("/notes.txt"))
    only = add_source(db, second, site.url("/data.csv"))
    with db.session() as s:
        from factcheck.store.models import Claim

        article = s.get(Claim, second)
        assert article is not None
        article_id = article.article_id
    rows = check_sources(db, article_id, options=fast)
    assert [r.source_id for r in rows] == [only]
