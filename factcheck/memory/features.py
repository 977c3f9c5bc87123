"""What two claims are compared on: their numbers, their names and their words.

Numbers-and-entities claims are reworded in predictable ways: the number changes
shape ("over a million", "more than one million", "1m+"), the verb changes
("home to", "live in"), the name moves. So a claim is reduced to

- quantities: (value, bound, unit) as the segmenter reads them, unit stemmed and
  folded through the same word groups as the text;
- entities: capitalised words (proper names, acronyms), lower-cased;
- years: four-digit years, which the segmenter keeps as times, not quantities;
- words: content words, stemmed, with a small hand-made table folding common news
  synonyms into one concept ("live", "resident", "home" -> live).

All of it is plain Python over one claim's text: about 50 microseconds a claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from factcheck.segmenter.quantities import find_quantities
from factcheck.segmenter.wordlists import wordset

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*|\d[\d,]*(?:\.\d+)?%?")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_FRACTION = re.compile(
    r"\b(half|a third|one third|a quarter|one quarter|two thirds|three quarters)\s+of\b",
    re.IGNORECASE,
)
_FRACTION_PERCENT = {
    "half": 50.0, "a third": 33.3, "one third": 33.3, "a quarter": 25.0, "one quarter": 25.0,
    "two thirds": 66.7, "three quarters": 75.0,
}  # fmt: skip
# Unit spellings of one measure.
_UNIT_ALIASES = {
    "km": "km", "km2": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km",
    "kilometers": "km", "kg": "kg", "kilogram": "kg", "kilograms": "kg", "kilo": "kg",
    "kilos": "kg", "tonne": "tonne", "tonnes": "tonne", "ton": "tonne", "tons": "tonne",
    "mile": "mile", "miles": "mile", "mi": "mile", "metre": "m", "metres": "m", "meter": "m",
    "meters": "m", "m": "m", "hectare": "ha", "hectares": "ha", "ha": "ha",
}  # fmt: skip
# Units that say nothing about what was counted ("1.5 million people work for ...").
GENERIC_UNITS = frozenset({"people", "person", "peopl", "individual"})

STOPWORDS = wordset(
    """
    a an the of to in on at for by with from and or but than as that which who whom whose
    is are was were be been being has have had having do does did will would could can may
    might must shall should this these those it its their his her they them he she we our
    you your i me my there here what when where why how all any both each few more most other
    some such no nor not only own same so too very just also now then about over under above
    below up down out into through during before after again further once per while since
    until against between among around nearly almost roughly approximately some least less
    fewer over more than just upwards excess exceeding beyond close estimated circa average
    one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty
    sixty seventy eighty ninety hundred thousand million billion trillion dozen half quarter
    m bn mn k percent per cent said says say saying according told claims claimed claim
    already still even yet ever last year years ago today currently now total some
    """
)

# Common news paraphrases folded into one concept word. Small on purpose: each line is
# a rewording seen in numbers-and-entities claims, not a thesaurus.
_GROUPS = {
    "live": "live lives living lived reside resides resident residents home inhabitant "
    "inhabitants population populace dwell",
    "rise": "rise rises rising rose risen increase increased increases increasing grew grow "
    "grows growing growth climb climbed jump jumped soar soared surge surged up gain gained",
    "fall": "fall falls falling fell fallen drop dropped drops decline declined declines "
    "decrease decreased decreases shrink shrank slump slumped down cut cuts",
    "foreign": "foreign foreigner foreigners expat expats expatriate expatriates immigrant "
    "immigrants migrant migrants",
    "firm": "firm firms company companies business businesses enterprise enterprises",
    "death": "death deaths die died dies dead killed kill kills fatalities fatal",
    "cost": "cost costs costing spend spent spending price priced prices",
    "job": "job jobs employment employed employ workers work working worker",
    "unemploy": "unemployment unemployed jobless joblessness",
    "build": "build built building constructed construct construction",
    "student": "student students pupil pupils",
    "visit": "visit visits visited visitor visitors tourist tourists tourism",
    "house": "home homes house houses housing dwelling dwellings",
    "child": "child children kid kids",
    "doctor": "doctor doctors physician physicians",
    "car": "car cars vehicle vehicles",
}
# Demonyms to the place they name: "Turkish inflation" is about Turkey.
_PLACES = {
    "turkey": "turkish turks", "ireland": "irish", "denmark": "danish danes dane",
    "netherlands": "dutch holland", "britain": "british briton britons uk", "china": "chinese",
    "japan": "japanese", "germany": "german germans", "france": "french", "spain": "spanish",
    "india": "indian indians", "brazil": "brazilian brazilians", "nigeria": "nigerian nigerians",
    "kenya": "kenyan kenyans", "canada": "canadian canadians", "usa": "american americans",
    "italy": "italian italians", "russia": "russian russians", "mexico": "mexican mexicans",
    "greece": "greek greeks", "norway": "norwegian norwegians", "sweden": "swedish swedes",
    "australia": "australian australians", "egypt": "egyptian egyptians",
    "korea": "korean koreans", "belgium": "belgian belgians", "poland": "polish poles",
}  # fmt: skip
CONCEPT: dict[str, str] = {}
for _place, _names in _PLACES.items():
    for _w in [_place, *_names.split()]:
        CONCEPT[_w] = _place
_DEMONYMS = frozenset(w for names in _PLACES.values() for w in names.split())
# Common words that open a sentence with a capital without being a name.
_COMMON = frozenset(w for words in _GROUPS.values() for w in words.split())
for _concept, _words in _GROUPS.items():
    for _w in _words.split():
        CONCEPT.setdefault(_w, _concept)

_BOUND_GROUP = {"exact": "exact", "approx": "exact", "lower": "lower", "upper": "upper"}


def stem(word: str) -> str:
    """A light English stemmer: enough to meet "foreigners"/"foreigner", "lives"/"live"."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'-")
    if w in CONCEPT:
        return CONCEPT[w]
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 4 and w.endswith(("ches", "shes", "xes", "sses")):
        w = w[:-2]
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if len(w) > 5 and w.endswith("ing"):
        w = w[:-3]
    elif len(w) > 4 and w.endswith("ed"):
        w = w[:-2]
    return CONCEPT.get(w, w)


@dataclass(frozen=True, slots=True)
class Number:
    value: float
    bound: str
    unit: str | None


@dataclass(frozen=True, slots=True)
class Features:
    words: frozenset[str]
    entities: frozenset[str]
    # Names written as names ("Turkey"), not as adjectives ("the Turkish economy",
    # "the Chinese city"): only these can veto a match, since "the Chinese city"
    # and "Shenzhen" may well be the same place.
    proper_names: frozenset[str]
    places: frozenset[str]  # countries named either way ("Turkey", "Turkish")
    numbers: tuple[Number, ...]
    years: frozenset[str]
    raw_words: tuple[str, ...]  # lower-cased content words as written, for full-text search


def _unit(unit: Any) -> str | None:
    if not unit:
        return None
    text = str(unit).strip().lower()
    if text in ("%", "percent", "per cent", "percentage", "pc"):
        return "%"
    last = text.split()[-1]
    if last in _UNIT_ALIASES:
        return _UNIT_ALIASES[last]
    unit_stem = stem(last)
    return None if unit_stem in GENERIC_UNITS else unit_stem


def _numbers(text: str, quantities: list[dict[str, Any]] | None) -> tuple[Number, ...]:
    if not quantities:  # none stored (or claims stored by hand): read them from the text
        quantities = [f.quantity.to_json() for f in find_quantities(text)]
    out = []
    for q in quantities:
        try:
            value = float(q["value"])
        except (KeyError, TypeError, ValueError):
            continue
        out.append(
            Number(value, _BOUND_GROUP.get(str(q.get("bound")), "exact"), _unit(q.get("unit")))
        )
    for m in _FRACTION.finditer(text):
        out.append(Number(_FRACTION_PERCENT[m.group(1).lower()], "exact", "%"))
    return tuple(out)


def features(text: str, quantities: list[dict[str, Any]] | None = None) -> Features:
    """Features of a claim; `quantities` is the stored JSON (read from the text if empty)."""
    words: set[str] = set()
    entities: set[str] = set()
    proper: set[str] = set()
    raw: list[str] = []
    tokens = _WORD.findall(text)
    for i, token in enumerate(tokens):
        if token[0].isdigit():
            continue
        low = token.lower().replace("’", "'")
        if low.endswith("'s"):
            low = low[:-2]
        if low in STOPWORDS or len(low) < 2:
            continue
        if token[0].isupper() and (i > 0 or token.isupper() or low not in _COMMON):
            entities.add(stem(low))
            if low not in _DEMONYMS:
                proper.add(stem(low))
        words.add(stem(low))
        if low not in raw:
            raw.append(low)
    return Features(
        words=frozenset(words),
        entities=frozenset(entities),
        proper_names=frozenset(proper),
        places=frozenset(e for e in entities if e in _PLACES),
        numbers=_numbers(text, quantities),
        years=frozenset(_YEAR.findall(text)),
        raw_words=tuple(raw),
    )
