"""On any text: no crash, offsets inside the text, and span text equal to the slice."""

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.segmenter import parse_text, segment
from factcheck.segmenter.quantities import find_quantities
from factcheck.segmenter.times import find_times
from factcheck.segmenter.types import ArticleText

NEWSY = st.sampled_from(
    ["over", "a million", "2,223", "£2bn", "3.5m", "5%", "per cent", "eleven", "years ago",
     "in 1999", "the 1990s", "last year", "said", "he says", "according to", "Mr.", "U.S.",
     "Smith", ",", ".", " - ", ";", "\n", "\n\n", '"', "“", "”", "(", ")", "and", "with",
     "which", "on Friday", "14 May 2018", "more than", "because", "will", "the", "firms"]
)  # fmt: skip
TEXTS = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(NEWSY, st.text(max_size=8)), max_size=80).map(" ".join),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, st.one_of(st.none(), st.dates(date(1900, 1, 1), date(2100, 1, 1))))
def test_segment_never_crashes_and_offsets_hold(text: str, published: date | None) -> None:
    article = ArticleText(title=text[:20], text=text, published=published)
    for claim in segment(article):
        assert 0 <= claim.start < claim.end <= len(text)
        assert claim.text == text[claim.start : claim.end]
        assert 0.0 <= claim.score <= 1.0


@settings(max_examples=100, deadline=None)
@given(TEXTS)
def test_parse_then_segment(text: str) -> None:
    try:
        article = parse_text(text)
    except Exception as exc:  # only the documented refusal is allowed
        from factcheck.errors import ArticleError

        assert isinstance(exc, ArticleError)
        return
    for claim in segment(article):
        assert claim.text == article.text[claim.start : claim.end]


@settings(max_examples=200, deadline=None)
@given(TEXTS, st.one_of(st.none(), st.dates(date(1, 1, 1), date(9999, 12, 31))))
def test_quantity_and_time_parsers_never_crash(text: str, published: date | None) -> None:
    for q in find_quantities(text):
        assert 0 <= q.start <= q.end <= len(text)
    for t in find_times(text, published):
        assert 0 <= t.start <= t.end <= len(text)
