"""Quantities and times read the same in the CLI, the TUI and the reports."""

from __future__ import annotations

from factcheck.workflow.readable import number_text, quantity_text, time_text


def test_quantity_with_bound_unit_and_source_words() -> None:
    q = {"value": 1_000_000.0, "bound": "lower", "unit": "foreigners", "text": "over a million"}
    assert quantity_text(q) == 'at least 1,000,000 foreigners ("over a million")'


def test_quantity_range_and_decimals() -> None:
    q = {"value": 3.5, "value_max": 4.0, "bound": "exact", "unit": "percent", "text": ""}
    assert quantity_text(q) == "3.5 to 4 percent"
    assert number_text(2223) == "2,223"
    assert number_text(0.25) == "0.25"
    # binary floats read as written: "£8.2bn", a third
    assert number_text(8.2 * 1e9) == "8,200,000,000"
    assert number_text(100 / 3) == "33.333"
    between = {"value": 40.0, "value_max": 50.0, "bound": "lower", "unit": "percent"}
    assert quantity_text(between) == "between 40 and 50 percent"
    about = {"value": 4.0, "value_max": 5.0, "bound": "approx", "unit": "days"}
    assert quantity_text(about) == "about 4 to 5 days"


def test_time_resolved_and_relative_without_publication_date() -> None:
    resolved = {"expression": "two years ago", "date": "2016-01-01", "granularity": "year"}
    assert time_text(resolved) == '"two years ago" → 2016-01-01 (year)'
    relative = {"expression": "two years ago", "date": None, "years_before_publication": 2}
    assert "2 years before publication" in time_text(relative)
    last_year = {"expression": "last year", "date": None, "years_before_publication": 1}
    assert "1 year before publication" in time_text(last_year)
    assert time_text({"expression": "one day", "date": None}) == '"one day" → unresolved'
    ahead = {"expression": "in two years' time", "date": None, "years_before_publication": -2}
    assert "2 years after publication" in time_text(ahead)
