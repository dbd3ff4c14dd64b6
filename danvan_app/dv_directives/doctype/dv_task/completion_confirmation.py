"""The completion confirmation of a DV Task, while the Workflow "DV: Xác nhận hoàn thành nhiệm vụ" is on."""

import frappe
from frappe.model.workflow import get_workflow_name
from frappe.utils import getdate, today

from danvan_app.domain import access
from danvan_app.domain import task_completion as completion_rules
from danvan_app.domain import tasks as task_rules
from danvan_app.permissions import user_scope
from danvan_app.rule_refusals import refusals

STATE_FIELD = "completion_state"


def confirmation_is_on() -> bool:
	"""An active Workflow on DV Task drives the completion state: the step is on. Frappe caches the
	lookup, and clears it when a Workflow is saved."""
	name = get_workflow_name("DV Task")
	return bool(name) and frappe.get_cached_value("Workflow", name, "workflow_state_field") == STATE_FIELD


class CompletionConfirmationMixin:
	"""A part of the task's controller: the Workflow moves ``completion_state``; this keeps the task's own
	status and dates in step with it, and refuses what must not happen while the step is on."""

	def follow_completion_state(self):
		if not confirmation_is_on():
			return
		before = self.get_doc_before_save()
		before_state = (before.get(STATE_FIELD) if before else None) or completion_rules.NOT_REPORTED
		after_state = self.get(STATE_FIELD) or completion_rules.NOT_REPORTED
		scope = user_scope()
		with refusals():
			completion_rules.check_step(
				before_state,
				after_state,
				return_reason=self.return_reason,
				acts_for_assigning_unit=access.may_act_for(scope, self.assigning_unit),
			)
		change = completion_rules.change_on_step(before_state, after_state, self.status, getdate(today()))
		for field in ("status", "completed_on", "reported_done_on"):
			if getattr(change, field):
				self.set(field, getattr(change, field))
		with refusals():
			completion_rules.check_done_is_confirmed(
				self.status,
				after_state,
				was_done=bool(before and before.status == task_rules.STATUS_DONE),
			)
