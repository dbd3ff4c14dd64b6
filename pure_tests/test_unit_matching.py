"""unit_matching: names as written in a directive → the app's units."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from danvan_app.domain.unit_matching import (
	AMBIGUOUS,
	MATCHED_BY_ABBREVIATION,
	MATCHED_BY_ALIAS,
	MATCHED_BY_NAME,
	MATCHED_BY_SUCCESSOR,
	UNMATCHED,
	UnitMatch,
	UnitRecord,
	match_unit_names,
	name_key,
	successor_today,
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


# --- closed units and their successors (the 2025 reorganisation) ---------------------------------------------

REORGANISED = [
	UnitRecord("HU-BT", "Huyện ủy Bảo Thắng", is_open=False, successors=("DU-XBT",)),
	UnitRecord("DU-XBT", "Đảng ủy xã Bảo Thắng"),
	UnitRecord("HU-BY", "Huyện ủy Bảo Yên", is_open=False, successors=("HU-BY2",)),
	UnitRecord("HU-BY2", "Huyện ủy Bảo Yên mới", is_open=False, successors=("DU-XBY", "DU-XPR")),
	UnitRecord("DU-XBY", "Đảng ủy xã Bảo Yên"),
	UnitRecord("DU-XPR", "Đảng ủy xã Phú Ràng"),
	UnitRecord("BDV-TU", "Ban Dân vận Tỉnh ủy", is_open=False, successors=("BTGDV-TU",)),
	UnitRecord("BTGDV-TU", "Ban Tuyên giáo và Dân vận Tỉnh ủy"),
	UnitRecord("X-A-OLD", "Ủy ban nhân dân xã A", is_open=False, successors=("X-A",)),
	UnitRecord("X-A", "Ủy ban nhân dân xã A"),
	UnitRecord("LOOP-1", "Huyện ủy Vòng", is_open=False, successors=("LOOP-2",)),
	UnitRecord("LOOP-2", "Huyện ủy Vòng Hai", is_open=False, successors=("LOOP-1",)),
]


def today_for(written: str) -> UnitMatch:
	return successor_today(match_unit_names([written], REORGANISED)[0], REORGANISED)


def test_a_closed_unit_named_by_an_old_text_gives_way_to_its_successor() -> None:
	match = today_for("Ban Dân vận Tỉnh ủy")
	assert (match.unit_id, match.method) == ("BTGDV-TU", MATCHED_BY_SUCCESSOR)
	assert (match.predecessor, match.predecessor_name) == ("BDV-TU", "Ban Dân vận Tỉnh ủy")
	assert today_for("BDV TU").unit_id == "BTGDV-TU"  # abbreviations first find the closed unit


def test_an_open_unit_is_left_as_it_is() -> None:
	match = today_for("Đảng ủy xã Bảo Thắng")
	assert (match.unit_id, match.method, match.predecessor) == ("DU-XBT", MATCHED_BY_NAME, None)


def test_a_chain_is_followed_and_a_split_is_left_to_the_reviewer() -> None:
	match = today_for("Huyện ủy Bảo Yên")
	assert (match.unit_id, match.method, match.candidates) == (None, AMBIGUOUS, ("DU-XBY", "DU-XPR"))
	assert match.predecessor == "HU-BY"


def test_a_closed_unit_without_an_open_successor_stays_unmatched_and_named() -> None:
	match = today_for("Huyện ủy Vòng")  # successors only round a loop
	assert (match.unit_id, match.method, match.predecessor) == (None, UNMATCHED, "LOOP-1")


def test_of_two_units_with_one_name_the_open_one_is_todays() -> None:
	match = match_unit_names(["UBND xã A"], REORGANISED)[0]
	assert (match.unit_id, match.method) == ("X-A", MATCHED_BY_ABBREVIATION)


def test_unmatched_and_ambiguous_matches_pass_through() -> None:
	for written in ("Sở Ngoại vụ", ""):
		match = match_unit_names([written], REORGANISED)[0]
		assert successor_today(match, REORGANISED) == match


@given(st.lists(st.integers(min_value=0, max_value=7), min_size=8, max_size=8), st.integers(0, 7))
def test_successors_of_any_graph_end_on_open_units_or_nothing(links: list[int], start: int) -> None:
	# Units 0-7, each closed unit pointing to one other (a random graph with loops); even ids are open.
	units = [
		UnitRecord(f"U{i}", f"Đơn vị số {i}", is_open=i % 2 == 0, successors=(f"U{links[i]}",))
		for i in range(8)
	]
	match = successor_today(UnitMatch("x", f"U{start}", "x", MATCHED_BY_NAME), units)
	if start % 2 == 0:
		assert match.unit_id == f"U{start}"
	else:
		assert match.unit_id is None or int(match.unit_id[1:]) % 2 == 0
		assert match.predecessor == f"U{start}"
