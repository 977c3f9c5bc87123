"""Carving claim spans out of a sentence: the clause or phrase a fact-checker would check.

A sentence is cut at clause boundaries (semicolons, spaced dashes, ", with", ", which",
"but", "while", "and" + a new verb or subject, "X of whom") so that two facts give two
spans; each piece then loses its connectives and lead-in adverbials. Pieces with nothing
checkable in them (no number, date, name, comparison, cause or attribution) are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from factcheck.segmenter.wordlists import IRREGULAR_PAST, MONTH_NAMES, WEEKDAY_NAMES, wordset

# token_count counts these without the regex and relies on this exact shape
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
# so, and lets the scan skip all other positions at a fraction of the cost. A new
# alternative that begins with blanks needs its next word (or dash) in _NEEDLE too.
_SPLIT_GUARD = r"(?=[\s,;])"
_SPLIT_BODY = (
    r";\s+"
    r"|\s+[-–—]\s+"
    r"|,\s+(?=(?:with|while|whereas|which|who|whose|but|although|though|adding|saying|arguing|insisting|claiming|warning|"
    r"stressing|explaining|meaning|making|"
    r"spending|leaving|bringing|taking|giving|putting|showing|according|cutting|"
    r"raising|offering|reaching|rising|falling|creating|boosting|pushing|prompting|forcing|"
    r"sending|ending|costing|earning|doubling|increasing|reducing|even\s+though|even\s+if|"
    r"(?:helped|driven|boosted|hit|hurt|fuelled|fueled|dragged)\s+by|"
    r"(?:slightly|well|far|just)\s+(?:below|above)|(?:below|above)\s+(?:the|its|a|an))\b)"
    r"|,\s+(?=(?:[a-z]+ly\s+)?(?!(?:including|according|during|regarding|concerning|nothing|"
    r"something|everything|anything|morning|evening|building|being|following)\b)[a-z]{2,}ing\s)"
    r"|(?<!\sa)\s+(?=(?:but|while|whereas|although)\s)"  # not "for a while"
    # "which" and "until" start a claim only when their clause holds a figure
    r"|(?P<figure>(?<!\shas)(?<!\shave)(?<!\shad)\s+(?=(?:which|until)\s))"  # not "has until"
    r"|,\s+(?=(?:[\w\-]+\s+){0,4}of\s+(?:whom|which)\b)"
    # ", 6% more than Wednesday's closing price", ", up from 3.1% in May": a figure of its own
    r"|,\s+(?=(?:up|down)\s+(?:by\s+|from\s+)?(?:[$£€]|\d)"
    r"|\d[\d,.]*\s?(?:%|per\s?cent)?\s+(?:more|less|higher|lower|above|below)\b)"
    # "grew just 0.1%, an annual rate of 0.3%", "to 2.3%, the fastest rate in two years":
    # the same figure told again, or a record, is a claim of its own (after a figure only)
    r"|(?P<restated>,\s+(?=(?:a|an)\s+(?:[\w'’\-]+\s+){0,2}?of\s+[$£€]?\d|"
    r"(?:a|an|the)\s+(?:[\w'’\-]+\s+){0,2}?(?:record\b|"
    r"(?!(?:interest|protest|request|contest|forest|honest|guest|west|test|rest|chest|quest|"
    r"arrest|harvest|conquest|modest|inquest)\b)[a-z]+est\b)))"
    r"|,?\s+(?=and\s+(?P<andnext>[\w'’]+))"
    r"|,?\s+(?=as\s+well\s+as\s+(?:[$£€]?\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|"
    r"a\s+million|a\s+dozen|dozens|hundreds|thousands)\b))"
    r"|\s+(?=after\s+(?:[\w'’\-]+(?:,\d{3})*\s+){0,4}?(?:failed|was|were|had|has|have|is|are|did|"
    r"\w+ed)\b)"
    r"|\s+(?=before\s+(?:[\w'’\-]+\s+){1,5}?(?:was|were|had|has|have|is|are|did|\w+ed)\b)"
    r"|,\s+(?=(?:he|she|they|it|we)\s+(?:says|said|believes|thinks|adds|added)\b)"
    r"|,\s+(?=(?:he|she|they|it|we|I)\s+\w+)"
    r"|(?P<aux>,\s+(?=(?:have|has|had|is|are|was|were|will|would|could|can)\s))"
    r"|(?P<edlist>,\s+(?=[a-z]+ed\s))"
    r"|\s+(?=with\s+(?:just\s+|only\s+)?(?:[\w'’\-]+\s+){0,3}?(?:\w+ing|\w+ed)"
    r"(?:\s+(?:\d|by|for|to|in|on|at|from|of|up|down|off|out|as|a|an|the|his|her|their|its)\b"
    r"|[,.;]|$))"
    r"|\s+(?=as\s+(?:he|she|they|it)\s)"
    r"|,\s+(?=as\s+(?:the|a|an|his|her|its|their)\s+(?:[\w'’\-]+\s+){0,3}?"
    r"(?:has|have|is|are|was|were|had|will|would|could|can|did|does)\b)"
)
_SPLIT = re.compile(f"{_SPLIT_GUARD}(?:{_SPLIT_BODY})", re.IGNORECASE)
_LEAD_IN_WORDS = (
    "and", "but", "or", r"so(?!\s+far)", "yet", "however", "although", "though", "while",
    r"even\s+though", r"even\s+if",
    "whereas", "meanwhile",
    # not "Also present at the service was ...": an inverted sentence starts with it
    r"also(?!\s+(?:in|on|at|present|among|available|up|out|new|(?:not\s+)?[a-z]+(?:ing|ed)|"
    r"taken|given|seen|shown|known|held|won|made)\b)",
    r"still(?=\s*,)", "indeed", "instead", "moreover",
    "furthermore", "nonetheless", "nevertheless", "thus", "then", "with",
    # not "Before 1997 most pensioners ...", "Still images ...": part of the claim
    r"after(?!\s+\d)", r"before(?!\s+\d)", "as well as",
    r"as(?=\s+(?:the|a|an|his|her|its|their)\s+(?:[\w'’\-]+\s+){0,3}?"
    r"(?:has|have|is|are|was|were|had|will|would|could|can|did|does)\b)",
    "including",
    "which", "who",
    # "that" as a connective, not "That is the resolution" (a demonstrative subject)
    r"that(?!\s+(?:is|was|are|were|has|had|will|would|could|can|may|might|must|does|did|"
    r"seems|means|remains|'s)\b)",
)  # fmt: skip
# not "That's" or "Who'd": a contraction is a subject and its verb
_LEAD_IN_BODY = rf"(?:(?:{'|'.join(_LEAD_IN_WORDS)})(?!['’])\b[,\s]*)+"
_INTRO_BODY = (
    r"(?:(?:just\s+)?[\w\-]+\s+(?:years?|months?|weeks?|days?|decades?)\s+ago|in\s+\d{4}|"
    r"during\s+\d{4}|last\s+\w+|this\s+\w+|so\s+far|at\s+the\s+same\s+time|in\s+addition|"
    r"for\s+example|for\s+instance|in\s+fact|on\s+\w+day|in\s+the\s+\w+|however|meanwhile|"
    r"in\s+its\s+case|in\s+other\s+words),\s+"
)
# Matched with .match(text, pos, endpos), so without "^" (which holds only at a string's
# real start): trim reads them in place instead of slicing the article at every step.
_LEAD_IN_AT = re.compile(_LEAD_IN_BODY, re.IGNORECASE)
# A lead-in begins with one of these. Case-blind matching also pairs a few non-ASCII
# characters with ASCII letters ("ſ" with "s"), so a non-ASCII first character still tries.
_LEAD_IN_INITIALS = frozenset(w[0] for w in _LEAD_IN_WORDS) | {w[0].upper() for w in _LEAD_IN_WORDS}
_INTRO_AT = re.compile(_INTRO_BODY, re.IGNORECASE)
_EDGE_PUNCT = " \t\n,;:.!?\"“”‘’'()[]-–—"
# Words that join a span to what follows it, never end one
_DANGLING = wordset("and but or which who when because although though yet")
_CLOSERS = {"(": ")", "[": "]"}
# what str.lstrip(_EDGE_PUNCT) drops, read in place
_EDGE_RUN = re.compile(f"[{re.escape(_EDGE_PUNCT)}]*")


def tokens(text: str) -> list[str]:
    """Lower-cased runs of letters and digits; "2,223" is one token ("2223")."""
    return [t.lower().replace(",", "").replace(".", "") for t in _TOKEN.findall(text)]


def token_count(text: str) -> int:
    """len(tokens(text)) without building the tokens.

    Unless a comma or full stop is followed by a digit ("2,223", "3.5": rare), no token
    runs on past one, so the tokens are the runs of ASCII letters and digits, counted as
    the places where another byte meets one (all in C: UTF-8 bytes of other characters are
    never ASCII, and surrogatepass encodes any str).
    """
    if _JOIN.search(text):
        return len(_TOKEN.findall(text))
    return (" " + text).encode("utf-8", "surrogatepass").translate(_ALNUM_TO_A).count(b" a")


_JOIN = re.compile(r"[,.][0-9]")
# bytes of ASCII letters and digits become "a", all others " "
_ALNUM_TO_A = bytes(
    ord("a") if chr(b).isascii() and chr(b).isalnum() else ord(" ") for b in range(256)
)


_NAMED_SUBJECT = re.compile(
    r"^(?:[A-Z][\w'’\-]+\s+){1,3}(?:\w+ing|\w+ed|is|are|was|were|has|have|had|will|won|said)\b"
)
_DETERMINED_SUBJECT = re.compile(
    r"^(?:[\w'’\-]+\s+){1,4}?(?:is|are|was|were|has|have|had|will|would|\w+ed)\b"
)


_SUBORDINATORS = frozenset(["if", "when", "because", "although"])


def _and_starts_clause(next_word: str, rest: str, comma: bool) -> bool:
    low = next_word.lower()
    if low in ("has", "have"):
        return True
    if low == "that":  # "said X had ... and that Mr Blair had decided ...": a second report
        return bool(_HAS_VERB.search(rest[:80]))
    if low in _SUBORDINATORS:  # "... and if he is declared fit ..."
        return True
    if low in ("now", "also", "then", "still", "later", "thus"):
        # "and also confidential radio channels" lists; "and then he left" is a clause
        following = rest.split(maxsplit=1)
        return bool(following) and _and_starts_clause(
            following[0].strip(",;:"), following[1] if len(following) > 1 else "", comma
        )
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


def _and_joins_clauses(text: str, left_start: int, m: re.Match[str], next_word: str) -> bool:
    """Whether the "and" at `m` joins two clauses, not two verbs or two names.

    "stopped and searched", "arrested and charged": one claim about one event; "William
    Trowbridge and Michael Chicoine have pleaded": the left side has no verb yet, so it
    is half of the subject.
    """
    comma = "," in m.group(0)
    rest = text[m.end() + 4 :]
    if _figure_pair(text, left_start, m.start(), rest):
        return True
    if not _and_starts_clause(next_word, rest, comma):
        return False
    if (
        not comma
        and next_word[:1].isupper()
        and _PLACE_BEFORE.search(text, max(0, m.start() - 60), m.start())
    ):
        return False  # "the top Catholic in England and Wales backed ...": one place
    if comma or next_word.lower() in _SUBORDINATORS:
        return True
    left = text[left_start : m.start()]
    previous = left.rsplit(None, 1)[-1].lower() if left.strip() else ""
    if previous in _TRY_AND:
        return False  # "try and hit them on the break": "try to hit"
    if _ED_START.match(left):
        return True  # the last of a list of predicates: "..., lied about X and ignored Y"
    if next_word.lower().endswith("ed") and (
        previous.endswith(("ed", "en")) or not _ED_CLAUSE.match(rest)
    ):
        return False  # "stopped and searched", "tax cuts and increased social spending"
    return bool(_HAS_VERB.search(left))


_TRY_AND = wordset("try tries tried trying")
_ED_CLAUSE = re.compile(
    r"\S+\s+(?:the|a|an|its|his|her|their|our|my|this|that|these|those|it|them|him|us|to|"
    r"by|in|on|at|from|for|with|into|up|down|out|off|over|about|more|less|himself|herself|"
    r"itself|themselves|[$£€]?\d)\b",
    re.IGNORECASE,
)
# "in England", "of Trinidad": a name inside a phrase that the next name continues
_CALENDAR_NAMES = "|".join(w.capitalize() for w in (*MONTH_NAMES, *WEEKDAY_NAMES))
_PLACE_BEFORE = re.compile(
    r"\b(?:in|of|for|from|across|throughout|between|to|at)\s+(?:the\s+)?"
    rf"(?!(?:{_CALENDAR_NAMES})\Z)[A-Z][\w'’\-]+\Z"
)
_ED_START = re.compile(r"\s*[a-z]{2,}ed\s")
_HAS_VERB = re.compile(
    r"\b(?:" + "|".join(sorted(_VERBISH)) + r"|[a-z]{2,}ed|[a-z]{3,}ing"
    r"|[a-z]{3,}s(?=\s+(?:the|a|an|to|that)\b))\b"
)


def _figure_pair(text: str, left_start: int, and_at: int, rest: str) -> bool:
    """ "scaled back to 4.0% from 4.4% this year and 2.1% from 2.8% in 2005", "rose by 8%
    globally and by 24% in China": a second figure with words of its own is a second claim.
    A range ("between 10 and 12"), a pair of years ("in 2003 and 2004") or figures that
    share their words ("3 and 4 goals") stay whole."""
    right = _FIGURE_AFTER_AND.match(rest)
    if right is None:
        return False
    left = text[left_start:and_at]
    clause = right.group("clause")
    if (
        token_count(left) < 3
        or not _HAS_VERB.search(left)  # "a sample of 500 X and 500 Y showed": one subject
        or _RANGE_OPEN.search(left)
        or _SHARED_WORDS.search(left)
        or "respectively" in clause
    ):
        return False
    # "... spam e-mails and 24% have bought clothes": a figure that is a new subject
    return (_DIGIT.search(left) is not None or _SUBJECT_FIGURE.match(clause) is not None) and (
        token_count(clause) >= 3
    )


# the figure after "and", and its clause up to the next comma, semicolon or dash
_FIGURE_AFTER_AND = re.compile(
    r"(?P<clause>(?:by\s+|to\s+)?[$£€]?(?!(?:1[89]|20)\d\d\b)\d[\d,.]*(?:%|\s?per\s?cent)?\s+"
    rf"(?!(?:{_CALENDAR_NAMES})\b)[^,;()–—]*?)"
    r"(?=\s*(?:[,;()–—]|\s-\s|$))"
)
_SUBJECT_FIGURE = re.compile(r"\S+\s+(?:of\s+\w+\s+)?(?:have|has|had|are|were|is|was|said|say)\b")
# "between 10 and 12", "aged 18 and over": the "and" closes a range
_RANGE_OPEN = re.compile(r"\b(?:between|aged)\s+\S+(?:\s+[a-z]+)?\Z", re.IGNORECASE)
# "rose by 3% and 1.2% in the two regions", "84 movies, 40 programs, 13 games and 178
# recordings": two figures side by side, or the last of a list, share the words after them
_SHARED_WORDS = re.compile(r"(?:\d%?|per\s?cent)\Z|,\s+[$£€]?\d[^,]{0,30}\Z")


def _figure_clause(text: str, start: int) -> bool:
    """A clause from `start` to the next comma or end that holds a figure: "which
    stretches over more than 1.5 million square feet" is a claim of its own."""
    stop = text.find(",", start)
    return _DIGIT.search(text, start, stop if stop >= 0 else len(text)) is not None


def _cut_points(text: str) -> list[tuple[int, int]]:
    """(gap start, gap end) for each clause boundary in `text`."""
    cuts: list[tuple[int, int]] = []
    brackets = "(" in text  # without one, nothing is inside brackets
    quotes = '"' in text or "“" in text
    for m in _split_matches(text):
        if brackets and _inside_brackets(text, m.start()):
            continue
        if quotes and _inside_quotes(text, m.start()):
            continue  # a quotation is the speaker's words: never cut
        next_word = m.group("andnext")
        if next_word is not None and not _and_joins_clauses(
            text, cuts[-1][1] if cuts else 0, m, next_word
        ):
            continue
        if m.group("edlist") is not None and not _ED_LIST.search(text, m.end()):
            continue  # "EU member states, rejected ...": the end of an aside, not a list
        if m.group("aux") is not None and not _RELATIVE_BEFORE.search(text, 0, m.start()):
            continue
        if m.group("restated") is not None and not _DIGIT.search(
            text, max(0, m.start() - 20), m.start()
        ):
            continue  # "Baoshan, the country's largest steel producer": an appositive
        if m.group("figure") is not None and not _figure_clause(text, m.end()):
            continue  # "the firm which makes ...": the noun's own clause
        cuts.append((m.start(), m.end()))
    return cuts


# Where a _SPLIT match can begin in printable ASCII text, whose only blank is " ": every
# alternative starts with "," or ";" and a blank, or with blanks and then a dash or one of
# the (lower-cased) words that follow a blank in _SPLIT, and a blank. Each branch begins
# with a literal character, so the scan skips all others; each match is one character
# long, so needles that share a space (", and ") are all found.
_NEEDLE = re.compile(
    r",(?= )|;(?= )"
    r"| (?=- |but |while |whereas |although |which |until |and |as |after |before |with )"
)


def _split_matches(text: str) -> list[re.Match[str]]:
    """The matches of _SPLIT.finditer(text), found faster in plain ASCII text.

    The scan tries a long alternation at every blank, which cost most of carve. In text
    of printable ASCII characters every match begins at a _NEEDLE match in the lower-cased
    text (lower() keeps ASCII offsets) or, for a needle that is a space, at the first
    space of its run. _SPLIT.match is tried only there, left to right, resuming after
    each match as finditer does (and never before that point). Other text takes the
    plain scan.
    """
    if not (text.isascii() and text.isprintable()):
        return list(_SPLIT.finditer(text))
    matches = []
    pos = 0
    for needle in _NEEDLE.finditer(text.lower()):
        i = needle.start()
        if i < pos:
            continue
        if text[i] == " ":  # no needle lies inside a run, so starts stay in order
            while i > pos and text[i - 1] == " ":
                i -= 1
        m = _SPLIT.match(text, i)
        if m is not None:
            matches.append(m)
            pos = m.end()
    return matches


def _inside_brackets(text: str, pos: int) -> bool:
    return text.count("(", 0, pos) > text.count(")", 0, pos)


def _inside_quotes(text: str, pos: int) -> bool:
    """Inside a quotation that opens after the clause starts and closes later: 'the
    company's "most affordable car ever and makes the brand accessible"'. A quotation
    that is the whole clause is the speaker's claims, cut like any other clause."""
    if text.count("“", 0, pos) > text.count("”", 0, pos):
        opener = text.rfind("“", 0, pos)
        return "”" in text[pos:] and bool(text[:opener].strip())
    if text.count('"', 0, pos) % 2 == 1 and '"' in text[pos:]:
        return bool(text[: text.rfind('"', 0, pos)].strip())
    return False


# "Unveiling the 418bn-rand budget to parliament, Mr Manuel said ...", "First shown at
# the 2003 Detroit show, the Vantage will ...", "With a price tag under £80,000, the ...":
# a participle or "with" phrase before the subject. It is a claim of its own when it holds
# a figure; otherwise it is scene-setting, and the clause after it is the claim.
_LEAD_PHRASE = re.compile(
    r"(?:(?:Just|First|Originally|Previously|Once|Later)\s+)?"
    r"(?!(?:During|According|Including|Regarding|Concerning|Excluding|Notwithstanding|"
    r"Nothing|Something|Everything|Anything|Indeed|Speed|Feed|Seed|Need|Shed)\b)"
    r"(?:[A-Za-z]{2,}(?:ing|ed)|[Ss]hown|[Gg]iven|[Kk]nown|[Ss]een|[Bb]uilt|[Bb]orn|[Mm]ade|"
    r"With|Despite|Unlike|Following|Until|Since|After|Before)\b"
    r"(?:[^,;:\"“”()]|,(?=\S)|\([^()]{1,40}\)){3,120}?(?P<gap>,\s+)"
    r"(?=[A-Z]|(?:the|a|an|its|his|her|their|he|she|it|they|we)\b|(?:[a-z]+\s+){1,2}[A-Z])"
)
_DIGIT = re.compile(r"\d")


def lead_cut(text: str, start: int, end: int) -> tuple[int, tuple[int, int] | None]:
    """Where the clauses of text[start:end] begin, and the gap after a lead phrase that
    is a claim of its own (absolute offsets), or None."""
    lead = _LEAD_PHRASE.match(text, start, end)
    if lead is None:
        return start, None
    if not _DIGIT.search(text, start, lead.start("gap")):
        return lead.end(), None  # scene-setting without a figure: not part of the claim
    return start, lead.span("gap")


# "Ancic, Wimbledon semi-finalist in 2004, looked set to ...", "Counter-Strike, by far the
# most popular online game, pits teams ...": who the subject is, when it holds a figure or a
# superlative, is a claim of its own, and so is what the subject does. A subject is a
# capitalised noun phrase, not a time ("In December the House of Lords") or a pronoun.
_NOT_SUBJECT_START = (
    "In|On|At|By|For|From|Last|This|Next|After|Before|During|Since|Until|We|I|He|She|They|It|"
    "You|But|And|Or|So|Yet|If|When|While|As"
)
# an appositive is a noun phrase, not a clause, an aside of time or place, or a list
_NOT_APPOSITIVE_START = (
    "who|which|where|when|whose|said|says|he|she|they|it|and|but|or|according|including|as|"
    r"if|with|while|in|on|at|by(?!\s+far)|for|from|of|to|during|after|before|along|together|"
    "such|like|especially|not|too|though|however|[a-z]+ly"
)
_SUBJECT_WORDS = (
    rf"(?:[Tt]he\s+)?(?!(?:{_NOT_SUBJECT_START})\b)[A-Z][\w'’\-]+"
    r"(?:\s+(?:[A-Z][\w'’\-]*|[\w'’\-]+)){0,5}?"
)
_APPOSITIVE = re.compile(
    rf"{_SUBJECT_WORDS},\s+(?!(?:{_NOT_APPOSITIVE_START})\b)"
    r"(?P<appos>[^,;:\"“”()]{3,80}?)(?P<gap>,\s+)"
    r"(?=(?:also\s+|now\s+|still\s+|has\s+|have\s+|had\s+)?(?:is|are|was|were|has|have|had|"
    r"will|would|can|could|[a-z]{2,}ed|[a-z]{3,}s)\b)"
)
# the claim such a cut leaves before the gap, which has no verb of its own
APPOSITIVE_CLAIM = re.compile(rf"{_SUBJECT_WORDS},\s+[^,;:\"“”()]{{3,80}}")
_FACT_MARK = re.compile(
    r"\d|\b(?:most|best|worst|first|last|only|top|biggest|largest|highest)\b|\w{3,}est\b"
)
_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|said|says|do|does|did)\b")


def appositive_gap(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The gap after a subject's appositive, when both sides are claims of their own."""
    m = _APPOSITIVE.match(text, start, end)
    if m is None:
        return None
    appositive = m.group("appos")
    if _FINITE.search(appositive) or not _FACT_MARK.search(appositive):
        return None
    return m.span("gap")


def with_lead(
    cuts: list[tuple[int, int]], start: int, gap: tuple[int, int] | None
) -> list[tuple[int, int]]:
    """`cuts` (relative to `start`) with the lead's gap first, replacing cuts inside it."""
    if gap is None:
        return cuts
    first = (gap[0] - start, gap[1] - start)
    return [first, *(c for c in cuts if c[0] >= first[1])]


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clause spans of text[start:end], before trimming; short dashed asides stay inside."""
    start, gap = lead_cut(text, start, end)
    if gap is None:
        gap = appositive_gap(text, start, end)
    body = text[start:end]
    cuts = with_lead(_relative_closes(body, _cut_points(body)), start, gap)
    if not cuts:
        return [(start, end)]  # the common case: one clause, nothing to merge
    return pieces_between(body, start, _keep_short_asides(body, cuts), _too_small)


def _relative_closes(body: str, cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`cuts` with a cut where a relative clause inside the subject closes: "Its inflation
    index, which has risen for 8 months, climbed 0.3%": what the subject did is a claim
    of its own, as is what the relative clause says."""
    if not cuts or ("which " not in body and "who " not in body):
        return cuts
    out: list[tuple[int, int]] = []
    for i, (gap_start, gap_end) in enumerate(cuts):
        out.append((gap_start, gap_end))
        if body[gap_start] != "," or not body.startswith(("which ", "who "), gap_end):
            continue
        stop = cuts[i + 1][0] if i + 1 < len(cuts) else len(body)
        close = _RELATIVE_CLOSE.match(body, gap_end, stop)
        if close is not None:
            out.append(close.span("gap"))
    return out


# the rest of a relative clause, then a comma and the main clause's verb
_RELATIVE_CLOSE = re.compile(
    r"(?:which|who)\s[^,;:\"“”()]{5,120}?(?P<gap>,\s+)"
    rf"(?=(?:[a-z]{{3,}}ed|{'|'.join(IRREGULAR_PAST)})\s)"
)


def pieces_between(
    body: str, start: int, cuts: list[tuple[int, int]], too_small: Callable[[str], bool]
) -> list[tuple[int, int]]:
    """The pieces of `body` between its cuts (absolute offsets, `body` starting at
    `start`), a piece too small to stand alone joined to the one before it (or, first,
    to the one after)."""
    pieces: list[tuple[int, int]] = []
    pos = 0
    for gap_start, gap_end in cuts:
        if gap_start > pos:
            pieces.append((pos, gap_start))
        pos = gap_end
    pieces.append((pos, len(body)))
    merged: list[tuple[int, int]] = []
    for s, e in pieces:
        if merged and too_small(body[s:e]):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    if len(merged) > 1 and too_small(body[merged[0][0] : merged[0][1]]):
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
    return len(piece.split(maxsplit=3)) <= 3 and token_count(piece) <= 3


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop connectives, lead-in adverbials and edge punctuation; keep balanced quotes.

    Reads text[start:end] in place (no slices): _EDGE_RUN, _LEAD_IN_AT and _INTRO_AT are
    matched at `start` with `stop` as their end, each skipped when a cheap test shows it
    cannot match (see _LEAD_IN_INITIALS; _INTRO needs a comma).
    """
    stop = end if end < len(text) else len(text)  # where text[start:end] stops
    for _ in range(4):
        if start < stop and text[start] in _EDGE_PUNCT:
            start = _EDGE_RUN.match(text, start, stop).end()  # type: ignore[union-attr]
        first = text[start : start + 1]
        m = None
        if first in _LEAD_IN_INITIALS or not first.isascii():
            m = _LEAD_IN_AT.match(text, start, stop)
        if m is None and text.find(",", start, stop) >= 0:
            m = _INTRO_AT.match(text, start, stop)
        if m and m.end() < stop:
            start = m.end()
            continue
        break
    last = stop
    while last > start and text[last - 1] in _EDGE_PUNCT:
        last -= 1
    # "..., and" before an aside (", according to reports,") that was cut off: the
    # connective joins what follows the aside, not this span
    while (space := text.rfind(" ", start, last)) > start and text[space + 1 : last] in _DANGLING:
        last = space
        while last > start and text[last - 1] in _EDGE_PUNCT:
            last -= 1
    end -= stop - last
    # put back a closing bracket or quote whose opener is inside the span
    while end < len(text) and text[end] in ')]"”’' and _unbalanced(text[start:end], text[end]):
        end += 1
    # and an opening bracket whose closer is: "(Cristiano) Ronaldo and (Ryan) Giggs"
    opener = text[start - 1 : start] if start > 0 else ""
    if opener in ("(", "[") and _closes_first(text[start:end], opener):
        start -= 1
    if start >= end:
        return start, start
    return start, end


def _closes_first(piece: str, opener: str) -> bool:
    """Whether `piece` closes a bracket of `opener`'s kind before it opens one."""
    closer = _CLOSERS[opener]
    shut = piece.find(closer)
    return shut >= 0 and not 0 <= piece.find(opener) < shut


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
