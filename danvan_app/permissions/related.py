"""Child tables of scoped records, and Frappe's records about them, are exactly as visible as the record.

A child row (a task's progress reports, an evaluation's scores) is read through its parent; Frappe checks
the parent for a single row, and ``child_query`` makes list reads (REST, ``get_list``, report view) do the
same. Files, comments, versions, mail and assignments about a scoped record follow it too
(``related_query``, ``related_has_permission``); Frappe's own rules for them still apply on top.
"""

import frappe

from danvan_app.domain import access
from danvan_app.permissions.scope import readable_names_sql, sql_list, user_scope


def child_query(user: str | None = None, doctype: str | None = None) -> str:
	"""Rows of a child table whose parent record the user may read."""
	scope = user_scope(user)
	if scope.unrestricted:
		return ""
	parent = access.CHILD_TABLES[doctype]
	table = f"`tab{doctype}`"
	return (
		f"({table}.`parenttype` = {frappe.db.escape(parent)}"
		f" and {table}.`parent` in ({readable_names_sql(parent, scope)}))"
	)


def related_query(user: str | None = None, doctype: str | None = None) -> str:
	"""Records about documents that are not scoped, or about scoped ones the user may read."""
	scope = user_scope(user)
	if scope.unrestricted:
		return ""
	doctype_field, name_field = (f"`tab{doctype}`.`{f}`" for f in access.RELATED_RECORDS[doctype])
	readable = " or ".join(
		f"({doctype_field} = {frappe.db.escape(scoped)} and {name_field} in ({readable_names_sql(scoped, scope)}))"
		for scoped in sorted(access.SCOPED_DOCTYPES)
	)
	return f"(ifnull({doctype_field}, '') not in ({sql_list(access.SCOPED_DOCTYPES)}) or {readable})"


def related_has_permission(doc, ptype: str | None = None, user: str | None = None, debug: bool = False):
	"""Deny a record about a scoped document the user may not read (or, for changing a file, write);
	otherwise leave the decision to Frappe's own rules for that DocType."""
	doctype_field, name_field = access.RELATED_RECORDS[doc.doctype]
	about, name = doc.get(doctype_field), doc.get(name_field)
	if about not in access.SCOPED_DOCTYPES or not name or not isinstance(name, str):
		return None
	if user_scope(user).unrestricted or not frappe.db.exists(about, name):
		return None
	needed = "write" if doc.doctype == "File" and (ptype or "read") not in access.READ_ACTIONS else "read"
	return None if frappe.has_permission(about, needed, doc=name, user=user) else False


def keep_files_private(doc, method=None):
	"""A file attached to a scoped record is private: a public file is served to anyone holding its URL,
	and Frappe lists every public file to every desk user, whatever it is attached to."""
	if doc.attached_to_doctype in access.SCOPED_DOCTYPES and not doc.is_private and not doc.is_folder:
		doc.is_private = 1
		doc.save(ignore_permissions=True)
