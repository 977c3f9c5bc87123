"""Reading article files into clean text: the text that is stored and that claim offsets index.

Cleaning is deliberately conservative: it drops whole lines (repeated headlines, navigation,
share/subscribe boilerplate) and never rewrites inside a sentence, so what a reviewer reads
in the stored article is what the journalist wrote.
"""

from __future__ import annotations

import codecs
import os
import re
from datetime import date
from pathlib import Path

from factcheck.errors import ArticleError
from factcheck.segmenter.types import ArticleText

DEFAULT_MAX_BYTES = 20_000_000
MAX_MB_ENV = "FACTCHECK_MAX_ARTICLE_MB"
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
TEXT_SUFFIXES = frozenset({".txt", ".text", ""})

_HEADER_KEYS = {
    "title": "title", "headline": "title", "date": "published", "published": "published",
    "url": "url", "link": "url", "source": "outlet", "outlet": "outlet", "publication": "outlet",
    "author": "author", "by": "author", "byline": "author",
}  # fmt: skip
_HEADER_LINE = re.compile(r"^\s*([A-Za-z]+)\s*:\s*(.*?)\s*$")
_BOILERPLATE = re.compile(
    r"^\W*(?:related(?: stories| articles| news| content| links)?|latest(?: news| stories)?|"
    r"more(?: on this story| from [\w ]+| stories| news)?|read more|see also|top stories|"
    r"most (?:read|popular|viewed)|you (?:may|might) also like|recommended(?: for you)?|"
    r"share(?: this)?(?: article| story| page| on \w+)?|subscribe(?: now| to [\w ]+)?|"
    r"sign up(?: [\w ]+)?|follow us(?: on [\w ]+)?|advertisement|advertising|"
    r"sponsored(?: content)?|"
    r"comments?|print|email|tweet|click here[\w ]*|skip to (?:main )?content|menu|home|"
    r"newsletter|back to top|tags?|topics?)\W*$",
    re.IGNORECASE,
)
# Control characters other than tab, newline, form feed and carriage return
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")


def max_bytes_default() -> int:
    """The size limit: $FACTCHECK_MAX_ARTICLE_MB (megabytes, like --max-size), else 20 MB."""
    raw = os.environ.get(MAX_MB_ENV, "").strip()
    if raw:
        try:
            return max(1, int(float(raw) * 1_000_000))
        except ValueError:
            raise ArticleError(f"{MAX_MB_ENV} must be a number of megabytes, not {raw!r}") from None
    return DEFAULT_MAX_BYTES


def read_article(
    path: str | Path, *, published: date | None = None, max_bytes: int | None = None
) -> ArticleText:
    """Read a .txt, .md or saved .html article; refuse empty, binary and oversized files."""
    path = Path(path)
    limit = max_bytes if max_bytes is not None else max_bytes_default()
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise ArticleError(f"{path}: is a folder, not an article file")
        if size > limit:
            raise ArticleError(
                f"{path}: {size / 1e6:.1f} MB is over the {limit / 1e6:g} MB limit for an article; "
                f"raise it with --max-size MB or ${MAX_MB_ENV}"
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise ArticleError(f"{path}: no such file") from None
    except PermissionError:
        raise ArticleError(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise ArticleError(f"{path}: is a folder, not an article file") from None
    except OSError as exc:
        raise ArticleError(f"{path}: cannot read ({exc.strerror or exc})") from None
    suffix = path.suffix.lower()
    fmt = "html" if suffix in HTML_SUFFIXES else "md" if suffix in MARKDOWN_SUFFIXES else "txt"
    raw = decode(data, str(path))
    if fmt == "txt" and _looks_like_html(raw):
        fmt = "html"
    return parse_text(raw, fmt=fmt, published=published, source_path=str(path))


def decode(data: bytes, name: str = "article") -> str:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252.

    A UTF-8 file with a few stray legacy bytes (a pasted "£" saved as 0xA3) keeps its
    UTF-8 dashes and quotes: only the bytes that are not UTF-8 are read as Windows-1252.
    A file with no UTF-8 in it, or with more stray bytes than UTF-8 characters, is a
    legacy file and is read as Windows-1252 as a whole.
    """
    if not data.strip():
        raise ArticleError(f"{name}: the file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ArticleError(f"{name}: broken UTF-16 text") from None
    if b"\x00" in data[:8192]:
        raise ArticleError(f"{name}: looks like a binary file, not a text article")
    try:
        text = data.decode("utf-8-sig")
        legacy = False
    except UnicodeDecodeError:
        text = _decode_mixed(data)
        legacy = True
    control = len(_CONTROL.findall(text, 0, 8192))
    if control > max(8, len(text[:8192]) // 50):
        raise ArticleError(f"{name}: looks like a binary file, not a text article")
    if legacy and not _reads_as_western_text(text[:8192]):
        raise ArticleError(
            f"{name}: not UTF-8 and not readable as Windows-1252 text either "
            "(a binary file, or another encoding: save it as UTF-8)"
        )
    return text


def _reads_as_western_text(sample: str) -> bool:
    """Windows-1252 turns any bytes into characters; real Western text is mostly ASCII.

    An English, French or German article read that way has far more ASCII letters than
    accented ones; random or binary bytes do not.
    """
    letters = [c for c in sample if c.isalpha()]
    ascii_letters = sum(1 for c in letters if c.isascii())
    return len(letters) > 0 and ascii_letters >= 0.7 * len(letters)


_STRAY_HANDLER = "factcheck-stray-cp1252"
# Stray bytes a UTF-8 file may hold and still be read as UTF-8, beyond one per UTF-8 character.
_FEW_STRAY_BYTES = 8
# Each byte as Windows-1252 reads it, latin-1 for the five bytes cp1252 leaves undefined.
_CP1252_BYTE = tuple(
    bytes([b]).decode("cp1252", errors="ignore") or bytes([b]).decode("latin-1") for b in range(256)
)


def _stray_bytes_as_cp1252(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: each byte that is not UTF-8 read on its own as Windows-1252."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return "".join(_CP1252_BYTE[b] for b in exc.object[exc.start : exc.end]), exc.end


codecs.register_error(_STRAY_HANDLER, _stray_bytes_as_cp1252)


def _decode_mixed(data: bytes) -> str:
    """UTF-8 with a per-byte Windows-1252 fallback, or legacy as a whole when not UTF-8."""
    text = data.decode("utf-8-sig", errors=_STRAY_HANDLER)
    # invalid sequences: what "replace" marks, less the U+FFFD characters really in the file
    stray = data.decode("utf-8", errors="replace").count("\ufffd") - data.count(b"\xef\xbf\xbd")
    utf8_chars = sum(1 for ch in text if ch > "\x7f") - stray
    if utf8_chars > 0 and stray <= max(_FEW_STRAY_BYTES, utf8_chars):
        return text
    return _legacy(data)


def _legacy(data: bytes) -> str:
    # Old newsroom files are often Windows-1252 (a lone 0xA3 is "£"); it maps every
    # byte except five, which latin-1 then covers.
    return data.decode("cp1252") if _is_cp1252(data) else data.decode("latin-1")


def _is_cp1252(data: bytes) -> bool:
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def _looks_like_html(raw: str) -> bool:
    head = raw.lstrip()[:500].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head)


def parse_text(
    raw: str,
    *,
    fmt: str = "txt",
    published: date | None = None,
    title: str | None = None,
    source_path: str | None = None,
) -> ArticleText:
    """Clean in-memory article text (txt, md or html) into an ArticleText."""
    if fmt not in ("txt", "md", "html"):
        raise ArticleError(f"unsupported article format {fmt!r} (use txt, md or html)")
    meta: dict[str, str] = {}
    if fmt == "html":
        body, meta = _from_html(raw)
    else:
        body, meta = _split_header(raw.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff"))
        if fmt == "md":
            body = _strip_markdown(body)
    lines = _clean_lines(body)
    head = title or meta.get("title") or _first_line(lines)
    lines = _collapse_headlines(lines, head)
    text = "\n".join(lines).strip("\n")
    if fmt == "html" and head and not text.startswith(head):
        text = f"{head}\n\n{text}" if text else head
    if not text.strip():
        raise ArticleError(f"{source_path or 'article'}: no article text found")
    return ArticleText(
        title=head or text.split("\n", 1)[0][:200],
        text=text,
        published=published or _parse_date(meta.get("published")),
        url=meta.get("url") or None,
        outlet=meta.get("outlet") or None,
        author=meta.get("author") or None,
        source_path=source_path,
    )


def _split_header(raw: str) -> tuple[str, dict[str, str]]:
    """Front matter (--- ... ---) or leading `Key: value` lines, removed from the body."""
    meta: dict[str, str] = {}
    stripped = raw.lstrip("\n")
    if stripped.startswith("---\n"):
        end = stripped.find("\n---", 4)
        if end != -1:
            for line in stripped[4:end].split("\n"):
                _header_item(line, meta)
            rest = stripped[end + 4 :]
            return rest.split("\n", 1)[1] if "\n" in rest else "", meta
    lines = stripped.split("\n")
    consumed = 0
    for line in lines:
        if not line.strip():
            if meta:
                consumed += 1
                continue
            break
        if not _header_item(line, meta):
            break
        consumed += 1
    if not meta:
        return raw, {}
    return "\n".join(lines[consumed:]), meta


def _header_item(line: str, meta: dict[str, str]) -> bool:
    m = _HEADER_LINE.match(line)
    if not m or m.group(1).lower() not in _HEADER_KEYS:
        return False
    value = m.group(2).strip().strip("\"'")
    key = _HEADER_KEYS[m.group(1).lower()]
    meta.setdefault(key, value)
    return True


def _strip_markdown(body: str) -> str:
    out = []
    for line in body.split("\n"):
        line = _MD_HEADING.sub("", line)
        line = _MD_LINK.sub(r"\1", line)
        line = _MD_EMPHASIS.sub(r"\2", line)
        out.append(line)
    return "\n".join(out)


def _clean_lines(body: str) -> list[str]:
    """Trailing spaces off, boilerplate lines out, runs of blank lines made one."""
    out: list[str] = []
    for line in body.split("\n"):
        line = line.rstrip().replace("\u00a0", " ")
        if line and len(line) <= 60 and _BOILERPLATE.match(line):
            continue
        if not line.strip():
            if out and out[-1] != "":
                out.append("")
            continue
        out.append(line)
    while out and out[-1] == "":
        out.pop()
    return out


def _first_line(lines: list[str]) -> str:
    for line in lines:
        if line.strip():
            return line.strip()
    return ""


def _collapse_headlines(lines: list[str], head: str) -> list[str]:
    """A headline repeated (as pasted pages often do) is kept once, where it first stood."""
    if not head:
        return lines
    key = head.strip().casefold()
    out: list[str] = []
    seen = False
    for line in lines:
        if line.strip().casefold() == key:
            if seen:
                continue
            seen = True
        if line == "" and out and out[-1] == "":
            continue
        out.append(line)
    return out


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        pass
    import dateparser

    try:
        parsed = dateparser.parse(value, languages=["en"])
    except Exception:
        return None
    return parsed.date() if parsed else None


def _from_html(raw: str) -> tuple[str, dict[str, str]]:
    """Body, title, author, date and site of a saved page, by trafilatura (imported lazily)."""
    try:
        import trafilatura
    except ImportError as exc:  # pragma: no cover - a broken install
        raise ArticleError(f"cannot read HTML articles: {exc}") from None
    doc = trafilatura.bare_extraction(
        raw, include_comments=False, include_tables=False, with_metadata=True, favor_precision=True
    )
    if doc is None:
        raise ArticleError("no article text found in the HTML page")
    get = doc.get if isinstance(doc, dict) else lambda key: getattr(doc, key, None)
    body = get("text") or ""
    meta = {
        key: str(value)
        for key, value in (
            ("title", get("title")),
            ("author", get("author")),
            ("published", get("date")),
            ("url", get("url")),
            ("outlet", get("sitename")),
        )
        if value
    }
    return body, meta
