"""The unit tree as the desk draws it: names, closed units with their successors, and for a scoped user
the units they were granted as the tree's top (Frappe's own tree starts at the top of the whole tree,
which such a user cannot read)."""

import frappe
from frappe import _
from frappe.query_builder.functions import Coalesce, NullIf
from frappe.utils import get_url_to_report

from danvan_app import leader_coverage, unit_reminders
from danvan_app.api import arguments
from danvan_app.boot import granted_units
from danvan_app.domain import reorganisation as reorg_rules

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


@frappe.whitelist()
def unit_history(unit=None) -> dict:
	"""A unit's history: the units it replaced (predecessors) and the units that replaced it (successors),
	each with the reorganisation decision that did it (number, date, effective date, kind). Only units the
	user may read are named (the others are counted); the decision is linked for those who may open it.
	Four queries whatever the size of the tree."""
	unit = arguments.name(unit, _("Đơn vị"))
	if not frappe.db.exists("DV Unit", unit) or not frappe.has_permission("DV Unit", "read", doc=unit):
		frappe.throw(_("Bạn không có quyền xem lịch sử của đơn vị này."), frappe.PermissionError)
	Successor = frappe.qb.DocType("DV Unit Successor")
	links = (
		frappe.qb.from_(Successor)
		.select(Successor.parent, Successor.successor_unit, Successor.handover_note)
		.where(
			(Successor.parenttype == "DV Unit")
			& ((Successor.parent == unit) | (Successor.successor_unit == unit))
		)
		.orderby(Successor.idx)
		.run(as_dict=True)
	)
	others = {link.successor_unit if link.parent == unit else link.parent for link in links} - {unit}
	readable = {
		row.name: row
		for row in frappe.get_list(
			"DV Unit",
			filters={"name": ("in", sorted(others) or [""])},
			fields=["name", "unit_name", "valid_from", "valid_to"],
		)
	}
	decisions = decisions_between(unit)
	may_open = frappe.has_permission("DV Reorganisation", "read")
	history = {"predecessors": [], "successors": [], "hidden": 0}
	for link in links:
		before, after = link.parent, link.successor_unit
		other, side = (after, "successors") if before == unit else (before, "predecessors")
		if other not in readable:
			history["hidden"] += 1
			continue
		decision = decisions.get((before, after), {})
		history[side].append(
			{
				"unit": other,
				"unit_name": readable[other].unit_name,
				"valid_from": readable[other].valid_from,
				"valid_to": readable[other].valid_to,
				"handover_note": link.handover_note,
				"kind": decision.get("kind"),
				"decision_number": decision.get("decision_number"),
				"decision_date": decision.get("decision_date"),
				"effective_date": decision.get("effective_date"),
				"reorganisation": decision.get("name") if may_open else None,
			}
		)
	return history


def decisions_between(unit: str) -> dict[tuple, dict]:
	"""{(old unit, new unit): the applied reorganisation that made the new one succeed the old one}, for
	the pairs that involve ``unit``, in one query. The decision's number and dates are what the closure note
	of the old unit already states; they are read here for a unit the user may read."""
	Reorg = frappe.qb.DocType("DV Reorganisation")
	Old = frappe.qb.DocType("DV Reorganisation Old Unit")
	New = frappe.qb.DocType("DV Reorganisation New Unit")
	new_unit = Coalesce(NullIf(New.existing_unit, ""), New.created_unit)
	rows = (
		frappe.qb.from_(Reorg)
		.join(Old)
		.on((Old.parent == Reorg.name) & (Old.parenttype == "DV Reorganisation"))
		.join(New)
		.on((New.parent == Reorg.name) & (New.parenttype == "DV Reorganisation"))
		.select(
			Old.unit.as_("old"),
			new_unit.as_("new"),
			Reorg.name,
			Reorg.kind,
			Reorg.decision_number,
			Reorg.decision_date,
			Reorg.effective_date,
		)
		.where(
			(Reorg.docstatus == 1)
			& (Reorg.status == reorg_rules.STATUS_APPLIED)
			& ((Old.unit == unit) | (new_unit == unit))
		)
		.orderby(Reorg.effective_date)
		.run(as_dict=True)
	)
	return {(row.old, row.new): row for row in rows}
