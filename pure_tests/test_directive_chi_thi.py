"""A Chỉ thị's numbered directions right after its preamble, numbering apart from its paragraph, content lists
and empty titles (issue 15, sixth round)."""

from __future__ import annotations

import pytest

from danvan_app.domain.directive_text import parse_directive_text
from danvan_app.domain.directive_text.layout import join_bare_markers


def _tasks(text: str) -> list[dict]:
	return [task.to_json_dict() for task in parse_directive_text(text).tasks]


_STATE_HEAD = (
	"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 05/CT-UBND\nAn Giang, ngày 12 tháng 11 năm 2025\n\n"
	"CHỈ THỊ\nVề tăng cường công tác dân vận\n\n"
	"Thời gian qua, công tác dân vận của chính quyền các cấp đã đạt nhiều kết quả quan trọng. Tuy nhiên, "
	"vẫn còn hạn chế.\n"
)
_PARTY_HEAD = (
	"ĐẢNG BỘ TỈNH AN GIANG\nTỈNH ỦY\n*\nSố: 12-CT/TU\nAn Giang, ngày 05 tháng 11 năm 2025\n\n"
	"CHỈ THỊ\ncủa Ban Thường vụ Tỉnh ủy về tăng cường công tác dân vận trong tình hình mới\n\n"
	"Thời gian qua, các cấp ủy, tổ chức đảng đã quan tâm lãnh đạo công tác dân vận.\n"
)


@pytest.mark.parametrize(
	"closing",
	[
		"Để khắc phục những hạn chế trên, Chủ tịch Ủy ban nhân dân tỉnh chỉ thị:",
		"Để khắc phục những hạn chế trên, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:",
		"Để khắc phục những hạn chế trên, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu các sở, ngành, địa phương "
		"thực hiện tốt các nội dung sau:",
		"Để khắc phục những hạn chế trên, Ủy ban nhân dân tỉnh chỉ thị các sở, ban, ngành như sau:",
	],
)
def test_a_directive_numbered_directions_after_its_preamble_are_tasks(closing: str) -> None:
	tasks = _tasks(
		_STATE_HEAD + closing + "\n"
		"1. Sở Nội vụ chủ trì tổ chức hội nghị sơ kết công tác dân vận, hoàn thành trước ngày 31/12/2025.\n"
		"2. Sở Tài chính bố trí kinh phí thực hiện Chỉ thị này.\n"
		"3. Ủy ban nhân dân các xã, phường báo cáo kết quả thực hiện định kỳ 6 tháng.\n"
	)
	assert [(task["title"][:20], task["presiding"]) for task in tasks] == [
		("Sở Nội vụ chủ trì tổ", ["Sở Nội vụ"]),
		("Sở Tài chính bố trí ", ["Sở Tài chính"]),
		("Ủy ban nhân dân các ", ["Ủy ban nhân dân các xã, phường"]),
	]
	assert tasks[0]["deadline"]["kind"] == "before"


def test_a_party_standing_committee_directive_after_yeu_cau() -> None:
	tasks = _tasks(
		_PARTY_HEAD + "Để tăng cường công tác dân vận, Ban Thường vụ Tỉnh ủy yêu cầu:\n"
		"1. Các cấp ủy, tổ chức đảng quán triệt sâu sắc quan điểm của Đảng về công tác dân vận.\n"
		"2. Ban Dân vận Tỉnh ủy chủ trì, phối hợp theo dõi, đôn đốc, hằng năm báo cáo Ban Thường vụ Tỉnh ủy.\n"
	)
	assert [task["title"][:23] for task in tasks] == ["Các cấp ủy, tổ chức đản", "Ban Dân vận Tỉnh ủy chủ"]
	assert tasks[1]["presiding"] == ["Ban Dân vận Tỉnh ủy"]
	assert tasks[1]["deadline"]["recurrence"] == "yearly"


def test_numbers_in_the_preamble_narrative_are_not_tasks() -> None:
	"""Without a closing "chỉ thị:", a numbered list in the situation's account is no direction."""
	tasks = _tasks(
		_STATE_HEAD + "Kết quả đạt được như sau:\n"
		"1. Số vụ việc được giải quyết tăng 20%.\n"
		"2. Số đơn thư giảm 10%.\n"
	)
	assert tasks == []


def test_a_marker_alone_on_its_line_is_joined_to_its_paragraph() -> None:
	text = "II.\nNHIỆM VỤ\n\n1.\nSở Nội vụ chủ trì.\n\na)\nTổ chức hội nghị.\n1.\n|\n30\n"
	assert join_bare_markers(text).split("\n") == [
		"II. NHIỆM VỤ",
		"",
		"1. Sở Nội vụ chủ trì.",
		"",
		"a) Tổ chức hội nghị.",
		"1.",
		"|",
		"30",
		"",
	]


def test_a_directive_with_markers_apart_from_their_words() -> None:
	tasks = _tasks(
		_STATE_HEAD + "Chủ tịch Ủy ban nhân dân tỉnh yêu cầu thực hiện các nhiệm vụ trọng tâm sau:\n\n"
		"1.\nSở Nội vụ chủ trì tổ chức hội nghị sơ kết công tác dân vận.\n\n"
		"2.\nSở Tài chính\n\na)\nBố trí kinh phí thực hiện Chỉ thị này.\n\nb)\nHướng dẫn thanh quyết toán.\n"
	)
	assert [(task["title"][:12], task["presiding"]) for task in tasks] == [
		("Sở Nội vụ ch", ["Sở Nội vụ"]),
		("Bố trí kinh ", ["Sở Tài chính"]),
		("Hướng dẫn th", ["Sở Tài chính"]),
	]
