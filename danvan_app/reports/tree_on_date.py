"""Reports on the unit tree as it was on a date ("Cơ cấu tổ chức tại ngày"): the units and the parents they
had then, read in two queries whatever the size of the tree; the roll-up itself is the pure core's
(``danvan_app.domain.unit_history``)."""

import frappe
from frappe import _
from frappe.utils import getdate

from danvan_app.domain import unit_history
from danvan_app.utils import as_date

# The filter every roll-up report offers; empty means today's tree.
AS_OF_FILTER = "as_of_date"


def as_of_date(filters):
	"""The report's "structure on" date, or None for today's tree; a date that is no date is refused."""
	value = filters.get(AS_OF_FILTER)
	if not value:
		return None
	try:
		return getdate(value)
	except Exception:
		frappe.throw(
			_("Ngày của cơ cấu tổ chức không hợp lệ: {0}.").format(value), title=_("Ngày không hợp lệ")
		)


class UnitsOn:
	"""Every unit with what a report shows of it, and the tree on ``day``."""

	def __init__(self, day):
		Unit = frappe.qb.DocType("DV Unit")
		rows = (
			frappe.qb.from_(Unit)
			.select(
				Unit.name,
				Unit.unit_name,
				Unit.abbreviation,
				Unit.parent_dv_unit,
				Unit.admin_level,
				Unit.unit_kind,
				Unit.valid_from,
				Unit.valid_to,
				Unit.enabled,
				Unit.lft,
			)
			.orderby(Unit.lft)
			.run(as_dict=True)
		)
		Period = frappe.qb.DocType("DV Unit Parent Period")
		periods = (
			frappe.qb.from_(Period)
			.select(Period.parent, Period.parent_unit, Period.from_date, Period.to_date)
			.where(Period.parenttype == "DV Unit")
			.run(as_dict=True)
		)
		self.day = day
		self.info = {row.name: row for row in rows}
		self.tree = unit_history.tree_on(
			day,
			(
				unit_history.UnitRow(
					name=row.name,
					parent=row.parent_dv_unit or None,
					valid_from=as_date(row.valid_from),
					valid_to=as_date(row.valid_to),
					enabled=bool(row.enabled),
					admin_level=row.admin_level,
				)
				for row in rows
			),
			(
				unit_history.ParentPeriod(
					unit=p.parent,
					parent=p.parent_unit or None,
					to_date=getdate(p.to_date),
					from_date=as_date(p.from_date),
				)
				for p in periods
			),
		)
		self.level_of = {row.name: row.admin_level for row in rows}

	def opened_by_day(self, unit: str) -> bool:
		"""Existed on the day or before it (a closed unit shown on request)."""
		opened = self.info[unit].valid_from
		return not opened or getdate(opened) <= self.day

	def shown(self, units, include_closed: bool = False) -> list[str]:
		"""``units`` that existed on the day (or, with ``include_closed``, had opened by then), in tree order."""
		keep = [
			unit
			for unit in units
			if unit in self.info
			and (unit in self.tree.existing or (include_closed and self.opened_by_day(unit)))
		]
		return sorted(set(keep), key=lambda unit: self.info[unit].lft or 0)
