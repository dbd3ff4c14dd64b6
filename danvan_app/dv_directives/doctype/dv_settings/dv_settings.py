# Copyright (c) 2026, danvan_app developers
# For license information, please see license.txt

import frappe
from frappe.model.document import Document
from frappe.utils import cint

from danvan_app.domain import kheo_models as model_rules
from danvan_app.rule_refusals import refusals
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
		kheo_outside_window: DF.Literal["C\u1ea7n c\u00e1n b\u1ed9 qu\u1ea3n l\u00fd", "T\u1eeb ch\u1ed1i"]
		kheo_registration_end: DF.Data | None
		kheo_registration_start: DF.Data | None
		reorganisation_undo_days: DF.Int
		working_days_only: DF.Check

	# end: auto-generated types
	def validate(self):
		self.check_registration_window()

	def check_registration_window(self):
		with refusals():
			model_rules.registration_window(self.kheo_registration_start, self.kheo_registration_end)


def get_settings() -> frappe._dict:
	"""Settings with their defaults, for jobs and reports (one small query, never a stale cache)."""
	settings = frappe._dict(frappe.db.get_singles_dict("DV Settings"))
	return frappe._dict(
		due_soon_days=cint(settings.due_soon_days) or 7,
		instance_lead_days=cint(settings.instance_lead_days),
		escalation_days=cint(settings.escalation_days) or 14,
		working_days_only=bool(cint(settings.working_days_only)),
		kheo_registration_start=settings.kheo_registration_start,
		kheo_registration_end=settings.kheo_registration_end,
		kheo_outside_window=settings.kheo_outside_window or model_rules.OUTSIDE_WINDOW_MANAGER,
		reorganisation_undo_days=cint(settings.reorganisation_undo_days)
		if settings.reorganisation_undo_days not in (None, "")
		else 30,
	)
