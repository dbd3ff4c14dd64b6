"""People on a task: Frappe's own assignments (ToDo) for the presiding unit's leader and officer.

An Assignment Rule assigns one user per document and stops once anyone is assigned; a task needs both the
leader in charge of dân vận and, if set, the unit's officer, so the task keeps its assignments in step
through Frappe's assign_to API instead.
"""

from frappe.desk.form import assign_to

from danvan_app.domain import tasks as task_rules


class TaskAssignmentMixin:
	def sync_assignments(self):
		if self.status in (task_rules.STATUS_DONE, task_rules.STATUS_CANCELLED):
			assign_to.close_all_assignments(self.doctype, self.name)
			return
		wanted = [user for user in (self.presiding_leader, self.presiding_officer) if user]
		current = {row.owner for row in assign_to.get({"doctype": self.doctype, "name": self.name})}
		before = self.get_doc_before_save()
		if before and before.presiding_unit != self.presiding_unit:
			for user in current - set(wanted):
				assign_to.remove(self.doctype, self.name, user, ignore_permissions=True)
		missing = [user for user in wanted if user not in current]
		if missing:
			assign_to.add(
				{
					"assign_to": missing,
					"doctype": self.doctype,
					"name": self.name,
					"description": self.title,
					"date": self.due_date,
				},
				ignore_permissions=True,
			)
