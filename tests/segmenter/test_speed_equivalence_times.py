"""find_times and find_quantities give what their plain versions (before the speed work)
gave: the shortcuts they take are checked here against those versions and against the
facts about Python's regex engine they rest on."""

from __future__ import annotations

import re
import sys
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.segmenter import quantities as Q
from factcheck.segmenter import times as T

WORDS = st.sampled_from(
    ["in", "In", "since", "March", "MARCH", "march", "may", "May", "Mar", "market", "sept",
     "September", "14", "1st", "2nd", "May 2018", "14 May 2018", "2018", "1999", "the 1990s",
     "mid-", "1980s", "three years ago", "a decade", "ago", "Chicago", "last", "this week",
     "this\nweek", "last night", "next", "previous", "past", "over the past two years",
     "Monday", "monday", "today", "Yesterday", "tomorrow", "season", "term", "year", "2,223",
     "£2bn", "US$3", "3.5m", "5%", "per cent", "one", "ONE", "twenty-one", "a dozen", "half a",
     "million", "billion", "over", "about", "nearly", "-", "–", "to", "and", "\n", "(", ")",
     ".", ",", "ſeptember", "İn", "ınch", "KELVIN", "Kelvin", "(May", "grammar", "dismay",
     "s", "ft", "GB", "m", "people", "firms", "10-year-old", "9/11", "3:30", "2020s"]
)  # fmt: skip
TEXTS = st.one_of(
    st.text(max_size=120),
    st.lists(st.one_of(WORDS, st.text(max_size=4)), max_size=30).map(" ".join),
    st.lists(WORDS, max_size=12).map("".join),
)
PUBLISHED = st.sampled_from([None, date(2019, 3, 14), date(2020, 2, 29)])

# ---------------------------------------------------------------------------------------
# find_times as it was: every kind's substring hints tested one by one, every regex run
# case-blind on the text itself.
_PLAIN_KIND_HINTS = {**T._KIND_HINTS, "year": ("1", "2")}


def _plain_find_times(text: str, published: date | None = None) -> list[T.FoundTime]:
    if not T._DIGIT.search(text) and not any(h in " " + text.lower() for h in T._HINTS):
        return []
    low = " " + text.lower().replace("\n", " ")
    matches = []
    for priority, (kind, regex) in enumerate(T._COMPILED):
        if not any(h in low for h in _PLAIN_KIND_HINTS[kind]):
            continue
        if T._KIND_GROUP[kind] == T._MONTH_GROUP and not T._MONTH_WORD.search(text):
            continue
        for m in regex.finditer(text):
            matches.append((m.start(), priority, m.end(), kind, m))
    matches.sort(key=lambda t: (t[0], t[1]))
    found, taken_until = [], -1
    for m_start, _, m_end, kind, m in matches:
        if m_start < taken_until:
            continue
        try:
            ref = T._resolve(kind, m, published)
        except (ValueError, OverflowError, KeyError):
            continue
        if ref is not None:
            taken_until = m_end
            lead = len(m.group(0)) - len(m.group(0).lstrip())
            found.append(T.FoundTime(ref, m_start + lead, m_start + lead + len(ref.expression)))
    return found


@settings(max_examples=400, deadline=None)
@given(TEXTS, PUBLISHED)
def test_find_times_gives_what_the_plain_version_gave(text: str, published: date | None) -> None:
    assert T.find_times(text, published) == _plain_find_times(text, published)


@pytest.mark.parametrize(
    "text",
    ["Back in\nMarch 2018 and (May 2019), over the past\ntwo years",
     "İn March 2018 prices rose", "ſeptember 2019 and last year", "Since 1999, 14 May 2018.",
     "He was in Chicago", "this\nweek and next Monday"],
)  # fmt: skip
def test_find_times_on_known_tricky_text(text: str) -> None:
    for published in (None, date(2019, 3, 14)):
        assert T.find_times(text, published) == _plain_find_times(text, published)


@settings(max_examples=500, deadline=None)
@given(TEXTS.map(lambda t: " " + t.lower()))
def test_hint_mask_is_the_substring_tests(low: str) -> None:
    has_digit = T._DIGIT.search(low) is not None
    assert T._hint_mask(low, has_digit) == T._bits_of(low)


@settings(max_examples=300, deadline=None)
@given(st.sets(st.text("abc ", min_size=1, max_size=4), min_size=1, max_size=8), st.text("abc "))
def test_trie_pattern_matches_the_longest_word_there(words: set[str], text: str) -> None:
    trie = re.compile(T._trie_pattern(words))
    for pos in range(len(text) + 1):
        there = [w for w in words if text.startswith(w, pos)]
        m = trie.match(text, pos)
        assert (m.group(0) if m else None) == (max(there, key=len) if there else None)


def test_years_begin_as_the_year_hints_say() -> None:
    """The year regex only reads years 1600-2099: it cannot match without a hint."""
    year = dict(T._COMPILED)["year"]
    for y in range(1000, 2200):
        if year.search(f"in {y} ") is not None:
            assert str(y)[:2] in T._KIND_HINTS["year"]


def test_kinds_skipped_without_a_digit_need_one() -> None:
    """Their patterns hold a \\d outside any optional part (checked on the examples that
    would match if the digit could be left out)."""
    for kind in T._NEEDS_DIGIT:
        regex = dict(T._COMPILED)[kind]
        for text in ("14 May 2018", "May 14th, 2018", "May 2018", "14 May", "May 14"):
            stripped = re.sub(r"\d", "", text)
            assert regex.search(stripped) is None


# ---------------------------------------------------------------------------------------
# The fact the lower-cased scans rest on: on text where lowering keeps every length and
# has no dotless i or long s, a case-blind regex of ASCII letters, digits, \w, \s, \d and
# punctuation matches the text exactly where its lower-case twin matches the lower text.

_ALL = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
_KEPT = "".join(c for c in _ALL if len(c.lower()) == 1 and c not in "ıſ")
_KEPT_LOW = _KEPT.lower()


def test_lowering_keeps_the_length_of_every_character_but_one() -> None:
    assert [c for c in _ALL if len(c.lower()) != 1] == ["İ"]


@pytest.mark.parametrize("letter", "abcdefghijklmnopqrstuvwxyz")
def test_case_blind_letter_is_lower_case_letter(letter: str) -> None:
    blind = {m.start() for m in re.finditer(letter, _KEPT, re.IGNORECASE)}
    assert blind == {m.start() for m in re.finditer(letter, _KEPT_LOW)}


@pytest.mark.parametrize("atom", [r"\w", r"\d", r"\s", r"\b", r"[.,$£€¥₹%/:'’\"“(!?\n–-]"])
def test_classes_read_lower_case_text_alike(atom: str) -> None:
    blind = [m.start() for m in re.finditer(atom, _KEPT, re.IGNORECASE)]
    assert blind == [m.start() for m in re.finditer(atom, _KEPT_LOW)]


def _upper_case_letters(pattern: str) -> list[str]:
    """The upper-case characters of a pattern outside its "(?P<name>" group syntax: a
    pattern for lower-cased text must have none (nor \\W, \\D, \\S, \\B, which are no
    lower-case escapes)."""
    return [c for c in pattern.replace("(?P<", "") if c.isupper()]


@pytest.mark.parametrize("kind", sorted(T._COMPILED_LOW))
def test_lower_case_twins_are_the_patterns_without_case_blindness(kind: str) -> None:
    regex, twin = dict(T._COMPILED)[kind], T._COMPILED_LOW[kind]
    assert twin.pattern == regex.pattern
    assert _upper_case_letters(twin.pattern) == []
    assert not twin.flags & re.IGNORECASE


def test_quantity_twin_is_the_pattern_in_lower_case() -> None:
    twin = Q._NUMBER_LOW
    assert _upper_case_letters(twin.pattern) == []
    assert twin.pattern.lower() == Q._NUMBER_RE.pattern.replace("(?P<", "(?p<").lower()
    assert not twin.flags & re.IGNORECASE


# ---------------------------------------------------------------------------------------
# find_quantities as it was scanned: the prefilter by substring tests, then _NUMBER_RE
# case-blind on the text itself.


def _plain_find_quantities(text: str) -> list[Q.Found]:
    """find_quantities with the plain scan for numbers; the quantities written as no
    number is (race times, shares, vague counts) take no shortcut, and replace the
    numbers they overlap."""
    found = _plain_numbers(text)
    extra = Q.extra_quantities(text)
    found = [f for f in found if not any(e.start < f.end and f.start < e.end for e in extra)]
    return sorted([*found, *extra], key=lambda f: (f.start, f.end))


def _plain_numbers(text: str) -> list[Q.Found]:
    if not T._DIGIT.search(text):
        low = " " + text.lower().replace("-", " ")
        if not any(h in low for h in Q._WORD_HINTS):
            return []
    found: list[Q.Found] = []
    for m in Q._NUMBER_RE.finditer(text):
        try:
            if m.group("num2") is not None and Q._is_change(text, m):
                found.extend(Q._read_change(text, m))
                continue
            if m.group("num2") is not None and Q._is_pair(text, m):
                found.extend(Q._read_pair(text, m))
                continue
            item = Q._read_match(text, m)
        except (ValueError, OverflowError):
            continue
        if item is not None:
            found.append(item)
    return Q._currency_carried(text, Q._word_ranges(text, found)) if len(found) > 1 else found


@settings(max_examples=500, deadline=None)
@given(TEXTS)
def test_find_quantities_gives_what_the_case_blind_scan_gives(text: str) -> None:
    assert Q.find_quantities(text) == _plain_find_quantities(text)


@pytest.mark.parametrize(
    "text",
    ["It costs 5GB or 3 KB", "ſome 3 ſeats", "İt was 2,223 firms", "about 3.5m people",
     "(three firms) and twenty-one", "US$3bn to US$4bn", "5Kg of 10 K"],
)  # fmt: skip
def test_find_quantities_on_known_tricky_text(text: str) -> None:
    assert Q.find_quantities(text) == _plain_find_quantities(text)


@settings(max_examples=500, deadline=None)
@given(TEXTS)
def test_has_digit_is_the_digit_regex(text: str) -> None:
    assert Q._has_digit(text) == (re.search(r"\d", text) is not None)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_not_quantity_after_read_in_place_is_read_on_the_rest(text: str) -> None:
    anchored = re.compile("^(?:" + Q._NOT_QUANTITY_AFTER.pattern + ")", re.IGNORECASE)
    for pos in range(len(text) + 1):
        assert bool(Q._NOT_QUANTITY_AFTER.match(text, pos)) == bool(anchored.match(text[pos:]))
