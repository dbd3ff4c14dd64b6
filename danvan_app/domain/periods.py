"""Calendar periods the directives speak in: months, quarters (I–IV), halves and years."""

from __future__ import annotations

import calendar
from datetime import date

ROMAN_QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4}
QUARTER_NUMERALS = {v: k for k, v in ROMAN_QUARTERS.items()}


def month_end(year: int, month: int) -> date:
	"""Last day of month/year (``xong trong tháng 7/2023`` is due 31/07/2023)."""
	if not 1 <= month <= 12:
		raise ValueError(f"month out of range: {month}")
	return date(year, month, calendar.monthrange(year, month)[1])


def quarter_of(day: date) -> int:
	return (day.month - 1) // 3 + 1


def quarter_start(year: int, quarter: int) -> date:
	if not 1 <= quarter <= 4:
		raise ValueError(f"quarter out of range: {quarter}")
	return date(year, 3 * quarter - 2, 1)


def quarter_end(year: int, quarter: int) -> date:
	"""Last day of quarter/year (``trong quý II/2024`` is due 30/06/2024)."""
	if not 1 <= quarter <= 4:
		raise ValueError(f"quarter out of range: {quarter}")
	return month_end(year, 3 * quarter)


def half_end(year: int, half: int) -> date:
	if half not in (1, 2):
		raise ValueError(f"half out of range: {half}")
	return month_end(year, 6 * half)


def parse_quarter(text: str) -> int:
	"""``"III"`` or ``"3"`` → 3; anything else raises ValueError."""
	token = text.strip().upper()
	if token in ROMAN_QUARTERS:
		return ROMAN_QUARTERS[token]
	if token.isdigit() and 1 <= int(token) <= 4:
		return int(token)
	raise ValueError(f"not a quarter: {text!r}")


# The periods a report to the Standing Committee covers ("báo cáo quý", "sơ kết 6 tháng", "tổng kết năm"),
# in the words officials use, each with the months it spans.
REPORT_PERIOD_MONTHS = {
	"Cả năm": (1, 12),
	"Quý I": (1, 3),
	"Quý II": (4, 6),
	"Quý III": (7, 9),
	"Quý IV": (10, 12),
	"6 tháng đầu năm": (1, 6),
	"6 tháng cuối năm": (7, 12),
	"9 tháng đầu năm": (1, 9),
}
REPORT_PERIODS = tuple(REPORT_PERIOD_MONTHS)


def report_period_bounds(year: int, period: str | None) -> tuple[date, date]:
	"""First and last day of ``period`` of ``year`` (the whole year when no period is named).

	``report_period_bounds(2026, "Quý III")`` → (1/7/2026, 30/9/2026); an unknown period raises ValueError.
	"""
	if period and period not in REPORT_PERIOD_MONTHS:
		raise ValueError(f"not a report period: {period!r}")
	first_month, last_month = REPORT_PERIOD_MONTHS[period or "Cả năm"]
	return date(year, first_month, 1), month_end(year, last_month)
