"""Emailed reports: the weekly overdue summary scheduled for the leader of each unit of a level."""

import frappe
from frappe import _

from danvan_app import email_reports
from danvan_app.api import arguments


@frappe.whitelist(methods=["POST"])
def schedule_overdue_summaries(admin_level=None) -> dict:
	email_reports.check_may_schedule()
	admin_level = arguments.name(admin_level, _("Cấp"), required=False) or email_reports.COMMUNE_LEVEL
	if not frappe.db.exists("DV Admin Level", admin_level):
		frappe.throw(_("Không có cấp {0}.").format(admin_level), title=_("Cấp không hợp lệ"))
	return email_reports.schedule_for_leaders(admin_level)
