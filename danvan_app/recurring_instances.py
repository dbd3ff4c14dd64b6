"""Recurring duties ("định kỳ hằng quý", "hằng năm") made into dated task instances, set-based: a fixed
handful of reads and bulk INSERTs whatever the number of duties. The daily job (jobs.daily) runs it."""

import dataclasses

import frappe
from frappe.utils import cint, getdate

from danvan_app.assignments import assign_in_bulk
from danvan_app.domain import recurrence as recurrence_rules
from danvan_app.domain import tasks as task_rules
from danvan_app.dv_directives.doctype.dv_settings.dv_settings import get_settings
from danvan_app.holidays import days_off
from danvan_app.utils import bulk_insert_rows

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


def assignees_of(duty) -> list[str]:
	"""Who an instance is assigned to: the people the task's own controller assigns (DVTask.assignee_fields)."""
	from danvan_app.dv_directives.doctype.dv_task.dv_task import DVTask

	return list(dict.fromkeys(duty.get(field) for field in DVTask.assignee_fields if duty.get(field)))


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
	"""One open ToDo per assignee of each new instance, as Frappe's assign_to would make, in bulk, and never
	a second one (assignments.assign_in_bulk).

	Two runs at once compute the same instances; the second one's INSERT IGNORE waits on the first one's
	new task rows until it commits, with its ToDos; assign_in_bulk's check is a locking read, so it sees
	them and adds none."""
	assign_in_bulk(
		"DV Task",
		[
			{
				"name": instance.name,
				"user": assignee,
				"description": f"{duties[instance.definition].title} – {instance.period.label}",
				"date": instance.due,
			}
			for instance in instances
			for assignee in assignees_of(duties[instance.definition])
		],
	)
