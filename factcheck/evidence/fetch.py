"""Fetching a source URL safely: what came back, or a one-line reason it did not.

A source URL is typed by a reviewer or pasted from an article, so the fetcher treats it
as untrusted: http and https only, no redirect to another scheme (an https page may not
send us to http, file: or ftp:), a cap on redirects, connect and read timeouts, a size
limit enforced while streaming (a huge or endless body is cut off, never held in
memory), and no private, loopback or link-local addresses unless
FACTCHECK_ALLOW_PRIVATE_URLS=1 (a newsroom server must not become a way to read its
own intranet). Every host on the way, redirects included, is resolved and every address
checked.

Known gap: the address is checked when resolved here and resolved again by the HTTP
client when it connects; a host that answers DNS differently within that moment
(DNS rebinding) is not caught.

Nothing here raises for a network problem: `fetch` returns a `FetchResult` whose
`error` says "not fetched: ..." so the caller can store it and retry later.
"""

from __future__ import annotations

import ipaddress
import os
import socket
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from factcheck import __version__

ALLOW_PRIVATE_ENV = "FACTCHECK_ALLOW_PRIVATE_URLS"
# Working offline (a plane, a locked-down laptop, the test suite): sources are kept
# with "not fetched: offline" and fetched later with `factcheck sources fetch`.
OFFLINE_ENV = "FACTCHECK_OFFLINE"
MAX_BYTES_ENV = "FACTCHECK_MAX_SOURCE_BYTES"
DEFAULT_MAX_BYTES = 20_000_000
DEFAULT_CONNECT_TIMEOUT = 10.0
DEFAULT_READ_TIMEOUT = 20.0
MAX_REDIRECTS = 10
USER_AGENT = f"factcheck/{__version__} (+fact-check source snapshot)"
_ACCEPT = (
    "text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8,text/csv;q=0.8,"
    "*/*;q=0.5"
)
_REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True)
class FetchOptions:
    """Limits for one fetch; the defaults suit newsroom sources (reports, pages, PDFs)."""

    connect_timeout: float = DEFAULT_CONNECT_TIMEOUT
    read_timeout: float = DEFAULT_READ_TIMEOUT
    max_bytes: int = DEFAULT_MAX_BYTES
    max_redirects: int = MAX_REDIRECTS
    allow_private: bool | None = None  # None: read FACTCHECK_ALLOW_PRIVATE_URLS

    @classmethod
    def from_environment(cls) -> FetchOptions:
        raw = os.environ.get(MAX_BYTES_ENV, "").strip()
        try:
            limit = max(1, int(float(raw))) if raw else DEFAULT_MAX_BYTES
        except ValueError:
            limit = DEFAULT_MAX_BYTES
        return cls(max_bytes=limit)


@dataclass(frozen=True)
class FetchResult:
    """What one fetch produced. `body` is None whenever `error` is set."""

    requested_url: str
    final_url: str | None = None
    status_code: int | None = None
    content_type: str | None = None  # media type only, lower case ("text/html")
    charset: str | None = None
    body: bytes | None = None
    redirects: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and self.body is not None


class _Refused(Exception):
    """A reason not to fetch, already worded for the reviewer."""


def private_urls_allowed() -> bool:
    return os.environ.get(ALLOW_PRIVATE_ENV, "").strip().lower() in ("1", "true", "yes", "on")


def check_address(url: str, *, allow_private: bool | None = None) -> None:
    """Raise _Refused unless `url` is http(s) with a host that resolves to public addresses."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise _Refused(f"only http and https addresses are fetched (not {parts.scheme or '?'}:)")
    host = parts.hostname
    if not host:
        raise _Refused("the address has no host")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise _Refused("the address has an invalid port") from None
    allowed = private_urls_allowed() if allow_private is None else allow_private
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise _Refused(f"host {host} not found") from None
    if allowed:
        return
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if _is_internal(address):
            raise _Refused(
                f"{host} is a private or local address ({address}); "
                f"set {ALLOW_PRIVATE_ENV}=1 to allow it"
            )


def _is_internal(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
        or not address.is_global
    )


def _megabytes(n: int) -> str:
    return f"{n / 1e6:g} MB"


def offline() -> bool:
    return os.environ.get(OFFLINE_ENV, "").strip().lower() in ("1", "true", "yes", "on")


def fetch(url: str, options: FetchOptions | None = None) -> FetchResult:
    """GET `url`, following redirects by hand; never raises for network trouble."""
    if offline():
        return _failed(url, url, [], f"offline ({OFFLINE_ENV}=1)")
    import httpx

    opts = options or FetchOptions.from_environment()
    timeout = httpx.Timeout(
        connect=opts.connect_timeout,
        read=opts.read_timeout,
        write=opts.read_timeout,
        pool=opts.connect_timeout,
    )
    redirects: list[dict[str, Any]] = []
    current = url
    try:
        with httpx.Client(
            timeout=timeout,
            follow_redirects=False,
            headers={"User-Agent": USER_AGENT, "Accept": _ACCEPT},
            trust_env=False,  # no proxy from the environment: the address check must hold
        ) as client:
            for _ in range(opts.max_redirects + 1):
                check_address(current, allow_private=opts.allow_private)
                with client.stream("GET", current) as response:
                    location = response.headers.get("location")
                    if response.status_code in _REDIRECT_CODES and location:
                        target = urljoin(current, location.strip())
                        _check_redirect(current, target)
                        redirects.append({"status": response.status_code, "url": target})
                        current = target
                        continue
                    return _read(url, current, response, redirects, opts)
            raise _Refused(f"more than {opts.max_redirects} redirects")
    except _Refused as exc:
        return _failed(url, current, redirects, str(exc))
    except httpx.TimeoutException:
        return _failed(url, current, redirects, "timed out")
    except httpx.ConnectError as exc:
        return _failed(url, current, redirects, f"cannot connect ({_reason(exc)})")
    except httpx.TooManyRedirects:
        return _failed(url, current, redirects, f"more than {opts.max_redirects} redirects")
    except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError) as exc:
        return _failed(url, current, redirects, f"{type(exc).__name__} ({_reason(exc)})")


def _check_redirect(current: str, target: str) -> None:
    before = urlsplit(current).scheme
    after = urlsplit(target).scheme
    if after == before or (before, after) == ("http", "https"):
        return
    raise _Refused(f"refused a redirect from {before}: to {after or 'no scheme'}: ({target})")


def _read(
    requested: str,
    final: str,
    response: Any,
    redirects: list[dict[str, Any]],
    opts: FetchOptions,
) -> FetchResult:
    """Status, type and body (streamed up to the size limit) of the last response."""
    media, charset = _content_type(response.headers.get("content-type"))
    base = {
        "requested_url": requested,
        "final_url": final,
        "status_code": response.status_code,
        "content_type": media,
        "charset": charset,
        "redirects": redirects,
    }
    if response.status_code >= 400:
        phrase = f" {response.reason_phrase}" if response.reason_phrase else ""
        return FetchResult(**base, error=f"not fetched: HTTP {response.status_code}{phrase}")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > opts.max_bytes:
        return FetchResult(**base, error=_too_large(opts.max_bytes))
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > opts.max_bytes:
            return FetchResult(**base, error=_too_large(opts.max_bytes))
        chunks.append(chunk)
    return FetchResult(**base, body=b"".join(chunks))


def _too_large(limit: int) -> str:
    return f"not fetched: larger than the {_megabytes(limit)} limit (${MAX_BYTES_ENV})"


def _content_type(header: str | None) -> tuple[str | None, str | None]:
    if not header:
        return None, None
    media, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'").lower()
    return media.strip().lower() or None, charset


def _failed(requested: str, current: str, redirects: list[dict[str, Any]], why: str) -> FetchResult:
    return FetchResult(
        requested_url=requested,
        final_url=current if redirects else None,
        redirects=redirects,
        error=f"not fetched: {why}",
    )


def _reason(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:200]
