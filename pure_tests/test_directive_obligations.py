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
