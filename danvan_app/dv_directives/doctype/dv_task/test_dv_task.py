# Copyright (c) 2026, danvan_app developers
# See license.txt

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, getdate, today

from danvan_app.bench_tests.factories import make_task, make_tree
from danvan_app.domain import tasks as task_rules
from danvan_app.exceptions import DeadlineError, FieldValueError, TaskUnitError


class TestDVTask(FrappeTestCase):
	def setUp(self):
		self.units = make_tree()

	def test_due_before_start_is_refused_and_nothing_saved(self):
		before = frappe.db.count("DV Task")
		with self.assertRaises(DeadlineError) as caught:
			make_task(self.units.district1, start_date="2024-05-01", due_date="2024-04-30")
		self.assertIn("trước ngày bắt đầu", str(caught.exception))
		self.assertEqual(frappe.db.count("DV Task"), before)

	def test_month_and_quarter_deadlines_become_due_dates(self):
		within_month = make_task(
			self.units.province, deadline_kind="Trong tháng", deadline_year=2023, deadline_month=7
		)
		self.assertEqual(getdate(within_month.due_date), getdate("2023-07-31"))
		quarter = make_task(
			self.units.province, deadline_kind="Trong quý", deadline_year=2026, deadline_quarter="III"
		)
		self.assertEqual(getdate(quarter.due_date), getdate("2026-09-30"))
		self.assertRaises(
			DeadlineError,
			make_task,
			self.units.province,
			deadline_kind="Trong tháng",
			deadline_year=2023,
			deadline_month=13,
		)
		self.assertRaises(DeadlineError, make_task, self.units.province, deadline_kind="Trước ngày")

	def test_a_due_date_without_a_kind_is_an_exact_date(self):
		task = make_task(self.units.province, due_date="2030-10-31")
		self.assertEqual(task.deadline_kind, "Ngày cụ thể")

	def test_outcome_is_computed_by_the_core_and_never_touches_status(self):
		overdue = make_task(
			self.units.district1, status=task_rules.STATUS_IN_PROGRESS, due_date=add_days(today(), -1)
		)
		self.assertEqual(overdue.status, task_rules.STATUS_IN_PROGRESS)
		self.assertEqual(overdue.deadline_outcome, task_rules.OUTCOME_OVERDUE)
		expected = task_rules.deadline_outcome(
			status=overdue.status, due=getdate(overdue.due_date), completed_on=None, today=getdate(today())
		)
		self.assertEqual(overdue.deadline_outcome, expected)

		overdue.status = task_rules.STATUS_DONE
		overdue.save()
		self.assertEqual(overdue.deadline_outcome, task_rules.OUTCOME_DONE_LATE)
		self.assertEqual(getdate(overdue.completed_on), getdate(today()))
		self.assertEqual(overdue.progress, 100)

		on_time = make_task(
			self.units.district2,
			status=task_rules.STATUS_DONE,
			due_date="2023-10-31",
			completed_on="2023-10-30",
		)
		self.assertEqual(on_time.deadline_outcome, task_rules.OUTCOME_ON_TIME)
		within = make_task(self.units.district2, due_date=add_days(today(), 10))
		self.assertEqual(within.deadline_outcome, task_rules.OUTCOME_WITHIN_DEADLINE)
		self.assertEqual(within.status, task_rules.STATUS_NOT_STARTED)

	def test_extension_keeps_the_original_due_date(self):
		task = make_task(self.units.district1, due_date="2030-03-31")
		task.due_date = "2030-06-30"
		task.save()
		self.assertEqual(getdate(task.original_due_date), getdate("2030-03-31"))
		self.assertEqual(getdate(task.due_date), getdate("2030-06-30"))

	def test_presiding_unit_cannot_also_coordinate(self):
		with self.assertRaises(TaskUnitError):
			make_task(self.units.district1, coordinating_units=[{"unit": self.units.district1}])
		task = make_task(
			self.units.district1,
			coordinating_units=[{"unit": self.units.district2}, {"unit": self.units.province}],
		)
		self.assertEqual(
			{row.unit for row in task.coordinating_units}, {self.units.district2, self.units.province}
		)

	def test_progress_out_of_range_is_refused(self):
		# Percent fields hold 0 to 100: the value guard refuses anything else before a rule runs.
		self.assertRaises(FieldValueError, make_task, self.units.district1, progress=120)
		task = make_task(self.units.district1)
		task.append(
			"progress_updates", {"unit": self.units.district2, "progress": 150, "update_date": today()}
		)
		self.assertRaises(FieldValueError, task.save)

	def test_progress_updates_carry_their_unit_and_reporter(self):
		task = make_task(self.units.district1, coordinating_units=[{"unit": self.units.district2}])
		task.append(
			"progress_updates",
			{
				"unit": self.units.district2,
				"progress": 40,
				"narrative": "Đã tổ chức hội nghị",
				"update_date": today(),
			},
		)
		task.progress = 20
		task.save()
		self.assertEqual(task.progress_updates[0].reported_by, frappe.session.user)
		self.assertEqual(task.status, task_rules.STATUS_IN_PROGRESS)

	def test_sub_tasks_link_to_their_parent(self):
		parent = make_task(self.units.province, due_date="2030-12-31")
		child = make_task(self.units.district1, parent_task=parent.name, due_date="2030-11-30")
		self.assertEqual(frappe.db.get_value("DV Task", child.name, "parent_task"), parent.name)
