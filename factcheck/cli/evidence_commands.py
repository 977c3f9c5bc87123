"""Commands for sources that last: `sources check|fetch|show`, `source attach`, `evidence`.

`source` is the review area's group (add, remove); `attach` joins it here so the
commands a reviewer types for sources stay under one word. Network and extraction
libraries are imported inside the commands.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from factcheck.cli.context import CliContext, pass_ctx

if TYPE_CHECKING:
    from factcheck.evidence import HealthRow, SnapshotInfo

STANCE_CHOICES = ("supports", "refutes", "context")


def _claim_id(value: str) -> int:
    from factcheck.errors import InvalidInput

    text = value.strip().lstrip("#")
    if not text.isdigit():
        raise InvalidInput(f"a claim is given by its number, not {value!r}")
    return int(text)


def _when(snapshot: SnapshotInfo) -> str:
    return snapshot.fetched_at.astimezone().strftime("%Y-%m-%d %H:%M")


def _snapshot_line(snapshot: SnapshotInfo) -> str:
    where = snapshot.final_url or snapshot.requested_url
    moved = f" -> {where}" if snapshot.final_url and where != snapshot.requested_url else ""
    title = f' "{snapshot.title}"' if snapshot.title and snapshot.ok else ""
    return f"snapshot #{snapshot.id} {_when(snapshot)}: {snapshot.summary}{title}{moved}"


# ------------------------------------------------------------------ factcheck sources


@click.group("sources")
def sources_group() -> None:
    """Snapshots and link health of every source."""


@sources_group.command("check")
@click.option("--article", "article_id", type=int, metavar="ID", help="Only this article's.")
@click.option("--workers", type=click.IntRange(1, 16), default=4, show_default=True)
@pass_ctx
def sources_check(ctx: CliContext, article_id: int | None, workers: int) -> None:
    """Fetch every source URL again; report dead links, redirects and changed content.

    Each check adds a snapshot; earlier ones are kept. Exits 0 even with dead links.
    """
    from factcheck.evidence import check_sources, summarize

    db = ctx.db()
    if article_id is not None:
        _require_article(db, article_id)
    bar = click.progressbar(length=0, label="checking sources", file=sys.stderr, show_pos=True)
    started = False

    def progress(done: int, total: int, row: HealthRow) -> None:
        nonlocal started
        if not started:
            bar.length = total
            bar.render_progress()
            started = True
        bar.update(1)

    try:
        rows = check_sources(db, article_id, progress=progress, actor=ctx.user, workers=workers)
    finally:
        if started:
            bar.render_finish()
    if not rows:
        click.echo("no sources to check")
        return
    counts = summarize(rows)
    click.echo(f"{'state':<10} {'sources':>7}")
    for state, n in counts.items():
        if n:
            click.echo(f"{state:<10} {n:>7}")
    problems = [r for r in rows if r.state in ("dead", "changed", "moved")]
    if problems:
        click.echo("")
        for state in ("dead", "changed", "moved"):
            for r in (p for p in problems if p.state == state):
                label = click.style(state.upper(), fg="red" if state == "dead" else "yellow")
                click.echo(f"{label} source #{r.source_id} (claim {r.claim_id}) {r.url}")
                click.echo(f"     {r.detail}")


def _require_article(db: object, article_id: int) -> None:
    from factcheck.errors import NotFound
    from factcheck.store.database import Database
    from factcheck.store.models import Article

    assert isinstance(db, Database)
    with db.session() as s:
        if s.get(Article, article_id) is None:
            raise NotFound(f"no article {article_id}")


@sources_group.command("fetch")
@click.argument("source_id", type=int)
@pass_ctx
def sources_fetch(ctx: CliContext, source_id: int) -> None:
    """Fetch SOURCE_ID now (again) and store a new snapshot."""
    from factcheck.evidence import retry

    snap = retry(ctx.db(), source_id, actor=ctx.user)
    click.echo(f"source #{source_id}: {_snapshot_line(snap)}")
    if not snap.ok:
        click.echo(f"source #{source_id} is kept; retry with `factcheck sources fetch {source_id}`")


@sources_group.command("show")
@click.argument("source_id", type=int)
@pass_ctx
def sources_show(ctx: CliContext, source_id: int) -> None:
    """Every snapshot of SOURCE_ID, oldest first."""
    from factcheck.errors import NotFound
    from factcheck.evidence import snapshots_of
    from factcheck.store.models import Source

    with ctx.db().session() as s:
        source = s.get(Source, source_id)
        if source is None:
            raise NotFound(f"no source {source_id}")
        url = source.url
        snaps = snapshots_of(s, source_id)
    click.echo(f"source #{source_id} {url}")
    if not snaps:
        click.echo("  not fetched yet (`factcheck sources fetch {source_id}`)")
    for snap in snaps:
        click.echo(f"  {_snapshot_line(snap)}")
        if snap.content_hash:
            click.echo(f"    sha256 {snap.content_hash}")


# ------------------------------------------------------------------ factcheck source attach


@click.command("attach")
@click.argument("claim")
@click.argument("file", type=click.Path(dir_okay=False, path_type=str))
@click.option("--title", metavar="TEXT", help="The source's title (default: the file's).")
@click.option("--note", metavar="TEXT", help="What in the source matters (page, table...).")
@click.option("--url", metavar="URL", help="Where the file came from, if it has an address.")
@click.option(
    "--stance", type=click.Choice(STANCE_CHOICES, case_sensitive=False), default="supports"
)
@pass_ctx
def source_attach(
    ctx: CliContext,
    claim: str,
    file: str,
    title: str | None,
    note: str | None,
    url: str | None,
    stance: str,
) -> None:
    """Attach a local FILE (saved page, PDF, CSV, text) to CLAIM as a source."""
    from factcheck.evidence import attach_file

    claim_id = _claim_id(claim)
    info, snap = attach_file(
        ctx.db(), claim_id, file, ctx.user, title=title, note=note, url=url, stance=stance
    )
    click.echo(f"claim {claim_id}: attached source #{info.id} {info.url} ({info.stance})")
    click.echo(f"  {_snapshot_line(snap)}")


# ------------------------------------------------------------------ factcheck evidence


@click.command("evidence")
@click.argument("claim")
@click.option("--limit", type=click.IntRange(1, 20), default=3, show_default=True)
@click.option(
    "--fetch/--no-fetch",
    default=True,
    show_default=True,
    help="Fetch sources that have no snapshot yet before looking for passages.",
)
@pass_ctx
def evidence_command(ctx: CliContext, claim: str, limit: int, fetch: bool) -> None:
    """The sentences in CLAIM's sources that bear on it, matching numbers highlighted."""
    from factcheck.evidence import evidence_for_claim, highlighted, snapshot_source
    from factcheck.evidence.snapshot import FILE_SCHEME

    claim_id = _claim_id(claim)
    db = ctx.db()
    with db.session() as s:
        items = evidence_for_claim(s, claim_id, limit=limit)
    if fetch:
        missing = [
            e.source.id
            for e in items
            if e.snapshot is None and not e.source.url.startswith(FILE_SCHEME)
        ]
        for source_id in missing:
            click.echo(f"fetching source #{source_id}...", err=True)
            snapshot_source(db, source_id, actor=ctx.user)
        if missing:
            with db.session() as s:
                items = evidence_for_claim(s, claim_id, limit=limit)
    if not items:
        click.echo(f"claim {claim_id} has no sources yet")
        return
    color = sys.stdout.isatty()
    mark = ("\x1b[1;33m", "\x1b[0m") if color else ("**", "**")
    for item in items:
        src = item.source
        click.echo(
            f"source #{src.id} ({src.stance}) {src.title or ''} {src.url}".replace("  ", " ")
        )
        click.echo(f"  {item.status_line}")
        if item.snapshot is not None and item.snapshot.ok and not item.passages:
            click.echo("  no sentence shares the claim's numbers, names or key words")
        for p in item.passages:
            click.echo(f"  - {highlighted(p, mark)}", color=color)
            if p.comparison:
                click.echo(
                    f"    {p.comparison} ({p.best_number.relation if p.best_number else ''})"
                )
        click.echo("")


def register(cli: click.Group) -> None:
    """Add `sources`, `evidence`, and `attach` under the review area's `source` group."""
    if "sources" not in cli.commands:
        cli.add_command(sources_group)
    if "evidence" not in cli.commands:
        cli.add_command(evidence_command)
    source = cli.commands.get("source")
    if isinstance(source, click.Group):
        if "attach" not in source.commands:
            source.add_command(source_attach)
    else:  # a build without the review area: attach still reachable
        group = click.Group("source", help="Attach sources to claims.")
        group.add_command(source_attach)
        cli.add_command(group)
