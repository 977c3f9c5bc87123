"""Numbers in claims: value, bound and unit, read with regular expressions.

Why hand-written: quantulum3 and spaCy run at about 0.03 MB/s, thirty times slower than
the whole pipeline may take, and news numbers come in a small set of shapes (digits
with separators, scale words, currency signs, number words, ranges, percentages).
Years such as "1999" are time references, not quantities: `times.py` reads them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from factcheck.segmenter.types import Bound, Quantity
from factcheck.segmenter.wordlists import MONTH_NAMES, wordset

_MONTH_ALT = "|".join(MONTH_NAMES)

_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "a dozen": 12, "dozen": 12, "half": 0.5,
    "a hundred": 100, "a thousand": 1000, "a million": 1e6, "a billion": 1e9,
    "a trillion": 1e12, "half a million": 5e5, "half a billion": 5e8, "a quarter": 0.25,
    "a quarter of a million": 2.5e5, "a quarter of a billion": 2.5e8,
    "twice": 2, "tenfold": 10,
}  # fmt: skip
_SCALE = {
    "hundred": 1e2, "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "tr": 1e12,
}  # fmt: skip
_CURRENCY_SIGNS = {
    "$": "USD", "us$": "USD", "hk$": "HKD", "a$": "AUD", "au$": "AUD", "c$": "CAD",
    "ca$": "CAD", "nz$": "NZD", "s$": "SGD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR",
}  # fmt: skip
_CURRENCY_WORDS = {
    "dollars": "USD", "dollar": "USD", "pounds": "GBP", "pound": "GBP", "euros": "EUR",
    "euro": "EUR", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupees": "INR",
    "rupee": "INR", "francs": "CHF", "rand": "ZAR", "rands": "ZAR", "roubles": "RUB",
    "rubles": "RUB", "rouble": "RUB", "ruble": "RUB", "baht": "THB", "ringgit": "MYR",
    "naira": "NGN", "shekels": "ILS", "zlotys": "PLN", "zloty": "PLN", "forints": "HUF",
    "rupiah": "IDR", "won": "KRW", "kronor": "SEK", "krona": "SEK",
}  # fmt: skip
_LOWER = ("more than", "over", "above", "at least", "upwards of", "in excess of", "just over",
          "greater than", "exceeding", "beyond", "no fewer than", "no less than")  # fmt: skip
_UPPER = ("less than", "fewer than", "under", "below", "up to", "at most", "just under",
          "no more than", "as many as", "as much as", "a maximum of", "run to", "runs to",
          "running to", "within")  # fmt: skip
_APPROX = ("about", "around", "nearly", "almost", "roughly", "approximately", "some",
           "close to", "closer to", "an estimated", "estimated", "an expected", "circa", "c.",
           "approx.", "getting on for",
           "an average of", "on average", "averaging")  # fmt: skip
# Gold convention: "an average of £40" is an exact reported figure, not a hedge; "closed
# to within five points" is a gap of five, where "within five years" is at most five.
_EXACT_OVERRIDE = ("an average of", "on average", "averaging", "to within")

_WORD_ALT = "|".join(
    sorted((re.escape(w) for w in _SMALL if w not in ("half", "a quarter")), key=len, reverse=True)
)
_SCALE_ALT = r"hundred|thousand|million|billion|trillion|bn|mn|tn|m|k|b"
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
# "HK$327m", "A$648m": dollars of Hong Kong, Australia, Canada, New Zealand, Singapore
_DOLLAR_PREFIX = r"US|HK|AU?|CA?|NZ|S"
_SIGN = rf"(?:(?:{_DOLLAR_PREFIX})\$|\$|£|€|¥|₹)"
# The leading lookahead only restates where a match can begin (a sign, a digit or ".", or
# the start of a number word); it lets the scan skip other positions at a third of the cost.
_NUMBER_START = "|".join(sorted({w[:2] for w in _SMALL if w != "a quarter"}))
_NUMBER_GUARD = rf"(?=[\d.$£€¥₹]|(?:{_DOLLAR_PREFIX})\$|\b(?:{_NUMBER_START}))"
_NUMBER_BODY = (
    rf"(?:(?P<sign>{_SIGN})\s?)?"
    rf"(?:(?P<num>{_NUM})(?:-(?P<compound>{_WORD_ALT}))?|(?P<word>\b(?:{_WORD_ALT})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?\b))"
    r"(?P<half>[-\s]and[-\s]a[-\s]half\b)?"
    rf"(?:\s?(?P<scale>(?:{_SCALE_ALT})\b)|(?P<unitglued>%|GB|MB|TB|kg|km|cm|mm|mph|m\b|s\b|ft\b|g\b|p\b(?!\.m)))?"
    # a range: "3.5 to 4.0%", "US$3bn to US$4bn"; a currency on the second number only,
    # or a percentage on the first only, starts a new figure ("grew 1.3% to $155.8bn",
    # "rose 2.8% to 14.96bn euros")
    rf"(?:\s?(?:to|-|–|and)\s?(?(sign)(?P<sign2>{_SIGN})?|)(?(unitglued)(?=[\d.,]+%))"
    rf"(?P<num2>{_NUM})\s?(?P<scale2>(?:{_SCALE_ALT})\b)?(?P<pct2>%)?)?"
)
_NUMBER_RE = re.compile(_NUMBER_GUARD + _NUMBER_BODY, re.IGNORECASE)
# The same for lower-cased text, without case-blind matching (see _number_matches).
_NUMBER_LOW = re.compile(
    re.sub(r"[A-Z]+(?<!\(\?P)", lambda m: m.group(0).lower(), _NUMBER_RE.pattern)
)
_PERCENT_WORDS = re.compile(r"\s?(?:per\s?cent|percent)\b", re.IGNORECASE)
_YEAR_RE = re.compile(r"^(?:1[5-9]\d\d|20\d\d)$")
# what a letter or sign written right after a number measures ("5GB", "80p"); "P" is none
_GLUED_UNITS: dict[str, str | None] = {"%": "percent", "p": "pence", "P": None}
_DECADE_BEFORE = re.compile(r"\b(?:the|his|her|their|its|early|late|mid-?)\s*\Z", re.IGNORECASE)
_UNIT_WORD = re.compile(r"[A-Za-z][A-Za-z\-’']*")
_UNIT_STOP = wordset(
    "of to in on at for by with from and or but than as the a an that which who whom is are was "
    "were has have had will would could can may be been this these those its their his her per "
    "each every last next after before when while so out since until during about into over "
    "if because I"
)
# Words between a number and what it counts: "50 new aircraft", "two other firms"
_UNIT_SKIP = wordset("new other more extra additional further separate such")
# ordinals, dates like 9/11, clock times, ages ("the 26-year-old" describes, it does not count)
_NOT_QUANTITY_AFTER = re.compile(
    r"(?:st|nd|rd|th)\b|/\d|:\d\d|[-\s](?:year|month|week)s?[-\s]old\b"
    # "10 Downing Street", but "1.5 million square feet" is an area
    r"|\s+[a-z]+\s+(?:street|road|avenue|lane|place|drive|"
    r"square(?!\s+(?:feet|foot|metres|meters|miles|kilometres|km|yards|inches)))\b"
    # "26 February": a day of the month (times.py reads it), and "4 or 5 April"
    rf"|(?:\s+(?:or|and|to)\s+|\s?[-–]\s?)?\d{{1,2}}\s+(?:{_MONTH_ALT})\b|\s+(?:{_MONTH_ALT})\b",
    re.IGNORECASE,
)
# "Wales Under-21 skipper": an age group; "February 26": a day of the month
_NOT_QUANTITY_BEFORE = re.compile(
    rf"(?:\bunder-|\bu-?|\b(?:{_MONTH_ALT})\s+)$",
    re.IGNORECASE,
)
# "the two men", "these three firms": a number word after a determiner points back to
# people or things already named, it counts nothing new; "top ten", "number one" rank.
_NOT_A_COUNT_BEFORE = re.compile(
    r"(?:\b(?:the|these|those|both)\s|\btop\s|\bnumber\s)$", re.IGNORECASE
)
_RANK_BEFORE = re.compile(r"\b(?:top|number|no\.)\s$", re.IGNORECASE)
# "Channel 4", "Radio 1", "Apollo 11", "Article 5": a small number after a capitalised
# word inside a sentence is part of a name (a sentence's first word is capitalised anyway)
_NAME_BEFORE = re.compile(r"(?<=[\w,;:)] )[A-Z][A-Za-z]+ $")
# "200 megabytes of traffic or more", "five years or less": a bound after the figure
_BOUND_AFTER = re.compile(
    r"(?:\s+[^\W\d][\w'’\-]*){0,3}?\s+or\s+(?:(?P<more>more|above|over|higher|greater)|"
    r"(?P<less>less|fewer|under|below|lower))\b"
)
_NAME_AFTER = re.compile(r"\s+[A-Z][a-z]")
_SMALL_PLAIN = re.compile(r"\d{1,3}")
_ANAPHORIC_WORDS = wordset("two three four five six seven eight nine ten")
_ALL_OF_THEM = re.compile(r"\ball\s+[a-z]+\s+(?:are|were|have|had|of|will|would)\b", re.IGNORECASE)
_ONE_FALSE = re.compile(
    r"\bone\s+(?:of|another|day|way|thing|side|hand|time|point|such|who|that|more)\b"
    r"|\b(?:no|any|every|some|the)\s+one\b",
    re.IGNORECASE,
)


_DIGIT = re.compile(r"\d")
_ASCII_DIGITS = "0123456789"


def _has_digit(text: str) -> bool:
    """Whether `text` holds a digit (`\\d`), answered for ASCII text (nearly all, and
    `str.isascii` costs nothing) by ten substring searches, faster than the regex."""
    if text.isascii():
        return any(map(text.__contains__, _ASCII_DIGITS))
    return _DIGIT.search(text) is not None


_WORD_HINTS = tuple(f" {w.split()[-1]}" for w in _SMALL)


_Trie = dict[str, "_Trie"]  # a letter to the rest of the words; "" ends a word


def _trie_pattern(words: set[str]) -> str:
    """A regex matching the longest of `words` that starts where it is tried. Written as
    a trie ("j(?:an(?:uary)?|u...)") so that a failing position costs a letter or two,
    where an alternation of the words tries every word."""
    tree: _Trie = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: _Trie) -> str:
        branches = [re.escape(char) + emit(sub) for char, sub in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body  # greedy: the longer word first

    return emit(tree)


# `any(h in low for h in _WORD_HINTS)` as one scan: after each space, a trie of the words.
_WORD_HINT_SCAN = re.compile(" " + _trie_pattern({h[1:] for h in _WORD_HINTS}))


@dataclass(frozen=True, slots=True)
class Found:
    """A quantity with where it sits in the text it was read from."""

    quantity: Quantity
    start: int
    end: int


def _to_number(raw: str) -> float:
    return float(raw.replace(",", ""))


def _count_value(count: str) -> float:
    """ "10", "1,000" or "ten" as a number."""
    return float(count.replace(",", "")) if count[:1].isdigit() else _word_value(count)


def _word_value(word: str) -> float:
    word = word.lower()
    if "-" in word and word not in _SMALL:
        tens, _, unit = word.partition("-")
        return _SMALL.get(tens, 0) + _SMALL.get(unit, 0)
    return float(_SMALL.get(word, 0))


# Bound words in the order they are tried: by group, longest first within a group.
_BOUND_WORDS: tuple[tuple[tuple[str, ...], Bound], ...] = (
    (_EXACT_OVERRIDE, "exact"), (_LOWER, "lower"), (_UPPER, "upper"), (_APPROX, "approx"),
)  # fmt: skip
_BOUND_GROUPS = tuple(
    (tuple(sorted(words, key=len, reverse=True)), bound) for words, bound in _BOUND_WORDS
)
_ALL_BOUND_WORDS = tuple(w for words, _ in _BOUND_GROUPS for w in words)


def _bound_before(text: str, start: int) -> tuple[Bound, int]:
    """The bound given by the words right before a number, and where those words start."""
    window = text[max(0, start - 24) : start]
    stripped = window.rstrip()
    low = stripped.lower()
    if not low.endswith(_ALL_BOUND_WORDS):
        return "exact", start  # no bound word ends the window: the common case
    for words, bound in _BOUND_GROUPS:
        if not low.endswith(words):
            continue  # none of the group's words ends the window: the common case
        for w in words:
            if low.endswith(w) and (len(low) == len(w) or not low[-len(w) - 1].isalnum()):
                return bound, start - (len(window) - len(stripped)) - len(w)
    return "exact", start


def _unit_after(text: str, end: int) -> tuple[str | None, int]:
    """The counted noun after a number: the first plural among the next words."""
    words = []
    pos = end
    size = len(text)
    for _ in range(5):
        if pos < size and text[pos] not in " -":
            break  # words are read after a space or a hyphen only
        m = _UNIT_WORD.match(text, pos + (1 if pos < size else 0))  # past the space or hyphen
        if not m:
            break
        word = m.group(0).rstrip("’'")  # "two weeks' time": the noun, not its apostrophe
        low = word.lower()
        if not word:
            break
        if low in _UNIT_STOP or ("-" not in low and low.endswith(("ing", "ed"))):
            break
        pos = m.end()
        if low in _UNIT_SKIP:
            continue
        words.append((word, pos))
    if not words:
        return None, end
    if len(words) > 1 and words[0][0].lower() in ("square", "cubic"):
        return f"{words[0][0]} {words[1][0]}", words[1][1]  # "square feet"
    for word, stop in words:
        low = word.lower()
        if low in _CURRENCY_WORDS:
            return _CURRENCY_WORDS[low], stop
        if (len(low) > 2 and _is_plural(word)) or _ACRONYM_PLURAL.fullmatch(word):
            return word.rstrip("’'"), stop
    return words[0][0], words[0][1]


# "34 Labour MPs", "2,000 PCs": the plural of an abbreviation
_ACRONYM_PLURAL = re.compile(r"[A-Z]{2,}s")


def _counted_noun(unit: str) -> bool:
    """A plural noun or a currency: what "3.5m" can count in millions ("3.5m users",
    "3.5m people"), where "the 1500m final" measures metres."""
    return (
        (len(unit) == 3 and unit.isupper())
        or unit in _PLURALS_WITHOUT_S
        or _is_plural(unit)
        or _ACRONYM_PLURAL.fullmatch(unit) is not None
    )


def _is_plural(word: str) -> bool:
    """A lower-case word in -s, not -ss: "users", not "business" or "Nations"."""
    return word[:1].islower() and word.endswith("s") and not word.endswith("ss")


_PLURALS_WITHOUT_S = wordset(
    "people children men women staff aircraft police personnel livestock cattle sheep fish "
    "data viewers"
)


def find_quantities(text: str) -> list[Found]:
    """Every quantity in `text`, in order; never raises on odd input."""
    found = _numbers(text)
    extra = extra_quantities(text)
    if extra:
        # "two-thirds" is a share, not two "thirds"
        found = [f for f in found if not any(e.start < f.end and f.start < e.end for e in extra)]
        found = sorted([*found, *extra], key=lambda f: (f.start, f.end))
    return found


def extra_quantities(text: str) -> list[Found]:
    """Quantities written as no number is: race times ("3:48.82", in seconds) and vague
    counts ("billions of pounds": at least a billion)."""
    found: list[Found] = []
    if ":" in text:
        for m in _RACE_TIME.finditer(text):
            seconds = int(m["min"]) * 60 + float(m["sec"])
            found.append(Found(Quantity(seconds, "exact", "seconds", m.group(0)), *m.span()))
    if "alf" in text or "ird" in text or "rter" in text or "fth" in text:  # half, third, ...
        for m in (*_FRACTION.finditer(text), *_BY_FRACTION.finditer(text)):
            bound, start = _bound_before(text, m.start("frac"))
            share = _FRACTION_PERCENT[" ".join(m["frac"].lower().replace("-", " ").split())]
            quantity = Quantity(share, bound, "percent", text[start : m.end("frac")])
            found.append(Found(quantity, start, m.end("frac")))
    if " in " in text:
        for m in _IN_SHARE.finditer(text):
            n = _SHARE_PART.search(text, max(0, m.start() - 6), m.start())
            if n is None:
                continue
            part, whole = _count_value(n.group(0)), _count_value(m["d"])
            if not 0 < part < whole:
                continue  # "10 in 10", "one in 0"
            share = part / whole * 100
            bound, start = _bound_before(text, n.start())
            found.append(
                Found(Quantity(share, bound, "percent", text[start : m.end()]), start, m.end())
            )
    if "s of" in text or "S OF" in text:  # every _MANY match in ordinary or capital letters
        for m in _MANY.finditer(text):
            value = _MANY_VALUE[m["many"].lower()] * _MANY_VALUE.get((m["times"] or "").lower(), 1)
            unit, end = _unit_after(text, m.end())
            if unit is None:
                continue  # "thousands of" at the end of a clause counts nothing named
            quantity = Quantity(value, "lower", unit, text[m.start() : end].strip())
            found.append(Found(quantity, m.start(), end))
    return found


# "3:48.82", "2:06.73": minutes, seconds and hundredths (a clock time has no fraction)
_RACE_TIME = re.compile(r"(?<![\d:.])(?P<min>\d{1,2}):(?P<sec>[0-5]\d\.\d{1,2})(?![\d:])")
# "sales have risen by a fifth", "cut by almost half": a change by a share
_BY_FRACTION = re.compile(
    r"\bby\s+(?:[a-z]+\s+){0,2}?(?P<frac>a\s+quarter|a\s+third|a\s+fifth|half|two[-\s]thirds|"
    r"three[-\s]quarters)\b(?!\s+(?:of|the|a|an|time|way|century|hour|mile)\b)",
    re.IGNORECASE,
)
# "nearly a quarter said", "more than half of all adults": a share, read as a percentage;
# not "the first half of the season", "a quarter of a century", "a quarter of a million",
# "the three quarters of the year" or "one half of the duo"
_FRACTION = re.compile(
    r"(?<!first )(?<!second )(?<!third )(?<!final )(?<!last )(?<!latter )(?<!other )"
    r"(?<!the )(?<!one )"
    r"\b(?P<frac>[Aa]\s+quarter|[Aa]\s+third|[Aa]\s+fifth|[Hh]alf|[Tt]wo[-\s]thirds|"
    r"[Tt]hree[-\s]quarters)\s+"
    r"(?:of\s+(?!(?:a|an|the|this|that|next|last)\s+(?:century|hour|mile|minute|second|"
    r"year|season|decade|match|game|race|point|cent|term|month|week|day|million|billion|"
    r"thousand|trillion|dozen)\b)"
    r"|(?=(?:said|say|says|were|are|have|had|thought|think|believe|believed)\b)"
    # "just over half the income": a share of what follows, not of a stretch of time
    r"|(?<=[Hh]alf\s)(?=the\s+(?!(?:century|hour|mile|minute|second|year|season|decade|match|"
    r"game|race|time|term|month|week|day|night|way)\b)))"
)
# "one in five workers", "one in 10 US adults": a share, read as a percentage. The scan
# looks for " in " and a denominator (a literal first, which sre finds fast), then for
# the part before it.
_SHARE_PART = re.compile(r"\b(?:[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|\d{1,2})\Z")
_IN_SHARE = re.compile(
    r" in "
    r"(?P<d>two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred|"
    r"(?!(?:1[6-9]\d\d|20\d\d)\b)\d{1,3}(?:,\d{3})*)\b(?![.,]\d)"
    r"(?!\s+(?:years?|months?|weeks?|days?|hours?|minutes?|games?|matches?|races?|seasons?|"
    r"attempts?|starts?|outings?|appearances?|innings|shots?|tries|ties|tests?|rounds?)\b)"
)
_FRACTION_PERCENT = {
    "a quarter": 25.0, "a third": 100 / 3, "a fifth": 20.0, "half": 50.0,
    "two thirds": 200 / 3, "three quarters": 75.0,
}  # fmt: skip
_MANY = re.compile(
    r"\b(?:(?P<times>tens|hundreds)\s+of\s+)?"
    r"(?P<many>dozens|hundreds|thousands|millions|billions)\s+of\b",
    re.IGNORECASE,
)
_MANY_VALUE = {
    "dozens": 12.0, "hundreds": 1e2, "thousands": 1e3, "millions": 1e6, "billions": 1e9,
    "tens": 10.0,
}  # fmt: skip


def _numbers(text: str) -> list[Found]:
    """The quantities written with digits or number words."""
    found: list[Found] = []
    if not _has_digit(text):
        low = " " + text.lower().replace("-", " ")
        if not _WORD_HINT_SCAN.search(low):  # no digit and no number word
            return found
    for m in _number_matches(text):
        try:
            if m.group("num2") is not None:
                if _is_change(text, m):
                    found.extend(_read_change(text, m))
                    continue
                if _is_pair(text, m):
                    found.extend(_read_pair(text, m))
                    continue
            item = _read_match(text, m)
        except (ValueError, OverflowError):
            continue
        if item is not None:
            found.append(item)
    return _currency_carried(text, _word_ranges(text, found)) if len(found) > 1 else found


# "4.3bn rupees ..., against 2.7bn a year earlier": an amount written without its currency
# ("3 billion" written out may count anything; "3bn" in news copy is money)
_SCALED = re.compile(r"\d\s?(?:bn|mn|tn)\Z", re.IGNORECASE)


def _currency_carried(text: str, found: list[Found]) -> list[Found]:
    """`found` with a scaled amount that names no unit given the currency of the amount
    before it ("4.3bn rupees ($98m), against 2.7bn" is 2.7bn rupees: a conversion in
    brackets is not what the sentence counts in)."""
    currency = None
    out = []
    for f in found:
        unit = f.quantity.unit
        if unit is not None:
            if text.count("(", 0, f.start) <= text.count(")", 0, f.start):
                currency = unit if len(unit) == 3 and unit.isupper() else None
        elif currency is not None and _SCALED.search(f.quantity.text):
            f = Found(replace(f.quantity, unit=currency), f.start, f.end)
        out.append(f)
    return out


# "four to five days", "two or three pounds": a range whose unit is written once, after
# its second figure
_RANGE_JOIN = re.compile(r"\s+(?:to|or)\s+", re.IGNORECASE)


def _word_ranges(text: str, found: list[Found]) -> list[Found]:
    """`found` with a figure that has no unit joined to the next one as a range, when
    only "to" or "or" stands between them."""
    out: list[Found] = []
    i = 0
    while i < len(found):
        x = found[i]
        y = found[i + 1] if i + 1 < len(found) else None
        q = x.quantity
        if (
            y is not None
            and q.unit is None
            and q.value_max is None
            and y.quantity.value > q.value
            and not text.startswith("0", y.start)  # "0845 505 or 0800 ...": phone numbers
            and _RANGE_JOIN.fullmatch(text, x.end, y.start) is not None
            and _FROM_BEFORE.search(text, 0, x.start) is None
        ):
            joined = Quantity(
                q.value, "approx" if q.bound == "exact" else q.bound, y.quantity.unit,
                text[x.start : y.end], y.quantity.value,
            )  # fmt: skip
            out.append(Found(joined, x.start, y.end))
            i += 2
            continue
        out.append(x)
        i += 1
    return out


# "rose from 370 to 870 staff": a change, two figures, not a range
_FROM_BEFORE = re.compile(r"\bfrom\s\Z", re.IGNORECASE)
# "lost more than $2 to $43.25": the move, then the level it reached
_MOVE_BEFORE = re.compile(
    r"\b(?:lost|fell|dropped|slipped|shed|declined|rose|gained|climbed|added|jumped|soared|"
    r"rallied|surged)\s+(?:(?:more\s+than|less\s+than|over|under|about|around|nearly|almost|"
    r"by|some|just)\s+)?\Z",
    re.IGNORECASE,
)


def _is_change(text: str, m: re.Match[str]) -> bool:
    """Whether a range match "X to Y" is a change: "from X to Y", or a move written with a
    currency on both figures ("lost $2 to $43.25"), where "rose 10 to 15%" stays a range."""
    if _FROM_BEFORE.search(text, 0, m.start()):
        return True
    return m.group("sign2") is not None and bool(
        _MOVE_BEFORE.search(text, max(0, m.start() - 40), m.start())
    )


_TO = re.compile(r"\s?to\s?", re.IGNORECASE)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s\Z", re.IGNORECASE)
_FIRST_FIGURE = ("num", "word", "compound", "half", "scale", "unitglued")


def _figure_ends(m: re.Match[str]) -> tuple[int, int]:
    """Where the first figure of a range match ends and the second begins."""
    first_end = max(m.end(g) for g in _FIRST_FIGURE if m.group(g) is not None)
    return first_end, m.start("sign2") if m.group("sign2") else m.start("num2")


def _is_pair(text: str, m: re.Match[str]) -> bool:
    """Whether a range match "X and Y" is two figures: a range takes "between" ("between
    10 and 12"); "cost £3bn and 2m people lost" counts two things."""
    return _AND_BEFORE.search(text, m.start(), _figure_ends(m)[1]) is not None and (
        _BETWEEN_BEFORE.search(text, max(0, m.start() - 8), m.start()) is None
    )


_AND_BEFORE = re.compile(r"\band\s?\Z", re.IGNORECASE)


def _read_pair(text: str, m: re.Match[str]) -> list[Found]:
    """Each figure of "X and Y" read on its own."""
    first_end, second_start = _figure_ends(m)
    found = []
    for match in (m.re.match(m.string, m.start(), first_end), m.re.match(m.string, second_start)):
        item = _read_match(text, match) if match is not None else None
        if item is not None:
            found.append(item)
    return found


def _read_change(text: str, m: re.Match[str]) -> list[Found]:
    """Both figures of a change ("rose from 370 to 870 staff", "from 30% to 29%", "lost $2
    to $43.25"), the unit written once serving both; other connectors keep the range
    ("from 3-4%")."""
    first = _read_match(text, m)
    first_end, second_start = _figure_ends(m)
    if first is None or _TO.fullmatch(text, first_end, second_start) is None:
        return [first] if first is not None else []
    second_match = m.re.match(m.string, second_start)
    second = _read_match(text, second_match) if second_match is not None else None
    if second is None:
        return [first]
    x, y = first.quantity, second.quantity
    unit = y.unit if y.unit is not None else x.unit
    # "from 3 to 4bn": the scale written once serves both, as the range reading found
    bound, _ = _bound_before(text, m.start())  # its own words, not the range's "approx"
    head = Quantity(x.value, bound, x.unit or unit, text[first.start : first_end].strip())
    tail = Quantity(y.value, y.bound, unit, y.text)
    return [Found(head, first.start, first_end), Found(tail, second.start, second.end)]


def _number_matches(text: str) -> Iterable[re.Match[str]]:
    """The matches of _NUMBER_RE in `text`, or of _NUMBER_LOW in the lower-cased text,
    which scans twice as fast and matches at the same places with the same groups in
    lower case: lower-cased text reads as case-blind matching reads the text unless
    lowering changed a length or left a letter only case-blind matching reads as ASCII
    (dotless i, long s); see tests/segmenter/test_speed_equivalence_times.py. The only
    group whose case _read_match keeps, "unitglued", it reads from `text`."""
    lowered = text.lower()
    if len(lowered) == len(text) and "ı" not in lowered and "ſ" not in lowered:
        return _NUMBER_LOW.finditer(lowered)
    return _NUMBER_RE.finditer(text)


_GROUPS = (
    "num", "word", "sign", "scale", "unitglued", "compound", "pct2", "num2", "scale2", "half"
)  # fmt: skip


# A capitalised word in the singular ("Cent"), not a unit in capitals ("GB") or a plural
# (but "20 Chinese were hurt" counts people: nationalities in -ese, -ish, -ch)
_NAME_WORD = re.compile(r"[A-Z][a-z'’\-]+(?<!s)(?<!ese)(?<!ish)(?<!ch)")
# "34 Labour MPs", "23 European countries": the capitalised word names what is counted
_NOUN_NEXT = re.compile(r"\s+(?:[A-Z]|[a-z][\w'’\-]{2,}[a-rt-z]s\b)")
_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?\"”)]|\Z)")


def _read_match(text: str, m: re.Match[str]) -> Found | None:
    num, word, sign, scale, glued, compound, pct2, num2, scale2, half = m.group(*_GROUPS)
    start, end = m.span()
    if num is not None:
        before = text[start - 1] if start > 0 else " "
        if before.isalnum() or before in "/.:" or _NOT_QUANTITY_AFTER.match(text, m.end("num")):
            return None
        if _YEAR_RE.match(num) and not sign and not scale and not glued:
            return None  # a year: times.py
        if (
            glued
            and glued.lower() == "s"
            and num.endswith("0")
            and not sign
            and (_YEAR_RE.match(num) or _DECADE_BEFORE.search(text, max(0, start - 8), start))
        ):
            return None  # "the 1990s", "in his 30s": a decade, not seconds (times.py)
        if start > 3 and _RANK_BEFORE.search(text, max(0, start - 7), start):
            return None  # "top 10", "number 1": a rank
        if start > 1 and _NOT_QUANTITY_BEFORE.search(text, max(0, start - 10), start):
            return None
        if (
            start > 3
            and not (sign or scale or glued)
            and text[start - 2 : start].strip().isalpha()
            and _SMALL_PLAIN.fullmatch(num)
            and _NAME_BEFORE.search(text, max(0, start - 30), start)
        ):
            return None  # "Channel 4": a name
        value = _to_number(num)
        if compound:
            value += _word_value(compound)
    else:
        assert word is not None
        low = word.lower()
        if low == "one" and _ONE_FALSE.search(text[max(0, start - 6) : end + 9]):
            return None
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "-"):
            return None
        if (
            not scale  # "the seven million barrier" is a figure
            and (low in _ANAPHORIC_WORDS or low == "one")
            and _NOT_A_COUNT_BEFORE.search(text, max(0, start - 7), start)
        ):
            return None
        if low in _ANAPHORIC_WORDS and _ALL_OF_THEM.search(text, max(0, start - 4), end + 6):
            return None  # "All three are Apple fan sites": the three named before
        if start > 0 and text[start].isupper() and _NAME_AFTER.match(text, end):
            return None  # "the Six Nations", "the Big Four": a name
        value = _word_value(word)
    if half:
        value += 0.5  # "one-and-a-half million"
    unit: str | None = None
    if scale:
        low = scale.lower()
        if low == "m" and not sign and num is not None:
            # "17.30m at the trials" is metres; "3.5m people" is millions
            counted, after = _unit_after(text, end)
            if counted is None or not _counted_noun(counted):
                unit = "m"  # "the 1500m final", "a clearance of 1.87m while"
            else:
                value *= 1e6
                unit, end = counted, after
        else:
            value *= _SCALE[low]
    if sign:
        unit = _CURRENCY_SIGNS.get(sign.lower().strip(), "USD")
    if glued:
        glued = text[m.start("unitglued") : m.end("unitglued")]  # as written: "GB", not "gb"
        if glued == "G":
            return None  # "3G phones": a generation of mobile networks, not grams
        unit = _GLUED_UNITS.get(glued, glued)
    if pct2:
        unit = "percent"
    pct = _PERCENT_WORDS.match(text, end)
    if pct and unit is None:
        unit = "percent"
        end = pct.end()
    value_max: float | None = None
    if num2:
        value_max = _to_number(num2)
        scale2 = scale2 or scale
        if scale2 and not scale and scale2.lower() in _SCALE:
            value *= _SCALE[scale2.lower()]
        if scale2 and scale2.lower() in _SCALE and not (scale2.lower() == "m" and unit == "m"):
            value_max *= _SCALE[scale2.lower()]
        if value_max < value:
            if num and not unit and not pct2 and "to" not in text[m.end("num") : m.start("num2")]:
                return None  # "a 2-1 decision", "a 45-6 win": a score or a vote, not a count
            value_max = None  # "from 30% to 29%": a change, read from its first figure
            end = m.end("num") if num else end
    if unit is None:
        unit, end = _unit_after(text, end)
        if (
            unit is not None
            and num is not None
            and not scale
            and _NAME_WORD.fullmatch(unit)
            and not _NOUN_NEXT.match(text, end)
        ):
            return None  # "50 Cent has sold", "Radio 5 Live": a number inside a name
        if (
            unit is None
            and word is not None
            and word.lower() == "one"
            and not scale
            and (start == 0 or _CLAUSE_END.match(text, m.end()) is not None)
        ):
            return None  # "One dissenting opinion came from", "would be buying one."
    if unit in ("pence", "penny"):  # "80p", "16.75 pence": in pounds, the ISO unit
        value /= 100
        value_max = value_max / 100 if value_max is not None else None
        unit = "GBP"
    bound, qstart = _bound_before(text, start)
    if value_max is not None and bound == "exact":
        between = _BETWEEN_BEFORE.search(text, max(0, start - 8), start)
        if between is not None:  # "between 40% and 50%": at least the first figure
            bound, qstart = "lower", between.start()
        else:  # "$30-35", "3.5 to 4.0%": about the first figure, at most the second
            bound = "approx"
    if bound == "exact" and " or " in text[end : end + 48]:
        or_more = _BOUND_AFTER.match(text, end)
        if or_more is not None:  # "200 megabytes of traffic or more"
            bound = "upper" if or_more.group("less") else "lower"
    return Found(
        Quantity(
            value=value,
            bound=bound,
            unit=unit,
            text=text[qstart:end].strip(),
            value_max=value_max,
        ),
        qstart,
        end,
    )
