"""Reading what a report needs, in batches, so a large report never sits in memory.

Claims stream in (article, start, id) order by keyset pagination: each batch is one
query `WHERE (article_id, start, id) > last ORDER BY ... LIMIT n`, followed by one
query each for the batch's sources and history. No cursor stays open between
batches, so a writer can run another query (an aggregate, a second pass over one
article) while it is half-way through the stream. Rows are turned into plain frozen
dataclasses here; the format modules never see ORM objects or SQL.

Timestamps come out as ISO 8601 strings in UTC ("2026-03-01T09:30:00+00:00"):
every format prints them, none computes with them, and turning SQLite's stored text
straight into that string is several times cheaper than parsing it into a datetime
and formatting it again (a large report has about ten timestamps per claim). SQLite
stores naive values that the models wrote as UTC.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cached_property
from typing import Any

from sqlalchemy import (
    JSON,
    Connection,
    String,
    bindparam,
    cast,
    func,
    select,
    tuple_,
    type_coerce,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import UnaryExpression
from sqlalchemy.sql.operators import custom_op

from factcheck.errors import InvalidInput, NotFound
from factcheck.export.common import json_value
from factcheck.store.models import Article, Claim, Rating, ReviewEvent, Setting, Source, Status

ALL_STATUSES: frozenset[str] = frozenset(s.value for s in Status)
APPROVED_ONLY: frozenset[str] = frozenset({Status.APPROVED.value})
DEFAULT_BATCH_SIZE = 1000


def resolve_statuses(statuses: Iterable[str] | None) -> frozenset[str]:
    """None means approved only (what may be published); "all" means every status."""
    if statuses is None:
        return APPROVED_ONLY
    wanted = {s.strip().lower() for s in statuses if s.strip()}
    if not wanted:
        return APPROVED_ONLY
    if "all" in wanted:
        return ALL_STATUSES
    unknown = sorted(wanted - ALL_STATUSES)
    if unknown:
        known = ", ".join(s.value for s in Status)
        raise InvalidInput(f"unknown status {unknown[0]!r}; choose from: {known}, all")
    return frozenset(wanted)


def timestamp(value: datetime | str | None) -> str | None:
    """A timestamp as the driver returned it, as ISO 8601 UTC text (seconds precision).

    SQLite: SQLAlchemy stores "YYYY-MM-DD HH:MM:SS.ffffff" (naive, UTC by convention),
    rewritten here by slicing; other text goes through `fromisoformat`. PostgreSQL
    drivers return aware datetimes, converted to UTC.
    """
    if value is None:
        return None
    if isinstance(value, str):
        if len(value) == 26 and value[10] == " " and value[19] == ".":
            return f"{value[:10]}T{value[11:19]}+00:00"
        value = datetime.fromisoformat(value)
    if value.tzinfo is None:
        return value.isoformat(timespec="seconds") + "+00:00"
    return value.astimezone(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class RatingStep:
    label: str
    description: str
    value: int | None
    position: int


@dataclass(frozen=True)  # no slots: cached_property needs the instance __dict__
class Scale:
    """The rating scale; numeric steps give ClaimReview its best and worst ratings."""

    steps: tuple[RatingStep, ...]

    @cached_property
    def _by_label(self) -> dict[str, RatingStep]:
        return {s.label.casefold(): s for s in self.steps}

    def find(self, label: str | None) -> RatingStep | None:
        if label is None:
            return None
        return self._by_label.get(label.strip().casefold())

    @cached_property
    def best(self) -> int | None:
        values = [s.value for s in self.steps if s.value is not None]
        return max(values) if values else None

    @cached_property
    def worst(self) -> int | None:
        values = [s.value for s in self.steps if s.value is not None]
        return min(values) if values else None

    def label_order(self, labels: Iterable[str | None]) -> list[str | None]:
        """Labels in scale order, then unknown labels alphabetically, then None."""
        present = set(labels)
        ordered: list[str | None] = [s.label for s in self.steps if s.label in present]
        extra = sorted(x for x in present if x is not None and x not in ordered)
        ordered.extend(extra)
        if None in present:
            ordered.append(None)
        return ordered


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    id: int
    title: str
    url: str | None
    outlet: str | None
    author: str | None
    published: date | None
    language: str
    ingested_at: str | None
    revision: int  # the article revision the report covers (1 until corrected)
    revised_at: str | None
    text: str | None  # None when the caller did not ask for the text


@dataclass(frozen=True, slots=True)
class SourceRecord:
    id: int
    url: str
    title: str | None
    note: str | None
    stance: str
    added_by: str
    added_at: str | None


@dataclass(frozen=True, slots=True)
class EventRecord:
    id: int
    actor: str
    action: str
    from_status: str | None
    to_status: str | None
    details: dict[str, Any]
    at: str | None


@dataclass(frozen=True, slots=True)
class SpanRecord:
    """Just enough of a claim to mark it in the article text."""

    id: int
    article: ArticleRecord
    start: int
    end: int
    verdict: str | None


@dataclass(frozen=True, slots=True)
class ClaimRecord:
    """One claim as a report sees it. Timestamps are UTC (naive ones too)."""

    id: int
    article: ArticleRecord
    text: str
    sentence: str
    start: int
    end: int
    kind: str
    score: float
    checkworthy: bool
    speaker: str | None
    status: str
    verdict: str | None
    explanation: str | None
    verdict_by: str | None
    verdict_at: str | None
    approved_by: str | None
    approved_at: str | None
    assignee: str | None
    created_at: str | None
    updated_at: str | None
    updated_by: str | None
    version: int
    # Loaded only when the stream asks for them (see `Report.claims`). The analysis
    # columns stay as read (stored JSON text on SQLite) until a property decodes them.
    reasons_raw: Any = None
    quantities_raw: Any = None
    times_raw: Any = None
    sources: tuple[SourceRecord, ...] = field(default=())
    history: tuple[EventRecord, ...] = field(default=())
    # Sources and history as JSON arrays built by the database (`claims(sources_json=
    # True, history_json=True)`), for writers that copy them out unchanged.
    sources_json: str | None = None
    history_json: str | None = None

    @property
    def reasons(self) -> list[Any]:
        return list(json_value(self.reasons_raw, []))

    @property
    def quantities(self) -> list[Any]:
        return list(json_value(self.quantities_raw, []))

    @property
    def times(self) -> list[Any]:
        return list(json_value(self.times_raw, []))


def _raw(column: Any) -> Any:
    """The column exactly as the driver returns it, skipping SQLAlchemy's processing."""
    return type_coerce(column, String()).label(column.key)


_CLAIM_COLUMNS = (
    Claim.id,
    Claim.article_id,
    Claim.start,
    Claim.text,
    Claim.sentence,
    Claim.end,
    _raw(Claim.kind),
    Claim.score,
    _raw(Claim.checkworthy),
    Claim.speaker,
    _raw(Claim.status),
    Claim.verdict,
    Claim.explanation,
    Claim.verdict_by,
    _raw(Claim.verdict_at),
    Claim.approved_by,
    _raw(Claim.approved_at),
    Claim.assignee,
    _raw(Claim.created_at),
    _raw(Claim.updated_at),
    Claim.updated_by,
    Claim.version,
)
_ANALYSIS_COLUMNS = (_raw(Claim.reasons), _raw(Claim.quantities), _raw(Claim.times))
_ANALYSIS_AT = len(_CLAIM_COLUMNS)
_SPAN_COLUMNS = (Claim.id, Claim.article_id, Claim.start, Claim.end, Claim.verdict)
_ARTICLE_COLUMNS = (
    Article.id,
    Article.title,
    Article.url,
    Article.outlet,
    Article.author,
    Article.published,
    Article.language,
    Article.ingested_at,
    Article.revision,
    Article.revised_at,
)
_SOURCE_COLUMNS = (
    Source.claim_id,
    Source.id,
    Source.url,
    Source.title,
    Source.note,
    _raw(Source.stance),
    Source.added_by,
    _raw(Source.added_at),
)
_EVENT_COLUMNS = (
    ReviewEvent.claim_id,
    ReviewEvent.id,
    ReviewEvent.actor,
    ReviewEvent.action,
    ReviewEvent.from_status,
    ReviewEvent.to_status,
    _raw(ReviewEvent.details),
    _raw(ReviewEvent.at),
)

_ARTICLE_ONLY = select(*_ARTICLE_COLUMNS).where(Article.id == bindparam("id"))
_ARTICLE_WITH_TEXT = select(*_ARTICLE_COLUMNS, Article.text).where(Article.id == bindparam("id"))
_SOURCES = (
    select(*_SOURCE_COLUMNS)
    .where(Source.claim_id.in_(bindparam("ids", expanding=True)))
    .order_by(Source.id)
)
_EVENTS = (
    select(*_EVENT_COLUMNS)
    .where(ReviewEvent.claim_id.in_(bindparam("ids", expanding=True)))
    .order_by(ReviewEvent.id)
)


class Report:
    """One report's view of the database: which claims, plus settings and scale.

    Holds the session, never the claims: every `claims()` call is a fresh stream.
    """

    def __init__(
        self,
        session: Session,
        *,
        statuses: Iterable[str] | None = None,
        article_id: int | None = None,
        batch_size: int = DEFAULT_BATCH_SIZE,
        generated_at: datetime | None = None,
    ) -> None:
        self.session = session
        self.statuses = resolve_statuses(statuses)
        self.article_id = article_id
        self.batch_size = max(1, batch_size)
        self.generated_at = generated_at or datetime.now(UTC)
        if article_id is not None and session.get(Article, article_id) is None:
            raise NotFound(f"no article {article_id}")

    @cached_property
    def _dialect(self) -> str:
        return self.session.get_bind().dialect.name

    @property
    def _conn(self) -> Connection:
        # Column rows through Core: the ORM result machinery adds nothing for them.
        return self.session.connection()

    # -- settings and scale -------------------------------------------------------

    @cached_property
    def settings(self) -> dict[str, str]:
        rows = self.session.execute(select(Setting.key, Setting.value)).all()
        return {key: value for key, value in rows}

    @cached_property
    def organization(self) -> str:
        return self.settings.get("organization", "").strip()

    @cached_property
    def report_url(self) -> str:
        return self.settings.get("report_url", "").strip()

    @cached_property
    def scale(self) -> Scale:
        rows = self.session.execute(
            select(Rating.label, Rating.description, Rating.value, Rating.position).order_by(
                Rating.position, Rating.id
            )
        ).all()
        return Scale(tuple(RatingStep(r[0], r[1] or "", r[2], r[3]) for r in rows))

    @property
    def approved_only(self) -> bool:
        return self.statuses == APPROVED_ONLY

    # -- aggregates -----------------------------------------------------------------

    def _where(
        self, statuses: frozenset[str] | None = None, article_id: int | None = None
    ) -> list[Any]:
        wanted = self.statuses if statuses is None else self.statuses & statuses
        conditions: list[Any] = [
            self._status_column().in_(sorted(wanted)),
            # A claim withdrawn by a later revision is no longer in the article.
            Claim.withdrawn.is_(False),
        ]
        aid = article_id if article_id is not None else self.article_id
        if aid is not None:
            conditions.append(Claim.article_id == aid)
        return conditions

    def _status_column(self) -> Any:
        """`claim.status`, written `+claim.status` on SQLite.

        Without statistics SQLite filters by the (status, score) index and then sorts
        every selected claim for each batch (0.3 s a batch at 100,000 claims). The unary
        plus is SQLite's documented way to keep a term off an index, so it walks
        (article_id, start) in order instead and each keyset batch costs about 2 ms.
        PostgreSQL's planner has statistics and chooses for itself.
        """
        if self._dialect != "sqlite":
            return Claim.status
        return UnaryExpression(Claim.__table__.c.status, operator=custom_op("+"), type_=String())

    def verdict_counts(self, article_id: int | None = None) -> dict[str | None, int]:
        """Selected claims per verdict (None: no verdict yet), in one GROUP BY."""
        rows = self.session.execute(
            select(Claim.verdict, func.count())
            .where(*self._where(article_id=article_id))
            .group_by(Claim.verdict)
        ).all()
        counts: dict[str | None, int] = {}
        for verdict, n in rows:
            # Verdict labels are matched case-insensitively; show the scale's spelling.
            step = self.scale.find(verdict)
            key = step.label if step else verdict
            counts[key] = counts.get(key, 0) + int(n)
        return counts

    # -- streams --------------------------------------------------------------------

    def claims(
        self,
        *,
        sources: bool = False,
        sources_json: bool = False,
        history: bool = False,
        history_json: bool = False,
        analysis: bool = False,
        article_text: bool = False,
        article_id: int | None = None,
        statuses: frozenset[str] | None = None,
    ) -> Iterator[ClaimRecord]:
        """Selected claims in (article, start, id) order, one batch in memory at a time.

        Each flag loads one more thing a format may not need (decoding JSON columns is
        most of the cost of a large report): `sources` and `history` (or `sources_json`
        and `history_json`: the same records as JSON arrays made by the database, for a
        writer that only copies them out), `analysis` (reasons,
        quantities, times) and `article_text` (once per article). `statuses` narrows
        the report's own selection further.
        """
        columns = _CLAIM_COLUMNS + (_ANALYSIS_COLUMNS if analysis else ())
        article: ArticleRecord | None = None
        for rows in self._pages(columns, self._where(statuses, article_id)):
            ids = [r[0] for r in rows]
            found_sources = self._sources(ids) if sources else {}
            found_history = self._history(ids) if history else {}
            src_json = self._json_arrays(self._source_json_stmt(), ids) if sources_json else {}
            hist_json = self._json_arrays(self._event_json_stmt(), ids) if history_json else {}
            for r in rows:
                if article is None or article.id != r[1]:
                    article = self._article(r[1], article_text)
                yield _claim(
                    r,
                    article,
                    found_sources.get(r[0], ()),
                    found_history.get(r[0], ()),
                    src_json.get(r[0], "[]") if sources_json else None,
                    hist_json.get(r[0], "[]") if history_json else None,
                )

    def spans(self) -> Iterator[SpanRecord]:
        """Where the selected claims sit in their articles (with the article text): the
        light stream the HTML report marks the text from, before its claim list."""
        article: ArticleRecord | None = None
        for rows in self._pages(_SPAN_COLUMNS, self._where()):
            for r in rows:
                if article is None or article.id != r[1]:
                    article = self._article(r[1], True)
                yield SpanRecord(r[0], article, r[2], r[3], r[4])

    def _pages(self, columns: Sequence[Any], where: list[Any]) -> Iterator[Sequence[Any]]:
        """Row batches in (article_id, start, id) order by keyset pagination.

        `columns` must start with claim id, article id and start (the cursor). The
        statements are built once and re-run with new bound values: building a
        25-column select costs more than running it.
        """
        first = (
            select(*columns)
            .where(*where)
            .order_by(Claim.article_id, Claim.start, Claim.id)
            .limit(self.batch_size)
        )
        after = tuple_(bindparam("a"), bindparam("s"), bindparam("i"))
        following = first.where(tuple_(Claim.article_id, Claim.start, Claim.id) > after)
        conn = self._conn
        params: dict[str, int] = {}
        while True:
            rows = conn.execute(following if params else first, params).all()
            if rows:
                yield rows
            if len(rows) < self.batch_size:
                return
            last = rows[-1]
            params = {"a": last[1], "s": last[2], "i": last[0]}

    def _article(self, article_id: int, with_text: bool) -> ArticleRecord:
        stmt = _ARTICLE_WITH_TEXT if with_text else _ARTICLE_ONLY
        r = self._conn.execute(stmt, {"id": article_id}).one()
        return ArticleRecord(
            id=r[0],
            title=r[1],
            url=r[2],
            outlet=r[3],
            author=r[4],
            published=r[5],
            language=r[6],
            ingested_at=timestamp(r[7]),
            revision=r[8],
            revised_at=timestamp(r[9]),
            text=r[10] if with_text else None,
        )

    def _sources(self, ids: Sequence[int]) -> dict[int, tuple[SourceRecord, ...]]:
        grouped: dict[int, list[SourceRecord]] = {}
        for r in self._conn.execute(_SOURCES, {"ids": ids}).all():
            grouped.setdefault(r[0], []).append(
                SourceRecord(r[1], r[2], r[3], r[4], r[5], r[6], timestamp(r[7]))
            )
        return {k: tuple(v) for k, v in grouped.items()}

    def _history(self, ids: Sequence[int]) -> dict[int, tuple[EventRecord, ...]]:
        grouped: dict[int, list[EventRecord]] = {}
        for r in self._conn.execute(_EVENTS, {"ids": ids}).all():
            grouped.setdefault(r[0], []).append(
                EventRecord(r[1], r[2], r[3], r[4], r[5], json_value(r[6], {}), timestamp(r[7]))
            )
        return {k: tuple(v) for k, v in grouped.items()}

    def _json_arrays(self, stmt: Any, ids: Sequence[int]) -> dict[int, str]:
        """Per claim, a JSON array of the objects `stmt` encodes in the database.

        For the JSON report this halves the cost of sources and history, the largest
        part of a claim: Python joins one finished string per record instead of
        building a record, then a dict, then encoding it.
        """
        grouped: dict[int, list[str]] = {}
        for claim_id, text in self._conn.execute(stmt, {"ids": ids}).all():
            found = grouped.get(claim_id)
            if found is None:
                grouped[claim_id] = [text]
            else:
                found.append(text)
        return {k: "[" + ",".join(v) + "]" for k, v in grouped.items()}

    def _event_json_stmt(self) -> Any:
        """History events as JSON objects with `EventRecord`'s keys and values."""
        e = ReviewEvent
        details = cast(e.details, JSON) if self._dialect == "postgresql" else func.json(e.details)
        fields = [
            ("id", e.id), ("actor", e.actor), ("action", e.action),
            ("from_status", e.from_status), ("to_status", e.to_status),
            ("details", details), ("at", self._iso_sql(e.at)),
        ]  # fmt: skip
        return self._json_stmt(e.claim_id, e.id, fields)

    def _source_json_stmt(self) -> Any:
        """Sources as JSON objects with `SourceRecord`'s keys and values."""
        s = Source
        fields = [
            ("id", s.id), ("url", s.url), ("title", s.title), ("note", s.note),
            ("stance", type_coerce(s.stance, String())), ("added_by", s.added_by),
            ("added_at", self._iso_sql(s.added_at)),
        ]  # fmt: skip
        return self._json_stmt(s.claim_id, s.id, fields)

    def _json_stmt(self, claim_id: Any, order: Any, fields: list[tuple[str, Any]]) -> Any:
        build = func.json_build_object if self._dialect == "postgresql" else func.json_object
        obj = build(*(part for key, value in fields for part in (key, value)))
        return (
            # A cast, not type_coerce: psycopg would decode json into dicts.
            select(claim_id, cast(obj, String()))
            .where(claim_id.in_(bindparam("ids", expanding=True)))
            .order_by(order)
        )

    def _iso_sql(self, column: Any) -> Any:
        """SQL for `timestamp()`: ISO 8601 UTC text, seconds precision."""
        if self._dialect == "postgresql":
            return func.to_char(func.timezone("UTC", column), 'YYYY-MM-DD"T"HH24:MI:SS"+00:00"')
        return func.strftime("%Y-%m-%dT%H:%M:%S+00:00", column)  # stored naive UTC text


def _claim(
    r: Any,
    article: ArticleRecord,
    sources: tuple[SourceRecord, ...],
    history: tuple[EventRecord, ...],
    sources_json: str | None = None,
    history_json: str | None = None,
) -> ClaimRecord:
    analysed = len(r) > _ANALYSIS_AT
    return ClaimRecord(
        id=r[0],
        article=article,
        start=r[2],
        text=r[3],
        sentence=r[4],
        end=r[5],
        kind=r[6],
        score=float(r[7] or 0.0),
        checkworthy=bool(r[8]),
        speaker=r[9],
        status=r[10],
        verdict=r[11],
        explanation=r[12],
        verdict_by=r[13],
        verdict_at=timestamp(r[14]),
        approved_by=r[15],
        approved_at=timestamp(r[16]),
        assignee=r[17],
        created_at=timestamp(r[18]),
        updated_at=timestamp(r[19]),
        updated_by=r[20],
        version=r[21],
        reasons_raw=r[22] if analysed else None,
        quantities_raw=r[23] if analysed else None,
        times_raw=r[24] if analysed else None,
        sources=sources,
        history=history,
        sources_json=sources_json,
        history_json=history_json,
    )
