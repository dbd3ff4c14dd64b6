# Copyright (c) 2026, danvan_app developers
# See license.txt

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, today
from frappe.utils.nestedset import get_descendants_of

from danvan_app.bench_tests.factories import COMMUNE, make_task, make_tree, make_unit
from danvan_app.exceptions import UnitTreeError, UnitValidityError


class TestDVUnit(FrappeTestCase):
	def setUp(self):
		self.units = make_tree()

	def test_tree_nests_communes_under_districts_under_the_province(self):
		descendants = get_descendants_of("DV Unit", self.units.province)
		self.assertEqual(len(descendants), 6)
		self.assertIn(self.units.commune21, get_descendants_of("DV Unit", self.units.district2))
		self.assertNotIn(self.units.commune21, get_descendants_of("DV Unit", self.units.district1))

	def test_parent_becomes_a_group_when_a_child_is_added(self):
		self.assertEqual(frappe.db.get_value("DV Unit", self.units.district1, "is_group"), 1)
		self.assertEqual(frappe.db.get_value("DV Unit", self.units.commune11, "is_group"), 0)

	def test_a_unit_cannot_become_its_own_ancestor_and_nothing_moves(self):
		province = frappe.get_doc("DV Unit", self.units.province)
		province.parent_dv_unit = self.units.commune11
		with self.assertRaises(UnitTreeError) as caught:
			province.save()
		self.assertIn("không thể là cấp trên của chính nó", str(caught.exception))
		self.assertFalse(frappe.db.get_value("DV Unit", self.units.province, "parent_dv_unit"))
		self.assertEqual(len(get_descendants_of("DV Unit", self.units.province)), 6)

	def test_moving_a_commune_to_another_district_moves_it_in_the_tree(self):
		commune = frappe.get_doc("DV Unit", self.units.commune11)
		commune.parent_dv_unit = self.units.district2
		commune.save()
		self.assertIn(self.units.commune11, get_descendants_of("DV Unit", self.units.district2))
		self.assertNotIn(self.units.commune11, get_descendants_of("DV Unit", self.units.district1))

	def test_a_new_top_unit_placed_inside_another_units_bounds_is_refused(self):
		"""What two units added at the same moment did on a served site: Frappe read the last top-level bound
		from a stale snapshot and put a new top-level unit inside a district's bounds, so the district's
		officials reached it. Here the same placement is made by hand right after Frappe's own."""
		from unittest.mock import patch

		from frappe.utils import nestedset

		district = frappe.db.get_value("DV Unit", self.units.district1, ["lft", "rgt"], as_dict=True)
		place = nestedset.update_nsm

		def placed_inside_the_district(doc):
			place(doc)
			frappe.db.sql(
				"update `tabDV Unit` set lft = %s, rgt = %s where name = %s",
				(district.rgt - 1, district.rgt - 1, doc.name),
			)

		with patch.object(nestedset, "update_nsm", placed_inside_the_district):
			with self.assertRaises(UnitTreeError) as caught:
				make_unit("Ban Dân vận Tỉnh ủy Mới")
		self.assertIn("thay đổi cùng lúc", str(caught.exception))
		# Placed where Frappe puts it, the same unit is saved.
		self.assertTrue(make_unit("Ban Dân vận Tỉnh ủy Khác").name)

	def test_validity_ending_before_it_starts_is_refused_and_nothing_saved(self):
		before = frappe.db.count("DV Unit")
		with self.assertRaises(UnitValidityError):
			make_unit("Xã Sai Ngày", self.units.district1, valid_from="2025-07-01", valid_to="2025-06-30")
		self.assertEqual(frappe.db.count("DV Unit"), before)

	def test_closing_a_district_keeps_its_history_and_names_successors(self):
		task = make_task(self.units.district1, title="Nhiệm vụ của huyện cũ")
		merged = make_unit("Đảng ủy xã Hợp Nhất", self.units.province, level=COMMUNE).name
		district = frappe.get_doc("DV Unit", self.units.district1)
		district.valid_to = add_days(today(), -1)
		district.append("successors", {"successor_unit": merged, "handover_note": "Tiếp nhận toàn bộ"})
		district.save()
		district.reload()
		self.assertEqual(district.enabled, 0)
		self.assertEqual([row.successor_unit for row in district.successors], [merged])
		self.assertEqual(frappe.db.get_value("DV Task", task.name, "presiding_unit"), self.units.district1)

	def test_a_unit_cannot_succeed_itself(self):
		district = frappe.get_doc("DV Unit", self.units.district2)
		district.append("successors", {"successor_unit": district.name})
		self.assertRaises(UnitValidityError, district.save)

	def test_aliases_are_cleaned(self):
		unit = make_unit(
			"Ban Dân vận Tỉnh ủy Thử",
			self.units.province,
			aliases=[{"alias": " BDV  Tỉnh ủy "}, {"alias": "bdv tỉnh ủy"}, {"alias": "Ban Dân vận"}],
		)
		self.assertEqual([row.alias for row in unit.aliases], ["BDV Tỉnh ủy", "Ban Dân vận"])

	def test_a_unit_with_children_cannot_be_deleted(self):
		self.assertRaises(frappe.ValidationError, frappe.delete_doc, "DV Unit", self.units.district1)
		self.assertTrue(frappe.db.exists("DV Unit", self.units.district1))

	def test_unit_names_with_apostrophes_and_diacritics_are_kept(self):
		unit = make_unit("Hội Liên hiệp Phụ nữ xã Đắk R'Lấp", self.units.district1)
		self.assertEqual(
			frappe.db.get_value("DV Unit", unit.name, "unit_name"), "Hội Liên hiệp Phụ nữ xã Đắk R'Lấp"
		)
