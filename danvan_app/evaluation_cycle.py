"""An evaluation cycle's work: one evaluation per covered unit, made in the background, and the closing
that applies the quota of excellent units across each ranking group."""

import frappe
from frappe import _

from danvan_app.domain import evaluation as evaluation_rules
from danvan_app.unit_records import unit_records

PROGRESS_EVERY = 50


def covered_units(cycle) -> list[str]:
	"""Open units under the evaluating unit, of the covered kinds and levels (all when none is named)."""
	lft, rgt = frappe.db.get_value("DV Unit", cycle.evaluating_unit, ["lft", "rgt"])
	Unit = frappe.qb.DocType("DV Unit")
	query = (
		frappe.qb.from_(Unit)
		.select(Unit.name)
		.where((Unit.lft > lft) & (Unit.rgt < rgt) & (Unit.enabled == 1) & Unit.valid_to.isnull())
		.orderby(Unit.lft)
	)
	kinds = [row.unit_kind for row in cycle.unit_kinds]
	levels = [row.admin_level for row in cycle.admin_levels]
	if kinds:
		query = query.where(Unit.unit_kind.isin(kinds))
	if levels:
		query = query.where(Unit.admin_level.isin(levels))
	return [name for (name,) in query.run()]


def already_evaluated(units: list[str], year: int) -> set[str]:
	if not units:
		return set()
	Evaluation = frappe.qb.DocType("DV Evaluation")
	rows = (
		frappe.qb.from_(Evaluation)
		.select(Evaluation.evaluated_unit)
		.where(
			Evaluation.evaluated_unit.isin(units)
			& (Evaluation.year == year)
			& (Evaluation.docstatus < 2)
			& Evaluation.kheo_model.isnull()
		)
		.run()
	)
	return {unit for (unit,) in rows}


def create_evaluations(cycle_name: str) -> list[str]:
	"""One evaluation per covered unit that has none for the year; running it again creates nothing new,
	and a unit added since gets its own. The units' records are counted once for all of them."""
	cycle = frappe.get_doc("DV Evaluation Cycle", cycle_name)
	units = covered_units(cycle)
	evaluated = already_evaluated(units, cycle.year)
	missing = [unit for unit in units if unit not in evaluated]
	records = unit_records(missing, cycle.year)
	created = []
	for position, unit in enumerate(missing, 1):
		evaluation = frappe.get_doc(
			{
				"doctype": "DV Evaluation",
				"evaluated_unit": unit,
				"year": cycle.year,
				"template": cycle.template,
				"cycle": cycle.name,
			}
		)
		evaluation.flags.unit_record = records[unit]
		evaluation.insert()
		created.append(evaluation.name)
		if position % PROGRESS_EVERY == 0 or position == len(missing):
			frappe.publish_progress(
				100 * position / len(missing),
				title=_("Đang tạo phiếu đánh giá"),
				doctype="DV Evaluation Cycle",
				docname=cycle.name,
				description=_("{0}/{1} đơn vị").format(position, len(missing)),
			)
	cycle.db_set("evaluations_created", len(already_evaluated(units, cycle.year)))
	return created


def close(cycle_name: str) -> dict:
	"""Apply each ranking group's quota of excellent units to the cycle's evaluations and keep the result
	(final class, and why a unit was moved down) on each of them; the cycle is then closed."""
	from danvan_app.dv_evaluation.report.dv_evaluation_ranking.dv_evaluation_ranking import (
		by_group,
		decisive,
		quota_decisions,
		quota_note,
	)

	cycle = frappe.get_doc("DV Evaluation Cycle", cycle_name)
	Evaluation, Unit = frappe.qb.DocType("DV Evaluation"), frappe.qb.DocType("DV Unit")
	Template = frappe.qb.DocType("DV Evaluation Template")
	rows = (
		frappe.qb.from_(Evaluation)
		.join(Unit)
		.on(Unit.name == Evaluation.evaluated_unit)
		.join(Template)
		.on(Template.name == Evaluation.template)
		.select(
			Evaluation.name,
			Unit.unit_kind,
			Unit.admin_level,
			Evaluation.classification,
			decisive(Evaluation).as_("total"),
			Template.excellent_quota_percent.as_("quota"),
		)
		.where((Evaluation.cycle == cycle.name) & (Evaluation.docstatus < 2))
		.run(as_dict=True)
	)
	# One UPDATE per distinct decision (a handful), not one per evaluation.
	decisions: dict[tuple[str, str | None], list[str]] = {}
	for members in by_group(rows).values():
		after_quota, quota = quota_decisions(members, "name")
		for name, (final, pushed) in after_quota.items():
			decisions.setdefault((final, quota_note(quota) if pushed else None), []).append(name)
	for (final, note), names in decisions.items():
		frappe.qb.update(Evaluation).set(Evaluation.final_classification, final).set(
			Evaluation.quota_note, note
		).where(Evaluation.name.isin(names)).run()
	moved = sum(len(names) for (_final, note), names in decisions.items() if note)
	cycle.db_set("cycle_status", evaluation_rules.CYCLE_CLOSED)
	cycle.add_comment(
		"Info",
		_("Đã chốt kết quả: {0} phiếu, {1} đơn vị xuống mức do tỷ lệ xuất sắc.").format(len(rows), moved),
	)
	return {"evaluations": len(rows), "moved_down": moved}
