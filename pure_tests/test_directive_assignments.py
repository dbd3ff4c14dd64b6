"""Issue 15, tenth round: classes of the seventh held-out set (moved to the development set once scored).

Each test writes a fragment in the shape of a class of Vietnamese administrative texts (a minister's assignment
"… Bộ trưởng giao:", a conclusion notice "… kết luận như sau:" answering a province's requests, a letter whose
closing paragraph gives a duty of its own); none is copied from a corpus text.
"""

from __future__ import annotations

from datetime import date

from danvan_app.domain.actor_phrases import extract_units, narrates, passive_owners
from danvan_app.domain.deadline_phrases import parse_deadline, span_in_year_of
from danvan_app.domain.directive_text import parse_directive_text

_ASSIGNMENT = """Kính gửi: Thủ trưởng các đơn vị thuộc Bộ
Thực hiện kết luận của Hội nghị Trung ương lần thứ 12 về phát triển văn hóa, Bộ trưởng giao:
1. Vụ Pháp chế: Tham mưu Lãnh đạo Bộ:
- Rà soát các văn bản quy phạm pháp luật về thư viện, đề xuất sửa đổi.
- Hướng dẫn các địa phương thực hiện Luật Thư viện.
2. Cục Nghệ thuật biểu diễn: Chủ trì xây dựng chương trình nghệ thuật phục vụ nhân dân, báo cáo Lãnh đạo Bộ hằng quý.
3. Ủy ban nhân dân các tỉnh, thành phố
Tăng cường kiểm tra hoạt động lễ hội tại các di tích.
Bộ Văn hóa yêu cầu các đơn vị nghiêm túc thực hiện những nội dung trên. Giao Văn phòng Bộ tổng hợp kết quả, báo cáo Bộ trưởng./.
"""

_CONCLUSION = """THÔNG BÁO
KẾT LUẬN CỦA PHÓ THỦ TƯỚNG TẠI BUỔI LÀM VIỆC VỚI LÃNH ĐẠO TỈNH BÌNH MINH
Sau khi nghe lãnh đạo tỉnh Bình Minh báo cáo, Phó Thủ tướng kết luận như sau:
I. ĐÁNH GIÁ CHUNG
Năm 2025, Tỉnh đã hoàn thành các chỉ tiêu kinh tế - xã hội chủ yếu, giữ vững an ninh trật tự.
II. MỘT SỐ KIẾN NGHỊ CỦA TỈNH
1. Về hỗ trợ kinh phí xây dựng trường nội trú tại các xã biên giới: Giao Bộ Tài chính chủ trì, phối hợp với Bộ Giáo dục và Đào tạo xem xét, báo cáo Thủ tướng Chính phủ trước ngày 20 tháng 12 năm 2025.
2. Về đầu tư tuyến đường tránh: Tỉnh chủ động bố trí vốn ngân sách địa phương theo quy định.
Văn phòng Chính phủ thông báo để các cơ quan liên quan biết, thực hiện./.
"""


def _tasks(text: str):
	parse = parse_directive_text(text)
	assert parse.is_directive
	return parse.tasks


def _task(tasks, start: str):
	return next(task for task in tasks if task.title.startswith(start))


def test_a_ministers_assignment_is_a_directive_though_its_preamble_cites_a_plenum() -> None:
	tasks = _tasks(_ASSIGNMENT)
	assert _task(tasks, "Rà soát các văn bản").presiding == ["Vụ Pháp chế"]
	assert _task(tasks, "Hướng dẫn các địa phương").presiding == ["Vụ Pháp chế"]
	programme = _task(tasks, "Chủ trì xây dựng chương trình")
	assert programme.presiding == ["Cục Nghệ thuật biểu diễn"]
	report = _task(tasks, "Báo cáo Lãnh đạo Bộ hằng quý")
	assert report.presiding == ["Cục Nghệ thuật biểu diễn"] and report.deadline.recurrence == "quarterly"


def test_a_heading_naming_a_body_over_a_capitalised_duty_keeps_its_name() -> None:
	festival = _task(_tasks(_ASSIGNMENT), "Tăng cường kiểm tra")
	assert festival.presiding == ["Ủy ban nhân dân các tỉnh, thành phố"]


def test_the_closing_paragraph_is_not_the_last_points_and_its_own_duty_is_read() -> None:
	tasks = _tasks(_ASSIGNMENT)
	festival = _task(tasks, "Tăng cường kiểm tra")
	assert "Văn phòng Bộ" not in festival.presiding and "Bộ Văn hóa" not in festival.presiding
	assert _task(tasks, "Giao Văn phòng Bộ").presiding == ["Văn phòng Bộ"]


def test_the_issuer_requesting_bodies_makes_them_act() -> None:
	presiding, _ = extract_units(
		"Ủy ban nhân dân tỉnh yêu cầu các sở, ngành nghiêm túc thực hiện Chỉ thị này."
	)
	assert presiding == ["sở, ngành"]


def test_a_conclusion_notice_answers_each_request_with_the_body_it_names() -> None:
	tasks = _tasks(_CONCLUSION)
	funding = _task(tasks, "Giao Bộ Tài chính")
	assert funding.presiding == ["Bộ Tài chính"]
	assert funding.deadline.kind == "before" and str(funding.deadline.due) == "2025-12-20"
	assert _task(tasks, "Tỉnh chủ động").presiding == ["Tỉnh"]


def test_an_assessment_of_what_was_done_is_no_duty() -> None:
	assert narrates("Tỉnh đã hoàn thành các chỉ tiêu kinh tế - xã hội chủ yếu.")
	assert not narrates("Tỉnh chủ động bố trí vốn ngân sách địa phương.")
	titles = [task.title for task in _tasks(_CONCLUSION)]
	assert not any("đã hoàn thành" in title for title in titles)
	assert not any(title.startswith("Văn phòng Chính phủ thông báo") for title in titles)
	assert not any(title.startswith("Về ") for title in titles)


def test_a_report_on_the_day_is_due_that_day() -> None:
	deadline = parse_deadline("Báo cáo nhanh kết quả qua điện thoại trong ngày 17/5/2026.")
	assert deadline.kind == "date" and str(deadline.due) == "2026-05-17"


def test_a_span_of_days_without_a_year_is_due_in_the_year_of_issue() -> None:
	issued = date(2025, 10, 20)
	deadline = span_in_year_of("Tổ chức Tuần lễ hưởng ứng (từ ngày 01/11 đến ngày 07/11) tại các xã.", issued)
	assert deadline is not None and deadline.kind == "date" and str(deadline.due) == "2025-11-07"
	turning = span_in_year_of("Tổ chức đợt cao điểm từ ngày 20/12 đến ngày 10/01 trên địa bàn.", issued)
	assert turning is not None and str(turning.due) == "2026-01-10" and str(turning.start) == "2025-12-20"
	assert span_in_year_of("Thực hiện từ ngày 01/11 đến ngày 07/11 hằng năm.", issued) is None


_PLAN_WITH_A_WEEK = """ỦY BAN NHÂN DÂN TỈNH BÌNH MINH
Số: 12/KH-UBND
Bình Minh, ngày 20 tháng 10 năm 2025
KẾ HOẠCH
Tổ chức Tuần lễ hưởng ứng học tập suốt đời
I. NHIỆM VỤ
1. Sở Giáo dục và Đào tạo tổ chức Tuần lễ hưởng ứng (từ ngày 01/11 đến ngày 07/11) tại các trường học.
2. Sở Văn hóa, Thể thao và Du lịch chỉ đạo các thư viện mở cửa phục vụ miễn phí.
"""


def test_the_plans_year_dates_its_week() -> None:
	week = _task(_tasks(_PLAN_WITH_A_WEEK), "Sở Giáo dục và Đào tạo")
	assert week.deadline.kind == "date" and str(week.deadline.due) == "2025-11-07"


def test_a_day_of_the_month_before_is_a_monthly_time() -> None:
	deadline = parse_deadline("Tài liệu được phát hành vào ngày 20 của tháng trước đó trên trang thông tin.")
	assert deadline.kind == "recurring" and deadline.recurrence == "monthly"


def test_a_passive_product_of_named_bodies_is_their_duty() -> None:
	assert passive_owners("Tài liệu của các huyện ủy, thị ủy được biên soạn, phát hành hằng quý.") == [
		"huyện ủy",
		"thị ủy",
	]
	assert passive_owners("Tài liệu của các huyện ủy, thị ủy có nội dung phong phú.") == []


_GUIDANCE = """BAN TUYÊN GIÁO TỈNH ỦY BÌNH MINH
Số: 05-HD/BTGTU
Bình Minh, ngày 03 tháng 3 năm 2025
HƯỚNG DẪN
Biên soạn tài liệu sinh hoạt chi bộ
I. MỤC ĐÍCH, YÊU CẦU
1. Nâng cao chất lượng sinh hoạt chi bộ.
II. PHƯƠNG THỨC PHÁT HÀNH
1. Tài liệu của các huyện ủy, thị ủy được biên soạn trên cơ sở tài liệu của tỉnh; phát hành kịp thời, bảo đảm cho các chi bộ sinh hoạt đúng ngày mồng 5 hằng tháng.
"""


def test_the_owner_of_a_passive_product_acts_for_its_later_parts_too() -> None:
	monthly = next(task for task in _tasks(_GUIDANCE) if task.deadline.recurrence == "monthly")
	assert monthly.presiding == ["huyện ủy", "thị ủy"]


def test_a_heading_body_described_up_to_its_parent_is_one_name() -> None:
	text = _ASSIGNMENT.replace(
		"1. Vụ Pháp chế: Tham mưu Lãnh đạo Bộ:", "1. Thủ trưởng các cơ quan tham mưu, giúp việc thuộc Bộ"
	)
	review = _task(_tasks(text), "Rà soát các văn bản")
	assert review.presiding == ["Thủ trưởng các cơ quan tham mưu, giúp việc thuộc Bộ"]


_CONFERENCES = """ỦY BAN MTTQ VIỆT NAM XÃ BÌNH MINH
Số: 09/KH-MTTQ
Bình Minh, ngày 02 tháng 3 năm 2026
KẾ HOẠCH
Tổ chức hội nghị đối thoại với Nhân dân
II. NỘI DUNG
1. Hội nghị đối thoại ở thôn.
1.1. Nội dung: Đối thoại với cử tri về chỉnh trang đường làng.
- Thời gian: Chậm nhất ngày 20/3/2026.
- Đơn vị chủ trì: Ban Công tác Mặt trận thôn.
1.2. Báo cáo kết quả
- Gửi biên bản hội nghị đến Ban Thường trực Ủy ban MTTQ xã sau hội nghị.
"""


def test_a_conferences_report_point_is_the_presiding_body_of_the_point_above() -> None:
	report = _task(_tasks(_CONFERENCES), "Gửi biên bản hội nghị")
	assert report.presiding == ["Ban Công tác Mặt trận thôn"]


def test_a_schedule_step_labelled_by_its_first_day_is_due_that_day() -> None:
	step = parse_deadline("- Từ ngày 10/3/2026: Ban Thường trực Ủy ban MTTQ xã họp với các trưởng thôn.")
	assert step.kind == "date" and str(step.due) == "2026-03-10"
	assert parse_deadline("Thực hiện từ ngày 10/3/2026 theo kế hoạch.").kind == "none"


def test_a_standing_board_that_confers_with_bodies_is_their_subject() -> None:
	presiding, _ = extract_units("Ban Thường trực Ủy ban MTTQ xã trao đổi với các cơ quan có người ứng cử.")
	assert presiding == ["Ban Thường trực Ủy ban MTTQ xã"]


_HEADER_DUTY = (
	_CONFERENCES
	+ """2. Hội nghị cử tri.
2.1. Chuẩn bị hội nghị
- Ban Thường trực Ủy ban MTTQ xã trao đổi với các cơ quan có người ứng cử để chuẩn bị hội nghị cử tri:
+ Thống nhất thời gian, địa điểm tổ chức hội nghị.
+ Thống nhất thành phần khách mời.
2.2. Trách nhiệm của các thôn
- Trưởng thôn chỉ đạo các tổ dân cư có trách nhiệm:
+ Thông báo cho cử tri về thời gian hội nghị.
"""
)


def test_a_header_that_is_a_bodys_duty_is_a_task_over_its_steps() -> None:
	titles = [task.title for task in _tasks(_HEADER_DUTY)]
	assert any(title.startswith("Ban Thường trực Ủy ban MTTQ xã trao đổi") for title in titles)
	assert not any(title.startswith("Trưởng thôn chỉ đạo các tổ dân cư có trách nhiệm") for title in titles)


def test_a_manner_after_the_bodies_is_no_part_of_their_names() -> None:
	presiding, _ = extract_units(
		"Các Sở, ngành, UBND cấp xã theo chức năng quản lý của mình, có trách nhiệm cung cấp hồ sơ."
	)
	assert presiding == ["Sở, ngành", "UBND cấp xã"]
	presiding, _ = extract_units("Sở Y tế theo chức năng, nhiệm vụ được giao chủ trì kiểm tra các cơ sở.")
	assert presiding == ["Sở Y tế"]


_LETTERED_FIELDS = """ỦY BAN NHÂN DÂN TỈNH BÌNH MINH
Số: 21/KH-UBND
Bình Minh, ngày 05 tháng 11 năm 2025
KẾ HOẠCH
Số hóa hồ sơ
II. NHIỆM VỤ
1. Về dữ liệu
a) Nhiệm vụ: Rà soát, chuẩn hóa cơ sở dữ liệu đất đai của tỉnh.
b) Cơ quan thực hiện:
- Đơn vị chủ trì: Sở Nông nghiệp và Môi trường.
- Đơn vị phối hợp: Các sở, ngành.
c) Thời gian thực hiện: Hoàn thành trong năm 2025.
"""


def test_a_point_of_labelled_fields_only_is_read_without_failing() -> None:
	titles = [task.title for task in _tasks(_LETTERED_FIELDS)]
	assert any(title.startswith("Rà soát, chuẩn hóa cơ sở dữ liệu") for title in titles)
	assert not any(title.startswith("Cơ quan thực hiện") for title in titles)
