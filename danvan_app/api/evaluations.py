"""An evaluation cycle's actions: create its evaluations (in the background), close it."""

import frappe
from frappe import _

from danvan_app import evaluation_cycle
from danvan_app.api import arguments
from danvan_app.domain import evaluation as evaluation_rules

# Creating thousands of evaluations is a background job: one at a time per cycle.
JOB_TIMEOUT = 3600


def cycle_to_change(name) -> "frappe.model.document.Document":
	name = arguments.name(name, _("Đợt đánh giá"))
	if not frappe.db.exists("DV Evaluation Cycle", name) or not frappe.has_permission(
		"DV Evaluation Cycle", "read", doc=name
	):
		frappe.throw(_("Không tìm thấy đợt đánh giá này."), frappe.DoesNotExistError)
	cycle = frappe.get_doc("DV Evaluation Cycle", name)
	cycle.check_permission("write")
	if cycle.cycle_status == evaluation_rules.CYCLE_CLOSED:
		frappe.throw(_("Đợt đánh giá đã chốt."), frappe.ValidationError)
	return cycle


@frappe.whitelist(methods=["POST"])
def create_cycle_evaluations(cycle=None) -> dict:
	cycle = cycle_to_change(cycle)
	frappe.enqueue(
		"danvan_app.evaluation_cycle.create_evaluations",
		cycle_name=cycle.name,
		queue="long",
		timeout=JOB_TIMEOUT,
		job_id=f"dv-evaluation-cycle-{cycle.name}",
		deduplicate=True,
		now=frappe.flags.in_test,
	)
	return {"queued": True, "cycle": cycle.name}


@frappe.whitelist(methods=["POST"])
def close_cycle(cycle=None) -> dict:
	cycle = cycle_to_change(cycle)
	return evaluation_cycle.close(cycle.name)
