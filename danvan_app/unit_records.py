"""Each unit's year as the evaluation's data-fed criteria count it, for many units at once: a fixed number of
aggregate queries whatever the number of units, tasks and models (an evaluation cycle feeds thousands of
evaluations from one call)."""

import datetime
import json
from urllib.parse import quote, urlencode

import frappe
from frappe.query_builder.functions import Count, Sum
from pypika.terms import Case

from danvan_app.domain import kheo_models as model_rules
from danvan_app.domain import measures
from danvan_app.domain import tasks as task_rules
from danvan_app.kheo_targets import NOT_COUNTED, targets


def year_bounds(year: int) -> tuple[datetime.date, datetime.date]:
	return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


def unit_records(units: list[str], year: int) -> dict[str, measures.UnitRecord]:
	if not units:
		return {}
	counts: dict[str, dict] = {unit: {} for unit in units}
	start, end = year_bounds(year)
	Task = frappe.qb.DocType("DV Task")

	def count_where(condition):
		return Sum(Case().when(condition, 1).else_(0))

	in_year = (
		Task.presiding_unit.isin(units)
		& (Task.due_date >= start)
		& (Task.due_date <= end)
		& (Task.status != task_rules.STATUS_CANCELLED)
	)
	recurring = Task.recurring_source.notnull() & (Task.recurring_source != "")
	on_time = Task.deadline_outcome == task_rules.OUTCOME_ON_TIME
	judged = Task.deadline_outcome.isin(
		[task_rules.OUTCOME_ON_TIME, task_rules.OUTCOME_DONE_LATE, task_rules.OUTCOME_OVERDUE]
	)
	for row in (
		frappe.qb.from_(Task)
		.select(
			Task.presiding_unit,
			count_where(on_time).as_("on_time"),
			count_where(Task.deadline_outcome == task_rules.OUTCOME_DONE_LATE).as_("done_late"),
			count_where(Task.deadline_outcome == task_rules.OUTCOME_OVERDUE).as_("overdue"),
			count_where(recurring & judged).as_("recurring_judged"),
			count_where(recurring & on_time).as_("recurring_on_time"),
		)
		.where(in_year)
		.groupby(Task.presiding_unit)
		.run(as_dict=True)
	):
		counts[row.presiding_unit].update({k: int(v or 0) for k, v in row.items() if k != "presiding_unit"})

	Explanation = frappe.qb.DocType("DV Task Explanation")
	for unit, requests in (
		frappe.qb.from_(Explanation)
		.join(Task)
		.on((Task.name == Explanation.parent) & (Explanation.parenttype == "DV Task"))
		.select(Task.presiding_unit, Count(Explanation.name))
		.where(in_year)
		.groupby(Task.presiding_unit)
		.run()
	):
		counts[unit]["explanation_requests"] = int(requests)

	Model = frappe.qb.DocType("DV Kheo Model")
	for unit, registered in (
		frappe.qb.from_(Model)
		.select(Model.registering_unit, Count(Model.name))
		.where(
			Model.registering_unit.isin(units)
			& (Model.year == year)
			& (Model.docstatus < 2)
			& Model.status.notin(NOT_COUNTED)
		)
		.groupby(Model.registering_unit)
		.run()
	):
		counts[unit]["models_registered"] = int(registered)

	Unit = frappe.qb.DocType("DV Unit")
	all_targets = targets()
	for unit, kind, level, leader in (
		frappe.qb.from_(Unit)
		.select(Unit.name, Unit.unit_kind, Unit.admin_level, Unit.dan_van_leader)
		.where(Unit.name.isin(units))
		.run()
	):
		target = model_rules.target_for(kind, level, year, all_targets)
		counts[unit]["models_required"] = target.min_registered if target else 0
		counts[unit]["leader_named"] = bool(leader)
	return {unit: measures.UnitRecord(**values) for unit, values in counts.items()}


def list_route(route: str, filters: dict) -> str:
	"""A list's address with its filters, short enough for the 140 characters of a Data field: JSON without
	spaces, and its brackets, quotes, commas and colons left as they are (the desk decodes both forms)."""
	return f"/app/{route}?" + urlencode(filters, safe='[]",:', quote_via=quote)


def compact_json(value) -> str:
	return json.dumps(value, separators=(",", ":"))


def evidence_route(measure: str, unit: str, year: int) -> str:
	"""Where the records a fed score counted are listed (the desk opens the list with these filters)."""
	if measure == measures.LEADER_NAMED:
		return f"/app/dv-unit/{unit}"
	if measure == measures.MODELS_AGAINST_TARGET:
		return list_route("dv-kheo-model", {"registering_unit": unit, "year": year})
	start, end = year_bounds(year)
	filters = {"presiding_unit": unit, "due_date": compact_json(["Between", [str(start), str(end)]])}
	if measure == measures.RECURRING_REPORTS:
		filters["recurring_source"] = compact_json(["is", "set"])
	return list_route("dv-task", filters)
