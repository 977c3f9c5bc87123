"""The fast paths of split_sentences, carve and token_count give the answers of the plain
code they replaced (kept here, verbatim in substance, as the reference)."""

from __future__ import annotations

import re

import nupunkt
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.segmenter import sentences, spans
from factcheck.segmenter.sentences import split_sentences
from factcheck.segmenter.spans import carve, token_count

WORDS = st.sampled_from(
    [",", ", ", ";", "; ", " - ", " – ", "—", "  ", "\t", "\n", "\n\n", " ", "and", "AND", "And",
     "as well as", "as", "with", "With", "after", "but", "while", "whereas", "he", "she", "I",
     "says", "said", "of whom", "of which", "which", "who", "has", "was", "rejected", "failed",
     "(", ")", "[", "]", '"', "“", "”", "’", "'", "2,223", "3.5", "3.5bn", "1,2a", "£2bn", "10",
     "one", "million", "Mr.", "Dr.", "U.S.", "Inc.", "e.g.", "West.", "His", "The", "It", "…",
     "?", "!", ".", ". ", '."', "ſo", "aſ", "İ", "ı", "K", "é", "However,", "Meanwhile,",
     "Two years ago,", "In 2019,", "so far", "people", "rose", "spending", "x", "Unveiling",
     "With", "First shown", "Speaking,", "Asked"]
)  # fmt: skip
TEXTS = st.one_of(
    st.text(max_size=120),
    st.lists(st.one_of(WORDS, st.text(max_size=4)), max_size=50).map(" ".join),
    st.lists(WORDS, max_size=50).map("".join),
)
# printable ASCII, where carve's needle search replaces the regex scan
PLAIN = st.lists(
    st.one_of(
        WORDS.filter(lambda w: w.isascii() and w.isprintable()),
        st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=4),
    ),
    max_size=50,
).map(lambda ws: "".join(w + " " * (len(w) % 3) for w in ws))


# --- the reference code ---------------------------------------------------------------


def reference_split_sentences(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for b_start, b_end in sentences.blocks(text):
        block = text[b_start:b_end]
        whole = [(0, len(block))]
        for s, e in nupunkt.sent_spans(block) if sentences._SENTENCE_END.search(block) else whole:
            piece = block[s:e]
            lead = len(piece) - len(piece.lstrip())
            trail = len(piece) - len(piece.rstrip())
            if e - trail > s + lead:
                out.extend(sentences._resplit(text, b_start + s + lead, b_start + e - trail))
    return out


def reference_cut_points(text: str) -> list[tuple[int, int]]:
    cuts: list[tuple[int, int]] = []
    for m in spans._SPLIT.finditer(text):
        if spans._inside_brackets(text, m.start()) or spans._inside_quotes(text, m.start()):
            continue
        next_word = m.group("andnext")
        if next_word is not None and not spans._and_joins_clauses(
            text, cuts[-1][1] if cuts else 0, m, next_word
        ):
            continue
        if m.group("edlist") is not None and not spans._ED_LIST.search(text, m.end()):
            continue
        if m.group("aux") is not None and not spans._RELATIVE_BEFORE.search(text, 0, m.start()):
            continue
        if m.group("restated") is not None and not re.search(
            r"\d", text[max(0, m.start() - 20) : m.start()]
        ):
            continue
        if m.group("figure") is not None and not re.search(r"\d", text[m.end() :].split(",")[0]):
            continue
        cuts.append((m.start(), m.end()))
    return cuts


LEAD_IN = re.compile(f"^{spans._LEAD_IN_BODY}", re.IGNORECASE)
INTRO = re.compile(f"^{spans._INTRO_BODY}", re.IGNORECASE)


def reference_trim(text: str, start: int, end: int) -> tuple[int, int]:
    edge = spans._EDGE_PUNCT
    for _ in range(4):
        piece = text[start:end]
        stripped = piece.lstrip(edge)
        start += len(piece) - len(stripped)
        m = LEAD_IN.match(stripped) or INTRO.match(stripped)
        if m and m.end() < len(stripped):
            start += m.end()
            continue
        break
    piece = text[start:end]
    body = piece.rstrip(edge)
    while " " in body[1:] and body.rsplit(" ", 1)[1] in spans._DANGLING:
        body = body.rsplit(" ", 1)[0].rstrip(edge)
    end -= len(piece) - len(body)
    while (
        end < len(text) and text[end] in ')]"”’' and spans._unbalanced(text[start:end], text[end])
    ):
        end += 1
    if start > 0 and text[start - 1 : start] in ("(", "["):
        closer = {"(": ")", "[": "]"}[text[start - 1]]
        piece = text[start:end]
        if closer in piece and (
            text[start - 1] not in piece or piece.index(closer) < piece.index(text[start - 1])
        ):
            start -= 1
    if start >= end:
        return start, start
    return start, end


def reference_token_count(text: str) -> int:
    return len(spans._TOKEN.findall(text))


# --- sentences ------------------------------------------------------------------------


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_split_sentences_is_the_plain_split(text: str) -> None:
    assert split_sentences(text) == reference_split_sentences(text)


@settings(max_examples=300, deadline=None)
@given(TEXTS.filter(lambda t: t.strip() != ""))
def test_a_block_taken_as_one_sentence_is_one_for_nupunkt(block: str) -> None:
    """nupunkt is skipped for a block whose only . ? ! is its last non-blank character."""
    if sentences._one_sentence(block, len(block.rstrip())):
        assert not sentences._SENTENCE_END.search(block) or nupunkt.sent_spans(block) == [
            (0, len(block))
        ]


@settings(max_examples=300, deadline=None)
@given(TEXTS.filter(lambda t: t.strip() != ""))
def test_nupunkt_pieces_are_sent_spans(block: str) -> None:
    assert sentences._nupunkt_pieces(block) == nupunkt.sent_spans(block)


def test_blocks_skip_nupunkt_only_where_it_keeps_them_whole() -> None:
    for block in ["It rose by 3%.  ", "Why?", "Stop!\n", "No stop here", "Is it… over."]:
        one = sentences._one_sentence(block, len(block.rstrip()))
        assert one == (block != "Is it… over.")
        if one and sentences._SENTENCE_END.search(block):
            assert nupunkt.sent_spans(block) == [(0, len(block))]
    text = "He left the West. His take was good. Mr. Smith paid $3.5 million."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "He left the West.",
        "His take was good.",
        "Mr. Smith paid $3.5 million.",
    ]


# --- carve ----------------------------------------------------------------------------


def _spans_and_groups(matches: list[re.Match[str]]) -> list[tuple[tuple[int, int], dict]]:
    return [(m.span(), m.groupdict()) for m in matches]


@settings(max_examples=1000, deadline=None)
@given(st.one_of(TEXTS, PLAIN))
def test_split_matches_are_finditers(text: str) -> None:
    assert _spans_and_groups(spans._split_matches(text)) == _spans_and_groups(
        list(spans._SPLIT.finditer(text))
    )


@settings(max_examples=500, deadline=None)
@given(st.one_of(TEXTS, PLAIN))
def test_cut_points_are_the_plain_ones(text: str) -> None:
    assert spans._cut_points(text) == list(reference_cut_points(text))


def _top_level_alternatives(pattern: str) -> list[str]:
    parts, depth, current, chars = [], 0, "", iter(pattern)
    for ch in chars:
        if ch == "\\":
            current += ch + next(chars)
            continue
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if ch == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    return [*parts, current]


def test_every_split_alternative_begins_at_a_needle() -> None:
    """_split_matches tries _SPLIT only at _NEEDLE matches: each alternative must begin
    with "," or ";" and a blank, or with blanks and a dash or a word _NEEDLE knows."""
    alternatives = _top_level_alternatives(spans._SPLIT_BODY)
    assert len(alternatives) == 20
    for alt in alternatives:
        alt = re.sub(r"^\(\?P<\w+>", "", alt)
        alt = re.sub(r"^(?:\(\?<![^)]*\))+", "", alt)  # lookbehinds only narrow where it begins
        if alt.startswith((";\\s+", ",\\s+")):
            continue
        rest = re.sub(r"^(?:,\?)?\\s\+", "", alt)  # "\s+" or ",?\s+"
        assert rest != alt, alt
        if rest.startswith("[-–—]"):
            assert spans._NEEDLE.match(" - ")
            continue
        words = re.match(r"\(\?=(?:\(\?:)?([a-z|]+)\)?\\s", rest)
        assert words is not None, alt
        for word in words.group(1).split("|"):
            assert spans._NEEDLE.match(f" {word} "), word


def test_needles_in_a_run_of_spaces_and_after_commas() -> None:
    for text in [
        "prices rose  and  the  firm  fell", "prices rose ,  and the firm fell",
        "he came, with  his  wife  gone, and then,  he said  - left - home",
        "Prices ROSE, AND THE FIRM FELL; while  he said", "  and he said  with  x",
        "rose and and he fell", "one  -  two  -  three", "  , and  ,  and he",
    ]:  # fmt: skip
        matches = list(spans._SPLIT.finditer(text))
        assert matches
        assert _spans_and_groups(spans._split_matches(text)) == _spans_and_groups(matches)
        assert spans._cut_points(text) == list(reference_cut_points(text))


@settings(max_examples=500, deadline=None)
@given(st.one_of(TEXTS, PLAIN), st.integers(0, 130), st.integers(0, 130))
def test_trim_is_the_plain_trim(text: str, start: int, end: int) -> None:
    assert spans.trim(text, start, end) == reference_trim(text, start, end)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_too_small_reads_at_most_four_words(piece: str) -> None:
    assert spans._too_small(piece) == (
        len(piece.split()) <= 3 and reference_token_count(piece) <= 3
    )


@settings(max_examples=500, deadline=None)
@given(TEXTS, st.one_of(TEXTS, PLAIN))
def test_carve_is_the_plain_carve(before: str, body: str) -> None:
    article = before + body
    start, end = len(before), len(article)
    want = []
    for s, e in _reference_clauses(article, start, end):
        s, e = reference_trim(article, s, e)
        if e > s:
            want.append((s, e))
    assert carve(article, start, end) == want


def _reference_clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    start, gap = spans.lead_cut(text, start, end)  # domain rules, not fast paths
    if gap is None:
        gap = spans.appositive_gap(text, start, end)
    body = text[start:end]
    cuts = spans.with_lead(list(reference_cut_points(body)), start, gap)
    cuts = spans._keep_short_asides(body, cuts)
    # the joining of pieces is a domain rule too; the fast paths are the cuts and counts
    return spans.pieces_between(body, start, cuts, _reference_too_small)


def _reference_too_small(piece: str) -> bool:
    return len(piece.split()) <= 3 and reference_token_count(piece) <= 3


# --- token_count ----------------------------------------------------------------------

TOKENISH = st.lists(
    st.sampled_from(["1", "22", "a", "Bn", ",", ".", " ", "é", "٣", "\ud800", "x9", "-"]),
    max_size=30,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(st.one_of(TEXTS, TOKENISH))
def test_token_count_is_the_number_of_token_matches(text: str) -> None:
    assert token_count(text) == reference_token_count(text)


def test_token_count_on_numbers_that_run_on() -> None:
    for text, n in [("2,223 firms", 2), ("3.5bn", 2), ("1,2,3a", 2), ("1.,5", 2), ("a,b", 2),
                    ("£2bn, up 3.5%", 3), ("", 0), ("café ٣ x", 2)]:  # fmt: skip
        assert token_count(text) == reference_token_count(text) == n
