"""Data for the upgrade check (scripts/upgrade_check.sh), written with the PREVIOUS state's own DocTypes.

Run from the bench's sites folder with the bench's Python while the bench holds the previous state of the
app (the shapes below are those of 0aa8d62, the end of the 2026-11-23 session; every one of them still
exists today):

    ../env/bin/python ../apps/danvan_app/scripts/upgrade_seed.py --site SITE --tasks 20000 seed
    ../env/bin/python ../apps/danvan_app/scripts/upgrade_seed.py --site SITE counts

`seed` writes a province of units, directives, tasks (saved one by one through the controllers, and many
more by bulk insert), coordinating units and progress rows, a DV officer with User Permissions, an
evaluation template and evaluations, "Dân vận khéo" models (one in the old final state the workflow patch
renames), a public file on a unit (the privacy patch), and a task naming a unit that does not exist (the
dangling-units patch). `counts` prints, as JSON, the counts the upgrade must keep and the traces the
patches must leave; both run on either state.
"""

import argparse
import json
import random
from datetime import date, timedelta

import frappe

PARTY = "Cấp ủy Đảng"
PROVINCE = "Tỉnh, thành phố"
DISTRICT = "Huyện, quận, thị xã, thành phố thuộc tỉnh"
COMMUNE = "Xã, phường, đặc khu"

KEPT = (
	"DV Unit",
	"DV Directive",
	"DV Task",
	"DV Task Coordinating Unit",
	"DV Task Progress",
	"DV Evaluation",
	"DV Evaluation Template",
	"DV Kheo Model",
)


def unit(name: str, parent: str | None, level: str) -> str:
	return (
		frappe.get_doc(
			{
				"doctype": "DV Unit",
				"unit_name": name,
				"unit_kind": PARTY,
				"admin_level": level,
				"parent_dv_unit": parent,
			}
		)
		.insert()
		.name
	)


def seed(tasks: int) -> None:
	rng = random.Random(18)
	province = unit("Tỉnh ủy Nâng Cấp", None, PROVINCE)
	districts = [unit(f"Huyện ủy Nâng Cấp {d}", province, DISTRICT) for d in range(1, 4)]
	communes = [
		unit(f"Đảng ủy xã Nâng Cấp {d}.{c}", district, COMMUNE)
		for d, district in enumerate(districts, 1)
		for c in range(1, 11)
	]
	units = [province, *districts, *communes]

	officer = "upgrade.officer@dv.test"
	frappe.get_doc(
		{
			"doctype": "User",
			"email": officer,
			"first_name": "Cán bộ nâng cấp",
			"send_welcome_email": 0,
			"roles": [{"role": "DV Officer"}],
		}
	).insert(ignore_permissions=True)
	from danvan_app.api.access import grant_unit_access

	grant_unit_access(officer, [districts[0]], with_descendants=1)

	directives = [
		frappe.get_doc(
			{
				"doctype": "DV Directive",
				"directive_number": f"{n}-CT/TU",
				"issue_date": "2025-03-02",
				"title": f"Về công tác dân vận, văn bản số {n}",
				"issuing_unit": province,
			}
		)
		.insert()
		.name
		for n in (16, 17, 18)
	]

	# Tasks through the controller: overdue, done late, on time, with coordinating units and progress rows.
	today = date.today()
	for i in range(60):
		due = today - timedelta(days=rng.randint(-60, 90))
		status = ("Chưa bắt đầu", "Đang thực hiện", "Hoàn thành")[i % 3]
		values = {
			"doctype": "DV Task",
			"title": f"Nhiệm vụ nâng cấp {i}",
			"directive": directives[i % 3],
			"assigning_unit": province,
			"presiding_unit": communes[i % len(communes)],
			"status": status,
			"deadline_kind": "Ngày cụ thể",
			"due_date": due,
			"coordinating_units": [{"unit": communes[(i + 1) % len(communes)]}],
			"progress_updates": [
				{
					"update_date": today - timedelta(days=3),
					"unit": province,
					"progress": 40,
					"narrative": "Đã triển khai",
				}
			],
		}
		if status == "Hoàn thành":
			values["completed_on"] = due + timedelta(days=rng.randint(-5, 10))
		frappe.get_doc(values).insert()

	# Many more by bulk insert, the way scripts/bench_tasks.py writes them.
	now, rows, coordinating = frappe.utils.now_datetime(), [], []
	for i in range(tasks):
		due = today + timedelta(days=rng.randint(-300, 120))
		status = rng.choice(("Chưa bắt đầu", "Đang thực hiện", "Hoàn thành", "Đã hủy"))
		completed = due + timedelta(days=rng.randint(-20, 20)) if status == "Hoàn thành" else None
		name = f"UPG-T{i}"
		rows.append(
			(
				name,
				now,
				now,
				"Administrator",
				"Administrator",
				f"Nhiệm vụ {i}",
				rng.choice(units),
				status,
				due,
				due,
				completed,
				"Ngày cụ thể",
				"Không lặp lại",
				1,
			)
		)
		if i % 4 == 0:
			coordinating.append(
				(
					f"{name}-c",
					now,
					now,
					"Administrator",
					"Administrator",
					1,
					name,
					"DV Task",
					"coordinating_units",
					rng.choice(units),
				)
			)
	fields = ("name", "creation", "modified", "owner", "modified_by", "title", "presiding_unit", "status")
	more = ("due_date", "original_due_date", "completed_on", "deadline_kind", "recurrence", "weight")
	frappe.db.bulk_insert("DV Task", (*fields, *more), rows)
	child = ("name", "creation", "modified", "owner", "modified_by", "idx", "parent", "parenttype")
	frappe.db.bulk_insert("DV Task Coordinating Unit", (*child, "parentfield", "unit"), coordinating)

	# A task saved before unit links were checked, naming a unit that is not there.
	dangling = frappe.get_doc(
		{"doctype": "DV Task", "title": "Nhiệm vụ của đơn vị đã xóa", "presiding_unit": communes[0]}
	).insert()
	frappe.db.set_value("DV Task", dangling.name, "presiding_unit", "DVI-GONE", update_modified=False)

	template = frappe.get_doc(
		{
			"doctype": "DV Evaluation Template",
			"template_title": "Tiêu chí đánh giá công tác dân vận năm 2025",
			"issuing_unit": province,
			"year": 2025,
			"version": 1,
			"criteria": [
				{"section": "I", "criterion_code": "1.1", "criterion": "Ban hành văn bản", "max_score": 60},
				{
					"section": "II",
					"criterion_code": "2.1",
					"criterion": "Mô hình Dân vận khéo",
					"max_score": 40,
				},
			],
			"thresholds": [
				{"classification": "Hoàn thành xuất sắc nhiệm vụ", "min_score": 90},
				{"classification": "Hoàn thành tốt nhiệm vụ", "min_score": 70},
				{"classification": "Hoàn thành nhiệm vụ", "min_score": 50},
			],
		}
	).insert()
	for commune in communes[:8]:
		evaluation = frappe.get_doc(
			{"doctype": "DV Evaluation", "evaluated_unit": commune, "year": 2025, "template": template.name}
		)
		evaluation.run_method("validate")  # loads the criteria, as the form does on first save
		for row in evaluation.scores:
			row.self_score = row.max_score * 0.8
		evaluation.insert()

	for n, commune in enumerate(communes[:6]):
		model = frappe.get_doc(
			{
				"doctype": "DV Kheo Model",
				"title": f'Mô hình "Dân vận khéo" số {n}',
				"registering_unit": commune,
				"year": today.year,
				"kheo_field": "Xây dựng nông thôn mới",
				"address": "Thôn Bản Mới",
				"people": "Chi hội Nông dân",
				"work": "Vận động hiến đất làm đường",
			}
		).insert()
		if n < 2:  # decided before the workflow existed: the old final states, never submitted
			final = ("Được công nhận", "Không được công nhận")[n]
			frappe.db.set_value("DV Kheo Model", model.name, "status", final, update_modified=False)

	frappe.get_doc(
		{
			"doctype": "File",
			"file_name": "bien-ban-nang-cap.txt",
			"content": "Biên bản họp giao ban",
			"is_private": 0,
			"attached_to_doctype": "DV Unit",
			"attached_to_name": province,
		}
	).insert(ignore_permissions=True)
	frappe.db.commit()


def counts() -> dict:
	out = {doctype: frappe.db.count(doctype) for doctype in KEPT}
	out["User Permission on DV Unit"] = frappe.db.count("User Permission", {"allow": "DV Unit"})
	out["Error Log"] = frappe.db.count("Error Log")
	out["public files on DV records"] = frappe.db.count(
		"File", {"attached_to_doctype": ("like", "DV %"), "is_private": 0, "is_folder": 0}
	)
	out["files on DV records"] = frappe.db.count("File", {"attached_to_doctype": ("like", "DV %")})
	out["task outcomes"] = dict(
		frappe.db.sql("select ifnull(deadline_outcome, '-'), count(*) from `tabDV Task` group by 1")
	)
	columns = frappe.db.get_table_columns("DV Task")
	if "days_late" in columns:
		out["tasks with days late"] = frappe.db.count("DV Task", {"days_late": (">", 0)})
	if "evaluated_unit_name" in frappe.db.get_table_columns("DV Evaluation"):
		out["evaluations without unit name"] = frappe.db.sql(
			"""select count(*) from `tabDV Evaluation`
			where ifnull(evaluated_unit_name, '') = '' or evaluated_unit_name like 'DVI-%%'"""
		)[0][0]
	out["kheo models by status and docstatus"] = {
		f"{status} / {docstatus}": n
		for status, docstatus, n in frappe.db.sql(
			"select status, docstatus, count(*) from `tabDV Kheo Model` group by 1, 2 order by 1, 2"
		)
	}
	out["dangling-unit notices"] = frappe.db.count(
		"Notification Log", {"document_type": "DV Task", "subject": ("like", "%không có trong danh mục%")}
	)
	out["series"] = dict(
		frappe.db.sql(
			"select name, current from tabSeries where name in ('VB-', 'DVI-') or name like 'NV-____-'"
			" or name like 'DG-____-' or name like 'MH-____-' order by name"
		)
	)
	out["patches logged"] = frappe.db.sql_list(
		"select patch from `tabPatch Log` where patch like 'danvan_app.%%' order by patch"
	)
	return out


def main():
	parser = argparse.ArgumentParser()
	parser.add_argument("--site", required=True)
	parser.add_argument("--tasks", type=int, default=20000)
	parser.add_argument("action", choices=("seed", "counts"))
	args = parser.parse_args()
	frappe.init(site=args.site, sites_path=".")
	frappe.connect()
	frappe.set_user("Administrator")
	try:
		if args.action == "seed":
			seed(args.tasks)
		print(json.dumps(counts(), ensure_ascii=False, sort_keys=True, default=str))
	finally:
		frappe.destroy()


if __name__ == "__main__":
	main()
