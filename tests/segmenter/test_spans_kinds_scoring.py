from factcheck.segmenter.kinds import classify
from factcheck.segmenter.scoring import Candidate, score
from factcheck.segmenter.spans import carve, tokens
from factcheck.segmenter.types import Quantity


def pieces(sentence: str) -> list[str]:
    return [sentence[s:e] for s, e in carve(sentence, 0, len(sentence))]


def test_tokens_join_digit_groups() -> None:
    assert tokens("2,223 firms, 4.5% rise") == ["2223", "firms", "45", "rise"]


def test_two_numbers_about_different_things_give_two_spans() -> None:
    sentence = ("Its district holds a total of 2,223 other firms as well as three laboratories "
                "set up by Nobel Prize-winning scientists.")  # fmt: skip
    assert pieces(sentence) == [
        "Its district holds a total of 2,223 other firms",
        "three laboratories set up by Nobel Prize-winning scientists",
    ]


def test_lead_in_and_with_clause() -> None:
    sentence = ("Just two years ago, the city was home to over a million foreigners, with the "
                "vast majority arriving from South Korea.")  # fmt: skip
    assert pieces(sentence) == [
        "the city was home to over a million foreigners",
        "the vast majority arriving from South Korea",
    ]


def test_short_dashed_aside_stays_inside() -> None:
    sentence = "One in 10 US adults - 22 million people - now owns a player."
    assert pieces(sentence) == ["One in 10 US adults - 22 million people - now owns a player"]


def test_lists_of_names_are_not_split() -> None:
    sentence = "Most arrived from South Korea, Japan and India."
    assert pieces(sentence) == ["Most arrived from South Korea, Japan and India"]


def test_kinds() -> None:
    q = Quantity(2223.0, "exact", "firms", "2,223 firms")
    assert classify("holds 2,223 firms", [q], [], None)[0] == "quantity"
    assert classify("absences are often due to family holidays", [], [], None)[0] == "causal"
    assert classify("more innovative than Silicon Valley", [], [], None)[0] == "comparison"
    assert classify("the city will continue to lead", [], [], "believes")[0] == "prediction"
    assert classify("the law should be handled by Westminster", [], [], None)[0] == "opinion"
    assert classify("the final takes place on Friday", [], [], None)[0] == "temporal"
    assert classify("he has lived in the city for four years", [], [], None)[0] == "personal"
    assert classify("Apple released a phone", [], [], None)[0] == "fact"


def test_counts_outrank_attributed_predictions() -> None:
    q = Quantity(2223.0, "exact", "firms", "2,223 firms")
    count = score(Candidate("holds 2,223 tech firms", "s", "quantity", "2,223 firms", [q]))
    guess = score(Candidate("the city will lead the pack", "s", "prediction", "will",
                            speaker="Diego Antolini", speaker_verb="believes"))  # fmt: skip
    assert count[0] > guess[0]
    assert count[1] is True and guess[1] is False
    assert "contains a count: 2,223 firms" in count[2]
    assert any("attributed prediction" in r for r in guess[2])
    assert 0.0 <= guess[0] <= count[0] <= 1.0


def test_a_measurement_is_described_as_one() -> None:
    from factcheck.segmenter import parse_text, segment

    (claim,) = segment(parse_text("T\n\nCostello was seventh in the 1500m final in 3:48.82."))
    assert "contains a measurement: 3:48.82" in claim.reasons


def kind(text: str) -> str:
    return classify(text, [], [], None)[0]


def test_half_time_and_the_first_half_are_no_quantity() -> None:
    assert kind("Italy led 9-8 early in the second half") == "fact"
    assert kind("the gaffer said to us at half-time to keep being patient") == "fact"
    assert kind("half of the staff were laid off") == "quantity"


def test_behind_the_is_a_cause_only_after_a_verb_or_reason() -> None:
    assert kind("Forest played with a lot of players behind the ball") == "fact"
    assert kind("Rising costs were behind the fall in profits") == "causal"


def test_due_to_come_into_force_is_a_schedule_not_a_cause() -> None:
    assert kind("The treaty is due to come into force in November 2006") == "temporal"
    assert kind("the delay was due to the weather") == "causal"


def test_a_quoted_remark_without_a_figure_is_an_opinion() -> None:
    assert classify("The amber light is flashing", [], [], None, quoted=True)[0] == "opinion"
    assert classify("The amber light is flashing", [], [], None)[0] == "fact"
    q = Quantity(300, "exact", "jobs", "300 jobs")
    assert classify("We cut 300 jobs", [q], [], None, quoted=True)[0] == "quantity"
