"""Files attached to DV records before they were kept private become private (Frappe moves each one)."""

import frappe

from danvan_app.domain import access
from danvan_app.permissions.related import keep_files_private


def execute():
	for name in frappe.get_all(
		"File",
		filters={
			"attached_to_doctype": ("in", sorted(access.SCOPED_DOCTYPES)),
			"is_private": 0,
			"is_folder": 0,
		},
		pluck="name",
	):
		try:
			keep_files_private(frappe.get_doc("File", name))
		except FileNotFoundError:
			# A record whose file is gone from disk serves nothing; Frappe cannot move it, so it stays.
			print(f"danvan_app: file {name} is not on disk, left as it is")
