# Copyright (c) 2026, danvan_app developers
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import cint, getdate, today
from frappe.utils.nestedset import get_ancestors_of

from danvan_app.domain import access
from danvan_app.domain import kheo_models as model_rules
from danvan_app.domain import tasks as task_rules
from danvan_app.dv_directives.doctype.dv_settings.dv_settings import get_settings
from danvan_app.permissions import user_scope
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

		from danvan_app.dv_kheo.doctype.dv_kheo_monitoring.dv_kheo_monitoring import DVKheoMonitoring

		address: DF.SmallText | None
		amended_from: DF.Link | None
		budget: DF.Currency
		evaluation: DF.Link | None
		evaluation_classification: DF.Data | None
		evaluation_total: DF.Float
		expected_output: DF.SmallText | None
		forces: DF.SmallText | None
		kheo_field: DF.Link
		measurement: DF.SmallText | None
		method: DF.SmallText | None
		model_level: DF.Link | None
		model_type: DF.Literal["T\u1eadp th\u1ec3", "C\u00e1 nh\u00e2n"]
		monitoring: DF.Table[DVKheoMonitoring]
		objectives: DF.SmallText | None
		people: DF.SmallText | None
		person_name: DF.Data | None
		plan_end: DF.Date | None
		plan_start: DF.Date | None
		recognising_body: DF.Data | None
		recognition_decision_date: DF.Date | None
		recognition_decision_number: DF.Data | None
		recognition_level: DF.Link | None
		registering_unit: DF.Link
		replicated_from: DF.Link | None
		resources: DF.SmallText | None
		results: DF.TextEditor | None
		scale: DF.SmallText | None
		status: DF.Link | None
		sustainability: DF.SmallText | None
		title: DF.Data
		work: DF.SmallText | None
		year: DF.Int

	# end: auto-generated types
	fixed_fields = ("registering_unit",)

	def validate(self):
		self.check_fixed_fields()
		self.check_linked_records()
		self.check_year_in_range()
		self.check_individual_model_names_the_person()
		self.check_registered_within_the_window()
		self.check_not_replicated_in_a_circle()
		self.check_plan_dates()
		self.stamp_monitoring_entries()
		self.take_the_submitted_evaluation()
		self.check_particulars_before_approval()
		self.check_state_rests_on_an_evaluation()
		self.check_recognition_decision()
		self.check_supervised_steps_taken_from_above()

	def check_year_in_range(self):
		with refusals():
			model_rules.check_year(cint(self.year), getdate(today()).year)

	def check_individual_model_names_the_person(self):
		# The form enforces this too (mandatory_depends_on), but only in the browser.
		if self.model_type == model_rules.INDIVIDUAL and not (self.person_name or "").strip():
			frappe.throw(_("Mô hình cá nhân cần ghi tên cá nhân điển hình."), exc=frappe.MandatoryError)

	def check_registered_within_the_window(self):
		"""Registration "ngay từ đầu năm": outside the window of DV Settings the policy refuses, or lets a
		manager register. Administrators, who set the window, record late or past models."""
		if not self.is_new():
			return
		scope = user_scope()
		if scope.unrestricted:
			return
		settings = get_settings()
		with refusals():
			window = model_rules.registration_window(
				settings.kheo_registration_start, settings.kheo_registration_end
			)
			model_rules.check_registration_window(
				getdate(today()),
				cint(self.year),
				window,
				settings.kheo_outside_window,
				is_manager=access.MANAGER in scope.roles,
			)

	def check_not_replicated_in_a_circle(self):
		def origin_of(model: str) -> str | None:
			return frappe.db.get_value("DV Kheo Model", model, "replicated_from")

		with refusals():
			model_rules.check_replication(self.name, self.replicated_from, origin_of)

	def check_plan_dates(self):
		with refusals(end=_("Ngày kết thúc kế hoạch"), start=_("ngày bắt đầu")):
			task_rules.check_dates(as_date(self.plan_start), as_date(self.plan_end))

	def stamp_monitoring_entries(self):
		for row in self.monitoring:
			if not row.recorded_by:
				row.recorded_by = frappe.session.user

	def take_the_submitted_evaluation(self):
		"""The model's result is its submitted evaluation (DV Evaluation with this model), scored on the
		evaluation machinery: the reviewed total once a reviewer scored, else the self-assessed one."""
		if self.is_new():
			return
		evaluation = frappe.db.get_value(
			"DV Evaluation",
			{"kheo_model": self.name, "docstatus": 1},
			["name", "self_total", "reviewed_total", "reviewed_on", "classification"],
			as_dict=True,
			order_by="modified desc",
		)
		self.evaluation = evaluation.name if evaluation else None
		self.evaluation_total = (
			(evaluation.reviewed_total if evaluation.reviewed_on else evaluation.self_total)
			if evaluation
			else 0
		)
		self.evaluation_classification = evaluation.classification if evaluation else None

	def check_particulars_before_approval(self):
		labels = {field: self.meta.get_label(field) for field in model_rules.REQUIRED_BEFORE_APPROVAL}
		with refusals(labels=labels):
			model_rules.check_required_before_approval(self.status, self.as_dict())

	def check_state_rests_on_an_evaluation(self):
		with refusals():
			model_rules.check_evaluation(self.status, self.evaluation_classification)

	def check_recognition_decision(self):
		with refusals():
			model_rules.check_recognition_decision(
				self.status, self.recognition_decision_number, as_date(self.recognition_decision_date)
			)

	def check_supervised_steps_taken_from_above(self):
		before = self.get_doc_before_save()
		current = before.status if before else None
		if current == self.status:
			return
		scope = user_scope()
		acts_above = scope.unrestricted or access.may_act_above(
			scope, get_ancestors_of("DV Unit", self.registering_unit)
		)
		with refusals():
			model_rules.check_supervisor(current, self.status, acts_above)


def on_doctype_update():
	"""The target report and the statistics read a unit's models of one year: an index on both."""
	frappe.db.add_index("DV Kheo Model", ["registering_unit", "year"])
