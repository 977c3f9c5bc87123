"""The kind of a claim, after Full Fact's typology, from cue words.

Order matters: a schedule ("takes place on Friday") is temporal even with "will" in it,
a figure makes a quantity claim even when predicted, and cue-less statements are facts.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from factcheck.segmenter.speakers import person_name
from factcheck.segmenter.types import Quantity, TimeRef
from factcheck.segmenter.wordlists import FIRST_PERSON, wordset

KINDS = (
    "quantity",
    "comparison",
    "causal",
    "fact",
    "temporal",
    "personal",
    "opinion",
    "prediction",
)

TEMPORAL = re.compile(
    r"\b(?:takes? place|take place|scheduled|due (?:out|to be [a-z]+ed)|"
    r"due to (?:visit|meet|start|open|arrive|speak|appear|face|hold|sign|launch|begin|end|"
    r"close|return|announce|publish|release|report|vote|decide|attend|travel|play|perform|"
    r"finish|leave|hear|rule|testify|retire|unveil|present|give|take|make|come|go|expire|"
    r"resume|conclude|enter|sit|stand|run)|"
    r"will be held|is held|are held|kicks? off|starts? on|begins? on|has yet to name a date)\b",
    re.IGNORECASE,
)
PREDICTION = re.compile(
    r"\b(?:would|could(?! not| no longer)|might|may|shall|going to|is likely to|"
    r"are likely to|likely|unlikely|is expected to|are expected to|expected to be|"
    r"set to(?! be)|in the near future|"
    r"in the coming|forecast|predicted|can take|could win|on course to|poised to|"
    r"(?<!suspended )(?<!scrapped )(?<!dropped )(?<!abandoned )(?<!shelved )(?<!halted )"
    r"(?<!announced )(?<!unveiled )(?<!approved )(?<!rejected )(?<!blocked )"
    r"plans? to|planned to|planning to|intends? to|aims? to|chances?[\"”]? of)\b",
    re.IGNORECASE,
)
# A figure someone forecasts is a prediction, not a reported quantity.
FORECAST = re.compile(
    r"\b(?:is|are|was|were|is not|are not) (?:expected|forecast|predicted|projected) to\b"
    # "it is estimating that there will be 100 million ...": a figure for the future
    r"|\b(?:estimates|estimated|estimating|predicts|predicting|forecasts|forecasting|expects|"
    r"expecting|projects|projecting) that\b[^.]{0,40}?\b(?:will|would)\b",
    re.IGNORECASE,
)
FORECAST_VERBS = frozenset(
    ["predicted", "predicts", "predict", "forecast", "forecasts", "expects", "expected", "expect"]
)
# "a requirement that ministers should ...": the modal reports a rule, not an opinion.
MANDATE = re.compile(
    r"\b(?:requirement|requirements|rule|rules|law|laws|order|ruling|regulation|regulations|"
    r"demand|demands|proposal|proposals|recommendation|guidance|condition) that\b",
    re.IGNORECASE,
)
LIKELIER = re.compile(r"\b(?:more|less|increasingly) likely\b", re.IGNORECASE)
WILL = re.compile(r"\b(?:will|won't|'ll)\b", re.IGNORECASE)
OPINION = re.compile(
    r"\b(?:should|must|ought to|needs? to|has to|have to|seems?|appears? to|undoubted|"
    r"impressive|good job|great|excellent|terrible|awful|wonderful|important|inefficient|"
    r"unfair|fair|wrong|(?<!the )right to|deserves?|best way|welcome|believes?|"
    r"thinks?(?![\s-]+tanks?\b)|feel|feels|"
    r"there are issues|upbeat|seamless|threat|better off)\b",
    re.IGNORECASE,
)
# Judgement words: in a quoted or attributed claim they make it the speaker's opinion.
EVALUATIVE = re.compile(
    r"\b(?:pleasant|(?<!for )good|bad|crucial|vital|essential|backward|outrageous|irresponsible|"
    r"disgrace(?:ful)?|ridiculous|absurd|shameful|scandalous|unacceptable|improvement|"
    r"mistake|nonsense|music to the ears|demonising|victimised|alienating|deserved|"
    r"brilliant|fantastic|disappointed|disappointing|delighted|pleased|proud|sad|"
    r"shocking|worrying|optimism|optimistic|pessimistic|distressing|fault|key player|"
    r"one of the (?:best|greatest|finest|worst)|damaging|afraid|terrified|big leap|opposed to|"
    r"easy|difficult|tantamount|far enough|revolutionary|far from)\b",
    re.IGNORECASE,
)
# Someone's verdict on someone else: "X accused Y of ...", "described the result as",
# "analysts see the merger as a rescue deal", "deny that", "called on the government to".
# A charge in the passive ("was accused of fraud") reports a fact.
STANCE = re.compile(
    # the passive tests come after "accus", so that they run only where it stands
    r"\baccus(?<!\bwas accus)(?<!\bwere accus)(?<!\bbeen accus)(?<!\bbeing accus)"
    r"(?<!\bis accus)(?<!\bare accus)(?:ed|es|ing)\b[^.]{0,80}?\bof\b|"
    r"\bdescrib(?:ed|es|ing)\b[^.]{0,60}?\bas\b|"
    r"\b(?:see|sees|seen|regard|regards|regarded|view|views|viewed)\b"
    r"[^.]{0,40}?\bas (?:a|an|the)\b|"
    r"\b(?:deny|denies|denied) that\b|\bcall(?:ed|s)? on\b|\burg(?:ed|es|ing)\b|"
    r"\bbrand(?:ed|s)\s+(?:the|it|him|her|them|his|its|their|this|that|mr|mrs|ms)\b"
    r"[^.]{0,60}?\b(?:a|an|as)\b",
    re.IGNORECASE,
)
# A claim that opens by saying it is the speaker's view is an opinion, figures or not.
OPINION_LEAD = re.compile(
    r"(?:for me|in my (?:opinion|view)|personally|i think|i believe|i feel)\b", re.IGNORECASE
)
PERSONAL = re.compile(
    r"\b(?:has lived|have lived|lived|arrived|was born|born in|grew up|moved to|studied|"
    r"joined|established (?:himself|herself)|made (?:his|her) (?:breakthrough|debut)|"
    r"his career|her career|retired|married)\b",
    re.IGNORECASE,
)
PERSONAL_SUBJECT = re.compile(r"^(?:he|she|his|her|i|my)\b|\b(?:himself|herself)\b", re.IGNORECASE)
CAUSAL = re.compile(
    r"\b(?:because|due to|thanks to|down to|as a result|result(?:ed|s)? in|led to|leads? to|"
    r"lead to|caus(?:e|ed|es|ing)|blamed? (?:on|for)|driven by|owing to|"
    # "rising costs are behind the fall", not "players behind the ball"
    r"(?:is|are|was|were|be|been|reasons?|factors?|forces?|thinking|motives?) behind the|"
    r"in order to|to increase|to reduce|came because|helped|hurt|boost(?:ed)?|exiled)\b",
    re.IGNORECASE,
)
COMPARISON = re.compile(
    r"\b(?:more(?! than (?:willing|happy|ready|enough|able|capable|likely))|less|fewer|greater|"
    r"higher|lower|bigger|larger|smaller|better|worse|longer|"
    r"shorter|faster|slower|cheaper|stronger|weaker)\b[^.]{0,60}\bthan\b"
    r"|\b(?:more|less) likely\b|\b(?:longer|shorter|higher|lower|bigger|larger) \w+"
    r"|\b(?:rival|rivals|overtake|overtaking|outpace|compared (?:to|with)|ahead of|"
    r"biggest|largest|smallest|highest|lowest|fastest|most \w+|least \w+|"
    r"record (?:highs?|lows?|levels?|numbers?|profits?|losses|sales|year))\b",
    re.IGNORECASE,
)
QUANTITY_WORDS = re.compile(
    # "half", but not "at half-time" or "in the first half" (of a match)
    r"\b(?:majority|minority|most of|(?<!first )(?<!second )half(?![-\s]?time)|numbers|"
    r"number of|increas(?:e|ed|es|ing)|"
    r"decreas(?:e|ed|es|ing)|rose|rise|rising|fell|fall|falling|doubled|tripled|halved|"
    r"grew|growth|decline[sd]?|soared|soaring|plunged|dozens|hundreds|thousands|millions|"
    r"share of|rate of|per cent|percent)\b",
    re.IGNORECASE,
)


def is_count(q: Quantity) -> bool:
    """A quantity worth checking: not a duration of someone's life, not "one count"."""
    if q.value == 1 and q.text.lower().startswith(("one", "a ", "an ")):
        return False
    return not (q.unit in ("years", "year", "months", "days", "weeks") and q.value < 100)


class _Cue:
    """A cue regex behind a cheap test that proves, for most spans, that it cannot match.

    Eight IGNORECASE alternations per span were most of the pipeline's time. Any text:
    the regex runs only when one of its literal `hints` occurs in the lower-cased span.
    ASCII text (nearly all of it): every match contains one of the whole `words`, so the
    test is a set lookup on the span's words, and the regex runs case-sensitively on the
    lower-cased span, which sre does twice as fast. On ASCII text a match implies a hint,
    so both tests give the answer the hint test gave (test_speed_equivalence_kinds.py).
    """

    def __init__(self, regex: re.Pattern[str], hints: str, words: str) -> None:
        self.regex = regex
        self.hints = tuple(hints.split("|"))
        self.words = frozenset(w.encode() for w in words.split())
        # The patterns are lower case, so on lower-cased ASCII text no flag is needed.
        self.lower_regex = re.compile(regex.pattern)

    def search(self, text: str, low: str) -> re.Match[str] | None:
        if any(map(low.__contains__, self.hints)):
            return self.regex.search(text)
        return None


# Hints: one literal from every alternative of the regex; words: one whole word of every
# alternative (both kept in step with the regex).
_TEMPORAL = _Cue(
    TEMPORAL, "place|scheduled|due |held|kick|start|begin|yet to",
    "place scheduled due held kick kicks start starts begin begins yet",
)  # fmt: skip
_PERSONAL = _Cue(
    PERSONAL, "lived|arrived|born|grew up|moved to|studied|joined|established|made h|career|"
    "retired|married",
    "lived arrived born grew moved studied joined established breakthrough debut career "
    "retired married",
)  # fmt: skip
_PREDICTION = _Cue(
    PREDICTION, "would|could|might|may|shall|going to|likely|expected|set to|near future|"
    "the coming|forecast|predicted|can take|course to|poised|plan|intend|aim|chance",
    "would could might may shall going likely unlikely expected set future coming forecast "
    "predicted take course poised plan plans planned planning intend intends aim aims chance "
    "chances",
)  # fmt: skip
_FORECAST = _Cue(
    FORECAST, "expect|forecast|predict|project|estimat",
    "expected forecast predicted projected estimates estimated estimating predicts predicting "
    "forecasts forecasting expects expecting projects projecting",
)  # fmt: skip
_MANDATE = _Cue(
    MANDATE, "requirement|rule|law|order|ruling|regulation|demand|proposal|recommendation|"
    "guidance|condition",
    "requirement requirements rule rules law laws order ruling regulation regulations demand "
    "demands proposal proposals recommendation guidance condition",
)  # fmt: skip
_WILL = _Cue(WILL, "will|won't|'ll", "will won ll")
_LIKELIER = _Cue(LIKELIER, " likely", "likely")
_OPINION = _Cue(
    OPINION, "should|must|ought|need|has to|have to|seem|appear|undoubted|impressive|good job|"
    "great|excellent|terrible|awful|wonderful|important|inefficient|fair|wrong|right to|"
    "deserve|best way|welcome|believe|think|feel|there are issues|upbeat|seamless|threat|"
    "better off",
    "should must ought need needs has have seem seems appear appears undoubted impressive job "
    "great excellent terrible awful wonderful important inefficient unfair fair wrong right "
    "deserve deserves best welcome believe believes think thinks feel feels issues upbeat "
    "seamless threat better",
)  # fmt: skip
_CAUSAL = _Cue(
    CAUSAL, "because|due to|thanks to|down to|as a result|result|led to|lead|caus|behind the|"
    "blame|driven by|owing to|in order to|to increase|to reduce|came because|helped|hurt|"
    "boost|exiled",
    "because due thanks down result resulted results led lead leads cause caused causes "
    "causing behind blame blamed driven owing order increase reduce helped hurt boost boosted "
    "exiled",
)  # fmt: skip
_COMPARISON = _Cue(
    COMPARISON, "more|less|fewer|greater|higher|lower|bigger|larger|smaller|better|worse|"
    "longer|shorter|faster|slower|cheaper|stronger|weaker|rival|overtak|outpace|compared|"
    "ahead of|est|most |least |top|record",
    "more less fewer greater higher lower bigger larger smaller better worse longer shorter "
    "faster slower cheaper stronger weaker rival rivals overtake overtaking outpace compared "
    "ahead biggest largest smallest highest lowest fastest most least top record",
)  # fmt: skip
_QUANTITY_WORDS = _Cue(
    QUANTITY_WORDS, "majority|minority|most of|half|number|increas|decreas|rose|rise|rising|"
    "fell|fall|doubled|tripled|halved|grew|growth|declin|soar|plunged|dozens|hundreds|"
    "thousands|millions|share of|rate of|per cent|percent",
    "majority minority most half numbers number increase increased increases increasing "
    "decrease decreased decreases decreasing rose rise rising fell fall falling doubled "
    "tripled halved grew growth decline declines declined soared soaring plunged dozens "
    "hundreds thousands millions share rate cent percent",
)  # fmt: skip
_EVALUATIVE = _Cue(
    EVALUATIVE, "pleasant|good|bad|crucial|vital|essential|backward|outrageous|irresponsible|"
    "disgrace|ridiculous|absurd|shameful|scandalous|unacceptable|improvement|mistake|"
    "nonsense|music to the ears|demonising|victimised|alienating|deserved|brilliant|"
    "fantastic|disappointed|disappointing|delighted|pleased|proud|sad|shocking|worrying|"
    "optimis|pessimistic|distressing|fault|key player|one of the|damaging|afraid|terrified|"
    "big leap|opposed to|easy|difficult|tantamount|far enough|revolutionary|far from",
    "pleasant good bad crucial vital essential backward outrageous irresponsible disgrace "
    "disgraceful ridiculous absurd shameful scandalous unacceptable improvement mistake "
    "nonsense music demonising victimised alienating deserved brilliant fantastic "
    "disappointed disappointing delighted pleased proud sad shocking worrying optimism "
    "optimistic pessimistic distressing fault key one damaging afraid terrified big opposed "
    "easy difficult tantamount far revolutionary",
)  # fmt: skip
_STANCE = _Cue(
    STANCE, "accus|describ|see|regard|view|deni|deny|call|urg|brand",
    "accused accuses accusing described describes describing see sees seen regard regards "
    "regarded view views viewed deny denies denied call called calls urged urges urging "
    "branded brands",
)  # fmt: skip
_CUES = (_EVALUATIVE, _STANCE, _TEMPORAL, _PERSONAL, _PREDICTION, _FORECAST, _MANDATE, _WILL,
         _LIKELIER, _OPINION, _CAUSAL, _COMPARISON, _QUANTITY_WORDS)  # fmt: skip
_CUE_WORDS = frozenset().union(*(cue.words for cue in _CUES))
# ASCII bytes -> the lower-cased text with every non-word character (not [a-z0-9_]) a space
_WORD_BYTES = (
    bytes(c + 32 if 65 <= c <= 90 else c if chr(c).isalnum() or c == 95 else 32 for c in range(128))
    + b" " * 128
)
_OPINION_VERBS = wordset(
    "believes believe believed thinks think thought fear fears feared hopes hope hoped expects "
    "expect predicts predict insists insist insisted suggests suggest suggested argues argue "
    "argued"
)

CueFinder = Callable[[_Cue], str | None]


def _cue_finder(text: str) -> CueFinder:
    """A function giving, for each cue, its first match in `text` as written (or None)."""
    return _ascii_finder(text) if text.isascii() else _any_text_finder(text)


def _any_text_finder(text: str) -> CueFinder:
    """Hints, then the case-blind regex: right for any text (the reference path)."""
    low = text.lower()

    def find(cue: _Cue) -> str | None:
        m = cue.search(text, low)
        return None if m is None else m.group(0)

    return find


def _ascii_finder(text: str) -> CueFinder:
    """Whole cue words, then the regex on the lower-cased text: only for ASCII text."""
    present = _CUE_WORDS.intersection(text.encode().translate(_WORD_BYTES).split())
    if not present:
        return _no_cue
    low = text.lower()

    def find(cue: _Cue) -> str | None:
        if present.isdisjoint(cue.words):
            return None
        m = cue.lower_regex.search(low)
        return None if m is None else text[m.start() : m.end()]

    return find


def _no_cue(cue: _Cue) -> None:
    """The finder for a text without a single cue word."""
    return None


def classify(
    text: str,
    quantities: list[Quantity],
    times: list[TimeRef],
    speaker_verb: str | None,
    *,
    quoted: bool = False,
) -> tuple[str, str | None]:
    """(kind, the cue that decided it) for one claim span; `quoted` when the span is the
    speaker's own words, inside quotation marks.

    A quoted remark with no figure and no other cue ("The amber light is flashing") is
    an opinion: in the blind-annotated articles, 115 of 153 such remarks that the cues
    left as facts were opinions to their annotators (kinds right: 58% -> 61%; 76% -> 77%
    on our own gold files; ranking unchanged). The speaker's own account ("We got a new
    computer") stays a fact that only the speaker can confirm.
    """
    kind, cue = _classify(text, quantities, speaker_verb, _cue_finder(_names_hidden(text)), times)
    if quoted and kind == "fact" and not quantities and not _OWN_ACCOUNT.search(text):
        return "opinion", None
    return kind, cue


# "We got a new computer": the speaker's own account, a fact only the speaker can confirm
_OWN_ACCOUNT = re.compile(rf"\b(?:{'|'.join(FIRST_PERSON)})\b")
# A capitalised word next to another inside a span ("Think Secret", "Great Britain",
# "Will Smith") is part of a name and no cue ("Prices Could rise" keeps its modal).
_INNER_CAPITAL = re.compile(
    r"(?<=[\w,;:)] )[A-Z][a-z]+(?= [A-Z])|(?<=[A-Z][a-z] )[A-Z][a-z]+|(?<=[A-Z] )[A-Z][a-z]+"
)


def _names_hidden(text: str) -> str:
    """`text` with every cue word that is part of a name, and "May" anywhere (a name or a
    month, never the modal), changed so that no cue matches it (same length)."""
    if "May" in text:
        text = text.replace("May", "Ma_")
    if not _TWO_CAPITALS.search(text):
        return text  # no two capitalised words side by side: no name to hide (most spans)
    return _INNER_CAPITAL.sub(_hide_cue_word, text)


_TWO_CAPITALS = re.compile(r"[A-Z][a-z]* [A-Z]")


def _hide_cue_word(m: re.Match[str]) -> str:
    word = m.group(0)
    return word[:-1] + "_" if word.lower().encode() in _CUE_WORDS else word


def _classify(
    text: str,
    quantities: list[Quantity],
    speaker_verb: str | None,
    find: CueFinder,
    times: list[TimeRef] | None = None,
) -> tuple[str, str | None]:
    """classify, with the way cues are looked up passed in: the tests compare both ways."""
    if (lead := OPINION_LEAD.match(text)) is not None:
        return "opinion", lead.group(0)
    if (cue := find(_TEMPORAL)) is not None:
        return "temporal", cue
    cue = find(_PERSONAL)
    if cue is not None and (PERSONAL_SUBJECT.search(text) or person_name(text)):
        return "personal", cue
    if speaker_verb in FORECAST_VERBS:
        return "prediction", speaker_verb  # "He predicted that the economy would grow by 4.3%"
    if (cue := find(_FORECAST)) is not None:
        return "prediction", cue
    counted = any(map(is_count, quantities))
    if counted and speaker_verb and (cue := find(_WILL)) is not None:
        return "prediction", cue  # "He will have tests in the next 48 hours," he said
    if not counted and times and (cue := find(_WILL)) is not None and _dated(times):
        return "temporal", cue  # "will unveil the car on Thursday": a date to note
    if counted:
        return "quantity", quantities[0].text
    if (cue := find(_LIKELIER)) is not None:
        return "comparison", cue
    if (cue := find(_PREDICTION)) is not None:
        return "prediction", cue
    if speaker_verb and (cue := find(_WILL)) is not None:
        # unattributed "will" in news reports a plan or a law's effect; attributed, a forecast
        return "prediction", cue
    if speaker_verb in _OPINION_VERBS:
        return "opinion", speaker_verb
    if (cue := find(_STANCE)) is not None:
        return "opinion", cue
    if speaker_verb and (cue := find(_EVALUATIVE)) is not None:
        return "opinion", cue  # "it's a good incentive for business," he said
    mandate = find(_MANDATE) is not None
    for kind, cue_re in (("opinion", _OPINION), ("causal", _CAUSAL),
                         ("comparison", _COMPARISON), ("quantity", _QUANTITY_WORDS)):  # fmt: skip
        if kind == "opinion" and mandate:
            continue  # "a requirement that ministers should speak English": a rule
        if (cue := find(cue_re)) is not None:
            return kind, cue
    return "fact", None


def _dated(times: list[TimeRef]) -> bool:
    """A day or a weekday: the span schedules something (years and months date history)."""
    return any(t.granularity == "day" for t in times)
