"""Word lists written as one space-separated string, for readability of long lists."""

from __future__ import annotations


def wordset(text: str) -> frozenset[str]:
    """The words of `text` as a set: `wordset("he she it")`."""
    return frozenset(text.split())
