# Copyright (c) 2026, danvan_app developers
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import flt

from danvan_app.domain import classification as classification_rules
from danvan_app.domain import evaluation as evaluation_rules
from danvan_app.domain import measures as measure_rules
from danvan_app.exceptions import TemplateError
from danvan_app.rule_refusals import refusals
from danvan_app.value_guard import ValueGuard


class DVEvaluationTemplate(ValueGuard, Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from danvan_app.dv_evaluation.doctype.dv_evaluation_condition.dv_evaluation_condition import (
			DVEvaluationCondition,
		)
		from danvan_app.dv_evaluation.doctype.dv_evaluation_criterion.dv_evaluation_criterion import (
			DVEvaluationCriterion,
		)
		from danvan_app.dv_evaluation.doctype.dv_evaluation_threshold.dv_evaluation_threshold import (
			DVEvaluationThreshold,
		)

		conditions: DF.Table[DVEvaluationCondition]
		criteria: DF.Table[DVEvaluationCriterion]
		excellent_quota_percent: DF.Float
		issuing_unit: DF.Link
		maximum_total: DF.Float
		template_title: DF.Data
		thresholds: DF.Table[DVEvaluationThreshold]
		version: DF.Int
		year: DF.Int

	# end: auto-generated types
	def validate(self):
		self.fill_in_the_rules_in_force()
		self.check_version_is_new()
		self.check_criteria()
		self.check_thresholds()
		self.check_conditions_and_quota()

	def fill_in_the_rules_in_force(self):
		"""A new template starts from the rules in force (Quy định 366-QĐ/TW, Nghị định 335/2025/NĐ-CP): the
		100-point thresholds and the extra conditions, which an administrator then edits."""
		if not self.thresholds:
			for threshold in classification_rules.DEFAULT_THRESHOLDS:
				self.append(
					"thresholds",
					{"classification": threshold.classification, "min_score": threshold.min_score},
				)
		if self.is_new() and not self.conditions and self.scale() == evaluation_rules.UNIT_SCALE:
			for condition in classification_rules.DEFAULT_CONDITIONS:
				self.append(
					"conditions",
					{
						"classification": condition.classification,
						"condition_kind": condition.kind,
						"value": condition.value,
					},
				)

	def scale(self) -> tuple[str, ...]:
		"""The scale the thresholds grade on (none when they mix two: check_thresholds says so)."""
		names = {row.classification for row in self.thresholds if row.classification}
		return next((scale for scale in evaluation_rules.SCALES if names <= set(scale)), ())

	def check_conditions_and_quota(self):
		with refusals():
			classification_rules.check_conditions(self.as_conditions())
			classification_rules.check_quota(self.excellent_quota_percent)

	def as_conditions(self) -> list[classification_rules.Condition]:
		return [
			classification_rules.Condition(
				row.classification,
				row.condition_kind,
				None if row.value in (None, "") else flt(row.value),
			)
			for row in self.conditions
		]

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
			with refusals():
				measure_rules.check_measure(row.measure_key)
			if flt(row.max_score) <= 0:
				frappe.throw(
					_("Tiêu chí {0}: điểm tối đa phải lớn hơn 0.").format(row.criterion_code),
					exc=TemplateError,
				)
		# The scale's maximum is its criteria's: bonuses and penalties move a total within it.
		self.maximum_total = sum(
			flt(row.max_score)
			for row in self.criteria
			if (row.item_kind or evaluation_rules.ITEM_CRITERION) == evaluation_rules.ITEM_CRITERION
		)

	def check_thresholds(self):
		with refusals(maximum=self.maximum_total):
			evaluation_rules.check_thresholds(self.as_thresholds(), self.maximum_total)

	def as_thresholds(self) -> list[evaluation_rules.Threshold]:
		return [evaluation_rules.Threshold(row.classification, flt(row.min_score)) for row in self.thresholds]
