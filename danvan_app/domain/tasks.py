"""Task deadlines and the deadline outcome, which is kept apart from the task's status.

Status says where the work is (Chưa bắt đầu … Hoàn thành); the outcome says how it stands against its
deadline (Đúng hạn, Hoàn thành trễ hạn, Trong hạn, Quá hạn). ERPNext folds the two into one field and
users lose the "done, but late" fact; here they are separate columns computed by :func:`deadline_outcome`.
"""

from __future__ import annotations

from datetime import date, timedelta

from danvan_app.domain.periods import month_end, quarter_end

# Status values, stored as written (users read Vietnamese).
STATUS_NOT_STARTED = "Chưa bắt đầu"
STATUS_IN_PROGRESS = "Đang thực hiện"
STATUS_DONE = "Hoàn thành"
STATUS_CANCELLED = "Đã hủy"
# Work still to be done: what a reorganisation moves, what the daily job reminds about.
OPEN_STATUSES = (STATUS_NOT_STARTED, STATUS_IN_PROGRESS)
STATUSES = (STATUS_NOT_STARTED, STATUS_IN_PROGRESS, STATUS_DONE, STATUS_CANCELLED)

# Deadline outcome values.
OUTCOME_ON_TIME = "Đúng hạn"
OUTCOME_DONE_LATE = "Hoàn thành trễ hạn"
OUTCOME_WITHIN_DEADLINE = "Đang thực hiện trong hạn"
OUTCOME_OVERDUE = "Quá hạn"
OUTCOME_NO_DEADLINE = "Không có hạn"
OUTCOMES = (OUTCOME_ON_TIME, OUTCOME_DONE_LATE, OUTCOME_WITHIN_DEADLINE, OUTCOME_OVERDUE, OUTCOME_NO_DEADLINE)

# Deadline kinds: the key the directive parser emits → the label stored on DV Task.
DEADLINE_KIND_LABELS = {
	"date": "Ngày cụ thể",
	"before": "Trước ngày",
	"within_month": "Trong tháng",
	"quarter": "Trong quý",
	"from_year": "Từ năm",
	"recurring": "Định kỳ",
	"none": "Không thời hạn",
}
DEADLINE_KIND_KEYS = {label: key for key, label in DEADLINE_KIND_LABELS.items()}

RECURRENCE_LABELS = {
	"none": "Không lặp lại",
	"weekly": "Hằng tuần",
	"monthly": "Hằng tháng",
	"quarterly": "Hằng quý",
	"half_yearly": "6 tháng một lần",
	"yearly": "Hằng năm",
}
RECURRENCE_KEYS = {label: key for key, label in RECURRENCE_LABELS.items()}


class TaskRuleError(ValueError):
	"""A task breaks a rule; the controller turns it into a Vietnamese message."""


class DueBeforeStart(TaskRuleError):
	def __init__(self, start: date, due: date):
		super().__init__(f"due {due} before start {start}")
		self.start, self.due = start, due


class DeadlineIncomplete(TaskRuleError):
	"""The kind needs a value (a month, a quarter, a year, a date) that is missing."""

	def __init__(self, kind: str, missing: str):
		super().__init__(f"deadline kind {kind} needs {missing}")
		self.kind, self.missing = kind, missing


def plausible_year(year: int) -> bool:
	"""A year a directive's deadline may name (the app's documents span these)."""
	return 1930 <= year <= 2100


def check_dates(start: date | None, due: date | None) -> None:
	if start and due and due < start:
		raise DueBeforeStart(start, due)


def due_date_for(
	kind: str,
	*,
	exact: date | None = None,
	year: int | None = None,
	month: int | None = None,
	quarter: int | None = None,
) -> date | None:
	"""The due date a deadline kind implies.

	``date``/``before`` keep the written date; ``within_month`` is the month's last day; ``quarter`` the
	quarter's last day; ``from_year``, ``recurring`` and ``none`` have no single hard deadline.
	"""
	if kind in ("date", "before"):
		if exact is None:
			raise DeadlineIncomplete(kind, "date")
		return exact
	if kind == "within_month":
		if not (year and month):
			raise DeadlineIncomplete(kind, "month")
		return month_end(year, month)
	if kind == "quarter":
		if not (year and quarter):
			raise DeadlineIncomplete(kind, "quarter")
		return quarter_end(year, quarter)
	if kind in ("from_year", "recurring", "none"):
		return None
	raise ValueError(f"unknown deadline kind: {kind}")


def deadline_outcome(*, status: str, due: date | None, completed_on: date | None, today: date) -> str | None:
	"""How a task stands against its (current) due date. Cancelled tasks have no outcome (None)."""
	if status == STATUS_CANCELLED:
		return None
	if due is None:
		return OUTCOME_NO_DEADLINE
	if status == STATUS_DONE:
		# A task marked done without a date counts as done today: the fact is known no earlier.
		finished = completed_on or today
		return OUTCOME_ON_TIME if finished <= due else OUTCOME_DONE_LATE
	return OUTCOME_WITHIN_DEADLINE if today <= due else OUTCOME_OVERDUE


def days_late(*, status: str, due: date | None, completed_on: date | None, today: date) -> int:
	"""Calendar days past the due date: counted up to today while an overdue task is open, frozen at the
	completion date once it is done late; 0 for every other task (an official reads "trễ 9 ngày")."""
	outcome = deadline_outcome(status=status, due=due, completed_on=completed_on, today=today)
	if outcome == OUTCOME_OVERDUE:
		return (today - due).days
	if outcome == OUTCOME_DONE_LATE:
		return ((completed_on or today) - due).days
	return 0


def deadline_standing(*, status: str, due: date | None, completed_on: date | None, today: date) -> dict:
	"""The fields a task derives from its dates, by name: what the controller sets on every save and what
	the recurring job writes on the instances it inserts (one rule, two writers)."""
	args = dict(status=status, due=due, completed_on=completed_on, today=today)
	return {"deadline_outcome": deadline_outcome(**args), "days_late": days_late(**args)}


def original_due_date(recorded_original: date | None, current_due: date | None) -> date | None:
	"""The first due date ever set: an extension (gia hạn) moves ``due`` but never the original."""
	return recorded_original or current_due


def was_extended(original: date | None, current_due: date | None) -> bool:
	return bool(original and current_due and current_due > original)


def completion_date(status: str, completed_on: date | None, today: date) -> date | None:
	"""Done tasks carry a completion date (today if none was given); others carry none."""
	if status == STATUS_DONE:
		return completed_on or today
	return None


def status_from_progress(status: str, progress: float | None) -> str:
	"""A task that has progress but was never started is in progress; 100 % does not close it by itself:
	only the presiding unit marks a task done."""
	if status == STATUS_NOT_STARTED and progress:
		return STATUS_IN_PROGRESS
	return status


def progress_after_reports(
	current: float, presiding_unit: str | None, new_reports: list[tuple[str, float]], rolls_up: bool
) -> float:
	"""The task's progress after new unit reports (given in the order sent).

	The presiding unit answers for the task, so its latest report is the task's progress; coordinating
	units' reports are their own parts, shown beside it, and never overwrite it. A task that rolls up its
	sub-tasks takes its progress from them instead, whatever is reported on it."""
	if rolls_up:
		return current
	own = [progress for unit, progress in new_reports if unit and unit == presiding_unit]
	return own[-1] if own else current


def derived_from_progress(
	*, status: str, progress: float, completed_on: date | None, due: date | None, today: date
) -> dict:
	"""Every field a task derives once its progress is known, by the rules its save applies: the status a
	first progress starts, the completion date, 100 % for a done task, the deadline standing. What a
	progress report or a roll-up writes on a task without saving the whole document."""
	status = status_from_progress(status, progress)
	completed_on = completion_date(status, completed_on, today)
	return {
		"progress": 100 if status == STATUS_DONE else progress,
		"status": status,
		"completed_on": completed_on,
		**deadline_standing(status=status, due=due, completed_on=completed_on, today=today),
	}


def changed_fields(before: dict, after: dict) -> dict:
	"""The fields of ``after`` whose value differs from ``before`` (numbers compared as numbers, empty as
	empty), so an UPDATE and its Version carry only real changes."""

	def same(a, b) -> bool:
		if isinstance(a, int | float) or isinstance(b, int | float):
			return float(a or 0) == float(b or 0)
		return (a or None) == (b or None)

	return {field: value for field, value in after.items() if not same(before.get(field), value)}


# Cascading ("giao tiếp cho cấp dưới") and roll-up.

ROLLUP_AVERAGE = "Trung bình"
ROLLUP_WEIGHTED = "Theo trọng số"


class ChildDeadlineAfterParent(TaskRuleError):
	def __init__(self, parent_due: date, child_due: date | None):
		super().__init__(f"child due {child_due} after parent due {parent_due}")
		self.parent_due, self.child_due = parent_due, child_due


def check_child_deadline(parent_due: date | None, child_due: date | None) -> None:
	"""A sub-task is due no later than its parent; under a parent with a deadline it must have one too."""
	if parent_due and (child_due is None or child_due > parent_due):
		raise ChildDeadlineAfterParent(parent_due, child_due)


def rollup_progress(children: list[tuple[float, float]], method: str) -> float | None:
	"""Parent progress from (progress, weight) of its open sub-tasks: plain or weighted average.
	None when there is nothing to roll up (no children, or all weights zero)."""
	if not children:
		return None
	if method == ROLLUP_WEIGHTED:
		total_weight = sum(max(weight, 0) for _, weight in children)
		if total_weight <= 0:
			return None
		return round(sum(progress * max(weight, 0) for progress, weight in children) / total_weight, 2)
	return round(sum(progress for progress, _ in children) / len(children), 2)


def assigning_unit(parent_presiding_unit: str | None, directive_issuing_unit: str | None) -> str | None:
	"""Who assigned the task: the parent task's presiding unit when cascaded, else the directive's issuer."""
	return parent_presiding_unit or directive_issuing_unit


# Extensions (gia hạn): requested by the presiding unit, decided by the assigning unit.

EXTENSION_PENDING = "Chờ duyệt"
EXTENSION_APPROVED = "Đồng ý"
EXTENSION_REFUSED = "Không đồng ý"


class ExtensionNotLater(TaskRuleError):
	def __init__(self, current_due: date, requested_due: date):
		super().__init__(f"requested {requested_due} not after {current_due}")
		self.current_due, self.requested_due = current_due, requested_due


class DecisionFinal(TaskRuleError):
	def __init__(self, decision: str):
		super().__init__(f"decision {decision} is final")
		self.decision = decision


def check_extension_request(current_due: date | None, requested_due: date) -> None:
	if current_due and requested_due <= current_due:
		raise ExtensionNotLater(current_due, requested_due)


def check_decision_change(before: str | None, after: str) -> None:
	"""A decision is taken once: pending → approved or refused, never back."""
	if before in (EXTENSION_APPROVED, EXTENSION_REFUSED) and after != before:
		raise DecisionFinal(before)


def due_after_extensions(current_due: date | None, approved_requests: list[date]) -> date | None:
	"""The due date once approved extensions apply: the latest approved date, never earlier than now."""
	candidates = [d for d in [current_due, *approved_requests] if d]
	return max(candidates) if candidates else None


# Working-day mode: a deadline that falls on a day off moves to the next working day, as legal deadlines do.
# Which days are off is data the administrator keeps (a Holiday List with weekly offs and Tết), not code.


def next_working_day(day: date, days_off: set[date], max_shift: int = 60) -> date:
	"""``day`` itself if it is a working day, else the first working day after it."""
	shifted = day
	for _ in range(max_shift):
		if shifted not in days_off:
			return shifted
		shifted += timedelta(days=1)
	raise ValueError(f"no working day within {max_shift} days after {day}")
