# Copyright (c) 2026, danvan_app developers
# For license information, please see license.txt

import frappe
from frappe.model.document import Document
from frappe.utils import getdate

from danvan_app.permissions.guard import ScopeGuard
from danvan_app.value_guard import ValueGuard


class DVCommendation(ValueGuard, ScopeGuard, Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		commendation_form: DF.Literal[
			"Gi\u1ea5y khen",
			"B\u1eb1ng khen",
			"C\u1edd thi \u0111ua",
			"Hu\u00e2n ch\u01b0\u01a1ng",
			"K\u1ef7 ni\u1ec7m ch\u01b0\u01a1ng",
			"Kh\u00e1c",
		]
		commendation_level: DF.Link | None
		commended_unit: DF.Link
		decision_date: DF.Date
		decision_number: DF.Data
		issuer: DF.Data | None
		kheo_model: DF.Link | None
		occasion: DF.Literal[""]
		recipient_kind: DF.Literal["T\u1eadp th\u1ec3", "C\u00e1 nh\u00e2n"]
		recipient_name: DF.Data
		year: DF.Int
	# end: auto-generated types
	fixed_fields = ("commended_unit",)

	def take_values_from_links(self):
		self.take_unit_from_the_model()

	def validate(self):
		self.check_fixed_fields()
		self.check_linked_records()
		self.count_in_the_year_of_the_decision()

	def take_unit_from_the_model(self):
		# A commendation of a model belongs to the unit that registered it.
		if self.kheo_model and isinstance(self.kheo_model, str) and not self.commended_unit:
			self.commended_unit = frappe.db.get_value("DV Kheo Model", self.kheo_model, "registering_unit")

	def count_in_the_year_of_the_decision(self):
		self.year = getdate(self.decision_date).year if self.decision_date else None
