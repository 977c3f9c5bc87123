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
# Irregular past forms that end a clause's search for its verb ("rose", "put", "became")
IRREGULAR_PAST = (
    "won", "held", "made", "took", "set", "led", "lost", "paid", "sold", "left", "kept", "grew",
    "rose", "fell", "went", "came", "gave", "got", "saw", "hit", "cut", "put", "ran", "beat",
    "become", "became", "wrote", "began", "begun", "spent", "found", "built", "bought",
    "brought", "told", "met", "sent", "fought", "chose", "drew", "drove", "flew", "knew",
    "struck", "threw", "burst", "broke", "fled", "sought", "quit",
)  # fmt: skip
# The speaker's own words about themselves: "We got a new computer", "I've dealt with this"
FIRST_PERSON = (
    "I", "I'm", "I've", "I'd", "we", "We", "we're", "We're", "we've", "We've", "my", "My", "our",
    "Our",
)  # fmt: skip
