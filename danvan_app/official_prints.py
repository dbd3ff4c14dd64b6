"""What the official print formats print beyond the document itself, for Jinja (registered in hooks.py as
``jinja.methods``): the header and signature of the issuing body, laid out by the macros of
``templates/includes/official_document.html``, and the tasks the printing user may read, each in a fixed
number of queries.

"DV Directive Official" prints a directive with its tasks; "DV Unit Open Tasks" a unit's open tasks.
"""

import dataclasses

import frappe
from frappe.query_builder.functions import Coalesce
from frappe.utils import getdate

from danvan_app.domain import report_draft as rd
from danvan_app.domain import tasks as task_rules
from danvan_app.permissions.scope import task_scope_criterion
from danvan_app.report_drafts import body_of

PRINTED_TASKS = 500


def _deadline(row) -> str:
	if row.due_date:
		return rd.vn_date(getdate(row.due_date))
	return row.deadline_text or row.deadline_kind or ""


def dv_directive_print(doc) -> dict:
	"""The directive's header in its issuer's layout and its own tasks (not those given on to sub-units,
	nor the dated instances of recurring duties), as the user sees them."""
	if doc.issuing_unit:
		body = body_of(doc.issuing_unit)
	else:
		body = rd.Body(doc.issuer_name or "……")
	header = rd.official_header(
		body, code="", number=doc.directive_number, day=getdate(doc.issue_date) if doc.issue_date else None
	)
	tasks = []
	if frappe.has_permission("DV Directive", "read", doc=doc.name):
		Task, Unit = frappe.qb.DocType("DV Task"), frappe.qb.DocType("DV Unit")
		query = (
			frappe.qb.from_(Task)
			.left_join(Unit)
			.on(Unit.name == Task.presiding_unit)
			.select(
				Task.name,
				Task.title,
				Unit.unit_name,
				Task.due_date,
				Task.deadline_text,
				Task.deadline_kind,
				Task.status,
				Task.deadline_outcome,
			)
			.where(
				(Task.directive == doc.name)
				& (Task.status != task_rules.STATUS_CANCELLED)
				& (Coalesce(Task.parent_task, "") == "")
				& (Coalesce(Task.recurring_source, "") == "")
			)
			.orderby(Task.creation)
			.orderby(Task.name)
			.limit(PRINTED_TASKS)
		)
		scope = task_scope_criterion(Task)
		if scope is not None:
			query = query.where(scope)
		rows = query.run(as_dict=True)
		coordinating = _coordinating_units([row.name for row in rows])
		tasks = [
			{
				"title": row.title,
				"presiding": row.unit_name or "",
				"coordinating": ", ".join(coordinating.get(row.name, [])),
				"deadline": _deadline(row),
				"status": row.status or "",
				"outcome": row.deadline_outcome or "",
			}
			for row in rows
		]
	return {
		"header": dataclasses.asdict(header),
		"kind": (doc.doc_type or "Văn bản").upper(),
		"subject": [doc.title or ""],
		"tasks": tasks,
		"signature": dataclasses.asdict(rd.signature_of(body)),
		"recipients": rd.recipient_lines(body.is_party, [("Các đơn vị chủ trì, phối hợp", "để thực hiện")]),
		"party": body.is_party,
	}


def _coordinating_units(tasks: list[str]) -> dict[str, list[str]]:
	if not tasks:
		return {}
	Row, Unit = frappe.qb.DocType("DV Task Coordinating Unit"), frappe.qb.DocType("DV Unit")
	rows = (
		frappe.qb.from_(Row)
		.left_join(Unit)
		.on(Unit.name == Row.unit)
		.select(Row.parent, Unit.unit_name)
		.where((Row.parenttype == "DV Task") & Row.parent.isin(tasks))
		.orderby(Row.idx)
		.run()
	)
	grouped: dict[str, list[str]] = {}
	for parent, unit_name in rows:
		grouped.setdefault(parent, []).append(unit_name or "")
	return grouped


def dv_unit_open_tasks(doc) -> dict:
	"""The open tasks ``doc`` presides over (not done, not cancelled), earliest deadline first, with the
	unit's own header and signature."""
	today = getdate()
	body = body_of(doc.name)
	header = rd.unnumbered(
		dataclasses.replace(rd.official_header(body, code=""), place_date=rd.date_line(today))
	)
	tasks = []
	if frappe.has_permission("DV Unit", "read", doc=doc.name):
		Task, Directive = frappe.qb.DocType("DV Task"), frappe.qb.DocType("DV Directive")
		query = (
			frappe.qb.from_(Task)
			.left_join(Directive)
			.on(Directive.name == Task.directive)
			.select(
				Task.title,
				Directive.directive_number,
				Task.due_date,
				Task.deadline_text,
				Task.deadline_kind,
				Task.deadline_outcome,
				Task.days_late,
				Task.progress,
			)
			.where(
				(Task.presiding_unit == doc.name)
				& Task.status.notin([task_rules.STATUS_DONE, task_rules.STATUS_CANCELLED])
				# a recurring duty is printed through its dated instances
				& ~(
					(
						Coalesce(Task.recurrence, task_rules.RECURRENCE_LABELS["none"])
						!= task_rules.RECURRENCE_LABELS["none"]
					)
					& (Coalesce(Task.recurring_source, "") == "")
				)
			)
			.orderby(Coalesce(Task.due_date, "9999-12-31"))
			.orderby(Task.title)
			.limit(PRINTED_TASKS)
		)
		scope = task_scope_criterion(Task)
		if scope is not None:
			query = query.where(scope)
		for row in query.run(as_dict=True):
			outcome = row.deadline_outcome or ""
			if row.days_late:
				outcome += f" ({row.days_late} ngày)"
			tasks.append(
				{
					"title": row.title,
					"directive": row.directive_number or "",
					"deadline": _deadline(row),
					"outcome": outcome,
					"progress": f"{round(row.progress or 0)}%",
				}
			)
	return {
		"header": dataclasses.asdict(header),
		"kind": "DANH SÁCH",
		"subject": [
			f"Nhiệm vụ đang thực hiện do {body.name} chủ trì",
			f"(tính đến ngày {rd.vn_date(today)})",
		],
		"tasks": tasks,
		"signature": dataclasses.asdict(rd.signature_of(body)),
		"recipients": [],
		"party": body.is_party,
	}
