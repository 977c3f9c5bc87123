"""Database setup from the command line: init, schema checks, bad URLs, redaction."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, inspect, text

from factcheck.store import migrate
from factcheck.store.database import Database
from tests.helpers import run_cli


def _tables(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_init_creates_schema_at_head_and_seeds_rating_scale(empty_db_url: str) -> None:
    result = run_cli("--db", empty_db_url, "init")
    assert result.returncode == 0, result.stderr
    assert "created database" in result.stdout
    assert {"article", "claim", "source", "review_event", "rating", "setting"} <= _tables(
        empty_db_url
    )
    db = Database(empty_db_url)
    try:
        assert migrate.current_revision(db) == migrate.head_revision()
        with db.session() as s:
            labels = s.execute(text("SELECT label FROM rating ORDER BY position")).scalars().all()
        assert labels[0] == "True" and labels[4] == "False" and "Unverifiable" in labels
    finally:
        db.dispose()
    again = run_cli("--db", empty_db_url, "init")
    assert again.returncode == 0 and "up to date" in again.stdout


def test_downgrade_base_then_upgrade_round_trips(db_url: str) -> None:
    down = run_cli("--db", db_url, "db", "downgrade", "base", "--yes")
    assert down.returncode == 0, down.stderr
    assert "claim" not in _tables(db_url)
    up = run_cli("--db", db_url, "db", "upgrade", "head")
    assert up.returncode == 0, up.stderr
    assert "claim" in _tables(db_url)
    current = run_cli("--db", db_url, "db", "current")
    assert "up to date" in current.stdout


def test_commands_refuse_a_database_without_schema(empty_db_url: str) -> None:
    result = run_cli("--db", empty_db_url, "ingest", "claims/articles/shenzhen-expats.txt")
    assert result.returncode != 0
    assert "factcheck init" in result.stderr
    assert "Traceback" not in result.stderr
    assert "article" not in _tables(empty_db_url)


def test_older_database_is_refused_until_init(db_url: str) -> None:
    db = Database(db_url)
    migrate.downgrade(db, "0001")
    db.dispose()
    result = run_cli("--db", db_url, "ingest", "claims/articles/shenzhen-expats.txt")
    assert result.returncode != 0
    assert "older" in result.stderr and "factcheck init" in result.stderr
    assert run_cli("--db", db_url, "init").returncode == 0
    db = Database(db_url)
    assert migrate.current_revision(db) == migrate.head_revision()
    db.dispose()


def test_newer_database_is_refused(db_url: str) -> None:
    engine = create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    engine.dispose()
    result = run_cli("--db", db_url, "ingest", "claims/articles/shenzhen-expats.txt")
    assert result.returncode != 0
    assert "newer" in result.stderr
    assert "Traceback" not in result.stderr


def test_unreachable_database_gives_one_line_without_password() -> None:
    url = "postgresql+psycopg://alice:s3cr3t-pw@127.0.0.1:9/factcheck"
    result = run_cli("--db", url, "init")
    assert result.returncode != 0
    assert "s3cr3t-pw" not in result.stderr + result.stdout
    assert "***" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_unknown_url_scheme_is_a_clear_error() -> None:
    result = run_cli("--db", "mongodb://localhost/x", "init")
    assert result.returncode != 0
    assert result.stderr.startswith("error:")
    assert len(result.stderr.strip().splitlines()) == 1


def test_default_database_lives_in_user_data_dir(tmp_path: Path) -> None:
    result = run_cli("init", env={"XDG_DATA_HOME": str(tmp_path / "data")})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "data" / "factcheck" / "factcheck.db").is_file()


def test_environment_variable_selects_database(tmp_path: Path) -> None:
    target = tmp_path / "team.db"
    result = run_cli("init", env={"FACTCHECK_DATABASE_URL": f"sqlite:///{target}"})
    assert result.returncode == 0, result.stderr
    assert target.is_file()


def test_every_command_has_help() -> None:
    from factcheck.cli import cli

    names = sorted(cli.commands)
    assert {"init", "ingest", "db"} <= set(names)
    for name in names:
        result = run_cli(name, "--help")
        assert result.returncode == 0, (name, result.stderr)
        assert "Usage:" in result.stdout


def test_lock_timeout_setting_is_validated(tmp_path: Path) -> None:
    result = run_cli("--db", str(tmp_path / "x.db"), "init", env={"FACTCHECK_LOCK_TIMEOUT": "soon"})
    assert result.returncode != 0
    assert "FACTCHECK_LOCK_TIMEOUT" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "x.db").exists()
