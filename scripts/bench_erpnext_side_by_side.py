"""ERPNext's "Delayed Tasks Summary" and the app's task reports side by side, on one site, in one run
(not a test).

Run from the bench's sites folder with the bench's Python, on a site with ERPNext AND danvan_app installed
and nothing you care about (it writes 3,000 units, N DV Tasks and N ERPNext Tasks, and commits them):

    cd frappe-bench/sites && ../env/bin/python ../apps/danvan_app/scripts/bench_erpnext_side_by_side.py \
        --site side.localhost --tasks 120000

Equal data: the DV Tasks are generated as in bench_tasks.py, their outcomes computed by the app's daily job
as of today, then copied into ERPNext's Task by one INSERT … SELECT (same subject, status mapped one to one,
same start, due and completion dates). ERPNext's Task is a NestedSet: each copied task is a root with its
own lft/rgt pair after the tree's last one, consistent without a per-row insert. The script checks that the
two tables hold the same tasks (a checksum over name, status, dates) and that both reports give the same
split of late and not-late tasks before it times anything.

Each report is run as the browser runs it, through ``frappe.desk.query_report.run``, as Administrator and
as a district user (granted one district and its communes: ≤ 2 % of the tasks), best of --repeat. It prints
seconds, the number of SQL queries, and the bytes of the JSON response the browser receives, raw and
gzip-compressed at level 6, then the ratios to ERPNext's figures of the same run.
"""

import argparse
import gzip
import json
import os
import random
import statistics
import sys
import time

import frappe

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_tasks import QueryCounter, district_user, make_tasks, make_units

ERPNEXT_REPORT = "Delayed Tasks Summary"
SUMMARY_REPORT = "DV Task Deadline Summary"
TREE_REPORT = "DV Task Outcomes By Unit Tree"

# DV Task status → ERPNext Task status, one to one.
STATUS_MAP = {
	"Chưa bắt đầu": "Open",
	"Đang thực hiện": "Working",
	"Hoàn thành": "Completed",
	"Đã hủy": "Cancelled",
}
STATUS_CASE = (
	"case t.status " + " ".join(f"when '{dv}' then '{erp}'" for dv, erp in STATUS_MAP.items()) + " end"
)

# One INSERT … SELECT: ERPNext Task rows with the same subject, status, dates and progress as the DV Tasks;
# lft/rgt numbered after the tree's last rgt, every task a root with no children (rgt = lft + 1).
COPY_SQL = f"""
insert into `tabTask` (name, creation, modified, owner, modified_by, docstatus, idx, subject, status,
	priority, exp_start_date, exp_end_date, completed_on, progress, is_group, lft, rgt)
select concat('BENCH-E', substring(t.name, 8)), t.creation, t.modified, t.owner, t.modified_by, 0, 0,
	t.title, {STATUS_CASE}, elt(1 + crc32(t.name) %% 4, 'Low', 'Medium', 'High', 'Urgent'),
	t.start_date, t.due_date, t.completed_on, t.progress, 0,
	%(offset)s + 2 * row_number() over (order by t.name) - 1, %(offset)s + 2 * row_number() over (order by t.name)
from `tabDV Task` t where t.name like 'BENCH-T%%'
"""
DV_CHECKSUM_SQL = f"""select count(*), sum(crc32(concat_ws('|', substring(t.name, 8), {STATUS_CASE},
	ifnull(t.start_date, '-'), ifnull(t.due_date, '-'), ifnull(t.completed_on, '-'))))
	from `tabDV Task` t where t.name like 'BENCH-T%%'"""
ERP_CHECKSUM_SQL = """select count(*), sum(crc32(concat_ws('|', substring(t.name, 8), t.status,
	ifnull(t.exp_start_date, '-'), ifnull(t.exp_end_date, '-'), ifnull(t.completed_on, '-'))))
	from `tabTask` t where t.name like 'BENCH-E%%'"""
NESTED_SET_SQL = """select count(*), sum(rgt != lft + 1), count(distinct lft), min(lft), max(rgt),
	sum(ifnull(parent_task, '') != '') from `tabTask`"""


def response_bytes(result: dict) -> tuple[int, int]:
	"""The JSON body Frappe sends for the call (as frappe.utils.response.as_json writes it), raw and
	gzip level 6."""
	from frappe.utils.response import json_handler

	body = json.dumps({"message": result}, default=json_handler, separators=(",", ":")).encode()
	return len(body), len(gzip.compress(body, compresslevel=6))


def run_report(report: str, filters: dict | None = None) -> dict:
	from frappe.desk.query_report import run

	result = run(report, filters=json.dumps(filters or {}), ignore_prepared_report=False)
	# Report.execute_script_report queues "make it a prepared report" after 15 s; keep both comparable.
	if frappe.db.get_value("Report", report, "prepared_report"):
		frappe.db.set_value("Report", report, "prepared_report", 0)
	return result


def timed(fn, repeat: int):
	"""Best and median seconds of ``repeat`` calls, the queries of the last one, and its result."""
	times, queries, result = [], 0, None
	for _ in range(repeat):
		with QueryCounter() as counter:
			start = time.perf_counter()
			result = fn()
			times.append(time.perf_counter() - start)
		queries = counter.count
	return min(times), statistics.median(times), queries, result


def data_rows(result: dict) -> list[dict]:
	"""The report's rows without its totals row (Frappe's is a list; the summary's own a flagged dict)."""
	return [row for row in result["result"] if isinstance(row, dict) and not row.get("is_total_row")]


def late_split_erpnext(result: dict) -> tuple[int, int]:
	"""(late, not late) among the tasks that are not cancelled, as ERPNext's report computes delay."""
	cancelled = frappe._("Cancelled")
	rows = [row for row in data_rows(result) if row["status"] != cancelled]
	late = sum(1 for row in rows if row["delay"] > 0)
	return late, len(rows) - late


def late_split_app(result: dict) -> tuple[int, int]:
	rows = data_rows(result)
	late = sum(row["overdue"] + row["done_late"] for row in rows)
	return late, sum(row["total"] for row in rows) - late


def make_data(tasks: int, units: int) -> None:
	from frappe.utils import getdate, nowdate

	from danvan_app import jobs

	rng = random.Random(2026)
	frappe.db.sql("delete from `tabDV Task Coordinating Unit` where parent like 'BENCH-%%'")
	frappe.db.sql("delete from `tabDV Task` where name like 'BENCH-%%'")
	frappe.db.sql("delete from `tabDV Unit` where name like 'BENCH-%%'")
	frappe.db.sql("delete from `tabTask` where name like 'BENCH-E%%'")
	start = time.perf_counter()
	names = make_units(units, rng)
	make_tasks(0, tasks, names, rng)
	# A start date a month before the due date, so both tables carry start dates too.
	frappe.db.sql(
		"update `tabDV Task` set start_date = date_sub(due_date, interval 30 day) where name like 'BENCH-T%%'"
	)
	jobs.refresh_deadline_outcomes(today=getdate(nowdate()))
	offset = frappe.db.sql("select ifnull(max(rgt), 0) from `tabTask`")[0][0]
	frappe.db.sql(COPY_SQL, {"offset": offset})
	frappe.db.commit()
	print(
		f"data: {len(names)} units, {tasks} DV Tasks and {tasks} ERPNext Tasks in {time.perf_counter() - start:.1f} s"
	)


def check_data() -> None:
	dv, erp = frappe.db.sql(DV_CHECKSUM_SQL)[0], frappe.db.sql(ERP_CHECKSUM_SQL)[0]
	assert dv == erp, f"DV Task {dv} and ERPNext Task {erp} differ"
	count, not_leaf, distinct_lft, min_lft, max_rgt, with_parent = frappe.db.sql(NESTED_SET_SQL)[0]
	assert not not_leaf and not with_parent and distinct_lft == count, "ERPNext Task tree inconsistent"
	assert min_lft == 1 and max_rgt == 2 * count, "ERPNext Task tree has gaps"
	print(f"equal data: {dv[0]} tasks each, same subject, status, start, due and completion dates (checksum)")
	print(f"ERPNext Task tree: {count} nodes, lft 1..{max_rgt}, each rgt = lft + 1")


def list_count():
	return frappe.get_list("DV Task", fields=["count(`tabDV Task`.`name`) as n"])[0].n


def main():
	parser = argparse.ArgumentParser()
	parser.add_argument("--site", required=True)
	parser.add_argument("--tasks", type=int, default=120000)
	parser.add_argument("--units", type=int, default=3000)
	parser.add_argument("--repeat", type=int, default=3)
	parser.add_argument("--reuse", action="store_true", help="keep the BENCH data already on the site")
	args = parser.parse_args()

	frappe.init(site=args.site, sites_path=".")
	frappe.connect()
	frappe.set_user("Administrator")
	try:
		if not args.reuse:
			make_data(args.tasks, args.units)
		district = district_user("bench.district@dv.test", "DV Viewer")
		frappe.get_doc("User", district).add_roles("Projects User")  # ERPNext's report needs it
		frappe.db.commit()
		check_data()

		# (user, report, best seconds, median seconds, queries, rows, JSON bytes, gzip bytes, late split)
		runs = []
		for user in ("Administrator", district):
			frappe.set_user(user)
			label = "administrator" if user == "Administrator" else "district user"
			for report, name in (
				(ERPNEXT_REPORT, "ERPNext Delayed Tasks Summary"),
				(SUMMARY_REPORT, "app summary by presiding unit"),
				(TREE_REPORT, "app roll-up by unit tree"),
			):
				run_report(report)  # fill the user's caches; not timed
				seconds, median, queries, result = timed(
					lambda report=report: run_report(report), args.repeat
				)
				raw, packed = response_bytes(result)
				split = (late_split_erpnext if report == ERPNEXT_REPORT else late_split_app)(result)
				rows = len(data_rows(result))
				runs.append((label, name, seconds, median, queries, rows, raw, packed, split))
			list_count()
			seconds, median, queries, count = timed(list_count, args.repeat)
			runs.append((label, "task list count (get_list)", seconds, median, queries, 1, 0, 0, (count, 0)))
		frappe.set_user("Administrator")

		by_key = {(label, name): run for run in runs for label, name in [run[:2]]}
		erp_admin = by_key[("administrator", "ERPNext Delayed Tasks Summary")]
		app_admin = by_key[("administrator", "app summary by presiding unit")]
		tree_admin = by_key[("administrator", "app roll-up by unit tree")]
		# The same answer: ERPNext's late / not-late split of the tasks not cancelled is the app's.
		assert erp_admin[8] == app_admin[8] == tree_admin[8], (erp_admin[8], app_admin[8], tree_admin[8])
		print(
			f"same split as administrator: {erp_admin[8][0]} late, {erp_admin[8][1]} not late (not cancelled)"
		)
		district_summary = by_key[("district user", "app summary by presiding unit")]
		print(f"district user: {sum(district_summary[8])} tasks of {sum(app_admin[8])} in the summary report")
		# Frappe makes the first system user saved after the setup wizard a System Manager when there is no
		# other: such a "district user" reads everything and the scoped figures would time the wrong thing.
		assert sum(district_summary[8]) < sum(app_admin[8]), (
			f"{district} reads every task: roles {frappe.get_roles(district)}"
		)

		print(
			"\n| user | report | best s | median s | queries | rows | JSON bytes | gzip-6 bytes"
			" | best time vs ERPNext admin | gzip payload vs ERPNext admin |"
		)
		print("|---|---|---|---|---|---|---|---|---|---|")
		for label, name, seconds, median, queries, rows, raw, packed, _split in runs:
			payload = f"1/{erp_admin[7] / packed:,.0f}" if packed else "–"
			print(
				f"| {label} | {name} | {seconds:.4f} | {median:.4f} | {queries} | {rows} | {raw:,} | {packed:,}"
				f" | {seconds / erp_admin[2]:.4f}× | {payload} |"
			)
		print("\nscoped user against administrator, same report, same run (best; median):")
		for name in (
			"app summary by presiding unit",
			"app roll-up by unit tree",
			"task list count (get_list)",
		):
			admin, scoped = by_key[("administrator", name)], by_key[("district user", name)]
			print(
				f"- {name}: {scoped[2]:.4f} s against {admin[2]:.4f} s = {scoped[2] / admin[2]:.3f}×;"
				f" median {scoped[3] / admin[3]:.3f}×"
			)
	finally:
		frappe.db.rollback()
		frappe.destroy()


if __name__ == "__main__":
	main()
