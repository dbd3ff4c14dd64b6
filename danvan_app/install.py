"""Install / uninstall hooks."""

from pathlib import Path

import frappe
from frappe.modules.import_file import import_file_by_path

from danvan_app.domain.access import DV_ROLES

SETTINGS_DEFAULTS = {"due_soon_days": 7, "instance_lead_days": 15, "escalation_days": 14}


NOTIFICATIONS = Path(__file__).parent / "setup" / "notifications.json"


def after_install():
	"""Write the settings' defaults (a Single's JSON defaults are not stored until someone saves it) and
	the reminders."""
	for field, value in SETTINGS_DEFAULTS.items():
		if frappe.db.get_single_value("DV Settings", field) in (None, ""):
			frappe.db.set_single_value("DV Settings", field, value)
	sync_notifications()


def sync_notifications():
	"""Create the app's reminders, or update them when the app ships a newer version, but never overwrite
	an administrator's edit: unlike fixtures (always forced on migrate), a record changed on the site after
	the shipped timestamp is left as it is."""
	import_file_by_path(str(NOTIFICATIONS), force=False, data_import=True)


def before_uninstall():
	"""Remove the roles and notifications the app brought, so an uninstalled site keeps no trace of them
	(a notification left on a deleted DocType would break Frappe's daily alerts)."""
	for name in frappe.get_all("Notification", filters={"name": ("like", "DV: %")}, pluck="name"):
		frappe.delete_doc("Notification", name, force=True, ignore_permissions=True)
	for role in DV_ROLES:
		frappe.db.delete("Has Role", {"role": role})
		frappe.db.delete("Custom DocPerm", {"role": role})
		frappe.delete_doc("Role", role, force=True, ignore_missing=True, ignore_permissions=True)
