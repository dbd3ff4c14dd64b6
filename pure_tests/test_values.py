"""The value checks every DV field passes before any rule runs."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from danvan_app.domain import values as v


@pytest.mark.parametrize(
	"value, fieldtype, reason",
	[
		(["Hoàn thành"], "Select", v.NOT_TEXT),
		({"a": 1}, "Link", v.NOT_TEXT),
		("x" * 141, "Data", v.TOO_LONG),
		("x" * 1_000_001, "Text Editor", v.TOO_LONG),
		("tên\x00lạ", "Data", v.CONTROL_CHARACTERS),
		("abc", "Float", v.NOT_A_NUMBER),
		(float("inf"), "Float", v.OUT_OF_RANGE),
		(1e308, "Currency", v.OUT_OF_RANGE),
		(2.5, "Int", v.NOT_A_WHOLE_NUMBER),
		(2, "Check", v.OUT_OF_RANGE),
		(101, "Percent", v.OUT_OF_RANGE),
		("99999-01-01", "Date", v.NOT_A_DATE),
		("2025-02-30", "Date", v.NOT_A_DATE),
		("1900-01-01", "Date", v.DATE_OUT_OF_RANGE),
		("hôm qua", "Date", v.NOT_A_DATE),
		(12345, "Date", v.NOT_A_DATE),
	],
)
def test_bad_values_are_named(value, fieldtype, reason):
	assert v.value_problem(value, fieldtype) == reason


@pytest.mark.parametrize(
	"value, fieldtype",
	[
		("Ủy ban MTTQ xã Bắc Hà", "Data"),
		("Dòng một\nDòng hai\tcột", "Small Text"),
		(None, "Data"),
		("", "Date"),
		("2025-12-31", "Date"),
		(datetime.date(2025, 12, 31), "Date"),
		("2025-12-31 08:30:00", "Datetime"),
		("42", "Int"),
		(True, "Check"),
		(55.5, "Percent"),
	],
)
def test_good_values_pass(value, fieldtype):
	assert v.value_problem(value, fieldtype) is None


def test_a_select_takes_only_its_options():
	assert v.value_problem("Khác", "Select", options=["", "Tập thể", "Cá nhân"]) == v.NOT_AN_OPTION
	assert v.value_problem("Tập thể", "Select", options=["", "Tập thể", "Cá nhân"]) is None


@given(st.dates(min_value=v.EARLIEST_DATE, max_value=v.LATEST_DATE))
def test_every_date_in_range_passes_in_iso_form(day):
	assert v.date_problem(day.isoformat()) is None
	assert v.as_calendar_date(day.isoformat()) == day


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_a_float_is_either_accepted_as_finite_or_named(number):
	reason = v.number_problem(number, "Float")
	assert (reason is None) == (number == number and abs(number) <= v.LARGEST_NUMBER)
