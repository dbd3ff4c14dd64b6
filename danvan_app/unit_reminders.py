"""Reminders about a unit sent to a person (a ToDo on the unit and an e-mail), at most one a day: a
reminder of the same kind sent today is found again, and today's replaces the open ones of earlier days.

Each kind of reminder has its mark, an HTML comment in the ToDo's description (invisible to the reader).
"""

import frappe
from frappe.utils import today


def sent_today(mark: str, units: list[str]) -> set[tuple[str, str]]:
	"""(unit, person) pairs already reminded today with ``mark``."""
	if not units:
		return set()
	ToDo = frappe.qb.DocType("ToDo")
	rows = (
		frappe.qb.from_(ToDo)
		.select(ToDo.reference_name, ToDo.allocated_to)
		.where(
			(ToDo.reference_type == "DV Unit")
			& ToDo.reference_name.isin(units)
			& ToDo.description.like(f"%{mark}%")
			& (ToDo.date == today())
			& (ToDo.status != "Cancelled")
		)
		.run()
	)
	return set(rows)


def close_earlier(mark: str, units: list[str]) -> None:
	"""Today's reminder of a unit replaces its open reminders of earlier days (one UPDATE for all units)."""
	if not units:
		return
	ToDo = frappe.qb.DocType("ToDo")
	frappe.qb.update(ToDo).set(ToDo.status, "Cancelled").where(
		(ToDo.reference_type == "DV Unit")
		& ToDo.reference_name.isin(units)
		& (ToDo.status == "Open")
		& (ToDo.date < today())
		& ToDo.description.like(f"%{mark}%")
	).run()


def send(mark: str, *, unit: str, person: str, subject: str, message: str) -> None:
	frappe.get_doc(
		{
			"doctype": "ToDo",
			"allocated_to": person,
			"reference_type": "DV Unit",
			"reference_name": unit,
			"date": today(),
			"priority": "Medium",
			"assigned_by": frappe.session.user,
			"description": f"{message}<!-- {mark} -->",
		}
	).insert(ignore_permissions=True)
	frappe.sendmail(
		recipients=[person],
		subject=subject,
		message=message,
		reference_doctype="DV Unit",
		reference_name=unit,
	)
