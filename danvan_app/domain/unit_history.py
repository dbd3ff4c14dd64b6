"""The unit tree as it was on a date, and the roll-up of per-unit counts over it.

Today's tree is the NestedSet (``parent_dv_unit``, lft/rgt). A unit that changed its parent (moved under a
new parent by a reorganisation, or by hand on its form) keeps the parents it had before as periods: "under
X up to and including day T" (``ParentPeriod``). A unit's parent on a day is the parent of the first period
that ends on or after that day, else today's parent. Closed units keep their row (``valid_to``), so the
tree on a day is every unit that existed then, each under the parent it had then.

A report then counts once per unit in SQL (one grouped query) and adds the counts up this tree in Python:
each unit's counts go to the shown rows that are it or its ancestors on the day. A unit that did not exist
yet on the day (opened later) is placed under the parent it had when it opened, so that no counted record
is lost; rows are only units that existed on the day.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta


@dataclass(frozen=True)
class UnitRow:
	"""What the tree on a day needs of a unit: today's parent and its validity."""

	name: str
	parent: str | None = None
	valid_from: date | None = None
	valid_to: date | None = None
	enabled: bool = True
	admin_level: str | None = None


@dataclass(frozen=True)
class ParentPeriod:
	"""``unit`` sat under ``parent`` (None: at the top) from ``from_date`` (None: since it opened) to
	``to_date`` inclusive."""

	unit: str
	parent: str | None
	to_date: date
	from_date: date | None = None


def existed_on(unit: UnitRow, day: date) -> bool:
	"""A unit existed on ``day`` if the day lies in [valid_from, valid_to]. A closed unit is disabled today
	but existed before it closed; a unit disabled without a last day is taken as not operating at all."""
	if unit.valid_from and day < unit.valid_from:
		return False
	if unit.valid_to:
		return day <= unit.valid_to
	return unit.enabled


def parent_on(day: date, current_parent: str | None, periods: Sequence[ParentPeriod]) -> str | None:
	"""The parent on ``day``: that of the first period (by last day) ending on or after it, else today's."""
	for period in sorted(periods, key=lambda p: p.to_date):
		if day <= period.to_date:
			return period.parent
	return current_parent


def next_period(
	unit: str,
	former_parent: str | None,
	last_day: date,
	previous: Sequence[ParentPeriod],
	opened: date | None = None,
) -> ParentPeriod | None:
	"""The period to record when ``unit`` leaves ``former_parent`` after ``last_day``: it starts the day
	after the last recorded period ends (or when the unit opened). None when it would be empty or would
	rewrite recorded history (a unit moved twice in a day, or a change dated before the last recorded one):
	the parents recorded before stay as they are."""
	ends = [p.to_date for p in previous]
	start = max(ends) + timedelta(days=1) if ends else opened
	if start and start > last_day:
		return None
	return ParentPeriod(unit=unit, parent=former_parent or None, to_date=last_day, from_date=start)


@dataclass(frozen=True)
class TreeOn:
	"""The tree on ``day``: every unit's parent then, and which units existed then."""

	day: date
	parent_of: Mapping[str, str | None]
	existing: frozenset[str] = field(default_factory=frozenset)

	def chain(self, unit: str) -> list[str]:
		"""The unit and its ancestors on the day, nearest first (a loop in bad data is cut)."""
		chain, seen = [], set()
		while unit and unit not in seen:
			chain.append(unit)
			seen.add(unit)
			unit = self.parent_of.get(unit)
		return chain

	def children(self, unit: str | None) -> list[str]:
		return sorted(name for name, parent in self.parent_of.items() if (parent or None) == (unit or None))

	def within(self, unit: str, top: str) -> bool:
		return top in self.chain(unit)


def tree_on(day: date, units: Iterable[UnitRow], periods: Iterable[ParentPeriod]) -> TreeOn:
	by_unit: dict[str, list[ParentPeriod]] = {}
	for period in periods:
		by_unit.setdefault(period.unit, []).append(period)
	units = list(units)
	return TreeOn(
		day=day,
		parent_of={u.name: parent_on(day, u.parent, by_unit.get(u.name, ())) for u in units},
		existing=frozenset(u.name for u in units if existed_on(u, day)),
	)


def roll_up(
	tree: TreeOn,
	counts: Mapping[str, Mapping[str, int]],
	rows: Sequence[str],
	own_only: Iterable[str] = (),
) -> dict[str, dict[str, int]]:
	"""The counts of each row: the sum of the per-unit ``counts`` of the units in its subtree on the day (a
	row in ``own_only`` takes only its own unit's counts). Keys are those of the counts; a row with nothing
	under it has zeros."""
	keys: list[str] = []
	for values in counts.values():
		keys += [key for key in values if key not in keys]
	shown, own = set(rows), set(own_only)
	totals = {row: dict.fromkeys(keys, 0) for row in rows}
	for unit, values in counts.items():
		for position, ancestor in enumerate(tree.chain(unit)):
			if ancestor not in shown or (position and ancestor in own):
				continue
			for key, value in values.items():
				totals[ancestor][key] += value or 0
	return totals


def nearest_of_level(tree: TreeOn, unit: str, level: str, level_of: Mapping[str, str | None]) -> str | None:
	"""The unit itself or its nearest ancestor on the day of the given admin level that existed then."""
	return next(
		(u for u in tree.chain(unit) if level_of.get(u) == level and u in tree.existing),
		None,
	)


def outermost_of_level(
	tree: TreeOn, level: str, level_of: Mapping[str, str | None], among: Iterable[str] | None = None
) -> list[str]:
	"""The units of a level (among those that existed on the day, unless ``among`` says which) whose parent
	then was not of that level."""
	return sorted(
		unit
		for unit in (tree.existing if among is None else among)
		if level_of.get(unit) == level and level_of.get(tree.parent_of.get(unit) or "") != level
	)
