"""Evidence and memory in the desk: a source fetched in the background with its passages,
"Previously checked" for a claim like an approved one, and the retry key.

The page comes from a local HTTP server, never the internet.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from rich.console import Console
from sqlalchemy import select

from factcheck.store.database import Database
from factcheck.store.models import Article, Claim, Status
from factcheck.store.snapshot_models import SourceSnapshot
from factcheck.tui.app import FactcheckApp
from factcheck.tui.screens.claim import ClaimScreen
from factcheck.tui.widgets.claim_detail import render_detail
from tests.tui.conftest import notes, settle
from tests.tui.seed import T0, Seeded
from tests.tui.test_desk_actions import SIZE, select_claim

PAGE = (
    b"<html><head><title>District report</title></head><body><article>"
    b"<p>The business district is home to many companies.</p>"
    b"<p>According to the city, the district holds 2,223 tech-focused firms today.</p>"
    b"<p>Rents rose last year.</p></article></body></html>"
)


class _Page(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path != "/report.html":
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture
def site(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("FACTCHECK_ALLOW_PRIVATE_URLS", "1")
    monkeypatch.delenv("FACTCHECK_OFFLINE", raising=False)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def shown(desk) -> str:  # type: ignore[no-untyped-def]
    """The detail pane's text as the reviewer reads it."""
    assert desk.pane.detail is not None
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(render_detail(desk.pane.detail, desk.pane.extras))
    return console.export_text()


def snapshots(db: Database, claim_id: int) -> list[tuple[int | None, str | None]]:
    with db.session() as s:
        rows = s.scalars(select(SourceSnapshot).order_by(SourceSnapshot.id))
        return [(r.status_code, r.error) for r in rows]


async def add_source(pilot, url: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("s")
    await settle(pilot)
    pilot.app.screen.query_one("#url").value = url
    await pilot.press("ctrl+s")
    await settle(pilot)


async def test_added_source_is_fetched_and_its_passage_shown(
    app: FactcheckApp, seeded: Seeded, db: Database, site: str
) -> None:
    claim_id = seeded.claims["firms"]
    async with app.run_test(size=SIZE) as pilot:
        desk = await select_claim(pilot, claim_id)
        await add_source(pilot, f"{site}/report.html")
        assert snapshots(db, claim_id) == [(200, None)]
        assert any(n.startswith("fetched 200") for n in notes(app))
        extras = desk.pane.extras
        assert extras is not None and extras.claim_id == claim_id
        assert extras.evidence is not None
        [evidence] = extras.evidence
        assert evidence.snapshot is not None and evidence.snapshot.ok
        assert any("2,223" in p.text for p in evidence.passages)
        text = shown(desk)
        assert "fetched 200" in text
        assert "2,223 tech-focused firms" in text


async def test_failed_fetch_is_shown_and_retried(
    app: FactcheckApp, seeded: Seeded, db: Database, site: str
) -> None:
    claim_id = seeded.claims["firms"]
    async with app.run_test(size=SIZE) as pilot:
        desk = await select_claim(pilot, claim_id)
        await add_source(pilot, f"{site}/missing.html")
        [(_code, error)] = snapshots(db, claim_id)
        assert error  # the failure is stored, with its reason
        assert any(n.startswith("not fetched") for n in notes(app))
        assert "not fetched" in shown(desk)
        assert "not fetched: not fetched" not in shown(desk) + " ".join(notes(app))
        await pilot.press("F")
        await settle(pilot)
        assert len(snapshots(db, claim_id)) == 2  # the failed one is kept, a new try added


def _similar_new_claim(db: Database) -> int:
    """A new article repeating the approved claim 'the largest fall since 1990'."""
    text = "Jobs report\n\nThe minister said it was the largest fall since 1990 in jobless numbers."
    with db.transaction() as s:
        article = Article(
            title="Jobs report", text=text, content_hash="f" * 64, ingested_at=T0, language="en"
        )
        s.add(article)
        s.flush()
        claim_text = "the largest fall since 1990 in jobless numbers"
        start = text.index(claim_text)
        claim = Claim(
            article_id=article.id,
            text=claim_text,
            sentence=text.split("\n\n")[1],
            start=start,
            end=start + len(claim_text),
            kind="comparison",
            score=0.99,
            checkworthy=True,
            reasons=[],
            quantities=[],
            times=[],
            status=Status.NEW,
            created_at=T0,
            updated_at=T0,
        )
        s.add(claim)
        s.flush()
        return claim.id


async def test_previously_checked_and_its_sources_one_key_away(
    app: FactcheckApp, seeded: Seeded, db: Database
) -> None:
    claim_id = _similar_new_claim(db)
    async with app.run_test(size=SIZE) as pilot:
        desk = await select_claim(pilot, claim_id)
        extras = desk.pane.extras
        assert extras is not None and extras.claim_id == claim_id
        assert [m.claim_id for m in extras.previously][:1] == [seeded.claims["since1990"]]
        text = shown(desk)
        assert "Previously checked: False, in Budget plans unveiled" in text
        await pilot.press("P")
        await settle(pilot)
        assert isinstance(app.screen, ClaimScreen)
        assert app.screen.claim_id == seeded.claims["since1990"]
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is desk
