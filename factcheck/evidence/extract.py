"""The readable text of a fetched or attached source: HTML, PDF, plain text or CSV.

HTML goes through the segmenter's article reader (trafilatura, imported only when a page
is read) so a source page is cleaned exactly like an article; PDFs through pypdf, page
by page; plain text and CSV are kept as they are, since a table's cells are the evidence.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import date

from factcheck.errors import ArticleError

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
PDF_TYPES = frozenset({"application/pdf", "application/x-pdf"})
TEXT_TYPES = frozenset(
    {
        "text/plain",
        "text/csv",
        "application/csv",
        "text/tab-separated-values",
        "text/markdown",
        "application/json",
        "text/xml",
        "application/xml",
    }
)
SUFFIX_TYPES = {
    ".html": "text/html",
    ".htm": "text/html",
    ".xhtml": "application/xhtml+xml",
    ".pdf": "application/pdf",
    ".txt": "text/plain",
    ".text": "text/plain",
    ".md": "text/markdown",
    ".csv": "text/csv",
    ".tsv": "text/tab-separated-values",
    ".json": "application/json",
}
_PDF_DATE = re.compile(r"^D?:?(\d{4})(\d{2})?(\d{2})?")


class NotReadable(Exception):
    """A body with no text factcheck can read; the message is for the reviewer."""


@dataclass(frozen=True)
class Extracted:
    text: str
    title: str | None = None
    author: str | None = None
    published: date | None = None
    url: str | None = None  # the canonical address a saved page names, if any
    kind: str = "text"  # html, pdf or text


def sniff_type(body: bytes, declared: str | None) -> str | None:
    """The media type to read `body` as: the declared one unless the bytes say otherwise."""
    head = body[:1024].lstrip().lower()
    if head.startswith(b"%pdf-"):
        return "application/pdf"
    if declared in HTML_TYPES | PDF_TYPES | TEXT_TYPES:
        return declared
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "text/html"
    if declared is None or declared in ("application/octet-stream", "binary/octet-stream"):
        return "text/plain" if b"\x00" not in body[:8192] else declared
    return declared


def extract(body: bytes, content_type: str | None, *, charset: str | None = None) -> Extracted:
    """Text and metadata of `body`; raises NotReadable with a reason when there is none."""
    kind = sniff_type(body, content_type)
    if kind in PDF_TYPES:
        return _pdf(body)
    if kind in HTML_TYPES:
        return _html(_decode(body, charset))
    if kind in TEXT_TYPES or (kind or "").startswith("text/"):
        text = _decode(body, charset).replace("\r\n", "\n").replace("\r", "\n").strip()
        if not text:
            raise NotReadable("the file is empty")
        return Extracted(text=text, kind="text")
    raise NotReadable(f"cannot read {kind or 'this kind of file'} as text")


def _decode(body: bytes, charset: str | None) -> str:
    from factcheck.segmenter.reader import decode

    if charset:
        try:
            return body.decode(charset).lstrip("\ufeff")
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declared charset: fall back to guessing
    try:
        return decode(body, "the source")
    except ArticleError as exc:
        raise NotReadable(_strip_name(str(exc))) from None


def _strip_name(message: str) -> str:
    return message.split(": ", 1)[1] if message.startswith("the source: ") else message


def _html(raw: str) -> Extracted:
    from factcheck.segmenter.reader import parse_text

    try:
        page = parse_text(raw, fmt="html")
    except ArticleError as exc:
        raise NotReadable(_strip_name(str(exc)) or "no text found in the page") from None
    return Extracted(
        text=page.text,
        title=page.title or None,
        author=page.author,
        published=page.published,
        url=page.url,
        kind="html",
    )


def _pdf(body: bytes) -> Extracted:
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # broken xref warnings are noise here
    try:
        reader = PdfReader(io.BytesIO(body))
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception:
                raise NotReadable("the PDF is password-protected") from None
        pages = [(page.extract_text() or "").strip() for page in reader.pages]
        meta = reader.metadata
    except NotReadable:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise NotReadable(f"cannot read the PDF ({exc})") from None
    text = "\n\n".join(p for p in pages if p)
    if not text:
        raise NotReadable("the PDF has no text layer (a scan?)")
    title = author = None
    published = None
    if meta is not None:
        title = (str(meta.title).strip() or None) if meta.title else None
        author = (str(meta.author).strip() or None) if meta.author else None
        published = _pdf_date(meta.get("/CreationDate"))
    return Extracted(text=text, title=title, author=author, published=published, kind="pdf")


def _pdf_date(value: object) -> date | None:
    if not value:
        return None
    m = _PDF_DATE.match(str(value))
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None
