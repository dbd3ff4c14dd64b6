"""Install / uninstall hooks."""

import json
from pathlib import Path

import frappe
from frappe.modules.import_file import import_file_by_path

from danvan_app.domain.access import DV_ROLES
from danvan_app.domain.kheo_models import OUTSIDE_WINDOW_MANAGER
from danvan_app.email_reports import remove_leader_schedules
from danvan_app.users import MODULE_PROFILE

SETTINGS_DEFAULTS = {
	"due_soon_days": 7,
	"instance_lead_days": 15,
	"escalation_days": 14,
	"kheo_registration_start": "01/01",
	"kheo_registration_end": "31/03",
	"kheo_outside_window": OUTSIDE_WINDOW_MANAGER,
}


SETUP = Path(__file__).parent / "setup"
# The desk records the app owns, each file a list of documents: the Workflows (their states and actions
# first, which they link to), reminders, the task list's columns, the model kanban, and the module profile
# that keeps Frappe's building tools out of DV users' sidebar; and the default model targets, data an
# administrator edits; and the emailed reports, shipped disabled for an administrator to switch on.
DESK_RECORDS = (
	"workflow_states.json",
	"workflow_actions.json",
	"workflows.json",
	"notifications.json",
	"list_view_settings.json",
	"module_profile.json",
	"kanban_boards.json",
	"kheo_targets.json",
	"auto_email_reports.json",
)
LIST_VIEW_SETTINGS = ("DV Task",)


def after_install():
	"""Write the settings' defaults (a Single's JSON defaults are not stored until someone saves it). The
	desk records follow in after_sync, once the fixtures they link to are in."""
	for field, value in SETTINGS_DEFAULTS.items():
		if frappe.db.get_single_value("DV Settings", field) in (None, ""):
			frappe.db.set_single_value("DV Settings", field, value)


def sync_desk_records():
	"""Create the app's desk records, or update them when the app ships a newer version, but never
	overwrite an administrator's edit: unlike fixtures (always forced on migrate), a record changed on the
	site after the shipped timestamp is left as it is."""
	for filename in DESK_RECORDS:
		import_file_by_path(str(SETUP / filename), force=False, data_import=True)


def shipped_names(filename: str) -> list[str]:
	return [record["name"] for record in json.loads((SETUP / filename).read_text(encoding="utf-8"))]


def remove_workflows():
	"""The app's Workflows, then the states and actions no other Workflow of the site uses."""
	for name in shipped_names("workflows.json"):
		frappe.delete_doc("Workflow", name, force=True, ignore_missing=True, ignore_permissions=True)
	for doctype, filename, used_in in (
		("Workflow State", "workflow_states.json", ("Workflow Document State", "state")),
		("Workflow Action Master", "workflow_actions.json", ("Workflow Transition", "action")),
	):
		for name in shipped_names(filename):
			if not frappe.db.exists(used_in[0], {used_in[1]: name}):
				frappe.delete_doc(doctype, name, force=True, ignore_missing=True, ignore_permissions=True)


def before_uninstall():
	"""Remove the roles and desk records the app brought, so an uninstalled site keeps no trace of them
	(a notification left on a deleted DocType would break Frappe's daily alerts)."""
	remove_workflows()
	for name in shipped_names("kanban_boards.json"):
		frappe.delete_doc("Kanban Board", name, force=True, ignore_missing=True, ignore_permissions=True)
	remove_leader_schedules()
	for name in shipped_names("auto_email_reports.json"):
		frappe.delete_doc("Auto Email Report", name, force=True, ignore_missing=True, ignore_permissions=True)
	for name in frappe.get_all("Notification", filters={"name": ("like", "DV: %")}, pluck="name"):
		frappe.delete_doc("Notification", name, force=True, ignore_permissions=True)
	for doctype in LIST_VIEW_SETTINGS:
		frappe.delete_doc("List View Settings", doctype, force=True, ignore_missing=True)
	frappe.db.set_value("User", {"module_profile": MODULE_PROFILE}, "module_profile", None)
	frappe.delete_doc("Module Profile", MODULE_PROFILE, force=True, ignore_missing=True)
	for role in DV_ROLES:
		frappe.db.delete("Has Role", {"role": role})
		frappe.db.delete("Custom DocPerm", {"role": role})
		frappe.delete_doc("Role", role, force=True, ignore_missing=True, ignore_permissions=True)
