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
