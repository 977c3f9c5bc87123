"""`factcheck init` and `factcheck db ...`: schema management through Alembic."""

from __future__ import annotations

import click

from factcheck.cli.context import CliContext, pass_ctx


@click.command("init")
@pass_ctx
def init_command(ctx: CliContext) -> None:
    """Create the database, or upgrade it to this version of factcheck."""
    from factcheck.store import migrate

    db = ctx.db(check_schema=False)
    before = migrate.current_revision(db)
    migrate.upgrade(db, "head")
    after = migrate.current_revision(db)
    if before == after:
        click.echo(f"database {db.display_url} is up to date (revision {after})")
    elif before is None:
        click.echo(f"created database {db.display_url} (revision {after})")
    else:
        click.echo(f"upgraded database {db.display_url} from {before} to {after}")


@click.group("db")
def db_group() -> None:
    """Inspect and migrate the database schema."""


@db_group.command("upgrade")
@click.argument("revision", default="head")
@pass_ctx
def db_upgrade(ctx: CliContext, revision: str) -> None:
    """Upgrade the schema to REVISION (default: head)."""
    from factcheck.store import migrate

    db = ctx.db(check_schema=False)
    _known_revision(revision)
    migrate.upgrade(db, revision)
    click.echo(f"database at revision {migrate.current_revision(db)}")


@db_group.command("downgrade")
@click.argument("revision")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@pass_ctx
def db_downgrade(ctx: CliContext, revision: str, yes: bool) -> None:
    """Downgrade the schema to REVISION ('base' removes every table and all data)."""
    from factcheck.store import migrate

    db = ctx.db(check_schema=False)
    _known_revision(revision)
    if not yes:
        click.confirm(
            f"Downgrading {db.display_url} to {revision} can delete data. Continue?",
            abort=True,
        )
    migrate.downgrade(db, revision)
    click.echo(f"database at revision {migrate.current_revision(db) or 'base'}")


@db_group.command("current")
@pass_ctx
def db_current(ctx: CliContext) -> None:
    """Show the database's schema revision and the code's."""
    from factcheck.store import migrate

    db = ctx.db(check_schema=False)
    current = migrate.current_revision(db)
    head = migrate.head_revision()
    state = "up to date" if current == head else "needs `factcheck init`"
    if current is None:
        state = "empty: run `factcheck init`"
    click.echo(f"{db.display_url}: revision {current or 'none'} (code: {head}; {state})")


@db_group.command("history")
def db_history() -> None:
    """List the schema revisions, newest first."""
    from factcheck.store import migrate

    for rev, doc in migrate.history():
        click.echo(f"{rev}  {doc}")


def _known_revision(revision: str) -> None:
    from factcheck.errors import InvalidInput
    from factcheck.store import migrate

    if revision in ("head", "base") or any(r == revision for r, _ in migrate.history()):
        return
    if revision.startswith(("+", "-")) and revision[1:].isdigit():
        return
    raise InvalidInput(f"unknown revision {revision!r}; see `factcheck db history`")


def register(cli: click.Group) -> None:
    cli.add_command(init_command)
    cli.add_command(db_group)
