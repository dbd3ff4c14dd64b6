# Copyright (c) 2026, danvan_app developers
# For license information, please see license.txt
"""Mô hình Dân vận khéo theo chỉ tiêu: each unit in the user's scope, its models of the year against its
target (seed 002: each state agency builds 1–2 models a year), the units below target first.

The rows come from one aggregate query (danvan_app.kheo_targets); the browser receives one row per unit.
"""

import frappe
from frappe import _
from frappe.utils import cint, getdate, today

from danvan_app.api import arguments
from danvan_app.domain.units import short_unit_name
from danvan_app.kheo_targets import standing_rows
from danvan_app.reports.task_counts import column_width
from danvan_app.reports.totals import totals_row, with_totals

COUNTS = (
	("registered", "Đã đăng ký"),
	("approved", "Đã duyệt"),
	("recognised", "Được công nhận"),
	("replicated", "Nhân rộng"),
	("min_registered", "Chỉ tiêu đăng ký"),
	("min_recognised", "Chỉ tiêu công nhận"),
	("registered_short", "Còn thiếu (đăng ký)"),
	("recognised_short", "Còn thiếu (công nhận)"),
)


def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	year = report_year(filters.year)
	unit = arguments.name(filters.unit, _("Đơn vị"), required=False)
	rows = standing_rows(year, unit)
	if cint(filters.below_target_only):
		rows = [row for row in rows if row.below_target]
	for row in rows:
		row.standing = _("Chưa đạt") if row.below_target else _("Đạt")
	total = totals_row(rows, "unit_name", tuple(key for key, _label in COUNTS)) if rows else None
	return with_totals(get_columns(), rows, None, get_chart(rows), total=total)


def report_year(value) -> int:
	current = getdate(today()).year
	return int(arguments.number(value, _("Năm"), 1999, current + 1, required=False) or current)


def get_columns() -> list[dict]:
	columns = [
		{"fieldname": "unit_name", "label": _("Đơn vị"), "fieldtype": "Data", "width": 280},
		{"fieldname": "unit", "label": _("Mã đơn vị"), "fieldtype": "Data", "hidden": 1},
		{"fieldname": "unit_kind", "label": _("Loại đơn vị"), "fieldtype": "Data", "width": 180},
		{"fieldname": "standing", "label": _("Chỉ tiêu"), "fieldtype": "Data", "width": 90},
	]
	columns += [
		{"fieldname": key, "label": _(label), "fieldtype": "Int", "width": column_width(_(label))}
		for key, label in COUNTS
	]
	return columns


def get_chart(rows: list[dict]) -> dict | None:
	short = [row for row in rows if row["below_target"]][:10]
	if not short:
		return None
	return {
		"data": {
			"labels": [short_unit_name(row["unit_name"], row["abbreviation"]) for row in short],
			"datasets": [
				{"name": _("Còn thiếu (đăng ký)"), "values": [row["registered_short"] for row in short]},
				{"name": _("Còn thiếu (công nhận)"), "values": [row["recognised_short"] for row in short]},
			],
		},
		"type": "bar",
		"colors": ["#e24c4c", "#f0a04b"],
		"fieldtype": "Int",
	}
