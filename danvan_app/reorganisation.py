"""A DV Reorganisation previewed, applied and undone, set-based.

The plan (who hands which work to whom) is the pure core's (``danvan_app.domain.reorganisation``); this
module reads what the plan needs, counts what would move, and moves it with a fixed handful of statements
per pair of units, whatever the number of tasks: ``UPDATE … WHERE presiding_unit = old AND status IN
(open)``, never a loop over tasks. Every moved record's name and former values go into the
reorganisation's log, so that undo restores exactly.

What moves (open work): tasks not done or cancelled where the old unit presides or assigns (recurring duty
definitions among them, so their future instances are made for the new unit), coordinating rows of open
tasks, models not yet decided (draft), draft evaluations of an open cycle (or of none), the old unit's
sub-units. What stays on the old unit (history): closed tasks, decided models, submitted evaluations,
progress reports, directives it issued. Access: each User Permission on an old unit is copied to the unit
that takes its work; the old grant stays, so the closed unit's history remains readable to those who had it.
"""

import json

import frappe
from frappe import _
from frappe.utils import add_days, cint, formatdate, get_datetime, getdate, now_datetime, today
from frappe.utils.nestedset import update_move_node

from danvan_app.assignments import sync_assignments_in_bulk
from danvan_app.domain import evaluation as evaluation_rules
from danvan_app.domain import reorganisation as reorg_rules
from danvan_app.domain import tasks as task_rules
from danvan_app.domain import unit_history
from danvan_app.dv_directives.doctype.dv_settings.dv_settings import get_settings
from danvan_app.exceptions import ReorganisationError
from danvan_app.rule_refusals import refusals
from danvan_app.utils import all_or_nothing, as_date, bulk_insert_rows

OPEN_STATUSES = task_rules.OPEN_STATUSES
CYCLE_OPEN = evaluation_rules.CYCLE_OPEN
NO_RECURRENCE = task_rules.RECURRENCE_LABELS["none"]
PERMISSION_FIELDS = (
	"user",
	"allow",
	"for_value",
	"apply_to_all_doctypes",
	"applicable_for",
	"hide_descendants",
)


# --- the plan ------------------------------------------------------------------------------------


def placeholder(doc, row) -> str:
	"""How the plan names a unit still to be created: by its reorganisation and row."""
	return f"{doc.name or 'new'}:{row.idx}"


def row_unit(doc, row) -> str:
	return row.existing_unit or row.created_unit or placeholder(doc, row)


def as_domain(doc) -> reorg_rules.Reorganisation:
	new_rows = list(doc.new_units)
	by_idx = {row.idx: row_unit(doc, row) for row in new_rows}
	return reorg_rules.Reorganisation(
		kind=reorg_rules.KIND_KEYS.get(doc.kind, doc.kind or ""),
		old_units=tuple(row.unit for row in doc.old_units),
		new_units=tuple(row_unit(doc, row) for row in new_rows),
		effective=getdate(doc.effective_date),
		split_rule=reorg_rules.SPLIT_RULE_KEYS.get(doc.split_rule or "", reorg_rules.BY_SUBUNIT),
		split_rows=tuple(
			(row.from_unit, by_idx.get(cint(row.to_row), f"?{row.to_row}")) for row in doc.split_rows
		),
		new_parents={
			placeholder(doc, row): row.parent_unit or None
			for row in new_rows
			if not (row.existing_unit or row.created_unit)
		},
		name=doc.name or "",
	)


def load_tree() -> reorg_rules.Tree:
	"""Every unit's parent and validity, in one query (a province's tree is a few thousand rows)."""
	rows = frappe.get_all(
		"DV Unit", fields=["name", "parent_dv_unit", "valid_from", "valid_to"], order_by="lft"
	)
	return reorg_rules.Tree(
		parent_of={row.name: row.parent_dv_unit or None for row in rows},
		valid_from={row.name: as_date(row.valid_from) for row in rows if row.valid_from},
		valid_to={row.name: as_date(row.valid_to) for row in rows if row.valid_to},
	)


def pending_reorganisations(exclude: str | None = None) -> list[reorg_rules.Reorganisation]:
	"""The other reorganisations submitted and waiting for their day."""
	names = frappe.get_all(
		"DV Reorganisation",
		filters={"docstatus": 1, "status": reorg_rules.STATUS_PENDING, "name": ("!=", exclude or "")},
		pluck="name",
	)
	return [as_domain(frappe.get_doc("DV Reorganisation", name)) for name in names]


def unit_names(doc) -> dict[str, str]:
	"""The names users know the units of the reorganisation by (for messages and the preview)."""
	units = {row.unit for row in doc.old_units} | {row.from_unit for row in doc.split_rows}
	units |= {row.existing_unit or row.created_unit for row in doc.new_units} | {
		row.parent_unit for row in doc.new_units
	}
	names = dict(
		frappe.get_all(
			"DV Unit",
			filters={"name": ("in", [u for u in units if u])},
			fields=["name", "unit_name"],
			as_list=1,
		)
	)
	for row in doc.new_units:
		if not (row.existing_unit or row.created_unit):
			names[placeholder(doc, row)] = row.new_unit_name or _("đơn vị mới dòng {0}").format(row.idx)
	return names


def compute_plan(doc, tree: reorg_rules.Tree | None = None) -> reorg_rules.Plan:
	"""The plan on today's tree after the reorganisations pending before this one, or its refusal."""
	tree = tree or load_tree()
	mine = as_domain(doc)
	pending = pending_reorganisations(exclude=doc.name)
	for other in sorted(pending, key=lambda r: r.effective):
		if other.effective >= mine.effective:
			break
		try:
			tree = reorg_rules.apply_to_tree(tree, reorg_rules.plan(other, tree), other.new_parents)
		except reorg_rules.ReorganisationError:
			continue  # that one will be refused on its own day; it does not change this one's tree
	with refusals(names=unit_names(doc)):
		return reorg_rules.plan(mine, tree, pending=pending)


# --- preview -------------------------------------------------------------------------------------


def what_moves(the_plan: reorg_rules.Plan) -> dict:
	"""Counts per old unit of what would move and what stays, in eight aggregate queries whatever the
	number of tasks (each grouped by unit)."""
	olds = [old for old, _new in the_plan.transfers]
	if not olds:
		return {}
	values = {"units": tuple(olds), "open": OPEN_STATUSES, "cycle_open": CYCLE_OPEN}
	presided = frappe.db.sql(
		"""select presiding_unit,
			case when status in %(open)s then
				case when ifnull(recurring_source, '') != '' then 'instance'
					when ifnull(recurrence, '') not in ('', %(none)s) then 'recurring' else 'open' end
			else 'closed' end as state,
			count(*)
		from `tabDV Task` where presiding_unit in %(units)s group by presiding_unit, state""",
		{**values, "none": NO_RECURRENCE},
	)
	counts = {old: dict.fromkeys(COUNTED, 0) for old in olds}
	for unit, state, number in presided:
		key = {"open": "tasks", "recurring": "recurring", "instance": "instances", "closed": "closed_tasks"}[
			state
		]
		counts[unit][key] = number
	for key, query in AGGREGATES.items():
		for unit, number in frappe.db.sql(query, values):
			counts[unit][key] = number
	for old in olds:
		counts[old]["children"] = 0
	tree_parent = dict(
		frappe.get_all(
			"DV Unit",
			filters={"name": ("in", [unit for unit, _p in the_plan.reparent] or [""])},
			fields=["name", "parent_dv_unit"],
			as_list=1,
		)
	)
	for unit, _parent in the_plan.reparent:
		if tree_parent.get(unit) in counts:
			counts[tree_parent[unit]]["children"] += 1
	kept = evaluations_to_keep(the_plan)
	for old in olds:
		counts[old]["evaluations_kept"] = sum(1 for name, unit in kept.items() if unit == old)
		counts[old]["evaluations"] -= counts[old]["evaluations_kept"]
	return counts


COUNTED = (
	"tasks",
	"recurring",
	"instances",
	"assigned",
	"coordinating",
	"models",
	"evaluations",
	"permissions",
	"children",
	"closed_tasks",
	"decided_models",
	"submitted_evaluations",
)
AGGREGATES = {
	"assigned": """select assigning_unit, count(*) from `tabDV Task`
		where assigning_unit in %(units)s and status in %(open)s group by assigning_unit""",
	"coordinating": """select c.unit, count(*) from `tabDV Task Coordinating Unit` c
		join `tabDV Task` t on t.name = c.parent
		where c.parenttype = 'DV Task' and c.unit in %(units)s and t.status in %(open)s group by c.unit""",
	"models": """select registering_unit, count(*) from `tabDV Kheo Model`
		where registering_unit in %(units)s and docstatus = 0 group by registering_unit""",
	"decided_models": """select registering_unit, count(*) from `tabDV Kheo Model`
		where registering_unit in %(units)s and docstatus = 1 group by registering_unit""",
	"evaluations": """select e.evaluated_unit, count(*) from `tabDV Evaluation` e
		left join `tabDV Evaluation Cycle` y on y.name = e.cycle
		where e.evaluated_unit in %(units)s and e.docstatus = 0
			and (ifnull(e.cycle, '') = '' or y.cycle_status = %(cycle_open)s) group by e.evaluated_unit""",
	"submitted_evaluations": """select evaluated_unit, count(*) from `tabDV Evaluation`
		where evaluated_unit in %(units)s and docstatus = 1 group by evaluated_unit""",
	"permissions": """select for_value, count(*) from `tabUser Permission`
		where allow = 'DV Unit' and for_value in %(units)s group by for_value""",
}


def open_evaluations(units) -> list:
	return frappe.db.sql(
		"""select e.name, e.evaluated_unit, e.evaluated_unit_name, e.year, ifnull(e.kheo_model, '') as kheo_model
		from `tabDV Evaluation` e left join `tabDV Evaluation Cycle` y on y.name = e.cycle
		where e.evaluated_unit in %(units)s and e.docstatus = 0
			and (ifnull(e.cycle, '') = '' or y.cycle_status = %(cycle_open)s)""",
		{"units": tuple(units), "cycle_open": CYCLE_OPEN},
		as_dict=True,
	)


def evaluations_to_keep(the_plan: reorg_rules.Plan) -> dict[str, str]:
	"""Draft evaluations that stay on their old unit: a unit has one evaluation a year (one per model), so
	when several would land on the same new unit for the same year, none of them moves (the administrator
	decides which one counts). Returns {evaluation: old unit}."""
	olds = [old for old, _new in the_plan.transfers]
	if not olds:
		return {}
	target_of = dict(the_plan.transfers)
	existing = frappe.db.sql(
		"""select evaluated_unit, year, ifnull(kheo_model, '') from `tabDV Evaluation`
		where evaluated_unit in %(units)s and docstatus < 2""",
		{"units": tuple(set(target_of.values())) or ("",)},
	)
	landing: dict[tuple, list] = {}
	for unit, year, model in existing:
		landing.setdefault((unit, year, model), []).append(None)
	rows = open_evaluations(olds)
	for row in rows:
		landing.setdefault((target_of[row.evaluated_unit], row.year, row.kheo_model), []).append(row)
	return {
		row.name: row.evaluated_unit
		for group in landing.values()
		if len(group) > 1
		for row in group
		if row is not None
	}


def preview(doc) -> dict:
	"""What the reorganisation would move, per old → new pair, and what stays; with a summary in words."""
	the_plan = compute_plan(doc)
	names = unit_names(doc)
	counts = what_moves(the_plan)
	people = leaders(doc, the_plan)
	pairs = [
		{
			"old": old,
			"old_name": names.get(old, old),
			"new": new,
			"new_name": names.get(new, new),
			"leaders": {"old": people.get(old), "new": people.get(new)},
			**counts[old],
		}
		for old, new in the_plan.transfers
	]
	moved_units = [
		{"unit": unit, "new_parent": parent, "new_parent_name": names.get(parent, parent)}
		for unit, parent in the_plan.reparent
	]
	return {"pairs": pairs, "reparent": moved_units, "closed_on": str(the_plan.closed_on)}


def leaders(doc, the_plan: reorg_rules.Plan) -> dict[str, list]:
	"""The leader in charge and officer of each unit of the plan: the people a moved task is assigned to. A
	unit still to be created takes those of the first old unit that has them (as ``create_units`` does)."""
	units = {unit for pair in the_plan.transfers for unit in pair}
	rows = frappe.get_all(
		"DV Unit",
		filters={"name": ("in", list(units) or [""])},
		fields=["name", "dan_van_leader", "unit_officer"],
	)
	people = {row.name: [row.dan_van_leader, row.unit_officer] for row in rows}
	olds = [row.unit for row in doc.old_units]
	inherited = [
		next((people[old][i] for old in olds if people.get(old, [None, None])[i]), None) for i in (0, 1)
	]
	for row in doc.new_units:
		if not (row.existing_unit or row.created_unit):
			people[placeholder(doc, row)] = inherited
	return people


def summary(doc, result: dict) -> str:
	lines = []
	for pair in result["pairs"]:
		lines.append(
			_(
				"{0} → {1}: chuyển {2} nhiệm vụ đang thực hiện (trong đó {3} nhiệm vụ định kỳ), {4} nhiệm vụ"
				" đơn vị giao, {5} lượt phối hợp, {6} mô hình chưa quyết định, {7} phiếu đánh giá đang mở"
				" ({8} phiếu giữ lại vì trùng năm), {9} quyền truy cập, {10} đơn vị trực thuộc; giữ lại {11}"
				" nhiệm vụ đã kết thúc, {12} mô hình đã quyết định, {13} phiếu đánh giá đã gửi."
			).format(
				pair["old_name"],
				pair["new_name"],
				pair["tasks"] + pair["recurring"] + pair["instances"],
				pair["recurring"],
				pair["assigned"],
				pair["coordinating"],
				pair["models"],
				pair["evaluations"],
				pair["evaluations_kept"],
				pair["permissions"],
				pair["children"],
				pair["closed_tasks"],
				pair["decided_models"],
				pair["submitted_evaluations"],
			)
		)
	if result["pairs"]:
		lines.append(_("Đơn vị cũ hoạt động đến hết ngày {0}.").format(formatdate(result["closed_on"])))
	if doc.kind == reorg_rules.KIND_LABELS[reorg_rules.MOVE]:
		lines.append(
			_("Chuyển {0} đơn vị (cùng công việc và đơn vị cấp dưới) về đơn vị cấp trên mới.").format(
				len(result["reparent"])
			)
		)
	return "\n".join(lines)


# --- apply ---------------------------------------------------------------------------------------


# A reorganisation whose old units have more open tasks than this is applied by a background job when it
# is submitted: the request would otherwise hold the user (and the rows it locks) for as long as it runs.
BACKGROUND_FROM_TASKS = 2000
APPLY_STEPS = 6


def open_task_count(doc) -> int:
	"""The open tasks the old units preside over or assigned: what applying moves, in one query of two
	counts, each read from its own index (an OR of the two columns would read every task)."""
	units = tuple(row.unit for row in doc.old_units) or ("",)
	counts = frappe.db.sql(
		"""select count(*) from `tabDV Task` where presiding_unit in %(units)s and status in %(open)s
		union all
		select count(*) from `tabDV Task` where assigning_unit in %(units)s and status in %(open)s
			and presiding_unit not in %(units)s""",
		{"units": units, "open": OPEN_STATUSES},
	)
	return sum(count for (count,) in counts)


def job_id(name: str) -> str:
	return f"dv_reorganisation_apply::{name}"


def apply_now_or_in_background(doc) -> None:
	"""Submitting a reorganisation whose day has come: a small one is applied in the request, a large one
	is handed to a background job (once: a second enqueue while the first waits is dropped) and shows
	"Đang áp dụng" until the job is done."""
	if open_task_count(doc) <= BACKGROUND_FROM_TASKS:
		apply(doc)
		return
	doc.db_set("status", reorg_rules.STATUS_APPLYING)
	frappe.enqueue(
		"danvan_app.reorganisation.apply_in_background",
		queue="long",
		timeout=3600,
		job_id=job_id(doc.name),
		deduplicate=True,
		# The job reads the submitted document: it must not start before the submission is committed.
		enqueue_after_commit=True,
		reorganisation_name=doc.name,
	)


def apply_in_background(reorganisation_name: str) -> bool:
	"""The background job: apply, publishing progress to the form. If it fails, nothing of it stays (the
	transaction is rolled back) and the reorganisation waits again, so that the daily job retries it and the
	form does not claim it is being applied."""
	doc = frappe.get_doc("DV Reorganisation", reorganisation_name)
	try:
		return apply(doc, progress=True)
	except Exception:
		frappe.db.rollback()
		frappe.db.set_value(
			"DV Reorganisation",
			reorganisation_name,
			"status",
			reorg_rules.STATUS_PENDING,
			update_modified=False,
		)
		frappe.db.commit()
		raise


def publish_step(doc, step: int, description: str) -> None:
	frappe.publish_progress(
		step * 100 / APPLY_STEPS,
		title=_("Đang áp dụng quyết định sắp xếp {0}").format(doc.decision_number),
		doctype=doc.doctype,
		docname=doc.name,
		description=description,
	)


def apply(doc, progress: bool = False) -> bool:
	"""Apply a submitted reorganisation whose day has come, all or nothing; a second call does nothing (nor
	does a call on one already undone). With ``progress``, each step is published to the form."""
	# A locking read: the daily job and a background job applying the same one at once apply it once.
	status = frappe.db.get_value("DV Reorganisation", doc.name, "status", for_update=True)
	if status not in (reorg_rules.STATUS_PENDING, reorg_rules.STATUS_APPLYING) or doc.docstatus != 1:
		return False

	def step(number: int, description: str) -> None:
		if progress:
			publish_step(doc, number, description)

	with all_or_nothing():
		applied_on = now_datetime()
		log = {"applied_on": str(applied_on)}
		step(0, _("Tạo đơn vị mới"))
		created = create_units(doc, log)
		step(1, _("Lập phương án chuyển giao"))
		the_plan = compute_plan(doc)
		the_plan = rename_placeholders(the_plan, created)
		step(2, _("Chuyển công việc đang thực hiện và phân công"))
		move_work(doc, the_plan, log)
		step(3, _("Chuyển đơn vị trực thuộc"))
		move_sub_units(the_plan, log, reorganisation=doc.name)
		step(4, _("Kết thúc hoạt động của đơn vị cũ"))
		close_old_units(doc, the_plan, log)
		step(5, _("Chuyển quyền truy cập"))
		copy_access(the_plan, log)
		doc.db_set(
			{
				"status": reorg_rules.STATUS_APPLIED,
				"applied_on": applied_on,
				"log": json.dumps(log, ensure_ascii=False, indent=1, default=str),
			},
			# The form open on it while a background job applies it reloads when this is written.
			notify=progress,
		)
		step(APPLY_STEPS, _("Đã áp dụng xong"))
	frappe.cache.delete_key("user_permissions")
	return True


def create_units(doc, log: dict) -> dict[str, str]:
	"""The new units the rows ask for, opening on the effective date, with the leaders of the first old unit
	that has them (a renamed unit keeps its people). Returns {placeholder: new unit}."""
	olds = [row.unit for row in doc.old_units]
	people = frappe.get_all(
		"DV Unit",
		filters={"name": ("in", olds)},
		fields=["name", "dan_van_leader", "unit_officer"],
	)
	people.sort(key=lambda row: olds.index(row.name))
	leader = next((row.dan_van_leader for row in people if row.dan_van_leader), None)
	officer = next((row.unit_officer for row in people if row.unit_officer), None)
	created = {}
	for row in doc.new_units:
		if row.existing_unit or row.created_unit:
			continue
		unit = frappe.get_doc(
			{
				"doctype": "DV Unit",
				"unit_name": row.new_unit_name,
				"unit_kind": row.unit_kind,
				"admin_level": row.admin_level,
				"parent_dv_unit": row.parent_unit,
				"valid_from": doc.effective_date,
				"dan_van_leader": leader,
				"unit_officer": officer,
			}
		).insert(ignore_permissions=True)
		created[placeholder(doc, row)] = unit.name
		# The name is what the form's timeline shows; the unit's code stays in a hidden link.
		row.db_set({"created_unit": unit.name, "created_unit_name": unit.unit_name})
	log["created_units"] = list(created.values())
	return created


def rename_placeholders(the_plan: reorg_rules.Plan, created: dict[str, str]) -> reorg_rules.Plan:
	def real(unit):
		return created.get(unit, unit)

	return reorg_rules.Plan(
		kind=the_plan.kind,
		effective=the_plan.effective,
		closed_on=the_plan.closed_on,
		transfers=tuple((old, real(new)) for old, new in the_plan.transfers),
		closes=the_plan.closes,
		successors={old: tuple(real(new) for new in news) for old, news in the_plan.successors.items()},
		reparent=tuple((unit, real(parent)) for unit, parent in the_plan.reparent),
	)


def _names_in(query: str, values: dict) -> list:
	return frappe.db.sql(query, values, as_dict=True)


def move_work(doc, the_plan: reorg_rules.Plan, log: dict) -> None:
	"""Open tasks, their coordinating rows, draft models and open evaluations go to the new unit: each kind
	read once for the log and moved by one UPDATE per new unit."""
	olds = [old for old, _new in the_plan.transfers]
	log.update(
		tasks=[],
		assigned=[],
		coordinating=[],
		coordinating_removed=[],
		models=[],
		evaluations=[],
		todos_closed=[],
		todos_created=[],
	)
	if not olds:
		return
	target_of = dict(the_plan.transfers)
	people = {
		row.name: (row.dan_van_leader, row.unit_officer)
		for row in frappe.get_all(
			"DV Unit",
			filters={"name": ("in", list(set(target_of.values())))},
			fields=["name", "dan_van_leader", "unit_officer"],
		)
	}
	values = {"units": tuple(olds), "open": OPEN_STATUSES}
	tasks = _names_in(
		"""select name, presiding_unit, presiding_leader, presiding_officer, _assign, title, due_date
		from `tabDV Task` where presiding_unit in %(units)s and status in %(open)s""",
		values,
	)
	log["tasks"] = [
		[t.name, t.presiding_unit, t.presiding_leader, t.presiding_officer, t._assign] for t in tasks
	]
	assigned = _names_in(
		"""select name, assigning_unit from `tabDV Task`
		where assigning_unit in %(units)s and status in %(open)s""",
		values,
	)
	log["assigned"] = [[t.name, t.assigning_unit] for t in assigned]
	coordinating = _names_in(
		"""select c.name, c.parent, c.unit from `tabDV Task Coordinating Unit` c
		join `tabDV Task` t on t.name = c.parent
		where c.parenttype = 'DV Task' and c.unit in %(units)s and t.status in %(open)s""",
		values,
	)
	log["coordinating"] = [[c.name, c.unit] for c in coordinating]
	models = _names_in(
		"select name, registering_unit from `tabDV Kheo Model` where registering_unit in %(units)s"
		" and docstatus = 0",
		values,
	)
	log["models"] = [[m.name, m.registering_unit] for m in models]
	kept = evaluations_to_keep(the_plan)
	evaluations = [row for row in open_evaluations(olds) if row.name not in kept]
	names_of = dict(
		frappe.get_all(
			"DV Unit",
			filters={"name": ("in", list(target_of.values()))},
			fields=["name", "unit_name"],
			as_list=1,
		)
	)
	for old, new in the_plan.transfers:
		leader, officer = people.get(new, (None, None))
		frappe.db.sql(
			"""update `tabDV Task` set presiding_unit = %(new)s, presiding_leader = %(leader)s,
				presiding_officer = %(officer)s
			where presiding_unit = %(old)s and status in %(open)s""",
			{"new": new, "old": old, "leader": leader, "officer": officer, "open": OPEN_STATUSES},
		)
		frappe.db.sql(
			"update `tabDV Task` set assigning_unit = %(new)s where assigning_unit = %(old)s and status in %(open)s",
			{"new": new, "old": old, "open": OPEN_STATUSES},
		)
		rows = [c.name for c in coordinating if c.unit == old]
		if rows:
			frappe.db.sql(
				"update `tabDV Task Coordinating Unit` set unit = %(new)s where name in %(rows)s",
				{"new": new, "rows": tuple(rows)},
			)
		frappe.db.sql(
			"update `tabDV Kheo Model` set registering_unit = %(new)s where registering_unit = %(old)s"
			" and docstatus = 0",
			{"new": new, "old": old},
		)
		moving = [row.name for row in evaluations if row.evaluated_unit == old]
		if moving:
			frappe.db.sql(
				"update `tabDV Evaluation` set evaluated_unit = %(new)s, evaluated_unit_name = %(title)s"
				" where name in %(rows)s",
				{"new": new, "title": names_of.get(new), "rows": tuple(moving)},
			)
	log["evaluations"] = [[row.name, row.evaluated_unit, row.evaluated_unit_name] for row in evaluations]
	remove_redundant_coordination([c.parent for c in coordinating], log)
	# The moved tasks' ToDos follow their new presiding people, as a task saved with a new presiding unit
	# would have them (DVTask.sync_assignments), but in bulk: the old unit's people stop carrying work that
	# is no longer theirs, the new unit's get it. Undo reopens and deletes exactly these ToDos.
	todos = sync_assignments_in_bulk(
		"DV Task",
		[
			{
				"name": t.name,
				"users": people.get(target_of[t.presiding_unit], (None, None)),
				"description": t.title,
				"date": t.due_date,
			}
			for t in tasks
		],
	)
	log["todos_closed"], log["todos_created"] = todos["closed"], todos["created"]


def remove_redundant_coordination(tasks: list[str], log: dict) -> None:
	"""Two merged units that both coordinated a task become one unit coordinating it twice, or a unit
	coordinating the task it now presides: such rows go (kept whole in the log, for undo)."""
	if not tasks:
		return
	rows = frappe.db.sql(
		"""select c.*, t.presiding_unit from `tabDV Task Coordinating Unit` c
		join `tabDV Task` t on t.name = c.parent
		where c.parenttype = 'DV Task' and c.parent in %(tasks)s order by c.parent, c.idx""",
		{"tasks": tuple(set(tasks))},
		as_dict=True,
	)
	seen, redundant = set(), []
	for row in rows:
		key = (row.parent, row.unit)
		if key in seen or row.unit == row.presiding_unit:
			redundant.append(row)
		seen.add(key)
	if redundant:
		frappe.db.sql(
			"delete from `tabDV Task Coordinating Unit` where name in %(rows)s",
			{"rows": tuple(row.name for row in redundant)},
		)
	log["coordinating_removed"] = [
		{key: value for key, value in row.items() if key != "presiding_unit"} for row in redundant
	]


def move_sub_units(the_plan: reorg_rules.Plan, log: dict, reorganisation: str | None = None) -> None:
	"""Sub-units go under their new parent, each moved the NestedSet way with its subtree; the parent each
	leaves is recorded as a period ending the day before the effective date (reports on the tree as it was
	on a date read it)."""
	log["sub_units"] = []
	log["parent_periods"] = []
	if not the_plan.reparent:
		return
	before = dict(
		frappe.get_all(
			"DV Unit",
			filters={"name": ("in", [unit for unit, _parent in the_plan.reparent])},
			fields=["name", "parent_dv_unit"],
			as_list=1,
		)
	)
	log["sub_units"] = [[unit, before.get(unit)] for unit, _parent in the_plan.reparent]
	log["parent_periods"] = record_parent_periods(
		the_plan.reparent, before, the_plan.closed_on, reorganisation
	)
	parents = tuple({parent for _unit, parent in the_plan.reparent})
	log["made_groups"] = frappe.get_all(
		"DV Unit", filters={"name": ("in", parents), "is_group": 0}, pluck="name"
	)
	move_units(the_plan.reparent)
	frappe.db.sql("update `tabDV Unit` set is_group = 1 where name in %(parents)s", {"parents": parents})


def record_parent_periods(moves, former: dict, last_day, reorganisation: str | None) -> list[str]:
	"""One DV Unit Parent Period row per unit that changes parent (``former``: its parent before), in two
	reads and one INSERT whatever the number of units. Returns the new rows' names (for undo)."""
	units = list(
		dict.fromkeys(unit for unit, parent in moves if (former.get(unit) or None) != (parent or None))
	)
	if not units:
		return []
	recorded: dict[str, list] = {}
	for row in frappe.get_all(
		"DV Unit Parent Period",
		filters={"parent": ("in", units), "parenttype": "DV Unit"},
		fields=["parent", "parent_unit", "to_date"],
	):
		recorded.setdefault(row.parent, []).append(
			unit_history.ParentPeriod(row.parent, row.parent_unit, as_date(row.to_date))
		)
	opened = dict(
		frappe.get_all("DV Unit", filters={"name": ("in", units)}, fields=["name", "valid_from"], as_list=1)
	)
	rows = []
	for unit in units:
		period = unit_history.next_period(
			unit,
			former.get(unit),
			getdate(last_day),
			recorded.get(unit, []),
			opened=as_date(opened.get(unit)),
		)
		if period:
			rows.append(
				{
					"name": frappe.generate_hash(length=10),
					"parent": unit,
					"parenttype": "DV Unit",
					"parentfield": "parent_periods",
					"idx": len(recorded.get(unit, [])) + 1,
					"parent_unit": period.parent,
					"from_date": period.from_date,
					"to_date": period.to_date,
					"reorganisation": reorganisation,
				}
			)
	bulk_insert_rows("DV Unit Parent Period", rows)
	return [row["name"] for row in rows]


def move_units(moves) -> None:
	"""Each (unit, parent): the unit and its subtree under the parent, by NestedSet's own move (a handful of
	UPDATEs per moved unit whatever the size of the tree; rebuilding the whole tree would cost one statement
	per unit of the province)."""
	for unit, parent in moves:
		row = frappe.db.get_value("DV Unit", unit, ["lft", "rgt", "parent_dv_unit"], as_dict=True)
		if (row.parent_dv_unit or None) == (parent or None):
			continue
		frappe.db.sql(
			"update `tabDV Unit` set parent_dv_unit = %(parent)s, old_parent = %(parent)s where name = %(unit)s",
			{"parent": parent, "unit": unit},
		)
		node = frappe._dict(doctype="DV Unit", name=unit, lft=row.lft, rgt=row.rgt, parent_dv_unit=parent)
		update_move_node(node, "parent_dv_unit")


def close_old_units(doc, the_plan: reorg_rules.Plan, log: dict) -> None:
	"""Old units end on the day before the effective date, with a note naming the decision and their
	successors; a surviving unit stays open."""
	log["closed_units"] = []
	log["successor_rows"] = []
	if not the_plan.closes:
		return
	before = frappe.get_all(
		"DV Unit",
		filters={"name": ("in", list(the_plan.closes))},
		fields=["name", "valid_to", "enabled", "closure_note"],
	)
	log["closed_units"] = [[row.name, row.valid_to, row.enabled, row.closure_note] for row in before]
	successors = {unit for news in the_plan.successors.values() for unit in news}
	names = dict(
		frappe.get_all(
			"DV Unit", filters={"name": ("in", list(successors))}, fields=["name", "unit_name"], as_list=1
		)
	)
	kind = _(doc.kind)
	for old in the_plan.closes:
		news = the_plan.successors.get(old, ())
		note = _("{0} theo Quyết định số {1} ngày {2}, hiệu lực từ {3}; đơn vị kế thừa: {4}.").format(
			kind,
			doc.decision_number,
			formatdate(doc.decision_date),
			formatdate(doc.effective_date),
			", ".join(names.get(new, new) for new in news),
		)
		frappe.db.sql(
			"update `tabDV Unit` set valid_to = %(valid_to)s, enabled = %(enabled)s, closure_note = %(note)s"
			" where name = %(name)s",
			{
				"valid_to": the_plan.closed_on,
				"enabled": 0 if the_plan.closed_on < getdate(today()) else 1,
				"note": note,
				"name": old,
			},
		)
		existing = set(
			frappe.get_all(
				"DV Unit Successor", filters={"parent": old, "parenttype": "DV Unit"}, pluck="successor_unit"
			)
		)
		for index, new in enumerate(news):
			if new in existing:
				continue
			row = frappe.get_doc(
				{
					"doctype": "DV Unit Successor",
					"parent": old,
					"parenttype": "DV Unit",
					"parentfield": "successors",
					"idx": len(existing) + index + 1,
					"successor_unit": new,
					"handover_note": _("Quyết định số {0}").format(doc.decision_number)[:140],
				}
			)
			row.db_insert()
			log["successor_rows"].append(row.name)


def copy_access(the_plan: reorg_rules.Plan, log: dict) -> None:
	"""Each User Permission on an old unit is copied to every unit that takes its work (a split's old unit:
	every new unit), unless the user already has it. The old grant stays: the closed unit's history stays
	readable to the people who kept it, and nobody is given a unit its old grant did not lead to."""
	log["permissions"] = []
	targets: dict[str, tuple[str, ...]] = {}
	for old, new in the_plan.transfers:
		targets[old] = tuple(dict.fromkeys([new, *the_plan.successors.get(old, ())]))
	if not targets:
		return
	grants = frappe.get_all(
		"User Permission",
		filters={"allow": "DV Unit", "for_value": ("in", list(targets))},
		fields=[*PERMISSION_FIELDS, "is_default"],
	)
	new_units = {unit for units in targets.values() for unit in units}
	have = {
		(row.user, row.for_value, row.applicable_for or "")
		for row in frappe.get_all(
			"User Permission",
			filters={"allow": "DV Unit", "for_value": ("in", list(new_units))},
			fields=["user", "for_value", "applicable_for"],
		)
	}
	rows = []
	for grant in grants:
		for unit in targets[grant.for_value]:
			key = (grant.user, unit, grant.applicable_for or "")
			if key in have:
				continue
			have.add(key)
			name = frappe.generate_hash(length=10)
			rows.append(
				{
					"name": name,
					**{field: grant[field] for field in PERMISSION_FIELDS},
					"for_value": unit,
					"is_default": 0,
				}
			)
			log["permissions"].append(name)
	bulk_insert_rows("User Permission", rows)


def apply_due(day=None) -> list[str]:
	"""The daily job's part: every submitted reorganisation whose effective date has come, oldest first.
	One that is refused now (the tree changed since) stays pending and is logged; the others go on."""
	day = getdate(day)
	names = frappe.get_all(
		"DV Reorganisation",
		filters={"docstatus": 1, "status": reorg_rules.STATUS_PENDING, "effective_date": ("<=", day)},
		order_by="effective_date asc, creation asc",
		pluck="name",
	)
	applied = []
	for name in names:
		try:
			if apply(frappe.get_doc("DV Reorganisation", name)):
				applied.append(name)
		except frappe.ValidationError:
			frappe.log_error(title=_("Không áp dụng được quyết định sắp xếp {0}").format(name))
	return applied


# --- undo ----------------------------------------------------------------------------------------


def undo(doc) -> None:
	"""Restore exactly what the log says was moved, if within the window and nothing new was recorded."""
	if doc.status != reorg_rules.STATUS_APPLIED or not doc.log:
		frappe.throw(_("Chỉ hoàn tác được quyết định sắp xếp đã áp dụng."), ReorganisationError)
	log = json.loads(doc.log)
	applied_on = get_datetime(doc.applied_on)
	days = get_settings().reorganisation_undo_days
	if getdate(now_datetime()) > getdate(add_days(applied_on, days)):
		frappe.throw(
			_("Đã quá {0} ngày kể từ khi áp dụng ({1}), không thể hoàn tác.").format(
				days, formatdate(applied_on)
			),
			ReorganisationError,
		)
	check_nothing_new(log, applied_on)
	with all_or_nothing():
		restore(log)
		for row in doc.new_units:
			if row.created_unit:
				row.db_set({"created_unit": None, "created_unit_name": None})
		for unit in reversed(log.get("created_units", [])):
			frappe.delete_doc("DV Unit", unit, ignore_permissions=True, force=True)
		doc.db_set({"status": reorg_rules.STATUS_UNDONE, "undone_on": now_datetime()})
	frappe.cache.delete_key("user_permissions")


def check_nothing_new(log: dict, applied_on) -> None:
	"""Undo would lose whatever was recorded since: a moved task, model or evaluation changed, a progress
	report on a moved task, or any record made on a unit the reorganisation created."""
	tasks = list({row[0] for row in log.get("tasks", []) + log.get("assigned", [])})
	values = {"applied_on": applied_on}
	changed = []
	for doctype, names in (
		("DV Task", tasks),
		("DV Kheo Model", [row[0] for row in log.get("models", [])]),
		("DV Evaluation", [row[0] for row in log.get("evaluations", [])]),
	):
		if names:
			changed += frappe.db.sql(
				f"select name from `tab{doctype}` where name in %(names)s and modified > %(applied_on)s limit 3",
				{**values, "names": tuple(names)},
				pluck=True,
			)
	if tasks and not changed:
		changed += frappe.db.sql(
			"""select distinct parent from `tabDV Task Progress`
			where parent in %(names)s and creation > %(applied_on)s limit 3""",
			{**values, "names": tuple(tasks)},
			pluck=True,
		)
	created = log.get("created_units", [])
	if created and not changed:
		changed += frappe.db.sql(
			"""select name from `tabDV Task` where (presiding_unit in %(units)s or assigning_unit in %(units)s)
				and name not in %(moved)s
			union all select name from `tabDV Kheo Model` where registering_unit in %(units)s
				and name not in %(models)s
			union all select name from `tabDV Unit` where parent_dv_unit in %(units)s and name not in %(subs)s
			union all select name from `tabUser Permission` where allow = 'DV Unit' and for_value in %(units)s
				and name not in %(grants)s
			limit 3""",
			{
				"units": tuple(created),
				"moved": tuple(tasks) or ("",),
				"models": tuple(row[0] for row in log.get("models", [])) or ("",),
				"subs": tuple(row[0] for row in log.get("sub_units", [])) or ("",),
				"grants": tuple(log.get("permissions", [])) or ("",),
			},
			pluck=True,
		)
	if changed:
		frappe.throw(
			_(
				"Không thể hoàn tác: đã có nội dung mới trên công việc đã chuyển sau khi áp dụng ({0}). Hãy"
				" sắp xếp lại bằng một quyết định mới."
			).format(", ".join(changed)),
			ReorganisationError,
		)


def _restore_column(doctype: str, column: str, pairs: list) -> None:
	"""Set ``column`` back per record, one UPDATE per former value."""
	by_value: dict = {}
	for name, value in pairs:
		by_value.setdefault(value, []).append(name)
	for value, names in by_value.items():
		frappe.db.sql(
			f"update `tab{doctype}` set `{column}` = %(value)s where name in %(names)s",
			{"value": value, "names": tuple(names)},
		)


def restore(log: dict) -> None:
	groups: dict[tuple, list[str]] = {}
	# A log written before ToDos followed the work has no _assign (and no ToDo lists): it is left as it is.
	for name, unit, leader, officer, *assign in log.get("tasks", []):
		groups.setdefault((unit, leader, officer, *assign[:1]), []).append(name)
	for (unit, leader, officer, *assign), names in groups.items():
		frappe.db.sql(
			"""update `tabDV Task` set presiding_unit = %(unit)s, presiding_leader = %(leader)s,
				presiding_officer = %(officer)s where name in %(names)s""",
			{"unit": unit, "leader": leader, "officer": officer, "names": tuple(names)},
		)
		if assign:
			frappe.db.sql(
				"update `tabDV Task` set _assign = %(assign)s where name in %(names)s",
				{"assign": assign[0], "names": tuple(names)},
			)
	if log.get("todos_created"):
		frappe.db.sql("delete from `tabToDo` where name in %(names)s", {"names": tuple(log["todos_created"])})
	if log.get("todos_closed"):
		frappe.db.sql(
			"update `tabToDo` set status = 'Open', modified = %(now)s where name in %(names)s",
			{"now": now_datetime(), "names": tuple(log["todos_closed"])},
		)
	_restore_column("DV Task", "assigning_unit", log.get("assigned", []))
	removed = log.get("coordinating_removed", [])
	if removed:
		columns = list(removed[0])
		frappe.db.bulk_insert(
			"DV Task Coordinating Unit", columns, [tuple(row[c] for c in columns) for row in removed]
		)
	_restore_column("DV Task Coordinating Unit", "unit", log.get("coordinating", []))
	_restore_column("DV Kheo Model", "registering_unit", log.get("models", []))
	for name, unit, title in log.get("evaluations", []):
		frappe.db.sql(
			"update `tabDV Evaluation` set evaluated_unit = %(unit)s, evaluated_unit_name = %(title)s"
			" where name = %(name)s",
			{"unit": unit, "title": title, "name": name},
		)
	if log.get("permissions"):
		frappe.db.sql(
			"delete from `tabUser Permission` where name in %(names)s", {"names": tuple(log["permissions"])}
		)
	if log.get("successor_rows"):
		frappe.db.sql(
			"delete from `tabDV Unit Successor` where name in %(names)s",
			{"names": tuple(log["successor_rows"])},
		)
	for name, valid_to, enabled, note in log.get("closed_units", []):
		frappe.db.sql(
			"update `tabDV Unit` set valid_to = %(valid_to)s, enabled = %(enabled)s, closure_note = %(note)s"
			" where name = %(name)s",
			{"valid_to": valid_to, "enabled": enabled, "note": note, "name": name},
		)
	if log.get("parent_periods"):
		frappe.db.sql(
			"delete from `tabDV Unit Parent Period` where name in %(names)s",
			{"names": tuple(log["parent_periods"])},
		)
	move_units(reversed(log.get("sub_units", [])))
	if log.get("made_groups"):
		frappe.db.sql(
			"update `tabDV Unit` set is_group = 0 where name in %(units)s",
			{"units": tuple(log["made_groups"])},
		)
