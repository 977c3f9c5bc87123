"""`factcheck revise / revisions / similar / search`: what they print, and one-line refusals."""

from __future__ import annotations

import gc
from dataclasses import dataclass
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.cli.context import run_guarded
from factcheck.cli.revision_commands import register
from tests.revisions.conftest import MILLION_OLD, URL, Desk


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture(scope="module")
def group() -> click.Group:
    if cli.get_command(click.Context(cli), "revise") is None:  # until the lead registers it
        register(cli)
    return cli


def run(group: click.Group, db_url: str, *args: str) -> Result:
    runner = CliRunner()
    with runner.isolation(env={"FACTCHECK_USER": "editor", "COLUMNS": "120"}) as streams:
        code = run_guarded(group, ["--db", db_url, *args])
        out, err = streams[0].getvalue().decode(), streams[1].getvalue().decode()
    gc.collect()
    return Result(code, out, err)


def _write(tmp_path: Path, desk: Desk, n: int) -> Path:
    path = tmp_path / f"rev{n}.txt"
    path.write_text(desk.base.title + "\n\n" + desk.texts[n - 1], encoding="utf-8")
    return path


def test_revise_by_id_then_by_url_and_list(
    desk: Desk, db_url: str, tmp_path: Path, group: click.Group
) -> None:
    desk.approve(desk.claim_id(MILLION_OLD))
    second = run(
        group,
        db_url,
        "revise",
        str(_write(tmp_path, desk, 2)),
        "--revision-of",
        str(desk.article_id),
    )
    assert second.code == 0, second.err
    assert f"article {desk.article_id} revision 2: " in second.out
    assert "1 changed, 4 withdrawn" in second.out

    third = run(group, db_url, "revise", str(_write(tmp_path, desk, 3)), "--url", URL)
    assert third.code == 0, third.err
    assert "revision 3" in third.out and "4 restored" in third.out

    again = run(group, db_url, "revise", str(_write(tmp_path, desk, 3)), "--url", URL)
    assert again.code == 0 and "already has this text (revision 3)" in again.out

    listing = run(group, db_url, "revisions", str(desk.article_id), "--revision", "2", "--text")
    assert listing.code == 0, listing.err
    assert "revision 3 (current)" in listing.out
    assert "was: " + MILLION_OLD in listing.out
    assert "withdrawn: Another Shenzhen expat resident" in listing.out
    assert "+++ revision 2" in listing.out


def test_refusals_are_one_line(desk: Desk, db_url: str, tmp_path: Path, group: click.Group) -> None:
    path = _write(tmp_path, desk, 2)
    no_url = run(group, db_url, "revise", str(path))
    assert no_url.code == 1 and no_url.err.startswith("error: ") and "--revision-of" in no_url.err
    unknown = run(group, db_url, "revise", str(path), "--url", "https://example.com/other")
    assert unknown.code == 1 and "no stored article has the URL" in unknown.err
    missing = run(group, db_url, "revise", str(path), "--revision-of", "999")
    assert missing.code == 1 and "no article 999" in missing.err
    assert len(missing.err.strip().splitlines()) == 1
    bad_claim = run(group, db_url, "similar", "4040")
    assert bad_claim.code == 1 and "no claim 4040" in bad_claim.err


def test_similar_and_search(desk: Desk, db_url: str, group: click.Group) -> None:
    desk.approve(desk.claim_id(MILLION_OLD))
    found = run(group, db_url, "similar", "more than one million foreigners live in Shenzhen")
    assert found.code == 0, found.err
    assert "Previously checked: Mostly false, in Shenzhen set to overtake" in found.out
    assert "source: https://stats.example.org/foreigners (supports)" in found.out
    none = run(group, db_url, "similar", "the harbour froze for the first time in a century")
    assert none.code == 0 and "no previously checked claim" in none.out

    hits = run(group, db_url, "search", "laborator")
    assert hits.code == 0 and "three laboratories set up by Nobel" in hits.out
    assert "no claim matches" in run(group, db_url, "search", "zebra").out
