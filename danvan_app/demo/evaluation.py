"""This year's evaluation of the communes (criteria fed from the demo's data, a cycle and its evaluations,
one already self-assessed and sent for review) and an inspection by the Ban Tuyên giáo và Dân vận whose
recommendations became follow-up tasks."""

from __future__ import annotations

import frappe
from frappe.model.workflow import apply_workflow
from frappe.utils import add_days, getdate, today

from danvan_app.api.inspections import create_follow_ups
from danvan_app.demo import registry
from danvan_app.demo.people import ADMINISTRATOR, email
from danvan_app.demo.units import ADVISORY, COMMUNE, ROOT
from danvan_app.domain import measures
from danvan_app.evaluation_cycle import create_evaluations

PROVINCE_LEADER = email("lanhdao.btgdv")
SELF_ASSESSING_COMMUNE = "du.batxat"

CRITERIA = (
	("I", "1", "Thực hiện nhiệm vụ được giao đúng hạn", 30, measures.TASKS_ON_TIME),
	("I", "2", "Gửi báo cáo định kỳ đúng hạn", 15, measures.RECURRING_REPORTS),
	("II", "3", "Xây dựng mô hình “Dân vận khéo” theo chỉ tiêu", 15, measures.MODELS_AGAINST_TARGET),
	("II", "4", "Phân công lãnh đạo phụ trách công tác dân vận", 10, measures.LEADER_NAMED),
	("II", "5", "Không bị yêu cầu giải trình", 10, measures.NO_EXPLANATION_REQUESTS),
	("III", "6", "Thực hiện Quy chế dân chủ ở cơ sở, tiếp xúc, đối thoại với nhân dân", 20, None),
)


def unit_template(unit_ids: dict[str, str], year: int) -> str:
	"""The year's criteria, the thresholds and conditions the template starts from (the rules in force)."""
	title = f"Bộ tiêu chí đánh giá công tác dân vận năm {year}"
	existing = frappe.db.get_value("DV Evaluation Template", {"template_title": title, "year": year}, "name")
	if existing:
		return existing
	version = 1 + (
		frappe.db.count("DV Evaluation Template", {"issuing_unit": unit_ids[ROOT], "year": year}) or 0
	)
	with registry.acting_as(ADMINISTRATOR):
		return registry.create(
			{
				"doctype": "DV Evaluation Template",
				"template_title": title,
				"issuing_unit": unit_ids[ROOT],
				"year": year,
				"version": version,
				"criteria": [
					{
						"section": section,
						"criterion_code": code,
						"criterion": text,
						"max_score": score,
						"measure_key": measure,
					}
					for section, code, text, score, measure in CRITERIA
				],
			}
		).name


def build_cycle(unit_ids: dict[str, str]) -> tuple[str, list[str]]:
	"""The communes' cycle and its evaluations, made by the cycle's own job (the button queues the same
	function in the background; the demo runs it at once to list what it made)."""
	year = getdate(today()).year
	title = f"Đánh giá, xếp loại công tác dân vận cấp xã năm {year}"
	cycle = frappe.db.get_value("DV Evaluation Cycle", {"title": title, "evaluating_unit": unit_ids[ROOT]})
	if not cycle:
		template = unit_template(unit_ids, year)
		with registry.acting_as(PROVINCE_LEADER):
			cycle = registry.create(
				{
					"doctype": "DV Evaluation Cycle",
					"title": title,
					"evaluating_unit": unit_ids[ROOT],
					"year": year,
					"template": template,
					"admin_levels": [{"admin_level": COMMUNE}],
					"self_assessment_until": add_days(today(), 10),
					"review_until": add_days(today(), 25),
				}
			).name
	if frappe.db.get_value("DV Evaluation Cycle", cycle, "cycle_status") != "Đang mở":
		return cycle, []
	with registry.acting_as(PROVINCE_LEADER):
		made = create_evaluations(cycle)
	registry.add("DV Evaluation", *made)
	send_one_for_review(unit_ids, cycle, made)
	return cycle, made


def send_one_for_review(unit_ids: dict[str, str], cycle: str, made: list[str]) -> None:
	"""Bát Xát's Party committee scores itself and sends the sheet for review."""
	name = frappe.db.get_value(
		"DV Evaluation", {"cycle": cycle, "evaluated_unit": unit_ids[SELF_ASSESSING_COMMUNE]}, "name"
	)
	if name not in made:
		return
	with registry.acting_as(email(f"canbo.{SELF_ASSESSING_COMMUNE}")):
		evaluation = frappe.get_doc("DV Evaluation", name)
		for row in evaluation.scores:
			if not row.self_score:
				row.self_score = round(0.8 * (row.max_score or 0))
		evaluation.save()
		apply_workflow(evaluation, "Gửi thẩm định")


INSPECTED = (
	(
		"du.bacha",
		"Đã ban hành kế hoạch nhưng chưa phân công cán bộ theo dõi; 2/11 thôn chưa tổ chức đối thoại.",
		"Phân công cán bộ theo dõi công tác dân vận; tổ chức đối thoại ở các thôn còn lại.",
		30,
	),
	(
		"ubnd.sapa",
		"Niêm yết thủ tục hành chính chưa đầy đủ tại Bộ phận một cửa sau sáp nhập.",
		"Rà soát, niêm yết đầy đủ thủ tục hành chính và đường dây nóng tiếp nhận phản ánh.",
		20,
	),
	("mttq.camduong", "Thực hiện tốt việc lấy ý kiến nhân dân; hồ sơ giám sát đầy đủ.", "", None),
)


def build_inspection(unit_ids: dict[str, str]) -> tuple[str, list[str]]:
	year = getdate(today()).year
	title = f"Kiểm tra việc thực hiện Chỉ thị 16-CT/TU và Quy chế dân chủ ở cơ sở năm {year}"
	inspection = frappe.db.get_value("DV Inspection", {"title": title, "inspecting_unit": unit_ids[ADVISORY]})
	if inspection:
		return inspection, []
	with registry.acting_as(PROVINCE_LEADER):
		inspection = registry.create(
			{
				"doctype": "DV Inspection",
				"title": title,
				"inspecting_unit": unit_ids[ADVISORY],
				"inspection_kind": "Kiểm tra",
				"year": year,
				"start_date": add_days(today(), -50),
				"end_date": add_days(today(), -45),
				"topic": "Lãnh đạo, chỉ đạo công tác dân vận chính quyền sau sắp xếp đơn vị hành chính",
				"team": "Đoàn kiểm tra số 3 của Ban Tuyên giáo và Dân vận Tỉnh ủy (5 đồng chí)",
				"inspected_units": [
					{
						"inspected_unit": unit_ids[unit],
						"findings": findings,
						"recommendation": recommendation,
						"follow_up_due": add_days(today(), due) if due else None,
					}
					for unit, findings, recommendation, due in INSPECTED
				],
				"conclusion": "Các đơn vị cơ bản thực hiện nghiêm túc; hai đơn vị cần khắc phục hạn chế.",
			}
		).name
		follow_ups = create_follow_ups(inspection)
	registry.add("DV Task", *follow_ups)
	return inspection, follow_ups
