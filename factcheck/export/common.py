"""Helpers every format shares: which links may become links, how times print,
how a claim stream splits by article.

Reports are read in browsers and spreadsheets, so user text is hostile until proven
otherwise: a source URL becomes a clickable link only when it is a plain absolute
http(s) URL. Anything else (`javascript:`, `data:`, a relative path, text with
spaces or control characters that browsers would strip) is shown as text.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any, Protocol, TypeVar
from urllib.parse import urldefrag

import orjson

if TYPE_CHECKING:
    from factcheck.export.loader import ArticleRecord

# An absolute http(s) URL with a non-empty authority, and no whitespace or control
# characters anywhere: browsers strip some of them before reading the scheme, which
# is how "java\tscript:" slips past naive checks. One regex, no urlsplit: reports
# check a few hundred thousand source URLs.
_HTTP_URL = re.compile(
    r"https?://[^\s\x00-\x1f\x7f-\x9f/?#\\]+(?:[/?#][^\s\x00-\x1f\x7f-\x9f]*)?",
    re.IGNORECASE,
)


def safe_http_url(url: str | None) -> str | None:
    """The URL if it may become an href (absolute http or https with a host), else None."""
    if url and _HTTP_URL.fullmatch(url):
        return url
    return None


def claim_anchor(claim_id: int) -> str:
    """The fragment id of a claim in the HTML report (ClaimReview urls point at it)."""
    return f"claim-{claim_id}"


def claim_url(report_url: str, claim_id: int) -> str:
    """The report URL plus the claim's anchor; a bare anchor when no report URL is set."""
    base = urldefrag(report_url.strip())[0] if report_url else ""
    return f"{base}#{claim_anchor(claim_id)}"


def iso(value: datetime | date | str | None) -> str | None:
    """ISO 8601. Loader timestamps are already ISO text in UTC and pass through."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return value.isoformat(timespec="seconds") + "+00:00"
        return value.astimezone(UTC).isoformat(timespec="seconds")
    return value.isoformat()


def day(value: datetime | date | str | None) -> str:
    """A date for people: 2026-03-01 (timestamps lose their time)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value[:10]
    if isinstance(value, datetime):
        return value.date().isoformat()
    return value.isoformat()


def one_line(text: str | None) -> str:
    """Collapse runs of whitespace (claims and titles are single-line in reports)."""
    return " ".join((text or "").split())


class _InArticle(Protocol):
    @property
    def article(self) -> ArticleRecord: ...


_T = TypeVar("_T", bound=_InArticle)


def by_article(claims: Iterable[_T]) -> Iterator[tuple[ArticleRecord, Iterator[_T]]]:
    """Group a claim stream by article; each group must be consumed before the next."""
    for _aid, group in itertools.groupby(claims, key=lambda c: c.article.id):
        first = next(group)
        yield first.article, itertools.chain((first,), group)  # noqa: B031


def json_value(raw: Any, empty: Any) -> Any:
    """A JSON column read raw: SQLite gives the stored text, psycopg decoded objects."""
    if raw is None:
        return empty
    if isinstance(raw, str):
        return empty if raw in ("[]", "{}", "null") else orjson.loads(raw)
    return raw


def json_text(raw: Any, empty: str) -> str:
    """A JSON column read raw, as JSON text for a writer (no decode-encode round trip)."""
    if raw is None:
        return empty
    if isinstance(raw, str):
        return raw
    return dumps(raw)


def dumps(value: Any) -> str:
    """Compact JSON text. orjson: a claim with its history in 2 µs, not json's 20 µs."""
    return orjson.dumps(value).decode()


def revision_line(article: Any) -> str:
    """Which text of a corrected article the report covers ('' for an unrevised one)."""
    if getattr(article, "revision", 1) <= 1:
        return ""
    when = day(article.revised_at)
    return f"covers revision {article.revision}" + (f" (revised {when})" if when else "")
