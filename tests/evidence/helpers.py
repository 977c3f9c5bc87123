"""Test data for the evidence tests: pages, a hand-written PDF, a routed local server, a claim."""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler

from factcheck import workflow as wf
from factcheck.store.database import Database
from factcheck.store.models import Article, Claim, Kind, Status

PAGE_HTML = """<!doctype html>
<html><head>
<title>Foreign residents in Shenzhen reach 1.1 million</title>
<meta name="author" content="Li Wei">
<meta property="article:published_time" content="2024-03-05">
</head><body>
<nav>Home | News | Sport</nav>
<article>
<h1>Foreign residents in Shenzhen reach 1.1 million</h1>
<p>The Shenzhen Statistics Bureau said on Tuesday that the number of foreign residents in the
city reached 1.1 million at the end of 2023, up from 950,000 a year earlier.</p>
<p>Most of them work in manufacturing and technology, the bureau said, and many live in the
Nanshan and Futian districts close to the border with Hong Kong.</p>
<p>Rents in those districts rose by 4.2% over the same period, according to a survey by a
property agency, while wages for foreign staff were broadly flat.</p>
</article>
<footer>Subscribe to our newsletter</footer>
</body></html>
"""

CSV_BODY = b"district,foreign_residents\nNanshan,410000\nFutian,290000\n"
TEXT_BODY = (
    b"Field notes, 5 March 2024.\nThe bureau confirmed the figure of 1.1 million by phone.\n"
)


def make_pdf(lines: list[str], title: str = "Annual statistics report") -> bytes:
    """A minimal valid one-page PDF with a text layer, written by hand (offsets computed)."""
    ops = ["BT", "/F1 12 Tf", "72 720 Td", "14 TL"]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"({escaped}) Tj T*")
    ops.append("ET")
    stream = "\n".join(ops).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Title (" + title.encode("latin-1") + b") /Author (Statistics Bureau) "
        b"/CreationDate (D:20240301120000Z) >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\n" % (len(objects) + 1)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


PDF_BODY = make_pdf(
    [
        "Annual statistics report 2023.",
        "Registered foreign residents: 1,100,000 at year end.",
        "Population growth was 3.5% in 2023.",
    ]
)


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds of silence before answering
    stream_bytes: int = 0  # send this many bytes with no Content-Length


@dataclass
class Site:
    """The server's routes, changeable by a test (a page that changes, a link that dies)."""

    base: str
    other_base: str  # the same server under another host name ("localhost")
    routes: dict[str, Route] = field(default_factory=dict)
    user_agents: list[str] = field(default_factory=list)

    def url(self, path: str) -> str:
        return f"{self.base}{path}"


def handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # quiet test output
            pass

        def do_GET(self) -> None:
            site.user_agents.append(self.headers.get("User-Agent", ""))
            route = site.routes.get(self.path.split("?", 1)[0])
            if route is None:
                route = Route(404, b"not here", {"Content-Type": "text/plain"})
            if route.delay:
                time.sleep(route.delay)
            try:
                self.send_response(route.status)
                for key, value in route.headers.items():
                    self.send_header(key, value)
                if route.stream_bytes:
                    self.send_header("Connection", "close")
                    self.end_headers()
                    chunk = b"x" * 65536
                    sent = 0
                    while sent < route.stream_bytes:
                        self.wfile.write(chunk)
                        sent += len(chunk)
                    return
                self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                self.wfile.write(route.body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client stopped reading (size limit, timeout): expected

    return Handler


CLAIM_TEXT = "Shenzhen is home to over 1,000,000 foreigners, the statistics bureau says"


def make_claim(db: Database, text: str = CLAIM_TEXT) -> int:
    """An article with one claim in research, inserted through the models."""
    body = f"Expats in Shenzhen.\n\n{text}."
    with db.transaction() as s:
        article = Article(
            title="Expats in Shenzhen",
            text=body,
            content_hash=hashlib.sha256(body.encode()).hexdigest(),
        )
        s.add(article)
        s.flush()
        start = body.index(text)
        claim = Claim(
            article_id=article.id,
            text=text,
            sentence=text + ".",
            start=start,
            end=start + len(text),
            kind=Kind.QUANTITY,
            status=Status.RESEARCHING,
        )
        s.add(claim)
        s.flush()
        return claim.id


def add_source(db: Database, claim_id: int, url: str) -> int:
    with db.transaction() as s:
        return wf.add_source(s, claim_id, "alice", url).id
