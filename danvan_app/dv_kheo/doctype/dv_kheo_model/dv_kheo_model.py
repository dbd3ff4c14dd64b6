# Copyright (c) 2026, danvan_app developers
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import cint, getdate, today

from danvan_app.domain import kheo_models as model_rules
from danvan_app.domain import tasks as task_rules
from danvan_app.permissions.guard import ScopeGuard
from danvan_app.rule_refusals import refusals
from danvan_app.utils import as_date
from danvan_app.value_guard import ValueGuard


class DVKheoModel(ValueGuard, ScopeGuard, Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		address: DF.SmallText
		budget: DF.Currency
		kheo_field: DF.Link
		model_level: DF.Link | None
		model_type: DF.Literal["T\u1eadp th\u1ec3", "C\u00e1 nh\u00e2n"]
		objectives: DF.SmallText | None
		people: DF.SmallText
		person_name: DF.Data | None
		plan_end: DF.Date | None
		plan_start: DF.Date | None
		registering_unit: DF.Link
		replicated_from: DF.Link | None
		results: DF.TextEditor | None
		status: DF.Literal[
			"\u0110\u0103ng k\u00fd",
			"\u0110\u00e3 duy\u1ec7t",
			"\u0110ang tri\u1ec3n khai",
			"\u0110\u00e3 \u0111\u00e1nh gi\u00e1",
			"\u0110\u01b0\u1ee3c c\u00f4ng nh\u1eadn",
			"Kh\u00f4ng \u0111\u01b0\u1ee3c c\u00f4ng nh\u1eadn",
		]
		title: DF.Data
		work: DF.SmallText
		year: DF.Int

	# end: auto-generated types
	fixed_fields = ("registering_unit",)

	def validate(self):
		self.check_fixed_fields()
		self.check_linked_records()
		self.check_year_in_range()
		self.check_individual_model_names_the_person()
		self.check_status_transition()
		self.check_not_replicated_from_itself()
		self.check_plan_dates()

	def check_year_in_range(self):
		with refusals():
			model_rules.check_year(cint(self.year), getdate(today()).year)

	def check_individual_model_names_the_person(self):
		# The form enforces this too (mandatory_depends_on), but only in the browser.
		if self.model_type == "Cá nhân" and not (self.person_name or "").strip():
			frappe.throw(_("Mô hình cá nhân cần ghi tên cá nhân điển hình."), exc=frappe.MandatoryError)

	def check_status_transition(self):
		before = self.get_doc_before_save()
		current = before.status if before else None
		with refusals():
			model_rules.check_transition(current, self.status)

	def check_not_replicated_from_itself(self):
		with refusals():
			model_rules.check_replication(self.name, self.replicated_from)

	def check_plan_dates(self):
		with refusals(end=_("Ngày kết thúc kế hoạch"), start=_("ngày bắt đầu")):
			task_rules.check_dates(as_date(self.plan_start), as_date(self.plan_end))
