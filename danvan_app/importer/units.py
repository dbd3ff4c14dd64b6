"""Units as the importer proposes and checks them: the ones the user may read, matched by name."""

from __future__ import annotations

import frappe
from frappe.utils import getdate, nowdate

from danvan_app.domain import directive_import, unit_groups
from danvan_app.domain import units as unit_rules
from danvan_app.domain.unit_matching import UnitRecord, match_unit_names, successor_today


def matchable_units() -> list[UnitRecord]:
	"""Units the user can read, closed ones too (older texts name them), with their abbreviation, aliases,
	whether they are open today and their successors, read in one query."""
	rows = frappe.get_list(
		"DV Unit",
		# Closing a unit also disables it; a unit disabled without a closing date is left out.
		or_filters={"enabled": 1, "valid_to": ("is", "set")},
		fields=[
			"name",
			"unit_name",
			"abbreviation",
			"enabled",
			"valid_from",
			"valid_to",
			"`tabDV Unit Alias`.`alias` as alias",
			"`tabDV Unit Successor`.`successor_unit` as successor",
		],
		order_by="`tabDV Unit`.`lft` asc",
		limit_page_length=0,
	)
	today = getdate(nowdate())
	units: dict[str, dict] = {}
	for row in rows:
		unit = units.setdefault(
			row.name,
			{
				"name": row.unit_name,
				"spellings": [],
				"successors": [],
				"open": unit_rules.is_active_on(
					today, valid_from=row.valid_from, valid_to=row.valid_to, enabled=bool(row.enabled)
				),
			},
		)
		for spelling in (row.abbreviation, row.alias):
			if spelling and spelling not in unit["spellings"]:
				unit["spellings"].append(spelling)
		if row.successor and row.successor not in unit["successors"]:
			unit["successors"].append(row.successor)
	return [
		UnitRecord(name, unit["name"], tuple(unit["spellings"]), unit["open"], tuple(unit["successors"]))
		for name, unit in units.items()
	]


def matches_today(names: list[str], units: list[UnitRecord]):
	"""Who is given work today under each written name: a closed unit's open successor."""
	return [successor_today(match, units) for match in match_unit_names(names, units)]


def unit_match_dict(match) -> dict:
	return {
		"written": match.written,
		"unit": match.unit_id,
		"unit_name": match.unit_name,
		"method": match.method,
		"candidates": list(match.candidates),
		"predecessor": match.predecessor,
		"predecessor_name": match.predecessor_name,
	}


def propose_task_fields(task: dict, units: list[UnitRecord]) -> None:
	"""Add to a parsed task its unit matches and the DV Task fields a reviewer starts from."""
	presiding = [unit_match_dict(m) for m in matches_today(task["presiding"], units)]
	coordinating = [unit_match_dict(m) for m in matches_today(task["coordinating"], units)]
	task["presiding_matches"], task["coordinating_matches"] = presiding, coordinating
	presiding_unit = next((m["unit"] for m in presiding if m["unit"]), None)
	task["fields"] = {
		"title": directive_import.short_title(task["title"]),
		"source_clause": task["clause"],
		"presiding_unit": presiding_unit,
		"coordinating_units": list(
			dict.fromkeys(m["unit"] for m in coordinating if m["unit"] and m["unit"] != presiding_unit)
		),
		**directive_import.deadline_fields(task["deadline"]),
	}


def propose_groups(tasks: list[dict]) -> None:
	"""A task whose presiding body is generic ("UBND các xã") gets a proposed group of units, with how many
	open units of the group the user may read (one query for the whole preview)."""
	for task in tasks:
		unmatched = [m["written"] for m in task["presiding_matches"] if not m["unit"]]
		group = None if task["fields"]["presiding_unit"] else unit_groups.proposed_group(unmatched)
		task["group"] = group.as_dict() if group else None
	groups = [task["group"] for task in tasks if task["group"]]
	if not groups:
		return
	members = group_members(groups)
	for group in groups:
		group["units"] = len(members(group))


def group_members(groups: list[dict]):
	"""A function group → its open units (id, name) that the user may read, from one query for all the
	groups given."""
	kinds = sorted({kind for group in groups for kind in group["kinds"]})
	rows = frappe.get_list(
		"DV Unit",
		filters={"enabled": 1, "unit_kind": ("in", kinds)},
		fields=["name", "unit_name", "unit_kind", "admin_level"],
		order_by="lft asc",
		limit_page_length=0,
	)

	def members(group: dict) -> list[tuple[str, str]]:
		return [
			(row.name, row.unit_name)
			for row in rows
			if row.unit_kind in group["kinds"]
			and (not group.get("level") or row.admin_level == group["level"])
		]

	return members


def existing_unit_ids(names: set[str]) -> set[str]:
	"""Which of the given ids are units at all (existence only, as Link validation checks it; a task may
	name a coordinating unit outside the user's own subtree)."""
	if not names:
		return set()
	Unit = frappe.qb.DocType("DV Unit")
	return set(frappe.qb.from_(Unit).select(Unit.name).where(Unit.name.isin(sorted(names))).run(pluck=True))


def unit_title(unit: str) -> str:
	return frappe.db.get_value("DV Unit", unit, "unit_name") or unit
