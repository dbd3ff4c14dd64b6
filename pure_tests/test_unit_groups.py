"""Generic addressees as written in the shared directives, read as groups of units."""

import pytest

from danvan_app.domain import unit_groups as g


@pytest.mark.parametrize(
	"written, kinds, level",
	[
		(["cấp ủy", "chính quyền"], (g.PARTY_COMMITTEE, g.PEOPLES_COMMITTEE), None),
		(["UBND các xã, phường"], (g.PEOPLES_COMMITTEE,), g.COMMUNE_LEVEL),
		(["Ủy ban nhân dân các xã"], (g.PEOPLES_COMMITTEE,), g.COMMUNE_LEVEL),
		(["sở, ban, ngành và tương đương"], (g.STATE_AGENCY,), g.PROVINCE_LEVEL),
		(["huyện ủy", "thị ủy", "thành ủy"], (g.PARTY_COMMITTEE,), g.DISTRICT_LEVEL),
		(
			["Mặt trận Tổ quốc", "tổ chức chính trị - xã hội", "tổ chức hội quần chúng"],
			(g.FRONT, g.MASS_ORGANISATION),
			None,
		),
		(
			["cấp ủy đảng", "chính quyền", "sở, ban ngành", "mặt trận", "đoàn thể", "hội quần chúng"],
			(g.PARTY_COMMITTEE, g.PEOPLES_COMMITTEE, g.STATE_AGENCY, g.FRONT, g.MASS_ORGANISATION),
			g.PROVINCE_LEVEL,
		),
	],
)
def test_generic_addressees_become_a_group(written, kinds, level):
	assert g.proposed_group(written) == g.UnitGroup(kinds, level)


def test_a_social_organisation_is_not_a_commune():
	# "xã hội" (society) holds the word "xã" (commune).
	assert g.level_named("tổ chức chính trị - xã hội") is None


def test_grassroots_is_not_a_department():
	# "cơ sở" (grassroots) folds to "co so", and "sở" (department) to "so".
	assert g.kinds_named("cấp ủy cơ sở") == [g.PARTY_COMMITTEE]


def test_levels_that_disagree_leave_the_level_open():
	assert g.proposed_group(["UBND các xã", "các sở, ngành"]).level is None


def test_a_name_of_no_kind_is_no_group():
	assert g.proposed_group(["cơ quan liên quan"]) is None
	assert g.proposed_group([]) is None


def test_the_kinds_and_levels_are_the_ones_the_app_ships():
	import json
	from pathlib import Path

	fixtures = Path(__file__).resolve().parents[1] / "danvan_app" / "fixtures"
	kinds = {row["kind_name"] for row in json.loads((fixtures / "dv_unit_kind.json").read_text())}
	levels = {row["level_name"] for row in json.loads((fixtures / "dv_admin_level.json").read_text())}
	assert {kind for _, kind in g.KIND_WORDS} <= kinds
	assert {level for _, level in g.LEVEL_WORDS} <= levels
