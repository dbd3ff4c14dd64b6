"""An inspection's recommendations become follow-up tasks of the inspected units."""

import frappe
from frappe import _

from danvan_app.api import arguments
from danvan_app.utils import all_or_nothing


@frappe.whitelist(methods=["POST"])
def create_follow_ups(inspection=None) -> list[str]:
	"""One DV Task per inspected unit with a recommendation and no follow-up yet: presided by that unit,
	assigned by the inspecting unit, linked both ways. Running it again creates nothing new."""
	name = arguments.name(inspection, _("Cuộc kiểm tra, giám sát"))
	if not frappe.db.exists("DV Inspection", name) or not frappe.has_permission(
		"DV Inspection", "read", doc=name
	):
		frappe.throw(_("Không tìm thấy cuộc kiểm tra, giám sát này."), frappe.DoesNotExistError)
	doc = frappe.get_doc("DV Inspection", name)
	# Giving the follow-ups is the inspecting unit's act: the right to change the inspection.
	doc.check_permission("write")
	created = []
	with all_or_nothing():
		for row in doc.inspected_units:
			if not (row.recommendation or "").strip() or row.follow_up_task:
				continue
			task = frappe.get_doc(
				{
					"doctype": "DV Task",
					"title": _("Khắc phục sau {0}: {1}").format(doc.inspection_kind.lower(), doc.title)[:140],
					"presiding_unit": row.inspected_unit,
					"assigning_unit": doc.inspecting_unit,
					"inspection": doc.name,
					"description": row.recommendation,
					"deadline_kind": "Ngày cụ thể" if row.follow_up_due else "Không thời hạn",
					"due_date": row.follow_up_due,
				}
			)
			# The inspected unit may lie outside the inspecting unit's subtree (a department inspected by the
			# Party's Ban Dân vận): the inspection names it, which is the authority for the task.
			task.insert(ignore_permissions=True)
			row.db_set("follow_up_task", task.name, update_modified=False)
			created.append(task.name)
		if created:
			doc.add_comment("Info", _("Đã giao {0} nhiệm vụ khắc phục.").format(len(created)))
	return created
