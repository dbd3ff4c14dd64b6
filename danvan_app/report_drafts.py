"""The data of a "Báo cáo kết quả thực hiện" a directive, read in a fixed number of queries, and the draft
rendered as Word, HTML or PDF.

What a period reports and how each task stood on the figures' day are the domain core's rules
(``danvan_app.domain.report_draft.reported_in`` and ``standing_as_of``); the SQL below states the same two
rules so that the counting is done by the database, one row per presiding unit, whatever the number of
tasks. Every task read is in the user's unit scope (``task_scope_criterion``), in the same query.

Which tasks: the directive's and those of the documents issued to carry it out (its plans and
programmes, recorded with the directive as their parent, down to ``FAMILY_DEPTH`` levels): a province's
plan implementing a Central directive *is* its implementation, and its tasks are what the report is
about. Tasks given on to sub-units count once per unit that presides over a part, as in the summary
report (DV Task Deadline Summary).
"""

import frappe
from frappe.query_builder.functions import Coalesce, Count, Sum
from frappe.utils import getdate
from pypika import Order
from pypika import analytics as an
from pypika.terms import Case

from danvan_app.domain import report_draft as rd
from danvan_app.domain import tasks as task_rules
from danvan_app.permissions.scope import task_scope_criterion, user_scope

FAMILY_DEPTH = 3
LISTED_TASKS = 300  # tasks named in sections III and IV; the figures count every one
NOTES_PER_UNIT = rd.NOTES_PER_UNIT
NO_UNIT = "(Chưa xác định đơn vị chủ trì)"
DUTY_LABELS = [label for key, label in task_rules.RECURRENCE_LABELS.items() if key != "none"]


def result_report(directive: str, period_key: str, year: int, user: str | None = None, today=None):
	"""The draft (``rd.Document``) of ``directive``'s results in the period, as ``user`` sees the tasks.
	The caller has checked the user may read the directive."""
	user = user or frappe.session.user
	today = getdate(today)
	period = rd.report_period(period_key, year)
	as_of = rd.figures_date(period, today)
	info = frappe.db.get_value(
		"DV Directive",
		directive,
		["name", "directive_number", "doc_type", "title", "issue_date", "issuing_unit", "issuer_name"],
		as_dict=True,
	)
	family = implementing_documents(directive)
	names = [directive, *(doc.name for doc in family)]
	unit_names = unit_names_of({info.issuing_unit, *(doc.issuing_unit for doc in family)} - {None, ""})
	# The tree's full name of the issuing unit, else the issuer as written on the document.
	issuer = unit_names.get(info.issuing_unit) or info.issuer_name

	Task = frappe.qb.DocType("DV Task")
	where = reported_criterion(Task, names, period, as_of, user)
	reporting_unit = choose_reporting_unit(info.issuing_unit, user)
	body = body_of(reporting_unit)
	return rd.result_report(
		directive=rd.DirectiveInfo(
			info.directive_number,
			info.doc_type,
			info.title,
			getdate(info.issue_date) if info.issue_date else None,
			issuer,
		),
		body=body,
		period=period,
		as_of=as_of,
		today=today,
		figures=unit_figures(Task, where, as_of),
		tasks=listed_tasks(Task, where, as_of),
		notes=progress_notes(Task, where, period, as_of),
		implementing=[
			rd.ImplementingDoc(
				doc.doc_type,
				doc.directive_number,
				getdate(doc.issue_date) if doc.issue_date else None,
				unit_names.get(doc.issuing_unit) or doc.issuer_name,
			)
			for doc in family
		],
		recipients_above=[issuer] if issuer and info.issuing_unit != reporting_unit else [],
	)


def implementing_documents(directive: str) -> list[frappe._dict]:
	"""The documents issued to carry ``directive`` out that the user may read, level by level: one
	query a level, at most FAMILY_DEPTH."""
	found, level = [], [directive]
	seen = {directive}
	for _depth in range(FAMILY_DEPTH):
		rows = frappe.get_list(
			"DV Directive",
			filters={"parent_directive": ["in", level]},
			fields=["name", "doc_type", "directive_number", "issue_date", "issuing_unit", "issuer_name"],
			order_by="issue_date asc, name asc",
			limit_page_length=0,
		)
		rows = [row for row in rows if row.name not in seen]
		if not rows:
			break
		seen.update(row.name for row in rows)
		found += rows
		level = [row.name for row in rows]
	return found


def unit_names_of(units) -> dict[str, str]:
	if not units:
		return {}
	Unit = frappe.qb.DocType("DV Unit")
	rows = frappe.qb.from_(Unit).select(Unit.name, Unit.unit_name).where(Unit.name.isin(sorted(units))).run()
	return dict(rows)


def done_criterion(Task, as_of):
	"""Done on or before the figures' day (a done task without a date counts as done)."""
	return (Task.status == task_rules.STATUS_DONE) & (
		Task.completed_on.isnull() | (Task.completed_on <= as_of)
	)


def standing_cases(Task, as_of) -> dict:
	"""``rd.standing_as_of`` in SQL: one condition per standing, a partition of the reported tasks."""
	done = done_criterion(Task, as_of)
	still = ~done
	finished = Coalesce(Task.completed_on, as_of)
	return {
		rd.ON_TIME: done & Task.due_date.notnull() & (finished <= Task.due_date),
		rd.DONE_LATE: done & Task.due_date.notnull() & (finished > Task.due_date),
		rd.DONE_NO_DEADLINE: done & Task.due_date.isnull(),
		rd.WITHIN: still & Task.due_date.notnull() & (Task.due_date >= as_of),
		rd.OVERDUE: still & Task.due_date.notnull() & (Task.due_date < as_of),
		rd.OPEN_NO_DEADLINE: still & Task.due_date.isnull(),
	}


def reported_criterion(Task, directives: list[str], period: rd.Period, as_of, user: str):
	"""``rd.reported_in`` in SQL, for the tasks of ``directives`` in the user's scope."""
	where = (
		Task.directive.isin(directives)
		& (Task.status != task_rules.STATUS_CANCELLED)
		# a recurring duty: its dated instances are reported instead
		& ~(Task.recurrence.isin(DUTY_LABELS) & (Coalesce(Task.recurring_source, "") == ""))
		& (
			(Task.status != task_rules.STATUS_DONE)
			| Task.completed_on.isnull()
			| (Task.completed_on >= period.start)
		)
		& (Task.start_date.isnull() | (Task.start_date <= as_of))
	)
	scope = task_scope_criterion(Task, user)
	return where if scope is None else where & scope


def unit_figures(Task, where, as_of) -> list[rd.UnitFigures]:
	"""One aggregate query: each presiding unit's reported tasks counted by standing."""
	Unit = frappe.qb.DocType("DV Unit")
	counts = [
		Sum(Case().when(condition, 1).else_(0)).as_(key)
		for key, condition in standing_cases(Task, as_of).items()
	]
	rows = (
		frappe.qb.from_(Task)
		.left_join(Unit)
		.on(Unit.name == Task.presiding_unit)
		.select(Task.presiding_unit, Unit.unit_name, Count(Task.name).as_("total"), *counts)
		.where(where)
		.groupby(Task.presiding_unit, Unit.unit_name)
		.run(as_dict=True)
	)
	return [
		rd.UnitFigures(row.unit_name or NO_UNIT, **{key: int(row[key] or 0) for key in rd.STANDINGS})
		for row in rows
	]


def listed_tasks(Task, where, as_of) -> list[rd.TaskLine]:
	"""The tasks sections III and IV name (every standing but done on time or done without a deadline),
	earliest deadline first, at most LISTED_TASKS."""
	Unit = frappe.qb.DocType("DV Unit")
	cases = standing_cases(Task, as_of)
	mentioned = cases[rd.DONE_LATE] | ~done_criterion(Task, as_of)
	rows = (
		frappe.qb.from_(Task)
		.left_join(Unit)
		.on(Unit.name == Task.presiding_unit)
		.select(Task.title, Unit.unit_name, Task.status, Task.due_date, Task.completed_on)
		.where(where & mentioned)
		.orderby(Coalesce(Task.due_date, "9999-12-31"))
		.orderby(Task.title)
		.limit(LISTED_TASKS)
		.run(as_dict=True)
	)
	return [
		rd.TaskLine(
			row.title,
			row.unit_name or NO_UNIT,
			row.status,
			getdate(row.due_date) if row.due_date else None,
			getdate(row.completed_on) if row.completed_on else None,
		)
		for row in rows
	]


def progress_notes(Task, where, period: rd.Period, as_of) -> list[rd.ProgressNote]:
	"""Each reporting unit's latest progress notes of the period on the reported tasks (at most
	NOTES_PER_UNIT a unit, picked by the database with a window function)."""
	Progress, Unit = frappe.qb.DocType("DV Task Progress"), frappe.qb.DocType("DV Unit")
	rank = (
		an.RowNumber()
		.over(Progress.unit)
		.orderby(Progress.update_date, order=Order.desc)
		.orderby(Progress.idx, order=Order.desc)
	)
	ranked = (
		frappe.qb.from_(Progress)
		.join(Task)
		.on(Task.name == Progress.parent)
		.left_join(Unit)
		.on(Unit.name == Progress.unit)
		.select(
			Unit.unit_name.as_("unit_name"),
			Task.title.as_("task_title"),
			Progress.update_date.as_("update_date"),
			Progress.narrative.as_("narrative"),
			rank.as_("note_rank"),
		)
		.where(
			where
			& (Progress.parenttype == "DV Task")
			& (Progress.parentfield == "progress_updates")
			& (Progress.update_date >= period.start)
			& (Progress.update_date <= as_of)
			& (Coalesce(Progress.narrative, "") != "")
		)
	)
	rows = (
		frappe.qb.from_(ranked)
		.select(ranked.unit_name, ranked.task_title, ranked.update_date, ranked.narrative)
		.where(ranked.note_rank <= NOTES_PER_UNIT)
		.run(as_dict=True)
	)
	return [
		rd.ProgressNote(row.unit_name or NO_UNIT, row.task_title, getdate(row.update_date), row.narrative)
		for row in rows
	]


def choose_reporting_unit(issuing_unit: str | None, user: str) -> str | None:
	"""The unit the report is issued by (``rd.choose_reporting_unit``): the user's highest units are those
	of their scope with no parent in it, read in one query."""
	scope = user_scope(user)
	tops = []
	if scope.units:
		Unit = frappe.qb.DocType("DV Unit")
		rows = (
			frappe.qb.from_(Unit)
			.select(Unit.name, Unit.parent_dv_unit)
			.where(Unit.name.isin(sorted(scope.units)))
			.orderby(Unit.lft)
			.run(as_dict=True)
		)
		tops = [row.name for row in rows if row.parent_dv_unit not in scope.units]
	return rd.choose_reporting_unit(issuing_unit, sorted(scope.units), tops, scope.unrestricted)


def body_of(unit: str | None) -> rd.Body:
	"""The reporting unit as the header names it, with its superior (one query)."""
	if not unit:
		return rd.Body("……")
	Unit, Parent = frappe.qb.DocType("DV Unit"), frappe.qb.DocType("DV Unit").as_("parent_unit")
	row = (
		frappe.qb.from_(Unit)
		.left_join(Parent)
		.on(Parent.name == Unit.parent_dv_unit)
		.select(
			Unit.unit_name,
			Unit.unit_kind,
			Unit.abbreviation,
			Unit.head_name,
			Parent.unit_name.as_("superior"),
		)
		.where(Unit.name == unit)
		.run(as_dict=True)
	)[0]
	return rd.Body(row.unit_name, row.unit_kind, row.superior, row.abbreviation, row.head_name)


# --- rendering ----------------------------------------------------------------------------------------------

TEMPLATE = "danvan_app/templates/report_drafts/result_report.html"
# The margins of both 36-HD/VPTW and Nghị định 30: top and bottom 20 mm, left 30 mm, right 15 mm.
PDF_OPTIONS = {"margin-top": "20mm", "margin-bottom": "20mm", "margin-left": "30mm", "margin-right": "15mm"}


def as_html(document: rd.Document) -> str:
	return frappe.render_template(TEMPLATE, {"document": document.as_dict()})


def as_pdf(document: rd.Document) -> bytes:
	from frappe.utils.pdf import get_pdf

	return get_pdf(as_html(document), options=dict(PDF_OPTIONS))


def as_docx(document: rd.Document) -> bytes:
	from danvan_app.writers.word import report_docx

	return report_docx(document)
