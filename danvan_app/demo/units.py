"""The demo province's units in the two-tier shape in force since 1/7/2025 (province → commune): the
provincial Party committee at the root, its advisory body for mass mobilisation, the People's Council and
Committee with a few departments, the Fatherland Front with the mass organisations it now houses, and
communes and wards each led by its Party committee; plus two district Party committees closed on 30/6/2025
whose work passed to the communes that replaced them.

Unit names are illustrative (the imported directive is the Lào Cai Party committee's, so the province is
Lào Cai); the people attached to them in ``people`` are invented.
"""

from __future__ import annotations

from dataclasses import dataclass

import frappe

from danvan_app.demo import registry

PARTY = "Cấp ủy Đảng"
PARTY_ADVISORY = "Cơ quan tham mưu, giúp việc của cấp ủy"
COUNCIL = "Hội đồng nhân dân"
COMMITTEE = "Ủy ban nhân dân"
DEPARTMENT = "Cơ quan nhà nước, sở, ban, ngành"
FRONT = "Mặt trận Tổ quốc"
MASS_ORGANISATION = "Tổ chức chính trị - xã hội, hội quần chúng"

PROVINCE = "Tỉnh, thành phố"
DISTRICT = "Huyện, quận, thị xã, thành phố thuộc tỉnh"
COMMUNE = "Xã, phường, đặc khu"

DISTRICTS_ABOLISHED = "2025-07-01"
LAST_DAY_OF_DISTRICTS = "2025-06-30"


@dataclass(frozen=True)
class DemoUnit:
	key: str  # the demo's handle, also the e-mail part of the unit's people
	unit_name: str
	kind: str
	level: str
	parent: str | None = None
	abbreviation: str | None = None
	aliases: tuple[str, ...] = ()
	has_leader: bool = True
	valid_from: str | None = None
	valid_to: str | None = None
	closure_note: str | None = None
	successors: tuple[str, ...] = ()
	address: str | None = None


ROOT = "tinhuy"
ADVISORY = "btgdv"

PROVINCE_UNITS = (
	DemoUnit(
		ROOT,
		"Tỉnh ủy Lào Cai",
		PARTY,
		PROVINCE,
		abbreviation="TU",
		# Directives are signed "T/M Ban Thường vụ Tỉnh ủy": the importer finds the committee by that name.
		aliases=("Ban Thường vụ Tỉnh ủy", "Ban Chấp hành Đảng bộ tỉnh"),
	),
	DemoUnit(
		ADVISORY,
		"Ban Tuyên giáo và Dân vận Tỉnh ủy",
		PARTY_ADVISORY,
		PROVINCE,
		ROOT,
		abbreviation="BTGDVTU",
		# Merged in 2025 from the Ban Tuyên giáo and the Ban Dân vận: older texts name the latter.
		aliases=("Ban Dân vận Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy"),
	),
	DemoUnit("vptu", "Văn phòng Tỉnh ủy", PARTY_ADVISORY, PROVINCE, ROOT, abbreviation="VPTU"),
	DemoUnit(
		"hdnd",
		"Hội đồng nhân dân tỉnh",
		COUNCIL,
		PROVINCE,
		ROOT,
		abbreviation="HĐND tỉnh",
		aliases=("Đảng đoàn Hội đồng nhân dân tỉnh",),
	),
	DemoUnit(
		"ubnd",
		"Ủy ban nhân dân tỉnh",
		COMMITTEE,
		PROVINCE,
		ROOT,
		abbreviation="UBND tỉnh",
		aliases=("Ban cán sự đảng Ủy ban nhân dân tỉnh", "Đảng ủy Ủy ban nhân dân tỉnh"),
	),
	DemoUnit("snv", "Sở Nội vụ", DEPARTMENT, PROVINCE, "ubnd", abbreviation="SNV"),
	DemoUnit("snnmt", "Sở Nông nghiệp và Môi trường", DEPARTMENT, PROVINCE, "ubnd", abbreviation="SNNMT"),
	DemoUnit(
		"svhttdl", "Sở Văn hóa, Thể thao và Du lịch", DEPARTMENT, PROVINCE, "ubnd", abbreviation="SVHTTDL"
	),
	# No leader named yet for dân vận work since the reorganisation: the coverage report shows it.
	DemoUnit("syt", "Sở Y tế", DEPARTMENT, PROVINCE, "ubnd", abbreviation="SYT", has_leader=False),
	DemoUnit(
		"mttq",
		"Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
		FRONT,
		PROVINCE,
		ROOT,
		abbreviation="MTTQ tỉnh",
		aliases=("Mặt trận Tổ quốc Việt Nam tỉnh",),
	),
	DemoUnit("hnd", "Hội Nông dân tỉnh", MASS_ORGANISATION, PROVINCE, "mttq", abbreviation="HND tỉnh"),
	DemoUnit(
		"hlhpn",
		"Hội Liên hiệp Phụ nữ tỉnh",
		MASS_ORGANISATION,
		PROVINCE,
		"mttq",
		abbreviation="Hội LHPN tỉnh",
	),
	DemoUnit("tinhdoan", "Tỉnh đoàn Lào Cai", MASS_ORGANISATION, PROVINCE, "mttq", abbreviation="Tỉnh đoàn"),
)

# (key, "xã" or "phường", name)
COMMUNES = (
	("laocai", "phường", "Lào Cai"),
	("camduong", "phường", "Cam Đường"),
	("sapa", "phường", "Sa Pa"),
	("batxat", "xã", "Bát Xát"),
	("banxeo", "xã", "Bản Xèo"),
	("bacha", "xã", "Bắc Hà"),
	("baonhai", "xã", "Bảo Nhai"),
	("muongkhuong", "xã", "Mường Khương"),
)
# The commune unit left without a leader on purpose (with the department above): two in all.
LEADERLESS_COMMUNE_UNIT = "ubnd.muongkhuong"

CLOSED_DISTRICTS = (
	("hu.batxat", "Huyện ủy Bát Xát", ("du.batxat", "du.banxeo")),
	("hu.bacha", "Huyện ủy Bắc Hà", ("du.bacha", "du.baonhai")),
)


def commune_units() -> tuple[DemoUnit, ...]:
	units = []
	for key, word, name in COMMUNES:
		place = f"{word} {name}"
		party = f"du.{key}"
		units.append(
			DemoUnit(
				party,
				f"Đảng ủy {place}",
				PARTY,
				COMMUNE,
				ROOT,
				valid_from=DISTRICTS_ABOLISHED,
				address=f"Trụ sở Đảng ủy {place}, tỉnh Lào Cai",
			)
		)
		units.append(
			DemoUnit(
				f"ubnd.{key}",
				f"Ủy ban nhân dân {place}",
				COMMITTEE,
				COMMUNE,
				party,
				abbreviation=f"UBND {place}",
				valid_from=DISTRICTS_ABOLISHED,
				has_leader=f"ubnd.{key}" != LEADERLESS_COMMUNE_UNIT,
			)
		)
		units.append(
			DemoUnit(
				f"mttq.{key}",
				f"Ủy ban Mặt trận Tổ quốc Việt Nam {place}",
				FRONT,
				COMMUNE,
				party,
				abbreviation=f"MTTQ {place}",
				valid_from=DISTRICTS_ABOLISHED,
			)
		)
	return tuple(units)


def closed_units() -> tuple[DemoUnit, ...]:
	return tuple(
		DemoUnit(
			key,
			name,
			PARTY,
			DISTRICT,
			ROOT,
			has_leader=False,
			valid_to=LAST_DAY_OF_DISTRICTS,
			closure_note=(
				"Kết thúc hoạt động từ ngày 01/7/2025 khi tổ chức chính quyền địa phương hai cấp; nhiệm vụ"
				" chuyển cho Đảng ủy các xã kế thừa."
			),
			successors=successors,
		)
		for key, name, successors in CLOSED_DISTRICTS
	)


def all_units() -> tuple[DemoUnit, ...]:
	return PROVINCE_UNITS + commune_units() + closed_units()


def unit_id(key: str) -> str:
	"""The DV Unit of a demo key (found by its name: the demo's units have distinct names)."""
	spec = next(unit for unit in all_units() if unit.key == key)
	name = frappe.db.get_value("DV Unit", {"unit_name": spec.unit_name}, "name")
	if not name:
		frappe.throw(f"Chưa có đơn vị {spec.unit_name}")
	return name


def build_units() -> dict[str, str]:
	"""Every demo unit, parents first; a unit already there (by name) is reused as it is. Returns key → id."""
	ids: dict[str, str] = {}
	for spec in all_units():
		existing = frappe.db.get_value("DV Unit", {"unit_name": spec.unit_name}, "name")
		if existing:
			ids[spec.key] = existing
			continue
		doc = registry.create(
			{
				"doctype": "DV Unit",
				"unit_name": spec.unit_name,
				"abbreviation": spec.abbreviation,
				"unit_kind": spec.kind,
				"admin_level": spec.level,
				"parent_dv_unit": ids.get(spec.parent) if spec.parent else None,
				"enabled": 1,
				"valid_from": spec.valid_from,
				"valid_to": spec.valid_to,
				"closure_note": spec.closure_note,
				"address": spec.address,
				"aliases": [{"alias": alias} for alias in spec.aliases],
				"successors": [
					{"successor_unit": ids[successor], "handover_note": "Tiếp nhận địa bàn và nhiệm vụ"}
					for successor in spec.successors
				],
			}
		)
		ids[spec.key] = doc.name
	return ids
