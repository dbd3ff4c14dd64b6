"""Issue 14 on a real site: reports on the tree as it was on a date, and a unit's history.

Province P → districts A, B; communes a1, a2 under A, b1 under B. On 1/7/2025 two reorganisations took
effect: a2 moved from A to B, and a1 + b1 merged into a new commune N under B. Hand count of the tasks
after both were applied (closed tasks stay where they were done, open ones went to N):

	a1: 2 done on time (2024)            a2: 3 done late (2024) + 1 open
	b1: 1 done on time (2024)            N : 3 open (1 from a1, 2 from b1)

As of 30/6/2024 the districts are A = a1 + a2 = 6 and B = b1 + N = 4 (N, opened later, sits under the
parent it opened under); today A = a1 = 2 and B = a2 + b1 + N = 8.
"""

from unittest.mock import patch

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, today

from danvan_app.api.reorganisation import preview, undo
from danvan_app.api.units import unit_history
from danvan_app.domain import access
from danvan_app.domain import reorganisation as reorg_rules
from danvan_app.domain import tasks as task_rules

from .factories import COMMUNE, DISTRICT, PARTY, PROVINCE, make_task, make_unit, make_user

DONE = task_rules.STATUS_DONE
MERGE = reorg_rules.KIND_LABELS[reorg_rules.MERGE]
MOVE = reorg_rules.KIND_LABELS[reorg_rules.MOVE]
IN_2024 = "2024-06-30"
EFFECTIVE = "2025-07-01"


def report(name: str, filters: dict) -> dict:
	"""Rows by unit, through Frappe's own report runner (the user's permissions apply)."""
	from frappe.desk.query_report import run

	result = run(name, filters=filters, ignore_prepared_report=True)
	return {row["unit"]: row for row in result["result"] if isinstance(row, dict) and row.get("unit")}


def outcomes(**filters) -> dict:
	return report("DV Task Outcomes by Unit Tree", filters)


def summary(**filters) -> dict:
	return report("DV Task Deadline Summary", filters)


def totals(rows: dict, units) -> list:
	return [rows[unit]["total"] if unit in rows else None for unit in units]


def reorganise(kind, old_units, new_units, number):
	doc = frappe.get_doc(
		{
			"doctype": "DV Reorganisation",
			"decision_number": number,
			"decision_date": "2025-06-15",
			"effective_date": EFFECTIVE,
			"kind": kind,
			"old_units": [{"unit": unit} for unit in old_units],
			"new_units": new_units,
		}
	).insert()
	preview(reorganisation_name=doc.name)
	doc.reload()
	doc.submit()
	doc.reload()
	return doc


class TestTreeOnDate(FrappeTestCase):
	counter = 0

	def setUp(self):
		frappe.set_user("Administrator")
		TestTreeOnDate.counter += 1
		n = self.n = f"{TestTreeOnDate.counter}.{frappe.generate_hash(length=4)}"
		u = self.u = frappe._dict()
		u.P = make_unit(f"Tỉnh ủy Lịch Sử {n}", level=PROVINCE).name
		u.A = make_unit(f"Huyện ủy A {n}", u.P, level=DISTRICT).name
		u.B = make_unit(f"Huyện ủy B {n}", u.P, level=DISTRICT).name
		u.a1 = make_unit(f"Đảng ủy xã a1 {n}", u.A, level=COMMUNE).name
		u.a2 = make_unit(f"Đảng ủy xã a2 {n}", u.A, level=COMMUNE).name
		u.b1 = make_unit(f"Đảng ủy xã b1 {n}", u.B, level=COMMUNE).name
		later = add_days(today(), 60)
		for _ in range(2):
			make_task(u.a1, due_date="2024-03-31", status=DONE, completed_on="2024-03-20")
		for _ in range(3):
			make_task(u.a2, due_date="2024-05-31", status=DONE, completed_on="2024-06-10")
		make_task(u.b1, due_date="2024-04-30", status=DONE, completed_on="2024-04-01")
		make_task(u.a1, due_date=later)
		make_task(u.a2, due_date=later)
		for _ in range(2):
			make_task(u.b1, due_date=later)
		make_task(u.b1, due_date=later, status=task_rules.STATUS_CANCELLED)
		self.officer_a = make_user(f"bc.a.{n}@dv.test", access.OFFICER, [u.A])
		self.officer_b = make_user(f"bc.b.{n}@dv.test", access.OFFICER, [u.B])
		self.move = reorganise(MOVE, [u.a2], [{"existing_unit": u.B}], f"54/QĐ-{n}")
		self.merge = reorganise(
			MERGE,
			[u.a1, u.b1],
			[
				{
					"new_unit_name": f"Đảng ủy xã Hợp Nhất {n}",
					"unit_kind": PARTY,
					"admin_level": COMMUNE,
					"parent_unit": u.B,
				}
			],
			f"55/QĐ-{n}",
		)
		u.N = self.merge.new_units[0].created_unit

	def tearDown(self):
		frappe.set_user("Administrator")

	def test_the_reorganisations_recorded_the_former_parent_and_left_the_hand_count(self):
		u = self.u
		self.assertEqual(frappe.db.get_value("DV Unit", u.a2, "parent_dv_unit"), u.B)
		periods = frappe.get_all(
			"DV Unit Parent Period",
			filters={"parent": u.a2},
			fields=["parent_unit", "from_date", "to_date", "reorganisation"],
		)
		self.assertEqual(len(periods), 1)
		self.assertEqual(periods[0].parent_unit, u.A)
		self.assertEqual(str(periods[0].to_date), "2025-06-30")
		self.assertEqual(periods[0].reorganisation, self.move.name)
		counted = summary(unit=u.P)
		self.assertEqual(totals(counted, [u.a1, u.a2, u.b1, u.N]), [2, 4, 1, 3])

	def test_districts_as_of_2024_are_the_old_ones_and_today_the_new_structure(self):
		u = self.u
		old = outcomes(admin_level=DISTRICT, as_of_date=IN_2024)
		self.assertEqual(totals(old, [u.A, u.B]), [6, 4])
		self.assertEqual(old[u.A]["on_time"], 2)
		self.assertEqual(old[u.A]["done_late"], 3)
		self.assertEqual(old[u.A]["within_deadline"], 1)
		now = outcomes(admin_level=DISTRICT)
		self.assertEqual(totals(now, [u.A, u.B]), [2, 8])
		# Today's date as the structure's day gives today's tree, row for row.
		on_today = outcomes(admin_level=DISTRICT, as_of_date=today())
		for unit in (u.A, u.B):
			for key in ("total", "on_time", "done_late", "within_deadline", "overdue", "not_started"):
				self.assertEqual(on_today[unit][key], now[unit][key], (unit, key))
		# 2024's figures: A had them in 2024, today most of them sit in B (a2 moved there).
		self.assertEqual(
			totals(outcomes(admin_level=DISTRICT, as_of_date=IN_2024, year=2024), [u.A, u.B]), [5, 1]
		)
		self.assertEqual(totals(outcomes(admin_level=DISTRICT, year=2024), [u.A, u.B]), [2, 4])

	def test_children_of_a_unit_are_those_it_had_on_the_day(self):
		u = self.u
		old = outcomes(parent_unit=u.P, as_of_date=IN_2024)
		self.assertEqual(totals(old, [u.P, u.A, u.B]), [0, 6, 4])
		self.assertTrue(old[u.P]["own_tasks_only"])
		old = outcomes(parent_unit=u.A, as_of_date=IN_2024)
		self.assertEqual(set(old), {u.A, u.a1, u.a2})
		self.assertEqual(totals(old, [u.A, u.a1, u.a2]), [0, 2, 4])
		# a1 closed on 30/6/2025 (shown again with closed units), a2 has left A.
		self.assertEqual(set(outcomes(parent_unit=u.A, as_of_date=today())), {u.A})
		now = outcomes(parent_unit=u.A, as_of_date=today(), include_closed=1)
		self.assertEqual(totals(now, [u.a1]), [2])
		self.assertIn("đã giải thể", now[u.a1]["unit_name"])
		# The commune level of 2024 has no N (it opened in 2025); today's has no a1, b1.
		self.assertEqual(set(outcomes(admin_level=COMMUNE, as_of_date=IN_2024)) & {u.N, u.a1}, {u.a1})
		self.assertEqual(set(outcomes(admin_level=COMMUNE)) & {u.N, u.a1, u.b1, u.a2}, {u.N, u.a2})

	def test_a_scoped_user_sees_only_their_part_in_both_structures(self):
		u = self.u
		frappe.set_user(self.officer_b)
		# Today: B's subtree is a2, b1 and N.
		self.assertEqual(totals(outcomes(), [u.B]), [8])
		self.assertEqual(set(outcomes()), {u.B})
		# In 2024 a2 was under A, which this user does not act for: a2 is a top of their part, apart.
		old = outcomes(as_of_date=IN_2024)
		self.assertEqual(set(old), {u.B, u.a2})
		self.assertEqual(totals(old, [u.B, u.a2]), [4, 4])
		self.assertEqual(set(outcomes(parent_unit=u.P, as_of_date=IN_2024)), {u.B})
		self.assertEqual(set(outcomes(admin_level=DISTRICT, as_of_date=IN_2024)), {u.B})
		frappe.set_user(self.officer_a)
		# A's officer keeps a1's history and never sees a2 or B, whichever the structure.
		for filters in ({}, {"as_of_date": IN_2024}, {"parent_unit": u.P, "as_of_date": IN_2024}):
			rows = outcomes(**filters)
			self.assertEqual(set(rows), {u.A}, filters)
			self.assertEqual(rows[u.A]["total"], 2, filters)
		self.assertEqual(set(outcomes(parent_unit=u.A, as_of_date=IN_2024)), {u.A, u.a1})

	def test_the_deadline_summary_rolls_up_to_the_districts_of_the_day(self):
		u = self.u
		self.assertEqual(
			totals(summary(roll_up_level=DISTRICT, as_of_date=IN_2024, unit=u.P), [u.A, u.B]), [6, 4]
		)
		self.assertEqual(totals(summary(roll_up_level=DISTRICT, unit=u.P), [u.A, u.B]), [2, 8])
		# The unit filter takes the subtree of the day.
		self.assertEqual(set(summary(unit=u.A, as_of_date=IN_2024)), {u.a1, u.a2})
		self.assertEqual(set(summary(unit=u.A)), {u.a1})
		frappe.set_user(self.officer_b)
		old = summary(roll_up_level=DISTRICT, as_of_date=IN_2024)
		# Never rolled up into A, which this user does not act for: a2 keeps its own row.
		self.assertEqual(set(old) & {u.A, u.B, u.a2}, {u.B, u.a2})
		self.assertEqual(totals(old, [u.B, u.a2]), [4, 4])
		self.assertEqual(totals(summary(roll_up_level=DISTRICT), [u.B]), [8])

	def test_a_structure_date_that_is_no_date_is_refused_in_vietnamese(self):
		with self.assertRaises(frappe.ValidationError) as refused:
			outcomes(as_of_date="ba mươi tháng sáu")
		self.assertIn("Ngày của cơ cấu tổ chức không hợp lệ", str(refused.exception))

	def test_the_same_queries_whatever_the_number_of_tasks_and_units(self):
		from danvan_app.dv_directives.report.dv_task_deadline_summary import (
			dv_task_deadline_summary as summary_report,
		)
		from danvan_app.dv_directives.report.dv_task_outcomes_by_unit_tree import (
			dv_task_outcomes_by_unit_tree as outcomes_report,
		)

		def queries(execute, filters) -> dict:
			calls = {"all": 0, "tasks": 0, "units": 0, "periods": 0}
			original = frappe.db.sql

			def counting(query, *args, **kwargs):
				text = str(query)
				calls["all"] += 1
				calls["tasks"] += "`tabDV Task`" in text
				calls["units"] += "`tabDV Unit`" in text
				calls["periods"] += "`tabDV Unit Parent Period`" in text
				return original(query, *args, **kwargs)

			with patch.object(frappe.db, "sql", counting):
				execute(filters)
			return calls

		cases = (
			(outcomes_report.execute, {"admin_level": DISTRICT, "as_of_date": IN_2024}),
			(summary_report.execute, {"roll_up_level": DISTRICT, "as_of_date": IN_2024, "unit": self.u.P}),
		)
		frappe.set_user(self.officer_b)
		for case in cases:
			queries(*case)  # the user's permissions and roles are read once, then cached
		before = [queries(*case) for case in cases]
		frappe.set_user("Administrator")
		for i in range(4):
			commune = make_unit(f"Xã thêm {i} {self.n}", self.u.B, level=COMMUNE).name
			for _ in range(5):
				make_task(commune, due_date="2024-02-01")
		frappe.set_user(self.officer_b)
		for case in cases:
			queries(*case)  # new units emptied the cache of the user's permissions: read again once
		after = [queries(*case) for case in cases]
		self.assertEqual(after, before)
		# One grouped count of the tasks, one read of the units, one of the parent periods.
		for calls in before:
			self.assertEqual((calls["tasks"], calls["units"], calls["periods"]), (1, 1, 1), calls)

	def test_a_parent_changed_on_the_form_is_remembered_from_yesterday_back(self):
		u = self.u
		commune = make_unit(f"Xã chuyển tay {self.n}", u.A, level=COMMUNE, valid_from="2020-01-01")
		commune.parent_dv_unit = u.B
		commune.save()
		rows = commune.parent_periods
		self.assertEqual(
			[(r.parent_unit, str(r.from_date), str(r.to_date)) for r in rows],
			[(u.A, "2020-01-01", str(add_days(today(), -1)))],
		)
		# What a request sends for the history is replaced by what was recorded.
		commune.reload()
		commune.parent_periods[0].parent_unit = u.P
		commune.append("parent_periods", {"parent_unit": u.P, "to_date": "2019-01-01"})
		commune.save()
		commune.reload()
		self.assertEqual([r.parent_unit for r in commune.parent_periods], [u.A])
		# A unit entered today and put right today has no former parent to remember.
		fresh = make_unit(f"Xã mới nhập {self.n}", u.A, level=COMMUNE)
		fresh.parent_dv_unit = u.B
		fresh.save()
		self.assertEqual(fresh.parent_periods, [])

	def test_undoing_a_move_forgets_the_period_it_recorded(self):
		u = self.u
		undo(reorganisation_name=self.merge.name)
		undo(reorganisation_name=self.move.name)
		self.assertEqual(frappe.db.get_value("DV Unit", u.a2, "parent_dv_unit"), u.A)
		self.assertFalse(frappe.db.exists("DV Unit Parent Period", {"parent": u.a2}))

	def test_a_units_history_names_its_predecessors_and_successors_with_the_decision(self):
		u = self.u
		history = unit_history(unit=u.N)
		self.assertEqual({row["unit"] for row in history["predecessors"]}, {u.a1, u.b1})
		self.assertEqual(history["successors"], [])
		row = history["predecessors"][0]
		self.assertEqual(row["decision_number"], f"55/QĐ-{self.n}")
		self.assertEqual(str(row["decision_date"]), "2025-06-15")
		self.assertEqual(str(row["effective_date"]), EFFECTIVE)
		self.assertEqual(row["kind"], MERGE)
		self.assertEqual(row["reorganisation"], self.merge.name)
		old = unit_history(unit=u.a1)
		self.assertEqual([r["unit"] for r in old["successors"]], [u.N])
		self.assertEqual(old["successors"][0]["decision_number"], f"55/QĐ-{self.n}")
		# B's officer reads N and b1 but not a1 (under A): a1 is counted, not named; the decision is
		# stated, not linked (they cannot open reorganisations).
		frappe.set_user(self.officer_b)
		history = unit_history(unit=u.N)
		self.assertEqual([r["unit"] for r in history["predecessors"]], [u.b1])
		self.assertEqual(history["hidden"], 1)
		self.assertEqual(history["predecessors"][0]["decision_number"], f"55/QĐ-{self.n}")
		self.assertIsNone(history["predecessors"][0]["reorganisation"])

	def test_a_user_without_access_to_the_unit_is_refused_in_vietnamese(self):
		frappe.set_user(self.officer_a)
		with self.assertRaises(frappe.PermissionError) as refused:
			unit_history(unit=self.u.N)
		self.assertIn("Bạn không có quyền xem lịch sử của đơn vị này", str(refused.exception))
		with self.assertRaises(frappe.PermissionError):
			unit_history(unit="DVI-không-có")
		with self.assertRaises(frappe.ValidationError):
			unit_history(unit=None)
