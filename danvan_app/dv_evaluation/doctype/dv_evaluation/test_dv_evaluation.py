# Copyright (c) 2026, danvan_app developers
# See license.txt

import frappe
from frappe.tests.utils import FrappeTestCase

from danvan_app.bench_tests.factories import make_unit, make_user
from danvan_app.domain import evaluation as evaluation_rules
from danvan_app.exceptions import DuplicateEvaluationError, ScoreError, TemplateError


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
		evaluation = make_evaluation(self.unit, self.template.name, scores={"2.1": {"self_score": 40}})
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
