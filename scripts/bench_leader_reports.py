"""Benchmark of the leaders' reports on generated data (issue 13; not a test).

Run from the bench's sites folder with the bench's Python, on a site that has danvan_app installed and
nothing you care about (it writes 3,000 units, ~3,900 directives and 120,000 tasks, and commits them):

    cd frappe-bench/sites && ../env/bin/python ../apps/danvan_app/scripts/bench_leader_reports.py \
        --site SITE --units 3000 --tasks 12000 --scale 10 --repeat 5 --round N
    (then the same with --round 10N; --round both does the two rounds in one run)

The data comes from the generators of scripts/bench_tasks.py (units, tasks, the district user) and
scripts/bench_evaluations.py (leader users), imported, with the same seed every time; on top of them:
directives and their implementing plans (child directives with ``parent_directive``), a directive on most
tasks, leaders in charge on most units (some missing, some units closed), progress on the tasks under way,
and extension and explanation rows on some tasks (mostly overdue ones). ``--round N`` builds units and N
tasks, or reuses them when the site already holds them from the same seed and sizes; ``--round 10N`` adds
the 9N more tasks to an N site (or builds everything), so a round's data are the same however it was made.

For each report, as the Administrator and as a DV Viewer granted the district BENCH-U1 with its communes, it
times ``execute(filters)`` and the same figures by hand-written SQL (plain strings, parameters via %(name)s,
run through frappe.db.sql) in the same run, alternately, and takes the median of --repeat runs of each, after checking the two give the same
figures (an AssertionError otherwise). It counts the queries ``execute`` issues (frappe.db.sql calls) and the
seconds spent inside them, and prints a Markdown table; a report over GOAL × its hand SQL also gets the
EXPLAIN of its statements and of the hand SQL printed.
"""

import argparse
import os
import random
import statistics
import sys
import time
from datetime import date, timedelta

import frappe

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from bench_evaluations import QueryCounter, bulk, make_leaders, stamp
from bench_tasks import SUBTREE_SQL, district_user, make_tasks, make_units

GOAL = 1.3
MARKER = "bench_leader_reports"
PROVINCE, ROOT, MAIN = "BENCH-U0", "BENCH-U1", "BENCH-DIR0"
SCOPED_USER = "bench.district@dv.test"
DIRECTIVES = 50
# The day the deadline outcomes are computed for (bench_tasks' due dates are spread around it).
OUTCOME_DAY = date(2026, 6, 1)
EXTENSION_DECISIONS = {"Chờ duyệt": 1, "Đồng ý": 3, "Không đồng ý": 1}


# ---------------------------------------------------------------------------------------------- data


def clean_up() -> None:
	for sql in (
		"delete from `tabDV Task Extension` where parent like 'BENCH-%%'",
		"delete from `tabDV Task Explanation` where parent like 'BENCH-%%'",
		"delete from `tabDV Task Coordinating Unit` where parent like 'BENCH-%%'",
		"delete from `tabDV Task` where name like 'BENCH-%%'",
		"delete from `tabDV Directive` where name like 'BENCH-%%'",
		"delete from `tabDV Unit` where name like 'BENCH-%%'",
		"delete from `tabUser` where name like 'bench.leader%%'",
	):
		frappe.db.sql(sql)


def build_units(count: int, seed: int) -> list[str]:
	"""bench_tasks' units (a province, count // 30 districts, communes) and district user, then leaders in charge on 88 % of
	them and 2 % of the communes closed at the end of 2025 (merged), drawn from their own generator."""
	start = time.perf_counter()
	units = make_units(count, random.Random(seed))
	# The district user before the 400 leaders: Frappe throttles creating a user after many in an hour.
	district_user(SCOPED_USER, "DV Viewer")
	leaders = make_leaders()
	rng = random.Random(seed + 10)
	for unit in units:
		leader = rng.choice(leaders) if rng.random() < 0.88 else None
		closed = date(2025, 12, 31) if unit != PROVINCE and rng.random() < 0.02 else None
		if leader or closed:
			frappe.db.sql(
				"update `tabDV Unit` set dan_van_leader = %s, valid_to = %s where name = %s",
				(leader, closed, unit),
			)
	print(f"units: {len(units)} with leaders and closures in {time.perf_counter() - start:.1f} s")
	return units


def districts() -> list[str]:
	return frappe.db.sql_list(
		"select name from `tabDV Unit` where parent_dv_unit = %s order by lft", PROVINCE
	)


def communes() -> list[str]:
	return frappe.db.sql_list(
		"select c.name from `tabDV Unit` c join `tabDV Unit` d on d.name = c.parent_dv_unit"
		" where d.parent_dv_unit = %s order by c.lft",
		PROVINCE,
	)


def build_directives(seed: int) -> int:
	"""DIRECTIVES provincial directives; implementing plans of each by half the districts, of the main one
	(MAIN, "16-CT/TU") by 85 % of the districts and 40 % of the communes, 5 % of the plans amended later."""
	rng, rows = random.Random(seed + 20), []

	def directive(name, number, title, issued, unit, parent=None, kind="Chỉ thị"):
		rows.append(
			{"name": name, **stamp(), "directive_number": number, "doc_type": kind, "title": title}
			| {"issue_date": issued, "issuing_unit": unit, "parent_directive": parent}
		)

	issued, district_units, commune_units = {}, districts(), communes()
	for d in range(DIRECTIVES):
		issued[d] = date(2026, 1, 15) if d == 0 else date(2025, 1, 10) + timedelta(days=rng.randint(0, 480))
		directive(f"BENCH-DIR{d}", f"{16 + d}-CT/TU", f"Chỉ thị thử {d}", issued[d], PROVINCE)
	for d in range(DIRECTIVES):
		units = [(u, 0.85 if d == 0 else 0.5) for u in district_units]
		if d == 0:
			units += [(u, 0.4) for u in commune_units]
		for unit, share in units:
			if rng.random() >= share:
				continue
			day = issued[d] + timedelta(days=rng.randint(7, 120))
			name = f"BENCH-PLAN{d}-{unit}"
			directive(
				name, f"{d}/KH-{unit}", f"Kế hoạch thực hiện {d}", day, unit, f"BENCH-DIR{d}", "Kế hoạch"
			)
			if rng.random() < 0.05:
				later = day + timedelta(days=rng.randint(30, 90))
				directive(
					f"{name}-b",
					f"{d}b/KH-{unit}",
					"Kế hoạch bổ sung",
					later,
					unit,
					f"BENCH-DIR{d}",
					"Kế hoạch",
				)
	bulk("DV Directive", rows)
	return len(rows)


# A directive on most new tasks: a tenth of the tasks of a unit with a plan of MAIN belong to that plan; a
# half of the districts' tasks and 5 % of the others to MAIN (so every district reads it); 70 % of the rest to one of the other
# directives. Drawn from the task's name (crc32), so the same task gets the same directive every run.
ASSIGN_DIRECTIVES_SQL = """
update `tabDV Task` t join `tabDV Unit` u on u.name = t.presiding_unit
left join `tabDV Directive` p on p.name = concat('BENCH-PLAN0-', u.name)
set t.directive = case
	when p.name is not null and crc32(t.name) %% 10 = 1 then p.name
	when u.parent_dv_unit = 'BENCH-U0' and crc32(t.name) %% 2 = 0 then 'BENCH-DIR0'
	when crc32(t.name) %% 20 = 0 then 'BENCH-DIR0'
	when crc32(t.name) %% 10 < 7 then concat('BENCH-DIR', 1 + crc32(concat(t.name, 'd')) %% 49)
	else null end,
t.progress = case
	when t.status = 'Hoàn thành' then 100
	when t.status = 'Đang thực hiện' then 5 * (crc32(concat(t.name, 'p')) %% 20)
	else 0 end
where t.name like 'BENCH-T%%' and t.creation >= %(since)s
"""


def child_rows(since, rng: random.Random) -> tuple[int, int]:
	"""Extension requests on 20 % of the overdue tasks (3 % of the others with a deadline) and explanation
	requests on 15 % of the overdue (5 % of those done late); the task's pending flag and original deadline
	follow its requests."""
	tasks = frappe.db.sql(
		"""select name, deadline_outcome, due_date from `tabDV Task`
		where name like 'BENCH-T%%' and creation >= %(since)s and due_date is not null""",
		{"since": since},
	)
	tasks = sorted(tasks, key=lambda row: int(row[0][len("BENCH-T") :]))
	extensions, explanations, pending, moved = [], [], [], {}
	for name, outcome, due in tasks:
		if rng.random() < (0.2 if outcome == "Quá hạn" else 0.03):
			approved = 0
			for j in range(rng.choice((1, 1, 1, 2, 3))):
				decision = rng.choices(tuple(EXTENSION_DECISIONS), weights=EXTENSION_DECISIONS.values())[0]
				approved += decision == "Đồng ý"
				extensions.append(
					{"name": f"{name}-x{j}", **stamp(), "idx": j + 1, "parent": name, "parenttype": "DV Task"}
					| {"parentfield": "extensions", "requested_on": due - timedelta(days=5)}
					| {"requested_due_date": due + timedelta(days=30), "previous_due_date": due}
					| {"reason": "Chưa đủ điều kiện", "decision": decision}
				)
				if decision == "Chờ duyệt":
					pending.append(name)
			if approved:
				moved.setdefault(approved, []).append(name)
		share = {"Quá hạn": 0.15, "Hoàn thành trễ hạn": 0.05}.get(outcome, 0)
		if rng.random() < share:
			for j in range(rng.choice((1, 1, 2))):
				asked = due + timedelta(days=rng.randint(1, 60) + 60 * j)
				replied = asked + timedelta(days=rng.randint(1, 15)) if rng.random() < 0.6 else None
				explanations.append(
					{"name": f"{name}-g{j}", **stamp(), "idx": j + 1, "parent": name, "parenttype": "DV Task"}
					| {"parentfield": "explanations", "requested_on": asked, "request": "Đề nghị giải trình"}
					| {"replied_on": replied, "reply": "Đã giải trình" if replied else None}
				)
	bulk("DV Task Extension", extensions)
	bulk("DV Task Explanation", explanations)
	for chunk in range(0, len(pending), 1000):
		frappe.db.sql(
			"update `tabDV Task` set extension_pending = 1 where name in %(names)s",
			{"names": tuple(pending[chunk : chunk + 1000])},
		)
	for approved, names in moved.items():
		for chunk in range(0, len(names), 1000):
			frappe.db.sql(
				"update `tabDV Task` set original_due_date = date_sub(due_date, interval %(days)s day)"
				" where name in %(names)s",
				{"days": 30 * approved, "names": tuple(names[chunk : chunk + 1000])},
			)
	return len(extensions), len(explanations)


def add_tasks(first: int, count: int, units: list[str], rng: random.Random) -> None:
	"""bench_tasks' tasks (statuses, due dates, coordinating units), then their directives, progress,
	deadline outcomes (the app's daily job, on OUTCOME_DAY) and extension and explanation rows."""
	from danvan_app import jobs

	start = time.perf_counter()
	since = frappe.utils.now_datetime()  # the clock make_tasks stamps `creation` with
	make_tasks(first, count, units, rng)
	frappe.db.sql(ASSIGN_DIRECTIVES_SQL, {"since": since})
	jobs.refresh_deadline_outcomes(today=OUTCOME_DAY)
	extensions, explanations = child_rows(since, rng)
	print(
		f"tasks {first}…{first + count - 1}: {extensions} extension and {explanations} explanation rows,"
		f" in {time.perf_counter() - start:.1f} s"
	)


def ensure_data(stage: str, args) -> None:
	key = f"data=2;seed={args.seed};units={args.units};tasks={args.tasks};scale={args.scale}"
	have = frappe.db.get_global(MARKER) or ""
	tasks = frappe.db.sql("select count(*) from `tabDV Task` where name like 'BENCH-T%%'")[0][0]
	more = args.tasks * (args.scale - 1)
	units = [f"BENCH-U{i}" for i in range(args.units)]  # bench_tasks.make_units' names, in its order
	if have == f"{key};stage={stage}" and tasks == (args.tasks if stage == "N" else args.tasks + more):
		print(f"reusing the site's data ({have}, {tasks} tasks)")
		return
	if stage == "10N" and have == f"{key};stage=N" and tasks == args.tasks:
		print(f"adding {more} tasks to the site's N data")
	else:
		clean_up()
		assert build_units(args.units, args.seed) == units
		print(f"directives: {build_directives(args.seed)} (with the implementing plans)")
		add_tasks(0, args.tasks, units, random.Random(args.seed + 1))
		frappe.db.set_global(MARKER, f"{key};stage=N")
		frappe.db.commit()
		if stage == "N":
			return
	add_tasks(args.tasks, more, units, random.Random(args.seed + 2))
	frappe.db.set_global(MARKER, f"{key};stage=10N")
	frappe.db.commit()


# ------------------------------------------------------------------------------------- hand-written SQL

OPEN_UNIT = """{u}.enabled = 1 and ({u}.valid_from is null or {u}.valid_from <= %(today)s)
	and ({u}.valid_to is null or {u}.valid_to >= %(today)s)"""

# Each unit's counts first, then summed over each row's subtree by lft/rgt.
TASK_COUNTS = """select presiding_unit, count(*) total, sum(deadline_outcome = 'Đúng hạn') on_time,
	sum(deadline_outcome = 'Hoàn thành trễ hạn') done_late,
	sum(deadline_outcome = 'Đang thực hiện trong hạn') within_deadline,
	sum(deadline_outcome = 'Quá hạn') overdue, sum(deadline_outcome = 'Không có hạn') no_deadline,
	sum(status = 'Chưa bắt đầu') not_started
	from `tabDV Task` where status != 'Đã hủy' group by presiding_unit"""
TREE_SELECT = """select r.name, coalesce(sum(c.total), 0), coalesce(sum(c.on_time), 0),
	coalesce(sum(c.done_late), 0), coalesce(sum(c.within_deadline), 0), coalesce(sum(c.overdue), 0),
	coalesce(sum(c.no_deadline), 0), coalesce(sum(c.not_started), 0)"""
TREE_TOP_SQL = f"""{TREE_SELECT}
from `tabDV Unit` r join `tabDV Unit` p on p.lft >= r.lft and p.rgt <= r.rgt
left join ({TASK_COUNTS}) c on c.presiding_unit = p.name
where (r.parent_dv_unit is null or r.parent_dv_unit = '') and {OPEN_UNIT.format(u="r")}
group by r.name, r.lft order by r.lft"""
# The chosen unit's own tasks, and each unit directly under it with its subtree.
TREE_CHILDREN_SQL = f"""{TREE_SELECT}
from `tabDV Unit` r join `tabDV Unit` p on p.lft >= r.lft and p.rgt <= r.rgt
	and (r.name != %(parent)s or p.name = r.name)
left join ({TASK_COUNTS}) c on c.presiding_unit = p.name
where (r.parent_dv_unit = %(parent)s or r.name = %(parent)s) and {OPEN_UNIT.format(u="r")}
group by r.name, r.lft order by r.lft"""
# The top of the scoped user's part of the tree: units under root whose parent is not, with the names the
# report shows, each unit's tasks joined from the (presiding unit, status, outcome) index. Of the forms tried
# at 120,000 tasks (statistics fresh), the fastest: 1.0 ms, against 1.4 ms counting the subtree's units in a
# derived table first, 1.3 ms grouping by the names too, and 55–120 ms with every unit's counts joined, which
# MariaDB at times computed for all 3,000 units to keep 29.
TREE_SCOPED_SQL = f"""select r.name, r.unit_name, r.abbreviation, r.valid_to, count(t.name),
	count(case when t.deadline_outcome = 'Đúng hạn' then 1 end),
	count(case when t.deadline_outcome = 'Hoàn thành trễ hạn' then 1 end),
	count(case when t.deadline_outcome = 'Đang thực hiện trong hạn' then 1 end),
	count(case when t.deadline_outcome = 'Quá hạn' then 1 end),
	count(case when t.deadline_outcome = 'Không có hạn' then 1 end),
	count(case when t.status = 'Chưa bắt đầu' then 1 end)
from `tabDV Unit` root join `tabDV Unit` r on r.lft >= root.lft and r.rgt <= root.rgt
left join `tabDV Unit` rp on rp.name = r.parent_dv_unit
join `tabDV Unit` p on p.lft >= r.lft and p.rgt <= r.rgt
left join `tabDV Task` t on t.presiding_unit = p.name and t.status != 'Đã hủy'
where root.name = %(root)s and (rp.name is null or rp.lft < root.lft or rp.rgt > root.rgt)
	and {OPEN_UNIT.format(u="r")}
group by r.name, r.lft order by r.lft"""

# One statement: the units presiding or coordinating the directive's tasks or issuing a plan of it, the first
# plan of each unit (by issue date), missing plans first.
LINEAGE_SQL = """with presiding as (
	select t.presiding_unit unit, count(*) tasks, sum(t.status = 'Hoàn thành') done,
		sum(t.deadline_outcome = 'Quá hạn') overdue, avg(t.progress) progress
	from `tabDV Task` t where t.directive = %(directive)s and t.status != 'Đã hủy' {presiding_scope}
	group by t.presiding_unit),
coordinating as (
	select c.unit, count(distinct t.name) tasks from `tabDV Task Coordinating Unit` c
	join `tabDV Task` t on t.name = c.parent and c.parenttype = 'DV Task'
	where t.directive = %(directive)s and t.status != 'Đã hủy' {coordinating_scope}
	group by c.unit),
plans as (
	select d.name, d.directive_number, d.issue_date, d.issuing_unit unit,
		row_number() over (partition by d.issuing_unit order by d.issue_date, d.creation) n,
		(select count(*) from `tabDV Task` t where t.directive = d.name and t.status != 'Đã hủy') tasks
	from `tabDV Directive` d where d.parent_directive = %(directive)s {plan_scope}),
units as (select unit from presiding union select unit from coordinating union select unit from plans)
select u.name, u.unit_name, p.tasks, c.tasks, p.done, p.overdue, p.progress, pl.name, pl.directive_number,
	pl.issue_date, datediff(pl.issue_date, top.issue_date), pl.tasks, p.unit is not null, c.unit is not null
from units x join `tabDV Unit` u on u.name = x.unit
join `tabDV Directive` top on top.name = %(directive)s
left join presiding p on p.unit = x.unit
left join coordinating c on c.unit = x.unit
left join plans pl on pl.unit = x.unit and pl.n = 1
order by pl.name is not null, u.lft"""
LINEAGE_ALL_SQL = LINEAGE_SQL.format(presiding_scope="", coordinating_scope="", plan_scope="")
LINEAGE_SCOPED_SQL = LINEAGE_SQL.format(
	presiding_scope=f"and t.presiding_unit in ({SUBTREE_SQL})",
	coordinating_scope=f"and c.unit in ({SUBTREE_SQL})",
	plan_scope=f"and d.issuing_unit in ({SUBTREE_SQL})",
)

# The parent unit's leader with their name, as the report shows it.
COVERAGE_LIST_SQL = f"""select u.name, u.unit_name, u.unit_kind, u.admin_level, pu.name, pu.unit_name,
	pu.dan_van_leader, lu.full_name
from `tabDV Unit` u left join `tabDV Unit` pu on pu.name = u.parent_dv_unit
left join `tabUser` lu on lu.name = pu.dan_van_leader
where {OPEN_UNIT.format(u="u")} and ifnull(u.dan_van_leader, '') = '' {{scope}} order by u.lft"""
COVERAGE_COUNT_SQL = f"""select sum(ifnull(u.dan_van_leader, '') != ''), count(*) from `tabDV Unit` u
where {OPEN_UNIT.format(u="u")} {{scope}}"""
UNIT_SCOPE = f"and u.name in ({SUBTREE_SQL})"

OVERDUE = "t.deadline_outcome = 'Quá hạn' and t.status != 'Đã hủy'"
TASK_SCOPE = f"""and (t.presiding_unit in ({SUBTREE_SQL}) or t.name in (select c.parent
	from `tabDV Task Coordinating Unit` c where c.parenttype = 'DV Task' and c.unit in ({SUBTREE_SQL})))"""
# Counted per unit before the join to the units (with the join first, MariaDB reads every task through the
# presiding-unit index: 0.38 against 0.08 s at 120,000 tasks).
OVERDUE_UNITS_SQL = f"""select u.name, u.unit_name, c.n, c.days_late
from (select t.presiding_unit, count(*) n, max(t.days_late) days_late from `tabDV Task` t
	where {OVERDUE} {{scope}} group by t.presiding_unit) c
join `tabDV Unit` u on u.name = c.presiding_unit order by u.lft"""
# The 500 most overdue first, then their requests (child tables are indexed on parent).
OVERDUE_TASKS_SQL = f"""select x.*,
	(select count(*) from `tabDV Task Extension` e where e.parent = x.name and e.parenttype = 'DV Task'),
	(select count(*) from `tabDV Task Extension` e where e.parent = x.name and e.parenttype = 'DV Task'
		and e.decision = 'Đồng ý'),
	(select count(*) from `tabDV Task Explanation` g where g.parent = x.name and g.parenttype = 'DV Task'),
	(select count(g.replied_on) from `tabDV Task Explanation` g where g.parent = x.name
		and g.parenttype = 'DV Task'),
	(select max(g.requested_on) from `tabDV Task Explanation` g where g.parent = x.name
		and g.parenttype = 'DV Task')
from (select t.name, t.presiding_unit, d.directive_number, t.due_date, t.original_due_date, t.days_late,
		t.progress, t.extension_pending
	from `tabDV Task` t left join `tabDV Directive` d on d.name = t.directive
	where {OVERDUE} {{scope}} order by t.days_late desc, t.name limit 500) x
order by x.days_late desc, x.name"""


# ------------------------------------------------------------------------------ the reports, compared


def tree_case(filters: dict, scoped: bool):
	from danvan_app.dv_directives.report.dv_task_outcomes_by_unit_tree.dv_task_outcomes_by_unit_tree import (
		execute,
	)
	from danvan_app.reports.task_counts import COUNT_KEYS
	from danvan_app.reports.totals import without_totals

	def report():
		return [(row.unit, *(row[key] for key in COUNT_KEYS)) for row in without_totals(execute(filters)[1])]

	if scoped:
		sql, values = TREE_SCOPED_SQL, {"root": ROOT}
	elif filters.get("parent_unit"):
		sql, values = TREE_CHILDREN_SQL, {"parent": filters["parent_unit"]}
	else:
		sql, values = TREE_TOP_SQL, {}
	values["today"] = frappe.utils.today()

	names = 4 if scoped else 1  # the scoped statement also returns the unit's name, abbreviation, end date

	def hand():
		return [(row[0], *(int(value) for value in row[names:])) for row in frappe.db.sql(sql, values)]

	return execute, report, [(sql, values)], hand


def lineage_case(filters: dict, scoped: bool):
	from danvan_app.dv_directives.report.dv_directive_lineage.dv_directive_lineage import (
		COORDINATING,
		PRESIDING,
		execute,
	)

	keys = ("unit", "unit_name", "presiding_tasks", "coordinating_tasks", "done", "overdue", "progress")
	keys += ("plan", "plan_number", "plan_date", "days_to_plan", "plan_tasks")

	def report():
		return [
			(*(row.get(key) for key in keys), PRESIDING in row.roles, COORDINATING in row.roles)
			for row in execute(filters)[1]
		]

	sql = LINEAGE_SCOPED_SQL if scoped else LINEAGE_ALL_SQL
	values = {"directive": filters["directive"], "root": ROOT}

	def hand():
		rows = []
		for row in frappe.db.sql(sql, values):
			unit, name, tasks, coordinating, done, overdue, progress, plan, number, day, days, plan_tasks = (
				row[:12]
			)
			presiding, coordinated = bool(row[12]), bool(row[13])
			counts = (int(value or 0) for value in (tasks, coordinating, done, overdue))
			progress = round(progress or 0, 1) if presiding else None
			plan_part = (plan, number, day, days if plan else None, int(plan_tasks or 0))
			rows.append((unit, name, *counts, progress, *plan_part, presiding, coordinated))
		return rows

	return execute, report, [(sql, values)], hand


def coverage_case(filters: dict, scoped: bool):
	from danvan_app.dv_units.report.dv_leader_coverage.dv_leader_coverage import execute

	keys = (
		"unit",
		"unit_name",
		"unit_kind",
		"admin_level",
		"parent_unit",
		"parent_unit_name",
		"parent_leader",
		"parent_leader_name",
	)

	def report():
		_columns, rows, _message, _chart, summary = execute(filters)
		return [tuple(row[key] for key in keys) for row in rows], (summary[1]["value"], summary[0]["value"])

	scope = UNIT_SCOPE if scoped else ""
	values = {"root": ROOT, "today": frappe.utils.today()}
	statements = [
		(COVERAGE_LIST_SQL.format(scope=scope), values),
		(COVERAGE_COUNT_SQL.format(scope=scope), values),
	]

	def hand():
		rows = [tuple(row) for row in frappe.db.sql(*statements[0])]
		with_leader, total = frappe.db.sql(*statements[1])[0]
		return rows, (int(with_leader or 0), int(total or 0))

	return execute, report, statements, hand


def overdue_case(filters: dict, scoped: bool):
	from frappe import _

	from danvan_app.dv_directives.report.dv_overdue_tasks.dv_overdue_tasks import execute

	keys = ("task", "unit", "directive_number", "due_date", "original_due_date", "days_late", "progress")
	keys += ("extension_pending", "extensions", "extensions_approved", "explanations", "explained")
	keys += ("last_explanation_on",)

	def report():
		_columns, rows, _message, _chart, summary = execute(filters)
		units = [(row["unit"], row["label"], row["days_late"]) for row in rows if row["indent"] == 0]
		tasks = [tuple(row[key] for key in keys) for row in rows if row["indent"] == 1]
		return units, tasks, summary[0]["value"]

	scope = TASK_SCOPE if scoped else ""
	values = {"root": ROOT}
	statements = [
		(OVERDUE_UNITS_SQL.format(scope=scope), values),
		(OVERDUE_TASKS_SQL.format(scope=scope), values),
	]

	def hand():
		units = frappe.db.sql(*statements[0])
		tasks = frappe.db.sql(*statements[1])
		by_unit = {}
		for task in tasks:
			by_unit.setdefault(task[1], []).append(
				(*task[:8], *(int(value or 0) for value in task[8:12]), task[12])
			)
		label = _("{0}: {1} nhiệm vụ quá hạn")
		return (
			[(unit, label.format(name, count), days) for unit, name, count, days in units],
			[task for unit, *_rest in units for task in by_unit.get(unit, [])],
			sum(row[2] for row in units),
		)

	return execute, report, statements, hand


CASES = (
	# (report, filters as shown, case, filters, for whom: admin, scoped or both)
	("outcomes by unit tree", "{} (top of the tree)", tree_case, {}, "both"),
	("outcomes by unit tree", f"parent_unit {PROVINCE}", tree_case, {"parent_unit": PROVINCE}, "admin"),
	("directive lineage", f"directive {MAIN}", lineage_case, {"directive": MAIN}, "both"),
	("leader coverage", "{}", coverage_case, {}, "both"),
	("overdue tasks", "{}", overdue_case, {}, "both"),
)


def timed_pair(report_fn, report_user: str, hand_fn, repeat: int) -> tuple[tuple, tuple]:
	"""Each of ``repeat`` rounds runs the report and then the hand-written SQL, both as ``report_user`` (the
	hand-written statements need no user, and switching users between them would make the report re-read
	the user's roles and permissions on every call), so a load that comes and goes on the shared machine
	falls on both alike. For each: the median seconds, the queries of the last run, the median seconds
	inside db.sql and the last result."""
	runs = {"report": ([], [], 0, None), "hand": ([], [], 0, None)}
	frappe.set_user(report_user)
	for _ in range(repeat):
		for key, fn in (("report", report_fn), ("hand", hand_fn)):
			seconds, inside, _queries, _result = runs[key]
			with QueryCounter() as counter:
				start = time.perf_counter()
				result = fn()
				seconds.append(time.perf_counter() - start)
			inside.append(counter.seconds)
			runs[key] = (seconds, inside, counter.count, result)
	frappe.set_user("Administrator")
	return tuple(
		(statistics.median(seconds), queries, statistics.median(inside), result)
		for seconds, inside, queries, result in (runs["report"], runs["hand"])
	)


def captured_statements(fn) -> list[tuple]:
	statements, original = [], frappe.db.sql

	def capture(query, values=(), *args, **kwargs):
		statements.append((str(query), values))
		return original(query, values, *args, **kwargs)

	frappe.db.sql = capture
	try:
		fn()
	finally:
		frappe.db.sql = original
	return statements


def explain(title: str, statements: list[tuple]) -> None:
	for query, values in statements:
		if not query.lstrip().lower().startswith(("select", "with")):
			continue
		print(f"\nEXPLAIN ({title}):\n{' '.join(query.split())[:1500]}")
		for row in frappe.db.sql(f"explain {query}", values, as_dict=True):
			print(
				f"  {row.id} {row.select_type:<14} {row.table or '':<24} {row.type or '':<7} key={row.key}"
				f" ref={row.ref} rows={row.rows} {row.Extra or ''}"
			)


def measure_case(label: str, n: int, case_row: tuple, scoped: bool, repeat: int) -> tuple:
	report_label, shown, case, filters, _whom = case_row
	user = SCOPED_USER if scoped else "Administrator"
	who = "district user" if scoped else "Administrator"
	frappe.set_user(user)
	execute, report, statements, hand = case(dict(filters), scoped)
	figures = report()  # also warms Frappe's caches for this user
	frappe.set_user("Administrator")
	expected = hand()
	if figures != expected:
		for mine, theirs in zip(figures, expected, strict=False):
			if mine != theirs:
				print("report:", mine, "\nhand:  ", theirs)
				break
		raise AssertionError(f"{label} {report_label} ({user}): report and hand-written SQL differ")

	def run_report():
		return execute(dict(filters))

	def run_hand():
		return [frappe.db.sql(query, values) for query, values in statements]

	# The hand-written statements alone (their rows' tidying for the comparison is not timed).
	(report_s, queries, inside, result), (hand_s, hand_queries, _inside, _result) = timed_pair(
		run_report, user, run_hand, repeat
	)
	if report_s > GOAL * hand_s:
		frappe.set_user(user)
		mine = captured_statements(run_report)
		frappe.set_user("Administrator")
		explain(f"{label} {report_label}, {who}: report", mine)
		explain(f"{label} {report_label}, {who}: hand-written", statements)
		frappe.set_user(user)
		profile(f"{label} {report_label}, {who}", run_report)
		frappe.set_user("Administrator")
	return (
		label,
		n,
		report_label,
		shown,
		who,
		len(result[1]),
		report_s,
		queries,
		inside,
		hand_s,
		hand_queries,
	)


def profile(title: str, fn) -> None:
	"""Where a report's time goes outside SQL: the functions with the most own time in one run."""
	import cProfile
	import pstats

	profiler = cProfile.Profile()
	profiler.runcall(fn)
	print(f"\nPROFILE ({title}), by own time:")
	pstats.Stats(profiler).sort_stats("tottime").print_stats(12)


# The tables both sides read, their statistics refreshed before a round: after a bulk insert InnoDB updates
# them in the background, and MariaDB's plans (the report's and the hand-written alike) turned on whether it
# had yet.
READ_TABLES = (
	"tabDV Task",
	"tabDV Unit",
	"tabDV Task Coordinating Unit",
	"tabDV Directive",
	"tabDV Task Extension",
	"tabDV Task Explanation",
	"tabUser",
)


def run_round(label: str, repeat: int) -> list[tuple]:
	frappe.db.sql("analyze table " + ", ".join(f"`{table}`" for table in READ_TABLES))
	n = frappe.db.sql("select count(*) from `tabDV Task` where name like 'BENCH-T%%'")[0][0]
	results = []
	for case_row in CASES:
		for scoped in {"both": (False, True), "admin": (False,), "scoped": (True,)}[case_row[-1]]:
			results.append(measure_case(label, n, case_row, scoped, repeat))
	print(f"{label}: every report gives the same figures as its hand-written SQL, both users")
	return results


def print_table(rows: list[tuple]) -> None:
	print(
		"\n| round | tasks | report | filters | user | rows | report s | queries | in db.sql s"
		" | hand SQL s | hand queries | ratio |"
	)
	print("|---|---|---|---|---|---|---|---|---|---|---|---|")
	for label, n, report, shown, who, count, secs, queries, inside, hand, hand_q in rows:
		print(
			f"| {label} | {n} | {report} | {shown} | {who} | {count} | {secs:.4f} | {queries} | {inside:.4f}"
			f" | {hand:.4f} | {hand_q} | {secs / hand:.2f}× |"
		)


def main():
	parser = argparse.ArgumentParser()
	parser.add_argument("--site", required=True)
	parser.add_argument("--units", type=int, default=3000)
	parser.add_argument("--tasks", type=int, default=12000)
	parser.add_argument("--scale", type=int, default=10)
	parser.add_argument("--repeat", type=int, default=5)
	parser.add_argument("--seed", type=int, default=2026)
	parser.add_argument("--round", choices=("N", "10N", "both"), default="both")
	args = parser.parse_args()

	frappe.init(site=args.site, sites_path=".")
	frappe.connect()
	frappe.set_user("Administrator")
	try:
		rows = []
		for stage in ("N", "10N") if args.round == "both" else (args.round,):
			ensure_data(stage, args)
			rows += run_round("N" if stage == "N" else f"{args.scale}N", args.repeat)
		print_table(rows)
	finally:
		frappe.db.rollback()
		frappe.destroy()


if __name__ == "__main__":
	main()
