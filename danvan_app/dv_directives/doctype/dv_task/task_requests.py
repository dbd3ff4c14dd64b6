"""Extension requests (gia hạn) and explanation requests (yêu cầu giải trình) kept on a DV Task."""

import frappe
from frappe import _
from frappe.desk.doctype.notification_log.notification_log import enqueue_create_notification
from frappe.utils import formatdate, getdate, today

from danvan_app.domain import access
from danvan_app.domain import tasks as task_rules
from danvan_app.permissions import user_scope
from danvan_app.rule_refusals import refusals
from danvan_app.utils import as_date

# An extension request as sent: the request is kept as it was; only its decision is added later.
EXTENSION_REQUEST_FIELDS = (
	"requested_due_date",
	"reason",
	"requested_by",
	"requested_on",
	"previous_due_date",
)


class TaskRequestsMixin:
	"""The request-and-decision rules of a DV Task's extension and explanation tables: a part of the task's
	controller kept in its own file (only DV Task has them), methods on the task rather than functions that
	would take it as their first argument everywhere."""

	def rows_before_save(self, table: str) -> dict:
		before = self.get_doc_before_save()
		return {row.name: row for row in before.get(table)} if before else {}

	def apply_extension_decisions(self):
		"""New requests are stamped; a decision is taken once, by the assigning unit; an approved request
		moves the due date while ``original_due_date`` keeps the first one for statistics."""
		before = self.rows_before_save("extensions")
		for row in self.extensions:
			old = before.get(row.name)
			if not old:
				self.check_new_extension_request(row)
			old_decision = old.decision if old else task_rules.EXTENSION_PENDING
			with refusals(row=row.idx):
				task_rules.check_decision_change(old.decision if old else None, row.decision)
			if old and any(
				(old.get_value(f) or None) != (row.get_value(f) or None) for f in EXTENSION_REQUEST_FIELDS
			):
				frappe.throw(_("Không sửa đề nghị gia hạn đã gửi (dòng {0}).").format(row.idx))
			if row.decision != old_decision:
				self.decide_extension(row)
			elif old:
				# Who decided and when are stamped by the decision itself, never typed in.
				row.decided_by, row.decided_on = old.decided_by, old.decided_on

	def mark_extension_pending(self):
		"""The task shows "đang chờ gia hạn" while a request waits for the assigning unit."""
		self.extension_pending = int(
			any(row.decision == task_rules.EXTENSION_PENDING for row in self.extensions)
		)

	def notify_extension_requests(self):
		"""A new request reaches the assigning unit's leader in charge (Frappe's bell, and mail per their
		notification settings): the decision is theirs."""
		before = self.rows_before_save("extensions")
		new = [row for row in self.extensions if row.name not in before]
		leader = self.assigning_unit and frappe.db.get_value("DV Unit", self.assigning_unit, "dan_van_leader")
		if not new or not leader:
			return
		enqueue_create_notification(
			leader,
			{
				"type": "Alert",
				"document_type": self.doctype,
				"document_name": self.name,
				"from_user": frappe.session.user,
				"subject": _("Đề nghị gia hạn nhiệm vụ “{0}” đến {1}: chờ đơn vị giao quyết định.").format(
					self.title, formatdate(new[-1].requested_due_date)
				),
			},
		)

	def check_new_extension_request(self, row):
		row.requested_by, row.requested_on = frappe.session.user, getdate(today())
		row.previous_due_date = self.due_date
		with refusals():
			task_rules.check_extension_request(as_date(self.due_date), as_date(row.requested_due_date))

	def decide_extension(self, row):
		if not access.may_act_for(user_scope(), self.assigning_unit):
			frappe.throw(
				_("Chỉ đơn vị giao nhiệm vụ ({0}) được quyết định gia hạn.").format(
					self.assigning_unit or _("quản trị viên")
				),
				frappe.PermissionError,
			)
		row.decided_by, row.decided_on = frappe.session.user, getdate(today())
		if row.decision == task_rules.EXTENSION_APPROVED:
			self.due_date = row.requested_due_date
			# The written deadline ("trong quý II") no longer decides: the approved date does.
			self.deadline_kind = task_rules.DEADLINE_KIND_LABELS["date"]

	def stamp_explanations(self):
		"""The assigning unit asks; the presiding unit answers. Both are kept, with who and when."""
		before = self.rows_before_save("explanations")
		scope = None
		for row in self.explanations:
			old = before.get(row.name)
			if not old:
				scope = scope or user_scope()
				if not access.may_act_for(scope, self.assigning_unit):
					frappe.throw(
						_("Chỉ đơn vị giao nhiệm vụ được yêu cầu giải trình."), frappe.PermissionError
					)
				row.requested_by, row.requested_on = frappe.session.user, getdate(today())
			if old and old.request != row.request:
				frappe.throw(_("Không sửa nội dung yêu cầu giải trình đã gửi (dòng {0}).").format(row.idx))
			if old:
				# Who asked, who answered and when are stamped by the asking and the answering alone.
				row.requested_by, row.requested_on = old.requested_by, old.requested_on
				if old.reply == row.reply:
					row.replied_by, row.replied_on = old.replied_by, old.replied_on
			if row.reply and (not old or old.reply != row.reply):
				scope = scope or user_scope()
				if old and old.reply:
					frappe.throw(_("Nội dung giải trình đã gửi không được sửa (dòng {0}).").format(row.idx))
				if not access.may_act_for(scope, self.presiding_unit):
					frappe.throw(_("Chỉ đơn vị chủ trì được giải trình."), frappe.PermissionError)
				row.replied_by, row.replied_on = frappe.session.user, getdate(today())
