# Copyright (c) 2026, danvan_app developers
# See license.txt

import frappe
from frappe.tests.utils import FrappeTestCase

from danvan_app.bench_tests.factories import COMMUNE, PROVINCE, make_task, make_unit, make_user
from danvan_app.domain import access
from danvan_app.domain import classification as classification_rules
from danvan_app.domain import evaluation as evaluation_rules
from danvan_app.dv_evaluation.report.dv_evaluation_ranking import dv_evaluation_ranking as ranking
from danvan_app.exceptions import DuplicateEvaluationError, ScoreError, TemplateError

STATE_AGENCY = "Cơ quan nhà nước, sở, ban, ngành"


def make_template(issuer: str, year: int = 2025, version: int = 1, **values):
	return frappe.get_doc(
		{
			"doctype": "DV Evaluation Template",
			"template_title": f"Tiêu chí đánh giá công tác dân vận năm {year}",
			"issuing_unit": issuer,
			"year": year,
			"version": version,
			"criteria": [
				{
					"section": "I",
					"criterion_code": "1.1",
					"criterion": "Ban hành văn bản lãnh đạo",
					"max_score": 30,
				},
				{
					"section": "I",
					"criterion_code": "1.2",
					"criterion": "Phân công lãnh đạo phụ trách",
					"max_score": 20,
				},
				{
					"section": "II",
					"criterion_code": "2.1",
					"criterion": "Mô hình Dân vận khéo",
					"max_score": 50,
				},
			],
			"thresholds": [
				{"classification": evaluation_rules.EXCELLENT, "min_score": 90},
				{"classification": evaluation_rules.GOOD, "min_score": 70},
				{"classification": evaluation_rules.COMPLETED, "min_score": 50},
			],
			**values,
		}
	).insert()


def make_evaluation(unit: str, template: str, year: int = 2025, scores: dict | None = None):
	evaluation = frappe.get_doc(
		{"doctype": "DV Evaluation", "evaluated_unit": unit, "year": year, "template": template}
	)
	evaluation.run_method("validate")  # loads the criteria, as the form does on first save
	for row in evaluation.scores:
		for field, value in (scores or {}).get(row.criterion_code, {}).items():
			row.set(field, value)
	return evaluation.insert()


class TestDVEvaluation(FrappeTestCase):
	def setUp(self):
		self.issuer = make_unit("Ban Dân vận Tỉnh ủy Thử").name
		self.unit = make_unit("Huyện ủy Được Đánh Giá", self.issuer).name
		self.template = make_template(self.issuer)

	def test_template_versions_are_unique_per_issuer_and_year(self):
		self.assertEqual(self.template.maximum_total, 100)
		self.assertRaises(TemplateError, make_template, self.issuer)
		self.assertTrue(make_template(self.issuer, version=2).name)

	def test_bad_thresholds_are_refused(self):
		before = frappe.db.count("DV Evaluation Template")
		self.assertRaises(
			TemplateError,
			make_template,
			self.issuer,
			year=2026,
			thresholds=[
				{"classification": evaluation_rules.EXCELLENT, "min_score": 60},
				{"classification": evaluation_rules.GOOD, "min_score": 70},
			],
		)
		self.assertEqual(frappe.db.count("DV Evaluation Template"), before)

	def test_criteria_are_copied_and_totals_classified_by_the_core(self):
		evaluation = make_evaluation(
			self.unit,
			self.template.name,
			scores={"1.1": {"self_score": 30}, "1.2": {"self_score": 20}, "2.1": {"self_score": 45}},
		)
		self.assertEqual([row.criterion_code for row in evaluation.scores], ["1.1", "1.2", "2.1"])
		self.assertEqual((evaluation.maximum_total, evaluation.self_total), (100, 95))
		self.assertEqual(evaluation.classification, evaluation_rules.EXCELLENT)
		# Once reviewed, the reviewed total decides.
		for row, reviewed in zip(evaluation.scores, (25, 15, 35), strict=True):
			row.reviewed_score = reviewed
		evaluation.save()
		self.assertEqual(evaluation.reviewed_total, 75)
		self.assertEqual(evaluation.classification, evaluation_rules.GOOD)

	def test_a_new_template_starts_from_the_rules_in_force(self):
		template = make_template(self.issuer, year=2026, thresholds=[])
		self.assertEqual(
			[(row.classification, row.min_score) for row in template.thresholds],
			[(evaluation_rules.EXCELLENT, 90), (evaluation_rules.GOOD, 70), (evaluation_rules.COMPLETED, 50)],
		)
		self.assertEqual(
			[(row.classification, row.condition_kind, row.value or 0) for row in template.conditions],
			[(c.classification, c.kind, c.value or 0) for c in classification_rules.DEFAULT_CONDITIONS],
		)
		self.assertEqual(template.excellent_quota_percent, 20)
		template.append(
			"conditions",
			{
				"classification": evaluation_rules.GOOD,
				"condition_kind": classification_rules.LATE_SHARE_AT_MOST,
			},
		)
		self.assertRaises(frappe.ValidationError, template.save)

	def test_a_late_task_or_a_weak_criterion_costs_the_excellent_class(self):
		full_marks = {"1.1": {"self_score": 30}, "1.2": {"self_score": 20}, "2.1": {"self_score": 45}}
		late = make_task(
			self.unit,
			start_date="2025-01-02",
			due_date="2025-03-01",
			status="Hoàn thành",
			completed_on="2025-03-10",
		)
		self.assertEqual(late.deadline_outcome, "Hoàn thành trễ hạn")
		for _ in range(5):
			make_task(
				self.unit,
				start_date="2025-01-02",
				due_date="2025-06-30",
				status="Hoàn thành",
				completed_on="2025-06-01",
			)
		# One task of six late (17 %): not excellent, still good (at most 20 % late).
		evaluation = make_evaluation(self.unit, self.template.name, scores=full_marks)
		self.assertEqual(evaluation.self_total, 95)
		self.assertEqual(evaluation.classification, evaluation_rules.GOOD)
		self.assertIn(classification_rules.ALL_TASKS_ON_TIME, evaluation.classification_reasons)
		# A second late task (2 of 7, 29 %): down to "completed".
		make_task(self.unit, start_date="2025-01-02", due_date="2025-02-01")
		evaluation = frappe.get_doc("DV Evaluation", evaluation.name)
		evaluation.save()
		self.assertEqual(evaluation.classification, evaluation_rules.COMPLETED)

		other = make_unit("Huyện ủy Điểm Yếu", self.issuer).name
		weak = {"1.1": {"self_score": 30}, "1.2": {"self_score": 9}, "2.1": {"self_score": 50}}
		evaluation = make_evaluation(other, self.template.name, scores=weak)
		self.assertEqual((evaluation.self_total, evaluation.classification), (89, evaluation_rules.GOOD))
		evaluation = frappe.get_doc("DV Evaluation", evaluation.name)
		evaluation.scores[1].self_score = 11
		evaluation.save()
		self.assertEqual((evaluation.self_total, evaluation.classification), (91, evaluation_rules.EXCELLENT))

	def test_the_evaluation_sheet_prints_in_vietnamese(self):
		evaluation = make_evaluation(
			self.unit, self.template.name, scores={"1.1": {"self_score": 30}, "2.1": {"self_score": 45}}
		)
		self.assertEqual(frappe.get_meta("DV Evaluation").default_print_format, "DV Evaluation Sheet")
		html = frappe.get_print("DV Evaluation", evaluation.name, print_format="DV Evaluation Sheet")
		for text in (
			"PHIẾU ĐÁNH GIÁ, XẾP LOẠI CÔNG TÁC DÂN VẬN NĂM 2025",
			"Huyện ủy Được Đánh Giá",
			"Tổng cộng",
			"75",
		):
			self.assertIn(text, html)

	def test_bonus_and_penalty_move_the_total_within_the_scale(self):
		template = make_template(self.issuer, year=2027)
		template.append(
			"criteria",
			{"criterion_code": "T", "criterion": "Sáng kiến", "max_score": 5, "item_kind": "Điểm thưởng"},
		)
		template.append(
			"criteria",
			{"criterion_code": "P", "criterion": "Vi phạm", "max_score": 10, "item_kind": "Điểm trừ"},
		)
		template.save()
		self.assertEqual(template.maximum_total, 100)
		scores = {
			"1.1": {"self_score": 25},
			"1.2": {"self_score": 15},
			"2.1": {"self_score": 40},
			"T": {"self_score": 5},
			"P": {"self_score": 3},
		}
		evaluation = make_evaluation(self.unit, template.name, year=2027, scores=scores)
		self.assertEqual((evaluation.maximum_total, evaluation.self_total), (100, 82))

	def test_score_over_the_maximum_is_refused_and_nothing_saved(self):
		before = frappe.db.count("DV Evaluation")
		with self.assertRaises(ScoreError) as caught:
			make_evaluation(self.unit, self.template.name, scores={"1.2": {"self_score": 25}})
		self.assertIn("vượt khung", str(caught.exception))
		self.assertRaises(
			ScoreError, make_evaluation, self.unit, self.template.name, scores={"1.1": {"self_score": -1}}
		)
		self.assertEqual(frappe.db.count("DV Evaluation"), before)

	def test_template_of_another_year_is_refused(self):
		self.assertRaises(TemplateError, make_evaluation, self.unit, self.template.name, year=2024)

	def test_one_evaluation_per_unit_and_year(self):
		make_evaluation(self.unit, self.template.name)
		self.assertRaises(DuplicateEvaluationError, make_evaluation, self.unit, self.template.name)

	def test_submitted_is_immutable_and_amend_makes_a_new_version(self):
		evaluation = make_evaluation(
			self.unit, self.template.name, scores={"2.1": {"self_score": 40, "reviewed_score": 40}}
		)
		evaluation.submit()
		evaluation.reload()
		evaluation.scores[0].self_score = 10
		self.assertRaises(frappe.UpdateAfterSubmitError, evaluation.save)
		self.assertEqual(frappe.db.get_value("DV Evaluation", evaluation.name, "self_total"), 40)

		evaluation.reload()
		evaluation.cancel()
		amended = frappe.copy_doc(evaluation)
		amended.amended_from = evaluation.name
		amended.docstatus = 0
		amended.workflow_state = None  # not copied by the desk's amend (no_copy); copy_doc ignores that
		amended.scores[0].self_score = 10
		amended.insert()
		self.assertEqual(amended.self_total, 50)
		self.assertEqual(frappe.db.get_value("DV Evaluation", evaluation.name, "docstatus"), 2)


class TestWhoScoresWhat(FrappeTestCase):
	def setUp(self):
		from danvan_app.domain import access

		frappe.set_user("Administrator")
		self.issuer = make_unit("Ban Dân vận Tỉnh ủy Chấm Điểm").name
		self.unit = make_unit("Xã Được Chấm", self.issuer).name
		self.template = make_template(self.issuer, year=2024)
		self.officer, self.reviewer = "canbo.xa@dv.test", "thamdinh@dv.test"
		make_user(self.officer, access.OFFICER, [self.unit])
		make_user(self.reviewer, access.REVIEWER)
		evaluation = make_evaluation(
			self.unit, self.template.name, year=2024, scores={"1.1": {"self_score": 20}}
		)
		evaluation.reviewer = self.reviewer
		evaluation.save()
		self.name = evaluation.name

	def tearDown(self):
		frappe.set_user("Administrator")

	def edit(self, user, **score_values):
		frappe.set_user(user)
		doc = frappe.get_doc("DV Evaluation", self.name)
		for field, value in score_values.items():
			doc.scores[0].set(field, value)
		return doc.save()

	def test_the_unit_self_scores_but_cannot_review_itself(self):
		self.edit(self.officer, self_score=25)
		self.assertRaises(frappe.PermissionError, self.edit, self.officer, reviewed_score=30)
		frappe.set_user("Administrator")
		self.assertEqual(
			frappe.db.get_value("DV Evaluation Score", {"parent": self.name, "idx": 1}, "reviewed_score"), 0
		)

	def test_the_assigned_reviewer_reviews_but_does_not_rewrite_self_scores(self):
		self.edit(self.reviewer, reviewed_score=18, comment="Có minh chứng đầy đủ")
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.get_value("DV Evaluation", self.name, "reviewed_total"), 18)
		self.assertRaises(frappe.PermissionError, self.edit, self.reviewer, self_score=5)


class TestRanking(FrappeTestCase):
	"""The ranking report: groups of like units, the quota of excellent units, last year beside."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		cls.issuer = make_unit("Ban Dân vận Tỉnh ủy Xếp Hạng").name
		cls.district = make_unit("Huyện Xếp Hạng", cls.issuer).name
		cls.template = make_template(cls.issuer, year=2025)
		last_template = make_template(cls.issuer, year=2024)
		cls.communes = []
		for i, (score_2, score_3) in enumerate(((20, 50), (20, 49), (20, 48), (20, 47), (20, 46), (10, 40))):
			parent = cls.district if i < 2 else cls.issuer
			commune = make_unit(f"Xã Xếp Hạng {i}", parent, level=COMMUNE).name
			cls.communes.append(commune)
			scores = {
				"1.1": {"self_score": 30},
				"1.2": {"self_score": score_2},
				"2.1": {"self_score": score_3},
			}
			make_evaluation(commune, cls.template.name, scores=scores)
		cls.agency = make_unit("Sở Xếp Hạng", cls.issuer, kind=STATE_AGENCY, level=PROVINCE).name
		make_evaluation(cls.agency, cls.template.name, scores={"1.1": {"self_score": 30}})
		make_evaluation(
			cls.communes[0],
			last_template.name,
			year=2024,
			scores={"1.1": {"self_score": 30, "reviewed_score": 30}},
		).submit()
		cls.district_manager = make_user("manager.ranking@dv.test", access.MANAGER, [cls.district])

	def tearDown(self):
		frappe.set_user("Administrator")

	def rows(self, user="Administrator"):
		frappe.set_user(user)
		_columns, rows = ranking.execute({"year": 2025, "unit": self.issuer})
		frappe.set_user("Administrator")
		return {row["unit"]: row for row in rows}

	def test_like_units_ranked_together_and_the_quota_applied(self):
		rows = self.rows()
		communes = [rows[c] for c in self.communes]
		self.assertEqual([r["rank"] for r in communes], [1, 2, 3, 4, 5, 6])
		self.assertEqual(len({r["ranking_group"] for r in communes}), 1)
		self.assertNotEqual(rows[self.agency]["ranking_group"], communes[0]["ranking_group"])
		self.assertEqual(rows[self.agency]["rank"], 1)
		# Five scored excellent, six good or better: 20 % of six is one excellent place.
		self.assertEqual(communes[0]["classification"], evaluation_rules.EXCELLENT)
		for row in communes[1:5]:
			self.assertEqual(row["classification"], evaluation_rules.GOOD)
			self.assertIn("Vượt tỷ lệ xuất sắc 20%", row["note"])
		self.assertEqual((communes[0]["last_total"], communes[0]["change"]), (30, 70))

	def test_a_district_sees_its_own_units_only(self):
		rows = self.rows(self.district_manager)
		self.assertEqual(set(rows), set(self.communes[:2]))


class TestEvaluationWorkflow(FrappeTestCase):
	"""The shipped Workflow: the unit assesses itself, the reviewer reviews, the body above approves."""

	def setUp(self):
		frappe.set_user("Administrator")
		run = frappe.generate_hash(length=5)
		self.issuer = make_unit(f"Ban Dân vận Tỉnh ủy Quy Trình {run}").name
		self.unit = make_unit(f"Huyện ủy Quy Trình {run}", self.issuer).name
		self.template = make_template(self.issuer)
		self.officer = make_user(f"officer.flow.{run}@dv.test", access.OFFICER, [self.unit])
		self.unit_manager = make_user(f"manager.flow.{run}@dv.test", access.MANAGER, [self.unit])
		self.reviewer = make_user(f"reviewer.flow.{run}@dv.test", access.REVIEWER, [])
		self.province = make_user(f"province.flow.{run}@dv.test", access.MANAGER, [self.issuer])

	def tearDown(self):
		frappe.set_user("Administrator")

	def act(self, user, name, action):
		from frappe.model.workflow import apply_workflow

		frappe.set_user(user)
		try:
			return apply_workflow(frappe.get_doc("DV Evaluation", name), action)
		finally:
			frappe.set_user("Administrator")

	def state(self, name):
		return tuple(frappe.db.get_value("DV Evaluation", name, ["workflow_state", "docstatus"]))

	def test_self_assessment_review_and_approval_as_the_officials_who_take_them(self):
		frappe.set_user(self.officer)
		name = make_evaluation(
			self.unit, self.template.name, scores={"1.1": {"self_score": 25}, "2.1": {"self_score": 40}}
		).name
		frappe.set_user("Administrator")
		self.assertEqual(self.state(name), ("Đơn vị tự đánh giá", 0))
		self.act(self.officer, name, "Gửi thẩm định")

		frappe.set_user(self.province)
		evaluation = frappe.get_doc("DV Evaluation", name)
		evaluation.reviewer = self.reviewer
		evaluation.save()
		frappe.set_user("Administrator")
		self.assertRaises(ScoreError, self.act, self.reviewer, name, "Thẩm định xong")

		frappe.set_user(self.reviewer)
		evaluation = frappe.get_doc("DV Evaluation", name)
		for row, score in zip(evaluation.scores, (20, 15, 40), strict=True):
			row.reviewed_score = score
		evaluation.save()
		frappe.set_user("Administrator")
		self.act(self.reviewer, name, "Thẩm định xong")
		self.assertEqual(self.state(name), ("Đã thẩm định", 0))

		# The unit's own manager does not approve its evaluation; the body above does.
		self.assertRaises(frappe.PermissionError, self.act, self.unit_manager, name, "Phê duyệt")
		self.act(self.province, name, "Phê duyệt")
		self.assertEqual(self.state(name), ("Đã phê duyệt", 1))

	def test_a_direct_submission_needs_a_review_from_above(self):
		name = make_evaluation(self.unit, self.template.name, scores={"2.1": {"self_score": 40}}).name
		frappe.set_user(self.province)
		self.assertRaises(ScoreError, frappe.get_doc("DV Evaluation", name).submit)
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.get_value("DV Evaluation", name, "docstatus"), 0)
