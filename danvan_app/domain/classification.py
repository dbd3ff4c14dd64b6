"""From a unit's total to its class, by the rules in force, kept as data in the evaluation template.

Thresholds give a first class (domain.evaluation.classify). Each class may carry extra conditions (xuất
sắc only when every task of the year was done on time and no criterion scored below half; tốt at most
when no more than 20 % of the tasks were late): a unit that misses one falls to the next class down, whose
conditions are checked in turn. Then, across a ranking group, a quota caps the excellent units (at most 20
% of those ranked tốt or better, Quy định 366-QĐ/TW): the lowest totals above the cap fall to tốt.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from danvan_app.domain import evaluation

# Condition kinds, as the template's rows name them.
ALL_TASKS_ON_TIME = "Mọi nhiệm vụ trong năm hoàn thành đúng hạn"
NO_CRITERION_BELOW_HALF = "Không tiêu chí nào dưới một nửa số điểm"
LATE_SHARE_AT_MOST = "Tỷ lệ nhiệm vụ trễ hạn, quá hạn không quá (%)"
CONDITION_KINDS = (ALL_TASKS_ON_TIME, NO_CRITERION_BELOW_HALF, LATE_SHARE_AT_MOST)

DEFAULT_QUOTA_PERCENT = 20.0
# The rules in force, a new template's starting point.
DEFAULT_THRESHOLDS = (
	evaluation.Threshold(evaluation.EXCELLENT, 90),
	evaluation.Threshold(evaluation.GOOD, 70),
	evaluation.Threshold(evaluation.COMPLETED, 50),
)


class ClassificationRuleError(ValueError):
	"""A template's conditions or quota break a rule; the controller turns it into a Vietnamese message."""


class InvalidCondition(ClassificationRuleError):
	def __init__(self, classification: str, kind: str):
		super().__init__(f"{classification}: {kind}")
		self.classification, self.kind = classification, kind


class InvalidQuota(ClassificationRuleError):
	def __init__(self, percent: float):
		super().__init__(str(percent))
		self.percent = percent


@dataclass(frozen=True)
class Condition:
	classification: str
	kind: str
	value: float | None = None  # the percentage of LATE_SHARE_AT_MOST


DEFAULT_CONDITIONS = (
	Condition(evaluation.EXCELLENT, ALL_TASKS_ON_TIME),
	Condition(evaluation.EXCELLENT, NO_CRITERION_BELOW_HALF),
	Condition(evaluation.GOOD, LATE_SHARE_AT_MOST, 20),
)


@dataclass(frozen=True)
class UnitFacts:
	"""What the conditions look at: the unit's tasks of the year by deadline outcome, and its weakest
	criterion as a share of that criterion's maximum (None when nothing was scored)."""

	on_time: int = 0
	done_late: int = 0
	overdue: int = 0
	within_deadline: int = 0
	weakest_share: float | None = None

	@property
	def judged(self) -> int:
		"""Tasks whose deadline has been met or missed: done, or overdue (not those still within it)."""
		return self.on_time + self.done_late + self.overdue

	@property
	def late_share(self) -> float:
		return 100 * (self.done_late + self.overdue) / self.judged if self.judged else 0.0


@dataclass(frozen=True)
class Result:
	classification: str
	reasons: tuple[str, ...] = field(default=())


def check_conditions(conditions: Sequence[Condition]) -> None:
	for condition in conditions:
		if (
			condition.classification not in evaluation.CLASSIFICATIONS
			or condition.kind not in CONDITION_KINDS
		):
			raise InvalidCondition(condition.classification, condition.kind)
		if condition.kind == LATE_SHARE_AT_MOST and not (
			condition.value is not None and 0 <= condition.value <= 100
		):
			raise InvalidCondition(condition.classification, condition.kind)


def check_quota(percent: float | None) -> None:
	if percent is not None and not 0 <= percent <= 100:
		raise InvalidQuota(percent)


def holds(condition: Condition, facts: UnitFacts) -> bool:
	if condition.kind == ALL_TASKS_ON_TIME:
		return facts.done_late == 0 and facts.overdue == 0
	if condition.kind == NO_CRITERION_BELOW_HALF:
		return facts.weakest_share is None or facts.weakest_share >= 0.5
	if condition.kind == LATE_SHARE_AT_MOST:
		return facts.late_share <= (condition.value or 0)
	raise InvalidCondition(condition.classification, condition.kind)


def classify(
	total: float,
	thresholds: Sequence[evaluation.Threshold],
	conditions: Sequence[Condition],
	facts: UnitFacts,
) -> Result:
	"""The class the total reaches, moved down one class at a time while a condition of it fails."""
	classification = evaluation.classify(total, thresholds)
	scale = (
		evaluation.scale_of([t.classification for t in thresholds]) if thresholds else evaluation.UNIT_SCALE
	)
	reasons: list[str] = []
	while True:
		failed = [c for c in conditions if c.classification == classification and not holds(c, facts)]
		position = scale.index(classification)
		if not failed or position == len(scale) - 1:
			return Result(classification, tuple(reasons))
		reasons += [
			f"{classification}: {c.kind}" + (f" {c.value:g}" if c.value is not None else "") for c in failed
		]
		classification = scale[position + 1]


def reason(condition: Condition) -> str:
	"""Why a unit fell: the class and the condition it missed (with its percentage, where it has one)."""
	value = (
		f" {condition.value:g}"
		if condition.kind == LATE_SHARE_AT_MOST and condition.value is not None
		else ""
	)
	return f"{condition.classification}: {condition.kind}{value}"


@dataclass(frozen=True)
class Ranked:
	unit: str
	total: float
	classification: str


def apply_quota(
	group: Sequence[Ranked], percent: float = DEFAULT_QUOTA_PERCENT
) -> dict[str, tuple[str, bool]]:
	"""Within one ranking group, at most ``percent`` % of the units classed tốt or better stay xuất sắc
	(rounded down: "không quá"). The highest totals keep it; units tied at the cut fall together, so the
	cap is never exceeded. Returns each unit's class and whether the quota moved it down."""
	good_or_better = [r for r in group if r.classification in (evaluation.EXCELLENT, evaluation.GOOD)]
	allowed = math.floor(len(good_or_better) * percent / 100 + 1e-9)
	excellent = sorted((r for r in group if r.classification == evaluation.EXCELLENT), key=lambda r: -r.total)
	keep: set[str] = set()
	if len(excellent) <= allowed:
		keep = {r.unit for r in excellent}
	elif allowed > 0:
		cut_total = excellent[allowed].total  # the first unit over the cap
		keep = {r.unit for r in excellent[:allowed] if r.total > cut_total}
	result = {}
	for ranked in group:
		pushed = ranked.classification == evaluation.EXCELLENT and ranked.unit not in keep
		result[ranked.unit] = (evaluation.GOOD if pushed else ranked.classification, pushed)
	return result


def rank_groups(results: Mapping[str, Ranked], group_of: Mapping[str, str]) -> dict[str, list[Ranked]]:
	"""Units by ranking group (communes among communes, agencies among agencies)."""
	groups: dict[str, list[Ranked]] = {}
	for unit, ranked in results.items():
		groups.setdefault(group_of.get(unit, ""), []).append(ranked)
	return groups
