"""The shortcuts taken for speed give the same answers as the slow paths they replace."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.segmenter.quantities import _NUMBER_BODY, _NUMBER_RE
from factcheck.segmenter.scoring import _ENTITY, _ENTITY_BODY, _VAGUE, _vague
from factcheck.segmenter.spans import _SPLIT, _SPLIT_BODY, token_count, tokens
from factcheck.segmenter.speakers import _NAME, _NAME_BODY, find_attribution, has_speech_verb

WORDS = st.sampled_from(
    ["said", "Said", "says", "according", "to", "he", "she", "Mr", "Smith", "a", "million",
     "dozen", "US$3", "£2bn", "5%", "2,223", "one", "twenty-one", "half", "and", "with", "which",
     ",", ";", " - ", "—", "(", ")", "\n", "It is clear that", "believes", "the", "rose",
     "Some", "SOME", "ſome", "İntended to", "very", "McDonald", "O’Neill", "US", ". Then", "BBC"]
)  # fmt: skip
TEXTS = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(WORDS, st.text(max_size=6)), max_size=40).map(" ".join),
)


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_token_count_is_the_number_of_tokens(text: str) -> None:
    assert token_count(text) == len(tokens(text))


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_known_speech_flag_gives_the_same_attribution(text: str) -> None:
    assert find_attribution(text, "Jo Smith", speech=has_speech_verb(text)) == find_attribution(
        text, "Jo Smith"
    )


def test_has_speech_verb_reads_whole_words() -> None:
    assert has_speech_verb("Prices rose, the minister SAID.")
    assert has_speech_verb("According to the report, prices rose.")
    assert not has_speech_verb("The sayings of the saddest man.")


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_guarded_regexes_match_as_the_unguarded_ones_do(text: str) -> None:
    """The leading lookaheads only restate where a match can begin."""
    pairs = (
        (_NUMBER_RE, _NUMBER_BODY),
        (_SPLIT, _SPLIT_BODY),
        (_ENTITY, _ENTITY_BODY),
        (_NAME, _NAME_BODY),
    )
    for guarded, body in pairs:
        bare = re.compile(body, guarded.flags)
        assert [(m.span(), m.groupdict()) for m in guarded.finditer(text)] == [
            (m.span(), m.groupdict()) for m in bare.finditer(text)
        ]


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_vague_wording_on_lower_case_text_is_the_case_blind_match(text: str) -> None:
    m = _VAGUE.search(text)
    assert _vague(text) == (m.group(0) if m else None)


@settings(max_examples=200, deadline=None)
@given(TEXTS.map(lambda t: t.translate(str.maketrans(".?!…", "    "))))
def test_nupunkt_keeps_a_block_without_sentence_ends_whole(text: str) -> None:
    """split_sentences skips nupunkt for such blocks (nupunkt also ends sentences at "…",
    which split_sentences leaves inside a block that has no . ? or !)."""
    import nupunkt

    assert nupunkt.sent_spans(text) == ([(0, len(text))] if text else [])


@settings(max_examples=300, deadline=None)
@given(TEXTS.map(lambda t: t.replace("Smith", "March").replace("rose", "ſeptember")))
def test_month_word_test_on_lower_case_text_is_the_case_blind_one(text: str) -> None:
    from factcheck.segmenter.times import _MONTH_WORD, _has_month_word

    low = " " + text.lower().replace("\n", " ")
    assert _has_month_word(text, low) == (_MONTH_WORD.search(text) is not None)
