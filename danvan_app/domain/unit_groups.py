"""Generic addressees ("các cấp ủy, chính quyền", "UBND các xã", "sở, ban, ngành") as a group of units.

A directive often gives a task not to one body but to every body of a kind: each commune's People's
Committee, every Party committee, all departments. The importer cannot match such a name to one unit; it
proposes a group instead, by unit kind (the standard kinds the app ships, DV Unit Kind) and, when the text
names one, an administrative level (DV Admin Level). The person importing confirms or changes the group,
and the task is created once for each open unit of the group in their scope.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from danvan_app.domain.vn_text import fold

PARTY_COMMITTEE = "Cấp ủy Đảng"
PEOPLES_COMMITTEE = "Ủy ban nhân dân"
PEOPLES_COUNCIL = "Hội đồng nhân dân"
STATE_AGENCY = "Cơ quan nhà nước, sở, ban, ngành"
FRONT = "Mặt trận Tổ quốc"
MASS_ORGANISATION = "Tổ chức chính trị - xã hội, hội quần chúng"
ARMED_FORCES = "Lực lượng vũ trang"
ENTERPRISE = "Doanh nghiệp"

COMMUNE_LEVEL = "Xã, phường, đặc khu"
DISTRICT_LEVEL = "Huyện, quận, thị xã, thành phố thuộc tỉnh"
PROVINCE_LEVEL = "Tỉnh, thành phố"

# Folded words of a written addressee → the kind of body it means. Checked in order; a name may be of
# several kinds ("cấp ủy, chính quyền").
KIND_WORDS: tuple[tuple[str, str], ...] = (
	(r"\b(cap uy|dang uy|huyen uy|thi uy|thanh uy|tinh uy|dang bo|chi bo|to chuc dang)\b", PARTY_COMMITTEE),
	(r"\b(chinh quyen|uy ban nhan dan|ubnd)\b", PEOPLES_COMMITTEE),
	(r"\b(hoi dong nhan dan|hdnd)\b", PEOPLES_COUNCIL),
	(r"\b(cac so|so,? ban|so,? nganh|ban,? nganh|co quan nha nuoc|co quan chuyen mon)\b", STATE_AGENCY),
	(r"\b(mat tran|mttq)\b", FRONT),
	(r"\b(doan the|chinh tri - xa hoi|chinh tri xa hoi|hoi quan chung|to chuc hoi)\b", MASS_ORGANISATION),
	(r"\b(luc luong vu trang|cong an|quan su|bo doi bien phong)\b", ARMED_FORCES),
	(r"\b(doanh nghiep)\b", ENTERPRISE),
)
# Words that name a level ("các xã", "cấp huyện"); "xã hội" is not a commune.
LEVEL_WORDS: tuple[tuple[str, str], ...] = (
	(r"\b(cac|cap|moi) (xa|phuong)\b(?! hoi)|\bxa, phuong\b|\bxa, phuong, dac khu\b", COMMUNE_LEVEL),
	(r"\b(cac|cap|moi) (huyen|quan)\b|\b(huyen|thi|thanh) uy\b", DISTRICT_LEVEL),
	(r"\bcap tinh\b|\b(cac so|so,? ban|so,? nganh)\b", PROVINCE_LEVEL),
)


@dataclass(frozen=True)
class UnitGroup:
	kinds: tuple[str, ...]
	level: str | None

	def as_dict(self) -> dict:
		return {"kinds": list(self.kinds), "level": self.level}


def kinds_named(written: str) -> list[str]:
	folded = fold(written)
	return [kind for pattern, kind in KIND_WORDS if re.search(pattern, folded)]


def level_named(written: str) -> str | None:
	folded = fold(written)
	return next((level for pattern, level in LEVEL_WORDS if re.search(pattern, folded)), None)


def proposed_group(written_names: list[str]) -> UnitGroup | None:
	"""The group of units the written addressees mean, or None when none names a kind of body.

	The level is proposed only when every name that gives one agrees ("huyện ủy, thị ủy" → district);
	names at different levels ("cấp ủy … các cấp") leave it open."""
	kinds = list(dict.fromkeys(kind for name in written_names for kind in kinds_named(name)))
	if not kinds:
		return None
	levels = {level for level in map(level_named, written_names) if level}
	return UnitGroup(tuple(kinds), levels.pop() if len(levels) == 1 else None)
