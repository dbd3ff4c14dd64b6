"""Deleting what the demo created, and only that, in an order the links allow.

Records that point at others go first (a task before its plan, a sub-task before its parent, a closed unit
before its successors, a unit before its parent, documents before the units and users they name). Each
record is deleted through Frappe (its own on_trash, link checks), permanently (no "Deleted Document" copy
is left behind), and Frappe's records about it (ToDo, comments, versions, shares, notifications) go with it
at once rather than in a background job a bench without workers never runs. A record of the site's own
that still links to a demo record stops the removal with Frappe's message: nothing is forced.
"""

from __future__ import annotations

import frappe
from frappe import _
from frappe.model.delete_doc import delete_dynamic_links
from frappe.utils import now

from danvan_app.demo import registry

# (DocType, fields through which a demo record of that DocType points at another of the same DocType).
ORDER = (
	("User Permission", ()),  # names a unit through a dynamic link: first, or the unit cannot go
	("DV Commendation", ()),
	("DV Evaluation", ()),
	("DV Evaluation Cycle", ()),
	("DV Kheo Model", ("replicated_from",)),
	("DV Evaluation Template", ()),
	("DV Task", ("parent_task", "recurring_source")),
	("DV Inspection", ()),
	("DV Directive", ("parent_directive", "replaced_by")),
	("DV Unit", ("parent_dv_unit", "old_parent", "successors.successor_unit")),
	("Contact", ()),
	("User", ()),
)


def remove_all() -> dict[str, int]:
	withdraw_submitted()
	unlink_inspections_from_their_tasks()
	removed = {}
	for doctype, self_links in ORDER:
		names = [name for name in registry.names(doctype) if frappe.db.exists(doctype, name)]
		if doctype == "User":
			# Newest first: Frappe records the user who created a user in their Notification Settings, so
			# the demo's administrator, who created the others, goes last.
			names.reverse()
		for name in referring_first(doctype, names, self_links):
			delete(doctype, name)
		removed[doctype] = len(names)
		registry.write(doctype, [])
	unknown = set(registry.doctypes())
	if unknown:
		frappe.throw(f"Sổ ghi dữ liệu mẫu còn loại bản ghi chưa biết cách xóa: {', '.join(sorted(unknown))}")
	return removed


def withdraw_submitted() -> None:
	"""Submitted demo records are cancelled first. A recognised model and its evaluation rest on each
	other (the app keeps a recognition's ground: neither may be cancelled while the other stands), so the
	demo, which made both, marks the pair cancelled together and unties them; any other submitted demo
	record is cancelled the ordinary way."""
	models = submitted("DV Kheo Model")
	model_evaluations = set(
		frappe.get_all(
			"DV Evaluation",
			filters={"kheo_model": ("in", models or [""]), "docstatus": 1},
			pluck="name",
		)
	) & set(registry.names("DV Evaluation"))
	for model in models:
		frappe.db.set_value(
			"DV Kheo Model", model, {"docstatus": 2, "evaluation": None}, update_modified=False
		)
	for evaluation in model_evaluations:
		frappe.db.set_value("DV Evaluation", evaluation, "docstatus", 2, update_modified=False)
	for evaluation in set(submitted("DV Evaluation")) - model_evaluations:
		frappe.get_doc("DV Evaluation", evaluation).cancel()
	# A model not submitted may still show an evaluation's result, which is deleted before it.
	for model in registry.names("DV Kheo Model"):
		if frappe.db.get_value("DV Kheo Model", model, "evaluation"):
			frappe.db.set_value("DV Kheo Model", model, "evaluation", None, update_modified=False)


def submitted(doctype: str) -> list[str]:
	names = registry.names(doctype)
	if not names:
		return []
	return frappe.get_all(doctype, filters={"name": ("in", names), "docstatus": 1}, pluck="name")


def unlink_inspections_from_their_tasks() -> None:
	"""An inspection and its follow-up tasks point at each other: the demo's inspections let go first."""
	inspections = registry.names("DV Inspection")
	if inspections:
		Row = frappe.qb.DocType("DV Inspection Unit")
		frappe.qb.update(Row).set(Row.follow_up_task, None).where(Row.parent.isin(inspections)).run()


def referring_first(doctype: str, names: list[str], self_links: tuple[str, ...]) -> list[str]:
	"""The names ordered so that a record is deleted before any record it points at."""
	points_at = {name: targets(doctype, name, self_links) & set(names) for name in names}
	ordered, remaining = [], set(names)
	while remaining:
		pointed_at = {target for name in remaining for target in points_at[name] if target != name}
		ready = sorted(remaining - pointed_at, key=names.index)
		if not ready:
			frappe.throw(f"Không xác định được thứ tự xóa {doctype}: {', '.join(sorted(remaining))}")
		ordered += ready
		remaining -= set(ready)
	return ordered


def targets(doctype: str, name: str, self_links: tuple[str, ...]) -> set[str]:
	found = set()
	for link in self_links:
		if "." in link:
			table, field = link.split(".")
			child = frappe.get_meta(doctype).get_field(table).options
			found |= set(frappe.get_all(child, filters={"parent": name, "parenttype": doctype}, pluck=field))
		else:
			value = frappe.db.get_value(doctype, name, link)
			if value:
				found.add(value)
	return found


def delete(doctype: str, name: str) -> None:
	assignments = frappe.get_all(
		"ToDo", filters={"reference_type": doctype, "reference_name": name}, pluck="name"
	)
	since = now()
	if doctype == "User":
		forget_user(name, since)
	if doctype == "User" and is_last_system_manager(name):
		delete_last_system_manager(name)
	else:
		frappe.delete_doc(doctype, name, ignore_permissions=True, delete_permanently=True)
	drop_feed_entry(doctype, name, since)
	delete_dynamic_links(doctype, name)
	if assignments:
		# The assignments go with the record (above); the history of their changes with them.
		frappe.db.delete("Version", {"ref_doctype": "ToDo", "docname": ("in", assignments)})


def drop_feed_entry(doctype: str, name: str, since: str) -> None:
	"""Frappe writes a "Deleted" entry in the activity feed for every deletion; of a demo record, it is the
	demo's trace too. Only the entry this deletion wrote goes (an older record of the same name keeps its)."""
	frappe.db.delete(
		"Comment",
		{
			"comment_type": "Deleted",
			"reference_doctype": doctype,
			"subject": f"{_(doctype)} {name}",
			"creation": (">=", since),
		},
	)


def forget_user(user: str, since: str) -> None:
	"""What Frappe keeps of a deleted user: their defaults (time zone), and a "Deleted Document" copy of
	their notification settings, which User.on_trash deletes without ``delete_permanently``."""
	frappe.delete_doc(
		"Notification Settings", user, ignore_permissions=True, ignore_missing=True, delete_permanently=True
	)
	drop_feed_entry("Notification Settings", user, since)
	frappe.defaults.clear_default(parent=user)


def is_last_system_manager(user: str) -> bool:
	HasRole, User = frappe.qb.DocType("Has Role"), frappe.qb.DocType("User")
	others = (
		frappe.qb.from_(HasRole)
		.join(User)
		.on(User.name == HasRole.parent)
		.select(User.name)
		.where(
			(HasRole.role == "System Manager")
			& (HasRole.parenttype == "User")
			& (User.enabled == 1)
			& User.name.notin(["Administrator", user])
		)
		.limit(1)
		.run()
	)
	return "System Manager" in frappe.get_roles(user) and not others


def delete_last_system_manager(user: str) -> None:
	"""The demo's administrator is the site's only System Manager besides Administrator when the site had
	none before the load (``add_unit_user`` needed one). Frappe's User.on_trash refuses to delete the last
	one; deleting it brings the site back to where it was, so the demo does what on_trash does otherwise
	(the user's ToDos, shares, cache; the notification settings went in ``forget_user``) and deletes it without that one check."""
	frappe.db.delete("ToDo", {"allocated_to": user})
	frappe.db.delete("DocShare", {"user": user})
	frappe.clear_cache(user=user)
	frappe.delete_doc("User", user, ignore_permissions=True, ignore_on_trash=True, delete_permanently=True)
