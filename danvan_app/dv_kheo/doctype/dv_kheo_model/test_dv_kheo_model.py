# Copyright (c) 2026, danvan_app developers
# See license.txt
"""A "Dân vận khéo" model's life on the shipped Workflow, step by step as the officials who take each step:
the registering commune's officer and manager, the province's manager and reviewer."""

import frappe
from frappe.model.workflow import WorkflowPermissionError, WorkflowTransitionError, apply_workflow
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, getdate, today

from danvan_app.bench_tests.factories import make_tree, make_user
from danvan_app.domain import access
from danvan_app.domain import kheo_models as model_rules
from danvan_app.exceptions import DeadlineError, ModelRegistrationError, ModelStatusError, ModelYearError
from danvan_app.install import sync_desk_records

WORKFLOW = "DV: Mô hình Dân vận khéo"
NEXT_YEAR = getdate(today()).year + 1
PARTICULARS = {
	"address": "Thôn Bản Mới, xã Thử",
	"people": "Chi hội Nông dân thôn Bản Mới",
	"work": "Vận động hiến đất làm đường liên thôn",
	"objectives": "1,2 km đường bê tông",
	"measurement": "Số mét đường hoàn thành, số hộ hiến đất",
	"method": "Họp dân, vận động từng hộ",
	"scale": "Thôn Bản Mới",
	"forces": "Chi hội Nông dân, Đoàn Thanh niên",
	"resources": "Nhân dân đóng góp ngày công",
	"plan_start": f"{NEXT_YEAR}-02-01",
	"plan_end": f"{NEXT_YEAR}-11-30",
	"expected_output": "Đường liên thôn hoàn thành",
	"sustainability": "Tổ tự quản bảo dưỡng đường",
}


def register(unit: str, year: int = NEXT_YEAR, **values):
	return frappe.get_doc(
		{
			"doctype": "DV Kheo Model",
			"title": 'Mô hình "Dân vận khéo" hiến đất làm đường',
			"registering_unit": unit,
			"year": year,
			"kheo_field": "Xây dựng nông thôn mới",
			**values,
		}
	).insert()


def act(user: str, model: str, action: str):
	frappe.set_user(user)
	try:
		return apply_workflow(frappe.get_doc("DV Kheo Model", model), action)
	finally:
		frappe.set_user("Administrator")


def status(model: str) -> tuple[str, int]:
	return tuple(frappe.db.get_value("DV Kheo Model", model, ["status", "docstatus"]))


class TestKheoModelWorkflow(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		cls.units = make_tree()
		u = cls.units
		cls.officer = make_user("officer.kheo@dv.test", access.OFFICER, [u.commune11])
		cls.commune_manager = make_user("manager.kheo@dv.test", access.MANAGER, [u.commune11])
		cls.province_manager = make_user("province.kheo@dv.test", access.MANAGER, [u.province])
		cls.reviewer = make_user("reviewer.kheo@dv.test", access.REVIEWER, [u.province])
		cls.template = frappe.get_doc(
			{
				"doctype": "DV Evaluation Template",
				"template_title": "Tiêu chí đánh giá mô hình Dân vận khéo",
				"issuing_unit": u.province,
				"year": NEXT_YEAR,
				"version": 1,
				"criteria": [
					{"criterion_code": "1", "criterion": "Hiệu quả thiết thực", "max_score": 60},
					{"criterion_code": "2", "criterion": "Khả năng nhân rộng", "max_score": 40},
				],
				"thresholds": [
					{"classification": "Đạt", "min_score": 70},
					{"classification": "Không đạt", "min_score": 0},
				],
			}
		).insert()

	def tearDown(self):
		frappe.set_user("Administrator")

	def registered_by_officer(self, **values):
		frappe.set_user(self.officer)
		try:
			return register(self.units.commune11, **{**PARTICULARS, **values}).name
		finally:
			frappe.set_user("Administrator")

	def evaluate(self, model: str, scores=(50, 35)):
		frappe.set_user(self.province_manager)
		try:
			evaluation = frappe.get_doc(
				{
					"doctype": "DV Evaluation",
					"kheo_model": model,
					"template": self.template.name,
				}
			).insert()
			for row, score in zip(evaluation.scores, scores, strict=True):
				row.self_score = score
			evaluation.save()
			evaluation.submit()
			return evaluation
		finally:
			frappe.set_user("Administrator")

	def test_the_whole_lifecycle_as_the_officials_who_take_each_step(self):
		model = self.registered_by_officer()
		self.assertEqual(status(model), (model_rules.REGISTERED, 0))

		# The commune does not approve its own model: the Workflow gives the officer no such action, and
		# the commune's manager, whom the Workflow lets approve, is not above the commune.
		self.assertRaises(WorkflowTransitionError, act, self.officer, model, "Duyệt")
		self.assertRaises(frappe.PermissionError, act, self.commune_manager, model, "Duyệt")
		self.assertEqual(status(model), (model_rules.REGISTERED, 0))

		act(self.province_manager, model, "Trả lại")
		self.assertEqual(status(model), (model_rules.RETURNED, 0))
		act(self.officer, model, "Gửi lại")
		act(self.province_manager, model, "Duyệt")
		act(self.officer, model, "Triển khai")
		self.assertEqual(status(model), (model_rules.IMPLEMENTING, 0))

		# No evaluation yet: the step is refused, and says why.
		with self.assertRaises(ModelStatusError) as caught:
			act(self.reviewer, model, "Xác nhận đã đánh giá")
		self.assertIn("phiếu đánh giá", str(caught.exception))
		self.assertEqual(status(model), (model_rules.IMPLEMENTING, 0))
		evaluation = self.evaluate(model)
		self.assertEqual(evaluation.evaluated_unit, self.units.commune11)
		self.assertEqual(evaluation.classification, "Đạt")
		self.assertEqual(
			frappe.db.get_value("DV Kheo Model", model, ["evaluation", "evaluation_total"]),
			(evaluation.name, 85.0),
		)
		act(self.reviewer, model, "Xác nhận đã đánh giá")

		# Recognition needs the decision: refused without it, and nothing changed.
		self.assertRaises(frappe.MandatoryError, act, self.province_manager, model, "Công nhận")
		self.assertEqual(status(model), (model_rules.EVALUATED, 0))
		frappe.set_user(self.province_manager)
		doc = frappe.get_doc("DV Kheo Model", model)
		doc.update(
			{
				"recognition_decision_number": "125/QĐ-UBND",
				"recognition_decision_date": today(),
				"recognition_level": "Tỉnh, thành phố",
				"recognising_body": "Ủy ban nhân dân tỉnh Thử Nghiệm",
			}
		)
		doc.save()
		act(self.province_manager, model, "Công nhận")
		self.assertEqual(status(model), (model_rules.RECOGNISED, 1))

	def test_a_recognised_model_is_immutable_but_still_monitored(self):
		model = self.recognised_model()
		doc = frappe.get_doc("DV Kheo Model", model)
		doc.title = "Tên khác"
		self.assertRaises(frappe.UpdateAfterSubmitError, doc.save)
		doc.reload()
		doc.append("monitoring", {"visit_date": today(), "findings": "Mô hình duy trì tốt"})
		doc.save()
		self.assertEqual(frappe.db.count("DV Kheo Monitoring", {"parent": model}), 1)
		# Its evaluation cannot be cancelled from under it.
		evaluation = frappe.get_doc("DV Evaluation", doc.evaluation)
		self.assertRaises(ModelStatusError, evaluation.cancel)
		self.assertEqual(frappe.db.get_value("DV Evaluation", evaluation.name, "docstatus"), 1)

	def recognised_model(self) -> str:
		model = self.registered_by_officer()
		act(self.province_manager, model, "Duyệt")
		act(self.officer, model, "Triển khai")
		self.evaluate(model)
		act(self.province_manager, model, "Xác nhận đã đánh giá")
		frappe.db.set_value(
			"DV Kheo Model",
			model,
			{"recognition_decision_number": "7/QĐ-UBND", "recognition_decision_date": today()},
		)
		act(self.province_manager, model, "Công nhận")
		return model

	def test_a_failed_evaluation_is_not_recognised(self):
		model = self.registered_by_officer()
		act(self.province_manager, model, "Duyệt")
		act(self.officer, model, "Triển khai")
		self.evaluate(model, scores=(30, 20))
		act(self.province_manager, model, "Xác nhận đã đánh giá")
		frappe.db.set_value(
			"DV Kheo Model",
			model,
			{"recognition_decision_number": "8/QĐ-UBND", "recognition_decision_date": today()},
		)
		with self.assertRaises(ModelStatusError) as caught:
			act(self.province_manager, model, "Công nhận")
		self.assertIn("Không đạt", str(caught.exception))
		act(self.province_manager, model, "Không công nhận")
		self.assertEqual(status(model), (model_rules.NOT_RECOGNISED, 1))

	def test_a_draft_is_saved_with_little_but_approved_only_when_concrete(self):
		frappe.set_user(self.officer)
		model = register(self.units.commune11, address="Thôn Bản Mới").name
		frappe.set_user("Administrator")
		with self.assertRaises(frappe.MandatoryError) as caught:
			act(self.province_manager, model, "Duyệt")
		self.assertIn("Cách làm, phương pháp thực hiện", str(caught.exception))
		self.assertEqual(status(model), (model_rules.REGISTERED, 0))
		# Turning a registration down needs no particulars.
		act(self.province_manager, model, "Không duyệt")
		self.assertEqual(status(model), (model_rules.REJECTED, 1))

	def test_the_state_is_not_set_around_the_workflow(self):
		model = self.registered_by_officer()
		frappe.set_user(self.officer)
		doc = frappe.get_doc("DV Kheo Model", model)
		# Straight to implementation, skipping the approval: no transition of the Workflow leads there.
		doc.status = model_rules.IMPLEMENTING
		self.assertRaises(WorkflowPermissionError, doc.save)
		self.assertRaises(
			WorkflowPermissionError,
			register,
			self.units.commune11,
			status=model_rules.IMPLEMENTING,
			**PARTICULARS,
		)
		self.assertEqual(status(model), (model_rules.REGISTERED, 0))

	def test_registration_window(self):
		this_year = getdate(today()).year
		settings = frappe.get_single("DV Settings")
		# A window that closed yesterday (or, in the first days of January, one not yet open).
		closed = add_days(today(), -1)
		settings.kheo_registration_start = "01/01"
		settings.kheo_registration_end = f"{getdate(closed).day:02d}/{getdate(closed).month:02d}"
		if getdate(closed).year != this_year:
			self.skipTest("the window cannot close before today on 1 January")
		settings.kheo_outside_window = model_rules.OUTSIDE_WINDOW_REFUSED
		settings.save()
		frappe.set_user(self.commune_manager)
		self.assertRaises(ModelRegistrationError, register, self.units.commune11, year=this_year)
		frappe.set_user("Administrator")
		settings.kheo_outside_window = model_rules.OUTSIDE_WINDOW_MANAGER
		settings.save()
		frappe.set_user(self.officer)
		with self.assertRaises(ModelRegistrationError) as caught:
			register(self.units.commune11, year=this_year)
		self.assertIn("cán bộ quản lý", str(caught.exception))
		frappe.set_user(self.commune_manager)
		self.assertTrue(register(self.units.commune11, year=this_year).name)
		# Next year's models may be registered ahead, by anyone.
		frappe.set_user(self.officer)
		self.assertTrue(register(self.units.commune11).name)
		frappe.set_user("Administrator")
		settings.kheo_registration_end = "31/02"
		self.assertRaises(frappe.ValidationError, settings.save)

	def test_year_out_of_range_is_refused(self):
		before = frappe.db.count("DV Kheo Model")
		self.assertRaises(ModelYearError, register, self.units.commune11, year=1990)
		self.assertRaises(ModelYearError, register, self.units.commune11, year=NEXT_YEAR + 1)
		self.assertEqual(frappe.db.count("DV Kheo Model"), before)

	def test_individual_model_names_the_person(self):
		self.assertRaises(frappe.MandatoryError, register, self.units.commune11, model_type="Cá nhân")
		self.assertTrue(
			register(self.units.commune11, model_type="Cá nhân", person_name="Bà Lò Thị Mai").name
		)

	def test_replication_and_plan_dates(self):
		origin = register(self.units.commune11)
		copy = register(self.units.commune12, replicated_from=origin.name)
		copy.replicated_from = copy.name
		self.assertRaises(ModelStatusError, copy.save)
		origin.replicated_from = copy.name
		with self.assertRaises(ModelStatusError) as caught:
			origin.save()
		self.assertIn(f"{origin.name} → {copy.name} → {origin.name}", str(caught.exception))
		self.assertRaises(
			DeadlineError,
			register,
			self.units.commune11,
			plan_start=f"{NEXT_YEAR}-06-01",
			plan_end=f"{NEXT_YEAR}-05-01",
		)
		# The origin's connections count its replications.
		from frappe.desk.notifications import get_open_count

		counts = get_open_count("DV Kheo Model", origin.name)["count"]["external_links_found"]
		replicated = next(c for c in counts if c["doctype"] == "DV Kheo Model")
		self.assertEqual(replicated["count"], 1)


class TestAdministratorsWorkflowEdit(FrappeTestCase):
	"""An administrator changes the shipped Workflow from the desk; migrate keeps the edit, and it is
	obeyed."""

	def setUp(self):
		frappe.set_user("Administrator")
		self.units = make_tree()
		self.officer = make_user("officer.edit@dv.test", access.OFFICER, [self.units.commune11])
		self.manager = make_user("manager.edit@dv.test", access.MANAGER, [self.units.commune11])
		self.province = make_user("province.edit@dv.test", access.MANAGER, [self.units.province])

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.clear_cache(doctype="DV Kheo Model")

	def test_edit_survives_migrate_and_is_obeyed(self):
		workflow = frappe.get_doc("Workflow", WORKFLOW)
		# Only the unit's manager starts implementation now, not its officers; and a new state.
		workflow.transitions = [
			t for t in workflow.transitions if not (t.action == "Triển khai" and t.allowed == access.OFFICER)
		]
		frappe.get_doc({"doctype": "Workflow State", "workflow_state_name": "Tạm dừng"}).insert(
			ignore_if_duplicate=True
		)
		workflow.append("states", {"state": "Tạm dừng", "doc_status": "0", "allow_edit": "All"})
		workflow.append(
			"transitions",
			{
				"state": "Đang triển khai",
				"action": "Trả lại",
				"next_state": "Tạm dừng",
				"allowed": access.MANAGER,
				"allow_self_approval": 1,
			},
		)
		workflow.save()

		# What `bench migrate` runs of this app once the DocTypes are synced.
		self.assertIn("danvan_app.install.sync_desk_records", frappe.get_hooks("after_migrate"))
		for after_migrate in frappe.get_hooks("after_migrate", app_name="danvan_app"):
			frappe.get_attr(after_migrate)()
		frappe.clear_cache(doctype="DV Kheo Model")

		kept = frappe.get_doc("Workflow", WORKFLOW)
		self.assertFalse(
			[t for t in kept.transitions if t.action == "Triển khai" and t.allowed == access.OFFICER]
		)
		self.assertIn("Tạm dừng", [s.state for s in kept.states])

		model = register(self.units.commune11, **PARTICULARS).name
		act(self.province, model, "Duyệt")
		self.assertRaises(WorkflowTransitionError, act, self.officer, model, "Triển khai")
		act(self.manager, model, "Triển khai")
		act(self.manager, model, "Trả lại")
		self.assertEqual(status(model), ("Tạm dừng", 0))

	def test_an_untouched_workflow_is_brought_back_to_the_shipped_one(self):
		# Shipped before the file's timestamp (as an older version of the app would have left it).
		frappe.db.set_value("Workflow", WORKFLOW, "modified", "2020-01-01 00:00:00", update_modified=False)
		frappe.db.delete("Workflow Transition", {"parent": WORKFLOW, "action": "Công nhận"})
		sync_desk_records()
		restored = frappe.get_doc("Workflow", WORKFLOW)
		self.assertTrue([t for t in restored.transitions if t.action == "Công nhận"])
