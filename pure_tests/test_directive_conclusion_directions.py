"""Issue 15, thirteenth round: classes of the tenth held-out set (moved to the development set once scored).

Each test writes a fragment in the shape of a class of Vietnamese texts (a conclusion notice's numbered
directions, an appendix's quarter written "Quí", a request headed "Đề nghị:", a yearly report due on two days, a
notice's closing formula); none is copied from a corpus text.
"""

from __future__ import annotations

import pytest

from danvan_app.domain.deadline_phrases import parse_deadline
from danvan_app.domain.directive_text import parse_directive_text

_CONCLUSION = """VĂN PHÒNG TRUNG ƯƠNG
Số: 12-KL/VP
Hà Nội, ngày 02 tháng 12 năm 2025
KẾT LUẬN
của đồng chí Chánh Văn phòng tại hội nghị công tác văn phòng
Hội nghị đã đánh giá kết quả công tác văn phòng trong năm qua.
Thời gian tới, để hoàn thành tốt nhiệm vụ được giao, Văn phòng Trung ương và các văn phòng tỉnh uỷ, thành uỷ cần tập trung một số nhiệm vụ trọng tâm sau:
(1) Nâng cao chất lượng công tác tham mưu, tổng hợp phục vụ sự lãnh đạo của cấp uỷ.
(2) Đẩy mạnh ứng dụng công nghệ thông tin trong công tác lưu trữ hồ sơ, tài liệu.
Văn phòng Trung ương xin thông báo để các cơ quan có liên quan biết, thực hiện.
"""


def test_numbered_directions_in_brackets_are_duties_of_the_body_the_lead_sentence_names() -> None:
	tasks = parse_directive_text(_CONCLUSION).tasks
	assert [task.title[:30] for task in tasks] == [
		"Nâng cao chất lượng công tác t",
		"Đẩy mạnh ứng dụng công nghệ th",
	]
	for task in tasks:
		assert task.presiding == ["Văn phòng Trung ương", "văn phòng tỉnh uỷ", "thành uỷ"]


def test_a_notices_closing_formula_is_not_a_body_given_the_last_direction() -> None:
	last = parse_directive_text(_CONCLUSION).tasks[-1]
	assert "xin thông báo" not in last.clause
	assert not any("xin" in name for name in last.presiding)


def test_a_forms_numbered_notes_in_brackets_are_not_directions() -> None:
	# notes of a form appended to the directions, numbered on: short lines without a sentence's end
	form = "(3) Ví dụ về phương pháp dạy học\n(4) Ví dụ về thời gian giảng\n"
	text = _CONCLUSION.replace("Văn phòng Trung ương xin", form + "Văn phòng Trung ương xin")
	titles = [task.title for task in parse_directive_text(text).tasks]
	assert len(titles) == 2
	assert not any("Ví dụ" in title for title in titles)


def test_a_lead_sentence_in_which_a_body_asks_names_the_issuer_not_the_performer() -> None:
	text = (
		"CHỈ THỊ\nVề công tác dân vận\nBan Thường vụ Tỉnh ủy yêu cầu các cấp ủy cần thực hiện tốt các nhiệm vụ sau:\n"
		"(1) Tăng cường công tác dân vận của chính quyền các cấp.\n"
	)
	tasks = parse_directive_text(text).tasks
	assert all("Ban Thường vụ Tỉnh ủy" not in task.presiding for task in tasks)


# Prose hard-wrapped as a web page's text is, so the table is read one cell a line.
_WRAPPED_TAIL = (
	"và các dòng khác của văn bản được viết tiếp theo\nmà không có dấu câu ở cuối\n"
	"để văn bản trông như bị ngắt dòng\nkhi chuyển từ trang web\nsang văn bản thuần\n"
)


def test_an_appendix_row_timed_with_the_old_spelling_of_a_quarter_is_due_that_quarter() -> None:
	text = (
		"KẾ HOẠCH\nChuyển đổi số\n\nPHỤ LỤC\n\n|\nTT\n|\nTên nhiệm vụ\n|\nCơ quan chủ trì\n|\nCơ quan phối hợp\n|\n"
		"Thời gian hoàn thành\n|\n|\n1\n|\nXây dựng bộ tiêu chí đánh giá mức độ chuyển đổi số.\n|\nSở Tài chính\n|\n"
		"Các sở, ban, ngành tỉnh\n|\nQuí IV-2025\n|\n|\n2\n|\nTổ chức hội nghị tập huấn cho doanh nghiệp.\n|\n"
		"Sở Công Thương\n|\nUBND các xã, phường\n|\nQuý I/2026\n|\n" + _WRAPPED_TAIL
	)
	tasks = [task.to_json_dict() for task in parse_directive_text(text).tasks]
	assert [(task["presiding"], task["coordinating"], task["deadline"]["due"]) for task in tasks] == [
		(["Sở Tài chính"], ["sở, ban, ngành tỉnh"], "2025-12-31"),
		(["Sở Công Thương"], ["UBND các xã, phường"], "2026-03-31"),
	]
	assert {task["deadline"]["kind"] for task in tasks} == {"quarter"}


def test_a_request_headed_de_nghi_with_a_colon_names_the_associations_after_it() -> None:
	text = (
		"KẾ HOẠCH\nHỗ trợ doanh nghiệp\nIII. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính\nBố trí kinh phí thực hiện Kế hoạch.\n"
		"2. Đề nghị: Hiệp hội Doanh nghiệp tỉnh, Hội Nông dân tỉnh, Liên minh Hợp tác xã tỉnh\n"
		"a) Tuyên truyền, vận động hội viên tham gia các hoạt động chuyển đổi số.\n"
	)
	task = next(task for task in parse_directive_text(text).tasks if "hội viên" in task.title)
	assert task.presiding == ["Hiệp hội Doanh nghiệp tỉnh", "Hội Nông dân tỉnh", "Liên minh Hợp tác xã tỉnh"]


@pytest.mark.parametrize(
	("phrase", "month"),
	[
		("định kỳ trước ngày 01/6 và 15/11 hằng năm báo cáo kết quả", 6),
		("trước ngày 20/6, 10/12 hằng năm gửi báo cáo", 6),
		("trước ngày 15/11 hằng năm báo cáo", 11),
	],
)
def test_a_report_due_on_days_listed_before_hang_nam_is_yearly(phrase: str, month: int) -> None:
	deadline = parse_deadline(phrase)
	assert (deadline.kind, deadline.recurrence, deadline.month) == ("recurring", "yearly", month)


def test_the_old_spelling_qui_of_a_quarter_reads_as_the_quarter() -> None:
	deadline = parse_deadline("hoàn thành trong Quí II/2026")
	assert (deadline.kind, deadline.due.isoformat()) == ("quarter", "2026-06-30")


def test_the_next_numbered_part_of_a_conclusion_ends_its_bracketed_directions() -> None:
	text = _CONCLUSION.replace(
		"Văn phòng Trung ương xin",
		"3. Về các kiến nghị, đề xuất\nNhững kiến nghị của các tỉnh sẽ được nghiên cứu, giải quyết kịp thời.\n"
		"Văn phòng Trung ương xin",
	)
	last = parse_directive_text(text).tasks[1]
	assert last.title.startswith("Đẩy mạnh ứng dụng")
	assert "kiến nghị" not in last.clause
