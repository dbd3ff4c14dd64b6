# Copyright (c) 2026, danvan_app developers
# For license information, please see license.txt
"""Tổng hợp thực hiện nhiệm vụ theo đơn vị chủ trì: one aggregate query, whatever the number of tasks.

Rows are units, not tasks, so the browser receives at most one row per unit; the user's unit scope is part
of the same query (danvan_app.permissions.task_scope_criterion).
"""

import frappe
from frappe import _
from frappe.query_builder.functions import Count, Sum
from pypika.terms import Case

from danvan_app.domain import tasks as task_rules
from danvan_app.domain.units import short_unit_name
from danvan_app.permissions import task_scope_criterion
from danvan_app.permissions.scope import subtree_criterion

# (column, label, the (field, value) it counts); labels are translated when the report runs. The five
# outcomes partition a unit's tasks (they add up to the total); "not started" is a status, counted apart
# as a part of them.
COUNTS = (
	("total", "Tổng số", None),
	("on_time", "Đúng hạn", ("deadline_outcome", task_rules.OUTCOME_ON_TIME)),
	("done_late", "Hoàn thành trễ hạn", ("deadline_outcome", task_rules.OUTCOME_DONE_LATE)),
	("within_deadline", "Đang trong hạn", ("deadline_outcome", task_rules.OUTCOME_WITHIN_DEADLINE)),
	("overdue", "Quá hạn", ("deadline_outcome", task_rules.OUTCOME_OVERDUE)),
	("no_deadline", "Không có hạn", ("deadline_outcome", task_rules.OUTCOME_NO_DEADLINE)),
	("not_started", "Trong đó: chưa bắt đầu", ("status", task_rules.STATUS_NOT_STARTED)),
)


def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	rows = get_rows(filters)
	for row in rows:
		finished = row.on_time + row.done_late
		row.on_time_rate = round(100 * row.on_time / finished, 1) if finished else None
	return get_columns(), rows, None, get_chart(rows)


def get_columns() -> list[dict]:
	columns = [
		{"fieldname": "unit_name", "label": _("Đơn vị chủ trì"), "fieldtype": "Data", "width": 280},
		# Data, not Link: Frappe drops report rows whose Link values fall outside the user's User Permissions,
		# which would hide the presiding unit of a task the user sees as a coordinating unit. Hidden: the
		# reader sees names; the id stays for drill-down and exports.
		{"fieldname": "unit", "label": _("Mã đơn vị"), "fieldtype": "Data", "hidden": 1},
	]
	columns += [
		{"fieldname": key, "label": _(label), "fieldtype": "Int", "width": column_width(_(label))}
		for key, label, _rule in COUNTS
	]
	columns.append(
		{
			"fieldname": "on_time_rate",
			"label": _("Tỷ lệ đúng hạn (%)"),
			"fieldtype": "Float",
			"precision": 1,
			"disable_total": 1,
			"width": 130,
		}
	)
	return columns


def column_width(label: str) -> int:
	"""Wide enough for the header to be read whole (about 8 px a character, between 90 and 200)."""
	return max(90, min(200, 8 * len(label) + 30))


def get_rows(filters: frappe._dict) -> list[frappe._dict]:
	Task, Unit = frappe.qb.DocType("DV Task"), frappe.qb.DocType("DV Unit")
	counts = [Count(Task.name).as_("total")]
	counts += [
		Sum(Case().when(Task[field] == value, 1).else_(0)).as_(key)
		for key, _label, (field, value) in COUNTS[1:]
	]
	query = (
		frappe.qb.from_(Task)
		.join(Unit)
		.on(Unit.name == Task.presiding_unit)
		.select(Task.presiding_unit.as_("unit"), Unit.unit_name, Unit.abbreviation, *counts)
		.where(Task.status != task_rules.STATUS_CANCELLED)
		.groupby(Task.presiding_unit, Unit.unit_name, Unit.abbreviation)
		.orderby(Count(Task.name), order=frappe.qb.desc)
	)
	scope = task_scope_criterion(Task)
	if scope is not None:
		query = query.where(scope)
	if filters.directive:
		query = query.where(Task.directive == filters.directive)
	subtree = subtree_criterion(Unit, filters.unit)
	if subtree is not None:
		query = query.where(subtree)
	if filters.from_date:
		query = query.where(Task.due_date >= filters.from_date)
	if filters.to_date:
		query = query.where(Task.due_date <= filters.to_date)
	if filters.period_label:
		query = query.where(Task.period_label == filters.period_label)
	rows = query.run(as_dict=True)
	for row in rows:
		for key, _label, _rule in COUNTS:
			row[key] = int(row[key] or 0)
	return rows


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
