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
		keep_files_private(frappe.get_doc("File", name))
