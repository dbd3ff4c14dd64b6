"""The unit tree: structure rules that NestedSet does not state in Vietnamese, and validity in time.

Since 7/2025 local government is province → commune: district bodies close and hand their work to a
successor. A closed unit keeps its row (old directives still name it) with ``valid_to`` and successors.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date


class UnitRuleError(ValueError):
	"""A unit breaks a rule; the controller turns it into a Vietnamese message."""


class OwnAncestor(UnitRuleError):
	def __init__(self, unit: str, parent: str):
		super().__init__(f"{unit} cannot sit under {parent}")
		self.unit, self.parent = unit, parent


class ValidityReversed(UnitRuleError):
	def __init__(self, valid_from: date, valid_to: date):
		super().__init__(f"valid_to {valid_to} before valid_from {valid_from}")
		self.valid_from, self.valid_to = valid_from, valid_to


class OwnSuccessor(UnitRuleError):
	def __init__(self, unit: str):
		super().__init__(f"{unit} cannot succeed itself")
		self.unit = unit


def check_parent(unit: str | None, new_parent: str | None, ancestors_of_new_parent: Iterable[str]) -> None:
	"""Refuse a parent that is the unit itself or one of its descendants (the unit would be its own
	ancestor). ``ancestors_of_new_parent`` is the chain above the proposed parent."""
	if not unit or not new_parent:
		return
	if new_parent == unit or unit in set(ancestors_of_new_parent):
		raise OwnAncestor(unit, new_parent)


def check_validity(valid_from: date | None, valid_to: date | None) -> None:
	if valid_from and valid_to and valid_to < valid_from:
		raise ValidityReversed(valid_from, valid_to)


def check_successors(unit: str | None, successors: Iterable[str]) -> None:
	if unit and unit in set(successors):
		raise OwnSuccessor(unit)


def is_active_on(day: date, *, valid_from: date | None, valid_to: date | None, enabled: bool = True) -> bool:
	"""A unit exists on ``day`` if enabled and the day lies in [valid_from, valid_to] (open ends allowed)."""
	if not enabled:
		return False
	if valid_from and day < valid_from:
		return False
	return not (valid_to and day > valid_to)


def clean_aliases(aliases: Iterable[str | None]) -> list[str]:
	"""Trimmed, whitespace-folded, de-duplicated (case-insensitively) aliases in their first spelling."""
	seen: set[str] = set()
	cleaned = []
	for alias in aliases:
		text = " ".join((alias or "").split())
		if text and text.casefold() not in seen:
			seen.add(text.casefold())
			cleaned.append(text)
	return cleaned


# The usual short forms of the long words that open a unit's name, as officials write them.
SHORT_FORMS = (
	("Ủy ban Mặt trận Tổ quốc Việt Nam", "UBMTTQVN"),
	("Ủy ban nhân dân", "UBND"),
	("Hội đồng nhân dân", "HĐND"),
	("Mặt trận Tổ quốc", "MTTQ"),
	("Ban Thường vụ", "BTV"),
	("Ban Dân vận", "BDV"),
	("Ban Tuyên giáo và Dân vận", "BTG&DV"),
	("Ban cán sự đảng", "BCSĐ"),
	("Đảng ủy", "ĐU"),
)


def short_unit_name(unit_name: str, abbreviation: str | None = None) -> str:
	"""A name short enough for a chart's axis: the unit's own abbreviation if it has one, else its name
	with the long opening words in their usual short form ("Ủy ban nhân dân xã Bắc Hà" → "UBND xã Bắc Hà"),
	so that ten bars are not all labelled "Ủy ban …"."""
	if abbreviation and abbreviation.strip():
		return abbreviation.strip()
	for long, short in sorted(SHORT_FORMS, key=lambda pair: -len(pair[0])):
		if unit_name.lower().startswith(long.lower()):
			return short + unit_name[len(long) :]
	return unit_name
