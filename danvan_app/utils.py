"""Small helpers the controllers share."""

import datetime

from frappe.utils import getdate


def as_date(value) -> datetime.date | None:
	"""Like ``getdate`` but an empty field stays empty: ``getdate(None)`` would answer *today*."""
	return getdate(value) if value else None
