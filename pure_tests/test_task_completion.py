from datetime import date

import pytest

from danvan_app.domain import task_completion as tc
from danvan_app.domain import tasks as task_rules

TODAY = date(2026, 11, 29)


def test_reporting_done_keeps_the_task_open_and_the_report_date():
	change = tc.change_on_step(tc.NOT_REPORTED, tc.AWAITING, task_rules.STATUS_IN_PROGRESS, TODAY)
	assert change == tc.CompletionChange(reported_done_on=TODAY)


def test_confirmation_makes_it_done_on_the_confirmation_day():
	change = tc.change_on_step(tc.AWAITING, tc.CONFIRMED, task_rules.STATUS_IN_PROGRESS, TODAY)
	assert change == tc.CompletionChange(status=task_rules.STATUS_DONE, completed_on=TODAY)


def test_no_step_changes_nothing():
	assert (
		tc.change_on_step(tc.AWAITING, tc.AWAITING, task_rules.STATUS_IN_PROGRESS, TODAY)
		== tc.CompletionChange()
	)
	assert tc.change_on_step(tc.AWAITING, tc.RETURNED, task_rules.STATUS_IN_PROGRESS, TODAY) == (
		tc.CompletionChange()
	)


@pytest.mark.parametrize("state", sorted(tc.DECIDED_BY_ASSIGNING_UNIT))
def test_only_the_assigning_unit_confirms_or_returns(state):
	with pytest.raises(tc.ConfirmationByAssigningUnit):
		tc.check_step(tc.AWAITING, state, return_reason="Thiếu báo cáo", acts_for_assigning_unit=False)
	tc.check_step(tc.AWAITING, state, return_reason="Thiếu báo cáo", acts_for_assigning_unit=True)


def test_the_presiding_unit_reports_and_a_return_needs_a_reason():
	tc.check_step(tc.NOT_REPORTED, tc.AWAITING, return_reason=None, acts_for_assigning_unit=False)
	for reason in (None, "", "   "):
		with pytest.raises(tc.ReturnWithoutReason):
			tc.check_step(tc.AWAITING, tc.RETURNED, return_reason=reason, acts_for_assigning_unit=True)


def test_done_only_through_confirmation_while_it_is_on():
	with pytest.raises(tc.DoneWithoutConfirmation):
		tc.check_done_is_confirmed(task_rules.STATUS_DONE, tc.AWAITING, was_done=False)
	with pytest.raises(tc.DoneWithoutConfirmation):
		tc.check_done_is_confirmed(task_rules.STATUS_DONE, tc.NOT_REPORTED, was_done=False)
	tc.check_done_is_confirmed(task_rules.STATUS_DONE, tc.CONFIRMED, was_done=False)
	# Done before the step was switched on: stays done.
	tc.check_done_is_confirmed(task_rules.STATUS_DONE, tc.NOT_REPORTED, was_done=True)
	tc.check_done_is_confirmed(task_rules.STATUS_IN_PROGRESS, tc.AWAITING, was_done=False)
