"""The period a draft reports on: its dates, and the day its figures stand on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from danvan_app.domain import periods
from danvan_app.domain import tasks as task_rules

# The periods officials report on, by the words they use ("Quý II", "6 tháng đầu năm", "Cả năm"…): the
# app's one list (domain.periods.REPORT_PERIODS), which the desk also gets at login.
PERIOD_KEYS = periods.REPORT_PERIODS


class ReportDraftError(ValueError):
	"""The draft cannot be made; the API turns it into a Vietnamese refusal."""


class UnknownPeriod(ReportDraftError):
	def __init__(self, key):
		super().__init__(f"unknown period {key!r}")
		self.key = key


class ImplausibleYear(ReportDraftError):
	def __init__(self, year):
		super().__init__(f"implausible year {year!r}")
		self.year = year


class PeriodNotBegun(ReportDraftError):
	def __init__(self, period: Period):
		super().__init__(f"period {period.key}/{period.year} has not begun")
		self.period = period


@dataclass(frozen=True)
class Period:
	key: str
	year: int
	start: date
	end: date

	@property
	def phrase(self) -> str:
		"""How the period reads inside a sentence: "quý I năm 2025", "6 tháng đầu năm 2025", "năm 2025"."""
		if self.key == "Cả năm":
			return f"năm {self.year}"
		if self.key.startswith("Quý"):
			return f"quý{self.key[3:]} năm {self.year}"
		return f"{self.key} {self.year}"

	@property
	def heading(self) -> str:
		"""The phrase as a line of its own, capitalised: "Quý I năm 2025"."""
		return self.phrase[0].upper() + self.phrase[1:]


def report_period(key: str, year: int) -> Period:
	"""The dates a period covers (``periods.report_period_bounds``); a key or a year out of range is
	refused."""
	if key not in PERIOD_KEYS:
		raise UnknownPeriod(key)
	if not isinstance(year, int) or isinstance(year, bool) or not task_rules.plausible_year(year):
		raise ImplausibleYear(year)
	start, end = periods.report_period_bounds(year, key)
	return Period(key, year, start, end)


def figures_date(period: Period, today: date) -> date:
	"""The day the figures stand on: the period's last day, or today while the period runs. A period not
	yet begun has nothing to report."""
	if period.start > today:
		raise PeriodNotBegun(period)
	return min(period.end, today)
