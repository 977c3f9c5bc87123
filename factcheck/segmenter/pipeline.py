"""segment(article): sentences -> attribution -> clause spans -> quantities, times, kind, score.

Everything here is a pure function of the article; the one cache is dateparser's, inside
times.py. The headline is not segmented: it restates the body in fewer words.
"""

from __future__ import annotations

import re
from dataclasses import replace

from factcheck.segmenter.kinds import classify
from factcheck.segmenter.quantities import Found, find_quantities
from factcheck.segmenter.scoring import Candidate, entities, score
from factcheck.segmenter.sentences import split_sentences
from factcheck.segmenter.spans import APPOSITIVE_CLAIM, carve, token_count
from factcheck.segmenter.speakers import (
    find_attribution,
    has_speech_verb,
    holds_quote,
    opens_quote,
    person_name,
    quote_left_open,
)
from factcheck.segmenter.times import FoundTime, find_times
from factcheck.segmenter.types import ArticleText, ClaimSpan
from factcheck.segmenter.wordlists import IRREGULAR_PAST

_NARRATION = re.compile(
    r"^(?:he|she|his|her|i|my|we|our|they|their|its|it)\b|^(?:have|has|had)\s+\w+ed\b",
    re.IGNORECASE,
)
_PARTICIPLE = re.compile(r"^(?!having\s)[a-z]+ing\b")
# "boxing regulations had been violated": an -ing noun, then the verb of its clause
_GERUND_SUBJECT = re.compile(
    r"[a-z]+ing\s+(?!(?:the|a|an|to|up|in|on|his|her|its|their|out|off|more|over|with|for|"
    r"from|by|at|into|about|down|it|them|him)\b)[a-z]+\s+"
    r"(?:is|are|was|were|has|have|had|will|would|can|could|did|does)\b"
)
_CLAUSE_LEAD = re.compile(r"^(?:[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,3}|he|she|they)\s+")


def segment(article: ArticleText) -> list[ClaimSpan]:
    """Every checkable claim in the article, as spans sorted by start offset."""
    text = article.text
    skip_to = 0
    title = article.title.strip()
    if title and text.startswith(title) and (len(text) == len(title) or text[len(title)] == "\n"):
        skip_to = len(title)
    claims: list[ClaimSpan] = []
    last_person: str | None = None
    quoting: str | None = None  # who speaks in the last quote
    still_open = False  # whether that quote runs on past its sentence
    for s_start, s_end in split_sentences(text):
        if s_end <= skip_to:
            continue
        sentence = text[s_start:s_end]
        inside = still_open or opens_quote(sentence)
        still_open = quote_left_open(sentence, still_open)
        if _not_a_statement(sentence):
            continue
        continued = quoting if inside else None
        # "He added: ..." right after a quote: "he" is the one just quoted
        antecedent = quoting or last_person
        found, speaker = _sentence_claims(article, s_start, s_end, antecedent, continued)
        claims.extend(found)
        quoting = speaker if inside or holds_quote(sentence) else None
        named = person_name(sentence)
        if named:
            last_person = named
    claims.sort(key=lambda c: (c.start, c.end))
    return claims


def _not_a_statement(sentence: str) -> bool:
    """A question (quoted ones too: 'asked: "What is the benefit ...?"'), a fragment, or
    an invitation to the reader ("Listen again to the interview on ...")."""
    return (
        sentence.rstrip("\"”’' ").endswith("?")
        or token_count(sentence) < 3
        or _INVITATION.match(sentence) is not None
        or (":" in sentence[:40] and _TEAM_SHEET.match(sentence) is not None)
    )


# A match report's team sheet: "Man Utd: Carroll, Gary Neville, O'Shea (Ronaldo 33), ...",
# "Subs Not Used: Howard, Bellion", "Booked: Fowler": names, not claims
_NAME = r"[A-Z][\w'’.\-]*(?: (?:van |de |da )?[A-Z][\w'’.\-]*){0,2}"
_TEAM_SHEET = re.compile(
    rf"(?:{_NAME}|[A-Z][\w.]*(?: [A-Z][\w.]*){{0,3}}): (?:{_NAME}(?: \([^()]{{1,40}}\))?, ){{3,}}"
    r"|(?:Subs(?: [Nn]ot [Uu]sed)?|Substitutes|Booked|Sent [Oo]ff|Replacements|Sin [Bb]in|"
    r"Ref(?:eree)?|Goals?|Scorers?|Tries|Cons|Pens)\s*:"
)


_INVITATION = re.compile(
    r"(?:Listen (?:again|live|to)|Click (?:here|on|to)|Watch (?:again|live|the video|our)|"
    r"Visit (?:our|the|www)|Read (?:more|the full)|Sign up|Subscribe|Download (?:the|our))\b"
)


def _sentence_claims(
    article: ArticleText,
    s_start: int,
    s_end: int,
    last_person: str | None,
    continued: str | None,
) -> tuple[list[ClaimSpan], str | None]:
    """The sentence's claims, and who speaks in it.

    `continued` is the speaker of a quote that the sentence carries on: in news copy only
    one sentence of a long quote names the speaker ('"...," said Benitez. "But you must
    ...'), so a sentence inside the quote with no speaker of its own is the same person's
    ("I think" inside it is Benitez thinking).
    """
    text = article.text
    sentence = text[s_start:s_end]
    speech = has_speech_verb(sentence)
    frame = find_attribution(sentence, last_person, speech=speech)
    own_frame = frame.verb is not None
    if frame.speaker is None and continued is not None:
        frame = replace(frame, speaker=continued, verb=frame.verb or "says")
    quantities = find_quantities(sentence)
    times = find_times(sentence, article.published)
    spans = _conditional_joined(
        text, carve(text, s_start + frame.body_start, s_start + frame.body_end)
    )
    if frame.inner is not None:
        lo, hi = s_start + frame.inner[0], s_start + frame.inner[1]
        # "Before now, he said, Apple has been seen as ...": with its lead-in trimmed off,
        # the claim starts after the frame
        spans = [(hi, e) if lo < s < hi < e else (s, e) for s, e in spans]
        if not _has_predicate(sentence[frame.body_start : frame.inner[0]]):
            # "The tone of the campaign, he said, would be ...": the frame sits inside one claim
            spans = _across(spans, lo, hi)
    out: list[ClaimSpan] = []
    for index, (c_start, c_end) in enumerate(spans):
        speaker, verb = frame.speaker, frame.verb
        if index > 0 or not own_frame:
            # ", saying: ..." speaks for the sentence's speaker or subject
            subject = frame.speaker or person_name(text[s_start:c_start]) or last_person
            inner = find_attribution(text[c_start:c_end], subject, speech=speech)
            if inner.verb and inner.body_start > 0 and inner.body_end > inner.body_start:
                trimmed = carve(text, c_start + inner.body_start, c_start + inner.body_end)
                if trimmed:
                    c_start, c_end = trimmed[0][0], trimmed[-1][1]
                    speaker, verb = inner.speaker or speaker, inner.verb
        c_start = _with_antecedent(text, s_start, c_start, c_end)
        claim = _claim(article, sentence, s_start, c_start, c_end, quantities, times, spans,
                       speaker, verb)  # fmt: skip
        if claim is not None:
            out.append(claim)
    # the quote, when there is one, ends the sentence: its last claim's speaker says it
    return out, out[-1].speaker if out else frame.speaker


def _with_antecedent(text: str, s_start: int, c_start: int, c_end: int) -> int:
    """Where a short relative clause's claim starts: "the minimum monthly salary, which is
    currently $94" names what costs $94; "which is currently $94" alone does not."""
    if not text.endswith(("which ", "who "), max(s_start, c_start - 8), c_start):
        return c_start  # the usual case, told without a regex
    before = _RELATIVE_END.search(text, max(s_start, c_start - 80), c_start)
    if before is None or token_count(text[c_start:c_end]) > 8:
        return c_start
    return before.start("np")


# the noun phrase, then ", which" or ", who", ending where the clause's claim starts
_RELATIVE_END = re.compile(
    r"(?P<np>\b(?:the|a|an|its|his|her|their)\s+(?:[\w'’\-]+\s+){0,3}[\w'’\-]+),\s+"
    r"(?:which|who)\s+\Z"
)


def _conditional_joined(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """ "If the prediction comes true, it will be the first fall in nine years": the
    condition and what follows from it are one claim; the condition alone is none."""
    if len(spans) > 1 and _CONDITION.match(text, spans[0][0]):
        return [(spans[0][0], spans[1][1]), *spans[2:]]
    return spans


_CONDITION = re.compile(r"(?:If|Unless)\s")


def _across(spans: list[tuple[int, int]], gap_start: int, gap_end: int) -> list[tuple[int, int]]:
    """`spans` with the span before a gap and the span after it joined into one."""
    before = [i for i, (_, end) in enumerate(spans) if end <= gap_start]
    after = [i for i, (start, end) in enumerate(spans) if start >= gap_start and end > gap_end]
    if not before or not after or after[0] != before[-1] + 1:
        return spans
    i = before[-1]
    return [*spans[:i], (spans[i][0], spans[i + 1][1]), *spans[i + 2 :]]


def _claim(
    article: ArticleText,
    sentence: str,
    s_start: int,
    c_start: int,
    c_end: int,
    quantities: list[Found],
    times: list[FoundTime],
    spans: list[tuple[int, int]],
    speaker: str | None,
    verb: str | None,
) -> ClaimSpan | None:
    text = article.text
    span = text[c_start:c_end]
    lo, hi = c_start - s_start, c_end - s_start
    qs = [f.quantity for f in quantities if f.start < hi and f.end > lo]
    ts = [f.time for f in times if f.start < hi and f.end > lo]
    if not ts:
        # a lead-in ("Just two years ago, ...") trimmed off the span still dates it
        ts = [f.time for f in times if not any(s - s_start < f.end and e - s_start > f.start
                                                for s, e in spans) and f.end <= lo]  # fmt: skip
    if not qs and token_count(span) < 3:
        return None
    if _PARTICIPLE.match(span) and not qs and not ts and not _GERUND_SUBJECT.match(span):
        # ", spending the majority of his time ...": detail, not a claim; but "boxing
        # regulations had been violated" has a subject and a verb of its own
        return None
    if not qs and not ts and not _has_predicate(span) and not APPOSITIVE_CLAIM.fullmatch(span):
        return None
    quoted = _quoted(sentence, lo)
    kind, cue = classify(span, qs, ts, verb, quoted=quoted)
    if (
        kind == "fact"
        and not (qs or ts or speaker)
        and _NARRATION.match(span)
        and not entities(span)
    ):
        return None  # "His initial business involved ...": narration about someone
    value, checkworthy, reasons = score(
        Candidate(span, sentence, kind, cue, qs, ts, speaker, verb, lo, quoted)
    )
    return ClaimSpan(
        text=span,
        sentence=sentence,
        start=c_start,
        end=c_end,
        kind=kind,
        score=value,
        checkworthy=checkworthy,
        reasons=reasons,
        quantities=qs,
        times=ts,
        speaker=speaker,
    )


_PREDICATE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|has|have|had|will|would|could|can|may|might|should|"
    rf"must|do|does|did|\w+ed|\w+ing|{'|'.join(IRREGULAR_PAST)})\b"
    r"|\b\w+s\s+(?:the|a|an|its|his|her|their|to|that|more|up|on|\d|it|this|them|like)\b",
)


def _has_predicate(span: str) -> bool:
    """A clause has a verb; "Long-term expat residents in Shenzhen" has none."""
    body = _CLAUSE_LEAD.sub("", span, count=1)
    return bool(_PREDICATE.search(body.lower()) or _VERB_BEFORE_NAME.search(body))


# "The service includes WiFi as standard": a verb in -s before a name
_VERB_BEFORE_NAME = re.compile(r"\b[a-z]{3,}s\s+[A-Z][a-z]")


def _quoted(sentence: str, lo: int) -> bool:
    """Whether the claim at `lo` opens inside quotation marks: the speaker's own words."""
    curly = sentence.count("“", 0, lo) > sentence.count("”", 0, lo)
    return curly or sentence.count('"', 0, lo) % 2 == 1
