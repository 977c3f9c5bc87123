"""Schema management through Alembic, from code (no alembic.ini).

The scripts live in `migrations/` beside the package in a checkout and in
`factcheck/_migrations` inside an installed wheel.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.exc import OperationalError

from factcheck.errors import DatabaseError, SchemaOutOfDate, SchemaTooNew
from factcheck.store.database import Database, translate_operational_error


def script_location() -> Path:
    package = Path(__file__).resolve().parent.parent
    for candidate in (package.parent / "migrations", package / "_migrations"):
        if (candidate / "env.py").is_file():
            return candidate
    raise DatabaseError("factcheck's migrations are missing from this installation")


def alembic_config(db: Database) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(script_location()))
    cfg.set_main_option("sqlalchemy.url", db.url.replace("%", "%%"))
    cfg.attributes["connection"] = db.engine
    return cfg


def head_revision() -> str:
    cfg = Config()
    cfg.set_main_option("script_location", str(script_location()))
    head = ScriptDirectory.from_config(cfg).get_current_head()
    assert head is not None
    return head


def current_revision(db: Database) -> str | None:
    try:
        with db.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    except OperationalError as exc:
        raise translate_operational_error(exc, db.display_url) from None


def upgrade(db: Database, revision: str = "head") -> None:
    try:
        command.upgrade(alembic_config(db), revision)
    except OperationalError as exc:
        raise translate_operational_error(exc, db.display_url) from None


def downgrade(db: Database, revision: str) -> None:
    try:
        command.downgrade(alembic_config(db), revision)
    except OperationalError as exc:
        raise translate_operational_error(exc, db.display_url) from None


def history() -> list[tuple[str, str]]:
    cfg = Config()
    cfg.set_main_option("script_location", str(script_location()))
    script = ScriptDirectory.from_config(cfg)
    return [(rev.revision, rev.doc or "") for rev in script.walk_revisions()]


def check_current(db: Database) -> None:
    """Refuse to use a database whose schema is not exactly this code's head."""
    current = current_revision(db)
    head = head_revision()
    if current == head:
        return
    if current is None:
        raise SchemaOutOfDate(
            f"the database {db.display_url} has no factcheck schema yet; run `factcheck init`"
        )
    known = {rev for rev, _ in history()}
    if current not in known:
        raise SchemaTooNew(
            f"the database {db.display_url} is at revision {current}, newer than this "
            "factcheck knows; upgrade factcheck"
        )
    raise SchemaOutOfDate(
        f"the database {db.display_url} is at revision {current}, older than this "
        f"factcheck ({head}); run `factcheck init` to upgrade it"
    )


def open_database(url: str) -> Database:
    """A database ready for use: reachable and at head, or a clear error."""
    db = Database(url)
    check_current(db)
    return db
