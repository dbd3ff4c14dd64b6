"""Units as the importer proposes and checks them: the ones the user may read, matched by name."""

from __future__ import annotations

import frappe

from danvan_app.domain import directive_import
from danvan_app.domain.unit_matching import UnitRecord, match_unit_names


def matchable_units() -> list[UnitRecord]:
	"""Open units the user can read, with their abbreviation and aliases, read in one query."""
	rows = frappe.get_list(
		"DV Unit",
		filters={"enabled": 1},
		fields=["name", "unit_name", "abbreviation", "`tabDV Unit Alias`.`alias` as alias"],
		order_by="`tabDV Unit`.`lft` asc",
		limit_page_length=0,
	)
	names: dict[str, str] = {}
	spellings: dict[str, list[str]] = {}
	for row in rows:
		names[row.name] = row.unit_name
		other = spellings.setdefault(row.name, [])
		for spelling in (row.abbreviation, row.alias):
			if spelling and spelling not in other:
				other.append(spelling)
	return [UnitRecord(name, unit_name, tuple(spellings[name])) for name, unit_name in names.items()]


def unit_match_dict(match) -> dict:
	return {
		"written": match.written,
		"unit": match.unit_id,
		"unit_name": match.unit_name,
		"method": match.method,
		"candidates": list(match.candidates),
	}


def propose_task_fields(task: dict, units: list[UnitRecord]) -> None:
	"""Add to a parsed task its unit matches and the DV Task fields a reviewer starts from."""
	presiding = [unit_match_dict(m) for m in match_unit_names(task["presiding"], units)]
	coordinating = [unit_match_dict(m) for m in match_unit_names(task["coordinating"], units)]
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


def existing_unit_ids(names: set[str]) -> set[str]:
	"""Which of the given ids are units at all (existence only, as Link validation checks it; a task may
	name a coordinating unit outside the user's own subtree)."""
	if not names:
		return set()
	Unit = frappe.qb.DocType("DV Unit")
	return set(frappe.qb.from_(Unit).select(Unit.name).where(Unit.name.isin(sorted(names))).run(pluck=True))


def unit_title(unit: str) -> str:
	return frappe.db.get_value("DV Unit", unit, "unit_name") or unit
