"""Reports that land in leaders' mailboxes, on Frappe's Auto Email Report.

Frappe runs an emailed Script Report as whoever runs the scheduler (Administrator) and applies the record's
user only to Link columns; the app's reports read the session user's units, so a DV report is run as the
record's user — a commune leader's weekly mail holds their commune's tasks, not the province's.
"""

import frappe
from frappe import _
from frappe.email.doctype.auto_email_report.auto_email_report import AutoEmailReport
from frappe.utils import today

from danvan_app.reports.units import open_unit_criterion

OVERDUE_TEMPLATE = "DV: Nhiệm vụ quá hạn hằng tuần"
COMMUNE_LEVEL = "Xã, phường, đặc khu"


def is_app_report(report: str) -> bool:
	return frappe.db.get_value("Report", report, "module") in frappe.get_module_list("danvan_app")


class ScopedAutoEmailReport(AutoEmailReport):
	def get_report_content(self):
		if not is_app_report(self.report) or self.user == frappe.session.user:
			return super().get_report_content()
		previous = frappe.session.user
		frappe.set_user(self.user)
		try:
			return super().get_report_content()
		finally:
			frappe.set_user(previous)


def leader_schedule_name(template: str, unit_name: str) -> str:
	return f"{template} - {unit_name}"[:140]


def schedule_for_leaders(admin_level: str = COMMUNE_LEVEL, in_background: bool = False) -> dict:
	"""One copy of the weekly overdue template for each open unit of ``admin_level`` that has a leader in
	charge: run as that leader, filtered to the unit, sent to them; enabled. Run again, it updates the
	copies (a new leader, a renamed unit) and disables those of units that closed or lost their leader.
	More units than unit_reminders.BACKGROUND_FROM (the communes of a province) are scheduled by one
	background job on the long queue: the answer then says ``queued`` and how many units."""
	from danvan_app.unit_reminders import BACKGROUND_FROM, JOB_TIMEOUT

	template = frappe.get_doc("Auto Email Report", OVERDUE_TEMPLATE)
	Unit, User = frappe.qb.DocType("DV Unit"), frappe.qb.DocType("User")
	units = (
		frappe.qb.from_(Unit)
		.join(User)
		.on(User.name == Unit.dan_van_leader)
		.select(Unit.name, Unit.unit_name, Unit.dan_van_leader, User.email)
		.where((Unit.admin_level == admin_level) & open_unit_criterion(Unit, today()) & (User.enabled == 1))
		.orderby(Unit.lft)
		.run(as_dict=True)
	)
	result = {"created": [], "updated": [], "disabled": []}
	if len(units) > BACKGROUND_FROM and not in_background:
		frappe.enqueue(
			"danvan_app.email_reports.schedule_for_leaders",
			queue="long",
			timeout=JOB_TIMEOUT,
			job_id=f"dv-overdue-schedules::{admin_level}",
			deduplicate=True,
			now=frappe.flags.in_test,
			admin_level=admin_level,
			in_background=True,
		)
		return {**result, "queued": True, "units": len(units)}
	kept = set()
	for unit in units:
		name = leader_schedule_name(OVERDUE_TEMPLATE, unit.unit_name)
		kept.add(name)
		values = {
			"user": unit.dan_van_leader,
			"email_to": unit.email,
			"filters": frappe.as_json({"unit": unit.name}),
			"enabled": 1,
		}
		if frappe.db.exists("Auto Email Report", name):
			doc = frappe.get_doc("Auto Email Report", name)
			doc.update(values)
			doc.save(ignore_permissions=True)
			result["updated"].append(name)
			continue
		doc = frappe.copy_doc(template)
		doc.update(values)
		doc.name = name
		doc.flags.name_set = True
		doc.insert(ignore_permissions=True, set_name=name)
		result["created"].append(name)
	for name in frappe.get_all(
		"Auto Email Report",
		filters={"name": ("like", f"{OVERDUE_TEMPLATE} - %"), "enabled": 1},
		pluck="name",
	):
		if name not in kept:
			frappe.db.set_value("Auto Email Report", name, "enabled", 0)
			result["disabled"].append(name)
	return result


def remove_leader_schedules() -> None:
	for name in frappe.get_all(
		"Auto Email Report", filters={"name": ("like", f"{OVERDUE_TEMPLATE} - %")}, pluck="name"
	):
		frappe.delete_doc("Auto Email Report", name, force=True, ignore_permissions=True)


def check_may_schedule() -> None:
	if not frappe.has_permission("Auto Email Report", "create"):
		frappe.throw(_("Chỉ quản trị hệ thống được lập lịch gửi báo cáo qua thư."), frappe.PermissionError)
