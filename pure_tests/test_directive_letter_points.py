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
