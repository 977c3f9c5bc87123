"""`factcheck export`: write a verdict report (Markdown, HTML, JSON, CSV, ClaimReview).

The formats come from `factcheck.export`'s registry; the format option resolves its
choices only when used, so `factcheck --help` does not import the exporters.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from factcheck.cli.context import CliContext, pass_ctx


def _format_names() -> list[str]:
    from factcheck.export import available_formats

    return [f.name for f in available_formats()]


class FormatChoice(click.ParamType):
    """A click choice whose values come from the export registry, looked up lazily."""

    name = "format"

    def get_metavar(self, *args: Any, **kwargs: Any) -> str:
        return "[" + "|".join(_format_names()) + "]"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        name = str(value).strip().lower()
        names = _format_names()
        if name not in names:
            self.fail(f"{value!r} is not one of {', '.join(names)}", param, ctx)
        return name


@click.command("export")
@click.option(
    "-f",
    "--format",
    "fmt",
    type=FormatChoice(),
    default=None,
    help="Report format (default: from the -o file's extension, else markdown).",
)
@click.option("--article", "article_id", type=int, metavar="ID", help="Only this article.")
@click.option(
    "--status",
    "statuses",
    multiple=True,
    metavar="S",
    help="Include claims with this status (repeatable; 'all' for every status). "
    "Default: approved claims only.",
)
@click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file (default: standard output).",
)
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
@pass_ctx
def export_command(
    ctx: CliContext,
    fmt: str | None,
    article_id: int | None,
    statuses: tuple[str, ...],
    output: Path | None,
    force: bool,
) -> None:
    """Write a verdict report of approved claims (or of the statuses given)."""
    from factcheck.errors import InvalidInput
    from factcheck.export import export_report, export_to_path
    from factcheck.export.loader import resolve_statuses
    from factcheck.export.registry import format_for_extension

    if fmt is None:
        guessed = format_for_extension(output.suffix) if output and output.suffix else None
        fmt = guessed.name if guessed else "markdown"
    wanted = resolve_statuses(statuses) if statuses else None  # fail fast on a typo
    if output is not None and output.exists() and not force:
        raise InvalidInput(f"{output} already exists; use --force to overwrite it")
    db = ctx.db()
    if output is None:
        with db.session() as session:
            export_report(session, fmt, sys.stdout, article_id=article_id, statuses=wanted)
        sys.stdout.flush()
        return
    count = export_to_path(db, fmt, output, article_id=article_id, statuses=wanted, overwrite=force)
    noun = "claim" if count == 1 else "claims"
    click.echo(f"wrote {count} {noun} to {output} ({fmt})", err=True)


def register(cli: click.Group) -> None:
    cli.add_command(export_command)
