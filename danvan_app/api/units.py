"""The unit tree as the desk draws it: names, closed units with their successors, and for a scoped user
the units they were granted as the tree's top (Frappe's own tree starts at the top of the whole tree,
which such a user cannot read)."""

import frappe
from frappe import _

from danvan_app.api import arguments
from danvan_app.boot import granted_units

NODE_FIELDS = ["name as value", "unit_name as title", "is_group as expandable", "valid_to"]


@frappe.whitelist()
def tree_children(doctype=None, parent=None, is_root=None, **_filters) -> list[dict]:
	"""The children of ``parent`` the user may read, ordered by name; at the root, the user's top units.

	Two queries per call whatever the tree's size: the nodes, then the successors of the closed ones."""
	parent = arguments.name(parent, _("Đơn vị cấp trên"), required=False)
	arguments.flag(is_root, _("Gốc cây"))
	# Frappe expands its root node with is_root set and the root's value as parent: a unit's children all
	# the same. Only a parent that is no unit (empty, or the tree's label) asks for the top.
	at_root = not parent or not frappe.db.exists("DV Unit", parent)
	filters = {"parent_dv_unit": parent} if not at_root else top_units_filter()
	nodes = frappe.get_list("DV Unit", fields=NODE_FIELDS, filters=filters, order_by="lft asc")
	add_successors(nodes)
	return nodes


def top_units_filter() -> dict:
	"""A scoped user's top units are the ones granted to them; everyone else starts at the tree's roots."""
	granted = granted_units(frappe.session.user)
	if granted:
		return {"name": ("in", granted)}
	return {"parent_dv_unit": ("is", "not set")}


def add_successors(nodes: list[dict]) -> None:
	closed = [node.value for node in nodes if node.valid_to]
	if not closed:
		return
	Successor, Unit = frappe.qb.DocType("DV Unit Successor"), frappe.qb.DocType("DV Unit")
	rows = (
		frappe.qb.from_(Successor)
		.join(Unit)
		.on(Unit.name == Successor.successor_unit)
		.select(Successor.parent, Unit.unit_name)
		.where((Successor.parenttype == "DV Unit") & Successor.parent.isin(closed))
		.orderby(Successor.idx)
		.run()
	)
	names: dict[str, list[str]] = {}
	for closed_unit, successor_name in rows:
		names.setdefault(closed_unit, []).append(successor_name)
	for node in nodes:
		if node.valid_to:
			node.successor_names = names.get(node.value, [])
