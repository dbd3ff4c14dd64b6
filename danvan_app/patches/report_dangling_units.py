"""Tasks saved before every unit link was checked may name units that do not exist: list them for the
administrators (a bell notification each), so they can hand the work to the right unit. Nothing is
changed: which unit was meant is theirs to decide."""

import frappe
from frappe import _
from frappe.query_builder.functions import Coalesce

from danvan_app.domain import access
from danvan_app.users import users_with_role


def dangling_tasks() -> list[str]:
	"""Tasks whose presiding, assigning or a coordinating unit is not a DV Unit, in one query."""
	Task, Unit = frappe.qb.DocType("DV Task"), frappe.qb.DocType("DV Unit")
	Coordinating = frappe.qb.DocType("DV Task Coordinating Unit")
	units = frappe.qb.from_(Unit).select(Unit.name)
	missing_coordinating = (
		frappe.qb.from_(Coordinating)
		.select(Coordinating.parent)
		.where((Coordinating.parenttype == "DV Task") & Coordinating.unit.notin(units))
	)
	return (
		frappe.qb.from_(Task)
		.select(Task.name)
		.where(
			Task.presiding_unit.notin(units)
			| ((Coalesce(Task.assigning_unit, "") != "") & Task.assigning_unit.notin(units))
			| Task.name.isin(missing_coordinating)
		)
		.orderby(Task.name)
		.run(pluck=True)
	)


def execute():
	tasks = dangling_tasks()
	if not tasks:
		return
	shown = ", ".join(tasks[:50]) + (" …" if len(tasks) > 50 else "")
	subject = _("{0} nhiệm vụ ghi đơn vị không có trong danh mục: {1}").format(len(tasks), shown)
	# Run again (a patch may be), an administrator already told the same is not told twice.
	told = set(
		frappe.get_all(
			"Notification Log",
			filters={"document_type": "DV Task", "subject": subject},
			pluck="for_user",
		)
	)
	for user in users_with_role(access.ADMIN) or ["Administrator"]:
		if user in told:
			continue
		frappe.get_doc(
			{
				"doctype": "Notification Log",
				"for_user": user,
				"type": "Alert",
				"document_type": "DV Task",
				"subject": subject,
			}
		).insert(ignore_permissions=True)
