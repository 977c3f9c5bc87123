import pytest

from factcheck.segmenter import parse_text, segment
from factcheck.segmenter.speakers import find_attribution, person_name


def body(sentence: str, last: str | None = None) -> tuple[str | None, str]:
    a = find_attribution(sentence, last)
    return a.speaker, sentence[a.body_start : a.body_end].rstrip(".")


def test_named_speaker_after_quote() -> None:
    assert body('"He could win the gold medal," said Edwards.') == (
        "Edwards",
        '"He could win the gold medal',
    )


def test_pronoun_resolves_to_last_person() -> None:
    speaker, text = body("He believes China is well positioned.", "Laurent Le Pen")
    assert speaker == "Laurent Le Pen"
    assert text == "China is well positioned"


def test_according_to() -> None:
    assert body("Initiatives brought 40,000 pupils back, according to official statistics.") == (
        "official statistics",
        "Initiatives brought 40,000 pupils back",
    )


def test_role_and_name() -> None:
    speaker, text = body("BBC pundit Jonathan Edwards believes Idowu can take gold.")
    assert speaker == "Jonathan Edwards" and text == "Idowu can take gold"


def test_noun_claim_is_not_a_speech_verb() -> None:
    sentence = "A US government claim accusing firms has been thrown out."
    assert body(sentence) == (None, sentence.rstrip("."))


def test_person_name_skips_organisations() -> None:
    assert person_name("the Legal Affairs Committee met") is None
    assert person_name("French entrepreneur Laurent Le Pen arrived") == "Laurent Le Pen"


def test_a_named_speaker_a_colon_and_a_quote() -> None:
    body = 'Manchester City boss Kevin Keegan: "We had a great chance to take the lead."'
    (claim,) = segment(parse_text(f"Match report\n\n{body}"))
    assert (claim.text, claim.speaker) == ("We had a great chance to take the lead", "Kevin Keegan")
    (claim,) = segment(parse_text('Report\n\nObserves Mr Hadi: "The economy marks a big divide."'))
    assert claim.speaker == "Mr Hadi"


def test_a_one_word_label_before_a_colon_is_no_speaker() -> None:
    (claim,) = segment(parse_text('Report\n\nUpdate: "The firm cut 300 jobs."'))
    assert claim.speaker is None


def test_a_possessive_speaker_is_what_the_person_has() -> None:
    s = "President Yudhoyono's government says it wants to curb fuel subsidies by 30%."
    assert find_attribution(s, None).speaker == "President Yudhoyono's government"
    s = "Senator Leahy's spokeswoman Tracy Schmaler said the bill would pass by 2006."
    assert find_attribution(s, None).speaker == "Tracy Schmaler"


def test_who_is_told_is_not_the_speaker() -> None:
    s = "\"Signs of a slowdown stay the Bank's hand,\" he told BBC Radio 4's Today programme."
    frame = find_attribution(s, "Mr King")
    assert (frame.speaker, s[frame.body_start : frame.body_end].rstrip(',"')) == (
        "Mr King",
        "\"Signs of a slowdown stay the Bank's hand",
    )
    s = '"What I do next is still too early to say," Mr Walsh told AP news agency on Wednesday.'
    frame = find_attribution(s, None)
    assert frame.speaker == "Mr Walsh"
    assert "Walsh" not in s[frame.body_start : frame.body_end]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ('"Bleeps will be used as needed," producer Gil Cates told reporters.', "Gil Cates"),
        (
            '"It is high," Emmanuel Ferry, from Exane BNP Paribas told Reuters news agency.',
            "Emmanuel Ferry",
        ),
        (
            '"Sales are up," Ryanair deputy chief executive Michael Cawley told Reuters.',
            "Michael Cawley",
        ),
    ],
)
def test_the_speaker_before_told_with_a_job_or_an_aside(sentence: str, speaker: str) -> None:
    frame = find_attribution(sentence, None)
    assert frame.speaker == speaker
    assert sentence[frame.body_start : frame.body_end].rstrip(',"') in (
        sentence[: sentence.index(",")],
        sentence[: sentence.index('," ')],
    )
