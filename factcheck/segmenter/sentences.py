"""Sentence boundaries as character offsets, by nupunkt (F1 0.987, about 15 MB/s).

Text is cut into blocks at blank lines first (paragraphs, headings and list items never
share a sentence), then nupunkt splits each block; spans are trimmed of whitespace.
Most blocks are decided without nupunkt by `_fast_starts` (see there), which gives
exactly nupunkt's boundaries or gives up.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
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
_MISSED_BREAK = re.compile(r"(?<=[A-Za-z]{3}[.!?])[\"”’]?\s+(?=[\"“‘]?(?:[A-Z][a-z]|[AI]\s))")
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
        fast = _fast_split(block)
        if fast is not None and fast.quiet:
            # every . ? ! inside a piece ends it: _MAY_BREAK finds nothing in the pieces
            fast.starts[0] = len(block) - len(block.lstrip())
            fast.ends.append(length)
            starts, ends = map(b_start.__add__, fast.starts), map(b_start.__add__, fast.ends)
            spans.extend(zip(starts, ends, strict=True))
            continue
        for s, e in _pieces(block, fast.starts if fast is not None else None):
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
    fast = _fast_split(block)
    return _pieces(block, fast.starts if fast is not None else None)


def _pieces(block: str, starts: list[int] | None) -> list[tuple[int, int]]:
    """`_nupunkt_pieces(block)` from the sentence starts, asking nupunkt without them."""
    if starts is None:
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


# ---------------------------------------------------------------------------------------
# The fast path. nupunkt (0.8.0) decides each candidate (a . ! ? followed by whitespace or
# punctuation) on its own, from the whitespace-free chunk ending in it and the next
# chunk, and starts the next sentence at the next token. Most candidates in news are
# plain: a word, a number or a closing quote and a period (or any ! ?), then a space
# and the next word. For those its two annotation passes come down to a few lookups in
# its model, made here without building its contexts, tokens and slices (five times
# the cost). Anything else (ellipses, initials, runs like "?!", odd spacing, two
# candidates in one chunk) gives up on the whole block, which nupunkt then splits.
# tests/segmenter/test_split_fast.py checks the two agree; the corpus check is in its
# docstring. Under another nupunkt version the fast path is off: its rules may differ.
_VERIFIED_NUPUNKT = "0.8.0"
# A candidate (. ! ? not before a letter or digit) and what follows it, in one match:
# - "on": closing punctuation, spaces and a lower-case letter. nupunkt never breaks
#   there (the quotation goes on: "Why?" he asked).
# - "tail": at most one closing quote, then spaces or newlines (no blank line: blocks
#   have none) up to the next token's start, which nupunkt's boundary realignment
#   leaves where it is; the match ends where the next sentence starts if this breaks.
# - neither: anything else.
_CANDIDATE = re.compile(
    r"[.!?](?![A-Za-z0-9])"
    r"(?:(?P<on>[\"”’')]+[ \t]+[a-z])|(?P<tail>[\"”’']?)[ \n]+(?=[A-Za-z0-9“‘]|\"[A-Za-z0-9]))?"
)
# After a candidate: closing punctuation and whitespace up to the block's end. Whatever
# nupunkt decides there, the block's last sentence starts where it started.
_TAIL_TO_END = re.compile(r"[\"”’')]*\s*")
# The next token when the decision depends on it: a plain word (a straight quote before
# it is dropped by nupunkt as closing punctuation), ending where nupunkt's word
# tokenizer ends it.
_NEXT_WORD = re.compile(r"\"?([A-Za-z]+)(?=[ \n]|[,;:][ \n])")
# A chunk that is one nupunkt token with its period: letters, digits, £ $ %, joined by
# single - . or , (none of which ends a token there).
_ONE_TOKEN = re.compile(r"[A-Za-z0-9£$%]+(?:[-.,][A-Za-z0-9£$%]+)*")
_NUMBER = re.compile(r"\d[\d,.-]*")  # a chunk nupunkt types as ##number##
# A list enumerator ("1.", "(a).", "iv.") starting its line is never a break in nupunkt.
_LINE_ENUMERATOR = re.compile(r"[ \t]*\(?(?:\d{1,3}|[A-Za-z]|[ivxlcIVXLC]{1,6})\)?\.")
# Before a period these make it a token of its own ("." after " and ), "”." "’." "'."):
# a break, unless the model has a collocation for it.
_CLOSERS_BEFORE_PERIOD = frozenset(")\"”’'")


@dataclass(frozen=True, slots=True)
class _Model:
    """The parts of nupunkt's model its decisions read, for the fast path."""

    abbreviations: Collection[str]
    collocations: Collection[tuple[str, str]]
    collocation_firsts: frozenset[str]
    ortho_context: dict[str, int]
    sent_starters: Collection[str]
    title_abbreviations: frozenset[str]
    break_rate: Callable[[str], bool | None]
    is_abbreviation: Callable[[Collection[str], str], bool]
    ortho_heuristic: Callable[[int, bool, bool], bool | str]


@cache
def _model() -> _Model | None:
    """The model of `_tokenizer()` as the fast path reads it, or None (no fast path)
    under a nupunkt version it was not checked against."""
    import nupunkt
    from nupunkt.core.base import is_abbreviation
    from nupunkt.tokenizers.sentence_tokenizer import ortho_heuristic

    if nupunkt.__version__ != _VERIFIED_NUPUNKT:
        return None
    tokenizer = _tokenizer()
    params = tokenizer.parameters
    return _Model(
        abbreviations=params.abbrev_types,
        collocations=params.collocations,
        collocation_firsts=frozenset(first for first, _ in params.collocations),
        ortho_context=params.ortho_context,
        sent_starters=params.sent_starters,
        title_abbreviations=frozenset(tokenizer._TITLE_ABBREVS),
        break_rate=tokenizer._break_rate_decision,
        is_abbreviation=is_abbreviation,
        ortho_heuristic=ortho_heuristic,
    )


@dataclass(slots=True)
class _FastSplit:
    """nupunkt's sentence starts in a block; `ends` are where the sentences before the
    last end, trimmed. `quiet`: every candidate inside a piece broke it, so no piece
    holds a . ? ! before whitespace (what _MAY_BREAK looks for)."""

    starts: list[int] = field(default_factory=lambda: [0])
    ends: list[int] = field(default_factory=list)
    quiet: bool = True


_BLANK_LINE = re.compile(r"\n\s*\n")


def _fast_split(block: str) -> _FastSplit | None:
    """The sentence starts nupunkt's `span_tokenize(block)` gives, or None where this
    cannot tell them without it. Candidates are decided one by one, as nupunkt decides
    each from its own context."""
    model = _model()
    if model is None or "\u2026" in block or _BLANK_LINE.search(block):
        # nupunkt ends a sentence at a blank line even after an abbreviation; the
        # pipeline's blocks never hold one (blocks() splits there), other callers ask it
        return None
    split = _FastSplit()
    lines = "\n" in block
    for m in _CANDIDATE.finditer(block):
        after = m.start() + 1
        how = m.lastgroup
        if how != "tail":
            if how == "on":
                split.quiet = False
            elif not _TAIL_TO_END.fullmatch(block, after):
                return None
            continue
        next_start = m.end()
        if block[after - 1] == ".":
            chunk_start = block.rfind(" ", 0, after) + 1
            if lines:
                chunk_start = max(chunk_start, block.rfind("\n", chunk_start, after) + 1)
            chunk = block[chunk_start : after - 1]
            window = after - 13  # nupunkt looks 12 characters back for an enumerator
            if (window <= 0 or (lines and block.find("\n", window, after) >= 0)) and _enumerator(
                block, max(window, 0), after
            ):
                return None  # a list enumerator, which nupunkt never breaks after
            if chunk.isalpha() and chunk.isascii() and len(chunk) > 1:
                typ = chunk.lower()  # a word: the common case
                if typ in model.abbreviations:
                    breaks = _second_pass(block, typ, True, next_start, model)
                else:
                    breaks = None if typ in model.collocation_firsts else True
            else:
                breaks = _period_breaks(block, chunk, next_start, model)
            if breaks is None:
                return None
            if not breaks:
                split.quiet = False
                continue
        # "!" or "?" before whitespace is a token of its own and always a break
        split.ends.append(m.end("tail"))
        split.starts.append(next_start)
    return split


def _enumerator(block: str, window: int, after: int) -> bool:
    """Whether the period before `after` ends a list enumerator starting its line, as
    nupunkt tells (it looks back no further than `window`)."""
    line_start = block.rfind("\n", window, after) + 1
    return bool(line_start or not window) and bool(
        _LINE_ENUMERATOR.fullmatch(block, line_start, after)
    )


def _period_breaks(block: str, chunk: str, next_start: int, model: _Model) -> bool | None:
    """Whether nupunkt breaks at a period after `chunk` (a whitespace-free stretch with no
    other candidate, not a list enumerator), before whitespace and the token at
    `next_start`; None when this cannot tell."""
    if not chunk:
        return None
    if chunk[-1] in _CLOSERS_BEFORE_PERIOD:
        return None if chunk[-1] in model.collocation_firsts else True
    if len(chunk) == 1 or not _ONE_TOKEN.fullmatch(chunk):
        return None  # an initial, or a chunk of several tokens
    if _NUMBER.fullmatch(chunk):
        return _second_pass(block, "##number##", False, next_start, model)
    typ = chunk.lower()
    letters = digits = 0
    for char in chunk:
        if char.isalpha():
            letters += 1
        elif char.isdigit():
            digits += 1
        elif char != ".":
            break  # - , £ $ %: not an abbreviation candidate
    else:
        if letters and letters >= digits and model.is_abbreviation(model.abbreviations, typ):
            return _second_pass(block, typ, True, next_start, model)
    return None if typ in model.collocation_firsts else True


def _second_pass(
    block: str, typ: str, abbreviation: bool, next_start: int, model: _Model
) -> bool | None:
    """nupunkt's second pass for a number (`typ` "##number##") or a known abbreviation
    of more than one letter, before the plain word at `next_start`; None before any
    other token."""
    word = _NEXT_WORD.match(block, next_start)
    if word is None:
        return None
    next_word = word.group(1)
    next_typ = next_word.lower()
    upper, lower = next_word[0].isupper(), next_word[0].islower()
    if abbreviation and typ in model.title_abbreviations and upper:
        return False
    if (typ, next_typ) in model.collocations:
        return False
    ortho = model.ortho_heuristic(model.ortho_context.get(next_typ, 0), upper, lower)
    if not abbreviation:
        return ortho is not False
    if upper:
        rate = model.break_rate(typ)
        if rate is not None:
            return rate
    return ortho is True or (upper and next_typ in model.sent_starters)
