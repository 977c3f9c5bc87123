"""The list of report formats: a format joins by adding one module that registers itself.

Format modules live next to this file and call `register(...)` at import time.
`available_formats()` imports every sibling module that is not infrastructure, so
adding `factcheck/export/<name>.py` is the whole job; nothing else lists formats.
Format modules must import only the standard library at module level (the CLI lists
formats in its help and must stay light); they import the database loader inside
their writer functions.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

from factcheck.errors import InvalidInput

if TYPE_CHECKING:
    from factcheck.export.loader import Report

# Writes the report to `out` and returns the number of claims written.
Writer = Callable[["Report", TextIO], int]

# Sibling modules that are machinery, not formats: discovery skips them.
_INFRASTRUCTURE = frozenset({"registry", "loader", "api", "common"})


@dataclass(frozen=True, slots=True)
class FormatInfo:
    name: str
    description: str
    extension: str  # without the dot, e.g. "md"


@dataclass(frozen=True, slots=True)
class _Entry:
    info: FormatInfo
    writer: Writer
    order: int


_formats: dict[str, _Entry] = {}
_discovered = False


def register(
    name: str, *, description: str, extension: str, order: int = 100
) -> Callable[[Writer], Writer]:
    """Decorator for a format's writer; `order` places it in menus (lower first)."""

    def decorate(writer: Writer) -> Writer:
        existing = _formats.get(name)
        if existing is not None and existing.writer is not writer:
            raise RuntimeError(f"export format {name!r} registered twice")
        _formats[name] = _Entry(FormatInfo(name, description, extension), writer, order)
        return writer

    return decorate


def _discover() -> None:
    global _discovered
    if _discovered:
        return
    import factcheck.export as package

    for module in pkgutil.iter_modules(package.__path__):
        if module.name.startswith("_") or module.name in _INFRASTRUCTURE:
            continue
        importlib.import_module(f"{package.__name__}.{module.name}")
    _discovered = True


def available_formats() -> list[FormatInfo]:
    """Every registered format, in menu order."""
    _discover()
    entries = sorted(_formats.values(), key=lambda e: (e.order, e.info.name))
    return [e.info for e in entries]


def get_writer(name: str) -> tuple[FormatInfo, Writer]:
    """The format called `name`, or InvalidInput naming the ones that exist."""
    _discover()
    entry = _formats.get(name.strip().lower())
    if entry is None:
        names = ", ".join(f.name for f in available_formats())
        raise InvalidInput(f"unknown export format {name!r}; choose one of: {names}")
    return entry.info, entry.writer


def format_for_extension(extension: str) -> FormatInfo | None:
    """The format whose usual file extension is `extension` (for `-o report.html`)."""
    ext = extension.lower().lstrip(".")
    aliases = {"htm": "html", "markdown": "md"}
    ext = aliases.get(ext, ext)
    for info in available_formats():
        if info.extension == ext:
            return info
    return None
