"""Stored quantities and time references in words a reviewer reads at a glance.

One wording for the CLI, the TUI and the reports, so "at least 1,000,000 foreigners"
reads the same everywhere.
"""

from __future__ import annotations

from typing import Any

_BOUND_WORDS = {"lower": "at least ", "upper": "at most ", "approx": "about "}


def number_text(value: Any) -> str:
    """Digits grouped, at most three decimals: "£8.2bn" is stored as 8199999999.999999
    (binary floats) and shows as 8,200,000,000, a third as 33.333."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    whole = round(value)
    if abs(value - whole) <= 1e-9 * max(1.0, abs(value)):
        return f"{whole:,}"
    return f"{value:,.3f}".rstrip("0").rstrip(".")


def quantity_text(q: dict[str, Any]) -> str:
    """'at least 1,000,000 foreigners ("over a million foreigners")'; a range reads
    "between 40 and 50 percent" when its first figure is a floor, "about 4 to 5 days"."""
    bound = _BOUND_WORDS.get(str(q.get("bound")), "")
    shown = number_text(q.get("value"))
    if q.get("value_max") is not None:
        if q.get("bound") == "lower":
            bound, shown = "between ", f"{shown} and {number_text(q['value_max'])}"
        else:
            shown += f" to {number_text(q['value_max'])}"
    unit = f" {q['unit']}" if q.get("unit") else ""
    said = f' ("{q["text"]}")' if q.get("text") else ""
    return f"{bound}{shown}{unit}{said}"


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
