from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from danvan_app.domain import recurrence as r

RECURRENCES = st.sampled_from([r.WEEKLY, r.MONTHLY, r.QUARTERLY, r.HALF_YEARLY, r.YEARLY])
DAYS = st.dates(min_value=date(2015, 1, 1), max_value=date(2035, 12, 31))


@pytest.mark.parametrize(
	("recurrence", "day", "label", "key", "start", "end"),
	[
		# ISO weeks, Monday to Sunday: the week holding 1/1/2026 (a Thursday) is week 1 of 2026 …
		(
			r.WEEKLY,
			date(2026, 1, 1),
			"Tuần 01/2026 (29/12–04/01)",
			"2026-W01",
			date(2025, 12, 29),
			date(2026, 1, 4),
		),
		# … and the one holding 1/1/2027 (a Friday) is week 53 of 2026.
		(
			r.WEEKLY,
			date(2027, 1, 1),
			"Tuần 53/2026 (28/12–03/01)",
			"2026-W53",
			date(2026, 12, 28),
			date(2027, 1, 3),
		),
		(
			r.WEEKLY,
			date(2026, 2, 1),
			"Tuần 05/2026 (26/01–01/02)",
			"2026-W05",
			date(2026, 1, 26),
			date(2026, 2, 1),
		),
		(r.MONTHLY, date(2026, 3, 15), "Tháng 3/2026", "2026-M03", date(2026, 3, 1), date(2026, 3, 31)),
		(r.QUARTERLY, date(2026, 8, 1), "Quý III/2026", "2026-Q3", date(2026, 7, 1), date(2026, 9, 30)),
		(
			r.HALF_YEARLY,
			date(2026, 2, 1),
			"6 tháng đầu năm 2026",
			"2026-H1",
			date(2026, 1, 1),
			date(2026, 6, 30),
		),
		(
			r.HALF_YEARLY,
			date(2026, 12, 31),
			"6 tháng cuối năm 2026",
			"2026-H2",
			date(2026, 7, 1),
			date(2026, 12, 31),
		),
		(r.YEARLY, date(2026, 6, 1), "Năm 2026", "2026", date(2026, 1, 1), date(2026, 12, 31)),
	],
)
def test_periods(recurrence, day, label, key, start, end):
	period = r.period_containing(recurrence, day)
	assert (period.label, period.key, period.start, period.end) == (label, key, start, end)


def test_due_dates():
	q3 = r.Period(r.QUARTERLY, 2026, 3)
	assert r.due_date(q3) == date(2026, 9, 30)
	assert r.due_date(q3, offset_days=15) == date(2026, 10, 15)  # 15 ngày sau khi kết thúc quý
	assert r.due_date(r.Period(r.YEARLY, 2026, 1), month=6) == date(2026, 6, 30)  # tháng 6 hằng năm
	assert r.due_date(r.Period(r.MONTHLY, 2024, 2)) == date(2024, 2, 29)
	week = r.Period(r.WEEKLY, 2026, 10)  # 02/03–08/03/2026
	assert r.due_date(week) == date(2026, 3, 8)  # the week's Sunday
	assert r.due_date(week, offset_days=1) == date(2026, 3, 9)
	assert r.due_date(week, month=6) == date(2026, 3, 8)  # a month ties only a yearly duty


def test_year_rolls_over():
	assert r.Period(r.QUARTERLY, 2026, 4).next() == r.Period(r.QUARTERLY, 2027, 1)
	assert r.Period(r.YEARLY, 2026, 1).next() == r.Period(r.YEARLY, 2027, 1)
	assert r.Period(r.WEEKLY, 2025, 52).next() == r.Period(r.WEEKLY, 2026, 1)  # 2025 has 52 ISO weeks
	assert r.Period(r.WEEKLY, 2026, 52).next() == r.Period(r.WEEKLY, 2026, 53)  # 2026 has 53
	assert r.Period(r.WEEKLY, 2026, 53).next() == r.Period(r.WEEKLY, 2027, 1)
	assert [r.iso_weeks_in(year) for year in (2020, 2025, 2026, 2032)] == [53, 52, 53, 53]


def test_unknown_recurrence():
	with pytest.raises(ValueError):
		r.period_containing("daily", date(2026, 1, 1))


@given(RECURRENCES, DAYS)
def test_consecutive_periods_tile_the_calendar(recurrence, day):
	period = r.period_containing(recurrence, day)
	assert period.start <= day <= period.end
	assert (period.next().start - period.end).days == 1


QUARTERLY_REPORT = r.Definition("NV-1", r.QUARTERLY, start=date(2026, 1, 1), offset_days=15)


def test_generation_creates_the_current_period_and_catches_up_missed_ones():
	created = r.instances_due([QUARTERLY_REPORT], set(), today=date(2026, 8, 10))
	assert [i.period.label for i in created] == ["Quý I/2026", "Quý II/2026", "Quý III/2026"]
	assert created[-1].due == date(2026, 10, 15)
	assert created[-1].name == "NV-1-2026-Q3"


def test_generation_is_idempotent():
	today = date(2026, 8, 10)
	first = r.instances_due([QUARTERLY_REPORT], set(), today)
	existing = {(i.definition, i.period.key) for i in first}
	assert r.instances_due([QUARTERLY_REPORT], existing, today) == []


def test_lead_days_create_the_next_period_ahead_of_time():
	existing = {("NV-1", "2026-Q1"), ("NV-1", "2026-Q2"), ("NV-1", "2026-Q3")}
	assert r.instances_due([QUARTERLY_REPORT], existing, today=date(2026, 9, 20), lead_days=5) == []
	ahead = r.instances_due([QUARTERLY_REPORT], existing, today=date(2026, 9, 20), lead_days=15)
	assert [i.period.key for i in ahead] == ["2026-Q4"]


def test_definition_end_and_future_start():
	ended = r.Definition("NV-2", r.MONTHLY, start=date(2026, 1, 15), end=date(2026, 3, 10))
	created = r.instances_due([ended], set(), today=date(2026, 12, 1))
	assert [i.period.key for i in created] == ["2026-M01", "2026-M02", "2026-M03"]
	assert created[0].start == date(2026, 1, 15)  # an instance never starts before its duty does
	future = r.Definition("NV-3", r.YEARLY, start=date(2027, 1, 1))
	assert r.instances_due([future], set(), today=date(2026, 12, 1)) == []


def test_weekly_generation_catches_up_each_week_once():
	weekly = r.Definition("NV-4", r.WEEKLY, start=date(2026, 3, 4))  # a Wednesday
	created = r.instances_due([weekly], set(), today=date(2026, 3, 23))  # a Monday
	assert [i.period.key for i in created] == ["2026-W10", "2026-W11", "2026-W12", "2026-W13"]
	assert created[0].start == date(2026, 3, 4)  # not the Monday before the duty began
	assert [i.due for i in created] == [
		date(2026, 3, 8),
		date(2026, 3, 15),
		date(2026, 3, 22),
		date(2026, 3, 29),
	]
	existing = {(i.definition, i.period.key) for i in created}
	assert r.instances_due([weekly], existing, today=date(2026, 3, 29)) == []  # same week: nothing new
	assert [i.period.key for i in r.instances_due([weekly], existing, today=date(2026, 3, 30))] == [
		"2026-W14"
	]


@given(RECURRENCES, DAYS, DAYS, st.integers(0, 60))
def test_generation_never_duplicates_and_covers_every_period(recurrence, start, today, lead):
	definition = r.Definition("D", recurrence, start=start)
	first = r.instances_due([definition], set(), today, lead)
	keys = [i.period.key for i in first]
	assert len(keys) == len(set(keys))
	# A second run with half of them existing creates exactly the other half.
	existing = {("D", k) for k in keys[::2]}
	second = r.instances_due([definition], existing, today, lead)
	assert sorted(i.period.key for i in second) == sorted(keys[1::2])
