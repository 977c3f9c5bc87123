"""`factcheck revise`, `revisions`, `similar`, `search`: article revisions and the memory
of past verdicts from the command line."""

from __future__ import annotations

from pathlib import Path

import click

from factcheck.cli.context import CliContext, pass_ctx


@click.command("revise")
@click.argument("path", type=click.Path(path_type=Path))
@click.option(
    "--revision-of",
    "article_id",
    type=int,
    metavar="ARTICLE",
    help="The stored article this file is a new version of (default: the article "
    "with the same URL).",
)
@click.option("--url", help="The article's URL (overrides what the file says).")
@click.option("--title", help="The article's title (overrides what the file says).")
@click.option("--published", metavar="DATE", help="Publication date (YYYY-MM-DD).")
@pass_ctx
def revise_command(
    ctx: CliContext,
    path: Path,
    article_id: int | None,
    url: str | None,
    title: str | None,
    published: str | None,
) -> None:
    """Store a changed version of an article, keeping the review work on its claims.

    Unchanged claims keep status, sources, verdict and history; reworded claims are
    flagged "changed since review"; claims no longer in the text are withdrawn.
    """
    from dataclasses import replace

    from factcheck.cli.ingest_commands import parse_date_option
    from factcheck.errors import InvalidInput
    from factcheck.ingest.save import claim_rows
    from factcheck.revisions import find_by_url, revise_article
    from factcheck.segmenter import read_article, segment

    article = read_article(path, published=parse_date_option(published))  # type: ignore[arg-type]
    if url is not None:
        article = replace(article, url=url)
    if title is not None:
        article = replace(article, title=title)
    rows = claim_rows(segment(article))
    db = ctx.db()
    with db.transaction() as s:
        target = article_id
        if target is None:
            if not article.url:
                raise InvalidInput(
                    f"{path} has no URL to match a stored article; give --revision-of ARTICLE"
                )
            target = find_by_url(s, article.url)
            if target is None:
                raise InvalidInput(
                    f"no stored article has the URL {article.url}; "
                    "use `factcheck ingest` for a new article"
                )
        result = revise_article(s, target, article, ctx.user, rows)
    click.echo(result.describe())


@click.command("revisions")
@click.argument("article_id", type=int, metavar="ARTICLE")
@click.option("--revision", "number", type=int, help="Show what this revision changed.")
@click.option("--text", "show_text", is_flag=True, help="Also show the article text diff.")
@pass_ctx
def revisions_command(
    ctx: CliContext, article_id: int, number: int | None, show_text: bool
) -> None:
    """List an article's revisions and what the latest (or --revision N) changed."""
    from factcheck.revisions import list_revisions, revision_changes, text_diff

    with ctx.db().session() as s:
        revisions = list_revisions(s, article_id)
        changes = revision_changes(s, article_id, number)
        diff = (
            text_diff(s, article_id, changes.number - 1, changes.number)
            if show_text and changes.number > 1
            else []
        )
    for r in revisions:
        when = r.stored_at.strftime("%Y-%m-%d %H:%M") if r.stored_at else "?"
        who = f" by {r.stored_by}" if r.stored_by else ""
        mark = " (current)" if r.current else ""
        counts = (
            f"{r.changed} changed, {r.withdrawn} withdrawn, {r.restored} restored, {r.added} new"
            if r.number > 1
            else f"{r.added} claims"
        )
        click.echo(f"revision {r.number}{mark}: {when}{who}; {counts}")
    if changes.number > 1:
        click.echo(f"\nrevision {changes.number} changed:")
    for c in changes.changes:
        if c.kind == "changed":
            click.echo(f"  ~ claim {c.claim_id} reworded")
            click.echo(f"      was: {c.old_text}")
            click.echo(f"      now: {c.new_text}")
        elif c.kind == "withdrawn":
            click.echo(f"  - claim {c.claim_id} withdrawn: {c.old_text}")
        elif c.kind == "restored":
            click.echo(f"  + claim {c.claim_id} back: {c.new_text}")
        else:
            click.echo(f"  + claim {c.claim_id} new: {c.new_text}")
    if diff:
        click.echo("")
        for line in diff:
            click.echo(line)


@click.command("similar")
@click.argument("claim")
@click.option("--limit", type=click.IntRange(min=1), default=5, show_default=True)
@click.option(
    "--min-similarity",
    type=click.FloatRange(0.0, 1.0),
    default=None,
    help="Also show weaker resemblances (default: only likely the same claim).",
)
@pass_ctx
def similar_command(ctx: CliContext, claim: str, limit: int, min_similarity: float | None) -> None:
    """Previously checked claims like CLAIM (a claim id, or a claim's text in quotes)."""
    from factcheck.memory import MATCH_THRESHOLD, similar_claims

    subject: int | str = int(claim) if claim.strip().isdigit() else claim
    floor = MATCH_THRESHOLD if min_similarity is None else min_similarity
    with ctx.db().session() as s:
        matches = similar_claims(s, subject, limit, min_similarity=floor)
    if not matches:
        click.echo("no previously checked claim like this one")
        return
    for m in matches:
        when = f", {m.date:%Y-%m-%d}" if m.date else ""
        click.echo(
            f"Previously checked: {m.verdict}, in {m.article_title}{when} "
            f"(claim {m.claim_id}, similarity {m.similarity:.2f})"
        )
        click.echo(f"    {m.text}")
        for src in m.sources:
            click.echo(f"    source: {src.url} ({src.stance})")


@click.command("search")
@click.argument("words", nargs=-1, required=True)
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@pass_ctx
def search_command(ctx: CliContext, words: tuple[str, ...], limit: int) -> None:
    """Claims containing all WORDS (the last may be the start of a word)."""
    from factcheck.memory import search_claims

    with ctx.db().session() as s:
        rows = search_claims(s, " ".join(words), limit)
    if not rows:
        click.echo("no claim matches")
        return
    for r in rows:
        verdict = f" [{r.verdict}]" if r.verdict else ""
        click.echo(f"{r.id:>7}  {r.status:<11} {r.text}{verdict}  ({r.article_title})")


def register(cli: click.Group) -> None:
    for command in (revise_command, revisions_command, similar_command, search_command):
        cli.add_command(command)
