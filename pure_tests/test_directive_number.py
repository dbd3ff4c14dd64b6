"""directive_number: Party (16-CT/TU) and State (16/CT-TTg) document numbers."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from danvan_app.domain.directive_number import (
	DOC_TYPE_BY_CODE,
	ISSUER_BY_CODE,
	DirectiveNumber,
	InvalidDirectiveNumber,
	find_directive_numbers,
	parse_directive_number,
)


@pytest.mark.parametrize(
	("text", "serial", "type_code", "doc_type", "issuer_code", "issuer_name", "normalized", "style"),
	[
		("16-CT/TU", 16, "CT", "Chỉ thị", "TU", "Tỉnh ủy", "16-CT/TU", "party"),
		("16/CT-TTg", 16, "CT", "Chỉ thị", "TTg", "Thủ tướng Chính phủ", "16/CT-TTg", "state"),
		("290-QĐ/TW", 290, "QĐ", "Quyết định", "TW", "Trung ương", "290-QĐ/TW", "party"),
		("17-QC/TU", 17, "QC", "Quy chế", "TU", "Tỉnh ủy", "17-QC/TU", "party"),
		("123-QĐ/TU", 123, "QĐ", "Quyết định", "TU", "Tỉnh ủy", "123-QĐ/TU", "party"),
		("08-CT/TU", 8, "CT", "Chỉ thị", "TU", "Tỉnh ủy", "08-CT/TU", "party"),
		("232-CV/BDVTW", 232, "CV", "Công văn", "BDVTW", "Ban Dân vận Trung ương", "232-CV/BDVTW", "party"),
		("173-CTr/TU", 173, "CTr", "Chương trình", "TU", "Tỉnh ủy", "173-CTr/TU", "party"),
		("25-NQ/TW", 25, "NQ", "Nghị quyết", "TW", "Trung ương", "25-NQ/TW", "party"),
		("08-QĐi/TW", 8, "QĐi", "Quy định", "TW", "Trung ương", "08-QĐi/TW", "party"),
		("120-KL/TW", 120, "KL", "Kết luận", "TW", "Trung ương", "120-KL/TW", "party"),
		("45/KH-UBND", 45, "KH", "Kế hoạch", "UBND", "Ủy ban nhân dân", "45/KH-UBND", "state"),
		("01/2021/NQ-HĐND", 1, "NQ", "Nghị quyết", "HĐND", "Hội đồng nhân dân", "01/2021/NQ-HĐND", "state"),
		("5-HD/BDV", 5, "HD", "Hướng dẫn", "BDV", "Ban Dân vận", "5-HD/BDV", "party"),
		("12-TB/ĐU", 12, "TB", "Thông báo", "ĐU", "Đảng ủy", "12-TB/ĐU", "party"),
		("3-BC/HU", 3, "BC", "Báo cáo", "HU", "Huyện ủy", "3-BC/HU", "party"),
	],
)
def test_parse_well_formed(
	text: str,
	serial: int,
	type_code: str,
	doc_type: str,
	issuer_code: str,
	issuer_name: str,
	normalized: str,
	style: str,
) -> None:
	number = parse_directive_number(text)
	assert (number.serial, number.type_code, number.doc_type) == (serial, type_code, doc_type)
	assert (number.issuer_code, number.issuer_name) == (issuer_code, issuer_name)
	assert (number.normalized, number.style, number.raw) == (normalized, style, text)


@pytest.mark.parametrize(
	("text", "normalized"),
	[
		("16 CT/TU", "16-CT/TU"),
		("số 16-CT/TU,", "16-CT/TU"),
		("Số: 16-CT/TU.", "16-CT/TU"),
		("16-ct/tu", "16-CT/TU"),
		("16\u00a0-\u00a0CT\u00a0/\u00a0TU", "16-CT/TU"),
		("  16 -  CT / TU  ", "16-CT/TU"),
		("16–CT/TU", "16-CT/TU"),  # en dash
		("16—CT/TU", "16-CT/TU"),  # em dash
		("123-QD/TU", "123-QĐ/TU"),  # QĐ typed without Đ
		("123-qđ/tu", "123-QĐ/TU"),
		("123-QÐ/TU", "123-QĐ/TU"),  # Ð (U+00D0) look-alike
		("16/ct-ttg", "16/CT-TTg"),
		("16 / CT – TTg", "16/CT-TTg"),
		("“16-CT/TU”", "16-CT/TU"),
		("(16-CT/TU)", "16-CT/TU"),
	],
)
def test_parse_tolerates_clear_malformations(text: str, normalized: str) -> None:
	assert parse_directive_number(text).normalized == normalized


def test_unknown_issuer_is_allowed_without_a_name() -> None:
	number = parse_directive_number("7-CT/XYZ")
	assert (number.issuer_code, number.issuer_name, number.normalized) == ("XYZ", None, "7-CT/XYZ")


@pytest.mark.parametrize(
	"text",
	[
		"",
		"   ",
		"abc",
		"16-XX/TU",  # unknown type code
		"0-CT/TU",  # serial 0
		"000-CT/TU",
		"16-CT",
		"CT/TU",
		"16/TU",
		"ngày 02/8/2021",
		"quý II/2024",
		"16-CT/TU và 17-CT/TU",  # two numbers are not one
		"Chỉ thị 16-CT/TU về công tác dân vận",  # a sentence, not a number
	],
)
def test_parse_refuses_garbage(text: str) -> None:
	with pytest.raises(InvalidDirectiveNumber) as raised:
		parse_directive_number(text)
	assert raised.value.text == text
	assert isinstance(raised.value, ValueError)


def test_number_is_frozen() -> None:
	number = parse_directive_number("16-CT/TU")
	with pytest.raises(dataclasses.FrozenInstanceError):
		number.serial = 17  # type: ignore[misc]


def test_find_in_running_text() -> None:
	text = (
		"Triển khai Quyết định số 290-QĐ/TW, ngày 25/02/2010 của Bộ chính trị; Chỉ thị số 16/CT-TTg, ngày 16/5/2016; "
		"Quy chế số 17-QC/TU ngày 04/12/2019, từ 1 - 2 mô hình, 6 tháng/lần, quý II/2024, 16-XX/TU."
	)
	assert [number.normalized for number in find_directive_numbers(text)] == [
		"290-QĐ/TW",
		"16/CT-TTg",
		"17-QC/TU",
	]


def test_find_nothing_in_empty_or_plain_text() -> None:
	assert find_directive_numbers("") == []
	assert find_directive_numbers("Nâng cao hiệu quả công tác dân vận 30/09/2021 - 22:26") == []


def test_tables_have_the_agreed_entries() -> None:
	for code, name in {
		"CT": "Chỉ thị",
		"NQ": "Nghị quyết",
		"QĐ": "Quyết định",
		"QC": "Quy chế",
		"QĐi": "Quy định",
		"KH": "Kế hoạch",
		"CTr": "Chương trình",
		"KL": "Kết luận",
		"HD": "Hướng dẫn",
		"CV": "Công văn",
		"TB": "Thông báo",
		"BC": "Báo cáo",
	}.items():
		assert DOC_TYPE_BY_CODE[code] == name
	for code, name in {
		"TU": "Tỉnh ủy",
		"TW": "Trung ương",
		"TTg": "Thủ tướng Chính phủ",
		"BDVTW": "Ban Dân vận Trung ương",
		"HU": "Huyện ủy",
		"ĐU": "Đảng ủy",
		"BDV": "Ban Dân vận",
		"UBND": "Ủy ban nhân dân",
		"BCT": "Bộ Chính trị",
	}.items():
		assert ISSUER_BY_CODE[code] == name


_type_codes = st.sampled_from(sorted(DOC_TYPE_BY_CODE))
_issuer_codes = st.one_of(
	st.sampled_from(sorted(ISSUER_BY_CODE)), st.text(alphabet="ABCDEFGHKLMNPQRSTUVXY", min_size=1, max_size=6)
)
_serials = st.integers(min_value=1, max_value=99999).flatmap(
	lambda serial: st.sampled_from([str(serial), f"0{serial}"] if serial < 1000 else [str(serial)])
)


@given(_serials, _type_codes, _issuer_codes, st.booleans())
def test_round_trip_normalized_parse_same(serial: str, type_code: str, issuer_code: str, party: bool) -> None:
	written = f"{serial}-{type_code}/{issuer_code}" if party else f"{serial}/{type_code}-{issuer_code}"
	first = parse_directive_number(written)
	again = parse_directive_number(first.normalized)
	assert again == dataclasses.replace(first, raw=first.normalized)
	assert first.serial == int(serial)
	assert first.type_code == type_code
	assert first.style == ("party" if party else "state")
	# Case and the dash kind do not change what is read.
	sloppy = written.lower().replace("-", "–")
	assert parse_directive_number(sloppy).normalized == first.normalized
	assert find_directive_numbers(f"Thực hiện văn bản số {written}, ngày 02/8/2021.") == [first]


@given(st.text(max_size=200))
def test_parse_only_ever_raises_invalid_number(text: str) -> None:
	try:
		number = parse_directive_number(text)
	except InvalidDirectiveNumber:
		return
	assert isinstance(number, DirectiveNumber)
	assert number.serial > 0
	assert number.type_code in DOC_TYPE_BY_CODE
