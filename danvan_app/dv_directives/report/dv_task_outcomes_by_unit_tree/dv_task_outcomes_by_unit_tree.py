# Copyright (c) 2026, danvan_app developers
# For license information, please see license.txt
"""Kết quả thực hiện nhiệm vụ theo cây đơn vị: each row is a unit and counts the tasks presided over by that
unit and every unit under it, in one query whatever the number of tasks.

The rows are disjoint subtrees, so the totals row adds up: the outermost units of one level (a sở under the
provincial People's Committee is inside its row), or the units directly under a chosen unit together with
a row for that unit's own tasks, or by default the top of the user's part of the tree. A row's tasks are
found by the tree's bounds (lft/rgt), not by a list of names.

With "Cơ cấu tổ chức tại ngày", the rows are those of the tree as it was on that date (units that existed
then, each under the parent it had then: reports.tree_on_date), so 2024 figures roll up to the districts of
2024: the tasks are counted once per presiding unit in one grouped query and added up that tree in Python
(three queries whatever the number of tasks or units). The user's scope is the same in both modes: their
units (today's grants) and the tasks presided by them.
"""

from functools import cache
from typing import NamedTuple

import frappe
from frappe import _
from frappe.query_builder.functions import Sum
from frappe.utils import today
from pypika.terms import Parameter

from danvan_app.api import arguments
from danvan_app.domain import limits, unit_history
from danvan_app.domain import tasks as task_rules
from danvan_app.domain.units import short_unit_name
from danvan_app.permissions.scope import user_scope
from danvan_app.reports import task_counts
from danvan_app.reports.totals import with_totals
from danvan_app.reports.tree_on_date import UnitsOn, as_of_date
from danvan_app.reports.units import open_unit_criterion


def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	rows = get_rows(filters)
	task_counts.finish_counts(rows)
	# The rows are disjoint subtrees, so their counts add up (reports/totals.py: the report's own row).
	total = task_counts.totals_row(rows, "unit_name") if rows else None
	columns = get_columns()
	return with_totals(columns, rows, None, get_chart(rows, columns), total=total)


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
	checked = checked_filters(filters)
	filters.update(checked)  # the tree of a date reads the same filters, checked alike
	day = as_of_date(filters)
	if day:
		return get_rows_on(filters, day)
	scope = user_scope()
	if not scope.unrestricted and not scope.units:
		return []  # a user granted no unit has no row (and "IN ()" is no SQL)
	bounds = task_counts.year_and_period(filters)
	shape = TreeShape(
		scoped=not scope.unrestricted,
		period=bounds is not None,
		include_closed=bool(filters.include_closed),
		**{key: bool(value) for key, value in checked.items()},
	)
	period_from, period_to = bounds or (None, None)
	values = {**checked, "today": today(), "units": tuple(sorted(scope.units))}
	values.update(period_from=period_from, period_to=period_to)
	rows = frappe.db.sql(tree_statement(frappe.db.db_type, shape), values, as_dict=True)
	return label_rows(rows, filters, bounds)


def checked_filters(filters: frappe._dict) -> dict:
	"""The filters the statement compares with a value of their own, each one name or word; anything else (a
	list, an object from a hand-made request) is refused in Vietnamese before it reaches the database. Only the
	filters given are checked, so a call without them translates no label (a scoped user's top of the tree is
	a statement of about a millisecond)."""
	checked = dict.fromkeys(("parent_unit", "directive", "admin_level", "unit_kind"))
	if filters.parent_unit:
		checked["parent_unit"] = arguments.name(filters.parent_unit, _("Các đơn vị trực thuộc"))
	if filters.directive:
		checked["directive"] = arguments.name(filters.directive, _("Văn bản chỉ đạo"))
	if filters.admin_level:
		checked["admin_level"] = arguments.text(filters.admin_level, _("Cấp"), limits.NAME_CHARS)
	if filters.unit_kind:
		checked["unit_kind"] = arguments.text(filters.unit_kind, _("Loại đơn vị chủ trì"), limits.NAME_CHARS)
	return checked


class TreeShape(NamedTuple):
	"""What decides the statement's text; the values go in as parameters."""

	scoped: bool
	period: bool
	include_closed: bool
	parent_unit: bool
	admin_level: bool
	unit_kind: bool
	directive: bool


@cache
def tree_statement(db_type: str, shape: TreeShape) -> str:
	"""The today's-tree statement of ``shape`` for the database kind ``db_type`` (the query builder quotes for
	it), built once per process with named parameters (``today``, ``units``, ``parent_unit``,
	``admin_level``, ``unit_kind``, ``directive``, ``period_from``, ``period_to``): a scoped user's top of the
	tree is a statement of a few milliseconds, and building it with the query builder on every call cost
	about as much again."""
	Task = frappe.qb.DocType("DV Task")
	Row = frappe.qb.DocType("DV Unit").as_("row_unit")
	Presiding = frappe.qb.DocType("DV Unit").as_("presiding_unit")
	Parent = frappe.qb.DocType("DV Unit").as_("parent_unit")
	units = Parameter("%(units)s")

	presiding = (Presiding.lft >= Row.lft) & (Presiding.rgt <= Row.rgt)
	if shape.parent_unit:
		# The chosen unit's row holds only the tasks it presides over itself; its children's rows the rest.
		# The subtree's bounds stay outside the OR, so MariaDB can look them up in the index for each row
		# (with the bounds inside it, the same rows took 0.11 against 0.07 s at 12,000 tasks).
		presiding &= (Row.name != Parameter("%(parent_unit)s")) | (Presiding.name == Row.name)
	if shape.unit_kind:
		presiding &= Presiding.unit_kind == Parameter("%(unit_kind)s")
	if shape.scoped:
		# A row counts the tasks presided over by its units in the user's scope, which the user reads by
		# that alone (the task scope's coordinating half, materialised on every call, made a district's
		# top row 10 against 1.6 ms at 120,000 tasks).
		presiding &= Presiding.name.isin(units)
	counted = counted_tasks(
		Task,
		Parameter("%(directive)s") if shape.directive else None,
		(Parameter("%(period_from)s"), Parameter("%(period_to)s")) if shape.period else None,
	)

	# A left join all the way, so a unit with no task in the filters still has its row of zeros.
	query = (
		frappe.qb.from_(Row)
		.left_join(Parent)
		.on(Parent.name == Row.parent_dv_unit)
		.left_join(Presiding)
		.on(presiding)
		.select(Row.name.as_("unit"), Row.unit_name, Row.abbreviation, Row.valid_to)
		.where(rows_shown(Row, Parent, shape))
		.groupby(Row.name, Row.unit_name, Row.abbreviation, Row.valid_to, Row.lft)
		.orderby(Row.lft)
	)
	# Each presiding unit's tasks counted once, then summed up the rows. For the whole tree, a task joined
	# under every row of its subtree was read once per row it rolls up to (0.76 against 0.15 s at 120,000
	# tasks). For a user's part of the tree the scope stays on the presiding units, outside the counts:
	# MariaDB then counts each unit's tasks from the (presiding unit, status, outcome) index as a lateral
	# table, one unit at a time (a district's top row at 120,000 tasks: 5.0 against 6.1 ms with its tasks
	# joined directly and grouped under the row, 7.0 ms with the scope also inside the counts).
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
	return query.get_sql()


def counted_tasks(Task, directive=None, period: tuple | None = None):
	"""The tasks a row counts: not cancelled, of ``directive`` and due in ``period`` (first, last) when given,
	as values or as parameters. The user's scope is the caller's: a row counts only tasks presided over by
	units the user acts for, each readable by that."""
	counted = Task.status != task_rules.STATUS_CANCELLED
	if period is not None:
		counted &= task_counts.in_period(Task, period)
	if directive is not None:
		counted &= Task.directive == directive
	return counted


def get_rows_on(filters: frappe._dict, day) -> list[frappe._dict]:
	"""The rows of the tree as it was on ``day``: the same rules for which units are rows, the same scope,
	with each unit under the parent it had then."""
	scope = user_scope()
	if not scope.unrestricted and not scope.units:
		return []
	bounds = task_counts.year_and_period(filters)  # refused before anything is read
	units = UnitsOn(day)
	Task = frappe.qb.DocType("DV Task")
	counted = counted_tasks(Task, filters.directive or None, bounds)
	if not scope.unrestricted:
		# As in today's tree: a row counts only the tasks its units (in the user's scope) preside over.
		counted &= Task.presiding_unit.isin(sorted(scope.units))
	per_unit = (
		frappe.qb.from_(Task)
		.select(Task.presiding_unit, *task_counts.count_terms(Task))
		.where(counted)
		.groupby(Task.presiding_unit)
		.run(as_dict=True)
	)
	counts = {
		row.presiding_unit: {key: int(row[key] or 0) for key in task_counts.COUNT_KEYS}
		for row in per_unit
		if not filters.unit_kind
		or units.info.get(row.presiding_unit, {}).get("unit_kind") == filters.unit_kind
	}
	shown = units.shown(rows_shown_on(units, filters, scope), include_closed=bool(filters.include_closed))
	totals = unit_history.roll_up(
		units.tree, counts, shown, own_only=[filters.parent_unit] if filters.parent_unit else ()
	)
	rows = [
		frappe._dict(
			unit=unit,
			unit_name=units.info[unit].unit_name,
			abbreviation=units.info[unit].abbreviation,
			valid_to=units.info[unit].valid_to,
			**{key: totals[unit].get(key, 0) for key in task_counts.COUNT_KEYS},
		)
		for unit in shown
	]
	return label_rows(rows, filters, bounds)


def rows_shown_on(units: UnitsOn, filters: frappe._dict, scope) -> list[str]:
	"""rows_shown on the tree of a date: the chosen unit and the units then directly under it, the outermost
	units of a level, or the top of the (user's part of the) tree; only units the user acts for."""
	tree = units.tree
	candidates = tree.existing | (set(units.info) if filters.include_closed else set())
	if filters.parent_unit:
		shown = [filters.parent_unit, *tree.children(filters.parent_unit)]
	elif filters.admin_level:
		shown = unit_history.outermost_of_level(tree, filters.admin_level, units.level_of, among=candidates)
	elif scope.unrestricted:
		shown = [unit for unit in candidates if not tree.parent_of.get(unit)]
	else:
		shown = [unit for unit in candidates if tree.parent_of.get(unit) not in scope.units]
	if not scope.unrestricted:
		shown = [unit for unit in shown if unit in scope.units]
	return shown


def label_rows(rows: list[frappe._dict], filters: frappe._dict, bounds: tuple | None) -> list[frappe._dict]:
	period_from, period_to = bounds or (None, None)
	for row in rows:
		# The period as dates, for the drill-down to the task list (the browser does not redo the rule).
		row.period_from, row.period_to = period_from, period_to
		row.own_tasks_only = int(row.unit == filters.parent_unit)
		if row.own_tasks_only:
			row.unit_name = _("{0} (nhiệm vụ đơn vị trực tiếp chủ trì)").format(row.unit_name)
		if row.valid_to:
			row.unit_name = _("{0} (đã giải thể {1})").format(
				row.unit_name, frappe.format(row.valid_to, "Date")
			)
	return rows


def rows_shown(Row, Parent, shape: TreeShape):
	"""The outermost units of the chosen level, the chosen unit and the units directly under it, or the top
	of the tree the user sees; only units the user acts for, and open ones unless closed units are asked
	for."""
	units = Parameter("%(units)s")
	if shape.parent_unit:
		parent_unit = Parameter("%(parent_unit)s")
		shown = (Row.parent_dv_unit == parent_unit) | (Row.name == parent_unit)
	elif shape.admin_level:
		admin_level = Parameter("%(admin_level)s")
		shown = (Row.admin_level == admin_level) & (
			Parent.name.isnull() | (Parent.admin_level != admin_level) | Parent.admin_level.isnull()
		)
	elif not shape.scoped:
		shown = Row.parent_dv_unit.isnull() | (Row.parent_dv_unit == "")
	else:
		# The top of the user's part of the tree: their units whose parent they do not act for.
		shown = Row.parent_dv_unit.isnull() | Row.parent_dv_unit.notin(units)
	if shape.scoped:
		shown &= Row.name.isin(units)
	if not shape.include_closed:
		shown &= open_unit_criterion(Row, Parameter("%(today)s"))
	return shown


def get_chart(rows: list[dict], columns: list[dict]) -> dict | None:
	"""The 15 units with most tasks, their outcomes stacked, named as the columns name them (translated
	once, for the columns)."""
	shown = sorted((row for row in rows if row["total"]), key=lambda row: row["total"], reverse=True)[:15]
	if not shown:
		return None
	outcomes = ("on_time", "done_late", "within_deadline", "overdue", "no_deadline")
	labels = {column["fieldname"]: column["label"] for column in columns}
	return {
		"data": {
			"labels": [short_unit_name(row["unit_name"], row["abbreviation"]) for row in shown],
			"datasets": [{"name": labels[key], "values": [row[key] for row in shown]} for key in outcomes],
		},
		"type": "bar",
		"barOptions": {"stacked": 1},
		"colors": ["#29cd42", "#f0a04b", "#5e64ff", "#e24c4c", "#a0a0a0"],
		"fieldtype": "Int",
	}
