"""The kind of a claim, after Full Fact's typology, from cue words.

Order matters: a schedule ("takes place on Friday") is temporal even with "will" in it,
a figure makes a quantity claim even when predicted, and cue-less statements are facts.
"""

from __future__ import annotations

import re

from factcheck.segmenter.speakers import person_name
from factcheck.segmenter.types import Quantity, TimeRef
from factcheck.segmenter.wordlists import wordset

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
    r"\b(?:takes? place|take place|scheduled|due (?:out|to be (?:taken|held|published|released))|"
    r"will be held|is held|are held|kicks? off|starts? on|begins? on|has yet to name a date)\b",
    re.IGNORECASE,
)
PREDICTION = re.compile(
    r"\b(?:would|could(?! not)|might|may|shall|going to|is likely to|are likely to|likely|"
    r"unlikely|is expected to|are expected to|expected to be|set to(?! be)|in the near future|"
    r"in the coming|forecast|predicted|can take|could win|on course to|poised to)\b",
    re.IGNORECASE,
)
LIKELIER = re.compile(r"\b(?:more|less) likely\b", re.IGNORECASE)
WILL = re.compile(r"\b(?:will|won't|'ll)\b", re.IGNORECASE)
OPINION = re.compile(
    r"\b(?:should|must|ought to|needs? to|has to|have to|seems?|appears? to|undoubted|"
    r"impressive|good job|great|excellent|terrible|awful|wonderful|important|inefficient|"
    r"unfair|fair|wrong|right to|deserves?|best way|welcome|believes?|thinks?|feel|feels|"
    r"there are issues|upbeat|seamless|threat|better off)\b",
    re.IGNORECASE,
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
    r"lead to|caus(?:e|ed|es|ing)|behind the|blamed? (?:on|for)|driven by|owing to|"
    r"in order to|to increase|to reduce|came because|helped|hurt|boost(?:ed)?|exiled)\b",
    re.IGNORECASE,
)
COMPARISON = re.compile(
    r"\b(?:more(?! than (?:willing|happy|ready|enough|able|capable|likely))|less|fewer|greater|"
    r"higher|lower|bigger|larger|smaller|better|worse|longer|"
    r"shorter|faster|slower|cheaper|stronger|weaker)\b[^.]{0,60}\bthan\b"
    r"|\b(?:more|less) likely\b|\b(?:longer|shorter|higher|lower|bigger|larger) \w+"
    r"|\b(?:rival|rivals|overtake|overtaking|outpace|compared (?:to|with)|ahead of|"
    r"biggest|largest|smallest|highest|lowest|fastest|most \w+|least \w+|top|record)\b",
    re.IGNORECASE,
)
QUANTITY_WORDS = re.compile(
    r"\b(?:majority|minority|most of|half|numbers|number of|increas(?:e|ed|es|ing)|"
    r"decreas(?:e|ed|es|ing)|rose|rise|rising|fell|fall|falling|doubled|tripled|halved|"
    r"grew|growth|decline[sd]?|soared|soaring|plunged|dozens|hundreds|thousands|millions|"
    r"share of|rate of|per cent|percent)\b",
    re.IGNORECASE,
)


def is_count(q: Quantity) -> bool:
    """A quantity worth checking: not a duration of someone's life."""
    return not (q.unit in ("years", "year", "months", "days", "weeks") and q.value < 100)


class _Cue:
    """A cue regex behind a cheap test: it runs only when one of its literal words occurs.

    Eight IGNORECASE alternations per span were most of the pipeline's time; a substring
    test on the lower-cased span skips nearly all of them.
    """

    def __init__(self, regex: re.Pattern[str], hints: str) -> None:
        self.regex = regex
        self.hints = tuple(hints.split("|"))

    def search(self, text: str, low: str) -> re.Match[str] | None:
        if any(map(low.__contains__, self.hints)):
            return self.regex.search(text)
        return None


# Hints: one literal from every alternative of the regex (kept in step with it).
_TEMPORAL = _Cue(TEMPORAL, "place|scheduled|due |held|kick|start|begin|yet to")
_PERSONAL = _Cue(
    PERSONAL, "lived|arrived|born|grew up|moved to|studied|joined|established|made h|career|"
    "retired|married",
)  # fmt: skip
_PREDICTION = _Cue(
    PREDICTION, "would|could|might|may|shall|going to|likely|expected|set to|near future|"
    "the coming|forecast|predicted|can take|course to|poised",
)  # fmt: skip
_WILL = _Cue(WILL, "will|won't|'ll")
_LIKELIER = _Cue(LIKELIER, " likely")
_OPINION = _Cue(
    OPINION, "should|must|ought|need|has to|have to|seem|appear|undoubted|impressive|good job|"
    "great|excellent|terrible|awful|wonderful|important|inefficient|fair|wrong|right to|"
    "deserve|best way|welcome|believe|think|feel|there are issues|upbeat|seamless|threat|"
    "better off",
)  # fmt: skip
_CAUSAL = _Cue(
    CAUSAL, "because|due to|thanks to|down to|as a result|result|led to|lead|caus|behind the|"
    "blame|driven by|owing to|in order to|to increase|to reduce|came because|helped|hurt|"
    "boost|exiled",
)  # fmt: skip
_COMPARISON = _Cue(
    COMPARISON, "more|less|fewer|greater|higher|lower|bigger|larger|smaller|better|worse|"
    "longer|shorter|faster|slower|cheaper|stronger|weaker|rival|overtak|outpace|compared|"
    "ahead of|est|most |least |top|record",
)  # fmt: skip
_QUANTITY_WORDS = _Cue(
    QUANTITY_WORDS, "majority|minority|most of|half|number|increas|decreas|rose|rise|rising|"
    "fell|fall|doubled|tripled|halved|grew|growth|declin|soar|plunged|dozens|hundreds|"
    "thousands|millions|share of|rate of|per cent|percent",
)  # fmt: skip
_OPINION_VERBS = wordset(
    "believes believe thinks think fear fears hopes hope expects expect predicts predict "
    "insists insist"
)


def classify(
    text: str,
    quantities: list[Quantity],
    times: list[TimeRef],
    speaker_verb: str | None,
) -> tuple[str, str | None]:
    """(kind, the cue that decided it) for one claim span."""
    low = text.lower()
    if (m := _TEMPORAL.search(text, low)) is not None:
        return "temporal", m.group(0)
    m = _PERSONAL.search(text, low)
    if m and (PERSONAL_SUBJECT.search(text) or person_name(text)):
        return "personal", m.group(0)
    if any(map(is_count, quantities)):
        return "quantity", quantities[0].text
    if (m := _LIKELIER.search(text, low)) is not None:
        return "comparison", m.group(0)
    if (m := _PREDICTION.search(text, low)) is not None:
        return "prediction", m.group(0)
    if speaker_verb and (m := _WILL.search(text, low)) is not None:
        # unattributed "will" in news reports a plan or a law's effect; attributed, a forecast
        return "prediction", m.group(0)
    if speaker_verb in _OPINION_VERBS:
        return "opinion", speaker_verb
    for kind, cue in (("opinion", _OPINION), ("causal", _CAUSAL), ("comparison", _COMPARISON),
                      ("quantity", _QUANTITY_WORDS)):  # fmt: skip
        if (m := cue.search(text, low)) is not None:
            return kind, m.group(0)
    return "fact", None
