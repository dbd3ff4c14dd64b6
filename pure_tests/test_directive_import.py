"""directive_import: the parser's proposal turned into DV Task fields, and the checks on a reviewed task."""

from __future__ import annotations

from danvan_app.domain.directive_import import (
	deadline_fields,
	kind_label,
	quarter_numeral,
	recurrence_label,
	short_title,
	task_key,
	unit_names,
)


def deadline(kind="none", due=None, start=None, recurrence=None, month=None, text=None):
	return {"kind": kind, "due": due, "start": start, "recurrence": recurrence, "month": month, "text": text}


def test_deadline_kinds_become_task_fields():
	assert deadline_fields(deadline("before", due="2024-06-30", text="trước ngày 30/6/2024")) == {
		"deadline_kind": "Trước ngày",
		"deadline_text": "trước ngày 30/6/2024",
		"due_date": "2024-06-30",
		"start_date": None,
		"recurrence": "Không lặp lại",
		"deadline_year": None,
		"deadline_month": None,
		"deadline_quarter": None,
	}
	within = deadline_fields(deadline("within_month", due="2023-07-31", month=7))
	assert (within["deadline_kind"], within["deadline_year"], within["deadline_month"]) == (
		"Trong tháng",
		2023,
		7,
	)
	quarter = deadline_fields(deadline("quarter", due="2026-09-30"))
	assert (quarter["deadline_kind"], quarter["deadline_year"], quarter["deadline_quarter"]) == (
		"Trong quý",
		2026,
		"III",
	)
	from_year = deadline_fields(deadline("from_year", start="2025-01-01"))
	assert (from_year["deadline_kind"], from_year["deadline_year"]) == ("Từ năm", 2025)
	recurring = deadline_fields(deadline("recurring", recurrence="yearly", text="Hằng năm"))
	assert (recurring["deadline_kind"], recurring["recurrence"]) == ("Định kỳ", "Hằng năm")
	# "vào ngày thứ Bảy hoặc Chủ nhật hàng tuần": the dialog proposes the weekly option, not "Không lặp lại".
	weekly = deadline_fields(deadline("recurring", recurrence="weekly", text="hàng tuần"))
	assert (weekly["deadline_kind"], weekly["recurrence"]) == ("Định kỳ", "Hằng tuần")
	assert deadline_fields(deadline(text="ngay từ đầu năm"))["deadline_kind"] == "Không thời hạn"


def test_a_month_without_a_year_leaves_the_year_for_the_reviewer():
	fields = deadline_fields(deadline("within_month", month=9, text="trong tháng 9"))
	assert (fields["deadline_month"], fields["deadline_year"], fields["due_date"]) == (9, None, None)


def test_labels_are_read_from_label_or_parser_key():
	assert kind_label("quarter") == kind_label("Trong quý") == "Trong quý"
	assert kind_label("") == "Không thời hạn"
	assert kind_label("someday") is None
	assert recurrence_label("monthly") == "Hằng tháng"
	assert recurrence_label("weekly") == recurrence_label("Hằng tuần") == "Hằng tuần"
	assert recurrence_label(None) == "Không lặp lại"
	assert recurrence_label("hourly") is None
	assert [quarter_numeral(q) for q in ("II", 2, "4", "", None, "V", 5)] == [
		"II",
		"II",
		"IV",
		"",
		"",
		None,
		None,
	]


def test_unit_names_from_lists_rows_and_text():
	assert unit_names(["DVI-1", {"unit": "DVI-2"}, "DVI-1", ""]) == ["DVI-1", "DVI-2"]
	assert unit_names("Ban Dân vận Tỉnh ủy, UBND tỉnh") == ["Ban Dân vận Tỉnh ủy", "UBND tỉnh"]
	# With a semicolon, commas belong to the names.
	assert unit_names("Sở Văn hóa, Thể thao và Du lịch; Tỉnh đoàn") == [
		"Sở Văn hóa, Thể thao và Du lịch",
		"Tỉnh đoàn",
	]
	assert unit_names(None) == [] and unit_names("  ") == []


def test_task_key_ignores_spacing_and_case_and_falls_back_to_title():
	assert task_key("A", "Ban  Dân vận\nchủ trì", "DVI-1") == task_key("B", "ban dân vận chủ trì", "DVI-1")
	assert task_key("Sơ kết", None, "DVI-1") == task_key("sơ  kết", "", "DVI-1")
	assert task_key("Sơ kết", None, "DVI-1") != task_key("Sơ kết", None, "DVI-2")


def test_short_title_cuts_at_a_word():
	title = "Tăng cường " * 20
	cut = short_title(title)
	assert len(cut) <= 140 and cut.endswith("…") and not cut[:-1].endswith(" ")
	assert short_title("Ngắn") == "Ngắn"
