"""How statuses and kinds look, shared by the table, the detail pane and the article view.

Badges carry their own foreground and background so they read the same on the dark
and the light theme.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

STATUS_ORDER: tuple[str, ...] = (
    "new",
    "to_check",
    "researching",
    "in_review",
    "approved",
    "dismissed",
)

STATUS_LABELS: dict[str, str] = {
    "new": "new",
    "to_check": "to check",
    "researching": "researching",
    "in_review": "in review",
    "approved": "approved",
    "dismissed": "dismissed",
}

STATUS_HINTS: dict[str, str] = {
    "new": "found by the segmenter, nobody has looked at it",
    "to_check": "worth checking, waiting for a researcher",
    "researching": "a reviewer is gathering sources and writing a verdict",
    "in_review": "submitted, waiting for a second reviewer to approve",
    "approved": "verdict signed off, goes into reports",
    "dismissed": "not worth checking (with a reason)",
}

_BADGE: dict[str, Style] = {
    "new": Style(color="#000000", bgcolor="#b4bcc8"),
    "to_check": Style(color="#000000", bgcolor="#e8c06a"),
    "researching": Style(color="#000000", bgcolor="#6cb4f0"),
    "in_review": Style(color="#000000", bgcolor="#cf8fe6"),
    "approved": Style(color="#000000", bgcolor="#8fd07a"),
    "dismissed": Style(color="#000000", bgcolor="#8a8a8a", strike=True),
}

# The claim currently selected in the article view: the badge, reversed and bold.
CURRENT = Style(bold=True, reverse=True, underline=True)

KINDS: tuple[str, ...] = (
    "quantity",
    "comparison",
    "causal",
    "fact",
    "temporal",
    "personal",
    "opinion",
    "prediction",
)


# A claim touched by a later revision of its article: its review may no longer hold.
REVISION_FLAG = Style(color="#d7875f", bold=True)


def revision_flag(withdrawn: bool, changed_since_review: bool) -> str:
    """The marker the table and the article view put before a claim a revision touched."""
    if withdrawn:
        return "withdrawn"
    if changed_since_review:
        return "changed"
    return ""


def status_style(status: str) -> Style:
    return _BADGE.get(status, Style())


def status_badge(status: str, width: int = 0) -> Text:
    label = STATUS_LABELS.get(status, status)
    return Text(f" {label} ".ljust(width), style=status_style(status))


def status_label(status: str) -> str:
    return STATUS_LABELS.get(status, status)


def ellipsize(text: str, width: int) -> str:
    """One line of at most `width` cells: claim text may hold newlines and be long."""
    flat = " ".join(text.split())
    if width <= 1:
        return flat[:width]
    return flat if len(flat) <= width else flat[: width - 1] + "…"
