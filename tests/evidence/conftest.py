"""A local HTTP server with known pages, and a claim to hang sources on. Never the internet."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from factcheck.evidence import FetchOptions
from factcheck.store.database import Database
from tests.evidence.helpers import (
    CSV_BODY,
    PAGE_HTML,
    PDF_BODY,
    TEXT_BODY,
    Route,
    Site,
    handler,
    make_claim,
)


@pytest.fixture(autouse=True)
def _allow_private(monkeypatch: pytest.MonkeyPatch) -> None:
    """The test server is on 127.0.0.1, which the fetcher refuses by default.

    These tests fetch from that local server, so they lift the suite-wide offline mode.
    """
    monkeypatch.setenv("FACTCHECK_ALLOW_PRIVATE_URLS", "1")
    monkeypatch.delenv("FACTCHECK_OFFLINE", raising=False)


@pytest.fixture
def site() -> Iterator[Site]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    server.daemon_threads = True
    port = server.server_address[1]
    s = Site(base=f"http://127.0.0.1:{port}", other_base=f"http://localhost:{port}")
    server.RequestHandlerClass = handler(s)
    html = {"Content-Type": "text/html; charset=utf-8"}
    s.routes.update(
        {
            "/page.html": Route(200, PAGE_HTML.encode(), html),
            "/moved": Route(302, b"", {"Location": "/page.html"}),
            "/elsewhere": Route(301, b"", {"Location": f"{s.other_base}/page.html"}),
            "/to-ftp": Route(302, b"", {"Location": "ftp://127.0.0.1/secret.txt"}),
            "/to-file": Route(302, b"", {"Location": "file:///etc/passwd"}),
            "/loop": Route(302, b"", {"Location": "/loop"}),
            "/gone": Route(404, b"<h1>Not found</h1>", html),
            "/slow": Route(200, b"late", {"Content-Type": "text/plain"}, delay=3.0),
            "/huge": Route(200, b"", {"Content-Type": "text/plain"}, stream_bytes=2_000_000),
            "/huge-declared": Route(200, b"y" * 300_000, {"Content-Type": "text/plain"}),
            "/report.pdf": Route(200, PDF_BODY, {"Content-Type": "application/pdf"}),
            "/data.csv": Route(200, CSV_BODY, {"Content-Type": "text/csv"}),
            "/notes.txt": Route(200, TEXT_BODY, {"Content-Type": "text/plain; charset=utf-8"}),
            "/image.png": Route(
                200, b"\x89PNG\r\n\x1a\n\x00\x00\x00" * 50, {"Content-Type": "image/png"}
            ),
        }
    )
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield s
    server.shutdown()
    server.server_close()


@pytest.fixture
def fast() -> FetchOptions:
    """Short timeouts and a 100 kB limit so the slow and huge routes fail quickly."""
    return FetchOptions(connect_timeout=2.0, read_timeout=0.5, max_bytes=100_000)


@pytest.fixture
def claim_id(db: Database) -> int:
    return make_claim(db)
