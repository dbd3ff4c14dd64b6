"""unit_matching: names as written in a directive → the app's units."""

from __future__ import annotations

import pytest

from danvan_app.domain.unit_matching import (
	AMBIGUOUS,
	MATCHED_BY_ABBREVIATION,
	MATCHED_BY_ALIAS,
	MATCHED_BY_NAME,
	UNMATCHED,
	UnitMatch,
	UnitRecord,
	match_unit_names,
	name_key,
)

UNITS = [
	UnitRecord("UBND-T", "Ủy ban nhân dân tỉnh"),
	UnitRecord("HDND-T", "Hội đồng nhân dân tỉnh"),
	UnitRecord("BDV-TU", "Ban Dân vận Tỉnh ủy", ("Ban Dân vận",)),
	UnitRecord("BTV-TU", "Ban Thường vụ Tỉnh ủy"),
	UnitRecord("MTTQ-T", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", ("Mặt trận Tổ quốc tỉnh",)),
	UnitRecord("VP-TU", "Văn phòng Tỉnh ủy", ("VPTU",)),
	UnitRecord("SNV", "Sở Nội vụ"),
	UnitRecord("BCS-UBND", "Ban cán sự đảng Ủy ban nhân dân tỉnh"),
	UnitRecord("DD-HDND", "Đảng đoàn Hội đồng nhân dân tỉnh"),
	UnitRecord("HU-BT", "Huyện ủy Bảo Thắng"),
	UnitRecord("HU-BY", "Huyện ủy Bảo Yên"),
]


def _match(name: str) -> UnitMatch:
	return match_unit_names([name], UNITS)[0]


@pytest.mark.parametrize(
	("written", "unit_id", "method"),
	[
		("Ủy ban nhân dân tỉnh", "UBND-T", MATCHED_BY_NAME),
		("UỶ BAN NHÂN DÂN TỈNH", "UBND-T", MATCHED_BY_NAME),  # case and old-style tone placement
		("uy ban nhan dan tinh", "UBND-T", MATCHED_BY_NAME),  # no diacritics
		("  Ủy  ban\u00a0nhân dân tỉnh. ", "UBND-T", MATCHED_BY_NAME),
		("các Ủy ban nhân dân tỉnh", "UBND-T", MATCHED_BY_NAME),  # leading plural determiner
		("Đảng đoàn Hội đồng Nhân dân tỉnh", "DD-HDND", MATCHED_BY_NAME),  # as in Chỉ thị 16-CT/TU
		("Ban cán sự đảng Ủy ban nhân dân tỉnh", "BCS-UBND", MATCHED_BY_NAME),
		("Ban Dân vận", "BDV-TU", MATCHED_BY_ALIAS),
		("VPTU", "VP-TU", MATCHED_BY_ALIAS),
		("Mặt trận Tổ quốc tỉnh", "MTTQ-T", MATCHED_BY_ALIAS),
		("UBND tỉnh", "UBND-T", MATCHED_BY_ABBREVIATION),
		("HĐND tỉnh", "HDND-T", MATCHED_BY_ABBREVIATION),
		("Ủy ban MTTQ tỉnh", "MTTQ-T", MATCHED_BY_ABBREVIATION),
		("UBMTTQ tỉnh", "MTTQ-T", MATCHED_BY_ABBREVIATION),
		("Ủy ban Mặt trận Tổ quốc tỉnh", "MTTQ-T", MATCHED_BY_ABBREVIATION),  # "Việt Nam" left out
		("BDV Tỉnh ủy", "BDV-TU", MATCHED_BY_ABBREVIATION),
		("Ban Dân vận TU", "BDV-TU", MATCHED_BY_ABBREVIATION),
		("BDVTU", "BDV-TU", MATCHED_BY_ABBREVIATION),  # run-together code
		("BTV Tỉnh ủy", "BTV-TU", MATCHED_BY_ABBREVIATION),
		("Ban cán sự đảng UBND tỉnh", "BCS-UBND", MATCHED_BY_ABBREVIATION),
		("Văn phòng TU", "VP-TU", MATCHED_BY_ABBREVIATION),
	],
)
def test_matches(written: str, unit_id: str, method: str) -> None:
	match = _match(written)
	assert (match.unit_id, match.method, match.written) == (unit_id, method, written)
	assert match.unit_name == next(unit.name for unit in UNITS if unit.id == unit_id)


@pytest.mark.parametrize(
	"written",
	[
		"cấp ủy",  # a category of bodies, not one unit
		"tổ chức chính trị - xã hội",
		"Sở Tư pháp",  # not among the known units
		"Ban Dân vận Huyện ủy",
		"",
		"tu",  # lowercase "từ" is a word, not the code TU
	],
)
def test_unmatched_names_stay_visible(written: str) -> None:
	match = _match(written)
	assert match == UnitMatch(written, None, None, UNMATCHED)


def test_ambiguous_names_list_their_candidates() -> None:
	units = [*UNITS, UnitRecord("SNV-2", "Sở Nội Vụ")]
	match = match_unit_names(["Sở Nội vụ"], units)[0]
	assert (match.unit_id, match.method) == (None, AMBIGUOUS)
	assert set(match.candidates) == {"SNV", "SNV-2"}


def test_exact_name_beats_alias_of_another_unit() -> None:
	units = [UnitRecord("A", "Ban Dân vận"), UnitRecord("B", "Ban Dân vận Tỉnh ủy", ("Ban Dân vận",))]
	assert match_unit_names(["Ban Dân vận"], units)[0].unit_id == "A"


def test_results_follow_input_order_and_keep_duplicates() -> None:
	names = ["Sở Nội vụ", "UBND tỉnh", "cấp ủy", "Sở Nội vụ"]
	assert [match.unit_id for match in match_unit_names(names, UNITS)] == ["SNV", "UBND-T", None, "SNV"]


def test_empty_inputs() -> None:
	assert match_unit_names([], UNITS) == []
	assert match_unit_names(["UBND tỉnh"], []) == [UnitMatch("UBND tỉnh", None, None, UNMATCHED)]


def test_name_key() -> None:
	assert name_key("Các tổ chức chính trị - xã hội") == "to chuc chinh tri xa hoi"
	assert name_key("UBND tỉnh", expand_abbreviations=True) == "uy ban nhan dan tinh"
	assert (
		name_key("TỪ NĂM", expand_abbreviations=True) == "tu nam"
	)  # all-caps words with marks are not codes


def test_names_from_the_parser_match() -> None:
	"""The presiding names read from Chỉ thị 16-CT/TU's implementation part find their units."""
	names = [
		"Đảng đoàn Hội đồng Nhân dân tỉnh",
		"Ban cán sự đảng Ủy ban nhân dân tỉnh",
		"Ban Dân vận Tỉnh ủy",
	]
	assert [match.unit_id for match in match_unit_names(names, UNITS)] == ["DD-HDND", "BCS-UBND", "BDV-TU"]
