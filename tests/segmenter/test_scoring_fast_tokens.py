"""Scoring's fast paths give the answers of the plain code they replace.

A claim's n-grams are cut out of its sentence's when the claim's edges are clean cuts
(`scoring._token_range`, `_Sentence.grams`): they must be exactly those of the claim's
own text, on any text and at any cut. The whole score (value and reasons) must be that
of the plain path, kept here as the reference: the span tokenised itself, every n-gram
sorted for the reasons.
"""

from __future__ import annotations

from itertools import compress, pairwise
from operator import itemgetter

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.checkworthiness import features
from factcheck.checkworthiness.features import describe, evidence, names, shown_gram, tokens
from factcheck.checkworthiness.model import load_model
from factcheck.segmenter import scoring
from factcheck.segmenter.scoring import Candidate

PIECES = st.sampled_from(
    ["3.5", "3,5", "2,223", "1990s", "1990's", "2004", "5'", "'s", "s", "don't", "’", "‘", "'",
     ".", ",", " ", "  ", "$", "%", "?", "!", "_", "a", "Mr", "US", "İ", "ı", "K", "ſ", "Σ", "é",
     "٣", "said", "the", "abc", "x1", "1x", "-", '"', "(", "\n"]
)  # fmt: skip
TEXTS = st.one_of(
    st.text(max_size=60),
    st.lists(st.one_of(PIECES, st.text(max_size=3)), max_size=30).map("".join),
    st.lists(PIECES, max_size=30).map(" ".join),
)


def _candidate(sentence: str, lo: int, hi: int, kind: str = "fact") -> Candidate:
    return Candidate(sentence[lo:hi], sentence, kind, offset=lo)


@settings(max_examples=600, deadline=None)
@given(TEXTS, st.data())
def test_sliced_grams_are_the_spans_own(sentence: str, data: st.DataObject) -> None:
    lo = data.draw(st.integers(0, len(sentence)))
    hi = data.draw(st.integers(lo, len(sentence)))
    c = _candidate(sentence, lo, hi)
    read = scoring._sentence(sentence)
    cut = scoring._token_range(c, read)
    if cut is None:
        return
    toks, grams, weights = read.grams(*cut)
    assert toks == tokens(c.text)
    _, want_grams, want_weights, _ = load_model().parts_of_tokens(
        toks, list(map(" ".join, pairwise(toks))), 0
    )
    assert grams == want_grams
    assert weights == want_weights


def test_clean_cuts_take_the_fast_path() -> None:
    """The test above would pass with no fast path at all: check that common cuts take it."""
    sentence = "Sales rose 3.5% to $2,223m in 2004, the firm said."
    for text in ("Sales rose 3.5% to $2,223m in 2004", "rose 3.5%", "to $2,223m in 2004"):
        lo = sentence.index(text)
        assert scoring._clean_cut(sentence, lo)
        assert scoring._clean_cut(sentence, lo + len(text))
    assert not scoring._clean_cut(sentence, sentence.index(".5"))  # inside "3.5"
    assert not scoring._clean_cut(sentence, sentence.index("ales"))
    assert scoring._sentence(sentence).sliceable
    c = _candidate(sentence, 0, len("Sales rose 3.5% to $2,223m in 2004"))
    assert scoring._token_range(c, scoring._sentence(sentence)) == (0, 10)


def _plain_score(c: Candidate) -> tuple[float, bool, list[str]]:
    """score() as it was before the fast paths: the span tokenised itself, every n-gram
    sorted for the reasons."""
    prior, reasons = scoring.rule_score(c)
    model = load_model()
    toks = tokens(c.text)
    bigrams = list(map(" ".join, pairwise(toks)))
    if c.text.strip() == c.sentence.strip():
        z, grams, weights, fired = model.parts_of_tokens(toks, bigrams, len(names(c.text)))
    else:
        s_toks = tokens(c.sentence)
        z_sentence, s_grams, s_weights, _ = model.parts_of_tokens(
            s_toks, list(map(" ".join, pairwise(s_toks))), len(names(c.sentence))
        )
        z_span, grams, weights, fired = model.parts_of_tokens(
            toks, bigrams, len(names(c.text)), known=dict(zip(s_grams, s_weights, strict=True))
        )
        z = 0.5 * (z_span + z_sentence)
    p = scoring._sigmoid(z)
    positive = p >= model.threshold
    learned: list[str] = []
    for i, name in scoring._cue_order(positive):
        if i in fired:
            if scoring._acronym_only(evidence(name, c.text, toks), c.text):
                continue  # "US", not "us"
            learned.append(describe(name, c.text, toks))
            if len(learned) == scoring.MODEL_REASONS:
                break
    words: list[str] = []
    known = compress(zip(weights, grams, strict=True), weights)
    for weight, gram in sorted(known, key=itemgetter(0), reverse=positive):
        if (weight <= 0) if positive else (weight >= 0):
            break
        shown = shown_gram(gram)
        if shown is None:
            continue
        if not any(shown in w or w in shown for w in words):
            words.append(shown)
            if len(words) == 3:
                break
    if words:
        side = "checked claims" if positive else "talk that is not a claim"
        learned.append(f"wording common in {side}: " + ", ".join(f"'{w}'" for w in words))
    weight = scoring.model_weight(c)
    value = weight * p + (1.0 - weight) * prior
    reasons.extend(r for r in learned if r not in reasons)
    return value, value >= scoring.THRESHOLD, reasons


KINDS = st.sampled_from(["quantity", "comparison", "causal", "fact", "temporal", "personal",
                         "opinion", "prediction"])  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.data())
def test_score_is_the_plain_paths(sentence: str, data: st.DataObject) -> None:
    lo = data.draw(st.integers(0, len(sentence)))
    hi = data.draw(st.integers(lo, len(sentence)))
    c = _candidate(sentence, lo, hi, data.draw(KINDS))
    assert scoring.score(c) == _plain_score(c)


def test_score_of_corpus_like_claims_is_the_plain_paths() -> None:
    sentence = '"We are investing in modernisation so employees will go down," Mr Mittal told.'
    for text in (
        "We are investing in modernisation so employees will go down",
        "employees will go down",
        "Mr Mittal told",
    ):
        c = _candidate(sentence, sentence.index(text), sentence.index(text) + len(text))
        assert scoring.score(c) == _plain_score(c)


def _plain_entities(text: str) -> list[str]:
    """entities() as it was: every match, dropping one at offset 0 by hand."""
    found = []
    for m in scoring._ENTITY.finditer(text):
        word = m.group(0)
        if m.start() == 0 or word in scoring._NATIONALITY:
            continue
        found.append(word)
    return found


NAMEY = st.lists(
    st.sampled_from(["Mr", "Smith", "BBC", "McDonald", "O'Neil", "Chinese", "I", "the", ". ",
                     "! ", "? ", " ", "\n", "A", "X", "é", "İ", "’s", "-", "US"]),
    max_size=20,
).map("".join)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.one_of(NAMEY, st.text(max_size=40)))
def test_entities_are_the_plain_loops(text: str) -> None:
    assert scoring.entities(text) == _plain_entities(text)


def test_a_sentence_without_its_full_stop_reuses_the_sentences_logit() -> None:
    sentence = "Mr Smith said sales at Acme rose 3.5% to $2,223m in 2004."
    c = _candidate(sentence, 0, len(sentence) - 1, "quantity")
    read = scoring._sentence(sentence)
    assert scoring._token_range(c, read) == (0, len(read.toks))
    assert scoring.score(c) == _plain_score(c)
    shorter = _candidate(sentence, len("Mr Smith said "), len(sentence) - 1, "quantity")
    assert scoring._token_range(shorter, read) == (3, len(read.toks))
    assert scoring.score(shorter) == _plain_score(shorter)


def _plain_evidence(cue: str, text: str) -> str:
    """features.evidence as it was: a table of closures."""
    toks = tokens(text)
    special = {
        "number": lambda: features._shown_number(text),
        "percent": lambda: features._shown_percent(text, toks),
        "money": lambda: features._shown_money(text, toks),
        "date": lambda: features._shown_date(text, toks),
        "name": lambda: ", ".join(dict.fromkeys(names(text)).keys()),
        "names_many": lambda: ", ".join(dict.fromkeys(names(text)).keys()),
    }
    if cue in special:
        return special[cue]()
    if cue in {"very_short", "short", "long", "very_long", "log_length"}:
        return str(len(toks))
    lexicon = features.CUES[features.CUE_INDEX[cue]].lexicon
    return next((t for t in toks if t in lexicon), "")


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(features.CUE_NAMES), st.one_of(TEXTS, NAMEY))
def test_evidence_is_the_plain_tables(cue: str, text: str) -> None:
    assert features.evidence(cue, text) == _plain_evidence(cue, text)
