"""Small helpers the controllers share."""

import datetime
from collections.abc import Iterator
from contextlib import contextmanager

import frappe
from frappe.utils import getdate


def as_date(value) -> datetime.date | None:
	"""Like ``getdate`` but an empty field stays empty: ``getdate(None)`` would answer *today*."""
	return getdate(value) if value else None


@contextmanager
def all_or_nothing() -> Iterator[None]:
	"""A savepoint around several writes: a refusal half-way leaves none of them behind, even when the
	caller (a test, a console) goes on in the same transaction."""
	savepoint = f"dv_{frappe.generate_hash(length=10)}"
	frappe.db.savepoint(savepoint)
	try:
		yield
	except Exception:
		frappe.db.rollback(save_point=savepoint)
		raise
	# Not released: the commit that ends the request discards it, and a job Frappe runs inline while
	# testing (assignment notifications) may already have committed, which drops it and makes a release fail.
