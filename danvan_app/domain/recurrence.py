"""Recurring obligations ("hằng tuần", "hằng quý", "tháng 12 hằng năm", "định kỳ 6 tháng"): periods, their
labels and due dates, and which instances a daily job must create.

A week is an ISO week (Monday to Sunday), numbered within its ISO year: the week of 29/12/2025–04/01/2026 is
week 1 of 2026, so every day belongs to exactly one week and a week is never cut at a year's end.

:func:`instances_due` is a pure function of the definitions, the periods that already have an instance,
and today. The job calls it once for all definitions and writes the result in bulk, so running it twice,
or after a week of downtime, creates each missing period exactly once and never touches existing ones.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from danvan_app.domain.periods import QUARTER_NUMERALS, half_end, month_end, quarter_end

WEEKLY, MONTHLY, QUARTERLY, HALF_YEARLY, YEARLY = "weekly", "monthly", "quarterly", "half_yearly", "yearly"
PERIODS_PER_YEAR = {MONTHLY: 12, QUARTERLY: 4, HALF_YEARLY: 2, YEARLY: 1}  # weeks: iso_weeks_in(year)
RECURRENCES = (WEEKLY, *PERIODS_PER_YEAR)


def iso_weeks_in(year: int) -> int:
	"""52 or 53: the ISO week of 28 December is always the year's last."""
	return date(year, 12, 28).isocalendar()[1]


MONTHS_PER_PERIOD = {MONTHLY: 1, QUARTERLY: 3, HALF_YEARLY: 6, YEARLY: 12}


@dataclass(frozen=True, order=True)
class Period:
	recurrence: str
	year: int
	index: int  # 1-based within the year: ISO week 1–53, month 1–12, quarter 1–4, half 1–2, year 1

	@property
	def key(self) -> str:
		"""Stable identifier stored on each instance: ``2026-W05``, ``2026-M03``, ``2026-Q3``, ``2026-H2``,
		``2026``."""
		if self.recurrence == WEEKLY:
			return f"{self.year}-W{self.index:02d}"
		prefix = {MONTHLY: "M", QUARTERLY: "Q", HALF_YEARLY: "H"}.get(self.recurrence)
		if prefix is None:
			return f"{self.year}"
		return (
			f"{self.year}-{prefix}{self.index:02d}"
			if self.recurrence == MONTHLY
			else f"{self.year}-{prefix}{self.index}"
		)

	@property
	def label(self) -> str:
		"""How officials name the period: ``Tuần 05/2026 (26/01–01/02)``, ``Tháng 3/2026``, ``Quý III/2026``,
		``6 tháng cuối năm 2026``."""
		if self.recurrence == WEEKLY:
			first, last = self.start, self.end
			return f"Tuần {self.index:02d}/{self.year} ({first:%d/%m}–{last:%d/%m})"
		if self.recurrence == MONTHLY:
			return f"Tháng {self.index}/{self.year}"
		if self.recurrence == QUARTERLY:
			return f"Quý {QUARTER_NUMERALS[self.index]}/{self.year}"
		if self.recurrence == HALF_YEARLY:
			return f"6 tháng {'đầu' if self.index == 1 else 'cuối'} năm {self.year}"
		return f"Năm {self.year}"

	@property
	def start(self) -> date:
		if self.recurrence == WEEKLY:
			return date.fromisocalendar(self.year, self.index, 1)
		return date(self.year, (self.index - 1) * MONTHS_PER_PERIOD[self.recurrence] + 1, 1)

	@property
	def end(self) -> date:
		if self.recurrence == WEEKLY:
			return self.start + timedelta(days=6)
		if self.recurrence == MONTHLY:
			return month_end(self.year, self.index)
		if self.recurrence == QUARTERLY:
			return quarter_end(self.year, self.index)
		if self.recurrence == HALF_YEARLY:
			return half_end(self.year, self.index)
		return date(self.year, 12, 31)

	def next(self) -> Period:
		last = iso_weeks_in(self.year) if self.recurrence == WEEKLY else PERIODS_PER_YEAR[self.recurrence]
		if self.index < last:
			return Period(self.recurrence, self.year, self.index + 1)
		return Period(self.recurrence, self.year + 1, 1)


def period_containing(recurrence: str, day: date) -> Period:
	if recurrence == WEEKLY:
		iso_year, week, _weekday = day.isocalendar()
		return Period(WEEKLY, iso_year, week)
	if recurrence not in PERIODS_PER_YEAR:
		raise ValueError(f"unknown recurrence: {recurrence}")
	return Period(recurrence, day.year, (day.month - 1) // MONTHS_PER_PERIOD[recurrence] + 1)


def due_date(period: Period, *, offset_days: int = 0, month: int | None = None) -> date:
	"""The period's due date: its last day plus ``offset_days`` ("15 ngày sau khi kết thúc quý"), or for a
	yearly duty tied to a month ("tháng 12 hằng năm") the last day of that month."""
	if period.recurrence == YEARLY and month:
		return month_end(period.year, month) + timedelta(days=offset_days)
	return period.end + timedelta(days=offset_days)


def periods_from(recurrence: str, first_day: date, last_day: date) -> Iterator[Period]:
	"""Every period that overlaps [first_day, last_day], in order."""
	period = period_containing(recurrence, first_day)
	while period.start <= last_day:
		yield period
		period = period.next()


@dataclass(frozen=True)
class Definition:
	"""A recurring duty: a DV Task whose recurrence is not none."""

	name: str
	recurrence: str
	start: date
	end: date | None = None
	offset_days: int = 0
	month: int | None = None


@dataclass(frozen=True)
class Instance:
	definition: str
	period: Period
	start: date
	due: date

	@property
	def name(self) -> str:
		"""Deterministic, so the database's primary key itself forbids a second instance of a period."""
		return f"{self.definition}-{self.period.key}"


def instances_due(
	definitions: Iterable[Definition], existing: set[tuple[str, str]], today: date, lead_days: int = 0
) -> list[Instance]:
	"""Instances to create today: every period from a definition's start whose start is at most
	``lead_days`` ahead of today, up to its end, minus the (definition, period key) pairs in ``existing``.
	Missed periods (downtime) are caught up; existing instances, open or closed, are never recreated."""
	horizon = today + timedelta(days=lead_days)
	out = []
	for definition in definitions:
		last_day = min(horizon, definition.end) if definition.end else horizon
		if definition.start > last_day:
			continue
		for period in periods_from(definition.recurrence, definition.start, last_day):
			if (definition.name, period.key) in existing:
				continue
			out.append(
				Instance(
					definition=definition.name,
					period=period,
					start=max(period.start, definition.start),
					due=due_date(period, offset_days=definition.offset_days, month=definition.month),
				)
			)
	return out
