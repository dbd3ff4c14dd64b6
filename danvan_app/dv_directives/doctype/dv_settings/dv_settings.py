# Copyright (c) 2026, danvan_app developers
# For license information, please see license.txt

import frappe
from frappe.model.document import Document
from frappe.utils import cint

from danvan_app.value_guard import ValueGuard


class DVSettings(ValueGuard, Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		due_soon_days: DF.Int
		escalation_days: DF.Int
		instance_lead_days: DF.Int
		working_days_only: DF.Check
	# end: auto-generated types
	pass


def get_settings() -> frappe._dict:
	"""Settings with their defaults, for jobs and reports (one small query, never a stale cache)."""
	settings = frappe._dict(frappe.db.get_singles_dict("DV Settings"))
	return frappe._dict(
		due_soon_days=cint(settings.due_soon_days) or 7,
		instance_lead_days=cint(settings.instance_lead_days),
		escalation_days=cint(settings.escalation_days) or 14,
		working_days_only=bool(cint(settings.working_days_only)),
	)
