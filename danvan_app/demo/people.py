"""The demo's people: a site administrator, each open unit's leader in charge of dân vận work (but two),
the province's officer and reviewer at the Ban Tuyên giáo và Dân vận, and an officer in each commune.

Users are made by the app's own action (``api.access.add_unit_user``): one DV role, Vietnamese, the unit's
subtree and nothing more. That action refuses while the site has no System Manager of its own (Frappe
would make the first new user one), so the demo first creates its own, quantri@…, and says so.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass

import frappe
from frappe.utils import today
from frappe.utils.password import update_password

from danvan_app.api.access import add_unit_user, grant_unit_access
from danvan_app.demo import registry
from danvan_app.demo.units import ADVISORY, COMMUNES, ROOT, all_units
from danvan_app.domain import access

# A reserved domain (RFC 2606): a mail to a demo user can never reach anyone.
DOMAIN = "demo.danvan.invalid"
PASSWORD = "Demo@2026"
ADMINISTRATOR = f"quantri@{DOMAIN}"

# Invented names, handed out in order; a person keeps the same name whenever the demo is loaded.
NAMES = (
	"Nguyễn Thị Thu Hà",
	"Trần Văn Hùng",
	"Lê Minh Tuấn",
	"Phạm Thị Lan",
	"Hoàng Văn Thắng",
	"Vũ Thị Hồng Nhung",
	"Đặng Quốc Bảo",
	"Bùi Thị Mai",
	"Đỗ Văn Long",
	"Hồ Thị Thanh Xuân",
	"Lò Văn Pâng",
	"Giàng Seo Phử",
	"Vàng Thị Mỷ",
	"Lý Văn Sử",
	"Sùng A Chứ",
	"Nông Thị Hạnh",
	"Lục Văn Quý",
	"Triệu Thị Hoa",
	"Tẩn Láo Lở",
	"Hoàng Thị Dung",
	"Phan Văn Khải",
	"Ngô Thị Yến",
	"Dương Văn Toàn",
	"Đinh Thị Phương",
	"Mai Văn Sơn",
	"Tạ Thị Ngọc Ánh",
	"Chu Văn Đức",
	"La Thị Huệ",
	"Lương Văn Bình",
	"Cao Thị Hằng",
	"Thào A Sình",
	"Ma Thị Thủy",
	"Nguyễn Văn Cường",
	"Trần Thị Loan",
	"Lê Văn Nam",
	"Phạm Văn Định",
	"Hà Thị Vân",
	"Đào Văn Lợi",
	"Vi Thị Sen",
	"Kiều Văn Tâm",
	"Quan Thị Lụa",
	"Sầm Văn Tiến",
	"Bế Thị Hương",
	"Âu Văn Khánh",
	"Lâm Thị Thảo",
	"Tống Văn Phúc",
)


@dataclass(frozen=True)
class Person:
	email: str
	position: str  # what the printout says the person is
	unit: str  # demo unit key the person belongs to
	role: str
	province_wide: bool = False  # granted the whole province, not only the unit's subtree
	leads: bool = False  # named the unit's leader in charge of dân vận work
	follows: bool = False  # named the unit's officer (cán bộ theo dõi)


def email(local: str) -> str:
	return f"{local}@{DOMAIN}"


def demo_people() -> tuple[Person, ...]:
	people = [
		Person(
			email("lanhdao.btgdv"),
			"Trưởng ban Tuyên giáo và Dân vận Tỉnh ủy",
			ADVISORY,
			access.MANAGER,
			True,
			True,
		),
		Person(
			email("canbo.btgdv"),
			"Chuyên viên Ban Tuyên giáo và Dân vận Tỉnh ủy",
			ADVISORY,
			access.OFFICER,
			True,
			follows=True,
		),
		Person(
			email("thamdinh.btgdv"),
			"Cán bộ thẩm định, Ban Tuyên giáo và Dân vận Tỉnh ủy",
			ADVISORY,
			access.REVIEWER,
			True,
		),
		Person(email("lanhdao.tinhuy"), "Phó Bí thư Thường trực Tỉnh ủy", ROOT, access.VIEWER, leads=True),
	]
	for unit in all_units():
		if unit.key in (ROOT, ADVISORY) or not unit.has_leader or unit.valid_to:
			continue
		people.append(
			Person(
				email(f"lanhdao.{unit.key}"),
				f"Lãnh đạo phụ trách dân vận, {unit.unit_name}",
				unit.key,
				access.MANAGER,
				leads=True,
			)
		)
	for key, word, name in COMMUNES:
		people.append(
			Person(
				email(f"canbo.du.{key}"),
				f"Cán bộ theo dõi dân vận, Đảng ủy {word} {name}",
				f"du.{key}",
				access.OFFICER,
				follows=True,
			)
		)
	return tuple(people)


def full_name(position: int) -> str:
	return NAMES[position % len(NAMES)]


def ensure_administrator() -> str:
	"""The demo's own System Manager and DV administrator (``add_unit_user`` asks for one)."""
	if not frappe.db.exists("User", ADMINISTRATOR):
		registry.create(
			{
				"doctype": "User",
				"email": ADMINISTRATOR,
				"first_name": "Quản trị dữ liệu mẫu",
				"language": "vi",
				"send_welcome_email": 0,
				"roles": [{"role": "System Manager"}, {"role": access.ADMIN}],
			},
			ignore_permissions=True,
		)
		update_password(ADMINISTRATOR, PASSWORD)
	return ADMINISTRATOR


def build_people(unit_ids: dict[str, str]) -> list[Person]:
	"""Create the people that are missing, grant them their units and name them on their units."""
	people = demo_people()
	with users_created_at_once(len(people) + 1):
		administrator = ensure_administrator()
		create_people(people, unit_ids, administrator)
	name_people_on_units(people, unit_ids)
	register_contacts()
	return list(people)


@contextmanager
def users_created_at_once(count: int):
	"""Frappe refuses a new user once the site has made ``throttle_user_limit`` (60) in the last hour, a guard
	against sign-up floods; the demo makes its 46 in one go. The limit is raised by that many for this load
	only (in memory; the site's configuration is not written)."""
	conf = frappe.local.conf
	had, previous = "throttle_user_limit" in conf, conf.get("throttle_user_limit")
	conf["throttle_user_limit"] = (previous or 60) + count
	try:
		yield
	finally:
		if had:
			conf["throttle_user_limit"] = previous
		else:
			conf.pop("throttle_user_limit", None)


def create_people(people: list[Person], unit_ids: dict[str, str], administrator: str) -> None:
	with registry.acting_as(administrator):
		for position, person in enumerate(people):
			unit = unit_ids[person.unit]
			if not frappe.db.exists("User", person.email):
				add_unit_user(unit, person.email, full_name(position), person.role)
				registry.add("User", person.email)
				update_password(person.email, PASSWORD)
			if person.province_wide:
				grant_unit_access(person.email, [unit_ids[ROOT]], 1)
			registry.add("User Permission", *made_for_demo_user(person.email))


def made_for_demo_user(user: str) -> list[str]:
	"""A demo user's unit grants are the demo's (a site's own user is never granted by the demo)."""
	if not registry.is_demo("User", user):
		return []
	return frappe.get_all("User Permission", filters={"user": user, "allow": "DV Unit"}, pluck="name")


def name_people_on_units(people, unit_ids: dict[str, str]) -> None:
	"""The leader in charge and the officer are fields of the unit, set by an administrator; a unit that
	already names someone keeps them."""
	for person in people:
		field = "dan_van_leader" if person.leads else "unit_officer" if person.follows else None
		if not field:
			continue
		unit = frappe.get_doc("DV Unit", unit_ids[person.unit])
		if unit.get(field):
			continue
		unit.set(field, person.email)
		if field == "dan_van_leader":
			unit.leader_since = today()
		unit.save()


def register_contacts() -> None:
	"""Frappe files a Contact for every new user; the demo's users' contacts are the demo's."""
	demo_users = registry.names("User")
	if demo_users:
		registry.add(
			"Contact", *frappe.get_all("Contact", filters={"user": ("in", demo_users)}, pluck="name")
		)
