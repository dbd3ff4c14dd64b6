"""Scheduled jobs. Each is set-based: a fixed handful of SQL statements whatever the number of tasks."""

import hashlib

import frappe
from frappe import _
from frappe.utils import add_days, getdate
from pypika.terms import CustomFunction

from danvan_app.domain import tasks as task_rules
from danvan_app.dv_directives.doctype.dv_settings.dv_settings import get_settings
from danvan_app.recurring_instances import generate_recurring_instances
from danvan_app.reorganisation import apply_due as apply_due_reorganisations

OPEN_STATUSES = task_rules.OPEN_STATUSES


DateDiff = CustomFunction("DATEDIFF", ["later", "earlier"])


def refresh_deadline_outcomes(today=None) -> None:
	"""Recompute every task's deadline outcome and days late in nine UPDATEs, the set-based form of
	``task_rules.deadline_standing``; the status column is never touched. (A done task always carries its
	completion date: the controller sets it, so the rule's "done without a date counts as done today" has
	no rows here.)"""
	today = getdate(today)
	Task = frappe.qb.DocType("DV Task")
	is_open = Task.status.isin(OPEN_STATUSES)
	done = Task.status == task_rules.STATUS_DONE
	rules = [
		(task_rules.OUTCOME_OVERDUE, is_open & (Task.due_date < today)),
		(task_rules.OUTCOME_WITHIN_DEADLINE, is_open & (Task.due_date >= today)),
		(task_rules.OUTCOME_ON_TIME, done & (Task.completed_on <= Task.due_date)),
		(task_rules.OUTCOME_DONE_LATE, done & (Task.completed_on > Task.due_date)),
		(
			task_rules.OUTCOME_NO_DEADLINE,
			(Task.status != task_rules.STATUS_CANCELLED) & Task.due_date.isnull(),
		),
	]
	for outcome, applies in rules:
		changed = (Task.deadline_outcome != outcome) | Task.deadline_outcome.isnull()
		frappe.qb.update(Task).set(Task.deadline_outcome, outcome).where(applies & changed).run()
	frappe.qb.update(Task).set(Task.deadline_outcome, None).where(
		(Task.status == task_rules.STATUS_CANCELLED) & Task.deadline_outcome.isnotnull()
	).run()
	days_late = {
		task_rules.OUTCOME_OVERDUE: DateDiff(today, Task.due_date),
		task_rules.OUTCOME_DONE_LATE: DateDiff(Task.completed_on, Task.due_date),
	}
	for outcome, late in days_late.items():
		frappe.qb.update(Task).set(Task.days_late, late).where(
			(Task.deadline_outcome == outcome) & ((Task.days_late != late) | Task.days_late.isnull())
		).run()
	frappe.qb.update(Task).set(Task.days_late, 0).where(
		(Task.deadline_outcome.isnull() | Task.deadline_outcome.notin(list(days_late)))
		& (Task.days_late != 0)
	).run()


def overdue_tasks_with_managers(days_overdue: int = 0, escalate: bool = False, today=None) -> list:
	"""Open overdue tasks with the leader who must hear of them, in one query: for the digest, every task
	overdue and the presiding unit's leader; when escalating, the tasks that reach ``days_overdue`` days late
	today and the parent unit's leader (each task escalates once, not every day after)."""
	today = getdate(today)
	Task, Unit, Parent = (
		frappe.qb.DocType("DV Task"),
		frappe.qb.DocType("DV Unit"),
		frappe.qb.DocType("DV Unit"),
	)
	Parent = Parent.as_("parent_unit")
	manager = Parent.dan_van_leader if escalate else Unit.dan_van_leader
	query = (
		frappe.qb.from_(Task)
		.join(Unit)
		.on(Unit.name == Task.presiding_unit)
		.select(Task.name, Task.title, Task.due_date, Unit.unit_name, manager.as_("manager"))
		.where(
			Task.status.isin(OPEN_STATUSES)
			& (
				(Task.due_date == add_days(today, -days_overdue))
				if escalate
				else (Task.due_date < add_days(today, -days_overdue))
			)
		)
		.orderby(Task.due_date)
	)
	if escalate:
		query = query.join(Parent).on(Parent.name == Unit.parent_dv_unit)
	return [row for row in query.run(as_dict=True) if row.manager]


# Which day each mailing job last ran, in Frappe's key-value table under a parent only these jobs use.
JOBS_PARENT = "__danvan_jobs"


def lock_name(job: str) -> str:
	"""The job's named lock on this site's database server (MariaDB allows 64 characters)."""
	return "danvan_job_" + hashlib.sha1(f"{frappe.local.site}::{job}".encode()).hexdigest()[:40]


def first_run(job: str, period: str) -> bool:
	"""Whether this is ``job``'s first run for ``period`` (a day, a week), marking it run. Several RQ workers,
	or the scheduler and a hand-started run, may run the same job at once or one after the other: a MariaDB
	named lock (held by this connection until it closes, so past the job's commit) lets one run at a time
	look at the mark, and a run that finds the lock taken or the period marked mails no one."""
	if not frappe.db.sql("select get_lock(%s, 0)", lock_name(job))[0][0]:
		return False
	done = frappe.db.get_value("DefaultValue", {"parent": JOBS_PARENT, "defkey": job}, "defvalue")
	if done == period:
		return False
	frappe.db.delete("DefaultValue", {"parent": JOBS_PARENT, "defkey": job})
	frappe.get_doc(
		{
			"doctype": "DefaultValue",
			"parent": JOBS_PARENT,
			"parenttype": JOBS_PARENT,
			"parentfield": "last_run",
			"defkey": job,
			"defvalue": period,
		}
	).db_insert()
	return True


def send_overdue_digest(today=None) -> int:
	"""Weekly: each presiding unit's leader gets one email listing its overdue tasks (once a week, however
	many times the job runs)."""
	year, week, _weekday = getdate(today).isocalendar()
	if not first_run("send_overdue_digest", f"{year}-W{week:02d}"):
		return 0
	return _mail_by_manager(overdue_tasks_with_managers(today=today), _("Nhiệm vụ quá hạn của đơn vị"))


def escalate_overdue(today=None) -> int:
	"""Daily: a task that reaches the configured number of days overdue is reported to the parent unit's
	leader (once a day, however many times the job runs)."""
	if not first_run("escalate_overdue", str(getdate(today))):
		return 0
	rows = overdue_tasks_with_managers(get_settings().escalation_days, escalate=True, today=today)
	return _mail_by_manager(rows, _("Nhiệm vụ quá hạn kéo dài ở đơn vị cấp dưới"))


def _mail_by_manager(rows: list, subject: str) -> int:
	by_manager: dict[str, list] = {}
	for row in rows:
		by_manager.setdefault(row.manager, []).append(row)
	for manager, tasks in by_manager.items():
		frappe.sendmail(
			recipients=[manager],
			subject=f"{subject} ({len(tasks)})",
			template="dv_overdue_digest",
			args={"tasks": tasks, "title": subject},
			reference_doctype="DV Task",
			reference_name=tasks[0].name,
		)
	return len(by_manager)


def daily() -> None:
	"""The daily sequence: reorganisations due today first (their units' work is then where it belongs),
	new periods, so their outcomes are fresh too, then escalation."""
	apply_due_reorganisations()
	generate_recurring_instances()
	refresh_deadline_outcomes()
	escalate_overdue()
