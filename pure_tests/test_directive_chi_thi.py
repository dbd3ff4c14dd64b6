"""A Chỉ thị's numbered directions right after its preamble, numbering apart from its paragraph, content lists
and empty titles (issue 15, sixth round)."""

from __future__ import annotations

import pytest

from danvan_app.domain.directive_text import parse_directive_text
from danvan_app.domain.directive_text.layout import join_bare_markers


def _tasks(text: str) -> list[dict]:
	return [task.to_json_dict() for task in parse_directive_text(text).tasks]


_STATE_HEAD = (
	"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 05/CT-UBND\nAn Giang, ngày 12 tháng 11 năm 2025\n\n"
	"CHỈ THỊ\nVề tăng cường công tác dân vận\n\n"
	"Thời gian qua, công tác dân vận của chính quyền các cấp đã đạt nhiều kết quả quan trọng. Tuy nhiên, "
	"vẫn còn hạn chế.\n"
)
_PARTY_HEAD = (
	"ĐẢNG BỘ TỈNH AN GIANG\nTỈNH ỦY\n*\nSố: 12-CT/TU\nAn Giang, ngày 05 tháng 11 năm 2025\n\n"
	"CHỈ THỊ\ncủa Ban Thường vụ Tỉnh ủy về tăng cường công tác dân vận trong tình hình mới\n\n"
	"Thời gian qua, các cấp ủy, tổ chức đảng đã quan tâm lãnh đạo công tác dân vận.\n"
)


@pytest.mark.parametrize(
	"closing",
	[
		"Để khắc phục những hạn chế trên, Chủ tịch Ủy ban nhân dân tỉnh chỉ thị:",
		"Để khắc phục những hạn chế trên, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:",
		"Để khắc phục những hạn chế trên, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu các sở, ngành, địa phương "
		"thực hiện tốt các nội dung sau:",
		"Để khắc phục những hạn chế trên, Ủy ban nhân dân tỉnh chỉ thị các sở, ban, ngành như sau:",
	],
)
def test_a_directive_numbered_directions_after_its_preamble_are_tasks(closing: str) -> None:
	tasks = _tasks(
		_STATE_HEAD + closing + "\n"
		"1. Sở Nội vụ chủ trì tổ chức hội nghị sơ kết công tác dân vận, hoàn thành trước ngày 31/12/2025.\n"
		"2. Sở Tài chính bố trí kinh phí thực hiện Chỉ thị này.\n"
		"3. Ủy ban nhân dân các xã, phường báo cáo kết quả thực hiện định kỳ 6 tháng.\n"
	)
	assert [(task["title"][:20], task["presiding"]) for task in tasks] == [
		("Sở Nội vụ chủ trì tổ", ["Sở Nội vụ"]),
		("Sở Tài chính bố trí ", ["Sở Tài chính"]),
		("Ủy ban nhân dân các ", ["Ủy ban nhân dân các xã, phường"]),
	]
	assert tasks[0]["deadline"]["kind"] == "before"


def test_a_party_standing_committee_directive_after_yeu_cau() -> None:
	tasks = _tasks(
		_PARTY_HEAD + "Để tăng cường công tác dân vận, Ban Thường vụ Tỉnh ủy yêu cầu:\n"
		"1. Các cấp ủy, tổ chức đảng quán triệt sâu sắc quan điểm của Đảng về công tác dân vận.\n"
		"2. Ban Dân vận Tỉnh ủy chủ trì, phối hợp theo dõi, đôn đốc, hằng năm báo cáo Ban Thường vụ Tỉnh ủy.\n"
	)
	assert [task["title"][:23] for task in tasks] == ["Các cấp ủy, tổ chức đản", "Ban Dân vận Tỉnh ủy chủ"]
	assert tasks[1]["presiding"] == ["Ban Dân vận Tỉnh ủy"]
	assert tasks[1]["deadline"]["recurrence"] == "yearly"


def test_numbers_in_the_preamble_narrative_are_not_tasks() -> None:
	"""Without a closing "chỉ thị:", a numbered list in the situation's account is no direction."""
	tasks = _tasks(
		_STATE_HEAD + "Kết quả đạt được như sau:\n"
		"1. Số vụ việc được giải quyết tăng 20%.\n"
		"2. Số đơn thư giảm 10%.\n"
	)
	assert tasks == []


def test_a_marker_alone_on_its_line_is_joined_to_its_paragraph() -> None:
	text = "II.\nNHIỆM VỤ\n\n1.\nSở Nội vụ chủ trì.\n\na)\nTổ chức hội nghị.\n1.\n|\n30\n"
	assert join_bare_markers(text).split("\n") == [
		"II. NHIỆM VỤ",
		"",
		"1. Sở Nội vụ chủ trì.",
		"",
		"a) Tổ chức hội nghị.",
		"1.",
		"|",
		"30",
		"",
	]


def test_a_directive_with_markers_apart_from_their_words() -> None:
	tasks = _tasks(
		_STATE_HEAD + "Chủ tịch Ủy ban nhân dân tỉnh yêu cầu thực hiện các nhiệm vụ trọng tâm sau:\n\n"
		"1.\nSở Nội vụ chủ trì tổ chức hội nghị sơ kết công tác dân vận.\n\n"
		"2.\nSở Tài chính\n\na)\nBố trí kinh phí thực hiện Chỉ thị này.\n\nb)\nHướng dẫn thanh quyết toán.\n"
	)
	assert [(task["title"][:12], task["presiding"]) for task in tasks] == [
		("Sở Nội vụ ch", ["Sở Nội vụ"]),
		("Bố trí kinh ", ["Sở Tài chính"]),
		("Hướng dẫn th", ["Sở Tài chính"]),
	]


_PLAN_HEAD = (
	"ỦY BAN NHÂN DÂN\nTHÀNH PHỐ CẦN THƠ\nSố: 159/KH-UBND\nCần Thơ, ngày 19 tháng 11 năm 2025\n\n"
	"KẾ HOẠCH\nTruyền thông về giảm nghèo năm 2025\n\nI. MỤC ĐÍCH, YÊU CẦU\n1. Nâng cao nhận thức của người dân.\n"
)


def test_a_marker_over_nothing_gives_no_task_with_an_empty_title() -> None:
	tasks = _tasks(
		_PLAN_HEAD + "II. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ chủ trì tổ chức hội nghị.\n2.\n\n\n-\n"
		"3. Sở Tài chính bố trí kinh phí.\n"
	)
	assert [task["title"] for task in tasks] == [
		"Sở Nội vụ chủ trì tổ chức hội nghị",
		"Sở Tài chính bố trí kinh phí",
	]
	assert all(task["title"].strip() for task in tasks)


def test_contents_and_forms_of_communication_are_no_tasks() -> None:
	tasks = _tasks(
		_PLAN_HEAD + "II. NỘI DUNG, HÌNH THỨC\n1. Nội dung\n"
		"- Tuyên truyền, giáo dục, nâng cao nhận thức của cán bộ, đảng viên về giảm nghèo.\n"
		"- Truyền thông về các tấm gương điển hình, mô hình giảm nghèo tiêu biểu.\n"
		"2. Hình thức\n- In ấn, phát hành tờ rơi, tài liệu tuyên truyền.\n- Lắp đặt pa - nô, băng rôn, khẩu hiệu.\n"
		"III. TỔ CHỨC THỰC HIỆN\n1. Sở Nông nghiệp và Môi trường\n"
		"- Chủ trì tổng hợp, báo cáo kết quả thực hiện trước ngày 15/12/2025.\n"
	)
	assert [(task["title"][:20], task["presiding"]) for task in tasks] == [
		("Chủ trì tổng hợp, bá", ["Sở Nông nghiệp và Môi trường"])
	]


def test_a_contents_part_of_its_own_still_carries_tasks() -> None:
	"""Only a part of contents *and forms* is a content list: "II. NỘI DUNG" / "1. Nội dung thực hiện" is not."""
	tasks = _tasks(
		_PLAN_HEAD + "II. NỘI DUNG\n1. Tổ chức hội nghị sơ kết công tác dân vận trong quý I/2026.\n"
		"2. Sở Nội vụ tổng hợp báo cáo trước ngày 15/12/2025.\n"
	)
	assert [task["title"][:12] for task in tasks] == ["Tổ chức hội ", "Sở Nội vụ tổ"]


def test_a_plan_activities_part_carries_its_named_bodies_duties() -> None:
	tasks = _tasks(
		_PLAN_HEAD + "II. NỘI\nDUNG HOẠT ĐỘNG TRIỂN KHAI\n1.\nCông tác vệ sinh môi trường\n"
		"a) Tiêu độc, khử trùng môi trường\n"
		"- Trung tâm Kiểm soát bệnh tật tỉnh chủ trì điều phối, cấp hóa chất cho các địa phương.\n"
		"- Tổ chức phun khử trùng tại các khu vực ngập sâu.\n"
	)
	named = [task for task in tasks if task["presiding"]]
	assert [(task["title"][:20], task["presiding"]) for task in named] == [
		("Trung tâm Kiểm soát ", ["Trung tâm Kiểm soát bệnh tật tỉnh"])
	]
	assert all(task["confidence"] == "low" for task in tasks if not task["presiding"])


@pytest.mark.parametrize(
	("text", "body"),
	[
		(
			"Giao Ban Quản lý các khu chế xuất và công nghiệp Cần Thơ chỉ đạo các đơn vị kinh doanh hạ tầng.",
			"Ban Quản lý các khu chế xuất và công nghiệp Cần Thơ",
		),
		(
			"Báo và Phát thanh, Truyền hình thành phố chủ động đưa tin kịp thời.",
			"Báo và Phát thanh, Truyền hình thành phố",
		),
		("Các Trung tâm y tế giám sát tuyến xã và báo cáo.", "Trung tâm y tế"),
	],
)
def test_names_the_actor_grammar_reads_whole(text: str, body: str) -> None:
	from danvan_app.domain.actor_phrases import extract_units

	assert extract_units(text)[0] == [body]


def test_and_before_a_body_still_separates_two_names() -> None:
	from danvan_app.domain.actor_phrases import extract_units

	assert extract_units("Sở Nội vụ và các đơn vị liên quan chủ trì tổ chức.")[0] == [
		"Sở Nội vụ",
		"đơn vị liên quan",
	]


def test_the_period_of_an_act_the_duty_follows_is_not_the_dutys() -> None:
	from danvan_app.domain.deadline_phrases import parse_deadline

	assert (
		parse_deadline("Cấp phép khai thác theo Nghị quyết hằng năm của Hội đồng nhân dân thành phố.").kind
		== "none"
	)
	yearly = parse_deadline("Sở Nội vụ xây dựng kế hoạch hằng năm, trình Ủy ban nhân dân tỉnh.")
	assert (yearly.kind, yearly.recurrence) == ("recurring", "yearly")


def test_the_publics_obligations_under_a_numbered_heading_are_no_tasks() -> None:
	tasks = _tasks(
		_STATE_HEAD + "Chủ tịch Ủy ban nhân dân tỉnh chỉ thị:\n"
		"1. Sở Nông nghiệp và Môi trường\na) Rà soát, thống kê các công trình khai thác nước dưới đất.\n"
		"2. Các tổ chức, cá nhân và hộ gia đình khai thác tài nguyên nước trên địa bàn có trách nhiệm\n"
		"a) Thực hiện các quy định về khai thác, sử dụng tài nguyên nước.\n"
		"b) Khuyến khích sử dụng nước từ hệ thống cấp nước tập trung.\n"
	)
	assert [(task["title"][:20], task["presiding"]) for task in tasks] == [
		("Rà soát, thống kê cá", ["Sở Nông nghiệp và Môi trường"])
	]


def test_an_emulation_drives_contents_are_no_tasks() -> None:
	tasks = _tasks(
		_PLAN_HEAD + "II. NỘI DUNG ĐỢT THI ĐUA\n"
		"Để thực hiện thắng lợi các nhiệm vụ năm 2025, tập trung thi đua các nội dung sau:\n"
		"1. Thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội năm 2025.\n"
		"2. Thi đua xây dựng Đảng, xây dựng chính quyền trong sạch, vững mạnh.\n"
		"III. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ tổng hợp, báo cáo kết quả đợt thi đua trước ngày 15/12/2025.\n"
	)
	assert [(task["title"][:20], task["presiding"]) for task in tasks] == [
		("Sở Nội vụ tổng hợp, ", ["Sở Nội vụ"])
	]


@pytest.mark.parametrize(
	"report",
	[
		"Báo cáo ngay với Ban Thường trực Ủy ban MTTQ xã khi phát sinh đơn thư hoặc vụ việc phức tạp tại thôn.",
		"Tổng hợp, báo cáo kịp thời các khó khăn, vướng mắc trong quá trình triển khai để kiến nghị cấp có thẩm quyền.",
	],
)
def test_a_report_made_when_something_arises_is_no_task(report: str) -> None:
	tasks = _tasks(
		_PLAN_HEAD + "II. TỔ CHỨC THỰC HIỆN\n1. Ban Công tác Mặt trận thôn\n"
		"- Tổ chức tuyên truyền, vận động cử tri tham gia hội nghị.\n- " + report + "\n"
	)
	assert [task["title"][:20] for task in tasks] == ["Tổ chức tuyên truyền"]


@pytest.mark.parametrize(
	("clause", "recurrence"),
	[
		(
			"Kinh phí thực hiện được bố trí từ nguồn ngân sách nhà nước hằng năm của các bộ, cơ quan trung ương.",
			None,
		),
		("Tham mưu bổ sung tiêu chí đánh giá thi đua, khen thưởng hằng năm của các sở, ban, ngành.", None),
		(
			"Lồng ghép trong báo cáo công tác giảm nghèo hàng năm của cơ quan, đơn vị và gửi về Sở Nội vụ.",
			"yearly",
		),
		("Bố trí kinh phí hàng năm để duy trì, vận hành hệ thống.", "yearly"),
		(
			"Đưa nội dung công tác dân vận vào chương trình, kế hoạch kiểm tra, giám sát hằng năm của cấp ủy.",
			"yearly",
		),
	],
)
def test_a_yearly_thing_someone_owns_is_not_the_dutys_period(clause: str, recurrence: str | None) -> None:
	from danvan_app.domain.deadline_phrases import parse_deadline

	assert parse_deadline(clause).recurrence == recurrence


def test_roman_part_of_responsibilities_in_sentence_case_heads_duties():
	# issue 15, Đắk Lắk Chỉ thị 010 (tests/corpus/dev): "I." / "Trách nhiệm phối hợp …" right after the preamble,
	# bodies over points; both parts are read, and "Các cơ quan đăng ký đầu tư (Sở Tài chính, …):" gives its points
	# the bodies in brackets.
	from pathlib import Path

	path = (
		Path(__file__).resolve().parents[1]
		/ "tests/corpus/dev/daklak-ct010-2025-tham-dinh-thu-tuc-dau-tu.txt"
	)
	tasks = parse_directive_text(path.read_text(encoding="utf-8")).tasks
	first = next(task for task in tasks if task.title.startswith("Là đầu mối chủ trì, tiếp nhận hồ sơ"))
	assert first.presiding[0] == "Sở Tài chính" and len(first.presiding) == 4
	assert any(task.title.startswith("Hướng dẫn và tạo điều kiện giải quyết nhanh") for task in tasks)
	assert len(tasks) >= 15


def test_header_naming_bodies_in_brackets_gives_them_its_points():
	from danvan_app.domain.directive_text.heading_bodies import units_in_header

	header = "Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban quản lý Khu Kinh tế Phú Yên, Sở Xây dựng):"
	assert units_in_header(header) == (["Sở Tài chính", "Ban quản lý Khu Kinh tế Phú Yên", "Sở Xây dựng"], [])


def test_implementing_body_field_keeps_every_body_it_lists():
	from danvan_app.domain.directive_text.fields import read_fields

	paragraphs = [
		"Tổ chức phổ biến Luật.",
		"- Cơ quan thực hiện: Sở Nội vụ chủ trì tham mưu ban hành Kế hoạch; Sở Tư pháp và các sở, ban, ngành"
		" chủ động tổ chức triển khai Luật.",
	]
	_, _, presiding, _ = read_fields(paragraphs)
	assert presiding[:2] == ["Sở Nội vụ", "Sở Tư pháp"] and len(presiding) == 3
	scoped = [
		"Kiểm tra.",
		"- Cơ quan thực hiện: Sở Nội vụ, các sở, ngành trong phạm vi chức năng, nhiệm vụ của mình"
		" và các cơ quan, tổ chức khác có liên quan.",
	]
	assert read_fields(scoped)[2][-1] == "cơ quan, tổ chức khác có liên quan"
