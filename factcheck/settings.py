"""Where the database is and who is acting: flags, then environment, then defaults."""

from __future__ import annotations

import getpass
import os
from pathlib import Path

ENV_DATABASE_URL = "FACTCHECK_DATABASE_URL"
ENV_USER = "FACTCHECK_USER"


def default_database_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path("factcheck", appauthor=False) / "factcheck.db"


def database_url(cli_value: str | None = None) -> str:
    """`--db`, else FACTCHECK_DATABASE_URL, else an SQLite file in the user data dir.

    A bare file path is accepted as shorthand for an SQLite URL.
    """
    value = cli_value or os.environ.get(ENV_DATABASE_URL)
    if not value:
        path = default_database_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path}"
    if "://" not in value:
        return f"sqlite:///{Path(value).expanduser().resolve()}"
    return value


def redact(url: str) -> str:
    """The URL as it may be shown to a user: never with its password."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<unparseable database URL>"


def current_user(cli_value: str | None = None) -> str:
    """`--as`, else FACTCHECK_USER, else the operating-system user."""
    name = cli_value or os.environ.get(ENV_USER)
    if not name:
        try:
            name = getpass.getuser()
        except (OSError, KeyError):
            name = "unknown"
    return name.strip() or "unknown"
