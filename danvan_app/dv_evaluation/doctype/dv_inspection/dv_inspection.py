# Copyright (c) 2026, danvan_app developers
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from danvan_app.domain import tasks as task_rules
from danvan_app.exceptions import TaskUnitError
from danvan_app.permissions.guard import ScopeGuard
from danvan_app.rule_refusals import refusals
from danvan_app.utils import as_date
from danvan_app.value_guard import ValueGuard


class DVInspection(ValueGuard, ScopeGuard, Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from danvan_app.dv_evaluation.doctype.dv_inspection_unit.dv_inspection_unit import DVInspectionUnit

		conclusion: DF.TextEditor | None
		end_date: DF.Date | None
		inspected_units: DF.Table[DVInspectionUnit]
		inspecting_unit: DF.Link
		inspection_kind: DF.Literal["Ki\u1ec3m tra", "Gi\u00e1m s\u00e1t"]
		start_date: DF.Date | None
		team: DF.SmallText | None
		title: DF.Data
		topic: DF.SmallText | None
		year: DF.Int
	# end: auto-generated types
	fixed_fields = ("inspecting_unit",)

	def validate(self):
		self.check_fixed_fields()
		self.check_linked_records()
		self.check_dates()
		self.check_each_unit_once()
		self.keep_follow_up_links()

	def onload(self):
		"""Which follow-ups are done: each row's task status, read in one query for the form."""
		tasks = [row.follow_up_task for row in self.inspected_units if row.follow_up_task]
		statuses = (
			dict(
				frappe.get_all(
					"DV Task", filters={"name": ("in", tasks)}, fields=["name", "status"], as_list=True
				)
			)
			if tasks
			else {}
		)
		self.set_onload("follow_up_status", statuses)

	def check_dates(self):
		with refusals(end=_("Ngày kết thúc"), start=_("ngày bắt đầu")):
			task_rules.check_dates(as_date(self.start_date), as_date(self.end_date))

	def check_each_unit_once(self):
		units = [row.inspected_unit for row in self.inspected_units]
		repeated = sorted({unit for unit in units if units.count(unit) > 1})
		if repeated:
			names = ", ".join(frappe.db.get_value("DV Unit", unit, "unit_name") or unit for unit in repeated)
			frappe.throw(
				_("Mỗi đơn vị chỉ ghi một lần trong một cuộc kiểm tra, giám sát: {0}.").format(names),
				TaskUnitError,
			)

	def keep_follow_up_links(self):
		"""A row's follow-up task is set when it is created (api.inspections), never typed in."""
		before = self.get_doc_before_save()
		kept = {row.name: row.follow_up_task for row in before.inspected_units} if before else {}
		for row in self.inspected_units:
			row.follow_up_task = kept.get(row.name)
