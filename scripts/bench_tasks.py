"""Benchmark of the task jobs, the summary report and the task list on generated data (not a test).

Run from the bench's sites folder with the bench's Python, on a site that has danvan_app installed and
nothing you care about (it writes thousands of units and 100k+ tasks):

    cd frappe-bench/sites && ../env/bin/python ../apps/danvan_app/scripts/bench_tasks.py --site SITE \
        --units 3000 --tasks 12000 --scale 10

It measures at N tasks and at N × scale tasks: seconds (best of --repeat) and the number of SQL queries of
each operation, next to the equal hand-written SQL measured in the same run, and prints a Markdown table.
Before timing, it checks that each operation and its hand-written SQL give the same result: the outcome job
and its one UPDATE the same outcome and days late on every task, the report and its GROUP BY the same rows.
The task list rows also time the list's permission condition as the hook writes it now (for a district of
29 units out of 3,000: the union of the two unit indexes' tasks, joined by name) against the correlated
EXISTS it wrote first, on the same unit list.
"""

import argparse
import random
import time
from datetime import date, timedelta

import frappe


class QueryCounter:
	"""Counts frappe.db.sql calls: the number a request makes must not grow with the data."""

	def __init__(self):
		self.count = 0

	def __enter__(self):
		self.original = frappe.db.sql

		def counted(*args, **kwargs):
			self.count += 1
			return self.original(*args, **kwargs)

		frappe.db.sql = counted
		return self

	def __exit__(self, *exc):
		frappe.db.sql = self.original


def measure(fn, repeat: int) -> tuple[float, int]:
	best, queries = float("inf"), 0
	for _ in range(repeat):
		with QueryCounter() as counter:
			start = time.perf_counter()
			fn()
			elapsed = time.perf_counter() - start
		best, queries = min(best, elapsed), counter.count
	return best, queries


def make_units(count: int, rng: random.Random) -> list[str]:
	"""A province, districts and communes in one bulk insert, then one tree rebuild (not count inserts)."""
	from frappe.utils.nestedset import rebuild_tree

	now, rows = frappe.utils.now_datetime(), []
	names = ["BENCH-U0"]
	rows.append(
		("BENCH-U0", now, now, "Administrator", "Administrator", "Tỉnh thử", "Cấp ủy Đảng", None, 1, 1)
	)
	districts = max(1, count // 30)
	for d in range(1, districts + 1):
		name = f"BENCH-U{d}"
		names.append(name)
		rows.append(
			(
				name,
				now,
				now,
				"Administrator",
				"Administrator",
				f"Huyện thử {d}",
				"Cấp ủy Đảng",
				"BENCH-U0",
				1,
				1,
			)
		)
	for c in range(districts + 1, count):
		name = f"BENCH-U{c}"
		names.append(name)
		parent = f"BENCH-U{rng.randint(1, districts)}"
		rows.append(
			(name, now, now, "Administrator", "Administrator", f"Xã thử {c}", "Cấp ủy Đảng", parent, 0, 1)
		)
	fields = (
		"name",
		"creation",
		"modified",
		"owner",
		"modified_by",
		"unit_name",
		"unit_kind",
		"parent_dv_unit",
	)
	frappe.db.bulk_insert("DV Unit", (*fields, "is_group", "enabled"), rows)
	rebuild_tree("DV Unit")
	return names


STATUSES = ("Chưa bắt đầu", "Đang thực hiện", "Hoàn thành", "Đã hủy")


def make_tasks(first: int, count: int, units: list[str], rng: random.Random) -> None:
	now, base, rows, coordinating = frappe.utils.now_datetime(), date(2026, 6, 1), [], []
	for i in range(first, first + count):
		# A distinct `modified` per task (one second apart, later tasks later), so a list page sorted on it
		# has one right answer to compare with; drawn from no random number, so the data is otherwise the same.
		modified = now - timedelta(seconds=10_000_000 - i)
		status = rng.choices(STATUSES, weights=(3, 4, 4, 1))[0]
		due = base + timedelta(days=rng.randint(-400, 200)) if rng.random() > 0.05 else None
		completed = due + timedelta(days=rng.randint(-30, 30)) if (status == "Hoàn thành" and due) else None
		name = f"BENCH-T{i}"
		rows.append(
			(
				name,
				now,
				modified,
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
		if rng.random() < 0.3:
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
	fields = (
		"name",
		"creation",
		"modified",
		"owner",
		"modified_by",
		"title",
		"presiding_unit",
		"status",
		"due_date",
	)
	frappe.db.bulk_insert(
		"DV Task",
		(*fields, "original_due_date", "completed_on", "deadline_kind", "recurrence", "weight"),
		rows,
	)
	child = (
		"name",
		"creation",
		"modified",
		"owner",
		"modified_by",
		"idx",
		"parent",
		"parenttype",
		"parentfield",
		"unit",
	)
	frappe.db.bulk_insert("DV Task Coordinating Unit", child, coordinating)


# What jobs.refresh_deadline_outcomes does, in one UPDATE: the same rules for both columns. A row no rule
# matches (done without a completion date) keeps its outcome, as in the job; days late comes from the same
# conditions as the outcomes it belongs to, not from the column just assigned (no reliance on MariaDB's
# left-to-right assignment).
RAW_OUTCOME_SQL = """
update `tabDV Task` set
	deadline_outcome = case
		when status = 'Đã hủy' then null
		when due_date is null then 'Không có hạn'
		when status in ('Chưa bắt đầu', 'Đang thực hiện') and due_date < %(today)s then 'Quá hạn'
		when status in ('Chưa bắt đầu', 'Đang thực hiện') then 'Đang thực hiện trong hạn'
		when status = 'Hoàn thành' and completed_on <= due_date then 'Đúng hạn'
		when status = 'Hoàn thành' and completed_on > due_date then 'Hoàn thành trễ hạn'
		else deadline_outcome end,
	days_late = case
		when status in ('Chưa bắt đầu', 'Đang thực hiện') and due_date < %(today)s
			then datediff(%(today)s, due_date)
		when status = 'Hoàn thành' and completed_on > due_date then datediff(completed_on, due_date)
		else 0 end
"""

# Both columns together: the outcome job and the raw UPDATE must leave the same (outcome, days late) pairs,
# and the same pair on every task (a checksum over name, outcome and days late).
OUTCOME_PAIRS_SQL = """select deadline_outcome, days_late, count(*) from `tabDV Task`
	group by deadline_outcome, days_late order by deadline_outcome, days_late"""
OUTCOME_CHECKSUM_SQL = """select count(*), sum(crc32(concat_ws('|', name, ifnull(deadline_outcome, '-'), days_late)))
	from `tabDV Task`"""
RESET_OUTCOMES_SQL = "update `tabDV Task` set deadline_outcome = null, days_late = 0"

# The report's query by hand: the same columns (unit, its name and abbreviation, the counts), counted per
# presiding unit before the unit's name is joined, as the report does (see its get_rows).
RAW_COUNTS = """count(*) total, count(case when t.deadline_outcome = 'Đúng hạn' then 1 end) on_time,
	count(case when t.deadline_outcome = 'Hoàn thành trễ hạn' then 1 end) done_late,
	count(case when t.deadline_outcome = 'Đang thực hiện trong hạn' then 1 end) within_deadline,
	count(case when t.deadline_outcome = 'Quá hạn' then 1 end) overdue,
	count(case when t.deadline_outcome = 'Không có hạn' then 1 end) no_deadline,
	count(case when t.status = 'Chưa bắt đầu' then 1 end) not_started"""
RAW_SUMMARY_SQL = f"""
select p.presiding_unit, u.unit_name, u.abbreviation, p.total, p.on_time, p.done_late, p.within_deadline,
	p.overdue, p.no_deadline, p.not_started
from (select t.presiding_unit, {RAW_COUNTS} from `tabDV Task` t where t.status != 'Đã hủy'
	group by t.presiding_unit) p
join `tabDV Unit` u on u.name = p.presiding_unit order by p.total desc
"""


RAW_SCOPED_SUMMARY_SQL = f"""
select p.presiding_unit, u.unit_name, u.abbreviation, p.total, p.on_time, p.done_late, p.within_deadline,
	p.overdue, p.no_deadline, p.not_started
from (select t.presiding_unit, {RAW_COUNTS} from `tabDV Task` t where t.status != 'Đã hủy' and (
	t.presiding_unit in (select s.name from `tabDV Unit` s join `tabDV Unit` r on r.name = %(root)s
		where s.lft >= r.lft and s.rgt <= r.rgt)
	or exists (select 1 from `tabDV Task Coordinating Unit` c join `tabDV Unit` s on s.name = c.unit
		join `tabDV Unit` r on r.name = %(root)s
		where c.parent = t.name and c.parenttype = 'DV Task' and s.lft >= r.lft and s.rgt <= r.rgt))
	group by t.presiding_unit) p
join `tabDV Unit` u on u.name = p.presiding_unit order by p.total desc
"""


# The district subtree by lft/rgt, written by hand: the rows a district user's list must show.
SUBTREE_SQL = """select s.name from `tabDV Unit` s join `tabDV Unit` r on r.name = %(root)s
	where s.lft >= r.lft and s.rgt <= r.rgt"""
RAW_LIST_SCOPE_SQL = f"""(`tabDV Task`.presiding_unit in ({SUBTREE_SQL})
	or `tabDV Task`.name in (select c.parent from `tabDV Task Coordinating Unit` c
		where c.parenttype = 'DV Task' and c.unit in ({SUBTREE_SQL})))"""
LIST_PAGE_SQL = """select `tabDV Task`.name, `tabDV Task`.title, `tabDV Task`.due_date,
	`tabDV Task`.deadline_outcome from `tabDV Task` where {scope} order by `tabDV Task`.modified desc limit 20"""
LIST_COUNT_SQL = "select count(*) from `tabDV Task` where {scope}"
LIST_FIELDS = ["name", "title", "due_date", "deadline_outcome"]
# The report's count columns, in the order RAW_SUMMARY_SQL selects them.
SUMMARY_COUNTS = ("total", "on_time", "done_late", "within_deadline", "overdue", "no_deadline", "not_started")


def old_task_condition(units) -> str:
	"""The DV Task list condition as the hook wrote it before the change: a correlated EXISTS."""
	from danvan_app.permissions.scope import sql_list

	return (
		f"(`tabDV Task`.`presiding_unit` in ({sql_list(units)}) or exists (select 1 from"
		" `tabDV Task Coordinating Unit` c where c.parenttype = 'DV Task' and c.parent = `tabDV Task`.`name`"
		f" and c.`unit` in ({sql_list(units)})))"
	)


def list_rounds(label: str, n: int, repeat: int, list_user: str) -> list[tuple]:
	"""The list view's page and count as a district user (through the permission hook), next to the same
	rows by hand-written lft/rgt SQL, and the hook's condition as it is now (IN) against as it was (EXISTS)."""
	from danvan_app.permissions.scope import scope_condition, user_scope

	scope = user_scope(list_user)
	new_condition, old_condition = scope_condition("DV Task", scope), old_task_condition(scope.units)
	root = {"root": "BENCH-U1"}

	def page():
		return frappe.get_list("DV Task", fields=LIST_FIELDS, order_by="modified desc", limit_page_length=20)

	def count():
		return frappe.get_list("DV Task", fields=["count(*) as n"])[0].n

	def raw(template: str, scope_sql: str, values=()):
		return frappe.db.sql(template.format(scope=scope_sql), values)

	frappe.set_user(list_user)
	if label == "N":
		print(
			"get_list page SQL:",
			frappe.get_list(
				"DV Task", fields=LIST_FIELDS, order_by="modified desc", limit_page_length=20, run=0
			),
		)
		print("get_list count SQL:", frappe.get_list("DV Task", fields=["count(*) as n"], run=0))
	page_rows, total = [row.name for row in page()], count()
	page_s, page_q = measure(page, repeat)
	count_s, count_q = measure(count, repeat)
	frappe.set_user("Administrator")

	# The same rows every way, or the timings compare different work.
	for scope_sql, values in ((RAW_LIST_SCOPE_SQL, root), (new_condition, ()), (old_condition, ())):
		assert [r[0] for r in raw(LIST_PAGE_SQL, scope_sql, values)] == page_rows, scope_sql
		assert raw(LIST_COUNT_SQL, scope_sql, values)[0][0] == total, scope_sql
	print(f"{label}: district user's list: {total} of {n} tasks, the same page and count every way")

	raw_page_s, _q = measure(lambda: raw(LIST_PAGE_SQL, RAW_LIST_SCOPE_SQL, root), repeat)
	raw_count_s, _q = measure(lambda: raw(LIST_COUNT_SQL, RAW_LIST_SCOPE_SQL, root), repeat)
	new_page_s, _q = measure(lambda: raw(LIST_PAGE_SQL, new_condition), repeat)
	old_page_s, _q = measure(lambda: raw(LIST_PAGE_SQL, old_condition), repeat)
	new_count_s, _q = measure(lambda: raw(LIST_COUNT_SQL, new_condition), repeat)
	old_count_s, _q = measure(lambda: raw(LIST_COUNT_SQL, old_condition), repeat)
	by_hand = "same rows, lft/rgt subtree, IN"
	versus_old = "old hook condition: correlated EXISTS"
	return [
		(label, n, "task list page of 20, district user", page_s, page_q, raw_page_s, by_hand),
		(label, n, "task list count, district user", count_s, count_q, raw_count_s, by_hand),
		(label, n, "list page, hook condition now, SQL only", new_page_s, 1, old_page_s, versus_old),
		(label, n, "list count, hook condition now, SQL only", new_count_s, 1, old_count_s, versus_old),
	]


def run_round(label: str, repeat: int, scoped_user: str, list_user: str, today: date) -> list[tuple]:
	from frappe.desk.query_report import run

	from danvan_app import jobs
	from danvan_app.dv_directives.report.dv_task_deadline_summary.dv_task_deadline_summary import execute
	from danvan_app.reports.totals import without_totals

	# The statistics refreshed before timing: right after a bulk insert InnoDB has not updated them yet, and
	# the summary's plans (the report's and the hand-written alike) then took 0.4-0.7 s at 120,000 tasks
	# against 0.01-0.08 s once it had.
	frappe.db.sql("analyze table `tabDV Task`, `tabDV Unit`, `tabDV Task Coordinating Unit`")
	n = frappe.db.count("DV Task")
	results = []

	def outcome_job():
		# Reset so every repetition does the full work, not a no-op on already-fresh rows.
		frappe.db.sql(RESET_OUTCOMES_SQL)
		jobs.refresh_deadline_outcomes(today=today)

	def raw_outcome():
		frappe.db.sql(RESET_OUTCOMES_SQL)
		frappe.db.sql(RAW_OUTCOME_SQL, {"today": today})

	# The same outcome and days late on every task both ways, or the timings compare different work.
	outcome_job()
	job_pairs, job_sum = frappe.db.sql(OUTCOME_PAIRS_SQL), frappe.db.sql(OUTCOME_CHECKSUM_SQL)
	raw_outcome()
	assert frappe.db.sql(OUTCOME_PAIRS_SQL) == job_pairs, "outcome job and raw UPDATE disagree"
	assert frappe.db.sql(OUTCOME_CHECKSUM_SQL) == job_sum, "outcome job and raw UPDATE disagree on some task"
	late = sum(count for _outcome, days, count in job_pairs if days)
	print(
		f"{label}: outcome job and raw UPDATE: the same outcome and days late on all {n} tasks ({late} late)"
	)

	job_s, job_q = measure(outcome_job, repeat)
	raw_s, _q = measure(raw_outcome, repeat)
	results.append(
		(
			label,
			n,
			"daily outcome job (9 UPDATEs, with days_late)",
			job_s,
			job_q - 1,
			raw_s,
			"1 UPDATE … CASE",
		)
	)

	def report_rows(rows):
		keys = ("unit", "unit_name", "abbreviation", *SUMMARY_COUNTS)
		return sorted(tuple(row[key] for key in keys) for row in without_totals(rows))

	def raw_rows(rows):
		return sorted((*row[:3], *(int(value or 0) for value in row[3:])) for row in rows)

	assert report_rows(execute({})[1]) == raw_rows(frappe.db.sql(RAW_SUMMARY_SQL)), "report"
	report_s, report_q = measure(lambda: execute({}), repeat)
	raw_s, _q = measure(lambda: frappe.db.sql(RAW_SUMMARY_SQL), repeat)
	results.append((label, n, "summary report, administrator", report_s, report_q, raw_s, "GROUP BY"))
	# As the browser asks for it: Frappe's query_report.run adds its checks and the total row.
	run_s, run_q = measure(lambda: run("DV Task Deadline Summary", filters="{}"), repeat)
	results.append(
		(label, n, "summary report via query_report.run, administrator", run_s, run_q, raw_s, "GROUP BY")
	)

	frappe.set_user(scoped_user)
	scoped_rows = report_rows(execute({})[1])
	frappe.set_user("Administrator")
	raw_scoped = frappe.db.sql(RAW_SCOPED_SUMMARY_SQL, {"root": "BENCH-U1"})
	assert scoped_rows == raw_rows(raw_scoped), "district user's report"
	print(
		f"{label}: summary report: the same rows as the hand-written GROUP BY, administrator and district user"
	)

	frappe.set_user(scoped_user)
	scoped_s, scoped_q = measure(lambda: execute({}), repeat)
	frappe.set_user("Administrator")
	raw_scoped_s, _q = measure(lambda: frappe.db.sql(RAW_SCOPED_SUMMARY_SQL, {"root": "BENCH-U1"}), repeat)
	results.append(
		(
			label,
			n,
			"summary report, district user",
			scoped_s,
			scoped_q,
			raw_scoped_s,
			"GROUP BY, same scope via lft/rgt",
		)
	)
	return results + list_rounds(label, n, repeat, list_user)


def district_user(user: str, role: str) -> str:
	"""A user with one DV role, granted the district BENCH-U1 and its communes."""
	from danvan_app.api.access import grant_unit_access

	if not frappe.db.exists("User", user):
		frappe.get_doc(
			{
				"doctype": "User",
				"email": user,
				"first_name": "Bench",
				"send_welcome_email": 0,
				"roles": [{"role": role}],
			}
		).insert()
	frappe.db.delete("User Permission", {"user": user})
	grant_unit_access(user, ["BENCH-U1"])
	return user


def main():
	parser = argparse.ArgumentParser()
	parser.add_argument("--site", required=True)
	parser.add_argument("--units", type=int, default=3000)
	parser.add_argument("--tasks", type=int, default=12000)
	parser.add_argument("--scale", type=int, default=10)
	parser.add_argument("--repeat", type=int, default=3)
	parser.add_argument(
		"--data-only",
		action="store_true",
		help="write the units, the two users and N × scale tasks, commit, and measure nothing (the data"
		" scripts/load_wrk.py serves)",
	)
	args = parser.parse_args()

	frappe.init(site=args.site, sites_path=".")
	frappe.connect()
	frappe.set_user("Administrator")
	rng = random.Random(2026)
	today = date(2026, 6, 1)
	try:
		frappe.db.sql("delete from `tabDV Task Coordinating Unit` where parent like 'BENCH-%%'")
		frappe.db.sql("delete from `tabDV Task` where name like 'BENCH-%%'")
		frappe.db.sql("delete from `tabDV Unit` where name like 'BENCH-%%'")
		start = time.perf_counter()
		with QueryCounter() as counter:
			units = make_units(args.units, rng)
		print(
			f"units: {len(units)} inserted and tree rebuilt in {time.perf_counter() - start:.2f} s, {counter.count} queries"
		)

		user = district_user("bench.district@dv.test", "DV Viewer")
		list_user = district_user("bench.officer@dv.test", "DV Officer")
		frappe.db.commit()

		if args.data_only:
			start = time.perf_counter()
			make_tasks(0, args.tasks * args.scale, units, rng)
			frappe.db.commit()
			print(f"tasks: {args.tasks * args.scale} inserted in {time.perf_counter() - start:.1f} s")
			return
		rows = []
		make_tasks(0, args.tasks, units, rng)
		frappe.db.commit()
		rows += run_round("N", args.repeat, user, list_user, today)
		make_tasks(args.tasks, args.tasks * (args.scale - 1), units, rng)
		frappe.db.commit()
		rows += run_round(f"{args.scale}N", args.repeat, user, list_user, today)

		# Recurring duties: one quarterly duty per unit; generate, then run again (must create nothing).
		from danvan_app import jobs

		now = frappe.utils.now_datetime()
		duties = [
			(
				f"BENCH-D{i}",
				now,
				now,
				"Administrator",
				"Administrator",
				"Báo cáo quý",
				unit,
				"Chưa bắt đầu",
				"Định kỳ",
				"Hằng quý",
				date(2026, 1, 1),
				1,
			)
			for i, unit in enumerate(units)
		]
		fields = ("name", "creation", "modified", "owner", "modified_by", "title", "presiding_unit", "status")
		frappe.db.bulk_insert(
			"DV Task", (*fields, "deadline_kind", "recurrence", "start_date", "weight"), duties
		)
		frappe.db.commit()
		for attempt in ("first run", "second run"):
			with QueryCounter() as counter:
				start = time.perf_counter()
				created = jobs.generate_recurring_instances(today=date(2026, 8, 10))
				elapsed = time.perf_counter() - start
			frappe.db.commit()
			print(
				f"recurring instances, {len(duties)} duties, {attempt}: {created} created in {elapsed:.2f} s, {counter.count} queries"
			)

		print("\n| round | tasks | operation | seconds | queries | raw SQL seconds | ratio | raw SQL |")
		print("|---|---|---|---|---|---|---|---|")
		for label, n, op, secs, queries, raw, raw_label in rows:
			print(
				f"| {label} | {n} | {op} | {secs:.3f} | {queries} | {raw:.3f} | {secs / raw:.2f}× | {raw_label} |"
			)
	finally:
		frappe.db.rollback()
		frappe.destroy()


if __name__ == "__main__":
	main()
