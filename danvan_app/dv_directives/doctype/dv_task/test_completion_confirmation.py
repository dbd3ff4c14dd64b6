# Copyright (c) 2026, danvan_app developers
# See license.txt
"""The completion confirmation, shipped off: off, the presiding unit marks its task done; switched on from
the desk, the task is done when the assigning unit confirms it, on the confirmation day."""

import frappe
from frappe.model.workflow import WorkflowTransitionError, apply_workflow
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, getdate, today

from danvan_app.bench_tests.factories import make_task, make_tree, make_user
from danvan_app.domain import access
from danvan_app.domain import task_completion as completion_rules
from danvan_app.domain import tasks as task_rules
from danvan_app.exceptions import TaskCompletionError

WORKFLOW = "DV: Xác nhận hoàn thành nhiệm vụ"


def act(user: str, task: str, action: str):
	frappe.set_user(user)
	try:
		return apply_workflow(frappe.get_doc("DV Task", task), action)
	finally:
		frappe.set_user("Administrator")


def switch_confirmation(on: bool):
	workflow = frappe.get_doc("Workflow", WORKFLOW)
	workflow.is_active = int(on)
	workflow.save()


class TestCompletionConfirmation(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		u = cls.units = make_tree()
		cls.officer = make_user("officer.confirm@dv.test", access.OFFICER, [u.commune11])
		cls.commune_manager = make_user("commune.confirm@dv.test", access.MANAGER, [u.commune11])
		cls.district_manager = make_user("district.confirm@dv.test", access.MANAGER, [u.district1])

	def setUp(self):
		frappe.set_user("Administrator")
		self.task = make_task(
			self.units.commune11,
			assigning_unit=self.units.district1,
			start_date=add_days(today(), -30),
			due_date=add_days(today(), -2),
		).name

	def tearDown(self):
		frappe.set_user("Administrator")
		switch_confirmation(False)

	def mark_done(self, user: str):
		frappe.set_user(user)
		try:
			task = frappe.get_doc("DV Task", self.task)
			task.status = task_rules.STATUS_DONE
			task.save()
		finally:
			frappe.set_user("Administrator")

	def test_shipped_off_the_presiding_unit_marks_its_task_done(self):
		self.assertFalse(frappe.db.get_value("Workflow", WORKFLOW, "is_active"))
		self.mark_done(self.officer)
		self.assertEqual(frappe.db.get_value("DV Task", self.task, "status"), task_rules.STATUS_DONE)

	def test_switched_on_the_assigning_unit_confirms_or_returns(self):
		switch_confirmation(True)
		self.assertRaises(TaskCompletionError, self.mark_done, self.officer)

		act(self.officer, self.task, "Báo cáo hoàn thành")
		task = frappe.get_doc("DV Task", self.task)
		self.assertEqual(task.completion_state, completion_rules.AWAITING)
		self.assertEqual(getdate(task.reported_done_on), getdate(today()))
		self.assertNotEqual(task.status, task_rules.STATUS_DONE)

		# The officer has no such step; the commune's manager has the role but not the assigning unit.
		self.assertRaises(WorkflowTransitionError, act, self.officer, self.task, "Xác nhận hoàn thành")
		self.assertRaises(frappe.PermissionError, act, self.commune_manager, self.task, "Xác nhận hoàn thành")
		# A return says why.
		self.assertRaises(frappe.MandatoryError, act, self.district_manager, self.task, "Trả lại")
		frappe.db.set_value("DV Task", self.task, "return_reason", "Chưa có báo cáo kết quả bằng văn bản")
		act(self.district_manager, self.task, "Trả lại")
		self.assertEqual(
			frappe.db.get_value("DV Task", self.task, "completion_state"), completion_rules.RETURNED
		)

		# Reported again, four days ago (before the due date), confirmed today: done today, late.
		act(self.officer, self.task, "Báo cáo hoàn thành")
		frappe.db.set_value("DV Task", self.task, "reported_done_on", add_days(today(), -4))
		act(self.district_manager, self.task, "Xác nhận hoàn thành")
		task = frappe.get_doc("DV Task", self.task)
		self.assertEqual(
			(task.completion_state, task.status, getdate(task.completed_on)),
			(completion_rules.CONFIRMED, task_rules.STATUS_DONE, getdate(today())),
		)
		self.assertEqual((task.deadline_outcome, task.days_late), (task_rules.OUTCOME_DONE_LATE, 2))

	def test_a_task_done_before_the_switch_stays_done(self):
		self.mark_done(self.officer)
		switch_confirmation(True)
		task = frappe.get_doc("DV Task", self.task)
		task.description = "Ghi chú thêm"
		task.save()
		self.assertEqual(frappe.db.get_value("DV Task", self.task, "status"), task_rules.STATUS_DONE)
