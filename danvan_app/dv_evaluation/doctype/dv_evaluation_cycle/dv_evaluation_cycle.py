# Copyright (c) 2026, danvan_app developers
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import cint

from danvan_app.domain import evaluation as evaluation_rules
from danvan_app.domain import tasks as task_rules
from danvan_app.exceptions import TemplateError
from danvan_app.permissions.guard import ScopeGuard
from danvan_app.rule_refusals import refusals
from danvan_app.utils import as_date
from danvan_app.value_guard import ValueGuard

OPEN, CLOSED = evaluation_rules.CYCLE_OPEN, evaluation_rules.CYCLE_CLOSED


class DVEvaluationCycle(ValueGuard, ScopeGuard, Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from danvan_app.dv_evaluation.doctype.dv_evaluation_cycle_kind.dv_evaluation_cycle_kind import (
			DVEvaluationCycleKind,
		)
		from danvan_app.dv_evaluation.doctype.dv_evaluation_cycle_level.dv_evaluation_cycle_level import (
			DVEvaluationCycleLevel,
		)

		admin_levels: DF.TableMultiSelect[DVEvaluationCycleLevel]
		cycle_status: DF.Literal["\u0110ang m\u1edf", "\u0110\u00e3 ch\u1ed1t"]
		decision_date: DF.Date | None
		evaluating_unit: DF.Link
		evaluations_created: DF.Int
		review_until: DF.Date | None
		self_assessment_until: DF.Date | None
		template: DF.Link
		title: DF.Data
		unit_kinds: DF.TableMultiSelect[DVEvaluationCycleKind]
		year: DF.Int
	# end: auto-generated types
	fixed_fields = ("evaluating_unit",)

	def validate(self):
		self.check_fixed_fields()
		self.check_linked_records()
		self.check_template_fits_year()
		self.check_dates_in_order()
		self.keep_status()

	def check_template_fits_year(self):
		template_year = cint(frappe.db.get_value("DV Evaluation Template", self.template, "year"))
		if template_year != cint(self.year):
			frappe.throw(
				_("Bộ tiêu chí áp dụng cho năm {0}, không dùng cho đợt đánh giá năm {1}.").format(
					template_year, self.year
				),
				exc=TemplateError,
			)

	def check_dates_in_order(self):
		with refusals(end=_("Hạn thẩm định"), start=_("hạn tự đánh giá")):
			task_rules.check_dates(as_date(self.self_assessment_until), as_date(self.review_until))

	def keep_status(self):
		"""The status moves by closing the cycle (api.evaluations.close_cycle), never by hand."""
		before = self.get_doc_before_save()
		self.cycle_status = before.cycle_status if before else OPEN
		if before and before.cycle_status == CLOSED:
			changed = [f for f in ("year", "template") if before.get(f) != self.get(f)]
			if changed:
				frappe.throw(_("Đợt đánh giá đã chốt, không thay đổi năm và bộ tiêu chí."), TemplateError)
