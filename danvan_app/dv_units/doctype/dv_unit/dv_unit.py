# Copyright (c) 2026, danvan_app developers
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.utils import add_days, getdate, today
from frappe.utils.nestedset import NestedSet, get_ancestors_of

from danvan_app.domain import unit_history
from danvan_app.domain import units as unit_rules
from danvan_app.exceptions import UnitTreeError
from danvan_app.permissions.guard import ScopeGuard
from danvan_app.rule_refusals import refusals
from danvan_app.utils import as_date
from danvan_app.value_guard import ValueGuard


def is_today(value) -> bool:
	return bool(value) and getdate(value) == getdate(today())


class DVUnit(ValueGuard, ScopeGuard, NestedSet):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from danvan_app.dv_units.doctype.dv_unit_alias.dv_unit_alias import DVUnitAlias
		from danvan_app.dv_units.doctype.dv_unit_parent_period.dv_unit_parent_period import (
			DVUnitParentPeriod,
		)
		from danvan_app.dv_units.doctype.dv_unit_successor.dv_unit_successor import DVUnitSuccessor

		abbreviation: DF.Data | None
		address: DF.SmallText | None
		admin_level: DF.Link | None
		aliases: DF.Table[DVUnitAlias]
		closure_note: DF.SmallText | None
		dan_van_leader: DF.Link | None
		email: DF.Data | None
		enabled: DF.Check
		head_name: DF.Data | None
		holiday_list: DF.Data | None
		is_group: DF.Check
		leader_since: DF.Date | None
		lft: DF.Int
		old_parent: DF.Link | None
		parent_dv_unit: DF.Link | None
		parent_periods: DF.Table[DVUnitParentPeriod]
		phone: DF.Data | None
		rgt: DF.Int
		successors: DF.Table[DVUnitSuccessor]
		unit_kind: DF.Link
		unit_name: DF.Data
		unit_officer: DF.Link | None
		valid_from: DF.Date | None
		valid_to: DF.Date | None
	# end: auto-generated types
	nsm_parent_field = "parent_dv_unit"

	# Where a unit sits and who leads its dân vận work are the administrators' (as unit access is).
	fixed_fields = ("parent_dv_unit", "dan_van_leader", "unit_officer")

	def validate(self):
		self.keep_tree_bookkeeping()
		self.check_fixed_fields()
		self.record_former_parent()
		self.check_linked_records()
		self.check_parent_is_not_own_descendant()
		self.check_validity_window()
		self.check_successors()
		self.clean_aliases()
		self.close_if_past_validity()

	def keep_tree_bookkeeping(self):
		"""lft, rgt and old_parent are NestedSet's own record of the tree: whatever a request sends for them
		is replaced by what the tree holds (a new unit has none yet), or one bad number would corrupt it."""
		before = self.get_doc_before_save()
		for field in ("lft", "rgt", "old_parent"):
			self.set(field, before.get(field) if before else None)

	def record_former_parent(self):
		"""The parents a unit had are history (reports on the tree as it was on a date read them): what a
		request sends for them is replaced by what was recorded, and a new parent closes the former one's
		period yesterday (a reorganisation records its own, dated the day before it takes effect)."""
		before = self.get_doc_before_save()
		recorded = list(before.parent_periods) if before else []
		self.set("parent_periods", [row.as_dict() for row in recorded])
		if not before or (before.parent_dv_unit or None) == (self.parent_dv_unit or None):
			return
		period = unit_history.next_period(
			self.name,
			before.parent_dv_unit,
			getdate(add_days(today(), -1)),
			[unit_history.ParentPeriod(self.name, r.parent_unit, as_date(r.to_date)) for r in recorded],
			# a unit put right on the day it was entered has no former parent to remember
			opened=as_date(self.valid_from)
			or (getdate(before.creation) if is_today(before.creation) else None),
		)
		if period:
			self.append(
				"parent_periods",
				{"parent_unit": period.parent, "from_date": period.from_date, "to_date": period.to_date},
			)

	def check_parent_is_not_own_descendant(self):
		if self.is_new() or not self.parent_dv_unit:
			return
		ancestors = get_ancestors_of("DV Unit", self.parent_dv_unit)
		with refusals(unit_name=self.unit_name, parent_name=self.parent_title()):
			unit_rules.check_parent(self.name, self.parent_dv_unit, ancestors)

	def check_validity_window(self):
		with refusals():
			unit_rules.check_validity(as_date(self.valid_from), as_date(self.valid_to))

	def check_successors(self):
		with refusals(unit_name=self.unit_name):
			unit_rules.check_successors(self.name, [row.successor_unit for row in self.successors])

	def clean_aliases(self):
		cleaned = unit_rules.clean_aliases(row.alias for row in self.aliases)
		if cleaned != [row.alias for row in self.aliases]:
			self.set("aliases", [{"alias": alias} for alias in cleaned])

	def close_if_past_validity(self):
		# A unit whose last day has passed no longer operates, whatever the checkbox says.
		if self.valid_to and as_date(self.valid_to) < getdate(today()):
			self.enabled = 0

	def parent_title(self) -> str:
		return frappe.db.get_value("DV Unit", self.parent_dv_unit, "unit_name") or self.parent_dv_unit

	def on_update(self):
		placed = self.flags.in_insert or self.has_value_changed("parent_dv_unit")
		super().on_update()
		if placed:
			self.check_tree_placement()
		self.mark_parent_as_group()
		self.refresh_unit_scopes()

	def check_tree_placement(self):
		"""Frappe places a new top-level unit after the last one it reads from the transaction's snapshot,
		without a lock: two units added at the same moment (seen with two clients building trees at once)
		could put one inside the other's bounds, and every scope read by bounds would reach units it must
		not. The bounds are read again with a locking read (the latest committed values, waiting for any
		other change in progress): the innermost unit around this one must be its parent. If not, the save
		is refused and rolled back, and can simply be done again."""
		enclosing = frappe.db.sql(
			"""select outer_unit.name from `tabDV Unit` unit
			join `tabDV Unit` outer_unit on outer_unit.lft < unit.lft and outer_unit.rgt > unit.rgt
			where unit.name = %s order by outer_unit.lft desc limit 1 lock in share mode""",
			self.name,
		)
		if (enclosing[0][0] if enclosing else None) != (self.parent_dv_unit or None):
			frappe.throw(
				_(
					"Cây đơn vị vừa được thay đổi cùng lúc ở nơi khác nên chưa lưu được đơn vị này. Vui lòng lưu lại."
				),
				UnitTreeError,
				title=_("Chưa lưu được"),
			)

	def on_trash(self):
		super().on_trash()
		self.refresh_unit_scopes()

	def refresh_unit_scopes(self):
		# Frappe caches each user's User Permissions with the subtree expanded: a new or moved unit must
		# reach (or leave) the scope of everyone granted an ancestor.
		frappe.cache.delete_key("user_permissions")

	def mark_parent_as_group(self):
		# Officials add sub-units wherever they belong; the parent becomes a group instead of refusing.
		if self.parent_dv_unit and not frappe.db.get_value("DV Unit", self.parent_dv_unit, "is_group"):
			frappe.db.set_value("DV Unit", self.parent_dv_unit, "is_group", 1)
