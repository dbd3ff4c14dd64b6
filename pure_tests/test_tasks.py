from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from danvan_app.domain import tasks as t

dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31))


class TestDeadlineOutcome:
	def test_done_on_the_due_day_is_on_time(self):
		assert (
			t.deadline_outcome(
				status=t.STATUS_DONE,
				due=date(2023, 10, 31),
				completed_on=date(2023, 10, 31),
				today=date(2024, 1, 1),
			)
			== t.OUTCOME_ON_TIME
		)

	def test_done_a_day_after_is_late_even_long_after(self):
		assert (
			t.deadline_outcome(
				status=t.STATUS_DONE,
				due=date(2023, 10, 31),
				completed_on=date(2023, 11, 1),
				today=date(2030, 1, 1),
			)
			== t.OUTCOME_DONE_LATE
		)

	def test_open_task_before_and_on_the_due_day_is_within_deadline(self):
		for today in (date(2023, 10, 1), date(2023, 10, 31)):
			assert (
				t.deadline_outcome(
					status=t.STATUS_IN_PROGRESS, due=date(2023, 10, 31), completed_on=None, today=today
				)
				== t.OUTCOME_WITHIN_DEADLINE
			)

	def test_open_task_after_the_due_day_is_overdue_whatever_its_status(self):
		for status in (t.STATUS_NOT_STARTED, t.STATUS_IN_PROGRESS):
			assert (
				t.deadline_outcome(
					status=status, due=date(2023, 10, 31), completed_on=None, today=date(2023, 11, 1)
				)
				== t.OUTCOME_OVERDUE
			)

	def test_cancelled_has_no_outcome_and_no_due_date_has_its_own(self):
		assert (
			t.deadline_outcome(
				status=t.STATUS_CANCELLED, due=date(2023, 1, 1), completed_on=None, today=date(2024, 1, 1)
			)
			is None
		)
		assert (
			t.deadline_outcome(
				status=t.STATUS_IN_PROGRESS, due=None, completed_on=None, today=date(2024, 1, 1)
			)
			== t.OUTCOME_NO_DEADLINE
		)

	def test_done_without_completion_date_counts_as_today(self):
		assert (
			t.deadline_outcome(
				status=t.STATUS_DONE, due=date(2024, 1, 1), completed_on=None, today=date(2024, 1, 2)
			)
			== t.OUTCOME_DONE_LATE
		)

	@given(due=dates, completed=dates, today=dates)
	def test_done_outcome_depends_only_on_completion_vs_due(self, due, completed, today):
		outcome = t.deadline_outcome(status=t.STATUS_DONE, due=due, completed_on=completed, today=today)
		assert outcome == (t.OUTCOME_ON_TIME if completed <= due else t.OUTCOME_DONE_LATE)

	@given(due=dates, today=dates)
	def test_open_outcome_is_never_a_done_outcome(self, due, today):
		outcome = t.deadline_outcome(status=t.STATUS_IN_PROGRESS, due=due, completed_on=None, today=today)
		assert outcome in (t.OUTCOME_WITHIN_DEADLINE, t.OUTCOME_OVERDUE)
		assert (outcome == t.OUTCOME_OVERDUE) == (today > due)


class TestDaysLate:
	def test_open_overdue_task_counts_up_to_today(self):
		late = t.days_late(
			status=t.STATUS_IN_PROGRESS, due=date(2026, 11, 20), completed_on=None, today=date(2026, 11, 29)
		)
		assert late == 9

	def test_done_late_is_frozen_at_completion(self):
		late = t.days_late(
			status=t.STATUS_DONE,
			due=date(2026, 11, 20),
			completed_on=date(2026, 11, 23),
			today=date(2027, 5, 1),
		)
		assert late == 3

	@given(due=dates, completed=dates, today=dates, status=st.sampled_from(t.STATUSES))
	def test_late_exactly_when_the_outcome_says_so(self, due, completed, today, status):
		completed_on = completed if status == t.STATUS_DONE else None
		args = dict(status=status, due=due, completed_on=completed_on, today=today)
		late = t.days_late(**args)
		assert late >= 0
		assert (late > 0) == (t.deadline_outcome(**args) in (t.OUTCOME_OVERDUE, t.OUTCOME_DONE_LATE))

	def test_no_deadline_is_never_late(self):
		assert (
			t.days_late(status=t.STATUS_IN_PROGRESS, due=None, completed_on=None, today=date(2026, 1, 1)) == 0
		)


class TestDueDates:
	def test_within_month_is_the_months_last_day(self):
		assert t.due_date_for("within_month", year=2023, month=7) == date(2023, 7, 31)
		assert t.due_date_for("within_month", year=2024, month=2) == date(2024, 2, 29)

	def test_quarter_is_the_quarters_last_day(self):
		assert t.due_date_for("quarter", year=2024, quarter=2) == date(2024, 6, 30)
		assert t.due_date_for("quarter", year=2024, quarter=4) == date(2024, 12, 31)

	def test_exact_and_before_keep_the_date(self):
		assert t.due_date_for("date", exact=date(2023, 10, 31)) == date(2023, 10, 31)
		assert t.due_date_for("before", exact=date(2023, 10, 31)) == date(2023, 10, 31)

	def test_open_ended_kinds_have_no_due_date(self):
		for kind in ("from_year", "recurring", "none"):
			assert t.due_date_for(kind, year=2025) is None

	def test_missing_parts_are_refused(self):
		with pytest.raises(t.DeadlineIncomplete):
			t.due_date_for("within_month", year=2023)
		with pytest.raises(t.DeadlineIncomplete):
			t.due_date_for("quarter", quarter=2)
		with pytest.raises(t.DeadlineIncomplete):
			t.due_date_for("before")

	def test_unknown_kind_is_refused(self):
		with pytest.raises(ValueError):
			t.due_date_for("someday")

	def test_labels_and_keys_round_trip(self):
		assert {t.DEADLINE_KIND_KEYS[label] for label in t.DEADLINE_KIND_LABELS.values()} == set(
			t.DEADLINE_KIND_LABELS
		)
		assert {t.RECURRENCE_KEYS[label] for label in t.RECURRENCE_LABELS.values()} == set(
			t.RECURRENCE_LABELS
		)


class TestRules:
	def test_due_before_start_is_refused(self):
		with pytest.raises(t.DueBeforeStart) as caught:
			t.check_dates(date(2024, 5, 1), date(2024, 4, 30))
		assert caught.value.due == date(2024, 4, 30)

	def test_due_on_start_and_missing_dates_pass(self):
		t.check_dates(date(2024, 5, 1), date(2024, 5, 1))
		t.check_dates(None, date(2024, 5, 1))
		t.check_dates(date(2024, 5, 1), None)

	def test_extension_keeps_the_original_due_date(self):
		original = t.original_due_date(None, date(2024, 3, 31))
		assert original == date(2024, 3, 31)
		assert t.original_due_date(original, date(2024, 6, 30)) == date(2024, 3, 31)
		assert t.was_extended(original, date(2024, 6, 30))
		assert not t.was_extended(original, original)

	def test_completion_date_only_for_done(self):
		today = date(2024, 1, 5)
		assert t.completion_date(t.STATUS_DONE, None, today) == today
		assert t.completion_date(t.STATUS_DONE, today - timedelta(days=3), today) == date(2024, 1, 2)
		assert t.completion_date(t.STATUS_IN_PROGRESS, today, today) is None

	def test_progress_starts_a_task_but_never_closes_it(self):
		assert t.status_from_progress(t.STATUS_NOT_STARTED, 10) == t.STATUS_IN_PROGRESS
		assert t.status_from_progress(t.STATUS_NOT_STARTED, 0) == t.STATUS_NOT_STARTED
		assert t.status_from_progress(t.STATUS_IN_PROGRESS, 100) == t.STATUS_IN_PROGRESS


class TestCascadeAndRollup:
	def test_child_deadline_no_later_than_parent(self):
		t.check_child_deadline(date(2026, 12, 31), date(2026, 12, 31))
		t.check_child_deadline(None, None)
		t.check_child_deadline(None, date(2030, 1, 1))
		with pytest.raises(t.ChildDeadlineAfterParent):
			t.check_child_deadline(date(2026, 12, 31), date(2027, 1, 1))
		with pytest.raises(t.ChildDeadlineAfterParent):
			t.check_child_deadline(date(2026, 12, 31), None)

	def test_average_and_weighted_rollup(self):
		children = [(100.0, 3.0), (0.0, 1.0)]
		assert t.rollup_progress(children, t.ROLLUP_AVERAGE) == 50
		assert t.rollup_progress(children, t.ROLLUP_WEIGHTED) == 75
		assert t.rollup_progress([], t.ROLLUP_AVERAGE) is None
		assert t.rollup_progress([(50.0, 0.0)], t.ROLLUP_WEIGHTED) is None

	@given(st.lists(st.tuples(st.floats(0, 100), st.floats(0.1, 10)), min_size=1, max_size=20))
	def test_rollup_stays_within_the_childrens_range(self, children):
		for method in (t.ROLLUP_AVERAGE, t.ROLLUP_WEIGHTED):
			value = t.rollup_progress(children, method)
			assert min(p for p, _ in children) - 0.01 <= value <= max(p for p, _ in children) + 0.01

	def test_assigning_unit_prefers_the_parent_task(self):
		assert t.assigning_unit("HUYEN", "TINH") == "HUYEN"
		assert t.assigning_unit(None, "TINH") == "TINH"
		assert t.assigning_unit(None, None) is None


class TestExtensions:
	def test_request_must_move_the_deadline_later(self):
		t.check_extension_request(date(2026, 3, 31), date(2026, 4, 30))
		t.check_extension_request(None, date(2026, 4, 30))
		with pytest.raises(t.ExtensionNotLater):
			t.check_extension_request(date(2026, 3, 31), date(2026, 3, 31))

	def test_decisions_are_final(self):
		t.check_decision_change(None, t.EXTENSION_PENDING)
		t.check_decision_change(t.EXTENSION_PENDING, t.EXTENSION_APPROVED)
		with pytest.raises(t.DecisionFinal):
			t.check_decision_change(t.EXTENSION_APPROVED, t.EXTENSION_PENDING)
		with pytest.raises(t.DecisionFinal):
			t.check_decision_change(t.EXTENSION_REFUSED, t.EXTENSION_APPROVED)

	def test_due_after_extensions(self):
		assert t.due_after_extensions(date(2026, 3, 31), [date(2026, 6, 30), date(2026, 5, 31)]) == date(
			2026, 6, 30
		)
		assert t.due_after_extensions(date(2026, 3, 31), []) == date(2026, 3, 31)
		assert t.due_after_extensions(None, []) is None


class TestWorkingDays:
	TET_2027 = frozenset(date(2027, 2, 5) + timedelta(days=i) for i in range(9))  # 05/02 – 13/02/2027
	WEEKEND = frozenset({date(2027, 2, 13), date(2027, 2, 14)})

	def test_a_working_day_stays(self):
		assert t.next_working_day(date(2027, 2, 4), self.TET_2027) == date(2027, 2, 4)

	def test_a_deadline_in_tet_moves_past_the_holiday_and_the_weekend(self):
		assert t.next_working_day(date(2027, 2, 8), self.TET_2027 | self.WEEKEND) == date(2027, 2, 15)

	def test_endless_days_off_are_refused(self):
		with pytest.raises(ValueError):
			t.next_working_day(date(2027, 1, 1), {date(2027, 1, 1) + timedelta(days=i) for i in range(100)})

	@given(dates, st.sets(dates, max_size=20))
	def test_result_is_never_earlier_and_never_a_day_off(self, day, days_off):
		result = t.next_working_day(day, days_off)
		assert result >= day and result not in days_off


def test_the_presiding_units_latest_report_is_the_tasks_progress():
	reports = [("X21", 80.0), ("H1", 40.0), ("H1", 55.0)]
	assert t.progress_after_reports(10.0, "H1", reports, rolls_up=False) == 55.0


def test_a_coordinating_units_report_never_overwrites_the_tasks_progress():
	assert t.progress_after_reports(10.0, "H1", [("X21", 90.0)], rolls_up=False) == 10.0
	assert t.progress_after_reports(10.0, "H1", [], rolls_up=False) == 10.0


def test_a_task_that_rolls_up_takes_progress_from_its_sub_tasks_not_from_reports():
	assert t.progress_after_reports(30.0, "H1", [("H1", 90.0)], rolls_up=True) == 30.0


def test_a_first_progress_starts_the_task_and_the_standing_follows():
	derived = t.derived_from_progress(
		status=t.STATUS_NOT_STARTED,
		progress=30.0,
		completed_on=None,
		due=date(2026, 3, 1),
		today=date(2026, 2, 1),
	)
	assert derived == {
		"progress": 30.0,
		"status": t.STATUS_IN_PROGRESS,
		"completed_on": None,
		"deadline_outcome": t.OUTCOME_WITHIN_DEADLINE,
		"days_late": 0,
	}


def test_a_done_task_stays_done_at_100_whatever_is_reported():
	derived = t.derived_from_progress(
		status=t.STATUS_DONE,
		progress=40.0,
		completed_on=date(2026, 1, 5),
		due=date(2026, 1, 1),
		today=date(2026, 2, 1),
	)
	assert (derived["progress"], derived["status"], derived["days_late"]) == (100, t.STATUS_DONE, 4)


def test_only_real_changes_are_written():
	before = {"progress": 30, "status": t.STATUS_IN_PROGRESS, "completed_on": None, "days_late": 0}
	after = {"progress": 30.0, "status": t.STATUS_IN_PROGRESS, "completed_on": None, "days_late": 2}
	assert t.changed_fields(before, after) == {"days_late": 2}
