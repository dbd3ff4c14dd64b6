"""Issue 15, eighth round: classes of the fifth held-out set (moved to the development set once scored).

Each test writes a fragment in the shape of a class of Vietnamese plans (a programme's monitoring and evaluation
plan, a plan implementing a law whose contents carry labelled fields); none is copied from a corpus text.
"""

from __future__ import annotations

import pytest

from danvan_app.domain.directive_text import parse_directive_text

_HEAD = """ỦY BAN NHÂN DÂN TỈNH X
Số: 12/KH-UBND
X, ngày 05 tháng 11 năm 2025
KẾ HOẠCH
{title}
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
- Bảo đảm việc thực hiện thống nhất, hiệu quả.
"""


def test_the_contents_a_monitoring_plan_looks_at_are_no_tasks() -> None:
	text = (
		_HEAD.format(title="Giám sát, đánh giá Chương trình mục tiêu quốc gia năm 2025")
		+ """III. NỘI DUNG GIÁM SÁT, ĐÁNH GIÁ
1. Nội dung giám sát
- Nội dung giám sát của chủ chương trình
+ Theo dõi, kiểm tra tình hình thực hiện Chương trình: tiến độ, khối lượng, kết quả.
+ Báo cáo kết quả thực hiện Chương trình và đề xuất phương án xử lý.
2. Nội dung đánh giá
- Tình hình huy động, phân bổ và sử dụng nguồn vốn.
- Tồn tại, vướng mắc phát sinh và nguyên nhân.
IV. TỔ CHỨC THỰC HIỆN
1. Sở Nông nghiệp và Môi trường
- Tổng hợp, báo cáo Ủy ban nhân dân tỉnh kết quả giám sát, đánh giá.
2. Ủy ban nhân dân cấp xã
- Báo cáo Sở Nông nghiệp và Môi trường về kết quả giám sát, đánh giá trước ngày 15/12/2025.
"""
	)
	tasks = parse_directive_text(text).tasks
	assert [task.presiding for task in tasks] == [
		["Sở Nông nghiệp và Môi trường"],
		["Ủy ban nhân dân cấp xã"],
	]
	assert not any("Nội dung" in task.title or "nguồn vốn" in task.clause for task in tasks)


def test_an_inspection_plans_contents_are_still_its_inspections() -> None:
	text = (
		_HEAD.format(title="Kiểm tra, giám sát công tác bầu cử")
		+ """III. NỘI DUNG KIỂM TRA, GIÁM SÁT
1. Kiểm tra việc lập danh sách cử tri của Ủy ban nhân dân các xã trước ngày 20/02/2026.
2. Giám sát việc niêm yết danh sách người ứng cử của Ủy ban bầu cử các xã trước ngày 05/3/2026.
IV. TỔ CHỨC THỰC HIỆN
Ban Thường trực Ủy ban MTTQ tỉnh chủ trì tổ chức kiểm tra, giám sát.
"""
	)
	titles = [task.title for task in parse_directive_text(text).tasks]
	assert any(title.startswith("Kiểm tra việc lập danh sách cử tri") for title in titles)
	assert any(title.startswith("Giám sát việc niêm yết") for title in titles)


def test_the_plans_contents_with_labelled_fields_are_its_tasks() -> None:
	text = (
		_HEAD.format(title="Triển khai thi hành Luật Y")
		+ """II. NỘI DUNG KẾ HOẠCH
1.
Tổ chức tuyên truyền, phổ biến nội dung Luật và các văn bản quy định chi tiết.
- Cơ quan thực hiện: Sở Khoa học và Công nghệ; Sở Tư pháp.
- Cơ quan phối hợp: Ủy ban nhân dân các xã, phường.
- Thời gian thực hiện: Quý IV năm 2025.
2.
Phối hợp kiểm tra việc thi hành Luật
- Cơ quan chủ trì: Sở Khoa học và Công nghệ
- Cơ quan phối hợp: Các sở, ngành có liên quan.
- Thời gian thực hiện: Năm 2026 và các năm tiếp theo.
III. TỔ CHỨC THỰC HIỆN
Các sở, ngành căn cứ Kế hoạch tổ chức thực hiện.
"""
	)
	tasks = parse_directive_text(text).tasks
	first = next(task for task in tasks if task.title.startswith("Tổ chức tuyên truyền"))
	assert first.presiding == ["Sở Khoa học và Công nghệ", "Sở Tư pháp"]
	assert (first.deadline.kind, str(first.deadline.due)) == ("quarter", "2025-12-31")
	second = next(task for task in tasks if task.title.startswith("Phối hợp kiểm tra"))
	assert second.presiding == ["Sở Khoa học và Công nghệ"]
	assert second.deadline.kind == "from_year"


def test_a_planned_day_with_a_latest_day_is_due_the_latest() -> None:
	from danvan_app.domain.directive_text.fields import time_of

	deadline = time_of("Dự kiến ngày 05/12/2025 (Chậm nhất ngày 10/12/2025 - 95 ngày trước bầu cử).")
	assert (deadline.kind, str(deadline.due)) == ("before", "2025-12-10")
	assert (time_of("Dự kiến ngày 05/12/2025").kind, str(time_of("Dự kiến ngày 05/12/2025").due)) == (
		"date",
		"2025-12-05",
	)


def test_a_front_conference_with_a_latest_day_is_due_that_day() -> None:
	text = (
		_HEAD.format(title="Tổ chức hội nghị hiệp thương")
		+ """II. NỘI DUNG, TIẾN ĐỘ, PHÂN CÔNG TRÁCH NHIỆM THỰC HIỆN
1. Hội nghị hiệp thương lần thứ nhất.
1.1. Nội dung: Hiệp thương về cơ cấu, thành phần, số lượng người được giới thiệu ứng cử.
- Thời gian: Dự kiến ngày 04/12/2025 (Chậm nhất ngày 09/12/2025).
- Đơn vị chủ trì: Ban Thường trực Ủy ban MTTQ Việt Nam xã.
"""
	)
	task = next(task for task in parse_directive_text(text).tasks if "Hiệp thương" in task.title)
	assert (task.deadline.kind, str(task.deadline.due)) == ("before", "2025-12-09")


def test_an_office_holder_written_without_a_colon_carries_the_duty() -> None:
	text = (
		_HEAD.format(title="Thực hiện công tác bầu cử")
		+ """III. TỔ CHỨC THỰC HIỆN
1. Ban Thường trực Ủy ban MTTQ Việt Nam xã
- Đồng chí Chủ tịch Ủy ban MTTQ xã chịu trách nhiệm chỉ đạo chung, chủ trì các hội nghị.
- Đồng chí Ủy viên Ban Thường vụ Đảng ủy, Phó Chủ tịch Thường trực Ủy ban MTTQ xã trực tiếp tham mưu xây dựng kịch bản.
- Các đồng chí Phó Chủ tịch Ủy ban MTTQ xã chỉ đạo thực hiện các nhiệm vụ được phân công.
- Tổng hợp báo cáo gửi Ban Thường trực Ủy ban MTTQ tỉnh.
"""
	)
	presiding = [task.presiding for task in parse_directive_text(text).tasks]
	assert presiding == [
		["Chủ tịch Ủy ban MTTQ xã"],
		["Phó Chủ tịch Thường trực Ủy ban MTTQ xã"],
		["Phó Chủ tịch Ủy ban MTTQ xã"],
		["Ban Thường trực Ủy ban MTTQ Việt Nam xã"],
	]


def test_a_village_front_board_written_in_lowercase_is_a_body() -> None:
	from danvan_app.domain.actor_phrases import extract_units
	from danvan_app.domain.directive_text.heading_bodies import units_in_header

	assert extract_units("Ban công tác mặt trận thôn tổ chức hội nghị cử tri.")[0] == [
		"Ban công tác mặt trận thôn"
	]
	assert units_in_header("5. Ban công tác Mặt trận các thôn")[0] == ["Ban công tác Mặt trận các thôn"]
	assert units_in_header("Ủy ban nhân dân phường, xã, đặc khu")[0] == [
		"Ủy ban nhân dân phường, xã, đặc khu"
	]


def test_organisations_listed_between_agencies_and_units_are_bodies() -> None:
	from danvan_app.domain.actor_phrases import extract_units

	presiding = extract_units(
		"Cơ quan, tổ chức, đơn vị cấp trên và Uỷ ban nhân dân cấp xã có trách nhiệm chỉ đạo."
	)[0]
	assert presiding == ["Cơ quan", "tổ chức", "đơn vị cấp trên", "Uỷ ban nhân dân cấp xã"]
	assert extract_units("Sở Nội vụ tổ chức, hướng dẫn các đơn vị thực hiện.")[0] == ["Sở Nội vụ"]


def test_an_entitlement_is_no_task() -> None:
	text = """ỦY BAN NHÂN DÂN TỈNH X
Số: 5/2025/QĐ-UBND
QUYẾT ĐỊNH
Ban hành Quy chế quản lý Phần mềm
Điều 5. Quyền khai thác dữ liệu
1. Sở Tài chính được quyền khai thác, sử dụng thông tin về tài sản công của các cơ quan.
2. Các cơ quan, tổ chức, đơn vị cấp trên được cấp một tài khoản quản lý.
Điều 6. Trách nhiệm của Sở Tài chính
1. Tổng hợp, trình Ủy ban nhân dân tỉnh phê duyệt báo cáo công khai tài sản công.
"""
	titles = [task.title for task in parse_directive_text(text).tasks]
	assert titles == ["Tổng hợp, trình Ủy ban nhân dân tỉnh phê duyệt báo cáo công khai tài sản công"]


def test_a_numbered_heading_of_the_laws_rules_is_no_task() -> None:
	text = (
		_HEAD.format(title="Tổ chức hội nghị hiệp thương")
		+ """II. NỘI DUNG, TIẾN ĐỘ, PHÂN CÔNG TRÁCH NHIỆM THỰC HIỆN
1. Ban Thường trực Ủy ban MTTQ Việt Nam xã tổ chức hội nghị hiệp thương lần thứ hai trước ngày 03/02/2026.
2. Quy định về thành phần, số lượng cử tri tham dự hội nghị
Căn cứ Nghị quyết số 101/2025/UBTVQH15, hội nghị cử tri phải đảm bảo số lượng như sau:
- Đối với thôn có dưới 100 cử tri: tổ chức hội nghị toàn thể cử tri.
"""
	)
	titles = [task.title for task in parse_directive_text(text).tasks]
	assert len(titles) == 1 and titles[0].startswith("Ban Thường trực Ủy ban MTTQ Việt Nam xã tổ chức")


def test_a_closing_request_paragraph_is_its_own_duty() -> None:
	text = (
		_HEAD.format(title="Tổ chức hội nghị hiệp thương lần thứ hai")
		+ """III. TỔ CHỨC THỰC HIỆN
1. Ban Thường trực Ủy ban MTTQ Việt Nam xã
- Triệu tập thành phần đại biểu dự hội nghị đúng quy định.
2. Các chuyên viên cơ quan
- Chuẩn bị tài liệu, hội trường phục vụ hội nghị.
Đề nghị Văn phòng Đảng ủy, Văn phòng HĐND và UBND xã phối hợp chuẩn bị các điều kiện phục vụ hội nghị.
"""
	)
	tasks = parse_directive_text(text).tasks
	request = next(task for task in tasks if task.title.startswith("Đề nghị Văn phòng Đảng ủy"))
	assert request.presiding == ["Văn phòng Đảng ủy", "Văn phòng HĐND", "UBND xã"]
	assert not any("Đề nghị" in task.clause for task in tasks if task is not request)


def test_a_long_title_over_the_paragraph_naming_its_body_gives_that_body() -> None:
	text = (
		_HEAD.format(title="Triển khai thi hành Luật Việc làm")
		+ """II. NỘI DUNG
1. Xây dựng các văn bản quy phạm pháp luật quy định chi tiết các nội dung được giao trong Luật Việc làm của Thành phố
Sở, ban, ngành thuộc Ủy ban nhân dân Thành phố có trách nhiệm rà soát, tham mưu Ủy ban nhân dân Thành phố ban hành văn bản.
2. Sở Nội vụ tổ chức kiểm tra việc thi hành Luật trong năm 2026.
"""
	)
	tasks = parse_directive_text(text).tasks
	first = next(task for task in tasks if task.title.startswith("Xây dựng các văn bản"))
	assert first.presiding == ["Sở, ban, ngành thuộc Ủy ban nhân dân Thành phố"]


def test_a_named_bodys_duty_in_the_funding_part_is_a_task_its_rules_are_not() -> None:
	text = (
		_HEAD.format(title="Triển khai thi hành Luật Việc làm")
		+ """II. NỘI DUNG
1. Sở Nội vụ tổ chức kiểm tra việc thi hành Luật trong năm 2026.
III. KINH PHÍ THỰC HIỆN
1. Kinh phí bảo đảm thực hiện Kế hoạch này được bố trí từ nguồn ngân sách nhà nước hằng năm của các cơ quan.
2. Sở Tài chính chủ trì, phối hợp với các sở, ngành liên quan bố trí kinh phí chi thường xuyên theo quy định.
3. Các cơ quan được phân công chủ trì có trách nhiệm lập dự toán theo quy định.
IV. TỔ CHỨC THỰC HIỆN
Sở Nội vụ theo dõi, tổng hợp báo cáo Ủy ban nhân dân Thành phố.
"""
	)
	tasks = parse_directive_text(text).tasks
	funding = [task for task in tasks if "kinh phí" in task.clause.lower() or "dự toán" in task.clause]
	assert [task.presiding for task in funding] == [["Sở Tài chính"]]


def test_a_body_after_an_event_opener_carries_the_duty() -> None:
	from danvan_app.domain.actor_phrases import extract_units

	clause = (
		"Kết thúc cuộc bầu cử, Ban Thường trực Ủy ban MTTQ Việt Nam xã tổ chức họp bình xét, khen thưởng."
	)
	assert extract_units(clause)[0] == ["Ban Thường trực Ủy ban MTTQ Việt Nam xã"]
	clause = "Kết thúc cuộc bầu cử, Ban Thường trực Ủy ban MTTQ phường, chịu trách nhiệm tổng hợp báo cáo."
	assert extract_units(clause)[0] == ["Ban Thường trực Ủy ban MTTQ phường"]
	clause = "Sau hội nghị hiệp thương lần thứ hai, trên cơ sở danh sách sơ bộ, Ban Thường trực UBMTTQ xã ban hành Kế hoạch."
	assert extract_units(clause)[0] == ["Ban Thường trực UBMTTQ xã"]


def test_a_case_followed_by_what_to_do_in_it_is_the_headers_duty() -> None:
	text = """ỦY BAN NHÂN DÂN THÀNH PHỐ X

Số: 09/CT-UBND

X, ngày 18 tháng 11 năm 2025

CHỈ THỊ

Về tăng cường quản lý tài nguyên nước

Chủ tịch Ủy ban nhân dân thành phố chỉ thị:

1. Giao Ban Quản lý các khu công nghiệp chỉ đạo các đơn vị kinh doanh hạ tầng có trách nhiệm:
- Đối với các khu công nghiệp đã được cấp nước tập trung, tiếp tục duy trì hoạt động cấp nước bảo đảm liên tục.
- Đối với các khu công nghiệp chưa có mạng lưới cấp nước, khẩn trương xây dựng giải pháp sử dụng nước tiết kiệm.
- Đối với trường hợp vi phạm thì xử lý theo quy định.
2. Sở Nông nghiệp và Môi trường tổ chức thanh tra việc khai thác nước dưới đất.
"""
	tasks = parse_directive_text(text).tasks
	cases = [task for task in tasks if task.title.startswith("Đối với các khu")]
	assert len(cases) == 2
	assert all(task.presiding == ["Ban Quản lý các khu công nghiệp"] for task in cases)
	assert not any("vi phạm thì" in task.title for task in tasks)


def test_a_quarter_of_the_following_year_is_a_yearly_duty_in_that_quarter() -> None:
	from danvan_app.domain.deadline_phrases import parse_deadline

	deadline = parse_deadline(
		"Trong quý I của năm liền kề đánh giá, Sở Nội vụ chủ trì rà soát kết quả chấm điểm."
	)
	assert (deadline.kind, deadline.recurrence, deadline.month) == ("recurring", "yearly", 3)
	assert parse_deadline("Trong quý I/2026 hoàn thành").kind == "quarter"


def test_a_timed_duty_joined_to_an_untimed_one_is_its_own_task() -> None:
	text = (
		_HEAD.format(title="Triển khai thi hành Luật Y")
		+ """IV. TỔ CHỨC THỰC HIỆN
1. Sở Khoa học và Công nghệ có trách nhiệm giúp Chủ tịch Ủy ban nhân dân tỉnh theo dõi, kiểm tra, đôn đốc các sở, ngành liên quan triển khai thực hiện nhiệm vụ được nêu trong Kế hoạch, báo cáo Chủ tịch Ủy ban nhân dân tỉnh kết quả thực hiện hằng năm theo quy định.
2. Bộ Công an tổng hợp kết quả rà soát, báo cáo Thủ tướng Chính phủ trước ngày 31 tháng 12 năm 2025.
"""
	)
	tasks = parse_directive_text(text).tasks
	assert [(task.presiding, task.deadline.kind) for task in tasks] == [
		(["Sở Khoa học và Công nghệ"], "none"),
		(["Sở Khoa học và Công nghệ"], "recurring"),
		(["Bộ Công an"], "before"),
	]
	assert tasks[1].title.startswith("Báo cáo Chủ tịch Ủy ban nhân dân tỉnh kết quả thực hiện hằng năm")


def test_an_emulation_drives_criteria_and_awards_are_no_tasks_but_its_launch_is() -> None:
	text = (
		_HEAD.format(title="Hướng dẫn công tác Mặt trận trong bầu cử")
		+ """II. NỘI DUNG CÔNG TÁC MẶT TRẬN TRONG BẦU CỬ
1. Công tác tuyên truyền
Ban Thường trực Ủy ban MTTQ Việt Nam xã xây dựng kế hoạch tuyên truyền về bầu cử.
2. Công tác thi đua, khen thưởng
2.1. Về nội dung thi đua
- Ủy ban MTTQ Việt Nam xã tổ chức phát động đợt thi đua thực hiện tốt các nội dung Mặt trận tham gia bầu cử.
- Chỉ đạo tốt công tác tuyên truyền theo các kế hoạch của tỉnh.
- Thực hiện tốt công tác giám sát theo hướng dẫn.
2.2. Công tác khen thưởng
- Đối tượng: Là các tập thể, cá nhân có thành tích xuất sắc trong công tác bầu cử.
- Bằng khen của Ủy ban MTTQ Việt Nam tỉnh: Do Ủy ban MTTQ Việt Nam cấp xã đề xuất.
"""
	)
	titles = [task.title for task in parse_directive_text(text).tasks]
	assert any(title.startswith("Ủy ban MTTQ Việt Nam xã tổ chức phát động đợt thi đua") for title in titles)
	assert not any(
		title.startswith(("Chỉ đạo tốt", "Thực hiện tốt công tác giám sát", "Đối tượng", "Bằng khen"))
		for title in titles
	)


def test_a_body_named_before_a_colon_heads_its_numbered_points() -> None:
	text = (
		_HEAD.format(title="Thẩm định chủ trương đầu tư")
		+ """II. TRÁCH NHIỆM CỦA CÁC CƠ QUAN, ĐƠN VỊ
1. Sở Tài chính chủ trì tiếp nhận hồ sơ đề nghị chấp thuận chủ trương đầu tư.
2. Các sở, ban, ngành, địa phương: Là các đơn vị được lấy ý kiến thẩm định, chịu trách nhiệm trước Ủy ban nhân dân tỉnh về ý kiến của mình.
2.1. Trách nhiệm chung
a) Đánh giá sự phù hợp của dự án đầu tư với quy hoạch tỉnh.
b) Chịu trách nhiệm về nội dung thẩm định và giải trình của cơ quan mình.
2.2. Trách nhiệm cụ thể
Ngoài các trách nhiệm chung nêu trên, một số đơn vị còn có trách nhiệm có ý kiến thẩm định một số nội dung sau:
a) Sở Xây dựng
- Đánh giá sự phù hợp của dự án đầu tư với quy hoạch xây dựng, đô thị.
b) Sở Khoa học và Công nghệ
- Đánh giá về công nghệ sử dụng trong dự án đầu tư.
3. Cơ quan chủ trì giải quyết thủ tục đầu tư dự án:
a) Hướng dẫn và tạo điều kiện giải quyết nhanh các thủ tục đầu tư thuộc thẩm quyền.
4. Cơ quan phối hợp có trách nhiệm trả lời bằng văn bản, nêu rõ quan điểm.
"""
	)
	tasks = parse_directive_text(text).tasks

	def presiding_of(start: str) -> list[str]:
		return next(task.presiding for task in tasks if task.title.startswith(start))

	assert presiding_of("Đánh giá sự phù hợp của dự án đầu tư với quy hoạch tỉnh") == [
		"sở, ban, ngành",
		"địa phương",
	]
	assert presiding_of("Đánh giá sự phù hợp của dự án đầu tư với quy hoạch xây dựng") == ["Sở Xây dựng"]
	assert presiding_of("Đánh giá về công nghệ") == ["Sở Khoa học và Công nghệ"]
	assert presiding_of("Hướng dẫn và tạo điều kiện") == ["Cơ quan chủ trì giải quyết thủ tục đầu tư dự án"]
	assert presiding_of("Cơ quan phối hợp có trách nhiệm") == ["Cơ quan phối hợp"]
	assert not any(
		task.title.startswith(("Chịu trách nhiệm về nội dung", "Ngoài các trách nhiệm")) for task in tasks
	)


def test_a_one_off_date_after_a_chain_of_duties_stays_the_chains_deadline() -> None:
	text = (
		_HEAD.format(title="Phát động phong trào thi đua")
		+ """IV. TỔ CHỨC THỰC HIỆN
1. Ban Dân vận Tỉnh ủy chủ trì, phối hợp với Hội đồng Thi đua Khen thưởng tỉnh xây dựng kế hoạch, dự trù kinh phí, phát động phong trào thi đua “Dân vận khéo”, báo cáo kết quả trước ngày 15/12/2026.
"""
	)
	tasks = parse_directive_text(text).tasks
	assert [(task.deadline.kind, str(task.deadline.due)) for task in tasks] == [("before", "2026-12-15")]


def test_the_provincial_tax_and_social_insurance_offices_are_bodies() -> None:
	from danvan_app.domain.actor_phrases import extract_units

	clause = "Thuế tỉnh, Bảo hiểm xã hội tỉnh cung cấp thông tin về việc chấp hành pháp luật của các đơn vị."
	assert extract_units(clause)[0] == ["Thuế tỉnh", "Bảo hiểm xã hội tỉnh"]


def test_a_front_plans_conference_parts_give_the_named_bodies_duties_not_the_running_order() -> None:
	text = (
		_HEAD.format(title="Tổ chức hội nghị lấy ý kiến cử tri nơi cư trú")
		+ """II. NỘI DUNG, PHƯƠNG THỨC TỔ CHỨC
1. Nội dung: lấy ý kiến nhận xét và tín nhiệm của cử tri nơi cư trú đối với người ứng cử.
2. Phương thức tổ chức:
- Trình tự tổ chức thực hiện theo Điều 2, 3, 4 Nghị quyết số 101/2025/UBTVQH15.
III. TỔ CHỨC HỘI NGHỊ LẤY Ý KIẾN NHẬN XÉT VÀ TÍN NHIỆM
1. Triệu tập và chủ trì hội nghị
- Ban Thường trực UBMTTQ xã phối hợp với UBND xã triệu tập và chủ trì hội nghị.
- Địa điểm tổ chức hội nghị: Hội nghị được tổ chức tại thôn nơi người ứng cử cư trú.
2. Thành phần dự hội nghị
- Trưởng Ban Công tác Mặt trận thôn phối hợp với Trưởng thôn lập danh sách và mời cử tri đến dự hội nghị.
3. Trình tự tổ chức hội nghị
3.1. Thư ký hội nghị đọc tiểu sử tóm tắt của từng người ứng cử.
3.2. Cử tri phát biểu ý kiến đối với từng người ứng cử.
IV. TỔ CHỨC THỰC HIỆN
1. Ban Thường trực Ủy ban MTTQ Việt Nam xã
- Bố trí kinh phí tổ chức các hội nghị lấy ý kiến cử tri.
"""
	)
	tasks = parse_directive_text(text).tasks
	assert [task.presiding for task in tasks] == [
		["Ban Thường trực UBMTTQ xã"],
		["Trưởng Ban Công tác Mặt trận thôn"],
		["Ban Thường trực Ủy ban MTTQ Việt Nam xã"],
	]


def test_what_is_not_done_is_a_rule_not_a_task() -> None:
	from danvan_app.domain.directive_text.obligations import _RULE_OPENING
	from danvan_app.domain.vn_text import fold_same_length

	for clause in (
		"Không xem xét giải quyết đối với đơn tố cáo nặc danh, mạo danh.",
		"Lưu ý: Không thụ lý đơn đã được giải quyết nhưng không có chứng cứ mới.",
	):
		assert _RULE_OPENING.match(fold_same_length(clause).lower())
	assert not _RULE_OPENING.match(fold_same_length("Ban Thường trực xem xét giải quyết đơn thư.").lower())


@pytest.mark.parametrize(
	"clause",
	[
		"Khi xuất hiện ca bệnh bất thường, báo cáo ngay về Trung tâm Kiểm soát bệnh tật tỉnh và Sở Y tế.",
		"Trong quá trình thực hiện Kế hoạch này, nếu có khó khăn, vướng mắc, đề nghị các bộ, ngành phản ánh.",
		"Tài khoản quản trị có chức năng thêm, sửa, xóa và phân quyền cho các tài khoản trong Phần mềm.",
		"Tổ tiếp công dân tự giải thể sau khi kết thúc nhiệm vụ.",
		"Người ứng cử đang công tác chuyên trách tại cơ quan Đảng thì lấy ý kiến cử tri nơi công tác.",
	],
)
def test_event_reports_conditions_and_what_a_thing_does_are_rules(clause: str) -> None:
	from danvan_app.domain.directive_text.obligations import _RULE_OPENING, is_rule
	from danvan_app.domain.vn_text import fold_same_length

	folded = fold_same_length(clause).lower()
	assert _RULE_OPENING.match(folded) or is_rule(folded)
