"""Evidence passages on source texts where the right sentence is known."""

from __future__ import annotations

import pytest

from factcheck.evidence import find_passages, highlighted

REPORT = (
    "Shenzhen Statistics Bureau: annual report on the resident population.\n\n"
    "The city's resident population was 17.8 million at the end of 2023. "
    "Registered foreign nationals numbered 1.1 million, most of them in Nanshan. "
    "The bureau counted 310,000 residents from Hong Kong separately. "
    "Rainfall in the year was 1,935 mm, the highest since records began.\n\n"
    "Tourism revenue reached 12 billion yuan."
)


@pytest.mark.parametrize(
    ("claim_number", "source_number"),
    [
        ("1.2 million", "1,200,000"),
        ("1,200,000", "1.2m"),
        ("1.2m", "1.2 million"),
        ("£3.5bn", "£3,500,000,000"),
        ("45%", "45 per cent"),
    ],
)
def test_numbers_match_after_normalisation(claim_number: str, source_number: str) -> None:
    source = (
        "The museum opened a new wing in spring. "
        f"It welcomed {source_number} visitors that year. "
        "Entry remained free for children."
    )
    claim = f"The museum had {claim_number} visitors"
    passages = find_passages(claim, source)
    assert passages, "no passage found"
    best = passages[0]
    assert source_number in best.text
    assert best.best_number is not None
    assert best.best_number.relation == "same"
    assert best.text[best.best_number.start : best.best_number.end].startswith(source_number)


def test_the_sentence_with_the_claims_number_wins_over_one_with_its_names() -> None:
    claim = "Shenzhen is home to over 1,000,000 foreigners, the statistics bureau says"
    passages = find_passages(claim, REPORT)
    best = passages[0]
    assert best.text == (
        "Registered foreign nationals numbered 1.1 million, most of them in Nanshan."
    )
    assert best.best_number is not None
    assert best.best_number.relation == "within the claim's bound"
    assert best.comparison == "source: 1.1 million; claim: over 1,000,000 foreigners"
    # the highlight is exactly the source's number
    assert best.text[best.best_number.start : best.best_number.end] == "1.1 million"
    # offsets point into the source text
    assert REPORT[best.start : best.end] == best.text


def test_a_number_on_the_wrong_side_of_the_bound_is_flagged_not_matched() -> None:
    source = "Fewer than 900,000 foreigners lived in the city. The city is large."
    passages = find_passages("Over 1,000,000 foreigners live in the city", source)
    assert all(p.best_number is None or p.best_number.relation != "same" for p in passages)
    assert passages[0].best_number is not None
    assert passages[0].best_number.relation == "below the claim's bound"  # related, not proof


def test_percent_does_not_match_a_count() -> None:
    source = "Unemployment was 5 percent. The town has 5 schools."
    passages = find_passages("Unemployment is 5% in the town", source)
    best = passages[0]
    assert best.text == "Unemployment was 5 percent."
    assert all(m.source != "5 schools" for p in passages for m in p.numbers)


def test_entities_pick_the_sentence_when_no_number_is_shared() -> None:
    source = (
        "The minister spoke at length about housing policy. "
        "Angela Merkel met Emmanuel Macron in Berlin to discuss the budget. "
        "Officials later discussed the budget with reporters."
    )
    passages = find_passages("Merkel and Macron agreed a budget deal in Berlin", source)
    assert passages[0].text.startswith("Angela Merkel met Emmanuel Macron in Berlin")
    assert {"merkel", "macron", "berlin"} <= set(passages[0].entities) | {
        w for e in passages[0].entities for w in e.split()
    }


def test_rare_key_words_beat_common_ones() -> None:
    source = (
        "The council met on Monday. "
        "The council approved the budget. "
        "The council discussed desalination of seawater for the harbour district. "
        "The council adjourned."
    )
    passages = find_passages("The council wants desalination plants", source)
    assert passages[0].text.startswith("The council discussed desalination")


def test_ties_keep_source_order() -> None:
    source = "Exports rose to 40 tonnes. Imports were unchanged. Exports rose to 40 tonnes."
    passages = find_passages("Exports rose to 40 tonnes", source)
    assert len(passages) == 2
    assert passages[0].score == passages[1].score
    assert passages[0].start < passages[1].start


def test_sentences_sharing_nothing_are_not_returned() -> None:
    source = "Bananas are yellow. The sky is blue."
    assert find_passages("Shenzhen has 1.1 million foreigners", source) == []


def test_limit_and_empty_input() -> None:
    assert find_passages("", REPORT) == []
    assert find_passages("1.1 million foreigners", "") == []
    assert len(find_passages("the bureau counted 1.1 million residents", REPORT, limit=2)) == 2


def test_highlighted_marks_the_number() -> None:
    passages = find_passages("over 1,000,000 foreigners", REPORT)
    assert highlighted(passages[0], ("<<", ">>")) == (
        "Registered foreign nationals numbered <<1.1 million>>, most of them in Nanshan."
    )
