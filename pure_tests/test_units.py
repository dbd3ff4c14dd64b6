from datetime import date

import pytest

from danvan_app.domain import units as u


def test_a_unit_cannot_be_put_under_itself_or_a_descendant():
	with pytest.raises(u.OwnAncestor):
		u.check_parent("TINH", "TINH", [])
	# XA sits under HUYEN under TINH: making XA the parent of TINH would close a loop.
	with pytest.raises(u.OwnAncestor):
		u.check_parent("TINH", "XA", ["HUYEN", "TINH"])


def test_moving_under_a_sibling_or_a_root_is_fine():
	u.check_parent("XA1", "XA2", ["HUYEN", "TINH"])
	u.check_parent("XA1", None, [])
	u.check_parent(None, "TINH", [])


def test_validity_window():
	u.check_validity(date(2020, 1, 1), date(2025, 6, 30))
	u.check_validity(None, date(2025, 6, 30))
	with pytest.raises(u.ValidityReversed):
		u.check_validity(date(2025, 7, 1), date(2025, 6, 30))


def test_active_on_a_day():
	closed_district = {"valid_from": date(2000, 1, 1), "valid_to": date(2025, 6, 30)}
	assert u.is_active_on(date(2025, 6, 30), **closed_district)
	assert not u.is_active_on(date(2025, 7, 1), **closed_district)
	assert not u.is_active_on(date(1999, 12, 31), **closed_district)
	assert u.is_active_on(date(2030, 1, 1), valid_from=None, valid_to=None)
	assert not u.is_active_on(date(2030, 1, 1), valid_from=None, valid_to=None, enabled=False)


def test_a_unit_cannot_succeed_itself():
	with pytest.raises(u.OwnSuccessor):
		u.check_successors("HUYEN-A", ["XA-1", "HUYEN-A"])
	u.check_successors("HUYEN-A", ["XA-1", "XA-2"])


def test_aliases_are_trimmed_and_deduplicated():
	assert u.clean_aliases(["  Ban Dân vận  Tỉnh ủy", "ban dân vận tỉnh ủy", "", None, "BDV Tỉnh ủy"]) == [
		"Ban Dân vận Tỉnh ủy",
		"BDV Tỉnh ủy",
	]


class TestShortUnitName:
	def test_the_long_opening_words_take_their_usual_short_form(self):
		assert u.short_unit_name("Ủy ban nhân dân xã Bắc Hà") == "UBND xã Bắc Hà"
		assert u.short_unit_name("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh") == "UBMTTQVN tỉnh"
		assert u.short_unit_name("Ban Tuyên giáo và Dân vận Tỉnh ủy") == "BTG&DV Tỉnh ủy"

	def test_the_units_own_abbreviation_wins(self):
		assert u.short_unit_name("Ban Dân vận Tỉnh ủy", "BDVTU") == "BDVTU"

	def test_other_names_stay_whole(self):
		assert u.short_unit_name("Công an tỉnh") == "Công an tỉnh"
