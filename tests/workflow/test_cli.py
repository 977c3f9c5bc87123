"""The review CLI: each command changes what it says, and each refusal is one line, exit 1."""

from __future__ import annotations

import gc
import json
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from click.testing import CliRunner

from factcheck import workflow as wf
from factcheck.cli import cli
from factcheck.cli.context import run_guarded

from .conftest import EDITOR, RESEARCHER, Desk, add_article, add_claims


@dataclass
class Result:
    code: int
    out: str
    err: str


Run = Callable[..., Result]


@pytest.fixture
def fc(desk: Desk, db_url: str) -> Run:
    """Run `factcheck --db URL ...` in-process, as FACTCHECK_USER=alice unless --as is given."""

    def run(*args: str, user: str = RESEARCHER) -> Result:
        runner = CliRunner()
        with runner.isolation(env={"FACTCHECK_USER": user, "COLUMNS": "100"}) as streams:
            code = run_guarded(cli, ["--db", db_url, *args])
            out, err = streams[0].getvalue().decode(), streams[1].getvalue().decode()
        gc.collect()  # close the engine the command opened (matters on PostgreSQL)
        return Result(code, out, err)

    return run


def _refused(result: Result) -> str:
    assert result.code == 1, result
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith("error: ")
    return lines[0]


def test_full_life_through_the_cli(fc: Run, desk: Desk) -> None:
    cid = str(desk.new_claim())
    steps = [
        (["triage", cid], RESEARCHER, "new -> to_check (triage) by alice"),
        (["start", cid], RESEARCHER, "to_check -> researching (start) by alice"),
        (
            [
                "source",
                "add",
                cid,
                "https://stats.gov.cn/a",
                "--title",
                "Bulletin",
                "--note",
                "table 3",
                "--stance",
                "refutes",
            ],
            RESEARCHER,
            "added source #1",
        ),
        (
            ["verdict", cid, "mostly false", "--explanation", "It was 2.1%."],
            RESEARCHER,
            "verdict Mostly false by alice",
        ),
        (["submit", cid], RESEARCHER, "researching -> in_review (submit)"),
        (
            ["send-back", cid, "--note", "cite the table"],
            EDITOR,
            "in_review -> researching (send-back) by bob",
        ),
        (["submit", cid], RESEARCHER, "researching -> in_review"),
        (["--as", EDITOR, "approve", cid], RESEARCHER, "in_review -> approved (approve) by bob"),
        (["reopen", cid, "--note", "figure revised"], EDITOR, "approved -> researching"),
        (["assign", cid, "carol"], EDITOR, "assigned to carol"),
        (["note", cid, "waiting on the bureau"], "carol", "note added by carol"),
        (["stop", cid], "carol", "researching -> to_check (stop) by carol"),
        (["dismiss", cid, "--reason", "superseded"], "carol", "to_check -> dismissed"),
    ]
    for args, user, expected in steps:
        result = fc(*args, user=user)
        assert result.code == 0, (args, result)
        assert expected in result.out, (args, result.out)

    claim = desk.claim(int(cid))
    assert (claim.status.value, claim.assignee, claim.verdict) == (
        "dismissed",
        "carol",
        "Mostly false",
    )
    with desk.db.session() as s:
        history = wf.claim_detail(s, int(cid)).history
    assert [(e.actor, e.action) for e in history] == [
        ("alice", "triage"),
        ("alice", "start"),
        ("alice", "source_added"),
        ("alice", "verdict_set"),
        ("alice", "submit"),
        ("bob", "send_back"),
        ("alice", "submit"),
        ("bob", "approve"),
        ("bob", "reopen"),
        ("bob", "assigned"),
        ("carol", "note"),
        ("carol", "stop"),
        ("carol", "dismiss"),
    ]


@pytest.mark.parametrize(
    ("status", "args", "message"),
    [
        ("new", ["approve", "{cid}"], "possible moves: to_check (triage), dismissed (dismiss)"),
        ("new", ["submit", "{cid}"], "it is 'new'"),
        ("to_check", ["triage", "{cid}"], "possible moves: researching (start), dismissed"),
        ("researching", ["submit", "{cid}"], "it needs a verdict; an explanation; at least 1"),
        ("in_review", ["approve", "{cid}"], "allow_self_approval"),
        ("in_review", ["source", "add", "{cid}", "https://late.example/"], "send it back"),
        ("approved", ["dismiss", "{cid}", "--reason", "x"], "possible moves: researching (reopen)"),
        ("dismissed", ["verdict", "{cid}", "True", "--explanation", "x"], "a verdict is set"),
        ("new", ["dismiss", "{cid}"], "a reason for dismissing is required"),
        ("in_review", ["--as", "bob", "send-back", "{cid}"], "a note saying what to fix"),
        ("approved", ["reopen", "{cid}"], "a note saying why"),
        (
            "researching",
            ["verdict", "{cid}", "Pants on fire", "--explanation", "x"],
            "the scale is: True, Mostly true",
        ),
        ("researching", ["verdict", "{cid}", "True"], "explanation"),
        ("researching", ["source", "add", "{cid}", "javascript:alert(1)"], "'javascript:'"),
        ("researching", ["source", "add", "{cid}", "ftp://x.org/f"], "'ftp:'"),
        ("researching", ["source", "remove", "{cid}", "77"], "has no source 77"),
        ("researching", ["assign", "{cid}"], "give a NAME"),
        ("researching", ["assign", "{cid}", "alice"], "already assigned to alice"),
        ("researching", ["note", "{cid}", "  "], "note is required"),
        ("new", ["show", "nope"], "a claim is given by its number"),
        ("new", ["triage", "0"], "a claim is given by its number"),
    ],
)
def test_refusals_are_one_line_exit_1_and_change_nothing(
    fc: Run, desk: Desk, status: str, args: list[str], message: str
) -> None:
    cid = desk.claim_in(status)
    before = desk.snapshot(cid)
    result = fc(*[a.format(cid=cid) for a in args])
    assert message in _refused(result)
    assert desk.snapshot(cid) == before


def test_missing_claim(fc: Run) -> None:
    for args in (["triage", "999"], ["show", "999"], ["history", "#999"]):
        assert _refused(fc(*args)) == "error: no claim 999"


def test_duplicate_source_refused(fc: Run, desk: Desk) -> None:
    cid = str(desk.claim_in("researching"))
    assert fc("source", "add", cid, "https://example.org/r").code == 0
    before = desk.snapshot(int(cid))
    assert "already has this source" in _refused(fc("source", "add", cid, "HTTPS://example.org/r"))
    assert desk.snapshot(int(cid)) == before
    with desk.db.session() as s:
        source_id = wf.claim_detail(s, int(cid)).sources[0].id
    result = fc("source", "remove", cid, str(source_id))
    assert result.code == 0 and f"removed source #{source_id}" in result.out
    assert desk.source_count(int(cid)) == 0


def test_assign_nobody(fc: Run, desk: Desk) -> None:
    cid = desk.claim_in("researching")
    result = fc("assign", str(cid), "--nobody")
    assert result.code == 0 and "assigned to nobody" in result.out
    assert desk.claim(cid).assignee is None


def test_claims_list_and_filters(fc: Run, desk: Desk) -> None:
    a = desk.claim_in("researching")  # alice's
    b = desk.claim_in("new")
    other = add_article(desk.db, title="Other", text="Elsewhere.")
    c = add_claims(desk.db, other, text="Taxes are too high", scores=[0.9])[0]

    def ids(*args: str, user: str = RESEARCHER) -> list[int]:
        result = fc("claims", "--json", *args, user=user)
        assert result.code == 0, result
        return [r["id"] for r in json.loads(result.out)]

    assert ids() == [c, b, a]  # score desc, ties by newest id
    assert ids("--status", "new") == [c, b]
    assert ids("--status", "researching,new", "--article", str(desk.article_id)) == [b, a]
    assert ids("--mine") == [a]
    assert ids("--mine", user="bob") == []
    assert ids("--assignee", "alice") == [a]
    assert ids("--search", "TAXES") == [c]
    assert ids("--kind", "quantity", "--sort", "position") == [a, b, c]
    assert ids("--limit", "1") == [c]

    table = fc("claims", "--limit", "2")
    assert table.code == 0
    assert "2 of 3 claims" in table.out and "Taxes are too high" in table.out
    assert "no claims match" in fc("claims", "--search", "zebra").out

    assert "not both" in _refused(fc("claims", "--mine", "--assignee", "x"))
    assert "unknown status done" in _refused(fc("claims", "--status", "done"))
    assert "--limit must be at least 1" in _refused(fc("claims", "--limit", "0"))


def test_show_is_complete(fc: Run, desk: Desk) -> None:
    cid = desk.claim_in("approved")
    result = fc("show", str(cid))
    assert result.code == 0, result
    out = " ".join(result.out.split())  # wrapping depends on the terminal width
    for expected in (
        f"Claim {cid}",
        "approved",
        "quantity",
        "score 0.50 (check-worthy)",
        "“population grew by 3.5% in 2023”",
        "The city's population grew by 3.5% in 2023, officials said.",
        "Housing costs rose faster than wages.",  # the paragraph around the sentence
        "Shenzhen expats",
        "officials",
        "number; official source",
        '3.5 percent ("3.5%")',
        '"in 2023" → 2023-01-01 (year)',
        "Verdict      True (by alice",
        "The statistics bureau says so.",
        "Approved     by bob",
        "Sources (1)",
        "https://stats.gov.cn/pop2023",
        "History (6)",
        "bob approved it (in_review -> approved)",
        "Next         researching (reopen)",
    ):
        assert " ".join(expected.split()) in out, expected

    data = json.loads(fc("show", str(cid), "--json").out)
    assert data["status"] == "approved" and data["approved_by"] == EDITOR
    assert [e["action"] for e in data["history"]] == [
        "triage",
        "start",
        "source_added",
        "verdict_set",
        "submit",
        "approve",
    ]
    assert data["allowed_actions"] == ["reopen"]


def test_history_command(fc: Run, desk: Desk) -> None:
    cid = desk.claim_in("dismissed")
    result = fc("history", str(cid))
    assert result.code == 0
    assert "alice dismissed it (new -> dismissed); reason: an opinion, not checkable" in result.out
    events = json.loads(fc("history", str(cid), "--json").out)
    assert events[0]["from_status"] == "new" and events[0]["to_status"] == "dismissed"


def test_scale_and_settings(fc: Run, desk: Desk) -> None:
    scale = fc("scale")
    assert scale.code == 0
    assert scale.out.splitlines()[0].startswith("True")
    assert "Unverifiable" in scale.out

    shown = fc("settings")
    assert shown.code == 0 and "min_sources" in shown.out and "allow_self_approval" in shown.out
    changed = fc("settings", "min_sources", "2")
    assert changed.code == 0 and "min_sources = 2" in changed.out
    with desk.db.session() as s:
        assert wf.get_rules(s).min_sources == 2
    assert "whole number" in _refused(fc("settings", "min_sources", "lots"))
    assert "unknown setting" in _refused(fc("settings", "colour", "red"))
    assert "give a value" in _refused(fc("settings", "min_sources"))
    with desk.db.session() as s:
        assert wf.get_rules(s).min_sources == 2

    cid = desk.claim_in("researching")
    desk.do(wf.add_source, cid, RESEARCHER, "https://one.example/")
    desk.do(wf.set_verdict, cid, RESEARCHER, "True", "ok")
    assert "at least 2 sources (it has 1)" in _refused(fc("submit", str(cid)))
    assert fc("settings", "allow_self_approval", "true").code == 0
    assert fc("source", "add", str(cid), "https://two.example/").code == 0
    assert fc("submit", str(cid)).code == 0
    assert fc("approve", str(cid)).code == 0  # self-approval now allowed


def test_cli_in_a_real_process(desk: Desk, db_url: str) -> None:
    """The installed entry point: exit code and the one-line error, as a shell sees them."""
    from tests.helpers import run_cli

    cid = desk.claim_in("new")
    ok = run_cli("--db", db_url, "--as", "zoe", "triage", str(cid))
    assert ok.returncode == 0 and "by zoe" in ok.stdout
    refused = run_cli("--db", db_url, "approve", str(cid))
    assert refused.returncode == 1
    assert refused.stderr.strip() == (
        f"error: cannot approve claim {cid}: it is 'to_check'; "
        "possible moves: researching (start), dismissed (dismiss)"
    )
    assert desk.status(cid) == "to_check"
