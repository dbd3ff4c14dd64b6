"""Rules of a "Dân vận khéo" model that hold whatever the Workflow says.

The order of the steps and who may take them belong to the Workflow an administrator edits on the desk
(shipped in ``danvan_app/setup/workflows.json``). What stays here is what must be true of a model in a
given state, whichever path led there: a model is concrete before it is approved, a recognition rests on
a passed evaluation and a decision, the year is plausible, a replication does not replicate itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from danvan_app.domain import evaluation

# The states as shipped. An administrator may add states; the rules below name only these.
REGISTERED = "Đăng ký"
RETURNED = "Trả lại để bổ sung"
REJECTED = "Không duyệt"
APPROVED = "Đã duyệt"
IMPLEMENTING = "Đang triển khai"
EVALUATED = "Đã đánh giá"
RECOGNISED = "Được công nhận"
NOT_RECOGNISED = "Không công nhận"
SHIPPED_STATES = (
	REGISTERED,
	RETURNED,
	REJECTED,
	APPROVED,
	IMPLEMENTING,
	EVALUATED,
	RECOGNISED,
	NOT_RECOGNISED,
)
# States in which the registering unit is still drafting: everything else has passed a review.
DRAFT_STATES = frozenset({REGISTERED, RETURNED})
# States the registering unit cannot put its own model in: the supervising body decides them.
SUPERVISED_STATES = frozenset({RETURNED, REJECTED, APPROVED, EVALUATED, RECOGNISED, NOT_RECOGNISED})
# States reached only after an evaluation of the model was submitted.
AFTER_EVALUATION = frozenset({EVALUATED, RECOGNISED, NOT_RECOGNISED})

COLLECTIVE = "Tập thể"  # a model (mô hình)
INDIVIDUAL = "Cá nhân"  # an exemplary person (điển hình)

# Seed 001 §4: "có địa chỉ cụ thể, người thật, việc thật", with goals, method, scale and resources.
REQUIRED_BEFORE_APPROVAL = (
	"address",
	"people",
	"work",
	"objectives",
	"measurement",
	"method",
	"scale",
	"forces",
	"resources",
	"plan_start",
	"plan_end",
	"expected_output",
	"sustainability",
)

# The movement started in 1999 (Chỉ thị 49-CT/TW era); a model can be registered for next year at most.
FIRST_YEAR = 1999

# Registration window policies (DV Settings).
OUTSIDE_WINDOW_REFUSED = "Từ chối"
OUTSIDE_WINDOW_MANAGER = "Cần cán bộ quản lý"
WINDOW_POLICIES = (OUTSIDE_WINDOW_REFUSED, OUTSIDE_WINDOW_MANAGER)


class KheoRuleError(ValueError):
	"""A model breaks a rule; the controller turns it into a Vietnamese message."""


class YearOutOfRange(KheoRuleError):
	def __init__(self, year: int, lowest: int, highest: int):
		super().__init__(f"{year} not in {lowest}..{highest}")
		self.year, self.lowest, self.highest = year, lowest, highest


class SelfReplication(KheoRuleError):
	pass


class ReplicationCycle(KheoRuleError):
	def __init__(self, chain: list[str]):
		super().__init__(" -> ".join(chain))
		self.chain = chain


class MissingBeforeApproval(KheoRuleError):
	def __init__(self, state: str, fields: list[str]):
		super().__init__(f"{state}: {', '.join(fields)}")
		self.state, self.fields = state, fields


class OutsideRegistrationWindow(KheoRuleError):
	def __init__(self, on: date, start: date, end: date, manager_may: bool):
		super().__init__(f"{on} not in {start}..{end}")
		self.on, self.start, self.end, self.manager_may = on, start, end, manager_may


class EvaluationMissing(KheoRuleError):
	def __init__(self, state: str):
		super().__init__(state)
		self.state = state


class EvaluationNotPassed(KheoRuleError):
	def __init__(self, classification: str):
		super().__init__(classification)
		self.classification = classification


class RecognitionDecisionMissing(KheoRuleError):
	pass


class StateNeedsSupervisor(KheoRuleError):
	def __init__(self, state: str):
		super().__init__(state)
		self.state = state


def check_year(year: int, current_year: int) -> None:
	if not FIRST_YEAR <= year <= current_year + 1:
		raise YearOutOfRange(year, FIRST_YEAR, current_year + 1)


def check_replication(model: str | None, origin: str | None, origin_of: Callable[[str], str | None]) -> None:
	"""Follow the chain of origins from ``origin``: reaching ``model`` again is a cycle (A replicates B
	replicates A). ``origin_of`` reads one model's origin; the chain is short, and a broken chain that loops
	without passing through ``model`` stops too."""
	if not model or not origin:
		return
	if origin == model:
		raise SelfReplication(model)
	chain, seen, current = [model, origin], {origin}, origin_of(origin)
	while current:
		chain.append(current)
		if current == model:
			raise ReplicationCycle(chain)
		if current in seen:
			return
		seen.add(current)
		current = origin_of(current)


def missing_before_approval(state: str, values: Mapping[str, object]) -> list[str]:
	"""The concrete particulars a model must state once it leaves the draft states (a registration turned
	down needs none)."""
	if state in DRAFT_STATES or state == REJECTED:
		return []
	return [field for field in REQUIRED_BEFORE_APPROVAL if not str(values.get(field) or "").strip()]


def check_required_before_approval(state: str, values: Mapping[str, object]) -> None:
	missing = missing_before_approval(state, values)
	if missing:
		raise MissingBeforeApproval(state, missing)


@dataclass(frozen=True)
class RegistrationWindow:
	"""Day and month of the first and last day of registration, each year (default 1/1 to 31/3)."""

	start_day: int = 1
	start_month: int = 1
	end_day: int = 31
	end_month: int = 3

	def of_year(self, year: int) -> tuple[date, date]:
		return self._day(year, self.start_month, self.start_day), self._day(
			year, self.end_month, self.end_day
		)

	@staticmethod
	def _day(year: int, month: int, day: int) -> date:
		if (month, day) == (2, 29) and not (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)):
			return date(year, 2, 28)
		return date(year, month, day)


def check_registration_window(
	on: date, model_year: int, window: RegistrationWindow, policy: str, is_manager: bool
) -> None:
	"""A model of year Y is registered inside Y's window, or in the months before Y (registering next
	year's model ahead is never late). Outside it, the policy refuses, or lets a manager register."""
	start, end = window.of_year(model_year)
	if on <= end:
		return
	if policy == OUTSIDE_WINDOW_MANAGER and is_manager:
		return
	raise OutsideRegistrationWindow(on, start, end, policy == OUTSIDE_WINDOW_MANAGER)


class InvalidWindow(KheoRuleError):
	def __init__(self, start: str, end: str):
		super().__init__(f"{start} .. {end}")
		self.start, self.end = start, end


def registration_window(start: str | None, end: str | None) -> RegistrationWindow:
	"""The window from its settings, written "dd/mm" as officials write them ("1/1", "31/03"); unset
	means the default 1/1 – 31/3. The dates must exist (29/2 does, in a leap year; the window is then cut to
	28/2 in other years) and the start must not be after the end."""
	default = RegistrationWindow()
	start = (start or "").strip() or f"{default.start_day}/{default.start_month}"
	end = (end or "").strip() or f"{default.end_day}/{default.end_month}"
	try:
		(start_day, start_month), (end_day, end_month) = (
			tuple(int(part) for part in text.split("/")) for text in (start, end)
		)
		window = RegistrationWindow(start_day, start_month, end_day, end_month)
		first, last = window.of_year(2024)
	except ValueError:
		raise InvalidWindow(start, end) from None
	if first > last:
		raise InvalidWindow(start, end)
	return window


# Classifications of an evaluation that do not let a model be recognised.
FAILING_CLASSIFICATIONS = evaluation.FAILING


def check_evaluation(state: str, evaluation_classification: str | None) -> None:
	"""An evaluated, recognised or unrecognised model rests on a submitted evaluation; a recognised one on
	an evaluation it passed."""
	if state not in AFTER_EVALUATION:
		return
	if not evaluation_classification:
		raise EvaluationMissing(state)
	if state == RECOGNISED and evaluation_classification in FAILING_CLASSIFICATIONS:
		raise EvaluationNotPassed(evaluation_classification)


class EvaluationInUse(KheoRuleError):
	def __init__(self, state: str):
		super().__init__(state)
		self.state = state


def check_evaluation_may_be_withdrawn(state: str) -> None:
	"""A model evaluated, recognised or not rests on its evaluation: cancelling it would leave the state
	without ground. Before that step, an evaluation may be cancelled and amended."""
	if state in AFTER_EVALUATION:
		raise EvaluationInUse(state)


def check_recognition_decision(state: str, decision_number: str | None, decision_date: date | None) -> None:
	if state == RECOGNISED and not ((decision_number or "").strip() and decision_date):
		raise RecognitionDecisionMissing()


def check_supervisor(before: str | None, after: str, acts_above: bool) -> None:
	"""The registering unit moves its own model (registers, implements); approving, returning, evaluating
	and recognising are the supervising body's, whichever roles the Workflow lets take the step."""
	if after != before and after in SUPERVISED_STATES and not acts_above:
		raise StateNeedsSupervisor(after)


# --- Targets (seed 002: each state agency builds and replicates 1–2 models a year) ---


@dataclass(frozen=True)
class Target:
	unit_kind: str
	min_registered: int
	min_recognised: int
	admin_level: str | None = None  # None: every level
	year: int | None = None  # None: every year


def target_for(
	unit_kind: str | None, admin_level: str | None, year: int, targets: Iterable[Target]
) -> Target | None:
	"""The most specific target that applies to a unit in a year: one set for this year beats one for
	every year, and one for the unit's level beats one for its kind at every level. A unit whose kind has
	no target has none."""
	best, best_rank = None, -1
	for target in targets:
		if target.unit_kind != unit_kind:
			continue
		if target.year not in (None, year) or target.admin_level not in (None, admin_level):
			continue
		rank = 2 * (target.year is not None) + (target.admin_level is not None)
		if rank > best_rank:
			best, best_rank = target, rank
	return best


@dataclass(frozen=True)
class TargetStanding:
	registered: int
	recognised: int
	min_registered: int
	min_recognised: int

	@property
	def registered_short(self) -> int:
		return max(self.min_registered - self.registered, 0)

	@property
	def recognised_short(self) -> int:
		return max(self.min_recognised - self.recognised, 0)

	@property
	def below_target(self) -> bool:
		return bool(self.registered_short or self.recognised_short)


def standing(registered: int, recognised: int, target: Target | None) -> TargetStanding:
	if target is None:
		return TargetStanding(registered, recognised, 0, 0)
	return TargetStanding(registered, recognised, target.min_registered, target.min_recognised)
