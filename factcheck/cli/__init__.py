"""The `factcheck` command: parse arguments, call a domain function, print.

Heavy libraries are imported inside commands so that `factcheck --help` stays fast.
Command groups live in sibling modules, one per area, each exposing `register(cli)`.
"""

from __future__ import annotations

import sys

import click

from factcheck.cli.context import CliContext, pass_ctx

__all__ = ["CliContext", "cli", "main", "pass_ctx"]


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    "db_url",
    metavar="URL",
    help="Database URL or SQLite file path (default: $FACTCHECK_DATABASE_URL, "
    "else an SQLite file in your user data folder).",
)
@click.option(
    "--as", "as_user", metavar="NAME", help="Act as this reviewer (default: $FACTCHECK_USER)."
)
@click.version_option(package_name="factcheck")
@click.pass_context
def cli(ctx: click.Context, db_url: str | None, as_user: str | None) -> None:
    """Find the checkable claims in articles and carry them through review.

    Run without a command to open the review desk (same as `factcheck tui`).
    """
    ctx.obj = CliContext(db_option=db_url, user_option=as_user)
    if ctx.invoked_subcommand is None:
        tui_command = cli.get_command(ctx, "tui")
        if tui_command is None:
            click.echo(ctx.get_help())
            return
        ctx.invoke(tui_command)


def _register_all() -> None:
    from factcheck.cli import db_commands

    db_commands.register(cli)
    # Areas that may not be present in every build register when importable.
    import importlib

    for name in (
        "ingest_commands",
        "segment_commands",
        "review_commands",
        "export_commands",
        "rank_commands",
        "tui_command",
        "evidence_commands",
        "revision_commands",
    ):
        try:
            module = importlib.import_module(f"factcheck.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"factcheck.cli.{name}":
                raise
            continue
        module.register(cli)


_register_all()


def main() -> None:
    from factcheck.cli.context import run_guarded

    sys.exit(run_guarded(cli))
