"""Issue 15, ninth round: classes of the sixth held-out set (moved to the development set once scored).

Each test writes a fragment in the shape of a class of Vietnamese administrative letters (a Công văn whose scrape
starts at "Kính gửi", numbered points over paragraphs addressed to bodies); none is copied from a corpus text.
"""

from __future__ import annotations

from danvan_app.domain.directive_text import parse_directive_text
from danvan_app.domain.directive_text.layout import _joins

_LETTER = """Kính gửi:
- Các sở, ban, ngành tỉnh;
- Ủy ban nhân dân các xã, phường.
Căn cứ Kế hoạch số 21-KH/TU ngày 03 tháng 11 năm 2025 của Ban Thường vụ Tỉnh ủy về tổng kết công tác năm;
Theo đề nghị của Sở Nội vụ tại Tờ trình số 77/TTr-SNV ngày 04 tháng 11 năm 2025;
Chủ tịch Ủy ban nhân dân tỉnh có ý kiến chỉ đạo như sau:
1. Về tổng kết công tác năm 2025 của các cơ quan, đơn vị
Đề nghị các sở, ban, ngành tỉnh; Ủy ban nhân dân các xã, phường: tổ chức tổng kết công tác năm 2025 theo Kế
hoạch số 21-KH/TU và hoàn thành trước ngày 20 tháng 12 năm 2025.
Một số vấn đề lưu ý:
(1) Sở Tài chính hướng dẫn các cơ quan, đơn vị quyết toán kinh phí năm 2025.
(2) Các cơ quan, đơn vị gửi báo cáo tổng kết về Sở Nội vụ trước ngày 25 tháng 12 năm 2025.
2. Về nội dung tổng kết
2.1. Nội dung chung
a) Về đánh giá kết quả:
Thực hiện theo Mục II Kế hoạch số 21-KH/TU.
b) Về khen thưởng: thực hiện tương tự như khoản 3 Mục III Hướng dẫn số 05-HD/BTCTU.
3. Giao Sở Nội vụ
- Tổng hợp kết quả tổng kết, báo cáo Ủy ban nhân dân tỉnh trước ngày 31 tháng 12 năm 2025.
"""


def _tasks(text: str):
	parse = parse_directive_text(text)
	assert parse.is_directive
	return parse.tasks


def test_a_letter_that_opens_with_its_addressees_and_directs_as_follows_is_read() -> None:
	tasks = _tasks(_LETTER)
	titles = [task.title for task in tasks]
	assert any(title.startswith("Sở Tài chính hướng dẫn") for title in titles)
	reports = next(task for task in tasks if task.title.startswith("Các cơ quan, đơn vị gửi báo cáo"))
	assert reports.deadline.kind == "before" and str(reports.deadline.due) == "2025-12-25"
	first = next(task for task in tasks if task.title.startswith("Tổ chức tổng kết"))
	assert first.presiding == ["sở, ban, ngành tỉnh", "Ủy ban nhân dân các xã, phường"]
	assert first.deadline.kind == "before" and str(first.deadline.due) == "2025-12-20"
	assert "Sở Tài chính" in next(task for task in tasks if task.title.startswith("Sở Tài chính")).presiding


def test_a_topic_title_is_no_task_and_the_intro_to_notes_is_none() -> None:
	titles = [task.title for task in _tasks(_LETTER)]
	assert not any(title.startswith("Về ") for title in titles)
	assert not any(title.startswith("Một số vấn đề lưu ý") for title in titles)


def test_a_point_that_sends_to_another_texts_section_is_no_task() -> None:
	titles = [task.title for task in _tasks(_LETTER)]
	assert not any("Thực hiện theo Mục II" in title for title in titles)
	assert not any("thực hiện tương tự như khoản 3" in title for title in titles)
	assert not any(title.startswith("HD/") for title in titles)
	closing = next(task for task in _tasks(_LETTER) if task.title.startswith("Tổng hợp kết quả tổng kết"))
	assert closing.presiding == ["Sở Nội vụ"]
	assert str(closing.deadline.due) == "2025-12-31"


def test_a_document_number_wrapped_onto_the_next_line_is_joined() -> None:
	assert _joins("… thực hiện theo Hướng dẫn số", "01-HD/BTCTU.")
	assert _joins("… theo Kế hoạch số", "13-KH/TU).")
	assert not _joins("… theo Kế hoạch số 13-KH/TU.", "02-HD/BTCTU quy định …")
	assert not _joins("Ủy ban nhân dân tỉnh", "NGHỊ QUYẾT")


_GUIDANCE = """ỦY BAN MTTQ VIỆT NAM XÃ Y
Số: 07/HD-MTTQ
Y, ngày 10 tháng 12 năm 2025
HƯỚNG DẪN
Tổ chức hội nghị cử tri ở thôn
Ban Thường trực Ủy ban MTTQ Việt Nam xã hướng dẫn về nội dung, trình tự tổ chức hội nghị như sau:
1. Mục đích
- Bảo đảm hội nghị cử tri diễn ra dân chủ, đúng quy định của pháp luật.
- Thực hiện đúng số lượng người được giới thiệu đã phân bổ.
2. Yêu cầu
- Ban Thường trực Ủy ban MTTQ Việt Nam xã có trách nhiệm kiểm tra, tổng hợp và báo cáo kết quả.
3. Xác định thành phần như sau:
3.1. Chi bộ thôn: Thành phần dự hội nghị gồm Bí thư chi bộ và Trưởng thôn.
3.2. Ban công tác Mặt trận: Thành phần dự hội nghị gồm toàn thể thành viên Ban.
PHỤ LỤC
Bước 1: Hội nghị cử tri thôn
- Chủ trì: Trưởng Ban công tác Mặt trận.
- Nội dung:
+ Giới thiệu danh sách dự kiến.
+ Biểu quyết tín nhiệm.
- Biểu mẫu: Lập Biên bản theo Mẫu số 02.
"""


def test_a_guidances_purpose_and_the_composition_of_meetings_are_no_tasks() -> None:
	tasks = _tasks(_GUIDANCE)
	titles = [task.title for task in tasks]
	assert not any(title.startswith(("Bảo đảm hội nghị", "Thực hiện đúng số lượng")) for title in titles)
	assert not any("Thành phần dự hội nghị" in title for title in titles)
	duty = next(task for task in tasks if "kiểm tra, tổng hợp" in task.title)
	assert duty.presiding == ["Ban Thường trực Ủy ban MTTQ Việt Nam xã"]


def test_a_bulleted_content_label_in_an_appendix_step_opens_no_tasks_part() -> None:
	titles = [task.title for task in _tasks(_GUIDANCE)]
	assert not any(
		title.startswith(("Giới thiệu danh sách dự kiến", "Biểu quyết tín nhiệm")) for title in titles
	)


_ACTIVITIES = """ỦY BAN NHÂN DÂN TỈNH Z
Số: 90/KH-UBND
Z, ngày 03 tháng 11 năm 2025
KẾ HOẠCH
Tổ chức Tháng hành động vì trẻ em năm 2025
I. MỤC ĐÍCH, YÊU CẦU
1. Bảo đảm các hoạt động thiết thực, hiệu quả.
II. NỘI DUNG HOẠT ĐỘNG
1. Nâng cao nhận thức của chính quyền các cấp, các ngành, các tổ chức, gia đình và người dân về quyền trẻ em, trách nhiệm bảo vệ trẻ em và phòng ngừa xâm hại trẻ em trong gia đình, nhà trường và cộng đồng dân cư
a) Hoạt động 1
- Nội dung: Tổ chức lễ phát động Tháng hành động vì trẻ em cấp tỉnh.
- Cơ quan thực hiện: Sở Nội vụ chủ trì, phối hợp với các sở, ban, ngành tỉnh.
b) Hoạt động 2
- Nội dung: Tuyên truyền về quyền trẻ em trên báo, đài.
- Cơ quan thực hiện: Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với Báo Z.
"""


def test_an_objectives_labelled_activities_are_each_a_task_of_their_executing_body() -> None:
	tasks = _tasks(_ACTIVITIES)
	launch = next(task for task in tasks if "lễ phát động" in task.title)
	assert launch.presiding == ["Sở Nội vụ"]
	media = next(task for task in tasks if "quyền trẻ em trên báo" in task.title)
	assert media.presiding == ["Sở Văn hóa, Thể thao và Du lịch"]
	assert not any(task.title.startswith("Nâng cao nhận thức") for task in tasks)


def test_commune_people_committees_listed_with_and_and_public_service_units_are_bodies() -> None:
	from danvan_app.domain.actor_phrases import extract_units

	assert extract_units("Chủ tịch Ủy ban nhân dân xã, phường và đặc khu xem xét, quyết định đánh giá.")[
		0
	] == ["Chủ tịch Ủy ban nhân dân xã, phường và đặc khu"]
	assert extract_units("Các đơn vị sự nghiệp công lập trực thuộc Sở Y tế tổ chức tập huấn.")[0] == [
		"đơn vị sự nghiệp công lập trực thuộc Sở Y tế"
	]
	assert extract_units("Sở Nội vụ lập danh sách cán bộ.")[0] == ["Sở Nội vụ"]


def test_an_executing_body_field_written_as_bullets_gives_the_first_bullets_body() -> None:
	text = _ACTIVITIES.replace(
		"- Cơ quan thực hiện: Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với Báo Z.",
		"- Cơ quan thực hiện:\n+ Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với Báo Z.\n"
		"+ Sở Xây dựng đăng tải thông điệp trên bảng điện tử công cộng.",
	)
	media = next(task for task in _tasks(text) if "quyền trẻ em trên báo" in task.title)
	assert media.presiding == ["Sở Văn hóa, Thể thao và Du lịch"]


def test_a_labelled_loose_line_sending_records_by_a_date_is_its_named_senders_duty() -> None:
	text = (
		_GUIDANCE
		+ """Phần 2. Gửi biên bản
1. Biên bản hội nghị: Các cơ quan, đơn vị gửi toàn bộ biên bản về Ban Thường trực Ủy ban MTTQ xã chậm nhất ngày 25/01/2026.
"""
	)
	sending = next(task for task in _tasks(text) if "gửi toàn bộ biên bản" in task.clause)
	assert sending.presiding == ["cơ quan", "đơn vị"]
	assert sending.deadline.kind == "before" and str(sending.deadline.due) == "2026-01-25"


def test_the_plans_time_span_is_no_task_and_the_duty_below_it_keeps_its_own_time() -> None:
	text = _GUIDANCE.replace(
		"PHỤ LỤC",
		"4. Thời gian thực hiện: Từ ngày 15/12/2025 đến ngày 20/01/2026.\n"
		"Biên bản hội nghị cử tri phải gửi về Ban Thường trực Ủy ban MTTQ xã chậm nhất ngày 25/01/2026.\nPHỤ LỤC",
	)
	tasks = _tasks(text)
	assert not any(task.title.startswith(("Thời gian thực hiện", "Từ ngày 15/12/2025")) for task in tasks)
	records = next(task for task in tasks if task.title.startswith("Biên bản hội nghị cử tri"))
	assert records.deadline.kind == "before" and str(records.deadline.due) == "2026-01-25"


def test_points_lettered_with_a_full_stop_are_points() -> None:
	text = """ỦY BAN NHÂN DÂN XÃ Y
Số: 08/KH-UBND
Y, ngày 12 tháng 12 năm 2025
KẾ HOẠCH
Tuyên truyền bầu cử
I. TỔ CHỨC THỰC HIỆN
1. Phân công nhiệm vụ
a. Ban Thường trực Ủy ban MTTQ Việt Nam xã in ấn tài liệu tuyên truyền về bầu cử.
b. Công an xã bảo đảm an ninh, trật tự tại các điểm bỏ phiếu.
"""
	tasks = _tasks(text)
	assert len(tasks) == 2
	assert tasks[1].presiding == ["Công an xã"]


def test_a_letter_and_full_stop_before_a_capital_is_a_marker_but_not_before_lowercase() -> None:
	from danvan_app.domain.directive_text.structure import _ITEM_MARKER

	assert _ITEM_MARKER.match("c. Báo cáo tình hình và kết quả tiếp xúc cử tri").group("letter") == "c"
	assert _ITEM_MARKER.match("đ. Đề nghị Ủy ban MTTQ xã giám sát").group("letter") == "đ"
	assert _ITEM_MARKER.match("v.v. và các nội dung khác") is None
	assert _ITEM_MARKER.match("a. các nội dung khác") is None
