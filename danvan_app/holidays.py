"""Days off from Frappe/ERPNext Holiday Lists, for the optional working-day mode.

Holiday List ships with ERPNext (and HRMS), not with Frappe: on a site without it the mode does nothing.
"""

import datetime
from datetime import timedelta

import frappe

WINDOW_DAYS = 60  # a deadline never needs to move further than this past a run of holidays


def holidays_available() -> bool:
	return bool(frappe.db.exists("DocType", "Holiday List"))


def days_off(
	holiday_lists: set[str], start: datetime.date, end: datetime.date
) -> dict[str, set[datetime.date]]:
	"""Days off of each list between ``start`` and ``end`` + the window, in one query."""
	if not holiday_lists or not holidays_available():
		return {}
	Holiday = frappe.qb.DocType("Holiday")
	rows = (
		frappe.qb.from_(Holiday)
		.select(Holiday.parent, Holiday.holiday_date)
		.where(
			(Holiday.parenttype == "Holiday List")
			& Holiday.parent.isin(sorted(holiday_lists))
			& (Holiday.holiday_date >= start)
			& (Holiday.holiday_date <= end + timedelta(days=WINDOW_DAYS))
		)
		.run()
	)
	out: dict[str, set[datetime.date]] = {}
	for holiday_list, day in rows:
		out.setdefault(holiday_list, set()).add(frappe.utils.getdate(day))
	return out
