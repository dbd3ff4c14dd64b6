"""People on a document: Frappe's own assignments (ToDo), kept in step with the document's people fields.

An Assignment Rule assigns one user per document and stops once anyone is assigned; a DV task needs both the
presiding unit's leader in charge of dân vận and, if set, its officer, so the document keeps its assignments
in step through Frappe's assign_to API instead. A DocType opts in with class attributes, as gameplan's
mixins are configured.
"""

import json

import frappe
from frappe.desk.form import assign_to
from frappe.utils import now_datetime

from danvan_app.utils import bulk_insert_rows


class AssigneesMixin:
	# The User fields whose people are assigned, in order.
	assignee_fields: tuple[str, ...] = ()
	# When this field changes (the work moves to another unit), earlier assignees no longer named are removed.
	assignment_owner_field: str | None = None
	# In these statuses nobody is assigned any more: every open assignment is closed.
	assignment_closed_statuses: tuple[str, ...] = ()
	# The ToDo's description and date.
	assignment_description_field = "title"
	assignment_date_field: str | None = None

	def sync_assignments(self):
		if self.get("status") in self.assignment_closed_statuses:
			assign_to.close_all_assignments(self.doctype, self.name)
			return
		wanted = list(dict.fromkeys(self.get(field) for field in self.assignee_fields if self.get(field)))
		current = {row.owner for row in assign_to.get({"doctype": self.doctype, "name": self.name})}
		before = self.get_doc_before_save()
		owner_field = self.assignment_owner_field
		if before and owner_field and before.get(owner_field) != self.get(owner_field):
			for user in current - set(wanted):
				assign_to.remove(self.doctype, self.name, user, ignore_permissions=True)
		missing = [user for user in wanted if user not in current]
		if missing:
			assign_to.add(
				{
					"assign_to": missing,
					"doctype": self.doctype,
					"name": self.name,
					"description": self.get(self.assignment_description_field),
					"date": self.get(self.assignment_date_field) if self.assignment_date_field else None,
				},
				ignore_permissions=True,
			)


# --- the same rules for many documents at once, set-based (no document is saved) ------------------------


def open_assignments(doctype: str, names: list[str]) -> list:
	"""The open ToDos (name, document, user) of the documents, in one locking read: a concurrent run that
	inserted ToDos for the same documents is waited for and seen, where a plain read would answer from a
	snapshot taken before its commit."""
	if not names:
		return []
	ToDo = frappe.qb.DocType("ToDo")
	return (
		frappe.qb.from_(ToDo)
		.select(ToDo.name, ToDo.reference_name, ToDo.allocated_to)
		.where((ToDo.reference_type == doctype) & ToDo.reference_name.isin(names) & (ToDo.status == "Open"))
		.for_update()
		.run()
	)


def assign_in_bulk(doctype: str, wanted: list[dict]) -> list[str]:
	"""One open ToDo per row of ``wanted`` ({"name": document, "user", "description", "date"}), as
	assign_to.add makes it, in bulk, and never a second one: like assign_to.add, a (document, user) that
	already has an open ToDo is skipped. Returns the names of the ToDos made.

	Like the bulk inserts of the tasks themselves, no "assigned" comment or notification is made per ToDo;
	the document's ``_assign`` is the caller's (the rows it inserts, or ``set_assign_column``)."""
	if not wanted:
		return []
	assigned = {
		(reference, user)
		for _name, reference, user in open_assignments(doctype, list({row["name"] for row in wanted}))
	}
	rows = []
	for row in wanted:
		if (row["name"], row["user"]) in assigned:
			continue
		assigned.add((row["name"], row["user"]))
		rows.append(
			{
				"name": frappe.generate_hash(length=10),
				"status": "Open",
				"priority": "Medium",
				"date": row.get("date"),
				"allocated_to": row["user"],
				"description": row.get("description"),
				"reference_type": doctype,
				"reference_name": row["name"],
				"assigned_by": frappe.session.user,
			}
		)
	bulk_insert_rows("ToDo", rows)
	return [row["name"] for row in rows]


def set_assign_column(doctype: str, assignees: dict[str, list[str]]) -> None:
	"""``_assign`` (the list view's "assigned to") of each document set to its open assignees, as the ToDo
	controller's update_in_reference writes it (JSON list, empty string for none): one UPDATE per distinct
	list, and the document's ``modified`` is left alone, as Frappe leaves it."""
	by_value: dict[str, list[str]] = {}
	for name, users in assignees.items():
		by_value.setdefault(json.dumps(users) if users else "", []).append(name)
	table = frappe.qb.DocType(doctype)
	for value, names in by_value.items():
		frappe.qb.update(table).set(table._assign, value).where(table.name.isin(names)).run()


def sync_assignments_in_bulk(doctype: str, documents: list[dict]) -> dict[str, list[str]]:
	"""What ``AssigneesMixin.sync_assignments`` does when a document's owner field changed, for many
	documents at once: each document's open ToDos of people it no longer names are cancelled (as
	assign_to.remove cancels them), the people it names who have none are assigned, and ``_assign`` follows.
	``documents``: {"name", "users" (wanted, in order), "description", "date"}. A fixed number of statements
	whatever the number of documents. Returns the ToDos {"closed": [...], "created": [...]} (for an undo)."""
	if not documents:
		return {"closed": [], "created": []}
	wanted = {doc["name"]: list(dict.fromkeys(user for user in doc["users"] if user)) for doc in documents}
	closed = [
		todo
		for todo, reference, user in open_assignments(doctype, list(wanted))
		if user not in wanted[reference]
	]
	if closed:
		ToDo = frappe.qb.DocType("ToDo")
		(
			frappe.qb.update(ToDo)
			.set(ToDo.status, "Cancelled")
			.set(ToDo.modified, now_datetime())
			.set(ToDo.modified_by, frappe.session.user)
			.where(ToDo.name.isin(closed))
			.run()
		)
	created = assign_in_bulk(
		doctype,
		[
			{
				"name": doc["name"],
				"user": user,
				"description": doc.get("description"),
				"date": doc.get("date"),
			}
			for doc in documents
			for user in wanted[doc["name"]]
		],
	)
	set_assign_column(doctype, wanted)
	return {"closed": closed, "created": created}
