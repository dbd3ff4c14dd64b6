"""Permission hooks of the DocTypes whose records belong to units.

``query`` is the condition Frappe adds to every list read of them (lists, reports, cards, charts, the
REST API, exports, link search). ``has_permission`` decides for one record: reading needs one of its units
in the user's scope; changing it needs its owning unit in scope both as it will be saved **and** as it is
stored, so no write can move a record into (or out of) a user's reach.
"""

import frappe

from danvan_app.domain import access
from danvan_app.permissions.scope import scope_condition, user_scope


def query(user: str | None = None, doctype: str | None = None) -> str:
	"""The rows of a scoped DocType that the user's units reach."""
	scope = user_scope(user)
	return "" if scope.unrestricted else scope_condition(doctype, scope)


def has_permission(doc, ptype: str | None = None, user: str | None = None, debug: bool = False) -> bool:
	"""Frappe's per-record check for every scoped DocType (it can only deny what roles allow)."""
	ptype = ptype or "read"
	scope = user_scope(user)
	if scope.unrestricted:
		return True
	proposed = document_scope(doc)
	if ptype == "create" and not (proposed.owning or proposed.public):
		return True  # no unit chosen yet: the unit is checked again when the document is saved
	if not access.may_access(scope, proposed, ptype):
		return False
	if ptype in access.READ_ACTIONS or doc.is_new():
		return True
	stored = stored_scope(doc.doctype, doc.name)
	return stored is None or access.may_access(scope, stored, ptype)


def document_scope(doc) -> access.DocScope:
	"""The units a record belongs to, as it is in memory."""
	if doc.doctype == "DV Unit":
		# A unit belongs to itself; a new one to the unit it is created under.
		return access.scope_of(owning=[doc.name if not doc.is_new() else doc.parent_dv_unit])
	if doc.doctype == "DV Task":
		return access.scope_of(
			owning=[doc.presiding_unit], participating=[row.unit for row in doc.coordinating_units]
		)
	if doc.doctype == "DV Directive":
		assigned = () if doc.is_new() else units_assigned_by(doc.name)
		return directive_scope(doc.issuing_unit, doc.get("receiving_unit"), assigned)
	if doc.doctype == "DV Evaluation":
		return access.scope_of(owning=[doc.evaluated_unit], reviewer=doc.reviewer)
	return access.scope_of(owning=[doc.get(access.OWNING_FIELD[doc.doctype])])


def stored_scope(doctype: str, name: str) -> access.DocScope | None:
	"""The owning unit (and reviewer) of a record as the database holds it, whatever a request changed."""
	if doctype == "DV Directive":
		row = frappe.db.get_value(doctype, name, ["issuing_unit", "receiving_unit"], as_dict=True)
		return directive_scope(row.issuing_unit, row.receiving_unit) if row else None
	owning_field = access.OWNING_FIELD[doctype]
	fields = [owning_field] + (["reviewer"] if doctype == "DV Evaluation" else [])
	row = frappe.db.get_value(doctype, name, fields, as_dict=True)
	if not row:
		return None
	return access.scope_of(owning=[row[owning_field]], reviewer=row.get("reviewer"))


def directive_scope(issuing_unit, receiving_unit, assigned=()) -> access.DocScope:
	"""A directive is its issuing unit's; one received by e-mail whose issuer is not (yet) a unit of the
	tree is the receiving unit's, and the receiving unit always reads it. Issued by no unit and received
	by none, it is a reference text every DV user reads."""
	return access.scope_of(
		owning=[issuing_unit or receiving_unit],
		participating=[receiving_unit, *assigned],
		public=not issuing_unit and not receiving_unit,
	)


def units_assigned_by(directive: str) -> set[str]:
	"""Every presiding and coordinating unit of the directive's tasks: they read the directive."""
	Task, Coordinating = frappe.qb.DocType("DV Task"), frappe.qb.DocType("DV Task Coordinating Unit")
	# Distinct in SQL: a province-wide directive has thousands of tasks over a few hundred units.
	units = set(
		frappe.qb.from_(Task)
		.select(Task.presiding_unit)
		.distinct()
		.where(Task.directive == directive)
		.run(pluck=True)
	)
	units.update(
		frappe.qb.from_(Coordinating)
		.join(Task)
		.on(Coordinating.parent == Task.name)
		.select(Coordinating.unit)
		.distinct()
		.where((Task.directive == directive) & (Coordinating.parenttype == "DV Task"))
		.run(pluck=True)
	)
	return units
