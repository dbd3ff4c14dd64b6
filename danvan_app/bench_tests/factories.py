"""Builders for bench-tier tests: small, explicit records, never fixtures shared between test classes."""

import frappe

PARTY = "Cấp ủy Đảng"
PEOPLES_COMMITTEE = "Ủy ban nhân dân"
FRONT = "Mặt trận Tổ quốc"
PROVINCE = "Tỉnh, thành phố"
DISTRICT = "Huyện, quận, thị xã, thành phố thuộc tỉnh"
COMMUNE = "Xã, phường, đặc khu"


def make_unit(
	unit_name: str, parent: str | None = None, kind: str = PARTY, level: str | None = None, **values
):
	doc = frappe.get_doc(
		{
			"doctype": "DV Unit",
			"unit_name": unit_name,
			"unit_kind": kind,
			"admin_level": level,
			"parent_dv_unit": parent,
			**values,
		}
	)
	return doc.insert()


def make_tree() -> frappe._dict:
	"""Province → 2 districts → 2 communes each, the shape issue texts speak of."""
	units = frappe._dict()
	units.province = make_unit("Tỉnh ủy Thử Nghiệm", level=PROVINCE).name
	for d in (1, 2):
		district = make_unit(f"Huyện ủy Thử {d}", units.province, level=DISTRICT).name
		units[f"district{d}"] = district
		for c in (1, 2):
			units[f"commune{d}{c}"] = make_unit(f"Đảng ủy xã Thử {d}.{c}", district, level=COMMUNE).name
	return units


def make_directive(number: str = "16-CT/TU", **values):
	return frappe.get_doc(
		{
			"doctype": "DV Directive",
			"directive_number": number,
			"issue_date": "2021-08-02",
			"title": "Về nâng cao chất lượng, hiệu quả công tác dân vận",
			**values,
		}
	).insert()


def make_task(presiding_unit: str, **values):
	return frappe.get_doc(
		{"doctype": "DV Task", "title": "Nhiệm vụ thử", "presiding_unit": presiding_unit, **values}
	).insert()


def make_model(unit: str, title: str, **values):
	return frappe.get_doc(
		{
			"doctype": "DV Kheo Model",
			"title": title,
			"registering_unit": unit,
			"year": frappe.utils.getdate().year,
			"kheo_field": "Kinh tế",
			"address": "Thôn Thử",
			"people": "Chi hội Thử",
			"work": "Việc thử",
			**values,
		}
	).insert()


def make_template(unit: str, year: int = 2025):
	return frappe.get_doc(
		{
			"doctype": "DV Evaluation Template",
			"template_title": "Tiêu chí thử",
			"issuing_unit": unit,
			"year": year,
			"criteria": [{"criterion_code": "1", "criterion": "Tiêu chí 1", "max_score": 100}],
			"thresholds": [{"classification": "Hoàn thành nhiệm vụ", "min_score": 50}],
		}
	).insert()


def make_evaluation(unit: str, template: str, year: int = 2025, **values):
	return frappe.get_doc(
		{"doctype": "DV Evaluation", "evaluated_unit": unit, "year": year, "template": template, **values}
	).insert()


def count(doctype: str) -> int:
	return frappe.db.count(doctype)


def ensure_outgoing_email_account() -> None:
	"""A fresh site has no outgoing account, and Frappe queues no mail without one (tests never send)."""
	if frappe.db.exists("Email Account", {"default_outgoing": 1}):
		return
	frappe.get_doc(
		{
			"doctype": "Email Account",
			"email_account_name": "DV Test Outgoing",
			"email_id": "dv.outgoing@example.com",
			"enable_outgoing": 1,
			"default_outgoing": 1,
			"smtp_server": "smtp.example.invalid",
			"no_smtp_authentication": 1,
		}
	).insert(ignore_permissions=True)


def make_user(email: str, role: str, units: list[str] | tuple = (), first_name: str | None = None) -> str:
	"""A desk user with one role, granted ``units`` (with their sub-units) through User Permissions."""
	from danvan_app.api.access import grant_unit_access

	if not frappe.db.exists("User", email):
		allow_many_sign_ups()
		frappe.get_doc(
			{
				"doctype": "User",
				"email": email,
				"first_name": first_name or email.split("@")[0],
				"send_welcome_email": 0,
				"roles": [{"role": role}],
			}
		).insert(ignore_permissions=True)
	if units:
		grant_unit_access(email, list(units), with_descendants=1)
	return email


def allow_many_sign_ups() -> None:
	"""The suite signs up far more users within an hour than Frappe's guard against mass sign-ups allows
	(``throttle_user_limit``, 60 by default): raised for this test process only, the site's configuration
	untouched. Set on every sign-up, since a test that connects again reloads the configuration."""
	frappe.local.conf.throttle_user_limit = max(frappe.local.conf.get("throttle_user_limit") or 60, 100_000)
