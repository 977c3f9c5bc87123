"""`factcheck tui`: open the review desk (also what plain `factcheck` does)."""

from __future__ import annotations

import click

from factcheck.cli.context import CliContext, pass_ctx


def register(cli: click.Group) -> None:
    @cli.command("tui")
    @pass_ctx
    def tui(ctx: CliContext) -> None:
        """Open the review desk: triage, research, verdicts and sign-off from the keyboard."""
        db = ctx.db()  # schema checked here, so a bad database is a one-line error
        from factcheck.tui.app import make_app

        make_app(db.url, ctx.user, db=db).run()
