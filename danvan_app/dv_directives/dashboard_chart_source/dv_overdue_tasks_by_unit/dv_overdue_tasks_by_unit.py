"""Overdue tasks by presiding unit: the ten units with the most, by name, in one query within the user's
scope. Not cached: Frappe's chart cache is shared by every user, and each user sees their own units."""

import frappe
from frappe import _
from frappe.query_builder.functions import Count

from danvan_app.domain import tasks as task_rules
from danvan_app.domain.units import short_unit_name
from danvan_app.permissions import task_scope_criterion

GROUPS = 10


@frappe.whitelist()
@frappe.read_only()
def get(chart_name=None, chart=None, no_cache=None, filters=None, **_kwargs) -> dict:
	Task, Unit = frappe.qb.DocType("DV Task"), frappe.qb.DocType("DV Unit")
	overdue = Count(Task.name).as_("overdue")
	query = (
		frappe.qb.from_(Task)
		.join(Unit)
		.on(Unit.name == Task.presiding_unit)
		.select(Unit.unit_name, Unit.abbreviation, overdue)
		.where(Task.deadline_outcome == task_rules.OUTCOME_OVERDUE)
		.groupby(Task.presiding_unit, Unit.unit_name, Unit.abbreviation)
		.orderby(overdue, order=frappe.qb.desc)
		.limit(GROUPS)
	)
	scope = task_scope_criterion(Task)
	if scope is not None:
		query = query.where(scope)
	rows = query.run(as_dict=True)
	return {
		"labels": [short_unit_name(row.unit_name, row.abbreviation) for row in rows],
		"datasets": [{"name": _("Quá hạn"), "values": [row.overdue for row in rows]}],
		"type": "bar",
	}
