# Copyright (c) 2026, danvan_app developers
# For license information, please see license.txt
"""Kết quả thực hiện nhiệm vụ theo cây đơn vị: each row is a unit and counts the tasks presided over by that
unit and every unit under it, in one query whatever the number of tasks.

The rows are disjoint subtrees, so the totals row adds up: the outermost units of one level (a sở under the
provincial People's Committee is inside its row), or the units directly under a chosen unit together with
a row for that unit's own tasks, or by default the top of the user's part of the tree. A row's tasks are
found by the tree's bounds (lft/rgt), not by a list of names.
"""

import frappe
from frappe import _
from frappe.query_builder.functions import Sum
from frappe.utils import today

from danvan_app.domain import tasks as task_rules
from danvan_app.domain.units import short_unit_name
from danvan_app.permissions import task_scope_criterion
from danvan_app.permissions.scope import user_scope
from danvan_app.reports import task_counts
from danvan_app.reports.units import open_unit_criterion


def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	rows = get_rows(filters)
	task_counts.finish_counts(rows)
	return get_columns(), rows, None, get_chart(rows)


def get_columns() -> list[dict]:
	return [
		{
			"fieldname": "unit_name",
			"label": _("Đơn vị (gồm các đơn vị trực thuộc)"),
			"fieldtype": "Data",
			"width": 300,
		},
		# Data, not Link (Frappe would drop rows whose Link value the user's User Permissions do not list);
		# hidden, kept for the drill-down to the task list.
		{"fieldname": "unit", "label": _("Mã đơn vị"), "fieldtype": "Data", "hidden": 1},
		{
			"fieldname": "own_tasks_only",
			"label": _("Chỉ nhiệm vụ của đơn vị"),
			"fieldtype": "Check",
			"hidden": 1,
		},
		*task_counts.count_columns(),
		{"fieldname": "period_from", "label": _("Từ ngày"), "fieldtype": "Date", "hidden": 1},
		{"fieldname": "period_to", "label": _("Đến ngày"), "fieldtype": "Date", "hidden": 1},
	]


def get_rows(filters: frappe._dict) -> list[frappe._dict]:
	Task = frappe.qb.DocType("DV Task")
	Row = frappe.qb.DocType("DV Unit").as_("row_unit")
	Presiding = frappe.qb.DocType("DV Unit").as_("presiding_unit")
	Parent = frappe.qb.DocType("DV Unit").as_("parent_unit")

	presiding = (Presiding.lft >= Row.lft) & (Presiding.rgt <= Row.rgt)
	if filters.parent_unit:
		# The chosen unit's row holds only the tasks it presides over itself; its children's rows the rest.
		presiding = ((Row.name == filters.parent_unit) & (Presiding.name == Row.name)) | (
			(Row.name != filters.parent_unit) & presiding
		)
	if filters.unit_kind:
		presiding &= Presiding.unit_kind == filters.unit_kind
	scope = user_scope()
	if not scope.unrestricted and not scope.units:
		return []  # a user granted no unit has no row (and "IN ()" is no SQL)
	counted = Task.status != task_rules.STATUS_CANCELLED
	for condition in (
		task_scope_criterion(Task),
		task_counts.in_period(Task, task_counts.year_and_period(filters)),
		(Task.directive == filters.directive) if filters.directive else None,
	):
		if condition is not None:
			counted &= condition

	# A left join all the way, so a unit with no task in the filters still has its row of zeros.
	query = (
		frappe.qb.from_(Row)
		.left_join(Parent)
		.on(Parent.name == Row.parent_dv_unit)
		.left_join(Presiding)
		.on(presiding)
		.select(Row.name.as_("unit"), Row.unit_name, Row.abbreviation, Row.valid_to)
		.where(rows_shown(Row, Parent, filters, scope))
		.groupby(Row.name, Row.unit_name, Row.abbreviation, Row.valid_to, Row.lft)
		.orderby(Row.lft)
	)
	if scope.unrestricted:
		# The whole tree: each presiding unit's tasks counted once, then summed up the rows (joined under
		# every row of a subtree, a task was read once per row it rolls up to: 0.76 against 0.15 s at
		# 120,000 tasks).
		per_unit = (
			frappe.qb.from_(Task)
			.select(Task.presiding_unit, *task_counts.count_terms(Task))
			.where(counted)
			.groupby(Task.presiding_unit)
		).as_("per_unit")
		query = (
			query.left_join(per_unit)
			.on(per_unit.presiding_unit == Presiding.name)
			.select(*(Sum(per_unit[key]).as_(key) for key in task_counts.COUNT_KEYS))
		)
	else:
		# A user's part of the tree: its units' tasks joined directly (counted per unit first, the scope's
		# coordinating-unit half made MariaDB read every task: 0.017 against 0.11 s at 120,000 tasks).
		query = (
			query.left_join(Task)
			.on((Task.presiding_unit == Presiding.name) & counted)
			.select(*task_counts.count_terms(Task))
		)
	rows = query.run(as_dict=True)
	bounds = task_counts.year_and_period(filters) or (None, None)
	for row in rows:
		# The period as dates, for the drill-down to the task list (the browser does not redo the rule).
		row.period_from, row.period_to = bounds
		row.own_tasks_only = int(row.unit == filters.parent_unit)
		if row.own_tasks_only:
			row.unit_name = _("{0} (nhiệm vụ đơn vị trực tiếp chủ trì)").format(row.unit_name)
		if row.valid_to:
			row.unit_name = _("{0} (đã giải thể {1})").format(
				row.unit_name, frappe.format(row.valid_to, "Date")
			)
	return rows


def rows_shown(Row, Parent, filters: frappe._dict, scope):
	"""The outermost units of the chosen level, the chosen unit and the units directly under it, or the top
	of the tree the user sees; only units the user acts for, and open ones unless closed units are asked
	for."""
	if filters.parent_unit:
		shown = (Row.parent_dv_unit == filters.parent_unit) | (Row.name == filters.parent_unit)
	elif filters.admin_level:
		shown = (Row.admin_level == filters.admin_level) & (
			Parent.name.isnull() | (Parent.admin_level != filters.admin_level) | Parent.admin_level.isnull()
		)
	elif scope.unrestricted:
		shown = Row.parent_dv_unit.isnull() | (Row.parent_dv_unit == "")
	else:
		# The top of the user's part of the tree: their units whose parent they do not act for.
		shown = Row.parent_dv_unit.isnull() | Row.parent_dv_unit.notin(sorted(scope.units))
	if not scope.unrestricted:
		shown &= Row.name.isin(sorted(scope.units))
	if not filters.include_closed:
		shown &= open_unit_criterion(Row, today())
	return shown


def get_chart(rows: list[dict]) -> dict | None:
	shown = sorted((row for row in rows if row["total"]), key=lambda row: row["total"], reverse=True)[:15]
	if not shown:
		return None
	outcomes = ("on_time", "done_late", "within_deadline", "overdue", "no_deadline")
	labels = dict((key, label) for key, label, _rule in task_counts.COUNTS)
	return {
		"data": {
			"labels": [short_unit_name(row["unit_name"], row["abbreviation"]) for row in shown],
			"datasets": [{"name": _(labels[key]), "values": [row[key] for row in shown]} for key in outcomes],
		},
		"type": "bar",
		"barOptions": {"stacked": 1},
		"colors": ["#29cd42", "#f0a04b", "#5e64ff", "#e24c4c", "#a0a0a0"],
		"fieldtype": "Int",
	}
