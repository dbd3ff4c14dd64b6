# Copyright (c) 2026, danvan_app developers
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import cint, getdate, today

from danvan_app.domain import kheo_models as model_rules
from danvan_app.exceptions import TargetError
from danvan_app.rule_refusals import refusals
from danvan_app.value_guard import ValueGuard


class DVKheoTarget(ValueGuard, Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		admin_level: DF.Link | None
		is_standard: DF.Check
		min_recognised: DF.Int
		min_registered: DF.Int
		unit_kind: DF.Link
		year: DF.Int

	# end: auto-generated types
	def validate(self):
		self.check_year_when_given()
		self.check_one_target_per_kind_level_and_year()

	def check_year_when_given(self):
		if self.year:
			with refusals():
				model_rules.check_year(cint(self.year), getdate(today()).year)

	def check_one_target_per_kind_level_and_year(self):
		clash = frappe.db.get_value(
			"DV Kheo Target",
			{
				"unit_kind": self.unit_kind,
				"admin_level": self.admin_level or ("is", "not set"),
				"year": cint(self.year) or ("in", (0, None)),
				"name": ("!=", self.name or ""),
			},
			"name",
		)
		if clash:
			frappe.throw(
				_("Đã có chỉ tiêu cho loại đơn vị, cấp và năm này: {0}.").format(
					frappe.get_desk_link("DV Kheo Target", clash)
				),
				exc=TargetError,
			)
