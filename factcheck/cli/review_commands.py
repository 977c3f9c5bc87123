"""`factcheck claims`, `show`, `triage` ... `approve`, `history`, `scale`, `settings`.

Thin over `factcheck.workflow`, the same functions the TUI calls: parse the
arguments, run one action in one transaction as `ctx.user`, print one line.
Refusals are FactcheckErrors, so the CLI prints `error: <reason>` and exits 1
with the database unchanged (the transaction rolls back).
"""

from __future__ import annotations

import json
import shutil
import textwrap
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

import click

from factcheck.cli.context import CliContext, pass_ctx

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from factcheck.workflow import ClaimDetail, ClaimRow

T = TypeVar("T")

SORT_CHOICES = ("score", "position", "updated")
STANCE_CHOICES = ("supports", "refutes", "context")


def _claim_id(value: str) -> int:
    """'12' or '#12' -> 12; anything else is a one-line InvalidInput (exit 1)."""
    from factcheck.errors import InvalidInput

    text = value.strip().lstrip("#")
    if not text.isdigit() or int(text) < 1:
        raise InvalidInput(f"a claim is given by its number (like 12), not {value!r}")
    return int(text)


def _write(ctx: CliContext, fn: Callable[[Session], T]) -> T:
    """Run one action in one write transaction."""
    with ctx.db().transaction() as session:
        return fn(session)


def _read(ctx: CliContext, fn: Callable[[Session], T]) -> T:
    with ctx.db().session() as session:
        return fn(session)


def _when(value: datetime | None) -> str:
    return "-" if value is None else value.astimezone().strftime("%Y-%m-%d %H:%M")


def _moved(row: ClaimRow, before: str, action: str, actor: str) -> None:
    click.echo(f"claim {row.id}: {before} -> {row.status} ({action}) by {actor}")


def _status_in(session: Session, claim_id: int) -> str:
    """The claim's status read inside the action's own transaction (for the summary line)."""
    from factcheck.errors import NotFound
    from factcheck.store.models import Claim

    claim = session.get(Claim, claim_id)
    if claim is None:
        raise NotFound(f"no claim {claim_id}")
    return claim.status.value


def _move_command(
    name: str,
    action: str,
    help_text: str,
    *,
    text_option: str | None = None,
    optional: bool = False,
) -> click.Command:
    """A command that performs one status move: `factcheck triage 12`, `dismiss 12 --reason`."""

    @click.command(name, help=help_text)
    @click.argument("claim")
    @pass_ctx
    def command(ctx: CliContext, claim: str, **options: str | None) -> None:
        from factcheck import workflow as wf

        claim_id = _claim_id(claim)
        actor = ctx.user
        fn = getattr(wf, action)
        extra = [options[text_option]] if text_option else []
        before, row = _write(
            ctx, lambda s: (_status_in(s, claim_id), fn(s, claim_id, actor, *extra))
        )
        _moved(row, before, name, actor)

    if text_option:
        command = click.option(
            f"--{text_option}",
            text_option,
            metavar="TEXT",
            help=f"The {text_option}, kept in the claim's history"
            + (" (optional)." if optional else " (required)."),
        )(command)
    return command


# ---------------------------------------------------------------- listing


@click.command("claims")
@click.option(
    "--status",
    "statuses",
    multiple=True,
    metavar="S",
    help="Only these statuses (repeat, or comma-separate): new, to_check, dismissed, "
    "researching, in_review, approved.",
)
@click.option("--article", "article_id", type=int, metavar="ID", help="Only this article.")
@click.option("--kind", "kinds", multiple=True, metavar="K", help="Only these kinds (repeatable).")
@click.option("--assignee", metavar="NAME", help="Only claims assigned to NAME.")
@click.option("--mine", is_flag=True, help="Only claims assigned to you.")
@click.option("--search", metavar="TEXT", help="Claim text contains TEXT (any case).")
@click.option(
    "--sort",
    type=click.Choice(SORT_CHOICES),
    default="score",
    show_default=True,
    help="score: highest first; position: order in the article; updated: latest first.",
)
@click.option("--limit", type=int, default=50, show_default=True, help="At most N claims.")
@click.option("--json", "as_json", is_flag=True, help="One JSON array of claims.")
@pass_ctx
def claims_command(
    ctx: CliContext,
    statuses: tuple[str, ...],
    article_id: int | None,
    kinds: tuple[str, ...],
    assignee: str | None,
    mine: bool,
    search: str | None,
    sort: str,
    limit: int,
    as_json: bool,
) -> None:
    """List claims, highest check-worthiness first."""
    from factcheck.errors import InvalidInput
    from factcheck.workflow import ClaimFilter, article_info, count_claims, list_claims

    if mine and assignee:
        raise InvalidInput("use --mine or --assignee NAME, not both")
    if limit < 1:
        raise InvalidInput(f"--limit must be at least 1, not {limit}")
    flt = ClaimFilter(
        statuses=_split(statuses),
        kinds=_split(kinds),
        article_id=article_id,
        assignee=ctx.user if mine else assignee,
        search=search or None,
    )

    def query(s: Session) -> tuple[list[ClaimRow], int]:
        if article_id is not None:
            article_info(s, article_id)  # an unknown article is an error, not "no claims"
        return list_claims(s, flt, sort=sort, limit=limit), count_claims(s, flt)

    rows, total = _read(ctx, query)
    if as_json:
        click.echo(json.dumps([_row_json(r) for r in rows], ensure_ascii=False, indent=2))
        return
    if not rows:
        click.echo("no claims match")
        return
    width = shutil.get_terminal_size((100, 24)).columns
    click.echo(
        click.style(
            f"{'ID':>6}  {'STATUS':<11} {'SCORE':>5}  {'KIND':<10} {'ASSIGNEE':<10} CLAIM",
            bold=True,
        )
    )
    text_width = max(20, width - 50)
    for r in rows:
        text = r.text if len(r.text) <= text_width else r.text[: text_width - 1] + "…"
        verdict = f" [{r.verdict}]" if r.verdict else ""
        click.echo(
            f"{r.id:>6}  {r.status:<11} {r.score:>5.2f}  {r.kind:<10} "
            f"{(r.assignee or '-')[:10]:<10} {text}{verdict}"
        )
    if total > len(rows):
        click.echo(f"{len(rows)} of {total} claims (use --limit to see more)")
    else:
        click.echo(f"{total} claim{'s' if total != 1 else ''}")


def _split(values: tuple[str, ...]) -> frozenset[str] | None:
    parts = {p.strip().lower() for v in values for p in v.split(",") if p.strip()}
    return frozenset(parts) if parts else None


def _row_json(row: ClaimRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "article_id": row.article_id,
        "article_title": row.article_title,
        "text": row.text,
        "status": row.status,
        "kind": row.kind,
        "score": round(row.score, 4),
        "checkworthy": row.checkworthy,
        "verdict": row.verdict,
        "assignee": row.assignee,
        "start": row.start,
        "end": row.end,
        "updated_at": row.updated_at.isoformat(),
        "version": row.version,
    }


# ---------------------------------------------------------------- show / history


@click.command("show")
@click.argument("claim")
@click.option("--json", "as_json", is_flag=True, help="Everything as one JSON object.")
@pass_ctx
def show_command(ctx: CliContext, claim: str, as_json: bool) -> None:
    """Show a claim: sentence, kind, score, reasons, sources, verdict, history."""
    from factcheck.workflow import claim_detail

    claim_id = _claim_id(claim)
    detail = _read(ctx, lambda s: claim_detail(s, claim_id))
    if as_json:
        click.echo(json.dumps(_detail_json(detail), ensure_ascii=False, indent=2))
        return
    click.echo(render_detail(detail, shutil.get_terminal_size((100, 24)).columns))


def _detail_json(d: ClaimDetail) -> dict[str, Any]:
    def when(v: datetime | None) -> str | None:
        return None if v is None else v.isoformat()

    return {
        **_row_json(d.row),
        "sentence": d.sentence,
        "paragraph": d.paragraph,
        "paragraph_start": d.paragraph_start,
        "reasons": d.reasons,
        "quantities": d.quantities,
        "times": d.times,
        "speaker": d.speaker,
        "explanation": d.explanation,
        "verdict_by": d.verdict_by,
        "verdict_at": when(d.verdict_at),
        "approved_by": d.approved_by,
        "approved_at": when(d.approved_at),
        "sources": [
            {
                "id": s.id,
                "url": s.url,
                "title": s.title,
                "note": s.note,
                "stance": s.stance,
                "added_by": s.added_by,
                "added_at": s.added_at.isoformat(),
            }
            for s in d.sources
        ],
        "history": [
            {
                "id": e.id,
                "actor": e.actor,
                "action": e.action,
                "from_status": e.from_status,
                "to_status": e.to_status,
                "details": e.details,
                "at": e.at.isoformat(),
            }
            for e in d.history
        ],
        "allowed_moves": d.allowed_moves,
        "allowed_actions": d.allowed_actions,
    }


def render_detail(d: ClaimDetail, width: int = 100) -> str:
    """The claim as a journalist reads it: labelled blocks, wrapped to the terminal."""
    from factcheck.workflow import describe_event, describe_moves
    from factcheck.workflow.readable import quantity_text, time_text

    width = max(60, min(width, 120))
    label_width = 12
    lines: list[str] = []

    def field(label: str, value: str | None) -> None:
        if not value:
            return
        indent = " " * (label_width + 1)
        wrapped = textwrap.wrap(
            value, width=width - label_width - 1, break_long_words=False, break_on_hyphens=False
        ) or [""]
        lines.append(click.style(f"{label:<{label_width}}", fg="cyan") + " " + wrapped[0])
        lines.extend(indent + w for w in wrapped[1:])

    row = d.row
    worthy = "check-worthy" if row.checkworthy else "not check-worthy"
    lines.append(
        click.style(f"Claim {row.id}", bold=True)
        + f"  ·  {click.style(row.status, bold=True)}  ·  {row.kind}  ·  "
        f"score {row.score:.2f} ({worthy})"
    )
    lines.append("")
    field("Claim", f"“{row.text}”")
    field("Sentence", d.sentence)
    if d.paragraph and d.paragraph.strip() != d.sentence.strip():
        field("Paragraph", d.paragraph)
    field("Article", f"#{row.article_id} {row.article_title}")
    field("Speaker", d.speaker)
    field("Reasons", "; ".join(d.reasons))
    field("Quantities", "; ".join(quantity_text(q) for q in d.quantities))
    field("Times", "; ".join(time_text(t) for t in d.times))
    field("Assignee", row.assignee or "nobody")
    lines.append("")
    if row.verdict:
        field("Verdict", f"{row.verdict} (by {d.verdict_by}, {_when(d.verdict_at)})")
        field("Explanation", d.explanation)
    else:
        field("Verdict", "none yet")
    if d.approved_by:
        field("Approved", f"by {d.approved_by}, {_when(d.approved_at)}")
    lines.append("")
    lines.append(click.style(f"Sources ({len(d.sources)})", bold=True))
    for s in d.sources:
        title = f" — {s.title}" if s.title else ""
        lines.append(f"  #{s.id} [{s.stance}] {s.url}{title}")
        meta = f"added by {s.added_by}, {_when(s.added_at)}"
        lines.append(f"       {meta}" + (f"; note: {s.note}" if s.note else ""))
    if not d.sources:
        lines.append("  none")
    lines.append("")
    lines.append(click.style(f"History ({len(d.history)})", bold=True))
    for e in d.history:
        lines.extend(
            textwrap.wrap(
                f"{_when(e.at)}  {describe_event(e)}",
                width=width - 2,
                initial_indent="  ",
                subsequent_indent=" " * 20,
                break_long_words=False,
            )
        )
    if not d.history:
        lines.append("  nothing yet")
    lines.append("")
    field("Next", describe_moves(row.status) or "none")
    updated = f"version {row.version}, updated {_when(row.updated_at)}"
    if d.updated_by:
        updated += f" by {d.updated_by}"
    lines.append(click.style(updated, dim=True))
    return "\n".join(lines)


@click.command("history")
@click.argument("claim")
@click.option("--json", "as_json", is_flag=True, help="The events as a JSON array.")
@pass_ctx
def history_command(ctx: CliContext, claim: str, as_json: bool) -> None:
    """Every change to a claim: who, when, what, from and to."""
    from factcheck.workflow import claim_detail, describe_event

    claim_id = _claim_id(claim)
    detail = _read(ctx, lambda s: claim_detail(s, claim_id))
    if as_json:
        click.echo(json.dumps(_detail_json(detail)["history"], ensure_ascii=False, indent=2))
        return
    if not detail.history:
        click.echo(f"claim {claim_id} has no history yet (status {detail.row.status})")
    for e in detail.history:
        click.echo(f"{_when(e.at)}  {describe_event(e)}")


# ---------------------------------------------------------------- other changes


@click.group("source")
def source_group() -> None:
    """Add or remove a claim's sources."""


@source_group.command("add")
@click.argument("claim")
@click.argument("url")
@click.option("--title", metavar="TEXT", help="The source's title.")
@click.option("--note", metavar="TEXT", help="What in the source matters (page, table...).")
@click.option(
    "--stance", type=click.Choice(STANCE_CHOICES, case_sensitive=False), default="supports"
)
@click.option(
    "--fetch/--no-fetch",
    default=True,
    help="Snapshot the page now (default), so the evidence survives link rot.",
)
@pass_ctx
def source_add(
    ctx: CliContext,
    claim: str,
    url: str,
    title: str | None,
    note: str | None,
    stance: str,
    fetch: bool,
) -> None:
    """Attach a source (an http or https URL) to CLAIM and snapshot the page."""
    from factcheck.workflow import add_source

    claim_id = _claim_id(claim)
    actor = ctx.user
    info = _write(
        ctx, lambda s: add_source(s, claim_id, actor, url, title=title, note=note, stance=stance)
    )
    click.echo(f"claim {claim_id}: added source #{info.id} {info.url} ({info.stance})")
    if fetch:
        from factcheck.evidence import snapshot_source

        # The source is stored whatever happens here; a failed fetch is recorded too
        # and can be retried with `factcheck sources fetch`.
        snap = snapshot_source(ctx.db(), info.id, actor=actor)
        click.echo(f"  snapshot: {snap.summary}")


@source_group.command("remove")
@click.argument("claim")
@click.argument("source_id", type=int)
@pass_ctx
def source_remove(ctx: CliContext, claim: str, source_id: int) -> None:
    """Detach source SOURCE_ID from CLAIM (it stays in the history)."""
    from factcheck.workflow import remove_source

    claim_id = _claim_id(claim)
    actor = ctx.user
    _write(ctx, lambda s: remove_source(s, claim_id, source_id, actor))
    click.echo(f"claim {claim_id}: removed source #{source_id}")


@click.command("verdict")
@click.argument("claim")
@click.argument("rating")
@click.option("--explanation", metavar="TEXT", help="Why this rating (required).")
@pass_ctx
def verdict_command(ctx: CliContext, claim: str, rating: str, explanation: str | None) -> None:
    """Set CLAIM's verdict to RATING (see `factcheck scale`)."""
    from factcheck.workflow import set_verdict

    claim_id = _claim_id(claim)
    actor = ctx.user
    row = _write(ctx, lambda s: set_verdict(s, claim_id, actor, rating, explanation or ""))
    click.echo(f"claim {claim_id}: verdict {row.verdict} by {actor}")


@click.command("assign")
@click.argument("claim")
@click.argument("name", required=False)
@click.option("--nobody", is_flag=True, help="Leave the claim unassigned.")
@pass_ctx
def assign_command(ctx: CliContext, claim: str, name: str | None, nobody: bool) -> None:
    """Assign CLAIM to NAME (or to nobody with --nobody)."""
    from factcheck.errors import InvalidInput
    from factcheck.workflow import assign

    if bool(name) == nobody:
        raise InvalidInput("give a NAME to assign to, or --nobody (not both)")
    claim_id = _claim_id(claim)
    actor = ctx.user
    row = _write(ctx, lambda s: assign(s, claim_id, actor, None if nobody else name))
    click.echo(f"claim {claim_id}: assigned to {row.assignee or 'nobody'}")


@click.command("note")
@click.argument("claim")
@click.argument("text")
@pass_ctx
def note_command(ctx: CliContext, claim: str, text: str) -> None:
    """Add a note to CLAIM's history."""
    from factcheck.workflow import add_note

    claim_id = _claim_id(claim)
    actor = ctx.user
    _write(ctx, lambda s: add_note(s, claim_id, actor, text))
    click.echo(f"claim {claim_id}: note added by {actor}")


# ---------------------------------------------------------------- newsroom


@click.command("scale")
@click.option("--json", "as_json", is_flag=True, help="The scale as a JSON array.")
@pass_ctx
def scale_command(ctx: CliContext, as_json: bool) -> None:
    """The rating scale verdicts are chosen from, in order."""
    from factcheck.workflow import rating_scale

    scale = _read(ctx, rating_scale)
    if as_json:
        click.echo(
            json.dumps(
                [{"label": r.label, "description": r.description, "value": r.value} for r in scale],
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    width = max((len(r.label) for r in scale), default=0)
    for r in scale:
        value = f"{r.value}" if r.value is not None else "-"
        click.echo(f"{r.label:<{width}}  {value:>1}  {r.description}")


@click.command("settings")
@click.argument("key", required=False)
@click.argument("value", required=False)
@pass_ctx
def settings_command(ctx: CliContext, key: str | None, value: str | None) -> None:
    """Show the newsroom rules, or change one: `factcheck settings min_sources 2`."""
    from factcheck.errors import InvalidInput
    from factcheck.workflow import get_rules, set_rule
    from factcheck.workflow.rules import DESCRIPTIONS, rule_values

    if key is None:
        values = rule_values(_read(ctx, get_rules))
        width = max(len(k) for k in values)
        for name, current in values.items():
            shown = current if current else '""'
            click.echo(f"{name:<{width}}  {shown:<16}  {DESCRIPTIONS[name]}")
        return
    if value is None:
        raise InvalidInput(f"give a value: factcheck settings {key} VALUE")
    actor = ctx.user
    rules = _write(ctx, lambda s: set_rule(s, key, value, actor))
    name = key.strip().lower().replace("-", "_")
    click.echo(f"{name} = {rule_values(rules)[name] or chr(34) * 2}")


MOVE_COMMANDS = (
    _move_command("triage", "triage", "Mark CLAIM as worth checking (new -> to_check)."),
    _move_command(
        "dismiss",
        "dismiss",
        "Dismiss CLAIM as not worth checking (new|to_check -> dismissed).",
        text_option="reason",
    ),
    _move_command(
        "start", "start_research", "Start researching CLAIM; it is assigned to you if unassigned."
    ),
    _move_command(
        "stop",
        "stop_research",
        "Put CLAIM back in the to-check queue (researching -> to_check).",
        text_option="note",
        optional=True,
    ),
    _move_command(
        "submit", "submit", "Submit CLAIM for review (needs a verdict, explanation, sources)."
    ),
    _move_command(
        "approve", "approve", "Approve CLAIM (by someone other than its verdict's author)."
    ),
    _move_command(
        "send-back",
        "send_back",
        "Send CLAIM back to research with a note (in_review -> researching).",
        text_option="note",
    ),
    _move_command(
        "reopen",
        "reopen",
        "Reopen CLAIM with a note (dismissed -> new, approved -> researching).",
        text_option="note",
    ),
)


def register(cli: click.Group) -> None:
    for command in (
        claims_command,
        show_command,
        history_command,
        source_group,
        verdict_command,
        assign_command,
        note_command,
        scale_command,
        settings_command,
        *MOVE_COMMANDS,
    ):
        cli.add_command(command)
