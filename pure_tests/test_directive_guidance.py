"""Issue 15, fifth round: classes of the second held-out set (moved to the development set once scored).

Each test writes a fragment in the shape of a class of Vietnamese texts (guidances of the Front, regulations on
emulation and awards, plans of the Government with labelled task items); none is copied from a corpus text.
"""

from __future__ import annotations

from datetime import date

import pytest

from danvan_app.domain.deadline_phrases import parse_deadline
from danvan_app.domain.directive_text import parse_directive_text
from danvan_app.domain.directive_text.fields import time_of


@pytest.mark.parametrize(
	"phrase",
	[
		"năm 2025 và các năm tiếp theo.",
		"Thời gian thực hiện: năm 2026 và những năm sau",
		"Bộ Tư pháp tổ chức tập huấn từ năm 2026 trở đi.",
	],
)
def test_an_open_start_is_from_year_not_a_date_in_that_year(phrase: str) -> None:
	for deadline in (parse_deadline(phrase), time_of(phrase)):
		assert deadline.kind == "from_year"
		assert deadline.due is None
		assert deadline.start is not None and deadline.start.month == 1


def test_a_closed_year_stays_a_date() -> None:
	assert (time_of("năm 2026").kind, time_of("năm 2026").due) == ("date", date(2026, 12, 31))


@pytest.mark.parametrize(
	("phrase", "due"),
	[
		("năm 2026 - 2027.", date(2027, 12, 31)),
		("Hoàn thành các năm 2025–2026", date(2026, 12, 31)),
		("năm 2026-năm 2028", date(2028, 12, 31)),
	],
)
def test_a_span_of_years_is_due_at_its_last_year_end(phrase: str, due: date) -> None:
	for deadline in (parse_deadline(phrase), time_of(phrase)):
		assert (deadline.kind, deadline.due) == ("date", due)


def test_a_plan_period_written_with_its_years_is_no_deadline() -> None:
	assert parse_deadline("triển khai Kế hoạch 5 năm 2021 - 2025 của tỉnh").kind == "none"


@pytest.mark.parametrize(
	"phrase",
	["Báo cáo kết quả chậm nhất ngày 03/02/2026.", "gửi về Ban Thường trực chậm nhất là ngày 03/02/2026"],
)
def test_cham_nhat_ngay_is_a_limit_before_that_day(phrase: str) -> None:
	deadline = parse_deadline(phrase)
	assert (deadline.kind, deadline.due) == ("before", date(2026, 2, 3))


def _tasks(text: str) -> list[dict]:
	return [task.to_json_dict() for task in parse_directive_text(text).tasks]


_GUIDANCE_HEAD = (
	"ỦY BAN MTTQ VIỆT NAM XÃ AN PHÚ\nBAN THƯỜNG TRỰC\nSố: 07/HD-MTTQ-BTT\nAn Phú, ngày 12 tháng 11 năm 2025\n\n"
	"HƯỚNG DẪN\nVề việc Mặt trận tham gia công tác bầu cử\n\n"
	"I. MỤC ĐÍCH, YÊU CẦU\n1. Thực hiện đầy đủ, nghiêm túc quy định của Luật Bầu cử.\n\n"
)


def test_a_guidance_contents_part_carries_the_bodies_duties() -> None:
	tasks = _tasks(
		_GUIDANCE_HEAD + "II. NỘI DUNG CÔNG TÁC MẶT TRẬN TRONG BẦU CỬ\n"
		"1. Tham gia thành lập các tổ chức phụ trách bầu cử\n"
		"- Ban Thường trực Ủy ban MTTQ Việt Nam xã phối hợp với Ủy ban nhân dân xã thành lập Tổ bầu cử.\n"
		"2. Tổ chức hội nghị cử tri\n"
		"Việc tổ chức hội nghị cử tri thực hiện theo quy định tại Nghị quyết số 101/2025/UBTVQH15.\n"
		"2.1. Việc tổ chức hội nghị cử tri nơi cư trú\n"
		"- Ban Thường trực Ủy ban MTTQ Việt Nam xã phối hợp với Ủy ban nhân dân xã triệu tập hội nghị cử tri.\n"
		"- Trường hợp bất khả kháng thì tổ chức hội nghị trực tuyến.\n"
		"3. Công tác tiếp công dân\n"
		"3.1. Ban Thường trực Ủy ban MTTQ Việt Nam xã tổ chức hội nghị tiếp xúc cử tri phối hợp với Ủy ban nhân "
		"dân xã thực hiện các nội dung sau:\n"
		"a) Xây dựng kế hoạch tổ chức hội nghị tiếp xúc cử tri.\n"
		"b) Chuẩn bị chu đáo về địa điểm, thành phần mời và giấy mời.\n"
		"3.2. Khiếu nại về việc lập danh sách cử tri thì chuyển đến Ủy ban nhân dân xã giải quyết.\n"
		"3.3. Sau hội nghị tiếp xúc cử tri: Ban Thường trực Ủy ban MTTQ Việt Nam xã lập báo cáo gửi Ủy ban bầu cử.\n"
	)
	titles = [(task["title"][:25], task["presiding"]) for task in tasks]
	front = ["Ban Thường trực Ủy ban MTTQ Việt Nam xã"]
	assert titles == [
		("Ban Thường trực Ủy ban MT", front),
		("Ban Thường trực Ủy ban MT", front),
		("Xây dựng kế hoạch tổ chức", front),
		("Chuẩn bị chu đáo về địa đ", front),
		("Ban Thường trực Ủy ban MT", front),
	]


_REGULATION_HEAD = (
	"ỦY BAN NHÂN DÂN TỈNH AN GIANG\nSố: 12/2025/QĐ-UBND\nAn Giang, ngày 03 tháng 12 năm 2025\n\n"
	"QUY ĐỊNH\nVề công tác thi đua, khen thưởng\n\n"
)


def test_award_procedure_and_a_council_mandate_are_rules_not_tasks() -> None:
	tasks = _tasks(
		_REGULATION_HEAD + "Điều 5. Quy trình xét khen thưởng\n"
		"1. Hội đồng Thi đua - Khen thưởng tỉnh xét duyệt các danh hiệu thi đua trước khi báo cáo.\n"
		"Điều 6. Thời gian đề nghị khen thưởng\n"
		"1. Các cơ quan, đơn vị khi tổng kết phong trào thi đua gửi hồ sơ đến Sở Nội vụ trước 10 ngày.\n"
		"2. Đối với khen thưởng tổng kết năm: Các cơ quan, đơn vị gửi hồ sơ đề nghị khen thưởng đến Sở Nội vụ "
		"trước ngày 10/12 hằng năm.\n"
		"Điều 8. Hội đồng Thi đua - Khen thưởng tỉnh\n"
		"1. Hội đồng Thi đua - Khen thưởng tỉnh là cơ quan tham mưu cho Ủy ban nhân dân tỉnh, có nhiệm vụ, "
		"quyền hạn sau:\n"
		"a) Tham mưu cho Ủy ban nhân dân tỉnh quyết định tặng danh hiệu thi đua;\n"
		"b) Định kỳ đánh giá phong trào thi đua.\n"
		"2. Hội đồng hoạt động theo nguyên tắc tập trung, dân chủ, biểu quyết theo đa số.\n"
		"3. Sở Nội vụ là cơ quan thường trực của Hội đồng Thi đua - Khen thưởng tỉnh.\n"
		"4. Chủ tịch Hội đồng Thi đua - Khen thưởng tỉnh ban hành Quy chế làm việc của Hội đồng.\n"
	)
	found = [(task["title"][:30], task["presiding"], task["deadline"]["recurrence"]) for task in tasks]
	assert found == [
		("Các cơ quan, đơn vị gửi hồ sơ ", ["cơ quan", "đơn vị"], "yearly"),
		("Chủ tịch Hội đồng Thi đua - Kh", ["Chủ tịch Hội đồng Thi đua - Khen thưởng tỉnh"], None),
	]


def test_points_of_a_timed_duty_are_each_bodys_share_due_with_it() -> None:
	tasks = _tasks(
		_REGULATION_HEAD + "Điều 10. Trách nhiệm của các cơ quan, đơn vị\n"
		"2. Các cơ quan, đơn vị có trách nhiệm tổng hợp các trường hợp vi phạm gửi về Sở Nội vụ trước ngày "
		"10/12 hàng năm\n"
		"a) Công an tỉnh: Tổng hợp danh sách các cơ quan có người vi phạm trật tự an toàn giao thông;\n"
		"b) Sở Y tế: Tổng hợp danh sách các doanh nghiệp vi phạm về an toàn thực phẩm;\n"
		"c) Thanh tra tỉnh: Phối hợp thông tin các cá nhân có đơn thư tại thời điểm đề nghị khen thưởng.\n"
	)
	found = [(task["presiding"], task["deadline"]["recurrence"], task["deadline"]["month"]) for task in tasks]
	assert found == [
		(["các cơ quan, đơn vị"], "yearly", 12),
		(["Công an tỉnh"], "yearly", 12),
		(["Sở Y tế"], "yearly", 12),
		(["Thanh tra tỉnh"], None, None),  # timed by each proposal, not by the lead's date
	]


def test_a_dash_name_wrapped_before_its_dash_is_joined_back() -> None:
	from danvan_app.domain.directive_text.layout import unwrap

	wrapped = (
		"1. Hội đồng Thi đua - Khen thưởng tỉnh là cơ quan tham mưu cho\nỦy ban nhân dân tỉnh về công tác\n"
		"thi đua, khen thưởng và\ncác nội dung có liên quan của\nphong trào thi đua yêu nước trong\n"
		"toàn tỉnh theo quy định.\n3. Chủ tịch Hội đồng Thi đua\n- Khen thưởng tỉnh ban hành Quy chế làm\n"
		"việc của Hội đồng.\n2. Sở Tài chính\n- Bố trí kinh phí thực hiện.\n"
	)
	lines = unwrap(wrapped).split("\n")
	assert "3. Chủ tịch Hội đồng Thi đua - Khen thưởng tỉnh ban hành Quy chế làm việc của Hội đồng." in lines
	assert "- Bố trí kinh phí thực hiện." in lines  # a real bullet under a body stays a bullet
