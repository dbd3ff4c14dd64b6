# Copyright (c) 2026, danvan_app developers
# See license.txt
"""The model targets: the report counts exactly what each user may see, in a number of queries that does
not grow with the models; the reminder reaches each unit below target once a day."""

from unittest.mock import patch

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import getdate, today

from danvan_app.api import kheo
from danvan_app.bench_tests.factories import (
	COMMUNE,
	PEOPLES_COMMITTEE,
	PROVINCE,
	ensure_outgoing_email_account,
	make_tree,
	make_unit,
	make_user,
)
from danvan_app.domain import access
from danvan_app.domain import kheo_models as model_rules
from danvan_app.dv_kheo.report.dv_kheo_statistics import dv_kheo_statistics
from danvan_app.dv_kheo.report.dv_kheo_targets import dv_kheo_targets
from danvan_app.exceptions import ArgumentError
from danvan_app.reports.totals import without_totals

STATE_AGENCY = "Cơ quan nhà nước, sở, ban, ngành"
YEAR = getdate(today()).year


def add_model(unit: str, status: str = model_rules.REGISTERED, **values) -> str:
	doc = frappe.get_doc(
		{
			"doctype": "DV Kheo Model",
			"title": "Mô hình thử",
			"registering_unit": unit,
			"year": YEAR,
			"kheo_field": "Kinh tế",
			**values,
		}
	).insert()
	if status != model_rules.REGISTERED:
		# The states are the Workflow's business (tested in test_dv_kheo_model); here only the counts.
		frappe.db.set_value("DV Kheo Model", doc.name, "status", status)
	return doc.name


def report(user: str, **filters) -> list[dict]:
	frappe.set_user(user)
	try:
		return without_totals(dv_kheo_targets.execute({"year": YEAR, **filters})[1])
	finally:
		frappe.set_user("Administrator")


class TestKheoTargets(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		ensure_outgoing_email_account()
		u = cls.units = make_tree()
		cls.leaders = [make_user(f"leader{i}.target@dv.test", access.VIEWER) for i in range(3)]
		cls.agency = make_unit(
			"Sở Nông nghiệp Thử", u.province, kind=STATE_AGENCY, level=PROVINCE, dan_van_leader=cls.leaders[0]
		).name
		cls.committee11 = make_unit(
			"Ủy ban nhân dân xã Thử 1.1",
			u.commune11,
			kind=PEOPLES_COMMITTEE,
			level=COMMUNE,
			dan_van_leader=cls.leaders[1],
		).name
		cls.committee21 = make_unit(
			"Ủy ban nhân dân xã Thử 2.1",
			u.commune21,
			kind=PEOPLES_COMMITTEE,
			level=COMMUNE,
			dan_van_leader=cls.leaders[2],
		).name
		cls.committee22 = make_unit(
			"Ủy ban nhân dân xã Thử 2.2", u.commune22, kind=PEOPLES_COMMITTEE, level=COMMUNE
		).name
		# Communes' committees owe two models this year (beats the shipped "at least one").
		frappe.get_doc(
			{
				"doctype": "DV Kheo Target",
				"unit_kind": PEOPLES_COMMITTEE,
				"admin_level": COMMUNE,
				"year": YEAR,
				"min_registered": 2,
				"min_recognised": 0,
			}
		).insert()
		add_model(cls.agency, model_rules.RECOGNISED)
		cls.origin = add_model(cls.committee11, model_rules.APPROVED)
		add_model(cls.committee11, replicated_from=cls.origin)
		add_model(cls.committee11, model_rules.REJECTED)
		add_model(cls.committee21, model_rules.RETURNED)
		add_model(u.commune12)  # a Party committee: no target, but a model
		cls.province_manager = make_user("province.target@dv.test", access.MANAGER, [u.province])
		cls.district_manager = make_user("district.target@dv.test", access.MANAGER, [u.district1])
		cls.officer = make_user("officer.target@dv.test", access.OFFICER, [u.province])

	def tearDown(self):
		frappe.set_user("Administrator")

	def by_unit(self, rows):
		return {row.unit: row for row in rows}

	def test_counts_and_order_for_the_whole_province(self):
		rows = report(self.province_manager)
		units = self.by_unit(rows)
		self.assertEqual(
			set(units),
			{self.agency, self.committee11, self.committee21, self.committee22, self.units.commune12},
		)
		agency = units[self.agency]
		self.assertEqual(
			(
				agency.registered,
				agency.approved,
				agency.recognised,
				agency.min_registered,
				agency.below_target,
			),
			(1, 1, 1, 1, 0),
		)
		c11 = units[self.committee11]
		# The rejected model is not counted; the replication is.
		self.assertEqual(
			(c11.registered, c11.approved, c11.replicated, c11.min_registered, c11.registered_short),
			(2, 1, 1, 2, 0),
		)
		c21 = units[self.committee21]
		self.assertEqual((c21.registered, c21.registered_short, c21.below_target), (0, 2, 1))
		self.assertEqual(units[self.units.commune12].min_registered, 0)
		# Below target first, the largest shortfall first.
		below = [row.unit for row in rows if row.below_target]
		self.assertEqual(set(below), {self.committee21, self.committee22})
		self.assertEqual(rows[: len(below)], [row for row in rows if row.below_target])
		only_below = report(self.province_manager, below_target_only=1)
		self.assertEqual({row.unit for row in only_below}, set(below))

	def test_a_district_sees_only_its_units(self):
		rows = report(self.district_manager)
		self.assertEqual({row.unit for row in rows}, {self.committee11, self.units.commune12})
		self.assertEqual(self.by_unit(rows)[self.committee11].registered, 2)
		# A unit filter outside the scope shows nothing of it.
		self.assertEqual(report(self.district_manager, unit=self.units.district2), [])

	def test_query_count_does_not_grow_with_the_models(self):
		def queries():
			with patch.object(frappe.db, "sql", wraps=frappe.db.sql) as sql:
				report(self.province_manager)
			return sql.call_count

		report(self.province_manager)  # caches warm
		before = queries()
		for _ in range(30):
			add_model(self.committee22)
		self.assertEqual(queries(), before)
		self.assertEqual(self.by_unit(report(self.province_manager))[self.committee22].registered, 30)
		frappe.db.delete("DV Kheo Model", {"registering_unit": self.committee22})

	def test_reminder_once_a_day_to_each_leader_below_target(self):
		def todos():
			return frappe.db.count(
				"ToDo", {"reference_type": "DV Unit", "description": ("like", "%dv-kheo%")}
			)

		def mails():
			return frappe.db.count("Email Queue", {"reference_doctype": "DV Unit"})

		frappe.set_user(self.province_manager)
		first = kheo.remind_units_below_target(year=YEAR)
		self.assertEqual(first["reminded"], [self.committee21])
		self.assertEqual(first["without_leader"], [self.committee22])
		self.assertEqual(todos(), 1)
		self.assertEqual(
			frappe.db.get_value("ToDo", {"reference_name": self.committee21}, "allocated_to"), self.leaders[2]
		)
		sent = mails()
		self.assertEqual(sent, 1)
		second = kheo.remind_units_below_target(year=str(YEAR))
		self.assertEqual(second["reminded"], [])
		self.assertEqual(second["already_reminded"], [self.committee21])
		self.assertEqual((todos(), mails()), (1, sent))

	def test_reminder_needs_a_manager_and_a_valid_year(self):
		frappe.set_user(self.officer)
		self.assertRaises(frappe.PermissionError, kheo.remind_units_below_target, year=YEAR)
		frappe.set_user(self.province_manager)
		self.assertRaises(ArgumentError, kheo.remind_units_below_target, year="năm nay")
		self.assertRaises(ArgumentError, kheo.remind_units_below_target, year=YEAR, unit={"a": 1})

	def test_the_report_door_refuses_bad_arguments_in_vietnamese(self):
		from danvan_app import doors

		self.assertEqual(
			frappe.get_hooks("override_whitelisted_methods")["frappe.desk.query_report.run"],
			["danvan_app.doors.run_report"],
		)
		frappe.set_user(self.province_manager)
		for report_name, filters in (
			(None, '{"year": 2026}'),
			("DV Kheo Targets", '{"year": '),
			("DV Kheo Targets", "[1, 2]"),
			({"name": "x"}, None),
		):
			self.assertRaises(ArgumentError, doors.run_report, report_name=report_name, filters=filters)
		result = doors.run_report(report_name="DV Kheo Targets", filters=frappe.as_json({"year": YEAR}))
		self.assertEqual(len(result["result"]), len(report(self.province_manager)) + 1)  # and the totals row

	def test_workspace_cards_count_what_the_user_sees(self):
		frappe.set_user(self.district_manager)
		self.assertEqual(kheo.units_below_target()["value"], 0)
		# Committee 1.1's two counted (not the rejected one) and commune 1.2's.
		self.assertEqual(kheo.models_registered_this_year()["value"], 3)
		frappe.set_user(self.province_manager)
		self.assertEqual(kheo.units_below_target()["value"], 2)
		self.assertEqual(kheo.models_recognised_this_year()["value"], 1)

	def test_statistics_add_up(self):
		frappe.get_doc(
			{
				"doctype": "DV Commendation",
				"kheo_model": self.origin,
				"recipient_name": "Ủy ban nhân dân xã Thử 1.1",
				"commendation_form": "Bằng khen",
				"decision_number": "15/QĐ-UBND",
				"decision_date": today(),
			}
		).insert()
		frappe.set_user(self.province_manager)
		_columns, rows = dv_kheo_statistics.execute({"year": YEAR})
		total = rows[0]
		# Six models, the rejected and the returned one not counted.
		self.assertEqual((total["registered"], total["recognised"], total["commended"]), (4, 1, 1))
		by_field = rows[2 : 2 + 1]
		self.assertEqual(by_field[0]["group"], "Kinh tế")
		self.assertEqual(rows[-1]["commended"], 1)
		frappe.set_user(self.district_manager)
		_columns, rows = dv_kheo_statistics.execute({"year": YEAR})
		self.assertEqual(rows[0]["registered"], 3)
