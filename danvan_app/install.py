"""Install / uninstall hooks."""

import json
from pathlib import Path

import frappe
from frappe.modules.import_file import import_file_by_path

from danvan_app.domain.access import DV_ROLES
from danvan_app.domain.kheo_models import OUTSIDE_WINDOW_MANAGER
from danvan_app.email_reports import remove_leader_schedules
from danvan_app.mail_intake import remove_custom_fields, sync_custom_fields
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
	sync_custom_fields()


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


# Frappe's records about documents, by the field naming the DocType. Frappe's uninstall drops the app's
# DocTypes and what links to its modules, not these: each is deleted set-based, one DELETE per table. A
# parent's child rows go first (Communication's links, an email's recipients, a workflow action's roles).
RECORDS_ABOUT_DOCUMENTS = (
	("ToDo", "reference_type"),
	("Version", "ref_doctype"),
	("Comment", "reference_doctype"),
	("Communication", "reference_doctype"),
	("Communication Link", "link_doctype"),
	("Error Log", "reference_doctype"),
	("Notification Log", "document_type"),
	("Document Follow", "ref_doctype"),
	("Workflow Action", "reference_doctype"),
	("DocShare", "share_doctype"),
	("Tag Link", "document_type"),
	("User Permission", "allow"),
	("User Permission", "applicable_for"),
	("Activity Log", "reference_doctype"),
	("View Log", "reference_doctype"),
	("Energy Point Log", "reference_doctype"),
	("Email Queue", "reference_doctype"),
	("Email Unsubscribe", "reference_doctype"),
	("Document Share Key", "reference_doctype"),
	("Deleted Document", "deleted_doctype"),
	("Custom Field", "dt"),
	("Property Setter", "doc_type"),
	("Client Script", "dt"),
)
# Site configuration about a DocType that is a document with child tables: few records, deleted one by one
# so their child rows go with them.
SETTINGS_ABOUT_DOCUMENTS = (
	("Kanban Board", "reference_doctype"),
	("Notification", "document_type"),
	("Assignment Rule", "document_type"),
	("Auto Repeat", "reference_doctype"),
	("Workflow", "document_type"),
	("Report", "ref_doctype"),
	("Dashboard Chart", "document_type"),
	("Number Card", "document_type"),
	("Print Format", "doc_type"),
	("Server Script", "reference_doctype"),
)


def app_doctypes() -> list[str]:
	"""Every DocType of the app's modules (child tables and singles too)."""
	modules = frappe.get_all("Module Def", filters={"app_name": "danvan_app"}, pluck="name")
	return frappe.get_all("DocType", filters={"module": ("in", modules)}, pluck="name") if modules else []


def remove_records_about(doctypes: list[str]) -> None:
	"""Delete, set-based, Frappe's records that point at documents of ``doctypes``: assignments, versions,
	comments, mail, error logs, notifications, follows, workflow actions, shares, tags, user permissions,
	logs, and customisations. Database rows only (a test can roll them back); files are separate."""
	if not doctypes:
		return
	for doctype, field in RECORDS_ABOUT_DOCUMENTS:
		if not frappe.db.table_exists(doctype) or not frappe.db.has_column(doctype, field):
			continue  # a Frappe version without that record or field
		Record = frappe.qb.DocType(doctype)
		about = Record[field].isin(doctypes)
		for child in {df.options for df in frappe.get_meta(doctype).get_table_fields()}:
			Child = frappe.qb.DocType(child)
			mine = frappe.qb.from_(Record).select(Record.name).where(about)
			frappe.qb.from_(Child).delete().where(
				(Child.parenttype == doctype) & Child.parent.isin(mine)
			).run()
		frappe.qb.from_(Record).delete().where(about).run()
	# Per-user list settings are a table of their own, without a DocType.
	UserSettings = frappe.qb.Table("__UserSettings")
	frappe.qb.from_(UserSettings).delete().where(UserSettings.doctype.isin(doctypes)).run()
	frappe.cache.delete_value("user_permissions")


def remove_settings_about(doctypes: list[str]) -> None:
	for doctype, field in SETTINGS_ABOUT_DOCUMENTS:
		if not frappe.db.table_exists(doctype) or not frappe.db.has_column(doctype, field):
			continue
		for name in frappe.get_all(doctype, filters={field: ("in", doctypes)}, pluck="name"):
			frappe.delete_doc(doctype, name, force=True, ignore_permissions=True, ignore_on_trash=True)


def remove_attached_files(doctypes: list[str]) -> None:
	"""Attachments one by one: deleting a File also removes its file from the disk (when no other File
	points at it), which a DELETE would leave behind."""
	for name in frappe.get_all("File", filters={"attached_to_doctype": ("in", doctypes)}, pluck="name"):
		frappe.delete_doc("File", name, force=True, ignore_permissions=True)


def remove_scheduled_jobs() -> None:
	"""The app's Scheduled Job Types and their logs: Frappe only drops them on the next migrate, and until
	then the scheduler keeps running them against a module that is gone."""
	Job, Log = frappe.qb.DocType("Scheduled Job Type"), frappe.qb.DocType("Scheduled Job Log")
	mine = frappe.qb.from_(Job).select(Job.name).where(Job.method.like("danvan_app.%"))
	frappe.qb.from_(Log).delete().where(Log.scheduled_job_type.isin(mine)).run()
	frappe.qb.from_(Job).delete().where(Job.method.like("danvan_app.%")).run()


def before_uninstall():
	"""Remove the roles and desk records the app brought, so an uninstalled site keeps no trace of them
	(a notification left on a deleted DocType would break Frappe's daily alerts), then every record
	Frappe keeps about the app's documents, and the app's scheduled jobs. Frappe drops the DocTypes
	themselves afterwards."""
	doctypes = app_doctypes()
	remove_scheduled_jobs()
	remove_custom_fields()  # on Frappe's own DocTypes (Email Account), which stay
	# Files first: deleting one comments "Attachment Removed" on its document, a record removed next.
	remove_attached_files(doctypes)
	remove_records_about(doctypes)
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
	frappe.db.delete(
		"DefaultValue", {"parent": "__danvan_jobs"}
	)  # jobs.JOBS_PARENT: the mailing jobs' last runs
	# Last: what an administrator made on the app's DocTypes beyond the shipped records above.
	remove_settings_about(doctypes)
