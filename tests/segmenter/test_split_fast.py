"""The fast path of the sentence splitter gives nupunkt's own sentence starts.

`sentences._fast_split` decides plain candidates (a word, number or closing quote and a
period, any ! or ?) from nupunkt's model without running nupunkt, and gives up on
anything else. Here it is checked against nupunkt's `span_tokenize` on random texts
built from the pieces that make sentence splitting hard. On the BBC corpus (12,816
blocks, 12,306 taken by the fast path) the two agree everywhere: see
`test_fast_split_agrees_on_the_corpus`, which runs when ../shared is present.
"""

from __future__ import annotations

from pathlib import Path

import nupunkt
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from factcheck.segmenter import sentences
from factcheck.segmenter.sentences import _fast_split, _tokenizer, blocks, split_sentences

pytestmark = pytest.mark.skipif(
    nupunkt.__version__ != sentences._VERIFIED_NUPUNKT,
    reason="the fast path is off under another nupunkt version",
)

PIECES = st.sampled_from(
    ["Mr.", "Mrs.", "Dr.", "Gen.", "U.S.", "U.K.", "e.g.", "i.e.", "etc.", "Inc.", "Corp.",
     "St.", "No.", "vs.", "J.", "K.", "J. K.", "A.", "a.", "x.", "3.5", "3.5.", "2004.", "25.",
     "1.", "(a).", "(iv).", "iv.", "civil.", "ill.", "II.", "10.", "3-1.", "965,000.",
     "1.8%.", "£3bn.", "$5m.", "5m.", "long-term.", "week.", "month.", "ago.", "day.", "in.",
     "win.", "said.", "home.", "West.", "him.", "this.", "world.", '"', "“", "”", "‘", "’",
     "'", ".", '."', ".”", ".’", ".'", '".', "”.", "’.", ").", "(", ")", "[", "]", "!", "?",
     "?!", "!!", '!"', '?"', "?”", "...", "…", ". . .", "\n", "\t", " ", "  ", "\xa0",
     ",", ";", ":", "--", "-", "He", "he", "She", "The", "the", "It", "I", "In", "in",
     "And", "and", "Smith", "London", "But", "mr", "So", "A", "a", "Yahoo!", "said",
     "people", "rose", "by", "per", "cent", "2005", "Two", "two", "March", "may", "May",
     "x", "é", "İ", "K", "Ünal", "Jan.", "Feb.", "p.m.", "a.m.", "Ltd.", "Bros."]
)  # fmt: skip
SEPARATORS = st.sampled_from([" ", " ", " ", "", "\n", "  ", "\t"])
# Sentences the fast path takes more often: a few words, a last chunk, an end mark, maybe
# a quote, whitespace, and the next sentence's first word.
WORDS = st.sampled_from(["he", "said", "The", "rose", "by", "in", "It", "a", "of", "Mr", "US"])
LAST = st.sampled_from(
    ["home", "West", "week", "month", "ago", "day", "in", "all", "me", "win", "so", "York",
     "Mr", "Dr", "St", "etc", "Jan", "2004", "25", "3", "3-1", "1.5", "965,000", "1.8%",
     "£3bn", "5m", "long-term", "U.S", "p.m", '"bogus"', "(FAO)", "it’", "x", "ii", "civil",
     "Ltd", "Inc", "Bros", "co", "Sun", "no", "No", "vs", "al", "a", "I"]
)  # fmt: skip
ENDS = st.sampled_from([".", ".", ".", "!", "?", '."', ".”", ".’", ".'", '?"', "!”", ".)"])
GAPS = st.sampled_from([" ", " ", "  ", "\n", " \n", "\t", ""])
FIRSTS = st.sampled_from(
    ["He", "The", "In", "It", "Mr", "A", "I", "But", "Smith", "London", "he", "the", "and",
     "in", "2005", "10", '"We', "“We", "‘We", "(The", "...", "!", "Two", "Police", "Sun",
     "Street", "Ltd", "Co", "He,", "She:", "They's", "US"]
)  # fmt: skip
SENTENCES = st.lists(
    st.tuples(st.lists(WORDS, max_size=3), LAST, ENDS, GAPS, FIRSTS), min_size=1, max_size=8
).map(
    lambda parts: "".join(
        " ".join([*words, last]) + end + gap + first + " " for words, last, end, gap, first in parts
    )
)
TEXTS = st.one_of(
    SENTENCES,
    st.lists(st.tuples(PIECES, SEPARATORS), max_size=40).map(
        lambda parts: "".join(p + s for p, s in parts)
    ),
    st.lists(PIECES, max_size=30).map(" ".join),
    st.text(max_size=80),
)


def nupunkt_starts(block: str) -> list[int]:
    return [start for start, _ in _tokenizer().span_tokenize(block)]


def check_block(block: str) -> None:
    fast = _fast_split(block)
    if fast is None:
        return
    assert fast.starts == (nupunkt_starts(block) or [0])
    # `ends`: where each sentence but the last ends, trimmed of the whitespace before
    # the next start
    for end, next_start in zip(fast.ends, fast.starts[1:], strict=True):
        assert block[end:next_start].strip() == ""
        assert not block[end - 1].isspace()


@settings(max_examples=1500, deadline=None)
@given(TEXTS)
@example("He went home. The end.")
@example('It was "bogus". Then he left. In 2004. He won 3-1. "Why?" he asked. Fine.')
@example("It won the week. The month. Mr. Smith. U.S. Army. J. K. Rowling. 25. She")
@example("civil. War\n(iv). Item\n1. One\nill. Or")
@example("the Sun. He\nsaid. “Quote” ends.’ He")
def test_fast_split_gives_nupunkts_starts(text: str) -> None:
    for start, end in blocks(text):
        check_block(text[start:end])


@settings(max_examples=500, deadline=None)
@given(TEXTS)
def test_split_sentences_matches_with_the_fast_path_off(text: str) -> None:
    """The spans come out the same when every block goes through nupunkt."""
    fast = split_sentences(text)
    try:
        sentences._model.cache_clear()
        original = sentences._VERIFIED_NUPUNKT
        sentences._VERIFIED_NUPUNKT = "off"
        slow = split_sentences(text)
    finally:
        sentences._VERIFIED_NUPUNKT = original
        sentences._model.cache_clear()
    assert fast == slow


def test_the_fast_path_takes_plain_blocks_and_leaves_hard_ones() -> None:
    assert _fast_split("He went home. The end. In 2004. It rose 3.5%. Why? Fine!") is not None
    for hard in ["Wait... What?", "It is… over. Yes.", "J. K. Rowling wrote it. Yes.", "A?! B."]:
        assert _fast_split(hard) is None


def test_fast_split_agrees_on_the_corpus(bbc_dir: Path) -> None:
    """A seventh of the corpus (the whole of it was checked when the fast path was
    written)."""
    taken = 0
    for path in sorted(bbc_dir.glob("*/*.txt"))[::7]:
        text = path.read_text(encoding="utf-8", errors="replace")
        for start, end in blocks(text):
            check_block(text[start:end])
            taken += _fast_split(text[start:end]) is not None
    assert taken > 1000


def test_a_blank_line_after_an_abbreviation_is_nupunkts_break() -> None:
    """Found by hypothesis in CI: nupunkt ends a sentence at a blank line even after an
    abbreviation ("AK."), where the fast path, which knew only single newlines, did not."""
    for block in ["AK.\n\nA ", "OK.\n \nA man came.", "AK.\nA man came."]:
        assert sentences._nupunkt_pieces(block) == nupunkt.sent_spans(block)
