"""Benchmark of the evaluation cycle and of the ranking report on generated data (not a test).

Run from the bench's sites folder with the bench's Python, on a site that has danvan_app installed and
nothing you care about (it writes thousands of units, tasks and evaluations, and commits them):

    cd frappe-bench/sites && ../env/bin/python ../apps/danvan_app/scripts/bench_evaluations.py \
        --site SITE --communes 3000 --scale 10 --tasks 40000 --models 6000 --repeat 3

Part 1, the cycle: ``evaluation_cycle.create_evaluations`` (what the background job runs; called directly, as
the Administrator) for a cycle over the mid unit SCOPED_ROOT (N = communes / scale communes) and for a cycle
over the province (10N = every commune), both covering the level "Xã, phường, đặc khu" of the same year; the
N cycle's evaluations are deleted before the 10N cycle runs, so it creates one for every commune. Next to it,
the same evaluation and score rows by hand-written INSERT … SELECT, and ``unit_records`` alone against one
hand-written aggregate query. Then the 10N cycle is run again (it must create nothing). create_evaluations
runs once a round (it cannot be repeated without deleting what it made), the rest is the best of --repeat;
each create_evaluations run also prints its statements by shape, with their calls and seconds.
Part 2, the ranking report (``dv_evaluation_ranking.execute({"year": Y})``) over bulk-inserted evaluations
of five years for N then 10N communes, as the Administrator and as a DV Unit Manager granted SCOPED_ROOT with
its descendants, next to one hand-written query with window functions (rank, quota) and the same joins.
Before timing, each pair is checked to give the same rows.
"""

import argparse
import random
import re
import time
from collections import Counter
from datetime import date, timedelta
from urllib.parse import quote

import frappe

PROVINCE, CAPITAL_LEVEL, COMMUNE_LEVEL = "BENCH-U0", "Tỉnh, thành phố", "Xã, phường, đặc khu"
MIDS = 30
# The mid-level unit the N cycle evaluates and the scoped user is granted, with its descendants.
SCOPED_ROOT = "BENCH-U1"
SCOPED_USER = "bench.evaluation.manager@dv.test"
COMMUNE_KINDS = {"Cấp ủy Đảng": 80, "Ủy ban nhân dân": 20}
MID_KINDS = {"Cấp ủy Đảng": 10, "Ủy ban nhân dân": 8, "Cơ quan nhà nước, sở, ban, ngành": 12}
# Deadline outcomes of the generated tasks (status follows from the outcome); 3 % are cancelled.
OUTCOMES = {"Đúng hạn": 45, "Hoàn thành trễ hạn": 15, "Quá hạn": 15, "Đang thực hiện trong hạn": 25}
DONE = frozenset({"Đúng hạn", "Hoàn thành trễ hạn"})
MODEL_STATUSES = {
	"Đăng ký": 20,
	"Trả lại để bổ sung": 5,
	"Đã duyệt": 20,
	"Được công nhận": 45,
	"Không duyệt": 10,
}
MODEL_SUBMITTED = frozenset({"Được công nhận", "Không duyệt"})
LEADERS = 400
RAW = "RAW-"  # the hand-written rows' name prefix (deleted after each repetition)


class QueryCounter:
	"""Counts frappe.db.sql calls and the seconds spent in them; with ``keep``, also each statement's shape
	(its literals and numbers replaced by ?), to say which statements the calls are."""

	def __init__(self, keep: bool = False):
		self.count, self.seconds, self.keep = 0, 0.0, keep
		self.shapes, self.shape_seconds = Counter(), Counter()

	def __enter__(self):
		self.original = frappe.db.sql

		def counted(*args, **kwargs):
			self.count += 1
			start = time.perf_counter()
			try:
				return self.original(*args, **kwargs)
			finally:
				elapsed = time.perf_counter() - start
				self.seconds += elapsed
				if self.keep:
					key = shape(str(args[0]))
					self.shapes[key] += 1
					self.shape_seconds[key] += elapsed

		frappe.db.sql = counted
		return self

	def __exit__(self, *exc):
		frappe.db.sql = self.original


def shape(query: str) -> str:
	query = re.sub(r"'(?:[^'\\]|\\.)*'", "?", " ".join(query.split()))
	return re.sub(r"\b\d+(?:\.\d+)?\b", "?", query)[:100]


def measure(fn, repeat: int, after=None) -> tuple[float, int, float]:
	"""Best of ``repeat``: seconds, then the queries and the seconds inside frappe.db.sql of that run;
	``after`` (not timed) runs after each repetition."""
	best = (float("inf"), 0, 0.0)
	for _ in range(repeat):
		with QueryCounter() as counter:
			start = time.perf_counter()
			fn()
			elapsed = time.perf_counter() - start
		if after:
			after()
		if elapsed < best[0]:
			best = (elapsed, counter.count, counter.seconds)
	return best


def weighted(rng: random.Random, weights: dict[str, int]) -> str:
	return rng.choices(tuple(weights), weights=tuple(weights.values()))[0]


def stamp() -> dict:
	now = frappe.utils.now_datetime()
	return {"creation": now, "modified": now, "owner": "Administrator", "modified_by": "Administrator"}


def bulk(doctype: str, rows: list[dict]) -> None:
	"""Rows given as dicts with the same keys, in one bulk insert (10,000 rows a statement)."""
	if rows:
		frappe.db.bulk_insert(doctype, tuple(rows[0]), [tuple(row.values()) for row in rows])


def make_leaders() -> list[str]:
	names = [f"bench.leader{i}@dv.test" for i in range(LEADERS)]
	bulk(
		"User",
		[
			{
				"name": name,
				**stamp(),
				"email": name,
				"first_name": "Lãnh đạo",
				"full_name": f"Lãnh đạo thử {i}",
			}
			| {"enabled": 1, "user_type": "System User"}
			for i, name in enumerate(names)
		],
	)
	return names


def make_units(communes: int, scale: int, leaders: list[str], rng: random.Random) -> list[str]:
	"""A province, MIDS mid-level units and ``communes`` communes in one bulk insert, then one tree rebuild.
	The first communes / scale communes are under SCOPED_ROOT, the others spread over the other mid units; 60 %
	of the units name a leader in charge of dân vận, 70 % their head. Returns the communes' names."""
	from frappe.utils.nestedset import rebuild_tree

	rows, names = [], []

	def unit(name, title, kind, level, parent, is_group):
		rows.append(
			{"name": name, **stamp(), "unit_name": title, "unit_kind": kind, "admin_level": level}
			| {"parent_dv_unit": parent, "is_group": is_group, "enabled": 1}
			| {"dan_van_leader": rng.choice(leaders) if rng.random() < 0.6 else None}
			| {"head_name": f"Người đứng đầu {name}" if rng.random() < 0.7 else None}
		)

	unit(PROVINCE, "Tỉnh thử", "Cấp ủy Đảng", CAPITAL_LEVEL, None, 1)
	for m in range(1, MIDS + 1):
		unit(f"BENCH-U{m}", f"Đơn vị cấp tỉnh {m}", weighted(rng, MID_KINDS), CAPITAL_LEVEL, PROVINCE, 1)
	first = MIDS + 1
	for c in range(first, first + communes):
		parent = SCOPED_ROOT if c < first + communes // scale else f"BENCH-U{rng.randint(2, MIDS)}"
		unit(f"BENCH-U{c}", f"Xã thử {c}", weighted(rng, COMMUNE_KINDS), COMMUNE_LEVEL, parent, 0)
		names.append(f"BENCH-U{c}")
	bulk("DV Unit", rows)
	rebuild_tree("DV Unit")
	return names


def make_tasks(count: int, communes: list[str], year: int, rng: random.Random) -> int:
	"""One quarterly duty per commune (no due date), then ``count`` tasks: 85 % due in ``year``, the rest
	the year before; 95 % presided by a commune, the rest by a mid unit; outcomes spread over OUTCOMES, 3 %
	cancelled; 20 % are instances of the presiding commune's duty; 6 % have an explanation request (a
	tenth of those two). Returns the number of explanation rows."""
	duty = {unit: f"BENCH-D{i}" for i, unit in enumerate(communes)}
	duties = [
		{"name": name, **stamp(), "title": "Báo cáo quý", "presiding_unit": unit, "status": "Chưa bắt đầu"}
		| {
			"deadline_kind": "Định kỳ",
			"recurrence": "Hằng quý",
			"start_date": date(year - 1, 1, 1),
			"weight": 1,
		}
		for unit, name in duty.items()
	]
	bulk("DV Task", duties)
	mids = [f"BENCH-U{m}" for m in range(MIDS + 1)]
	rows, explanations = [], []
	for i in range(count):
		unit = rng.choice(communes) if rng.random() < 0.95 else rng.choice(mids)
		due_year = year if rng.random() < 0.85 else year - 1
		due = date(due_year, 1, 1) + timedelta(days=rng.randrange(365))
		outcome = weighted(rng, OUTCOMES)
		status = "Hoàn thành" if outcome in DONE else "Đang thực hiện"
		completed, days_late = None, 0
		if outcome == "Đúng hạn":
			completed = due - timedelta(days=rng.randint(0, 20))
		elif outcome == "Hoàn thành trễ hạn":
			days_late = rng.randint(1, 30)
			completed = due + timedelta(days=days_late)
		elif outcome == "Quá hạn":
			days_late = rng.randint(1, 200)
		if rng.random() < 0.03:
			status, outcome, days_late = "Đã hủy", None, 0
		name = f"BENCH-T{i}"
		rows.append(
			{"name": name, **stamp(), "title": f"Nhiệm vụ {i}", "presiding_unit": unit, "status": status}
			| {
				"due_date": due,
				"original_due_date": due,
				"completed_on": completed,
				"deadline_kind": "Ngày cụ thể",
			}
			| {
				"recurrence": "Không lặp lại",
				"weight": 1,
				"deadline_outcome": outcome,
				"days_late": days_late,
			}
			| {"recurring_source": duty.get(unit) if rng.random() < 0.2 else None}
		)
		if rng.random() < 0.06:
			for idx in range(1, 3 if rng.random() < 0.1 else 2):
				explanations.append(
					{"name": f"{name}-x{idx}", **stamp(), "idx": idx, "parent": name, "parenttype": "DV Task"}
					| {"parentfield": "explanations", "requested_on": due, "request": "Giải trình"}
				)
	bulk("DV Task", rows)
	bulk("DV Task Explanation", explanations)
	return len(explanations)


def make_models(count: int, communes: list[str], year: int, rng: random.Random) -> None:
	rows = []
	for i in range(count):
		status = weighted(rng, MODEL_STATUSES)
		rows.append(
			{"name": f"BENCH-M{i}", **stamp(), "docstatus": 1 if status in MODEL_SUBMITTED else 0}
			| {"title": f"Mô hình thử {i}", "registering_unit": rng.choice(communes)}
			| {
				"year": year if rng.random() < 0.8 else year - 1,
				"kheo_field": "Kinh tế",
				"model_type": "Tập thể",
			}
			| {"status": status}
		)
	bulk("DV Kheo Model", rows)


def criteria() -> list[dict]:
	"""Ten criteria worth 100, three of them fed from data (80 points), so a new evaluation's fed total
	reaches the classes "Hoàn thành nhiệm vụ" (50) and "Hoàn thành tốt nhiệm vụ" (70) and its conditions."""
	from danvan_app.domain import measures

	fed = (
		("Thực hiện nhiệm vụ đúng hạn", 40, measures.TASKS_ON_TIME),
		("Không bị yêu cầu giải trình", 30, measures.NO_EXPLANATION_REQUESTS),
		("Có lãnh đạo phụ trách công tác dân vận", 10, measures.LEADER_NAMED),
	)
	rows = [
		{"section": "I", "criterion_code": str(i), "criterion": text, "max_score": score, "measure_key": key}
		for i, (text, score, key) in enumerate(fed, 1)
	]
	for i, score in enumerate((4, 3, 3, 3, 3, 2, 2), len(rows) + 1):
		rows.append(
			{
				"section": "II",
				"criterion_code": str(i),
				"criterion": f"Tiêu chí tự chấm {i}",
				"max_score": score,
			}
		)
	return rows


def make_template(year: int) -> str:
	"""A template of the year as an administrator issues it (doc.insert: the rules in force filled in)."""
	return (
		frappe.get_doc(
			{
				"doctype": "DV Evaluation Template",
				"template_title": f"Bộ tiêu chí thử năm {year}",
				"issuing_unit": PROVINCE,
				"year": year,
				"version": 1,
				"criteria": criteria(),
			}
		)
		.insert()
		.name
	)


def make_cycle(root: str, year: int, template: str) -> str:
	return (
		frappe.get_doc(
			{
				"doctype": "DV Evaluation Cycle",
				"title": f"Đánh giá năm {year}, {root}",
				"evaluating_unit": root,
				"year": year,
				"template": template,
				"admin_levels": [{"admin_level": COMMUNE_LEVEL}],
			}
		)
		.insert()
		.name
	)


# unit_records by hand: one statement, the same aggregates (tasks due in the year and not cancelled by
# outcome, recurring instances, explanation requests on them, models of the year still counted), the most
# specific target of the unit's kind and level, and whether the unit names a leader.
RAW_RECORDS_SQL = """
select u.name, ifnull(t.on_time, 0), ifnull(t.done_late, 0), ifnull(t.overdue, 0),
	ifnull(t.recurring_judged, 0), ifnull(t.recurring_on_time, 0), ifnull(m.registered, 0),
	ifnull((select g.min_registered from `tabDV Kheo Target` g where g.unit_kind = u.unit_kind
		and (ifnull(g.admin_level, '') = '' or g.admin_level = u.admin_level) and ifnull(g.year, 0) in (0, %(year)s)
		order by (ifnull(g.year, 0) != 0) * 2 + (ifnull(g.admin_level, '') != '') desc limit 1), 0),
	ifnull(u.dan_van_leader, '') != '', ifnull(x.requests, 0)
from `tabDV Unit` u
left join (select presiding_unit, sum(deadline_outcome = %(on_time)s) on_time,
		sum(deadline_outcome = %(done_late)s) done_late, sum(deadline_outcome = %(overdue)s) overdue,
		sum(ifnull(recurring_source, '') != '' and deadline_outcome in %(judged)s) recurring_judged,
		sum(ifnull(recurring_source, '') != '' and deadline_outcome = %(on_time)s) recurring_on_time
	from `tabDV Task` where presiding_unit in %(units)s and due_date between %(start)s and %(end)s
		and status != %(cancelled)s
	group by presiding_unit) t on t.presiding_unit = u.name
left join (select k.presiding_unit, count(*) requests from `tabDV Task Explanation` e
	join `tabDV Task` k on k.name = e.parent and e.parenttype = 'DV Task'
	where k.presiding_unit in %(units)s and k.due_date between %(start)s and %(end)s
		and k.status != %(cancelled)s
	group by k.presiding_unit) x on x.presiding_unit = u.name
left join (select registering_unit, count(*) registered from `tabDV Kheo Model`
	where registering_unit in %(units)s and year = %(year)s and docstatus < 2 and status not in %(not_counted)s
	group by registering_unit) m on m.registering_unit = u.name
where u.name in %(units)s
"""


def task_values(year: int) -> dict:
	from danvan_app.domain import tasks as task_rules
	from danvan_app.unit_records import year_bounds

	start, end = year_bounds(year)
	judged = (task_rules.OUTCOME_ON_TIME, task_rules.OUTCOME_DONE_LATE, task_rules.OUTCOME_OVERDUE)
	return {
		"year": year,
		"start": start,
		"end": end,
		"on_time": task_rules.OUTCOME_ON_TIME,
		"done_late": task_rules.OUTCOME_DONE_LATE,
		"overdue": task_rules.OUTCOME_OVERDUE,
		"judged": judged,
		"cancelled": task_rules.STATUS_CANCELLED,
	}


def raw_records(units: list[str], year: int) -> dict[str, tuple]:
	from danvan_app.kheo_targets import NOT_COUNTED

	values = {**task_values(year), "units": tuple(units), "not_counted": tuple(NOT_COUNTED)}
	return {row[0]: tuple(int(v) for v in row[1:]) for row in frappe.db.sql(RAW_RECORDS_SQL, values)}


RECORD_FIELDS = (
	"on_time",
	"done_late",
	"overdue",
	"recurring_judged",
	"recurring_on_time",
	"models_registered",
	"models_required",
	"leader_named",
	"explanation_requests",
)


def same_records(units: list[str], year: int) -> dict[str, tuple]:
	from danvan_app.unit_records import unit_records

	mine = {
		unit: tuple(int(getattr(r, f)) for f in RECORD_FIELDS)
		for unit, r in unit_records(units, year).items()
	}
	theirs = raw_records(units, year)
	assert mine == theirs, (
		f"unit_records and the hand-written query differ ({len(mine)}, {len(theirs)} units)"
	)
	return mine


# The cycle by hand. The covered units, as covered_units and already_evaluated find them: open units strictly
# under the evaluating unit, of the covered level, with no evaluation of the year.
COVERED_SQL = """select u.name, u.unit_name, u.dan_van_leader from `tabDV Unit` u
	join `tabDV Unit` r on r.name = %(root)s
	where u.lft > r.lft and u.rgt < r.rgt and u.enabled = 1 and u.valid_to is null and u.admin_level = %(level)s
	and not exists (select 1 from `tabDV Evaluation` d where d.evaluated_unit = u.name and d.year = %(year)s
		and d.docstatus < 2 and d.kheo_model is null)"""
# Each covered unit's tasks due in the year (not cancelled) by outcome.
OUTCOMES_SQL = """select t.presiding_unit, sum(t.deadline_outcome = %(on_time)s) on_time,
		sum(t.deadline_outcome = %(done_late)s) done_late, sum(t.deadline_outcome = %(overdue)s) overdue
	from `tabDV Task` t join `tabDV Unit` tu on tu.name = t.presiding_unit
		join `tabDV Unit` r on r.name = %(root)s
	where tu.lft > r.lft and tu.rgt < r.rgt and t.due_date between %(start)s and %(end)s
		and t.status != %(cancelled)s
	group by t.presiding_unit"""
EXPLANATIONS_SQL = """select k.presiding_unit, count(*) requests from `tabDV Task Explanation` e
	join `tabDV Task` k on k.name = e.parent and e.parenttype = 'DV Task'
	join `tabDV Unit` tu on tu.name = k.presiding_unit join `tabDV Unit` r on r.name = %(root)s
	where tu.lft > r.lft and tu.rgt < r.rgt and k.due_date between %(start)s and %(end)s
		and k.status != %(cancelled)s
	group by k.presiding_unit"""
# 1. One score row per covered unit and criterion of the template, the fed ones scored from the records
# (a share of the maximum, to two decimals; no score where there is nothing to measure, stored as 0 as
# Frappe stores an unset Float), with the link to the records counted.
RAW_SCORES_SQL = f"""
insert into `tabDV Evaluation Score` (name, creation, modified, owner, modified_by, docstatus, idx, parent,
	parentfield, parenttype, criterion_code, item_kind, section, criterion, max_score, measure_key,
	computed_score, evidence_route, self_score, reviewed_score)
select concat(%(prefix)s, z.unit, '-', z.idx), %(now)s, %(now)s, %(user)s, %(user)s, 0, z.idx,
	concat(%(prefix)s, z.unit), 'scores', 'DV Evaluation', z.criterion_code, z.item_kind, z.section, z.criterion,
	z.max_score, z.measure_key, ifnull(z.score, 0), z.route, ifnull(z.score, 0), 0
from (select u.name unit, c.idx, c.criterion_code, c.item_kind, c.section, c.criterion, c.max_score,
	c.measure_key,
	case c.measure_key
		when %(tasks)s then if(ifnull(t.on_time + t.done_late + t.overdue, 0) > 0,
			round(c.max_score * t.on_time / (t.on_time + t.done_late + t.overdue), 2), null)
		when %(leader)s then round(c.max_score * (ifnull(u.dan_van_leader, '') != ''), 2)
		when %(explanations)s then round(c.max_score * greatest(0, 1 - ifnull(x.requests, 0) / %(for_zero)s), 2)
	end score,
	case when c.measure_key = %(leader)s then concat('/app/dv-unit/', u.name)
		when c.measure_key in (%(tasks)s, %(explanations)s)
		then concat('/app/dv-task?presiding_unit=', u.name, %(due_filter)s) end route
	from ({COVERED_SQL}) u
	join `tabDV Evaluation Criterion` c on c.parent = %(template)s and c.parenttype = 'DV Evaluation Template'
	left join ({OUTCOMES_SQL}) t on t.presiding_unit = u.name
	left join ({EXPLANATIONS_SQL}) x on x.presiding_unit = u.name) z
"""
# 2. One evaluation per unit scored in 1: its totals from its score rows (the maximum the criteria's, bonuses
# adding, penalties taking away, the total kept within 0 and the maximum), its class by the template's rules
# (thresholds 90/70/50; xuất sắc needs every task on time and no criterion under half its maximum, tốt at most
# 20 % of the tasks late), the reasons of a class lost, in the template's order.
RAW_EVALUATIONS_SQL = f"""
insert into `tabDV Evaluation` (name, creation, modified, owner, modified_by, docstatus, idx, evaluated_unit,
	evaluated_unit_name, year, template, cycle, workflow_state, maximum_total, self_total, reviewed_total,
	classification, classification_reasons)
select s.parent, %(now)s, %(now)s, %(user)s, %(user)s, 0, 0, u.name, u.unit_name, %(year)s, %(template)s,
	%(cycle)s, %(state)s, s.maximum, s.total, 0,
	case when s.total >= 90 and ifnull(t.done_late + t.overdue, 0) = 0 and s.weakest >= 0.5 then %(excellent)s
		when s.total >= 70 and 5 * ifnull(t.done_late + t.overdue, 0) <= ifnull(t.on_time + t.done_late
			+ t.overdue, 0) then %(good)s
		when s.total >= 50 then %(completed)s else %(not_completed)s end,
	nullif(concat_ws(char(10),
		if(s.total >= 90 and ifnull(t.done_late + t.overdue, 0) > 0, %(why_not_all_on_time)s, null),
		if(s.total >= 90 and s.weakest < 0.5, %(why_below_half)s, null),
		if(s.total >= 70 and not (s.total >= 90 and ifnull(t.done_late + t.overdue, 0) = 0 and s.weakest >= 0.5)
			and 5 * ifnull(t.done_late + t.overdue, 0) > ifnull(t.on_time + t.done_late + t.overdue, 0),
			%(why_late)s, null)), '')
from (select parent, least(greatest(sum(if(item_kind = %(penalty)s, -1, 1) * self_score), 0),
			sum(if(item_kind in (%(bonus)s, %(penalty)s), 0, max_score))) total,
		sum(if(item_kind in (%(bonus)s, %(penalty)s), 0, max_score)) maximum,
		min(if(item_kind in (%(bonus)s, %(penalty)s), null, self_score / max_score)) weakest
	from `tabDV Evaluation Score` where parenttype = 'DV Evaluation' and parent like %(pattern)s
	group by parent) s
join `tabDV Unit` u on u.name = substring(s.parent, %(cut)s)
left join ({OUTCOMES_SQL}) t on t.presiding_unit = u.name
"""
# 3. The count the cycle shows.
RAW_CYCLE_COUNT_SQL = """update `tabDV Evaluation Cycle` set evaluations_created = (select count(*)
	from `tabDV Evaluation` e join `tabDV Unit` u on u.name = e.evaluated_unit
		join `tabDV Unit` r on r.name = %(root)s
	where u.lft > r.lft and u.rgt < r.rgt and u.enabled = 1 and u.valid_to is null and u.admin_level = %(level)s
		and e.year = %(year)s and e.docstatus < 2 and e.kheo_model is null), modified = %(now)s
	where name = %(cycle)s"""


def cycle_values(cycle_name: str) -> dict:
	from danvan_app.domain import classification as rules
	from danvan_app.domain import evaluation as evaluation_rules
	from danvan_app.domain import measures
	from danvan_app.unit_records import compact_json, evidence_route, list_route, year_bounds

	cycle = frappe.get_doc("DV Evaluation Cycle", cycle_name)
	template = frappe.get_doc("DV Evaluation Template", cycle.template)
	# The rules the hand-written SQL spells out must be the template's.
	assert [(t.classification, t.min_score) for t in template.as_thresholds()] == [
		(t.classification, t.min_score) for t in rules.DEFAULT_THRESHOLDS
	]
	conditions = template.as_conditions()
	assert [(c.classification, c.kind) for c in conditions] == [
		(c.classification, c.kind) for c in rules.DEFAULT_CONDITIONS
	]
	assert conditions[2].value == 20
	assert {row.measure_key for row in template.criteria if row.measure_key} == {
		measures.TASKS_ON_TIME,
		measures.LEADER_NAMED,
		measures.NO_EXPLANATION_REQUESTS,
	}
	workflow = frappe.get_doc("Workflow", frappe.db.get_value("Workflow", {"document_type": "DV Evaluation"}))
	start, end = year_bounds(cycle.year)
	# The constant part of the route (the year's dates), encoded once; it must be what evidence_route writes.
	due_filter = list_route("", {"due_date": compact_json(["Between", [str(start), str(end)]])}).replace(
		"/app/?", "&"
	)
	assert (
		evidence_route(measures.TASKS_ON_TIME, "X", cycle.year)
		== "/app/dv-task?presiding_unit=X" + due_filter
	)

	def reason(condition):
		return f"{condition.classification}: {condition.kind}" + (
			f" {condition.value:g}" if condition.value is not None else ""
		)

	# The reasons as the evaluation writes them, from the stored template (whose value-less conditions read
	# back with the value 0.0, not None).
	all_on_time, below_half, late = (reason(c) for c in conditions)
	return {
		**task_values(cycle.year),
		"root": cycle.evaluating_unit,
		"level": COMMUNE_LEVEL,
		"template": cycle.template,
		"cycle": cycle.name,
		"state": workflow.states[0].state,
		"now": frappe.utils.now_datetime(),
		"user": "Administrator",
		"prefix": RAW,
		"pattern": RAW + "%",
		"cut": len(RAW) + 1,
		"tasks": measures.TASKS_ON_TIME,
		"leader": measures.LEADER_NAMED,
		"explanations": measures.NO_EXPLANATION_REQUESTS,
		"for_zero": measures.EXPLANATIONS_FOR_ZERO,
		"due_filter": due_filter,
		"excellent": evaluation_rules.EXCELLENT,
		"good": evaluation_rules.GOOD,
		"completed": evaluation_rules.COMPLETED,
		"not_completed": evaluation_rules.NOT_COMPLETED,
		"bonus": evaluation_rules.ITEM_BONUS,
		"penalty": evaluation_rules.ITEM_PENALTY,
		"why_not_all_on_time": all_on_time,
		"why_below_half": below_half,
		"why_late": late,
	}


def raw_cycle(values: dict) -> None:
	frappe.db.sql(RAW_SCORES_SQL, values)
	frappe.db.sql(RAW_EVALUATIONS_SQL, values)
	frappe.db.sql(RAW_CYCLE_COUNT_SQL, values)


def delete_raw() -> None:
	frappe.db.sql("delete from `tabDV Evaluation Score` where parent like %s", RAW + "%")
	frappe.db.sql("delete from `tabDV Evaluation` where name like %s", RAW + "%")


EVALUATION_COLUMNS = """e.evaluated_unit, e.evaluated_unit_name, e.year, e.template, e.cycle,
	e.workflow_state, e.docstatus, e.maximum_total, e.self_total, e.reviewed_total, e.classification,
	ifnull(e.classification_reasons, ''), e.kheo_model, e.reviewer, e.reviewed_on"""
SCORE_COLUMNS = """e.evaluated_unit, s.idx, s.criterion_code, s.item_kind, s.section, s.criterion,
	s.max_score, ifnull(s.measure_key, ''), s.computed_score, s.evidence_route, s.self_score, s.reviewed_score"""


def snapshot(condition: str, values: dict) -> tuple[list, list]:
	"""The evaluations and score rows matching ``condition`` (on e), names left out, numbers rounded."""

	def rows(sql):
		return sorted(
			tuple(round(v, 4) if isinstance(v, float) else v for v in row)
			for row in frappe.db.sql(sql, values)
		)

	evaluations = rows(f"select {EVALUATION_COLUMNS} from `tabDV Evaluation` e where {condition}")
	scores = rows(
		f"select {SCORE_COLUMNS} from `tabDV Evaluation Score` s join `tabDV Evaluation` e on e.name = s.parent"
		f" and s.parenttype = 'DV Evaluation' where {condition}"
	)
	return evaluations, scores


def delete_cycle_evaluations(cycle: str) -> None:
	frappe.db.sql(
		"""delete s from `tabDV Evaluation Score` s join `tabDV Evaluation` e on e.name = s.parent
			where e.cycle = %s""",
		cycle,
	)
	frappe.db.sql("delete from `tabDV Evaluation` where cycle = %s", cycle)


def warm_up(year: int, template: str) -> None:
	"""One evaluation inserted and deleted before any timing (a mid unit, which no cycle covers), so the
	first timed round does not pay for loading the DocType, the Workflow and the template into the caches."""
	doc = frappe.get_doc(
		{"doctype": "DV Evaluation", "evaluated_unit": "BENCH-U2", "year": year, "template": template}
	).insert()
	frappe.db.sql("delete from `tabDV Evaluation Score` where parent = %s", doc.name)
	frappe.db.sql("delete from `tabDV Evaluation` where name = %s", doc.name)


def cycle_round(label: str, cycle: str, year: int, repeat: int) -> list[tuple]:
	from danvan_app.evaluation_cycle import covered_units, create_evaluations
	from danvan_app.unit_records import unit_records

	units = covered_units(frappe.get_doc("DV Evaluation Cycle", cycle))
	records = same_records(units, year)
	print(
		f"{label}: cycle {cycle}: {len(units)} units covered; unit_records and the hand-written query agree"
		f" ({sum(r[0] + r[1] + r[2] for r in records.values())} judged tasks,"
		f" {sum(r[8] for r in records.values())} explanation requests,"
		f" {sum(r[5] for r in records.values())} models counted)"
	)
	rec_s, rec_q, _s = measure(lambda: unit_records(units, year), repeat)
	raw_rec_s, raw_rec_q, _s = measure(lambda: raw_records(units, year), repeat)

	values = cycle_values(cycle)
	raw_cycle(values)
	theirs = snapshot("e.name like %(pattern)s", values)
	delete_raw()
	raw_s, raw_q, _s = measure(lambda: raw_cycle(values), repeat, after=delete_raw)

	with QueryCounter(keep=True) as counter:
		start = time.perf_counter()
		created = create_evaluations(cycle)
		app_s = time.perf_counter() - start
	frappe.db.commit()
	mine = snapshot("e.cycle = %(cycle)s and e.name not like %(pattern)s", values)
	assert len(created) == len(units), f"{len(created)} created for {len(units)} units"
	assert mine[0] == theirs[0], "create_evaluations and the INSERT … SELECT give other evaluations"
	assert mine[1] == theirs[1], "create_evaluations and the INSERT … SELECT give other score rows"
	classes = {}
	for row in mine[0]:
		classes[row[10]] = classes.get(row[10], 0) + 1
	print(
		f"{label}: create_evaluations made {len(created)} evaluations and {len(mine[1])} score rows, the same as"
		f" the INSERT … SELECT; classes {classes}"
	)
	print(
		f"{label}: create_evaluations: {app_s:.2f} s, of which {counter.seconds:.2f} s in its {counter.count}"
		" queries; the most frequent statements (calls, seconds):"
	)
	for statement, count in counter.shapes.most_common(25):
		print(f"  {count:6d} {counter.shape_seconds[statement]:8.3f}  {statement}")
	return [
		(
			label,
			len(units),
			"unit_records(units, year)",
			rec_s,
			rec_q,
			raw_rec_s,
			raw_rec_q,
			"1 SELECT, derived tables",
		),
		(
			label,
			len(units),
			"create_evaluations(cycle)",
			app_s,
			counter.count,
			raw_s,
			raw_q,
			"2 INSERT … SELECT + 1 UPDATE",
		),
	]


def again_round(label: str, cycle: str, repeat: int) -> tuple:
	from danvan_app.evaluation_cycle import covered_units, create_evaluations

	covered = len(covered_units(frappe.get_doc("DV Evaluation Cycle", cycle)))
	with QueryCounter(keep=True) as counter:
		start = time.perf_counter()
		created = create_evaluations(cycle)
		app_s = time.perf_counter() - start
	frappe.db.commit()
	print(
		f"{label}: create_evaluations again: {app_s:.2f} s, of which {counter.seconds:.2f} s in its"
		f" {counter.count} queries; the most frequent statements (calls, seconds):"
	)
	for statement, count in counter.shapes.most_common(4):
		print(f"  {count:6d} {counter.shape_seconds[statement]:8.3f}  {statement}")
	values = cycle_values(cycle)
	raw_s, raw_q, _s = measure(lambda: raw_cycle(values), repeat)
	raw_made = frappe.db.sql("select count(*) from `tabDV Evaluation` where name like %s", RAW + "%")[0][0]
	delete_raw()
	stored = frappe.db.get_value("DV Evaluation Cycle", cycle, "evaluations_created")
	print(
		f"{label}: create_evaluations again: {len(created)} created ({covered} covered, evaluations_created"
		f" {stored}); the INSERT … SELECT again: {raw_made} rows"
	)
	assert not created and not raw_made
	return (
		label,
		covered,
		"create_evaluations again (creates 0)",
		app_s,
		counter.count,
		raw_s,
		raw_q,
		"same 3",
	)


def make_evaluations(communes: list[str], years: list[int], templates: dict, rng: random.Random) -> int:
	"""One evaluation per commune and year, bulk-inserted: self totals 35–100; every past year's and 60 % of
	this year's reviewed (with a date, the reviewed total within -8/+3 of the self total), classed by the
	thresholds on the decisive total (a tenth of the excellent ones moved down for a condition); past years
	approved and closed (their final class kept), 3 % cancelled; this year about half approved, 5 %
	cancelled, the rest in the first three Workflow states. No score rows: the report does not read them."""
	from danvan_app.domain import classification as classification_rules
	from danvan_app.domain import evaluation as rules

	this_year, rows = max(years), []
	names = dict(
		frappe.db.sql("select name, unit_name from `tabDV Unit` where name in %s", (tuple(communes),))
	)
	for year in years:
		for unit in communes:
			self_total = round(rng.uniform(35, 100), 1)
			past = year < this_year
			reviewed = past or rng.random() < 0.6
			reviewed_total = round(min(100, max(0, self_total + rng.uniform(-8, 3))), 1) if reviewed else 0
			reviewed_on = date(year, 12 if past else 11, rng.randint(1, 28)) if reviewed else None
			total = reviewed_total if reviewed else self_total
			classification = rules.classify(total, classification_rules.DEFAULT_THRESHOLDS)
			reasons = None
			if classification == rules.EXCELLENT and rng.random() < 0.1:
				classification, reasons = (
					rules.GOOD,
					f"{rules.EXCELLENT}: Mọi nhiệm vụ trong năm hoàn thành đúng hạn",
				)
			draw = rng.random()
			if draw < 0.03 or (not past and draw < 0.05):
				docstatus, state = 2, "Đã phê duyệt"
			elif past or (reviewed and draw < 0.55 / 0.6):
				docstatus, state = 1, "Đã phê duyệt"
			else:
				docstatus, state = (
					0,
					"Đã thẩm định" if reviewed else rng.choice(("Đơn vị tự đánh giá", "Chờ thẩm định")),
				)
			rows.append(
				{"name": f"BENCH-E{year}-{unit}", **stamp(), "docstatus": docstatus, "evaluated_unit": unit}
				| {"evaluated_unit_name": names[unit], "year": year, "template": templates[year]}
				| {"workflow_state": state, "maximum_total": 100, "self_total": self_total}
				| {
					"reviewed_total": reviewed_total,
					"reviewed_on": reviewed_on,
					"classification": classification,
				}
				| {
					"classification_reasons": reasons,
					"final_classification": classification if past else None,
				}
			)
	bulk("DV Evaluation", rows)
	return len(rows)


# The report by hand: the same joins (the unit and its head, the template's quota, the leader's full name,
# last year's approved evaluation); the rank and the quota by window functions over the ranking group: an
# excellent unit keeps its class while the excellent units with a total at least its own are no more than the
# quota's share of the group's good-or-better units (rounded down); a closed cycle's final class stands.
# Two things MariaDB 10.11.19 did on this data shape the query: rank() over (partition by grp order by total
# desc) next to a count over (partition by grp, is-excellent order by total desc) and a sum over (partition
# by grp) in the same SELECT gave wrong ranks (the rows ranked in the other window's order), so the windows
# of one level share the one window w; and min() over a whole-group frame took 0.43 s for 2,853 rows (a sum
# over the same frame 0.04 s), so the group's quota is the first value in quota order, one level out.
RAW_RANKING_SQL = """
select y.unit, y.unit_name, y.leader, y.grp, y.total, y.rnk,
	ifnull(nullif(y.final_classification, ''), case when y.classification = %(excellent)s
		and y.excellent_above > floor(y.good_or_better
			* first_value(y.quota) over (partition by y.grp order by y.quota) / 100 + 0.000000001)
		then %(good)s else y.classification end),
	y.docstatus = 1, y.last_total, y.last_classification, y.head
from (select x.*, rank() over w rnk, sum(x.classification = %(excellent)s) over w excellent_above,
		sum(x.classification in (%(excellent)s, %(good)s))
			over (w rows between unbounded preceding and unbounded following) good_or_better
	from (select e.evaluated_unit unit, u.unit_name, u.head_name head, l.full_name leader,
			concat_ws(' – ', nullif(u.unit_kind, ''), nullif(u.admin_level, '')) grp,
			case when e.reviewed_on is not null then e.reviewed_total else e.self_total end total,
			e.classification, e.final_classification, e.docstatus, ifnull(t.excellent_quota_percent, 20) quota,
			case when p.reviewed_on is not null then p.reviewed_total else p.self_total end last_total,
			p.classification last_classification
		from `tabDV Evaluation` e
		join `tabDV Unit` u on u.name = e.evaluated_unit
		join `tabDV Evaluation Template` t on t.name = e.template
		left join `tabUser` l on l.name = u.dan_van_leader
		left join `tabDV Evaluation` p on p.evaluated_unit = e.evaluated_unit and p.year = %(last_year)s
			and p.docstatus = 1 and p.kheo_model is null
		where e.year = %(year)s and e.docstatus < 2 and e.kheo_model is null {scope}) x
	window w as (partition by x.grp order by x.total desc)) y
"""
RANKING_SCOPE = """and e.evaluated_unit in (select s.name from `tabDV Unit` s join `tabDV Unit` r
	on r.name = %(root)s where s.lft >= r.lft and s.rgt <= r.rgt)"""


def raw_ranking(year: int, root: str | None):
	from danvan_app.domain import evaluation as rules

	values = {
		"year": year,
		"last_year": year - 1,
		"root": root,
		"excellent": rules.EXCELLENT,
		"good": rules.GOOD,
	}
	return frappe.db.sql(RAW_RANKING_SQL.format(scope=RANKING_SCOPE if root else ""), values)


def number(value):
	return None if value is None else round(float(value), 3)


def same_ranking(report_rows, raw_rows) -> list[tuple]:
	"""Unit, name, leader, group, rank, total, class after the quota, approved, last year's total and class,
	head: the report's rows and the hand-written rows must be equal (the notes' wording is not compared)."""
	mine = sorted(
		(
			r["unit"],
			r["unit_name"],
			r["leader"],
			r["ranking_group"],
			r["rank"],
			number(r["total"]),
			r["classification"],
			r["submitted"],
			number(r["last_total"]),
			r["last_classification"],
			r["head"],
		)
		for r in report_rows
	)
	theirs = sorted(
		(r[0], r[1], r[2], r[3], int(r[5]), number(r[4]), r[6], int(r[7]), number(r[8]), r[9], r[10])
		for r in raw_rows
	)
	differ = [(a, b) for a, b in zip(mine, theirs, strict=False) if a != b][:3]
	assert mine == theirs, f"{len(mine)} report rows, {len(theirs)} hand-written rows, not the same: {differ}"
	return mine


def ranking_round(label: str, year: int, repeat: int) -> list[tuple]:
	from danvan_app.domain import evaluation as rules
	from danvan_app.dv_evaluation.report.dv_evaluation_ranking.dv_evaluation_ranking import execute

	n = frappe.db.count("DV Evaluation", {"evaluated_unit": ["like", "BENCH-%"]})
	results = []
	for who, user, root in (
		("Administrator", "Administrator", None),
		("DV Unit Manager, one mid unit", SCOPED_USER, SCOPED_ROOT),
	):
		frappe.set_user(user)
		report_rows = execute({"year": year})[1]
		frappe.set_user("Administrator")
		rows = same_ranking(report_rows, raw_ranking(year, root))
		pushed = sum(1 for r in report_rows if "Vượt tỷ lệ" in (r["note"] or ""))
		excellent = sum(1 for r in rows if r[6] == rules.EXCELLENT)
		print(
			f"{label}: {who}: {len(rows)} rows in {len({r[3] for r in rows})} groups ({excellent} excellent after"
			f" the quota, {pushed} moved down by it), the same rows and ranks as the hand-written SQL"
		)
		frappe.set_user(user)
		report_s, report_q, report_sql_s = measure(lambda: execute({"year": year}), repeat)
		frappe.set_user("Administrator")
		raw_s, raw_q, _s = measure(lambda root=root: raw_ranking(year, root), repeat)
		results.append((label, n, who, len(rows), report_s, report_q, report_sql_s, raw_s, raw_q))
	return results


def scoped_user() -> str:
	"""A DV Unit Manager (granted SCOPED_ROOT with its descendants by grant_scope, once the units exist)."""
	if not frappe.db.exists("User", SCOPED_USER):
		frappe.get_doc(
			{
				"doctype": "User",
				"email": SCOPED_USER,
				"first_name": "Bench",
				"send_welcome_email": 0,
				"roles": [{"role": "DV Unit Manager"}],
			}
		).insert()
	return SCOPED_USER


def grant_scope() -> None:
	from danvan_app.api.access import grant_unit_access

	frappe.db.delete("User Permission", {"user": SCOPED_USER})
	grant_unit_access(SCOPED_USER, [SCOPED_ROOT], with_descendants=1)


def clean_up() -> None:
	"""The script's own records from an earlier run."""
	for sql in (
		"""delete s from `tabDV Evaluation Score` s join `tabDV Evaluation` e on e.name = s.parent
			where e.evaluated_unit like 'BENCH-%%' or e.name like 'RAW-%%'""",
		"delete from `tabDV Evaluation` where evaluated_unit like 'BENCH-%%' or name like 'RAW-%%'",
		"""delete c from `tabDV Evaluation Cycle Level` c join `tabDV Evaluation Cycle` p on p.name = c.parent
			where p.evaluating_unit like 'BENCH-%%'""",
		"delete from `tabDV Evaluation Cycle` where evaluating_unit like 'BENCH-%%'",
		"""delete c from `tabDV Evaluation Criterion` c join `tabDV Evaluation Template` p on p.name = c.parent
			where p.issuing_unit like 'BENCH-%%'""",
		"""delete c from `tabDV Evaluation Threshold` c join `tabDV Evaluation Template` p on p.name = c.parent
			where p.issuing_unit like 'BENCH-%%'""",
		"""delete c from `tabDV Evaluation Condition` c join `tabDV Evaluation Template` p on p.name = c.parent
			where p.issuing_unit like 'BENCH-%%'""",
		"delete from `tabDV Evaluation Template` where issuing_unit like 'BENCH-%%'",
		"delete from `tabDV Task Explanation` where parent like 'BENCH-%%'",
		"delete from `tabDV Task` where name like 'BENCH-%%'",
		"delete from `tabDV Kheo Model` where name like 'BENCH-%%'",
		"delete from `tabDV Unit` where name like 'BENCH-%%'",
		"delete from `tabUser` where name like 'bench.leader%%'",
	):
		frappe.db.sql(sql)


def main():
	parser = argparse.ArgumentParser()
	parser.add_argument("--site", required=True)
	parser.add_argument("--communes", type=int, default=3000, help="communes at 10N (N: communes / scale)")
	parser.add_argument("--scale", type=int, default=10)
	parser.add_argument("--tasks", type=int, default=40000)
	parser.add_argument("--models", type=int, default=6000)
	parser.add_argument("--years", type=int, default=5, help="years of evaluations for the ranking report")
	parser.add_argument("--repeat", type=int, default=3)
	parser.add_argument("--year", type=int, help="the cycle's and the report's year (default: this year)")
	args = parser.parse_args()

	frappe.init(site=args.site, sites_path=".")
	frappe.connect()
	frappe.set_user("Administrator")
	rng = random.Random(2026)
	year = args.year or frappe.utils.getdate(frappe.utils.today()).year
	try:
		clean_up()
		start = time.perf_counter()
		scoped_user()  # before the leaders: Frappe refuses a User insert after 60 users created in the hour
		leaders = make_leaders()
		communes = make_units(args.communes, args.scale, leaders, rng)
		assert all(quote(unit) == unit for unit in communes)  # the hand-written route puts names in a URL
		explanations = make_tasks(args.tasks, communes, year, rng)
		make_models(args.models, communes, year, rng)
		grant_scope()
		frappe.db.commit()
		print(
			f"data: {len(communes) + MIDS + 1} units ({len(communes)} communes), {LEADERS} leaders,"
			f" {args.tasks} tasks + {len(communes)} duties, {explanations} explanation requests,"
			f" {args.models} models in {time.perf_counter() - start:.2f} s"
		)

		template = make_template(year)
		cycle_n, cycle_10n = make_cycle(SCOPED_ROOT, year, template), make_cycle(PROVINCE, year, template)
		warm_up(year, template)
		frappe.db.commit()
		scaled = f"{args.scale}N"
		cycle_rows = cycle_round("N", cycle_n, year, args.repeat)
		delete_cycle_evaluations(cycle_n)
		frappe.db.commit()
		cycle_rows += cycle_round(scaled, cycle_10n, year, args.repeat)
		cycle_rows.append(again_round(scaled, cycle_10n, args.repeat))

		delete_cycle_evaluations(cycle_10n)
		years = list(range(year - args.years + 1, year + 1))
		templates = {y: template if y == year else make_template(y) for y in years}
		frappe.db.commit()
		first = communes[:: args.scale]
		start = time.perf_counter()
		made = make_evaluations(first, years, templates, rng)
		frappe.db.commit()
		print(
			f"evaluations: {made} inserted ({len(first)} communes × {len(years)} years)"
			f" in {time.perf_counter() - start:.2f} s"
		)
		ranking_rows = ranking_round("N", year, args.repeat)
		chosen = set(first)
		rest = [unit for unit in communes if unit not in chosen]
		start = time.perf_counter()
		made = make_evaluations(rest, years, templates, rng)
		frappe.db.commit()
		print(f"evaluations: {made} more inserted in {time.perf_counter() - start:.2f} s")
		ranking_rows += ranking_round(scaled, year, args.repeat)

		print(
			f"\nyear {year}; raw SQL and read seconds are the best of {args.repeat}, create_evaluations runs once"
		)
		print(
			"\n| round | units | operation | seconds | queries | per unit | raw SQL s | raw queries | ratio"
			" | raw SQL |"
		)
		print("|---|---|---|---|---|---|---|---|---|---|")
		for label, units, op, secs, queries, raw_s, raw_q, raw_label in cycle_rows:
			print(
				f"| {label} | {units} | {op} | {secs:.3f} | {queries} | {queries / units:.1f} | {raw_s:.3f} | {raw_q}"
				f" | {secs / raw_s:.1f}× | {raw_label} |"
			)
		print(
			"\n| round | evaluations | user | rows | report s | queries | of which in db.sql s | raw SQL s"
			" | raw queries | ratio |"
		)
		print("|---|---|---|---|---|---|---|---|---|---|")
		for label, n, who, count, secs, queries, sql_s, raw_s, raw_q in ranking_rows:
			print(
				f"| {label} | {n} | {who} | {count} | {secs:.3f} | {queries} | {sql_s:.3f} | {raw_s:.3f}"
				f" | {raw_q} | {secs / raw_s:.2f}× |"
			)
	finally:
		frappe.db.rollback()
		frappe.destroy()


if __name__ == "__main__":
	main()
