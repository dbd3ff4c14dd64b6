"""directive_text on texts it was not developed on (issue 15): one task per obligation, wherever it stands.

Each test is a class of writing, shown by realistic fragments of Party and State documents: several timed
duties in one clause, recurring duties outside the implementation part, months in words and yearly meetings,
loose periods, State documents in chapters and articles with requests and appendix tables, titles over narrative
and generic exhortations. Expectations were written from reading the fragments, not from the parser's output.
"""

from __future__ import annotations

from datetime import date

import pytest

from danvan_app.domain.deadline_phrases import Deadline, is_per_case_limit, parse_deadline
from danvan_app.domain.directive_text import parse_directive_text

PARTY_HEAD = """TỈNH ỦY BẮC GIANG
Số 25-NQ/TU
Bắc Giang, ngày 10 tháng 3 năm 2023

NGHỊ QUYẾT
của Ban Chấp hành Đảng bộ tỉnh
về tăng cường công tác dân vận trong tình hình mới

"""
SIGNATURE = "\nNơi nhận:\n- Ban Dân vận Trung ương,\nT/M TỈNH ỦY\n"


def _tasks(body: str) -> list[dict]:
	result = parse_directive_text(PARTY_HEAD + body + SIGNATURE)
	assert result.is_directive
	return [task.to_json_dict() for task in result.tasks]


def _brief(task: dict) -> tuple:
	deadline = task["deadline"]
	return (task["presiding"], deadline["kind"], deadline["due"], deadline["recurrence"], deadline["month"])


# --- 1. several obligations in one numbered clause -------------------------------------------------------


def test_each_timed_duty_of_a_clause_is_its_own_task_with_the_clauses_bodies() -> None:
	tasks = _tasks(
		"II. TỔ CHỨC THỰC HIỆN\n"
		"1. Ban Dân vận Tỉnh ủy chủ trì, phối hợp với Ban Tuyên giáo Tỉnh ủy tham mưu tổ chức hội nghị sơ kết "
		"giữa nhiệm kỳ; hướng dẫn báo cáo định kỳ 6 tháng; tổng hợp, báo cáo kết quả với Ban Thường vụ Tỉnh ủy "
		"trước ngày 15/12 hằng năm; tham mưu tổng kết vào quý IV/2025.\n"
	)
	assert [task["title"] for task in tasks] == [
		"Ban Dân vận Tỉnh ủy chủ trì, phối hợp với Ban Tuyên giáo Tỉnh ủy tham mưu tổ chức hội nghị sơ kết "
		"giữa nhiệm kỳ",
		"Hướng dẫn báo cáo định kỳ 6 tháng",
		"Tổng hợp, báo cáo kết quả với Ban Thường vụ Tỉnh ủy trước ngày 15/12 hằng năm",
		"Tham mưu tổng kết vào quý IV/2025",
	]
	bdv = ["Ban Dân vận Tỉnh ủy"]
	assert [_brief(task) for task in tasks] == [
		(bdv, "none", None, None, None),
		(bdv, "recurring", None, "half_yearly", None),
		(bdv, "recurring", None, "yearly", 12),
		(bdv, "quarter", "2025-12-31", None, None),
	]
	assert all(task["coordinating"] == ["Ban Tuyên giáo Tỉnh ủy"] for task in tasks)
	assert tasks[3]["clause"] == "tham mưu tổng kết vào quý IV/2025."  # its own clause text


def test_a_duty_that_names_its_own_body_keeps_it() -> None:
	tasks = _tasks(
		"II. TỔ CHỨC THỰC HIỆN\n"
		"1. Ban Tổ chức Tỉnh ủy hướng dẫn kiện toàn tổ chức bộ máy trong quý II/2024. Văn phòng Tỉnh ủy bảo đảm "
		"kinh phí, hoàn thành trước ngày 30/6/2024.\n"
	)
	assert [_brief(task) for task in tasks] == [
		(["Ban Tổ chức Tỉnh ủy"], "quarter", "2024-06-30", None, None),
		(["Văn phòng Tỉnh ủy"], "before", "2024-06-30", None, None),
	]


def test_a_clause_with_one_time_stays_one_task() -> None:
	tasks = _tasks(
		"II. TỔ CHỨC THỰC HIỆN\n"
		"1. Ban cán sự đảng Ủy ban nhân dân tỉnh lãnh đạo chỉ đạo các sở, ban, ngành; Ủy ban nhân dân các "
		"huyện căn cứ chức năng, nhiệm vụ hằng năm xây dựng kế hoạch thực hiện.\n"
	)
	assert len(tasks) == 1
	assert _brief(tasks[0]) == (["Ban cán sự đảng Ủy ban nhân dân tỉnh"], "recurring", None, "yearly", None)


def test_an_untimed_duty_then_a_duty_opening_with_its_own_time_are_two_tasks() -> None:
	tasks = _tasks(
		"II. TỔ CHỨC THỰC HIỆN\n"
		"1. Ban Dân vận Huyện ủy chủ trì, phối hợp với Văn phòng Huyện ủy theo dõi, đôn đốc việc thực hiện Nghị "
		"quyết; định kỳ 6 tháng tổng hợp, báo cáo Ban Thường vụ Huyện ủy.\n"
		"2. Ủy ban nhân dân huyện xây dựng kế hoạch thực hiện Nghị quyết; hoàn thành trước ngày 30/6/2023.\n"
	)
	bdv = ["Ban Dân vận Huyện ủy"]
	assert [_brief(task) for task in tasks] == [
		(bdv, "none", None, None, None),  # the follow-up has no time of its own: not the report's
		(bdv, "recurring", None, "half_yearly", None),
		# a bare completion time after ";" is the duty's own: one task
		(["Ủy ban nhân dân huyện"], "before", "2023-06-30", None, None),
	]
	assert tasks[1]["title"] == "Định kỳ 6 tháng tổng hợp, báo cáo Ban Thường vụ Huyện ủy"
	assert tasks[1]["coordinating"] == ["Văn phòng Huyện ủy"]


def test_duties_of_office_holders_are_carried_by_the_holder_as_written() -> None:
	tasks = _tasks(
		"IV. TỔ CHỨC THỰC HIỆN\n"
		"1. Đồng chí Phó Chủ tịch UBND xã - Trưởng Tiểu ban: Phụ trách chung; chủ động kiểm tra, đôn đốc các "
		"thành viên thực hiện nhiệm vụ được giao.\n"
		"2. Đồng chí Trưởng phòng Văn hóa - Xã hội - Phó Trưởng tiểu ban: Trực tiếp chỉ đạo chuẩn bị các nội "
		"dung trang trí, khánh tiết, phối hợp với Trung tâm phục vụ hành chính công.\n"
	)
	assert [task["presiding"] for task in tasks] == [
		["Phó Chủ tịch UBND xã - Trưởng Tiểu ban"],
		["Trưởng phòng Văn hóa - Xã hội - Phó Trưởng tiểu ban"],
	]
	assert tasks[1]["title"].startswith("Trực tiếp chỉ đạo chuẩn bị")


@pytest.mark.parametrize(
	("phrase", "month"),
	[
		(
			"Hằng năm, cấp ủy tổ chức gặp mặt vào dịp kỷ niệm ngày truyền thống công tác dân vận (15/10/1930).",
			10,
		),
		("Hằng năm, vào dịp kỷ niệm ngày thành lập Mặt trận (18/11) tổ chức Ngày hội Đại đoàn kết.", 11),
		("Hằng năm tổ chức tuyên dương điển hình vào dịp cuối năm.", None),  # no date: no month invented
	],
)
def test_a_yearly_duty_on_a_dated_occasion_is_due_that_month(phrase: str, month: int | None) -> None:
	deadline = parse_deadline(phrase)
	assert (deadline.kind, deadline.recurrence, deadline.month) == ("recurring", "yearly", month)


# --- 2. recurring duties outside the implementation part -------------------------------------------------


def test_recurring_duties_in_the_tasks_part_get_their_own_actor_not_the_heading() -> None:
	tasks = _tasks(
		"I. NHIỆM VỤ, GIẢI PHÁP\n"
		"1- Nâng cao hiệu quả thực hiện dân chủ ở cơ sở\n"
		"Dân chủ ở cơ sở có vai trò quan trọng trong việc phát huy quyền làm chủ của Nhân dân.\n"
		"Định kỳ 6 tháng, các sở, ngành báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh.\n"
	)
	assert len(tasks) == 1
	assert tasks[0]["title"].startswith("Định kỳ 6 tháng, các sở, ngành báo cáo")
	assert _brief(tasks[0]) == (["sở, ngành"], "recurring", None, "half_yearly", None)


def test_recurring_duties_and_standing_rules_outside_any_part() -> None:
	tasks = _tasks(
		"Để phát huy sức mạnh của khối đại đoàn kết toàn dân tộc, Ban Chấp hành Đảng bộ tỉnh quyết nghị:\n"
		"Hằng năm, Ủy ban nhân dân tỉnh tổ chức đối thoại với Nhân dân về các chính sách an sinh xã hội.\n"
		"Chọn tháng Chín hằng năm là tháng cao điểm “Dân vận khéo” trên địa bàn tỉnh.\n"
		"Công tác dân vận thời gian qua đạt được nhiều kết quả quan trọng.\n"
	)
	assert [_brief(task) for task in tasks] == [
		(["Ủy ban nhân dân tỉnh"], "recurring", None, "yearly", None),
		([], "recurring", None, "yearly", 9),  # a standing rule: no actor is invented
	]


# --- 3. months in words and meeting phrases --------------------------------------------------------------


@pytest.mark.parametrize(
	("phrase", "kind", "due", "recurrence", "month"),
	[
		("Báo cáo trong tháng Mười năm 2024.", "within_month", date(2024, 10, 31), None, 10),
		("Tổng kết vào tháng Chạp năm 2025.", "within_month", date(2025, 12, 31), None, 12),
		("hoàn thành trong tháng mười hai năm 2024", "within_month", date(2024, 12, 31), None, 12),
		("Ra quân vào tháng Giêng hằng năm.", "recurring", None, "yearly", 1),
		("báo cáo tại kỳ họp thường kỳ tháng 6 hằng năm", "recurring", None, "yearly", 6),
		("trình tại phiên họp thường kỳ tháng 12 hằng năm", "recurring", None, "yearly", 12),
		("tổ chức vào dịp 15/10 hằng năm", "recurring", None, "yearly", 10),
		("giao ban mỗi tháng hai lần", "recurring", None, "monthly", None),  # "hai" here is not February
	],
)
def test_months_in_words_and_yearly_meetings(phrase, kind, due, recurrence, month) -> None:
	deadline = parse_deadline(phrase)
	assert (deadline.kind, deadline.due, deadline.recurrence, deadline.month) == (
		kind,
		due,
		recurrence,
		month,
	)


# --- 4. loose quarters, halves, years and periods --------------------------------------------------------


@pytest.mark.parametrize(
	("phrase", "expected"),
	[
		("hoàn thành vào quý III/2020", Deadline("quarter", due=date(2020, 9, 30), text="vào quý III/2020")),
		("trong quý 3 năm 2020", Deadline("quarter", due=date(2020, 9, 30), text="trong quý 3 năm 2020")),
		(
			"sơ kết 6 tháng đầu năm 2025",
			Deadline(
				"date",
				due=date(2025, 6, 30),
				start=date(2025, 1, 1),
				end=date(2025, 6, 30),
				text="6 tháng đầu năm 2025",
			),
		),
		(
			"Hoàn thành cuối năm 2026.",
			Deadline("date", due=date(2026, 12, 31), text="cuối năm 2026"),
		),
		(
			"triển khai trong năm 2024",
			Deadline(
				"date",
				due=date(2024, 12, 31),
				start=date(2024, 1, 1),
				end=date(2024, 12, 31),
				text="trong năm 2024",
			),
		),
		(
			"thực hiện giai đoạn 2021–2025",
			Deadline(
				"date",
				due=date(2025, 12, 31),
				start=date(2021, 1, 1),
				end=date(2025, 12, 31),
				text="giai đoạn 2021–2025",
			),
		),
		(
			"từ năm 2021 đến năm 2025",
			Deadline(
				"date",
				due=date(2025, 12, 31),
				start=date(2021, 1, 1),
				end=date(2025, 12, 31),
				text="từ năm 2021 đến năm 2025",
			),
		),
		("Tổng kết vào năm 2030.", Deadline("date", due=date(2030, 12, 31), text="vào năm 2030")),
		("trước năm 2025", Deadline("before", due=date(2024, 12, 31), text="trước năm 2025")),
		# The period of a programme is not a deadline.
		("bố trí vào kế hoạch đầu tư công trung hạn giai đoạn 2026 - 2030", Deadline()),
	],
)
def test_loose_periods(phrase: str, expected: Deadline) -> None:
	assert parse_deadline(phrase) == expected


def test_new_deadline_fields_are_added_to_the_json_and_null_otherwise() -> None:
	assert parse_deadline("trong quý II/2024").to_json_dict() == {
		"kind": "quarter",
		"due": "2024-06-30",
		"start": None,
		"recurrence": None,
		"month": None,
		"text": "trong quý II/2024",
		"end": None,
		"relative": None,
	}


# --- 5. event-relative and per-case limits ---------------------------------------------------------------


def test_a_limit_timed_against_an_event_keeps_no_invented_date() -> None:
	deadline = parse_deadline(
		"Chậm nhất 30 ngày trước ngày khai mạc kỳ họp, Thường trực Hội đồng nhân dân tỉnh gửi văn bản."
	)
	assert (deadline.kind, deadline.due, deadline.start) == ("none", None, None)
	assert deadline.relative == "Chậm nhất 30 ngày trước ngày khai mạc kỳ họp"
	assert not is_per_case_limit("Chậm nhất 30 ngày trước ngày khai mạc kỳ họp, Thường trực HĐND tỉnh gửi")


@pytest.mark.parametrize(
	("clause", "per_case"),
	[
		(
			"Trong thời hạn 03 ngày làm việc kể từ ngày nhận được đơn, cơ quan tiếp nhận phải chuyển đơn.",
			True,
		),
		("trong 10 ngày kể từ ngày tiếp nhận kiến nghị, cơ quan có thẩm quyền trả lời bằng văn bản", True),
		("Trong thời hạn 15 ngày kể từ ngày Quyết định có hiệu lực, Sở Nội vụ hướng dẫn thực hiện.", False),
		("Sở Nội vụ hướng dẫn thực hiện trong quý II/2024.", False),
	],
)
def test_per_case_legal_limits(clause: str, per_case: bool) -> None:
	assert is_per_case_limit(clause) is per_case


# --- 5. State documents: chapters, articles, points, requests, appendix tables ---------------------------

STATE_DECISION = """ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI
Số: 12/2024/QĐ-UBND
Quảng Ngãi, ngày 05 tháng 4 năm 2024

QUYẾT ĐỊNH
Về việc ban hành Quy chế phối hợp trong công tác tiếp công dân

QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp trong công tác tiếp công dân trên địa bàn tỉnh.
Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày 15 tháng 4 năm 2024.
Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Chánh Thanh tra tỉnh, Giám đốc các sở, Thủ trưởng các ban, ngành và Chủ tịch Ủy ban nhân dân các huyện, thị xã, thành phố chịu trách nhiệm thi hành Quyết định này./.

Nơi nhận:
- Như Điều 3;
TM. ỦY BAN NHÂN DÂN

QUY CHẾ
Phối hợp trong công tác tiếp công dân
Chương I
QUY ĐỊNH CHUNG
Điều 2. Nguyên tắc phối hợp
1. Bảo đảm sự lãnh đạo của cấp ủy đảng, sự quản lý thống nhất của chính quyền.
2. Trong thời hạn 03 ngày làm việc kể từ ngày nhận được đơn, cơ quan tiếp nhận phải chuyển đơn đến cơ quan có thẩm quyền.
Chương II
NỘI DUNG PHỐI HỢP
Điều 5. Tiếp xúc, đối thoại
1. Chậm nhất 30 ngày trước ngày khai mạc kỳ họp, Thường trực Hội đồng nhân dân tỉnh gửi văn bản đề nghị Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh tổ chức tiếp xúc cử tri.
2. Định kỳ hằng quý, Thanh tra tỉnh tổng hợp tình hình tiếp công dân, báo cáo Ủy ban nhân dân tỉnh.
Chương III
TỔ CHỨC THỰC HIỆN
Điều 9. Trách nhiệm của Thanh tra tỉnh
1. Hướng dẫn, đôn đốc các cơ quan, đơn vị thực hiện Quy chế này.
2. Tổng hợp kết quả thực hiện, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12 hằng năm.
Điều 10. Trách nhiệm thi hành
1. Sở Nội vụ:
a) Chủ trì, phối hợp với Thanh tra tỉnh đưa kết quả thực hiện Quy chế vào tiêu chí thi đua, khen thưởng;
b) Rà soát, kiện toàn đội ngũ cán bộ làm công tác tiếp công dân, hoàn thành trong quý III/2024.
2. Đề nghị Ủy ban MTTQ Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh phối hợp giám sát việc thực hiện Quy chế này.
"""


def test_state_decision_with_its_regulation() -> None:
	tasks = [task.to_json_dict() for task in parse_directive_text(STATE_DECISION).tasks]
	assert [(task["presiding"], task["coordinating"], task["deadline"]["kind"]) for task in tasks] == [
		(["Thường trực Hội đồng nhân dân tỉnh"], [], "none"),  # relative to the session: no date
		(["Thanh tra tỉnh"], [], "recurring"),
		(["Thanh tra tỉnh"], [], "none"),  # "Trách nhiệm của Thanh tra tỉnh": the article names the body
		(["Thanh tra tỉnh"], [], "recurring"),
		(["Sở Nội vụ"], ["Thanh tra tỉnh"], "none"),  # "1. Sở Nội vụ:" names the body of a), b)
		(["Sở Nội vụ"], [], "quarter"),
		(["Ủy ban MTTQ Việt Nam tỉnh", "tổ chức chính trị - xã hội tỉnh"], [], "none"),  # a request
	]
	assert tasks[0]["deadline"]["relative"] == "Chậm nhất 30 ngày trước ngày khai mạc kỳ họp"
	# Not tasks: the decision's own articles (issuing, entry into force, the execution formula), a principle
	# without a body, and the per-case time limit.
	clauses = " ".join(task["clause"] for task in tasks)
	assert "chịu trách nhiệm thi hành" not in clauses and "03 ngày làm việc" not in clauses
	assert "Bảo đảm sự lãnh đạo" not in clauses


APPENDIX_ONE_CELL_A_LINE = """CHÍNH PHỦ
Số: 45/NQ-CP
Hà Nội, ngày 20 tháng 3 năm 2024

NGHỊ QUYẾT
Về việc ban hành Chương trình hành động của Chính phủ

Chính phủ giao các bộ, ngành, địa phương thực hiện các nhiệm vụ tại Phụ lục kèm theo.

Nơi nhận:
- Ban Bí thư Trung ương Đảng;
TM. CHÍNH PHỦ

PHỤ LỤC
NHIỆM VỤ CỤ THỂ
STT
Nhiệm vụ
Cơ quan chủ trì
Cơ quan phối hợp
Thời gian hoàn thành
I
NHIỆM VỤ VỀ HOÀN THIỆN THỂ CHẾ
1
Xây dựng Nghị định quy định chi tiết
thi hành Luật Thực hiện dân chủ ở cơ sở
Bộ Nội vụ
Các bộ, ngành, địa phương
Quý III/2024
2
Tổng kết 10 năm thực hiện Quy chế dân chủ
Bộ Nội vụ
Ủy ban Trung ương MTTQ Việt Nam
Năm 2025
3
Rà soát, sửa đổi quy định về tiếp công dân
Thanh tra Chính phủ
Các bộ, cơ quan liên quan
Hằng năm
"""


def test_appendix_table_one_cell_a_line_with_wrapped_cells() -> None:
	tasks = [task.to_json_dict() for task in parse_directive_text(APPENDIX_ONE_CELL_A_LINE).tasks]
	assert [
		(
			task["title"],
			task["presiding"],
			task["coordinating"],
			task["deadline"]["kind"],
			task["deadline"]["due"],
		)
		for task in tasks
	] == [
		(
			"Xây dựng Nghị định quy định chi tiết thi hành Luật Thực hiện dân chủ ở cơ sở",
			["Bộ Nội vụ"],
			["bộ, ngành, địa phương"],
			"quarter",
			"2024-09-30",
		),
		(
			"Tổng kết 10 năm thực hiện Quy chế dân chủ",
			["Bộ Nội vụ"],
			["Ủy ban Trung ương MTTQ Việt Nam"],
			"date",
			"2025-12-31",
		),
		(
			"Rà soát, sửa đổi quy định về tiếp công dân",
			["Thanh tra Chính phủ"],
			["bộ, cơ quan liên quan"],
			"recurring",
			None,
		),
	]


def test_appendix_table_with_separators_and_a_row_continued_on_the_next_line() -> None:
	text = (
		"KẾ HOẠCH\nVề việc thực hiện Nghị quyết số 43-NQ/TW\n\nII. NHIỆM VỤ CỤ THỂ\n"
		"STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành\n"
		"1 | Tổ chức hội nghị quán triệt Nghị quyết | Ban Tuyên giáo Tỉnh ủy | Ban Dân vận Tỉnh ủy | Tháng 5/2024\n"
		"2 | Xây dựng đề án phát huy sức mạnh khối | Ủy ban MTTQ Việt Nam tỉnh | Các sở, ngành | Quý IV/2024\n"
		"  | đại đoàn kết toàn dân tộc | | |\n"
		"3 | Sơ kết việc thực hiện Nghị quyết | Sở Nội vụ | | 2025-2026\n"
	)
	tasks = [task.to_json_dict() for task in parse_directive_text(text).tasks]
	assert [(task["title"], task["presiding"], task["deadline"]["due"]) for task in tasks] == [
		("Tổ chức hội nghị quán triệt Nghị quyết", ["Ban Tuyên giáo Tỉnh ủy"], "2024-05-31"),
		(
			"Xây dựng đề án phát huy sức mạnh khối đại đoàn kết toàn dân tộc",
			["Ủy ban MTTQ Việt Nam tỉnh"],
			"2024-12-31",
		),
		("Sơ kết việc thực hiện Nghị quyết", ["Sở Nội vụ"], "2026-12-31"),
	]
	assert tasks[2]["deadline"]["start"] == "2025-01-01" and tasks[2]["deadline"]["text"] == "2025-2026"


# --- 6. headings and exhortations ------------------------------------------------------------------------


def test_a_title_over_narrative_is_at_most_a_low_confidence_proposal() -> None:
	tasks = _tasks(
		"I. NHIỆM VỤ, GIẢI PHÁP\n"
		"1- Tăng cường sự lãnh đạo của các cấp ủy đảng đối với công tác dân vận\n"
		"Thời gian qua, công tác dân vận của tỉnh đã đạt nhiều kết quả quan trọng, song vẫn còn hạn chế.\n"
		"Nhận thức của một bộ phận cán bộ, đảng viên về công tác dân vận chưa đầy đủ.\n"
		"2- Đổi mới công tác tuyên truyền\n"
		"Ban Tuyên giáo Tỉnh ủy hướng dẫn nội dung tuyên truyền trong quý II/2023.\n"
	)
	assert [(task["confidence"], task["deadline"]["kind"]) for task in tasks] == [
		("low", "none"),
		("high", "quarter"),
	]
	assert tasks[1]["presiding"] == ["Ban Tuyên giáo Tỉnh ủy"]
	assert tasks[1]["title"].startswith(
		"Ban Tuyên giáo Tỉnh ủy hướng dẫn"
	)  # the duty, not the title above it


@pytest.mark.parametrize(
	("clause", "confidence"),
	[
		("Các cấp ủy, chính quyền tiếp tục quan tâm lãnh đạo thực hiện dân chủ ở cơ sở.", "low"),
		("Tiếp tục nâng cao nhận thức về công tác dân vận trong tình hình mới.", "low"),
		("Các cấp ủy xây dựng kế hoạch thực hiện, hoàn thành trong quý III/2023.", "medium"),
		("Ban Dân vận Tỉnh ủy tham mưu sơ kết việc thực hiện Chỉ thị.", "high"),
		("Sở Nội vụ hướng dẫn thực hiện trước ngày 30/6/2024.", "high"),
	],
)
def test_confidence(clause: str, confidence: str) -> None:
	tasks = _tasks(f"II. TỔ CHỨC THỰC HIỆN\n1. {clause}\n")
	assert [task["confidence"] for task in tasks] == [confidence]


# --- layouts and outlines met in real State texts ----------------------------------------------------------

WRAPPED_PLAN = """ỦY BAN NHÂN DÂN
TỈNH GIA LAI
|
Số: 210/KH-UBND
|
Gia Lai, ngày
12 tháng 5 năm 2025
|

KẾ HOẠCH

TRIỂN KHAI THỰC HIỆN QUY CHẾ DÂN CHỦ Ở CƠ SỞ NĂM 2025

Để triển khai thực hiện có hiệu quả Luật Thực hiện dân chủ ở cơ sở, Ủy ban nhân dân tỉnh ban hành
kế hoạch thực hiện với các nội dung cụ thể như sau:

I. MỤC ĐÍCH, YÊU CẦU

Nâng cao nhận thức của cán bộ, công chức và Nhân dân về thực hiện dân chủ ở cơ sở, bảo đảm
quyền làm chủ của Nhân dân được thực hiện nghiêm túc.

II. NHIỆM VỤ CỤ THỂ

1. Tăng cường công tác tuyên truyền về dân chủ ở cơ sở

a) Sở Văn hóa, Thể thao và Du lịch

- Chỉ đạo các cơ quan báo chí trên địa bàn tỉnh mở chuyên mục về thực hiện dân chủ ở cơ
sở, phản ánh kịp thời các mô hình hay, cách làm hiệu quả.

- Tổ chức cuộc thi tìm hiểu pháp luật về dân chủ ở cơ sở, hoàn thành trong quý III/2025.

b) Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh

- Hướng dẫn Ban Thanh tra nhân dân ở cơ sở giám sát việc thực hiện dân chủ ở cơ sở.

2. Kiện toàn Ban Chỉ đạo thực hiện dân chủ ở cơ sở

a) Rà soát quy chế hoạt động của Ban Chỉ đạo

- Sở Nội vụ

+ Tham mưu Ủy ban nhân dân tỉnh kiện toàn Ban Chỉ đạo thực hiện dân chủ ở cơ sở cấp tỉnh
trong tháng 6 năm 2025.

+ Hướng dẫn Ủy ban nhân dân cấp xã kiện toàn Ban Chỉ đạo cấp xã.

III. TỔ CHỨC THỰC HIỆN

1. Sở Nội vụ: Theo dõi, đôn đốc việc triển khai Kế hoạch; định kỳ hằng tuần cập nhật tình
hình, báo cáo Ủy ban nhân dân tỉnh.

2. Các sở, ban, ngành tỉnh

Căn cứ chức năng, nhiệm vụ được giao, xây dựng kế hoạch triển khai thực hiện tại cơ quan, đơn
vị mình, gửi về Sở Nội vụ trước ngày 30/6/2025.

Trên đây là Kế hoạch triển khai thực hiện Quy chế dân chủ ở cơ sở năm 2025 trên địa bàn tỉnh.

Nơi nhận:
- Như trên;
KT. CHỦ TỊCH
"""


def test_hard_wrapped_plan_with_nested_headers_naming_bodies() -> None:
	result = parse_directive_text(WRAPPED_PLAN)
	assert result.document.issue_date == date(2025, 5, 12)  # "Gia Lai, ngày" / "12 tháng 5 năm 2025" joined
	tasks = [task.to_json_dict() for task in result.tasks]
	brief = [
		(task["title"][:40], task["presiding"], task["deadline"]["kind"], task["deadline"]["recurrence"])
		for task in tasks
	]
	assert brief == [
		("Chỉ đạo các cơ quan báo chí trên địa bàn", ["Sở Văn hóa, Thể thao và Du lịch"], "none", None),
		("Tổ chức cuộc thi tìm hiểu pháp luật về d", ["Sở Văn hóa, Thể thao và Du lịch"], "quarter", None),
		("Hướng dẫn Ban Thanh tra nhân dân ở cơ sở", ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"], "none", None),
		("Tham mưu Ủy ban nhân dân tỉnh kiện toàn ", ["Sở Nội vụ"], "within_month", None),
		("Hướng dẫn Ủy ban nhân dân cấp xã kiện to", ["Sở Nội vụ"], "none", None),
		("Theo dõi, đôn đốc việc triển khai Kế hoạ", ["Sở Nội vụ"], "recurring", "weekly"),
		("Căn cứ chức năng, nhiệm vụ được giao, xâ", ["sở, ban, ngành tỉnh"], "before", None),
	]
	# The purpose part, the closing formula and the wrapped word "cơ\nsở" are handled as a reader would.
	assert "cơ sở, phản ánh kịp thời" in tasks[0]["clause"]
	assert all(
		"Trên đây là" not in task["clause"] and "Nâng cao nhận thức" not in task["clause"] for task in tasks
	)


REGULATION_ARTICLES = """QUY CHẾ
Phối hợp giải quyết kiến nghị của cử tri

Chương II
TRÁCH NHIỆM CỦA CÁC CƠ QUAN

Điều 6. Trách nhiệm Văn phòng Ủy ban nhân dân tỉnh

1. Tiếp nhận, phân loại kiến nghị của cử tri thuộc thẩm quyền của Ủy ban nhân dân tỉnh.

2. Trong 03 ngày làm việc kể từ ngày nhận được kiến nghị, Văn phòng Ủy ban nhân dân tỉnh chuyển kiến nghị đến cơ quan có thẩm quyền.

3. Đối với kiến nghị liên quan đến nhiều lĩnh vực, Văn phòng Ủy ban nhân dân tỉnh chủ trì tham mưu phân công cơ quan giải quyết.

4. Định kỳ 06 (sáu) tháng, báo cáo Ủy ban nhân dân tỉnh tình hình giải quyết kiến nghị của cử tri.

Điều 7. Nội dung Công an tỉnh có trách nhiệm chủ trì

Nắm tình hình an ninh liên quan đến kiến nghị của cử tri trên địa bàn tỉnh.
Niêm yết kết quả giải quyết trong vòng 30 ngày tại trụ sở, kể từ ngày có kết quả giải quyết.

Điều 8. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh

1. Tổng hợp kiến nghị của cử tri gửi đến các cơ quan có thẩm quyền.

Điều 9. Trách nhiệm thi hành

1. Người đứng đầu các cơ quan, đơn vị chịu trách nhiệm trước Chủ tịch Ủy ban nhân dân tỉnh về kết quả giải quyết kiến nghị.

2. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan phản ánh về Văn phòng Ủy ban nhân dân tỉnh để tổng hợp, báo cáo.
"""


def test_articles_name_the_body_of_their_points_and_rules_are_not_tasks() -> None:
	tasks = [task.to_json_dict() for task in parse_directive_text(REGULATION_ARTICLES).tasks]
	assert [(task["title"][:35], task["presiding"], task["deadline"]["recurrence"]) for task in tasks] == [
		("Tiếp nhận, phân loại kiến nghị của ", ["Văn phòng Ủy ban nhân dân tỉnh"], None),
		("Định kỳ 06 (sáu) tháng, báo cáo Ủy ", ["Văn phòng Ủy ban nhân dân tỉnh"], "half_yearly"),
		("Nắm tình hình an ninh liên quan đến", ["Công an tỉnh"], None),
		("Tổng hợp kiến nghị của cử tri gửi đ", ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"], None),
	]
	# Not tasks: a per-case time limit, a case rule ("Đối với kiến nghị …"), a per-case posting limit, a person's
	# accountability and a conditional report.


def test_appendix_table_with_cells_between_bar_lines_and_a_merged_second_row() -> None:
	text = (
		"NGHỊ QUYẾT\nVề phong trào toàn dân bảo vệ môi trường\n\nPHỤ LỤC\n\n|\nTT\n|\nTên đề án ưu tiên\n|\n"
		"Cơ quan chủ trì\n|\nCơ quan phối hợp\n|\nThời hạn hoàn thành\n|\n|\n1\n|\nĐề án triển khai phong\n"
		"trào toàn dân tham gia bảo vệ môi trường ở trung ương và địa phương.\n|\n"
		"Trung ương Mặt trận Tổ quốc Việt Nam\n|\nCác bộ, ngành\n|\n2030\n|\n|\n"
		"Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương\n|\nCác cơ quan báo chí tại địa phương\n|\n|\n"
		"2\n|\nĐề án xử lý, cải tạo các bãi chôn lấp rác thải không hợp vệ sinh.\n|\n"
		"Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương\n|\nCác bộ, ngành liên quan\n|\n2030\n|\n"
		"và các dòng khác của văn bản được viết tiếp theo\nmà không có dấu câu ở cuối\nđể văn bản trông như bị ngắt dòng\n"
		"khi chuyển từ trang web\nsang văn bản thuần\n"
	)
	tasks = [task.to_json_dict() for task in parse_directive_text(text).tasks]
	assert [
		(task["title"][:30], task["presiding"], task["deadline"]["kind"], task["deadline"]["due"])
		for task in tasks
	] == [
		(
			"Đề án triển khai phong trào to",
			[
				"Trung ương Mặt trận Tổ quốc Việt Nam",
				"Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương",
			],
			"date",
			"2030-12-31",
		),
		(
			"Đề án xử lý, cải tạo các bãi c",
			["Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"],
			"date",
			"2030-12-31",
		),
	]


@pytest.mark.parametrize(
	("phrase", "kind", "recurrence"),
	[
		("ra quân tổng vệ sinh vào Chủ nhật hàng tuần", "recurring", "weekly"),
		("Định kỳ 06 (sáu) tháng hoặc đột xuất báo cáo", "recurring", "half_yearly"),
		("hằng tháng, quý, 6 tháng đánh giá kết quả", "recurring", "monthly"),  # the first written
		("sơ kết các chương trình dân số giai đoạn đến năm 2030", "none", None),  # a programme's horizon
	],
)
def test_recurrences_and_horizons_of_state_texts(phrase: str, kind: str, recurrence: str | None) -> None:
	deadline = parse_deadline(phrase)
	assert (deadline.kind, deadline.recurrence) == (kind, recurrence)


def test_a_span_of_days_is_due_its_last_day() -> None:
	deadline = parse_deadline("Đợt 1: Trong khoảng thời gian từ ngày 01/12/2025 đến ngày 14/12/2025.")
	assert (deadline.kind, deadline.due, deadline.text) == ("date", date(2025, 12, 14), "đến ngày 14/12/2025")


FIELD_PLAN = """KẾ HOẠCH
Triển khai công tác bầu cử của Ủy ban MTTQ Việt Nam xã

II. NỘI DUNG, TIẾN ĐỘ, PHÂN CÔNG TRÁCH NHIỆM THỰC HIỆN
1. Xây dựng, ban hành các văn bản hướng dẫn công tác bầu cử
1.1. Xây dựng Hướng dẫn của Ban Thường trực Ủy ban MTTQ Việt Nam xã về hiệp thương
- Bảo đảm thống nhất với hướng dẫn của cấp trên; phù hợp với điều kiện thực tế của địa phương.
- Thời gian hoàn thành: Dự kiến tháng 11/2025 (sau khi cấp tỉnh ban hành Hướng dẫn).
- Đơn vị chủ trì: Đồng chí Phó Chủ tịch Thường trực Ủy ban MTTQ Việt Nam xã
- Đơn vị phối hợp: Các đoàn thể xã.
- Kết quả: Dự thảo Hướng dẫn trình Ban Thường trực ban hành.
1.2. Tổ chức hội nghị tiếp xúc cử tri với người ứng cử
- Thời gian hoàn thành: Quý IV/2025 và Quý I/2026;
- Đơn vị chủ trì: Văn phòng Ủy ban MTTQ Việt Nam xã
2. Thực hiện các nhiệm vụ khác theo yêu cầu của Ban Thường trực Ủy ban MTTQ Việt Nam xã.
"""


def test_tasks_described_by_labelled_fields() -> None:
	tasks = [task.to_json_dict() for task in parse_directive_text(FIELD_PLAN).tasks]
	assert [
		(
			task["title"],
			task["presiding"],
			task["coordinating"],
			task["deadline"]["kind"],
			task["deadline"]["due"],
		)
		for task in tasks
	] == [
		(
			"Xây dựng Hướng dẫn của Ban Thường trực Ủy ban MTTQ Việt Nam xã về hiệp thương",
			["Phó Chủ tịch Thường trực Ủy ban MTTQ Việt Nam xã"],
			["đoàn thể xã"],
			"within_month",
			"2025-11-30",
		),
		# Two periods in the time field: done by the end of the last one.
		(
			"Tổ chức hội nghị tiếp xúc cử tri với người ứng cử",
			["Văn phòng Ủy ban MTTQ Việt Nam xã"],
			[],
			"date",
			"2026-03-31",
		),
	]
	# The fields are not duties of their own, the result is not a task, and a pointer to other duties is none.
	assert all("Kết quả" not in task["clause"] and "nhiệm vụ khác" not in task["clause"] for task in tasks)


INSPECTION_PLAN = """ỦY BAN MTTQ VIỆT NAM XÃ AN PHÚ
BAN THƯỜNG TRỰC
Số: 12/KH-MTTQ-BTT
An Phú, ngày 20 tháng 11 năm 2025

KẾ HOẠCH
Kiểm tra, giám sát công tác bầu cử trên địa bàn xã

I. MỤC ĐÍCH, YÊU CẦU
- Bảo đảm cuộc bầu cử diễn ra dân chủ, đúng pháp luật.
II. NỘI DUNG KIỂM TRA, GIÁM SÁT
1. Giám sát việc lập, niêm yết danh sách cử tri
Giám sát việc lập danh sách cử tri theo quy định từ Điều 29 đến Điều 34 của Luật Bầu cử. Cụ thể các nội dung:
- Cách tính tuổi của cử tri;
- Việc niêm yết danh sách cử tri.
* Thời gian thực hiện: Trong khoảng thời gian từ ngày 03/02/2026 đến ngày 15/03/2026
2. Kiểm tra việc nộp hồ sơ ứng cử
Kiểm tra việc nộp hồ sơ của người ứng cử theo quy định tại Điều 35 của Luật Bầu cử.
* Thời gian thực hiện: Từ ngày 17/12/2025 đến 17 giờ 00, ngày 01/02/2026.
III. KINH PHÍ
Kinh phí do ngân sách xã bảo đảm.
"""


def test_an_inspection_plans_contents_are_its_duties_with_their_time_fields() -> None:
	tasks = [task.to_json_dict() for task in parse_directive_text(INSPECTION_PLAN).tasks]
	assert [(task["title"][:40], task["deadline"]["kind"], task["deadline"]["due"]) for task in tasks] == [
		("Giám sát việc lập, niêm yết danh sách cử", "date", "2026-03-15"),
		# the day the span ends, its hour written before it
		("Kiểm tra việc nộp hồ sơ ứng cử", "date", "2026-02-01"),
	]
	# What is checked ("Cụ thể các nội dung:" bullets) stays in its inspection; funding is no task.
	assert "Cách tính tuổi" in tasks[0]["clause"]
	assert all("Kinh phí" not in task["clause"] for task in tasks)


@pytest.mark.parametrize(
	("phrase", "kind", "due"),
	[
		("Vận động bầu cử kết thúc trước 05 giờ 00 ngày 14/3/2026.", "before", date(2026, 3, 14)),
		("từ ngày 17/12/2025 đến 17 giờ 00, ngày 01/02/2026", "date", date(2026, 2, 1)),
		(
			"Hội nghị khai mạc lúc 8 giờ 00, ngày 05/3/2026 tại hội trường.",
			"none",
			None,
		),  # no cue: no deadline
	],
)
def test_an_hour_written_before_the_day(phrase: str, kind: str, due: date | None) -> None:
	deadline = parse_deadline(phrase)
	assert (deadline.kind, deadline.due) == (kind, due)


PORTFOLIO_PLAN = """ỦY BAN MTTQ VIỆT NAM XÃ AN PHÚ
BAN THƯỜNG TRỰC
Số: 16/KH-MTTQ-BTT
An Phú, ngày 18 tháng 11 năm 2025

KẾ HOẠCH
Triển khai công tác bầu cử của Ủy ban MTTQ Việt Nam xã

III. TỔ CHỨC THỰC HIỆN
1. Ban Thường trực Ủy ban MTTQ Việt Nam xã
- Lãnh đạo, chỉ đạo chung công tác bầu cử; tổng hợp, báo cáo Ủy ban bầu cử xã kết quả thực hiện.
2. Cán bộ phụ trách lĩnh vực giám sát và phản biện xã hội
- Tham mưu xây dựng, trình Ban Thường trực ban hành Kế hoạch giám sát công tác bầu cử.
- Chủ trì xây dựng kế hoạch và tổ chức thực hiện các nhiệm vụ cụ thể được phân công tại mục II Kế hoạch này.
4. Các Phó chủ tịch phụ trách lĩnh vực Dân tộc, Tôn giáo và các Hội quần chúng
- Tham gia góp ý đối với dự kiến nhân sự đại biểu HĐND xã là người dân tộc thiểu số.
5. Chuyên viên phụ trách lĩnh vực Hành chính, Văn phòng
- Bảo đảm thông tin liên lạc thông suốt giữa Ủy ban MTTQ Việt Nam xã với các cơ quan cấp trên.
"""


def test_office_holders_named_by_their_portfolio_and_a_skipped_number() -> None:
	tasks = [task.to_json_dict() for task in parse_directive_text(PORTFOLIO_PLAN).tasks]
	assert [(task["title"][:30], task["presiding"]) for task in tasks] == [
		("Lãnh đạo, chỉ đạo chung công t", ["Ban Thường trực Ủy ban MTTQ Việt Nam xã"]),
		("Tham mưu xây dựng, trình Ban T", ["Cán bộ phụ trách lĩnh vực giám sát và phản biện xã hội"]),
		# "3." is missing in the text: "4." still opens the next holder's item, not a sub-list of item 2.
		(
			"Tham gia góp ý đối với dự kiến",
			["Phó chủ tịch phụ trách lĩnh vực Dân tộc, Tôn giáo và các Hội quần chúng"],
		),
		("Bảo đảm thông tin liên lạc thô", ["Chuyên viên phụ trách lĩnh vực Hành chính, Văn phòng"]),
	]
	# A duty restated by a pointer to the part that assigns it is no task of its own.
	assert all("được phân công tại mục II" not in task["clause"] for task in tasks)


WAVE_PLAN = """ỦY BAN BẦU CỬ XÃ AN PHÚ
TIỂU BAN THÔNG TIN, TUYÊN TRUYỀN
Số: 02/KH-TBTT
An Phú, ngày 10 tháng 12 năm 2025

KẾ HOẠCH
Thông tin, tuyên truyền về cuộc bầu cử

I. MỤC ĐÍCH, YÊU CẦU
- Tạo không khí phấn khởi trong Nhân dân.
II. LỘ TRÌNH VÀ NỘI DUNG TUYÊN TRUYỀN
2.1. Đợt 1: Trong tháng 12/2025
- Tuyên truyền Chỉ thị của Bộ Chính trị về lãnh đạo cuộc bầu cử.
- Tuyên truyền những đổi mới trong hoạt động của Quốc hội.
2.2. Đợt 2: Từ tháng 01 đến ngày bầu cử 15/3/2026
- Tập trung tuyên truyền cao điểm về cuộc bầu cử, hội nghị hiệp thương.
2.3. Đợt 3: Sau ngày bầu cử 15/3/2026
Tuyên truyền kết quả thành công của cuộc bầu cử.
III. HÌNH THỨC TUYÊN TRUYỀN
- Tuyên truyền qua hệ thống loa phát thanh cơ sở.
"""


def test_the_waves_of_a_plan_are_one_duty_each_due_the_waves_time() -> None:
	tasks = [task.to_json_dict() for task in parse_directive_text(WAVE_PLAN).tasks]
	assert [(task["title"][:35], task["deadline"]["kind"], task["deadline"]["due"]) for task in tasks] == [
		("Tuyên truyền Chỉ thị của Bộ Chính t", "within_month", "2025-12-31"),
		# "đến ngày bầu cử 15/3/2026": the event's own date ends the wave
		("Tập trung tuyên truyền cao điểm về ", "date", "2026-03-15"),
		("Tuyên truyền kết quả thành công của", "none", None),  # after an event, no end: no date invented
	]
	assert "Tuyên truyền những đổi mới" in tasks[0]["clause"]  # the wave's other bullets stay in its task
	assert tasks[0]["clause"].startswith("Đợt 1: Trong tháng 12/2025")
	assert all("loa phát thanh" not in task["clause"] for task in tasks)  # forms of a later part are no wave
