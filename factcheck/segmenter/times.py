"""Time references in claims: find candidate phrases with regexes, resolve them.

dateparser's `search_dates` costs about 13 s per MB, misreads "3.5%" and "the 1990s",
and gives day precision for "eleven years ago". So candidates are found here, years,
decades and "N years ago" are computed here with their own granularity, and dateparser
only sees the short day/month phrases it is good at, through a cache.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache, lru_cache

from factcheck.segmenter.quantities import _SMALL, _has_digit, _trie_pattern
from factcheck.segmenter.types import Granularity, TimeRef
from factcheck.segmenter.wordlists import MONTH_NAMES, WEEKDAY_NAMES

_MONTH_ABBREVIATIONS = ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                        "nov", "dec")  # fmt: skip
_MONTHS = "|".join((*MONTH_NAMES, *_MONTH_ABBREVIATIONS))
_WEEKDAYS = "|".join(WEEKDAY_NAMES)
_NUMWORD = "|".join(
    sorted((w for w in _SMALL if " " not in w and w != "half"), key=len, reverse=True)
)
_COUNT = rf"(?:\d+|{_NUMWORD}|a|an|a few|several|a couple of|some|many|few)"
_UNITS = r"years?|months?|weeks?|days?|decades?"

_PATTERNS: tuple[tuple[str, str], ...] = (
    ("ago", rf"\b(?:just\s+)?(?P<n>{_COUNT})\s+(?P<u>{_UNITS})\s+ago\b"),
    ("past", rf"\b(?:over|in|during|for)\s+the\s+(?:past|last)\s+(?:(?P<n>{_COUNT})\s+"
             rf"(?P<u>{_UNITS})|(?P<d>decade))\b(?:\s+of\s+(?P<y>1[6-9]\d\d|20\d\d)\b)?"),
    # "over the next three years": a time to come
    ("next", rf"\b(?:over|in|during|for|within)\s+the\s+(?:next|coming)\s+(?P<n>{_COUNT})\s+"
             rf"(?P<u>{_UNITS})\b"),
    ("rel", r"\b(?P<w>last|this|next|previous)\s+(?P<u>year|month|week|decade|term|season|"
            rf"{_WEEKDAYS}|{_MONTHS})\b"),
    ("decade", r"\b(?:the\s+)?(?:early\s+|mid-|mid\s+|late\s+)?(?P<y>1[5-9]\d0|20\d0)s\b"),
    ("full", rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\.?,?\s+(?:1[5-9]\d\d|20\d\d)"
             rf"|(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:1[5-9]\d\d|20\d\d))\b"),
    ("monthyear", rf"\b(?:{_MONTHS})\.?,?\s+(?P<y>1[5-9]\d\d|20\d\d)\b"),
    ("daymonth", rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})"
                 rf"|(?:{_MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?)\b"),
    ("year", r"(?:(?<=mid-)|(?<![\d,.$£€/-]))(?P<y>1[6-9]\d\d|20\d\d)"
             r"(?!\d|[,.]\d|%|\s?(?:bn|m|million|billion|gmt|bst|utc|cet|est|hrs|hours)\b)"),
    ("month", rf"\b(?:in|since|during|until|by|from|early|late|mid-|the|to|before|after|"
              rf"through|throughout|between|(?:end|start|beginning|middle|weeks?|half|part|rest)"
              rf"\s+of)\s+"
              rf"(?P<m>{_MONTHS})\b"
              rf"(?!\.?,?\s+\d)"),
    ("weekday", rf"\b(?:on\s+)?(?P<d>{_WEEKDAYS})\b"),
    ("today", r"\b(?P<t>today|yesterday|tomorrow|this week|this month|last night)\b"),
    # "the fourth quarter (of 2004)": a quarter, dated when its year is given
    ("quarter", r"\b(?:the\s+)?(?P<q>first|second|third|fourth|final|last)\s+quarter\b"
                r"(?:\s+of\s+(?P<y>1[6-9]\d\d|20\d\d)\b)?"),
    # "later in the year", "during the year": the publication year; "the following year"
    # follows a year named before, which this reads no further back than its sentence
    ("inyear", r"\b(?:(?P<y>later|earlier)\s+in\s+the\s+year|during\s+the\s+year|"
               r"the\s+following\s+year|the\s+previous\s+year)\b"),
    # "in two weeks' time", "in a few months time": a time to come
    ("ahead", rf"\bin\s+(?P<n>{_COUNT})\s+(?P<u>{_UNITS})['’]?\s+time\b"),
    # "at the weekend", "since the start of the year", "over Christmas": a time named by
    # an occasion, which dates a claim to the days around publication
    ("occasion", r"\b(?:(?:at|over|since|during|on)\s+the\s+weekend|(?:this|last|next)\s+weekend"
                 r"|(?:earlier|later)\s+this\s+(?:week|month)"
                 r"|(?:since|from|at|by|before|until)\s+the\s+(?:start|end|beginning)\s+of\s+the"
                 r"\s+(?:year|month|week|season)"
                 r"|(?:over|during|at|before|after|since|until|by|from)\s+(?:the\s+)?"
                 r"(?:christmas|new\s+year|easter|boxing\s+day|festive\s+season)"
                 # "in the summer", "next summer's tour": a season
                 r"|(?:(?:in|during|over|by|until|since|before|after|from)\s+the|this|last|next)"
                 r"\s+(?:spring|summer|autumn|winter)(?!\s+(?:of\s+)?(?:1[6-9]\d\d|20\d\d))"
                 r")\b"),
)  # fmt: skip
# One regex per kind, each run only when a cheap substring test says it may match:
# a single alternation of all kinds costs about 1 microsecond per character.
_COMPILED = tuple(
    (kind, re.compile(pattern.replace("(?P<", f"(?P<{kind}_"), re.IGNORECASE))
    for kind, pattern in _PATTERNS
)
# The same without case-blind matching, to scan lower-cased text (about twice as fast);
# the patterns are written in lower case. "year" is as fast either way and stays as is.
_COMPILED_LOW = {kind: re.compile(regex.pattern) for kind, regex in _COMPILED if kind != "year"}
# Kinds whose every match holds a digit: skipped at once in sentences without one.
_NEEDS_DIGIT = frozenset({"full", "monthyear", "daymonth"})
_MONTH_HINTS = tuple(f" {m}" for m in _MONTHS.split("|"))
_AHEAD_HINTS = ("s time", "s' time", "s’ time")
_KIND_HINTS: dict[str, tuple[str, ...]] = {
    "ago": (" ago",),
    "past": (" past ", " last "),
    "next": (" next ", " coming "),
    "rel": (" last ", " this ", " next ", " previous "),
    "decade": ("0s",),
    "full": _MONTH_HINTS,
    "monthyear": _MONTH_HINTS,
    "daymonth": _MONTH_HINTS,
    "year": ("16", "17", "18", "19", "20"),  # how every year the regex reads begins
    "month": _MONTH_HINTS,
    "weekday": tuple(f" {d}" for d in _WEEKDAYS.split("|")),
    "today": (" today", " yesterday", " tomorrow", " this week", " this month", " last night"),
    "ahead": _AHEAD_HINTS,
    "inyear": (" the year", " following year", " previous year"),
    "quarter": (" quarter",),
    "occasion": (" weekend", " start of the", " end of the", " beginning of the", " christmas",
                 " new year", " easter", " boxing day", " festive", " earlier this",
                 " later this", " spring", " summer", " autumn", " winter"),
}  # fmt: skip
# Kinds sharing a hint tuple (the four month kinds) test it once per text.
_HINT_GROUPS = tuple(dict.fromkeys(_KIND_HINTS.values()))
_KIND_GROUP = {kind: _HINT_GROUPS.index(hints) for kind, hints in _KIND_HINTS.items()}
_MONTH_GROUP = _KIND_GROUP["full"]
_MONTH_WORD = re.compile(rf"\b(?:{_MONTHS})\b", re.IGNORECASE)
_YEAR_CONTEXT = re.compile(
    r"(?:\b(?:in|since|during|by|from|until|before|after|between|and|to|early|late|mid|throughout|"
    r"for|season|year|spring|summer|autumn|winter|fiscal|'s|(?:end|start|beginning|middle|whole|"
    r"summer|spring|autumn|winter|half|quarter) of)\s*$|(?:^|[.!?\n\"“(]\s*)$|\bmid-$)",
    re.IGNORECASE,
)
# "the 2004 Brit Awards", "the 2005 budget": a year naming an edition of something
_YEAR_OF_EDITION = re.compile(
    r"\s+(?:[A-Z]|(?:budget|election|elections|season|census|report|survey|figures|"
    r"results|accounts|campaign|tournament|championships?|games|olympics|world cup|"
    r"final|awards|festival|show|tour|album|film|ceremony|list|conference|summit|congress|"
    r"single|song|book|novel|movie|play|series|edition|version|model|release|debut|"
    r"war|invasion|attack|crash|merger|takeover|deal|agreement|treaty|act|law|ruling|"
    r"referendum|vote|poll|race|match|victory|win|defeat|crisis|recession|strike|"
    r"spring|summer|autumn|winter)\b)"
)
# "the 2005 budget", "the classic 1982 film"
# "during the 1994 genocide" (but "in the 2000 metres" counts metres)
_PREPOSITION_THE_BEFORE = re.compile(
    r"\b(?:in|since|during|until|before|after|by)\s+the\s+$", re.IGNORECASE
)
_PLURAL_AFTER = re.compile(r"\s+[a-z]+s\b")
_THE_BEFORE = re.compile(r"\b(?:the|its|their|his|her)\s+(?:[a-z]+\s+)?$", re.IGNORECASE)
_CAPITAL_SEASON = re.compile(r"\b(?:Spring|Summer|Autumn|Winter)\b")
# "a 1998 contract competition", "a 1999 track": a year naming which one
_A_BEFORE = re.compile(r"\ban?\s+$", re.IGNORECASE)
_SINGULAR_AFTER = re.compile(r"\s+[a-z]+(?<!s)\b")
_MONTH_WORDS_AMBIGUOUS = {"may", "march", "mar", "jan", "sep", "dec", "oct", "nov", "aug", "jun"}


_DIGIT = re.compile(r"\d")
# A sentence with no digit and none of these (in lower case) has no time reference.
_HINTS = (
    *(
        f" {w}"
        for w in (
            *_MONTHS.split("|"),
            *_WEEKDAYS.split("|"),
            "last",
            "this",
            "next",
            "previous",
            "past",
            "coming",
            "the year",
            "quarter",
            "following year",
            "previous year",
            "today",
            "yesterday",
            "tomorrow",
            "weekend",
            "start of the",
            "end of the",
            "beginning of the",
            "christmas",
            "new year",
            "easter",
            "boxing day",
            "festive",
            "spring",
            "summer",
            "autumn",
            "winter",
        )
    ),
    "ago",
    *_AHEAD_HINTS,
)
# Which hint tuples occur in a text, as bits: one per kind group (_HINT_GROUPS), and
# _MAY_BIT for _HINTS.
_MAY_BIT = 1 << len(_HINT_GROUPS)
_HINT_SETS: tuple[tuple[tuple[str, ...], int], ...] = (
    *((hints, 1 << group) for group, hints in enumerate(_HINT_GROUPS)),
    (_HINTS, _MAY_BIT),
)


def _bits_of(text: str) -> int:
    """The bits of the hint tuples with a hint in `text`, the slow and obvious way:
    _hint_mask must agree with it."""
    bits = 0
    for hints, bit in _HINT_SETS:
        if any(h in text for h in hints):
            bits |= bit
    return bits


# Hints that begin with a space are found by looking, after each space, for the longest
# such hint there: every hint that occurs at that space is a prefix of that one, so its
# bits say which tuples hold a hint there.
_SPACED = {h[1:] for hints, _ in _HINT_SETS for h in hints if h[:1] == " "}
_SPACED_SCAN = re.compile(f" (?=({_trie_pattern(_SPACED)}))")
_SPACED_BITS = {word: _bits_of(" " + word) for word in _SPACED}
_LOOSE = tuple(dict.fromkeys(h for hints, _ in _HINT_SETS for h in hints if h[:1] != " "))
# "0s", "16" and the like can only be in text with a digit; "ago" anywhere ("Chicago")
_LOOSE_OTHER = tuple((h, _bits_of(h)) for h in _LOOSE if not _DIGIT.search(h))
_LOOSE_ALL = tuple((h, _bits_of(h)) for h in _LOOSE)


def _hint_mask(low: str, has_digit: bool) -> int:
    """`_bits_of(low)` with one regex scan instead of some seventy substring searches;
    `has_digit` says whether `low` holds a digit."""
    bits = 0
    for word in set(_SPACED_SCAN.findall(low)):
        bits |= _SPACED_BITS[word]
    for hint, hint_bits in _LOOSE_ALL if has_digit else _LOOSE_OTHER:
        if hint in low:
            bits |= hint_bits
    return bits


# Month words on lower-cased text: the trie finds them fast (it can only start at one of
# a few letters), a word boundary before is checked on the few it finds.
_MONTH_WORD_END = re.compile(f"(?:{_trie_pattern(set(_MONTHS.split('|')))})\\b")
_BOUNDARY = re.compile(r"\b")


@dataclass(frozen=True, slots=True)
class FoundTime:
    """A time reference with where it sits in the text it was read from."""

    time: TimeRef
    start: int
    end: int


def _count(raw: str) -> int | None:
    raw = raw.lower()
    if raw.isdigit():
        return int(raw)
    if raw in ("a", "an"):
        return 1
    if raw == "a couple of":
        return 2
    if raw in ("a few", "several", "some", "many", "few"):
        return None
    value = _SMALL.get(raw)
    return int(value) if value is not None else None


def _years_from(n: int, unit: str) -> tuple[int, Granularity]:
    unit = unit.lower().rstrip("s")
    if unit == "decade":
        return n * 10, "year"
    if unit == "year":
        return n, "year"
    if unit == "month":
        return n // 12, "month"
    if unit == "week":
        return (n * 7) // 365, "day"
    return n // 365, "day"


def _shift_years(published: date, years: int) -> date:
    try:
        return published.replace(year=published.year - years)
    except ValueError:  # 29 February
        return published.replace(year=published.year - years, day=28)


@lru_cache(maxsize=4096)
def _dateparser(expression: str, published: date | None, future: bool = False) -> date | None:
    """dateparser on one short phrase, English only, preferring the past (news reports
    what happened) unless the sentence looks ahead. Cached."""
    import dateparser

    settings: dict[str, object] = {
        "PREFER_DATES_FROM": "future" if future else "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    if published is not None:
        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day)
    try:
        parsed = dateparser.parse(expression, languages=["en"], settings=settings)
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    return parsed.date() if parsed is not None else None


_MONTH_NUMBER = {
    name: number
    for number, names in enumerate(
        ("january jan", "february feb", "march mar", "april apr", "may", "june jun",
         "july jul", "august aug", "september sep sept", "october oct", "november nov",
         "december dec"),
        start=1,
    )
    for name in names.split()
}  # fmt: skip
_CALENDAR_DATE = re.compile(
    r"(?:(?P<d1>\d{1,2})(?P<s1>st|nd|rd|th)?\s+(?P<m1>[a-z]+)\.?,?\s+"
    r"|(?P<m2>[a-z]+)\.?\s+(?P<d2>\d{1,2})(?P<s2>st|nd|rd|th)?,?\s+"
    r"|(?P<m3>[a-z]+)\.?,?\s+)"
    r"(?P<y>\d{4})",
    re.IGNORECASE,
)
_ORDINAL = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}


def _calendar_date(expression: str) -> date | None:
    """ "14 May 2018", "May 14th, 2018", "May 2018" (the 1st): what dateparser reads them
    as, without its 0.4 ms or more a call. None for anything else, left to dateparser;
    tests/segmenter/test_times.py checks the two agree."""
    m = _CALENDAR_DATE.fullmatch(expression)
    if m is None:
        return None
    month = _MONTH_NUMBER.get((m["m1"] or m["m2"] or m["m3"]).lower())
    if month is None:
        return None
    raw_day = m["d1"] or m["d2"]
    day = int(raw_day) if raw_day else 1
    suffix = m["s1"] or m["s2"]
    if suffix and suffix.lower() != _ORDINAL.get(day, "th"):
        return None  # "1th": leave odd input to dateparser
    try:
        return date(int(m["y"]), month, day)
    except ValueError:
        return None


def _resolve(kind: str, m: re.Match[str], published: date | None) -> TimeRef | None:
    expr = m.group(0).strip()
    g = m.groupdict()
    if kind == "quarter":
        if g["quarter_y"] is None:
            return TimeRef(expr, None, "month", None)
        year = int(g["quarter_y"])
        first_month = {"first": 1, "second": 4, "third": 7}.get(g["quarter_q"].lower(), 10)
        return TimeRef(expr, date(year, first_month, 1).isoformat(), "month",
                       _before(published, year))  # fmt: skip
    if kind == "past" and g["past_y"] is not None:  # "the last three months of 2004"
        year = int(g["past_y"])
        return TimeRef(expr, date(year, 1, 1).isoformat(), "year", _before(published, year))
    if kind == "past" and g["past_d"] is not None:  # "in the past decade"
        years = 10
        resolved = _shift_years(published, years).replace(month=1, day=1) if published else None
        return TimeRef(expr, resolved.isoformat() if resolved else None, "year", years)
    if kind == "inyear":
        if not expr.lower().startswith(("later", "earlier", "during")):
            return TimeRef(expr, None, "year", None)
        this_year = date(published.year, 1, 1).isoformat() if published else None
        return TimeRef(expr, this_year, "year", 0)
    if kind in ("ago", "past", "ahead", "next"):
        ahead = kind in ("ahead", "next")
        return _relative(expr, g[f"{kind}_n"], g[f"{kind}_u"], published, ahead=ahead)
    if kind == "rel":
        word, unit = g["rel_w"].lower(), g["rel_u"].lower()
        offset = {"last": 1, "previous": 1, "this": 0, "next": -1}[word]
        if unit in ("year", "decade", "season", "term"):
            years = offset * (10 if unit == "decade" else 1)
            resolved = date(published.year - years, 1, 1) if published and unit != "term" else None
            return TimeRef(expr, resolved.isoformat() if resolved else None, "year", years)
        fine: Granularity = "month" if unit == "month" or unit in _MONTHS.split("|") else "day"
        resolved = _dateparser(expr, published) if published else None
        if resolved and fine == "month":
            resolved = resolved.replace(day=1)
        years_before = published.year - resolved.year if published and resolved else None
        return TimeRef(expr, resolved.isoformat() if resolved else None, fine, years_before)
    if kind == "decade":
        year = int(g["decade_y"])
        return TimeRef(expr, date(year, 1, 1).isoformat(), "year", _before(published, year))
    if kind == "full":
        resolved = _calendar_date(expr) or _dateparser(expr, None)
        if resolved is None:
            return None
        return TimeRef(expr, resolved.isoformat(), "day", _before(published, resolved.year))
    if kind == "monthyear":
        resolved = _calendar_date(expr) or _dateparser(expr, None)
        if resolved is None:
            return None
        resolved = resolved.replace(day=1)
        return TimeRef(expr, resolved.isoformat(), "month", _before(published, resolved.year))
    if kind == "daymonth":
        resolved = _dateparser(expr, published) if published else None
        return TimeRef(expr, resolved.isoformat() if resolved else None, "day",
                       _before(published, resolved.year) if resolved else None)  # fmt: skip
    if kind == "year":
        year = int(g["year_y"])
        before = m.string[max(0, m.start() - 24) : m.start()]
        after = m.end()
        if not (
            _YEAR_CONTEXT.search(before)
            or (_THE_BEFORE.search(before) and _YEAR_OF_EDITION.match(m.string, after))
            or (_PREPOSITION_THE_BEFORE.search(before) and not _PLURAL_AFTER.match(m.string, after))
            or (_A_BEFORE.search(before) and _SINGULAR_AFTER.match(m.string, after))
        ):
            return None
        return TimeRef(expr, date(year, 1, 1).isoformat(), "year", _before(published, year))
    if kind == "month":
        month_word = g["month_m"].lower()
        if month_word in _MONTH_WORDS_AMBIGUOUS and g["month_m"][0].islower():
            return None  # "may", "march" as verbs
        ahead = _looks_ahead(m.string)
        resolved = _dateparser(month_word, published, ahead) if published else None
        if resolved:
            resolved = resolved.replace(day=1)
        return TimeRef(expr, resolved.isoformat() if resolved else None, "month",
                       _before(published, resolved.year) if resolved else None)  # fmt: skip
    if kind == "occasion":  # kept unresolved: which days it names depends on the calendar
        if _CAPITAL_SEASON.search(expr):
            return None  # "Suddenly Last Summer": a title
        return TimeRef(expr, None, None, None)
    if kind in ("weekday", "today"):
        word = (g.get("weekday_d") or g.get("today_t") or expr).lower()
        if kind == "weekday" and (
            not g["weekday_d"][0].isupper()
            or (_TITLE_AFTER_WEEKDAY.match(m.string, m.end()) and not expr.lower().startswith("on"))
        ):
            return None  # "sunday" lower-case, "the Sunday Telegraph": no day
        if kind == "today" and expr[0].isupper() and _MID_SENTENCE.search(m.string, 0, m.start()):
            return None  # "Wednesday's Today programme", "USA Today": a title
        ahead = kind == "weekday" and _looks_ahead(m.string)
        resolved = _dateparser(word, published, ahead) if published else None
        return TimeRef(expr, resolved.isoformat() if resolved else None, "day", 0)
    return None


def _relative(expr: str, raw_n: str, unit: str, published: date | None, *, ahead: bool) -> TimeRef:
    """ "two years ago", "over the past five years"; or, `ahead`, "in two weeks' time",
    "over the next three years": after publication, so years_before_publication is 0 or
    less (the end of the span: its start is now). A count such as "a few" stays vague."""
    n = _count(raw_n)
    if n is None:
        return TimeRef(expr, None, "year", None)
    years, gran = _years_from(n, unit)
    if ahead:
        years = -years
    resolved = None
    if published is not None:
        phrase = f"in {n} {unit}" if ahead else f"{n} {unit} ago"
        resolved = (
            _shift_years(published, years).replace(month=1, day=1)
            if gran == "year"
            else _dateparser(phrase, published, ahead)
        )
    return TimeRef(expr, resolved.isoformat() if resolved else None, gran, years)


# A word inside a sentence, not its first: a capital there begins a name
_MID_SENTENCE = re.compile(r"[\w,;:)]\s+\Z")
# "the Sunday Telegraph", "Sunday Times journalist": a weekday that begins a name
_TITLE_AFTER_WEEKDAY = re.compile(r" [A-Z]")
# "MPs are expected to raise concerns on Monday": the next Monday, not the last one
_AHEAD = re.compile(
    r"\b(?:will|'ll|shall|is to|are to|is due|are due|due to|expected to|set to|going to|"
    r"plans? to|planning to|scheduled|next|tomorrow|upcoming|later this)\b",
    re.IGNORECASE,
)


def _looks_ahead(sentence: str) -> bool:
    """Whether the sentence speaks of what is to come, so a bare weekday or month is the
    next one after publication."""
    return _AHEAD.search(sentence) is not None


def _before(published: date | None, year: int) -> int | None:
    return None if published is None else published.year - year


def _has_month_word(text: str, low: str) -> bool:
    """Whether a whole month word is in `text`; `low` is " " + text.lower() (newlines
    as spaces), searched instead unless lower-casing changed a length or left a letter
    that only case-blind matching reads as ASCII (dotless i, long s)."""
    if len(low) != len(text) + 1 or "ı" in low or "ſ" in low:
        return _MONTH_WORD.search(text) is not None
    # a month word starting inside one found is not whole: all it holds are letters
    return any(_BOUNDARY.match(low, m.start()) for m in _MONTH_WORD_END.finditer(low))


def find_times(text: str, published: date | None = None) -> list[FoundTime]:
    """Every time reference in `text`, in order; never raises on odd input."""
    found: list[FoundTime] = []
    taken_until = -1
    for m_start, _, m_end, kind, m in sorted(_matches(text), key=lambda t: (t[0], t[1])):
        if m_start < taken_until:
            continue  # leftmost first, then the earlier kind, as one alternation would
        try:
            ref = _resolve(kind, m, published)
        except (ValueError, OverflowError, KeyError):
            continue
        if ref is not None:
            taken_until = m_end
            lead = len(m.group(0)) - len(m.group(0).lstrip())
            found.append(FoundTime(ref, m_start + lead, m_start + lead + len(ref.expression)))
    return found


def _matches(text: str) -> list[tuple[int, int, int, str, re.Match[str]]]:
    """(start, priority, end, kind, match) for every match of every kind's regex that the
    cheap tests let run."""
    lowered = text.lower()
    spaced = " " + lowered
    has_digit = _has_digit(text)
    bits = _hint_mask(spaced, has_digit)
    if not has_digit and not bits & _MAY_BIT:
        return []  # no digit and none of _HINTS: no time reference
    low = spaced
    if "\n" in lowered:  # the kind hints read newlines as spaces, _HINTS does not
        low = spaced.replace("\n", " ")
        bits = _hint_mask(low, has_digit)
    # lower-cased text is read as the case-blind regexes read the text (the character
    # test in tests/segmenter/test_speed_equivalence_times.py) unless it has these
    same_case_blind = len(lowered) == len(text) and "ı" not in lowered and "ſ" not in lowered
    matches: list[tuple[int, int, int, str, re.Match[str]]] = []
    month_word: bool | None = None
    for priority, kind, regex, low_regex, month in _plan(bits, has_digit):
        if month:
            if month_word is None:
                month_word = _has_month_word(text, low)
            if not month_word:
                continue  # month kinds need a whole month word: " mar" is usually "market"
        for m in _kind_matches(regex, low_regex if same_case_blind else None, text, lowered):
            matches.append((m.start(), priority, m.end(), kind, m))
    return matches


_Step = tuple[int, str, re.Pattern[str], re.Pattern[str] | None, bool]


@cache
def _plan(bits: int, has_digit: bool) -> tuple[_Step, ...]:
    """The kinds to run, in priority order, for a text with these hint bits: (priority,
    kind, regex, its lower-case version, whether it needs a whole month word). Worked
    out once per bits (a few dozen occur) instead of testing eleven kinds per text."""
    steps = []
    for priority, (kind, regex) in enumerate(_COMPILED):
        group = _KIND_GROUP[kind]
        if not bits & (1 << group) or (kind in _NEEDS_DIGIT and not has_digit):
            continue
        steps.append((priority, kind, regex, _COMPILED_LOW.get(kind), group == _MONTH_GROUP))
    return tuple(steps)


def _kind_matches(
    regex: re.Pattern[str], low_regex: re.Pattern[str] | None, text: str, lowered: str
) -> list[re.Match[str]]:
    """`regex.finditer(text)`; when `low_regex` is given, found by scanning `lowered`
    with it and matching `regex` again only where it found something (same offsets)."""
    if low_regex is not None:
        again = [regex.match(text, m.start()) for m in low_regex.finditer(lowered)]
        if None not in again:  # always: the two scans agree on such text
            return again  # type: ignore[return-value]
    return list(regex.finditer(text))


def with_publication(ref: TimeRef, published: date) -> TimeRef:
    """Resolve a relative reference once the publication date is known."""
    if ref.date is not None or ref.years_before_publication is None:
        return ref
    if ref.granularity == "year":
        resolved = date(published.year - ref.years_before_publication, 1, 1)
        return TimeRef(ref.expression, resolved.isoformat(), "year", ref.years_before_publication)
    parsed = _dateparser(ref.expression, published)
    return TimeRef(
        ref.expression, parsed.isoformat() if parsed else None, ref.granularity,
        ref.years_before_publication,
    )  # fmt: skip
