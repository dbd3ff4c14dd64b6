"""Yearly evaluation of a unit: score lines against a versioned template, totals and classification."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

EXCELLENT = "Hoàn thành xuất sắc nhiệm vụ"
GOOD = "Hoàn thành tốt nhiệm vụ"
COMPLETED = "Hoàn thành nhiệm vụ"
NOT_COMPLETED = "Không hoàn thành nhiệm vụ"
UNIT_SCALE = (EXCELLENT, GOOD, COMPLETED, NOT_COMPLETED)
# A "Dân vận khéo" model is evaluated on the same machinery, on a pass/fail scale.
PASSED = "Đạt"
FAILED = "Không đạt"
MODEL_SCALE = (PASSED, FAILED)
SCALES = (UNIT_SCALE, MODEL_SCALE)
CLASSIFICATIONS = UNIT_SCALE + MODEL_SCALE
# An evaluation cycle is open until the evaluating body closes it (the quota applied, the classes final).
CYCLE_OPEN = "Đang mở"
CYCLE_CLOSED = "Đã chốt"

# The classifications that fail: a unit that did not complete its tasks, a model that did not pass.
FAILING = frozenset({NOT_COMPLETED, FAILED})


class EvaluationRuleError(ValueError):
	"""An evaluation or template breaks a rule; the controller turns it into a Vietnamese message."""


class ScoreOutOfRange(EvaluationRuleError):
	def __init__(self, criterion: str, score: float, maximum: float):
		super().__init__(f"{criterion}: {score} not in 0..{maximum}")
		self.criterion, self.score, self.maximum = criterion, score, maximum


class InvalidMaximum(EvaluationRuleError):
	def __init__(self, criterion: str, maximum: float):
		super().__init__(f"{criterion}: maximum {maximum} must be > 0")
		self.criterion, self.maximum = criterion, maximum


class InvalidThresholds(EvaluationRuleError):
	def __init__(self, reason: str):
		super().__init__(reason)
		self.reason = reason


@dataclass(frozen=True)
class ScoreLine:
	criterion: str
	maximum: float
	self_score: float | None = None
	reviewed_score: float | None = None
	kind: str = "Tiêu chí"  # a criterion, a bonus (ITEM_BONUS) or a penalty (ITEM_PENALTY)


# Kinds of template items: criteria make the scale's maximum; a bonus adds up to its maximum, a penalty takes
# away up to its maximum; the total stays within 0 and the criteria's maximum.
ITEM_CRITERION = "Tiêu chí"
ITEM_BONUS = "Điểm thưởng"
ITEM_PENALTY = "Điểm trừ"
ITEM_KINDS = (ITEM_CRITERION, ITEM_BONUS, ITEM_PENALTY)


@dataclass(frozen=True)
class Threshold:
	classification: str
	min_score: float


def check_score_line(line: ScoreLine) -> None:
	if line.maximum is None or line.maximum <= 0:
		raise InvalidMaximum(line.criterion, line.maximum)
	for score in (line.self_score, line.reviewed_score):
		if score is not None and not 0 <= score <= line.maximum:
			raise ScoreOutOfRange(line.criterion, score, line.maximum)


def totals(lines: Iterable[ScoreLine]) -> tuple[float, float, float]:
	"""(maximum, self total, reviewed total); an unscored line counts 0. Bonuses add, penalties subtract,
	and a total never leaves 0 … maximum (the maximum is the criteria's, bonuses and penalties aside)."""
	maximum = self_total = reviewed_total = 0.0
	for line in lines:
		check_score_line(line)
		sign = -1 if line.kind == ITEM_PENALTY else 1
		if line.kind not in (ITEM_BONUS, ITEM_PENALTY):
			maximum += line.maximum
		self_total += sign * (line.self_score or 0)
		reviewed_total += sign * (line.reviewed_score or 0)
	return maximum, min(max(self_total, 0.0), maximum), min(max(reviewed_total, 0.0), maximum)


def check_thresholds(thresholds: Sequence[Threshold], maximum: float | None = None) -> None:
	"""Each classification at most once; minimum scores distinct, not negative, not above the maximum."""
	names = [t.classification for t in thresholds]
	if not thresholds:
		raise InvalidThresholds("no thresholds")
	for name in names:
		if name not in CLASSIFICATIONS:
			raise InvalidThresholds(f"unknown classification {name}")
	scale = scale_of(names)
	if len(set(names)) != len(names):
		raise InvalidThresholds("duplicate classification")
	mins = [t.min_score for t in thresholds]
	if any(m < 0 for m in mins) or (maximum is not None and any(m > maximum for m in mins)):
		raise InvalidThresholds("minimum out of range")
	if len(set(mins)) != len(mins):
		raise InvalidThresholds("duplicate minimum")
	# Higher classifications must need higher scores, or the ranking would contradict itself.
	ordered = sorted(thresholds, key=lambda t: scale.index(t.classification))
	if any(a.min_score <= b.min_score for a, b in itertools.pairwise(ordered)):
		raise InvalidThresholds("thresholds out of order")


def scale_of(names: Sequence[str]) -> tuple[str, ...]:
	"""The one scale the classifications belong to: a template grades units or models, not both."""
	for scale in SCALES:
		if set(names) <= set(scale):
			return scale
	raise InvalidThresholds("classifications of two scales")


def classify(total: float, thresholds: Sequence[Threshold]) -> str:
	"""The highest classification whose minimum the total reaches; below every minimum is the lowest of
	the template's scale (NOT_COMPLETED for a unit, FAILED for a model)."""
	for threshold in sorted(thresholds, key=lambda t: t.min_score, reverse=True):
		if total >= threshold.min_score:
			return threshold.classification
	names = [t.classification for t in thresholds]
	return scale_of(names)[-1] if names else NOT_COMPLETED


def rank(totals_by_unit: dict[str, float]) -> dict[str, int]:
	"""Competition ranking (1, 2, 2, 4): equal totals share a rank."""
	ordered = sorted(totals_by_unit.items(), key=lambda item: -item[1])
	ranks: dict[str, int] = {}
	previous_total, previous_rank = None, 0
	for position, (unit, total) in enumerate(ordered, start=1):
		if total != previous_total:
			previous_rank, previous_total = position, total
		ranks[unit] = previous_rank
	return ranks


@dataclass(frozen=True)
class ScoreChange:
	self_changed: bool
	reviewed_changed: bool
	other_changed: bool


def score_changes(before: dict[str, tuple], after: dict[str, tuple]) -> ScoreChange:
	"""Compare score lines keyed by criterion, each ``(self_score, reviewed_score, rest…)``: which kind of
	value the edit touched. A line added or removed counts as "other"."""
	if set(before) != set(after):
		return ScoreChange(False, False, True)
	self_changed = any(before[k][0] != after[k][0] for k in after)
	reviewed_changed = any(before[k][1] != after[k][1] for k in after)
	other_changed = any(before[k][2:] != after[k][2:] for k in after)
	return ScoreChange(self_changed, reviewed_changed, other_changed)


# The states of the shipped Workflow "DV: Đánh giá, xếp loại" that carry a rule.
STATE_REVIEWED = "Đã thẩm định"


class NotReviewed(EvaluationRuleError):
	pass


class StepNotFromAbove(EvaluationRuleError):
	def __init__(self, step: str):
		super().__init__(step)
		self.step = step


def check_review_step(entering_reviewed: bool, reviewed: bool, by_reviewer_or_above: bool) -> None:
	"""The review is the reviewer's (or the evaluating body's), and it has reviewed scores."""
	if not entering_reviewed:
		return
	if not by_reviewer_or_above:
		raise StepNotFromAbove(STATE_REVIEWED)
	if not reviewed:
		raise NotReviewed()


def check_approval(reviewed: bool, acts_above: bool, approval: str) -> None:
	"""A unit's evaluation is approved (submitted) by the body above it, once reviewed: a unit never
	approves its own, whatever path the submission takes."""
	if not acts_above:
		raise StepNotFromAbove(approval)
	if not reviewed:
		raise NotReviewed()
