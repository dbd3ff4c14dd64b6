# Copyright (c) 2026, danvan_app developers
# See license.txt
"""Issue 18: work that runs at the same time as other work on the same records."""

import threading
from unittest import mock

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, today

from danvan_app import recurring_instances
from danvan_app.api.tasks import cascade_task, report_progress, retried_on_deadlock
from danvan_app.bench_tests.factories import PROVINCE, make_task, make_tree, make_unit, make_user
from danvan_app.domain import access
from danvan_app.domain import tasks as task_rules


def run_in_own_connection(site: str, sites_path: str, work, errors: list) -> None:
	"""``work`` in a thread of its own, with its own site context and database connection (as a second
	scheduler worker would), committed at the end."""
	try:
		frappe.init(site=site, sites_path=sites_path)
		frappe.connect()
		frappe.set_user("Administrator")
		work()
		frappe.db.commit()
	except Exception as error:
		errors.append(error)
	finally:
		frappe.destroy()


class TestDailyJobTwiceAtOnce(FrappeTestCase):
	"""Two workers run the daily job at the same moment. Their transactions must see each other's work,
	so this test commits its records and deletes them afterwards."""

	def setUp(self):
		frappe.set_user("Administrator")
		self.lead_days = frappe.db.get_single_value("DV Settings", "instance_lead_days")
		frappe.db.set_single_value("DV Settings", "instance_lead_days", 0)
		self.unit = make_unit("Tỉnh ủy Chạy Đồng Thời", level=PROVINCE).name
		self.duty = make_task(
			self.unit,
			title="Báo cáo quý chạy đồng thời",
			deadline_kind="Định kỳ",
			recurrence="Hằng quý",
			recurrence_offset_days=15,
			start_date="2026-01-01",
		).name
		# The people the instances are assigned to, as the unit's record would give them.
		frappe.db.set_value("DV Task", self.duty, "presiding_leader", "Administrator")
		frappe.db.commit()

	def tearDown(self):
		frappe.db.rollback()
		tasks = [self.duty, *frappe.get_all("DV Task", {"recurring_source": self.duty}, pluck="name")]
		for doctype, field in (
			("ToDo", "reference_name"),
			("Version", "docname"),
			("Comment", "reference_name"),
		):
			frappe.db.delete(doctype, {field: ("in", [*tasks, self.unit])})
		frappe.db.delete("DV Task", {"name": ("in", tasks)})
		frappe.delete_doc("DV Unit", self.unit, force=True)
		frappe.db.set_single_value("DV Settings", "instance_lead_days", self.lead_days)
		frappe.db.commit()

	def test_two_runs_at_once_make_each_instance_and_each_assignment_once(self):
		both_computed = threading.Barrier(2, timeout=30)
		insert = recurring_instances.insert_instances

		def insert_after_both_computed(*args, **kwargs):
			# Both runs have read the existing instances (none) before either writes: the worst case.
			both_computed.wait()
			return insert(*args, **kwargs)

		errors: list = []
		with mock.patch.object(recurring_instances, "insert_instances", insert_after_both_computed):
			threads = [
				threading.Thread(
					target=run_in_own_connection,
					args=(
						frappe.local.site,
						frappe.local.sites_path,
						lambda: recurring_instances.generate_recurring_instances(today="2026-08-01"),
						errors,
					),
				)
				for _ in range(2)
			]
			for thread in threads:
				thread.start()
			for thread in threads:
				thread.join(timeout=120)
		self.assertEqual(errors, [])
		frappe.db.rollback()  # a fresh snapshot, to see what the two workers committed
		instances = frappe.get_all("DV Task", {"recurring_source": self.duty}, pluck="name")
		self.assertEqual(len(instances), 3)
		todos = frappe.get_all(
			"ToDo",
			filters={"reference_type": "DV Task", "reference_name": ("in", instances), "status": "Open"},
			fields=["reference_name", "allocated_to"],
		)
		self.assertEqual(
			sorted((t.reference_name, t.allocated_to) for t in todos),
			[(i, "Administrator") for i in sorted(instances)],
		)


class TestReportWhileALeaderEdits(FrappeTestCase):
	"""A progress report appends its row and its derived figures without rewriting the task, so the form a
	leader opened before it is still the latest and saves, keeping the report."""

	def setUp(self):
		frappe.set_user("Administrator")
		self.units = make_tree()
		self.commune_officer = make_user(
			"canbo.xa11.dongthoi@dv.test", access.OFFICER, [self.units.commune11]
		)

	def tearDown(self):
		frappe.set_user("Administrator")

	def test_a_leaders_form_opened_before_the_reports_saves_and_keeps_them(self):
		task = make_task(
			self.units.district1,
			coordinating_units=[{"unit": self.units.commune11}],
			due_date=add_days(today(), 30),
		)
		modified = frappe.db.get_value("DV Task", task.name, "modified")
		leader_form = frappe.get_doc("DV Task", task.name)

		frappe.set_user(self.commune_officer)
		report_progress(task.name, self.units.commune11, 40, "Đã tuyên truyền tại 5 thôn")
		frappe.set_user("Administrator")
		self.assertEqual(
			report_progress(task.name, self.units.district1, 25, "Huyện đã triển khai")["rows"], 2
		)
		self.assertEqual(frappe.db.get_value("DV Task", task.name, "modified"), modified)
		self.assertEqual(
			frappe.db.get_value("DV Task", task.name, ["progress", "status"]),
			(25, task_rules.STATUS_IN_PROGRESS),
		)

		leader_form.description = "Lãnh đạo bổ sung yêu cầu"
		leader_form.save()  # not refused as stale (TimestampMismatchError)

		saved = frappe.get_doc("DV Task", task.name)
		self.assertEqual(saved.description, "Lãnh đạo bổ sung yêu cầu")
		self.assertEqual(
			[(row.idx, row.unit, row.progress, row.reported_by) for row in saved.progress_updates],
			[
				(1, self.units.commune11, 40, self.commune_officer),
				(2, self.units.district1, 25, "Administrator"),
			],
		)
		self.assertEqual((saved.progress, saved.status), (25, task_rules.STATUS_IN_PROGRESS))
		# Who reported what, and when, stays on the task's timeline.
		reports = frappe.get_all(
			"Version",
			filters={"ref_doctype": "DV Task", "docname": task.name, "owner": self.commune_officer},
			pluck="data",
		)
		self.assertEqual(len(reports), 1)
		self.assertEqual(frappe.parse_json(reports[0])["added"][0][1]["progress"], 40)

	def test_an_older_report_left_out_of_a_form_is_still_refused(self):
		task = make_task(self.units.district1, due_date=add_days(today(), 30))
		report_progress(task.name, self.units.district1, 10)
		task.reload()
		task.description = "Một thay đổi để lần lưu mới hơn báo cáo"
		task.save()
		task.progress_updates = []
		self.assertRaises(frappe.ValidationError, task.save)

	def test_a_sub_tasks_report_rolls_up_without_making_the_parents_form_stale(self):
		parent = make_task(
			self.units.province, due_date=add_days(today(), 60), rollup_method=task_rules.ROLLUP_AVERAGE
		)
		first, _second = cascade_task(parent.name, [self.units.district1, self.units.district2])
		parent_form = frappe.get_doc("DV Task", parent.name)
		report_progress(first, self.units.district1, 60)
		self.assertEqual(frappe.db.get_value("DV Task", parent.name, "progress"), 30)
		parent_form.description = "Lãnh đạo tỉnh sửa mô tả"
		parent_form.save()
		self.assertEqual(frappe.db.get_value("DV Task", parent.name, "progress"), 30)
		self.assertEqual(frappe.db.get_value("DV Task", parent.name, "status"), task_rules.STATUS_IN_PROGRESS)


class TestDeadlockRetry(FrappeTestCase):
	def test_a_fresh_transaction_is_retried_and_one_that_wrote_is_not(self):
		attempts = []

		def write():
			attempts.append(1)
			if len(attempts) < 3:
				raise frappe.QueryDeadlockError("Deadlock found when trying to get lock")
			return "ok"

		with (
			mock.patch.object(frappe.db, "transaction_writes", 0),
			mock.patch.object(frappe.db, "rollback") as rollback,
		):
			self.assertEqual(retried_on_deadlock(write), "ok")
		self.assertEqual((len(attempts), rollback.call_count), (3, 2))

		attempts.clear()
		with (
			mock.patch.object(frappe.db, "transaction_writes", 1),
			mock.patch.object(frappe.db, "rollback") as rollback,
		):
			self.assertRaises(frappe.QueryDeadlockError, retried_on_deadlock, write)
		self.assertEqual((len(attempts), rollback.call_count), (1, 0))

		# Never more than three tries.
		always = mock.Mock(side_effect=frappe.QueryDeadlockError("deadlock"))
		with (
			mock.patch.object(frappe.db, "transaction_writes", 0),
			mock.patch.object(frappe.db, "rollback"),
		):
			self.assertRaises(frappe.QueryDeadlockError, retried_on_deadlock, always)
		self.assertEqual(always.call_count, 3)
