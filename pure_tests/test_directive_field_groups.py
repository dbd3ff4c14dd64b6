"""Issue 15, eleventh round: classes of the eighth held-out set (moved to the development set once scored).

Each test writes a fragment in the shape of a class of Vietnamese administrative texts (task items whose fields are
lettered points, the rights of a regulation's people, a defined short name of a body); none is copied from a corpus
text.
"""

from __future__ import annotations

from datetime import date

from danvan_app.domain.directive_text import parse_directive_text

_FIELD_GROUPS = """ỦY BAN NHÂN DÂN TỈNH BÌNH MINH
Số: 22/KH-UBND
Bình Minh, ngày 06 tháng 11 năm 2025
KẾ HOẠCH
Chuyển đổi số năm 2025
II. NHIỆM VỤ
1. Về hạ tầng
1.1. Nâng cấp mạng truyền số liệu:
a) Nhiệm vụ: Nâng cấp mạng truyền số liệu chuyên dùng tới các xã.
b) Cơ quan thực hiện:
- Đơn vị chủ trì: Sở Khoa học và Công nghệ.
- Đơn vị phối hợp: Các sở, ngành.
c) Thời gian thực hiện: Hoàn thành trong năm 2025.
1.2. Chia sẻ dữ liệu:
a) Nhiệm vụ:
- Kết nối các cơ sở dữ liệu chuyên ngành với nền tảng dùng chung.
- Công khai danh mục dữ liệu mở của tỉnh.
b) Cơ quan thực hiện:
- Đơn vị chủ trì: Văn phòng Ủy ban nhân dân tỉnh.
c) Thời gian thực hiện: Thực hiện thường xuyên.
"""


def _tasks(text: str):
	parse = parse_directive_text(text)
	assert parse.is_directive
	return parse.tasks


def test_a_point_whose_fields_are_lettered_is_one_task_of_its_fields() -> None:
	tasks = _tasks(_FIELD_GROUPS)
	assert len(tasks) == 2
	network, data = tasks
	assert network.title.startswith("Nâng cấp mạng truyền số liệu chuyên dùng")
	assert network.presiding == ["Sở Khoa học và Công nghệ"]
	assert network.deadline.due == date(2025, 12, 31)
	assert data.title.startswith("Kết nối các cơ sở dữ liệu chuyên ngành")
	assert "Công khai danh mục dữ liệu mở" in data.clause
	assert data.presiding == ["Văn phòng Ủy ban nhân dân tỉnh"]
	assert data.deadline.kind == "none"
	assert not any(task.title.startswith(("Hoàn thành", "Thực hiện thường xuyên")) for task in tasks)


_REGULATION = """BAN TUYÊN GIÁO TỈNH ỦY BÌNH MINH
Số: 12-QĐ/BTGTU
Bình Minh, ngày 10 tháng 11 năm 2025
QUYẾT ĐỊNH
Ban hành Quy chế hoạt động của Trung tâm bồi dưỡng
Điều 1. Ban hành kèm theo Quyết định này Quy chế hoạt động của Trung tâm bồi dưỡng.
QUY CHẾ
Điều 1. Phạm vi điều chỉnh
Quy chế này quy định hoạt động của Trung tâm bồi dưỡng chính trị xã (sau đây gọi tắt là Trung tâm).
Điều 5. Tổ chức lớp học
1. Trung tâm phối hợp với các cơ quan liên quan xây dựng kế hoạch mở lớp.
2. Hằng năm, Trung tâm tổ chức lấy ý kiến của học viên về chất lượng giảng dạy.
Điều 9. Nhiệm vụ và quyền hạn của giảng viên
1. Nhiệm vụ của giảng viên
a) Thực hiện định mức giờ chuẩn giảng dạy 270 giờ trong một năm học.
b) Tích cực đổi mới phương pháp giảng dạy.
2. Quyền hạn của giảng viên: Được bồi dưỡng chuyên môn, nghiệp vụ.
Điều 10. Nhiệm vụ và quyền hạn của học viên
- Thực hiện kế hoạch, chương trình bồi dưỡng theo thời gian quy định.
- Được cung cấp tài liệu phục vụ việc học tập.
Điều 12. Tổ chức thực hiện
1. Cấp ủy cấp xã nơi có trụ sở Trung tâm trực tiếp lãnh đạo việc bồi dưỡng của Trung tâm.
"""


def test_the_duties_and_rights_of_lecturers_and_learners_are_rules() -> None:
	titles = [task.title for task in _tasks(_REGULATION)]
	assert not any(
		title.startswith(("Thực hiện định mức", "Tích cực", "Được", "Thực hiện kế hoạch")) for title in titles
	)


def test_a_defined_short_name_acts_and_a_place_is_part_of_a_name() -> None:
	tasks = _tasks(_REGULATION)
	plan = next(task for task in tasks if "xây dựng kế hoạch mở lớp" in task.clause)
	assert plan.presiding == ["Trung tâm"]
	survey = next(task for task in tasks if "lấy ý kiến của học viên" in task.clause)
	assert survey.presiding == ["Trung tâm"]
	assert survey.deadline.recurrence == "yearly"
	lead = next(task for task in tasks if "trực tiếp lãnh đạo" in task.clause)
	assert lead.presiding == ["Cấp ủy cấp xã nơi có trụ sở Trung tâm"]


def test_the_day_a_figure_is_counted_to_is_no_deadline() -> None:
	from danvan_app.domain.deadline_phrases import parse_deadline

	assert (
		parse_deadline("Giải ngân vốn tính đến hết ngày 30 tháng 9 năm 2025 đạt 65% kế hoạch").kind == "none"
	)
	assert parse_deadline("Sở Tài chính báo cáo Ủy ban nhân dân tỉnh trước ngày 30/9/2025.").kind == "before"
	assert parse_deadline("gửi Ủy ban nhân dân tỉnh đến hết ngày 30/9/2025").due == date(2025, 9, 30)


def test_lowercase_ministries_are_bodies() -> None:
	from danvan_app.domain.actor_phrases import extract_units

	assert extract_units("Các bộ, cơ quan ngang bộ rà soát văn bản quy phạm pháp luật.")[0] == [
		"bộ, cơ quan ngang bộ"
	]
	assert extract_units("Các Bộ, cơ quan liên quan nghiên cứu kiến nghị của tỉnh.")[0] == [
		"Bộ, cơ quan liên quan"
	]


_STEPS_UNDER_A_TIME_FIELD = """ỦY BAN NHÂN DÂN TỈNH BÌNH MINH
Số: 23/KH-UBND
Bình Minh, ngày 07 tháng 11 năm 2025
KẾ HOẠCH
Thi hành Luật Lưu trữ
II. NHIỆM VỤ
1. Rà soát văn bản
- Nội dung: rà soát các văn bản quy phạm pháp luật có liên quan đến Luật.
- Cơ quan thực hiện: Sở Nội vụ, các sở, ngành.
- Thời gian thực hiện:
+ Các sở, ngành gửi kết quả rà soát về Sở Nội vụ trước ngày 15 tháng 12 năm 2025.
+ Sở Nội vụ tổng hợp kết quả rà soát, báo cáo Ủy ban nhân dân tỉnh trước ngày 31 tháng 12 năm 2025.
"""


def test_a_step_under_a_time_field_naming_some_of_its_bodies_is_theirs() -> None:
	tasks = _tasks(_STEPS_UNDER_A_TIME_FIELD)
	send = next(task for task in tasks if "gửi kết quả rà soát" in task.clause)
	sum_up = next(task for task in tasks if "tổng hợp kết quả rà soát" in task.clause)
	assert send.presiding == ["sở, ngành"]
	assert sum_up.presiding == ["Sở Nội vụ"]
	assert sum_up.deadline.due == date(2025, 12, 31)


_REQUESTS = """VĂN PHÒNG CHÍNH PHỦ
Số: 700/TB-VPCP
Hà Nội, ngày 20 tháng 11 năm 2025
THÔNG BÁO
Kết luận của Phó Thủ tướng tại buổi làm việc với lãnh đạo tỉnh Bình Minh
Sau khi nghe báo cáo, Phó Thủ tướng kết luận như sau:
I. ĐÁNH GIÁ CHUNG
Giải ngân vốn đầu tư công tính đến hết ngày 31 tháng 10 năm 2025 đạt 70% kế hoạch, theo báo cáo của Bộ Tài chính.
II. VỀ MỘT SỐ KIẾN NGHỊ CỦA TỈNH
1. Về kiến nghị hoàn thiện các quy định về phân cấp, phân quyền cho chính quyền cấp cơ sở, sửa đổi các mẫu đơn, \
tờ khai điện tử trên Cổng dịch vụ công quốc gia, sớm ban hành quy định định mức phân bổ vốn giai đoạn 2026-2030 \
cho các địa phương miền núi có nhiều xã đặc biệt khó khăn:
Các Bộ, cơ quan liên quan theo chức năng nhiệm vụ được giao nghiên cứu kỹ nội dung kiến nghị của tỉnh để xem xét, \
xử lý theo thẩm quyền.
"""


def test_a_request_under_a_long_topic_keeps_its_bodies_and_no_figure_is_a_task() -> None:
	tasks = _tasks(_REQUESTS)
	assert not any("Giải ngân" in task.title for task in tasks)
	request = next(task for task in tasks if "nghiên cứu kỹ nội dung kiến nghị" in task.clause)
	assert request.presiding == ["Bộ, cơ quan liên quan"]
	assert request.deadline.kind == "none"


_KIND_OF_ACTOR = """ỦY BAN NHÂN DÂN TỈNH BÌNH MINH
Số: 08/CT-UBND
Bình Minh, ngày 12 tháng 11 năm 2025
CHỈ THỊ
Về tăng cường bảo vệ rừng

Thời gian qua, tình trạng lấn chiếm đất lâm nghiệp còn diễn ra ở nhiều nơi. Để nâng cao hiệu quả công tác
quản lý, bảo vệ rừng trên địa bàn tỉnh, Ủy ban nhân dân tỉnh yêu cầu:
1. Ủy ban nhân dân các xã, phường
- Chủ trì kiểm tra diện tích rừng bị lấn chiếm trên địa bàn.
2. Các chủ rừng là tổ chức (các Ban quản lý rừng phòng hộ, các Công ty lâm nghiệp…)
- Rà soát toàn bộ diện tích đất lâm nghiệp được giao, cắm mốc ranh giới.
"""


def test_a_kind_of_actor_over_its_members_in_brackets_heads_its_points() -> None:
	tasks = _tasks(_KIND_OF_ACTOR)
	survey = next(task for task in tasks if "cắm mốc ranh giới" in task.clause)
	assert survey.presiding == ["Các chủ rừng là tổ chức"]


def test_bodies_concerned_are_one_name_with_their_qualifier() -> None:
	from danvan_app.domain.actor_phrases import extract_units

	presiding, _ = extract_units("Các sở, ngành và các cơ quan, tổ chức có liên quan xây dựng kế hoạch.")
	assert presiding == ["sở, ngành", "cơ quan", "tổ chức có liên quan"]
	assert extract_units("Sở Nội vụ tổ chức có hiệu quả hội nghị.")[0] == ["Sở Nội vụ"]


_CASE_ACTS = """BAN TUYÊN GIÁO TỈNH ỦY BÌNH MINH
Số: 13-QĐ/BTGTU
Bình Minh, ngày 11 tháng 11 năm 2025
QUYẾT ĐỊNH
Ban hành Quy chế bồi dưỡng
Điều 1. Ban hành kèm theo Quyết định này Quy chế bồi dưỡng.
QUY CHẾ
Điều 6. Phúc tra kết quả đánh giá
1. Giám đốc Trung tâm bồi dưỡng quyết định tổ chức chấm phúc tra khi học viên có đơn đề nghị.
Điều 7. Thu hồi, hủy bỏ, cấp lại giấy chứng nhận
1. Giám đốc Trung tâm bồi dưỡng ra quyết định thu hồi giấy chứng nhận cấp sai quy định.
Điều 8. Chế độ báo cáo
1. Trung tâm bồi dưỡng báo cáo Ban Tuyên giáo Tỉnh ủy kết quả bồi dưỡng trước ngày 15 tháng 12 hằng năm.
"""


def test_acts_done_on_each_case_are_rules_and_the_yearly_report_is_a_task() -> None:
	tasks = _tasks(_CASE_ACTS)
	assert not any("phúc tra" in task.clause or "thu hồi" in task.clause for task in tasks)
	report = next(task for task in tasks if "kết quả bồi dưỡng" in task.clause)
	assert report.deadline.recurrence == "yearly" and report.deadline.month == 12


def test_a_month_or_day_before_the_actor_opens_the_sentence_as_a_time() -> None:
	from danvan_app.domain.actor_phrases import extract_units

	assert extract_units("Tháng 11 hằng năm, Sở Nội vụ có văn bản báo cáo Ủy ban nhân dân tỉnh.")[0] == [
		"Sở Nội vụ"
	]
	assert extract_units("Ngày 15 hằng tháng, các sở, ngành gửi báo cáo về Sở Tài chính.")[0] == ["sở, ngành"]


def test_the_merged_party_board_of_propaganda_and_mass_mobilisation_is_one_body() -> None:
	from danvan_app.domain.actor_phrases import extract_units

	presiding, coordinating = extract_units(
		"Ban Tuyên giáo và Dân vận Tỉnh ủy chủ trì, phối hợp với Ủy ban MTTQ tỉnh tổ chức hội nghị."
	)
	assert presiding == ["Ban Tuyên giáo và Dân vận Tỉnh ủy"]
	assert coordinating == ["Ủy ban MTTQ tỉnh"]


_ACCOUNTABILITY_THEN_DUTY = """THỦ TƯỚNG CHÍNH PHỦ
Số: 1200/QĐ-TTg
Hà Nội, ngày 14 tháng 11 năm 2025
QUYẾT ĐỊNH
Ban hành Kế hoạch triển khai thi hành Luật Lưu trữ
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch triển khai thi hành Luật Lưu trữ.
KẾ HOẠCH
I. NHIỆM VỤ
1. Tổ chức tập huấn Luật cho cán bộ làm công tác lưu trữ.
Cơ quan chủ trì: Bộ Nội vụ.
Thời gian thực hiện: Năm 2026.
II. TỔ CHỨC THỰC HIỆN
1. Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân các tỉnh chịu trách nhiệm thực hiện Kế hoạch này.
Căn cứ nội dung Kế hoạch này, các bộ, cơ quan ngang bộ và Ủy ban nhân dân các tỉnh xây dựng kế hoạch chi tiết triển khai thi hành Luật.
"""


def test_a_duty_after_the_accountability_paragraph_is_its_own_bodies() -> None:
	tasks = _tasks(_ACCOUNTABILITY_THEN_DUTY)
	plan = next(task for task in tasks if "kế hoạch chi tiết" in task.clause)
	assert "chịu trách nhiệm thực hiện" not in plan.clause
	assert plan.presiding == ["bộ, cơ quan ngang bộ", "Ủy ban nhân dân các tỉnh"]


def test_the_union_of_science_associations_and_state_groups_are_bodies() -> None:
	from danvan_app.domain.actor_phrases import extract_units

	assert extract_units(
		"Liên hiệp các hội Khoa học và Kỹ thuật tỉnh có trách nhiệm tổ chức phản biện xã hội."
	)[0] == ["Liên hiệp các hội Khoa học và Kỹ thuật tỉnh"]
	assert extract_units("Giao Tập đoàn Điện lực Việt Nam làm việc với tỉnh về cấp điện.")[0] == [
		"Tập đoàn Điện lực Việt Nam"
	]
	assert extract_units("Tổng công ty Điện lực miền Bắc chủ trì cấp điện cho các xã.")[0] == [
		"Tổng công ty Điện lực miền Bắc"
	]
