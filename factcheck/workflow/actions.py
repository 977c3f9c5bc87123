"""Everything that changes a claim: moves, sources, verdicts, assignment, notes.

Each action runs inside the caller's transaction (`with db.transaction() as s`),
checks everything before changing anything, appends a ReviewEvent, touches the
claim (so its version goes up even when only a source changed) and flushes, so
a refusal or a conflict surfaces here, as a domain error, with nothing written.

Two guards keep concurrent reviewers from overwriting each other:
`expected_version` (what the caller saw on screen) is compared first, and the
claim's version_id_col makes SQLAlchemy's UPDATE ... WHERE version = N fail
for a writer that read the claim before someone else saved; that StaleDataError
becomes the same Conflict.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from factcheck.errors import Conflict, InvalidInput, NotFound, TransitionRefused
from factcheck.store.models import Article, Claim, Rating, Source, Stance, Status
from factcheck.store.queries import claim_row_of, claim_updated, source_info
from factcheck.store.views import ClaimRow, SourceInfo, aware
from factcheck.workflow import history
from factcheck.workflow.history import change
from factcheck.workflow.rules import get_rules, self_approval_refused, submit_problems
from factcheck.workflow.sources import MAX_TITLE_LENGTH, parse_stance, validate_source_url
from factcheck.workflow.transitions import (
    EVIDENCE_STATUSES,
    VERDICT_STATUSES,
    describe_moves,
    require_move,
)

MAX_NAME_LENGTH = 200


def _now() -> datetime:
    return datetime.now(UTC)


def _when(value: datetime | None) -> str:
    return "an unknown time" if value is None else aware(value).strftime("%Y-%m-%d %H:%M:%S UTC")


def _name(value: str | None, what: str) -> str:
    name = (value or "").strip()
    if not name:
        raise InvalidInput(f"{what} cannot be empty")
    if len(name) > MAX_NAME_LENGTH:
        raise InvalidInput(f"{what} is longer than {MAX_NAME_LENGTH} characters")
    return name


def _required_text(value: str | None, what: str) -> str:
    text = (value or "").strip()
    if not text:
        raise InvalidInput(f"{what} is required")
    return text


def _optional_text(value: str | None, what: str, limit: int | None = None) -> str | None:
    text = (value or "").strip() or None
    if text is not None and limit is not None and len(text) > limit:
        raise InvalidInput(f"the {what} is longer than {limit} characters")
    return text


def _status(claim: Claim) -> str:
    return Status(claim.status).value


def _load(session: Session, claim_id: int, expected_version: int | None) -> Claim:
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise NotFound(f"no claim {claim_id}")
    if expected_version is not None and claim.version != expected_version:
        raise Conflict(
            f"claim {claim_id} was changed by {claim.updated_by or 'someone else'} "
            f"at {_when(claim.updated_at)}; reload it"
        )
    return claim


def _conflict_from_stale(session: Session, claim_id: int) -> Conflict:
    """Name who won the race, read on a separate connection (ours must roll back)."""
    who: str | None = None
    when: datetime | None = None
    try:
        bind = session.get_bind()
        engine = bind if isinstance(bind, Engine) else bind.engine
        with (
            engine.connect() as conn,
            Session(bind=conn.execution_options(sqlite_write=False)) as probe,
        ):
            who, when, _ = claim_updated(probe, claim_id)
    except Exception:  # best effort: the Conflict matters, the name is a courtesy
        pass
    return Conflict(
        f"claim {claim_id} was changed by {who or 'someone else'} at {_when(when)} "
        "while you were editing it; reload it"
    )


def _save(
    session: Session,
    claim: Claim,
    actor: str,
    action: str,
    at: datetime,
    *,
    from_status: str | None = None,
    to_status: str | None = None,
    details: dict[str, Any] | None = None,
) -> ClaimRow:
    """Touch the claim (bumping its version), append the event, flush; return the row."""
    claim.updated_at = at
    claim.updated_by = actor
    history.record(
        session,
        claim,
        actor,
        action,
        at,
        from_status=from_status,
        to_status=to_status,
        details=details,
    )
    _flush(session, claim.id)
    title = session.scalar(select(Article.title).where(Article.id == claim.article_id)) or ""
    return claim_row_of(claim, title)


def _flush(session: Session, claim_id: int) -> None:
    try:
        session.flush()
    except StaleDataError:
        raise _conflict_from_stale(session, claim_id) from None


def _move(
    session: Session, claim_id: int, action: str, expected_version: int | None
) -> tuple[Claim, str, str]:
    """Load the claim and check `action` is a move from its status; nothing changed yet."""
    claim = _load(session, claim_id, expected_version)
    from_status = _status(claim)
    to_status = require_move(claim_id, from_status, action)
    return claim, from_status, to_status


def _plain_move(
    s: Session,
    claim_id: int,
    actor: str,
    action: str,
    expected_version: int | None,
    *,
    said: tuple[str, str | None, str] | None = None,
) -> ClaimRow:
    """A move that changes only the status, optionally with a required text.

    `said` is (details key, the text, what to call it when it is missing); the move is
    checked first, so a refused move is reported before a missing note.
    """
    actor = _name(actor, "the reviewer's name")
    claim, frm, to = _move(s, claim_id, action, expected_version)
    details = {said[0]: _required_text(said[1], said[2])} if said else None
    claim.status = Status(to)
    return _save(s, claim, actor, action, _now(), from_status=frm, to_status=to, details=details)


def triage(
    s: Session, claim_id: int, actor: str, *, expected_version: int | None = None
) -> ClaimRow:
    """new -> to_check: the claim is worth checking."""
    return _plain_move(s, claim_id, actor, "triage", expected_version)


def dismiss(
    s: Session,
    claim_id: int,
    actor: str,
    reason: str,
    *,
    expected_version: int | None = None,
) -> ClaimRow:
    """new | to_check -> dismissed, with the reason it is not worth checking."""
    return _plain_move(
        s,
        claim_id,
        actor,
        "dismiss",
        expected_version,
        said=("reason", reason, "a reason for dismissing"),
    )


def start_research(
    s: Session, claim_id: int, actor: str, *, expected_version: int | None = None
) -> ClaimRow:
    """to_check -> researching; the claim goes to whoever starts it, unless already assigned."""
    actor = _name(actor, "the reviewer's name")
    claim, frm, to = _move(s, claim_id, "start", expected_version)
    details: dict[str, Any] = {}
    if claim.assignee is None:
        details["changes"] = {"assignee": change(None, actor)}
        claim.assignee = actor
    claim.status = Status(to)
    return _save(s, claim, actor, "start", _now(), from_status=frm, to_status=to, details=details)


def stop_research(
    s: Session,
    claim_id: int,
    actor: str,
    note: str | None = None,
    *,
    expected_version: int | None = None,
) -> ClaimRow:
    """researching -> to_check: put it back in the queue (the assignee is kept)."""
    actor = _name(actor, "the reviewer's name")
    claim, frm, to = _move(s, claim_id, "stop", expected_version)
    text = _optional_text(note, "note")
    claim.status = Status(to)
    details = {"note": text} if text else {}
    return _save(s, claim, actor, "stop", _now(), from_status=frm, to_status=to, details=details)


def _source_snapshot(source: Source) -> dict[str, Any]:
    return {
        "id": source.id,
        "url": source.url,
        "title": source.title,
        "note": source.note,
        "stance": Stance(source.stance).value,
    }


def _require_evidence_status(claim: Claim, what: str) -> str:
    status = _status(claim)
    if status not in EVIDENCE_STATUSES:
        hint = {
            "in_review": "send it back to research first",
            "approved": "reopen it first",
            "dismissed": "reopen it first",
        }.get(status, "")
        raise TransitionRefused(
            f"cannot {what} claim {claim.id}: it is '{status}'"
            + (f"; {hint}" if hint else "")
            + f" (possible moves: {describe_moves(status)})"
        )
    return status


def add_source(
    s: Session,
    claim_id: int,
    actor: str,
    url: str,
    *,
    title: str | None = None,
    note: str | None = None,
    stance: str = "supports",
    expected_version: int | None = None,
) -> SourceInfo:
    """Attach a source (an http(s) URL, once per claim) with its stance."""
    return _attach(
        s,
        claim_id,
        actor,
        validate_source_url(url),
        title=title,
        note=note,
        stance=stance,
        expected_version=expected_version,
        what="source",
    )


def add_file_source(
    s: Session,
    claim_id: int,
    actor: str,
    file_uri: str,
    *,
    title: str | None = None,
    note: str | None = None,
    stance: str = "supports",
    expected_version: int | None = None,
) -> SourceInfo:
    """Attach a local file (a saved page, a PDF) by its file: URI, with the same rules.

    Only `factcheck.evidence.attach_file` calls this, after reading the file, so the
    address is not typed by a user and is not a link reports may render.
    """
    if not file_uri.startswith("file:"):
        raise InvalidInput(f"not a file address: {file_uri!r}")
    if len(file_uri) > 2000:
        raise InvalidInput("the file's path is longer than 2000 characters")
    return _attach(
        s,
        claim_id,
        actor,
        file_uri,
        title=title[:MAX_TITLE_LENGTH] if title else title,
        note=note,
        stance=stance,
        expected_version=expected_version,
        what="file",
    )


def _attach(
    s: Session,
    claim_id: int,
    actor: str,
    address: str,
    *,
    title: str | None,
    note: str | None,
    stance: str,
    expected_version: int | None,
    what: str,
) -> SourceInfo:
    actor = _name(actor, "the reviewer's name")
    stance_value = parse_stance(stance)
    title_text = _optional_text(title, "title", MAX_TITLE_LENGTH)
    note_text = _optional_text(note, "note")
    claim = _load(s, claim_id, expected_version)
    status = _require_evidence_status(claim, "add a source to")
    duplicate = s.scalar(
        select(Source.id).where(Source.claim_id == claim_id, Source.url == address)
    )
    if duplicate is not None:
        raise InvalidInput(f"claim {claim_id} already has this {what} (#{duplicate}): {address}")
    at = _now()
    source = Source(
        claim_id=claim_id,
        url=address,
        title=title_text,
        note=note_text,
        stance=Stance(stance_value),
        added_by=actor,
        added_at=at,
    )
    s.add(source)
    claim.updated_at = at
    claim.updated_by = actor
    try:
        _flush(s, claim_id)
    except IntegrityError:
        raise InvalidInput(f"claim {claim_id} already has this {what}: {address}") from None
    _save(
        s,
        claim,
        actor,
        history.SOURCE_ADDED,
        at,
        from_status=status,
        to_status=status,
        details={"source": _source_snapshot(source)},
    )
    return source_info(source)


def remove_source(
    s: Session,
    claim_id: int,
    source_id: int,
    actor: str,
    *,
    expected_version: int | None = None,
) -> ClaimRow:
    """Detach a source; its URL, title and stance stay in the claim's history."""
    actor = _name(actor, "the reviewer's name")
    claim = _load(s, claim_id, expected_version)
    source = s.get(Source, source_id)
    if source is None or source.claim_id != claim_id:
        raise NotFound(f"claim {claim_id} has no source {source_id}")
    status = _require_evidence_status(claim, "remove a source from")
    snapshot = _source_snapshot(source)
    s.delete(source)
    return _save(
        s,
        claim,
        actor,
        history.SOURCE_REMOVED,
        _now(),
        from_status=status,
        to_status=status,
        details={"source": snapshot},
    )


def find_rating(s: Session, rating: str) -> str:
    """The scale's label for `rating` (case-insensitive), or InvalidInput listing the scale."""
    wanted = " ".join(rating.split()).casefold()
    labels = list(s.scalars(select(Rating.label).order_by(Rating.position, Rating.id)))
    for label in labels:
        if label.casefold() == wanted:
            return label
    raise InvalidInput(f"unknown rating {rating!r}; the scale is: {', '.join(labels)}")


def set_verdict(
    s: Session,
    claim_id: int,
    actor: str,
    rating: str,
    explanation: str,
    *,
    expected_version: int | None = None,
) -> ClaimRow:
    """Propose (or change) the verdict while researching; the setter is recorded for four-eyes."""
    actor = _name(actor, "the reviewer's name")
    label = find_rating(s, rating)
    text = _required_text(explanation, "an explanation of the verdict")
    claim = _load(s, claim_id, expected_version)
    status = _status(claim)
    if status not in VERDICT_STATUSES:
        raise TransitionRefused(
            f"cannot set the verdict of claim {claim_id}: it is '{status}'; a verdict is set "
            f"while researching (possible moves: {describe_moves(status)})"
        )
    if claim.verdict == label and claim.explanation == text and claim.verdict_by == actor:
        raise InvalidInput(f"claim {claim_id} already has this verdict and explanation")
    changes = {}
    if claim.verdict != label:
        changes["verdict"] = change(claim.verdict, label)
    if claim.explanation != text:
        changes["explanation"] = change(claim.explanation, text)
    if claim.verdict_by != actor:
        changes["verdict_by"] = change(claim.verdict_by, actor)
    at = _now()
    claim.verdict = label
    claim.explanation = text
    claim.verdict_by = actor
    claim.verdict_at = at
    return _save(
        s,
        claim,
        actor,
        history.VERDICT_SET,
        at,
        from_status=status,
        to_status=status,
        details={"changes": changes},
    )


def submit(
    s: Session, claim_id: int, actor: str, *, expected_version: int | None = None
) -> ClaimRow:
    """researching -> in_review, once it has a verdict, an explanation and enough sources."""
    actor = _name(actor, "the reviewer's name")
    claim, frm, to = _move(s, claim_id, "submit", expected_version)
    source_count = s.scalar(select(func.count(Source.id)).where(Source.claim_id == claim_id)) or 0
    problems = submit_problems(
        verdict=claim.verdict,
        explanation=claim.explanation,
        source_count=int(source_count),
        rules=get_rules(s),
    )
    if problems:
        raise TransitionRefused(
            f"cannot submit claim {claim_id} for review: it needs {'; '.join(problems)}"
        )
    claim.status = Status(to)
    return _save(s, claim, actor, "submit", _now(), from_status=frm, to_status=to)


def approve(
    s: Session, claim_id: int, actor: str, *, expected_version: int | None = None
) -> ClaimRow:
    """in_review -> approved, by someone other than the verdict's author (unless allowed)."""
    actor = _name(actor, "the reviewer's name")
    claim, frm, to = _move(s, claim_id, "approve", expected_version)
    if self_approval_refused(verdict_by=claim.verdict_by, actor=actor, rules=get_rules(s)):
        raise TransitionRefused(
            f"cannot approve claim {claim_id}: {actor} set its verdict, and approval needs a "
            "second person (the newsroom setting allow_self_approval is false); "
            "possible moves: researching (send-back)"
        )
    at = _now()
    claim.status = Status(to)
    claim.approved_by = actor
    claim.approved_at = at
    return _save(
        s,
        claim,
        actor,
        "approve",
        at,
        from_status=frm,
        to_status=to,
        details={"changes": {"approved_by": change(None, actor)}, "verdict": claim.verdict},
    )


def send_back(
    s: Session,
    claim_id: int,
    actor: str,
    note: str,
    *,
    expected_version: int | None = None,
) -> ClaimRow:
    """in_review -> researching, with a note saying what to fix."""
    return _plain_move(
        s,
        claim_id,
        actor,
        "send_back",
        expected_version,
        said=("note", note, "a note saying what to fix"),
    )


def reopen(
    s: Session,
    claim_id: int,
    actor: str,
    note: str,
    *,
    expected_version: int | None = None,
) -> ClaimRow:
    """dismissed -> new, or approved -> researching (a correction), with a note."""
    actor = _name(actor, "the reviewer's name")
    claim, frm, to = _move(s, claim_id, "reopen", expected_version)
    text = _required_text(note, "a note saying why it is reopened")
    details: dict[str, Any] = {"note": text}
    if claim.approved_by is not None or claim.approved_at is not None:
        details["changes"] = {"approved_by": change(claim.approved_by, None)}
        claim.approved_by = None
        claim.approved_at = None
    claim.status = Status(to)
    return _save(s, claim, actor, "reopen", _now(), from_status=frm, to_status=to, details=details)


def assign(
    s: Session,
    claim_id: int,
    actor: str,
    assignee: str | None,
    *,
    expected_version: int | None = None,
) -> ClaimRow:
    """Give the claim to someone (None or blank: nobody)."""
    actor = _name(actor, "the reviewer's name")
    new = _name(assignee, "the assignee's name") if (assignee or "").strip() else None
    claim = _load(s, claim_id, expected_version)
    if claim.assignee == new:
        who = f"assigned to {new}" if new else "unassigned"
        raise InvalidInput(f"claim {claim_id} is already {who}")
    status = _status(claim)
    details = {"changes": {"assignee": change(claim.assignee, new)}}
    claim.assignee = new
    return _save(
        s,
        claim,
        actor,
        history.ASSIGNED,
        _now(),
        from_status=status,
        to_status=status,
        details=details,
    )


def add_note(
    s: Session,
    claim_id: int,
    actor: str,
    note: str,
    *,
    expected_version: int | None = None,
) -> ClaimRow:
    """A remark in the claim's history; changes nothing else."""
    actor = _name(actor, "the reviewer's name")
    text = _required_text(note, "the note")
    claim = _load(s, claim_id, expected_version)
    status = _status(claim)
    return _save(
        s,
        claim,
        actor,
        history.NOTE,
        _now(),
        from_status=status,
        to_status=status,
        details={"note": text},
    )
