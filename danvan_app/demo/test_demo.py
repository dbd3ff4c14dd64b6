# Copyright (c) 2026, danvan_app developers
# See license.txt
"""The demo province: loaded twice it is there once, with what the reports need to show something (closed
districts with successors, every deadline outcome, a unit without a leader, a directive with a plan, users
with their unit grants); removed, it is gone and the site's own records stay."""

import frappe
from frappe.tests.utils import FrappeTestCase

from danvan_app import demo
from danvan_app.demo import registry
from danvan_app.demo.people import ADMINISTRATOR, PASSWORD, email
from danvan_app.domain import tasks as task_rules

# What the demo creates, and Frappe's records about those records, which must go with them.
COUNTED = (
	"DV Unit",
	"DV Unit Successor",
	"DV Directive",
	"DV Task",
	"DV Task Progress",
	"DV Task Extension",
	"DV Task Explanation",
	"DV Kheo Model",
	"DV Evaluation",
	"DV Evaluation Cycle",
	"DV Evaluation Template",
	"DV Commendation",
	"DV Inspection",
	"User",
	"User Permission",
	"Contact",
	"ToDo",
	"Version",
	"Comment",
	"Notification Log",
	"Workflow Action",
	"Deleted Document",
	"DefaultValue",
)


def site_counts() -> dict[str, int]:
	return {doctype: frappe.db.count(doctype) for doctype in COUNTED}


class TestDemoLoad(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		if registry.doctypes():
			demo.remove()  # a demo loaded on the site before: the test starts from a site without it
		cls.before = site_counts()
		demo.load()
		cls.once = site_counts()
		cls.listed_once = registry.counts()
		demo.load()
		cls.twice = site_counts()
		cls.listed_twice = registry.counts()

	@classmethod
	def tearDownClass(cls):
		# Parts of a load are committed (the importer, the cycle's job): the demo is removed, so the tests
		# after this one meet the site as it was, its 46 users not counted against Frappe's hourly limit.
		frappe.set_user("Administrator")
		demo.remove()
		frappe.db.commit()
		super().tearDownClass()

	def tearDown(self):
		frappe.set_user("Administrator")

	def test_a_second_load_creates_nothing(self):
		self.assertGreater(self.once["DV Unit"], self.before["DV Unit"])
		self.assertEqual(self.listed_twice, self.listed_once)
		business = [d for d in COUNTED if d not in ("Version", "Comment", "ToDo", "Notification Log")]
		self.assertEqual({d: self.twice[d] for d in business}, {d: self.once[d] for d in business})

	def test_the_tree_has_two_closed_districts_handed_to_communes(self):
		closed = frappe.get_all(
			"DV Unit",
			filters={"name": ("in", registry.names("DV Unit")), "valid_to": "2025-06-30"},
			fields=["name", "enabled", "closure_note", "admin_level"],
		)
		self.assertEqual(len(closed), 2)
		for unit in closed:
			self.assertEqual(unit.enabled, 0)
			self.assertTrue(unit.closure_note)
			self.assertEqual(unit.admin_level, "Huyện, quận, thị xã, thành phố thuộc tỉnh")
			successors = frappe.get_all(
				"DV Unit Successor", filters={"parent": unit.name}, pluck="successor_unit"
			)
			self.assertEqual(len(successors), 2)
			for successor in successors:
				self.assertEqual(
					frappe.db.get_value("DV Unit", successor, ["admin_level", "enabled"]),
					("Xã, phường, đặc khu", 1),
				)
		communes = frappe.db.count(
			"DV Unit",
			{
				"name": ("in", registry.names("DV Unit")),
				"admin_level": "Xã, phường, đặc khu",
				"unit_kind": "Cấp ủy Đảng",
			},
		)
		self.assertGreaterEqual(communes, 6)

	def test_every_deadline_outcome_and_status_has_a_task(self):
		tasks = frappe.get_all(
			"DV Task",
			filters={"name": ("in", registry.names("DV Task"))},
			fields=["deadline_outcome", "status"],
		)
		outcomes = {task.deadline_outcome for task in tasks}
		for outcome in (
			task_rules.OUTCOME_ON_TIME,
			task_rules.OUTCOME_DONE_LATE,
			task_rules.OUTCOME_WITHIN_DEADLINE,
			task_rules.OUTCOME_OVERDUE,
			task_rules.OUTCOME_NO_DEADLINE,
		):
			self.assertIn(outcome, outcomes)
		self.assertIn(task_rules.STATUS_NOT_STARTED, {task.status for task in tasks})

	def test_work_was_reported_requested_and_repeated(self):
		tasks = registry.names("DV Task")
		reporting_units = frappe.get_all(
			"DV Task Progress", filters={"parent": ("in", tasks)}, pluck="unit", distinct=True
		)
		self.assertGreaterEqual(len(set(reporting_units)), 4)
		self.assertTrue(frappe.db.exists("DV Task Extension", {"parent": ("in", tasks)}))
		self.assertTrue(frappe.db.exists("DV Task Explanation", {"parent": ("in", tasks)}))
		instances = frappe.get_all(
			"DV Task", filters={"name": ("in", tasks), "recurring_source": ("is", "set")}, fields=["due_date"]
		)
		self.assertGreaterEqual(len(instances), 3)
		self.assertTrue(frappe.db.exists("DV Task", {"name": ("in", tasks), "inspection": ("is", "set")}))

	def test_some_units_have_no_leader_on_purpose(self):
		leaderless = frappe.get_all(
			"DV Unit",
			filters={
				"name": ("in", registry.names("DV Unit")),
				"enabled": 1,
				"dan_van_leader": ("is", "not set"),
			},
			pluck="unit_name",
		)
		self.assertEqual(sorted(leaderless), ["Sở Y tế", "Ủy ban nhân dân xã Mường Khương"])

	def test_directives_came_through_the_importer_and_one_has_a_plan_and_one_none(self):
		directives = frappe.get_all(
			"DV Directive",
			filters={"name": ("in", registry.names("DV Directive"))},
			fields=["name", "directive_number", "parent_directive", "status", "full_text"],
		)
		numbers = {d.directive_number for d in directives}
		self.assertTrue({"16-CT/TU", "33-CT/TU", "12-KH/ĐU", "08-KH/ĐU"} <= numbers)
		by_number = {d.directive_number: d for d in directives}
		self.assertIn("NỘI DUNG CỐT LÕI CHỈ THỊ SỐ 16-CT/TU", by_number["16-CT/TU"].full_text)
		self.assertEqual(by_number["12-KH/ĐU"].parent_directive, by_number["16-CT/TU"].name)
		self.assertEqual(by_number["08-KH/ĐU"].parent_directive, by_number["33-CT/TU"].name)
		self.assertEqual({d.status for d in directives}, {"Còn hiệu lực"})
		imported_tasks = frappe.db.count("DV Task", {"directive": by_number["16-CT/TU"].name})
		self.assertGreaterEqual(imported_tasks, 12)

	def test_users_have_their_roles_units_and_password(self):
		from frappe.utils.password import check_password

		province_officer, commune_officer = email("canbo.btgdv"), email("canbo.du.batxat")
		root = frappe.db.get_value("DV Unit", {"unit_name": "Tỉnh ủy Lào Cai"})
		commune = frappe.db.get_value("DV Unit", {"unit_name": "Đảng ủy xã Bát Xát"})
		self.assertIn("DV Officer", frappe.get_roles(province_officer))
		self.assertTrue(frappe.db.exists("User Permission", {"user": province_officer, "for_value": root}))
		self.assertEqual(
			frappe.get_all("User Permission", filters={"user": commune_officer}, pluck="for_value"), [commune]
		)
		self.assertIn("System Manager", frappe.get_roles(ADMINISTRATOR))
		self.assertEqual(check_password(commune_officer, PASSWORD), commune_officer)
		for user in registry.names("User"):
			if user != ADMINISTRATOR:
				self.assertTrue(frappe.db.exists("User Permission", {"user": user}), user)

	def test_models_commendation_cycle_and_inspection(self):
		states = set(
			frappe.get_all(
				"DV Kheo Model", filters={"name": ("in", registry.names("DV Kheo Model"))}, pluck="status"
			)
		)
		self.assertTrue(
			{"Đăng ký", "Đã duyệt", "Đang triển khai", "Được công nhận", "Trả lại để bổ sung"} <= states
		)
		self.assertEqual(len(registry.names("DV Commendation")), 1)
		cycle = registry.names("DV Evaluation Cycle")[0]
		evaluations = frappe.get_all("DV Evaluation", filters={"cycle": cycle}, pluck="workflow_state")
		self.assertEqual(
			len(evaluations), frappe.db.get_value("DV Evaluation Cycle", cycle, "evaluations_created")
		)
		self.assertIn("Chờ thẩm định", evaluations)
		inspection = registry.names("DV Inspection")[0]
		self.assertEqual(frappe.db.count("DV Inspection Unit", {"parent": inspection}), 3)


class TestDemoRemove(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		if registry.doctypes():
			demo.remove()  # a demo loaded on the site before, or left committed by an earlier class
		# The site's own records, one of them with a demo unit's name: the demo uses it and leaves it.
		cls.own_unit = frappe.get_doc(
			{"doctype": "DV Unit", "unit_name": "Sở Y tế", "unit_kind": "Cơ quan nhà nước, sở, ban, ngành"}
		).insert()
		cls.before = site_counts()
		demo.load()
		cls.loaded = {doctype: list(registry.names(doctype)) for doctype in registry.doctypes()}
		cls.removed = demo.remove()
		cls.after = site_counts()
		# Kept: parts of the load were committed, and a rollback would bring back only their removal's undo.
		frappe.db.commit()

	def test_every_listed_record_is_gone(self):
		self.assertGreater(len(self.loaded["DV Task"]), 20)
		for doctype, names in self.loaded.items():
			self.assertEqual(self.removed[doctype], len(names))
			left = [name for name in names if frappe.db.exists(doctype, name)]
			self.assertEqual(left, [], doctype)
		self.assertEqual(registry.doctypes(), [])

	def test_the_site_is_as_it_was(self):
		self.assertEqual(self.after, self.before)
		self.assertTrue(frappe.db.exists("DV Unit", self.own_unit.name))
		self.assertNotIn(self.own_unit.name, self.loaded["DV Unit"])
