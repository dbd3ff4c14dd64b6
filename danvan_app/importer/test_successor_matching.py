# Copyright (c) 2026, danvan_app developers
# See license.txt
"""An older directive names units that the 2025 reorganisation closed: the importer finds the closed unit
and proposes the unit that took its work over, and a name typed in quick task entry goes there too."""

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, today

from danvan_app.api.directives import create_tasks, preview_directive_text
from danvan_app.bench_tests.factories import make_directive, make_tree, make_unit, make_user
from danvan_app.domain import access

OLD_TEXT = """TỈNH ỦY THỬ NGHIỆM
Số 7-CT/TU
Thử Nghiệm, ngày 2 tháng 8 năm 2021
CHỈ THỊ
của Ban Thường vụ Tỉnh ủy
Về công tác dân vận ở cơ sở

TỔ CHỨC THỰC HIỆN
1. Huyện ủy Thử 1 chủ trì tổ chức hội nghị sơ kết, hoàn thành trước ngày 30/6/2026.
2. Huyện ủy Thử 2 rà soát quy chế dân chủ ở cơ sở trong quý III/2026.
"""


class TestSuccessorMatching(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()  # the class's records are rolled back after its last test, not after each
		frappe.set_user("Administrator")
		cls.units = units = make_tree()
		# District 1 closed into a new commune; district 2 split between its two communes.
		cls.merged = make_unit("Đảng ủy xã Thử Mới", units.province).name
		cls.close(units.district1, [cls.merged])
		cls.close(units.district2, [units.commune21, units.commune22])
		cls.officer = make_user("vanthu.tinh@dv.test", access.MANAGER, [units.province])

	def tearDown(self):
		frappe.set_user("Administrator")

	@staticmethod
	def close(unit: str, successors: list[str]):
		doc = frappe.get_doc("DV Unit", unit)
		doc.valid_to = add_days(today(), -30)
		doc.closure_note = "Quyết định thử về sắp xếp đơn vị hành chính"
		doc.set("successors", [{"successor_unit": successor} for successor in successors])
		doc.save()

	def test_a_closed_unit_in_an_old_text_is_matched_and_its_successor_proposed(self):
		frappe.set_user(self.officer)
		first, second = preview_directive_text(OLD_TEXT)["tasks"]
		match = first["presiding_matches"][0]
		self.assertEqual((match["unit"], match["method"]), (self.merged, "successor"))
		self.assertEqual(match["predecessor"], self.units.district1)
		self.assertEqual(first["fields"]["presiding_unit"], self.merged)
		# Split between two communes: the reviewer chooses, and sees which unit the text meant.
		match = second["presiding_matches"][0]
		self.assertEqual((match["unit"], match["method"]), (None, "ambiguous"))
		self.assertEqual(set(match["candidates"]), {self.units.commune21, self.units.commune22})
		self.assertEqual(match["predecessor"], self.units.district2)
		self.assertIsNone(second["fields"]["presiding_unit"])

	def test_quick_entry_by_the_old_name_gives_the_task_to_the_successor(self):
		directive = make_directive("8-CT/TU", issuing_unit=self.units.province).name
		frappe.set_user(self.officer)
		(name,) = create_tasks(
			directive, frappe.as_json([{"title": "Sơ kết ở cơ sở", "presiding_unit": "Huyện ủy Thử 1"}])
		)
		self.assertEqual(frappe.db.get_value("DV Task", name, "presiding_unit"), self.merged)
