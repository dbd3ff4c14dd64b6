"""Task actions that are not a plain save of the form."""

import frappe
from frappe import _
from frappe.utils import getdate, today

from danvan_app.api import arguments
from danvan_app.domain import limits
from danvan_app.domain import tasks as task_rules
from danvan_app.utils import all_or_nothing


@frappe.whitelist(methods=["POST"])
def report_progress(
	task=None,
	unit=None,
	progress=None,
	narrative=None,
	update_date=None,
) -> dict:
	"""A presiding or coordinating unit reports its own part of a task.

	Coordinating units may not edit the task itself, so their report goes through here: the user must be
	able to read the task and act for ``unit``, and ``unit`` must take part in the task.
	"""
	task = arguments.name(task, _("Nhiệm vụ"))
	unit = arguments.name(unit, _("Đơn vị báo cáo"))
	progress = arguments.number(progress, _("Tiến độ (%)"), 0, 100)
	narrative = arguments.text(narrative, _("Nội dung báo cáo"), limits.NARRATIVE_CHARS)
	update_date = arguments.date(update_date, _("Ngày báo cáo"))
	doc = existing_task(task)
	# Reporting is writing on the task, as far as roles go; which unit may report is the task's own check.
	if not frappe.has_permission("DV Task", "write"):
		frappe.throw(_("Vai trò của bạn chỉ được xem, không được báo cáo tiến độ."), frappe.PermissionError)
	# The report is appended, not saved with the whole task (a coordinating unit cannot edit the task, so
	# the write right on the record is not asked for): a leader's edit of the task is not refused because
	# a unit reported meanwhile.
	rows = retried_on_deadlock(
		lambda: doc.add_progress_report(unit, progress, narrative, getdate(update_date or today()))
	)
	return {"task": doc.name, "rows": rows}


DEADLOCK_TRIES = 3


def retried_on_deadlock(write):
	"""Run ``write`` again (at most three times in all) when MariaDB picks it as a deadlock's victim, so
	two units reporting at once do not get an error page: the retry waits for the other transaction's
	locks and goes through.

	InnoDB rolls a deadlock's victim back whole (a savepoint goes with it), so a retry is only safe when
	nothing was written before in this transaction (a request that only reports); otherwise the error is
	raised as before, and the caller's own work is not silently lost."""
	fresh = not frappe.db.transaction_writes
	for attempt in range(1, DEADLOCK_TRIES + 1):
		try:
			return write()
		except frappe.QueryDeadlockError:
			if not fresh or attempt == DEADLOCK_TRIES:
				raise
			frappe.db.rollback()


@frappe.whitelist(methods=["POST"])
def request_extension(task=None, requested_due_date=None, reason=None) -> dict:
	"""The presiding unit asks the assigning unit for a later deadline; the request waits for its decision."""
	task = arguments.name(task, _("Nhiệm vụ"))
	requested_due_date = arguments.date(requested_due_date, _("Ngày đề nghị gia hạn"))
	reason = arguments.text(reason, _("Lý do"), limits.NARRATIVE_CHARS)
	if not requested_due_date or not (reason or "").strip():
		frappe.throw(_("Cần ghi ngày đề nghị gia hạn và lý do."), frappe.MandatoryError)
	doc = existing_task(task)
	doc.append("extensions", {"requested_due_date": requested_due_date, "reason": reason})
	doc.save()
	return {"task": doc.name, "extension_pending": doc.extension_pending}


@frappe.whitelist(methods=["POST"])
def decide_extension(task=None, request=None, approve=None) -> dict:
	"""The assigning unit approves or refuses a pending request (the task's own rules check who decides)."""
	task = arguments.name(task, _("Nhiệm vụ"))
	request = arguments.name(request, _("Đề nghị gia hạn"))
	approve = arguments.flag(approve, _("Đồng ý"))
	doc = existing_task(task)
	if not frappe.has_permission("DV Task", "write"):
		frappe.throw(
			_("Vai trò của bạn chỉ được xem, không được quyết định gia hạn."), frappe.PermissionError
		)
	row = next((row for row in doc.extensions if row.name == request), None)
	if row is None:
		frappe.throw(_("Không tìm thấy đề nghị gia hạn này ở nhiệm vụ."), frappe.DoesNotExistError)
	row.decision = task_rules.EXTENSION_APPROVED if approve else task_rules.EXTENSION_REFUSED
	# The assigning unit may be one that does not edit the task: the controller checks it may decide.
	doc.flags.ignore_permissions = True
	doc.save()
	return {"task": doc.name, "due_date": str(doc.due_date or ""), "extension_pending": doc.extension_pending}


@frappe.whitelist(methods=["POST"])
def cascade_task(task=None, units=None, due_date=None) -> list[str]:
	"""Give a task on to sub-units ("giao tiếp cho cấp dưới"): one sub-task per unit, all or none.

	Each sub-task is due no later than the parent (the sub-task's own validation says so in Vietnamese);
	creating one for a unit outside the user's scope is refused by the usual permission check.
	"""
	task = arguments.name(task, _("Nhiệm vụ"))
	units = arguments.names(units, _("Đơn vị cấp dưới"), limits.UNITS_PER_CASCADE)
	due_date = arguments.date(due_date, _("Hạn hoàn thành"))
	parent = existing_task(task)
	parent.check_permission("write")
	if not units:
		frappe.throw(_("Chọn ít nhất một đơn vị cấp dưới để giao nhiệm vụ."))
	with all_or_nothing():
		names = [
			frappe.get_doc(
				{
					"doctype": "DV Task",
					"title": parent.title,
					"directive": parent.directive,
					"parent_task": parent.name,
					"assigning_unit": parent.presiding_unit,
					"presiding_unit": unit,
					"description": parent.description,
					"source_clause": parent.source_clause,
					"deadline_text": parent.deadline_text,
					"start_date": parent.start_date,
					"due_date": due_date or parent.due_date,
				}
			)
			.insert()
			.name
			for unit in units
		]
	return names


def existing_task(task: str):
	"""The task, if it exists and the user may read it; one answer for both, so a hidden task's name is
	not confirmed."""
	doc = frappe.get_doc("DV Task", task) if frappe.db.exists("DV Task", task) else None
	if doc is None or not doc.has_permission("read"):
		frappe.throw(_("Không tìm thấy nhiệm vụ {0}.").format(frappe.bold(task)), frappe.DoesNotExistError)
	return doc
