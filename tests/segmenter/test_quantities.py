import pytest

from factcheck.segmenter.quantities import find_quantities
from factcheck.segmenter.types import Quantity


def one(text: str) -> Quantity:
    found = find_quantities(text)
    assert len(found) == 1, found
    return found[0].quantity


@pytest.mark.parametrize(
    ("text", "value", "bound", "unit"),
    [
        ("home to over a million foreigners", 1_000_000, "lower", "foreigners"),
        ("a total of 2,223 other tech-focused firms", 2223, "exact", "firms"),
        ("three laboratories set up by", 3, "exact", "laboratories"),
        ("The demand for $280bn was", 280e9, "exact", "USD"),
        ("schemes costing £885m.", 885e6, "exact", "GBP"),
        ("nearly half a million children", 500_000, "approx", "children"),
        ("up to eight Las Vegas style resorts", 8, "upper", "resorts"),
        ("Altria rising 5% on", 5, "exact", "percent"),
        ("a rise of 4.5 per cent", 4.5, "exact", "percent"),
        ("Idowu landed 17.30m at the trials", 17.3, "exact", "m"),
        ("sold 3.5m copies", 3.5e6, "exact", "copies"),
        ("In almost 14,000 of those cases", 14000, "approx", None),
        ("under 40 pupils", 40, "upper", "pupils"),
        ("a dozen eggs", 12, "exact", "eggs"),
        ("twenty-five people", 25, "exact", "people"),
    ],
)
def test_reads_value_bound_unit(text: str, value: float, bound: str, unit: str | None) -> None:
    q = one(text)
    assert q.value == pytest.approx(value)
    assert q.bound == bound
    assert q.unit == unit


def test_range_keeps_both_ends() -> None:
    q = one("inflation of 3.5 to 4.0% this year")
    assert (q.value, q.value_max, q.unit) == (3.5, 4.0, "percent")


def test_score_is_not_a_range() -> None:
    assert find_quantities("rejected in a 2-1 decision") == []  # a vote, not a count
    cut = [f.quantity for f in find_quantities("cutting corporate tax from 30% to 29%")]
    assert [(q.value, q.value_max, q.unit) for q in cut] == [
        (30, None, "percent"),
        (29, None, "percent"),
    ]


@pytest.mark.parametrize(
    "text",
    ["filed in 1999 by", "the 21st century", "Fahrenheit 9/11 won", "at 10:30 today",
     "one of the largest states", "the 26-year-old jumper"],
)  # fmt: skip
def test_not_quantities(text: str) -> None:
    assert find_quantities(text) == []


def test_offsets_cover_the_words_read() -> None:
    text = "It holds over a million foreigners."
    (found,) = find_quantities(text)
    assert text[found.start : found.end] == "over a million foreigners"


def test_ranks_and_back_references_are_no_counts() -> None:
    for text in ("The band made the top ten.", "It reached number 1 in May.",
                 "The two men faced charges.", "Wales won the Six Nations."):  # fmt: skip
        assert find_quantities(text) == [], text
    # a possessive still counts: "its two factories" says how many it has
    assert [f.quantity.value for f in find_quantities("It closed one of its two factories.")] == [2]


def test_currency_words_and_hyphenated_units() -> None:
    [cut, budget] = find_quantities("Tax cuts worth 6.8bn rand in a 418bn-rand budget.")
    assert (cut.quantity.value, cut.quantity.unit) == (6.8e9, "ZAR")
    assert (budget.quantity.value, budget.quantity.unit) == (418e9, "ZAR")


def test_and_a_half_adds_half() -> None:
    (found,) = find_quantities("one-and-a-half million hard working families were paying")
    assert found.quantity.value == 1_500_000
    (spaced,) = find_quantities("two and a half million people voted")
    assert (spaced.quantity.value, spaced.quantity.unit) == (2_500_000, "people")


def test_a_capitalised_number_word_inside_a_sentence_names_something() -> None:
    assert find_quantities("England slumped to a third straight Six Nations defeat") == []
    (first,) = find_quantities("Three people died in the crash")
    assert first.quantity.value == 3


def test_race_times_are_seconds_and_clock_times_are_nothing() -> None:
    race = [f.quantity for f in find_quantities("Costello was seventh in 3:48.82")]
    assert [(q.value, q.unit) for q in race] == [(pytest.approx(228.82), "seconds")]
    assert find_quantities("The meeting starts at 3:30") == []


def test_m_counts_millions_only_before_a_plural_or_a_currency() -> None:
    assert [(f.quantity.value, f.quantity.unit) for f in find_quantities("the 1500m final")] == [
        (1500, "m")
    ]
    users = find_quantities("the firm has 3.5m users")
    assert [(f.quantity.value, f.quantity.unit) for f in users] == [(3_500_000, "users")]


def test_vague_counts_are_lower_bounds() -> None:
    (pounds,) = find_quantities("Billions of pounds were spent on the conflict")
    assert (pounds.quantity.value, pounds.quantity.bound, pounds.quantity.unit) == (
        1e9,
        "lower",
        "GBP",
    )
    (crowd,) = find_quantities("tens of thousands of people marched")
    assert (crowd.quantity.value, crowd.quantity.unit) == (10_000, "people")


def test_an_area_is_a_quantity_and_a_street_number_is_not() -> None:
    (area,) = find_quantities("the show stretches over more than 1.5 million square feet")
    assert (area.quantity.value, area.quantity.bound, area.quantity.unit) == (
        1_500_000,
        "lower",
        "square feet",
    )
    assert find_quantities("He lives at 10 Downing Street") == []


def test_a_unit_loses_its_apostrophe() -> None:
    (weeks,) = find_quantities("Ireland face France in two weeks' time")
    assert weeks.quantity.unit == "weeks"


def test_could_run_to_is_an_upper_bound_and_an_expected_figure_approximate() -> None:
    (cost,) = find_quantities("investment in a single resort could run to $40m")
    assert (cost.quantity.value, cost.quantity.bound) == (40_000_000, "upper")
    (crop,) = find_quantities("production rose from an expected 180,000 tonnes this year")
    assert crop.quantity.bound == "approx"


def test_a_change_then_a_new_level_are_two_figures_not_a_range() -> None:
    found = [f.quantity for f in find_quantities("imports grew 1.3% to $155.8bn on demand")]
    assert [(q.value, q.unit, q.value_max) for q in found] == [
        (1.3, "percent", None),
        (155_800_000_000, "USD", None),
    ]
    words = [f.quantity for f in find_quantities("Sales rose 2.8% to 14.96bn euros")]
    assert [(q.value, q.unit) for q in words] == [(2.8, "percent"), (14_960_000_000, "EUR")]
    (rates,) = find_quantities("rates of 3.5% to 4.0%")
    assert (rates.quantity.value, rates.quantity.value_max) == (3.5, 4.0)
    (both,) = find_quantities("a deal worth US$3bn to US$4bn")
    assert (both.quantity.value, both.quantity.value_max) == (3e9, 4e9)


def test_m_counts_people_in_millions() -> None:
    (people,) = find_quantities("about 3.5m people voted")
    assert (people.quantity.value, people.quantity.unit) == (3_500_000, "people")


def test_words_between_a_number_and_its_noun() -> None:
    (planes,) = find_quantities("Air India is considering buying 50 new aircraft")
    assert planes.quantity.unit == "aircraft"
    (jobs,) = find_quantities("The rise, from 189,000 last year, was expected")
    assert jobs.quantity.unit is None


def test_won_and_kronor_are_currencies() -> None:
    won = [f.quantity for f in find_quantities("It has earmarked 100 trillion won ($96bn)")]
    assert [(q.value, q.unit) for q in won] == [(1e14, "KRW"), (96e9, "USD")]
    (kronor,) = find_quantities("Operating profit was 9.5bn kronor")
    assert kronor.quantity.unit == "SEK"


def test_or_more_after_a_figure_is_a_bound() -> None:
    (traffic,) = find_quantities("attacks sending down 200 megabytes of traffic or more")
    assert traffic.quantity.bound == "lower"
    (term,) = find_quantities("jailed for five years or less")
    assert term.quantity.bound == "upper"
    # "or four" is the other end of a range, not a bound
    (firms,) = find_quantities("three or four firms")
    assert (firms.quantity.bound, firms.quantity.value_max) == ("approx", 4.0)


def test_a_share_in_words_is_a_percentage() -> None:
    (share,) = find_quantities("nearly a quarter said they struggled to remember their pin")
    assert (share.quantity.value, share.quantity.bound, share.quantity.unit) == (
        25.0,
        "approx",
        "percent",
    )
    (most,) = find_quantities("More than two-thirds of voters backed it")  # not 2 "thirds"
    assert (round(most.quantity.value, 1), most.quantity.bound) == (66.7, "lower")
    assert [f.quantity.value for f in find_quantities("Half of the 20 firms")] == [50.0, 20.0]
    # a part of a time is no share
    assert find_quantities("in the first half of the season") == []
    assert find_quantities("a quarter of a century ago") == []


def test_from_one_figure_to_another_is_a_change_not_a_range() -> None:
    found = [f.quantity for f in find_quantities("rose from 370 to 870 staff")]
    assert [(q.value, q.bound, q.unit, q.value_max) for q in found] == [
        (370.0, "exact", "staff", None),
        (870.0, "exact", "staff", None),
    ]
    # a move and the level it reached, each with its currency
    crude = [f.quantity for f in find_quantities("crude lost more than $2 to $43.25")]
    assert [(q.value, q.bound, q.unit) for q in crude] == [
        (2.0, "lower", "USD"),
        (43.25, "exact", "USD"),
    ]
    (sales,) = find_quantities("Sales rose 10 to 15%")  # a range of growth
    assert sales.quantity.value_max == 15.0
    fell = [f.quantity for f in find_quantities("fell from £5.5bn to £4bn")]
    assert [(q.text, q.unit) for q in fell] == [("£5.5bn", "GBP"), ("£4bn", "GBP")]
    # a range is still a range
    (growth,) = find_quantities("growth of 3.5 to 4.0% this year")
    assert (growth.quantity.value, growth.quantity.value_max) == (3.5, 4.0)


def test_between_two_figures_is_at_least_the_first() -> None:
    (rise,) = find_quantities("a price rise of between 40% and 50%")
    q = rise.quantity
    assert (q.text, q.value, q.bound, q.unit, q.value_max) == (
        "between 40% and 50%",
        40.0,
        "lower",
        "percent",
        50.0,
    )


def test_a_range_in_words_takes_the_unit_written_after_it() -> None:
    (days,) = find_quantities("customers were getting hit every four to five days")
    q = days.quantity
    assert (q.value, q.bound, q.unit, q.value_max) == (4.0, "approx", "days", 5.0)
    (pounds,) = find_quantities("it'll be two or three pounds per month")
    assert (pounds.quantity.unit, pounds.quantity.value_max) == ("GBP", 3.0)
    (dollars,) = find_quantities("we're headed to $30-35")
    assert (dollars.quantity.bound, dollars.quantity.value_max) == ("approx", 35.0)
    # phone numbers are no range
    assert all(f.quantity.value_max is None for f in find_quantities("call 0845 505 or 0800 555"))


def test_a_fraction_of_a_number_or_of_the_year_is_no_share() -> None:
    for text in [
        "Almost a quarter of a million consumers complained",
        "a recovery from the three quarters of contraction",
        "his rise as one half of the pop duo",
    ]:
        assert all(f.quantity.unit != "percent" for f in find_quantities(text)), text
    (consumers,) = find_quantities("Almost a quarter of a million consumers complained")
    assert (consumers.quantity.value, consumers.quantity.bound) == (250_000, "approx")


@pytest.mark.parametrize(
    ("text", "value", "bound"),
    [
        ("being paid about 80p for every pound", 0.8, "approx"),
        ("For women working part-time it is 60p.", 0.6, "exact"),
        ("down 3.75p on the day", 0.0375, "exact"),
        ("or 16.75 pence on the day", 0.1675, "exact"),
    ],
)
def test_pence_are_pounds(text: str, value: float, bound: str) -> None:
    q = one(text)
    assert (q.value, q.bound, q.unit) == (pytest.approx(value), bound, "GBP")


def test_pm_is_no_pence() -> None:
    assert one("at 10p.m. he left").unit is None


@pytest.mark.parametrize(
    ("text", "value", "bound"),
    [
        ("One in five European workers are already mobile", 20, "exact"),
        ("one in 10 US adults", 10, "exact"),
        ("almost one in six cars sold", 100 / 6, "approx"),
        ("more than one in ten of the bank's customers", 10, "lower"),
        ("retired women have just over half the income of men", 50, "lower"),
    ],
)
def test_one_in_n_and_half_the_are_shares(text: str, value: float, bound: str) -> None:
    q = one(text)
    assert (q.value, q.bound, q.unit) == (pytest.approx(value), bound, "percent")


@pytest.mark.parametrize(
    "text", ["he won one in five games", "half the time", "one in 2004 and", "one in 0 cases"]
)
def test_counts_of_games_years_and_time_are_no_shares(text: str) -> None:
    assert all(f.quantity.unit != "percent" for f in find_quantities(text))


@pytest.mark.parametrize(
    "text", ["The economy had stagnated throughout the 1990s", "popular in the 80s", "in his 30s"]
)
def test_a_decade_is_no_count_of_seconds(text: str) -> None:
    assert find_quantities(text) == []


def test_seconds_are_still_seconds() -> None:
    assert one("he ran 10s flat").value == 10


@pytest.mark.parametrize(
    ("text", "value", "bound"),
    [
        ("Sony is reaching the seven million barrier for UK sales", 7e6, "exact"),
        ("the two million tourists who visit Cuba every year", 2e6, "exact"),
        ("more than 150,000 were sold within 50 minutes", 50, "upper"),
        ("Within two years of his debut, Dallaglio was captain", 2, "upper"),
        ("the Springboks closed to within five points", 5, "exact"),
    ],
)
def test_scaled_counts_after_the_and_figures_within(text: str, value: float, bound: str) -> None:
    q = find_quantities(text)[-1].quantity
    assert (q.value, q.bound) == (value, bound)


def test_a_number_word_after_the_still_points_back() -> None:
    assert find_quantities("the two men left") == []


@pytest.mark.parametrize(
    "text",
    [
        "the election to be called on 4 or 5 April",
        "it runs from 6 to 9 January",
        "in Istanbul from 10-13 February",
    ],
)
def test_the_first_day_of_two_is_no_count(text: str) -> None:
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("it cost £3bn and 2m people lost power", [(3e9, "GBP"), (2e6, "people")]),
        ("85% by 2008 and 100% by 2010", [(85, "percent"), (100, "percent")]),
    ],
)
def test_two_figures_joined_by_and_are_two(text: str, expected: list[tuple[float, str]]) -> None:
    assert [(f.quantity.value, f.quantity.unit) for f in find_quantities(text)] == expected


def test_between_two_figures_is_still_a_range() -> None:
    (found,) = find_quantities("between £3bn and £4bn")
    assert (found.quantity.value, found.quantity.value_max, found.quantity.bound) == (
        3e9,
        4e9,
        "lower",
    )


def test_a_scaled_amount_takes_the_currency_written_before_it() -> None:
    found = find_quantities(
        "Net income was 4.3bn rupees ($98m; £52m), against 2.7bn a year earlier"
    )
    assert [f.quantity.unit for f in found] == ["INR", "USD", "GBP", "INR"]
    assert find_quantities("profit of $5bn, while 3 million")[-1].quantity.unit is None


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("One dissenting opinion came from Brian Gammage", []),
        ("friends said they would be buying one.", []),
        ("with eight voting for and one voting to abstain", [8, 1]),
        ("One person died in the crash", [1]),
    ],
)
def test_one_is_a_count_only_of_something(text: str, values: list[float]) -> None:
    assert [f.quantity.value for f in find_quantities(text)] == values


@pytest.mark.parametrize(
    "text", ["3G phones are popular", "rapper 50 Cent has sold", "on Radio 5 Live today"]
)
def test_a_number_inside_a_name_is_no_count(text: str) -> None:
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("34 Labour MPs rebelled", 34, "MPs"),
        ("3.5m PCs were sold", 3.5e6, "PCs"),
        ("23 European countries", 23, "countries"),
        ("20 Chinese were hurt", 20, "Chinese"),
    ],
)
def test_capitalised_words_after_a_count(text: str, value: float, unit: str) -> None:
    q = find_quantities(text)[0].quantity
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Lenovo's profit was HK$327m (US$42m; £22m)", 327e6, "HKD"),
        ("despite making a record A$648m ($492m) profit", 648e6, "AUD"),
        ("a deal worth C$5bn", 5e9, "CAD"),
    ],
)
def test_dollars_of_other_countries(text: str, value: float, unit: str) -> None:
    q = find_quantities(text)[0].quantity
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize(
    ("text", "value", "bound"),
    [
        ("Chinese PC sales have risen by a fifth in each of the past two years", 20, "exact"),
        ("the workforce was cut by almost half", 50, "approx"),
    ],
)
def test_a_change_by_a_share(text: str, value: float, bound: str) -> None:
    q = find_quantities(text)[0].quantity
    assert (q.value, q.bound, q.unit) == (value, bound, "percent")


def test_or_over_bounds_the_figure_it_follows_not_an_earlier_one() -> None:
    first, second = find_quantities("A total of 3,028 adults aged 18 or over were interviewed")
    assert (first.quantity.value, first.quantity.bound) == (3028, "exact")
    assert (second.quantity.value, second.quantity.bound) == (18, "lower")
