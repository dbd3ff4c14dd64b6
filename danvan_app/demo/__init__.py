"""A demo province in one command.

	bench --site SITE execute danvan_app.demo.load     # build it (again: tops up, creates nothing twice)
	bench --site SITE execute danvan_app.demo.remove   # delete exactly what load created

What load created is listed in ``registry``; ``remove`` deletes that and nothing else (``removal``).
"""

from __future__ import annotations

import frappe

from danvan_app.demo import registry
from danvan_app.demo.people import DOMAIN as DEMO_MAIL_DOMAIN


def load() -> dict[str, int]:
	"""Build the demo province on this site and print how to log in. Returns the records it lists, by
	DocType (all of them, from this load and earlier ones)."""
	from danvan_app.demo import directives, evaluation, kheo, people, units, work

	frappe.only_for(("System Manager", "Administrator"))
	before = registry.counts()
	unit_ids = units.build_units()
	demo_people = people.build_people(unit_ids)
	imported = directives.import_sources(unit_ids)
	plans = directives.build_plans(unit_ids, imported)
	work.build_tasks(unit_ids, plans)
	work.report_on_commune_tasks([name for result in imported for name in result.tasks], unit_ids)
	work.build_recurring_periods(unit_ids)
	models = kheo.build_models(unit_ids)
	kheo.build_commendations(unit_ids, models)
	evaluation.build_cycle(unit_ids)
	evaluation.build_inspection(unit_ids)
	discarded = discard_demo_mail()
	after = registry.counts()
	print_summary(before, after, imported, demo_people, discarded)
	return after


def remove() -> dict[str, int]:
	"""Delete every record load created (and Frappe's records about them); nothing else."""
	from danvan_app.demo.removal import remove_all

	frappe.only_for(("System Manager", "Administrator"))
	removed = remove_all()
	print("Đã xóa dữ liệu mẫu:")
	for doctype, count in removed.items():
		print(f"  {doctype}: {count}")
	return removed


def discard_demo_mail() -> int:
	"""Mail Frappe queued for the demo's invented addresses (welcome mails, workflow alerts) is never sent:
	the domain is not the demo's, and a welcome mail carries a link to set the password."""
	Queue, Recipient = frappe.qb.DocType("Email Queue"), frappe.qb.DocType("Email Queue Recipient")
	queued = (
		frappe.qb.from_(Recipient)
		.join(Queue)
		.on(Queue.name == Recipient.parent)
		.select(Queue.name)
		.distinct()
		.where((Queue.status == "Not Sent") & Recipient.recipient.like(f"%@{DEMO_MAIL_DOMAIN}"))
		.run(pluck=True)
	)
	for name in queued:
		others = frappe.get_all(
			"Email Queue Recipient",
			filters={"parent": name, "recipient": ("not like", f"%@{DEMO_MAIL_DOMAIN}")},
			pluck="name",
		)
		if others:
			# Someone real is on it too: only the demo's addresses leave.
			frappe.db.delete(
				"Email Queue Recipient", {"parent": name, "recipient": ("like", f"%@{DEMO_MAIL_DOMAIN}")}
			)
		else:
			frappe.delete_doc("Email Queue", name, ignore_permissions=True, delete_permanently=True)
	return len(queued)


def print_summary(before, after, imported, demo_people, discarded) -> None:
	from danvan_app.demo.people import ADMINISTRATOR, PASSWORD

	print("Dữ liệu mẫu công tác dân vận (tỉnh Lào Cai, dữ liệu minh họa):")
	for doctype, count in after.items():
		added = count - before.get(doctype, 0)
		print(f"  {doctype}: {count}" + (f" (thêm {added})" if added else ""))
	if after == before:
		print("  Không tạo thêm bản ghi nào: dữ liệu mẫu đã đủ.")
	for result in imported:
		if result.refused:
			print(f"  {result.file_name}: không nhập ({result.refused})")
		else:
			state = "tạo mới" if result.created else "đã có"
			print(
				f"  {result.file_name}: văn bản {result.directive} ({state}), {len(result.tasks)} nhiệm vụ mới,"
				f" {result.skipped} nhiệm vụ đã có"
			)
	if discarded:
		print(f"  Đã hủy {discarded} thư chờ gửi tới địa chỉ mẫu @{DEMO_MAIL_DOMAIN}.")
	print(f"Đăng nhập (mật khẩu chung: {PASSWORD}):")
	print(
		f"  {ADMINISTRATOR}: Quản trị hệ thống và quản trị công tác dân vận; dữ liệu mẫu tạo tài khoản này vì"
		" “Thêm người dùng cho đơn vị” cần trang có một tài khoản Quản trị hệ thống riêng"
	)
	shown = ("lanhdao.btgdv", "canbo.btgdv", "thamdinh.btgdv", "lanhdao.du.batxat", "canbo.du.batxat")
	for person in demo_people:
		if person.email.split("@")[0] in shown:
			print(f"  {person.email}: {person.position} ({person.role})")
	print(f"  … và {len(demo_people) - len(shown)} người dùng khác @{DEMO_MAIL_DOMAIN}.")
