""" "Dân vận khéo" models along the shipped Workflow (DV: Mô hình Dân vận khéo), each step taken by the
official the Workflow and the app allow: the commune registers and carries out, the province's Ban Tuyên
giáo và Dân vận approves, evaluates and recognises; a commendation for the recognised model."""

from __future__ import annotations

from dataclasses import dataclass, field

import frappe
from frappe.model.workflow import apply_workflow
from frappe.utils import add_days, getdate, today

from danvan_app.demo import registry
from danvan_app.demo.people import ADMINISTRATOR, email
from danvan_app.demo.units import ADVISORY

PROVINCE_LEADER = email("lanhdao.btgdv")
REVIEWER = email("thamdinh.btgdv")

APPROVE, RETURN, CARRY_OUT, EVALUATED, RECOGNISE = (
	"Duyệt",
	"Trả lại",
	"Triển khai",
	"Xác nhận đã đánh giá",
	"Công nhận",
)


@dataclass(frozen=True)
class DemoModel:
	unit: str
	title: str
	kheo_field: str
	steps: tuple[str, ...] = ()
	person_name: str | None = None
	particulars: dict = field(default_factory=dict)


def particulars(place: str, people: str, work: str, goal: str) -> dict:
	year = getdate(today()).year
	return {
		"address": place,
		"people": people,
		"work": work,
		"objectives": goal,
		"measurement": "Số hộ tham gia, khối lượng công việc hoàn thành, ý kiến đánh giá của nhân dân",
		"method": "Họp dân, vận động từng hộ, phát huy vai trò người có uy tín",
		"scale": place,
		"forces": "Chi bộ, Ban công tác Mặt trận, các chi hội đoàn thể",
		"resources": "Nhân dân đóng góp ngày công, ngân sách xã hỗ trợ vật liệu",
		"plan_start": f"{year}-01-15",
		"plan_end": f"{year}-12-15",
		"expected_output": goal,
		"sustainability": "Tổ tự quản duy trì, đưa vào hương ước, quy ước của thôn",
	}


MODELS = (
	DemoModel(
		"du.batxat",
		"“Dân vận khéo” trong vận động nhân dân hiến đất làm đường liên thôn",
		"Xây dựng nông thôn mới",
		(APPROVE, CARRY_OUT, "evaluate", EVALUATED, RECOGNISE),
		particulars=particulars(
			"Thôn Trung Hồ, xã Bát Xát",
			"Chi bộ và Ban công tác Mặt trận thôn Trung Hồ",
			"Vận động hiến đất, góp công mở rộng đường liên thôn",
			"1,5 km đường bê tông rộng 5 m, 40 hộ hiến đất",
		),
	),
	DemoModel(
		"mttq.laocai",
		"Tổ tự quản giữ gìn vệ sinh môi trường khu dân cư",
		"Bảo vệ môi trường",
		(APPROVE, CARRY_OUT),
		particulars=particulars(
			"Tổ dân phố số 5, phường Lào Cai",
			"Ban công tác Mặt trận tổ dân phố số 5",
			"Phân loại rác tại nguồn, ra quân vệ sinh mỗi tháng",
			"100% hộ phân loại rác tại nguồn",
		),
	),
	DemoModel(
		"mttq.sapa",
		"Điển hình “Dân vận khéo” giữ gìn bản sắc văn hóa dân tộc Mông",
		"Văn hóa – xã hội",
		(APPROVE,),
		person_name="Giàng Seo Chư",
		particulars=particulars(
			"Thôn Lao Chải, phường Sa Pa",
			"Ông Giàng Seo Chư, người có uy tín thôn Lao Chải",
			"Mở lớp dạy hát, thêu truyền thống cho thanh thiếu niên",
			"3 lớp, 90 học viên mỗi năm",
		),
	),
	DemoModel("du.bacha", "Chi hội phụ nữ giúp nhau phát triển kinh tế hộ gia đình", "Kinh tế"),
	DemoModel(
		"snnmt",
		"“Dân vận khéo” trong chuyển đổi số nông nghiệp",
		"Chuyển đổi số",
		(RETURN,),
		particulars={"address": "Các hợp tác xã chè trên địa bàn tỉnh"},
	),
)


def build_models(unit_ids: dict[str, str]) -> list[str]:
	year = getdate(today()).year
	created = []
	template = None
	for spec in MODELS:
		unit = unit_ids[spec.unit]
		if frappe.db.exists("DV Kheo Model", {"title": spec.title, "registering_unit": unit, "year": year}):
			continue
		with registry.acting_as(email(f"lanhdao.{spec.unit}")):
			model = registry.create(
				{
					"doctype": "DV Kheo Model",
					"title": spec.title,
					"registering_unit": unit,
					"year": year,
					"kheo_field": spec.kheo_field,
					"model_type": "Cá nhân" if spec.person_name else "Tập thể",
					"person_name": spec.person_name,
					"model_level": frappe.db.get_value("DV Unit", unit, "admin_level"),
					**spec.particulars,
				}
			)
		for step in spec.steps:
			if step == "evaluate":
				template = template or model_template(unit_ids, year)
				evaluate(model.name, template)
			else:
				take_step(model.name, step, spec.unit)
		created.append(model.name)
	return created


def take_step(model: str, action: str, unit_key: str) -> None:
	"""The commune carries out its own model; approving, evaluating and recognising are from above."""
	user = email(f"lanhdao.{unit_key}") if action == CARRY_OUT else PROVINCE_LEADER
	with registry.acting_as(user):
		doc = frappe.get_doc("DV Kheo Model", model)
		if action == RECOGNISE:
			doc.update(
				{
					"recognition_decision_number": "1520/QĐ-UBND",
					"recognition_decision_date": add_days(today(), -5),
					"recognition_level": "Tỉnh, thành phố",
					"recognising_body": "Ủy ban nhân dân tỉnh Lào Cai",
				}
			)
			doc.save()
		apply_workflow(doc, action)


def model_template(unit_ids: dict[str, str], year: int) -> str:
	"""The pass/fail criteria for models, issued by the province's administrator (a criteria set is an
	administrator's record)."""
	title = f"Tiêu chí đánh giá mô hình “Dân vận khéo” năm {year}"
	existing = frappe.db.get_value("DV Evaluation Template", {"template_title": title, "year": year}, "name")
	if existing:
		return existing
	version = 1 + (
		frappe.db.count("DV Evaluation Template", {"issuing_unit": unit_ids[ADVISORY], "year": year}) or 0
	)
	with registry.acting_as(ADMINISTRATOR):
		return registry.create(
			{
				"doctype": "DV Evaluation Template",
				"template_title": title,
				"issuing_unit": unit_ids[ADVISORY],
				"year": year,
				"version": version,
				"criteria": [
					{
						"criterion_code": "1",
						"criterion": "Hiệu quả thiết thực, được nhân dân đồng tình",
						"max_score": 60,
					},
					{"criterion_code": "2", "criterion": "Khả năng duy trì và nhân rộng", "max_score": 40},
				],
				"thresholds": [
					{"classification": "Đạt", "min_score": 70},
					{"classification": "Không đạt", "min_score": 0},
				],
			}
		).name


def evaluate(model: str, template: str) -> None:
	with registry.acting_as(PROVINCE_LEADER):
		evaluation = registry.create({"doctype": "DV Evaluation", "kheo_model": model, "template": template})
		for row, score in zip(evaluation.scores, (52, 34), strict=False):
			row.self_score = score
		evaluation.save()
		evaluation.submit()


def build_commendations(unit_ids: dict[str, str], models: list[str]) -> list[str]:
	"""A Bằng khen of the province's People's Committee for the recognised model, given at the movement's review."""
	recognised = frappe.get_all(
		"DV Kheo Model",
		filters={"name": ("in", registry.names("DV Kheo Model")), "status": "Được công nhận"},
		fields=["name", "title", "registering_unit"],
	)
	created = []
	for model in recognised:
		if frappe.db.exists("DV Commendation", {"kheo_model": model.name}):
			continue
		with registry.acting_as(ADMINISTRATOR):
			created.append(
				registry.create(
					{
						"doctype": "DV Commendation",
						"kheo_model": model.name,
						"commended_unit": model.registering_unit,
						"recipient_kind": "Tập thể",
						"recipient_name": frappe.db.get_value("DV Unit", model.registering_unit, "unit_name"),
						"commendation_form": "Bằng khen",
						"commendation_level": "Tỉnh, thành phố",
						"occasion": "Sơ kết, tổng kết phong trào",
						"decision_number": "1688/QĐ-UBND",
						"decision_date": add_days(today(), -3),
						"issuer": "Chủ tịch Ủy ban nhân dân tỉnh Lào Cai",
					}
				).name
			)
	return created
