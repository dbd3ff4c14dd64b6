# Copyright (c) 2026, danvan_app developers
# For license information, please see license.txt

import datetime

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.query_builder.functions import Count
from frappe.utils import cint, flt, getdate, today
from frappe.utils.nestedset import get_ancestors_of

from danvan_app.domain import access
from danvan_app.domain import classification as classification_rules
from danvan_app.domain import evaluation as evaluation_rules
from danvan_app.domain import kheo_models as model_rules
from danvan_app.domain import measures as measure_rules
from danvan_app.domain import tasks as task_rules
from danvan_app.exceptions import DuplicateEvaluationError, TemplateError
from danvan_app.permissions import user_scope
from danvan_app.permissions.guard import ScopeGuard
from danvan_app.rule_refusals import refusals
from danvan_app.unit_records import evidence_route, unit_records
from danvan_app.value_guard import ValueGuard

HEADER_FIELDS = ("evaluated_unit", "year", "template", "reviewer")


class DVEvaluation(ValueGuard, ScopeGuard, Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from danvan_app.dv_evaluation.doctype.dv_evaluation_score.dv_evaluation_score import DVEvaluationScore

		amended_from: DF.Link | None
		classification_reasons: DF.SmallText | None
		cycle: DF.Link | None
		final_classification: DF.Data | None
		quota_note: DF.SmallText | None
		classification: DF.Literal[
			"",
			"Ho\u00e0n th\u00e0nh xu\u1ea5t s\u1eafc nhi\u1ec7m v\u1ee5",
			"Ho\u00e0n th\u00e0nh t\u1ed1t nhi\u1ec7m v\u1ee5",
			"Ho\u00e0n th\u00e0nh nhi\u1ec7m v\u1ee5",
			"Kh\u00f4ng ho\u00e0n th\u00e0nh nhi\u1ec7m v\u1ee5",
			"\u0110\u1ea1t",
			"Kh\u00f4ng \u0111\u1ea1t",
		]
		evaluated_unit: DF.Link
		evaluated_unit_name: DF.Data | None
		kheo_model: DF.Link | None
		maximum_total: DF.Float
		reviewed_on: DF.Date | None
		reviewed_total: DF.Float
		reviewer: DF.Link | None
		scores: DF.Table[DVEvaluationScore]
		self_total: DF.Float
		template: DF.Link
		workflow_state: DF.Link | None
		year: DF.Int

	# end: auto-generated types
	fixed_fields = ("evaluated_unit",)

	def validate(self):
		self.check_fixed_fields()
		self.check_linked_records()
		self.check_reviewer_named_from_above()
		self.check_template_fits_year()
		self.load_criteria_from_template()
		self.check_scores_within_maximum()
		self.check_who_changes_which_scores()
		self.feed_criteria_from_data()
		self.compute_totals_and_classification()
		self.check_one_evaluation_per_unit_and_year()
		self.check_review_and_approval_steps()

	def check_review_and_approval_steps(self):
		"""Whatever the Workflow's order, a review is the reviewer's or the body above, with reviewed
		scores; an approval (submission) is the body above's, of a reviewed evaluation. A model's
		evaluation is approved on the model's own Workflow, by its supervising body."""
		before = self.get_doc_before_save()
		before_state = before.workflow_state if before else None
		scope = user_scope()
		above = access.may_act_above(scope, get_ancestors_of("DV Unit", self.evaluated_unit))
		with refusals():
			evaluation_rules.check_review_step(
				self.workflow_state == evaluation_rules.STATE_REVIEWED
				and before_state != evaluation_rules.STATE_REVIEWED,
				bool(self.reviewed_on),
				above or self.reviewer == scope.user,
			)
			submitting = cint(self.docstatus) == 1 and not (before and cint(before.docstatus) == 1)
			if submitting and not self.kheo_model:
				evaluation_rules.check_approval(bool(self.reviewed_on), above, _("Phê duyệt"))

	def take_values_from_links(self):
		self.take_unit_and_year_from_the_model()

	def take_unit_and_year_from_the_model(self):
		"""A model is evaluated on the same template machinery as a unit; the evaluation belongs to the
		unit that registered the model, in the model's year."""
		if not self.kheo_model:
			return
		model = frappe.db.get_value(
			"DV Kheo Model", self.kheo_model, ["registering_unit", "year"], as_dict=True
		)
		if not model:
			return  # the link check names the missing model
		if self.evaluated_unit and self.evaluated_unit != model.registering_unit:
			frappe.throw(
				_("Phiếu đánh giá mô hình thuộc đơn vị đăng ký mô hình ({0}).").format(
					frappe.bold(frappe.db.get_value("DV Unit", model.registering_unit, "unit_name"))
				),
				exc=TemplateError,
			)
		self.evaluated_unit = model.registering_unit
		self.year = self.year or model.year

	def on_submit(self):
		self.hand_the_result_to_the_model()

	def before_cancel(self):
		self.check_the_model_does_not_rest_on_it()

	def on_cancel(self):
		self.hand_the_result_to_the_model()

	def check_the_model_does_not_rest_on_it(self):
		if not self.kheo_model:
			return
		with refusals():
			model_rules.check_evaluation_may_be_withdrawn(
				frappe.db.get_value("DV Kheo Model", self.kheo_model, "status")
			)

	def hand_the_result_to_the_model(self):
		"""The model's form shows its evaluation's result as soon as the evaluation is submitted (or
		cancelled): the Workflow's "evaluated" step looks for it."""
		if not self.kheo_model:
			return
		fields = ("evaluation", "evaluation_total", "evaluation_classification")
		model = frappe.get_doc("DV Kheo Model", self.kheo_model)
		before = model.as_dict()
		model.take_the_submitted_evaluation()
		after = {field: model.get(field) for field in fields}
		if any(before.get(field) != value for field, value in after.items()):
			model.db_set(after, notify=True)  # one UPDATE for the three fields
			model.add_comment(
				"Info",
				_("Kết quả đánh giá: {0} ({1} điểm).").format(
					after["evaluation_classification"], after["evaluation_total"]
				)
				if after["evaluation"]
				else _("Phiếu đánh giá {0} đã bị hủy.").format(self.name),
			)

	def check_reviewer_named_from_above(self):
		"""A reviewer is named by administrators or by a unit above the evaluated one: never by the unit
		itself, and never by the reviewer."""
		before = self.get_doc_before_save()
		if (before.reviewer if before else None) == (self.reviewer or None):
			return
		if not self.reviewer and not before:
			return
		scope = user_scope()
		ancestors = get_ancestors_of("DV Unit", self.evaluated_unit) if self.evaluated_unit else []
		if not access.may_act_above(scope, ancestors):
			frappe.throw(
				_("Người thẩm định do quản trị viên hoặc đơn vị cấp trên của đơn vị được đánh giá chỉ định."),
				frappe.PermissionError,
			)

	def template_doc(self):
		return frappe.get_cached_doc("DV Evaluation Template", self.template)

	def check_template_fits_year(self):
		template_year = cint(self.template_doc().year)
		if template_year != cint(self.year):
			frappe.throw(
				_("Bộ tiêu chí {0} áp dụng cho năm {1}, không dùng để đánh giá năm {2}.").format(
					frappe.bold(self.template_doc().template_title), template_year, self.year
				),
				exc=TemplateError,
			)

	def load_criteria_from_template(self):
		# Score lines are copied, not linked: a later version of the template must not rewrite a past year.
		if self.scores:
			return
		for criterion in self.template_doc().criteria:
			self.append(
				"scores",
				{
					"criterion_code": criterion.criterion_code,
					"section": criterion.section,
					"criterion": criterion.criterion,
					"max_score": criterion.max_score,
					"measure_key": criterion.measure_key,
					"item_kind": criterion.item_kind,
				},
			)

	def feed_criteria_from_data(self):
		"""Criteria the template feeds from data are scored from the unit's own records (the unit does not
		score them itself); the reviewer may change such a score, saying why. An evaluation cycle hands the
		records it counted for all its units at once (flags.unit_record)."""
		fed = [row for row in self.scores if row.measure_key]
		if not fed or self.kheo_model:
			return
		year = cint(self.year)
		record = self.flags.unit_record or unit_records([self.evaluated_unit], year)[self.evaluated_unit]
		for row in fed:
			with refusals():
				measure_rules.check_measure(row.measure_key)
			row.computed_score = measure_rules.fed_score(row.measure_key, record, flt(row.max_score))
			if row.computed_score is not None:
				row.self_score = row.computed_score
			row.evidence_route = evidence_route(row.measure_key, self.evaluated_unit, year)
			if self.reviewed_on:
				with refusals():
					measure_rules.check_review(
						row.criterion_code, row.computed_score, flt(row.reviewed_score), row.comment
					)

	def score_lines(self) -> list[evaluation_rules.ScoreLine]:
		return [
			evaluation_rules.ScoreLine(
				criterion=row.criterion_code or str(row.idx),
				maximum=flt(row.max_score),
				self_score=None if row.self_score in (None, "") else flt(row.self_score),
				reviewed_score=None if row.reviewed_score in (None, "") else flt(row.reviewed_score),
				kind=row.item_kind or evaluation_rules.ITEM_CRITERION,
			)
			for row in self.scores
		]

	def check_scores_within_maximum(self):
		for line in self.score_lines():
			with refusals():
				evaluation_rules.check_score_line(line)

	@staticmethod
	def score_values(doc) -> dict[str, tuple]:
		# An empty score and 0 are the same value here: the database stores an unset Float as 0.
		return {
			row.criterion_code or str(row.idx): (
				flt(row.self_score),
				flt(row.reviewed_score),
				flt(row.max_score),
			)
			for row in doc.scores
		}

	def check_who_changes_which_scores(self):
		"""Self scores are the evaluated unit's; reviewed scores are the assigned reviewer's alone."""
		before = self.get_doc_before_save()
		after_values = self.score_values(self)
		before_values = (
			self.score_values(before) if before else {k: (0.0, 0.0, v[2]) for k, v in after_values.items()}
		)
		change = evaluation_rules.score_changes(before_values, after_values)
		# The review date is the review's own stamp: it moves when reviewed scores do, never by hand.
		self.reviewed_on = getdate(today()) if change.reviewed_changed else (before and before.reviewed_on)
		scope = user_scope()
		if scope.unrestricted:
			return
		if change.reviewed_changed and self.reviewer != scope.user:
			frappe.throw(_("Chỉ người thẩm định được giao mới chấm điểm thẩm định."), frappe.PermissionError)
		# Here only as the reviewer: the evaluated unit is not one the user acts for.
		reviewer_only = not access.may_act_for(scope, self.evaluated_unit)
		header_changed = bool(before) and any(before.get(f) != self.get(f) for f in HEADER_FIELDS)
		if reviewer_only and (change.self_changed or change.other_changed or header_changed or not before):
			frappe.throw(
				_(
					"Người thẩm định chỉ chấm điểm thẩm định và ghi nhận xét, không sửa phần tự chấm của đơn vị."
				),
				frappe.PermissionError,
			)

	def compute_totals_and_classification(self):
		self.maximum_total, self.self_total, self.reviewed_total = evaluation_rules.totals(self.score_lines())
		# The reviewed score decides once a reviewer has scored; until then the self score does.
		decisive_total = self.reviewed_total if self.reviewed_on else self.self_total
		template = self.template_doc()
		result = classification_rules.classify(
			decisive_total, template.as_thresholds(), template.as_conditions(), self.unit_facts()
		)
		self.classification = result.classification
		self.classification_reasons = "\n".join(result.reasons) or None

	def unit_facts(self) -> classification_rules.UnitFacts:
		"""What the template's extra conditions look at: the unit's tasks due in the year, by deadline
		outcome (one aggregate query), and its weakest criterion. A model's evaluation looks at no tasks."""
		counts = {} if self.kheo_model else self.task_outcomes_of_the_year()
		return classification_rules.UnitFacts(
			on_time=counts.get(task_rules.OUTCOME_ON_TIME, 0),
			done_late=counts.get(task_rules.OUTCOME_DONE_LATE, 0),
			overdue=counts.get(task_rules.OUTCOME_OVERDUE, 0),
			within_deadline=counts.get(task_rules.OUTCOME_WITHIN_DEADLINE, 0),
			weakest_share=self.weakest_share(),
		)

	def task_outcomes_of_the_year(self) -> dict[str, int]:
		Task = frappe.qb.DocType("DV Task")
		year = cint(self.year)
		rows = (
			frappe.qb.from_(Task)
			.select(Task.deadline_outcome, Count(Task.name))
			.where(
				(Task.presiding_unit == self.evaluated_unit)
				& (Task.due_date >= datetime.date(year, 1, 1))
				& (Task.due_date <= datetime.date(year, 12, 31))
				& (Task.status != task_rules.STATUS_CANCELLED)
			)
			.groupby(Task.deadline_outcome)
			.run()
		)
		return {outcome: count for outcome, count in rows}

	def weakest_share(self) -> float | None:
		"""The lowest score as a share of its criterion's maximum (reviewed scores once reviewed), or None
		while nothing is scored."""
		lines = [line for line in self.score_lines() if line.kind == evaluation_rules.ITEM_CRITERION]
		scores = [
			(line.reviewed_score if self.reviewed_on else line.self_score, line.maximum) for line in lines
		]
		scored = [(score or 0) / maximum for score, maximum in scores if maximum]
		if not any(score is not None for score, _maximum in scores):
			return None
		return min(scored) if scored else None

	def check_one_evaluation_per_unit_and_year(self):
		clash = frappe.db.get_value(
			"DV Evaluation",
			{
				"evaluated_unit": self.evaluated_unit,
				"year": self.year,
				"kheo_model": self.kheo_model or ("is", "not set"),
				"docstatus": ("<", 2),
				"name": ("not in", [self.name or "", self.amended_from or ""]),
			},
			"name",
		)
		if clash:
			message = (
				_("Mô hình đã có phiếu đánh giá: {1}. Hãy sửa phiếu đó hoặc hủy rồi sửa đổi (amend).")
				if self.kheo_model
				else _(
					"Đơn vị đã có phiếu đánh giá năm {0}: {1}. Hãy sửa phiếu đó hoặc hủy rồi sửa đổi (amend)."
				)
			)
			frappe.throw(
				message.format(self.year, frappe.get_desk_link("DV Evaluation", clash)),
				exc=DuplicateEvaluationError,
			)
