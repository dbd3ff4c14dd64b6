"""Who acts for which units, and the scope rule written as SQL for list reads.

A user's units are Frappe's User Permissions on DV Unit (descendants included as Frappe expands them);
the rule itself is ``danvan_app.domain.access.may_access``. Values reach SQL only through
``frappe.db.escape`` or the query builder.
"""

import frappe
from frappe.core.doctype.user_permission.user_permission import get_user_permissions
from pypika.terms import Criterion

from danvan_app.domain import access

NOTHING = "1=0"


class SqlCriterion(Criterion):
	"""A condition already written as SQL (its values escaped), that the query builder can combine with
	``&`` and ``|`` and that a query's later ``where`` can add to (a bare ``LiteralValue`` can do neither)."""

	def __init__(self, sql: str):
		super().__init__()
		self.sql = sql

	def get_sql(self, **kwargs) -> str:
		return f"({self.sql})"


def user_scope(user: str | None = None) -> access.UserScope:
	"""The user's roles and every unit their User Permissions on DV Unit reach."""
	user = user or frappe.session.user
	granted = get_user_permissions(user).get("DV Unit", [])
	return access.UserScope(
		user=user,
		roles=frozenset(frappe.get_roles(user)),
		units=frozenset(p.doc for p in granted if not p.get("applicable_for")),
	)


def sql_list(values) -> str:
	return ", ".join(frappe.db.escape(value) for value in sorted(values))


def units_condition(column: str, scope: access.UserScope) -> str:
	return f"{column} in ({sql_list(scope.units)})" if scope.units else NOTHING


def _unit_sql(scope: access.UserScope) -> str:
	"""The units of the user's subtree; a user granted none reads none."""
	return units_condition("`tabDV Unit`.`name`", scope)


# A scope of at most this share of the tree's units reads its tasks from the two unit indexes (presiding
# unit, coordinating unit) and joins them to the tasks by name: at 120,000 tasks a district of 29 units out of
# 3,000 counts its 1,544 tasks in 0.02 s instead of 0.7 s (the OR below makes MariaDB walk every task). A
# wider scope keeps the OR: the union would gather most of the table and sort it for a list page (a
# province-wide officer's first page: 5 s against 0.04 s). Both forms give the same rows.
NARROW_SHARE = 0.05
UNIT_COUNT_KEY = "danvan_app:unit_count"


def unit_count() -> int:
	"""The number of units in the tree, cached ten minutes (it only chooses the plan, never the rows)."""
	count = frappe.cache.get_value(UNIT_COUNT_KEY, expires=True)
	if count is None:
		count = frappe.db.count("DV Unit")
		frappe.cache.set_value(UNIT_COUNT_KEY, count, expires_in_sec=600)
	return count


def is_narrow(scope: access.UserScope) -> bool:
	"""The user acts for a small part of the tree: their tasks are read from the indexes' side."""
	return len(scope.units) <= NARROW_SHARE * unit_count()


def _task_sql(scope: access.UserScope, narrow: bool | None = None) -> str:
	"""Presiding unit or a coordinating unit in scope (``narrow``: which form; by default chosen by
	``is_narrow``)."""
	if not scope.units:
		return NOTHING
	units = sql_list(scope.units)
	if narrow if narrow is not None else is_narrow(scope):
		return (
			"`tabDV Task`.`name` in (select x.n from (select c.parent as n from `tabDV Task Coordinating Unit` c"
			f" where c.parenttype = 'DV Task' and c.`unit` in ({units}) union select s.name from `tabDV Task` s"
			f" where s.`presiding_unit` in ({units})) x)"
		)
	return (
		f"`tabDV Task`.`presiding_unit` in ({units}) or `tabDV Task`.`name` in (select"
		f" c.parent from `tabDV Task Coordinating Unit` c where c.parenttype = 'DV Task' and c.`unit` in ({units}))"
	)


def _directive_sql(scope: access.UserScope) -> str:
	"""Issued by no unit of the tree and received by none (reference text), issued or received by a unit in
	scope, or assigning a task to one."""
	return (
		"(ifnull(`tabDV Directive`.`issuing_unit`, '') = ''"
		" and ifnull(`tabDV Directive`.`receiving_unit`, '') = '')"
		f" or {units_condition('`tabDV Directive`.`issuing_unit`', scope)}"
		f" or {units_condition('`tabDV Directive`.`receiving_unit`', scope)}"
		" or `tabDV Directive`.`name` in (select `tabDV Task`.`directive` from `tabDV Task`"
		f" where {_task_sql(scope)})"
	)


def _kheo_model_sql(scope: access.UserScope) -> str:
	"""Registering unit in scope."""
	return units_condition("`tabDV Kheo Model`.`registering_unit`", scope)


def _evaluation_sql(scope: access.UserScope) -> str:
	"""Evaluated unit in scope, or the user is its reviewer."""
	return (
		f"{units_condition('`tabDV Evaluation`.`evaluated_unit`', scope)}"
		f" or `tabDV Evaluation`.`reviewer` = {frappe.db.escape(scope.user)}"
	)


def _commendation_sql(scope: access.UserScope) -> str:
	"""Commended unit (or the unit of the commended person or model) in scope."""
	return units_condition("`tabDV Commendation`.`commended_unit`", scope)


def _inspection_sql(scope: access.UserScope) -> str:
	"""Inspecting unit in scope (an inspected unit sees the follow-up tasks given to it)."""
	return units_condition("`tabDV Inspection`.`inspecting_unit`", scope)


def _cycle_sql(scope: access.UserScope) -> str:
	"""Evaluating unit in scope (an evaluated unit works on its own evaluation)."""
	return units_condition("`tabDV Evaluation Cycle`.`evaluating_unit`", scope)


SCOPE_SQL = {
	"DV Unit": _unit_sql,
	"DV Task": _task_sql,
	"DV Directive": _directive_sql,
	"DV Kheo Model": _kheo_model_sql,
	"DV Evaluation": _evaluation_sql,
	"DV Commendation": _commendation_sql,
	"DV Inspection": _inspection_sql,
	"DV Evaluation Cycle": _cycle_sql,
}


def scope_condition(doctype: str, scope: access.UserScope) -> str:
	"""The rows of ``tab{doctype}`` the user may read, as a bracketed SQL condition."""
	return f"({SCOPE_SQL[doctype](scope)})"


def readable_names_sql(doctype: str, scope: access.UserScope) -> str:
	"""A subquery of the names of the ``doctype`` records the user may read."""
	return f"select `tab{doctype}`.`name` from `tab{doctype}` where {scope_condition(doctype, scope)}"


def units_criterion(column, user: str | None = None) -> Criterion | None:
	"""For reports that aggregate in SQL: ``column`` names a unit the user acts for (None: every unit).

	The unit list is written as the list hook writes it (each name through ``frappe.db.escape``), not as
	one bound parameter per unit: the query builder's parameters cost about 0.5 ms a statement for a
	district's 29 units, more than the statement itself takes in MariaDB."""
	scope = user_scope(user)
	if scope.unrestricted:
		return None
	return SqlCriterion(units_condition(column.get_sql(quote_char="`", with_namespace=True), scope))


def subtree_criterion(Unit, unit: str | None) -> Criterion | None:
	"""A report's unit filter: the unit and every unit under it, by the tree's own bounds (no name list);
	a unit that does not exist matches nothing."""
	if not unit:
		return None
	lft, rgt = frappe.db.get_value("DV Unit", unit, ["lft", "rgt"]) or (0, -1)
	return (Unit.lft >= lft) & (Unit.rgt <= rgt)


def task_scope_criterion(Task, user: str | None = None, narrow: bool | None = None) -> Criterion | None:
	"""The DV Task list condition as a query-builder criterion, for reports that aggregate in SQL (the same
	two forms as ``_task_sql``)."""
	scope = user_scope(user)
	if scope.unrestricted:
		return None
	if not scope.units:
		return SqlCriterion(NOTHING)
	units = sorted(scope.units)
	Coordinating = frappe.qb.DocType("DV Task Coordinating Unit")
	# Uncorrelated INs, not a correlated EXISTS: pypika writes a one-table subquery's columns without
	# their table, so `parent = Task.name` would silently compare the child row with itself.
	coordinated = (
		frappe.qb.from_(Coordinating)
		.select(Coordinating.parent.as_("n"))
		.where((Coordinating.parenttype == "DV Task") & Coordinating.unit.isin(units))
	)
	if not (narrow if narrow is not None else is_narrow(scope)):
		return Task.presiding_unit.isin(units) | Task.name.isin(coordinated)
	Presided = frappe.qb.DocType("DV Task").as_("s")
	presided = (
		frappe.qb.from_(Presided).select(Presided.name.as_("n")).where(Presided.presiding_unit.isin(units))
	)
	either = (coordinated + presided).as_("x")
	return Task.name.isin(frappe.qb.from_(either).select(either.n))
