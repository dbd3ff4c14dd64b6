# Copyright (c) 2026, danvan_app developers
# See license.txt
"""Scaling out the Frappe way (issue 18): reports and read endpoints on the read replica when the site has
one, and long work (reminders to many units, the leaders' mail schedules) on the RQ workers."""

from unittest.mock import patch

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, today

from danvan_app import doors, email_reports, unit_reminders
from danvan_app.bench_tests.factories import (
	COMMUNE,
	ensure_outgoing_email_account,
	make_task,
	make_unit,
	make_user,
)
from danvan_app.domain import access

SUMMARY = "danvan_app.dv_directives.report.dv_task_deadline_summary.dv_task_deadline_summary"


def forget_replica() -> None:
	"""What the end of a request does: the next request connects to the replica afresh."""
	for attribute in ("replica_db", "primary_db"):
		if hasattr(frappe.local, attribute):
			delattr(frappe.local, attribute)


class TestReadReplica(FrappeTestCase):
	"""With ``read_from_replica`` and ``replica_host`` in site_config, Frappe's ``@frappe.read_only()``
	swaps the request's connection for one to the replica. The replica here is the same database reached
	through a second connection, which sees committed rows only: the class commits its data and removes it
	at the end."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		cls.province = make_unit("Tỉnh ủy Bản Sao").name
		cls.communes = [make_unit(f"Đảng ủy xã Bản Sao {i}", cls.province).name for i in range(3)]
		cls.tasks = []
		for i in range(9):
			due = add_days(today(), (-20, 15, -3)[i % 3])
			task = make_task(cls.communes[i % 3], title=f"Việc bản sao {i}")
			frappe.db.set_value("DV Task", task.name, {"deadline_kind": "Ngày cụ thể", "due_date": due})
			cls.tasks.append(task.name)
		from danvan_app.jobs import refresh_deadline_outcomes

		refresh_deadline_outcomes()
		frappe.db.commit()

	@classmethod
	def tearDownClass(cls):
		frappe.set_user("Administrator")
		for name in cls.tasks:
			frappe.delete_doc("DV Task", name, force=True, ignore_permissions=True)
		for name in [*cls.communes, cls.province]:
			frappe.delete_doc("DV Unit", name, force=True, ignore_permissions=True)
		frappe.db.commit()
		super().tearDownClass()

	def on_replica(self, call):
		"""``call()`` with the site configured for a replica; returns its answer, whether Frappe connected
		to the replica, and whether the report's own code read through that connection."""
		conf = frappe.local.conf
		saved = {key: conf.get(key) for key in ("read_from_replica", "replica_host")}
		conf.read_from_replica, conf.replica_host = 1, conf.db_host or "127.0.0.1"
		seen = {}
		report = frappe.get_module(SUMMARY)
		original_execute = report.execute

		def execute(filters=None):
			seen["report on replica"] = frappe.local.db is getattr(frappe.local, "replica_db", None)
			return original_execute(filters)

		try:
			with (
				patch.object(frappe, "connect_replica", wraps=frappe.connect_replica) as connect,
				patch.object(report, "execute", execute),
			):
				answer = call()
			return answer, connect.called, seen
		finally:
			conf.update(saved)
			forget_replica()

	def test_the_summary_report_runs_on_the_replica_with_the_same_answer(self):
		filters = {"unit": self.province}
		primary = frappe.local.db
		on_primary = doors.run_report("DV Task Deadline Summary", filters=filters)
		self.assertFalse(hasattr(frappe.local, "replica_db"))
		on_replica, connected, seen = self.on_replica(
			lambda: doors.run_report("DV Task Deadline Summary", filters=filters)
		)
		self.assertTrue(connected)
		self.assertEqual(seen, {"report on replica": True})
		self.assertEqual(on_replica["result"], on_primary["result"])
		rows = [
			row for row in on_primary["result"] if isinstance(row, dict) and row.get("unit") in self.communes
		]
		self.assertEqual(sum(row["total"] for row in rows), 9)
		self.assertEqual(sum(row["overdue"] for row in rows), 6)
		self.assertIs(frappe.local.db, primary, "back on the primary after the report")

	def test_the_list_count_and_the_overdue_chart_read_on_the_replica(self):
		from danvan_app.dv_directives.dashboard_chart_source.dv_overdue_tasks_by_unit import (
			dv_overdue_tasks_by_unit as chart,
		)

		filters = {"presiding_unit": ("in", self.communes)}
		count, connected, _ = self.on_replica(lambda: doors.get_count("DV Task", filters=filters))
		self.assertTrue(connected)
		self.assertEqual(count, 9)
		figures, connected, _ = self.on_replica(lambda: chart.get())
		self.assertTrue(connected)

		# The ten largest counts; which of several units tied at the tenth place is shown is the database's
		# choice, on either connection.
		on_primary = chart.get()
		self.assertEqual(figures["datasets"][0]["values"], on_primary["datasets"][0]["values"])
		self.assertEqual(len(figures["labels"]), len(on_primary["labels"]))

	def test_a_write_after_a_replica_read_goes_to_the_primary(self):
		primary = frappe.local.db
		self.on_replica(lambda: doors.get_count("DV Task"))
		self.assertIs(frappe.local.db, primary)
		frappe.db.set_value("DV Task", self.tasks[0], "description", "Ghi vào máy chính")
		self.assertEqual(frappe.db.get_value("DV Task", self.tasks[0], "description"), "Ghi vào máy chính")
		frappe.db.rollback()


class TestLongWorkInTheBackground(FrappeTestCase):
	MARK = "dv-test-background-reminder"

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		ensure_outgoing_email_account()
		cls.leader = make_user("nhac.nen@dv.test", access.MANAGER)
		cls.units = [make_unit(f"Đảng ủy xã Nhắc Nền {i}", level=COMMUNE).name for i in range(3)]

	def reminders(self) -> list[dict]:
		return [
			{"unit": unit, "person": self.leader, "subject": "Nhắc thử", "message": "<p>Nhắc thử</p>"}
			for unit in self.units
		]

	def sent(self) -> int:
		return frappe.db.count("ToDo", {"description": ("like", f"%{self.MARK}%")})

	def test_many_reminders_go_to_one_background_job_that_sends_each_once(self):
		with (
			patch.object(unit_reminders, "BACKGROUND_FROM", 2),
			patch.object(frappe, "enqueue") as enqueue,
		):
			self.assertTrue(unit_reminders.send_all(self.MARK, self.reminders()))
			self.assertTrue(unit_reminders.send_all(self.MARK, list(reversed(self.reminders()))))
		self.assertEqual(self.sent(), 0, "nothing is sent in the request")
		(first, second) = enqueue.call_args_list
		self.assertEqual(first.args, ("danvan_app.unit_reminders.send_in_background",))
		self.assertEqual((first.kwargs["queue"], first.kwargs["deduplicate"]), ("long", True))
		self.assertEqual(first.kwargs["job_id"], second.kwargs["job_id"], "the same units, the same job")
		self.assertEqual(unit_reminders.send_in_background(self.MARK, first.kwargs["reminders"]), 3)
		self.assertEqual(self.sent(), 3)
		# A second job for the same reminders the same day (two workers, a second click) sends none.
		self.assertEqual(unit_reminders.send_in_background(self.MARK, second.kwargs["reminders"]), 0)
		self.assertEqual(self.sent(), 3)
		# Few reminders are sent in the request, as before.
		with patch.object(frappe, "enqueue") as enqueue:
			self.assertFalse(unit_reminders.send_all(self.MARK + "-few", self.reminders()[:1]))
		enqueue.assert_not_called()

	def test_the_leaders_mail_schedules_for_many_units_are_made_by_a_background_job(self):
		for unit in self.units:
			frappe.db.set_value("DV Unit", unit, "dan_van_leader", self.leader)
		with (
			patch.object(unit_reminders, "BACKGROUND_FROM", 0),
			patch.object(frappe, "enqueue") as enqueue,
		):
			answer = email_reports.schedule_for_leaders(COMMUNE)
		self.assertTrue(answer["queued"])
		self.assertGreaterEqual(answer["units"], 3)
		self.assertEqual(answer["created"], [])
		job = enqueue.call_args
		self.assertEqual(job.args, ("danvan_app.email_reports.schedule_for_leaders",))
		self.assertEqual((job.kwargs["queue"], job.kwargs["in_background"]), ("long", True))
		with patch.object(unit_reminders, "BACKGROUND_FROM", 0):
			done = email_reports.schedule_for_leaders(job.kwargs["admin_level"], in_background=True)
		unit_names = [frappe.db.get_value("DV Unit", unit, "unit_name") for unit in self.units]
		made = [name for name in done["created"] + done["updated"] if name.endswith(tuple(unit_names))]
		self.assertEqual(len(made), 3)


class TestMailingJobsRunOnce(FrappeTestCase):
	def test_a_mailing_job_mails_once_a_period_however_many_times_it_runs(self):
		from danvan_app import jobs

		with patch.object(jobs, "_mail_by_manager", return_value=1) as mail:
			self.assertEqual(jobs.escalate_overdue(today="2031-03-04"), 1)
			self.assertEqual(jobs.escalate_overdue(today="2031-03-04"), 0)
			self.assertEqual(jobs.escalate_overdue(today="2031-03-05"), 1)
			self.assertEqual(jobs.send_overdue_digest(today="2031-03-03"), 1)
			self.assertEqual(jobs.send_overdue_digest(today="2031-03-09"), 0, "the same ISO week")
			self.assertEqual(jobs.send_overdue_digest(today="2031-03-10"), 1)
		self.assertEqual(mail.call_count, 4)

	def test_a_run_while_another_worker_runs_the_job_leaves_it_to_that_one(self):
		from frappe.database import get_db

		from danvan_app import jobs

		conf = frappe.local.conf
		other = get_db(
			host=conf.db_host or "127.0.0.1",
			user=conf.db_name,
			password=conf.db_password,
			cur_db_name=conf.db_name,
		)
		try:
			self.assertEqual(other.sql("select get_lock(%s, 0)", jobs.lock_name("dv_test_job"))[0][0], 1)
			self.assertFalse(jobs.first_run("dv_test_job", "2031-03-04"))
			other.sql("select release_lock(%s)", jobs.lock_name("dv_test_job"))
			self.assertTrue(jobs.first_run("dv_test_job", "2031-03-04"))
		finally:
			other.close()
