"""Upgrading keeps data: a database filled at the first revision survives every later one.

The rows are written with raw SQL (not the current models), as an old factcheck would
have left them, so a migration that rewrites or drops a table shows up here.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, Connection, DateTime, bindparam, create_engine, text
from sqlalchemy.orm import Session

from factcheck.store import migrate
from factcheck.store.database import Database
from factcheck.store.models import Article, Claim, Rating, ReviewEvent, Setting, Source

FIRST = "0001"
T0 = datetime(2024, 3, 1, 9, 30, tzinfo=UTC)
T1 = datetime(2024, 3, 2, 14, 5, 7, 123000, tzinfo=UTC)

# Columns of each table as revision 0001 created them, and the row key to order by.
TABLES: dict[str, str] = {
    "article": "id",
    "claim": "id",
    "source": "id",
    "review_event": "id",
    "rating": "id",
    "setting": "key",
}
JSON_COLUMNS = {"reasons", "quantities", "times", "details"}
TIME_COLUMNS = {
    "ingested_at",
    "created_at",
    "updated_at",
    "verdict_at",
    "approved_at",
    "added_at",
    "at",
}


def _insert(conn: Connection, table: str, row: dict[str, Any]) -> None:
    columns = ", ".join(f'"{c}"' for c in row)
    params = ", ".join(f":{c}" for c in row)
    stmt = text(f'INSERT INTO "{table}" ({columns}) VALUES ({params})')
    binds = [bindparam(c, type_=JSON) for c in row if c in JSON_COLUMNS]
    binds += [bindparam(c, type_=DateTime(timezone=True)) for c in row if c in TIME_COLUMNS]
    if binds:
        stmt = stmt.bindparams(*binds)
    conn.execute(stmt, row)


def _claim(claim_id: int, article_id: int, status: str, **extra: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": claim_id,
        "article_id": article_id,
        "text": f"Claim {claim_id}: exports rose 12% to £4.2bn in 2004 – “quoted”",
        "sentence": f"Sentence {claim_id}, with ünïcödé and 'quotes'.",
        "start": claim_id * 10,
        "end": claim_id * 10 + 9,
        "kind": "quantity",
        "score": 0.25 * claim_id,
        "checkworthy": claim_id % 2 == 0,
        "reasons": ["number", "comparison"],
        "quantities": [{"value": 12.0, "bound": "exact", "unit": "%", "text": "12%"}],
        "times": [{"expression": "2004", "date": "2004-01-01", "granularity": "year"}],
        "speaker": None,
        "status": status,
        "verdict": None,
        "explanation": None,
        "verdict_by": None,
        "verdict_at": None,
        "approved_by": None,
        "approved_at": None,
        "assignee": None,
        "created_at": T0,
        "updated_at": T1,
        "updated_by": "ingest",
        "version": 1,
    }
    row.update(extra)
    return row


def _fill(conn: Connection) -> None:
    for article_id in (1, 2):
        _insert(
            conn,
            "article",
            {
                "id": article_id,
                "title": f"Article {article_id}: “Growth” & <tags>",
                "url": f"https://example.org/news/{article_id}" if article_id == 1 else None,
                "outlet": "BBC",
                "author": None,
                "published": "2005-02-14",
                "ingested_at": T0,
                "text": f"Body of article {article_id}.\n\nSecond paragraph — ok.",
                "content_hash": f"{article_id:064d}",
                "language": "en",
                "source_path": f"/tmp/articles/{article_id}.txt",
            },
        )
    _insert(conn, "claim", _claim(1, 1, "new"))
    _insert(conn, "claim", _claim(2, 1, "dismissed", version=3, assignee="ana"))
    _insert(
        conn,
        "claim",
        _claim(
            3,
            2,
            "approved",
            version=7,
            verdict="Pants on fire",
            explanation="Official figures say 3%.",
            verdict_by="ana",
            verdict_at=T1,
            approved_by="ben",
            approved_at=T1,
            assignee="ana",
            speaker="Gordon Brown",
        ),
    )
    _insert(
        conn,
        "source",
        {
            "id": 1,
            "claim_id": 3,
            "url": "https://www.ons.gov.uk/exports?year=2004",
            "title": "ONS exports",
            "note": None,
            "stance": "refutes",
            "added_by": "ana",
            "added_at": T1,
        },
    )
    for event_id, (claim_id, action, before, after) in enumerate(
        [
            (1, "extracted", None, "new"),
            (2, "extracted", None, "new"),
            (2, "dismissed", "new", "dismissed"),
            (3, "extracted", None, "new"),
            (3, "approved", "in_review", "approved"),
        ],
        start=1,
    ):
        _insert(
            conn,
            "review_event",
            {
                "id": event_id,
                "claim_id": claim_id,
                "actor": "ana",
                "action": action,
                "from_status": before,
                "to_status": after,
                "details": {"note": f"event {event_id}", "nested": {"n": event_id}},
                "at": T1,
            },
        )
    _insert(
        conn,
        "rating",
        {"label": "Pants on fire", "description": "Ridiculous.", "value": 0, "position": 9},
    )
    _insert(conn, "setting", {"key": "house_style", "value": "Oxford commas, always."})
    if conn.dialect.name == "postgresql":
        # Rows given explicit ids (as a restored dump has) must move the sequences on,
        # or the next insert by a migration or by the app collides.
        for table in ("article", "claim", "source", "review_event"):
            conn.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), max(id)) FROM {table}"
                )
            )


def _as_utc(value: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes (stored without offset, meant as UTC)."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


def _dump(conn: Connection) -> dict[str, list[tuple[Any, ...]]]:
    return {
        table: [
            tuple(row)
            for row in conn.execute(text(f'SELECT * FROM "{table}" ORDER BY "{key}"')).all()
        ]
        for table, key in TABLES.items()
    }


def _old_columns(
    after: list[tuple[Any, ...]], before: list[tuple[Any, ...]]
) -> list[tuple[Any, ...]]:
    """The upgraded rows cut to the columns they had at the first revision.

    Later revisions add columns at the end of a table (with defaults); the data that
    was there must be unchanged, column for column.
    """
    width = len(before[0]) if before else 0
    return [row[:width] for row in after]


def test_rows_written_at_first_revision_survive_upgrade_to_head(empty_db_url: str) -> None:
    db = Database(empty_db_url)
    try:
        migrate.upgrade(db, FIRST)
        assert migrate.current_revision(db) == FIRST
        with db.engine.begin() as conn:
            _fill(conn)
        with db.engine.connect() as conn:
            before = _dump(conn)
        assert len(before["claim"]) == 3 and len(before["review_event"]) == 5

        migrate.upgrade(db, "head")
        assert migrate.current_revision(db) == migrate.head_revision()

        with db.engine.connect() as conn:
            after = _dump(conn)
        for table, rows in before.items():
            if table in ("rating", "setting"):
                # Later revisions seed defaults; what was there must be untouched.
                assert set(rows) <= set(after[table]), table
            else:
                assert _old_columns(after[table], rows) == rows, table

        # The current models read the old rows with the meaning they had.
        with Session(db.engine) as s:
            approved = s.get(Claim, 3)
            assert approved is not None
            assert approved.status == "approved" and approved.version == 7
            assert approved.verdict == "Pants on fire" and approved.approved_by == "ben"
            assert _as_utc(approved.verdict_at) == T1
            assert approved.quantities[0]["unit"] == "%"
            assert [src.stance for src in approved.sources] == ["refutes"]
            assert [e.action for e in approved.events] == ["extracted", "approved"]
            assert approved.events[1].details == {"note": "event 5", "nested": {"n": 5}}
            article = s.get(Article, 2)
            assert article is not None and article.title == "Article 2: “Growth” & <tags>"
            assert article.published is not None and article.published.isoformat() == "2005-02-14"
            assert s.query(ReviewEvent).count() == 5
            assert s.query(Source).count() == 1
            assert s.get(Setting, "house_style") is not None
            assert s.query(Rating).filter_by(label="Pants on fire").one().position == 9
    finally:
        db.dispose()


def test_upgrade_from_first_revision_keeps_data_on_a_fresh_engine(empty_db_url: str) -> None:
    """The upgrade path used by `factcheck init` on an old file: a new process, a new engine."""
    db = Database(empty_db_url)
    migrate.upgrade(db, FIRST)
    with db.engine.begin() as conn:
        _fill(conn)
    db.dispose()

    engine = create_engine(empty_db_url)
    try:
        with engine.connect() as conn:
            before = _dump(conn)
    finally:
        engine.dispose()

    from tests.helpers import run_cli

    result = run_cli("--db", empty_db_url, "init")
    assert result.returncode == 0, result.stderr
    assert f"from {FIRST}" in result.stdout

    engine = create_engine(empty_db_url)
    try:
        with engine.connect() as conn:
            after = _dump(conn)
    finally:
        engine.dispose()
    for table in ("article", "claim", "source", "review_event"):
        assert _old_columns(after[table], before[table]) == before[table], table


def test_columns_added_later_take_their_defaults_on_old_rows(empty_db_url: str) -> None:
    db = Database(empty_db_url)
    try:
        migrate.upgrade(db, FIRST)
        with db.engine.begin() as conn:
            _fill(conn)
        migrate.upgrade(db, "head")
        with Session(db.engine) as s:
            article = s.get(Article, 1)
            claim = s.get(Claim, 3)
            assert article is not None and claim is not None
            assert article.revision == 1 and article.revised_at is None
            assert claim.withdrawn is False and claim.changed_since_review is False
    finally:
        db.dispose()
