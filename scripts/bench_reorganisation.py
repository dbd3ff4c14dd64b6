"""Benchmark of DV Reorganisation (issue 14; not a test): merging communes three by three.

Run from the bench's sites folder with the bench's Python, on a site that has danvan_app installed and
nothing you care about (it writes units, tasks, users and their grants, commits them, and removes them
afterwards unless --keep):

    cd frappe-bench/sites && ../env/bin/python ../apps/danvan_app/scripts/bench_reorganisation.py \
        --site SITE --scale 1        (N: 300 communes into 100, 60,000 tasks, 3,000 users' grants)
    ... --scale 10                   (10N)
    ... --communes 30 --tasks 600 --users 30   (a quick try)

The data are bulk-inserted with a fixed seed: a province with the communes directly under it (the 2025
two-tier shape), tasks spread over the communes (70 % open, 10 % with a coordinating commune), users each
granted one commune. Then one DV Reorganisation per group of three communes merges them into a new commune;
each is previewed and submitted (applied at once: effective today). The table gives, for the preview and the
apply of all of them, the seconds and the queries (frappe.db.sql calls), in total and per reorganisation,
and checks that every open task left the old communes.
"""

import argparse
import random
import time

import frappe
from bench_tasks import QueryCounter  # the scripts folder is on sys.path when a script runs

PREFIX = "BENCH-RG-"
PROVINCE = f"{PREFIX}P"
PARTY = "Cấp ủy Đảng"
COMMUNE = "Xã, phường, đặc khu"
OPEN, DONE = "Đang thực hiện", "Hoàn thành"
TASK_CHUNK = 50_000


def stamp() -> dict:
	now = frappe.utils.now_datetime()
	return {"creation": now, "modified": now, "owner": "Administrator", "modified_by": "Administrator"}


def bulk(doctype: str, rows: list[dict]) -> None:
	if rows:
		frappe.db.bulk_insert(doctype, tuple(rows[0]), [tuple(row.values()) for row in rows])


def make_data(communes: int, tasks: int, users: int, rng: random.Random) -> list[str]:
	"""The province and its communes (lft/rgt written directly, after every unit already on the site),
	the tasks, the users and their grants; committed."""
	base = (frappe.db.sql("select max(rgt) from `tabDV Unit`")[0][0] or 0) + 1
	names = [f"{PREFIX}C{i:05d}" for i in range(communes)]
	unit = {"unit_kind": PARTY, "admin_level": COMMUNE, "enabled": 1}
	rows = [
		{
			"name": PROVINCE,
			**stamp(),
			"unit_name": "Tỉnh ủy Thử Sắp Xếp",
			**unit,
			"parent_dv_unit": None,
			"is_group": 1,
			"lft": base,
			"rgt": base + 2 * communes + 1,
		}
	]
	rows += [
		{
			"name": name,
			**stamp(),
			"unit_name": f"Đảng ủy xã Thử {i}",
			**unit,
			"parent_dv_unit": PROVINCE,
			"is_group": 0,
			"lft": base + 1 + 2 * i,
			"rgt": base + 2 + 2 * i,
		}
		for i, name in enumerate(names)
	]
	bulk("DV Unit", rows)
	# In chunks, each one multi-row INSERT per table: 600,000 tasks at 10N never sit in memory at once.
	for first in range(0, tasks, TASK_CHUNK):
		task_rows, coordinating = [], []
		for i in range(first, min(tasks, first + TASK_CHUNK)):
			name = f"{PREFIX}T{i:07d}"
			is_open = rng.random() < 0.7
			task_rows.append(
				{
					"name": name,
					**stamp(),
					"title": f"Nhiệm vụ thử {i}",
					"presiding_unit": rng.choice(names),
					"status": OPEN if is_open else DONE,
					"deadline_kind": "Không thời hạn",
					"recurrence": "Không lặp lại",
					"completed_on": None if is_open else "2026-01-15",
				}
			)
			if rng.random() < 0.1:
				coordinating.append(
					{
						"name": f"{PREFIX}K{i:07d}",
						**stamp(),
						"parent": name,
						"parenttype": "DV Task",
						"parentfield": "coordinating_units",
						"idx": 1,
						"unit": rng.choice(names),
					}
				)
		bulk("DV Task", task_rows)
		bulk("DV Task Coordinating Unit", coordinating)
	emails = [f"bench.rg{i}@dv.test" for i in range(users)]
	bulk(
		"User",
		[
			{
				"name": e,
				**stamp(),
				"email": e,
				"first_name": "Cán bộ",
				"enabled": 1,
				"user_type": "System User",
			}
			for e in emails
		],
	)
	bulk(
		"User Permission",
		[
			{
				"name": f"{PREFIX}UP{i:06d}",
				**stamp(),
				"user": e,
				"allow": "DV Unit",
				"for_value": rng.choice(names),
				"apply_to_all_doctypes": 1,
				"hide_descendants": 0,
			}
			for i, e in enumerate(emails)
		],
	)
	frappe.db.commit()
	return names


def print_row(step: str, seconds: float, queries: int, count: int) -> None:
	print(
		f"| {step} | {count} | {seconds:.2f} | {queries} | {seconds / count:.3f} | {queries / count:.1f} |",
		flush=True,
	)


def reorganise(names: list[str]) -> list[tuple]:
	from danvan_app import reorganisation
	from danvan_app.domain import reorganisation as reorg_rules

	groups = [names[i : i + 3] for i in range(0, len(names) - len(names) % 3, 3)]
	docs = [
		frappe.get_doc(
			{
				"doctype": "DV Reorganisation",
				"decision_number": f"{i}/QĐ-BENCH",
				"decision_date": frappe.utils.today(),
				"effective_date": frappe.utils.today(),
				"kind": reorg_rules.KIND_LABELS[reorg_rules.MERGE],
				"old_units": [{"unit": unit} for unit in group],
				"new_units": [
					{"new_unit_name": f"Đảng ủy xã Mới {i}", "unit_kind": PARTY, "parent_unit": PROVINCE}
				],
			}
		).insert()
		for i, group in enumerate(groups)
	]
	frappe.db.commit()
	rows = []
	with QueryCounter() as counter:
		start = time.perf_counter()
		for doc in docs:
			reorganisation.preview(doc)
			doc.db_set("status", reorg_rules.STATUS_PREVIEWED)
		rows.append(("preview", time.perf_counter() - start, counter.count, len(docs)))
	print_row(*rows[-1])
	# What is measured is the apply itself, in this process: however many tasks a group has, submitting
	# must not hand it to a background job.
	reorganisation.BACKGROUND_FROM_TASKS = float("inf")
	with QueryCounter() as counter:
		start = time.perf_counter()
		for doc in docs:
			doc.reload()
			doc.submit()
		rows.append(("apply", time.perf_counter() - start, counter.count, len(docs)))
	print_row(*rows[-1])
	frappe.db.commit()
	left = frappe.db.sql(
		"select count(*) from `tabDV Task` where presiding_unit in %(units)s and status = %(open)s",
		{"units": tuple(names), "open": OPEN},
	)[0][0]
	assert left == 0, f"{left} open tasks left on the old communes"
	return rows


def clean_up() -> None:
	created = frappe.db.sql(
		"""select r.created_unit from `tabDV Reorganisation New Unit` r
		join `tabDV Reorganisation` d on d.name = r.parent where d.decision_number like '%%/QĐ-BENCH'""",
		pluck=True,
	)
	units = tuple([*created, PROVINCE]) or ("",)
	for sql, values in (
		("delete from `tabDV Task Coordinating Unit` where parent like %(p)s", {"p": f"{PREFIX}%"}),
		("delete from `tabDV Task` where name like %(p)s", {"p": f"{PREFIX}%"}),
		("delete from `tabUser Permission` where user like 'bench.rg%%@dv.test'", {}),
		("delete from `tabUser` where name like 'bench.rg%%@dv.test'", {}),
		(
			"delete from `tabDV Unit Successor` where parent like %(p)s or successor_unit in %(u)s",
			{"p": f"{PREFIX}%", "u": units},
		),
		("delete from `tabDV Unit` where name like %(p)s or name in %(u)s", {"p": f"{PREFIX}%", "u": units}),
		(
			"""delete r from `tabDV Reorganisation Old Unit` r join `tabDV Reorganisation` d on d.name = r.parent
			where d.decision_number like '%%/QĐ-BENCH'""",
			{},
		),
		(
			"""delete r from `tabDV Reorganisation New Unit` r join `tabDV Reorganisation` d on d.name = r.parent
			where d.decision_number like '%%/QĐ-BENCH'""",
			{},
		),
		("delete from `tabDV Reorganisation` where decision_number like '%%/QĐ-BENCH'", {}),
	):
		frappe.db.sql(sql, values)
	frappe.db.commit()
	from frappe.utils.nestedset import rebuild_tree

	rebuild_tree("DV Unit")
	frappe.db.commit()


def main():
	parser = argparse.ArgumentParser(
		description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
	)
	parser.add_argument("--site", required=True)
	parser.add_argument("--scale", type=int, default=1)
	parser.add_argument("--communes", type=int)
	parser.add_argument("--tasks", type=int)
	parser.add_argument("--users", type=int)
	parser.add_argument("--seed", type=int, default=14)
	parser.add_argument("--keep", action="store_true")
	args = parser.parse_args()
	communes = args.communes or 300 * args.scale
	tasks = args.tasks or 60_000 * args.scale
	users = args.users or 3_000 * args.scale
	frappe.init(site=args.site)
	frappe.connect()
	frappe.set_user("Administrator")
	try:
		clean_up()
		start = time.perf_counter()
		names = make_data(communes, tasks, users, random.Random(args.seed))
		print(
			f"data: {communes} communes, {tasks} tasks, {users} users in {time.perf_counter() - start:.1f} s",
			flush=True,
		)
		print("| step | reorganisations | seconds | queries | seconds each | queries each |")
		print("| --- | ---: | ---: | ---: | ---: | ---: |", flush=True)
		reorganise(names)  # each row is printed as soon as it is measured
	finally:
		if not args.keep:
			clean_up()
		frappe.destroy()


if __name__ == "__main__":
	main()
