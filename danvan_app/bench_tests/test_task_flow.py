# Copyright (c) 2026, danvan_app developers
# See license.txt
"""Issue 4 on a real site: cascading, roll-up, extensions, explanations, assignments, the daily jobs and
the reminders they queue."""

import random

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, getdate, today

from danvan_app import jobs
from danvan_app.api.tasks import cascade_task
from danvan_app.bench_tests.factories import ensure_outgoing_email_account, make_task, make_tree, make_user
from danvan_app.domain import access
from danvan_app.domain import tasks as task_rules
from danvan_app.exceptions import DeadlineError
from danvan_app.holidays import holidays_available


def open_todos(task: str) -> set[str]:
	return set(
		frappe.get_all(
			"ToDo",
			filters={"reference_type": "DV Task", "reference_name": task, "status": "Open"},
			pluck="allocated_to",
		)
	)


class TestTaskFlow(FrappeTestCase):
	def setUp(self):
		frappe.set_user("Administrator")
		self.units = make_tree()
		self.province_leader = make_user("lanhdao.tinh@dv.test", access.MANAGER, [self.units.province])
		self.district_leader = make_user("lanhdao.huyen1@dv.test", access.MANAGER, [self.units.district1])
		self.district_officer = make_user("canbo.huyen1@dv.test", access.OFFICER, [self.units.district1])
		frappe.db.set_value("DV Unit", self.units.province, "dan_van_leader", self.province_leader)
		frappe.db.set_value(
			"DV Unit",
			self.units.district1,
			{"dan_van_leader": self.district_leader, "unit_officer": self.district_officer},
		)

	def tearDown(self):
		frappe.set_user("Administrator")

	def test_presiding_units_leader_and_officer_are_assigned_and_released_when_done(self):
		task = make_task(self.units.district1, due_date=add_days(today(), 30))
		self.assertEqual(open_todos(task.name), {self.district_leader, self.district_officer})
		task.status = task_rules.STATUS_DONE
		task.save()
		self.assertEqual(open_todos(task.name), set())

	def test_cascade_creates_sub_tasks_within_the_parents_deadline_and_rolls_progress_up(self):
		parent = make_task(
			self.units.province, due_date=add_days(today(), 60), rollup_method=task_rules.ROLLUP_WEIGHTED
		)
		children = cascade_task(parent.name, [self.units.district1, self.units.district2])
		self.assertEqual(len(children), 2)
		first, second = (frappe.get_doc("DV Task", name) for name in children)
		self.assertEqual(first.assigning_unit, self.units.province)
		self.assertEqual(getdate(first.due_date), getdate(parent.due_date))
		first.weight, first.progress = 3, 100
		first.save()
		second.progress = 20
		second.save()
		self.assertEqual(frappe.db.get_value("DV Task", parent.name, "progress"), 80)  # (3×100 + 1×20) / 4

		before = frappe.db.count("DV Task")
		with self.assertRaises(DeadlineError):
			cascade_task(
				parent.name, [self.units.commune11, self.units.commune12], due_date=add_days(today(), 61)
			)
		self.assertEqual(frappe.db.count("DV Task"), before)  # all or nothing

	def test_a_district_cannot_cascade_to_a_sibling_districts_units(self):
		parent = make_task(self.units.district1, due_date=add_days(today(), 30))
		frappe.set_user(self.district_leader)
		self.assertEqual(len(cascade_task(parent.name, [self.units.commune11])), 1)
		before = frappe.db.count("DV Task")
		self.assertRaises(
			frappe.PermissionError, cascade_task, parent.name, [self.units.commune12, self.units.commune21]
		)
		frappe.set_user("Administrator")
		self.assertEqual(frappe.db.count("DV Task"), before)

	def test_extension_is_decided_by_the_assigning_unit_and_keeps_the_original_date(self):
		parent = make_task(self.units.province, due_date=add_days(today(), 90))
		child = frappe.get_doc(
			"DV Task", cascade_task(parent.name, [self.units.district1], add_days(today(), 10))[0]
		)
		original = getdate(child.due_date)

		frappe.set_user(self.district_leader)
		child.reload()
		child.append(
			"extensions", {"requested_due_date": add_days(today(), 40), "reason": "Chờ kết quả khảo sát"}
		)
		child.save()
		child.reload()
		child.extensions[0].decision = task_rules.EXTENSION_APPROVED
		self.assertRaises(frappe.PermissionError, child.save)  # cannot approve its own request

		frappe.set_user(self.province_leader)
		child = frappe.get_doc("DV Task", child.name)
		child.extensions[0].decision = task_rules.EXTENSION_APPROVED
		child.save()
		self.assertEqual(getdate(child.due_date), getdate(add_days(today(), 40)))
		self.assertEqual(getdate(child.original_due_date), original)
		self.assertEqual(child.extensions[0].decided_by, self.province_leader)

		child = frappe.get_doc("DV Task", child.name)
		child.extensions[0].decision = task_rules.EXTENSION_REFUSED
		self.assertRaises(frappe.ValidationError, child.save)  # a decision is final

	def test_extension_must_move_the_deadline_later(self):
		task = make_task(self.units.district1, due_date=add_days(today(), 10))
		task.append("extensions", {"requested_due_date": add_days(today(), 5), "reason": "Sai"})
		self.assertRaises(DeadlineError, task.save)

	def test_explanation_is_asked_by_the_assigning_unit_and_answered_by_the_presiding_unit(self):
		parent = make_task(self.units.province, due_date=add_days(today(), 90))
		child_name = cascade_task(parent.name, [self.units.district1], add_days(today(), 10))[0]

		frappe.set_user(self.district_leader)
		child = frappe.get_doc("DV Task", child_name)
		child.append("explanations", {"request": "Tự giải trình"})
		self.assertRaises(frappe.PermissionError, child.save)

		frappe.set_user(self.province_leader)
		child = frappe.get_doc("DV Task", child_name)
		child.append("explanations", {"request": "Đề nghị giải trình lý do chậm triển khai"})
		child.save()

		frappe.set_user(self.district_leader)
		child = frappe.get_doc("DV Task", child_name)
		child.explanations[0].reply = "Do sáp nhập đơn vị hành chính, đã bố trí cán bộ thay thế"
		child.save()
		row = frappe.get_doc("DV Task", child_name).explanations[0]
		self.assertEqual((row.requested_by, row.replied_by), (self.province_leader, self.district_leader))

	def test_working_day_mode_moves_a_deadline_out_of_tet(self):
		if not holidays_available():
			self.skipTest("Holiday List comes with ERPNext, which this site does not have")
		tet = [add_days("2027-02-05", i) for i in range(10)]  # 05/02 – 14/02/2027, with the weekend
		holiday_list = frappe.get_doc(
			{
				"doctype": "Holiday List",
				"holiday_list_name": "Nghỉ Tết Đinh Mùi 2027",
				"from_date": "2027-01-01",
				"to_date": "2027-12-31",
				"holidays": [{"holiday_date": day, "description": "Tết Nguyên đán"} for day in tet],
			}
		).insert()
		frappe.db.set_value("DV Unit", self.units.district1, "holiday_list", holiday_list.name)
		frappe.db.set_single_value("DV Settings", "working_days_only", 0)
		self.assertEqual(
			getdate(make_task(self.units.district1, due_date="2027-02-08").due_date), getdate("2027-02-08")
		)
		frappe.db.set_single_value("DV Settings", "working_days_only", 1)
		self.assertEqual(
			getdate(make_task(self.units.district1, due_date="2027-02-08").due_date), getdate("2027-02-15")
		)
		self.assertEqual(
			getdate(make_task(self.units.district2, due_date="2027-02-08").due_date), getdate("2027-02-08")
		)


class TestDailyJobs(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.lead_days = frappe.db.get_single_value("DV Settings", "instance_lead_days")

	@classmethod
	def tearDownClass(cls):
		super().tearDownClass()
		# The daily job commits, so the class's rollback may leave the lead days at the tests' 0: the value
		# from before the class comes back for the tests that follow on the same site.
		frappe.db.set_single_value("DV Settings", "instance_lead_days", cls.lead_days)
		frappe.db.commit()

	def setUp(self):
		frappe.set_user("Administrator")
		self.units = make_tree()
		frappe.db.set_single_value("DV Settings", "instance_lead_days", 0)
		ensure_outgoing_email_account()

	def duty(self, **values):
		return make_task(
			self.units.district1,
			title="Báo cáo công tác dân vận",
			deadline_kind="Định kỳ",
			recurrence="Hằng quý",
			recurrence_offset_days=15,
			start_date="2026-01-01",
			coordinating_units=[{"unit": self.units.district2}],
			**values,
		)

	def instances(self, duty: str) -> list[frappe._dict]:
		return frappe.get_all(
			"DV Task",
			filters={"recurring_source": duty},
			fields=["name", "period_label", "due_date", "status", "deadline_outcome", "days_late"],
			order_by="period_key asc",
		)

	def test_generation_twice_never_duplicates_and_catches_up_missed_periods(self):
		duty = self.duty()
		jobs.generate_recurring_instances(today="2026-02-10")
		self.assertEqual([i.period_label for i in self.instances(duty.name)], ["Quý I/2026"])
		jobs.generate_recurring_instances(today="2026-02-10")
		self.assertEqual(len(self.instances(duty.name)), 1)

		# The job did not run for months: every missed quarter appears, once.
		self.assertEqual(jobs.generate_recurring_instances(today="2026-08-01"), 2)
		made = self.instances(duty.name)
		self.assertEqual([i.period_label for i in made], ["Quý I/2026", "Quý II/2026", "Quý III/2026"])
		self.assertEqual(getdate(made[2].due_date), getdate("2026-10-15"))
		# A period caught up late is born overdue, with its days late, by the controller's own rule.
		self.assertEqual(made[1].deadline_outcome, task_rules.OUTCOME_OVERDUE)
		self.assertEqual(made[1].days_late, (getdate("2026-08-01") - getdate(made[1].due_date)).days)
		copy = frappe.get_doc("DV Task", made[2].name)
		self.assertEqual([row.unit for row in copy.coordinating_units], [self.units.district2])
		self.assertEqual(copy.presiding_unit, self.units.district1)

	def test_closed_instances_never_reopen(self):
		duty = self.duty()
		jobs.generate_recurring_instances(today="2026-05-01")
		first = frappe.get_doc("DV Task", self.instances(duty.name)[0].name)
		first.status = task_rules.STATUS_DONE
		first.save()
		jobs.generate_recurring_instances(today="2026-12-01")
		self.assertEqual(frappe.db.get_value("DV Task", first.name, "status"), task_rules.STATUS_DONE)
		self.assertEqual(len(self.instances(duty.name)), 4)

	def test_outcome_refresh_matches_the_core_and_never_touches_status(self):
		rng = random.Random(7)
		names = []
		for i in range(40):
			status = rng.choice(task_rules.STATUSES)
			due = add_days("2026-06-01", rng.randint(-60, 60)) if rng.random() > 0.1 else None
			task = make_task(self.units.district1, title=f"Ngẫu nhiên {i}", status=status, due_date=due)
			if status == task_rules.STATUS_DONE:
				frappe.db.set_value(
					"DV Task", task.name, "completed_on", add_days("2026-06-01", rng.randint(-60, 60))
				)
			names.append(task.name)
		day = getdate("2026-06-01")
		statuses_before = {n: frappe.db.get_value("DV Task", n, "status") for n in names}
		jobs.refresh_deadline_outcomes(today=day)
		for name in names:
			row = frappe.db.get_value(
				"DV Task",
				name,
				["status", "due_date", "completed_on", "deadline_outcome", "days_late"],
				as_dict=True,
			)
			expected = task_rules.deadline_standing(
				status=row.status,
				due=getdate(row.due_date) if row.due_date else None,
				completed_on=getdate(row.completed_on) if row.completed_on else None,
				today=day,
			)
			self.assertEqual({k: row[k] for k in expected}, expected, name)
			self.assertEqual(row.status, statuses_before[name])

	def test_reminders_are_queued_for_the_assignees(self):
		from frappe.email.doctype.notification.notification import trigger_daily_alerts

		leader = make_user("nhacviec.huyen1@dv.test", access.MANAGER)
		frappe.db.set_value("DV Unit", self.units.district1, "dan_van_leader", leader)
		soon = make_task(self.units.district1, title="Sắp đến hạn", due_date=add_days(today(), 7))
		far = make_task(self.units.district2, title="Còn xa", due_date=add_days(today(), 30))
		frappe.db.delete("Email Queue")
		trigger_daily_alerts()
		queued = frappe.get_all("Email Queue", fields=["name", "reference_name"])
		about = {q.reference_name for q in queued}
		self.assertIn(soon.name, about)
		self.assertNotIn(far.name, about)
		recipients = set(
			frappe.get_all(
				"Email Queue Recipient",
				filters={"parent": ("in", [q.name for q in queued if q.reference_name == soon.name])},
				pluck="recipient",
			)
		)
		self.assertIn(leader, recipients)

	def test_weekly_digest_and_escalation_reach_the_right_leaders(self):
		district_leader = make_user("digest.huyen1@dv.test", access.MANAGER)
		province_leader = make_user("digest.tinh@dv.test", access.MANAGER)
		long_late = make_task(self.units.district1, title="Trễ 14 ngày", due_date=add_days(today(), -14)).name
		longer_late = make_task(
			self.units.district1, title="Trễ 30 ngày", due_date=add_days(today(), -30)
		).name
		short_late = make_task(self.units.district1, title="Trễ ít", due_date=add_days(today(), -2)).name
		# Leaders named after the tasks exist, so no assignment mail mixes with the digests below.
		frappe.db.set_value("DV Unit", self.units.district1, "dan_van_leader", district_leader)
		frappe.db.set_value("DV Unit", self.units.province, "dan_van_leader", province_leader)
		frappe.db.set_single_value("DV Settings", "escalation_days", 14)

		digest = jobs.overdue_tasks_with_managers()
		self.assertEqual(
			{r.name for r in digest if r.manager == district_leader}, {long_late, longer_late, short_late}
		)
		# Escalation happens on the day a task reaches 14 days late; the 30-day one escalated back then.
		escalated = jobs.overdue_tasks_with_managers(14, escalate=True)
		self.assertEqual({r.name for r in escalated if r.manager == province_leader}, {long_late})

		frappe.db.delete("Email Queue")
		self.assertEqual(jobs.send_overdue_digest(), 1)
		self.assertEqual(jobs.escalate_overdue(), 1)
		# Each mail names its first (most overdue) task; mail queued by other tests names other tasks.
		digests = frappe.get_all(
			"Email Queue", filters={"reference_name": ("in", [long_late, longer_late])}, pluck="name"
		)
		recipients = frappe.get_all(
			"Email Queue Recipient", filters={"parent": ("in", digests)}, pluck="recipient"
		)
		self.assertEqual(sorted(recipients), sorted([district_leader, province_leader]))
