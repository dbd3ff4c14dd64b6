"""The unit tree as the desk draws it: names, closed units with their successors, and for a scoped user
the units they were granted as the tree's top (Frappe's own tree starts at the top of the whole tree,
which such a user cannot read)."""

import frappe
from frappe import _
from frappe.utils import get_url_to_report

from danvan_app import leader_coverage, unit_reminders
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


COVERAGE_REPORT = "DV Leader Coverage"
# Marks the reminders about a unit without a leader in charge (danvan_app.unit_reminders).
LEADER_REMINDER_MARK = "dv-leader-coverage-reminder"


@frappe.whitelist()
@frappe.read_only()
def leader_coverage_card(filters=None) -> dict:
	"""The workspace card: the share of the user's open units that have a leader in charge of dân vận."""
	with_leader, total = leader_coverage.coverage()
	return {
		"value": round(100 * with_leader / total, 1) if total else 0,
		"fieldtype": "Percent",
		"route": ["query-report", COVERAGE_REPORT],
	}


@frappe.whitelist(methods=["POST"])
def remind_about_missing_leaders(unit=None) -> dict:
	"""Remind the leader in charge of the parent unit of each open unit without one (in the caller's
	scope, under ``unit`` if given): a ToDo on the unit and an e-mail, once a day per unit and leader."""
	unit = arguments.name(unit, _("Đơn vị"), required=False)
	if not frappe.has_permission("DV Unit", "write"):
		frappe.throw(
			_("Chỉ cán bộ quản lý hoặc quản trị viên dân vận được nhắc các đơn vị."), frappe.PermissionError
		)
	rows = leader_coverage.units_without_leader(unit)
	result = {"reminded": [], "already_reminded": [], "without_parent_leader": []}
	reminded_today = unit_reminders.sent_today(LEADER_REMINDER_MARK, [row.unit for row in rows])
	to_remind = []
	for row in rows:
		if not row.parent_leader:
			result["without_parent_leader"].append(row.unit)
		elif (row.unit, row.parent_leader) in reminded_today:
			result["already_reminded"].append(row.unit)
		else:
			to_remind.append(row)
	unit_reminders.close_earlier(LEADER_REMINDER_MARK, [row.unit for row in to_remind])
	link = get_url_to_report(COVERAGE_REPORT, "Script Report", "DV Unit")
	reminders = [
		{
			"unit": row.unit,
			"person": row.parent_leader,
			"subject": _("{0} chưa phân công lãnh đạo phụ trách công tác dân vận").format(row.unit_name),
			"message": _(
				"<p>{0} (trực thuộc {1}) chưa phân công lãnh đạo phụ trách công tác dân vận. Đề nghị đồng chí"
				' chỉ đạo phân công và cập nhật trên hệ thống.</p><p><a href="{2}">Xem danh sách đơn vị chưa'
				" phân công</a></p>"
			).format(frappe.bold(row.unit_name), row.parent_unit_name, link),
		}
		for row in to_remind
	]
	result["reminded"] = [row.unit for row in to_remind]
	result["queued"] = unit_reminders.send_all(LEADER_REMINDER_MARK, reminders)
	return result
