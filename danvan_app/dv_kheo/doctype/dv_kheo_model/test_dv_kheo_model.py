# Copyright (c) 2026, danvan_app developers
# See license.txt

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import getdate, today

from danvan_app.bench_tests.factories import make_unit
from danvan_app.domain import kheo_models as model_rules
from danvan_app.exceptions import DeadlineError, ModelStatusError, ModelYearError


def make_model(unit: str, **values):
	return frappe.get_doc(
		{
			"doctype": "DV Kheo Model",
			"title": 'Mô hình "Dân vận khéo" trong xây dựng nông thôn mới',
			"registering_unit": unit,
			"year": getdate(today()).year,
			"kheo_field": "Xây dựng nông thôn mới",
			"address": "Thôn Bản Mới, xã Thử",
			"people": "Chi hội Nông dân thôn Bản Mới",
			"work": "Vận động hiến đất làm đường liên thôn",
			**values,
		}
	).insert()


class TestDVKheoModel(FrappeTestCase):
	def setUp(self):
		self.unit = make_unit("Hội Nông dân xã Thử").name

	def test_the_fields_ship_with_the_app(self):
		self.assertEqual(frappe.db.count("DV Kheo Field", {"is_standard": 1}), 9)

	def test_lifecycle_moves_one_step_at_a_time(self):
		model = make_model(self.unit)
		self.assertEqual(model.status, model_rules.REGISTERED)
		for status in (
			model_rules.APPROVED,
			model_rules.IMPLEMENTING,
			model_rules.EVALUATED,
			model_rules.RECOGNISED,
		):
			model.status = status
			model.save()
		self.assertEqual(frappe.db.get_value("DV Kheo Model", model.name, "status"), model_rules.RECOGNISED)

	def test_skipping_a_step_is_refused_and_status_unchanged(self):
		model = make_model(self.unit)
		model.status = model_rules.RECOGNISED
		with self.assertRaises(ModelStatusError) as caught:
			model.save()
		self.assertIn("Không thể chuyển mô hình", str(caught.exception))
		self.assertEqual(frappe.db.get_value("DV Kheo Model", model.name, "status"), model_rules.REGISTERED)

	def test_a_new_model_starts_registered(self):
		self.assertRaises(ModelStatusError, make_model, self.unit, status=model_rules.APPROVED)

	def test_year_out_of_range_is_refused(self):
		before = frappe.db.count("DV Kheo Model")
		self.assertRaises(ModelYearError, make_model, self.unit, year=1990)
		self.assertRaises(ModelYearError, make_model, self.unit, year=getdate(today()).year + 2)
		self.assertEqual(frappe.db.count("DV Kheo Model"), before)

	def test_individual_model_names_the_person(self):
		self.assertRaises(frappe.MandatoryError, make_model, self.unit, model_type="Cá nhân")
		self.assertTrue(make_model(self.unit, model_type="Cá nhân", person_name="Bà Lò Thị Mai").name)

	def test_replication_and_plan_dates(self):
		original = make_model(self.unit)
		copy = make_model(self.unit, replicated_from=original.name)
		copy.replicated_from = copy.name
		self.assertRaises(ModelStatusError, copy.save)
		self.assertRaises(
			DeadlineError, make_model, self.unit, plan_start="2026-06-01", plan_end="2026-05-01"
		)
