"""Stored quantities and time references in words a reviewer reads at a glance.

One wording for the CLI, the TUI and the reports, so "at least 1,000,000 foreigners"
reads the same everywhere.
"""

from __future__ import annotations

from typing import Any

_BOUND_WORDS = {"lower": "at least ", "upper": "at most ", "approx": "about "}


def number_text(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,g}"


def quantity_text(q: dict[str, Any]) -> str:
    """'at least 1,000,000 foreigners ("over a million foreigners")'."""
    shown = number_text(q.get("value"))
    if q.get("value_max") is not None:
        shown += f" to {number_text(q['value_max'])}"
    unit = f" {q['unit']}" if q.get("unit") else ""
    said = f' ("{q["text"]}")' if q.get("text") else ""
    return f"{_BOUND_WORDS.get(str(q.get('bound')), '')}{shown}{unit}{said}"


def time_text(t: dict[str, Any]) -> str:
    """'"two years ago" → 2016 (year)', or '2 years before publication' when undated."""
    expression = t.get("expression") or ""
    years = t.get("years_before_publication")
    if t.get("date"):
        grain = f" ({t['granularity']})" if t.get("granularity") else ""
        resolved = f"{t['date']}{grain}"
    elif years is not None:
        span = abs(years)
        side = "before" if years > 0 else "after"
        resolved = (
            "the publication year"
            if years == 0
            else f"{span} year{'s' * (span != 1)} {side} publication (no publication date set)"
        )
    else:
        resolved = "unresolved"
    return f'"{expression}" → {resolved}'
