# Copyright (c) 2026, danvan_app developers
# For license information, please see license.txt
"""Xếp loại công tác dân vận: the year's evaluated units ranked within their ranking group (units of one
kind and level: communes among communes, agencies among agencies), with their class after the template's
extra conditions and the group's quota of excellent units, and the change against last year.

One aggregate query (the year's unit evaluations, last year's beside them, the template's quota); the
ranking and the quota per group are the domain core's (domain.classification, domain.evaluation.rank).
"""

import frappe
from frappe import _
from frappe.query_builder.functions import Coalesce
from pypika.terms import Case

from danvan_app.api import arguments
from danvan_app.domain import classification as classification_rules
from danvan_app.domain import evaluation as evaluation_rules
from danvan_app.dv_kheo.report.dv_kheo_targets.dv_kheo_targets import report_year
from danvan_app.permissions.scope import subtree_criterion, units_criterion


def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	year = report_year(filters.year)
	unit = arguments.name(filters.unit, _("Đơn vị"), required=False)
	return get_columns(), ranked_rows(evaluations(year, unit))


def get_columns() -> list[dict]:
	return [
		{"fieldname": "ranking_group", "label": _("Nhóm xếp hạng"), "fieldtype": "Data", "width": 260},
		{"fieldname": "rank", "label": _("Hạng"), "fieldtype": "Int", "width": 70},
		{"fieldname": "unit_name", "label": _("Đơn vị"), "fieldtype": "Data", "width": 260},
		{"fieldname": "unit", "label": _("Mã đơn vị"), "fieldtype": "Data", "hidden": 1},
		# Beside the result, the unit's head and its leader in charge of dân vận: what a cadre evaluation
		# exports (seed 004: dân vận results count in the evaluation of cadres).
		{"fieldname": "head", "label": _("Người đứng đầu"), "fieldtype": "Data", "width": 200},
		{"fieldname": "leader", "label": _("Lãnh đạo phụ trách dân vận"), "fieldtype": "Data", "width": 200},
		{"fieldname": "total", "label": _("Tổng điểm"), "fieldtype": "Float", "precision": 1, "width": 100},
		{"fieldname": "classification", "label": _("Xếp loại"), "fieldtype": "Data", "width": 220},
		{"fieldname": "note", "label": _("Ghi chú"), "fieldtype": "Data", "width": 320},
		{"fieldname": "submitted", "label": _("Đã phê duyệt"), "fieldtype": "Check", "width": 80},
		{"fieldname": "last_total", "label": _("Điểm năm trước"), "fieldtype": "Float", "precision": 1},
		{
			"fieldname": "last_classification",
			"label": _("Xếp loại năm trước"),
			"fieldtype": "Data",
			"width": 200,
		},
		{"fieldname": "change", "label": _("Tăng/giảm điểm"), "fieldtype": "Float", "precision": 1},
	]


def decisive(Evaluation):
	# The reviewed total decides once a reviewer has scored (as the evaluation itself classifies).
	return (
		Case().when(Evaluation.reviewed_on.notnull(), Evaluation.reviewed_total).else_(Evaluation.self_total)
	)


def evaluations(year: int, unit: str | None) -> list[frappe._dict]:
	Evaluation, Unit = frappe.qb.DocType("DV Evaluation"), frappe.qb.DocType("DV Unit")
	Template = frappe.qb.DocType("DV Evaluation Template")
	Last = frappe.qb.DocType("DV Evaluation").as_("last")
	Leader = frappe.qb.DocType("User")
	query = (
		frappe.qb.from_(Evaluation)
		.join(Unit)
		.on(Unit.name == Evaluation.evaluated_unit)
		.join(Template)
		.on(Template.name == Evaluation.template)
		.left_join(Leader)
		.on(Leader.name == Unit.dan_van_leader)
		.left_join(Last)
		.on(
			(Last.evaluated_unit == Evaluation.evaluated_unit)
			& (Last.year == year - 1)
			& (Last.docstatus == 1)
			& Last.kheo_model.isnull()
		)
		.select(
			Evaluation.evaluated_unit.as_("unit"),
			Unit.unit_name,
			Unit.head_name.as_("head"),
			Leader.full_name.as_("leader"),
			Coalesce(Unit.unit_kind, "").as_("unit_kind"),
			Coalesce(Unit.admin_level, "").as_("admin_level"),
			decisive(Evaluation).as_("total"),
			Evaluation.classification,
			Evaluation.classification_reasons,
			Evaluation.final_classification,
			Evaluation.quota_note,
			Evaluation.docstatus,
			Template.excellent_quota_percent.as_("quota"),
			decisive(Last).as_("last_total"),
			Last.classification.as_("last_classification"),
		)
		.where((Evaluation.year == year) & (Evaluation.docstatus < 2) & Evaluation.kheo_model.isnull())
	)
	for condition in (units_criterion(Evaluation.evaluated_unit), subtree_criterion(Unit, unit)):
		if condition is not None:
			query = query.where(condition)
	return query.run(as_dict=True)


def group_label(row) -> str:
	return " – ".join(part for part in (row.unit_kind, row.admin_level) if part) or _("(chưa phân loại)")


def by_group(rows: list[frappe._dict]) -> dict[str, list[frappe._dict]]:
	groups: dict[str, list[frappe._dict]] = {}
	for row in rows:
		groups.setdefault(group_label(row), []).append(row)
	return groups


def quota_decisions(members: list[frappe._dict], key: str) -> tuple[dict[str, tuple[str, bool]], float]:
	"""One ranking group's classes after its quota (the strictest among its templates; a year's evaluations
	share one in practice), keyed by ``key`` of each row, and that quota. The report shows them; closing a
	cycle keeps them."""
	quota = min(float(row.quota if row.quota is not None else 20) for row in members)
	ranked = [
		classification_rules.Ranked(row[key], float(row.total or 0), row.classification) for row in members
	]
	return classification_rules.apply_quota(ranked, quota), quota


def quota_note(quota: float) -> str:
	return _("Vượt tỷ lệ xuất sắc {0}% của nhóm").format(f"{quota:g}")


def ranked_rows(rows: list[frappe._dict]) -> list[dict]:
	groups = by_group(rows)
	out = []
	for label in sorted(groups):
		members = groups[label]
		ranks = evaluation_rules.rank({row.unit: float(row.total or 0) for row in members})
		after_quota, quota = quota_decisions(members, "unit")
		for row in sorted(members, key=lambda r: (ranks[r.unit], r.unit_name or "")):
			classification, pushed = after_quota[row.unit]
			notes = [reason for reason in (row.classification_reasons or "").split("\n") if reason]
			if row.final_classification:
				# The cycle was closed: its decision stands, whatever the scores have done since.
				classification, pushed = row.final_classification, False
				notes += [row.quota_note] if row.quota_note else []
			if pushed:
				notes.append(quota_note(quota))
			out.append(
				{
					"ranking_group": label,
					"rank": ranks[row.unit],
					"unit": row.unit,
					"unit_name": row.unit_name,
					"head": row.head,
					"leader": row.leader,
					"total": row.total,
					"classification": classification,
					"note": "; ".join(notes),
					"submitted": int(row.docstatus == 1),
					"last_total": row.last_total,
					"last_classification": row.last_classification,
					"change": None
					if row.last_total is None
					else float(row.total or 0) - float(row.last_total),
				}
			)
	return out
