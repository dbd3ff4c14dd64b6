# Copyright (c) 2026, danvan_app developers
# For license information, please see license.txt
"""Thống kê mô hình Dân vận khéo: the year's models registered, approved, recognised, replicated and
commended, in total and by field, by kind (collective model or individual exemplar) and by level — the
figures of a provincial Ban Dân vận's year-end report.

Two aggregate queries whatever the number of models: the models grouped by field, kind and level (a few
dozen groups at most), rolled up here into the three breakdowns; and the commendations by form.
"""

import frappe
from frappe import _
from frappe.query_builder.functions import Count, Sum
from pypika.terms import Case

from danvan_app.api import arguments
from danvan_app.domain import kheo_models as model_rules
from danvan_app.dv_kheo.report.dv_kheo_targets.dv_kheo_targets import report_year
from danvan_app.kheo_targets import NOT_APPROVED, NOT_COUNTED
from danvan_app.permissions.scope import subtree_criterion, units_criterion

COUNTS = (
	("registered", "Đăng ký"),
	("approved", "Đã duyệt"),
	("recognised", "Được công nhận"),
	("replicated", "Nhân rộng"),
	("commended", "Được khen thưởng"),
)
BREAKDOWNS = (
	("kheo_field", "Theo lĩnh vực"),
	("model_type", "Theo loại: mô hình tập thể, điển hình cá nhân"),
	("model_level", "Theo cấp"),
)


def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	year = report_year(filters.year)
	unit = arguments.name(filters.unit, _("Đơn vị"), required=False)
	groups = model_groups(year, unit)
	rows = [heading(_("Tổng cộng"), total(groups))]
	for field, label in BREAKDOWNS:
		rows.append(heading(_(label)))
		rows += breakdown(groups, field)
	rows.append(heading(_("Khen thưởng theo hình thức")))
	rows += commendations_by_form(year, unit)
	return get_columns(), rows


def get_columns() -> list[dict]:
	columns = [{"fieldname": "group", "label": _("Nội dung"), "fieldtype": "Data", "width": 340}]
	columns += [
		{"fieldname": key, "label": _(label), "fieldtype": "Int", "width": 130} for key, label in COUNTS
	]
	return columns


def heading(label: str, counts: dict | None = None) -> dict:
	return {"group": label, "is_heading": 1, **(counts or {})}


def restricted(query, unit_column, Unit, unit: str | None):
	"""The user's units, and the chosen unit's subtree."""
	for condition in (units_criterion(unit_column), subtree_criterion(Unit, unit)):
		if condition is not None:
			query = query.where(condition)
	return query


def model_groups(year: int, unit: str | None) -> list[dict]:
	Model, Unit = frappe.qb.DocType("DV Kheo Model"), frappe.qb.DocType("DV Unit")
	Commendation = frappe.qb.DocType("DV Commendation")
	commended = (
		frappe.qb.from_(Commendation)
		.select(Commendation.kheo_model)
		.distinct()
		.where(Commendation.kheo_model.notnull())
	)

	def count_where(condition):
		return Sum(Case().when(condition, 1).else_(0))

	counted = Model.status.notin(NOT_COUNTED)
	query = (
		frappe.qb.from_(Model)
		.join(Unit)
		.on(Unit.name == Model.registering_unit)
		.select(
			Model.kheo_field,
			Model.model_type,
			Model.model_level,
			count_where(counted).as_("registered"),
			count_where(Model.status.notin(NOT_APPROVED)).as_("approved"),
			count_where(Model.status == model_rules.RECOGNISED).as_("recognised"),
			count_where(counted & Model.replicated_from.notnull() & (Model.replicated_from != "")).as_(
				"replicated"
			),
			count_where(Model.name.isin(commended)).as_("commended"),
		)
		.where((Model.year == year) & (Model.docstatus < 2))
		.groupby(Model.kheo_field, Model.model_type, Model.model_level)
	)
	return restricted(query, Model.registering_unit, Unit, unit).run(as_dict=True)


def total(groups: list[dict]) -> dict:
	return {key: sum(int(group[key] or 0) for group in groups) for key, _label in COUNTS}


def breakdown(groups: list[dict], field: str) -> list[dict]:
	by_value: dict[str, list[dict]] = {}
	for group in groups:
		by_value.setdefault(group[field] or _("(chưa ghi)"), []).append(group)
	return [{"group": value, **total(members)} for value, members in sorted(by_value.items())]


def commendations_by_form(year: int, unit: str | None) -> list[dict]:
	Commendation, Unit = frappe.qb.DocType("DV Commendation"), frappe.qb.DocType("DV Unit")
	query = (
		frappe.qb.from_(Commendation)
		.join(Unit)
		.on(Unit.name == Commendation.commended_unit)
		.select(
			Commendation.commendation_form,
			Sum(Case().when(Commendation.recipient_kind == model_rules.COLLECTIVE, 1).else_(0)).as_(
				"collective"
			),
			Count(Commendation.name).as_("commended"),
		)
		.where(Commendation.year == year)
		.groupby(Commendation.commendation_form)
		.orderby(Commendation.commendation_form)
	)
	query = restricted(query, Commendation.commended_unit, Unit, unit)
	return [
		{
			"group": _("{0} (tập thể: {1}, cá nhân: {2})").format(
				row.commendation_form, int(row.collective), int(row.commended) - int(row.collective)
			),
			"commended": int(row.commended),
		}
		for row in query.run(as_dict=True)
	]
