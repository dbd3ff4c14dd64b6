"""Who acts for which units, and the scope rule written as SQL for list reads.

A user's units are Frappe's User Permissions on DV Unit (descendants included as Frappe expands them);
the rule itself is ``danvan_app.domain.access.may_access``. Values reach SQL only through
``frappe.db.escape`` or the query builder.
"""

import frappe
from frappe.core.doctype.user_permission.user_permission import get_user_permissions
from pypika.terms import Criterion, LiteralValue

from danvan_app.domain import access

NOTHING = "1=0"


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


def _task_sql(scope: access.UserScope) -> str:
	"""Presiding unit or a coordinating unit in scope."""
	return (
		f"{units_condition('`tabDV Task`.`presiding_unit`', scope)} or `tabDV Task`.`name` in (select"
		" c.parent from `tabDV Task Coordinating Unit` c where c.parenttype = 'DV Task'"
		f" and {units_condition('c.`unit`', scope)})"
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
	"""For reports that aggregate in SQL: ``column`` names a unit the user acts for (None: every unit)."""
	scope = user_scope(user)
	if scope.unrestricted:
		return None
	return column.isin(sorted(scope.units)) if scope.units else LiteralValue(NOTHING)


def subtree_criterion(Unit, unit: str | None) -> Criterion | None:
	"""A report's unit filter: the unit and every unit under it, by the tree's own bounds (no name list);
	a unit that does not exist matches nothing."""
	if not unit:
		return None
	lft, rgt = frappe.db.get_value("DV Unit", unit, ["lft", "rgt"]) or (0, -1)
	return (Unit.lft >= lft) & (Unit.rgt <= rgt)


def task_scope_criterion(Task, user: str | None = None) -> Criterion | None:
	"""The DV Task list condition as a query-builder criterion, for reports that aggregate in SQL."""
	scope = user_scope(user)
	if scope.unrestricted:
		return None
	if not scope.units:
		return LiteralValue(NOTHING)
	units = sorted(scope.units)
	Coordinating = frappe.qb.DocType("DV Task Coordinating Unit")
	# An uncorrelated IN, not a correlated EXISTS: pypika writes a one-table subquery's columns without
	# their table, so `parent = Task.name` would silently compare the child row with itself.
	coordinated = (
		frappe.qb.from_(Coordinating)
		.select(Coordinating.parent)
		.where((Coordinating.parenttype == "DV Task") & Coordinating.unit.isin(units))
	)
	return Task.presiding_unit.isin(units) | Task.name.isin(coordinated)
