# Copyright (c) 2026, danvan_app developers
# For license information, please see license.txt
"""Phân công lãnh đạo phụ trách công tác dân vận: the open units that have no leader in charge (the parent
unit's leader is the one to remind), with the share of units that have one. Two queries."""

import frappe
from frappe import _

from danvan_app import leader_coverage


def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	units = leader_coverage.OpenUnits(filters.unit)
	rows = units.without_leader()
	with_leader, total = units.coverage()
	return get_columns(), rows, None, None, summary(with_leader, total)


def get_columns() -> list[dict]:
	return [
		{
			"fieldname": "unit_name",
			"label": _("Đơn vị chưa phân công lãnh đạo phụ trách"),
			"fieldtype": "Data",
			"width": 300,
		},
		{"fieldname": "unit", "label": _("Mã đơn vị"), "fieldtype": "Data", "hidden": 1},
		{"fieldname": "unit_kind", "label": _("Loại đơn vị"), "fieldtype": "Data", "width": 160},
		{"fieldname": "admin_level", "label": _("Cấp"), "fieldtype": "Data", "width": 130},
		{"fieldname": "parent_unit_name", "label": _("Đơn vị cấp trên"), "fieldtype": "Data", "width": 240},
		{
			"fieldname": "parent_leader_name",
			"label": _("Lãnh đạo phụ trách của cấp trên"),
			"fieldtype": "Data",
			"width": 220,
		},
		# The leader's user id (an e-mail address), kept for the reminder, shown by name above.
		{
			"fieldname": "parent_leader",
			"label": _("Tài khoản lãnh đạo cấp trên"),
			"fieldtype": "Data",
			"hidden": 1,
		},
	]


def summary(with_leader: int, total: int) -> list[dict]:
	share = round(100 * with_leader / total, 1) if total else None
	return [
		{"label": _("Đơn vị đang hoạt động"), "value": total, "datatype": "Int"},
		{
			"label": _("Đã phân công lãnh đạo phụ trách"),
			"value": with_leader,
			"datatype": "Int",
			"indicator": "green",
		},
		{"label": _("Chưa phân công"), "value": total - with_leader, "datatype": "Int", "indicator": "red"},
		{"label": _("Tỷ lệ đã phân công (%)"), "value": share, "datatype": "Percent", "indicator": "blue"},
	]
