"""What the demo created, so that ``remove`` deletes exactly that.

The registry is one row per DocType in Frappe's key-value table (DefaultValue) under a parent only the demo
uses: it needs no DocType of its own (nothing to migrate, nothing shipped for a feature most sites never
run), it is written in the same transaction as the records it names (a failed load rolls back both), and
it is never read at login (Frappe loads only the ``__default`` and user parents). Records are listed only
when the demo created them: a record found already there, the site's own, is never listed and so never
removed. Names are looked up by a natural key (a unit's name, a user's e-mail, a directive's number), so a
second load finds what the first made and creates nothing twice.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager

import frappe

PARENT = "__danvan_demo"


def names(doctype: str) -> list[str]:
	value = frappe.db.get_value("DefaultValue", {"parent": PARENT, "defkey": doctype}, "defvalue")
	return json.loads(value) if value else []


def doctypes() -> list[str]:
	Default = frappe.qb.DocType("DefaultValue")
	query = frappe.qb.from_(Default).select(Default.defkey).where(Default.parent == PARENT)
	return sorted(query.run(pluck=True))


def is_demo(doctype: str, name: str) -> bool:
	return name in names(doctype)


def add(doctype: str, *new_names: str) -> None:
	"""List records the demo has just created (each once, in creation order)."""
	if not new_names:
		return
	listed = names(doctype)
	listed += [name for name in new_names if name not in listed]
	write(doctype, listed)


def write(doctype: str, listed: list[str]) -> None:
	frappe.db.delete("DefaultValue", {"parent": PARENT, "defkey": doctype})
	if not listed:
		return
	frappe.get_doc(
		{
			"doctype": "DefaultValue",
			"parent": PARENT,
			"parenttype": PARENT,
			"parentfield": "registry",
			"defkey": doctype,
			"defvalue": json.dumps(listed, ensure_ascii=False),
		}
	).db_insert()


def forget(doctype: str, name: str) -> None:
	write(doctype, [listed for listed in names(doctype) if listed != name])


def counts() -> dict[str, int]:
	return {doctype: len(names(doctype)) for doctype in doctypes()}


def create(values: dict, **insert_flags) -> frappe.model.document.Document:
	"""Insert a document through its controller and list it."""
	doc = frappe.get_doc(values).insert(**insert_flags)
	add(doc.doctype, doc.name)
	return doc


@contextmanager
def acting_as(user: str) -> Iterator[None]:
	"""Take a step as the official who would take it, so that the app's own permission rules decide."""
	previous = frappe.session.user
	frappe.set_user(user)
	try:
		yield
	finally:
		frappe.set_user(previous)
