"""`factcheck ingest`: store articles and their claims."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from factcheck.cli.context import CliContext, pass_ctx


def parse_date_option(value: str | None) -> object:
    """ISO dates, or any plain English date dateparser understands ("14 May 2018")."""
    if value is None:
        return None
    from datetime import date

    from factcheck.errors import InvalidInput

    try:
        return date.fromisoformat(value)
    except ValueError:
        pass
    import dateparser

    parsed = dateparser.parse(value, languages=["en"], settings={"STRICT_PARSING": True})
    if parsed is None:
        raise InvalidInput(f"not a date: {value!r} (use YYYY-MM-DD)")
    return parsed.date()


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--published", metavar="DATE", help="Publication date (YYYY-MM-DD).")
@click.option("--title", help="Article title (one file only).")
@click.option("--url", help="Article URL (one file only).")
@click.option("--outlet", help="Publishing outlet.")
@click.option("--author", help="Article author (one file only).")
@click.option(
    "--max-size",
    "max_mb",
    type=click.FloatRange(min=0.001),
    envvar="FACTCHECK_MAX_ARTICLE_MB",
    help="Largest article file to read, in MB (default 20; env FACTCHECK_MAX_ARTICLE_MB).",
)
@pass_ctx
def ingest_command(
    ctx: CliContext,
    paths: tuple[Path, ...],
    published: str | None,
    title: str | None,
    url: str | None,
    outlet: str | None,
    author: str | None,
    max_mb: float | None,
) -> None:
    """Store articles (files or folders of .txt, .md, .html) and their claims.

    Re-ingesting an article whose text is already stored changes nothing.
    """
    from factcheck.errors import InvalidInput
    from factcheck.ingest import IngestOptions, collect_files, ingest_paths

    if (title or url or author) and (len(paths) > 1 or any(p.is_dir() for p in paths)):
        raise InvalidInput("--title, --url and --author apply to a single file only")
    options = IngestOptions(
        actor=ctx.user,
        published=parse_date_option(published),  # type: ignore[arg-type]
        title=title,
        url=url,
        outlet=outlet,
        author=author,
        max_bytes=int(max_mb * 1_000_000) if max_mb else None,
    )
    db = ctx.db()
    files, _ = collect_files(list(paths))
    show_bar = len(files) > 1 and sys.stderr.isatty()
    if show_bar:
        with click.progressbar(
            length=len(files), label="ingesting", file=sys.stderr, show_pos=True
        ) as bar:
            report = ingest_paths(db, list(paths), options, progress=lambda _p: bar.update(1))
    else:
        report = ingest_paths(db, list(paths), options)

    for stored in report.stored if len(report.stored) <= 20 else []:
        click.echo(
            f"article {stored.article_id}: {stored.title} ({stored.claims} claims) [{stored.path}]"
        )
    for path in report.duplicates if len(report.duplicates) <= 20 else []:
        click.echo(f"already stored, skipped: {path}")
    for path, result in report.revised:
        click.echo(f"{result.describe()} [{path}]")
    summary = f"ingested {len(report.stored)} article(s), {report.claim_count} claim(s)"
    if report.revised:
        summary += f"; {len(report.revised)} new revision(s) of stored articles"
    if report.duplicates:
        summary += f"; {len(report.duplicates)} already stored (unchanged)"
    click.echo(summary)
    if report.failed:
        click.echo(f"{len(report.failed)} file(s) not ingested:", err=True)
        for path, reason in report.failed:
            # Reader errors often name the file already; do not say it twice.
            shown = reason if reason.startswith(str(path)) else f"{path}: {reason}"
            click.echo(f"  {shown}", err=True)
        raise SystemExit(1)


def register(cli: click.Group) -> None:
    cli.add_command(ingest_command)
