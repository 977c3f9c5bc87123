"""Snapshots of a local server's pages: what is stored for each kind of answer."""

from __future__ import annotations

import hashlib
import re

import pytest
from sqlalchemy import func, select

from factcheck.errors import NotFound
from factcheck.evidence import USER_AGENT, FetchOptions, fetch, snapshot_source, snapshots_of
from factcheck.evidence.snapshot import content_hash, snapshot_in_background
from factcheck.store.database import Database
from factcheck.store.snapshot_models import SourceSnapshot
from tests.evidence.helpers import CSV_BODY, PDF_BODY, TEXT_BODY, Site, add_source


def _stored(db: Database, snapshot_id: int) -> SourceSnapshot:
    with db.session() as s:
        row = s.get(SourceSnapshot, snapshot_id)
        assert row is not None
        s.expunge(row)
        return row


def test_html_page_is_stored_with_its_metadata_and_main_text(
    db: Database, site: Site, claim_id: int, fast: FetchOptions
) -> None:
    url = site.url("/page.html")
    sid = add_source(db, claim_id, url)
    snap = snapshot_source(db, sid, actor="alice", options=fast)
    row = _stored(db, snap.id)
    assert row.error is None
    assert row.origin == "web"
    assert row.requested_url == url and row.final_url == url
    assert row.status_code == 200
    assert row.content_type == "text/html"
    assert row.title == "Foreign residents in Shenzhen reach 1.1 million"
    assert row.author == "Li Wei"
    assert row.published is not None and row.published.isoformat() == "2024-03-05"
    assert row.text is not None
    assert "reached 1.1 million at the end of 2023" in row.text
    assert "Subscribe to our newsletter" not in row.text  # boilerplate left out
    assert row.content_hash == content_hash(row.text, None)
    assert row.fetched_by == "alice"
    assert row.size == len(site.routes["/page.html"].body)


def test_user_agent_names_factcheck(db: Database, site: Site, fast: FetchOptions) -> None:
    fetch(site.url("/notes.txt"), fast)
    assert site.user_agents[-1] == USER_AGENT
    assert re.fullmatch(r"factcheck/\S+ \(\+fact-check source snapshot\)", USER_AGENT)


def test_redirect_on_the_same_host_is_followed_and_recorded(
    db: Database, site: Site, claim_id: int, fast: FetchOptions
) -> None:
    sid = add_source(db, claim_id, site.url("/moved"))
    row = _stored(db, snapshot_source(db, sid, options=fast).id)
    assert row.error is None
    assert row.requested_url == site.url("/moved")
    assert row.final_url == site.url("/page.html")
    assert row.redirects == [{"status": 302, "url": site.url("/page.html")}]
    assert row.text and "1.1 million" in row.text


def test_redirect_to_another_host_is_followed(
    db: Database, site: Site, claim_id: int, fast: FetchOptions
) -> None:
    sid = add_source(db, claim_id, site.url("/elsewhere"))
    row = _stored(db, snapshot_source(db, sid, options=fast).id)
    assert row.error is None
    assert row.final_url == f"{site.other_base}/page.html"
    assert row.redirects[0]["status"] == 301


@pytest.mark.parametrize("path", ["/to-ftp", "/to-file"])
def test_redirect_to_another_scheme_is_refused(
    db: Database, site: Site, claim_id: int, fast: FetchOptions, path: str
) -> None:
    sid = add_source(db, claim_id, site.url(path))
    row = _stored(db, snapshot_source(db, sid, options=fast).id)
    assert row.error is not None
    assert row.error.startswith("not fetched: refused a redirect from http: to ")
    assert row.text is None and row.content_hash is None
    assert row.status_code is None


def test_redirect_loop_stops_at_the_cap(site: Site) -> None:
    result = fetch(site.url("/loop"), FetchOptions(max_redirects=3, read_timeout=2))
    assert result.error == "not fetched: more than 3 redirects"
    assert len(result.redirects) == 4


def test_404_is_kept_with_its_status_and_a_reason(
    db: Database, site: Site, claim_id: int, fast: FetchOptions
) -> None:
    sid = add_source(db, claim_id, site.url("/gone"))
    row = _stored(db, snapshot_source(db, sid, options=fast).id)
    assert row.status_code == 404
    assert row.error == "not fetched: HTTP 404 Not Found"
    assert row.text is None


def test_slow_response_times_out(
    db: Database, site: Site, claim_id: int, fast: FetchOptions
) -> None:
    sid = add_source(db, claim_id, site.url("/slow"))
    row = _stored(db, snapshot_source(db, sid, options=fast).id)
    assert row.error == "not fetched: timed out"
    assert row.text is None and row.status_code is None


@pytest.mark.parametrize("path", ["/huge", "/huge-declared"])
def test_huge_response_is_cut_off_at_the_size_limit(
    db: Database, site: Site, claim_id: int, fast: FetchOptions, path: str
) -> None:
    sid = add_source(db, claim_id, site.url(path))
    row = _stored(db, snapshot_source(db, sid, options=fast).id)
    assert row.error is not None
    assert row.error.startswith("not fetched: larger than the 0.1 MB limit")
    assert row.text is None and row.size is None
    assert row.status_code == 200


def test_pdf_text_and_metadata(db: Database, site: Site, claim_id: int, fast: FetchOptions) -> None:
    sid = add_source(db, claim_id, site.url("/report.pdf"))
    row = _stored(db, snapshot_source(db, sid, options=fast).id)
    assert row.error is None
    assert row.content_type == "application/pdf"
    assert row.text is not None
    assert "Registered foreign residents: 1,100,000 at year end." in row.text
    assert row.title == "Annual statistics report"
    assert row.author == "Statistics Bureau"
    assert row.published is not None and row.published.isoformat() == "2024-03-01"
    assert row.size == len(PDF_BODY)


@pytest.mark.parametrize(
    ("path", "body", "media"),
    [("/data.csv", CSV_BODY, "text/csv"), ("/notes.txt", TEXT_BODY, "text/plain")],
)
def test_csv_and_text_are_kept_as_they_are(
    db: Database,
    site: Site,
    claim_id: int,
    fast: FetchOptions,
    path: str,
    body: bytes,
    media: str,
) -> None:
    sid = add_source(db, claim_id, site.url(path))
    row = _stored(db, snapshot_source(db, sid, options=fast).id)
    assert row.error is None
    assert row.content_type == media
    assert row.text == body.decode().strip()
    assert row.content_hash == content_hash(body.decode(), None)
    assert row.title is None


def test_binary_content_is_fetched_but_marked_unreadable(
    db: Database, site: Site, claim_id: int, fast: FetchOptions
) -> None:
    sid = add_source(db, claim_id, site.url("/image.png"))
    row = _stored(db, snapshot_source(db, sid, options=fast).id)
    assert row.status_code == 200
    assert row.error == "not read: cannot read image/png as text"
    assert row.content_hash == hashlib.sha256(site.routes["/image.png"].body).hexdigest()


def test_private_addresses_are_refused_when_not_allowed(
    db: Database,
    site: Site,
    claim_id: int,
    fast: FetchOptions,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("FACTCHECK_ALLOW_PRIVATE_URLS")
    sid = add_source(db, claim_id, site.url("/page.html"))
    row = _stored(db, snapshot_source(db, sid, options=fast).id)
    assert row.error is not None
    assert "127.0.0.1 is a private or local address" in row.error
    assert "FACTCHECK_ALLOW_PRIVATE_URLS=1" in row.error
    assert site.user_agents == []  # nothing was sent to the server


@pytest.mark.parametrize(
    "host", ["localhost", "10.1.2.3", "169.254.169.254", "[::1]", "192.168.0.1", "0.0.0.0"]
)
def test_each_kind_of_internal_address_is_refused(host: str) -> None:
    result = fetch(f"http://{host}/x", FetchOptions(allow_private=False, connect_timeout=0.5))
    assert result.error is not None and "private or local address" in result.error


def test_only_http_and_https_are_fetched() -> None:
    result = fetch("ftp://example.org/file.txt", FetchOptions())
    assert result.error == "not fetched: only http and https addresses are fetched (not ftp:)"


def test_a_refetch_adds_a_row_and_keeps_the_first(
    db: Database, site: Site, claim_id: int, fast: FetchOptions
) -> None:
    sid = add_source(db, claim_id, site.url("/page.html"))
    first = snapshot_source(db, sid, options=fast)
    site.routes["/page.html"].status = 500
    second = snapshot_source(db, sid, options=fast)
    with db.session() as s:
        history = snapshots_of(s, sid)
    assert [h.id for h in history] == [first.id, second.id]
    assert history[0].error is None and history[0].text_chars > 0
    assert history[1].error == "not fetched: HTTP 500 Internal Server Error"


def test_unknown_source_is_not_found(db: Database) -> None:
    with pytest.raises(NotFound, match="no source 999"):
        snapshot_source(db, 999)


def test_snapshot_in_background_reports_back(
    db: Database, db_url: str, site: Site, claim_id: int, fast: FetchOptions
) -> None:
    sid = add_source(db, claim_id, site.url("/notes.txt"))
    results: list[object] = []
    thread = snapshot_in_background(db_url, sid, actor="bob", on_done=results.append, options=fast)
    thread.join(timeout=30)
    assert not thread.is_alive()
    assert len(results) == 1
    with db.session() as s:
        count = s.scalar(select(func.count()).where(SourceSnapshot.source_id == sid))
    assert count == 1
    assert getattr(results[0], "fetched_by", None) == "bob"


def test_deleting_a_source_deletes_its_snapshots(
    db: Database, site: Site, claim_id: int, fast: FetchOptions
) -> None:
    from factcheck import workflow as wf

    sid = add_source(db, claim_id, site.url("/notes.txt"))
    snapshot_source(db, sid, options=fast)
    with db.transaction() as s:
        wf.remove_source(s, claim_id, sid, "alice")
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(SourceSnapshot)) == 0


def test_offline_mode_keeps_the_source_and_says_not_fetched(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from factcheck.evidence.fetch import fetch

    monkeypatch.setenv("FACTCHECK_OFFLINE", "1")
    result = fetch("https://example.org/report")
    assert result.error is not None
    assert result.error.startswith("not fetched: offline")
