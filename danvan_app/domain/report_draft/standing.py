"""Which tasks a period reports, and how each stood on the figures' day: six standings that add up."""

from __future__ import annotations

from datetime import date

from danvan_app.domain import tasks as task_rules

# A partition: every reported task is in exactly one, so the six add up to the total.
ON_TIME = "on_time"
DONE_LATE = "done_late"
DONE_NO_DEADLINE = "done_no_deadline"
WITHIN = "within_deadline"
OVERDUE = "overdue"
OPEN_NO_DEADLINE = "open_no_deadline"
STANDINGS = (ON_TIME, DONE_LATE, DONE_NO_DEADLINE, WITHIN, OVERDUE, OPEN_NO_DEADLINE)
DONE_STANDINGS = (ON_TIME, DONE_LATE, DONE_NO_DEADLINE)
OPEN_STANDINGS = (WITHIN, OVERDUE, OPEN_NO_DEADLINE)


def reported_in(
	period_start: date,
	as_of: date,
	*,
	status: str,
	start_date: date | None,
	completed_on: date | None,
	recurring_duty: bool = False,
) -> bool:
	"""Whether a task belongs in the period's report: not cancelled, not finished before the period began,
	not begun after the figures' day. A recurring duty is left out: its dated instances carry the work and
	the deadlines, each counted once. Tasks due later but open are in (the work ahead)."""
	if status == task_rules.STATUS_CANCELLED or recurring_duty:
		return False
	if status == task_rules.STATUS_DONE and completed_on and completed_on < period_start:
		return False
	return not (start_date and start_date > as_of)


def standing_as_of(*, status: str, due: date | None, completed_on: date | None, as_of: date) -> str | None:
	"""How a task stood on ``as_of``: done (on time, late, without a deadline) or open (within the deadline,
	overdue, without a deadline). A task done after ``as_of`` was open then. Cancelled: None.

	On today's date this is the stored deadline outcome (:func:`danvan_app.domain.tasks.deadline_outcome`),
	with "no deadline" split into done and open."""
	if status == task_rules.STATUS_CANCELLED:
		return None
	finished = completed_on or as_of
	if status == task_rules.STATUS_DONE and finished <= as_of:
		if due is None:
			return DONE_NO_DEADLINE
		return ON_TIME if finished <= due else DONE_LATE
	if due is None:
		return OPEN_NO_DEADLINE
	return WITHIN if as_of <= due else OVERDUE
