"""Lifecycle of a "Dân vận khéo" model: registered early in the year, approved, implemented, evaluated,
then recognised or not."""

from __future__ import annotations

REGISTERED = "Đăng ký"
APPROVED = "Đã duyệt"
IMPLEMENTING = "Đang triển khai"
EVALUATED = "Đã đánh giá"
RECOGNISED = "Được công nhận"
NOT_RECOGNISED = "Không được công nhận"
STATUSES = (REGISTERED, APPROVED, IMPLEMENTING, EVALUATED, RECOGNISED, NOT_RECOGNISED)

ALLOWED_TRANSITIONS: dict[str, frozenset[str]] = {
	REGISTERED: frozenset({APPROVED, NOT_RECOGNISED}),  # a registration can be turned down outright
	APPROVED: frozenset({IMPLEMENTING}),
	IMPLEMENTING: frozenset({EVALUATED}),
	EVALUATED: frozenset({RECOGNISED, NOT_RECOGNISED}),
	RECOGNISED: frozenset(),
	NOT_RECOGNISED: frozenset(),
}

# The movement started in 1999 (Chỉ thị 49-CT/TW era); a model can be registered for next year at most.
FIRST_YEAR = 1999


class KheoRuleError(ValueError):
	"""A model breaks a rule; the controller turns it into a Vietnamese message."""


class TransitionNotAllowed(KheoRuleError):
	def __init__(self, current: str, wanted: str):
		super().__init__(f"{current} -> {wanted}")
		self.current, self.wanted = current, wanted


class YearOutOfRange(KheoRuleError):
	def __init__(self, year: int, lowest: int, highest: int):
		super().__init__(f"{year} not in {lowest}..{highest}")
		self.year, self.lowest, self.highest = year, lowest, highest


class SelfReplication(KheoRuleError):
	pass


def check_transition(current: str | None, wanted: str) -> None:
	"""A new model starts as registered; afterwards only the arrows of ALLOWED_TRANSITIONS are allowed."""
	if wanted not in ALLOWED_TRANSITIONS:
		raise TransitionNotAllowed(current or "", wanted)
	if current is None:
		if wanted != REGISTERED:
			raise TransitionNotAllowed("", wanted)
		return
	if current != wanted and wanted not in ALLOWED_TRANSITIONS[current]:
		raise TransitionNotAllowed(current, wanted)


def allowed_next(current: str) -> list[str]:
	return [status for status in STATUSES if status in ALLOWED_TRANSITIONS.get(current, ())]


def check_year(year: int, current_year: int) -> None:
	if not FIRST_YEAR <= year <= current_year + 1:
		raise YearOutOfRange(year, FIRST_YEAR, current_year + 1)


def check_replication(model: str | None, replicated_from: str | None) -> None:
	if model and replicated_from and model == replicated_from:
		raise SelfReplication(model)
