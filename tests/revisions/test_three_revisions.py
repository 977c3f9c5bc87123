"""Three revisions of one article: review work carried over, rewordings flagged,
vanished claims withdrawn (never deleted) and restored when they come back."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from factcheck import workflow as wf
from factcheck.errors import InvalidInput, NotFound
from factcheck.revisions import (
    acknowledge_change,
    list_revisions,
    revise_article,
    revision_changes,
    text_diff,
)
from factcheck.store.models import Article, Claim, ReviewEvent, Source
from tests.revisions.conftest import (
    ADDED,
    DIEGO,
    FIRMS_NEW,
    FIRMS_OLD,
    LE_PEN,
    MILLION_NEW,
    MILLION_OLD,
    RESEARCHER,
    Desk,
)


def _counts(desk: Desk) -> tuple[int, int, int]:
    with desk.db.session() as s:
        return (
            s.scalar(select(func.count(Claim.id))) or 0,
            s.scalar(select(func.count(Source.id))) or 0,
            s.scalar(select(func.count(ReviewEvent.id))) or 0,
        )


def _claim(desk: Desk, claim_id: int) -> Claim:
    with desk.db.session() as s:
        claim = s.get(Claim, claim_id)
        assert claim is not None
        s.expunge(claim)
        return claim


def _offsets_hold(desk: Desk) -> None:
    """Every live claim indexes the article's current text exactly."""
    with desk.db.session() as s:
        article = s.get(Article, desk.article_id)
        assert article is not None
        for claim in s.scalars(select(Claim).where(Claim.article_id == desk.article_id)):
            if not claim.withdrawn:
                assert article.text[claim.start : claim.end] == claim.text


def test_three_revisions_keep_review_work(desk: Desk) -> None:
    million = desk.claim_id(MILLION_OLD)
    firms = desk.claim_id(FIRMS_OLD)
    le_pen = desk.claim_id(LE_PEN)
    diego = desk.claim_id(DIEGO)
    desk.approve(million)
    desk.approve(firms)
    desk.do(wf.triage, le_pen, RESEARCHER)
    desk.do(wf.start_research, le_pen, RESEARCHER)
    desk.do(wf.add_source, le_pen, RESEARCHER, "https://example.org/le-pen-interview")
    with desk.db.session() as s:
        history_before = {c: len(wf.claim_detail(s, c).history) for c in (million, firms, le_pen)}
    ids_before = _all_ids(desk)
    counts_before = _counts(desk)

    # Revision 2: "a million" -> "1.2 million", Diego's paragraph gone, a sentence added.
    second = desk.do(revise_article, desk.article_id, desk.revision(2), "editor")
    assert second.number == 2
    assert second.changed == [million]
    # The four claims of Diego's paragraph, and nothing else.
    assert diego in second.withdrawn and len(second.withdrawn) == 4
    assert not {million, firms, le_pen} & set(second.withdrawn)
    assert firms in second.kept and le_pen in second.kept
    assert len(second.added) == 1
    _offsets_hold(desk)

    with desk.db.session() as s:
        m = wf.claim_detail(s, million)
        assert m.row.text == MILLION_NEW
        assert (m.row.status, m.row.verdict) == ("approved", "Mostly false")
        assert [src.url for src in m.sources] == ["https://stats.example.org/foreigners"]
        assert len(m.history) == history_before[million] + 1
        assert m.history[-1].action == "text_changed"
        assert m.history[-1].details["changes"]["text"] == {"old": MILLION_OLD, "new": MILLION_NEW}
        f = wf.claim_detail(s, firms)
        assert (f.row.status, f.row.verdict, len(f.history)) == (
            "approved",
            "Mostly false",
            history_before[firms],
        )
        lp = wf.claim_detail(s, le_pen)
        assert lp.row.status == "researching" and len(lp.sources) == 1
        added = wf.claim_detail(s, second.added[0])
        assert ADDED.rstrip(".") in added.row.text or added.row.text in ADDED
        assert added.row.status == "new"
    m_row = _claim(desk, million)
    assert m_row.changed_since_review and m_row.previous_text == MILLION_OLD
    d_row = _claim(desk, diego)
    assert d_row.withdrawn and d_row.withdrawn_in == 2
    assert not _claim(desk, firms).changed_since_review

    # Revision 3: "2,223" -> "2,500"; Diego's paragraph is back.
    third = desk.do(revise_article, desk.article_id, desk.revision(3), "editor")
    assert third.number == 3
    assert third.changed == [firms]
    assert sorted(third.restored) == sorted(second.withdrawn)
    assert third.withdrawn == []
    assert million in third.kept
    _offsets_hold(desk)
    f_row = _claim(desk, firms)
    assert f_row.text == FIRMS_NEW and f_row.previous_text == FIRMS_OLD
    assert f_row.changed_since_review and f_row.verdict == "Mostly false"
    d_row = _claim(desk, diego)
    assert not d_row.withdrawn and d_row.withdrawn_in is None
    # The earlier rewording is still flagged against the text it was reviewed on.
    m_row = _claim(desk, million)
    assert m_row.changed_since_review and m_row.previous_text == MILLION_OLD

    # Nothing was deleted: every claim, source and event is still there.
    assert ids_before <= _all_ids(desk)
    claims, sources, events = _counts(desk)
    assert claims >= counts_before[0] + 1
    assert sources == counts_before[1]
    assert events > counts_before[2]

    with desk.db.session() as s:
        article = s.get(Article, desk.article_id)
        assert article is not None and article.revision == 3 and article.revised_at is not None
        assert article.text == desk.texts[2]
        revisions = list_revisions(s, desk.article_id)
        assert [r.number for r in revisions] == [1, 2, 3]
        assert [r.current for r in revisions] == [False, False, True]
        assert (revisions[1].changed, revisions[1].withdrawn, revisions[1].added) == (1, 4, 1)
        kinds = {(c.kind, c.claim_id) for c in revision_changes(s, desk.article_id, 3).changes}
        assert ("changed", firms) in kinds and ("restored", diego) in kinds
        diff = text_diff(s, desk.article_id, 1, 2)
        assert any(line.startswith("-") and "Diego Antolini" in line for line in diff)
        assert any(line.startswith("+") and "1.2 million" in line for line in diff)


def _all_ids(desk: Desk) -> set[int]:
    with desk.db.session() as s:
        return set(s.scalars(select(Claim.id)))


def test_unchanged_claim_keeps_its_version_when_it_did_not_move(desk: Desk) -> None:
    # The first paragraph is before every edit: its claim is not rewritten at all.
    first = desk.claim_id(
        "Shenzhen’s rise as a new hub for innovation is now drawing increasing numbers"
        " of expat entrepreneurs from the West"
    )
    before = _claim(desk, first).version
    desk.do(revise_article, desk.article_id, desk.revision(2), "editor")
    assert _claim(desk, first).version == before


def test_new_claim_reworded_is_not_flagged_as_changed_since_review(desk: Desk) -> None:
    # Nobody reviewed the "million" claim yet: it takes the new wording, no flag.
    million = desk.claim_id(MILLION_OLD)
    desk.do(revise_article, desk.article_id, desk.revision(2), "editor")
    row = _claim(desk, million)
    assert row.text == MILLION_NEW
    assert not row.changed_since_review and row.previous_text is None


def test_acknowledging_a_change_clears_the_flag_with_an_event(desk: Desk) -> None:
    million = desk.claim_id(MILLION_OLD)
    desk.approve(million)
    desk.do(revise_article, desk.article_id, desk.revision(2), "editor")
    desk.do(acknowledge_change, million, "bob")
    assert not _claim(desk, million).changed_since_review
    with desk.db.session() as s:
        assert wf.claim_detail(s, million).history[-1].action == "change_acknowledged"
    with pytest.raises(InvalidInput, match="has not changed"):
        desk.do(acknowledge_change, million, "bob")


def test_same_text_is_not_a_revision(desk: Desk) -> None:
    result = desk.do(revise_article, desk.article_id, desk.revision(1), "editor")
    assert result.unchanged and result.number == 1
    with desk.db.session() as s:
        assert [r.number for r in list_revisions(s, desk.article_id)] == [1]


def test_unknown_article_is_refused(desk: Desk) -> None:
    with pytest.raises(NotFound, match="no article 999"):
        desk.do(revise_article, 999, desk.revision(2), "editor")
