"""Shared CLI state (database, acting user) and the error boundary.

Every `FactcheckError` becomes `error: <one line>` on stderr with a non-zero exit.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from factcheck.store.database import Database

F = TypeVar("F", bound=Callable[..., Any])


@dataclass
class CliContext:
    db_option: str | None = None
    user_option: str | None = None
    _db: Database | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        from factcheck.settings import database_url

        return database_url(self.db_option)

    @property
    def user(self) -> str:
        from factcheck.settings import current_user

        return current_user(self.user_option)

    def db(self, *, check_schema: bool = True) -> Database:
        """The database, refused unless its schema is at this code's head."""
        if self._db is None:
            from factcheck.store.database import Database
            from factcheck.store.migrate import check_current

            db = Database(self.url)
            if check_schema:
                check_current(db)
            self._db = db
        return self._db


def pass_ctx(func: F) -> F:
    return click.pass_obj(func)  # type: ignore[return-value]


def run_guarded(command: click.Command, args: list[str] | None = None) -> int:
    """Run the click command; user mistakes print one line, never a traceback."""
    from factcheck.errors import FactcheckError

    try:
        command.main(args=args, standalone_mode=False, prog_name="factcheck")
    except FactcheckError as exc:
        click.echo(f"error: {exc}", err=True)
        return exc.exit_code
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        return 130
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.exceptions.Exit as exc:
        return int(exc.exit_code or 0)
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        from sqlalchemy.exc import OperationalError, SQLAlchemyError

        if isinstance(exc, OperationalError):
            from factcheck.settings import redact
            from factcheck.store.database import translate_operational_error

            ctx_url = _guess_url()
            click.echo(f"error: {translate_operational_error(exc, redact(ctx_url))}", err=True)
            return 1
        if isinstance(exc, SQLAlchemyError):
            click.echo(f"error: database error: {type(exc).__name__}", err=True)
            return 1
        raise
    return 0


def _guess_url() -> str:
    try:
        ctx = click.get_current_context(silent=True)
        if ctx is not None and isinstance(ctx.find_root().obj, CliContext):
            return ctx.find_root().obj.url
    except Exception:
        pass
    return ""


def out(text: str = "") -> None:
    click.echo(text)


def err(text: str) -> None:
    click.echo(text, err=True)


def stdout_is_tty() -> bool:
    return sys.stdout.isatty()
