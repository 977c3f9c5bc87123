"""What counts as a source: an http(s) URL with a host, and a stance.

Validation is pure and cheap (no network): the TUI calls it on every keystroke.
Anything that is not plainly a web address is refused, `javascript:` and
`data:` included, because a report renders these URLs as links.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

from factcheck.errors import InvalidInput
from factcheck.store.models import Stance

MAX_URL_LENGTH = 2000
MAX_TITLE_LENGTH = 500
STANCES: tuple[str, ...] = tuple(s.value for s in Stance)

# A host name: labels of letters (any script), digits and hyphens, separated by dots.
_HOST_LABEL = re.compile(r"^(?!-)[\w-]{1,63}(?<!-)$", re.UNICODE)
_IPV6 = re.compile(r"^[0-9A-Fa-f:.]+$")
_FORBIDDEN = re.compile(r"[\s\x00-\x1f\x7f<>\"\\^`{|}]")


def validate_source_url(url: str) -> str:
    """The URL normalized (scheme and host lowercased, empty path as '/'), or InvalidInput.

    Two spellings of the same address normalize to the same string, which is what
    the "same URL twice" rule compares.
    """
    value = url.strip()
    if not value:
        raise InvalidInput("a source needs a URL")
    if len(value) > MAX_URL_LENGTH:
        raise InvalidInput(f"the URL is longer than {MAX_URL_LENGTH} characters")
    bad = _FORBIDDEN.search(value)
    if bad:
        shown = "a space" if bad.group().isspace() else repr(bad.group())
        raise InvalidInput(f"the URL contains {shown}; paste the address exactly")
    try:
        parts = urlsplit(value)
    except ValueError as exc:
        raise InvalidInput(f"not a valid URL: {exc}") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        shown = f"'{scheme}:'" if scheme else "no scheme"
        raise InvalidInput(
            f"a source must be an http:// or https:// address (this one has {shown})"
        )
    if "@" in parts.netloc:
        raise InvalidInput("the URL contains a user name or password; remove it")
    host = parts.hostname or ""
    if not host:
        raise InvalidInput("the URL has no host (expected https://example.org/...)")
    _check_host(host)
    try:
        port = parts.port
    except ValueError:
        raise InvalidInput("the URL has an invalid port") from None
    netloc = f"[{host}]" if ":" in host else host
    if port is not None:
        netloc = f"{netloc}:{port}"
    path = parts.path or "/"
    return urlunsplit((scheme, netloc, path, parts.query, parts.fragment))


def _check_host(host: str) -> None:
    if ":" in host:
        if not _IPV6.match(host):
            raise InvalidInput(f"the URL's host {host!r} is not valid")
        return
    labels = host.rstrip(".").split(".")
    if not all(_HOST_LABEL.match(label) and "_" not in label for label in labels):
        raise InvalidInput(f"the URL's host {host!r} is not valid")


def parse_stance(stance: str) -> str:
    """A known stance (supports, refutes, context), case-insensitive, or InvalidInput."""
    value = stance.strip().lower()
    if value not in STANCES:
        raise InvalidInput(f"unknown stance {stance!r}; choose from {', '.join(STANCES)}")
    return value
