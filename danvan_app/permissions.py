"""Unit-subtree scope for every DV document, through Frappe's own hooks.

A user's units are Frappe's User Permissions on DV Unit (descendants included as Frappe expands them);
the rule itself is ``danvan_app.domain.access.may_access``. Each ``*_query`` returns the SQL condition
Frappe adds to every list read (lists, reports, number cards, charts, the REST API, exports, search);
each ``*_has_permission`` decides for one document. Values reach SQL only through ``frappe.db.escape``.
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


def _sql_list(values) -> str:
	return ", ".join(frappe.db.escape(value) for value in sorted(values))


def _units_condition(column: str, scope: access.UserScope) -> str:
	return f"{column} in ({_sql_list(scope.units)})" if scope.units else NOTHING


def _condition(user: str | None, build) -> str:
	scope = user_scope(user)
	return "" if scope.unrestricted else f"({build(scope)})"


def _task_units_sql(scope: access.UserScope) -> str:
	"""Presiding unit or a coordinating unit in scope."""
	return (
		f"{_units_condition('`tabDV Task`.`presiding_unit`', scope)} or exists (select 1 from"
		" `tabDV Task Coordinating Unit` c where c.parenttype = 'DV Task' and c.parent = `tabDV Task`.`name`"
		f" and {_units_condition('c.`unit`', scope)})"
	)


def _directive_units_sql(scope: access.UserScope) -> str:
	"""Issued by no unit of the tree (reference text), by a unit in scope, or assigning a task to one."""
	task_in_scope = _task_units_sql(scope)
	return (
		"ifnull(`tabDV Directive`.`issuing_unit`, '') = ''"
		f" or {_units_condition('`tabDV Directive`.`issuing_unit`', scope)}"
		" or exists (select 1 from `tabDV Task` where `tabDV Task`.`directive` = `tabDV Directive`.`name`"
		f" and ({task_in_scope}))"
	)


def _kheo_units_sql(scope: access.UserScope) -> str:
	"""Registering unit in scope."""
	return _units_condition("`tabDV Kheo Model`.`registering_unit`", scope)


def _evaluation_units_sql(scope: access.UserScope) -> str:
	"""Evaluated unit in scope, or the user is its reviewer."""
	return (
		f"{_units_condition('`tabDV Evaluation`.`evaluated_unit`', scope)}"
		f" or `tabDV Evaluation`.`reviewer` = {frappe.db.escape(scope.user)}"
	)


def task_query(user: str | None = None, doctype: str | None = None) -> str:
	"""Tasks whose presiding unit or a coordinating unit is in the user's scope."""
	return _condition(user, _task_units_sql)


def directive_query(user: str | None = None, doctype: str | None = None) -> str:
	"""Directives issued by or assigning tasks to a unit in scope, and reference texts of no unit."""
	return _condition(user, _directive_units_sql)


def kheo_model_query(user: str | None = None, doctype: str | None = None) -> str:
	"""Dân vận khéo models registered by a unit in scope."""
	return _condition(user, _kheo_units_sql)


def evaluation_query(user: str | None = None, doctype: str | None = None) -> str:
	"""Evaluations of a unit in scope, or assigned to the user for review."""
	return _condition(user, _evaluation_units_sql)


def task_scope(doc) -> access.DocScope:
	"""A task belongs to its presiding unit; its coordinating units take part."""
	return access.scope_of(
		owning=[doc.presiding_unit], participating=[row.unit for row in doc.coordinating_units]
	)


def directive_scope(doc) -> access.DocScope:
	"""A directive belongs to its issuing unit; every unit it assigns a task to takes part."""
	participating = set()
	if doc.name and not doc.is_new():
		Task, Coordinating = frappe.qb.DocType("DV Task"), frappe.qb.DocType("DV Task Coordinating Unit")
		participating.update(
			frappe.qb.from_(Task)
			.select(Task.presiding_unit)
			.where(Task.directive == doc.name)
			.run(pluck=True)
		)
		participating.update(
			frappe.qb.from_(Coordinating)
			.join(Task)
			.on(Coordinating.parent == Task.name)
			.select(Coordinating.unit)
			.where((Task.directive == doc.name) & (Coordinating.parenttype == "DV Task"))
			.run(pluck=True)
		)
	return access.scope_of(
		owning=[doc.issuing_unit], participating=participating, public=not doc.issuing_unit
	)


def kheo_model_scope(doc) -> access.DocScope:
	"""A model belongs to its registering unit."""
	return access.scope_of(owning=[doc.registering_unit])


def evaluation_scope(doc) -> access.DocScope:
	"""An evaluation belongs to the evaluated unit; its reviewer may read and score it."""
	return access.scope_of(owning=[doc.evaluated_unit], reviewer=doc.reviewer)


def _decide(doc, ptype: str | None, user: str | None, doc_scope: access.DocScope) -> bool:
	ptype = ptype or "read"
	if ptype == "create" and not (doc_scope.owning or doc_scope.public):
		return True  # no unit chosen yet: the unit is checked again when the document is saved
	return access.may_access(user_scope(user), doc_scope, ptype)


def task_has_permission(doc, ptype: str | None = None, user: str | None = None, debug: bool = False) -> bool:
	"""Presiding and coordinating units read a task; only the presiding unit changes it."""
	return _decide(doc, ptype, user, task_scope(doc))


def directive_has_permission(doc, ptype=None, user: str | None = None, debug: bool = False) -> bool:
	"""The issuing unit changes a directive; units it assigns tasks to read it."""
	return _decide(doc, ptype, user, directive_scope(doc))


def kheo_model_has_permission(doc, ptype=None, user: str | None = None, debug: bool = False) -> bool:
	"""The registering unit reads and changes its model."""
	return _decide(doc, ptype, user, kheo_model_scope(doc))


def evaluation_has_permission(doc, ptype=None, user: str | None = None, debug: bool = False) -> bool:
	"""The evaluated unit and the assigned reviewer read an evaluation; they change it while a draft."""
	return _decide(doc, ptype, user, evaluation_scope(doc))


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
