"""Storing a new revision of an article without losing the review work on its claims.

Claims stay attached to the same Article row (a stable id), so every query, action
and export works unchanged; the Article row takes the new text and the earlier
texts are kept as ArticleRevision rows. Per claim (see `match.plan_revision`):

- same text: keeps status, sources, verdict and history; only its offsets move;
- reworded: takes the new wording, keeps everything else, and when review work had
  started (status past "new") is flagged `changed_since_review`, with the wording
  the review was done on in `previous_text`; a "text_changed" event records both;
- gone: flagged `withdrawn` (never deleted) with a "withdrawn" event; it comes back
  ("restored") if a later revision has its exact text again;
- new: inserted as a new claim, like ingest does.

Everything happens in the caller's transaction: a refusal leaves nothing written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from factcheck.errors import InvalidInput, NotFound
from factcheck.ingest.save import ClaimRow, claim_rows, content_hash
from factcheck.revisions.match import OldClaim, plan_revision
from factcheck.segmenter.types import ArticleText
from factcheck.store.models import Article, ArticleRevision, Claim, Kind, ReviewEvent, Status

TEXT_CHANGED = "text_changed"
WITHDRAWN = "withdrawn"
RESTORED = "restored"
CHANGE_ACKNOWLEDGED = "change_acknowledged"
EXTRACTED = "extracted"

# Fields a reworded claim takes from its new span (status, verdict, sources stay).
_SPAN_FIELDS = (
    "text",
    "sentence",
    "start",
    "end",
    "kind",
    "score",
    "checkworthy",
    "reasons",
    "quantities",
    "times",
    "speaker",
)


@dataclass
class RevisionResult:
    article_id: int
    number: int
    unchanged: bool = False
    kept: list[int] = field(default_factory=list)
    changed: list[int] = field(default_factory=list)
    withdrawn: list[int] = field(default_factory=list)
    restored: list[int] = field(default_factory=list)
    added: list[int] = field(default_factory=list)

    def describe(self) -> str:
        if self.unchanged:
            return f"article {self.article_id} already has this text (revision {self.number})"
        return (
            f"article {self.article_id} revision {self.number}: {len(self.kept)} unchanged, "
            f"{len(self.changed)} changed, {len(self.withdrawn)} withdrawn, "
            f"{len(self.restored)} restored, {len(self.added)} new"
        )


def find_by_url(session: Session, url: str) -> int | None:
    """The stored article with this URL, if exactly one; several is an error."""
    ids = list(session.scalars(select(Article.id).where(Article.url == url).order_by(Article.id)))
    if len(ids) > 1:
        listed = ", ".join(str(i) for i in ids)
        raise InvalidInput(f"several articles have the URL {url} ({listed}); use --revision-of")
    return ids[0] if ids else None


def known_revision_hashes(session: Session, hashes: list[str]) -> set[str]:
    """Hashes among `hashes` that are an earlier revision of some article.

    Ingest treats these as already stored, so re-running it over a folder that
    still holds an old version does not turn the article back.
    """
    found: set[str] = set()
    for i in range(0, len(hashes), 500):
        chunk = hashes[i : i + 500]
        found.update(
            session.scalars(
                select(ArticleRevision.content_hash).where(ArticleRevision.content_hash.in_(chunk))
            )
        )
    return found


def _snapshot_first(session: Session, article: Article) -> None:
    """Keep the text the article had before its first revision as revision row 1."""
    exists = session.scalar(
        select(ArticleRevision.id).where(
            ArticleRevision.article_id == article.id,
            ArticleRevision.number == article.revision,
        )
    )
    if exists is not None:
        return
    claim_ids = list(
        session.scalars(
            select(Claim.id).where(Claim.article_id == article.id).order_by(Claim.start, Claim.id)
        )
    )
    session.add(
        ArticleRevision(
            article_id=article.id,
            number=article.revision,
            title=article.title,
            url=article.url,
            published=article.published,
            text=article.text,
            content_hash=article.content_hash,
            source_path=article.source_path,
            stored_at=article.ingested_at,
            stored_by=None,
            summary={"added": [{"claim": i} for i in claim_ids]},
        )
    )


def _event(
    session: Session, claim_id: int, actor: str, action: str, at: datetime, **details: Any
) -> None:
    session.add(ReviewEvent(claim_id=claim_id, actor=actor, action=action, details=details, at=at))


def _move(claim: Claim, row: ClaimRow) -> bool:
    """New offsets (and sentence) for a claim whose text is unchanged; True if moved.

    Untouched claims are not written, so their version (what a reviewer's open
    screen holds) only changes when the claim really moved.
    """
    moved = False
    for name in ("start", "end", "sentence"):
        if getattr(claim, name) != row[name]:
            setattr(claim, name, row[name])
            moved = True
    return moved


def revise_article(
    session: Session,
    article_id: int,
    article: ArticleText,
    actor: str,
    rows: list[ClaimRow] | None = None,
) -> RevisionResult:
    """Store `article` as the next revision of article `article_id`.

    `rows` are the new text's claims as `factcheck.ingest.save.claim_rows` builds
    them (ingest has them already); when None the text is segmented here.
    """
    stored = session.get(Article, article_id)
    if stored is None:
        raise NotFound(f"no article {article_id}")
    digest = content_hash(article.text)
    if digest == stored.content_hash:
        return RevisionResult(article_id, stored.revision, unchanged=True)
    other = session.scalar(select(Article.id).where(Article.content_hash == digest))
    if other is not None:
        raise InvalidInput(f"this text is already stored as article {other}")
    if rows is None:
        from factcheck.segmenter import segment

        rows = claim_rows(segment(article))

    now = datetime.now(UTC)
    _snapshot_first(session, stored)
    number = stored.revision + 1
    result = RevisionResult(article_id, number)
    summary: dict[str, list[dict[str, Any]]] = {
        "kept": [],
        "changed": [],
        "withdrawn": [],
        "restored": [],
        "added": [],
    }

    claims = list(
        session.scalars(
            select(Claim).where(Claim.article_id == article_id).order_by(Claim.start, Claim.id)
        )
    )
    live = [c for c in claims if not c.withdrawn]
    gone = [c for c in claims if c.withdrawn]
    by_id = {c.id: c for c in claims}
    plan = plan_revision([OldClaim(c.id, c.text) for c in live], [r["text"] for r in rows])

    for claim_id, j in plan.kept:
        claim = by_id[claim_id]
        if _move(claim, rows[j]):
            claim.updated_by = actor
        result.kept.append(claim_id)
        summary["kept"].append({"claim": claim_id})

    for claim_id, j, similarity in plan.changed:
        claim = by_id[claim_id]
        old_text = claim.text
        if Status(claim.status) is not Status.NEW:
            if not claim.changed_since_review:
                claim.previous_text = old_text
            claim.changed_since_review = True
        for name in _SPAN_FIELDS:
            setattr(claim, name, rows[j][name])
        claim.updated_by = actor
        _event(
            session,
            claim_id,
            actor,
            TEXT_CHANGED,
            now,
            revision=number,
            similarity=round(similarity, 3),
            changes={"text": {"old": old_text, "new": claim.text}},
        )
        result.changed.append(claim_id)
        summary["changed"].append(
            {"claim": claim_id, "old": old_text, "new": claim.text, "similarity": similarity}
        )

    for claim_id in plan.withdrawn:
        claim = by_id[claim_id]
        claim.withdrawn = True
        claim.withdrawn_in = number
        claim.updated_by = actor
        _event(session, claim_id, actor, WITHDRAWN, now, revision=number, text=claim.text)
        result.withdrawn.append(claim_id)
        summary["withdrawn"].append({"claim": claim_id, "text": claim.text})

    # A span whose exact text was withdrawn earlier brings that claim back.
    gone_by_text: dict[str, list[Claim]] = {}
    for claim in gone:
        gone_by_text.setdefault(" ".join(claim.text.split()), []).append(claim)
    fresh: list[ClaimRow] = []
    for j in plan.added:
        row = rows[j]
        back = gone_by_text.get(" ".join(str(row["text"]).split()))
        if back:
            claim = back.pop(0)
            claim.withdrawn = False
            claim.withdrawn_in = None
            _move(claim, row)
            claim.updated_by = actor
            _event(session, claim.id, actor, RESTORED, now, revision=number)
            result.restored.append(claim.id)
            summary["restored"].append({"claim": claim.id, "text": claim.text})
        else:
            fresh.append(row)

    for row in fresh:
        claim = Claim(
            **{**row, "kind": Kind(row["kind"])},
            article_id=article_id,
            status=Status.NEW,
            created_at=now,
            updated_at=now,
            updated_by=actor,
        )
        session.add(claim)
        session.flush()
        session.add(
            ReviewEvent(
                claim_id=claim.id,
                actor=actor,
                action=EXTRACTED,
                to_status=Status.NEW.value,
                details={"revision": number},
                at=now,
            )
        )
        result.added.append(claim.id)
        summary["added"].append({"claim": claim.id, "text": claim.text})

    stored.title = article.title[:500] or stored.title
    stored.url = article.url or stored.url
    stored.published = article.published or stored.published
    stored.source_path = article.source_path or stored.source_path
    stored.text = article.text
    stored.content_hash = digest
    stored.revision = number
    stored.revised_at = now
    session.add(
        ArticleRevision(
            article_id=article_id,
            number=number,
            title=stored.title,
            url=stored.url,
            published=stored.published,
            text=article.text,
            content_hash=digest,
            source_path=stored.source_path,
            stored_at=now,
            stored_by=actor,
            summary=summary,
        )
    )
    session.flush()
    return result


def acknowledge_change(session: Session, claim_id: int, actor: str) -> None:
    """A reviewer has looked at the new wording: clear the "changed since review" flag."""
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise NotFound(f"no claim {claim_id}")
    if not claim.changed_since_review:
        raise InvalidInput(f"claim {claim_id} has not changed since its review")
    _event(
        session,
        claim_id,
        actor,
        CHANGE_ACKNOWLEDGED,
        datetime.now(UTC),
        changes={"text": {"old": claim.previous_text, "new": claim.text}},
    )
    claim.changed_since_review = False
    claim.updated_by = actor
    session.flush()
