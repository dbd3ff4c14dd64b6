"""People on a document: Frappe's own assignments (ToDo), kept in step with the document's people fields.

An Assignment Rule assigns one user per document and stops once anyone is assigned; a DV task needs both the
presiding unit's leader in charge of dân vận and, if set, its officer, so the document keeps its assignments
in step through Frappe's assign_to API instead. A DocType opts in with class attributes, as gameplan's
mixins are configured.
"""

from frappe.desk.form import assign_to


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
