"""Confirming a task's completion: the presiding unit reports it done, the assigning unit confirms it or
returns it with a reason.

The step is a Frappe Workflow shipped switched off ("DV: Xác nhận hoàn thành nhiệm vụ"): a province that
wants it switches it on from the desk, one that does not leaves it off. Its order and roles are the
Workflow's; what must hold while it is on is here. A task is done (status, completion date, and so the
deadline outcome and every statistic) on the day the assigning unit confirms it, not the day it was
reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from danvan_app.domain import tasks as task_rules

# The states of the shipped Workflow.
NOT_REPORTED = "Chưa báo cáo hoàn thành"
AWAITING = "Chờ xác nhận hoàn thành"
CONFIRMED = "Đã xác nhận hoàn thành"
RETURNED = "Bị trả lại"
STATES = (NOT_REPORTED, AWAITING, CONFIRMED, RETURNED)
# States the assigning unit decides.
DECIDED_BY_ASSIGNING_UNIT = frozenset({CONFIRMED, RETURNED})


class CompletionRuleError(ValueError):
	"""A completion step breaks a rule; the controller turns it into a Vietnamese message."""


class DoneWithoutConfirmation(CompletionRuleError):
	pass


class ReturnWithoutReason(CompletionRuleError):
	pass


class ConfirmationByAssigningUnit(CompletionRuleError):
	def __init__(self, state: str):
		super().__init__(state)
		self.state = state


@dataclass(frozen=True)
class CompletionChange:
	"""What a task's own fields become when its completion state changes."""

	status: str | None = None
	completed_on: date | None = None
	reported_done_on: date | None = None


def check_step(before: str | None, after: str, *, return_reason: str | None, acts_for_assigning_unit: bool):
	if after == before:
		return
	if after in DECIDED_BY_ASSIGNING_UNIT and not acts_for_assigning_unit:
		raise ConfirmationByAssigningUnit(after)
	if after == RETURNED and not (return_reason or "").strip():
		raise ReturnWithoutReason()


def change_on_step(before: str | None, after: str, status: str, today: date) -> CompletionChange:
	"""Reported: the report's date is kept, the task stays open. Confirmed: done, on the confirmation day.
	Returned: open again (in progress)."""
	if after == before:
		return CompletionChange()
	if after == AWAITING:
		return CompletionChange(reported_done_on=today)
	if after == CONFIRMED:
		return CompletionChange(status=task_rules.STATUS_DONE, completed_on=today)
	if after == RETURNED and status == task_rules.STATUS_DONE:
		return CompletionChange(status=task_rules.STATUS_IN_PROGRESS)
	return CompletionChange()


def check_done_is_confirmed(status: str, state: str | None, was_done: bool) -> None:
	"""While confirmation is on, a task becomes done only through the assigning unit's confirmation (a
	task already done before it was switched on stays done)."""
	if status == task_rules.STATUS_DONE and not was_done and state != CONFIRMED:
		raise DoneWithoutConfirmation()
