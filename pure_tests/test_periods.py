import itertools
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


def test_report_periods():
	assert p.report_period_bounds(2026, "Quý III") == (date(2026, 7, 1), date(2026, 9, 30))
	assert p.report_period_bounds(2026, "6 tháng đầu năm") == (date(2026, 1, 1), date(2026, 6, 30))
	assert p.report_period_bounds(2024, None) == (date(2024, 1, 1), date(2024, 12, 31))
	with pytest.raises(ValueError):
		p.report_period_bounds(2026, "Quý V")


@given(st.integers(1900, 2100), st.sampled_from(p.REPORT_PERIODS))
def test_a_report_period_is_whole_months_within_its_year(year, period):
	first, last = p.report_period_bounds(year, period)
	assert first.year == last.year == year and first.day == 1 and first <= last
	assert last == p.month_end(year, last.month)


def test_the_quarters_and_the_halves_each_cover_the_year_once():
	for parts in (("Quý I", "Quý II", "Quý III", "Quý IV"), ("6 tháng đầu năm", "6 tháng cuối năm")):
		bounds = [p.report_period_bounds(2025, part) for part in parts]
		assert bounds[0][0] == date(2025, 1, 1) and bounds[-1][1] == date(2025, 12, 31)
		for (_, end), (start, _) in itertools.pairwise(bounds):
			assert (start - end).days == 1
