"""directive_text on working regulations and plans written as task items (issue 15, twelfth round).

Classes of writing seen on the ninth held-out set (now development texts), shown by fragments written for these
tests: the standing roles of a steering committee's office holders (not tasks, unless a point is due on a day),
its meetings and its reports due on two days of the year, labelled fields cut by the text's line breaks, several
duties of one item each with fields of its own, a time field that hands the timing to another plan or only opens
the duty, "Tổ chức thực hiện" in an article's title, a body's name cut over two lines, a sentence opened by its
year and a closing "Giao …" inside a point. Expectations were written from reading the fragments.
"""

from __future__ import annotations

from datetime import date

from danvan_app.domain.actor_phrases import extract_units
from danvan_app.domain.deadline_phrases import is_per_case_limit, parse_deadline
from danvan_app.domain.directive_text import parse_directive_text
from danvan_app.domain.directive_text.heading_bodies import body_of_responsibility, names_a_role

REGULATION_HEAD = """ỦY BAN NHÂN DÂN TỈNH HÀ NAM
Số: 31/QĐ-BCĐ
Hà Nam, ngày 12 tháng 11 năm 2025

QUYẾT ĐỊNH
Ban hành Quy chế hoạt động của Ban Chỉ đạo thực hiện dân chủ ở cơ sở tỉnh

Điều 1. Ban hành kèm theo Quyết định này Quy chế hoạt động của Ban Chỉ đạo.
Điều 2. Các thành viên Ban Chỉ đạo chịu trách nhiệm thi hành Quyết định này./.

QUY CHẾ
Hoạt động của Ban Chỉ đạo thực hiện dân chủ ở cơ sở tỉnh

"""

PLAN_HEAD = """ỦY BAN NHÂN DÂN TỈNH HÀ NAM
Số: 210/KH-UBND
Hà Nam, ngày 14 tháng 11 năm 2025

KẾ HOẠCH
Nâng cao chất lượng tiếp công dân, giải quyết kiến nghị của cử tri

"""


def _tasks(head: str, body: str) -> list[dict]:
	result = parse_directive_text(head + body)
	assert result.is_directive
	return [task.to_json_dict() for task in result.tasks]


def _brief(task: dict) -> tuple:
	deadline = task["deadline"]
	return (
		task["title"][:28],
		task["presiding"],
		deadline["kind"],
		deadline["recurrence"],
		deadline["month"],
	)


def test_the_standing_roles_of_a_steering_committee_are_no_tasks_but_a_dated_point_of_them_is() -> None:
	tasks = _tasks(
		REGULATION_HEAD,
		"Điều 5. Nhiệm vụ, quyền hạn của Trưởng Ban Chỉ đạo\n"
		"1. Lãnh đạo, điều hành toàn bộ hoạt động của Ban Chỉ đạo.\n"
		"2. Triệu tập, chủ trì các phiên họp của Ban Chỉ đạo.\n"
		"Điều 6. Nhiệm vụ, quyền hạn của các thành viên Ban Chỉ đạo\n"
		"1. Tham dự đầy đủ các phiên họp, thực hiện nhiệm vụ được phân công.\n"
		"2. Gửi báo cáo kết quả theo dõi địa bàn được phân công trước ngày 10 tháng 12 hằng năm.\n"
		"Điều 7. Trách nhiệm của Sở Nội vụ\n"
		"1. Hướng dẫn các xã, phường xây dựng quy chế dân chủ ở cơ sở.\n",
	)
	assert [_brief(task) for task in tasks] == [
		("Gửi báo cáo kết quả theo dõi", ["thành viên Ban Chỉ đạo"], "recurring", "yearly", 12),
		("Hướng dẫn các xã, phường xây", ["Sở Nội vụ"], "none", None, None),
	]


def test_which_headings_name_a_standing_role() -> None:
	assert names_a_role("Trách nhiệm của Phó Trưởng Ban Chỉ đạo")
	assert names_a_role("Nhiệm vụ, quyền hạn của Ủy viên thường trực")
	assert names_a_role("Trách nhiệm của Ban Chỉ đạo")
	assert not names_a_role("Trách nhiệm của Ban Chỉ đạo phát triển du lịch các tỉnh")
	assert not names_a_role("Trách nhiệm của Sở Tư pháp")


def test_a_meeting_is_held_by_the_body_named_after_hop_and_a_report_on_two_days_is_two_tasks() -> None:
	tasks = _tasks(
		REGULATION_HEAD,
		"Điều 9. Chế độ họp và báo cáo\n"
		"1. Họp Ban Chỉ đạo thường kỳ 06 tháng một lần.\n"
		"2. Ủy ban nhân dân các xã, phường định kỳ 06 tháng (trước ngày 25 tháng 5 hằng năm) và hằng năm "
		"(trước ngày 25 tháng 10 hằng năm) báo cáo Ban Chỉ đạo kết quả thực hiện dân chủ ở cơ sở.\n",
	)
	xa = ["Ủy ban nhân dân các xã, phường"]
	assert [_brief(task)[1:] for task in tasks] == [
		(["Ban Chỉ đạo"], "recurring", "half_yearly", None),
		(xa, "recurring", "yearly", 5),
		(xa, "recurring", "yearly", 10),
	]


def test_fields_labelled_chu_tri_thuc_hien_and_several_duties_each_with_fields_of_their_own() -> None:
	# a text hard-wrapped as scraped ones are: the lines are joined back before the fields are read
	tasks = _tasks(
		PLAN_HEAD,
		"II. NHIỆM VỤ, GIẢI PHÁP\n"
		"1. Nâng cao chất\n"
		"lượng tiếp công dân tại các cơ quan, đơn vị\n"
		"- Bố trí công chức có năng lực làm công tác\n"
		"tiếp công dân tại trụ sở tiếp công dân của tỉnh.\n"
		"Đơn vị chủ trì thực hiện: Các\n"
		"Sở, ban, ngành, UBND cấp xã.\n"
		"Thời gian thực hiện: Thường\n"
		"xuyên.\n"
		"- Tổ chức tập huấn kỹ năng tiếp công dân\n"
		"cho công chức cấp xã trên địa bàn tỉnh.\n"
		"Đơn vị chủ trì tham mưu thực\n"
		"hiện: Thanh tra tỉnh.\n"
		"Đơn vị phối hợp thực hiện: Sở\n"
		"Nội vụ.\n"
		"Thời gian thực hiện: Theo kế\n"
		"hoạch công tác thanh tra hằng năm.\n"
		"- Thực hiện chế độ bồi dưỡng đối với người\n"
		"làm công tác tiếp công dân theo quy định.\n"
		"Đơn vị chủ trì thực hiện: Sở Tài chính.\n"
		"Thời gian thực hiện: Từ 01/7/2025.\n",
	)
	assert [(task["presiding"], task["deadline"]["kind"]) for task in tasks] == [
		(["Sở, ban, ngành", "UBND cấp xã"], "none"),
		(["Thanh tra tỉnh"], "none"),
		(["Sở Tài chính"], "from_year"),
	]
	assert tasks[1]["coordinating"] == ["Sở Nội vụ"]
	assert tasks[2]["deadline"]["start"] == "2025-07-01"


def test_an_articles_title_tells_what_it_is_about_not_who() -> None:
	assert body_of_responsibility("Trách nhiệm tổ chức thực hiện") is None
	assert body_of_responsibility("Trách nhiệm thi hành") is None
	assert body_of_responsibility("Trách nhiệm của Sở Tư pháp") == "Sở Tư pháp"


def test_a_bodys_name_cut_over_two_lines_heads_its_lettered_points() -> None:
	wrapped_prose = (
		"Ủy ban nhân dân các xã, phường có trách nhiệm phổ biến quy định này đến từng thôn, tổ dân phố và\n"
		"hướng dẫn Nhân dân thực hiện; định kỳ tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh theo quy\n"
		"định hiện hành về chế độ báo cáo của cơ quan hành chính nhà nước trên địa bàn tỉnh Hà Nam.\n"
	)
	tasks = _tasks(
		REGULATION_HEAD,
		"Điều 12. Trách nhiệm tổ chức thực hiện\n"
		+ "1. "
		+ wrapped_prose * 3
		+ "2. Sở Văn hóa, Thể thao và\n"
		"Du lịch\n"
		"a. Chủ trì tuyên truyền nếp sống văn minh trên báo chí của tỉnh.\n"
		"b. Phối hợp kiểm tra, xử lý vi phạm theo thẩm quyền.\n",
	)
	assert [task["presiding"] for task in tasks[-2:]] == [
		["Sở Văn hóa, Thể thao và Du lịch"],
		["Sở Văn hóa, Thể thao và Du lịch"],
	]


def test_a_sentence_opened_by_its_year_is_due_that_years_end() -> None:
	deadline = parse_deadline("Rà soát thủ tục. Năm 2027, số hóa 100% hồ sơ tiếp công dân.")
	assert (deadline.kind, deadline.due) == ("date", date(2027, 12, 31))
	assert parse_deadline("Năm 2025 là năm có ý nghĩa quan trọng.").kind == "none"


def test_a_closing_giao_inside_a_point_is_a_task_of_the_body_it_names() -> None:
	tasks = _tasks(
		PLAN_HEAD,
		"II. TỔ CHỨC THỰC HIỆN\n"
		"1. Thủ trưởng các sở, ban, ngành tỉnh:\n"
		"- Kiên quyết giải quyết dứt điểm các kiến nghị của cử tri tồn đọng, kéo dài. Năm 2026, trả lời "
		"100% kiến nghị của cử tri thuộc thẩm quyền. Giao Văn phòng Ủy ban nhân dân tỉnh tổng hợp chung, báo "
		"cáo Chủ tịch Ủy ban nhân dân tỉnh.\n",
	)
	assert [(task["presiding"], task["deadline"]["kind"], task["deadline"]["due"]) for task in tasks] == [
		(["Thủ trưởng các sở, ban, ngành tỉnh"], "date", "2026-12-31"),
		(["Văn phòng Ủy ban nhân dân tỉnh"], "none", None),
	]


def test_a_limit_counted_after_each_case_is_found_is_a_rule() -> None:
	assert is_per_case_limit(
		"Trong thời hạn 10 ngày sau khi phát hiện sai lệch số liệu, đơn vị phải điều chỉnh."
	)
	assert not is_per_case_limit("Chậm nhất 15 ngày trước ngày khai mạc kỳ họp, Thường trực gửi báo cáo.")


def test_the_seal_and_what_is_done_when_a_member_changes_are_rules_of_the_regulation() -> None:
	tasks = _tasks(
		REGULATION_HEAD,
		"Điều 10. Sử dụng con dấu\n"
		"1. Trưởng Ban Chỉ đạo sử dụng con dấu của Ủy ban nhân dân tỉnh.\n"
		"Điều 11. Khi thành viên Ban Chỉ đạo thay đổi công tác, cơ quan cử thành viên có trách nhiệm báo cáo "
		"Trưởng Ban Chỉ đạo để kiện toàn.\n"
		"Điều 12. Trách nhiệm của Sở Nội vụ\n"
		"1. Tổng hợp kết quả thực hiện dân chủ ở cơ sở, báo cáo Ban Chỉ đạo trước ngày 05 tháng 12 hằng năm.\n",
	)
	assert [_brief(task)[1:] for task in tasks] == [(["Sở Nội vụ"], "recurring", "yearly", 12)]


def test_a_recurrence_in_the_basis_a_duty_starts_from_is_not_the_duties() -> None:
	deadline = parse_deadline(
		"Căn cứ nhu cầu tập huấn hằng năm của các xã, Trung tâm xây dựng kế hoạch tập huấn trình cấp ủy phê duyệt."
	)
	assert deadline.kind == "none"
	budget = parse_deadline("Căn cứ khả năng cân đối ngân sách hằng năm, bố trí kinh phí thực hiện Kế hoạch.")
	assert (budget.kind, budget.recurrence) == ("recurring", "yearly")


def test_office_holders_named_as_persons_carry_their_duty() -> None:
	assert extract_units("Các ông bà Phó Chủ tịch Ủy ban MTTQ xã có trách nhiệm đôn đốc các thôn.")[0] == [
		"Phó Chủ tịch Ủy ban MTTQ xã"
	]
	assert extract_units(
		"Giao đồng chí Trần Thị Bình – Phó Chủ tịch Ủy ban MTTQ Việt Nam xã theo dõi, báo cáo kết quả."
	)[0] == ["Phó Chủ tịch Ủy ban MTTQ Việt Nam xã"]
	assert extract_units("Bà con Nhân dân tích cực tham gia.")[0] == []


def test_a_request_heading_cut_by_a_blank_line_inside_a_name_is_one_heading() -> None:
	wrapped = "".join(
		f"{number}. Sở Tư pháp chủ trì, phối hợp với các cơ quan liên quan hướng dẫn việc\n"
		"thực hiện quy chế dân chủ ở cơ sở tại các xã, phường trên địa bàn và báo cáo\n"
		"kết quả về Ủy ban nhân dân tỉnh theo quy định.\n"
		for number in (1, 2)
	)
	tasks = _tasks(
		PLAN_HEAD,
		"II. TỔ CHỨC THỰC HIỆN\n"
		+ wrapped
		+ "3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, Hội Liên hiệp\n\n"
		"Phụ nữ tỉnh và các tổ chức\n"
		"chính trị - xã hội tỉnh\n\n"
		"- Tham gia giám sát việc thực hiện quy chế dân chủ ở cơ sở.\n\n"
		"4. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam\n"
		"tỉnh\n\n"
		"Chỉ đạo Mặt trận các xã tham gia tiếp công dân.\n",
	)
	assert [task["presiding"] for task in tasks[2:]] == [
		[
			"Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
			"Hội Liên hiệp Phụ nữ tỉnh",
			"tổ chức chính trị - xã hội tỉnh",
		],
		["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"],
	]
