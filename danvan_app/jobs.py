"""Scheduled jobs. Each is set-based: a fixed handful of SQL statements whatever the number of tasks."""

import dataclasses

import frappe
from frappe import _
from frappe.utils import add_days, cint, getdate, now_datetime
from pypika.terms import CustomFunction

from danvan_app.domain import recurrence as recurrence_rules
from danvan_app.domain import tasks as task_rules
from danvan_app.dv_directives.doctype.dv_settings.dv_settings import get_settings
from danvan_app.holidays import days_off

OPEN_STATUSES = (task_rules.STATUS_NOT_STARTED, task_rules.STATUS_IN_PROGRESS)


DateDiff = CustomFunction("DATEDIFF", ["later", "earlier"])


def refresh_deadline_outcomes(today=None) -> None:
	"""Recompute every task's deadline outcome and days late in nine UPDATEs, the set-based form of
	``task_rules.deadline_standing``; the status column is never touched."""
	today = getdate(today)
	Task = frappe.qb.DocType("DV Task")
	is_open = Task.status.isin(OPEN_STATUSES)
	done = Task.status == task_rules.STATUS_DONE
	rules = [
		(task_rules.OUTCOME_OVERDUE, is_open & (Task.due_date < today)),
		(task_rules.OUTCOME_WITHIN_DEADLINE, is_open & (Task.due_date >= today)),
		(task_rules.OUTCOME_ON_TIME, done & (Task.completed_on <= Task.due_date)),
		(task_rules.OUTCOME_DONE_LATE, done & (Task.completed_on > Task.due_date)),
		(
			task_rules.OUTCOME_NO_DEADLINE,
			(Task.status != task_rules.STATUS_CANCELLED) & Task.due_date.isnull(),
		),
	]
	for outcome, applies in rules:
		changed = (Task.deadline_outcome != outcome) | Task.deadline_outcome.isnull()
		frappe.qb.update(Task).set(Task.deadline_outcome, outcome).where(applies & changed).run()
	frappe.qb.update(Task).set(Task.deadline_outcome, None).where(
		(Task.status == task_rules.STATUS_CANCELLED) & Task.deadline_outcome.isnotnull()
	).run()
	days_late = {
		task_rules.OUTCOME_OVERDUE: DateDiff(today, Task.due_date),
		task_rules.OUTCOME_DONE_LATE: DateDiff(Task.completed_on, Task.due_date),
	}
	for outcome, late in days_late.items():
		frappe.qb.update(Task).set(Task.days_late, late).where(
			(Task.deadline_outcome == outcome) & ((Task.days_late != late) | Task.days_late.isnull())
		).run()
	frappe.qb.update(Task).set(Task.days_late, 0).where(
		(Task.deadline_outcome.isnull() | Task.deadline_outcome.notin(list(days_late)))
		& (Task.days_late != 0)
	).run()


DEFINITION_FIELDS = (
	"name",
	"title",
	"recurrence",
	"start_date",
	"creation",
	"recurrence_until",
	"recurrence_offset_days",
	"deadline_month",
	"directive",
	"presiding_unit",
	"presiding_leader",
	"presiding_officer",
	"assigning_unit",
	"description",
	"source_clause",
	"deadline_text",
	"weight",
)


def generate_recurring_instances(today=None) -> int:
	"""Create the open instance of every recurring duty's due periods (catching up missed ones).

	Four reads and a few bulk INSERTs, whatever the number of duties. Instance names are
	``<duty>-<period key>`` and inserted with INSERT IGNORE, so a second run, or two runs at once, can
	never create a period twice; existing instances, open or closed, are never touched.
	"""
	today = getdate(today)
	Task = frappe.qb.DocType("DV Task")
	recurrence_keys = {label: key for label, key in task_rules.RECURRENCE_KEYS.items() if key != "none"}
	duties = (
		frappe.qb.from_(Task)
		.select(*(Task[f] for f in DEFINITION_FIELDS))
		.where(
			Task.recurrence.isin(list(recurrence_keys))
			& (Task.status != task_rules.STATUS_CANCELLED)
			& (Task.recurring_source.isnull() | (Task.recurring_source == ""))
		)
		.run(as_dict=True)
	)
	if not duties:
		return 0
	existing = set(
		frappe.qb.from_(Task)
		.select(Task.recurring_source, Task.period_key)
		.where(Task.recurring_source.isin([d.name for d in duties]))
		.run()
	)
	definitions = [
		recurrence_rules.Definition(
			name=d.name,
			recurrence=recurrence_keys[d.recurrence],
			start=getdate(d.start_date or d.creation),
			end=getdate(d.recurrence_until) if d.recurrence_until else None,
			offset_days=cint(d.recurrence_offset_days),
			month=cint(d.deadline_month) or None,
		)
		for d in duties
	]
	settings = get_settings()
	instances = recurrence_rules.instances_due(definitions, existing, today, settings.instance_lead_days)
	if not instances:
		return 0
	by_name = {d.name: d for d in duties}
	if settings.working_days_only:
		instances = move_off_days_off(instances, by_name)
	insert_instances(instances, by_name, today)
	copy_coordinating_units(instances)
	assign_instances(instances, by_name)
	return len(instances)


def move_off_days_off(instances: list, duties: dict) -> list:
	"""Working-day mode for generated instances: two queries for all of them (unit lists, then days off)."""
	Unit = frappe.qb.DocType("DV Unit")
	presiding = sorted({duties[i.definition].presiding_unit for i in instances})
	list_of_unit = dict(
		frappe.qb.from_(Unit).select(Unit.name, Unit.holiday_list).where(Unit.name.isin(presiding)).run()
	)
	lists = {name for name in list_of_unit.values() if name}
	off = days_off(lists, min(i.due for i in instances), max(i.due for i in instances))
	return [
		dataclasses.replace(
			instance,
			due=task_rules.next_working_day(
				instance.due, off.get(list_of_unit.get(duties[instance.definition].presiding_unit), set())
			),
		)
		for instance in instances
	]


def bulk_insert_rows(doctype: str, rows: list[dict], ignore_duplicates: bool = False) -> None:
	"""Insert rows (dicts with the same keys) in chunked multi-row INSERTs, stamped as Frappe stamps a
	document it inserts: owner, modified_by, creation and modified."""
	if not rows:
		return
	now, user = now_datetime(), frappe.session.user
	stamp = {"creation": now, "modified": now, "owner": user, "modified_by": user}
	columns = list(rows[0])
	frappe.db.bulk_insert(
		doctype,
		[*stamp, *columns],
		([*stamp.values(), *(row[column] for column in columns)] for row in rows),
		ignore_duplicates=ignore_duplicates,
	)


def assignees_of(duty) -> list[str]:
	return list(dict.fromkeys(u for u in (duty.presiding_leader, duty.presiding_officer) if u))


def insert_instances(instances, duties: dict, today) -> None:
	rows = []
	for instance in instances:
		duty = duties[instance.definition]
		assignees = assignees_of(duty)
		rows.append(
			{
				"name": instance.name,
				"docstatus": 0,
				"idx": 0,
				"title": f"{duty.title} – {instance.period.label}",
				"directive": duty.directive,
				"presiding_unit": duty.presiding_unit,
				"presiding_leader": duty.presiding_leader,
				"presiding_officer": duty.presiding_officer,
				"assigning_unit": duty.assigning_unit,
				"status": task_rules.STATUS_NOT_STARTED,
				"progress": 0,
				**task_rules.deadline_standing(
					status=task_rules.STATUS_NOT_STARTED, due=instance.due, completed_on=None, today=today
				),
				"deadline_kind": task_rules.DEADLINE_KIND_LABELS["date"],
				"deadline_text": duty.deadline_text,
				"start_date": instance.start,
				"due_date": instance.due,
				"original_due_date": instance.due,
				"recurrence": task_rules.RECURRENCE_LABELS["none"],
				"period_label": instance.period.label,
				"period_key": instance.period.key,
				"recurring_source": instance.definition,
				"description": duty.description,
				"source_clause": duty.source_clause,
				"weight": duty.weight or 1,
				"_assign": frappe.as_json(assignees) if assignees else None,
			}
		)
	bulk_insert_rows("DV Task", rows, ignore_duplicates=True)


def copy_coordinating_units(instances) -> None:
	Coordinating = frappe.qb.DocType("DV Task Coordinating Unit")
	units_by_duty: dict[str, list] = {}
	for parent, unit, idx in (
		frappe.qb.from_(Coordinating)
		.select(Coordinating.parent, Coordinating.unit, Coordinating.idx)
		.where(
			(Coordinating.parenttype == "DV Task")
			& Coordinating.parent.isin(list({i.definition for i in instances}))
		)
		.run()
	):
		units_by_duty.setdefault(parent, []).append((unit, idx))
	rows = [
		{
			"name": f"{instance.name}-{idx}",
			"docstatus": 0,
			"idx": idx,
			"parent": instance.name,
			"parenttype": "DV Task",
			"parentfield": "coordinating_units",
			"unit": unit,
		}
		for instance in instances
		for unit, idx in units_by_duty.get(instance.definition, [])
	]
	bulk_insert_rows("DV Task Coordinating Unit", rows, ignore_duplicates=True)


def assign_instances(instances, duties: dict) -> None:
	"""One open ToDo per assignee of each new instance, as Frappe's assign_to would make, in bulk."""
	rows = [
		{
			"name": frappe.generate_hash(length=10),
			"status": "Open",
			"priority": "Medium",
			"date": instance.due,
			"allocated_to": assignee,
			"description": f"{duties[instance.definition].title} – {instance.period.label}",
			"reference_type": "DV Task",
			"reference_name": instance.name,
			"assigned_by": frappe.session.user,
		}
		for instance in instances
		for assignee in assignees_of(duties[instance.definition])
	]
	bulk_insert_rows("ToDo", rows)


def overdue_tasks_with_managers(days_overdue: int = 0, escalate: bool = False, today=None) -> list:
	"""Open overdue tasks with the leader who must hear of them, in one query: for the digest, every task
	overdue and the presiding unit's leader; when escalating, the tasks that reach ``days_overdue`` days late
	today and the parent unit's leader (each task escalates once, not every day after)."""
	today = getdate(today)
	Task, Unit, Parent = (
		frappe.qb.DocType("DV Task"),
		frappe.qb.DocType("DV Unit"),
		frappe.qb.DocType("DV Unit"),
	)
	Parent = Parent.as_("parent_unit")
	manager = Parent.dan_van_leader if escalate else Unit.dan_van_leader
	query = (
		frappe.qb.from_(Task)
		.join(Unit)
		.on(Unit.name == Task.presiding_unit)
		.select(Task.name, Task.title, Task.due_date, Unit.unit_name, manager.as_("manager"))
		.where(
			Task.status.isin(OPEN_STATUSES)
			& (
				(Task.due_date == add_days(today, -days_overdue))
				if escalate
				else (Task.due_date < add_days(today, -days_overdue))
			)
		)
		.orderby(Task.due_date)
	)
	if escalate:
		query = query.join(Parent).on(Parent.name == Unit.parent_dv_unit)
	return [row for row in query.run(as_dict=True) if row.manager]


def send_overdue_digest(today=None) -> int:
	"""Weekly: each presiding unit's leader gets one email listing its overdue tasks."""
	return _mail_by_manager(overdue_tasks_with_managers(today=today), _("Nhiệm vụ quá hạn của đơn vị"))


def escalate_overdue(today=None) -> int:
	"""Daily: a task that reaches the configured number of days overdue is reported to the parent unit's
	leader."""
	rows = overdue_tasks_with_managers(get_settings().escalation_days, escalate=True, today=today)
	return _mail_by_manager(rows, _("Nhiệm vụ quá hạn kéo dài ở đơn vị cấp dưới"))


def _mail_by_manager(rows: list, subject: str) -> int:
	by_manager: dict[str, list] = {}
	for row in rows:
		by_manager.setdefault(row.manager, []).append(row)
	for manager, tasks in by_manager.items():
		frappe.sendmail(
			recipients=[manager],
			subject=f"{subject} ({len(tasks)})",
			template="dv_overdue_digest",
			args={"tasks": tasks, "title": subject},
			reference_doctype="DV Task",
			reference_name=tasks[0].name,
		)
	return len(by_manager)


def daily() -> None:
	"""The daily sequence: new periods first, so their outcomes are fresh too, then escalation."""
	generate_recurring_instances()
	refresh_deadline_outcomes()
	escalate_overdue()
