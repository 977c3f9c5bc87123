"""Sentence boundaries as character offsets, by nupunkt (F1 0.987, about 15 MB/s).

Text is cut into blocks at blank lines first (paragraphs, headings and list items never
share a sentence), then nupunkt splits each block; spans are trimmed of whitespace.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING

from factcheck.segmenter.wordlists import wordset

if TYPE_CHECKING:
    from nupunkt import PunktSentenceTokenizer

_BLOCK_BREAK = re.compile(r"\n[ \t]*\n+")
_SENTENCE_END = re.compile(r"[.?!]")
# every _MISSED_BREAK match starts right after one of these (a cheap scan to rule it out)
_MAY_BREAK = re.compile(r"[.!?][\"”’]?\s")
_LINE_END = re.compile(r"[.!?:;\"”’')\]]$")
# nupunkt keeps "in the West. His take" together; split where a plain word of three or
# more letters ends a sentence and a capitalised word follows.
_MISSED_BREAK = re.compile(r"(?<=[A-Za-z]{3}[.!?])[\"”’]?\s+(?=[\"“‘]?[A-Z][a-z])")
_ABBREVIATIONS = wordset(
    "inc ltd corp gen col sgt gov sen rep rev hon prof mrs messrs jan feb mar apr aug sept oct "
    "nov dec ave blvd bros approx est etc vol fig dept univ assn capt cmdr lieut maj adm supt "
    "det insp mme mlle jr sr esp"
)


def blocks(text: str) -> Iterator[tuple[int, int]]:
    """Paragraph spans: separated by blank lines, or by a line break after a short line."""
    pos = 0
    for m in _BLOCK_BREAK.finditer(text):
        yield from _lines_of(text, pos, m.start())
        pos = m.end()
    yield from _lines_of(text, pos, len(text))


def _lines_of(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """A block whose lines end in sentence punctuation or are short is one line per unit;
    a hard-wrapped paragraph stays whole."""
    chunk = text[start:end]
    if "\n" not in chunk:
        if chunk.strip():
            yield start, end
        return
    unit_start = start
    offset = start
    for line in chunk.split("\n"):
        line_end = offset + len(line)
        stripped = line.rstrip()
        if stripped and (len(stripped) < 50 or _LINE_END.search(stripped)):
            if text[unit_start:line_end].strip():
                yield unit_start, line_end
            unit_start = line_end + 1
        offset = line_end + 1
    if unit_start < end and text[unit_start:end].strip():
        yield unit_start, end


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence in `text`, trimmed, in order."""
    spans: list[tuple[int, int]] = []
    for b_start, b_end in blocks(text):
        block = text[b_start:b_end]
        length = len(block.rstrip())
        if _one_sentence(block, length):
            # no . ? ! before the last character, so _MISSED_BREAK has nothing to cut
            lead = len(block) - len(block.lstrip())
            if length > lead:
                spans.append((b_start + lead, b_start + length))
            continue
        for s, e in _nupunkt_pieces(block):
            piece = block[s:e]
            lead = len(piece) - len(piece.lstrip())
            trail = len(piece) - len(piece.rstrip())
            start, end = b_start + s + lead, b_start + e - trail
            if end <= start:
                continue
            if _MAY_BREAK.search(text, start, end):
                spans.extend(_resplit(text, start, end))
            else:  # _MISSED_BREAK cannot match: the piece is one sentence
                spans.append((start, end))
    return spans


def _one_sentence(block: str, length: int) -> bool:
    """Whether `block` (non-blank, `length` long without trailing blanks) is one sentence
    without asking nupunkt, which only ends sentences at . ? ! (and …): a block with none
    (a heading, a list item), or whose only one is its last character, is kept whole
    whatever nupunkt decides there. Both are common."""
    last = length - 1
    return not (_SENTENCE_END.search(block, 0, last) or (block[last] in ".?!" and "…" in block))


def _nupunkt_pieces(block: str) -> list[tuple[int, int]]:
    """nupunkt.sent_spans(block) without the sentence strings it builds and we drop:
    its spans run from one sentence start to the next (the last one to the end)."""
    starts = [s for s, _ in _tokenizer().span_tokenize(block)]
    if not starts:
        return [(0, len(block))]
    return list(zip(starts, [*starts[1:], len(block)], strict=True))


@cache
def _tokenizer() -> PunktSentenceTokenizer:
    """nupunkt's default model (the one nupunkt.sent_spans uses), loaded once."""
    import nupunkt

    return nupunkt.load("default")


def _resplit(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Breaks nupunkt missed after an ordinary word (not an abbreviation)."""
    piece = text[start:end]
    pos = 0
    for m in _MISSED_BREAK.finditer(piece):
        word = re.search(
            r"([A-Za-z]+)[.!?][\"”’]?$", piece[: m.start() + len(m.group(0).rstrip())].rstrip()
        )
        if word is None or word.group(1).lower() in _ABBREVIATIONS:
            continue
        cut = m.start()
        if piece[pos:cut].strip():
            yield start + pos, start + cut
        pos = m.end()
    if piece[pos:].strip():
        yield start + pos, end
