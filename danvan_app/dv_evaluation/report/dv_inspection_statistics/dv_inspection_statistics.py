# Copyright (c) 2026, danvan_app developers
# For license information, please see license.txt
"""Thống kê kiểm tra, giám sát: by inspecting body, year and form, how many units were inspected, by kind
of unit — the figures a news report states ("kiểm tra tại 151 cơ quan, đơn vị, doanh nghiệp, trong đó có
65 xã, thị trấn và 86 cơ quan hành chính, trường học, doanh nghiệp").

One aggregate query (distinct inspected units by body, year, form and kind); a unit inspected twice in a
year by the same body counts once.
"""

import frappe
from frappe import _
from frappe.query_builder.functions import Count

from danvan_app.api import arguments
from danvan_app.permissions.scope import units_criterion
from danvan_app.reports.totals import totals_row, with_totals

COMMUNE_LEVEL = "Xã, phường, đặc khu"


def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	year = arguments.number(filters.year, _("Năm"), 1999, 9999, required=False)
	groups = counts(int(year) if year else None)
	kinds = sorted({row.unit_kind for row in groups})
	rows = pivot(groups, kinds)
	# The year is a label, not a count: the totals row adds up the counts only (reports/totals.py).
	counted = ("units", "communes", *(kind_field(kind) for kind in kinds))
	total = totals_row(rows, "body_name", counted) if rows else None
	return with_totals(get_columns(kinds), rows, summary(rows), total=total)


def counts(year: int | None) -> list[frappe._dict]:
	Inspection, Row = frappe.qb.DocType("DV Inspection"), frappe.qb.DocType("DV Inspection Unit")
	Inspected, Body = frappe.qb.DocType("DV Unit"), frappe.qb.DocType("DV Unit").as_("body")
	query = (
		frappe.qb.from_(Inspection)
		.join(Row)
		.on((Row.parent == Inspection.name) & (Row.parenttype == "DV Inspection"))
		.join(Inspected)
		.on(Inspected.name == Row.inspected_unit)
		.join(Body)
		.on(Body.name == Inspection.inspecting_unit)
		.select(
			Inspection.inspecting_unit,
			Body.unit_name.as_("body_name"),
			Inspection.year,
			Inspection.inspection_kind,
			Inspected.unit_kind,
			Inspected.admin_level,
			Count(Row.inspected_unit).distinct().as_("units"),
		)
		.groupby(
			Inspection.inspecting_unit,
			Body.unit_name,
			Inspection.year,
			Inspection.inspection_kind,
			Inspected.unit_kind,
			Inspected.admin_level,
		)
	)
	scope = units_criterion(Inspection.inspecting_unit)
	if scope is not None:
		query = query.where(scope)
	if year:
		query = query.where(Inspection.year == year)
	rows = query.run(as_dict=True)
	for row in rows:
		row.unit_kind = row.unit_kind or _("Khác")
		row.is_commune = row.admin_level == COMMUNE_LEVEL
	return rows


def pivot(groups: list[frappe._dict], kinds: list[str]) -> list[dict]:
	rows: dict[tuple, dict] = {}
	for group in groups:
		key = (group.inspecting_unit, group.year, group.inspection_kind)
		row = rows.setdefault(
			key,
			{
				"inspecting_unit": group.inspecting_unit,
				"body_name": group.body_name,
				"year": group.year,
				"inspection_kind": group.inspection_kind,
				"units": 0,
				"communes": 0,
				**{kind_field(kind): 0 for kind in kinds},
			},
		)
		row["units"] += group.units
		row[kind_field(group.unit_kind)] += group.units
		if group.is_commune:
			row["communes"] += group.units
	return sorted(
		rows.values(), key=lambda r: (-(r["year"] or 0), r["body_name"] or "", r["inspection_kind"])
	)


def kind_field(kind: str) -> str:
	return "kind_" + frappe.scrub(kind)


def get_columns(kinds: list[str]) -> list[dict]:
	columns = [
		{
			"fieldname": "body_name",
			"label": _("Cơ quan kiểm tra, giám sát"),
			"fieldtype": "Data",
			"width": 260,
		},
		{"fieldname": "inspecting_unit", "label": _("Mã đơn vị"), "fieldtype": "Data", "hidden": 1},
		# A year is a label, not a number to add up: as Data, the table's totals row leaves it empty.
		{"fieldname": "year", "label": _("Năm"), "fieldtype": "Data", "width": 70},
		{"fieldname": "inspection_kind", "label": _("Hình thức"), "fieldtype": "Data", "width": 100},
		{"fieldname": "units", "label": _("Số đơn vị"), "fieldtype": "Int", "width": 100},
		{
			"fieldname": "communes",
			"label": _("Trong đó: xã, phường, đặc khu"),
			"fieldtype": "Int",
			"width": 130,
		},
	]
	columns += [
		{"fieldname": kind_field(kind), "label": _(kind), "fieldtype": "Int", "width": 150} for kind in kinds
	]
	return columns


def summary(rows: list[dict]) -> str | None:
	"""The first rows as a sentence, as the year-end report writes them."""
	sentences = [
		_(
			"Năm {0}, {1} {2} tại {3} cơ quan, đơn vị, doanh nghiệp, trong đó có {4} xã, phường, đặc khu và {5} cơ quan, đơn vị khác."
		).format(
			row["year"],
			row["body_name"],
			row["inspection_kind"].lower(),
			row["units"],
			row["communes"],
			row["units"] - row["communes"],
		)
		for row in rows[:5]
	]
	return "<br>".join(frappe.utils.escape_html(sentence) for sentence in sentences) or None
