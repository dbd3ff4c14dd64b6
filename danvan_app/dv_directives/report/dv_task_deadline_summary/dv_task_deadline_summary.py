# Copyright (c) 2026, danvan_app developers
# For license information, please see license.txt
"""Tổng hợp thực hiện nhiệm vụ theo đơn vị chủ trì: one aggregate query, whatever the number of tasks.

Rows are units, not tasks, so the browser receives at most one row per unit; the user's unit scope is part
of the same query (danvan_app.permissions.task_scope_criterion).

"Cộng dồn lên cấp" adds each presiding unit's counts to the unit of that level above it (a unit above the
level keeps its own row), and "Cơ cấu tổ chức tại ngày" takes the tree as it was on a date for that and for
the unit filter: each unit under the parent it had then (reports.tree_on_date), so 2024 figures roll up to
the districts of 2024. Then the tasks are counted once per presiding unit in one grouped query and added up
in Python: three queries whatever the number of tasks or units, the scope the same.
"""

import frappe
from frappe import _
from frappe.utils import getdate, today

from danvan_app.domain import tasks as task_rules
from danvan_app.domain import unit_history
from danvan_app.domain.units import short_unit_name
from danvan_app.permissions import task_scope_criterion
from danvan_app.permissions.scope import subtree_criterion, user_scope
from danvan_app.reports.task_counts import (
	COUNT_KEYS,
	add_on_time_rate,
	count_columns,
	count_terms,
	totals_row,
)
from danvan_app.reports.totals import with_totals
from danvan_app.reports.tree_on_date import UnitsOn, as_of_date


def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	rows = get_rows(filters)
	add_on_time_rate(rows)  # the counts are COUNTs: integers, never NULL
	# The report's own totals row (reports/totals.py): Frappe's also walked every cell of every column,
	# 11 ms for 3,000 units, more than the rest of the report's Python.
	total = totals_row(rows, "unit_name") if rows else None
	return with_totals(get_columns(), rows, None, get_chart(rows), total=total)


def get_columns() -> list[dict]:
	columns = [
		{"fieldname": "unit_name", "label": _("Đơn vị chủ trì"), "fieldtype": "Data", "width": 280},
		# Data, not Link: Frappe drops report rows whose Link values fall outside the user's User Permissions,
		# which would hide the presiding unit of a task the user sees as a coordinating unit. Hidden: the
		# reader sees names; the id stays for drill-down and exports.
		{"fieldname": "unit", "label": _("Mã đơn vị"), "fieldtype": "Data", "hidden": 1},
	]
	return columns + count_columns()


def get_rows(filters: frappe._dict) -> list[frappe._dict]:
	"""Each presiding unit's counts, then the unit's name joined to its row: the counts come from the
	(presiding unit, status, outcome) index alone, read in its order with no temporary table; grouped by the
	unit's name and abbreviation too, MariaDB built one over all tasks (0.70 against 1.53 s at 120,000
	tasks, same rows)."""
	day = as_of_date(filters)
	if day or filters.roll_up_level:
		return get_rows_on(filters, day or getdate(today()))
	Task, Unit = frappe.qb.DocType("DV Task"), frappe.qb.DocType("DV Unit")
	counted = frappe.qb.from_(Task).select(Task.presiding_unit, *count_terms(Task))
	counted = filtered(counted.where(Task.status != task_rules.STATUS_CANCELLED), Task, filters)
	if filters.unit:
		Sub = frappe.qb.DocType("DV Unit").as_("sub")
		subtree = subtree_criterion(Sub, filters.unit)
		counted = counted.where(
			Task.presiding_unit.isin(frappe.qb.from_(Sub).select(Sub.name).where(subtree))
		)
	per_unit = counted.groupby(Task.presiding_unit).as_("per_unit")
	return (
		frappe.qb.from_(per_unit)
		.join(Unit)
		.on(Unit.name == per_unit.presiding_unit)
		.select(
			per_unit.presiding_unit.as_("unit"),
			Unit.unit_name,
			Unit.abbreviation,
			*(per_unit[key] for key in COUNT_KEYS),
		)
		# Units with as many tasks in tree order, so every run (and the replica) gives the same rows.
		.orderby(per_unit.total, order=frappe.qb.desc)
		.orderby(Unit.lft)
		.run(as_dict=True)
	)


def filtered(query, Task, filters: frappe._dict):
	"""The user's scope, the directive and the deadline range or period chosen."""
	scope = task_scope_criterion(Task)
	if scope is not None:
		query = query.where(scope)
	if filters.directive:
		query = query.where(Task.directive == filters.directive)
	if filters.from_date:
		query = query.where(Task.due_date >= filters.from_date)
	if filters.to_date:
		query = query.where(Task.due_date <= filters.to_date)
	if filters.period_label:
		query = query.where(Task.period_label == filters.period_label)
	return query


def get_rows_on(filters: frappe._dict, day) -> list[frappe._dict]:
	"""Rows on the tree of ``day``: per presiding unit, or per unit of the chosen level above it."""
	Task = frappe.qb.DocType("DV Task")
	query = (
		frappe.qb.from_(Task)
		.select(Task.presiding_unit, *count_terms(Task))
		.where(Task.status != task_rules.STATUS_CANCELLED)
		.groupby(Task.presiding_unit)
	)
	per_unit = filtered(query, Task, filters).run(as_dict=True)
	units = UnitsOn(day)
	tree = units.tree
	scope = user_scope()
	counts: dict[str, dict[str, int]] = {}
	for row in per_unit:
		unit = row.presiding_unit
		if unit not in units.info or (filters.unit and not tree.within(unit, filters.unit)):
			continue
		if filters.roll_up_level:
			level_unit = unit_history.nearest_of_level(tree, unit, filters.roll_up_level, units.level_of)
			# Rolled up only into a unit the user acts for: a scoped user's row never names a unit
			# outside their part of the tree (a commune moved out of it keeps its own row).
			if level_unit and (scope.unrestricted or level_unit in scope.units):
				unit = level_unit
		target = counts.setdefault(unit, dict.fromkeys(COUNT_KEYS, 0))
		for key in COUNT_KEYS:
			target[key] += int(row[key] or 0)
	rows = [
		frappe._dict(
			unit=unit,
			unit_name=units.info[unit].unit_name,
			abbreviation=units.info[unit].abbreviation,
			**values,
		)
		for unit, values in counts.items()
	]
	return sorted(rows, key=lambda row: (-row.total, units.info[row.unit].lft or 0))


def get_chart(rows: list[dict]) -> dict | None:
	late = [row for row in rows if row["overdue"] or row["done_late"]]
	top = sorted(late, key=lambda row: (row["overdue"], row["done_late"]), reverse=True)[:10]
	if not top:
		return None
	return {
		"data": {
			"labels": [short_unit_name(row["unit_name"], row["abbreviation"]) for row in top],
			"datasets": [
				{"name": _("Quá hạn"), "values": [row["overdue"] for row in top]},
				{"name": _("Hoàn thành trễ hạn"), "values": [row["done_late"] for row in top]},
			],
		},
		"type": "bar",
		"colors": ["#e24c4c", "#f0a04b"],
		# Counts are whole numbers: the axis is formatted as such (danvan_app/public/js reports).
		"fieldtype": "Int",
	}
