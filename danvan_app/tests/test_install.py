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
		from danvan_app.install import sync_notifications

		names = frappe.get_all("Notification", filters={"name": ("like", "DV: %")}, pluck="name")
		self.assertEqual(len(names), 3)
		edited, removed = sorted(names)[:2]
		notification = frappe.get_doc("Notification", edited)
		notification.enabled = 0
		notification.save()
		frappe.delete_doc("Notification", removed)
		sync_notifications()  # what every `bench migrate` does
		self.assertEqual(frappe.db.get_value("Notification", edited, "enabled"), 0)
		self.assertTrue(frappe.db.exists("Notification", removed))

	def test_every_dv_doctype_has_vietnamese_labels_and_the_prefix(self):
		doctypes = frappe.get_all("DocType", filters={"module": ("like", "DV %")}, pluck="name")
		self.assertGreaterEqual(len(doctypes), 17)
		for doctype in doctypes:
			self.assertTrue(doctype.startswith("DV "), doctype)
