from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from danvan_app.domain import periods as p


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_a_day_lies_in_its_quarter(day):
	q = p.quarter_of(day)
	assert p.quarter_start(day.year, q) <= day <= p.quarter_end(day.year, q)
	assert day <= p.month_end(day.year, day.month)


def test_ends():
	assert p.month_end(2023, 2) == date(2023, 2, 28)
	assert p.quarter_end(2026, 3) == date(2026, 9, 30)
	assert p.half_end(2026, 1) == date(2026, 6, 30)
	assert p.half_end(2026, 2) == date(2026, 12, 31)


@pytest.mark.parametrize(("text", "quarter"), [("I", 1), ("ii", 2), (" III ", 3), ("IV", 4), ("4", 4)])
def test_parse_quarter(text, quarter):
	assert p.parse_quarter(text) == quarter


@pytest.mark.parametrize("text", ["V", "0", "5", "", "quý"])
def test_parse_quarter_refuses(text):
	with pytest.raises(ValueError):
		p.parse_quarter(text)


@pytest.mark.parametrize(
	"call", [lambda: p.month_end(2024, 13), lambda: p.quarter_end(2024, 0), lambda: p.half_end(2024, 3)]
)
def test_out_of_range_periods(call):
	with pytest.raises(ValueError):
		call()
