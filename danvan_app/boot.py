"""What the desk gets at login: the stored values its scripts compare with, read from the domain core, so
no status or outcome literal is written a second time in JavaScript; and the units the user was granted."""

import frappe

from danvan_app.domain import access, periods
from danvan_app.domain import evaluation as evaluation_rules
from danvan_app.domain import reorganisation as reorganisation_rules
from danvan_app.domain import tasks as task_rules
from danvan_app.email_reports import OVERDUE_TEMPLATE
from danvan_app.reports.task_counts import COUNTS

# The list's colour for each deadline outcome (Frappe indicator colours).
OUTCOME_COLOURS = {
	task_rules.OUTCOME_ON_TIME: "green",
	task_rules.OUTCOME_DONE_LATE: "orange",
	task_rules.OUTCOME_WITHIN_DEADLINE: "blue",
	task_rules.OUTCOME_OVERDUE: "red",
	task_rules.OUTCOME_NO_DEADLINE: "gray",
}

STATUS_COLOURS = {
	task_rules.STATUS_NOT_STARTED: "gray",
	task_rules.STATUS_IN_PROGRESS: "blue",
	task_rules.STATUS_DONE: "green",
	task_rules.STATUS_CANCELLED: "darkgrey",
}


def vocabulary() -> dict:
	return {
		"status": {
			"not_started": task_rules.STATUS_NOT_STARTED,
			"in_progress": task_rules.STATUS_IN_PROGRESS,
			"done": task_rules.STATUS_DONE,
			"cancelled": task_rules.STATUS_CANCELLED,
		},
		"open_statuses": list(task_rules.OPEN_STATUSES),
		"outcome": {
			"on_time": task_rules.OUTCOME_ON_TIME,
			"done_late": task_rules.OUTCOME_DONE_LATE,
			"within_deadline": task_rules.OUTCOME_WITHIN_DEADLINE,
			"overdue": task_rules.OUTCOME_OVERDUE,
			"no_deadline": task_rules.OUTCOME_NO_DEADLINE,
		},
		"outcome_colours": OUTCOME_COLOURS,
		"status_colours": STATUS_COLOURS,
		"deadline_kind": dict(task_rules.DEADLINE_KIND_LABELS),
		"no_recurrence": task_rules.RECURRENCE_LABELS["none"],
		"extension_pending": task_rules.EXTENSION_PENDING,
		"roles": list(access.DV_ROLES),
		"cycle_closed": evaluation_rules.CYCLE_CLOSED,
		"reorganisation_status": {
			"applying": reorganisation_rules.STATUS_APPLYING,
			"applied": reorganisation_rules.STATUS_APPLIED,
		},
		"report_periods": list(periods.REPORT_PERIODS),
		"overdue_email_template": OVERDUE_TEMPLATE,
		# What each count column of a task report counts, as a list filter: the drill-down to the tasks.
		"task_count_filters": {key: list(rule) for key, _label, rule in COUNTS if rule},
	}


def granted_units(user: str) -> list[str]:
	"""The units the user was granted (their User Permissions on DV Unit, not the subtrees they reach):
	"my unit" in the task list's quick filter."""
	Grant = frappe.qb.DocType("User Permission")
	return (
		frappe.qb.from_(Grant)
		.select(Grant.for_value)
		.where((Grant.user == user) & (Grant.allow == "DV Unit"))
		.orderby(Grant.is_default, order=frappe.qb.desc)
		.run(pluck=True)
	)


def boot_session(bootinfo):
	bootinfo.danvan = {**vocabulary(), "my_units": granted_units(frappe.session.user)}
