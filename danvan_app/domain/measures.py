"""Criteria fed from the app's own data: which measure a criterion takes is the template's (a measure key on
the criterion), what each measure is worth is here.

A measure gives a share from 0 to 1 of the criterion's maximum, or None where there is nothing to measure
(a unit with no task due in the year is not scored on its tasks: its people score that criterion by hand).
The reviewer may change a fed score, saying why.
"""

from __future__ import annotations

from dataclasses import dataclass

TASKS_ON_TIME = "Tỷ lệ nhiệm vụ hoàn thành đúng hạn"
RECURRING_REPORTS = "Báo cáo định kỳ nộp đúng hạn"
MODELS_AGAINST_TARGET = "Mô hình Dân vận khéo so với chỉ tiêu"
LEADER_NAMED = "Có lãnh đạo phụ trách công tác dân vận"
NO_EXPLANATION_REQUESTS = "Không bị yêu cầu giải trình"
MEASURES = (TASKS_ON_TIME, RECURRING_REPORTS, MODELS_AGAINST_TARGET, LEADER_NAMED, NO_EXPLANATION_REQUESTS)
# Explanation requests that take the whole criterion away.
EXPLANATIONS_FOR_ZERO = 5


class MeasureRuleError(ValueError):
	"""A fed criterion breaks a rule; the controller turns it into a Vietnamese message."""


class UnknownMeasure(MeasureRuleError):
	def __init__(self, key: str):
		super().__init__(key)
		self.key = key


class ReviewWithoutReason(MeasureRuleError):
	def __init__(self, criterion: str, computed: float, reviewed: float):
		super().__init__(f"{criterion}: {computed} -> {reviewed}")
		self.criterion, self.computed, self.reviewed = criterion, computed, reviewed


@dataclass(frozen=True)
class UnitRecord:
	"""A unit's year, counted from its records (one aggregate query each, for every unit at once)."""

	on_time: int = 0
	done_late: int = 0
	overdue: int = 0
	recurring_judged: int = 0  # recurring duties' instances whose deadline has been met or missed
	recurring_on_time: int = 0
	models_registered: int = 0
	models_required: int = 0
	leader_named: bool = False
	explanation_requests: int = 0


def check_measure(key: str | None) -> None:
	if key and key not in MEASURES:
		raise UnknownMeasure(key)


def share(key: str, record: UnitRecord) -> float | None:
	check_measure(key)
	if key == TASKS_ON_TIME:
		judged = record.on_time + record.done_late + record.overdue
		return record.on_time / judged if judged else None
	if key == RECURRING_REPORTS:
		return record.recurring_on_time / record.recurring_judged if record.recurring_judged else None
	if key == MODELS_AGAINST_TARGET:
		if not record.models_required:
			return 1.0 if record.models_registered else None
		return min(1.0, record.models_registered / record.models_required)
	if key == LEADER_NAMED:
		return 1.0 if record.leader_named else 0.0
	# NO_EXPLANATION_REQUESTS
	return max(0.0, 1 - record.explanation_requests / EXPLANATIONS_FOR_ZERO)


def fed_score(key: str, record: UnitRecord, maximum: float) -> float | None:
	"""The criterion's score from the unit's record, to two decimals (None: nothing to measure)."""
	value = share(key, record)
	return None if value is None else round(maximum * value, 2)


def check_review(criterion: str, computed: float | None, reviewed: float | None, reason: str | None) -> None:
	"""A reviewer who scores a fed criterion differently from the data says why."""
	if computed is None or reviewed is None or abs(reviewed - computed) < 0.005:
		return
	if not (reason or "").strip():
		raise ReviewWithoutReason(criterion, computed, reviewed)
