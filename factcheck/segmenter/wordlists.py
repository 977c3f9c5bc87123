"""Word lists written as one space-separated string, for readability of long lists."""

from __future__ import annotations


def wordset(text: str) -> frozenset[str]:
    """The words of `text` as a set: `wordset("he she it")`."""
    return frozenset(text.split())


# Calendar words, lower case; a pattern that needs capitals builds them from these.
MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
