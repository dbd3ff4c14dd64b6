"""vn_text: diacritics, folding, whitespace and Vietnamese dates."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from danvan_app.domain.vn_text import (
	canonical_word,
	find_vn_dates,
	fold,
	fold_same_length,
	normalize_whitespace,
	parse_vn_date,
	strip_diacritics,
)


@pytest.mark.parametrize(
	("text", "expected"),
	[
		("Tỉnh ủy Lào Cai", "Tinh uy Lao Cai"),
		("Đảng đoàn Hội đồng nhân dân", "Dang doan Hoi dong nhan dan"),
		("đ Đ", "d D"),
		("Ð", "D"),  # U+00D0, the look-alike typed for Đ
		("Mặt trận Tổ quốc", "Mat tran To quoc"),
		("abc 123", "abc 123"),
	],
)
def test_strip_diacritics(text: str, expected: str) -> None:
	assert strip_diacritics(text) == expected


def test_fold_ignores_case_diacritics_spacing_and_tone_placement() -> None:
	assert fold("  UỶ BAN\u00a0 NHÂN   DÂN ") == fold("Ủy ban nhân dân") == "uy ban nhan dan"
	assert fold("HOÀ") == fold("hòa") == "hoa"


def test_normalize_whitespace_collapses_exotic_spaces() -> None:
	assert normalize_whitespace("a\u00a0\u00a0b\u200b c\u202fd\t\te") == "a b c d e"
	assert normalize_whitespace("  x  \n\n  y \t z  ", keep_newlines=True) == "x\n\ny z"


def test_canonical_word_keeps_diacritics_but_unifies_tone_placement() -> None:
	assert canonical_word("Uỷ") == canonical_word("ủy") == "ủy"
	assert canonical_word("Sở") != canonical_word("số")


@pytest.mark.parametrize(
	("text", "expected"),
	[
		("02/8/2021", date(2021, 8, 2)),
		("ngày 02/8/2021", date(2021, 8, 2)),
		("Ngày 02/8/2021", date(2021, 8, 2)),
		("NGÀY 02/8/2021", date(2021, 8, 2)),
		("ngày 02 tháng 8 năm 2021", date(2021, 8, 2)),
		("ngày 2 tháng 08 năm 2021", date(2021, 8, 2)),
		("25/02/2010", date(2010, 2, 25)),
		("25-02-2010", date(2010, 2, 25)),
		("25.02.2010", date(2010, 2, 25)),
		(" 25/02/2010, ", date(2010, 2, 25)),
		("ngay 25/02/2010", date(2010, 2, 25)),
	],
)
def test_parse_vn_date(text: str, expected: date) -> None:
	assert parse_vn_date(text) == expected


@pytest.mark.parametrize(
	"text",
	["", "abc", "31/02/2021", "02/13/2021", "16/CT-TTg", "02/8", "quý II/2024", "1/2/3/2021", "02/8/1800"],
)
def test_parse_vn_date_refuses_non_dates(text: str) -> None:
	with pytest.raises(ValueError, match="Không đọc được ngày tháng"):
		parse_vn_date(text)


def test_find_vn_dates_in_running_text_with_positions() -> None:
	text = (
		"Quyết định số 290-QĐ/TW, ngày 25/02/2010 và Chỉ thị 16/CT-TTg ngày 16 tháng 5 năm 2016; 31/02/2020."
	)
	found = find_vn_dates(text)
	assert [mention.value for mention in found] == [date(2010, 2, 25), date(2016, 5, 16)]
	assert text[found[0].start : found[0].end] == "ngày 25/02/2010"


@given(st.text())
def test_fold_same_length_keeps_length(text: str) -> None:
	assert len(fold_same_length(text)) == len(text)


@given(st.dates(min_value=date(1930, 1, 1), max_value=date(2100, 12, 31)), st.sampled_from(["/", "-", "."]))
def test_date_round_trip(value: date, separator: str) -> None:
	written = f"{value.day}{separator}{value.month:02d}{separator}{value.year}"
	assert parse_vn_date(written) == value
	assert parse_vn_date(f"ngày {value.day:02d} tháng {value.month} năm {value.year}") == value
