"""Each unit's "Dân vận khéo" models of a year against its target, for the report, the workspace card and
the reminder: one aggregate query over the units in the user's scope and their models (one row per unit,
whatever the number of models), one small read of the targets, the arithmetic in the domain core.
"""

from datetime import date

import frappe
from frappe.query_builder.functions import Count, Sum
from frappe.utils import getdate, today
from pypika.terms import Case

from danvan_app.domain import kheo_models as model_rules
from danvan_app.permissions.scope import subtree_criterion, units_criterion

# Not counted towards a target: a registration turned down, or one sent back and not yet resubmitted.
NOT_COUNTED = (model_rules.REJECTED, model_rules.RETURNED)
# Not yet approved: a registration still waiting, or sent back.
NOT_APPROVED = (model_rules.REGISTERED, model_rules.RETURNED, model_rules.REJECTED)


def targets() -> list[model_rules.Target]:
	Target = frappe.qb.DocType("DV Kheo Target")
	rows = (
		frappe.qb.from_(Target)
		.select(
			Target.unit_kind, Target.admin_level, Target.year, Target.min_registered, Target.min_recognised
		)
		.run(as_dict=True)
	)
	return [
		model_rules.Target(
			unit_kind=row.unit_kind,
			admin_level=row.admin_level or None,
			year=row.year or None,
			min_registered=row.min_registered or 0,
			min_recognised=row.min_recognised or 0,
		)
		for row in rows
	]


def standing_rows(year: int, unit: str | None = None, user: str | None = None) -> list[frappe._dict]:
	"""One row per open unit in scope that has a target or registered a model in ``year``: its counts, its
	target and what it lacks; units below target first, the largest shortfall first."""
	Unit, Model = frappe.qb.DocType("DV Unit"), frappe.qb.DocType("DV Kheo Model")

	def count_where(condition):
		return Sum(Case().when(condition, 1).else_(0))

	counted = Model.status.notin(NOT_COUNTED)
	query = (
		frappe.qb.from_(Unit)
		.left_join(Model)
		.on((Model.registering_unit == Unit.name) & (Model.year == year) & (Model.docstatus < 2))
		.select(
			Unit.name.as_("unit"),
			Unit.unit_name,
			Unit.abbreviation,
			Unit.unit_kind,
			Unit.admin_level,
			Unit.dan_van_leader,
			Count(Model.name).as_("all_models"),
			count_where(counted).as_("registered"),
			count_where(Model.status.notin(NOT_APPROVED)).as_("approved"),
			count_where(Model.status == model_rules.RECOGNISED).as_("recognised"),
			count_where(counted & Model.replicated_from.notnull() & (Model.replicated_from != "")).as_(
				"replicated"
			),
		)
		.where(Unit.enabled == 1)
		.where(Unit.valid_to.isnull() | (Unit.valid_to >= open_on(year)))
		.groupby(
			Unit.name,
			Unit.unit_name,
			Unit.abbreviation,
			Unit.unit_kind,
			Unit.admin_level,
			Unit.dan_van_leader,
		)
	)
	for condition in (units_criterion(Unit.name, user), subtree_criterion(Unit, unit)):
		if condition is not None:
			query = query.where(condition)
	all_targets = targets()
	rows = []
	for row in query.run(as_dict=True):
		target = model_rules.target_for(row.unit_kind, row.admin_level, year, all_targets)
		if target is None and not row.all_models:
			continue
		for key in ("registered", "approved", "recognised", "replicated"):
			row[key] = int(row[key] or 0)
		standing = model_rules.standing(row.registered, row.recognised, target)
		row.update(
			min_registered=standing.min_registered,
			min_recognised=standing.min_recognised,
			registered_short=standing.registered_short,
			recognised_short=standing.recognised_short,
			below_target=int(standing.below_target),
		)
		rows.append(row)
	rows.sort(key=lambda r: (-r.below_target, -(r.registered_short + r.recognised_short), r.unit_name or ""))
	return rows


def open_on(year: int) -> date:
	"""A unit closed before this day no longer owes the year's target: the year's end, or today for the
	year under way."""
	return min(getdate(today()), date(year, 12, 31))
