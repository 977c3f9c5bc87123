from factcheck.segmenter.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_abbreviations_and_decimals_do_not_break() -> None:
    text = "Mr. Smith paid $3.5 million to Dr. Jones. He left."
    assert sentences(text) == ["Mr. Smith paid $3.5 million to Dr. Jones.", "He left."]


def test_break_nupunkt_misses_after_a_plain_word() -> None:
    text = "He went to the West. His take on it was good."
    assert sentences(text) == ["He went to the West.", "His take on it was good."]


def test_paragraphs_and_headlines_never_share_a_sentence() -> None:
    text = "A headline without a stop\n\nFirst paragraph here. Second one.\n\nLast."
    assert sentences(text) == [
        "A headline without a stop",
        "First paragraph here.",
        "Second one.",
        "Last.",
    ]


def test_offsets_are_trimmed() -> None:
    text = "  One sentence.   Two sentence.  "
    for s, e in split_sentences(text):
        assert text[s:e] == text[s:e].strip()
