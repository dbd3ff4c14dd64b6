# Copyright (c) 2026, danvan_app developers
# See license.txt
"""An evaluation cycle: one evaluation per covered unit, made once, its data-fed criteria counted as by
hand; closing applies the quota of excellent units per ranking group."""

import frappe
from frappe.tests.utils import FrappeTestCase

from danvan_app.api.evaluations import close_cycle, create_cycle_evaluations
from danvan_app.bench_tests.factories import COMMUNE, PROVINCE, make_task, make_unit, make_user
from danvan_app.domain import access, measures
from danvan_app.domain import evaluation as evaluation_rules

STATE_AGENCY = "Cơ quan nhà nước, sở, ban, ngành"
PARTY = "Cấp ủy Đảng"
YEAR = 2025


def evaluation_of(unit: str) -> "frappe.model.document.Document":
	return frappe.get_doc(
		"DV Evaluation", {"evaluated_unit": unit, "year": YEAR, "kheo_model": ("is", "not set")}
	)


class TestEvaluationCycle(FrappeTestCase):
	def setUp(self):
		# Each test its own province: a cycle, once closed, stays closed.
		frappe.set_user("Administrator")
		run = frappe.generate_hash(length=5)
		self.province = make_unit(f"Ban Dân vận Tỉnh ủy Đợt {run}", level=PROVINCE).name
		self.leader = make_user("leader.cycle@dv.test", access.VIEWER)
		self.communes = [
			make_unit(
				f"Đảng ủy xã Đợt {i}",
				self.province,
				level=COMMUNE,
				dan_van_leader=self.leader,
			).name
			for i in range(4)
		]
		self.agency = make_unit(f"Sở Đợt {run}", self.province, kind=STATE_AGENCY, level=PROVINCE).name
		for completed_on in ("2025-03-01", "2025-03-05", "2025-03-09", "2025-04-20"):
			make_task(
				self.communes[0],
				start_date="2025-01-02",
				due_date="2025-03-10",
				status="Hoàn thành",
				completed_on=completed_on,
			)
		self.template = frappe.get_doc(
			{
				"doctype": "DV Evaluation Template",
				"template_title": "Tiêu chí năm 2025",
				"issuing_unit": self.province,
				"year": YEAR,
				"version": 1,
				"criteria": [
					{
						"criterion_code": "1",
						"criterion": "Nhiệm vụ đúng hạn",
						"max_score": 40,
						"measure_key": measures.TASKS_ON_TIME,
					},
					{
						"criterion_code": "2",
						"criterion": "Lãnh đạo phụ trách",
						"max_score": 10,
						"measure_key": measures.LEADER_NAMED,
					},
					{"criterion_code": "3", "criterion": "Kết quả công tác", "max_score": 50},
				],
			}
		).insert()
		self.manager = make_user(f"manager.cycle.{run}@dv.test", access.MANAGER, [self.province])
		frappe.set_user(self.manager)
		self.cycle = frappe.get_doc(
			{
				"doctype": "DV Evaluation Cycle",
				"title": "Đánh giá công tác dân vận năm 2025",
				"evaluating_unit": self.province,
				"year": YEAR,
				"template": self.template.name,
				"unit_kinds": [{"unit_kind": PARTY}],
				"admin_levels": [{"admin_level": COMMUNE}],
			}
		).insert()
		frappe.set_user("Administrator")

	def tearDown(self):
		frappe.set_user("Administrator")

	def test_one_evaluation_per_covered_unit_once_fed_from_data(self):
		frappe.set_user(self.manager)
		create_cycle_evaluations(cycle=self.cycle.name)
		frappe.set_user("Administrator")
		made = frappe.get_all("DV Evaluation", filters={"cycle": self.cycle.name}, pluck="evaluated_unit")
		self.assertEqual(sorted(made), sorted(self.communes))
		frappe.set_user(self.manager)
		create_cycle_evaluations(cycle=self.cycle.name)  # again: nothing new
		frappe.set_user("Administrator")
		late_comer = make_unit(f"Đảng ủy xã Đợt mới {self.province}", self.province, level=COMMUNE).name
		frappe.set_user(self.manager)
		create_cycle_evaluations(cycle=self.cycle.name)  # a unit added since gets its own
		frappe.set_user("Administrator")
		made = frappe.get_all("DV Evaluation", filters={"cycle": self.cycle.name}, pluck="evaluated_unit")
		self.assertEqual(sorted(made), sorted([*self.communes, late_comer]))
		self.assertEqual(
			frappe.db.get_value("DV Evaluation Cycle", self.cycle.name, "evaluations_created"), 5
		)

		# Counted by hand: 3 of the 4 tasks on time -> 30 of 40; a leader named -> 10 of 10.
		first = evaluation_of(self.communes[0])
		fed = {row.criterion_code: row for row in first.scores}
		self.assertEqual((fed["1"].computed_score, fed["1"].self_score), (30, 30))
		self.assertEqual((fed["2"].computed_score, fed["2"].self_score), (10, 10))
		self.assertIn(f"presiding_unit={self.communes[0]}", fed["1"].evidence_route)
		# No task due in the year: nothing to measure, the unit scores it itself.
		other = {row.criterion_code: row for row in evaluation_of(self.communes[1]).scores}
		self.assertEqual((other["1"].computed_score, other["2"].computed_score), (0, 10))

		# The reviewer changes a fed score only with a reason.
		for row in first.scores:
			row.reviewed_score = row.self_score
		first.scores[0].reviewed_score = 35
		self.assertRaises(frappe.MandatoryError, first.save)
		first.reload()
		for row in first.scores:
			row.reviewed_score = row.self_score
		first.scores[0].reviewed_score = 35
		first.scores[0].comment = "Một nhiệm vụ trễ do thiên tai, đã được gia hạn bằng lời"
		first.save()
		self.assertEqual(first.reviewed_total, 45)

	def test_closing_applies_the_quota_and_keeps_the_decision(self):
		frappe.set_user(self.manager)
		create_cycle_evaluations(cycle=self.cycle.name)
		frappe.set_user("Administrator")
		# Communes 1–3 have no task due: they score the task criterion by hand (40), the leader is fed (10).
		for commune in self.communes[1:]:
			evaluation = evaluation_of(commune)
			for row in evaluation.scores:
				row.self_score = row.max_score
			evaluation.save()
			self.assertEqual(evaluation.classification, evaluation_rules.EXCELLENT)
		frappe.set_user(self.manager)
		result = close_cycle(cycle=self.cycle.name)
		frappe.set_user("Administrator")
		self.assertEqual(result["evaluations"], len(self.communes))
		# Four communes good or better: 20 % of four is no excellent place.
		finals = {c: evaluation_of(c).final_classification for c in self.communes[1:]}
		self.assertEqual(set(finals.values()), {evaluation_rules.GOOD})
		self.assertIn("Vượt tỷ lệ xuất sắc", evaluation_of(self.communes[1]).quota_note)
		self.assertEqual(
			frappe.db.get_value("DV Evaluation Cycle", self.cycle.name, "cycle_status"),
			evaluation_rules.CYCLE_CLOSED,
		)
		frappe.set_user(self.manager)
		self.assertRaises(frappe.ValidationError, create_cycle_evaluations, cycle=self.cycle.name)

	def test_only_the_evaluating_side_runs_the_cycle(self):
		officer = make_user(f"officer.cycle.{self.province}@dv.test", access.OFFICER, [self.communes[0]])
		frappe.set_user(officer)
		self.assertRaises(frappe.DoesNotExistError, create_cycle_evaluations, cycle=self.cycle.name)
		self.assertRaises(frappe.DoesNotExistError, close_cycle, cycle=self.cycle.name)


class TestEvidenceRoutes(FrappeTestCase):
	def test_every_measures_route_fits_its_field_and_reads_back_as_its_filters(self):
		from urllib.parse import parse_qs, urlsplit

		from danvan_app.unit_records import evidence_route

		length = frappe.get_meta("DV Evaluation Score").get_field("evidence_route").length or 140
		for measure in measures.MEASURES:
			route = evidence_route(measure, "DVI-00001", 2025)
			self.assertLessEqual(len(route), length, route)
			query = parse_qs(urlsplit(route).query)
			if "due_date" in query:
				self.assertEqual(
					frappe.parse_json(query["due_date"][0]), ["Between", ["2025-01-01", "2025-12-31"]]
				)
		recurring = parse_qs(urlsplit(evidence_route(measures.RECURRING_REPORTS, "DVI-00001", 2025)).query)
		self.assertEqual(frappe.parse_json(recurring["recurring_source"][0]), ["is", "set"])
