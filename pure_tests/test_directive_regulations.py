"""directive_text on State regulations (issue 15, fourth round): who carries a point, and which points are rules.

Classes of writing seen on the former held-out texts (now development texts), shown here by fragments written
for these tests: the body an article or a numbered heading names ("Điều 14. Trách nhiệm của Sở Nội vụ",
"2. Trách nhiệm của Sở Nội vụ", an article number with its title on the next line), points that name that body
shorter, a heading over paragraphs of different bodies, duties of the public, and the procedural rules of a
regulation (scope, competence, funding, quotas, accountability) that are not tasks. Expectations were written
from reading the fragments.
"""

from __future__ import annotations

import pytest

from danvan_app.domain.deadline_phrases import parse_deadline
from danvan_app.domain.directive_text import parse_directive_text
from danvan_app.domain.directive_text.heading_bodies import body_of_responsibility, units_in_header

HEAD = """ỦY BAN NHÂN DÂN TỈNH AN GIANG
Số: 12/2025/QĐ-UBND
An Giang, ngày 20 tháng 11 năm 2025

QUYẾT ĐỊNH
Ban hành Quy chế tiếp nhận, xử lý phản ánh kiến nghị

Điều 1. Ban hành kèm theo Quyết định này Quy chế tiếp nhận, xử lý phản ánh kiến nghị.
Điều 2. Giám đốc các sở, Chủ tịch Ủy ban nhân dân các xã, phường chịu trách nhiệm thi hành Quyết định này./.

QUY CHẾ
Tiếp nhận, xử lý phản ánh kiến nghị

"""


def _tasks(body: str) -> list[dict]:
	result = parse_directive_text(HEAD + body)
	assert result.is_directive
	return [task.to_json_dict() for task in result.tasks]


def _who(tasks: list[dict]) -> list[tuple[str, list[str]]]:
	return [(task["title"][:30], task["presiding"]) for task in tasks]


@pytest.mark.parametrize(
	("heading", "body"),
	[
		("Trách nhiệm của Sở Nội vụ", "Sở Nội vụ"),
		("Trách nhiệm phối hợp của Công an tỉnh", "Công an tỉnh"),
		("Nhiệm vụ, quyền hạn của Tổ tiếp công dân", "Tổ tiếp công dân"),
		# a body the actor grammar does not know, and a body named with what it does, as written
		(
			"Trách nhiệm của Báo và Phát thanh, truyền hình An Giang",
			"Báo và Phát thanh, truyền hình An Giang",
		),
		(
			"Trách nhiệm các cơ quan, đơn vị xử lý phản ánh kiến nghị",
			"các cơ quan, đơn vị xử lý phản ánh kiến nghị",
		),
		("Trách nhiệm thực hiện", None),
		("Trách nhiệm trong việc quản lý ứng dụng", None),
		("Trách nhiệm của cá nhân, tổ chức có phản ánh kiến nghị", None),  # the public: rules
	],
)
def test_the_body_a_responsibility_heading_names_as_written(heading: str, body: str | None) -> None:
	assert body_of_responsibility(heading) == body
	if body is not None:
		assert units_in_header(heading) == ([body], [])


def test_an_articles_body_carries_its_points_even_when_unknown_to_the_actor_grammar() -> None:
	tasks = _tasks(
		"Điều 12. Trách nhiệm của Báo và Phát thanh, truyền hình An Giang\n"
		"Triển khai thông tin, tuyên truyền rộng rãi trên báo, sóng phát thanh và truyền hình về ứng dụng.\n"
		"Điều 13. Trách nhiệm của các cơ quan, đơn vị xử lý phản ánh kiến nghị\n"
		"1. Ban hành quy định xử lý phản ánh kiến nghị của cơ quan, đơn vị mình.\n"
		"2. Các cơ quan xử lý có trách nhiệm cử một lãnh đạo làm đầu mối tiếp nhận phản ánh kiến nghị.\n"
		"3. Chịu trách nhiệm đối với những hậu quả xảy ra do chậm trễ xử lý phản ánh kiến nghị.\n"
		"Điều 14. Trách nhiệm của cá nhân, tổ chức có phản ánh kiến nghị\n"
		"1. Phản ánh kiến nghị trung thực, đúng nội dung, đúng địa bàn.\n"
		"2. Tuân thủ quy định về tương tác trên ứng dụng.\n"
	)
	handlers = ["các cơ quan, đơn vị xử lý phản ánh kiến nghị"]
	assert _who(tasks) == [
		("Triển khai thông tin, tuyên tr", ["Báo và Phát thanh, truyền hình An Giang"]),
		("Ban hành quy định xử lý phản á", handlers),
		# "Các cơ quan xử lý" is the article's body named shorter, not another body
		("Các cơ quan xử lý có trách nhi", handlers),
	]
	# Not tasks: an accountability ("Chịu trách nhiệm đối với những hậu quả …") and the public's duties.


def test_an_article_title_on_the_next_line_and_responsibility_points_name_their_body() -> None:
	tasks = _tasks(
		"Điều 9.\nTrách nhiệm thực hiện\n"
		"1. Kinh phí thực hiện\n"
		"Kinh phí thực hiện được đảm bảo từ nguồn ngân sách theo phân cấp ngân sách nhà nước hiện hành.\n"
		"2. Trách nhiệm của Sở Nội vụ\n"
		"a) Chủ trì triển khai, hướng dẫn thực hiện Quy chế này;\n"
		"b) Tổng hợp kết quả thực hiện, báo cáo Ủy ban nhân dân tỉnh.\n"
		"3. Trách nhiệm các cơ quan, đơn vị cấp tỉnh và Ủy ban nhân dân xã, phường\n"
		"a) Tổ chức triển khai thực hiện Quy chế tại cơ quan, đơn vị mình;\n"
		"b) Trên cơ sở quy chế này, các cơ quan, đơn vị xây dựng báo cáo, gửi về Sở Nội vụ để tổng hợp.\n"
	)
	units = ["các cơ quan, đơn vị cấp tỉnh và Ủy ban nhân dân xã, phường"]
	assert _who(tasks) == [
		("Chủ trì triển khai, hướng dẫn ", ["Sở Nội vụ"]),
		("Tổng hợp kết quả thực hiện, bá", ["Sở Nội vụ"]),
		("Tổ chức triển khai thực hiện Q", units),
		("Trên cơ sở quy chế này, các cơ", units),
	]
	# The funding heading and its paragraph are a rule, not a task.


def test_scope_competence_funding_and_quotas_are_rules_not_tasks() -> None:
	tasks = _tasks(
		"Điều 1.\nPhạm vi điều chỉnh và đối tượng áp dụng\n"
		"1. Đối tượng áp dụng\n"
		"a) Sở, ban, ngành tỉnh; đơn vị sự nghiệp công lập thuộc Ủy ban nhân dân tỉnh;\n"
		"b) Ủy ban nhân dân xã, phường.\n"
		"Điều 7. Xét tặng Bằng khen\n"
		"1. Sở, ban, ngành tỉnh: Xét tối đa 3 tập thể và 6 cá nhân.\n"
		"2. Ủy ban nhân dân xã, phường: Xét tối đa 15 tập thể và 30 cá nhân.\n"
		"Điều 8. Thẩm quyền, trình tự đánh giá\n"
		"1. Thẩm quyền đánh giá, xếp loại\n"
		"Ủy ban nhân dân tỉnh ban hành Quyết định đánh giá, xếp loại các cơ quan.\n"
		"2. Trình tự đánh giá\n"
		"a) Hằng năm, Ủy ban nhân dân xã, phường xây dựng báo cáo, tự chấm điểm và gửi báo cáo về Sở Nội vụ từ ngày 10 đến ngày 15 "
		"tháng 12;\n"
		"b) Sở Nội vụ tổng hợp kết quả tự chấm điểm từ ngày 16 đến ngày 31 tháng 12 hằng năm.\n"
		"Điều 9. Kinh phí\n"
		"Kinh phí phục vụ công tác đánh giá được thực hiện theo quy định tài chính hiện hành.\n"
	)
	assert [(task["title"][:30], task["presiding"], task["deadline"]["month"]) for task in tasks] == [
		("Hằng năm, Ủy ban nhân dân xã, ", ["Ủy ban nhân dân xã, phường"], 12),
		("Sở Nội vụ tổng hợp kết quả tự ", ["Sở Nội vụ"], 12),
	]


def test_a_heading_over_paragraphs_of_different_bodies_gives_each_its_duty() -> None:
	tasks = _tasks(
		"Điều 8. Quy trình xử lý phản ánh kiến nghị\n"
		"4. Giám sát việc xử lý phản ánh kiến nghị\n"
		"Lãnh đạo UBND cấp xã giám sát toàn bộ việc xử lý phản ánh kiến nghị trên địa bàn quản lý.\n"
		"Các cơ quan chuyên môn cấp tỉnh giám sát việc xử lý phản ánh kiến nghị đối với các lĩnh vực quản lý.\n"
	)
	assert _who(tasks) == [
		("Lãnh đạo UBND cấp xã giám sát ", ["UBND cấp xã"]),
		("Các cơ quan chuyên môn cấp tỉn", ["cơ quan chuyên môn cấp tỉnh"]),
	]


def test_an_untimed_duty_then_a_sentence_opening_with_yearly_are_two_duties() -> None:
	tasks = _tasks(
		"Điều 12. Trách nhiệm của Sở Khoa học và Công nghệ\n"
		"1. Chỉ đạo tổ chức quản trị, vận hành kỹ thuật, bảo đảm an toàn thông tin để ứng dụng hoạt động "
		"ổn định. Hàng năm rà soát, lập dự toán kinh phí báo cáo UBND tỉnh xem xét, phê duyệt.\n"
	)
	assert [(task["title"][:30], task["deadline"]["recurrence"]) for task in tasks] == [
		("Chỉ đạo tổ chức quản trị, vận ", None),
		("Hàng năm rà soát, lập dự toán ", "yearly"),
	]
	assert all(task["presiding"] == ["Sở Khoa học và Công nghệ"] for task in tasks)


@pytest.mark.parametrize(
	("phrase", "month"),
	[
		("Hằng năm, các cơ quan gửi báo cáo về Sở Nội vụ từ ngày 10 đến ngày 15 tháng 12.", 12),
		("Hằng năm, trong quý I, Sở Nội vụ tổ chức sơ kết.", 3),
		("Hằng năm, Sở Nội vụ tổ chức sơ kết.", None),
		("Hằng năm, Sở Nội vụ báo cáo kết quả 6 tháng và cả năm.", None),
	],
)
def test_a_yearly_duty_takes_the_month_written_apart_from_hang_nam(phrase: str, month: int | None) -> None:
	deadline = parse_deadline(phrase)
	assert (deadline.recurrence, deadline.month) == ("yearly", month)


def test_a_month_with_its_year_stays_a_dated_month() -> None:
	deadline = parse_deadline("Hằng năm, Sở Nội vụ báo cáo trong tháng 12/2025 kết quả.")
	assert (deadline.kind, deadline.recurrence, deadline.month) == ("within_month", None, 12)


def test_waves_written_with_a_colon_or_their_contents_announced() -> None:
	result = parse_directive_text(
		"ỦY BAN MTTQ VIỆT NAM XÃ AN PHÚ\nSố: 05/KH-MTTQ-BTT\nAn Phú, ngày 10 tháng 12 năm 2025\n\n"
		"KẾ HOẠCH\nKiểm tra, giám sát công tác bầu cử\n\n"
		"II. NỘI DUNG VÀ THỜI GIAN THỰC HIỆN\n"
		"1. Đợt 1: Từ ngày 05/12/2025 đến ngày 20/02/2026:\n"
		"- Kiểm tra việc tổ chức Hội nghị Ban công tác Mặt trận.\n"
		"2. Đợt 2: Từ ngày 23/02/2026 đến ngày 14/3/2026 gồm các nội dung trọng tâm:\n"
		"- Giám sát việc lập và niêm yết danh sách cử tri.\n"
	)
	tasks = [task.to_json_dict() for task in result.tasks]
	assert [(task["title"][:30], task["deadline"]["kind"], task["deadline"]["due"]) for task in tasks] == [
		("Kiểm tra việc tổ chức Hội nghị", "date", "2026-02-20"),
		("Giám sát việc lập và niêm yết ", "date", "2026-03-14"),
	]
