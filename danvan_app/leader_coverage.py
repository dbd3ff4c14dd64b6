"""Leaders in charge of dân vận: "100 % các cơ quan, đơn vị, địa phương phân công lãnh đạo phụ trách công tác
dân vận" (Chỉ thị 16-CT/TU §2). Which open units have none, and the share that have one, in the user's
units; closed units are history and count in neither."""

import frappe
from frappe.query_builder.functions import Count, Sum
from frappe.utils import today
from pypika.terms import Case

from danvan_app.permissions.scope import subtree_criterion, units_criterion
from danvan_app.reports.units import open_unit_criterion


class OpenUnits:
	"""The open units of the user's scope (or of ``unit``'s subtree in it): the scope and the subtree's
	bounds are read once for both the list and the share."""

	def __init__(self, unit: str | None = None):
		self.Unit = frappe.qb.DocType("DV Unit")
		self.condition = open_unit_criterion(self.Unit, today())
		for extra in (units_criterion(self.Unit.name), subtree_criterion(self.Unit, unit)):
			if extra is not None:
				self.condition &= extra

	def without_leader(self) -> list[frappe._dict]:
		"""Those with no leader in charge, in tree order, with their parent unit and its leader."""
		Unit, Parent = self.Unit, frappe.qb.DocType("DV Unit").as_("parent_unit")
		return (
			frappe.qb.from_(Unit)
			.left_join(Parent)
			.on(Parent.name == Unit.parent_dv_unit)
			.select(
				Unit.name.as_("unit"),
				Unit.unit_name,
				Unit.unit_kind,
				Unit.admin_level,
				Parent.name.as_("parent_unit"),
				Parent.unit_name.as_("parent_unit_name"),
				Parent.dan_van_leader.as_("parent_leader"),
			)
			.where(self.condition & no_leader(Unit))
			.orderby(Unit.lft)
			.run(as_dict=True)
		)

	def coverage(self) -> tuple[int, int]:
		"""(those with a leader in charge, all of them), in one query."""
		Unit = self.Unit
		with_leader, total = (
			frappe.qb.from_(Unit)
			.select(Sum(Case().when(no_leader(Unit), 0).else_(1)), Count(Unit.name))
			.where(self.condition)
			.run()[0]
		)
		return int(with_leader or 0), int(total or 0)


def no_leader(Unit):
	return Unit.dan_van_leader.isnull() | (Unit.dan_van_leader == "")


def units_without_leader(unit: str | None = None) -> list[frappe._dict]:
	return OpenUnits(unit).without_leader()


def coverage(unit: str | None = None) -> tuple[int, int]:
	return OpenUnits(unit).coverage()
