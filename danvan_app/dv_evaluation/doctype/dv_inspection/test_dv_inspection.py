# Copyright (c) 2026, danvan_app developers
# See license.txt
"""An inspection's recommendations become tasks of the inspected units, seen by them and not by their
siblings; the statistics count the inspected units by kind."""

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, today

from danvan_app.api.inspections import create_follow_ups
from danvan_app.bench_tests.factories import PROVINCE, make_tree, make_unit, make_user
from danvan_app.domain import access
from danvan_app.dv_evaluation.report.dv_inspection_statistics import dv_inspection_statistics as statistics
from danvan_app.exceptions import ArgumentError, TaskUnitError

STATE_AGENCY = "Cơ quan nhà nước, sở, ban, ngành"


class TestInspection(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		u = cls.units = make_tree()
		cls.agency = make_unit("Sở Được Kiểm Tra", u.province, kind=STATE_AGENCY, level=PROVINCE).name
		cls.inspector = make_user("inspector@dv.test", access.MANAGER, [u.province])
		cls.commune11_officer = make_user("officer.c11.insp@dv.test", access.OFFICER, [u.commune11])
		cls.commune12_officer = make_user("officer.c12.insp@dv.test", access.OFFICER, [u.commune12])

	def tearDown(self):
		frappe.set_user("Administrator")

	def inspect(self, rows, year=2026):
		frappe.set_user(self.inspector)
		try:
			return frappe.get_doc(
				{
					"doctype": "DV Inspection",
					"title": "Kiểm tra thực hiện Quy chế dân chủ ở cơ sở",
					"inspecting_unit": self.units.province,
					"inspection_kind": "Kiểm tra",
					"year": year,
					"inspected_units": rows,
				}
			).insert()
		finally:
			frappe.set_user("Administrator")

	def test_recommendations_become_tasks_of_the_inspected_units_once(self):
		u = self.units
		inspection = self.inspect(
			[
				{
					"inspected_unit": u.commune11,
					"findings": "Chưa niêm yết công khai",
					"recommendation": "Niêm yết công khai",
					"follow_up_due": add_days(today(), 30),
				},
				{"inspected_unit": u.commune12, "findings": "Thực hiện tốt"},
				{"inspected_unit": self.agency, "recommendation": "Bổ sung quy chế tiếp dân"},
			]
		)
		frappe.set_user(self.inspector)
		created = create_follow_ups(inspection=inspection.name)
		self.assertEqual(len(created), 2)
		self.assertEqual(create_follow_ups(inspection=inspection.name), [])
		frappe.set_user("Administrator")
		inspection.reload()
		by_unit = {row.inspected_unit: row.follow_up_task for row in inspection.inspected_units}
		self.assertFalse(by_unit[u.commune12])
		task = frappe.get_doc("DV Task", by_unit[u.commune11])
		self.assertEqual(
			(task.presiding_unit, task.assigning_unit, task.inspection, task.description),
			(u.commune11, u.province, inspection.name, "Niêm yết công khai"),
		)
		# The inspected commune sees its task; its sibling does not.
		self.assertTrue(frappe.has_permission("DV Task", "read", task, user=self.commune11_officer))
		self.assertFalse(frappe.has_permission("DV Task", "read", task, user=self.commune12_officer))
		frappe.set_user(self.commune12_officer)
		self.assertNotIn(task.name, frappe.get_list("DV Task", pluck="name"))
		# The inspection shows which follow-ups are done.
		frappe.set_user("Administrator")
		doc = frappe.get_doc("DV Inspection", inspection.name)
		doc.run_method("onload")
		self.assertEqual(doc.get_onload().follow_up_status[task.name], task.status)

	def test_only_the_inspecting_side_gives_follow_ups_and_bad_input_is_refused(self):
		inspection = self.inspect([{"inspected_unit": self.units.commune11, "recommendation": "Khắc phục"}])
		frappe.set_user(self.commune11_officer)
		self.assertRaises(frappe.DoesNotExistError, create_follow_ups, inspection=inspection.name)
		frappe.set_user(self.inspector)
		self.assertRaises(ArgumentError, create_follow_ups, inspection={"name": inspection.name})
		self.assertRaises(ArgumentError, create_follow_ups)
		self.assertRaises(
			TaskUnitError,
			self.inspect,
			[{"inspected_unit": self.units.commune11}, {"inspected_unit": self.units.commune11}],
		)

	def test_statistics_count_inspected_units_by_kind(self):
		u = self.units
		self.inspect(
			[
				{"inspected_unit": u.commune11},
				{"inspected_unit": u.commune21},
				{"inspected_unit": self.agency},
			],
			year=2025,
		)
		self.inspect([{"inspected_unit": u.commune11}], year=2025)  # the same commune again: counted once
		frappe.set_user(self.inspector)
		_columns, rows, message, _chart, _summary, skip_total_row = statistics.execute({"year": 2025})
		*rows, total = rows
		# Its own totals row (Frappe's added up the years too): the counts only, named in Vietnamese.
		self.assertEqual((skip_total_row, total["is_total_row"], total["body_name"]), (1, 1, "Tổng số"))
		self.assertNotIn("year", total)
		self.assertEqual(total["units"], sum(r["units"] for r in rows))
		row = next(r for r in rows if r["inspecting_unit"] == u.province)
		self.assertEqual((row["units"], row["communes"]), (3, 2))
		self.assertEqual(row[statistics.kind_field(STATE_AGENCY)], 1)
		self.assertIn("tại 3 cơ quan, đơn vị, doanh nghiệp, trong đó có 2 xã", message)
		frappe.set_user(self.commune11_officer)
		_columns, rows, *_rest = statistics.execute({"year": 2025})
		self.assertEqual(rows, [])
