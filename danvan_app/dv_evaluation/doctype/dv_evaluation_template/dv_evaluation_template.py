# Copyright (c) 2026, danvan_app developers
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import flt

from danvan_app.domain import evaluation as evaluation_rules
from danvan_app.exceptions import TemplateError
from danvan_app.rule_refusals import refusals
from danvan_app.value_guard import ValueGuard


class DVEvaluationTemplate(ValueGuard, Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from danvan_app.dv_evaluation.doctype.dv_evaluation_criterion.dv_evaluation_criterion import (
			DVEvaluationCriterion,
		)
		from danvan_app.dv_evaluation.doctype.dv_evaluation_threshold.dv_evaluation_threshold import (
			DVEvaluationThreshold,
		)

		criteria: DF.Table[DVEvaluationCriterion]
		issuing_unit: DF.Link
		maximum_total: DF.Float
		template_title: DF.Data
		thresholds: DF.Table[DVEvaluationThreshold]
		version: DF.Int
		year: DF.Int

	# end: auto-generated types
	def validate(self):
		self.check_version_is_new()
		self.check_criteria()
		self.check_thresholds()

	def check_version_is_new(self):
		filters = {"issuing_unit": self.issuing_unit, "year": self.year, "version": self.version}
		if not self.is_new():
			filters["name"] = ("!=", self.name)
		clash = frappe.db.exists("DV Evaluation Template", filters)
		if clash:
			frappe.throw(
				_(
					"Đơn vị này đã ban hành bộ tiêu chí năm {0}, phiên bản {1}: {2}. Hãy tăng số phiên bản."
				).format(self.year, self.version, frappe.get_desk_link("DV Evaluation Template", clash)),
				exc=TemplateError,
			)

	def check_criteria(self):
		codes = [row.criterion_code for row in self.criteria]
		duplicated = {code for code in codes if codes.count(code) > 1}
		if duplicated:
			frappe.throw(
				_("Mã tiêu chí bị trùng: {0}.").format(", ".join(sorted(duplicated))), exc=TemplateError
			)
		for row in self.criteria:
			if flt(row.max_score) <= 0:
				frappe.throw(
					_("Tiêu chí {0}: điểm tối đa phải lớn hơn 0.").format(row.criterion_code),
					exc=TemplateError,
				)
		self.maximum_total = sum(flt(row.max_score) for row in self.criteria)

	def check_thresholds(self):
		with refusals(maximum=self.maximum_total):
			evaluation_rules.check_thresholds(self.as_thresholds(), self.maximum_total)

	def as_thresholds(self) -> list[evaluation_rules.Threshold]:
		return [evaluation_rules.Threshold(row.classification, flt(row.min_score)) for row in self.thresholds]
