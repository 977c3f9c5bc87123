"""Carving claim spans out of a sentence: the clause or phrase a fact-checker would check.

A sentence is cut at clause boundaries (semicolons, spaced dashes, ", with", ", which",
"but", "while", "and" + a new verb or subject, "X of whom") so that two facts give two
spans; each piece then loses its connectives and lead-in adverbials. Pieces with nothing
checkable in them (no number, date, name, comparison, cause or attribution) are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factcheck.segmenter.wordlists import wordset

_TOKEN = re.compile(r"[A-Za-z0-9]+(?:[,.][0-9]+)*")
_VERBISH = wordset(
    "is are was were has have had will would could can may might shall should must does do did "
    "holds hold held won wins win became become becomes remains remain said says made makes "
    "took takes gave gives got gets went goes came comes saw sees rose rise rises fell falls "
    "grew grows paid pays sold sells bought buys left leaves kept keeps owns own led leads set "
    "sets put puts ran runs lost loses beat beats hit hits cut cuts"
)
_RELATIVE_BEFORE = re.compile(r",\s+(?:(?:[\w\-]+\s+){0,4}of\s+(?:whom|which)|who|which)\b")
_ED_LIST = re.compile(r"(?:,|\band)\s+[a-z]+ed\s")
_DASH = re.compile(r"\s+[-–—]\s+")
_SPEECH = wordset(
    "say says said believe believes think thinks insist insists argue argues claim claims warn "
    "warns fear fears hope hopes"
)
_PRONOUN_SUBJECT = frozenset(
    ["he", "she", "it", "they", "we", "i", "there", "this", "these", "those"]
)
# Every boundary begins with whitespace, a comma or a semicolon; the leading lookahead says
# so, and lets the scan skip all other positions at a fraction of the cost.
_SPLIT_GUARD = r"(?=[\s,;])"
_SPLIT_BODY = (
    r";\s+"
    r"|\s+[-–—]\s+"
    r"|,\s+(?=(?:with|while|whereas|which|who|but|although|though|adding|meaning|making|"
    r"spending|leaving|bringing|taking|giving|putting|showing|according|including)\b)"
    r"|\s+(?=(?:but|while|whereas)\s)"
    r"|,\s+(?=(?:[\w\-]+\s+){0,4}of\s+(?:whom|which)\b)"
    r"|,?\s+(?=and\s+(?P<andnext>[\w'’]+))"
    r"|,?\s+(?=as\s+well\s+as\s+(?:[$£€]?\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|"
    r"a\s+million|a\s+dozen|dozens|hundreds|thousands)\b))"
    r"|\s+(?=after\s+(?:[\w'’\-]+\s+){0,4}?(?:failed|was|were|had|has|have|is|are|did|"
    r"\w+ed)\b)"
    r"|,\s+(?=(?:he|she|they|it|we)\s+(?:says|said|believes|thinks|adds|added)\b)"
    r"|,\s+(?=(?:he|she|they|it|we|I)\s+\w+)"
    r"|(?P<aux>,\s+(?=(?:have|has|had|is|are|was|were|will|would|could|can)\s))"
    r"|(?P<edlist>,\s+(?=[a-z]+ed\s))"
    r"|\s+(?=with\s+(?:just\s+|only\s+)?(?:[\w'’\-]+\s+){0,3}?(?:\w+ing|\w+ed)"
    r"(?:\s+(?:\d|by|for|to|in|on|at|from|of|up|down|off|out|as)\b|[,.;]|$))"
    r"|\s+(?=as\s+(?:he|she|they|it)\s)"
)
_SPLIT = re.compile(f"{_SPLIT_GUARD}(?:{_SPLIT_BODY})", re.IGNORECASE)
_LEAD_IN = re.compile(
    r"^(?:(?:and|but|or|so(?!\s+far)|yet|however|although|though|while|whereas|meanwhile|also|still|"
    r"indeed|instead|moreover|furthermore|nonetheless|nevertheless|thus|then|with|after|as "
    r"well as|including|which|who|that)\b[,\s]*)+",
    re.IGNORECASE,
)
_INTRO = re.compile(
    r"^(?:(?:just\s+)?[\w\-]+\s+(?:years?|months?|weeks?|days?|decades?)\s+ago|in\s+\d{4}|"
    r"during\s+\d{4}|last\s+\w+|this\s+\w+|so\s+far|at\s+the\s+same\s+time|in\s+addition|"
    r"for\s+example|for\s+instance|in\s+fact|on\s+\w+day|in\s+the\s+\w+|however|meanwhile|"
    r"in\s+its\s+case|in\s+other\s+words),\s+",
    re.IGNORECASE,
)
_EDGE_PUNCT = " \t\n,;:.!?\"“”‘’'()[]-–—"
_CLOSERS = {"(": ")", "[": "]"}


def tokens(text: str) -> list[str]:
    """Lower-cased runs of letters and digits; "2,223" is one token ("2223")."""
    return [t.lower().replace(",", "").replace(".", "") for t in _TOKEN.findall(text)]


def token_count(text: str) -> int:
    """len(tokens(text)) without building the lower-cased tokens."""
    return len(_TOKEN.findall(text))


_NAMED_SUBJECT = re.compile(
    r"^(?:[A-Z][\w'’\-]+\s+){1,3}(?:\w+ing|\w+ed|is|are|was|were|has|have|had|will|won|said)\b"
)
_DETERMINED_SUBJECT = re.compile(
    r"^(?:[\w'’\-]+\s+){1,4}?(?:is|are|was|were|has|have|had|will|would|\w+ed)\b"
)


def _and_starts_clause(next_word: str, rest: str, comma: bool) -> bool:
    low = next_word.lower()
    if low in ("now", "also", "then", "still", "later", "thus", "has", "have"):
        return True
    if low in _PRONOUN_SUBJECT or low in _VERBISH or low in _SPEECH:
        return True
    if _NAMED_SUBJECT.match(rest):
        return True
    if low.endswith("ed") and len(low) > 4 and low not in ("red", "united", "need"):
        return True
    return bool(
        (comma or low != "the")
        and low in ("the", "its", "his", "her", "their")
        and _DETERMINED_SUBJECT.match(rest)
    )


def _cut_points(text: str) -> Iterator[tuple[int, int]]:
    """(gap start, gap end) for each clause boundary in `text`."""
    for m in _SPLIT.finditer(text):
        if _inside_brackets(text, m.start()):
            continue
        next_word = m.group("andnext")
        if next_word is not None and not _and_starts_clause(
            next_word, text[m.end() + 4 :], "," in m.group(0)
        ):
            continue
        if m.group("edlist") is not None and not _ED_LIST.search(text, m.end()):
            continue  # "EU member states, rejected ...": the end of an aside, not a list
        if m.group("aux") is not None and not _RELATIVE_BEFORE.search(text, 0, m.start()):
            continue
        yield m.start(), m.end()


def _inside_brackets(text: str, pos: int) -> bool:
    return text.count("(", 0, pos) > text.count(")", 0, pos)


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clause spans of text[start:end], before trimming; short dashed asides stay inside."""
    body = text[start:end]
    cuts = _keep_short_asides(body, list(_cut_points(body)))
    pieces: list[tuple[int, int]] = []
    pos = 0
    for gap_start, gap_end in cuts:
        if gap_start > pos:
            pieces.append((pos, gap_start))
        pos = gap_end
    pieces.append((pos, len(body)))
    merged: list[tuple[int, int]] = []
    for s, e in pieces:
        if merged and _too_small(body[s:e]):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    if len(merged) > 1 and _too_small(body[merged[0][0] : merged[0][1]]):
        merged[1] = (merged[0][0], merged[1][1])
        merged.pop(0)
    return [(start + s, start + e) for s, e in merged]


def _keep_short_asides(body: str, cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """ "One in 10 US adults - 22 million people - now owns": a short aside between two
    dashes stays inside its clause."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(cuts):
        a = cuts[i]
        if i + 1 < len(cuts):
            b = cuts[i + 1]
            if (
                _DASH.fullmatch(body[a[0] : a[1]])
                and _DASH.fullmatch(body[b[0] : b[1]])
                and token_count(body[a[1] : b[0]]) <= 4
            ):
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _too_small(piece: str) -> bool:
    """Short asides ("22 million people", "he says") are not clauses of their own."""
    return len(piece.split()) <= 3 and token_count(piece) <= 3


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop connectives, lead-in adverbials and edge punctuation; keep balanced quotes."""
    for _ in range(4):
        piece = text[start:end]
        stripped = piece.lstrip(_EDGE_PUNCT)
        start += len(piece) - len(stripped)
        m = _LEAD_IN.match(stripped) or _INTRO.match(stripped)
        if m and m.end() < len(stripped):
            start += m.end()
            continue
        break
    piece = text[start:end]
    end -= len(piece) - len(piece.rstrip(_EDGE_PUNCT))
    # put back a closing bracket or quote whose opener is inside the span
    while end < len(text) and text[end] in ')]"”’' and _unbalanced(text[start:end], text[end]):
        end += 1
    if start >= end:
        return start, start
    return start, end


def _unbalanced(piece: str, closer: str) -> bool:
    if closer == ")":
        return piece.count("(") > piece.count(")")
    if closer == "]":
        return piece.count("[") > piece.count("]")
    if closer == "”":
        return piece.count("“") > piece.count("”")
    if closer == '"':
        return piece.count('"') % 2 == 1
    return False


def carve(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Trimmed clause spans inside text[start:end], empty ones left out."""
    out = []
    for s, e in clauses(text, start, end):
        s, e = trim(text, s, e)
        if e > s:
            out.append((s, e))
    return out
