"""Small helpers the controllers share."""

import datetime
from collections.abc import Iterator
from contextlib import contextmanager

import frappe
from frappe.utils import getdate, now_datetime


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


def bulk_insert_rows(doctype: str, rows: list[dict], ignore_duplicates: bool = False) -> None:
	"""Insert rows (dicts with the same keys) in chunked multi-row INSERTs, stamped as Frappe stamps a
	document it inserts: owner, modified_by, creation and modified."""
	if not rows:
		return
	now, user = now_datetime(), frappe.session.user
	stamp = {"creation": now, "modified": now, "owner": user, "modified_by": user}
	columns = list(rows[0])
	frappe.db.bulk_insert(
		doctype,
		[*stamp, *columns],
		([*stamp.values(), *(row[column] for column in columns)] for row in rows),
		ignore_duplicates=ignore_duplicates,
	)
