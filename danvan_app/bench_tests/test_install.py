# Copyright (c) 2026, danvan_app developers
# See license.txt

import frappe
from frappe.tests.utils import FrappeTestCase

from danvan_app.domain.access import DV_ROLES


class TestInstall(FrappeTestCase):
	def test_roles_and_master_data_ship_with_the_app(self):
		for role in DV_ROLES:
			self.assertTrue(frappe.db.exists("Role", role), role)
		self.assertEqual(frappe.db.count("DV Unit Kind", {"is_standard": 1}), 11)
		self.assertTrue(frappe.db.get_value("DV Admin Level", {"level_order": 3}, "abolished_from"))

	def test_settings_have_their_defaults(self):
		from danvan_app.install import SETTINGS_DEFAULTS

		for field, value in SETTINGS_DEFAULTS.items():
			self.assertEqual(frappe.db.get_single_value("DV Settings", field), value, field)

	def test_reminders_are_installed_and_an_administrators_edit_survives_a_resync(self):
		from danvan_app.install import sync_desk_records

		names = frappe.get_all("Notification", filters={"name": ("like", "DV: %")}, pluck="name")
		self.assertEqual(len(names), 3)
		edited, removed = sorted(names)[:2]
		notification = frappe.get_doc("Notification", edited)
		notification.enabled = 0
		notification.save()
		# The resync commits, so the reminder is switched back on by hand for the tests that follow.
		self.addCleanup(switch_on_and_commit, edited)
		frappe.delete_doc("Notification", removed)
		sync_desk_records()  # what every `bench migrate` does
		self.assertEqual(frappe.db.get_value("Notification", edited, "enabled"), 0)
		self.assertTrue(frappe.db.exists("Notification", removed))

	def test_the_task_lists_columns_and_the_dv_module_profile_are_installed(self):
		from danvan_app.users import MODULE_PROFILE

		settings = frappe.get_doc("List View Settings", "DV Task")
		columns = [field["fieldname"] for field in frappe.parse_json(settings.fields)]
		self.assertEqual(columns[:3], ["status_field", "deadline_outcome", "presiding_unit"])
		self.assertIn("due_date", columns)
		blocked = {row.module for row in frappe.get_doc("Module Profile", MODULE_PROFILE).block_modules}
		self.assertTrue({"Website", "Automation", "Core"} <= blocked)

	def test_every_dv_doctype_has_vietnamese_labels_and_the_prefix(self):
		doctypes = frappe.get_all("DocType", filters={"module": ("like", "DV %")}, pluck="name")
		self.assertGreaterEqual(len(doctypes), 17)
		for doctype in doctypes:
			self.assertTrue(doctype.startswith("DV "), doctype)


class TestNumbering(FrappeTestCase):
	def test_each_doctype_numbers_on_its_own(self):
		from danvan_app.bench_tests.factories import make_directive, make_task, make_unit

		unit = make_unit("Đảng ủy xã Đánh Số")
		first = make_directive("31-CT/TU", issuing_unit=unit.name)
		make_task(unit.name)
		make_task(unit.name)
		second = make_directive("32-CT/TU", issuing_unit=unit.name)
		self.assertTrue(first.name.startswith("VB-") and second.name.startswith("VB-"))
		self.assertEqual(int(second.name[3:]), int(first.name[3:]) + 1)
		self.assertRegex(make_task(unit.name).name, rf"^NV-{frappe.utils.getdate().year}-\d{{6}}$")

	def test_the_patch_starts_each_counter_after_the_highest_name_used(self):
		from danvan_app.patches.own_counter_per_doctype import highest_per_prefix

		self.assertEqual(highest_per_prefix("DV Directive", ["VB-00015", "VB-00003", "odd"]), {"VB-": 15})
		tasks = ["NV-2026-000016", "NV-2025-000002", "NV-2026-000016-2026-Q1"]
		self.assertEqual(highest_per_prefix("DV Task", tasks), {"NV-2026-": 16, "NV-2025-": 2})


class TestUninstallLeavesNothing(FrappeTestCase):
	"""The cleanup the uninstall hook runs, on this site's records; nothing of it commits, so rolling back
	keeps the app and the site as they were for the tests after this one."""

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()

	def test_assignments_versions_permissions_logs_and_jobs_about_the_app_are_removed(self):
		from danvan_app.bench_tests.factories import make_task, make_tree, make_user
		from danvan_app.domain import access
		from danvan_app.install import app_doctypes, remove_records_about, remove_scheduled_jobs

		units = make_tree()
		leader = make_user("lanhdao.go@dv.test", access.MANAGER, [units.district1])
		frappe.db.set_value("DV Unit", units.district1, "dan_van_leader", leader)
		task = make_task(units.district1)
		frappe.get_doc(
			{"doctype": "Version", "ref_doctype": "DV Task", "docname": task.name, "data": "{}"}
		).insert(ignore_permissions=True)
		task.add_comment("Comment", "Ý kiến chỉ đạo")
		frappe.log_error("Lỗi thử", "chi tiết", reference_doctype="DV Task", reference_name=task.name)
		# A record about a DocType that is not the app's stays.
		other = frappe.get_doc(
			{
				"doctype": "ToDo",
				"description": "Việc khác",
				"reference_type": "User",
				"reference_name": leader,
			}
		).insert(ignore_permissions=True)
		about_app = {
			"ToDo": {"reference_type": "DV Task", "reference_name": task.name},
			"Version": {"ref_doctype": "DV Task", "docname": task.name},
			"Comment": {"reference_doctype": "DV Task", "reference_name": task.name},
			"Error Log": {"reference_doctype": "DV Task", "reference_name": task.name},
			"User Permission": {"user": leader, "allow": "DV Unit"},
			"Scheduled Job Type": {"method": ("like", "danvan_app.%")},
		}
		for doctype, filters in about_app.items():
			self.assertTrue(frappe.db.count(doctype, filters), doctype)

		remove_scheduled_jobs()
		remove_records_about(app_doctypes())

		for doctype, filters in about_app.items():
			self.assertEqual(frappe.db.count(doctype, filters), 0, doctype)
		self.assertTrue(frappe.db.exists("ToDo", other.name))
		# The app's DocTypes themselves are Frappe's to drop, after the hook.
		self.assertTrue(frappe.db.exists("DV Task", task.name))


def switch_on_and_commit(notification: str) -> None:
	frappe.db.set_value("Notification", notification, "enabled", 1)
	frappe.db.commit()
