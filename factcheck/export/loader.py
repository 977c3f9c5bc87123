"""Reading what a report needs, in batches, so a large report never sits in memory.

Claims stream in (article, start, id) order by keyset pagination: each batch is one
query `WHERE (article_id, start, id) > last ORDER BY ... LIMIT n`, followed by one
query each for the batch's sources and history. No cursor stays open between
batches, so a writer can run another query (an aggregate, a second pass over one
article) while it is half-way through the stream. Rows are turned into plain frozen
dataclasses here; the format modules never see ORM objects or SQL.

Timestamps read back from SQLite are naive; they were written as UTC (the models'
`utcnow`), so they are made aware as UTC here and every format prints offsets.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cached_property
from typing import Any

from sqlalchemy import func, select, tuple_
from sqlalchemy.orm import Session

from factcheck.errors import InvalidInput, NotFound
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


def as_utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


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

    @property
    def best(self) -> int | None:
        values = [s.value for s in self.steps if s.value is not None]
        return max(values) if values else None

    @property
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
    ingested_at: datetime | None
    text: str | None  # None when the caller did not ask for the text


@dataclass(frozen=True, slots=True)
class SourceRecord:
    id: int
    url: str
    title: str | None
    note: str | None
    stance: str
    added_by: str
    added_at: datetime | None


@dataclass(frozen=True, slots=True)
class EventRecord:
    id: int
    actor: str
    action: str
    from_status: str | None
    to_status: str | None
    details: dict[str, Any]
    at: datetime | None


@dataclass(frozen=True, slots=True)
class ClaimRecord:
    id: int
    article: ArticleRecord
    text: str
    sentence: str
    start: int
    end: int
    kind: str
    score: float
    checkworthy: bool
    reasons: list[Any]
    quantities: list[Any]
    times: list[Any]
    speaker: str | None
    status: str
    verdict: str | None
    explanation: str | None
    verdict_by: str | None
    verdict_at: datetime | None
    approved_by: str | None
    approved_at: datetime | None
    assignee: str | None
    created_at: datetime | None
    updated_at: datetime | None
    updated_by: str | None
    version: int
    sources: tuple[SourceRecord, ...] = field(default=())
    history: tuple[EventRecord, ...] = field(default=())


_CLAIM_COLUMNS = (
    Claim.id,
    Claim.article_id,
    Claim.text,
    Claim.sentence,
    Claim.start,
    Claim.end,
    Claim.kind,
    Claim.score,
    Claim.checkworthy,
    Claim.reasons,
    Claim.quantities,
    Claim.times,
    Claim.speaker,
    Claim.status,
    Claim.verdict,
    Claim.explanation,
    Claim.verdict_by,
    Claim.verdict_at,
    Claim.approved_by,
    Claim.approved_at,
    Claim.assignee,
    Claim.created_at,
    Claim.updated_at,
    Claim.updated_by,
    Claim.version,
)
_ARTICLE_COLUMNS = (
    Article.id,
    Article.title,
    Article.url,
    Article.outlet,
    Article.author,
    Article.published,
    Article.language,
    Article.ingested_at,
)
_SOURCE_COLUMNS = (
    Source.claim_id,
    Source.id,
    Source.url,
    Source.title,
    Source.note,
    Source.stance,
    Source.added_by,
    Source.added_at,
)
_EVENT_COLUMNS = (
    ReviewEvent.claim_id,
    ReviewEvent.id,
    ReviewEvent.actor,
    ReviewEvent.action,
    ReviewEvent.from_status,
    ReviewEvent.to_status,
    ReviewEvent.details,
    ReviewEvent.at,
)


def _value(x: Any) -> Any:
    """Enum members as their stored string values."""
    return getattr(x, "value", x)


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

    # -- settings and scale -------------------------------------------------------

    @cached_property
    def settings(self) -> dict[str, str]:
        rows = self.session.execute(select(Setting.key, Setting.value)).all()
        return {key: value for key, value in rows}

    @property
    def organization(self) -> str:
        return self.settings.get("organization", "").strip()

    @property
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
        conditions: list[Any] = [Claim.status.in_(sorted(wanted))]
        aid = article_id if article_id is not None else self.article_id
        if aid is not None:
            conditions.append(Claim.article_id == aid)
        return conditions

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

    def status_counts(self, article_id: int | None = None) -> dict[str, int]:
        rows = self.session.execute(
            select(Claim.status, func.count())
            .where(*self._where(article_id=article_id))
            .group_by(Claim.status)
        ).all()
        return {str(_value(status)): int(n) for status, n in rows}

    # -- streams --------------------------------------------------------------------

    def claims(
        self,
        *,
        details: bool = True,
        article_text: bool = False,
        article_id: int | None = None,
        statuses: frozenset[str] | None = None,
    ) -> Iterator[ClaimRecord]:
        """Selected claims in (article, start, id) order, one batch in memory at a time.

        `details` loads sources and history; `article_text` loads each article's text
        (once per article). `statuses` narrows the report's own selection further.
        """
        where = self._where(statuses, article_id)
        cursor: tuple[int, int, int] | None = None
        article: ArticleRecord | None = None
        key = tuple_(Claim.article_id, Claim.start, Claim.id)
        while True:
            stmt = select(*_CLAIM_COLUMNS).where(*where)
            if cursor is not None:
                stmt = stmt.where(key > tuple_(*cursor))
            stmt = stmt.order_by(Claim.article_id, Claim.start, Claim.id).limit(self.batch_size)
            rows = self.session.execute(stmt).all()
            if not rows:
                return
            ids = [r.id for r in rows]
            sources = self._sources(ids) if details else {}
            history = self._history(ids) if details else {}
            for r in rows:
                if article is None or article.id != r.article_id:
                    article = self._article(r.article_id, article_text)
                yield _claim(r, article, sources.get(r.id, ()), history.get(r.id, ()))
            last = rows[-1]
            cursor = (last.article_id, last.start, last.id)
            if len(rows) < self.batch_size:
                return

    def _article(self, article_id: int, with_text: bool) -> ArticleRecord:
        columns = (*_ARTICLE_COLUMNS, Article.text) if with_text else _ARTICLE_COLUMNS
        r = self.session.execute(select(*columns).where(Article.id == article_id)).one()
        return ArticleRecord(
            id=r[0],
            title=r[1],
            url=r[2],
            outlet=r[3],
            author=r[4],
            published=r[5],
            language=r[6],
            ingested_at=as_utc(r[7]),
            text=r[8] if with_text else None,
        )

    def _sources(self, ids: Sequence[int]) -> dict[int, tuple[SourceRecord, ...]]:
        rows = self.session.execute(
            select(*_SOURCE_COLUMNS).where(Source.claim_id.in_(ids)).order_by(Source.id)
        ).all()
        grouped: dict[int, list[SourceRecord]] = {}
        for r in rows:
            grouped.setdefault(r[0], []).append(
                SourceRecord(r[1], r[2], r[3], r[4], _value(r[5]), r[6], as_utc(r[7]))
            )
        return {k: tuple(v) for k, v in grouped.items()}

    def _history(self, ids: Sequence[int]) -> dict[int, tuple[EventRecord, ...]]:
        rows = self.session.execute(
            select(*_EVENT_COLUMNS).where(ReviewEvent.claim_id.in_(ids)).order_by(ReviewEvent.id)
        ).all()
        grouped: dict[int, list[EventRecord]] = {}
        for r in rows:
            grouped.setdefault(r[0], []).append(
                EventRecord(r[1], r[2], r[3], r[4], r[5], dict(r[6] or {}), as_utc(r[7]))
            )
        return {k: tuple(v) for k, v in grouped.items()}


def _claim(
    r: Any,
    article: ArticleRecord,
    sources: tuple[SourceRecord, ...],
    history: tuple[EventRecord, ...],
) -> ClaimRecord:
    return ClaimRecord(
        id=r[0],
        article=article,
        text=r[2],
        sentence=r[3],
        start=r[4],
        end=r[5],
        kind=_value(r[6]),
        score=float(r[7] or 0.0),
        checkworthy=bool(r[8]),
        reasons=list(r[9] or []),
        quantities=list(r[10] or []),
        times=list(r[11] or []),
        speaker=r[12],
        status=_value(r[13]),
        verdict=r[14],
        explanation=r[15],
        verdict_by=r[16],
        verdict_at=as_utc(r[17]),
        approved_by=r[18],
        approved_at=as_utc(r[19]),
        assignee=r[20],
        created_at=as_utc(r[21]),
        updated_at=as_utc(r[22]),
        updated_by=r[23],
        version=r[24],
        sources=sources,
        history=history,
    )
