"""A reorganisation of the unit tree (merge, split, rename, abolish, move under a new parent) as a plan.

From the kind, the old units, the new or surviving units, a split's rule and the effective date, and the
tree as it stands (each unit's parent and validity), :func:`plan` says which old unit's open work goes to
which new unit, which units close (on the day before the effective date), which successors each closed unit
records and which child units move under a new parent. It refuses, with the values a message needs,
whatever would break the tree or lose work: a unit merged into itself or its own descendant, a unit listed
twice or in another reorganisation pending on the same day, a merge without a target, a split whose rule
leaves a sub-unit without a new unit, a unit already closed (a chain A → B, then B + C → D, is fine; A + C →
D after A closed is not).

Units are named by strings: an existing unit's name, or any placeholder the caller gives a unit still to
be created (with its parent in ``new_parents``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

MERGE, SPLIT, RENAME, ABOLISH, MOVE = "merge", "split", "rename", "abolish", "move"
KINDS = (MERGE, SPLIT, RENAME, ABOLISH, MOVE)
KIND_LABELS = {
	MERGE: "Sáp nhập",
	SPLIT: "Chia tách",
	RENAME: "Đổi tên",
	ABOLISH: "Giải thể",
	MOVE: "Chuyển đơn vị cấp trên",
}
KIND_KEYS = {label: key for key, label in KIND_LABELS.items()}

# A split: every direct sub-unit of the old unit is given a new unit in the table ("by sub-units"), or the
# table names only some units of the old unit's subtree and the rest follow the first new unit ("table").
BY_SUBUNIT, BY_TABLE = "by_subunit", "table"
SPLIT_RULE_LABELS = {BY_SUBUNIT: "Theo đơn vị trực thuộc", BY_TABLE: "Theo bảng phân công"}
SPLIT_RULE_KEYS = {label: key for key, label in SPLIT_RULE_LABELS.items()}

# The states of a DV Reorganisation.
STATUS_DRAFT = "Nháp"
STATUS_PREVIEWED = "Đã xem trước"
STATUS_PENDING = "Chờ hiệu lực"
# A large one submitted on or after its day, while the background job applies it.
STATUS_APPLYING = "Đang áp dụng"
STATUS_APPLIED = "Đã áp dụng"
STATUS_UNDONE = "Đã hoàn tác"
STATUSES = (STATUS_DRAFT, STATUS_PREVIEWED, STATUS_PENDING, STATUS_APPLYING, STATUS_APPLIED, STATUS_UNDONE)


class ReorganisationError(ValueError):
	"""A reorganisation that would break the tree or lose work; the controller words it in Vietnamese."""


class UnknownKind(ReorganisationError):
	def __init__(self, kind: str):
		super().__init__(f"unknown kind {kind!r}")
		self.kind = kind


class NoOldUnits(ReorganisationError):
	def __init__(self):
		super().__init__("no old unit")


class ListedTwice(ReorganisationError):
	def __init__(self, unit: str):
		super().__init__(f"{unit} is listed twice")
		self.unit = unit


class MissingTarget(ReorganisationError):
	def __init__(self, kind: str):
		super().__init__(f"a {kind} needs a new or surviving unit")
		self.kind = kind


class WrongNumberOfUnits(ReorganisationError):
	"""``side`` is "old" or "new"; ``expected`` a short phrase such as "1" or "≥ 2"."""

	def __init__(self, kind: str, side: str, count: int, expected: str):
		super().__init__(f"a {kind} takes {expected} {side} unit(s), not {count}")
		self.kind, self.side, self.count, self.expected = kind, side, count, expected


class IntoOwnDescendant(ReorganisationError):
	"""A unit merged into (or moved under) itself or a unit below it: the tree would loop."""

	def __init__(self, unit: str, target: str):
		super().__init__(f"{unit} cannot go into {target}, which is itself or below it")
		self.unit, self.target = unit, target


class UnderClosingUnit(ReorganisationError):
	"""A new unit or a moved sub-unit would sit under a unit this reorganisation closes."""

	def __init__(self, unit: str, parent: str):
		super().__init__(f"{unit} cannot sit under {parent}, which closes")
		self.unit, self.parent = unit, parent


class SplitRuleIncomplete(ReorganisationError):
	def __init__(self, unit: str, missing: Sequence[str]):
		super().__init__(f"sub-units of {unit} without a new unit: {', '.join(missing)}")
		self.unit, self.missing = unit, tuple(missing)


class SplitRowOutside(ReorganisationError):
	"""A split row names a unit that is not below the old unit, or a new unit not in the list."""

	def __init__(self, unit: str, target: str):
		super().__init__(f"split row {unit} → {target} is outside the split")
		self.unit, self.target = unit, target


class AlreadyClosed(ReorganisationError):
	def __init__(self, unit: str, closed_on: date):
		super().__init__(f"{unit} closed on {closed_on}")
		self.unit, self.closed_on = unit, closed_on


class NotYetOpen(ReorganisationError):
	def __init__(self, unit: str, opens_on: date):
		super().__init__(f"{unit} opens on {opens_on}")
		self.unit, self.opens_on = unit, opens_on


class PendingOverlap(ReorganisationError):
	def __init__(self, unit: str, other: str, effective: date):
		super().__init__(f"{unit} is also in {other} on {effective}")
		self.unit, self.other, self.effective = unit, other, effective


@dataclass(frozen=True)
class Reorganisation:
	kind: str
	old_units: tuple[str, ...]
	new_units: tuple[str, ...]
	effective: date
	split_rule: str = BY_SUBUNIT
	split_rows: tuple[tuple[str, str], ...] = ()  # (unit below the old unit, new unit)
	new_parents: Mapping[str, str | None] = field(default_factory=dict)  # units still to be created
	name: str = ""


@dataclass(frozen=True)
class Tree:
	"""The tree as it stands: each unit's parent, and the days it opened and closed (if it did)."""

	parent_of: Mapping[str, str | None]
	valid_from: Mapping[str, date | None] = field(default_factory=dict)
	valid_to: Mapping[str, date | None] = field(default_factory=dict)

	def ancestors(self, unit: str) -> list[str]:
		chain, seen = [], {unit}
		parent = self.parent_of.get(unit)
		while parent and parent not in seen:
			chain.append(parent)
			seen.add(parent)
			parent = self.parent_of.get(parent)
		return chain

	def children(self, unit: str) -> list[str]:
		return sorted(child for child, parent in self.parent_of.items() if parent == unit)

	def is_within(self, unit: str, top: str) -> bool:
		return unit == top or top in self.ancestors(unit)


@dataclass(frozen=True)
class Plan:
	kind: str
	effective: date
	closed_on: date  # the last day of the closed units: the day before the effective date
	transfers: tuple[tuple[str, str], ...]  # (old unit, new unit): the old unit's own open work moves
	closes: tuple[str, ...]
	successors: Mapping[str, tuple[str, ...]]
	reparent: tuple[tuple[str, str], ...]  # (unit, its new parent)

	def moved_to(self, old: str) -> str | None:
		return next((new for o, new in self.transfers if o == old), None)


def plan(reorg: Reorganisation, tree: Tree, pending: Iterable[Reorganisation] = ()) -> Plan:
	"""The plan of one reorganisation on ``tree``, or the first refusal. ``pending`` are the other
	reorganisations not yet applied (an old unit may be in only one of them on a given day)."""
	if reorg.kind not in KINDS:
		raise UnknownKind(reorg.kind)
	check_lists(reorg)
	the_tree = with_new_units(tree, reorg)
	check_open_on(reorg, tree)
	check_pending(reorg, pending)
	return {
		MERGE: _absorb,
		RENAME: _absorb,
		ABOLISH: _absorb,
		SPLIT: _split,
		MOVE: _move,
	}[reorg.kind](reorg, the_tree)


def check_lists(reorg: Reorganisation) -> None:
	if not reorg.old_units:
		raise NoOldUnits()
	for units in (reorg.old_units, reorg.new_units):
		seen: set[str] = set()
		for unit in units:
			if unit in seen:
				raise ListedTwice(unit)
			seen.add(unit)
	if not reorg.new_units:
		raise MissingTarget(reorg.kind)
	one_old = reorg.kind in (RENAME, SPLIT)
	if one_old and len(reorg.old_units) != 1:
		raise WrongNumberOfUnits(reorg.kind, "old", len(reorg.old_units), "1")
	if reorg.kind == SPLIT and len(reorg.new_units) < 2:
		raise WrongNumberOfUnits(reorg.kind, "new", len(reorg.new_units), "≥ 2")
	if reorg.kind != SPLIT and len(reorg.new_units) != 1:
		raise WrongNumberOfUnits(reorg.kind, "new", len(reorg.new_units), "1")
	if reorg.kind in (RENAME, SPLIT, MOVE) and set(reorg.old_units) & set(reorg.new_units):
		unit = next(u for u in reorg.old_units if u in reorg.new_units)
		raise IntoOwnDescendant(unit, unit)


def with_new_units(tree: Tree, reorg: Reorganisation) -> Tree:
	"""The tree with the units still to be created placed under their parents."""
	if not reorg.new_parents:
		return tree
	return Tree(
		parent_of={**tree.parent_of, **reorg.new_parents}, valid_from=tree.valid_from, valid_to=tree.valid_to
	)


def check_open_on(reorg: Reorganisation, tree: Tree) -> None:
	"""Every old unit exists on the day before the effective date and on it (it closes, or moves, then)."""
	for unit in reorg.old_units:
		closed_on = tree.valid_to.get(unit)
		if closed_on and closed_on < reorg.effective:
			raise AlreadyClosed(unit, closed_on)
		opens_on = tree.valid_from.get(unit)
		if opens_on and opens_on >= reorg.effective:
			raise NotYetOpen(unit, opens_on)


def check_pending(reorg: Reorganisation, pending: Iterable[Reorganisation]) -> None:
	"""Two reorganisations of the same day never take the same old unit (whichever ran second would find
	its work gone). On different days they chain: the later one sees the earlier one's result."""
	mine = set(reorg.old_units)
	for other in pending:
		if other.name and other.name == reorg.name:
			continue
		if other.effective == reorg.effective:
			shared = sorted(mine & set(other.old_units))
			if shared:
				raise PendingOverlap(shared[0], other.name, other.effective)


def _check_not_into_own_subtree(units: Iterable[str], target: str, tree: Tree) -> None:
	for unit in units:
		if unit != target and tree.is_within(target, unit):
			raise IntoOwnDescendant(unit, target)


def _closed_on(reorg: Reorganisation) -> date:
	return reorg.effective - timedelta(days=1)


def _check_new_parents(reorg: Reorganisation, closing: set[str]) -> None:
	for unit, parent in reorg.new_parents.items():
		if parent and parent in closing:
			raise UnderClosingUnit(unit, parent)


def _absorb(reorg: Reorganisation, tree: Tree) -> Plan:
	"""Merge, rename and abolish: every old unit but a surviving target closes and hands its work, its
	sub-units and its successor link to the one target."""
	target = reorg.new_units[0]
	closing = [unit for unit in reorg.old_units if unit != target]
	if not closing:
		raise IntoOwnDescendant(target, target)
	_check_new_parents(reorg, set(closing))
	_check_not_into_own_subtree(reorg.old_units, target, tree)
	target_parent = tree.parent_of.get(target)
	if target_parent in closing:
		raise UnderClosingUnit(target, target_parent)
	reparent = [
		(child, target)
		for unit in closing
		for child in tree.children(unit)
		if child != target and child not in closing
	]
	return Plan(
		kind=reorg.kind,
		effective=reorg.effective,
		closed_on=_closed_on(reorg),
		transfers=tuple((unit, target) for unit in closing),
		closes=tuple(closing),
		successors={unit: (target,) for unit in closing},
		reparent=tuple(reparent),
	)


def _split(reorg: Reorganisation, tree: Tree) -> Plan:
	"""One old unit into several: each sub-unit goes where the rule says, the old unit's own open work to
	the first new unit (its principal successor), and the old unit lists every new unit as a successor."""
	old = reorg.old_units[0]
	principal = reorg.new_units[0]
	for target in reorg.new_units:
		_check_not_into_own_subtree([old], target, tree)
	_check_new_parents(reorg, {old})
	for target in reorg.new_units:
		if tree.parent_of.get(target) == old:
			raise UnderClosingUnit(target, old)
	rows: dict[str, str] = {}
	for unit, target in reorg.split_rows:
		if unit in rows:
			raise ListedTwice(unit)
		if target not in reorg.new_units or unit == old or not tree.is_within(unit, old):
			raise SplitRowOutside(unit, target)
		if reorg.split_rule == BY_SUBUNIT and tree.parent_of.get(unit) != old:
			raise SplitRowOutside(unit, target)
		rows[unit] = target
	children = tree.children(old)
	if reorg.split_rule == BY_SUBUNIT:
		missing = [child for child in children if child not in rows]
		if missing:
			raise SplitRuleIncomplete(old, missing)
	reparent = [(child, rows.get(child, principal)) for child in children]
	# A unit deeper in the subtree named in the table leaves its parent for the new unit.
	reparent += [(unit, target) for unit, target in rows.items() if unit not in children]
	return Plan(
		kind=reorg.kind,
		effective=reorg.effective,
		closed_on=_closed_on(reorg),
		transfers=((old, principal),),
		closes=(old,),
		successors={old: tuple(reorg.new_units)},
		reparent=tuple(reparent),
	)


def _move(reorg: Reorganisation, tree: Tree) -> Plan:
	"""The old units move, with their subtrees and work, under the new parent; nothing closes."""
	parent = reorg.new_units[0]
	_check_not_into_own_subtree(reorg.old_units, parent, tree)
	return Plan(
		kind=reorg.kind,
		effective=reorg.effective,
		closed_on=_closed_on(reorg),
		transfers=(),
		closes=(),
		successors={},
		reparent=tuple((unit, parent) for unit in reorg.old_units),
	)


def apply_to_tree(tree: Tree, the_plan: Plan, new_parents: Mapping[str, str | None] | None = None) -> Tree:
	"""The tree after a plan: closed units end on ``closed_on``, new units open on the effective date,
	moved units sit under their new parents. Chains are planned on the tree each step leaves."""
	parent_of = {**tree.parent_of, **(new_parents or {}), **dict(the_plan.reparent)}
	valid_to = {**tree.valid_to, **{unit: the_plan.closed_on for unit in the_plan.closes}}
	valid_from = {**tree.valid_from, **{unit: the_plan.effective for unit in (new_parents or {})}}
	return Tree(parent_of=parent_of, valid_from=valid_from, valid_to=valid_to)


def plan_in_order(reorgs: Iterable[Reorganisation], tree: Tree) -> list[Plan]:
	"""Several reorganisations planned by effective date, each on the tree the ones before it leave (A → B
	on one date, B + C → D later). Same-day reorganisations must not share an old unit."""
	ordered = sorted(reorgs, key=lambda r: r.effective)
	plans = []
	for index, reorg in enumerate(ordered):
		the_plan = plan(reorg, tree, pending=ordered[index + 1 :])
		plans.append(the_plan)
		tree = apply_to_tree(tree, the_plan, reorg.new_parents)
	return plans


def current_successors(plans: Iterable[Plan]) -> dict[str, set[str]]:
	"""For every unit closed by the plans, the open units that now hold its work (following chains)."""
	direct: dict[str, tuple[str, ...]] = {}
	for the_plan in plans:
		direct.update(the_plan.successors)

	def follow(unit: str, seen: frozenset[str]) -> set[str]:
		if unit not in direct or unit in seen:
			return {unit}
		return set().union(*(follow(next_unit, seen | {unit}) for next_unit in direct[unit]))

	return {unit: follow(unit, frozenset()) for unit in direct}
