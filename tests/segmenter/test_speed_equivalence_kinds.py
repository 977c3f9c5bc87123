"""The fast paths of classify and of the speaker functions give the slow paths' answers.

Each shortcut is either a necessary condition for a regex to match (tested on strings
hypothesis builds to match that regex) or a rewrite that is checked against the original.
"""

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.segmenter.kinds import (
    _CUES,
    _any_text_finder,
    _ascii_finder,
    _classify,
    _Cue,
    _names_hidden,
    classify,
)
from factcheck.segmenter.speakers import (
    _ACCORDING_TRAIL,
    _INNER,
    _INNER_BODY,
    _LEAD,
    _LEAD_BODY,
    _NAME_BODY,
    _TRAIL,
    _TRAIL_BODY,
    _TRAIL_END_REVERSED,
    _TRAIL_END_REVERSED_NO_CLAUSE,
    _VERBS,
    Attribution,
    _according_trail,
    _has_speech_verb_any,
    _trail,
    _unattributed,
    alternation,
    find_attribution,
    has_speech_verb,
    name_of,
    person_name,
)
from factcheck.segmenter.types import Quantity

ASCII = st.characters(max_codepoint=127)
CUE_WORDS = sorted({w.decode() for cue in _CUES for w in cue.words} | {"won't", "we'll"})
WORDS = st.sampled_from(
    [*CUE_WORDS, "said", "says", "told", "added", "according to", "he", "she", "Mr", "Smith",
     "Jo", "the", "a", ",", ".", "!", "?", ";", '"', "”", "’", "\n", "  ", "-", "_", "3", "Jo,",
     "more than willing", "due to be held", "made his debut", "most of", "per cent", "İ",
     "ſhould", "ınefficient", "\u212a", "WILL", "Would", "iS likeLY to", "who", "which"]
)  # fmt: skip
TEXTS = st.one_of(
    st.text(max_size=120),
    st.text(ASCII, max_size=120),
    st.lists(st.one_of(WORDS, st.text(ASCII, max_size=5)), max_size=30).map(" ".join),
    st.lists(WORDS, max_size=30).map(" ".join),
)
ASCII_TEXTS = TEXTS.filter(str.isascii)
# Sentences opening with a frame "_LEAD" cuts off, with speakers up to its word limit
LEADING = st.builds(
    lambda lead, n, appos, verb, rest: lead + " ".join(["Jo"] * n) + appos + verb + rest,
    st.sampled_from(["", "But ", "However, ", "and  "]),
    st.integers(1, 13),
    st.sampled_from(["", ", a trader,", ", 45, from Leeds,"]),
    st.sampled_from([" said", " told the BBC", " also says", " has warned", "  thinks", " found"]),
    st.sampled_from([" that prices rose", " prices rose.", " rising", " of it", "", "\n x"]),
)
# Sentences ending in a frame "_TRAIL" cuts off: every optional part of its end, in turn
TRAILING = st.builds(
    lambda words, sep, frame, clause, end: " ".join(words) + sep + frame + clause + end,
    st.lists(WORDS, max_size=6),
    st.sampled_from(['," ', ", ", " ", '" ', "’ ,", ",\n"]),
    st.one_of(
        st.sampled_from(["he said", "said Jo Smith", "Mr O’Neill added", "told she",
                         "they warned", "says it", "we predict", "Jo Smith-Jones, 45 said"]),
        st.integers(1, 62).map(lambda n: "said J" + "o" * n),  # speakers up to the limit
        st.integers(1, 62).map(lambda n: "J" + "o" * n + " said"),
    ),
    st.one_of(
        st.sampled_from(["", ", adding that prices rose", ", who runs it", ", a trader",
                         ", the minister", ", an expert", ", which is odd", ",  adding, he"]),
        st.integers(0, 82).map(lambda n: ", who" + "x" * n),  # clauses up to the limit
    ),
    st.sampled_from(["", ".", '."', "!\n", "”", "?’", "\n"]),
)  # fmt: skip


def _matching(regex: re.Pattern[str], alphabet: st.SearchStrategy[str] | None = None):
    """Texts holding a match of `regex`, of any characters or of `alphabet`'s."""
    return st.from_regex(regex, alphabet=alphabet) if alphabet is not None else st.from_regex(regex)


# ---- classify ----


@pytest.mark.parametrize("cue", _CUES, ids=lambda cue: cue.regex.pattern[:30])
def test_cue_patterns_are_lower_case(cue: _Cue) -> None:
    """Then case-blind matching of ASCII text is plain matching of its lower case."""
    assert cue.regex.flags & re.IGNORECASE
    assert cue.regex.pattern == cue.regex.pattern.lower()


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_every_cue_match_holds_a_cue_word_and_a_hint(data: st.DataObject) -> None:
    """On ASCII text the word test never skips a match, and neither did the hint test."""
    for cue in _CUES:
        text = data.draw(_matching(cue.regex, ASCII))
        low = text.lower()
        assert cue.regex.search(text)
        assert any(h in low for h in cue.hints), (cue.regex.pattern, text)
        assert _ascii_finder(text)(cue) is not None, (cue.regex.pattern, text)


@settings(max_examples=400, deadline=None)
@given(ASCII_TEXTS)
def test_ascii_finder_finds_what_the_hint_finder_finds(text: str) -> None:
    fast, slow = _ascii_finder(text), _any_text_finder(text)
    for cue in _CUES:
        assert fast(cue) == slow(cue), (cue.regex.pattern, text)


QUANTITIES = st.lists(
    st.builds(Quantity, text=st.sampled_from(["3", "two"]), value=st.sampled_from([2.0, 500.0]),
              unit=st.sampled_from([None, "years", "firms"])),
    max_size=2,
)  # fmt: skip
VERBS = st.sampled_from([None, "said", "believes", "according to", "thinks"])


@settings(max_examples=400, deadline=None)
@given(TEXTS, QUANTITIES, VERBS)
def test_classify_is_the_hint_path_on_any_text(text: str, qs: list[Quantity], verb) -> None:
    hidden = _names_hidden(text)
    assert classify(text, qs, [], verb) == _classify(text, qs, verb, _any_text_finder(hidden))


def test_classify_reads_cues_in_any_case() -> None:
    assert classify("The match TAKES PLACE on Friday", [], [], None) == ("temporal", "TAKES PLACE")
    assert classify("Prices Could rise", [], [], None) == ("prediction", "Could")
    assert classify("Then he Won't go", [], [], "said") == ("prediction", "Won't")
    # next to another capitalised word, a cue word is part of a name
    assert classify("Athletes from Great Britain won medals", [], [], None) == ("fact", None)
    assert classify("A fight with Think Secret is not resolved", [], [], None) == ("fact", None)
    assert classify("It was the Biggest ever", [], [], None) == ("comparison", "Biggest")
    # non-ASCII text takes the hint path: "ſhould" matches case-blind, but has no hint
    assert classify("They ſhould go", [], [], None) == ("fact", None)
    assert classify("They should go, İ think", [], [], None) == ("opinion", "should")


# ---- speakers ----


def _matches(regex: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict]]:
    return [(m.span(), m.groupdict()) for m in regex.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.one_of(TEXTS, TRAILING, LEADING))
def test_fast_speaker_regexes_match_as_written(text: str) -> None:
    for fast, body in ((_LEAD, _LEAD_BODY), (_TRAIL, _TRAIL_BODY), (_INNER, _INNER_BODY)):
        assert _VERBS in fast.pattern  # the rewrite happened
        assert _matches(fast, text) == _matches(re.compile(body), text)
    assert "++" in _LEAD.pattern


@given(st.lists(st.text(alphabet="sayd", max_size=4), max_size=8), st.text("sayd .", max_size=12))
def test_alternation_keeps_the_order_of_words(words: list[str], text: str) -> None:
    """Prefixes and duplicates included: "say" before "says" matches "say" in "says"."""
    flat = re.compile("(?:" + "|".join(map(re.escape, words)) + ")(?: |$)") if words else None
    trie = re.compile("(?:" + alternation(words) + ")(?: |$)") if words else None
    if flat and trie:
        assert [m.span() for m in flat.finditer(text)] == [m.span() for m in trie.finditer(text)]


def _found(m: re.Match[str] | None) -> tuple[tuple[int, int], dict] | None:
    return None if m is None else (m.span(), m.groupdict())


@settings(max_examples=300, deadline=None)
@given(st.one_of(_matching(_TRAIL), _matching(_TRAIL, ASCII), TRAILING, TEXTS))
def test_every_trailing_attribution_passes_the_backward_test(text: str) -> None:
    if m := _TRAIL.search(text):
        assert _TRAIL_END_REVERSED.match(text[::-1]), text
        if m.group(0).count(",") == 0:
            assert _TRAIL_END_REVERSED_NO_CLAUSE.match(text[::-1]), text
    assert _found(_trail(text)) == _found(_TRAIL.search(text))


@pytest.mark.parametrize("n", [58, 59, 60, 61, 78, 79, 80, 81])
def test_backward_test_at_the_length_limits(n: int) -> None:
    """A speaker of up to 61 characters, a clause after the frame of up to 80."""
    texts = [f"Prices rose, said J{'o' * n}.", f"Prices rose, J{'o' * n} said.",
             f"Prices rose, he said, who{' x' * (n // 2)}{'x' * (n % 2)}.",
             f"Prices rose, Jo said, adding{'x' * n}"]  # fmt: skip
    for text in texts:
        assert _found(_trail(text)) == _found(_TRAIL.search(text)), text
    assert bool(_TRAIL.search(texts[0])) == (n <= 60)  # the limits are reached
    assert bool(_TRAIL.search(texts[2])) == (n <= 80)


def test_backward_test_rejects_a_plain_sentence() -> None:
    assert not _TRAIL_END_REVERSED.match("Prices rose by 3% last year."[::-1])
    assert _TRAIL_END_REVERSED.match('"Prices rose," he said.'[::-1])


@settings(max_examples=200, deadline=None)
@given(st.one_of(_matching(_ACCORDING_TRAIL), TEXTS))
def test_every_according_trail_contains_ccord(text: str) -> None:
    if _ACCORDING_TRAIL.search(text):
        assert "ccord" in text.lower()
    assert _found(_according_trail(text)) == _found(_ACCORDING_TRAIL.search(text))


def test_only_c_o_r_d_match_c_o_r_d_case_blind() -> None:
    """No other character matches a letter of "ccord" case-blind (as "ı" matches "i")."""
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    found = set(re.findall("[cord]", every, re.IGNORECASE))
    assert {ch.lower() for ch in found} == set("cord")


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_has_speech_verb_on_ascii_is_the_word_test(text: str) -> None:
    assert has_speech_verb(text) == _has_speech_verb_any(text)


def test_has_speech_verb_lower_cases_before_it_splits() -> None:
    assert has_speech_verb("The minister SAID so")
    assert has_speech_verb("He thin\u212as so")  # Kelvin sign: lower case is "k"
    assert not has_speech_verb("He sai_d so")


def test_unattributed_sentences_share_an_equal_value() -> None:
    assert _unattributed(12) == Attribution(None, None, 0, 12, None)
    assert find_attribution("Prices rose by three percent.") == Attribution(None, None, 0, 29, None)


def _person_name_as_written(phrase: str) -> str | None:
    """person_name before the speed work: every match of the plain regex, in turn."""
    for m in re.finditer(_NAME_BODY, phrase):
        name = name_of(m.group(0))
        if name is not None:
            return name
    return None


NAMES = st.lists(
    st.one_of(WORDS, st.sampled_from(["The", "BBC", "de", "Van", "van", "J.", "Le", "al", "bin",
                                      "Jo-Ann", "d’Arc", "Professor", "Mr.", "University", "der",
                                      "von", "du", "da", "la", "le", "bin"])),
    max_size=20,
).map(" ".join)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.one_of(TEXTS, NAMES))
def test_person_name_is_the_first_name_the_plain_regex_finds(text: str) -> None:
    assert person_name(text) == _person_name_as_written(text)
