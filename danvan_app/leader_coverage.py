"""Leaders in charge of dân vận: "100 % các cơ quan, đơn vị, địa phương phân công lãnh đạo phụ trách công tác
dân vận" (Chỉ thị 16-CT/TU §2). Which open units have none, and the share that have one, in the user's
units; closed units are history and count in neither."""

from functools import cache

import frappe
from frappe.query_builder.functions import Count, Sum
from frappe.utils import today
from pypika.terms import Case, Parameter

from danvan_app.permissions.scope import user_scope
from danvan_app.reports.units import open_unit_criterion


class OpenUnits:
	"""The open units of the user's scope (or of ``unit``'s subtree in it): the scope and the subtree's
	bounds are read once for both the list and the share.

	Both statements are built by the query builder once per process and shape (scoped or not, with a
	subtree or not), with named parameters for the day, the user's units and the subtree's bounds: the
	report is a pair of sub-millisecond statements, and building them again on every call cost as much."""

	def __init__(self, unit: str | None = None):
		scope = user_scope()
		self.values = {"today": today()}
		self.scoped = not scope.unrestricted
		self.empty = self.scoped and not scope.units
		if self.scoped:
			self.values["units"] = tuple(sorted(scope.units))
		self.subtree = bool(unit)
		if unit:
			self.values["lft"], self.values["rgt"] = frappe.db.get_value("DV Unit", unit, ["lft", "rgt"]) or (
				0,
				-1,
			)

	def without_leader(self) -> list[frappe._dict]:
		"""Those with no leader in charge, in tree order, with their parent unit and its leader (the user's id,
		to remind them, and their name, to show)."""
		if self.empty:
			return []
		return frappe.db.sql(
			statements(frappe.db.db_type, self.scoped, self.subtree)[0], self.values, as_dict=True
		)

	def coverage(self) -> tuple[int, int]:
		"""(those with a leader in charge, all of them), in one query."""
		if self.empty:
			return 0, 0
		with_leader, total = frappe.db.sql(
			statements(frappe.db.db_type, self.scoped, self.subtree)[1], self.values
		)[0]
		return int(with_leader or 0), int(total or 0)


@cache
def statements(db_type: str, scoped: bool, subtree: bool) -> tuple[str, str]:
	"""For the database kind ``db_type`` (the query builder quotes for it), the list of open units without a leader and the (with a leader, all) count, as SQL with the named
	parameters ``today``, ``units`` (when ``scoped``) and ``lft``/``rgt`` (with a ``subtree``)."""
	Unit, Parent = frappe.qb.DocType("DV Unit"), frappe.qb.DocType("DV Unit").as_("parent_unit")
	Leader = frappe.qb.DocType("User").as_("parent_leader")
	condition = open_unit_criterion(Unit, Parameter("%(today)s"))
	if scoped:
		condition &= Unit.name.isin(Parameter("%(units)s"))
	if subtree:
		condition &= (Unit.lft >= Parameter("%(lft)s")) & (Unit.rgt <= Parameter("%(rgt)s"))
	listing = (
		frappe.qb.from_(Unit)
		.left_join(Parent)
		.on(Parent.name == Unit.parent_dv_unit)
		.left_join(Leader)
		.on(Leader.name == Parent.dan_van_leader)
		.select(
			Unit.name.as_("unit"),
			Unit.unit_name,
			Unit.unit_kind,
			Unit.admin_level,
			Parent.name.as_("parent_unit"),
			Parent.unit_name.as_("parent_unit_name"),
			Parent.dan_van_leader.as_("parent_leader"),
			Leader.full_name.as_("parent_leader_name"),
		)
		.where(condition & no_leader(Unit))
		.orderby(Unit.lft)
	)
	count = frappe.qb.from_(Unit).select(Sum(Case().when(no_leader(Unit), 0).else_(1)), Count(Unit.name))
	return listing.get_sql(), count.where(condition).get_sql()


def no_leader(Unit):
	return Unit.dan_van_leader.isnull() | (Unit.dan_van_leader == "")


def units_without_leader(unit: str | None = None) -> list[frappe._dict]:
	return OpenUnits(unit).without_leader()


def coverage(unit: str | None = None) -> tuple[int, int]:
	return OpenUnits(unit).coverage()
