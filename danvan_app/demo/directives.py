"""The shared source texts, imported as a user imports them: the importer's preview, the reviewer's
choices, the confirmation (``api.directives``); then two implementing plans by communes' Party committees,
each a child of the directive it carries out (the other communes issued none: a lineage report has both).

The texts ship in ``texts/`` beside this module (public documents), so the demo does not depend on where
the project keeps its copies.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import frappe
from frappe.model.workflow import apply_workflow, get_transitions
from frappe.utils import add_days, getdate, today

from danvan_app.api.directives import confirm_directive_import, preview_directive_text
from danvan_app.demo import registry
from danvan_app.demo.people import ADMINISTRATOR, email
from danvan_app.demo.units import (
	ADVISORY,
	COMMITTEE,
	COMMUNE,
	DEPARTMENT,
	FRONT,
	MASS_ORGANISATION,
	PARTY,
	ROOT,
)
from danvan_app.domain import directives as directive_rules

TEXTS = Path(__file__).parent / "texts"


@dataclass(frozen=True)
class SourceText:
	file_name: str
	# What the reviewer types in where the text is silent (the directive's own number and date are not
	# in the copy that circulates of the "Dân vận khéo" directive).
	reviewed: dict = field(default_factory=dict)


SOURCES = (
	SourceText("chi_thi_16_ct_tu_lao_cai.txt"),
	SourceText(
		"chi_thi_dan_van_kheo.txt",
		{
			"directive_number": "33-CT/TU",
			"issue_date": "2014-03-10",
			"summary": "Số và ngày ban hành do dữ liệu mẫu ghi: bản văn bản dùng làm nguồn không có.",
		},
	),
	# A newspaper's account of a directive: the importer says so and proposes nothing to import.
	SourceText("tin_chi_thi_08_ct_tu.txt"),
)

# Whom the demo's reviewer gives a clause the importer could not tie to one unit: a generic "các cấp
# ủy" goes to every commune's Party committee (one task each), other bodies to the province's own.
PROVINCE_BODY_OF_KIND = {
	COMMITTEE: "ubnd",
	DEPARTMENT: "ubnd",
	FRONT: "mttq",
	MASS_ORGANISATION: "mttq",
}


@dataclass
class ImportResult:
	file_name: str
	directive: str | None = None
	created: bool = False
	tasks: list[str] = field(default_factory=list)
	skipped: int = 0
	refused: str | None = None


def source_text(file_name: str) -> str:
	return (TEXTS / file_name).read_text(encoding="utf-8")


def import_sources(unit_ids: dict[str, str]) -> list[ImportResult]:
	results = []
	with registry.acting_as(ADMINISTRATOR):
		for source in SOURCES:
			results.append(import_source(source, unit_ids))
	return results


def import_source(source: SourceText, unit_ids: dict[str, str]) -> ImportResult:
	result = ImportResult(source.file_name)
	preview = preview_directive_text(text=source_text(source.file_name))
	if not preview["is_directive"]:
		result.refused = preview.get("not_directive_reason") or "không phải văn bản chỉ đạo"
		return result
	outcome = confirm_directive_import(payload=frappe.as_json(reviewed_payload(preview, source, unit_ids)))
	result.directive, result.created = outcome["directive"], outcome["directive_created"]
	result.tasks, result.skipped = outcome["tasks"], len(outcome["skipped"])
	if result.created:
		registry.add("DV Directive", result.directive)
	registry.add("DV Task", *result.tasks)
	return result


def reviewed_payload(preview: dict, source: SourceText, unit_ids: dict[str, str]) -> dict:
	"""What the review screen sends: the proposals accepted, the gaps filled as the demo's reviewer would."""
	document = preview["document"]
	directive = {
		"directive_number": document["number"],
		"doc_type": document["doc_type"],
		"issue_date": document["issue_date"],
		"issuer_name": document["issuer"],
		"issuing_unit": (preview["issuer_match"] or {}).get("unit") or unit_ids[ROOT],
		"title": document["title"],
		"summary": document.get("summary"),
		"full_text": preview["source_text"],
		"references": preview["references"],
		**source.reviewed,
	}
	tasks = [reviewed_task(task, unit_ids) for task in preview["tasks"]]
	return {"directive": directive, "tasks": tasks}


def reviewed_task(task: dict, unit_ids: dict[str, str]) -> dict:
	fields = dict(task["fields"])
	if fields.get("recurrence") not in (None, "", "Không lặp lại", "none"):
		# A yearly duty counts from the year before: the demo then has past periods to show.
		fields["start_date"] = f"{getdate(today()).year - 1}-01-01"
	if fields.get("presiding_unit"):
		return fields
	kinds = (task.get("group") or {}).get("kinds") or []
	if PARTY in kinds:
		return {**fields, "presiding_group": {"kinds": [PARTY], "level": COMMUNE}}
	body = next((PROVINCE_BODY_OF_KIND[kind] for kind in kinds if kind in PROVINCE_BODY_OF_KIND), ADVISORY)
	fields["presiding_unit"] = unit_ids[body]
	fields["coordinating_units"] = [unit for unit in fields["coordinating_units"] if unit != unit_ids[body]]
	return fields


# --- implementing plans --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Plan:
	unit: str  # demo unit key of the issuer
	number: str
	title: str
	carries_out: str  # the source text whose directive it carries out
	days_ago: int


PLANS = (
	Plan(
		"du.batxat",
		"12-KH/ĐU",
		"Kế hoạch thực hiện Chỉ thị số 16-CT/TU của Ban Thường vụ Tỉnh ủy về nâng cao chất lượng, hiệu quả"
		" công tác dân vận",
		"chi_thi_16_ct_tu_lao_cai.txt",
		150,
	),
	Plan(
		"du.sapa",
		"08-KH/ĐU",
		"Kế hoạch thực hiện Chỉ thị số 33-CT/TU về đẩy mạnh phong trào thi đua “Dân vận khéo”",
		"chi_thi_dan_van_kheo.txt",
		120,
	),
)


def build_plans(unit_ids: dict[str, str], imported: list[ImportResult]) -> dict[str, str]:
	"""Each plan (found again by its number and issuer), issued by the issuer's leader. Returns unit key →
	plan."""
	parents = {result.file_name: result.directive for result in imported}
	plans = {}
	for plan in PLANS:
		issuer = unit_ids[plan.unit]
		existing = frappe.db.get_value(
			"DV Directive", {"directive_number": plan.number, "issuing_unit": issuer}, "name"
		)
		if existing:
			plans[plan.unit] = existing
			continue
		with registry.acting_as(email(f"lanhdao.{plan.unit}")):
			doc = registry.create(
				{
					"doctype": "DV Directive",
					"directive_number": plan.number,
					"doc_type": "Kế hoạch",
					"issue_date": add_days(today(), -plan.days_ago),
					"issuing_unit": issuer,
					"title": plan.title,
					"parent_directive": parents[plan.carries_out],
				}
			)
			issue(doc)
		plans[plan.unit] = doc.name
	return plans


def issue(doc) -> None:
	"""Put a plan in force by the Workflow's own step, as its issuer's leader."""
	for transition in get_transitions(doc):
		if transition.next_state == directive_rules.IN_FORCE:
			apply_workflow(doc, transition.action)
			return
